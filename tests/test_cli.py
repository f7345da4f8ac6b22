"""The ``slacalc`` command line (SPEC section 6), run in-process through ``main``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cli_run import run
from slacalc import contracts
from slacalc.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AT = "2026-11-27T17:00+01:00"
HEADER = "id,priority,opened_at,kind,responded_at,resolved_at\n"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def json_lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def assert_one_line_usage_error(code: int, out: str, err: str) -> None:
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


# -- contracts, show, due ---------------------------------------------------------------


def test_contracts_lists_every_builtin_with_vendor_and_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "contracts")
    assert code == 0
    assert err == ""
    assert max(len(line) for line in out.splitlines()) <= 80
    # a long name goes on under itself: a line of its own, indented to the name column
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert [line.split()[0] for line in lines] == contracts.ids()
    vioms = next(line for line in lines if line.startswith("vioms/advanced "))
    assert vioms.split() == ["vioms/advanced", "VIOMS", "Advanced"]
    # aligned: the vendor column starts at the same offset on every line
    offsets = {line.index(contracts.get(line.split()[0]).vendor) for line in lines}
    assert len(offsets) == 1
    joined = " ".join(out.split())
    assert "vioms/enterprise+evening-weekend VIOMS Enterprise + Avond- en Weekend Service" in joined
    code, out, _ = run(capsys, "contracts", "--wide")
    assert "Enterprise + Avond- en Weekend Service\n" in out


def test_show_prints_calendars_priorities_with_aliases_and_targets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "show", "vioms/advanced")
    assert code == 0
    assert err == ""
    assert "service_hours  mon-fri 09:00-17:00, Europe/Amsterdam" in out
    assert "P1  PRIO 1 (Urgent); aliases: PRIO 1, Urgent, 1" in out
    lines = out.splitlines()
    p4 = lines.index("  P4")  # a line per priority, then a line per target of it
    assert lines[p4 + 1].split() == [
        "response", "16h", "service_hours", "no", "guaranteed",
    ]  # fmt: skip
    assert "targets (all of incident tickets):" in out
    assert lines[p4 + 1].startswith("    response")


def test_show_names_working_days_calendar_time_and_best_effort(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "show", "intramed/online")
    assert code == 0
    assert "5 working days" in out
    assert "3 weeks calendar time" in out
    assert "best effort" in out
    assert "closed on NL holidays" in out


def test_due_prints_one_line_per_target_for_an_alias(capsys: pytest.CaptureFixture[str]) -> None:
    # Mon 16:00 + 4 h on Mon-Fri 09-17: 1 h on Monday, 3 h on Tuesday -> Tue 12:00.
    code, out, err = run(capsys, "due", "vioms/advanced", "PRIO 1", "2026-11-23T16:00+01:00")
    assert code == 0
    assert err == ""
    assert out.splitlines() == [
        "response    2026-11-24T12:00:00+01:00",
        "resolution  2026-11-24T12:00:00+01:00",
        "on_site     2026-11-24T12:00:00+01:00",
    ]


def test_due_shows_the_breach_instant_when_due_falls_on_closing_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # P2 response is 8 h: Mon 09:00 + 8 h = Mon 17:00, breached only from Tue 09:00 on.
    code, out, _ = run(
        capsys, "due", "vioms/advanced", "P2", "2026-11-23T09:00+01:00", "--metric", "response"
    )
    assert code == 0
    assert out.split() == [
        "response",
        "2026-11-23T17:00:00+01:00",
        "(breached",
        "after",
        "2026-11-24T09:00:00+01:00)",
    ]


def test_due_says_no_target_for_best_effort(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "due", "intramed/online", "level-3", "2026-11-23T16:00+01:00", "--kind", "bug"
    )
    assert code == 0
    assert out.split() == ["bug_fix", "no", "target"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["due", "vioms/advanced", "P9", "2026-11-23T16:00+01:00"], "unknown priority 'P9'"),
        (["due", "vioms/advanced", "P1", "2026-11-23T16:00"], "no UTC offset"),
        (["due", "vioms/advanced", "P1", "tomorrow"], "not an ISO 8601 time"),
        (["due", "vioms/advanced", "P4", AT, "--metric", "on_site"], "no 'on_site' target"),
        (["due", "vioms/advanced", "P1"], "expected ID PRIORITY TIME"),
        (["due", "vioms/advanced", "P1", AT, "--kind", "bug"], "no targets for bug"),
    ],
)
def test_due_bad_usage_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert_one_line_usage_error(code, out, err)
    assert needle in err


# -- check ------------------------------------------------------------------------------


def test_check_all_met_exits_0_with_an_aligned_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER + "A-1,P1,2026-11-23T09:15:00+01:00,,2026-11-23T09:40:00+01:00,"
        "2026-11-23T12:30:00+01:00\n",
    )
    code, out, err = run(capsys, "check", "vioms/advanced", tickets, "--at", AT)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ticket", "priority"]
    assert lines[1].split() == ["metric", "status", "due", "remaining", "elapsed"]
    assert lines[2].split() == ["A-1", "P1"]
    assert lines[3].split() == ["response", "met", "Mon", "23", "Nov", "13:15", "25m"]
    assert lines[1].index("status") == lines[3].index("met")
    assert "1 ticket as of 2026-11-27T17:00+01:00:" in out
    assert "0 targets breached, 0 bad rows" in out


def test_check_json_lines_have_the_exact_fields_and_hand_computed_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER
        # P1 response 4 h: due Mon 13:15; responded after 25 min -> met.
        + "A-1,PRIO 1,2026-11-23T09:15:00+01:00,,2026-11-23T09:40:00+01:00,"
        "2026-11-23T12:30:00+01:00\n"
        # P4 response 16 h: Mon 14-17 (3 h), Tue (8 h), Wed 09-14 (5 h) -> due Wed 14:00;
        # responded Thu 10:00 -> breached with 3 + 8 + 8 + 1 = 20 h counted.
         + "A-2,P4,2026-11-23T14:00:00+01:00,,2026-11-26T10:00:00+01:00,\n",
    )
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT, "--format", "json")
    assert code == 1
    records = json_lines(out)
    fields = ["ticket", "metric", "status", "due_at", "breach_at", "elapsed_seconds",
              "next_change_at"]  # fmt: skip
    assert all(list(r) == fields for r in records)
    by_key = {(r["ticket"], r["metric"]): r for r in records}
    assert by_key[("A-1", "response")] == {
        "ticket": "A-1",
        "metric": "response",
        "status": "met",
        "due_at": "2026-11-23T13:15:00+01:00",
        "breach_at": "2026-11-23T13:15:00+01:00",
        "elapsed_seconds": 25 * 60,
        "next_change_at": None,  # stopped: nothing will change
    }
    assert by_key[("A-2", "response")] == {
        "ticket": "A-2",
        "metric": "response",
        "status": "breached",
        "due_at": "2026-11-25T14:00:00+01:00",
        "breach_at": "2026-11-25T14:00:00+01:00",
        "elapsed_seconds": 20 * 3600,
        "next_change_at": None,
    }
    assert by_key[("A-1", "on_site")]["status"] == "not_started"
    assert by_key[("A-1", "on_site")]["due_at"] is None


def test_check_reports_bad_rows_with_line_numbers_and_evaluates_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER
        + "B-1,P3,2026-11-23T09:00:00+01:00,,2026-11-23T09:30:00+01:00,\n"  # line 2
        + "B-2,P3,2026-11-23T09:00:00,,,\n"  # line 3: naive
        + "B-3,P7,2026-11-23T09:00:00+01:00,,,\n"  # line 4: unknown priority
        + "\n"  # line 5: blank, skipped
        + "B-4,P3,2026-11-23T09:00:00+01:00,,yesterday,\n"  # line 6: not a time
        + ",P3,2026-11-23T09:00:00+01:00,,,\n"  # line 7: no id
        + "B-1,P3,2026-11-23T09:00:00+01:00,,,\n"  # line 8: duplicate
        + "B-5,P3,2026-11-24T09:00:00+01:00,,2026-11-23T09:30:00+01:00,\n"  # line 9: before open
        + "B-6,P3,2026-11-23T10:00:00+01:00,,,\n",  # line 10: fine, running
    )
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT, "--format", "json")
    assert code == 1
    records = json_lines(out)
    bad = {r["line"]: r for r in records if "error" in r}
    assert sorted(bad) == [3, 4, 6, 7, 8, 9]
    assert all(list(r) == ["ticket", "line", "error"] for r in bad.values())
    assert bad[3]["ticket"] == "B-2"
    assert "no UTC offset" in str(bad[3]["error"])
    assert "unknown priority 'P7'" in str(bad[4]["error"])
    assert "responded_at" in str(bad[6]["error"])
    assert bad[7]["ticket"] is None
    assert "id is empty" in str(bad[7]["error"])
    assert "duplicate id (first on line 2)" in str(bad[8]["error"])
    assert bad[9]["ticket"] == "B-5"
    good = {r["ticket"] for r in records if "error" not in r}
    assert good == {"B-1", "B-6"}


def test_check_table_lists_bad_rows_below_the_results(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER
        + "C-1,P3,2026-11-23T09:00:00+01:00,,2026-11-23T09:30:00+01:00,2026-11-23T11:00:00+01:00\n"
        + "C-2,P3,2026-11-23T09:00,,,\n",
    )
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT)
    assert code == 1
    assert "line 3  C-2  opened_at '2026-11-23T09:00' has no UTC offset" in out
    assert "1 ticket as of" in out
    assert "1 bad row\n" in out


def test_check_csv_output_has_the_json_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER + "D-1,P4,2026-11-23T14:00:00+01:00,,,\nD-2,P4,bad,,,\n",
    )
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT, "--format", "csv")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "ticket",
        "metric",
        "status",
        "due_at",
        "breach_at",
        "elapsed_seconds",
        "next_change_at",
        "line",
        "error",
    ]
    assert rows[0]["ticket"] == "D-1"
    assert rows[0]["status"] == "breached"
    # still open at Fri 17:00: Mon 14-17 (3 h) + Tue..Fri (4 x 8 h) = 35 h counted
    assert rows[0]["elapsed_seconds"] == str(35 * 3600)
    assert rows[1]["line"] == "3"
    assert "not an ISO 8601 time" in rows[1]["error"]


def test_check_reads_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tickets = write(
        tmp_path,
        "t.jsonl",
        json.dumps(
            {
                "id": "J-1",
                "priority": "P3",
                "opened_at": "2026-11-23T09:00:00+01:00",
                "responded_at": "2026-11-23T10:00:00+01:00",
                "resolved_at": "2026-11-23T12:00:00+01:00",
            }
        )
        + "\n\n{not json\n",
    )
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT, "--format", "json")
    assert code == 1
    records = json_lines(out)
    assert {(r.get("ticket"), r.get("status")) for r in records if "status" in r} == {
        ("J-1", "met")
    }
    assert [r["line"] for r in records if "error" in r] == [3]


def test_check_events_file_pauses_reopens_and_changes_priority(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER
        + "E-1,P2,2026-11-24T13:00:00+01:00,,2026-11-24T13:20:00+01:00,2026-11-24T15:00:00+01:00\n"
        + "E-2,P3,2026-11-26T11:00:00+01:00,,2026-11-26T11:30:00+01:00,2026-11-26T16:00:00+01:00\n",
    )
    events = write(
        tmp_path,
        "e.csv",
        "ticket,at,kind,priority,reason\n"
        # reopened for an hour: resolution counts 1 h 40 + 1 h of the 4 h -> still met
        "E-1,2026-11-25T10:00:00+01:00,reopened,,\n"
        "E-1,2026-11-25T11:00:00+01:00,resolved,,\n"
        # P3 -> P2 keeps 1 h 30 counted; 4 h 30 in all is over P2's 4 h -> breached
        "E-2,2026-11-26T13:00:00+01:00,priority_changed,P2,\n"
        "NOPE,2026-11-26T13:00:00+01:00,paused,,\n",
    )
    code, out, _ = run(
        capsys,
        "check",
        "vioms/advanced",
        tickets,
        "--events",
        events,
        "--at",
        AT,
        "--format",
        "json",
    )
    assert code == 1
    records = json_lines(out)
    by_key = {(r["ticket"], r.get("metric")): r for r in records}
    assert by_key[("E-1", "resolution")]["status"] == "met"
    assert by_key[("E-1", "resolution")]["elapsed_seconds"] == 2 * 3600 + 40 * 60
    assert by_key[("E-2", "resolution")]["status"] == "breached"
    assert by_key[("E-2", "resolution")]["elapsed_seconds"] == 4 * 3600 + 30 * 60
    orphan = by_key[("NOPE", None)]
    assert orphan["line"] == 5
    assert "e.csv line 5: no such ticket" in str(orphan["error"])


def test_check_a_bad_event_row_makes_its_ticket_a_bad_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(tmp_path, "t.csv", HEADER + "F-1,P3,2026-11-23T09:00:00+01:00,,,\n")
    events = write(tmp_path, "e.csv", "ticket,at,kind\nF-1,2026-11-24T09:00,paused\n")
    code, out, _ = run(
        capsys, "check", "vioms/advanced", tickets, "--events", events, "--at", AT,
        "--format", "json",
    )  # fmt: skip
    assert code == 1
    (record,) = json_lines(out)
    assert record["ticket"] == "F-1"
    assert record["line"] == 2
    assert "e.csv line 2: at '2026-11-24T09:00' has no UTC offset" in str(record["error"])


def by_key_of(records: list[dict[str, object]], ticket: str, metric: str) -> dict[str, object]:
    (found,) = [r for r in records if r["ticket"] == ticket and r["metric"] == metric]
    return found


def test_check_the_readme_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "check",
        "vioms/advanced",
        str(EXAMPLES / "tickets.csv"),
        "--events",
        str(EXAMPLES / "events.csv"),
        "--at",
        AT,
        "--format",
        "json",
    )
    assert code == 1
    records = json_lines(out)
    bad = [r for r in records if "error" in r]
    assert [(r["ticket"], r["line"]) for r in bad] == [("VI-1029", 23), ("CX-4006", 40)]
    assert "no UTC offset" in bad[0]["error"]
    assert "did you mean 'connexys/standard'" in bad[1]["error"]
    good = [r for r in records if "status" in r]
    statuses = {r["status"] for r in good}
    assert {"met", "breached", "running", "not_started", "no_target"} <= statuses
    # every built-in vendor is in the example, each ticket under the contract it names
    assert {r["contract"].split("/")[0] for r in good} == {
        "vioms",
        "reflex",
        "infravision",
        "connexys",
        "intramed",
    }
    assert len({r["ticket"] for r in good}) == 46
    # VIOMS 1.2.10: resolved at first contact without a separate response (Thu 09:20): the
    # response clock stops on `resolved`, and resolution starts and stops there: met in 0 s.
    assert by_key_of(good, "VI-1040", "resolution")["status"] == "met"
    assert by_key_of(good, "VI-1040", "resolution")["elapsed_seconds"] == 0
    # VIOMS 1.2.12, with the evening add-on: time on site counts service hours only.
    # Requested Mon 16:45: 15 min on Monday, 3 h 45 on Tuesday from 09:00 -> Tue 12:45.
    assert by_key_of(good, "VI-1041", "on_site")["due_at"] == "2026-11-24T12:45:00+01:00"
    assert by_key_of(good, "VI-1041", "on_site")["status"] == "met"
    by_key = {(r["ticket"], r["metric"]): r for r in good}
    # InfraVision Hoog, opened Tue 17:00: 0.5 h + 9 h of support hours -> due Wed 17:00;
    # the response came one second later.
    assert by_key[("IV-3002", "response")]["due_at"] == "2026-11-25T17:00:00+01:00"
    assert by_key[("IV-3002", "response")]["status"] == "breached"
    assert by_key[("IV-3002", "response")]["elapsed_seconds"] == 9 * 3600 + 1
    # Raised to Top at 10:00 before the root cause (10:30): 4 h from 10:30 -> due 14:30.
    assert by_key[("IV-3005", "resolution")]["due_at"] == "2026-11-26T14:30:00+01:00"
    assert by_key[("IV-3005", "resolution")]["status"] == "breached"
    # Intramed Niveau 1 (1 working day, pausable), opened Mon 18:00, paused Tue 09:00-14:00:
    # without it due at the end of the next working day (Tue 17:00); the pause holds 5 h of
    # support hours, so due 5 h of support hours later: Wed 08:00 + 5 h = Wed 13:00.
    assert by_key[("IM-5001", "restore")]["due_at"] == "2026-11-25T13:00:00+01:00"
    assert by_key[("IM-5001", "restore")]["elapsed_seconds"] == 8 * 3600


def test_check_a_contract_column_picks_each_rows_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        "id,contract,priority,opened_at,responded_at\n"
        # blank contract cell: the ID argument's contract (VIOMS P1: 4 h -> Mon 13:15)
        "A-1,,P1,2026-11-23T09:15:00+01:00,2026-11-23T09:40:00+01:00\n"
        # InfraVision Top: 1 h of support hours from 08:30 -> 09:30; responded exactly then
        "B-1,infravision/cloud,1,2026-11-23T08:00:00+01:00,2026-11-23T09:30:00+01:00\n"
        "C-1,nope/nope,1,2026-11-23T08:00:00+01:00,\n",
    )
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT, "--format", "json")
    assert code == 1
    records = json_lines(out)
    assert all(list(r)[:2] == ["ticket", "contract"] for r in records if "status" in r)
    by_key = {(r["ticket"], r["metric"]): r for r in records if "status" in r}
    assert by_key[("A-1", "response")]["contract"] == "vioms/advanced"
    assert by_key[("A-1", "response")]["due_at"] == "2026-11-23T13:15:00+01:00"
    assert by_key[("B-1", "response")]["contract"] == "infravision/cloud"
    assert by_key[("B-1", "response")]["due_at"] == "2026-11-23T09:30:00+01:00"
    assert by_key[("B-1", "response")]["status"] == "met"
    (bad,) = [r for r in records if "error" in r]
    assert bad == {"ticket": "C-1", "line": 4, "error": "unknown contract 'nope/nope'"}
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT)
    assert out.splitlines()[0].split() == ["ticket", "contract", "priority"]
    assert out.splitlines()[2].split() == ["A-1", "vioms/advanced", "P1"]
    code, out, _ = run(capsys, "check", "vioms/advanced", tickets, "--at", AT, "--format", "csv")
    assert out.splitlines()[0].startswith("ticket,contract,metric,")


def test_check_events_go_to_the_first_of_two_rows_with_one_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tickets = write(
        tmp_path,
        "t.csv",
        "id,priority,opened_at\nA,P1,2026-11-23T09:00:00+01:00\nA,P1,2026-11-23T09:00:00+01:00\n",
    )
    events = write(tmp_path, "e.csv", "ticket,at,kind\nA,2026-11-23T10:00:00+01:00,responded\n")
    argv = ["check", "vioms/advanced", tickets, "--events", events, "--at", AT, "--format", "json"]
    code, out, _ = run(capsys, *argv)
    assert code == 1
    records = json_lines(out)
    response = next(r for r in records if r.get("metric") == "response")
    assert (response["status"], response["elapsed_seconds"]) == ("met", 3600)
    assert [r for r in records if "error" in r] == [
        {"ticket": "A", "line": 3, "error": "duplicate id (first on line 2)"}
    ]


def test_check_an_orphan_event_on_the_line_of_a_good_ticket_is_still_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Outcomes are keyed by position, not by line: events line 2 is not tickets line 2."""
    tickets = write(tmp_path, "t.csv", "id,priority,opened_at\nA,P1,2026-11-23T09:00+01:00\n")
    events = write(tmp_path, "e.csv", "ticket,at,kind\nNOPE,2026-11-24T09:00+01:00,paused\n")
    argv = ["check", "vioms/advanced", tickets, "--events", events, "--at", AT, "--format", "json"]
    code, out, _ = run(capsys, *argv)
    records = json_lines(out)
    assert code == 1
    assert [r["ticket"] for r in records].count("A") == 3  # response, resolution, on_site
    assert records[-1] == {
        "ticket": "NOPE",
        "line": 2,
        "error": "e.csv line 2: no such ticket in the ticket file",
    }


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _many_tickets(tmp_path: Path, count: int) -> str:
    lines = [
        f"T-{n},P4,2026-11-23T09:00:00+01:00,,2026-11-23T10:00:00+01:00," for n in range(count)
    ]
    return write(tmp_path, "many.csv", HEADER + "\n".join(lines) + "\n")


