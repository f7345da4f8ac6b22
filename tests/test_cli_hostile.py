"""Hostile arguments and input never give a traceback (SPEC section 6).

Every ``SlacalcError``, ``OSError``, ``UnicodeError`` or ``ValueError`` that reaches
``main`` is one line on stderr starting with ``slacalc`` and exit status 2; a readable
file with bad rows reports them in the output and exits 1. Most cases run in-process
through ``main``; a few run ``python -m slacalc`` to prove the real process prints no
traceback either.
"""

from __future__ import annotations

import random
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from slacalc.cli import main

AT = "2026-11-27T17:00+01:00"
OPENED = "2026-11-23T16:00+01:00"
MONTH = "2026-11"
USAGE = frozenset({2})  # unusable input or arguments
BAD_ROWS = frozenset({1})  # a readable file whose bad rows are reported
EITHER = frozenset({1, 2})  # bad rows in the output, or one line on stderr
SUCCESS = frozenset({0})  # nothing wrong at all (SPEC: exit 0)

TICKETS = "id,priority,opened_at\nA-1,P1,2026-11-23T09:00:00+01:00\n"
OUTAGES = "start,end,planned,cause\n2026-11-03T10:00+01:00,2026-11-03T11:30+01:00,,disk full\n"
HOSTILE_JSONL = (
    "{not json\n"
    "[1, 2]\n"
    '"a string"\n'
    "42\n"
    "null\n"
    '{"id": ["x"], "priority": {"p": 1}, "opened_at": 5, "start": true, "end": []}\n'
    '{"id": "J-1", "priority": "P1", "opened_at": "2026-11-23T09:00:00+01:00"}\n'
)
BINARY = b"\x00" + random.Random(20261123).randbytes(1024) + b"\x00\x01\x02"
INVALID_UTF8 = b"\xff\xfe\xfa"
DEEP_JSON = "[" * 100_000 + "]" * 100_000

