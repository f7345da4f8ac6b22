"""Property tests: ``Contract.evaluate`` against the brute-force clock oracle (SPEC 3).

A test contract in Europe/Amsterdam has two priorities and two metrics (``response`` and
``resolution``), each target on one of two calendars: ``office`` (Mon-Fri 09:00-17:00,
Dutch public holidays) and ``wide`` (long weekdays, an overnight Saturday window and a
Sunday window across the 02:00-03:00 DST change). Targets are random whole minutes, and
whether pauses hold them is random (usually the same for both priorities). Random
tickets, opened near the 2026 DST changes, Easter, King's Day, Christmas or in an
ordinary week, get responses, workarounds, resolutions, closes, reopens
(``on_reopen="continue"``), pauses (a quarter of them from the opening) and resumes and
priority changes (``keep_elapsed``), all on whole minutes, sometimes at equal times,
given in UTC or in Amsterdam time. Every evaluation passes an explicit ``at``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

import clock_oracle
from clock_oracle import ClockContract, ClockTarget, ClockTicket, Expected
from oracle import DAY_MINUTES, CalendarSpec, HolidaySpec, instant, local, minute_of
from slacalc import Calendar, ClockPolicy, Contract, Holidays, Priority, Status, Target
from slacalc._clock.report import TargetReport, TicketReport
from slacalc._clock.ticket import Event, Ticket

ZONE = "Europe/Amsterdam"
PRIORITIES = ("P1", "P2")
METRICS = ("response", "resolution")

OFFICE_WEEK = (("09:00-17:00",),) * 5 + ((), ())
WIDE_WEEK = (
    *(("07:00-22:00",),) * 5,
    ("08:00-12:00", "22:00-06:00"),  # Saturday: into Sunday night, across the DST change
    ("01:00-04:00", "12:00-18:00"),  # Sunday: 02:00-03:00 is skipped or repeated
)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _calendar(week: tuple[tuple[str, ...], ...], holidays: bool) -> tuple[Calendar, CalendarSpec]:
    engine = Calendar(
        tz=ZONE,
        hours={DAYS[i]: list(ws) for i, ws in enumerate(week) if ws},
        holidays=Holidays(country="NL") if holidays else None,
    )
    spec = CalendarSpec(ZONE, week, HolidaySpec("NL") if holidays else None)
    return engine, spec


CALENDARS = {"office": _calendar(OFFICE_WEEK, True), "wide": _calendar(WIDE_WEEK, False)}

# Tickets open within a week after an anchor (UTC); the oracle looks at [anchor - 1 day,
# anchor + 8 weeks), enough for every projection of a target of at most 3 days.
ANCHORS = tuple(
    minute_of(datetime(*ymd, tzinfo=timezone.utc))
    for ymd in (
        (2026, 3, 26),  # the spring DST change (Sunday 29 March), then Easter (5-6 April)
        (2026, 10, 22),  # the autumn DST change (Sunday 25 October)
        (2026, 6, 8),  # an ordinary week
        (2026, 12, 21),  # Christmas
        (2026, 4, 23),  # King's Day (27 April)
    )
)
OPEN_SPAN = 6 * DAY_MINUTES  # opened_at lies in [anchor, anchor + OPEN_SPAN]
HORIZON = 56 * DAY_MINUTES
MAX_TARGET = 3 * DAY_MINUTES
MAX_GAP = 3 * DAY_MINUTES

# Events a ticket may get; "resumed" only while paused (else it is a TicketError).
EVENT_KINDS = (
    "responded",
    "workaround",
    "resolved",
    "closed",
    "reopened",
    "reopened",
    "paused",
    "resumed",
    "resumed",
    "priority_changed",
    "priority_changed",
    "root_cause_identified",
)


# -- building contracts and tickets -------------------------------------------------------------
def within_minutes() -> st.SearchStrategy[int]:
    """Target lengths: short, a day or so, up to three days; now and then zero."""
    return st.one_of(
        st.integers(1, 120),
        st.integers(1, 16 * 60),
        st.integers(1, MAX_TARGET),
        # whole hours and whole windows (due at a window's end), now and then zero
        st.integers(0, 19).map(lambda n: 0 if n == 0 else 60 * n),
        st.sampled_from((0, 180, 240, 480, 900, 960, 1380, 1440, 1800, 2400)),
    )


Terms = dict[tuple[str, str], tuple[str, int, bool]]


@st.composite
def contracts(draw: st.DrawFn, pausable: bool | None = None) -> Terms:
    """Per (priority, metric): a calendar key, a target in minutes and whether pauses hold
    the clock (usually the same for both priorities, now and then not)."""
    same = draw(st.integers(0, 3)) > 0
    flags = {m: draw(st.booleans()) for m in METRICS}
    return {
        (p, m): (
            draw(st.sampled_from(sorted(CALENDARS))),
            draw(within_minutes()),
            pausable if pausable is not None else flags[m] if same else draw(st.booleans()),
        )
        for p in PRIORITIES
        for m in METRICS
    }


# The resolution clock of VIOMS and Connexys starts when the response clock stops.
AFTER_RESPONSE = clock_oracle.STOPS_ON["response"]


def build_contract(
    terms: Terms, anchor: int, after_response: bool = False
) -> tuple[Contract, ClockContract]:
    """The engine's contract (public models only) and the oracle's, for the same terms;
    ``after_response`` starts resolution on the response's stop events."""
    starts = {"resolution": AFTER_RESPONSE} if after_response else {}
    contract = Contract(
        id="test/clock",
        calendars={key: engine for key, (engine, _) in CALENDARS.items()},
        priorities=[Priority(id=p) for p in PRIORITIES],
        targets=[
            Target(
                metric=m,
                priority=p,
                within=timedelta(minutes=within),
                calendar=key,
                pausable=pausable,
                starts_on=starts.get(m, ()),
            )
            for (p, m), (key, within, pausable) in terms.items()
        ],
        clock=ClockPolicy(on_priority_change="keep_elapsed", on_reopen="continue"),
    )
    model = ClockContract(
        targets={
            slot: ClockTarget(within, CALENDARS[key][1], pausable)
            for slot, (key, within, pausable) in terms.items()
        },
        lo=anchor - DAY_MINUTES,
        hi=anchor + HORIZON,
        starts_on=starts,
    )
    return contract, model


