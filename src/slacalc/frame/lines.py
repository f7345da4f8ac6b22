"""``slacalc check``'s columnar path (SPEC 9): a chunk of a ticket file answered as
columns, written as csv or json lines without a Python object per result.

Not part of SPEC's surface: ``cli._check`` uses it when pandas is installed and the
input is slacalc's own columns (no ``--from``, ``--history``, ``--tz`` or
``--priority``). :func:`check_chunk` takes a chunk of the file's records, reads them
column by column as ``frame.evaluate`` does (``frame._fast``), gives the rows it cannot
answer columnwise back (the command's row path reads those, with its messages and line
numbers), and formats the others' results exactly as the row path would: ISO 8601 in
the zone of each target's calendar, elapsed seconds as an int when whole, csv quoted as
the ``csv`` module quotes, json as ``json.dumps`` writes. tests/test_cli_columnar.py
checks both paths print the same bytes.

>>> iso_texts(np.array([1_795_420_800_000_000, NONE]), "Europe/Amsterdam").tolist()
['2026-11-23T09:00:00+01:00', None]
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from slacalc._facade import Contract
from slacalc._io.files import Block
from slacalc._io.records import TICKET_COLUMNS
from slacalc._io.rows import EventIndex, Record
from slacalc.frame._fast import NONE, result_arrays, split
from slacalc.frame._text import text

__all__ = ["NONE", "Chunk", "check_block", "check_chunk", "iso_texts"]

_EVENT_NAMES = ("at", "kind", "priority", "reason")  # EventIndex's cells, in order
_CSV_SPECIAL = re.compile(r'[,"\r\n]')
_JSON_SPECIAL = re.compile(r'["\\\x00-\x1f\ud800-\udfff]')


@dataclass
class Chunk:
    """What :func:`check_chunk` answered: the positions (in the chunk) of the rows it
    answered, the rows it left for the row path, and per result line its key (position,
    target order) and text (csv or json), or its record (for a table)."""

    answered: Any
    left: list[tuple[int, Record]]
    left_positions: list[int]
    keys: Any
    lines: list[str]
    records: list[dict[str, Any]]
    breached: bool
    named: bool = False  # whether a row of the chunk names a contract


def iso_texts(us: Any, zone: str) -> Any:
    """``datetime.isoformat`` of UTC microseconds in ``zone`` (``None`` for
    :data:`NONE`), as an object array."""
    out = np.full(len(us), None, dtype=object)
    some = us != NONE
    if not some.any():
        return out
    utc = pd.DatetimeIndex(us[some].astype("datetime64[us]")).tz_localize("UTC")
    local = utc.tz_convert(zone).tz_localize(None).as_unit("us").asi8
    offset = (local - us[some]) // 60_000_000  # minutes east of UTC (whole, in range)
    seconds = (local // 1_000_000).astype("datetime64[s]")  # floor, before 1970 too
    base = np.datetime_as_string(seconds, unit="s").astype(object)
    fraction = local % 1_000_000
    if fraction.any():
        tails = np.array([f".{f:06d}" if f else "" for f in fraction], dtype=object)
        base = base + tails
    distinct, which = np.unique(offset, return_inverse=True)  # a zone has a few offsets
    names = np.array(
        [f"{'-' if m < 0 else '+'}{abs(m) // 60:02d}:{abs(m) % 60:02d}" for m in distinct.tolist()],
        dtype=object,
    )
    out[some] = base + names[which]
    return out


def check_chunk(
    records: Sequence[tuple[int, Record]],
    contract: Contract,
    at: datetime,
    events: EventIndex[int] | None,
    seen: dict[str, int],
    *,
    format: str,
    with_contract: bool,
) -> Chunk:
    """Answer the records of a chunk that go columnwise (see the module); their ids are
    added to ``seen`` (the ids met so far, with their line) and their events taken from
    ``events``."""
    good = [n for n, (_, record) in enumerate(records) if not isinstance(record, str)]
    rows = [record for _, record in records if not isinstance(record, str)]
    present: set[str] = set().union(*(r.keys() for r in rows))
    names = [c for c in TICKET_COLUMNS if c in present]
    table = pd.DataFrame(
        {name: pd.Series([r.get(name) for r in rows], dtype=object) for name in names}
    )
    return _check(
        table, np.array(good, dtype=np.int64), records.__getitem__,
        lambda n: records[n][0], len(records), contract, at, events, seen, format,
        with_contract,
    )  # fmt: skip


def check_block(
    block: Block,
    contract: Contract,
    at: datetime,
    events: EventIndex[int] | None,
    seen: dict[str, int],
    *,
    format: str,
    with_contract: bool,
) -> Chunk:
    """:func:`check_chunk` for a block of plain lines (``_io.files.Block``), split by
    pandas' C parser instead of a dict per row (records only for the rows left)."""
    header, delimiter = block.header, block.delimiter
    keep = [k for k, line in enumerate(block.lines) if line.replace(delimiter, "").strip()]
    if len(set(header)) != len(header):  # a doubled other column: as the csv reader does
        records: list[tuple[int, Record]] = [
            (block.first + k, dict(zip(header, block.lines[k].rstrip("\r\n").split(delimiter),
                                       strict=False)))
            for k in keep
        ]  # fmt: skip
        return check_chunk(
            records, contract, at, events, seen, format=format, with_contract=with_contract
        )
    table = pd.read_csv(
        io.StringIO("".join(block.lines)), sep=delimiter, header=None, names=header,
        dtype=str, na_filter=False, quoting=csv.QUOTE_NONE, skip_blank_lines=False,
        engine="c", index_col=False,
    ).iloc[keep].reset_index(drop=True)  # fmt: skip
    lines = [block.first + k for k in keep]

    def item(n: int) -> tuple[int, Record]:
        cells = table.iloc[n]
        return lines[n], {k: v for k, v in cells.items() if isinstance(v, str)}

    names = [c for c in TICKET_COLUMNS if c in table.columns]
    return _check(
        table[names], np.arange(len(table), dtype=np.int64), item, lines.__getitem__,
        len(table), contract, at, events, seen, format, with_contract,
    )  # fmt: skip


