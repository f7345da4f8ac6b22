"""The Freshdesk example (examples/exports/freshdesk/) against vioms/standard.

Every expectation below is worked out by hand from the contract's rules, never copied from
slacalc's output. vioms/standard: service hours Mon-Fri 09:00-17:00 Europe/Amsterdam (CET,
+01:00), no holidays; nothing is pausable (Pending and Waiting on Customer change
nothing). P1 (Urgent): response 8 h, resolution 8 h, on_site best effort (no target); P2
(High): response 16 h, resolution 8 h; P3 (Medium): response 16 h, resolution 16 h; P4
(Low): response 32 h. The response stops at the "Initial response time" or the
resolution; the resolution clock starts when the response clock stops and stops on
Resolved or Closed; reopening (Resolved to Open in the activities) continues it.

Mapping: Urgent=P1, High=P2, Medium=P3, Low=P4; the bad row has a "Created time" of
31 November. Evaluated at Mon 30 Nov 17:00. A stopped clock's due_at is the stop plus the
remaining target; a running one's ``at`` plus the remaining; one that reached its target,
the instant it did (a window's end counts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .common import cet as d
from .common import run_json

EXPORTS = Path(__file__).resolve().parents[2] / "examples" / "exports" / "freshdesk"
AT = "2026-11-30T17:00+01:00"
COMMAND = [
    "check",
    "vioms/standard",
    str(EXPORTS / "tickets.csv"),
    "--from",
    "freshdesk",
    "--history",
    str(EXPORTS / "history.csv"),
    "--tz",
    "Europe/Amsterdam",
    "--priority",
    "Urgent=P1",
    "--priority",
    "High=P2",
    "--priority",
    "Medium=P3",
    "--priority",
    "Low=P4",
    "--at",
    AT,
    "--format",
    "json",
]

Result = tuple[str, str | None, int]
NO_TARGET: Result = ("no_target", None, 0)
NOT_STARTED: Result = ("not_started", None, 0)


# ticket: {metric: (status, due_at, elapsed_seconds)}
EXPECTED: dict[str, dict[str, Result]] = {
    # P1. Opened Mon 2 09:00, response 10:00 (1 h, due 10:00 + 7 h = 17:00); Resolved
    # 14:00: resolution 4 h, due 14:00 + 4 h = Mon 3, Tue 09:00 + 1 = 10:00; Closed Thu 5.
    "2301": {
        "response": ("met", d(2, 17), 3_600),
        "resolution": ("met", d(3, 10), 14_400),
        "on_site": NO_TARGET,
    },
    # P2. Opened Mon 2 15:00, response Tue 11:00: Mon 2 + Tue 2 = 4 h, due 11:00 + 12 h =
    # Tue 6, Wed 09:00 + 6 = 15:00. Resolution Tue 11:00 to Wed 12:00: 6 + 3 = 9 h > 8 h,
    # reached Wed 09:00 + 2 = 11:00.
    "2302": {
        "response": ("met", d(4, 15), 14_400),
        "resolution": ("breached", d(4, 11), 32_400),
    },
    # P3. Opened Wed 4 10:00, response 16:00 (6 h; due 16:00 + 10 h = Wed 1, Thu 8, Fri
    # 09:00 + 1 = 10:00). Pending Thu 10:00 to Fri 09:00 runs. Resolution Wed 16:00 to
    # Resolved Fri 14:00: 1 + 8 + 5 = 14 h, due 14:00 + 2 h = 16:00.
    "2303": {
        "response": ("met", d(6, 10), 21_600),
        "resolution": ("met", d(6, 16), 50_400),
    },
    # P4. Opened Thu 5 11:00, response Mon 9 10:00: Thu 6 + Fri 8 + Mon 1 = 15 h; due 10:00
    # + 17 h = Mon 7, Tue 8, Wed 11 09:00 + 2 = 11:00.
    "2304": {"response": ("met", d(11, 11), 54_000)},
    # P1. Opened Tue 10 09:30, response 09:45 (0.25 h; due 09:45 + 7.75 h = Tue 7.25, Wed
    # 09:00 + 0.5 = 09:30). Resolved 11:00, reopened Wed 11 10:00, Resolved 15:00, Closed
    # Mon 16: resolution 1.25 + 5 = 6.25 h, due 15:00 + 1.75 h = 16:45.
    "2305": {
        "response": ("met", d(11, 9, 30), 900),
        "resolution": ("met", d(11, 16, 45), 22_500),
        "on_site": NO_TARGET,
    },
    # P1. Opened Mon 30 10:00, no response: 7 h by 17:00, due 17:00 + 1 h = Tue 1 Dec 10:00.
    "2306": {
        "response": ("running", d(1, 10, month=12), 25_200),
        "resolution": NOT_STARTED,
        "on_site": NO_TARGET,
    },
    # P2. Opened Thu 26 13:00, response 14:00 (1 h; due 14:00 + 15 h = Thu 3, Fri 8, Mon 30
    # 09:00 + 4 = 13:00). Resolution from 14:00, open: Thu 3 + Fri 8 + Mon 8 = 19 h, reached
    # 8 h on Fri 09:00 + 5 = 14:00.
    "2307": {
        "response": ("met", d(30, 13), 3_600),
        "resolution": ("breached", d(27, 14), 68_400),
    },
    # P3. Opened Fri 27 10:00, response 11:00 (1 h; due 11:00 + 15 h = Fri 6, Mon 8, Tue
    # 09:00 + 1 = 10:00); Pending since 11:05 (runs). Resolution Fri 6 + Mon 8 = 14 h of
    # 16; due 17:00 + 2 h = Tue 1 Dec 11:00.
    "2308": {
        "response": ("met", d(1, 10, month=12), 3_600),
        "resolution": ("running", d(1, 11, month=12), 50_400),
    },
    # P4. Opened Fri 13 16:00, resolved Mon 16 09:30 without a response: the resolution
    # stops the response at Fri 1 + Mon 0.5 = 1.5 h; due 09:30 + 30.5 h = Mon 7.5, Tue 8,
    # Wed 8, Thu 19 09:00 + 7 = 16:00.
    "2309": {"response": ("met", d(19, 16), 5_400)},
    # P1. Opened Wed 18 11:00, response 11:30 (0.5 h; due 11:30 + 7.5 h = Wed 5.5, Thu
    # 09:00 + 2 = 11:00). Closed (and resolved) 13:00: resolution 1.5 h, due 13:00 + 6.5 h
    # = Wed 4, Thu 09:00 + 2.5 = 11:30.
    "2310": {
        "response": ("met", d(19, 11), 1_800),
        "resolution": ("met", d(19, 11, 30), 5_400),
        "on_site": NO_TARGET,
    },
    # P2. Opened Mon 16 09:00, response Wed 18 10:00: Mon 8 + Tue 8 + Wed 1 = 17 h > 16 h,
    # reached at the end of Tuesday (17:00). Resolution Wed 10:00 to 12:00: 2 h, due 12:00
    # + 6 h = Wed 5, Thu 09:00 + 1 = 10:00.
    "2311": {
        "response": ("breached", d(17, 17), 61_200),
        "resolution": ("met", d(19, 10), 7_200),
    },
    # P3. Opened Sun 22 20:00, response Mon 23 09:30: 0.5 h; due 09:30 + 15.5 h = Mon 7.5,
    # Tue 8: Tue 17:00. Resolution Mon 09:30 to Resolved Tue 11:00: 7.5 + 2 = 9.5 h, due
    # 11:00 + 6.5 h = Tue 6, Wed 09:00 + 0.5 = 09:30.
    "2312": {
        "response": ("met", d(24, 17), 1_800),
        "resolution": ("met", d(25, 9, 30), 34_200),
    },
    # P1. Opened Tue 24 09:00, response 09:20 (20 min; due 09:20 + 7 h 40 = 17:00).
    # Resolved 12:00 (2 h 40), reopened Wed 25 09:00, open: 8 h reached Wed 09:00 + 5 h 20
    # = 14:20; counted 2 h 40 + Wed 8 + Thu 8 + Fri 8 + Mon 8 = 34 h 40.
    "2313": {
        "response": ("met", d(24, 17), 1_200),
        "resolution": ("breached", d(25, 14, 20), 124_800),
        "on_site": NO_TARGET,
    },
    # P4. Opened Mon 23 14:00, response Wed 25 10:00: Mon 3 + Tue 8 + Wed 1 = 12 h; due
    # 10:00 + 20 h = Wed 7, Thu 8, Fri 09:00 + 5 = 14:00.
    "2314": {"response": ("met", d(27, 14), 43_200)},
    # P4. Opened Wed 25 10:00, no response: Wed 7 + Thu 8 + Fri 8 + Mon 8 = 31 h; due
    # 17:00 + 1 h = Tue 1 Dec 10:00.
    "2315": {"response": ("running", d(1, 10, month=12), 111_600)},
    # P2. Opened Thu 19 10:00, response 10:30 (0.5 h; due 10:30 + 15.5 h = Thu 6.5, Fri 8,
    # Mon 23 09:00 + 1 = 10:00). Waiting on Customer 11:00 to Fri 14:00 runs (not
    # pausable). Resolution to Resolved Fri 16:00: Thu 6.5 + Fri 7 = 13.5 h, reached 8 h on
    # Fri 09:00 + 1.5 = 10:30.
    "2316": {
        "response": ("met", d(23, 10), 1_800),
        "resolution": ("breached", d(20, 10, 30), 48_600),
    },
    # P3. Opened Thu 12 09:00, response 09:10 (10 min; due 09:10 + 15 h 50 = Thu 7 h 50,
    # Fri 8: Fri 17:00). Resolved 16:00, Closed Mon 16: resolution 6 h 50, due 16:00 +
    # 9 h 10 = Thu 1, Fri 8, Mon 16 09:10.
    "2317": {
        "response": ("met", d(13, 17), 600),
        "resolution": ("met", d(16, 9, 10), 24_600),
    },
    # P1. Opened Fri 20 07:30, response 08:00 (before the service hours: 0 h; due 09:00 +
    # 8 h = 17:00). Resolved 10:00: resolution 09-10 1 h, due 10:00 + 7 h = 17:00.
    "2318": {
        "response": ("met", d(20, 17), 0),
        "resolution": ("met", d(20, 17), 3_600),
        "on_site": NO_TARGET,
    },
    # P2. Opened Tue 3 12:00, response 12:30 (0.5 h; due 12:30 + 15.5 h = Tue 4.5, Wed 8,
    # Thu 09:00 + 3 = 12:00). Resolution 12:30 to Resolved Wed 12:30: 4.5 + 3.5 = exactly
    # 8 h, met, reached Wed 12:30.
    "2319": {
        "response": ("met", d(5, 12), 1_800),
        "resolution": ("met", d(4, 12, 30), 28_800),
    },
    # P3. Opened Mon 9 16:30, response Tue 10 09:15: 0.5 + 0.25 = 0.75 h; due 09:15 +
    # 15.25 h = Tue 7.75, Wed 09:00 + 7.5 = 16:30. Pending Tue 09:20 to Wed 13:00 runs.
    # Resolution to Resolved Thu 12 10:00: 7.75 + 8 + 1 = 16.75 h > 16 h, reached Thu
    # 09:00 + 0.25 = 09:15.
    "2320": {
        "response": ("met", d(11, 16, 30), 2_700),
        "resolution": ("breached", d(12, 9, 15), 60_300),
    },
}
BAD = {"2321": 13}  # Created time 2026-11-31 10:00:00: no such date


def _run(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    return run_json(COMMAND, capsys)


def test_every_ticket_as_computed_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    code, records = _run(capsys)
    got: dict[str, dict[str, Result]] = {}
    for r in records:
        if "error" not in r:
            got.setdefault(str(r["ticket"]), {})[r["metric"]] = (
                r["status"],
                r["due_at"],
                r["elapsed_seconds"],
            )
    assert got == EXPECTED
    assert code == 1


def test_the_bad_row_is_reported_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, records = _run(capsys)
    bad = {str(r["ticket"]): r for r in records if "error" in r}
    assert {t: r["line"] for t, r in bad.items()} == BAD
    assert "2026-11-31" in bad["2321"]["error"]


def test_the_export_has_twenty_tickets_and_one_bad_row() -> None:
    lines = (EXPORTS / "tickets.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + len(EXPECTED) + len(BAD)
