"""The built-in ``znuny`` profile on examples/exports/znuny/: every ticket's result, computed
by hand from intramed/online's rules (the working is in the comments), and the bad row.

Contract intramed/online, ticket kind incident, metric ``restore``: it starts at the
opening, stops on resolved/closed, is pausable (the pending states pause it) and on
reopening continues with the time already counted. Support hours (Europe/Amsterdam, CET
= UTC+1 all November 2026, no Dutch holiday in November or early December): Mon and Thu
08:00-20:00 (12 h), Tue, Wed and Fri 08:00-17:00 (9 h). level-1 restore 4 h of support
time; level-2 5 working days, level-3 10 working days: the target is the support time
from the opening to the same time of day 5 (10) working days on (the end of that day's
window if later). The export's times are UTC (Znuny's OTRSTimeZone): the comments give
them in Amsterdam time (UTC + 1 h).

Priorities: 5 very high and 4 high -> level-1; 3 normal -> level-2; 2 low and 1 very
low -> level-3. Evaluated at Monday 30 November 2026 17:00.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from .common import hours as _h
from .common import local as _local
from .common import run_json

ROOT = Path(__file__).resolve().parents[2]
EXPORT = ROOT / "examples" / "exports" / "znuny"
AMS = ZoneInfo("Europe/Amsterdam")
COMMAND = [
    "check",
    "intramed/online",
    str(EXPORT / "tickets.csv"),
    "--from",
    "znuny",
    "--history",
    str(EXPORT / "history.csv"),
    "--tz",
    "UTC",
    "--priority",
    "5 very high=level-1",
    "--priority",
    "4 high=level-1",
    "--priority",
    "3 normal=level-2",
    "--priority",
    "2 low=level-3",
    "--priority",
    "1 very low=level-3",
    "--at",
    "2026-11-30T17:00+01:00",
    "--format",
    "json",
]


# ticket: (status, due_at, breach_at (None: the same as due_at), elapsed seconds), times in
# Amsterdam time. One metric per ticket: restore.
EXPECTED: dict[str, tuple[str, str, str | None, int]] = {
    # level-1, opened Mon 2 Nov 09:00, closed 11:30: 2.5 h counted; due 09:00 + 4 h = 13:00.
    "2026110210000011": ("met", "2026-11-02 13:00", None, _h(2.5)),
    # level-1, opened Tue 3 Nov 15:00; pending reminder Tue 16:00 - Wed 10:00 (paused support
    # time: Tue 16-17 1 h + Wed 08-10 2 h = 3 h); closed Wed 11:30. Counted: Tue 15-16 1 h +
    # Wed 10-11:30 1.5 h = 2.5 h. Due: 1.5 h left at 11:30 -> Wed 13:00 (= the unpaused due,
    # Wed 10:00, plus the 3 paused hours).
    "2026110310000021": ("met", "2026-11-04 13:00", None, _h(2.5)),
    # level-1, opened Thu 5 Nov 16:00, still open: 4 h reached at Thu 20:00, the window's end,
    # so breached after Fri 6 Nov 08:00 (the next opening). Counted to Mon 30 Nov 17:00: Thu
    # 16-20 4 h + Fri 9 h + three weeks of 51 h (12+9+9+12+9) + Mon 30 08-17 9 h = 175 h.
    "2026110510000031": ("breached", "2026-11-05 20:00", "2026-11-06 08:00", _h(175)),
    # level-1, opened Mon 9 Nov 10:00; pending auto close+ from 11:00 until Znuny closed it
    # Tue 10 Nov 12:00. Counted 10-11 = 1 h; 3 h left at the stop Tue 12:00 -> due Tue 15:00.
    "2026110910000041": ("met", "2026-11-10 15:00", None, _h(1)),
    # level-1, opened Wed 11 Nov 09:00, closed 10:00, reopened 14:00 (follow-up), closed
    # 16:00: 1 h + 2 h = 3 h. 1 h left at Wed 16:00 -> Wed 17:00, the window's end: breach
    # only after Thu 12 Nov 08:00.
    "2026111110000051": ("met", "2026-11-11 17:00", "2026-11-12 08:00", _h(3)),
    # level-1, opened Mon 30 Nov 09:00, pending reminder since 10:30 (still, at 17:00):
    # paused; counted 1.5 h; due projected from 17:00 with 2.5 h left -> Mon 19:30.
    "2026113010000061": ("paused", "2026-11-30 19:30", None, _h(1.5)),
    # level-2, opened Mon 2 Nov 10:00: 5 working days on is Mon 9 Nov 10:00 (target Mon 10-20
    # 10 + Tue 9 + Wed 9 + Thu 12 + Fri 9 + Mon 08-10 2 = 51 h). Closed Thu 5 Nov 15:00:
    # counted Mon 10 + Tue 9 + Wed 9 + Thu 08-15 7 = 35 h.
    "2026110210000071": ("met", "2026-11-09 10:00", None, _h(35)),
    # level-2, opened Tue 10 Nov 14:00: target to Tue 17 Nov 14:00 = Tue 3 + Wed 9 + Thu 12 +
    # Fri 9 + Mon 12 + Tue 6 = 51 h. Pending reminder Wed 11 09:00 - Fri 13 09:00 (paused
    # Wed 09-17 8 + Thu 12 + Fri 08-09 1 = 21 h). Closed Tue 17 12:00: counted Tue 10 14-17 3 +
    # Wed 08-09 1 + Fri 09-17 8 + Mon 12 + Tue 17 08-12 4 = 28 h. 23 h left at Tue 12:00:
    # Tue 5, Wed 9, Thu 08-17 9 -> Thu 19 Nov 17:00 (Thursday's window runs to 20:00).
    "2026111010000081": ("met", "2026-11-19 17:00", None, _h(28)),
    # level-2, opened Thu 26 Nov 11:00, open: due Thu 3 Dec 11:00 (target Thu 11-20 9 + Fri 9
    # + Mon 12 + Tue 9 + Wed 9 + Thu 08-11 3 = 51 h). Counted Thu 9 + Fri 9 + Mon 08-17 9 = 27 h.
    "2026112610000091": ("running", "2026-12-03 11:00", None, _h(27)),
    # level-2, opened Mon 9 Nov 08:30: due Mon 16 Nov 08:30 (51 h). Closed unsuccessful Tue 17
    # Nov 10:00: counted Mon 11.5 + Tue 9 + Wed 9 + Thu 12 + Fri 9 + Mon 12 + Tue 2 = 64.5 h.
    "2026110910000101": ("breached", "2026-11-16 08:30", None, _h(64.5)),
    # level-3, opened Wed 4 Nov 13:00: 10 working days on is Wed 18 Nov 13:00 (target Wed 4 +
    # Thu 12 + Fri 9 + 51 + Mon 12 + Tue 9 + Wed 5 = 102 h). Closed Wed 11 Nov 16:00: counted
    # Wed 4 + Thu 12 + Fri 9 + Mon 12 + Tue 9 + Wed 08-16 8 = 54 h.
    "2026110410000111": ("met", "2026-11-18 13:00", None, _h(54)),
    # level-3, opened Thu 12 Nov 18:00: 10 working days on is Thu 26 Nov 18:00 (102 h).
    # Counted Thu 18-20 2 + Fri 08-10 2; pending reminder Fri 10:00 - Mon 16 08:00 (paused Fri
    # 10-17 7 h); Mon 16 12 + Tue 08-12 4 (closed Tue 12:00); reopened Wed 18 09:00, closed
    # 11:00: 2. Counted 22 h; 80 h left at Wed 11:00: Wed 6, Thu 12, Fri 9, Mon 12, Tue 9,
    # Wed 9, Thu 12, Fri 9 (78), Mon 30 08-10 2 -> Mon 30 Nov 10:00.
    "2026111210000121": ("met", "2026-11-30 10:00", None, _h(22)),
    # level-3, opened Tue 24 Nov 09:00: 10 working days on is Tue 8 Dec 09:00 (102 h).
    # Pending reminder Wed 25 10:00 - Thu 26 14:00 (paused Wed 7 + Thu 6 = 13 h). Counted at
    # Mon 30 17:00: Tue 8 + Wed 2 + Thu 6 + Fri 9 + Mon 9 = 34 h; 68 h left from Mon 17:00:
    # Mon 3, Tue 9, Wed 9, Thu 12, Fri 9, Mon 12, Tue 9 (63), Wed 9 Dec 08-13 -> 13:00.
    "2026112410000131": ("running", "2026-12-09 13:00", None, _h(34)),
    # level-1, opened Sat 14 Nov 10:30: the clock starts Mon 16 08:00, 4 h -> 12:00; closed
    # 13:00: 5 h counted, breached.
    "2026111410000141": ("breached", "2026-11-16 12:00", None, _h(5)),
    # level-1, opened Tue 17 Nov 09:00, merged 09:45 (merged closes): 0.75 h; due 13:00.
    "2026111710000151": ("met", "2026-11-17 13:00", None, _h(0.75)),
    # level-2, opened Wed 18 Nov 16:30: target to Wed 25 16:30 = 0.5 + 12 + 9 + 12 + 9 + 8.5 =
    # 51 h. Pending auto close- Thu 19 10:00 until Znuny closed it unsuccessful Tue 24 10:00.
    # Counted Wed 0.5 + Thu 08-10 2 = 2.5 h; 48.5 h left at Tue 24 10:00: Tue 7, Wed 9, Thu 12,
    # Fri 9 (37), Mon 30 08-19:30 11.5 -> Mon 30 Nov 19:30.
    "2026111810000161": ("met", "2026-11-30 19:30", None, _h(2.5)),
    # level-2, opened Fri 20 Nov 16:00: due Fri 27 16:00 (1 + 12 + 9 + 9 + 12 + 8 = 51 h).
    # Closed Fri 27 09:00: counted 1 + 12 + 9 + 9 + 12 + 1 = 44 h.
    "2026112010000181": ("met", "2026-11-27 16:00", None, _h(44)),
    # level-1, opened Thu 19 Nov 19:00, closed Fri 20 10:30: Thu 1 + Fri 2.5 = 3.5 h; due
    # Thu 1 h + Fri 08:00 + 3 h = Fri 11:00.
    "2026111910000191": ("met", "2026-11-20 11:00", None, _h(3.5)),
    # level-3, opened Mon 23 Nov 12:00: 10 working days on is Mon 7 Dec 12:00; closed 12:30.
    "2026112310000201": ("met", "2026-12-07 12:00", None, _h(0.5)),
}

#: The bad row: ticket 2026111910000171's Created is 2026-11-31 (no such day), line 18.
BAD = ("2026111910000171", 18)


def _run(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, lines = run_json(COMMAND, capsys)
    assert code == 1  # targets breached, and a bad row
    return lines


def test_every_ticket(capsys: pytest.CaptureFixture[str]) -> None:
    results = [line for line in _run(capsys) if "error" not in line]
    assert sorted(str(r["ticket"]) for r in results) == sorted(EXPECTED)
    wrong = []
    for r in results:
        status, due, breach, elapsed = EXPECTED[str(r["ticket"])]
        got = (
            r["metric"],
            r["status"],
            datetime.fromisoformat(str(r["due_at"])),
            datetime.fromisoformat(str(r["breach_at"])),
            r["elapsed_seconds"],
        )
        if got != ("restore", status, _local(due), _local(breach or due), elapsed):
            wrong.append((r["ticket"], got, (status, due, breach, elapsed)))
    assert wrong == []


def test_the_bad_row_is_reported_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    errors = [line for line in _run(capsys) if "error" in line]
    assert [(e["ticket"], e["line"]) for e in errors] == [BAD]
    assert "2026-11-31 08:15:00" in str(errors[0]["error"])
