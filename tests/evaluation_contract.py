"""A test contract that exercises every feature of SPEC sections 2 and 3.

Built here, not taken from a vendor, so that every expected instant in
``test_evaluate.py`` can be worked out by hand from the table below.

Calendars (both in Europe/Amsterdam):

* ``office``: Monday to Friday 09:00-17:00, closed on the Dutch public *and* optional
  holidays (so Liberation Day, Tuesday 2026-05-05, an optional holiday, closes it too).
* ``shifts``: a split day, Monday to Friday 08:00-12:00 and 13:00-17:00, plus an
  overnight window on Saturday 22:00-06:00 that belongs to Saturday and spans both
  2026 DST changes (Sunday 2026-03-29 and Sunday 2026-10-25). No holidays.

Priorities, most urgent first (aliases in brackets):
``P1`` (urgent, prio 1, 1), ``P2`` (high, prio 2, 2), ``P3`` (normal, prio 3, 3),
``P4`` (low, prio 4, 4).

Targets (``incident`` tickets unless said otherwise):

======== ============== ============== ===================== ============ ============
priority response       workaround     resolution            on_site      restore
======== ============== ============== ===================== ============ ============
P1       30 min shifts  2 h shifts     4 h shifts, pausable  4 h shifts   1 working
         (also ``bug``)                milestone 0.5                      day, shifts
P2       2 h office     4 h office     8 h office, pausable  --           2 working
                                       milestone 0.5                      days, office
P3       4 h office     --             16 h office, starts   --           5 working
                                       on ``responded``                   days, office
P4       8 h office     --             best effort (None)    --           --
======== ============== ============== ===================== ============ ============

``bug`` tickets: ``bug_fix`` is ``CalendarTime(weeks=3)`` for P1 and
``CalendarTime(days=1, hours=12)`` for P2, both named on ``office`` (so they run on the
24x7 calendar of Europe/Amsterdam); P1's ``response`` applies to bugs as well.
"""

from __future__ import annotations

from datetime import timedelta

from slacalc import (
    Calendar,
    CalendarTime,
    ClockPolicy,
    Contract,
    Holidays,
    Priority,
    Target,
    WorkingDays,
)

TZ = "Europe/Amsterdam"

OFFICE = Calendar(
    tz=TZ,
    hours={day: ["09:00-17:00"] for day in ("mon", "tue", "wed", "thu", "fri")},
    holidays=Holidays(country="NL", categories=("public", "optional")),
)
SHIFTS = Calendar(
    tz=TZ,
    hours={
        **{day: ["08:00-12:00", "13:00-17:00"] for day in ("mon", "tue", "wed", "thu", "fri")},
        "sat": ["22:00-06:00"],
    },
)

H = timedelta(hours=1)

CONTRACT = Contract(
    id="tests/evaluation",
    vendor="slacalc tests",
    name="Every feature of the clock",
    source="tests/evaluation_contract.py",
    calendars={"office": OFFICE, "shifts": SHIFTS},
    priorities=[
        Priority(id="P1", name="Urgent", aliases=["urgent", "prio 1", "1"]),
        Priority(id="P2", name="High", aliases=["high", "prio 2", "2"]),
        Priority(id="P3", name="Normal", aliases=["normal", "prio 3", "3"]),
        Priority(id="P4", name="Low", aliases=["low", "prio 4", "4"]),
    ],
    targets=[
        # P1: everything on the split/overnight calendar.
        Target(
            metric="response",
            priority="P1",
            within=timedelta(minutes=30),
            calendar="shifts",
            applies_to=("incident", "bug"),
        ),
        Target(metric="workaround", priority="P1", within=2 * H, calendar="shifts"),
        Target(
            metric="resolution",
            priority="P1",
            within=4 * H,
            calendar="shifts",
            pausable=True,
            milestones=(0.5,),
        ),
        Target(metric="on_site", priority="P1", within=4 * H, calendar="shifts"),
        Target(metric="restore", priority="P1", within=WorkingDays(1), calendar="shifts"),
        Target(
            metric="bug_fix",
            priority="P1",
            within=CalendarTime(weeks=3),
            calendar="office",
            applies_to=("bug",),
        ),
        # P2: office hours with Dutch holidays.
        Target(metric="response", priority="P2", within=2 * H, calendar="office"),
        Target(metric="workaround", priority="P2", within=4 * H, calendar="office"),
        Target(
            metric="resolution",
            priority="P2",
            within=8 * H,
            calendar="office",
            pausable=True,
            milestones=(0.5,),
        ),
        Target(metric="restore", priority="P2", within=WorkingDays(2), calendar="office"),
        Target(
            metric="bug_fix",
            priority="P2",
            within=CalendarTime(days=1, hours=12),
            calendar="office",
            applies_to=("bug",),
        ),
        # P3: no workaround; resolution starts when the vendor responds.
        Target(metric="response", priority="P3", within=4 * H, calendar="office"),
        Target(
            metric="resolution",
            priority="P3",
            within=16 * H,
            calendar="office",
            starts_on=("responded",),
        ),
        Target(metric="restore", priority="P3", within=WorkingDays(5), calendar="office"),
        # P4: best effort resolution, no workaround, no restore.
        Target(metric="response", priority="P4", within=8 * H, calendar="office"),
        Target(
            metric="resolution",
            priority="P4",
            within=None,
            calendar="office",
            commitment="best_effort",
        ),
    ],
)

RESTART = CONTRACT.model_copy(update={"clock": ClockPolicy(on_priority_change="restart")})
NEW_CYCLE = CONTRACT.model_copy(update={"clock": ClockPolicy(on_reopen="new_cycle")})
