"""VIOMS: the shared battery plus worked tickets from the document.

Every expected instant is written by hand with its UTC offset (November is +01:00, summer
+02:00); every evaluation passes an explicit ``at``. Service hours are Monday to Friday
09:00-17:00 (1.2.11); with the add-on, PRIO 1 and 2 also count Monday to Friday
17:00-22:00 and Saturday and Sunday 10:00-16:00 (1.3.16). 23 November 2026 is a Monday.
"""

from __future__ import annotations

import re
import textwrap
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest

from slacalc import Contract, ContractError, Event, Holidays, Status, Ticket, contracts
from slacalc.contracts import vioms

from .base import SEC, ContractBattery, Stamp, assert_instant, instant, make_ticket

DOCS = Path(__file__).resolve().parents[2] / "docs"

STANDARD = "vioms/standard"
ADVANCED = "vioms/advanced"
ENTERPRISE = "vioms/enterprise"
ADVANCED_EW = "vioms/advanced+evening-weekend"
ENTERPRISE_EW = "vioms/enterprise+evening-weekend"
ALL = (STANDARD, ADVANCED, ENTERPRISE, ADVANCED_EW, ENTERPRISE_EW)

STOPS = {"response": "responded", "resolution": "resolved", "on_site": "on_site"}
# the event that starts each clock when it is not the opening (resolution: a choice)
STARTS = {"resolution": "responded", "on_site": "on_site_requested"}  # (one that starts it)


def ticket(priority: str, opened: datetime, *events: Stamp) -> Ticket:
    return make_ticket("VIOMS-1", priority, opened, *events)


class TestVioms(ContractBattery):
    IDS: ClassVar[tuple[str, ...]] = ALL
    PRIORITIES: ClassVar[tuple[str, ...]] = ("P1", "P2", "P3", "P4")
    DOCUMENT: ClassVar[str] = vioms.DOCUMENT

    def test_module_lists_the_five_contracts(self, contract_id: str) -> None:
        assert contract_id in [c.id for c in vioms.CONTRACTS]
        assert contracts.get(contract_id) is next(c for c in vioms.CONTRACTS if c.id == contract_id)

    def test_vendor_and_billing_notes(self, contract_id: str) -> None:
        c = contracts.get(contract_id)
        assert c.vendor == "VIOMS"
        assert any("15 minutes" in note for note in c.notes)


# -- the targets as slacalc reads them (section 1, the overview table) ------------------------
# (contract, priority, metric): (hours or None for best effort, calendar key)
H = "service_hours"
EW = "service_and_evening_weekend"
TARGETS: dict[str, dict[tuple[str, str], tuple[int | None, str]]] = {
    STANDARD: {
        ("P1", "response"): (8, H),
        ("P1", "resolution"): (8, H),
        ("P1", "on_site"): (None, H),
        ("P2", "response"): (16, H),
        ("P2", "resolution"): (8, H),
        ("P3", "response"): (16, H),
        ("P3", "resolution"): (16, H),
        ("P4", "response"): (32, H),
    },
    ADVANCED: {
        ("P1", "response"): (4, H),
        ("P1", "resolution"): (4, H),
        ("P1", "on_site"): (4, H),
        ("P2", "response"): (8, H),
        ("P2", "resolution"): (4, H),
        ("P3", "response"): (8, H),
        ("P3", "resolution"): (8, H),
        ("P4", "response"): (16, H),
    },
    ENTERPRISE: {
        ("P1", "response"): (2, H),
        ("P1", "resolution"): (2, H),
        ("P1", "on_site"): (2, H),
        ("P2", "response"): (4, H),
        ("P2", "resolution"): (2, H),
        ("P3", "response"): (4, H),
        ("P3", "resolution"): (4, H),
        ("P4", "response"): (8, H),
    },
    ADVANCED_EW: {
        ("P1", "response"): (4, EW),
        ("P1", "resolution"): (4, EW),
        ("P1", "on_site"): (4, H),  # 1.2.12: "de tijd binnen service uren"
        ("P2", "response"): (8, EW),
        ("P2", "resolution"): (4, EW),
        ("P3", "response"): (8, H),
        ("P3", "resolution"): (8, H),
        ("P4", "response"): (16, H),
    },
    ENTERPRISE_EW: {
        ("P1", "response"): (2, EW),
        ("P1", "resolution"): (2, EW),
        ("P1", "on_site"): (2, H),  # 1.2.12: "de tijd binnen service uren"
        ("P2", "response"): (4, EW),
        ("P2", "resolution"): (2, EW),
        ("P3", "response"): (4, H),
        ("P3", "resolution"): (4, H),
        ("P4", "response"): (8, H),
    },
}