def test_check_draws_a_progress_bar_on_a_terminal_for_more_than_10000_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tickets = _many_tickets(tmp_path, 10_001)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["check", "vioms/advanced", tickets, "--at", AT, "--format", "csv"])
    assert code == 0
    drawn = terminal.getvalue()
    assert "\r" in drawn
    assert "100%  10,001/10,001 rows" in drawn
    assert drawn.endswith("\r\x1b[2K")  # the line is wiped when done
    out = capsys.readouterr().out
    assert "\r" not in out
    assert len(out.splitlines()) == 1 + 10_001


def test_check_draws_no_progress_bar_for_10000_rows_or_off_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "vioms/advanced", _many_tickets(tmp_path, 10_000), "--at", AT]) == 0
    assert terminal.getvalue() == ""
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    assert main(["check", "vioms/advanced", _many_tickets(tmp_path, 10_001), "--at", AT]) == 0
    assert pipe.getvalue() == ""
    capsys.readouterr()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["check", "vioms/advancd", "t.csv", "--at", AT], "did you mean 'vioms/advanced'"),
        (["check", "vioms/advanced", "missing.csv", "--at", AT], "cannot read ticket file"),
        (["check", "vioms/advanced", "t.csv", "--at", "2026-11-27T17:00"], "--at"),
        (["check", "vioms/advanced", "t.csv", "--at", AT, "--events", "no.csv"], "events file"),
        (["check", "vioms/advanced", "t.csv", "--format", "xml"], "invalid choice: 'xml'"),
        (["check", "vioms/advanced"], "expected ID FILE"),
        (["show", "nope/nope"], "unknown contract 'nope/nope'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["check", "vioms/advanced", "bad-header.csv", "--at", AT], "missing column(s) opened_at"),
        (["check", "vioms/advanced", "typo.csv", "--at", AT], "unknown column(s) resolvd_at"),
        (["check", "--contract-file", "nope.json", "t.csv"], "--contract-file"),
    ],
)
def test_bad_usage_exits_2_with_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    needle: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "t.csv", HEADER + "G-1,P1,2026-11-23T09:00:00+01:00,,,\n")
    write(tmp_path, "bad-header.csv", "id,priority\nG-1,P1\n")
    write(tmp_path, "typo.csv", "id,priority,opened_at,resolvd_at\n")
    code, out, err = run(capsys, *argv)
    assert_one_line_usage_error(code, out, err)
    assert needle in err


