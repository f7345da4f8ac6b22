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

import codecs
import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from slacalc import profiles
from slacalc._base.errors import InputError
from slacalc._io.rows import BadLine, Record, column_problem
from slacalc.profiles import Profile

__all__ = [
    "FIELD_LIMIT",
    "Block",
    "count_lines",
    "detect_delimiter",
    "open_text",
    "read_blocks",
    "read_records",
]

#: The longest field a CSV row may have (the csv module's own default limit).
FIELD_LIMIT = 131_072
_UNDECODABLE = re.compile("[\udc80-\udcff]")


@contextmanager
def open_text(
    path: str, what: str, encoding: str = "utf-8-sig", newline: str = ""
) -> Iterator[TextIO]:
    """The file as a stream of text in ``encoding`` (``-`` is standard input), read as it
    goes, never whole; bytes that do not decode are kept as surrogates, for the line that
    holds them to be reported; a byte-order mark is dropped."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (e.g. utf-8, cp1252, latin-1)") from None
    try:
        binary: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        raise InputError(f"cannot read {what} {path!r}: {error.strerror or error}") from None
    try:
        peek = getattr(binary, "peek", None)
        head = peek(3)[:3] if callable(peek) else b""
        if head == codecs.BOM_UTF8 and not encoding.lower().startswith("utf"):
            binary.read(3)  # Excel's byte-order mark before text in another encoding
        text = io.TextIOWrapper(
            binary, encoding=encoding, errors="surrogateescape", newline=newline
        )
        try:
            yield text
        finally:
            text.detach()
    except OSError as error:
        raise InputError(f"cannot read {what} {path!r}: {error.strerror or error}") from None
    finally:
        if binary is not sys.stdin.buffer:
            binary.close()


def count_lines(path: str) -> int | None:
    """The number of lines of a file (for a progress bar); ``None`` for standard input or a
    file that cannot be read (the reader says why)."""
    if path == "-":
        return None
    try:
        with open(path, "rb") as handle:
            return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return None


def _undecodable(text: str, encoding: str = "utf-8-sig") -> str | None:
    """Why a line is not text in ``encoding``, or ``None`` when it is."""
    if text.isascii():  # O(1) for most lines, and no lone surrogate there
        return None
    found = _UNDECODABLE.search(text)
    if found is None:
        return None
    byte = ord(found.group()) - 0xDC00
    if encoding.lower().replace("_", "-") in ("utf-8-sig", "utf-8", "utf8"):
        return (
            f"not UTF-8 text (byte 0x{byte:02x}): save the file as UTF-8, or pass its "
            "encoding (--encoding cp1252 for a Windows/Excel file)"
        )
    return f"not {encoding} text (byte 0x{byte:02x}): pass the file's encoding (--encoding)"


def detect_delimiter(header: str) -> str:
    """The delimiter of a CSV header line: the most frequent of ``,`` ``;`` and tab outside
    quotes (``,`` on a tie or when none is there).

    >>> detect_delimiter("id;priority;opened_at"), detect_delimiter('"a,b";c;d')
    (';', ';')
    """
    outside = re.sub(r'"[^"]*"', "", header)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def read_records(
    path: str,
    what: str,
    known: Sequence[str],
    required: Sequence[str],
    *,
    encoding: str = "utf-8-sig",
    delimiter: str | None = None,
    loose: bool = False,
) -> Iterator[tuple[int, Record]]:
    """(line number, record) from a CSV file (header = line 1) or JSON lines file; a line
    that cannot be read is a :class:`BadLine` instead of a record. ``known`` are the
    columns the caller reads (the first of them names a row's id), ``required`` those it
    needs; ``loose`` lets other ``*_at`` columns be (a tool's export has its own). The
    delimiter is detected from the header unless given."""
    for item in read_blocks(
        path, what, known, required, encoding=encoding, delimiter=delimiter, loose=loose
    ):
        assert not isinstance(item, Block)  # none without block=
        yield item


def read_blocks(
    path: str,
    what: str,
    known: Sequence[str],
    required: Sequence[str],
    *,
    encoding: str = "utf-8-sig",
    delimiter: str | None = None,
    loose: bool = False,
    block: int = 0,
) -> Iterator[tuple[int, Record] | Block]:
    """:func:`read_records`, and with ``block`` a CSV file's plain lines that many at a
    time as :class:`Block` s (the columnar reader splits them), while there are any;
    records from the first line that is not plain on (``slacalc check``,
    docs/performance.md: the ``csv`` module and a dict per row were a third of a columnar
    check)."""
    if Path(path).suffix.lower() in (".jsonl", ".json"):
        with open_text(path, what, encoding, newline="\n") as text:
            yield from _json_lines(text, known, encoding)
        return
    with open_text(path, what, encoding) as text:
        yield from _csv_records(path, text, known, required, encoding, delimiter, loose, block)


def _json_lines(
    text: Iterable[str], known: Sequence[str], encoding: str
) -> Iterator[tuple[int, Record]]:
    for number, raw in enumerate(text, start=1):
        raw = raw.removeprefix("\ufeff") if number == 1 else raw
        if not raw.strip():
            continue
        problem = _undecodable(raw, encoding)
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
    path: str,
    names: list[str],
    known: Sequence[str],
    required: Sequence[str],
    encoding: str,
    loose: bool,
) -> list[str]:
    """The header's column names as records use them, or an ``InputError`` for line 1."""
    problem = _undecodable(",".join(names), encoding)
    if problem is not None:
        raise InputError(f"{path}: line 1: {problem}")
    header = [name.strip().lower() for name in names]
    doubled = sorted({n for n in header if n in known and header.count(n) > 1})
    if doubled:
        raise InputError(
            f"{path}: line 1: column(s) {', '.join(doubled)} appear more than once (column "
            "names match ignoring case): keep one of each"
        )
    problem = column_problem(header, known, required, loose=loose)
    if problem is not None:
        tool = None if loose else looks_like(header)
        hint = f" (this looks like a {tool.tool} export: pass --from {tool.id})" if tool else ""
        raise InputError(f"{path}: line 1: {problem}{hint}")
    return header


def looks_like(header: Sequence[str]) -> Profile | None:
    """The built-in profile whose ticket columns a header has (its id, priority and opening
    columns, and most of the others), or ``None``.

    >>> looks_like(["id", "priority", "opened_at"]) is None  # slacalc's own columns
    True
    """
    names = {name.strip().lower() for name in header}
    for profile_id in profiles.BUILT_IN:
        candidate = profiles.get(profile_id)
        columns = [c.lower() for c in candidate.columns.values()]
        required = [candidate.column(f).lower() for f in ("id", "priority", "opened_at")]
        most = sum(c in names for c in columns) * 3 >= len(columns) * 2
        if columns and most and all(r in names for r in required):
            return candidate
    return None


def _csv_records(
    path: str,
    text: TextIO,
    known: Sequence[str],
    required: Sequence[str],
    encoding: str,
    delimiter: str | None,
    loose: bool,
    block: int = 0,
) -> Iterator[tuple[int, Record] | Block]:
    """The records of a CSV file; with ``block``, runs of up to that many plain lines
    (:class:`Block`) while the file is plain, records once it is not."""
    limit = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)  # long fields are this reader's to report, row by row
    try:
        first_line = text.readline().removeprefix("\ufeff")
        chosen = delimiter or detect_delimiter(first_line)
        reader = csv.reader(itertools.chain([first_line], text), delimiter=chosen)
        try:
            names = next(reader, None)
        except csv.Error as error:
            raise InputError(f"{path}: line 1: {error}") from None
        if not names:
            raise InputError(f"{path}: empty file, expected a header line with {', '.join(known)}")
        header = _header(path, names, known, required, encoding, loose)
        id_column = known[0] if known else None
        offset = 0  # lines read as blocks, before the csv reader goes on
        if block and '"' not in first_line:
            rest: list[str] = []
            for found in _blocks(text, header, chosen, block, rest):
                yield found
                offset += len(found.lines)
            text = itertools.chain(rest, text)  # type: ignore[assignment]
            reader = csv.reader(text, delimiter=chosen)
            offset += 1  # the header
        yield from _csv_rows(path, reader, header, id_column, encoding, offset)
    finally:
        csv.field_size_limit(limit)


@dataclass(frozen=True)
class Block:
    """Lines of a CSV file that read as one record each, exactly as the ``csv`` module
    reads them: no quote, no byte that did not decode, no NUL, no field over the limit, no
    more fields than the header. ``first`` is the first line's number."""

    first: int
    header: list[str]
    delimiter: str
    lines: list[str]


def _blocks(
    text: TextIO, header: list[str], delimiter: str, size: int, rest: list[str]
) -> Iterator[Block]:
    """Plain lines ``size`` at a time; the first line that is not plain, and what follows
    in its run, go back through ``rest`` for the csv reader."""
    number = 2
    # A line with more fields than the header, found in one pass over the block.
    sep = re.escape(delimiter)
    too_many = re.compile(f"^(?:[^{sep}\r\n]*{sep}){{{len(header)}}}", re.MULTILINE)
    while True:
        lines = list(itertools.islice(text, size))
        if not lines:
            return
        joined = "".join(lines)
        if (
            '"' not in joined and "\x00" not in joined
            and "\r" not in joined.replace("\r\n", "")  # a lone CR ends a line too
            and (joined.isascii() or _UNDECODABLE.search(joined) is None)
            and max(map(len, lines)) <= FIELD_LIMIT and too_many.search(joined) is None
        ):  # fmt: skip
            yield Block(number, header, delimiter, lines)
            number += len(lines)
            continue
        rest.extend(lines)  # from here on, line by line
        return


def _csv_rows(
    path: str,
    reader: Iterator[list[str]],
    header: list[str],
    id_column: str | None,
    encoding: str,
    offset: int,
) -> Iterator[tuple[int, Record]]:
    while True:
        first = reader.line_num + 1 + offset  # type: ignore[attr-defined]  # a quoted field may span lines: the first
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputError(f"{path}: line {first}: {error}") from None
        joined = "".join(cells)  # one pass in C for the checks of the whole line
        if not joined.strip():
            continue
        record = dict(zip(header, cells, strict=False))
        cell = (record.get(id_column) or "").strip() if id_column else ""
        row_id = cell if 0 < len(cell) <= FIELD_LIMIT else None
        problem = _undecodable(joined, encoding)
        if problem is None and len(cells) > len(header):
            problem = "more fields than the header has"
        long = len(joined) > FIELD_LIMIT
        if problem is None and long and any(len(cell) > FIELD_LIMIT for cell in cells):
            problem = f"a field is longer than {FIELD_LIMIT:,} characters"
        yield first, (BadLine(problem, row_id) if problem is not None else record)