@pytest.mark.parametrize("contract_id", ALL)
def test_targets_are_the_overview_table(contract_id: str) -> None:
    c = contracts.get(contract_id)
    got = {
        (x.priority, x.metric): (
            None if x.within is None else x.within // timedelta(hours=1),
            x.calendar,
        )
        for x in c.targets
    }
    assert got == TARGETS[contract_id]
    assert len(c.targets) == len(got)  # one target per priority and metric
    for x in c.targets:
        assert x.applies_to == ("incident",)
        assert not x.pausable
        if x.within is not None:
            assert isinstance(x.within, timedelta)
            assert x.within == timedelta(hours=x.within // timedelta(hours=1))
        # "best effort" only for Standaard's time on site; "maximale tijd" elsewhere
        expected = "best_effort" if x.within is None else "guaranteed"
        assert x.commitment == expected, (x.priority, x.metric)
        assert (
            x.starts_on
            == {
                "response": ("opened",),
                # choice (1.2.10): when the response clock stops, by whichever comes first
                "resolution": ("responded", "workaround", "resolved", "closed"),
                "on_site": ("on_site_requested",),
            }[x.metric]
        )
        assert (
            x.stops_on
            == {
                "response": ("responded", "workaround", "resolved", "closed"),
                "resolution": ("resolved", "closed"),
                "on_site": ("on_site", "resolved", "closed"),
            }[x.metric]
        )


@pytest.mark.parametrize("contract_id", ALL)
def test_calendars(contract_id: str) -> None:
    c = contracts.get(contract_id)
    hours = c.calendars["service_hours"]
    weekday = ("09:00-17:00",)
    assert hours.hours == tuple((d, weekday) for d in ("mon", "tue", "wed", "thu", "fri"))
    assert hours.holidays is None  # choice: the document names no holidays
    assert "1.2.11" in hours.source
    if contract_id.endswith("+evening-weekend"):
        assert set(c.calendars) == {"service_hours", "evening_weekend", EW}
        evening = c.calendars["evening_weekend"]
        assert dict(evening.hours) == {
            **dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), ("17:00-22:00",)),
            "sat": ("10:00-16:00",),
            "sun": ("10:00-16:00",),
        }
        assert "1.3.16" in evening.source
        assert c.calendars[EW] == hours.union(evening).model_copy(
            update={"source": c.calendars[EW].source}
        )
    else:
        assert set(c.calendars) == {"service_hours"}


def test_priority_aliases_are_the_documents_names() -> None:
    c = contracts.get(ADVANCED)
    for name, pid in [
        ("PRIO 1", "P1"),
        ("prio-1", "P1"),
        ("PRIO1", "P1"),
        ("Urgent", "P1"),
        ("1", "P1"),
        ("PRIO 2", "P2"),
        ("hoog", "P2"),
        ("2", "P2"),
        ("PRIO 3", "P3"),
        ("Middel", "P3"),
        ("3", "P3"),
        ("PRIO 4", "P4"),
        ("OVERIG", "P4"),
        ("4", "P4"),
    ]:
        assert c.priority(name).id == pid, name


# -- the document's worked example (1.2.11) ----------------------------------------------------
# "Bij een responstijd van 8 uur en een aanmelding van een incident om 16:00 uur op maandag,
# verloopt de responstijd op dinsdag om 16:00 uur (1 uur resterend op maandag en 7 uur
# resterend op dinsdag)". Standaard PRIO 1 responds within 8 hours; so do Advanced PRIO 2
# and 3 and Enterprise PRIO 4.
MONDAY_4PM = instant("2026-11-23T16:00+01:00")
TUESDAY_4PM = instant("2026-11-24T16:00+01:00")


@pytest.mark.parametrize(
    ("contract_id", "priority"),
    [(STANDARD, "PRIO 1"), (ADVANCED, "PRIO 2"), (ADVANCED, "PRIO 3"), (ENTERPRISE, "PRIO 4")],
)
def test_worked_example_1_2_11(contract_id: str, priority: str) -> None:
    c = contracts.get(contract_id)
    r = c.evaluate(ticket(priority, MONDAY_4PM), at=MONDAY_4PM).targets["response"]
    assert r.target == timedelta(hours=8)
    assert_instant(r.due_at, TUESDAY_4PM)
    assert_instant(r.breach_at, TUESDAY_4PM)
    # "1 uur resterend op maandag en 7 uur resterend op dinsdag"
    monday_5pm = instant("2026-11-23T17:00+01:00")
    r = c.evaluate(ticket(priority, MONDAY_4PM), at=monday_5pm).targets["response"]
    assert (r.elapsed, r.remaining) == (timedelta(hours=1), timedelta(hours=7))
    r = c.evaluate(ticket(priority, MONDAY_4PM), at=TUESDAY_4PM).targets["response"]
    assert (r.status, r.remaining) == (Status.RUNNING, timedelta(0))
    r = c.evaluate(ticket(priority, MONDAY_4PM), at=TUESDAY_4PM + SEC).targets["response"]
    assert r.status is Status.BREACHED
    answered = ticket(priority, MONDAY_4PM, (TUESDAY_4PM, "responded"))
    r = c.evaluate(answered, at=TUESDAY_4PM + SEC).targets["response"]
    assert (r.status, r.elapsed) == (Status.MET, timedelta(hours=8))
    late = ticket(priority, MONDAY_4PM, (TUESDAY_4PM + SEC, "responded"))
    r = c.evaluate(late, at=TUESDAY_4PM + SEC).targets["response"]
    assert (r.status, r.elapsed) == (Status.BREACHED, timedelta(hours=8, seconds=1))