def test_contract_file_replaces_the_id(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    builtin = contracts.get("vioms/advanced")
    mine = builtin.model_copy(update={"id": "acme/gold"})
    path = write(tmp_path, "acme.json", mine.model_dump_json())
    tickets = write(
        tmp_path,
        "t.csv",
        HEADER + "H-1,P1,2026-11-23T09:15:00+01:00,,2026-11-23T09:40:00+01:00,"
        "2026-11-23T12:30:00+01:00\n",
    )
    code, out, _ = run(
        capsys, "check", "--contract-file", path, tickets, "--at", AT, "--format", "json"
    )
    assert code == 0
    assert {r["status"] for r in json_lines(out)} == {"met", "not_started"}
    code, out, _ = run(capsys, "show", "--contract-file", path)
    assert code == 0
    assert out.startswith("acme/gold: VIOMS Advanced")
    code, out, _ = run(
        capsys, "due", "--contract-file", path, "P1", "2026-11-23T16:00+01:00", "--metric",
        "response",
    )  # fmt: skip
    assert code == 0
    assert out.split() == ["response", "2026-11-24T12:00:00+01:00"]


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    assert "--events" in out
    # the help names every column a ticket file may have, and the exit statuses
    flat = " ".join(out.split())
    assert "id, priority, opened_at, kind, contract, responded_at, workaround_at," in flat
    assert "on_site_requested_at, on_site_at, resolved_at" in flat
    assert "events file columns: ticket, at, kind, priority, reason" in flat
    assert "exit status: 0 nothing breached" in flat
    code, out, _ = run(capsys, "availability", "--help")
    assert code == 0
    assert "outage columns: start, end, planned, cause" in out


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "slacalc", "due", "vioms/advanced", "P1", "nonsense"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


# -- availability -----------------------------------------------------------------------

OUTAGES = (
    "start,end,planned,cause\n"
    "2026-11-03T10:00+01:00,2026-11-03T11:30+01:00,,disk full\n"
    "2026-11-10T22:00+01:00,2026-11-11T02:00+01:00,true,upgrade\n"
    "2026-11-12T09:00+01:00,2026-11-12T09:30+01:00,no,network\n"
)


def test_availability_reports_uptime_per_window_and_interruptions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "outages.csv", OUTAGES)
    code, out, err = run(
        capsys, "availability", "infravision/cloud", path, "--month", "2026-11", "--format", "json"
    )
    assert err == ""
    records = json_lines(out)
    support = records[0]
    # 21 weekdays of support hours in November 2026 (189 h); 1 h 30 + 30 min down in them.
    assert support["target"] == "support_hours"
    assert support["measured_seconds"] == 189 * 3600
    assert support["downtime_seconds"] == 2 * 3600
    assert support["met"] is False
    assert records[2] == {"target": "interruptions", "interruptions": 2, "maximum": 3, "met": True}
    assert code == 1
    code, out, _ = run(
        capsys, "availability", "infravision/cloud", path, "--month", "2026-11", "--format", "csv"
    )
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["target"] for r in rows] == [
        "support_hours",
        "outside_support_hours",
        "interruptions",
    ]
    assert rows[0]["measured_seconds"] == str(189 * 3600)
    assert rows[0]["met"] == "False"
    assert (rows[2]["interruptions"], rows[2]["maximum"], rows[2]["met"]) == ("2", "3", "True")
    code, out, _ = run(capsys, "availability", "reflex/basis", path, "--month", "2026-12")
    assert code == 0
    assert "uptime  99.90%   100.000%  744h" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["availability", "vioms/advanced", "o.csv", "--month", "2026-11"], "no availability"),
        (["availability", "reflex/basis", "o.csv", "--month", "2026-13"], "not YYYY-MM"),
        (["availability", "reflex/basis", "o.csv"], "--month"),
    ],
)
def test_availability_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    needle: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "o.csv", OUTAGES)
    code, out, err = run(capsys, *argv)
    assert_one_line_usage_error(code, out, err)
    assert needle in err


