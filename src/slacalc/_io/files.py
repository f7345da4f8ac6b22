r"""Reading the files of the command line: CSV (header = line 1) and JSON lines.

:func:`read_records` yields ``(line number, record)`` pairs; a line that cannot be read
is the text saying why instead of a record, so the caller reports it and goes on. A
file that cannot be read at all raises :class:`~slacalc._base.errors.InputError`.

>>> import tempfile, os
>>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
...     _ = f.write("id,priority,opened_at\nT-1,P1,2026-11-23T16:00+01:00\n")
>>> [(line, record["id"]) for line, record in read_records(f.name, "ticket file",
...                                                        ["id", "priority", "opened_at"], ["id"])]
[(2, 'T-1')]
>>> os.unlink(f.name)
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from slacalc._base.errors import InputError
from slacalc._io.rows import Record, column_problem

__all__ = ["open_text", "read_records"]


def open_text(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return handle.read()
    except OSError as error:
        raise InputError(f"cannot read {what} {path!r}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"cannot read {what} {path!r}: not UTF-8 text ({error.reason})") from None


def read_records(
    path: str, what: str, known: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[int, Record]]:
    """(line number, record) from a CSV file (header = line 1) or JSON lines file; a line
    that cannot be read is the text saying why instead of a record."""
    text = open_text(path, what)
    if Path(path).suffix.lower() in (".jsonl", ".json"):
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as error:
                yield number, f"not valid JSON: {error.msg}"
                continue
            except RecursionError:
                yield number, "not valid JSON here: nested too deeply"
                continue
            if not isinstance(value, dict):
                yield number, "not a JSON object"
                continue
            yield number, value
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as error:
        raise InputError(f"{path}: line 1: {error}") from None
    if not header:
        raise InputError(f"{path}: empty file, expected a header line with {', '.join(known)}")
    header = [h.strip() for h in header]
    reader.fieldnames = header
    problem = column_problem(header, known, required)
    if problem is not None:
        raise InputError(f"{path}: line 1: {problem}")
    try:
        for record in reader:
            if not any((v or "").strip() for v in record.values() if isinstance(v, str)):
                continue
            if None in record:
                yield reader.line_num, "more fields than the header has"
                continue
            yield reader.line_num, record
    except csv.Error as error:
        raise InputError(f"{path}: line {reader.line_num}: {error}") from None