# -- every target, just inside and just outside ------------------------------------------------
# Each ticket is reported on Monday 23 November 2026 at 16:00 (the worked example's instant);
# a resolution clock starts with a response at that instant, a time on site with a request.
# Service hours: 2 h -> Tue 10:00, 4 h -> Tue 12:00, 8 h -> Tue 16:00, 16 h -> Wed 16:00,
# 32 h -> Fri 16:00 (1 + 8 + 8 + 8 + 7). With the add-on (Mon 16:00-22:00 is 6 hours):
# 2 h -> Mon 18:00, 4 h -> Mon 20:00, 8 h -> Tue 11:00 (6 + 2), except the time on site,
# which counts service hours only (1.2.12).
DUE_FROM_MONDAY_4PM: dict[str, dict[tuple[str, str], str]] = {
    STANDARD: {
        ("P1", "response"): "2026-11-24T16:00+01:00",
        ("P1", "resolution"): "2026-11-24T16:00+01:00",
        ("P2", "response"): "2026-11-25T16:00+01:00",
        ("P2", "resolution"): "2026-11-24T16:00+01:00",
        ("P3", "response"): "2026-11-25T16:00+01:00",
        ("P3", "resolution"): "2026-11-25T16:00+01:00",
        ("P4", "response"): "2026-11-27T16:00+01:00",
    },
    ADVANCED: {
        ("P1", "response"): "2026-11-24T12:00+01:00",
        ("P1", "resolution"): "2026-11-24T12:00+01:00",
        ("P1", "on_site"): "2026-11-24T12:00+01:00",
        ("P2", "response"): "2026-11-24T16:00+01:00",
        ("P2", "resolution"): "2026-11-24T12:00+01:00",
        ("P3", "response"): "2026-11-24T16:00+01:00",
        ("P3", "resolution"): "2026-11-24T16:00+01:00",
        ("P4", "response"): "2026-11-25T16:00+01:00",
    },
    ENTERPRISE: {
        ("P1", "response"): "2026-11-24T10:00+01:00",
        ("P1", "resolution"): "2026-11-24T10:00+01:00",
        ("P1", "on_site"): "2026-11-24T10:00+01:00",
        ("P2", "response"): "2026-11-24T12:00+01:00",
        ("P2", "resolution"): "2026-11-24T10:00+01:00",
        ("P3", "response"): "2026-11-24T12:00+01:00",
        ("P3", "resolution"): "2026-11-24T12:00+01:00",
        ("P4", "response"): "2026-11-24T16:00+01:00",
    },
    ADVANCED_EW: {
        ("P1", "response"): "2026-11-23T20:00+01:00",
        ("P1", "resolution"): "2026-11-23T20:00+01:00",
        ("P1", "on_site"): "2026-11-24T12:00+01:00",  # service hours only (1.2.12)
        ("P2", "response"): "2026-11-24T11:00+01:00",
        ("P2", "resolution"): "2026-11-23T20:00+01:00",
        ("P3", "response"): "2026-11-24T16:00+01:00",
        ("P3", "resolution"): "2026-11-24T16:00+01:00",
        ("P4", "response"): "2026-11-25T16:00+01:00",
    },
    ENTERPRISE_EW: {
        ("P1", "response"): "2026-11-23T18:00+01:00",
        ("P1", "resolution"): "2026-11-23T18:00+01:00",
        ("P1", "on_site"): "2026-11-24T10:00+01:00",  # service hours only (1.2.12)
        ("P2", "response"): "2026-11-23T20:00+01:00",
        ("P2", "resolution"): "2026-11-23T18:00+01:00",
        ("P3", "response"): "2026-11-24T12:00+01:00",
        ("P3", "resolution"): "2026-11-24T12:00+01:00",
        ("P4", "response"): "2026-11-24T16:00+01:00",
    },
}
EVERY_TARGET = [
    pytest.param(cid, p, m, due, id=f"{cid}-{p}-{m}")
    for cid, table in DUE_FROM_MONDAY_4PM.items()
    for (p, m), due in table.items()
]


def test_the_boundary_table_covers_every_target_with_a_deadline() -> None:
    for cid in ALL:
        with_deadline = {k for k, (hours, _) in TARGETS[cid].items() if hours is not None}
        assert set(DUE_FROM_MONDAY_4PM[cid]) == with_deadline, cid


def _started(priority: str, metric: str, *more: Stamp) -> Ticket:
    start = STARTS.get(metric)
    events = ((MONDAY_4PM, start),) if start else ()
    return ticket(priority, MONDAY_4PM, *events, *more)