def _check(
    table: pd.DataFrame,
    in_chunk: Any,
    item: Callable[[int], tuple[int, Record]],
    line_of: Callable[[int], int],
    count: int,
    contract: Contract,
    at: datetime,
    events: EventIndex[int] | None,
    seen: dict[str, int],
    format: str,
    with_contract: bool,
) -> Chunk:
    """The chunk's table rows (at ``in_chunk`` among its ``count`` items) columnwise where
    they can go; ``item(n)`` is the chunk's ``n``-th (line, record), for the row path, and
    ``line_of(n)`` its line."""
    if not len(table) or not {"id", "priority", "opened_at"} <= set(table.columns):
        everything = list(range(count))
        return Chunk(np.zeros(0, np.int64), [item(n) for n in everything], everything,
                     np.zeros((0, 2), np.int64), [], [], False)  # fmt: skip
    ids = text(table["id"])
    named = "contract" in table.columns and bool((text(table["contract"]) != "").any())
    taken = _take_events(events, ids, seen)
    fast = split(table, contract, taken[0], at, held=seen)
    answered = in_chunk[fast.positions]
    fast_ids = set(fast.ids.tolist())
    if events is not None:  # the others' events go back, for the row path
        for ticket, found in taken[1].items():
            if ticket not in fast_ids:
                events.by_ticket[ticket] = found
    for n, ticket in zip(answered.tolist(), fast.ids.tolist(), strict=True):
        seen[ticket] = line_of(n)
    chosen = set(answered.tolist())
    positions = [n for n in range(count) if n not in chosen]
    left = [item(n) for n in positions]
    merged = result_arrays(contract, fast, at)
    if merged is None:
        return Chunk(answered, left, positions, np.zeros((0, 2), np.int64), [], [], False, named)
    keys = np.stack([in_chunk[merged["position"]], merged["order"]], axis=1)
    due, breach, next_change = _instants(merged)
    elapsed = _seconds(merged["elapsed"])
    breached = bool((merged["status"] == "breached").any())
    columns = {
        "ticket": merged["ticket"],
        **({"contract": np.full(len(keys), contract.id, dtype=object)} if with_contract else {}),
        "metric": merged["metric"],
        "status": merged["status"],
        "due_at": due,
        "breach_at": breach,
        "elapsed_seconds": elapsed,
        "next_change_at": next_change,
    }
    if format == "json":
        return Chunk(answered, left, positions, keys, _json_lines(columns), [], breached, named)
    if format == "csv":
        return Chunk(answered, left, positions, keys, _csv_lines(columns), [], breached, named)
    columns["elapsed_seconds"] = [_in_seconds(us) for us in merged["elapsed"].tolist()]
    columns["contract"] = np.full(len(keys), contract.id, dtype=object)  # a table may show it
    columns["priority"] = merged["priority"]  # the table's own columns
    timed = merged["status"] != "no_target"
    columns["remaining_seconds"] = [
        _in_seconds(us) if has else None
        for us, has in zip(merged["remaining"].tolist(), timed.tolist(), strict=True)
    ]
    rows_out = zip(*columns.values(), strict=True)
    records_out = [dict(zip(columns, values, strict=True)) for values in rows_out]
    return Chunk(answered, left, positions, keys, [], records_out, breached, named)


