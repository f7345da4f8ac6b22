"""``slacalc next`` (cli/_next.py): the tickets by when each next changes, and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import run

AT = "2026-11-23T18:00+01:00"


def tickets(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "t.csv"
    path.write_text("id,priority,opened_at,responded_at,resolved_at\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")  # fmt: skip
    return str(path)


def test_next_lists_milestones_and_breaches_in_time_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Intramed Online, support Mon 08:00-20:00: a level-1 restore of 4 h with a 50 %
    # milestone. M-1 opened 17:00: 2 h reach 19:00 (the milestone), breach_at Tue 09:00.
    # M-2 opened 08:00: 4 h reach 12:00, breached long before 18:00: nothing will change.
    # M-3 opened 16:30 and resolved: met, nothing will change.
    # M-0 opened 15:00: 50 % at 17:00 (past); 4 h reach 19:00: the breach comes first.
    path = tickets(
        tmp_path,
        "M-1,level-1,2026-11-23T17:00+01:00,,",
        "M-2,level-1,2026-11-23T08:00+01:00,,",
        "M-3,level-1,2026-11-23T16:30+01:00,,2026-11-23T17:00+01:00",
        "M-0,level-1,2026-11-23T15:00+01:00,,",
    )
    code, out, err = run(capsys, "next", "intramed/online", path, "--at", AT, "--format", "json")
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["ticket"], r["next_change_at"], r["change"], r["fraction"]) for r in records] == [
        ("M-0", "2026-11-23T19:00:00+01:00", "breach", None),
        ("M-1", "2026-11-23T19:00:00+01:00", "milestone", 0.5),
    ]  # at the same instant, by ticket id
    code, out, _ = run(capsys, "next", "intramed/online", path, "--at", AT)
    lines = out.splitlines()
    assert lines[0].split() == ["next", "change", "ticket", "why"]
    assert lines[1].split()[4:] == ["M-0", "level-1", "restore", "breaches", "right", "after"]
    assert lines[2].split()[4:] == ["M-1", "level-1", "restore", "reaches", "50%", "of", "its",
                                    "target"]  # fmt: skip
    assert lines[1].startswith("Mon 23 Nov 19:00")
    assert "2 tickets to look at again as of 2026-11-23T18:00+01:00; 0 bad rows" in out
    assert "2 will not change without a further event" in out


def test_at_the_breach_instant_it_is_next_and_a_microsecond_later_it_is_gone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # VIOMS Advanced P1 response: 4 h from Monday 09:15 -> breach_at 13:15.
    path = tickets(tmp_path, "V-1,P1,2026-11-23T09:15+01:00,,")
    for at, expected in (("2026-11-23T13:15:00+01:00", "2026-11-23T13:15:00+01:00"),
                         ("2026-11-23T13:15:00.000001+01:00", None)):  # fmt: skip
        code, out, _ = run(capsys, "next", "vioms/advanced", path, "--at", at, "--format", "json")
        found = [json.loads(line) for line in out.splitlines()]
        assert code == 0
        assert [r["next_change_at"] for r in found] == ([expected] if expected else [])


def test_bad_rows_are_listed_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tickets(tmp_path, "B-1,P9,2026-11-23T09:15+01:00,,", "B-2,P1,2026-11-23T09:15,,")
    code, out, _ = run(capsys, "next", "vioms/advanced", path, "--at", AT, "--format", "csv")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "ticket,contract,priority,metric,next_change_at,change,fraction,line,error"
    assert [line.split(",")[0] for line in lines[1:]] == ["B-1", "B-2"]
    code, _, err = run(capsys, "next", "vioms/advanced", path, "--at", "tomorrow")
    assert code == 2
    assert err.startswith("slacalc next: --at")