@pytest.mark.parametrize(("contract_id", "priority", "metric", "due"), EVERY_TARGET)
def test_every_target_running_then_breached(
    contract_id: str, priority: str, metric: str, due: str
) -> None:
    c, deadline = contracts.get(contract_id), instant(due)
    r = c.evaluate(_started(priority, metric), at=deadline).targets[metric]
    assert r.status is Status.RUNNING
    assert r.remaining == timedelta(0)
    assert_instant(r.due_at, deadline)
    assert_instant(r.breach_at, deadline)  # no deadline here falls at a closing
    r = c.evaluate(_started(priority, metric), at=deadline + SEC).targets[metric]
    assert r.status is Status.BREACHED


@pytest.mark.parametrize(("contract_id", "priority", "metric", "due"), EVERY_TARGET)
def test_every_target_met_at_the_deadline_breached_a_second_later(
    contract_id: str, priority: str, metric: str, due: str
) -> None:
    c, deadline = contracts.get(contract_id), instant(due)
    hours = TARGETS[contract_id][priority, metric][0]
    assert hours is not None
    on_time = _started(priority, metric, (deadline, STOPS[metric]))
    r = c.evaluate(on_time, at=deadline + timedelta(days=7)).targets[metric]
    assert (r.status, r.elapsed) == (Status.MET, timedelta(hours=hours))
    assert_instant(r.stopped_at, deadline)
    late = _started(priority, metric, (deadline + SEC, STOPS[metric]))
    r = c.evaluate(late, at=deadline + timedelta(days=7)).targets[metric]
    assert (r.status, r.elapsed) == (Status.BREACHED, timedelta(hours=hours, seconds=1))


