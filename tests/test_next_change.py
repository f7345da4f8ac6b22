"""``next_change_at`` (_clock/cycles.py ``next_change``, TargetReport, TicketReport): with
no further event, the statuses stay as they are at ``at`` through ``next_change_at``, and
just after it a status differs or a milestone has fallen due.

The property draws test_evaluate_properties.py's random contracts and tickets (two
calendars, one across the DST changes; pauses, priority changes, reopens) with milestones
added, cuts each ticket's events at ``at`` (what comes after is a further event), and
evaluates again at ``at``, at ``next_change_at``, between them and one microsecond after.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, reject
from hypothesis import strategies as st

from oracle import instant
from slacalc import Calendar, Contract, Event, Priority, Target, Ticket, TicketError, contracts
from slacalc._clock.report import TicketReport
from test_evaluate_properties import cases

US = timedelta(microseconds=1)
AMS = ZoneInfo("Europe/Amsterdam")
MILESTONES = st.sampled_from([(), (0.5,), (0.25, 0.75), (0.1, 0.5, 0.9), (0.999,)])


def with_milestones(contract: Contract, milestones: tuple[float, ...]) -> Contract:
    data = contract.model_dump()
    for target in data["targets"]:
        target["milestones"] = list(milestones)
    return Contract.model_validate(data)


def statuses(report: TicketReport) -> dict[str, str]:
    return {metric: r.status.value for metric, r in report.targets.items()}


def milestones_between(report: TicketReport, after: datetime, upto: datetime) -> bool:
    """Whether a milestone of a running clock of ``report`` falls due in ``(after, upto]``
    (a stopped or paused clock's milestones are projections that never fall due)."""
    return any(
        after < instant_ <= upto
        for r in report.targets.values()
        if r.started_at is not None and r.stopped_at is None and r.status.value != "paused"
        for _, instant_ in r.milestones
    )


@given(case=cases(), data=st.data())
def test_statuses_hold_until_next_change_at_and_change_just_after(case, data) -> None:
    contract, _, ticket, facts = case
    contract = with_milestones(contract, data.draw(MILESTONES))
    at = instant(data.draw(st.integers(facts.opened, facts.opened + 5 * 24 * 60)))
    events = [e for e in ticket.events if e.at <= at]  # the rest would be further events
    try:
        ticket = Ticket(id=ticket.id, priority=ticket.priority, opened_at=ticket.opened_at,
                        events=events)  # fmt: skip
        report = contract.evaluate(ticket, at=at)
    except TicketError:
        reject()
    now = statuses(report)
    upcoming = [r.next_change_at for r in report.targets.values() if r.next_change_at]
    assert report.next_change_at == min(upcoming, default=None)
    later = report.next_change_at
    if later is None:  # nothing will change: a year on, the same statuses, no milestone due
        far = at + timedelta(days=366)
        assert statuses(contract.evaluate(ticket, at=far)) == now
        assert not milestones_between(report, at, far)
        return
    assert later >= at
    between = at + (later - at) * data.draw(st.floats(0, 1))
    for moment in (at, between, later):
        assert statuses(contract.evaluate(ticket, at=moment)) == now, moment
    after = later + US
    changed = statuses(contract.evaluate(ticket, at=after)) != now
    assert changed or milestones_between(report, at, after)


# -- by hand -------------------------------------------------------------------------------
OFFICE = Calendar.weekdays("08:00", "18:00", tz="Europe/Amsterdam")
ESCALATING = Contract(
    id="test/next", calendars={"office": OFFICE}, priorities=[Priority(id="P1")],
    targets=[Target(metric="restore", priority="P1", within=timedelta(hours=4),
                    calendar="office", pausable=True, milestones=(0.75,))],
)  # fmt: skip


def ams(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=AMS)


def ticket(*events: tuple[datetime, str]) -> Ticket:
    # Monday 23 November 17:00: one open hour left that day.
    return Ticket(id="T-1", priority="P1", opened_at=ams(23, 17),
                  events=[Event(at=t, kind=k) for t, k in events])  # fmt: skip


def test_a_75_percent_warning_falls_inside_the_calendar_then_the_breach_follows() -> None:
    # 3 h of 4: 17:00-18:00 Monday, then 08:00-10:00 Tuesday. Never at night.
    r = ESCALATING.evaluate(ticket(), at=ams(23, 17, 30)).targets["restore"]
    assert r.next_change_at == ams(24, 10)
    # At the milestone itself it has fallen due: next is the breach, Tuesday 11:00.
    r = ESCALATING.evaluate(ticket(), at=ams(24, 10)).targets["restore"]
    assert (r.status.value, r.next_change_at) == ("running", ams(24, 11))
    r = ESCALATING.evaluate(ticket(), at=ams(24, 9, 59, 59)).targets["restore"]
    assert r.next_change_at == ams(24, 10)


def test_at_breach_at_the_next_change_is_now_and_a_microsecond_later_nothing() -> None:
    at_breach = ESCALATING.evaluate(ticket(), at=ams(24, 11)).targets["restore"]
    assert (at_breach.status.value, at_breach.next_change_at) == ("running", ams(24, 11))
    breached = ESCALATING.evaluate(ticket(), at=ams(24, 11) + US).targets["restore"]
    assert (breached.status.value, breached.next_change_at) == ("breached", None)


def test_a_deadline_at_closing_time_wakes_at_the_next_opening() -> None:
    # Opened Tuesday 14:00: 4 h reach 18:00, a window's end: breach_at is Wednesday 08:00.
    opened = Ticket(id="T-2", priority="P1", opened_at=ams(24, 14))
    plain = ESCALATING.model_copy(update={"targets": (
        ESCALATING.targets[0].model_copy(update={"milestones": ()}),)})  # fmt: skip
    r = Contract.model_validate(plain.model_dump()).evaluate(opened, at=ams(24, 19))
    target = r.targets["restore"]
    assert (target.due_at, target.breach_at) == (ams(24, 18), ams(25, 8))
    assert target.next_change_at == ams(25, 8)


def test_paused_met_and_not_started_clocks_will_not_change() -> None:
    paused = ESCALATING.evaluate(ticket((ams(23, 17, 30), "paused")), at=ams(24, 12))
    assert paused.targets["restore"].status.value == "paused"
    assert paused.next_change_at is None
    met = ESCALATING.evaluate(ticket((ams(23, 17, 30), "resolved")), at=ams(24, 12))
    assert (met.targets["restore"].status.value, met.next_change_at) == ("met", None)
    vioms = contracts.get("vioms/advanced")
    fresh = vioms.evaluate(Ticket(id="V-1", priority="P1", opened_at=ams(23, 9)), at=ams(23, 10))
    assert fresh.targets["resolution"].status.value == "not_started"
    assert fresh.targets["resolution"].next_change_at is None
    # the ticket's: the earliest of its targets' (the response breaches at 13:00)
    assert fresh.next_change_at == fresh.targets["response"].breach_at == ams(23, 13)


def test_next_change_at_is_in_the_report_s_dicts() -> None:
    r = ESCALATING.evaluate(ticket(), at=ams(23, 17, 30))
    assert r.as_dict()["next_change_at"] == "2026-11-24T10:00:00+01:00"
    assert r.as_dict()["targets"]["restore"]["next_change_at"] == "2026-11-24T10:00:00+01:00"
    assert datetime(2026, 11, 24, 9, tzinfo=timezone.utc) == r.next_change_at
