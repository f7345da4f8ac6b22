r"""Reading the files of the command line: CSV (header = line 1) and JSON lines.

:func:`read_records` yields ``(line number, record)`` pairs; a line that cannot be read
is a :class:`BadLine` (the text saying why, and the row's id where there is one) instead
of a record, so the caller reports it and goes on. A file that cannot be read at all
(missing, a directory, no header, a header with a doubled column) raises
:class:`~slacalc._base.errors.InputError`.

How a file reads:

* Column names match case-insensitively and ignore surrounding spaces (``Resolved_At``
  is ``resolved_at``); a column named twice is an error, never silently dropped.
* A CSV record is numbered by its first line, also when a quoted field holds newlines.
* JSON lines split on ``\n`` only (a U+2028 inside a string stays in its line).
* A byte that is not UTF-8 makes its own line bad, not the file; a field longer than
  :data:`FIELD_LIMIT` characters makes its row bad.

>>> import tempfile, os
>>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
...     _ = f.write("ID,Priority,opened_at\nT-1,P1,2026-11-23T16:00+01:00\n")
>>> [(line, record["id"]) for line, record in read_records(f.name, "ticket file",
...                                                        ["id", "priority", "opened_at"], ["id"])]
[(2, 'T-1')]
>>> os.unlink(f.name)
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from slacalc._base.errors import InputError
from slacalc._io.rows import BadLine, Record, column_problem

__all__ = ["FIELD_LIMIT", "open_text", "read_records"]

#: The longest field a CSV row may have (the csv module's own default limit).
FIELD_LIMIT = 131_072
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def open_text(path: str, what: str) -> str:
    """The file's text; bytes that are not UTF-8 are kept as surrogates, for the line that
    holds them to be reported (a byte-order mark is dropped)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"cannot read {what} {path!r}: {error.strerror or error}") from None
    return data.decode("utf-8-sig", errors="surrogateescape")


def _undecodable(text: str) -> str | None:
    """Why a line is not UTF-8 text, or ``None`` when it is."""
    found = _UNDECODABLE.search(text)
    if found is None:
        return None
    byte = ord(found.group()) - 0xDC00
    return f"not UTF-8 text (byte 0x{byte:02x}): save the file as UTF-8"


def read_records(
    path: str, what: str, known: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[int, Record]]:
    """(line number, record) from a CSV file (header = line 1) or JSON lines file; a line
    that cannot be read is a :class:`BadLine` instead of a record. ``known`` are the
    columns the caller reads (the first of them names a row's id), ``required`` those it
    needs."""
    text = open_text(path, what)
    if Path(path).suffix.lower() in (".jsonl", ".json"):
        yield from _json_lines(text, known)
        return
    yield from _csv_records(path, text, known, required)


def _json_lines(text: str, known: Sequence[str]) -> Iterator[tuple[int, Record]]:
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        problem = _undecodable(raw)
        if problem is not None:
            yield number, BadLine(problem)
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            yield number, BadLine(f"not valid JSON: {error.msg}")
            continue
        except RecursionError:
            yield number, BadLine("not valid JSON here: nested too deeply")
            continue
        except ValueError as error:  # e.g. an integer of more digits than Python converts
            yield number, BadLine(f"not valid JSON here: {error}")
            continue
        if not isinstance(value, dict):
            yield number, BadLine("not a JSON object")
            continue
        yield number, {str(k).strip().lower(): v for k, v in value.items()}


def _header(
    path: str, names: list[str], known: Sequence[str], required: Sequence[str]
) -> list[str]:
    """The header's column names as records use them, or an ``InputError`` for line 1."""
    problem = _undecodable(",".join(names))
    if problem is not None:
        raise InputError(f"{path}: line 1: {problem}")
    header = [name.strip().lower() for name in names]
    doubled = sorted({n for n in header if n in known and header.count(n) > 1})
    if doubled:
        raise InputError(
            f"{path}: line 1: column(s) {', '.join(doubled)} appear more than once (column "
            "names match ignoring case): keep one of each"
        )
    problem = column_problem(header, known, required)
    if problem is not None:
        raise InputError(f"{path}: line 1: {problem}")
    return header


def _csv_records(
    path: str, text: str, known: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[int, Record]]:
    id_column = known[0] if known else None
    limit = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)  # long fields are this reader's to report, row by row
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            names = next(reader, None)
        except csv.Error as error:
            raise InputError(f"{path}: line 1: {error}") from None
        if not names:
            raise InputError(f"{path}: empty file, expected a header line with {', '.join(known)}")
        header = _header(path, names, known, required)
        while True:
            first = reader.line_num + 1  # a quoted field may span lines: report the first
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise InputError(f"{path}: line {first}: {error}") from None
            if not any(cell.strip() for cell in cells):
                continue
            record = dict(zip(header, cells, strict=False))
            cell = (record.get(id_column) or "").strip() if id_column else ""
            row_id = cell if 0 < len(cell) <= FIELD_LIMIT else None
            problem = _undecodable("".join(cells))
            if problem is None and len(cells) > len(header):
                problem = "more fields than the header has"
            if problem is None and any(len(cell) > FIELD_LIMIT for cell in cells):
                problem = f"a field is longer than {FIELD_LIMIT:,} characters"
            yield first, (BadLine(problem, row_id) if problem is not None else record)
    finally:
        csv.field_size_limit(limit)