# -- deadlines at a closing, weekends, DST, holidays ---------------------------------------------
# (contract, priority, metric, opened, due, breach): the clock starts at the opening
# (resolution and on-site clocks by their start event at that instant).
CASES = [
    # Standaard PRIO 1, 8 h from Monday 09:00: due at the 17:00 closing, breached only once
    # Tuesday's service hours begin.
    pytest.param(
        STANDARD,
        "P1",
        "response",
        "2026-11-23T09:00+01:00",
        "2026-11-23T17:00+01:00",
        "2026-11-24T09:00+01:00",
        id="due-at-closing",
    ),
    # Advanced + AWS PRIO 2, 8 h from Monday 14:00: 14:00-22:00 is 8 h, due at the evening's
    # closing, breached at Tuesday 09:00.
    pytest.param(
        ADVANCED_EW,
        "P2",
        "response",
        "2026-11-23T14:00+01:00",
        "2026-11-23T22:00+01:00",
        "2026-11-24T09:00+01:00",
        id="addon-due-at-evening-closing",
    ),
    # Enterprise + AWS PRIO 1, 2 h from Saturday 14:00: due Saturday 16:00, breached Sunday 10:00.
    pytest.param(
        ENTERPRISE_EW,
        "P1",
        "response",
        "2026-11-28T14:00+01:00",
        "2026-11-28T16:00+01:00",
        "2026-11-29T10:00+01:00",
        id="addon-due-at-saturday-closing",
    ),
    # Across a weekend: Standaard PRIO 1, 8 h from Friday 16:00 -> Monday 16:00.
    pytest.param(
        STANDARD,
        "P1",
        "response",
        "2026-11-27T16:00+01:00",
        "2026-11-30T16:00+01:00",
        "2026-11-30T16:00+01:00",
        id="weekend-service-hours",
    ),
    # Advanced PRIO 1 without the add-on, 4 h from Friday 16:00: 1 h Friday, 3 h Monday.
    pytest.param(
        ADVANCED,
        "P1",
        "response",
        "2026-11-27T16:00+01:00",
        "2026-11-30T12:00+01:00",
        "2026-11-30T12:00+01:00",
        id="weekend-advanced-without-addon",
    ),
    # With the add-on, 4 h from Friday 21:00: 1 h Friday evening, Saturday 10:00-13:00.
    pytest.param(
        ADVANCED_EW,
        "P1",
        "response",
        "2026-11-27T21:00+01:00",
        "2026-11-28T13:00+01:00",
        "2026-11-28T13:00+01:00",
        id="weekend-addon-saturday-counts",
    ),
    # With the add-on, 4 h from Saturday 15:00: 1 h Saturday, Sunday 10:00-13:00.
    pytest.param(
        ADVANCED_EW,
        "P1",
        "response",
        "2026-11-28T15:00+01:00",
        "2026-11-29T13:00+01:00",
        "2026-11-29T13:00+01:00",
        id="weekend-addon-sunday-counts",
    ),
    # With the add-on, 4 h from Sunday 15:00: 1 h Sunday, Monday 09:00-12:00.
    pytest.param(
        ADVANCED_EW,
        "P1",
        "response",
        "2026-11-29T15:00+01:00",
        "2026-11-30T12:00+01:00",
        "2026-11-30T12:00+01:00",
        id="weekend-addon-into-monday",
    ),
    # PRIO 3 on the add-on variant keeps plain service hours: Friday 16:00 + 8 h -> Monday 16:00
    # (the evening and the weekend do not count).
    pytest.param(
        ADVANCED_EW,
        "P3",
        "response",
        "2026-11-27T16:00+01:00",
        "2026-11-30T16:00+01:00",
        "2026-11-30T16:00+01:00",
        id="addon-p3-weekend-service-hours",
    ),
    # DST end, Sunday 25 October 2026 (03:00 CEST -> 02:00 CET).
    pytest.param(
        STANDARD,
        "P1",
        "response",
        "2026-10-23T16:00+02:00",
        "2026-10-26T16:00+01:00",
        "2026-10-26T16:00+01:00",
        id="dst-october-service-hours",
    ),
    # Standaard PRIO 4, 32 h from Thursday 22 October 09:00: Thu 8, Fri 8, Mon 8, Tue 8 ->
    # due Tuesday 17:00 (a closing), breached Wednesday 09:00, in winter time.
    pytest.param(
        STANDARD,
        "P4",
        "response",
        "2026-10-22T09:00+02:00",
        "2026-10-27T17:00+01:00",
        "2026-10-28T09:00+01:00",
        id="dst-october-p4-32h",
    ),
    # Advanced + AWS PRIO 1, 4 h from Saturday 24 October 15:00 CEST: 1 h Saturday, Sunday
    # (the night the clocks go back) 10:00-13:00 CET.
    pytest.param(
        ADVANCED_EW,
        "P1",
        "response",
        "2026-10-24T15:00+02:00",
        "2026-10-25T13:00+01:00",
        "2026-10-25T13:00+01:00",
        id="dst-october-addon-sunday",
    ),
    # DST start, Sunday 29 March 2026 (02:00 CET -> 03:00 CEST).
    pytest.param(
        STANDARD,
        "P1",
        "response",
        "2026-03-27T16:00+01:00",
        "2026-03-30T16:00+02:00",
        "2026-03-30T16:00+02:00",
        id="dst-march-service-hours",
    ),
    # Enterprise + AWS PRIO 1, 2 h from Saturday 28 March 15:00 CET: 1 h Saturday, Sunday
    # 10:00-11:00 CEST.
    pytest.param(
        ENTERPRISE_EW,
        "P1",
        "response",
        "2026-03-28T15:00+01:00",
        "2026-03-29T11:00+02:00",
        "2026-03-29T11:00+02:00",
        id="dst-march-addon-sunday",
    ),
    # No holidays (choice): King's Day, Monday 27 April 2026, is a service day.
    pytest.param(
        STANDARD,
        "P1",
        "response",
        "2026-04-24T16:00+02:00",
        "2026-04-27T16:00+02:00",
        "2026-04-27T16:00+02:00",
        id="kings-day-counts",
    ),
    # Christmas Day, Friday 25 December 2026, too: Advanced PRIO 1 4 h from Thursday 15:00.
    pytest.param(
        ADVANCED,
        "P1",
        "response",
        "2026-12-24T15:00+01:00",
        "2026-12-25T11:00+01:00",
        "2026-12-25T11:00+01:00",
        id="christmas-counts",
    ),
    # The add-on's P1 resolution (4 h) from a response on Monday 16:00 runs into the evening.
    pytest.param(
        ADVANCED_EW,
        "P1",
        "resolution",
        "2026-11-23T16:00+01:00",
        "2026-11-23T20:00+01:00",
        "2026-11-23T20:00+01:00",
        id="addon-p1-resolution-evening",
    ),
    # A time on site requested on Monday 16:00 with the add-on: 1.2.12 "De TTP 'teller' stopt
    # aan het einde van de servicetijd en wordt de volgende werkdag weer gestart aan het
    # begin van de servicetijd": 16:00-17:00, then Tuesday 09:00-12:00 (not the evening).
    pytest.param(
        ADVANCED_EW,
        "P1",
        "on_site",
        "2026-11-23T16:00+01:00",
        "2026-11-24T12:00+01:00",
        "2026-11-24T12:00+01:00",
        id="addon-on-site-overnight",
    ),
    # Requested on Saturday 11:00 with the add-on: the counter starts on Monday 09:00.
    pytest.param(
        ENTERPRISE_EW,
        "P1",
        "on_site",
        "2026-11-28T11:00+01:00",
        "2026-11-30T11:00+01:00",
        "2026-11-30T11:00+01:00",
        id="addon-on-site-weekend",
    ),
]


def _clock_from(priority: str, metric: str, opened: datetime, *more: Stamp) -> Ticket:
    start = STARTS.get(metric)
    return ticket(priority, opened, *(((opened, start),) if start else ()), *more)