@st.composite
def moments(draw: st.DrawFn, minute: int) -> datetime:
    """A minute as an aware datetime: in UTC or in Amsterdam time (fold set on repeats)."""
    return local(minute, ZONE) if draw(st.booleans()) else instant(minute)


def gaps(distinct: bool) -> st.SearchStrategy[int]:
    low = 1 if distinct else 0
    return st.one_of(
        st.integers(low, 90), st.integers(low, 12 * 60), st.integers(low, MAX_GAP), st.just(low)
    )


@st.composite
def event_lists(
    draw: st.DrawFn, opened: int, distinct: bool = False
) -> list[tuple[int, str, str | None]]:
    """Valid events in time order: ``resumed`` only while paused. A quarter of the
    tickets wait on the customer from the start (a pause at the opening)."""
    events: list[tuple[int, str, str | None]] = []
    now = opened
    paused = draw(st.integers(0, 3)) == 3
    if paused:
        events.append((opened, "paused", None))
    for _ in range(draw(st.integers(0, 8))):
        now += draw(gaps(distinct))
        kind = draw(st.sampled_from(EVENT_KINDS))
        if kind == "resumed" and not paused:
            kind = "paused"
        if kind == "paused":
            paused = True
        elif kind == "resumed":
            paused = False
        priority = draw(st.sampled_from(PRIORITIES)) if kind == "priority_changed" else None
        events.append((now, kind, priority))
    return events


def to_ticket(facts: ClockTicket, stamps: list[datetime], opened_at: datetime) -> Ticket:
    return Ticket(
        id="T-1",
        priority=facts.priority,
        opened_at=opened_at,
        events=[
            Event(at=stamp, kind=kind, priority=priority)
            for (_, kind, priority), stamp in zip(facts.events, stamps, strict=True)
        ],
    )


@st.composite
def tickets(draw: st.DrawFn, anchor: int, distinct: bool = False) -> tuple[Ticket, ClockTicket]:
    opened = anchor + draw(
        st.one_of(st.integers(0, OPEN_SPAN), st.integers(0, 12).map(lambda n: n * 720))
    )
    facts = ClockTicket(
        priority=draw(st.sampled_from(PRIORITIES)),
        opened=opened,
        events=tuple(draw(event_lists(opened, distinct))),
    )
    stamps = [draw(moments(minute)) for minute, _, _ in facts.events]
    return to_ticket(facts, stamps, draw(moments(opened))), facts


def last_minute(facts: ClockTicket) -> int:
    return max([facts.opened, *(minute for minute, _, _ in facts.events)])


def ats(facts: ClockTicket) -> st.SearchStrategy[int]:
    """An ``at``: mostly among and after the events, now and then before the opening."""
    lo, hi = facts.opened, last_minute(facts) + 2 * DAY_MINUTES
    event_minutes = [minute for minute, _, _ in facts.events] or [facts.opened]
    return st.integers(0, 19).flatmap(
        lambda n: (
            st.integers(lo - 120, lo)
            if n == 7
            else st.sampled_from(event_minutes)
            if n > 14
            else st.integers(lo, hi)
        )
    )


