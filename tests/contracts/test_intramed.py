"""Intramed: the battery plus worked tickets.

The support windows (4.1) are Monday and Thursday 08:00-20:00 and Tuesday, Wednesday and
Friday 08:00-17:00 in Europe/Amsterdam, closed on the algemeen erkende feestdagen. Every
expected instant below is written out by hand with its UTC offset; every evaluation passes
an explicit ``at``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

import pytest

from slacalc import (
    CalendarTime,
    Contract,
    Holidays,
    Status,
    Ticket,
    TicketError,
    WorkingDays,
    contracts,
)
from slacalc.contracts import intramed

from .base import (
    SEC,
    ContractBattery,
    H,
    Stamp,
    assert_breached_a_second_after,
    assert_instant,
    assert_running_at_breach,
    local,
    make_ticket,
    target_report,
)

IDS = ("intramed/on-premise", "intramed/online")
ON_PREMISE, ONLINE = IDS


def ticket(priority: str, opened: datetime, *events: Stamp, kind: str = "incident") -> Ticket:
    return make_ticket("IM-1", priority, opened, *events, kind=kind)


class TestIntramedBattery(ContractBattery):
    IDS = IDS
    PRIORITIES = ("level-1", "level-2", "level-3")
    DOCUMENT = intramed.DOCUMENT


# -- the contracts as read ----------------------------------------------------------------
# 4.6, the two tables: "HERSTELTIJD INCIDENTEN*" and "HERSTELTIJD BUGS*".
BUGS = {
    ("level-1", "bug_fix"): CalendarTime(weeks=3),  # "max. 3 weken"
    ("level-2", "bug_fix"): CalendarTime(months=2),  # "1 à 2 maanden"
    ("level-3", "bug_fix"): None,  # "Volgende halfjaarlijkse update"
}
TABLES = {
    ON_PREMISE: {
        ("level-1", "restore"): WorkingDays(1),
        ("level-2", "restore"): WorkingDays(2),
        ("level-3", "restore"): WorkingDays(5),
        **BUGS,
    },
    ONLINE: {
        ("level-1", "restore"): timedelta(hours=4),
        ("level-2", "restore"): WorkingDays(5),
        ("level-3", "restore"): WorkingDays(10),
        **BUGS,
    },
}


@pytest.mark.parametrize("contract_id", IDS)
def test_targets_are_the_tables_of_4_6(contract_id: str) -> None:
    c = contracts.get(contract_id)
    assert {(t.priority, t.metric): t.within for t in c.targets} == TABLES[contract_id]
    for t in c.targets:
        assert t.calendar == "support"
        assert t.commitment == "aim"  # "Hersteltijden zijn streeftijden"
        assert t.pausable  # "wacht op de medewerking van Klant wordt niet meegerekend"
        assert t.starts_on == ("opened",)
        assert t.stops_on == ("resolved", "closed")  # a workaround does not restore
        # 4.6: "Op de helft van de toepasselijke Hersteltijd ... zal een statusupdate worden
        # verschaft": the Hersteltijd of incidents and of bugs alike
        assert t.milestones == (0.5,)
        assert t.applies_to == (("incident",) if t.metric == "restore" else ("bug",))
    assert c.availability == ()
    assert c.interruption_limit is None
    assert c.compliance == ()


@pytest.mark.parametrize("contract_id", IDS)
def test_support_windows_and_holidays(contract_id: str) -> None:
    cal = contracts.get(contract_id).calendars["support"]
    assert cal.holidays == Holidays(country="NL", categories=("public", "optional"))
    # Monday and Thursday to 20:00; Tuesday, Wednesday and Friday to 17:00.
    week = [(23, 12), (24, 9), (25, 9), (26, 12), (27, 9), (28, 0), (29, 0)]
    for day, hours in week:
        assert cal.between(local(2026, 11, day), local(2026, 11, day + 1)) == hours * H
    assert not cal.is_open(local(2026, 11, 23, 7, 59, 59))
    assert cal.is_open(local(2026, 11, 23, 19, 59, 59))
    assert not cal.is_open(local(2026, 11, 24, 17))
    # The algemeen erkende feestdagen of 2026 that fall on a support day are closed.
    closed = [
        date(2026, 1, 1),  # New Year's Day, Thursday
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 4, 27),  # King's Day, Monday
        date(2026, 5, 5),  # Liberation Day, Tuesday (every year)
        date(2026, 5, 14),  # Ascension Day, Thursday
        date(2026, 5, 25),  # Whit Monday
        date(2026, 12, 25),  # Christmas Day, Friday
    ]
    for d in closed:
        assert not cal.is_open(local(d.year, d.month, d.day, 12)), d
    # The bridge days equated by decree are open (a choice; add them with extra=).
    assert cal.is_open(local(2026, 1, 2, 12))
    assert cal.is_open(local(2026, 5, 15, 12))


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("level-1", "level-1"),
        ("Niveau 1", "level-1"),
        ("niveau-1", "level-1"),
        ("1", "level-1"),
        ("Storingsniveau 1", "level-1"),
        ("NIVEAU 2", "level-2"),
        ("2", "level-2"),
        ("level 3", "level-3"),
        ("Niveau 3", "level-3"),
        ("3", "level-3"),
    ],
)
@pytest.mark.parametrize("contract_id", IDS)
def test_the_documents_level_names(contract_id: str, label: str, expected: str) -> None:
    assert contracts.get(contract_id).priority(label).id == expected


def test_the_modules_contracts_are_the_registered_ones() -> None:
    assert tuple(contracts.get(i) for i in IDS) == intramed.CONTRACTS


# -- worked tickets at the boundary instants -----------------------------------------------
class Case(NamedTuple):
    name: str
    contract_id: str
    priority: str
    kind: str
    opened: datetime
    target: timedelta  # open time (support time for restore, real time for bugs)
    due: str
    breach: str
    milestone: str | None  # the status update at half time (restore and bug_fix, 4.6)


CASES = [
    # On premise, "Niveau 1 1 werkdag". Monday (a long day) 10:00 to Tuesday 10:00: 10 + 2 h;
    # the status update after 6 h, Monday 16:00.
    Case(
        "on-premise level-1 from a long Monday",
        ON_PREMISE,
        "Niveau 1",
        "incident",
        local(2026, 11, 23, 10),
        12 * H,
        "2026-11-24T10:00:00+01:00",
        "2026-11-24T10:00:00+01:00",
        "2026-11-23T16:00:00+01:00",
    ),
    # ... from a short Tuesday: 7 + 2 h, the update after 4.5 h at 14:30.
    Case(
        "on-premise level-1 from a short Tuesday",
        ON_PREMISE,
        "level-1",
        "incident",
        local(2026, 11, 24, 10),
        9 * H,
        "2026-11-25T10:00:00+01:00",
        "2026-11-25T10:00:00+01:00",
        "2026-11-24T14:30:00+01:00",
    ),
    # ... from Thursday 18:00 (a long day): Friday 18:00 lies after Friday's close, so the
    # working day ends at Friday 17:00 (2 + 9 h); it still holds until Monday 08:00.
    Case(
        "on-premise level-1 from a Thursday evening",
        ON_PREMISE,
        "1",
        "incident",
        local(2026, 11, 26, 18),
        11 * H,
        "2026-11-27T17:00:00+01:00",
        "2026-11-30T08:00:00+01:00",
        "2026-11-27T11:30:00+01:00",
    ),
    # ... from Wednesday 13 May 2026, the day before Ascension Day: Friday 15 May 10:00.
    Case(
        "on-premise level-1 across Ascension Day",
        ON_PREMISE,
        "level-1",
        "incident",
        local(2026, 5, 13, 10),
        9 * H,
        "2026-05-15T10:00:00+02:00",
        "2026-05-15T10:00:00+02:00",
        "2026-05-13T14:30:00+02:00",
    ),
    # "Niveau 2 2 werkdagen" from Friday 24 April 2026 16:00, across the weekend and King's
    # Day (Monday 27 April): Wednesday 29 April 16:00; 1 + 9 + 8 h.
    Case(
        "on-premise level-2 across a weekend and King's Day",
        ON_PREMISE,
        "level-2",
        "incident",
        local(2026, 4, 24, 16),
        18 * H,
        "2026-04-29T16:00:00+02:00",
        "2026-04-29T16:00:00+02:00",
        "2026-04-28T16:00:00+02:00",
    ),
    # "Niveau 3 5 werkdagen" from Thursday 22 October 2026 19:00 (+02:00), across the end of
    # summer time: Thursday 29 October 19:00 (+01:00); 1 + 9 + 12 + 9 + 9 + 11 h.
    Case(
        "on-premise level-3 across the October DST change",
        ON_PREMISE,
        "level-3",
        "incident",
        local(2026, 10, 22, 19),
        51 * H,
        "2026-10-29T19:00:00+01:00",
        "2026-10-29T19:00:00+01:00",
        "2026-10-27T11:30:00+01:00",
    ),
    # Online, "Niveau 1 4 uur" from Monday 16:00: due at Monday's close, 20:00, and held
    # until Tuesday's opening.
    Case(
        "online level-1 on a long Monday",
        ONLINE,
        "level-1",
        "incident",
        local(2026, 11, 23, 16),
        4 * H,
        "2026-11-23T20:00:00+01:00",
        "2026-11-24T08:00:00+01:00",
        "2026-11-23T18:00:00+01:00",
    ),
    # ... from Tuesday 16:00 (a short day): 1 h Tuesday, 3 h Wednesday.
    Case(
        "online level-1 from a short Tuesday",
        ONLINE,
        "Niveau 1",
        "incident",
        local(2026, 11, 24, 16),
        4 * H,
        "2026-11-25T11:00:00+01:00",
        "2026-11-25T11:00:00+01:00",
        "2026-11-25T09:00:00+01:00",
    ),
    # ... from Thursday 2 April 2026 18:00: 2 h Thursday; Good Friday, the weekend and
    # Easter Monday are closed; 2 h on Tuesday 7 April. The update is due at Thursday 20:00.
    Case(
        "online level-1 across Easter",
        ONLINE,
        "level-1",
        "incident",
        local(2026, 4, 2, 18),
        4 * H,
        "2026-04-07T10:00:00+02:00",
        "2026-04-07T10:00:00+02:00",
        "2026-04-02T20:00:00+02:00",
    ),
    # ... from Friday 27 March 2026 16:00 (+01:00), across the start of summer time.
    Case(
        "online level-1 across the March DST change",
        ONLINE,
        "level-1",
        "incident",
        local(2026, 3, 27, 16),
        4 * H,
        "2026-03-30T11:00:00+02:00",
        "2026-03-30T11:00:00+02:00",
        "2026-03-30T09:00:00+02:00",
    ),
    # "Niveau 2 5 werkdagen" from Wednesday 25 November 10:00 across a weekend: Wednesday
    # 2 December 10:00; 7 + 12 + 9 + 12 + 9 + 2 h; the update after 25.5 h, Friday 14:30.
    Case(
        "online level-2 across a weekend",
        ONLINE,
        "level-2",
        "incident",
        local(2026, 11, 25, 10),
        51 * H,
        "2026-12-02T10:00:00+01:00",
        "2026-12-02T10:00:00+01:00",
        "2026-11-27T14:30:00+01:00",
    ),
    # "Niveau 3 10 werkdagen" from Monday 21 December 2026 09:00, across Christmas Day and
    # New Year's Day 2027 (a Friday): Wednesday 6 January 2027 09:00, 105 h; the update
    # after 52.5 h, Monday 28 December 19:30.
    Case(
        "online level-3 across Christmas and New Year",
        ONLINE,
        "level-3",
        "incident",
        local(2026, 12, 21, 9),
        105 * H,
        "2027-01-06T09:00:00+01:00",
        "2027-01-06T09:00:00+01:00",
        "2026-12-28T19:30:00+01:00",
    ),
    # Bugs, "max. 3 weken" in calendar time, from Tuesday 20 October 2026 10:00 (+02:00):
    # Tuesday 10 November 10:00 (+01:00), 21 days of real time plus the extra hour of
    # 25 October. The status update at half of it (4.6), 10 days 12.5 hours of real time
    # after 08:00 UTC: Friday 30 October 20:30 UTC, 21:30 (+01:00).
    Case(
        "on-premise level-1 bug across the October DST change",
        ON_PREMISE,
        "level-1",
        "bug",
        local(2026, 10, 20, 10),
        timedelta(days=21, hours=1),
        "2026-11-10T10:00:00+01:00",
        "2026-11-10T10:00:00+01:00",
        "2026-10-30T21:30:00+01:00",
    ),
    Case(
        "online level-1 bug across the October DST change",
        ONLINE,
        "level-1",
        "bug",
        local(2026, 10, 20, 10),
        timedelta(days=21, hours=1),
        "2026-11-10T10:00:00+01:00",
        "2026-11-10T10:00:00+01:00",
        "2026-10-30T21:30:00+01:00",
    ),
    # "1 à 2 maanden", read as two months (a choice): 31 August 2026 10:00 (+02:00) to 31
    # October 10:00 (+01:00), 61 days and an hour; the status update after 30 days 12.5
    # hours, Wednesday 30 September 22:30 (+02:00).
    Case(
        "on-premise level-2 bug, two months",
        ON_PREMISE,
        "level-2",
        "bug",
        local(2026, 8, 31, 10),
        timedelta(days=61, hours=1),
        "2026-10-31T10:00:00+01:00",
        "2026-10-31T10:00:00+01:00",
        "2026-09-30T22:30:00+02:00",
    ),
    Case(
        "online level-2 bug, two months",
        ONLINE,
        "Niveau 2",
        "bug",
        local(2026, 8, 31, 10),
        timedelta(days=61, hours=1),
        "2026-10-31T10:00:00+01:00",
        "2026-10-31T10:00:00+01:00",
        "2026-09-30T22:30:00+02:00",
    ),
]

IDS_OF_CASES = [c.name for c in CASES]


def _metric(case: Case) -> str:
    return "restore" if case.kind == "incident" else "bug_fix"


@pytest.mark.parametrize("case", CASES, ids=IDS_OF_CASES)
def test_running_until_breach_at_then_breached(case: Case) -> None:
    t = ticket(case.priority, case.opened, kind=case.kind)
    breach = datetime.fromisoformat(case.breach)
    r = target_report(case.contract_id, t, breach)
    assert r.metric == _metric(case)
    assert_running_at_breach(r, target=case.target, due=case.due, breach=case.breach)
    if case.milestone is None:
        assert r.milestones == ()
    else:
        ((fraction, when),) = r.milestones
        assert fraction == 0.5
        assert_instant(when, case.milestone)

    r = target_report(case.contract_id, t, breach + SEC)
    assert_breached_a_second_after(r, due=case.due)


@pytest.mark.parametrize("case", CASES, ids=IDS_OF_CASES)
def test_met_at_the_target_breached_one_second_over(case: Case) -> None:
    due = datetime.fromisoformat(case.due)
    breach = datetime.fromisoformat(case.breach)
    later = breach + timedelta(days=7)
    for stop in (due, breach):
        t = ticket(case.priority, case.opened, (stop, "resolved"), kind=case.kind)
        r = target_report(case.contract_id, t, later)
        assert r.status is Status.MET
        assert r.elapsed == case.target
        assert_instant(r.stopped_at, stop.isoformat())

    t = ticket(case.priority, case.opened, (breach + SEC, "resolved"), kind=case.kind)
    r = target_report(case.contract_id, t, later)
    assert r.status is Status.BREACHED
    assert r.elapsed == case.target + SEC


@pytest.mark.parametrize("contract_id", IDS)
def test_milestone_when_the_status_update_is_due(contract_id: str) -> None:
    # Level 1 on premise from Monday 10:00: restore due Tuesday 10:00 (12 h of support
    # time), the status update after 6 h, Monday 16:00. Online, 4 h: due 14:00, update
    # after 2 h at 12:00.
    t = ticket("level-1", local(2026, 11, 23, 10))
    r = target_report(contract_id, t, local(2026, 11, 23, 11))
    ((fraction, when),) = r.milestones
    assert fraction == 0.5
    if contract_id == ON_PREMISE:
        assert_instant(when, "2026-11-23T16:00:00+01:00")
        assert_instant(r.due_at, "2026-11-24T10:00:00+01:00")
    else:
        assert_instant(when, "2026-11-23T12:00:00+01:00")
        assert_instant(r.due_at, "2026-11-23T14:00:00+01:00")


# -- waiting on the customer ------------------------------------------------------------------
PAUSED = (local(2026, 11, 23, 19), "paused")
RESUMED = (local(2026, 11, 24, 9), "resumed")


def test_waiting_on_the_customer_delays_restore_by_the_paused_support_time() -> None:
    # "De tijdsduur waarop Leverancier wacht op de medewerking van Klant wordt niet
    # meegerekend": level 1 on premise from Monday 10:00 (due Tuesday 10:00 unpaused,
    # 12 h), waiting on the customer from Monday 19:00 to Tuesday 09:00. That loses 2 h of
    # support time (Monday 19-20, Tuesday 08-09), so restore is due two support hours
    # later: Tuesday 12:00.
    opened = local(2026, 11, 23, 10)
    unpaused = target_report(ON_PREMISE, ticket("level-1", opened), local(2026, 11, 23, 11))
    assert_instant(unpaused.due_at, "2026-11-24T10:00:00+01:00")

    t = ticket("level-1", opened, PAUSED, RESUMED)
    r = target_report(ON_PREMISE, t, local(2026, 11, 24, 11))
    assert r.status is Status.RUNNING
    assert r.target == 12 * H
    assert r.paused == 2 * H
    assert r.elapsed == 11 * H  # Monday 10-19, Tuesday 09-11
    assert_instant(r.due_at, "2026-11-24T12:00:00+01:00")
    assert_instant(r.breach_at, "2026-11-24T12:00:00+01:00")
    assert_instant(r.milestones[0][1], "2026-11-23T16:00:00+01:00")  # before the pause: unchanged

    # While waiting (Monday 22:00, the desk closed): paused, projected as if it resumed now.
    r = target_report(ON_PREMISE, t, local(2026, 11, 23, 22))
    assert r.status is Status.PAUSED
    assert r.paused == H
    assert r.elapsed == 9 * H
    assert_instant(r.due_at, "2026-11-24T11:00:00+01:00")

    for resolved, status in [
        (local(2026, 11, 24, 12), Status.MET),
        (local(2026, 11, 24, 12, 0, 1), Status.BREACHED),
    ]:
        done = ticket("level-1", opened, PAUSED, RESUMED, (resolved, "resolved"))
        r = target_report(ON_PREMISE, done, local(2026, 11, 30, 12))
        assert r.status is status
        assert r.paused == 2 * H


def test_a_pause_moves_the_status_update_too() -> None:
    # Waiting Monday 12:00-14:00: the update moves from Monday 16:00 to 18:00, the due
    # instant from Tuesday 10:00 to 12:00.
    t = ticket(
        "level-1",
        local(2026, 11, 23, 10),
        (local(2026, 11, 23, 12), "paused"),
        (local(2026, 11, 23, 14), "resumed"),
    )
    r = target_report(ON_PREMISE, t, local(2026, 11, 23, 15))
    assert r.paused == 2 * H
    assert_instant(r.milestones[0][1], "2026-11-23T18:00:00+01:00")
    assert_instant(r.due_at, "2026-11-24T12:00:00+01:00")


def test_waiting_on_the_customer_delays_a_bug_fix_by_the_real_time_waited() -> None:
    # Bugs count calendar time: a day of waiting (Wednesday 21 to Thursday 22 October,
    # 10:00) moves Tuesday 10 November 10:00 to Wednesday 11 November 10:00.
    t = ticket(
        "level-1",
        local(2026, 10, 20, 10),
        (local(2026, 10, 21, 10), "paused"),
        (local(2026, 10, 22, 10), "resumed"),
        kind="bug",
    )
    r = target_report(ONLINE, t, local(2026, 11, 1, 12))
    assert r.status is Status.RUNNING
    assert r.paused == timedelta(days=1)
    assert r.target == timedelta(days=21, hours=1)
    assert_instant(r.due_at, "2026-11-11T10:00:00+01:00")


# -- what the targets do not cover ------------------------------------------------------------
@pytest.mark.parametrize("contract_id", IDS)
def test_a_workaround_does_not_restore(contract_id: str) -> None:
    # 4.6: while not yet restored, "zal Leverancier zich inspannen een 'workaround' ...
    # aan te bieden": the clock runs on until the fault is restored.
    t = ticket("level-1", local(2026, 11, 23, 10), (local(2026, 11, 23, 11), "workaround"))
    r = target_report(contract_id, t, local(2026, 11, 23, 12))
    assert r.status is Status.RUNNING
    assert r.stopped_at is None
    assert r.elapsed == 2 * H


@pytest.mark.parametrize("contract_id", IDS)
def test_level_3_bugs_wait_for_the_next_half_yearly_update(contract_id: str) -> None:
    t = ticket("level-3", local(2026, 11, 23, 10), kind="bug")
    r = target_report(contract_id, t, local(2026, 11, 24, 10))
    assert r.metric == "bug_fix"
    assert r.status is Status.NO_TARGET
    assert r.target is None
    assert r.due_at is None
    assert r.breach_at is None
    # Without a deadline there is no calendar time to measure: the clock counts on the
    # target's named calendar, support time (Monday 10-20, Tuesday 08-10).
    assert r.elapsed == 12 * H


@pytest.mark.parametrize("contract_id", IDS)
def test_incidents_get_restore_and_bugs_get_bug_fix(contract_id: str) -> None:
    c = contracts.get(contract_id)
    at = local(2026, 11, 24, 10)
    incident = c.evaluate(ticket("level-2", local(2026, 11, 23, 10)), at=at)
    bug = c.evaluate(ticket("level-2", local(2026, 11, 23, 10), kind="bug"), at=at)
    assert list(incident.targets) == ["restore"]
    assert list(bug.targets) == ["bug_fix"]
    # A question (4.8) is neither: no target applies to it.
    with pytest.raises(TicketError, match="IM-1"):
        c.evaluate(ticket("level-2", local(2026, 11, 23, 10), kind="question"), at=at)


# -- the overrides the module docstring offers ----------------------------------------------
def test_override_bridge_days() -> None:
    c = contracts.get(ON_PREMISE)
    holidays = Holidays(
        country="NL",
        categories=("public", "optional"),
        extra=(date(2026, 1, 2), date(2026, 5, 15)),
    )
    bridged = Contract.model_validate(
        {
            **c.model_dump(),
            "calendars": {
                "support": c.calendars["support"].model_copy(update={"holidays": holidays})
            },
        }
    )
    # Level 1 from Wednesday 13 May 2026 10:00: Ascension Day and the bridge day closed,
    # so one working day later is Monday 18 May 10:00.
    t = ticket("level-1", local(2026, 5, 13, 10))
    r = bridged.evaluate(t, at=local(2026, 5, 13, 11)).targets["restore"]
    assert_instant(r.due_at, "2026-05-18T10:00:00+02:00")
    assert r.target == 9 * H
