"""Tests for ``slacalc._io.files``: CSV and JSON-lines files as the command line reads them.

A bad line is reported with its own line number and the rest is read; a column named
twice is an error (never silently dropped); column names match ignoring case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slacalc._base.errors import InputError
from slacalc._io.files import FIELD_LIMIT, read_records
from slacalc._io.records import TICKET_COLUMNS
from slacalc._io.rows import BadLine

HEADER = "id,priority,opened_at,resolved_at\n"
ROW = "T-{n},P1,2026-11-23T09:00+01:00,2026-11-23T10:00+01:00\n"


def read(tmp_path: Path, name: str, content: str | bytes) -> list[tuple[int, object]]:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return list(read_records(str(path), "ticket file", TICKET_COLUMNS, TICKET_COLUMNS[:3]))


@pytest.mark.parametrize(
    "header",
    [
        "id,priority,opened_at,resolved_at,resolved_at\n",
        "id,priority,opened_at,resolved_at,Resolved_At\n",
    ],
)
def test_a_column_named_twice_is_an_error(tmp_path: Path, header: str) -> None:
    with pytest.raises(InputError, match=r"line 1: column\(s\) resolved_at appear more than once"):
        read(tmp_path, "t.csv", header + ROW.format(n=1))


def test_column_names_match_ignoring_case_and_spaces(tmp_path: Path) -> None:
    [(line, record)] = read(
        tmp_path, "t.csv", " ID ,Priority,OPENED_AT,Resolved_At\n" + ROW.format(n=1)
    )
    assert line == 2
    assert isinstance(record, dict)
    assert record["resolved_at"] == "2026-11-23T10:00+01:00"
    assert record["id"] == "T-1"


def test_json_lines_keys_match_ignoring_case(tmp_path: Path) -> None:
    [(line, record)] = read(tmp_path, "t.jsonl", '{"ID": "J-1", "Priority": "P1"}\n')
    assert (line, record) == (1, {"id": "J-1", "priority": "P1"})


def test_a_line_separator_inside_a_json_string_stays_in_its_line(tmp_path: Path) -> None:
    content = '{"id": "A", "reason": "one\u2028two"}\n{"id": "B"}\n'
    records = read(tmp_path, "t.jsonl", content)
    assert records == [(1, {"id": "A", "reason": "one\u2028two"}), (2, {"id": "B"})]


def test_a_multi_line_quoted_record_is_numbered_by_its_first_line(tmp_path: Path) -> None:
    content = HEADER + 'T-1,P1,"2026-11-23T09:00+01:00\n\n",\n' + ROW.format(n=2)
    records = read(tmp_path, "t.csv", content)
    assert [line for line, _ in records] == [2, 5]


def test_a_row_with_too_many_fields_names_its_id(tmp_path: Path) -> None:
    [(line, bad), (next_line, _)] = read(
        tmp_path, "t.csv", HEADER + "T-1,P1,2026-11-23T09:00+01:00,,extra\n" + ROW.format(n=2)
    )
    assert isinstance(bad, BadLine)
    assert (line, str(bad), bad.ticket_id, next_line) == (
        2, "more fields than the header has", "T-1", 3,
    )  # fmt: skip


def test_a_field_over_the_limit_is_a_bad_row_and_the_rest_is_read(tmp_path: Path) -> None:
    long = "x" * (FIELD_LIMIT + 1)
    content = HEADER + f'T-1,P1,2026-11-23T09:00+01:00,"{long}"\n' + ROW.format(n=2)
    [(line, bad), (next_line, good)] = read(tmp_path, "t.csv", content)
    assert (line, str(bad), getattr(bad, "ticket_id", None)) == (
        2, "a field is longer than 131,072 characters", "T-1",
    )  # fmt: skip
    assert next_line == 3
    assert isinstance(good, dict)
    assert good["id"] == "T-2"


def test_a_field_at_the_limit_is_read(tmp_path: Path) -> None:
    content = HEADER + f'T-1,P1,2026-11-23T09:00+01:00,"{"x" * FIELD_LIMIT}"\n'
    [(_, record)] = read(tmp_path, "t.csv", content)
    assert isinstance(record, dict)


def test_a_byte_that_is_not_utf8_makes_its_row_bad_not_the_file(tmp_path: Path) -> None:
    content = (HEADER + "T-1,P1,2026-11-23T09:00+01:00,\n").encode() + b"T-\xe9,P1,x,\n"
    content += ROW.format(n=3).encode()
    records = read(tmp_path, "t.csv", content)
    assert [line for line, _ in records] == [2, 3, 4]
    assert str(records[1][1]) == (
        "not UTF-8 text (byte 0xe9): save the file as UTF-8, or pass its encoding "
        "(--encoding cp1252 for a Windows/Excel file)"
    )
    assert isinstance(records[2][1], dict)


def test_a_json_line_that_is_not_utf8_is_bad(tmp_path: Path) -> None:
    records = read(tmp_path, "t.jsonl", b'{"id": "\xff"}\n{"id": "B"}\n')
    assert (records[0][0], str(records[0][1])) == (
        1, "not UTF-8 text (byte 0xff): save the file as UTF-8, or pass its encoding "
        "(--encoding cp1252 for a Windows/Excel file)",
    )  # fmt: skip
    assert records[1] == (2, {"id": "B"})


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    [(_, record)] = read(tmp_path, "t.csv", ("\ufeff" + HEADER + ROW.format(n=1)).encode())
    assert isinstance(record, dict)
    assert record["id"] == "T-1"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "not valid JSON here: nested too deeply"),
        ('{"id": ' + "9" * 5000 + "}", "not valid JSON here: Exceeds the limit"),
        ("{nope", "not valid JSON: Expecting property name enclosed in double quotes"),
        ("[1, 2]", "not a JSON object"),
    ],
)
def test_a_json_line_that_cannot_be_read_is_bad_and_the_rest_is_read(
    tmp_path: Path, line: str, reason: str
) -> None:
    records = read(tmp_path, "t.jsonl", line + '\n{"id": "after"}\n')
    assert records[0][0] == 1
    assert str(records[0][1]).startswith(reason)
    assert records[1] == (2, {"id": "after"})


def test_the_csv_field_limit_is_restored_after_reading(tmp_path: Path) -> None:
    import csv

    before = csv.field_size_limit()
    read(tmp_path, "t.csv", HEADER + ROW.format(n=1))
    assert csv.field_size_limit() == before
