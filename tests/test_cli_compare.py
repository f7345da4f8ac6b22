"""``slacalc compare``: the same ticket file judged against several contracts side by side,
the calls' bill per VIOMS tier, bad rows by line, and bad usage as one line (exit 2)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_run import run

ROOT = Path(__file__).resolve().parent.parent
HEADER = "id,contract,priority,opened_at,responded_at,resolved_at\n"
# P1 opened Mon 09:00, responded 12:00, resolved 15:00: 3 h each (8 / 4 / 2 h targets).
P1 = "T-1,,P1,2026-11-23T09:00+01:00,2026-11-23T12:00+01:00,2026-11-23T15:00+01:00\n"
CALLS = (
    "id,start,duration,evening_weekend,priority\n"
    "C-1,2026-11-02T10:00+01:00,20m,,\n"  # 2 units
    "C-2,2026-11-05T18:00+01:00,PT1H1M,true,P1\n"  # 5 units and the start fee
    "C-3,2026-12-01T09:00+01:00,180,,\n"  # not in November
)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_table_sets_the_tiers_side_by_side(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER + P1)
    code, out, _ = run(capsys, "compare", "vioms/standard", "vioms/advanced", "vioms/enterprise",
                       tickets, "--month", "2026-11")  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "vioms/standard vs vioms/advanced vs vioms/enterprise, 2026-11",
        "1 ticket judged under each contract",
    ]
    assert lines[2].split() == ["priority", "metric", "standard", "advanced", "enterprise"]
    assert lines[3].split() == ["P1", "response", "1/1", "100%", "1/1", "100%", "0/1", "0%"]
    assert lines[4].split() == ["P1", "resolution", "1/1", "100%", "1/1", "100%", "0/1", "0%"]
    assert lines[5].split()[:2] == ["P1", "on_site"]
    assert "no compliance goals: vioms/standard, vioms/advanced, vioms/enterprise" in out
    assert max(len(line) for line in lines) <= 80


def test_calls_are_billed_per_tier_and_other_vendors_are_not(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER + P1)
    calls = write(tmp_path, "calls.csv", CALLS)
    code, out, _ = run(capsys, "compare", "vioms/standard", "vioms/enterprise", "reflex/basis",
                       tickets, "--month", "2026-11", "--calls", calls)  # fmt: skip
    assert code == 1  # reflex/basis knows no P1: a ticket it cannot judge
    assert "tickets judged: vioms/standard 1, vioms/enterprise 1, reflex/basis 0" in out
    assert "calls (calls.csv): 2 in 2026-11, 1 outside it" in out
    # standard: 2 x 23.75 + 100 + 5 x 23.75; enterprise: 2 x 21.25 + 100 + 5 x 21.25
    assert "vioms/standard    standard    7      100.00      166.25  266.25" in out
    assert "vioms/enterprise  enterprise  7      100.00      148.75  248.75" in out
    assert "reflex/basis      -           -      -           -       not billed by slacalc" in out
    assert "cheapest for these calls: vioms/enterprise" in out
    assert (
        "not judged under reflex/basis: 1 ticket\nline 2  T-1  ticket T-1: unknown priority" in out
    )


def test_csv_and_json_hold_one_record_per_contract_cell_goal_bill_and_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER + P1)
    calls = write(tmp_path, "calls.csv", CALLS + "C-4,2026-11-06T10:00+01:00,soon,,\n")
    argv = ["compare", "vioms/enterprise", "infravision/cloud", tickets, "--month", "2026-11",
            "--calls", calls]  # fmt: skip
    code, out, _ = run(capsys, *argv, "--format", "csv")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    first = rows[0]
    assert (first["row"], first["contract"], first["priority"], first["metric"]) == (
        "cell", "vioms/enterprise", "P1", "response",
    )  # fmt: skip
    assert (first["met"], first["breached"], first["fraction_met"]) == ("0", "1", "0.0")
    goals = [r for r in rows if r["row"] == "goal"]
    assert [(g["contract"], g["priority"], g["held"]) for g in goals] == [
        ("infravision/cloud", "top", "True"),
        ("infravision/cloud", "high, medium, low", "True"),
    ]
    bills = {r["contract"]: r for r in rows if r["row"] == "bill"}
    assert (bills["vioms/enterprise"]["total"], bills["vioms/enterprise"]["calls"]) == (
        "248.75", "2",
    )  # fmt: skip
    assert (bills["infravision/cloud"]["total"], bills["infravision/cloud"]["billed"]) == (
        "", "False",
    )  # fmt: skip
    errors = [(r["contract"], r["line"], r["ticket"]) for r in rows if r["row"] == "error"]
    assert errors == [("infravision/cloud", "2", "T-1"), ("", "5", "C-4")]
    code, out, _ = run(capsys, *argv, "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(rows)
    assert records[-1] == {"row": "error", "contract": None, "ticket": "C-4", "line": 5,
                           "error": "calls file: duration 'soon' is not a duration: write "
                           "PT1H30M, 1h30m, 45m or a whole number of minutes (90)"}  # fmt: skip


def test_bad_calls_rows_are_reported_by_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER + P1)
    calls = write(
        tmp_path,
        "calls.csv",
        "start,duration,evening_weekend,priority\n"
        "2026-11-02T10:00+01:00,10m,,\n"
        "2026-11-02T10:00,10m,,\n"  # no offset
        "2026-11-02T10:00+01:00,,,\n"  # no duration
        "2026-11-02T10:00+01:00,10m,maybe,\n"
        "2026-11-02T10:00+01:00,10m,,P9\n",
    )
    code, out, err = run(capsys, "compare", "vioms/standard", "vioms/advanced", tickets,
                         "--calls", calls)  # fmt: skip
    assert (code, err) == (1, "")
    section = out.split("bad rows of calls.csv:\n", 1)[1]
    assert section.startswith("line 3  -  start '2026-11-02T10:00' has no UTC offset")
    assert "line 4  -  duration is blank" in section
    assert "line 5  -  evening_weekend 'maybe' is not true or false" in section
    assert "line 6  -  unknown priority 'P9' for contract vioms/standard" in section
    assert "calls (calls.csv): 1 in 2026-11, 0 outside it" in out


def test_rows_of_other_vendors_are_left_out_and_the_period_is_the_files_months(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER
        + P1
        + "T-2,vioms/advanced,P2,2026-12-02T09:00+01:00,,\n"
        + "I-1,infravision/cloud,high,2026-11-02T09:00+01:00,,\n"
        + "X-1,vioms/golden,P1,2026-11-02T09:00+01:00,,\n",
    )
    code, out, _ = run(capsys, "compare", "vioms/standard", "vioms/advanced", tickets)
    assert code == 1  # the unknown contract
    assert out.startswith(
        "vioms/standard vs vioms/advanced, 2026-11 to 2026-12\n"
        "2 tickets judged under each contract\n"
    )
    assert "1 row of other vendors' contracts left out." in out
    assert "not judged under" not in out  # I-1 is left out, not judged as VIOMS's
    assert "bad rows:\nline 5  X-1  unknown contract 'vioms/golden'" in out


def test_the_readme_example_runs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "compare", "vioms/standard", "vioms/advanced",
                         "examples/tickets.csv", "--month", "2026-11", "--calls",
                         "examples/calls.csv")  # fmt: skip
    assert code == 1
    assert err == ""
    assert "calls (calls.csv): 12 in 2026-11, 1 outside it" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_many_contracts_are_numbered_to_fit_80_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER + P1)
    ids = ["vioms/standard", "vioms/advanced", "vioms/enterprise",
           "vioms/advanced+evening-weekend", "vioms/enterprise+evening-weekend"]  # fmt: skip
    code, out, _ = run(capsys, "compare", *ids, tickets)
    assert code == 0
    assert "  #4 vioms/advanced+evening-weekend" in out
    assert "tickets judged: " not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    _, wide, _ = run(capsys, "compare", *ids, tickets, "--wide")
    assert "enterprise+evening-weekend" in wide.splitlines()[2]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["vioms/standard"], "slacalc compare: expected ID [ID ...] FILE, got vioms/standard"),
        (["vioms/gold", "vioms/standard", "T"], "unknown contract 'vioms/gold'"),
        (["vioms/standard", "vioms/standard", "T"], "contract 'vioms/standard' is given twice"),
        (["vioms/standard", "vioms/advanced", "T", "--month", "11-2026"], "--month '11-2026'"),
        (["vioms/standard", "vioms/advanced", "missing.csv"], "cannot read"),
        (["vioms/standard", "vioms/advanced", "EMPTY"], "empty file"),
        (["vioms/standard", "vioms/advanced", "HEADER"], "no ticket to compare; pass --month"),
        (["vioms/standard", "vioms/advanced", "T", "--calls", "missing.csv"], "cannot read"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    files = {"T": HEADER + P1, "EMPTY": "", "HEADER": HEADER}
    argv = [write(tmp_path, a + ".csv", files[a]) if a in files else a for a in argv]
    code, out, err = run(capsys, "compare", *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("slacalc")
    assert message in err


def test_an_empty_month_and_an_empty_calls_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER)
    calls = write(tmp_path, "calls.csv", "start,duration\n")
    code, out, _ = run(capsys, "compare", "vioms/standard", "vioms/advanced", tickets,
                       "--month", "2026-11", "--calls", calls)  # fmt: skip
    assert code == 0
    assert "0 tickets judged under each contract" in out
    assert "P1        response    0/0 -     0/0 -" in out
    assert "calls (calls.csv): 0 in 2026-11, 0 outside it" in out
    assert "cheapest" not in out


@pytest.mark.parametrize("duration", ["99999999999h", "99999999999999999999", "²"])
def test_an_impossible_call_duration_is_a_bad_calls_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, duration: str
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER + P1)
    calls = write(tmp_path, "calls.csv", f"start,duration\n2026-11-02T10:00+01:00,{duration}\n")
    code, out, err = run(capsys, "compare", "vioms/standard", "vioms/advanced", tickets,
                         "--month", "2026-11", "--calls", calls)  # fmt: skip
    assert (code, err) == (1, "")
    section = out.split("bad rows of calls.csv:\n", 1)[1]
    assert section.startswith(f"line 2  -  duration '{duration}' is ")


def test_a_ticket_out_of_range_does_not_set_the_period(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Without --month the period is the tickets' months: one opened in year 1 (outside
    # 1969-2101) does not start a period Python cannot reach; it lies outside the period.
    tickets = write(tmp_path, "t.csv", HEADER + P1 + "Y-1,,P1,0001-01-01T00:00+01:00,,\n")
    code, out, err = run(capsys, "compare", "vioms/standard", "vioms/advanced", tickets)
    assert (code, err) == (0, "")
    assert out.startswith("vioms/standard vs vioms/advanced, 2026-11\n")
