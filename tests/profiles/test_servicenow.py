"""The ServiceNow example (examples/exports/servicenow/) against intramed/on-premise.

Every expectation below is worked out by hand from the contract's rules, never copied from
slacalc's output. intramed/on-premise: support hours Mon and Thu 08:00-20:00 (12 h), Tue,
Wed and Fri 08:00-17:00 (9 h), Europe/Amsterdam (CET, +01:00), Dutch holidays (none in
the period). Metric ``restore``, pausable, from the opening to Resolved or Closed
(Canceled closes); level-1 1 working day, level-2 2, level-3 5. A working-day target is
the support time from the clock's start (the next opening) to the same wall-clock time n
working days later, or that day's last closing when the time is past it. On Hold pauses;
a reopening (Resolved to In Progress) continues the clock.

Mapping: "1 - Critical"=level-1, "2 - High"=level-2, "3 - Moderate"=level-3,
"4 - Low"=level-3; "5 - Planning" is unmapped (the bad row). The history is the
incident_metric view ("Incident State Duration" rows; the "Assigned to Duration" rows are
skipped). Evaluated at Mon 30 Nov 17:00. A stopped clock's due_at is the stop plus the
remaining target; a running or paused one's ``at`` plus the remaining; one that reached
its target, the instant it did (a window's end counts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .common import run_json

EXPORTS = Path(__file__).resolve().parents[2] / "examples" / "exports" / "servicenow"
AT = "2026-11-30T17:00+01:00"
COMMAND = [
    "check",
    "intramed/on-premise",
    str(EXPORTS / "tickets.csv"),
    "--from",
    "servicenow",
    "--history",
    str(EXPORTS / "history.csv"),
    "--tz",
    "Europe/Amsterdam",
    "--priority",
    "1 - Critical=level-1",
    "--priority",
    "2 - High=level-2",
    "--priority",
    "3 - Moderate=level-3",
    "--priority",
    "4 - Low=level-3",
    "--at",
    AT,
    "--format",
    "json",
]

# ticket: (status, due_at, elapsed_seconds) of restore
EXPECTED: dict[str, tuple[str, str | None, int]] = {
    # level-1. Opened Mon 2 10:00: 1 working day = Tue 3 10:00, a target of Mon 10-20 10 +
    # Tue 08-10 2 = 12 h. Resolved 14:00 (4 h), Closed Thu 5; due 14:00 + 8 h = Mon 6,
    # Tue 08:00 + 2 = 10:00.
    "INC0012001": ("met", "2026-11-03T10:00:00+01:00", 14_400),
    # level-1. Opened Tue 3 15:00: to Wed 4 15:00 = Tue 2 + Wed 7 = 9 h. On Hold 16:00 to
    # Wed 10:00; Resolved Wed 16:00: Tue 1 + Wed 6 = 7 h; due 16:00 + 2 h = Wed 1, Thu 09:00.
    "INC0012002": ("met", "2026-11-05T09:00:00+01:00", 25_200),
    # level-1. Opened Thu 5 19:00: Fri 19:00 is past Friday's 17:00 close, so Fri 17:00, a
    # target of Thu 1 + Fri 9 = 10 h. Resolved Fri 17:00: exactly 10 h, reached then.
    "INC0012003": ("met", "2026-11-06T17:00:00+01:00", 36_000),
    # level-2. Opened Fri 6 11:00: to Tue 10 11:00 = Fri 6 + Mon 12 + Tue 3 = 21 h. On Hold
    # Fri 14:00 to Mon 13:00; Resolved Tue 12:00: Fri 3 + Mon 7 + Tue 4 = 14 h; due 12:00 +
    # 7 h = Tue 5, Wed 08:00 + 2 = 10:00.
    "INC0012004": ("met", "2026-11-11T10:00:00+01:00", 50_400),
    # level-2. Opened Mon 9 08:00: to Wed 11 08:00 = Mon 12 + Tue 9 = 21 h, reached at the
    # end of Tuesday (17:00). Resolved Wed 09:00: 22 h.
    "INC0012005": ("breached", "2026-11-10T17:00:00+01:00", 79_200),
    # level-3. Opened Wed 11 13:00: to Wed 18 13:00 = Wed 4 + Thu 12 + Fri 9 + Mon 12 +
    # Tue 9 + Wed 5 = 51 h. On Hold Thu 12 10:00 to Mon 16 09:00; Resolved Fri 20 11:00:
    # Wed 4 + Thu 2 + Mon 11 + Tue 9 + Wed 9 + Thu 12 + Fri 3 = 50 h; due 11:00 + 1 h.
    "INC0012006": ("met", "2026-11-20T12:00:00+01:00", 180_000),
    # level-3. Opened Tue 17 09:00: to Tue 24 09:00 = Tue 8 + Wed 9 + Thu 12 + Fri 9 +
    # Mon 12 + Tue 1 = 51 h, reached Tue 24 09:00. In Progress since: Tue 8 + 9 + 12 + 9 +
    # week of 23 Nov 51 + Mon 30 08-17 9 = 98 h.
    "INC0012007": ("breached", "2026-11-24T09:00:00+01:00", 352_800),
    # level-3 (4 - Low). Opened Wed 25 10:00: to Wed 2 Dec 10:00 = Wed 7 + Thu 12 + Fri 9 +
    # Mon 12 + Tue 9 + Wed 2 = 51 h. On Hold since Thu 26 11:00: Wed 7 + Thu 3 = 10 h,
    # paused. Due at + 41 h: Mon 3 (38), Tue 9 (29), Wed 9 (20), Thu 12 (8), Fri 4 Dec
    # 08:00 + 8 = 16:00.
    "INC0012008": ("paused", "2026-12-04T16:00:00+01:00", 36_000),
    # level-1. Opened Mon 30 09:00: to Tue 1 Dec 09:00 = Mon 11 + Tue 1 = 12 h. In
    # Progress: 8 h by 17:00; due 17:00 + 4 h = Mon 3, Tue 08:00 + 1 = 09:00.
    "INC0012009": ("running", "2026-12-01T09:00:00+01:00", 28_800),
    # level-2. Opened Thu 19 09:00: to Mon 23 09:00 = Thu 11 + Fri 9 + Mon 1 = 21 h.
    # Resolved 12:00 (3 h), reopened Fri 20 10:00, Resolved 15:00 (5 h), Closed Thu 26:
    # 8 h; due Fri 15:00 + 13 h = Fri 2, Mon 23 08:00 + 11 = 19:00.
    "INC0012010": ("met", "2026-11-23T19:00:00+01:00", 28_800),
    # level-3. Opened Fri 13 09:00, Canceled 10:00: 1 h. To Fri 20 09:00 = Fri 8 + Mon 12 +
    # Tue 9 + Wed 9 + Thu 12 + Fri 1 = 51 h; due 10:00 + 50 h: Fri 7 (43), Mon 12 (31),
    # Tue 9 (22), Wed 9 (13), Thu 12 (1), Fri 20 08:00 + 1 = 09:00.
    "INC0012011": ("met", "2026-11-20T09:00:00+01:00", 3_600),
    # level-1. Opened Tue 24 09:00: to Wed 25 09:00 = Tue 8 + Wed 1 = 9 h. On Hold 11:00
    # until Resolved 15:00: 2 h; due 15:00 + 7 h = Tue 2, Wed 08:00 + 5 = 13:00.
    "INC0012012": ("met", "2026-11-25T13:00:00+01:00", 7_200),
    # level-2. Opened Sun 22 11:00: the clock starts Mon 23 08:00; to Wed 25 08:00 = Mon 12
    # + Tue 9 = 21 h. Resolved Tue 16:00: 20 h; due 16:00 + 1 h = 17:00.
    "INC0012013": ("met", "2026-11-24T17:00:00+01:00", 72_000),
    # level-3. Opened Mon 2 09:00: to Mon 9 09:00 = Mon 11 + Tue 9 + Wed 9 + Thu 12 + Fri 9
    # + Mon 1 = 51 h. On Hold Mon 12:00 to Tue 09:00 and Wed 14:00 to Mon 9 08:00; Resolved
    # Mon 9 18:00: Mon 3 + Tue 8 + Wed 6 + Mon 10 = 27 h; due 18:00 + 24 h: Mon 2 (22),
    # Tue 9 (13), Wed 9 (4), Thu 12 08:00 + 4 = 12:00.
    "INC0012014": ("met", "2026-11-12T12:00:00+01:00", 97_200),
    # level-3 (4 - Low). Opened Fri 27 13:00, still New: Fri 4 + Mon 9 = 13 h of 51 h (to
    # Fri 4 Dec 13:00); due at + 38 h: Mon 3 (35), Tue 9 (26), Wed 9 (17), Thu 12 (5),
    # Fri 08:00 + 5 = 13:00.
    "INC0012015": ("running", "2026-12-04T13:00:00+01:00", 46_800),
    # level-1. Opened Wed 18 16:00: to Thu 19 16:00 = Wed 1 + Thu 8 = 9 h, reached then.
    # Resolved Fri 20 10:00: Wed 1 + Thu 12 + Fri 2 = 15 h.
    "INC0012016": ("breached", "2026-11-19T16:00:00+01:00", 54_000),
    # level-2. Opened Wed 25 14:00: to Fri 27 14:00 = Wed 3 + Thu 12 + Fri 6 = 21 h.
    # Resolved 16:00 (2 h), reopened Thu 26 10:00: Thu 10 + Fri 9 reach 21 h at Fri 17:00;
    # counted to Mon 30 17:00: 2 + 10 + 9 + 9 = 30 h.
    "INC0012017": ("breached", "2026-11-27T17:00:00+01:00", 108_000),
    # level-1. Opened Thu 26 09:00: to Fri 27 09:00 = Thu 11 + Fri 1 = 12 h, reached Fri
    # 09:00; On Hold since Fri 10:00: Thu 11 + Fri 2 = 13 h. Breached outranks paused.
    "INC0012018": ("breached", "2026-11-27T09:00:00+01:00", 46_800),
    # level-2. Opened Thu 12 19:30: to Mon 16 19:30 (Monday is open until 20:00) = Thu 0.5
    # + Fri 9 + Mon 11.5 = 21 h. Resolved Fri 09:00: 1.5 h; due 09:00 + 19.5 h = Fri 8,
    # Mon 08:00 + 11.5 = 19:30.
    "INC0012019": ("met", "2026-11-16T19:30:00+01:00", 5_400),
    # level-3. Opened Tue 10 10:00: to Tue 17 10:00 = Tue 7 + Wed 9 + Thu 12 + Fri 9 +
    # Mon 12 + Tue 2 = 51 h. Resolved Thu 12 12:00: Tue 7 + Wed 9 + Thu 4 = 20 h; due
    # 12:00 + 31 h: Thu 8 (23), Fri 9 (14), Mon 12 (2), Tue 17 08:00 + 2 = 10:00.
    "INC0012020": ("met", "2026-11-17T10:00:00+01:00", 72_000),
}
BAD = {"INC0012021": 12}  # priority '5 - Planning', mapped to no contract priority


def _run(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    return run_json(COMMAND, capsys)


def test_every_ticket_as_computed_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    code, records = _run(capsys)
    results = {r["ticket"]: r for r in records if "error" not in r}
    assert all(r["metric"] == "restore" for r in results.values())
    got = {t: (r["status"], r["due_at"], r["elapsed_seconds"]) for t, r in results.items()}
    assert got == EXPECTED
    assert code == 1


def test_the_bad_row_is_reported_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, records = _run(capsys)
    bad = {r["ticket"]: r for r in records if "error" in r}
    assert {t: r["line"] for t, r in bad.items()} == BAD
    assert "5 - Planning" in bad["INC0012021"]["error"]


def test_the_export_has_twenty_tickets_and_one_bad_row() -> None:
    lines = (EXPORTS / "tickets.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + len(EXPECTED) + len(BAD)