FILES: dict[str, str | bytes] = {
    "t.csv": TICKETS,
    "o.csv": OUTAGES,
    "empty.csv": "",
    "header-only.csv": "id,priority,opened_at\n",
    "header-only-outages.csv": "start,end,planned,cause\n",
    "binary.csv": BINARY,
    "invalid-utf8.csv": INVALID_UTF8,
    "bad-header.csv": "foo,bar\n1,2\n",
    "nul-rows.csv": "id,priority,opened_at\n\x00\x00,\x00,\x00\n",
    "huge-field.csv": 'id,priority,opened_at\n"' + "x" * 200_000 + '",P1,2026\n',
    "hostile.jsonl": HOSTILE_JSONL,
    "deep.jsonl": DEEP_JSON + "\n",
    "garbage-events.csv": 'garbage\x00\n,,,\n"unterminated\n',
    "bad-events.csv": (
        "ticket,at,kind,priority,reason\n"
        "A-1,yesterday,paused,,\n"
        "A-1,2026-11-24T09:00+01:00,,,\n"
        ",,x,,\n"
        "NOPE,2026-11-24T09:00+01:00,paused,,\n"
    ),
    "end-before-start.csv": (
        "start,end,planned,cause\n"
        "2026-11-03T11:00+01:00,2026-11-03T10:00+01:00,,backwards\n"
        "2026-11-04T10:00+01:00,2026-11-04T11:00+01:00,maybe,\n"
    ),
    # contract files
    "empty.yaml": "",
    "empty.json": "",
    "binary.yaml": BINARY,
    "invalid-utf8.json": INVALID_UTF8,
    "invalid.yaml": "id: [unclosed\n  : :\n\t- x\n",
    "invalid.json": '{"id": ',
    "not-a-contract.json": '{"hello": "world"}',
    "number.json": "42",
    "list.yaml": "- a\n- b\n",
    "contract.txt": "id: acme/x\n",
    "deep.json": DEEP_JSON,
    "deep.yaml": "[" * 5_000 + "]" * 5_000,
}
DIRECTORIES = ("adir", "dir.json")


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path`` holding every file above, as the current directory."""
    for name, content in FILES.items():
        if isinstance(content, bytes):
            (tmp_path / name).write_bytes(content)
        else:
            (tmp_path / name).write_text(content, encoding="utf-8", newline="")
    for name in DIRECTORIES:
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    """``main(argv)``; an exception escaping it (a traceback in the real process) fails."""
    try:
        code = main(argv)
    except Exception as raised:
        error: Exception | None = raised
    else:
        error = None
    captured = capsys.readouterr()
    if error is not None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if "slacalc" in f.filename]
        where = "".join(traceback.format_list(frames[-3:]))
        pytest.fail(
            f"slacalc {' '.join(argv)[:200]} raised {type(error).__name__}: "
            f"{str(error)[:300]}\n{where}",
            pytrace=False,
        )
    return code, captured.out, captured.err


def assert_no_traceback(code: int, out: str, err: str, expected: frozenset[int]) -> None:
    assert code in expected, (code, out[:500], err[:500])
    assert "Traceback" not in err
    assert 'File "' not in err
    assert "Traceback" not in out
    if code == 2:
        assert err.endswith("\n"), err
        assert len(err.splitlines()) == 1, err
        assert err.startswith("slacalc"), err
    if code == 1:
        assert "bad rows in " in out, out


def check(path: str, *more: str, at: str = AT) -> list[str]:
    return ["check", "vioms/advanced", path, "--at", at, *more]


def due(*more: str) -> list[str]:
    return ["due", "vioms/advanced", *more]


def availability(path: str, month: str = MONTH, contract: str = "reflex/basis") -> list[str]:
    return ["availability", contract, path, "--month", month]


CASES = [
    # dates out of the supported range (1969-2101 UTC) and times that are not times
    pytest.param(check("t.csv", at="2200-01-01T00:00+00:00"), EITHER, id="at-2200"),
    pytest.param(check("t.csv", at="1900-01-01T00:00+00:00"), EITHER, id="at-1900"),
    pytest.param(check("t.csv", at="0001-01-01T00:00+01:00"), EITHER, id="at-year1"),
    pytest.param(check("t.csv", at="2026-11-27T17:00"), USAGE, id="at-no-offset"),
    pytest.param(check("t.csv", at="not-a-time"), USAGE, id="at-not-a-time"),
    *(
        pytest.param(availability("o.csv", month, contract), USAGE, id=f"month-{month}-{contract}")
        for contract in ("reflex/basis", "infravision/cloud")
        for month in ("2200-01", "1800-12", "9999-12", "0000-01", "2026-13", "abc")
    ),
    pytest.param(due("P1", "2200-01-01T00:00+01:00"), USAGE, id="due-2200"),
    pytest.param(due("P1", "1900-01-01T00:00+01:00"), USAGE, id="due-1900"),
    pytest.param(due("P1", "0001-01-01T00:00+01:00"), USAGE, id="due-year1"),
    pytest.param(due("P1", "2026-11-23T16:00"), USAGE, id="due-no-offset"),
    pytest.param(due("P1", "not-a-time"), USAGE, id="due-not-a-time"),
    # unknown ids
    pytest.param(["due", "nope/x", "P1", OPENED], USAGE, id="due-unknown-contract"),
    pytest.param(["show", "nope/x"], USAGE, id="show-unknown-contract"),
    pytest.param(["check", "nope/x", "t.csv", "--at", AT], USAGE, id="check-unknown-contract"),
    pytest.param(availability("o.csv", contract="nope/x"), USAGE, id="avail-unknown-contract"),
    pytest.param(due("P9", OPENED), USAGE, id="due-unknown-priority"),
    pytest.param(due("P1", OPENED, "--metric", "nosuch"), USAGE, id="due-unknown-metric"),
    pytest.param(due("P1", OPENED, "--kind", "nosuch"), USAGE, id="due-unknown-kind"),
    pytest.param(due("P1"), USAGE, id="due-missing-operand"),
    pytest.param(["show", "vioms/advanced", "extra"], USAGE, id="show-extra-operand"),
    # ticket files
    pytest.param(check("missing.csv"), USAGE, id="check-missing-file"),
    pytest.param(check("adir"), USAGE, id="check-directory"),
    pytest.param(check("empty.csv"), USAGE, id="check-empty-file"),
    # SPEC: 0 when nothing breached and no bad row; no tickets is not an error.
    pytest.param(check("header-only.csv"), SUCCESS, id="check-header-only"),
    pytest.param(check("binary.csv"), USAGE, id="check-binary"),
    pytest.param(check("invalid-utf8.csv"), USAGE, id="check-invalid-utf8"),
    pytest.param(check("bad-header.csv"), USAGE, id="check-bad-header"),
    pytest.param(check("nul-rows.csv"), BAD_ROWS, id="check-nul-rows"),
    pytest.param(check("huge-field.csv"), BAD_ROWS, id="check-huge-field"),
    pytest.param(check("hostile.jsonl"), BAD_ROWS, id="check-hostile-jsonl"),
    pytest.param(check("deep.jsonl"), EITHER, id="check-deeply-nested-jsonl"),
    # events files
    pytest.param(check("t.csv", "--events", "missing.csv"), USAGE, id="events-missing"),
    pytest.param(check("t.csv", "--events", "adir"), USAGE, id="events-directory"),
    pytest.param(check("t.csv", "--events", "empty.csv"), USAGE, id="events-empty"),
    pytest.param(check("t.csv", "--events", "binary.csv"), USAGE, id="events-binary"),
    pytest.param(check("t.csv", "--events", "invalid-utf8.csv"), USAGE, id="events-utf8"),
    pytest.param(check("t.csv", "--events", "garbage-events.csv"), USAGE, id="events-garbage"),
    pytest.param(check("t.csv", "--events", "bad-events.csv"), BAD_ROWS, id="events-bad-rows"),
    pytest.param(check("t.csv", "--events", "hostile.jsonl"), BAD_ROWS, id="events-jsonl"),
    pytest.param(check("t.csv", "--events", "deep.jsonl"), EITHER, id="events-deep-jsonl"),
    # outage files
    pytest.param(availability("missing.csv"), USAGE, id="outages-missing"),
    pytest.param(availability("adir"), USAGE, id="outages-directory"),
    pytest.param(availability("empty.csv"), USAGE, id="outages-empty"),
    pytest.param(availability("header-only-outages.csv"), SUCCESS, id="outages-header-only"),
    pytest.param(availability("binary.csv"), USAGE, id="outages-binary"),
    pytest.param(availability("invalid-utf8.csv"), USAGE, id="outages-invalid-utf8"),
    pytest.param(availability("bad-header.csv"), USAGE, id="outages-bad-header"),
    pytest.param(availability("end-before-start.csv"), BAD_ROWS, id="outages-end-before-start"),
    pytest.param(availability("hostile.jsonl"), BAD_ROWS, id="outages-hostile-jsonl"),
    pytest.param(availability("deep.jsonl"), EITHER, id="outages-deeply-nested-jsonl"),
]


@pytest.mark.parametrize(("argv", "expected"), CASES)
def test_hostile_arguments_and_files_never_give_a_traceback(
    capsys: pytest.CaptureFixture[str], hostile: Path, argv: list[str], expected: frozenset[int]
) -> None:
    code, out, err = run(capsys, argv)
    assert_no_traceback(code, out, err, expected)


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(check("hostile.jsonl", "--events", "bad-events.csv"), id="check"),
        pytest.param(availability("end-before-start.csv"), id="availability"),
    ],
)
def test_bad_rows_are_in_every_output_format(
    capsys: pytest.CaptureFixture[str], hostile: Path, argv: list[str], fmt: str
) -> None:
    code, out, err = run(capsys, [*argv, "--format", fmt])
    assert code == 1
    assert "Traceback" not in err
    assert "Traceback" not in out
    assert "error" in out


CONTRACT_FILES = [
    "missing.yaml",
    "dir.json",
    "empty.yaml",
    "empty.json",
    "binary.yaml",
    "invalid-utf8.json",
    "invalid.yaml",
    "invalid.json",
    "not-a-contract.json",
    "number.json",
    "list.yaml",
    "contract.txt",
    "deep.json",
    "deep.yaml",
]
WITH_CONTRACT_FILE = {
    "show": [],
    "due": ["P1", OPENED],
    "check": ["t.csv", "--at", AT],
    "availability": ["o.csv", "--month", MONTH],
}


@pytest.mark.parametrize("command", list(WITH_CONTRACT_FILE))
@pytest.mark.parametrize("contract_file", CONTRACT_FILES)
def test_a_hostile_contract_file_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], hostile: Path, contract_file: str, command: str
) -> None:
    argv = [command, "--contract-file", contract_file, *WITH_CONTRACT_FILE[command]]
    code, out, err = run(capsys, argv)
    assert_no_traceback(code, out, err, USAGE)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["contracts", "--help"],
        ["show", "--help"],
        ["due", "--help"],
        ["check", "--help"],
        ["availability", "--help"],
        ["due", "nope/x", "--help"],
        ["availability", "--month", "abc", "--help"],
    ],
)
def test_every_help_exits_0_without_a_traceback(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, argv)
    assert code == 0
    assert out.startswith("usage: slacalc")
    assert "Traceback" not in out
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(check("binary.csv"), USAGE, id="binary-ticket-file"),
        pytest.param(due("P1", "2200-01-01T00:00+01:00"), USAGE, id="due-out-of-range"),
        pytest.param(["show", "--contract-file", "deep.json"], USAGE, id="deep-contract-file"),
    ],
)
def test_the_real_process_prints_no_traceback(
    hostile: Path, argv: list[str], expected: frozenset[int]
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "slacalc", *argv],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=hostile,
        check=False,
        timeout=120,
    )
    assert_no_traceback(done.returncode, done.stdout, done.stderr, expected)


def overflowing_contract(tmp_path: Path) -> Path:
    """A contract whose P1 resolution is a CalendarTime far past the supported range."""
    from datetime import timedelta

    from slacalc import Calendar, CalendarTime, Contract, Priority, Target

    office = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
    contract = Contract(
        id="huge/x",
        calendars={"office": office},
        priorities=[Priority(id="P1"), Priority(id="P2")],
        targets=[
            Target(
                metric="resolution",
                priority="P1",
                within=CalendarTime(days=10**9),
                calendar="office",
            ),
            Target(
                metric="resolution", priority="P2", within=timedelta(hours=4), calendar="office"
            ),
        ],
    )
    path = tmp_path / "huge.json"
    path.write_text(contract.model_dump_json(), encoding="utf-8")
    return path


def test_due_on_a_contract_whose_calendar_time_overflows_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = overflowing_contract(tmp_path)
    code, out, err = run(capsys, ["due", "--contract-file", str(path), "P1", OPENED])
    assert_no_traceback(code, out, err, USAGE)
    assert "leaves the supported range" in err


def test_check_on_a_contract_whose_calendar_time_overflows_reports_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = overflowing_contract(tmp_path)
    tickets = tmp_path / "t.csv"
    tickets.write_text(
        "id,priority,opened_at\nA,P1,2026-11-23T09:00+01:00\nB,P2,2026-11-23T09:00+01:00\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, ["check", "--contract-file", str(path), str(tickets), "--at", AT])
    assert_no_traceback(code, out, err, BAD_ROWS)
    assert "line 2  A  ticket" not in out
    assert "leaves the supported range" in out
    assert "\nB " in out


def test_a_row_with_too_many_fields_names_its_ticket_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tickets = tmp_path / "t.csv"
    tickets.write_text(
        "id,priority,opened_at\nA,P1,2026-11-23T09:00+01:00,surplus\n", encoding="utf-8"
    )
    code, out, _err = run(capsys, check(str(tickets), "--format", "json"))
    assert code == 1
    assert out.strip() == ('{"ticket": "A", "line": 2, "error": "more fields than the header has"}')
