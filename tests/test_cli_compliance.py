"""``slacalc compliance``: a month's compliance per priority and metric, and the goals.

InfraVision's support hours are Monday to Friday 08:30-17:30; Hoog (high) responds within
9 h and resolves within 18 h from the root cause; its goals count requests (per ticket).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_run import run

HEADER = "id,contract,priority,opened_at,responded_at,root_cause_at,resolved_at\n"
# Four Hoog requests: responded within 9 h (met), root cause Monday 10:00, resolved
# Wednesday 10:00:01, one second past the 18 h of support time (breached).
LATE = "".join(
    f"IV-{n},,Hoog,2026-11-16T09:00+01:00,2026-11-16T09:30+01:00,2026-11-16T10:00+01:00,"
    "2026-11-18T10:00:01+01:00\n"
    for n in range(4)
)
# A Hoog request without a root cause (resolution never starts), a VIOMS row (another
# contract: left out) and a row naming no contract at all (a bad row).
OTHERS = (
    "IV-9,,Hoog,2026-11-17T09:00+01:00,2026-11-17T09:30+01:00,,\n"
    "VI-1,vioms/advanced,P1,2026-11-17T09:00+01:00,,,\n"
    "XX-1,nope/nope,1,2026-11-17T09:00+01:00,,,\n"
)


@pytest.fixture
def tickets(tmp_path: Path) -> str:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + LATE + OTHERS, encoding="utf-8")
    return str(path)


def test_table_counts_requests_and_names_what_never_started(
    capsys: pytest.CaptureFixture[str], tickets: str
) -> None:
    code, out, err = run(capsys, "compliance", "infravision/cloud", tickets, "--month", "2026-11")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == "infravision/cloud compliance 2026-11: 5 tickets"
    high_response = next(line for line in lines if line.startswith("high      response"))
    assert high_response.split()[2:5] == ["5", "0", "100.0%"]
    high_resolution = next(line for line in lines if line.startswith("high      resolution"))
    assert high_resolution.split()[2:] == ["0", "4", "0.0%", "0", "1"]
    goal = next(line for line in lines if line.startswith("high, medium, low"))
    # per ticket: 4 breached, and IV-9 (response met, no root cause) met: 1 of 5
    assert goal.split()[4:] == ["ticket", "1", "4", "20.0%", "80%", "NO"]
    assert "never started: 1 resolution target (no root_cause_identified)" in out
    assert "line 8  XX-1  unknown contract 'nope/nope'" in out
    assert "1 row of other contracts left out." in out
    assert max(len(line) for line in lines) <= 80


def test_json_lines_and_csv_carry_per_and_not_started(
    capsys: pytest.CaptureFixture[str], tickets: str
) -> None:
    argv = ["compliance", "infravision/cloud", tickets, "--month", "2026-11"]
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    goals = [r for r in records if r["row"] == "goal"]
    assert [(g["priority"], g["per"], g["met"], g["breached"]) for g in goals] == [
        ("top", "ticket", 0, 0),
        ("high, medium, low", "ticket", 1, 4),
    ]
    assert goals[1]["not_started"] == 1
    (bad,) = [r for r in records if r["row"] == "error"]
    assert (bad["ticket"], bad["line"]) == ("XX-1", 8)
    code, out, _ = run(capsys, *argv, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    cell = next(
        r
        for r in rows
        if r["row"] == "cell" and r["metric"] == "resolution" and r["priority"] == "high"
    )
    assert (cell["breached"], cell["not_started"]) == ("4", "1")


def test_every_goal_held_and_no_bad_row_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ok.csv"
    path.write_text(
        HEADER + "IV-1,,Top (1),2026-11-16T09:00+01:00,2026-11-16T10:00+01:00,,\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "compliance", "infravision/cloud", str(path), "--month", "2026-11")
    assert code == 0
    assert out.splitlines()[0] == "infravision/cloud compliance 2026-11: 1 ticket"


@pytest.mark.parametrize("month", ["2026-13", "november", "2026"])
def test_a_bad_month_is_one_line_of_usage(
    capsys: pytest.CaptureFixture[str], tickets: str, month: str
) -> None:
    code, out, err = run(capsys, "compliance", "infravision/cloud", tickets, "--month", month)
    assert (code, out) == (2, "")
    assert err == f"slacalc compliance: --month {month!r} is not YYYY-MM\n"


def test_events_are_read_as_by_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tickets = tmp_path / "t.csv"
    tickets.write_text(HEADER + "IV-1,,Hoog,2026-11-16T09:00+01:00,,,\n", encoding="utf-8")
    events = tmp_path / "e.csv"
    # responded Tuesday 09:00: 8.5 h on Monday and 0.5 h on Tuesday, within 9 h: met
    events.write_text("ticket,at,kind\nIV-1,2026-11-17T09:00+01:00,responded\n", encoding="utf-8")
    argv = ["compliance", "infravision/cloud", str(tickets), "--month", "2026-11"]
    code, out, _ = run(capsys, *argv, "--events", str(events), "--format", "json")
    assert code == 0
    cell = next(
        json.loads(line)
        for line in out.splitlines()
        if '"priority": "high", "metric": "response"' in line
    )
    assert (cell["met"], cell["breached"]) == (1, 0)