@st.composite
def cases(
    draw: st.DrawFn, distinct: bool = False
) -> tuple[Contract, ClockContract, Ticket, ClockTicket]:
    anchor = draw(st.sampled_from(ANCHORS))
    terms = draw(contracts())
    contract, model = build_contract(terms, anchor, draw(st.booleans()))
    ticket, facts = draw(tickets(anchor, distinct))
    return contract, model, ticket, facts


# -- comparing ----------------------------------------------------------------------------------
def minutes(value: timedelta) -> int:
    assert value % timedelta(minutes=1) == timedelta(0), value
    return value // timedelta(minutes=1)


def observed(report: TargetReport) -> Expected:
    """The engine's report in the oracle's terms (minutes)."""

    def at_minute(value: datetime | None) -> int | None:
        return None if value is None else minute_of(value)

    assert report.target is not None
    assert report.remaining is not None
    return Expected(
        status=report.status.value,
        target=minutes(report.target),
        elapsed=minutes(report.elapsed),
        paused=minutes(report.paused),
        remaining=minutes(report.remaining),
        due_at=at_minute(report.due_at),
        breach_at=at_minute(report.breach_at),
        started_at=at_minute(report.started_at),
        stopped_at=at_minute(report.stopped_at),
    )


def evaluate(contract: Contract, ticket: Ticket, at: int, zone: bool = False) -> TicketReport:
    """Evaluate as of the minute ``at`` (given in UTC, or in Amsterdam time)."""
    return contract.evaluate(ticket, at=local(at, ZONE) if zone else instant(at))


# -- the properties -----------------------------------------------------------------------------
@given(case=cases(), data=st.data())
def test_engine_matches_the_oracle(case, data) -> None:
    """Property 1: status, target, elapsed, paused, due_at, breach_at (and remaining,
    started_at, stopped_at) equal the minute-by-minute simulation."""
    contract, model, ticket, facts = case
    at = data.draw(ats(facts), label="at")
    report = evaluate(contract, ticket, at, zone=data.draw(st.booleans(), label="local at"))
    assert sorted(report.targets) == sorted(METRICS)
    for metric in METRICS:
        expected = clock_oracle.evaluate(model, facts, metric, at)
        assert observed(report.targets[metric]) == expected, metric


@st.composite
def pause_cases(draw: st.DrawFn) -> tuple[Contract, int, str, bool]:
    """Pausable targets, an opening minute and priority, and whether ``at`` is given in
    Amsterdam time."""
    anchor = draw(st.sampled_from(ANCHORS))
    contract, _ = build_contract(draw(contracts(pausable=True)), anchor)
    opened = anchor + draw(st.integers(0, OPEN_SPAN))
    return contract, opened, draw(st.sampled_from(PRIORITIES)), draw(st.booleans())


@given(case=pause_cases(), data=st.data())
def test_a_pause_delays_the_due_instant_by_its_open_time(case, data) -> None:
    """Property 2: on a pausable target, a pause of p open time that lies before the due
    instant moves the due instant p of open time later. The pause [start, end) begins at
    or after the opening and ends at or before the due instant without it."""
    contract, opened, priority, zone = case
    plain = Ticket(id="T-2", priority=priority, opened_at=instant(opened))
    before = evaluate(contract, plain, opened)
    due_without = {m: minute_of(before.targets[m].due_at) for m in METRICS}
    start = data.draw(st.integers(opened, max(due_without.values())), label="pause start")
    end = data.draw(
        st.one_of(st.integers(start, max(due_without.values())), st.just(start + 1)),
        label="pause end",
    )
    at = data.draw(st.integers(end, end + MAX_GAP), label="at")
    paused = Ticket(
        id="T-2",
        priority=priority,
        opened_at=instant(opened),
        events=[
            Event(at=local(start, ZONE), kind="paused"),
            Event(at=instant(end), kind="resumed"),
        ],
    )
    without = evaluate(contract, plain, at, zone)
    with_pause = evaluate(contract, paused, at, zone)
    checked = 0
    for metric in METRICS:
        if end > due_without[metric]:
            continue  # the pause does not lie before this target's due instant
        checked += 1
        calendar = contract.calendar_for(priority, metric)
        p = calendar.between(instant(start), instant(end))
        got = with_pause.targets[metric]
        old_due = without.targets[metric].due_at
        assert old_due is not None
        assert got.due_at is not None
        assert minute_of(old_due) == due_without[metric], metric  # independent of at
        assert got.paused == p, metric
        assert got.due_at == calendar.add(old_due, p), metric
        assert calendar.between(old_due, got.due_at) == p, metric
    assert checked or end == start + 1