def _take_events(
    events: EventIndex[int] | None, ids: Any, seen: dict[str, int]
) -> tuple[pd.DataFrame | None, dict[str, Any]]:
    """The events of the chunk's tickets as a frame (taken out of ``events``)."""
    if events is None:
        return None, {}
    found = {}
    for ticket in dict.fromkeys(ids.tolist()):
        if ticket and ticket not in seen and ticket in events.by_ticket:
            found[ticket] = events.by_ticket.pop(ticket)
    cells: dict[str, list[Any]] = {"ticket": [], **{name: [] for name in _EVENT_NAMES}}
    for ticket, entries in found.items():
        for _, _, values in entries:
            cells["ticket"].append(ticket)
            for name, value in zip(_EVENT_NAMES, values, strict=True):
                cells[name].append(value)
    frame = pd.DataFrame({name: pd.Series(v, dtype=object) for name, v in cells.items()})
    return frame, found


def _instants(merged: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The due, breach and next-change instants as ISO text (``None`` for none)."""
    names = ("due", "breach", "next_change")
    out = [np.full(len(merged["due"]), None, dtype=object) for _ in names]
    for zone in set(merged["zone"].tolist()):
        mine = merged["zone"] == zone
        count = int(mine.sum())
        # Each distinct instant written once: the breach is mostly the due instant, and
        # ISO text is the dearest step here (bench_import.py profile: 0.5 s -> 0.3 s).
        every = np.concatenate([merged[name][mine] for name in names])
        distinct, which = np.unique(every, return_inverse=True)
        texts = iso_texts(distinct, zone)[which]
        for k, column in enumerate(out):
            column[mine] = texts[k * count : (k + 1) * count]
    return out[0], out[1], out[2]


def _in_seconds(us: int) -> int | float:
    """``seconds(timedelta)`` of microseconds: an int when whole."""
    return us // 1_000_000 if us % 1_000_000 == 0 else us / 1_000_000


def _seconds(elapsed_us: Any) -> Any:
    """``seconds(timedelta)``: an int when whole, else the float's text."""
    whole = elapsed_us % 1_000_000 == 0
    out = (elapsed_us // 1_000_000).astype(str).astype(object)
    if not whole.all():
        out[~whole] = [repr(us / 1_000_000) for us in elapsed_us[~whole].tolist()]
    return out


def _csv_lines(columns: dict[str, Any]) -> list[str]:
    """csv.DictWriter's lines (QUOTE_MINIMAL), with the two empty fields line, error."""
    parts = [
        _csv_cells(values)
        if name in ("ticket", "contract", "metric")
        else np.where(values == None, "", values).astype(object)  # noqa: E711
        for name, values in columns.items()
    ]  # status, instants and seconds never need quoting
    empty = [""] * len(parts[0])
    # a join per line, in C: 0.64 s -> 0.3 s of 600,000 lines (bench_import.py profile)
    return list(map(",".join, zip(*parts, empty, empty, strict=True)))


def _specials(cells: Any, pattern: re.Pattern[str]) -> Any:
    """Which cells ``pattern`` finds something in: one search over the cells joined
    (none, mostly), else cell by cell (bench_import.py, 200,000 rows: the search per cell
    was 2.6 of 13.9 s)."""
    if pattern.search("".join(cells)) is None:
        return np.zeros(len(cells), dtype=bool)
    return pd.Series(cells, dtype=object).str.contains(pattern).to_numpy(dtype=bool)


def _csv_cells(values: Any) -> Any:
    cells = np.where(values == None, "", values).astype(object)  # noqa: E711
    special = _specials(cells, _CSV_SPECIAL)
    if special.any():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")  # the command's writer's dialect
        quoted = []
        for cell in cells[special]:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow([cell])
            quoted.append(buffer.getvalue()[:-1])
        cells[special] = quoted
    return cells


def _json_lines(columns: dict[str, Any]) -> list[str]:
    """json.dumps(record, ensure_ascii=False) of each result's record."""
    line = np.full(len(columns["ticket"]), "{", dtype=object)
    for n, (name, values) in enumerate(columns.items()):
        cells = _json_cells(values) if name != "elapsed_seconds" else values
        line = line + (", " if n else "") + f'"{name}": ' + cells
    return (line + "}").tolist()  # type: ignore[no-any-return]


def _json_cells(values: Any) -> Any:
    none = values == None  # noqa: E711 - elementwise
    cells = np.where(none, "", values).astype(object)
    special = _specials(cells, _JSON_SPECIAL)
    out = '"' + cells + '"'
    if special.any():
        out[special] = [json.dumps(v, ensure_ascii=False) for v in cells[special]]
    out[none] = "null"
    return out
