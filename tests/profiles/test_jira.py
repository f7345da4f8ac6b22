"""The Jira Service Management example (examples/exports/jira/) against intramed/online.

Every expectation below is worked out by hand from the contract's rules, never copied from
slacalc's output. intramed/online: support hours Mon and Thu 08:00-20:00 (12 h), Tue, Wed
and Fri 08:00-17:00 (9 h), Europe/Amsterdam (CET, +01:00 all November), Dutch holidays
(none in November or early December 2026). Metric ``restore`` (tickets of kind incident),
pausable, starting at the opening and stopping on resolved or closed; level-1 4 h of
support time, level-2 5 working days, level-3 10 working days. A working-day target is
the support time from the start to the same wall-clock time n working days later (the
last closing that day when that time is past it). Reopening continues the clock.

Mapping: Highest=level-1, High=level-2, Medium=level-3, Low=level-3; "Lowest" is unmapped
(the bad row). Pauses: "Waiting for customer"; "Pending" runs. Evaluated at Mon 30 Nov
17:00. A stopped clock's due_at is the stop plus the remaining target; a running or paused
one's is ``at`` plus the remaining; one that reached its target is the instant it did.

Week days of November 2026: Mon 2, 9, 16, 23, 30; support hours per week 12+9+9+12+9 = 51.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .common import run_json

EXPORTS = Path(__file__).resolve().parents[2] / "examples" / "exports" / "jira"
AT = "2026-11-30T17:00+01:00"
COMMAND = [
    "check",
    "intramed/online",
    str(EXPORTS / "tickets.csv"),
    "--from",
    "jira",
    "--history",
    str(EXPORTS / "history.csv"),
    "--tz",
    "Europe/Amsterdam",
    "--priority",
    "Highest=level-1",
    "--priority",
    "High=level-2",
    "--priority",
    "Medium=level-3",
    "--priority",
    "Low=level-3",
    "--at",
    AT,
    "--format",
    "json",
]

# ticket: (status, due_at, elapsed_seconds) of its one target, restore
EXPECTED: dict[str, tuple[str, str | None, int]] = {
    # Highest (4 h). Opened Mon 2 Nov 09:00, In Progress 09:30 (runs), Resolved 11:30:
    # 2.5 h counted; due 11:30 + the 1.5 h left = 13:00.
    "SD-101": ("met", "2026-11-02T13:00:00+01:00", 9_000),
    # Opened Tue 3 Nov 15:00; Waiting for customer 16:00 to Wed 09:00 (paused); Resolved
    # Wed 11:00: Tue 15-16 1 h + Wed 09-11 2 h = 3 h; due 11:00 + 1 h = Wed 12:00.
    "SD-102": ("met", "2026-11-04T12:00:00+01:00", 10_800),
    # Opened Thu 5 Nov 18:00, Resolved Fri 11:00: Thu 18-20 2 h + Fri 08-11 3 h = 5 h > 4 h;
    # the 4 h were reached on Fri at 08:00 + 2 h = 10:00.
    "SD-103": ("breached", "2026-11-06T10:00:00+01:00", 18_000),
    # Opened Fri 6 Nov 16:00; paused 16:30 to Mon 9 10:00; Resolved Mon 12:00:
    # 0.5 h + 2 h = 2.5 h; due 12:00 + 1.5 h = 13:30.
    "SD-104": ("met", "2026-11-09T13:30:00+01:00", 9_000),
    # High (5 working days). Opened Mon 2 Nov 10:00: due Mon 9 10:00, a target of
    # Mon 10 + Tue 9 + Wed 9 + Thu 12 + Fri 9 + Mon 08-10 2 = 51 h. Resolved Fri 6 15:00:
    # 10+9+9+12 + Fri 08-15 7 = 47 h; due 15:00 + 4 h = Fri 15-17 2 h, Mon 08-10 = Mon 10:00.
    "SD-105": ("met", "2026-11-09T10:00:00+01:00", 169_200),
    # Opened Wed 4 Nov 14:00: 5 working days to Wed 11 14:00 = Wed 3 + Thu 12 + Fri 9 +
    # Mon 12 + Tue 9 + Wed 08-14 6 = 51 h. Waiting for customer Thu 09:00 to Sat 7 11:00;
    # Resolved Tue 10 12:00: Wed 3 + Thu 08-09 1 + Mon 12 + Tue 08-12 4 = 20 h. Due 12:00 +
    # 31 h: Tue 5 (26), Wed 9 (17), Thu 12 (5), Fri 13 08:00 + 5 = 13:00.
    "SD-106": ("met", "2026-11-13T13:00:00+01:00", 72_000),
    # Opened Mon 16 09:00, In Progress since: due Mon 23 09:00 (51 h: Mon 16 11, Tue 9,
    # Wed 9, Thu 12, Fri 9 = 50, Mon 23 08-09 1). Counted to Mon 30 17:00: 50 + 51 (week of
    # 23 Nov) + Mon 30 08-17 9 = 110 h.
    "SD-107": ("breached", "2026-11-23T09:00:00+01:00", 396_000),
    # Medium (10 working days). Opened Tue 10 11:00: due Tue 24 11:00, a target of
    # Tue 6 + Wed 9 + Thu 12 + Fri 9 + 51 + Mon 23 12 + Tue 24 08-11 3 = 102 h. Waiting for
    # customer since Wed 11 10:00 (still): Tue 11-17 6 + Wed 08-10 2 = 8 h, paused. Due at +
    # 94 h: Mon 30 17-20 3 (91), Dec Tue 1 9 (82), Wed 9 (73), Thu 12 (61), Fri 9 (52),
    # Mon 7 12 (40), Tue 9 (31), Wed 9 (22), Thu 10 12 (10), Fri 11 9 (1), Mon 14 09:00.
    "SD-108": ("paused", "2026-12-14T09:00:00+01:00", 28_800),
    # Opened Mon 23 13:00; In Progress, Pending Tue 24 10:00 to Wed 09:00 (Pending runs),
    # still open: due Mon 7 Dec 13:00 (102 h). Counted: Mon 7 + Tue 9 + Wed 9 + Thu 12 +
    # Fri 9 + Mon 30 08-17 9 = 55 h; at + 47 h: Mon 3 (44), Tue 9 (35), Wed 9 (26), Thu 12
    # (14), Fri 9 (5), Mon 7 Dec 08:00 + 5 = 13:00.
    "SD-109": ("running", "2026-12-07T13:00:00+01:00", 198_000),
    # Highest. Opened Thu 12 09:00, Resolved 10:00, reopened 14:00, Resolved 15:30:
    # 1 h + 1.5 h = 2.5 h; due 15:30 + 1.5 h = 17:00 (Thursday closes at 20:00).
    "SD-110": ("met", "2026-11-12T17:00:00+01:00", 9_000),
    # Opened Fri 13 16:30 and put in Waiting for customer at once; resumed Mon 16 09:00;
    # Resolved 12:00: 3 h; due 12:00 + 1 h = 13:00.
    "SD-111": ("met", "2026-11-16T13:00:00+01:00", 10_800),
    # Opened Mon 30 10:00, open at 17:00: 7 h; the 4 h were reached at 14:00.
    "SD-112": ("breached", "2026-11-30T14:00:00+01:00", 25_200),
    # High. Opened Tue 17 10:00, Canceled (closed) 11:00: 1 h. Target to Tue 24 10:00:
    # Tue 7 + Wed 9 + Thu 12 + Fri 9 + Mon 12 + Tue 08-10 2 = 51 h; due 11:00 + 50 h:
    # Tue 6 (44), Wed 9 (35), Thu 12 (23), Fri 9 (14), Mon 12 (2), Tue 24 08:00 + 2 = 10:00.
    "SD-113": ("met", "2026-11-24T10:00:00+01:00", 3_600),
    # Medium. Opened Wed 18 09:00; Waiting for customer 12:00 until Resolved Fri 20 10:00:
    # 3 h. Target to Wed 2 Dec 09:00: Wed 8 + Thu 12 + Fri 9 + Mon 12 + Tue 9 + Wed 9 +
    # Thu 12 + Fri 9 + Mon 12 + Tue 9 + Wed 08-09 1 = 102 h; due Fri 10:00 + 99 h: Fri 7
    # (92), Mon 12 (80), Tue 9 (71), Wed 9 (62), Thu 12 (50), Fri 9 (41), Mon 30 12 (29),
    # Tue 9 (20), Wed 9 (11), Thu 3 Dec 08:00 + 11 = 19:00.
    "SD-114": ("met", "2026-12-03T19:00:00+01:00", 10_800),
    # High. Opened Mon 23 09:00, Resolved 12:00 (3 h), reopened Tue 24 10:00, In Progress:
    # 3 + Tue 10-17 7 + Wed 9 + Thu 12 + Fri 9 + Mon 30 08-17 9 = 49 h of a 51 h target
    # (to Mon 30 09:00: Mon 11 + 9 + 9 + 12 + 9 + Mon 08-09 1); due 17:00 + 2 h = 19:00.
    "SD-115": ("running", "2026-11-30T19:00:00+01:00", 176_400),
    # Low. Opened Thu 19 15:00, Resolved Fri 20 09:00, Closed Tue 24 (no reopening):
    # Thu 15-20 5 + Fri 08-09 1 = 6 h. Target to Thu 3 Dec 15:00 = 102 h; due Fri 09:00 +
    # 96 h: Fri 8 (88), Mon 12 (76), Tue 9 (67), Wed 9 (58), Thu 12 (46), Fri 9 (37),
    # Mon 12 (25), Tue 9 (16), Wed 9 (7), Thu 3 Dec 08:00 + 7 = 15:00.
    "SD-116": ("met", "2026-12-03T15:00:00+01:00", 21_600),
    # Medium. Opened Mon 2 14:00; Waiting for customer 16:00 to Tue 10:00 and Wed 11:00 to
    # Thu 09:00; Resolved Thu 18:00: Mon 2 + Tue 10-17 7 + Wed 08-11 3 + Thu 09-18 9 = 21 h.
    # Target to Mon 16 14:00: Mon 6 + 9 + 9 + 12 + 9 + 51 (week of 9 Nov) + Mon 16 08-14 6
    # = 102 h; due Thu 18:00 + 81 h: Thu 2 (79), Fri 9 (70), Mon 12 (58), Tue 9 (49),
    # Wed 9 (40), Thu 12 (28), Fri 9 (19), Mon 16 12 (7), Tue 17 08:00 + 7 = 15:00.
    "SD-117": ("met", "2026-11-17T15:00:00+01:00", 75_600),
    # Highest. Opened Tue 24 08:00; Waiting for customer since 13:00: 5 h, the 4 h reached
    # at 12:00; breached outranks paused.
    "SD-118": ("breached", "2026-11-24T12:00:00+01:00", 18_000),
    # High. Opened Sat 21 10:00 (the clock starts Mon 23 08:00), Resolved Mon 16:00: 8 h of
    # 51 h (to Mon 30 08:00: Mon 12 + Tue 9 + Wed 9 + Thu 12 + Fri 9). Due 16:00 + 43 h:
    # Mon 4 (39), Tue 9 (30), Wed 9 (21), Thu 12 (9), Fri 9 (0): reached at Fri 27 17:00.
    "SD-119": ("met", "2026-11-27T17:00:00+01:00", 28_800),
    # Low. Opened Fri 27 12:00, never changed: Fri 12-17 5 + Mon 30 08-17 9 = 14 h. Due Fri
    # 11 Dec 12:00 (10 working days): at + 88 h: Mon 3 (85), Tue 9 (76), Wed 9 (67), Thu 12
    # (55), Fri 9 (46), Mon 12 (34), Tue 9 (25), Wed 9 (16), Thu 12 (4), Fri 11 08:00 + 4.
    "SD-120": ("running", "2026-12-11T12:00:00+01:00", 50_400),
}
BAD = {"SD-122": 12}  # priority 'Lowest', mapped to no contract priority


def _run(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    return run_json(COMMAND, capsys)


def test_every_ticket_as_computed_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    code, records = _run(capsys)
    results = {r["ticket"]: r for r in records if "error" not in r}
    assert all(r["metric"] == "restore" for r in results.values())
    got = {t: (r["status"], r["due_at"], r["elapsed_seconds"]) for t, r in results.items()}
    assert got == EXPECTED
    assert code == 1  # breaches and a bad row


def test_the_bad_row_is_reported_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, records = _run(capsys)
    bad = {r["ticket"]: r for r in records if "error" in r}
    assert {t: r["line"] for t, r in bad.items()} == BAD
    assert "Lowest" in bad["SD-122"]["error"]


def test_the_export_has_twenty_tickets_and_one_bad_row() -> None:
    lines = (EXPORTS / "tickets.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + len(EXPECTED) + len(BAD)
