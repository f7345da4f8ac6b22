"""``slacalc check`` through the columnar reader (SPEC 9), chunk by chunk.

Used when pandas is installed and the ticket file is slacalc's own columns
(:attr:`~slacalc.cli._input.Input.plain`). Each chunk of records goes to
``slacalc.frame.lines.check_chunk``, which answers the rows it can columnwise; the
rest are read and evaluated as the row path does (``Input.read_rows``,
``evaluate_rows``), and the two are written in input order. The output is the row
path's, byte for byte (tests/test_cli_columnar.py).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from slacalc._facade import Contract
from slacalc._io.files import Block
from slacalc._io.records import cell_text
from slacalc._io.rows import CHUNK as ROW_CHUNK
from slacalc._io.rows import Record, evaluate_rows
from slacalc.cli._input import Input

__all__ = ["CHUNK", "available", "check_columnar"]

#: Ticket records per chunk: large enough that numpy's per-call cost is small against a
#: chunk, small enough that a chunk's frames stay a few tens of MB.
CHUNK = 20_000


def available() -> bool:
    """Whether pandas and numpy can be imported (the ``pandas`` extra)."""
    from importlib.util import find_spec

    return find_spec("pandas") is not None and find_spec("numpy") is not None


def check_columnar(
    data: Input,
    contract: Contract,
    at: datetime,
    format: str,
    write: Callable[[list[str]], None],
    records_of: Callable[..., tuple[list[dict[str, Any]], bool, list[int]]],
    advance: Callable[[int], None],
    fields: tuple[str, ...],
) -> tuple[bool, bool, list[dict[str, Any]]]:
    """Check every chunk; returns whether anything breached or was bad, whether the file
    names contracts, and (for a table) the records in order."""
    import numpy as np

    from slacalc.frame.lines import check_block, check_chunk

    seen: dict[str, int] = {}
    failed = False
    with_contract = _names_contracts(data)
    named = False  # whether any row names a contract (a table shows the column)
    held: list[dict[str, Any]] = []
    wrote_header = False
    for batch in _units(data):
        if isinstance(batch, Block):
            chunk = check_block(
                batch, contract, at, data.events, seen, format=format,
                with_contract=with_contract,
            )  # fmt: skip
        else:
            chunk = check_chunk(
                batch, contract, at, data.events, seen, format=format,
                with_contract=with_contract,
            )  # fmt: skip
        named = named or chunk.named
        rows = data.read_rows(chunk.left, seen)
        outcomes = evaluate_rows(contract, rows, at)
        slow, bad, owners = records_of(rows, [], outcomes, True, format == "table")
        failed = failed or bad or chunk.breached
        slow_keys = _slow_keys(owners, chunk.left_positions)
        keys = np.concatenate([chunk.keys, np.array(slow_keys, dtype=np.int64).reshape(-1, 2)])
        ranking = np.lexsort((keys[:, 1], keys[:, 0]))
        if format == "table":
            both = chunk.records + slow
            held += [both[k] for k in ranking.tolist()]
        else:
            if not wrote_header and format == "csv":
                write([",".join(f for f in fields if with_contract or f != "contract")])
                wrote_header = True
            lines = chunk.lines + _format(slow, format, with_contract, fields)
            write([lines[k] for k in ranking.tolist()])
        advance(len(batch.lines) if isinstance(batch, Block) else len(batch))
    data.finish()
    orphans, bad, _ = records_of([], data.orphans, {}, True, format == "table")
    failed = failed or bad
    if format == "table":
        held += orphans
    else:
        if not wrote_header and format == "csv":
            write([",".join(f for f in fields if with_contract or f != "contract")])
        write(_format(orphans, format, with_contract, fields))
    return failed, named, held


def _names_contracts(data: Input) -> bool:
    """Whether the file's first rows name contracts: a file that does gets them back,
    decided by its first rows (as a CSV header must be): the row path's first chunk of
    records, whatever the size of these chunks."""
    head: list[Any] = []
    records = 0
    names = False
    for item in data.records:
        head.append(item)
        if isinstance(item, Block):
            column = item.header.index("contract") if "contract" in item.header else None
            for line in item.lines:
                if records >= ROW_CHUNK:
                    break
                if not line.replace(item.delimiter, "").strip():
                    continue  # a blank line is no record
                records += 1
                cells = line.rstrip("\r\n").split(item.delimiter)
                names = names or (column is not None and len(cells) > column
                                  and bool(cells[column].strip()))  # fmt: skip
        else:
            records += 1
            names = names or (not isinstance(item[1], str) and bool(cell_text(item[1], "contract")))
        if records >= ROW_CHUNK:
            break
    data.records = itertools.chain(head, data.records)
    return names


def _units(data: Input) -> Iterator[Block | list[tuple[int, Record]]]:
    """The file's blocks of plain lines as they come, and its records (the rest)
    ``CHUNK`` at a time, in slacalc's column names."""
    pending: list[tuple[int, Record]] = []
    for item in data.records:
        if isinstance(item, Block):
            if pending:
                yield list(data.reading.records(pending))
                pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= CHUNK:
            yield list(data.reading.records(pending))
            pending = []
    if pending:
        yield list(data.reading.records(pending))


def _slow_keys(owners: list[int], positions: list[int]) -> list[tuple[int, int]]:
    """(position in the chunk, order) of each record of the row path's rows."""
    keys, last, order = [], -1, 0
    for owner in owners:
        order = order + 1 if owner == last else 0
        keys.append((positions[owner], order))
        last = owner
    return keys


def _format(
    records: list[dict[str, Any]], format: str, with_contract: bool, fields: tuple[str, ...]
) -> list[str]:
    """The row path's lines of records (csv without its header, or json)."""
    if not with_contract:
        for record in records:
            record.pop("contract", None)
    if format == "json":
        return [json.dumps(record, ensure_ascii=False) for record in records]
    names = [f for f in fields if with_contract or f != "contract"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    lines = []
    for record in records:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(record)
        lines.append(buffer.getvalue()[:-1])
    return lines
