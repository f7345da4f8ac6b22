"""The Zendesk example (examples/exports/zendesk/) against vioms/advanced.

Every expectation below is worked out by hand from the contract's rules, never copied from
slacalc's output. vioms/advanced: service hours Mon-Fri 09:00-17:00 Europe/Amsterdam (CET,
+01:00), no holidays; nothing is pausable (Pending changes nothing). P1 (Urgent): response
4 h, resolution 4 h, on_site 4 h (from an on-site request: none here, so not started); P2
(High): response 8 h, resolution 4 h; P3 (Normal): response 8 h, resolution 8 h; P4 (Low):
response 16 h. The response stops on the first reply (Created at + "First reply time in
minutes", calendar minutes) or the resolution; the resolution clock starts when the
response clock stops and stops on Solved (or Closed); reopening continues it.

Mapping: Urgent=P1, High=P2, Normal=P3, Low=P4; a ticket without a priority is the bad
row. Evaluated at Mon 30 Nov 17:00. A stopped clock's due_at is the stop plus the remaining
target; a running one's ``at`` plus the remaining; one that reached its target, the
instant it did (a window's end counts: 8 h from Mon 09:00 is due Mon 17:00).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .common import cet as d
from .common import run_json

EXPORTS = Path(__file__).resolve().parents[2] / "examples" / "exports" / "zendesk"
AT = "2026-11-30T17:00+01:00"
COMMAND = [
    "check",
    "vioms/advanced",
    str(EXPORTS / "tickets.csv"),
    "--from",
    "zendesk",
    "--history",
    str(EXPORTS / "history.csv"),
    "--tz",
    "Europe/Amsterdam",
    "--priority",
    "Urgent=P1",
    "--priority",
    "High=P2",
    "--priority",
    "Normal=P3",
    "--priority",
    "Low=P4",
    "--at",
    AT,
    "--format",
    "json",
]

Result = tuple[str, str | None, int]
NOT_STARTED: Result = ("not_started", None, 0)


# ticket: {metric: (status, due_at, elapsed_seconds)}
EXPECTED: dict[str, dict[str, Result]] = {
    # P1. Opened Mon 2 09:00, reply after 30 min (09:30), Solved 11:00. Response 0.5 h, due
    # 09:30 + 3.5 h = 13:00. Resolution 09:30-11:00 1.5 h, due 11:00 + 2.5 h = 13:30.
    "4101": {
        "response": ("met", d(2, 13), 1_800),
        "resolution": ("met", d(2, 13, 30), 5_400),
        "on_site": NOT_STARTED,
    },
    # P1. Opened Mon 2 15:00, reply after 180 min (18:00, closed hours): response 15-17 2 h,
    # due 18:00 + 2 h = Tue 09:00 + 2 = 11:00. Resolution from 18:00 (counts from Tue
    # 09:00), Solved Tue 14:00: 5 h > 4 h, reached Tue 13:00.
    "4102": {
        "response": ("met", d(3, 11), 7_200),
        "resolution": ("breached", d(3, 13), 18_000),
        "on_site": NOT_STARTED,
    },
    # P2. Opened Tue 3 10:00, reply 10:45: response 0.75 h, due 10:45 + 7.25 h = Tue 6.25,
    # Wed 09:00 + 1 = 10:00. Resolution 10:45 to Solved Wed 10:00: Tue 6.25 + Wed 1 =
    # 7.25 h > 4 h, reached Tue 14:45.
    "4103": {
        "response": ("met", d(4, 10), 2_700),
        "resolution": ("breached", d(3, 14, 45), 26_100),
    },
    # P2. Opened Wed 4 16:00, reply after 960 min (Thu 08:00): response Wed 16-17 1 h, due
    # Thu 08:00 + 7 h = 09:00 + 7 = 16:00. Resolution from Thu 08:00 (Pending 10-13 runs:
    # not pausable), Solved 14:00: Thu 09-14 5 h, reached 13:00.
    "4104": {
        "response": ("met", d(5, 16), 3_600),
        "resolution": ("breached", d(5, 13), 18_000),
    },
    # P3. Opened Thu 5 11:00, reply 13:00: response 2 h, due 13:00 + 6 h = Thu 4, Fri 09:00
    # + 2 = 11:00. Resolution 13:00 to Solved Fri 12:00: Thu 4 + Fri 3 = 7 h, due 12:00 + 1.
    "4105": {
        "response": ("met", d(6, 11), 7_200),
        "resolution": ("met", d(6, 13), 25_200),
    },
    # P3. Opened Mon 9 09:00, reply 10:00, Solved 12:00, reopened Tue 10 09:30, Solved
    # 11:00. Response 1 h, due 10:00 + 7 h = 17:00. Resolution 10-12 2 h + 09:30-11:00
    # 1.5 h = 3.5 h, due Tue 11:00 + 4.5 h = 15:30.
    "4106": {
        "response": ("met", d(9, 17), 3_600),
        "resolution": ("met", d(10, 15, 30), 12_600),
    },
    # P4. Opened Fri 13 16:30, reply after 2880 min (Sun 15 16:30): response Fri 0.5 h; due
    # Sun 16:30 + 15.5 h = Mon 16 8 h (7.5 left), Tue 17 09:00 + 7.5 = 16:30.
    "4107": {"response": ("met", d(17, 16, 30), 1_800)},
    # P1. Opened Mon 30 10:00, no reply: response 10-17 7 h, reached 4 h at 14:00. The
    # resolution waits for the response's stop.
    "4108": {
        "response": ("breached", d(30, 14), 25_200),
        "resolution": NOT_STARTED,
        "on_site": NOT_STARTED,
    },
    # P3. Opened Thu 26 10:00, reply 11:30, Pending since 12:00 (runs): response 1.5 h, due
    # 11:30 + 6.5 h = Thu 5.5, Fri 09:00 + 1 = 10:00. Resolution from 11:30: Thu 5.5 +
    # Fri 8 + Mon 8 = 21.5 h, reached 8 h on Fri 09:00 + 2.5 = 11:30.
    "4109": {
        "response": ("met", d(27, 10), 5_400),
        "resolution": ("breached", d(27, 11, 30), 77_400),
    },
    # P2. Opened Tue 17 09:00, solved 10:00 without a public reply: the resolution stops
    # the response (1 h, due 10:00 + 7 h = 17:00) and starts and stops the resolution at
    # once (0 h, due 10:00 + 4 h = 14:00).
    "4110": {
        "response": ("met", d(17, 17), 3_600),
        "resolution": ("met", d(17, 14), 0),
    },
    # P1. Opened Wed 18 13:00, reply 13:15, Solved 14:00, Closed Mon 23: response 0.25 h,
    # due 13:15 + 3.75 h = 17:00; resolution 0.75 h, due 14:00 + 3.25 h = Wed 3, Thu 09:15.
    "4111": {
        "response": ("met", d(18, 17), 900),
        "resolution": ("met", d(19, 9, 15), 2_700),
        "on_site": NOT_STARTED,
    },
    # P4. Opened Mon 23 09:00, no reply, On-hold since 11:00 (runs): six days of 8 h = 48 h;
    # 16 h reached at the end of Tue 24 (17:00).
    "4112": {"response": ("breached", d(24, 17), 172_800)},
    # P2. Opened Thu 19 14:00, reply 14:30, Solved Fri 20 10:00, reopened Mon 23 11:00 and
    # open ('Solved at' still says Fri 20: the audits reopen it). Response 0.5 h, due
    # 14:30 + 7.5 h = Thu 2.5, Fri 09:00 + 5 = 14:00. Resolution Thu 2.5 + Fri 1 = 3.5 h,
    # then from Mon 11:00: 4 h reached 11:30; counted 3.5 + Mon 6 + 4 x 8 + Mon 30 8 = 49.5.
    "4113": {
        "response": ("met", d(20, 14), 1_800),
        "resolution": ("breached", d(23, 11, 30), 178_200),
    },
    # P3. Opened Tue 24 16:00, reply after 1080 min (Wed 10:00): response Tue 1 + Wed 1 =
    # 2 h, due 10:00 + 6 h = 16:00. Resolution Wed 10:00 to Solved Thu 09:30: 7.5 h, due
    # 09:30 + 0.5 h = 10:00.
    "4114": {
        "response": ("met", d(25, 16), 7_200),
        "resolution": ("met", d(26, 10), 27_000),
    },
    # P1. Opened Sat 21 22:00, reply after 660 min (Sun 09:00): response 0 h, due Sun 09:00 +
    # 4 h = Mon 13:00. Resolution from Sun 09:00, Solved Mon 12:00: 3 h, due 12:00 + 1 h.
    "4115": {
        "response": ("met", d(23, 13), 0),
        "resolution": ("met", d(23, 13), 10_800),
        "on_site": NOT_STARTED,
    },
    # P4. Opened Wed 25 12:00, reply after 1500 min (Thu 13:00): Wed 5 + Thu 4 = 9 h; due
    # 13:00 + 7 h = Thu 4, Fri 09:00 + 3 = 12:00.
    "4116": {"response": ("met", d(27, 12), 32_400)},
    # P2. Opened Mon 30 14:00, reply 14:20, Pending 14:40 (runs): response 20 min, due
    # 14:20 + 7 h 40 = Mon 2 h 40, Tue 1 Dec 09:00 + 5 = 14:00. Resolution from 14:20:
    # 2 h 40 by 17:00; due 17:00 + 1 h 20 = Tue 10:20.
    "4117": {
        "response": ("met", d(1, 14, month=12), 1_200),
        "resolution": ("running", d(1, 10, 20, month=12), 9_600),
    },
    # P3. Opened Fri 27 15:00, reply 15:30, Solved Mon 30 16:00: response 0.5 h, due 15:30
    # + 7.5 h = Fri 1.5, Mon 09:00 + 6 = 15:00. Resolution Fri 1.5 + Mon 7 = 8.5 h > 8 h,
    # reached Mon 09:00 + 6.5 = 15:30.
    "4118": {
        "response": ("met", d(30, 15), 1_800),
        "resolution": ("breached", d(30, 15, 30), 30_600),
    },
    # P1. Opened Tue 10 08:00 (counts from 09:00), reply after 75 min (09:15): response
    # 0.25 h, due 09:15 + 3.75 h = 13:00. Resolution 09:15 to Solved 13:15: exactly 4 h,
    # met, due 13:15.
    "4119": {
        "response": ("met", d(10, 13), 900),
        "resolution": ("met", d(10, 13, 15), 14_400),
        "on_site": NOT_STARTED,
    },
    # P3. Opened Thu 12 09:00, reply after 600 min (19:00): response 09-17 exactly 8 h, met,
    # reached 17:00. Resolution from 19:00, Solved Fri 12:00: 3 h, due 12:00 + 5 h = 17:00.
    "4120": {
        "response": ("met", d(12, 17), 28_800),
        "resolution": ("met", d(13, 17), 10_800),
    },
}
BAD = {"4121": 13}  # no priority


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
    assert {str(r["ticket"]): r["line"] for r in records if "error" in r} == BAD


def test_the_export_has_twenty_tickets_and_one_bad_row() -> None:
    lines = (EXPORTS / "tickets.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + len(EXPECTED) + len(BAD)