@pytest.mark.parametrize(("contract_id", "priority", "metric", "opened", "due", "breach"), CASES)
def test_boundaries(
    contract_id: str, priority: str, metric: str, opened: str, due: str, breach: str
) -> None:
    c = contracts.get(contract_id)
    start, due_at, breach_at = instant(opened), instant(due), instant(breach)
    hours = TARGETS[contract_id][priority, metric][0]
    assert hours is not None
    running = _clock_from(priority, metric, start)
    r = c.evaluate(running, at=breach_at).targets[metric]
    assert (r.status, r.elapsed) == (Status.RUNNING, timedelta(hours=hours))
    assert_instant(r.due_at, due_at)
    assert_instant(r.breach_at, breach_at)
    r = c.evaluate(running, at=breach_at + SEC).targets[metric]
    assert r.status is Status.BREACHED
    stop = STOPS[metric]
    r = c.evaluate(_clock_from(priority, metric, start, (breach_at, stop)), at=breach_at).targets[
        metric
    ]
    assert (r.status, r.elapsed) == (Status.MET, timedelta(hours=hours))
    late = _clock_from(priority, metric, start, (breach_at + SEC, stop))
    r = c.evaluate(late, at=breach_at + SEC).targets[metric]
    assert (r.status, r.elapsed) == (Status.BREACHED, timedelta(hours=hours, seconds=1))


# -- the evening and weekend add-on (1.3.16) -------------------------------------------------------
def test_addon_p1_runs_into_the_evening() -> None:
    """Reported Monday 16:00 on Advanced + AWS: 4 h -> Monday 20:00 (Advanced: Tuesday 12:00)."""
    opened = MONDAY_4PM
    r = contracts.get(ADVANCED_EW).evaluate(ticket("P1", opened), at=opened).targets["response"]
    assert_instant(r.due_at, instant("2026-11-23T20:00+01:00"))
    r = contracts.get(ADVANCED).evaluate(ticket("P1", opened), at=opened).targets["response"]
    assert_instant(r.due_at, instant("2026-11-24T12:00+01:00"))
    # at 19:00 the add-on has counted the whole evening so far
    r = (
        contracts.get(ADVANCED_EW)
        .evaluate(ticket("P1", opened), at=instant("2026-11-23T19:00+01:00"))
        .targets["response"]
    )
    assert (r.elapsed, r.remaining) == (timedelta(hours=3), timedelta(hours=1))


def test_addon_p3_still_uses_service_hours() -> None:
    """PRIO 3 on Advanced + AWS: the worked example's deadline, the evening does not count."""
    c = contracts.get(ADVANCED_EW)
    assert c.calendar_for("P3", "response") is c.calendars["service_hours"]
    assert c.calendar_for("P1", "response") is c.calendars[EW]
    r = c.evaluate(ticket("P3", MONDAY_4PM), at=instant("2026-11-23T21:00+01:00")).targets[
        "response"
    ]
    assert (r.status, r.elapsed) == (Status.RUNNING, timedelta(hours=1))
    assert_instant(r.due_at, TUESDAY_4PM)


def test_addon_priority_change_moves_the_clock_onto_the_evening() -> None:
    """PRIO 3 raised to PRIO 1 at Monday 16:00 (keep_elapsed): 1 h counted, 3 h left in the
    add-on's hours -> Monday 19:00."""
    c = contracts.get(ADVANCED_EW)
    raised = Ticket(
        id="VIOMS-2",
        priority="P3",
        opened_at=instant("2026-11-23T15:00+01:00"),
        events=[Event(at=MONDAY_4PM, kind="priority_changed", priority="PRIO 1")],
    )
    r = c.evaluate(raised, at=instant("2026-11-23T19:00+01:00")).targets["response"]
    assert (r.status, r.elapsed) == (Status.RUNNING, timedelta(hours=4))
    assert_instant(r.due_at, instant("2026-11-23T19:00+01:00"))
    r = c.evaluate(raised, at=instant("2026-11-23T19:00:01+01:00")).targets["response"]
    assert r.status is Status.BREACHED


def test_standard_has_no_addon() -> None:
    assert "vioms/standard+evening-weekend" not in contracts.ids()
    with pytest.raises(ContractError, match="Standaard has no evening and weekend add-on"):
        vioms.build("standard", evening_weekend=True)
    with pytest.raises(ContractError, match="unknown VIOMS tier 'maatwerk'"):
        vioms.build("maatwerk")  # type: ignore[arg-type]


# -- time on site (1.2.12) -------------------------------------------------------------------------
def test_on_site_not_started_without_a_request() -> None:
    c = contracts.get(ADVANCED)
    plain = ticket("P1", MONDAY_4PM, (instant("2026-11-23T16:30+01:00"), "responded"))
    r = c.evaluate(plain, at=instant("2026-11-30T12:00+01:00")).targets["on_site"]
    assert (r.status, r.due_at, r.elapsed) == (Status.NOT_STARTED, None, timedelta(0))
    assert "on_site" not in c.evaluate(ticket("P2", MONDAY_4PM), at=MONDAY_4PM).targets


def test_on_site_starts_on_request() -> None:
    """Advanced: requested Monday 10:00, 4 h -> 14:00; a response does not stop it."""
    c = contracts.get(ADVANCED)
    opened, requested = instant("2026-11-23T09:30+01:00"), instant("2026-11-23T10:00+01:00")
    due = instant("2026-11-23T14:00+01:00")
    events = ((requested, "on_site_requested"), (instant("2026-11-23T10:05+01:00"), "responded"))
    r = c.evaluate(ticket("P1", opened, *events), at=due).targets["on_site"]
    assert (r.status, r.elapsed) == (Status.RUNNING, timedelta(hours=4))
    assert_instant(r.started_at, requested)
    assert_instant(r.due_at, due)
    arrived = ticket("P1", opened, *events, (due, "on_site"))
    assert c.evaluate(arrived, at=due + SEC).targets["on_site"].status is Status.MET
    late = ticket("P1", opened, *events, (due + SEC, "on_site"))
    assert c.evaluate(late, at=due + SEC).targets["on_site"].status is Status.BREACHED