def test_availability_bad_outage_rows_are_reported_with_their_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "o.csv", OUTAGES + "2026-11-13T09:00,2026-11-13T10:00+01:00,,\n")
    code, out, _ = run(capsys, "availability", "reflex/basis", path, "--month", "2026-11")
    assert code == 1
    assert "line 5  start '2026-11-13T09:00' has no UTC offset" in out


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    import slacalc
    from slacalc.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"slacalc {slacalc.__version__}\n"


def test_contracts_due_and_show_print_csv_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from slacalc import contracts
    from slacalc.cli import main

    assert main(["contracts", "--format", "json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in listed] == list(contracts.ids())
    assert main(["contracts", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == list(contracts.ids())

    # due: json and csv carry the table's instants
    argv = ["due", "vioms/advanced", "P1", "2026-11-23T16:00+01:00"]
    assert main(argv) == 0
    table = capsys.readouterr().out.split()
    assert main([*argv, "--format", "json"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["metric"] for r in found] == table[0::2]
    assert [r["due_at"] for r in found] == table[1::2]
    assert main([*argv, "--format", "csv", "--metric", "response"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "metric,due_at,breach_at",
        f"response,{found[0]['due_at']},{found[0]['breach_at']}",
    ]

    # show --format json is a contract file: it loads back as the same contract
    assert main(["show", "vioms/advanced", "--format", "json"]) == 0
    path = tmp_path / "vioms.json"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    assert contracts.load(path) == contracts.get("vioms/advanced")
    assert main(["show", "vioms/advanced", "--format", "csv"]) == 0
    targets = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(targets) == len(contracts.get("vioms/advanced").targets)
    assert targets[0]["metric"] == "response"


def test_contract_file_dash_reads_standard_input() -> None:
    root = Path(__file__).parent.parent
    yaml_text = (root / "examples" / "my_contract.yaml").read_text(encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, "-m", "slacalc", "show", "--contract-file", "-"],
        input=yaml_text, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("acme/hosting-gold:")
    bad = subprocess.run(
        [sys.executable, "-m", "slacalc", "show", "--contract-file", "-"],
        input="id: x\n", capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 2
    assert bad.stderr.startswith("slacalc: --contract-file: <standard input>: invalid contract:")
