"""The built-in ``topdesk`` profile on examples/exports/topdesk/ (a Dutch, cp1252,
``;``-separated export): every ticket's results, computed by hand from vioms/advanced's
rules (the working is in the comments), and the bad row.

Contract vioms/advanced: service hours Monday-Friday 09:00-17:00 (8 h a day,
Europe/Amsterdam, CET all November 2026, no holidays). ``response`` runs from the opening
to the first of responded/workaround/resolved/closed; ``resolution`` runs from that stop to
resolved/closed, and continues after a reopening with the time already counted; ``on_site``
(P1 only) starts on an on-site request, which the export never has: not started. P1:
response 4 h, resolution 4 h; P2: 8 h, 4 h; P3: 8 h, 8 h; P4: response 16 h only. No
target of VIOMS is pausable: the 'Wachten op gebruiker' pauses in the history are read and
change nothing (the tickets with one show it).

Priorities: Kritiek -> P1, Hoog -> P2, Normaal -> P3, Laag -> P4. Evaluated at Monday 30
November 2026 17:00.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from .common import hours as _h
from .common import run_json

ROOT = Path(__file__).resolve().parents[2]
EXPORT = ROOT / "examples" / "exports" / "topdesk"
AMS = ZoneInfo("Europe/Amsterdam")
COMMAND = [
    "check",
    "vioms/advanced",
    str(EXPORT / "tickets.csv"),
    "--from",
    "topdesk",
    "--history",
    str(EXPORT / "history.csv"),
    "--encoding",
    "cp1252",
    "--tz",
    "Europe/Amsterdam",
    "--priority",
    "Kritiek=P1",
    "--priority",
    "Hoog=P2",
    "--priority",
    "Normaal=P3",
    "--priority",
    "Laag=P4",
    "--at",
    "2026-11-30T17:00+01:00",
    "--format",
    "json",
]


NOT_STARTED = ("not_started", None, None, 0)

# (ticket, metric): (status, due_at, breach_at (None: the same as due_at), elapsed seconds),
# times in Amsterdam time.
EXPECTED: dict[tuple[str, str], tuple[str, str | None, str | None, int]] = {
    # P1, opened Mon 2 Nov 09:30, response 10:00 (0.5 h; due 13:30), completed 12:00:
    # resolution 10:00-12:00 2 h, due 10:00 + 4 h = 14:00.
    ("I2611 001", "response"): ("met", "2026-11-02 13:30", None, _h(0.5)),
    ("I2611 001", "resolution"): ("met", "2026-11-02 14:00", None, _h(2)),
    ("I2611 001", "on_site"): NOT_STARTED,
    # P2, opened Mon 2 Nov 14:00, response Tue 10:00: Mon 3 + Tue 1 = 4 h; due Mon 3 h + Tue
    # 09:00 + 5 h = Tue 14:00. Resolution from Tue 10:00 to completion Wed 12:00 (the wait on
    # the user Tue 11:00 - Wed 10:00 is not excluded): Tue 7 + Wed 3 = 10 h > 4 h; due Tue 14:00.
    ("I2611 002", "response"): ("met", "2026-11-03 14:00", None, _h(4)),
    ("I2611 002", "resolution"): ("breached", "2026-11-03 14:00", None, _h(10)),
    # P3, opened Tue 3 Nov 11:00, response 13:00 (2 h; due Tue 6 h + Wed 2 h = Wed 11:00).
    # Resolution Tue 13:00 - Wed 15:00: Tue 4 + Wed 6 = 10 h > 8 h; due Tue 4 + Wed 4 = 13:00.
    ("I2611 003", "response"): ("met", "2026-11-04 11:00", None, _h(2)),
    ("I2611 003", "resolution"): ("breached", "2026-11-04 13:00", None, _h(10)),
    # P4, opened Wed 4 Nov 16:00, response Thu 15:00: Wed 1 + Thu 6 = 7 h; due Wed 1 + Thu 8 +
    # Fri 09-16 7 = 16 h -> Fri 6 Nov 16:00.
    ("I2611 004", "response"): ("met", "2026-11-06 16:00", None, _h(7)),
    # P1, opened Thu 5 Nov 10:00, response 10:15 (0.25 h; due 14:00). Resolution from 10:15:
    # completed 11:30 (1.25 h), reopened 14:00, completed 15:00 (1 h): 2.25 h; 1.75 h left at
    # 15:00 -> 16:45.
    ("I2611 005", "response"): ("met", "2026-11-05 14:00", None, _h(0.25)),
    ("I2611 005", "resolution"): ("met", "2026-11-05 16:45", None, _h(2.25)),
    ("I2611 005", "on_site"): NOT_STARTED,
    # P2, opened Mon 9 Nov 09:00, response 16:00: 7 h; 1 h left -> 17:00, the end of the
    # service day: breached only after Tue 10 Nov 09:00. Resolution from Mon 16:00, still
    # open: due Mon 1 h + Tue 09:00 + 3 h = Tue 12:00; counted Mon 1 + Tue-Fri 32 + two weeks
    # of 40 + Mon 30 8 = 121 h.
    ("I2611 006", "response"): ("met", "2026-11-09 17:00", "2026-11-10 09:00", _h(7)),
    ("I2611 006", "resolution"): ("breached", "2026-11-10 12:00", None, _h(121)),
    # P3, opened Mon 30 Nov 10:00, response 10:30 (0.5 h; due Mon 10-17 7 h + Tue 1 Dec
    # 09-10 1 h = Tue 10:00). Waiting on the user since 11:00, but VIOMS does not pause:
    # resolution running from 10:30, 6.5 h counted; due 10:30 + 8 h = Tue 1 Dec 10:30.
    ("I2611 007", "response"): ("met", "2026-12-01 10:00", None, _h(0.5)),
    ("I2611 007", "resolution"): ("running", "2026-12-01 10:30", None, _h(6.5)),
    # P4, opened Tue 10 Nov 09:00, response Thu 12 11:00: Tue 8 + Wed 8 + Thu 2 = 18 h > 16 h;
    # 16 h were reached Wed 17:00, the day's end: breached after Thu 12 Nov 09:00.
    ("I2611 008", "response"): ("breached", "2026-11-11 17:00", "2026-11-12 09:00", _h(18)),
    # P1, opened Wed 11 Nov 13:00, no response but completed 13:45: the response stops at
    # 13:45 (0.75 h; due 17:00, the day's end, breach after Thu 09:00); the resolution starts
    # and stops at 13:45 (0 h; due 13:45 + 4 h: Wed 3.25 h + Thu 09:00-09:45).
    ("I2611 009", "response"): ("met", "2026-11-11 17:00", "2026-11-12 09:00", _h(0.75)),
    ("I2611 009", "resolution"): ("met", "2026-11-12 09:45", None, 0),
    ("I2611 009", "on_site"): NOT_STARTED,
    # P2, opened Thu 12 Nov 16:30, response Fri 09:30: Thu 0.5 + Fri 0.5 = 1 h; due Thu 0.5 +
    # Fri 09:00-16:30 7.5 -> Fri 16:30. Resolution Fri 09:30-12:00 2.5 h; due 13:30.
    ("I2611 011", "response"): ("met", "2026-11-13 16:30", None, _h(1)),
    ("I2611 011", "resolution"): ("met", "2026-11-13 13:30", None, _h(2.5)),
    # P3, opened Fri 13 Nov 15:00, response Mon 16 11:00: Fri 2 + Mon 2 = 4 h; due Fri 2 + Mon
    # 09-15 6 -> Mon 15:00. Resolution Mon 11:00 - Wed 18 10:00 (the wait on the user Mon
    # 14:00 - Tue 10:00 counts): Mon 6 + Tue 8 + Wed 1 = 15 h; due Mon 6 + Tue 2 = Tue 11:00.
    ("I2611 012", "response"): ("met", "2026-11-16 15:00", None, _h(4)),
    ("I2611 012", "resolution"): ("breached", "2026-11-17 11:00", None, _h(15)),
    # P1, opened Mon 16 Nov 09:00, response 09:20 (due 13:00); completed 13:20: exactly the
    # 4 h of resolution, met, due 13:20.
    ("I2611 013", "response"): ("met", "2026-11-16 13:00", None, _h(1 / 3)),
    ("I2611 013", "resolution"): ("met", "2026-11-16 13:20", None, _h(4)),
    ("I2611 013", "on_site"): NOT_STARTED,
    # P4, opened Tue 17 Nov 12:00, no response yet: due Tue 5 + Wed 8 + Thu 09-12 3 = Thu 19
    # 12:00; counted Tue 5 + Wed 8 + Thu 8 + Fri 8 + 40 + Mon 30 8 = 77 h.
    ("I2611 014", "response"): ("breached", "2026-11-19 12:00", None, _h(77)),
    # P2, opened Wed 18 Nov 10:00, response 10:30 (0.5 h; due Wed 7 + Thu 1 = Thu 10:00).
    # Resolution 10:30-13:00 2.5 h, reopened Thu 09:30, completed 11:00 1.5 h: 4 h exactly,
    # reached at Thu 11:00: met, due Thu 11:00.
    ("I2611 015", "response"): ("met", "2026-11-19 10:00", None, _h(0.5)),
    ("I2611 015", "resolution"): ("met", "2026-11-19 11:00", None, _h(4)),
    # P3, opened Thu 19 Nov 14:00, response 16:00 (2 h; due Thu 3 + Fri 09-14 5 = Fri 14:00).
    # Resolution Thu 16:00 - Tue 24 11:00 (waiting on the supplier counts): Thu 1 + Fri 8 +
    # Mon 8 + Tue 2 = 19 h; due Thu 1 + Fri 09-16 7 = Fri 16:00.
    ("I2611 016", "response"): ("met", "2026-11-20 14:00", None, _h(2)),
    ("I2611 016", "resolution"): ("breached", "2026-11-20 16:00", None, _h(19)),
    # P2, opened Mon 23 Nov 13:00, response 15:00 (2 h; due Mon 4 + Tue 4 = Tue 13:00).
    # Waiting on the user since Mon 16:00, not excluded: resolution running from Mon 15:00,
    # due Mon 2 + Tue 2 = Tue 11:00; counted Mon 2 + Tue-Fri 32 + Mon 30 8 = 42 h.
    ("I2611 017", "response"): ("met", "2026-11-24 13:00", None, _h(2)),
    ("I2611 017", "resolution"): ("breached", "2026-11-24 11:00", None, _h(42)),
    # P1, opened Tue 24 Nov 08:00, before the service hours, response 08:30 (still before):
    # 0 h, due 09:00 + 4 h = 13:00. Resolution 08:30 - 10:00 counts 09:00-10:00 1 h; due 13:00.
    ("I2611 018", "response"): ("met", "2026-11-24 13:00", None, 0),
    ("I2611 018", "resolution"): ("met", "2026-11-24 13:00", None, _h(1)),
    ("I2611 018", "on_site"): NOT_STARTED,
    # P3, opened Wed 25 Nov 09:00, response 09:45 (0.75 h; 8 h -> 17:00, the day's end,
    # breach after Thu 09:00). Resolution Wed 09:45 - Thu 10:00: 7.25 + 1 = 8.25 h > 8 h; due
    # Wed 7.25 + Thu 0.75 = Thu 09:45.
    ("I2611 019", "response"): ("met", "2026-11-25 17:00", "2026-11-26 09:00", _h(0.75)),
    ("I2611 019", "resolution"): ("breached", "2026-11-26 09:45", None, _h(8.25)),
    # P4, opened Fri 27 Nov 10:00, response Mon 30 10:00: Fri 7 + Mon 1 = 8 h; due Fri 7 +
    # Mon 8 + Tue 1 Dec 1 = Tue 10:00.
    ("I2611 020", "response"): ("met", "2026-12-01 10:00", None, _h(8)),
    # P1, opened Mon 30 Nov 14:00, response 14:10 (1/6 h; due Mon 3 + Tue 1 = Tue 10:00).
    # Resolution running from 14:10: 2 h 50 counted; due Mon 2:50 + Tue 1:10 = Tue 10:10.
    ("I2611 021", "response"): ("met", "2026-12-01 10:00", None, 600),
    ("I2611 021", "resolution"): ("running", "2026-12-01 10:10", None, _h(2) + 50 * 60),
    ("I2611 021", "on_site"): NOT_STARTED,
}

#: The bad row: incident I2611 010 has no priority (line 11).
BAD = ("I2611 010", 11)


def _local(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=AMS)


def _instant(text: object) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text))


def _run(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, lines = run_json(COMMAND, capsys)
    assert code == 1  # targets breached, and a bad row
    return lines


def test_every_ticket(capsys: pytest.CaptureFixture[str]) -> None:
    results = [line for line in _run(capsys) if "error" not in line]
    keys = sorted((str(r["ticket"]), str(r["metric"])) for r in results)
    assert keys == sorted(EXPECTED)
    wrong = []
    for r in results:
        status, due, breach, elapsed = EXPECTED[(str(r["ticket"]), str(r["metric"]))]
        got = (r["status"], _instant(r["due_at"]), _instant(r["breach_at"]), r["elapsed_seconds"])
        want = (status, _local(due), _local(breach or due), elapsed)
        if got != want:
            wrong.append((r["ticket"], r["metric"], got, want))
    assert wrong == []


def test_the_bad_row_is_reported_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    errors = [line for line in _run(capsys) if "error" in line]
    assert [(e["ticket"], e["line"]) for e in errors] == [BAD]
    assert "priority" in str(errors[0]["error"])