def test_standard_on_site_is_best_effort() -> None:
    c = contracts.get(STANDARD)
    requested = ticket("P1", MONDAY_4PM, (MONDAY_4PM, "on_site_requested"))
    r = c.evaluate(requested, at=instant("2026-12-31T12:00+01:00")).targets["on_site"]
    assert (r.status, r.target, r.due_at, r.commitment) == (
        Status.NO_TARGET,
        None,
        None,
        "best_effort",
    )


# -- resolution starts when the response clock stops (1.2.10, choice) ------------------------------
def test_resolution_starts_on_responded() -> None:
    """Advanced PRIO 1: reported 10:00, responded 12:00, 4 h to resolve -> 16:00."""
    c = contracts.get(ADVANCED)
    opened, responded = instant("2026-11-23T10:00+01:00"), instant("2026-11-23T12:00+01:00")
    due = instant("2026-11-23T16:00+01:00")
    waiting = ticket("P1", opened)
    r = c.evaluate(waiting, at=due + SEC).targets["resolution"]
    assert (r.status, r.due_at, r.elapsed) == (Status.NOT_STARTED, None, timedelta(0))
    answered = ticket("P1", opened, (responded, "responded"))
    r = c.evaluate(answered, at=due).targets["resolution"]
    assert (r.status, r.elapsed) == (Status.RUNNING, timedelta(hours=4))
    assert_instant(r.started_at, responded)
    assert_instant(r.due_at, due)
    resolved = ticket("P1", opened, (responded, "responded"), (due, "resolved"))
    assert c.evaluate(resolved, at=due + SEC).targets["resolution"].status is Status.MET
    late = ticket("P1", opened, (responded, "responded"), (due + SEC, "resolved"))
    assert c.evaluate(late, at=due + SEC).targets["resolution"].status is Status.BREACHED


@pytest.mark.parametrize("contract_id", ALL)
@pytest.mark.parametrize("priority", ["P1", "P2", "P3"])
@pytest.mark.parametrize("kind", ["resolved", "closed"])
def test_resolved_at_first_contact_is_judged_it_took_no_time(
    contract_id: str, priority: str, kind: str
) -> None:
    """1.2.10: the resolution time "begint nadat het probleem is ondervonden", read as when
    the response clock stops. A ticket resolved (or closed) at the first contact, with no
    separate `responded` event, stops the response and starts and stops the resolution:
    met, no time, never NOT_STARTED (0.1.0 left it NOT_STARTED for ever)."""
    c = contracts.get(contract_id)
    opened, done = instant("2026-11-23T10:00+01:00"), instant("2026-11-23T10:20+01:00")
    report = c.evaluate(
        ticket(priority, opened, (done, kind)), at=instant("2026-11-30T12:00+01:00")
    )
    response, r = report.targets["response"], report.targets["resolution"]
    assert (response.status, response.elapsed) == (Status.MET, timedelta(minutes=20))
    assert (r.status, r.elapsed) == (Status.MET, timedelta(0))
    assert_instant(r.started_at, done)
    assert_instant(r.stopped_at, done)


def test_a_workaround_ends_the_response_and_starts_the_resolution() -> None:
    """Advanced PRIO 2 (resolution 4 h): a workaround at 11:00 stops the response and
    starts the resolution; the later `responded` (12:00) changes nothing; due 15:00."""
    c = contracts.get(ADVANCED)
    opened = instant("2026-11-23T10:00+01:00")
    workaround, responded = instant("2026-11-23T11:00+01:00"), instant("2026-11-23T12:00+01:00")
    t = ticket("P2", opened, (workaround, "workaround"), (responded, "responded"))
    r = c.evaluate(t, at=instant("2026-11-23T13:00+01:00")).targets["resolution"]
    assert_instant(r.started_at, workaround)
    assert_instant(r.due_at, instant("2026-11-23T15:00+01:00"))
    assert (r.status, r.elapsed) == (Status.RUNNING, timedelta(hours=2))


def test_a_reopen_after_a_first_contact_resolution_resumes_it() -> None:
    """Resolved at 10:20 (no time), reopened at 11:00, resolved again at 12:30: 1.5 h."""
    c = contracts.get(ADVANCED)
    t = ticket(
        "P1",
        instant("2026-11-23T10:00+01:00"),
        (instant("2026-11-23T10:20+01:00"), "resolved"),
        (instant("2026-11-23T11:00+01:00"), "reopened"),
        (instant("2026-11-23T12:30+01:00"), "resolved"),
    )
    r = c.evaluate(t, at=instant("2026-11-23T13:00+01:00")).targets["resolution"]
    assert (r.status, r.elapsed) == (Status.MET, timedelta(hours=1, minutes=30))


