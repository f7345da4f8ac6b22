"""The built-in ``glpi`` profile on examples/exports/glpi/: every ticket's result, computed
by hand from intramed/on-premise's rules (the working is in the comments), and the bad row.

Contract intramed/on-premise, ticket kind incident, metric ``restore``: it starts at the
opening, stops on resolved/closed (Solved stops it: the later Closed changes nothing),
is pausable (GLPI's Pending pauses it) and on reopening (a refused solution) continues
with the time already counted. Support hours (Europe/Amsterdam, CET all November 2026,
no Dutch holiday in November or early December): Mon and Thu 08:00-20:00 (12 h), Tue,
Wed and Fri 08:00-17:00 (9 h). level-1 restore 1 working day, level-2 2, level-3 5: the
target is the support time from the opening to the same time of day n working days on
(the end of that day's window if later; from the next opening if opened outside hours).

Priorities: Very high and High -> level-1; Medium -> level-2; Low and Very low ->
level-3; Major is left unmapped (the bad row). Evaluated at Monday 30 November 17:00.
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
EXPORT = ROOT / "examples" / "exports" / "glpi"
AMS = ZoneInfo("Europe/Amsterdam")
COMMAND = [
    "check",
    "intramed/on-premise",
    str(EXPORT / "tickets.csv"),
    "--from",
    "glpi",
    "--history",
    str(EXPORT / "history.csv"),
    "--tz",
    "Europe/Amsterdam",
    "--priority",
    "Very high=level-1",
    "--priority",
    "High=level-1",
    "--priority",
    "Medium=level-2",
    "--priority",
    "Low=level-3",
    "--priority",
    "Very low=level-3",
    "--at",
    "2026-11-30T17:00+01:00",
    "--format",
    "json",
]


# ticket: (status, due_at, breach_at (None: the same as due_at), elapsed seconds), times in
# Amsterdam time. One metric per ticket: restore.
EXPECTED: dict[str, tuple[str, str, str | None, int]] = {
    # level-1, opened Mon 2 Nov 09:00: 1 working day on is Tue 09:00 (target Mon 09-20 11 +
    # Tue 08-09 1 = 12 h). Solved Mon 15:00: 6 h.
    "1201": ("met", "2026-11-03 09:00", None, _h(6)),
    # level-1, opened Tue 3 Nov 10:00: target to Wed 10:00 = Tue 7 + Wed 2 = 9 h. Pending Tue
    # 11:00 - Wed 09:00 (paused Tue 11-17 6 + Wed 08-09 1 = 7 h). Solved Wed 12:00: counted
    # Tue 10-11 1 + Wed 09-12 3 = 4 h. 5 h left at Wed 12:00 -> Wed 17:00, the window's end:
    # breach only after Thu 5 Nov 08:00.
    "1202": ("met", "2026-11-04 17:00", "2026-11-05 08:00", _h(4)),
    # level-1, opened Wed 4 Nov 14:00: target to Thu 14:00 = Wed 3 + Thu 6 = 9 h. Solved Fri
    # 6 Nov 10:00: Wed 3 + Thu 12 + Fri 2 = 17 h.
    "1203": ("breached", "2026-11-05 14:00", None, _h(17)),
    # level-1, opened Thu 5 Nov 09:00: target to Fri 09:00 = Thu 11 + Fri 1 = 12 h. Solved
    # Thu 11:00 (2 h), solution refused Fri 09:00, solved Fri 10:00 (1 h): 3 h. 9 h left at
    # Fri 10:00: Fri 7, Mon 9 Nov 08-10 2 -> Mon 10:00.
    "1204": ("met", "2026-11-09 10:00", None, _h(3)),
    # level-2, opened Mon 9 Nov 11:00: 2 working days on is Wed 11 Nov 11:00 (Mon 9 + Tue 9 +
    # Wed 3 = 21 h). Solved Tue 10 16:00: Mon 9 + Tue 8 = 17 h.
    "1205": ("met", "2026-11-11 11:00", None, _h(17)),
    # level-2, opened Thu 26 Nov 10:00: target to Mon 30 10:00 = Thu 10 + Fri 9 + Mon 2 = 21 h.
    # Pending since Fri 27 15:00 (still): counted Thu 10 + Fri 08-15 7 = 17 h; paused at
    # 17:00, due projected from Mon 17:00 with 4 h left: Mon 17-20 3, Tue 1 Dec 08-09 1.
    "1206": ("paused", "2026-12-01 09:00", None, _h(17)),
    # level-2, opened Mon 23 Nov 09:00: due Wed 25 09:00 (Mon 11 + Tue 9 + Wed 1 = 21 h).
    # Still assigned: counted Mon 11 + Tue 9 + Wed 9 + Thu 12 + Fri 9 + Mon 30 08-17 9 = 59 h.
    "1207": ("breached", "2026-11-25 09:00", None, _h(59)),
    # level-3, opened Tue 10 Nov 13:00: 5 working days on is Tue 17 Nov 13:00 (Tue 4 + Wed 9 +
    # Thu 12 + Fri 9 + Mon 12 + Tue 5 = 51 h). Pending Wed 11 10:00 - Mon 16 10:00 (paused Wed
    # 7 + Thu 12 + Fri 9 + Mon 2 = 30 h). Solved Tue 17 11:00: counted Tue 4 + Wed 08-10 2 +
    # Mon 10-20 10 + Tue 08-11 3 = 19 h. 32 h left: Tue 6, Wed 9, Thu 12 (27), Fri 08-13 5.
    "1208": ("met", "2026-11-20 13:00", None, _h(19)),
    # level-3, opened Fri 13 Nov 16:00: due Fri 20 16:00 (Fri 1 + 12 + 9 + 9 + 12 + Fri 8 =
    # 51 h). Solved Mon 23 09:00: 1 + 12 + 9 + 9 + 12 + 9 + 1 = 53 h.
    "1209": ("breached", "2026-11-20 16:00", None, _h(53)),
    # level-1, opened Tue 17 Nov 18:30, after hours: the clock starts Wed 08:00 and 1 working
    # day is all of Wednesday (9 h): reached Wed 17:00, breached only after Thu 19 08:00.
    # Solved Wed 12:00: 4 h.
    "1211": ("met", "2026-11-18 17:00", "2026-11-19 08:00", _h(4)),
    # level-2, opened Wed 18 Nov 15:00: target to Fri 20 15:00 = Wed 2 + Thu 12 + Fri 7 = 21 h.
    # Solved Thu 11:00 (Wed 2 + Thu 3), refused Thu 14:00, solved Fri 10:00 (Thu 6 + Fri 2):
    # 13 h. 8 h left at Fri 10:00: Fri 7, Mon 23 08-09 1.
    "1212": ("met", "2026-11-23 09:00", None, _h(13)),
    # level-3, opened Thu 19 Nov 09:00: due Thu 26 09:00 (Thu 11 + Fri 9 + Mon 12 + Tue 9 +
    # Wed 9 + Thu 1 = 51 h). Planned from Fri 20 (runs), pending Mon 23 10:00 - Tue 24 10:00
    # (paused Mon 10 + Tue 2 = 12 h): due moves to Fri 27 09:00 (Thu 26 09-20 11, Fri 08-09
    # 1). Counted at Mon 30 17:00: Thu 11 + Fri 9 + Mon 2 + Tue 7 + Wed 9 + Thu 12 + Fri 9 +
    # Mon 9 = 68 h.
    "1213": ("breached", "2026-11-27 09:00", None, _h(68)),
    # level-1, opened Fri 20 Nov 16:30: 1 working day on is Mon 23 16:30 (Fri 0.5 + Mon 8.5 =
    # 9 h). Solved Mon 09:30: Fri 0.5 + Mon 1.5 = 2 h.
    "1214": ("met", "2026-11-23 16:30", None, _h(2)),
    # level-2, opened Mon 23 Nov 14:00: target to Wed 25 14:00 = Mon 6 + Tue 9 + Wed 6 = 21 h.
    # Pending Tue 24 10:00 - Wed 25 09:00 (paused Tue 7 + Wed 1 = 8 h). Solved Wed 16:00:
    # Mon 6 + Tue 2 + Wed 7 = 15 h. 6 h left: Wed 16-17 1, Thu 26 08-13 5.
    "1215": ("met", "2026-11-26 13:00", None, _h(15)),
    # level-3, opened Wed 25 Nov 11:00, still New (no log rows): 5 working days on is Wed 2
    # Dec 11:00. Counted Wed 6 + Thu 12 + Fri 9 + Mon 9 = 36 h.
    "1216": ("running", "2026-12-02 11:00", None, _h(36)),
    # level-1, opened Thu 26 Nov 19:00: 1 working day on would be Fri 19:00, after Friday's
    # close: Fri 17:00 (target Thu 1 + Fri 9 = 10 h). Solved 19:45 (0.75 h); 9.25 h left:
    # Thu 0.25 + Fri 9 -> Fri 17:00, the window's end: breach only after Mon 30 08:00.
    "1217": ("met", "2026-11-27 17:00", "2026-11-30 08:00", _h(0.75)),
    # level-2, opened Fri 27 Nov 10:00: due Tue 1 Dec 10:00 (Fri 7 + Mon 12 + Tue 2 = 21 h).
    # Solved Mon 30 11:00: Fri 7 + Mon 3 = 10 h.
    "1218": ("met", "2026-12-01 10:00", None, _h(10)),
    # level-3, opened Mon 2 Nov 16:00: due Mon 9 Nov 16:00 (Mon 4 + 9 + 9 + 12 + 9 + Mon 8 =
    # 51 h). Solved Thu 5 10:00: Mon 4 + Tue 9 + Wed 9 + Thu 2 = 24 h.
    "1219": ("met", "2026-11-09 16:00", None, _h(24)),
    # level-1, opened Mon 30 Nov 13:00: due Tue 1 Dec 13:00 (Mon 7 + Tue 5 = 12 h). Counted
    # Mon 13-17 4 h.
    "1220": ("running", "2026-12-01 13:00", None, _h(4)),
}

#: The bad row: ticket 1210's priority Major is not mapped (line 11).
BAD = ("1210", 11)


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
    assert "Major" in str(errors[0]["error"])