@given(case=cases(), data=st.data())
def test_elapsed_never_decreases_as_at_grows(case, data) -> None:
    """Property 3: for one ticket and at1 <= at2, elapsed (and paused) at at1 <= at at2."""
    contract, _, ticket, facts = case
    at1, at2 = sorted((data.draw(ats(facts), label="at"), data.draw(ats(facts), label="at")))
    early = evaluate(contract, ticket, at1)
    late = evaluate(contract, ticket, at2, zone=True)
    for metric in METRICS:
        assert early.targets[metric].elapsed <= late.targets[metric].elapsed, metric
        assert early.targets[metric].paused <= late.targets[metric].paused, metric


@given(case=cases(), data=st.data())
def test_a_running_clock_is_breached_iff_at_is_past_breach_at(case, data) -> None:
    """Property 4: while the clock runs (not stopped), BREACHED iff at > breach_at."""
    contract, _, ticket, facts = case
    at = data.draw(ats(facts), label="at")
    report = evaluate(contract, ticket, at)
    for metric in METRICS:
        r = report.targets[metric]
        if r.stopped_at is not None or r.status in (Status.NOT_STARTED, Status.NO_TARGET):
            continue
        assert r.status in (Status.RUNNING, Status.PAUSED, Status.BREACHED), metric
        assert r.breach_at is not None
        assert (r.status is Status.BREACHED) == (instant(at) > r.breach_at), metric


@given(case=cases(distinct=True), data=st.data())
def test_the_order_of_listing_does_not_matter(case, data) -> None:
    """Property 5: events at distinct times may be listed in any order."""
    contract, _, ticket, facts = case
    at = data.draw(ats(facts), label="at")
    order = data.draw(st.permutations(range(len(ticket.events))), label="order")
    shuffled = Ticket(
        id=ticket.id,
        priority=ticket.priority,
        opened_at=ticket.opened_at,
        events=[ticket.events[i] for i in order],
    )
    assert evaluate(contract, shuffled, at) == evaluate(contract, ticket, at)


def test_the_oracle_on_worked_examples() -> None:
    """The oracle (and the engine) on SPEC's examples: 09:00 + 8 h is 17:00 that day and
    breaches at the next opening; Monday 16:00 + 8 h is Tuesday 16:00."""
    monday = datetime(2026, 11, 23, tzinfo=timezone.utc)  # 09:00 Amsterdam is 08:00 UTC
    anchor = minute_of(monday)
    terms = {(p, m): ("office", 480, True) for p in PRIORITIES for m in METRICS}
    contract, model = build_contract(terms, anchor)
    hour = 60
    for opened, due, breach in (
        (8 * hour, 16 * hour, DAY_MINUTES + 8 * hour),
        (15 * hour, DAY_MINUTES + 15 * hour, DAY_MINUTES + 15 * hour),
    ):
        facts = ClockTicket("P1", anchor + opened, ((anchor + opened + 30, "responded", None),))
        at = anchor + opened + 60
        expected = clock_oracle.evaluate(model, facts, "resolution", at)
        assert (expected.due_at, expected.breach_at) == (anchor + due, anchor + breach)
        assert expected.status == clock_oracle.RUNNING
        assert expected.elapsed == 60
        response = clock_oracle.evaluate(model, facts, "response", at)
        assert (response.status, response.elapsed, response.stopped_at) == (
            clock_oracle.MET,
            30,
            anchor + opened + 30,
        )
        ticket = to_ticket(facts, [instant(anchor + opened + 30)], instant(anchor + opened))
        report = evaluate(contract, ticket, at)
        assert observed(report.targets["resolution"]) == expected
        assert observed(report.targets["response"]) == response


def test_a_zero_target_paused_from_the_opening_is_due_at_the_opening() -> None:
    """A zero target is reached the moment its clock starts: nothing needs to pass (SPEC 1
    rule 5, ``add(t, 0) == t``; docs/evaluation.md: ``due_at`` is the earliest instant at
    which the open time counted reached the target). So it is due at the opening, also
    when a pause holds the clock from the opening on, as it is without the pause."""
    anchor = minute_of(datetime(2026, 3, 26, tzinfo=timezone.utc))
    terms = {(p, m): ("office", 0, True) for p in PRIORITIES for m in METRICS}
    contract, model = build_contract(terms, anchor)
    opened = anchor + 8 * 60  # Thursday 26 March 2026, 09:00 in Amsterdam
    at = opened + 60
    for facts in (
        ClockTicket("P1", opened, ()),
        ClockTicket("P1", opened, ((opened, "paused", None),)),
    ):
        ticket = to_ticket(facts, [instant(opened) for _ in facts.events], instant(opened))
        expected = clock_oracle.evaluate(model, facts, "resolution", at)
        assert expected.due_at == opened
        assert observed(evaluate(contract, ticket, at).targets["resolution"]) == expected