def test_the_narrower_reading_waits_for_a_responded_event() -> None:
    """The documented alternative: resolution_starts_on=("responded",) is 0.1.0's reading."""
    narrow = vioms.build("advanced", resolution_starts_on=("responded",))
    opened, done = instant("2026-11-23T10:00+01:00"), instant("2026-11-23T10:20+01:00")
    r = narrow.evaluate(ticket("P1", opened, (done, "resolved")), at=done).targets["resolution"]
    assert r.status is Status.NOT_STARTED


def test_standard_p2_resolution_follows_a_late_response() -> None:
    """Standaard PRIO 2: response 16 h, resolution 8 h. Reported Monday 09:00, responded at
    Tuesday 17:00 (16 h, on time); resolution counts from Wednesday 09:00 -> Wednesday
    17:00, breached only from Thursday 09:00."""
    c = contracts.get(STANDARD)
    opened, responded = instant("2026-11-23T09:00+01:00"), instant("2026-11-24T17:00+01:00")
    answered = ticket("P2", opened, (responded, "responded"))
    report = c.evaluate(answered, at=instant("2026-11-26T09:00+01:00"))
    assert report.targets["response"].status is Status.MET
    assert report.targets["response"].elapsed == timedelta(hours=16)
    r = report.targets["resolution"]
    assert (r.status, r.elapsed) == (Status.RUNNING, timedelta(hours=8))
    assert_instant(r.due_at, instant("2026-11-25T17:00+01:00"))
    assert_instant(r.breach_at, instant("2026-11-26T09:00+01:00"))
    r = c.evaluate(answered, at=instant("2026-11-26T09:00:01+01:00")).targets["resolution"]
    assert r.status is Status.BREACHED


# -- the overrides the module docstring and docs/contracts/vioms.md promise ------------------------
def test_override_holidays_closes_kings_day() -> None:
    nl = Holidays(country="NL", categories=("public", "optional"))
    mine = vioms.build("standard", holidays=nl)
    r = mine.evaluate(
        ticket("P1", instant("2026-04-24T16:00+02:00")), at=instant("2026-04-24T16:00+02:00")
    )
    assert_instant(r.targets["response"].due_at, instant("2026-04-28T16:00+02:00"))
    ew = vioms.build("advanced", evening_weekend=True, holidays=nl)
    assert ew.calendars["service_hours"].holidays == nl
    assert ew.calendars[EW].operands[0].holidays == nl
    assert ew.calendars["evening_weekend"].holidays is None


def test_override_fixed_utc_plus_one() -> None:
    """In summer, 09:00-17:00 at UTC+1 is 10:00-18:00 CEST: reported 17:30 CEST is 16:30 at
    UTC+1, so 30 minutes count on Monday and 7.5 h on Tuesday (17:30 CEST); the built-in
    contract starts on Tuesday 09:00 CEST instead (due 17:00 CEST)."""
    opened = instant("2026-06-22T17:30+02:00")
    fixed = vioms.build("standard", tz="Etc/GMT-1")
    r = fixed.evaluate(ticket("P1", opened), at=opened).targets["response"]
    assert r.due_at == instant("2026-06-23T17:30+02:00")
    assert r.due_at is not None
    assert r.due_at.utcoffset() == timedelta(hours=1)
    r = contracts.get(STANDARD).evaluate(ticket("P1", opened), at=opened).targets["response"]
    assert_instant(r.due_at, instant("2026-06-23T17:00+02:00"))


def test_override_resolution_from_the_report() -> None:
    c = contracts.get(ADVANCED)
    mine = c.model_copy(
        update={
            "targets": tuple(
                x.model_copy(update={"starts_on": ("opened",)}) if x.metric == "resolution" else x
                for x in c.targets
            )
        }
    )
    assert mine != c
    assert hash(mine) == hash(Contract.model_validate(mine.model_dump(mode="json")))
    assert Contract.model_validate_json(mine.model_dump_json()) == mine
    opened = instant("2026-11-23T10:00+01:00")
    r = mine.evaluate(ticket("P1", opened), at=opened).targets["resolution"]
    assert_instant(r.due_at, instant("2026-11-23T14:00+01:00"))
    assert vioms.build("advanced", resolution_starts_on=("opened",)) == mine


# -- the documentation runs ------------------------------------------------------------------------
def _python_blocks(path: Path) -> list[str]:
    found = re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)
    return [textwrap.dedent(block) for block in found]


@pytest.mark.parametrize("page", ["maatwerk.md"])
def test_docs_code_blocks_run(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks(DOCS / page)
    assert blocks, page
    monkeypatch.chdir(tmp_path)
    # the pages register contracts of their own: keep them out of the other tests' registry
    monkeypatch.setattr(contracts, "_registry", dict(contracts._builtins()))
    namespace: dict[str, Any] = {"__name__": f"docs_{page}"}
    for block in blocks:
        exec(compile(block, f"{page}", "exec"), namespace)
