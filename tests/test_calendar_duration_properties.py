"""Property tests: ``WorkingDays`` and ``CalendarTime`` against a brute-force oracle.

SPEC 1, rule 7 (``add(t, WorkingDays(n))``) and rule 8 (``add``/``subtract`` of
``CalendarTime``) are compared with :mod:`oracle_durations`, which builds on the
minute-resolution :mod:`oracle`. The random calendars, anchors (DST changes, Dutch
holidays, the turn of a UTC year, the ends of the supported range) and instants are those
of :mod:`test_calendar_properties`; instants here may carry seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from functools import partial
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import event, given, note, settings
from hypothesis import strategies as st

from oracle import (
    DAY_MINUTES,
    CalendarSpec,
    Combination,
    HolidaySpec,
    OutOfRangeError,
    Spec,
    minute_of,
    occurrences,
    wall_of_date,
)
from oracle_durations import (
    WorkingDaysOracle,
    calendar_time,
    instant_s,
    naive_wall,
    resolve_second,
    second_of,
    wall_of_naive,
    wall_second,
    working_days,
)
from slacalc import Calendar, CalendarError, CalendarTime, WorkingDays
from test_calendar_properties import (
    ANCHORS,
    BEFORE,
    INTERESTING_TIMES,
    ZONES,
    calendar_specs,
    clock,
    dst_windows,
    holiday_specs,
    input_zones,
    instants_near,
    micro_instants,
    minute_of_floor,
    specs,
    to_calendar,
    utc,
)

# The oracle's ranges, tried in turn: [anchor - BEFORE, anchor + hi) for each hi. Six
# working days of a calendar open one weekday, past a few holidays, fit in the widest.
RANGES = (21 * DAY_MINUTES, 70 * DAY_MINUTES)
# SPEC 1, rule 9 promises instants from 1970 to 2100; outside, CalendarError is allowed.
PROMISED = (datetime(1970, 1, 2, tzinfo=timezone.utc), datetime(2100, 12, 30, tzinfo=timezone.utc))


def ranges(centre: int) -> tuple[int, tuple[int, ...]]:
    return centre - BEFORE, tuple(centre + after for after in RANGES)


def as_input(second: int, zone: str) -> datetime:
    """An aware datetime for a UTC second, in a zone the test picks (fold set on repeats)."""
    return instant_s(second).astimezone(ZoneInfo(zone))


def promised(*seconds: int) -> bool:
    return all(PROMISED[0] <= instant_s(second) < PROMISED[1] for second in seconds)


def assert_instant(got: datetime, second: int, zone: str) -> None:
    """``got`` is ``second``, as an aware datetime in ``zone`` with the right fold."""
    assert got.tzinfo is not None
    assert getattr(got.tzinfo, "key", None) == zone, (got, zone)
    assert utc(got) == instant_s(second), (got.isoformat(), as_input(second, zone).isoformat())
    want = as_input(second, zone)
    assert (got.replace(tzinfo=None), got.fold) == (want.replace(tzinfo=None), want.fold)


def check(call: Callable[[], datetime], second: int, zone: str, *inputs: int) -> None:
    """``call()`` gives ``second`` in ``zone``; outside the promised range it may instead
    raise ``CalendarError``."""
    if promised(second, *inputs):
        got = call()
    else:
        try:
            got = call()
        except CalendarError:
            return
    assert_instant(got, second, zone)


# -- strategies -----------------------------------------------------------------------------
@st.composite
def office_specs(draw: st.DrawFn, anchor: datetime, zone_hint: str) -> CalendarSpec:
    """Plain calendars whose days differ in short hours (so that the candidate often
    falls after a day's last closing or before its first opening), sometimes overnight,
    with Dutch holidays and a DST-day override."""
    zone = draw(st.one_of(st.just(zone_hint), st.sampled_from(ZONES)))
    starts = st.one_of(st.sampled_from(INTERESTING_TIMES), st.integers(0, DAY_MINUTES - 1))
    lengths = st.one_of(st.sampled_from((60, 240, 480, 600)), st.integers(15, 14 * 60))
    window = st.one_of(
        st.tuples(starts, lengths).map(
            lambda sl: f"{clock(sl[0])}-{clock((sl[0] + sl[1]) % DAY_MINUTES)}"
        ),
        # overnight into the DST hours, and early ones that the previous night overlaps
        st.tuples(st.integers(17 * 60, DAY_MINUTES - 1), st.integers(60, 10 * 60)).map(
            lambda se: f"{clock(se[0])}-{clock(se[1])}"
        ),
        st.tuples(st.integers(0, 9 * 60), lengths).map(
            lambda sl: f"{clock(sl[0])}-{clock(sl[0] + sl[1])}"
        ),
    )
    day_hours = st.one_of(st.just(()), st.lists(window, min_size=1, max_size=2).map(tuple))
    hours = tuple(draw(day_hours) for _ in range(7))
    if not any(hours):
        hours = ((draw(window),), *hours[1:])
    holidays = draw(st.one_of(st.none(), holiday_specs(anchor.date())))
    overrides: tuple[tuple[date, tuple[str, ...]], ...] = ()
    if draw(st.booleans()):
        anchor_day = anchor.astimezone(ZoneInfo(zone)).date()
        overrides = ((anchor_day, tuple(draw(st.lists(dst_windows(), max_size=2)))),)
    return CalendarSpec(zone, hours, holidays, overrides)


@st.composite
def night_specs(draw: st.DrawFn, zone: str) -> CalendarSpec:
    """Plain calendars open through the DST hours (01:00-03:00) on most days, often in
    a night's window and the next day's early one at once."""
    starts = st.one_of(st.integers(0, 90), st.integers(18 * 60, DAY_MINUTES - 1))
    window = st.tuples(starts, st.integers(150, 480)).map(
        lambda se: f"{clock(se[0])}-{clock(se[1])}"
    )
    day_hours = st.one_of(st.just(()), st.lists(window, min_size=1, max_size=2).map(tuple))
    hours = tuple(draw(day_hours) for _ in range(7))
    return CalendarSpec(zone, hours if any(hours) else (("00:00-24:00",),) * 7)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Spec, int]:
    """A calendar near an anchor, and the anchor in UTC minutes: often a plain calendar
    (with short hours that differ by day, or open at night), else any shape of
    :mod:`test_calendar_properties` (unions, intersections, complements, 24x7)."""
    anchor, zone_hint = draw(st.sampled_from(ANCHORS))
    shapes = (
        office_specs(anchor, zone_hint),
        calendar_specs(anchor, zone_hint),
        specs(anchor, zone_hint),
        night_specs(zone_hint),
    )
    return draw(st.one_of(shapes)), minute_of(anchor)


DST_ANCHORS = [(a, zone) for a, zone in ANCHORS if a.year == 2026 and zone in ZONES[:3]]


@st.composite
def night_scenarios(draw: st.DrawFn) -> tuple[Spec, int]:
    """A calendar open at night near a DST change (in its zone), and the change."""
    anchor, zone = draw(st.sampled_from(DST_ANCHORS))
    return draw(night_specs(zone)), minute_of(anchor)


@st.composite
def zone_scenarios(draw: st.DrawFn) -> tuple[Spec, int]:
    """A cheap calendar for rule 8, which ignores the windows: only the zone matters (the
    left operand's, for a combined calendar)."""
    anchor, zone_hint = draw(st.sampled_from(ANCHORS))
    zones = st.one_of(st.just(zone_hint), st.sampled_from(ZONES))
    office = (("09:00-17:00",),) * 5 + ((), ())
    spec: Spec = CalendarSpec(draw(zones), office)
    shape = draw(st.sampled_from(("plain", "plain", "union", "complement")))
    if shape == "union":
        spec = Combination("union", (spec, CalendarSpec(draw(zones), office)))
    elif shape == "complement":
        spec = Combination("complement", (spec,))
    return spec, minute_of(anchor)


def seconds_near(centre: int) -> st.SearchStrategy[int]:
    """UTC seconds within a few days of the anchor, often on a whole minute."""
    return st.tuples(instants_near(centre), st.one_of(st.just(0), st.integers(1, 59))).map(
        lambda ms: ms[0] * 60 + ms[1]
    )


def calendar_times() -> st.SearchStrategy[CalendarTime]:
    def part(most: int) -> st.SearchStrategy[int]:
        return st.one_of(st.just(0), st.just(0), st.integers(1, 3), st.integers(0, most))

    return st.builds(CalendarTime, hours=part(80), days=part(40), weeks=part(8), months=part(14))


# Wall clock seconds after midnight: in and around the DST gaps and folds and midnight.
AIMED_TIMES = st.one_of(
    st.sampled_from(INTERESTING_TIMES).map(lambda m: m * 60),
    st.integers(55 * 60, 185 * 60),
    st.integers(0, DAY_MINUTES * 60 - 1),
)


def at_wall(draw: st.DrawFn, zone: str, wall: int) -> int:
    """A UTC second at which ``zone``'s clock shows ``wall``: either occurrence of a
    repeated time, the jump of a skipped one."""
    found = occurrences(zone, wall // 60)
    if len(found) > 1:
        return draw(st.sampled_from(found)) * 60 + wall % 60
    return resolve_second(zone, wall)


@st.composite
def calendar_time_starts(
    draw: st.DrawFn, zone: str, centre: int, step: CalendarTime, sign: int
) -> int:
    """Instants (UTC seconds) to step by ``sign * step``: near the anchor, aimed so that
    the date step lands on the anchor's date near a DST change, or at a month's end."""
    kind = draw(st.sampled_from(("near", "aimed", "aimed", "month end")))
    if kind == "near":
        return draw(seconds_near(centre))
    anchor_day = naive_wall(wall_second(zone, centre * 60)).date()
    if kind == "aimed":
        landing = datetime.combine(anchor_day, datetime.min.time())
        landing += timedelta(seconds=draw(AIMED_TIMES))
        dates = relativedelta(months=step.months, weeks=step.weeks, days=step.days)
        start = landing - dates if sign > 0 else landing + dates
        return at_wall(draw, zone, wall_of_naive(start))
    month = anchor_day.replace(day=1) + relativedelta(months=draw(st.integers(-3, 2)))
    last = (month + relativedelta(months=1, days=-1)).day
    day = month.replace(day=draw(st.integers(min(28, last), last)))
    start = datetime.combine(day, datetime.min.time()) + timedelta(seconds=draw(AIMED_TIMES))
    return at_wall(draw, zone, wall_of_naive(start))


def working_day_queries(
    data: st.DataObject, spec: Spec, centre: int, kinds: tuple[str, ...]
) -> tuple[int, int]:
    """A start (UTC seconds) and a number of working days. The start lies near the
    anchor (``"near"``), or inside an open stretch there (``"open"``: so often in the
    overlap of windows), or at a wall time in 00:55-03:05 a few days before the anchor's
    date (``"aimed"``), with the number of working days that lands the candidate on that
    date (in its DST change, when the anchor is one)."""
    n = data.draw(st.integers(0, 6))
    kind = data.draw(st.sampled_from(kinds))
    near = WorkingDaysOracle(spec, centre - BEFORE, centre + RANGES[0])  # cached minutes
    if kind == "aimed":
        anchor_day = naive_wall(wall_second(spec.zone, centre * 60)).date()
        day = anchor_day - timedelta(days=data.draw(st.integers(1, 3)))
        wall = datetime.combine(day, datetime.min.time())
        wall += timedelta(seconds=data.draw(st.integers(55 * 60, 185 * 60)))
        t = at_wall(data.draw, spec.zone, wall_of_naive(wall))
        try:
            s = near.next_open(t)
            home = near.home_date(s)
            offset = wall_second(spec.zone, s) // 60 - wall_of_date(home)
            target = anchor_day - timedelta(days=offset // DAY_MINUTES)
            if home < target and near.is_working_day(target):
                days = (home + timedelta(days=k) for k in range(1, (target - home).days + 1))
                n = sum(near.is_working_day(day) for day in days)
        except OutOfRangeError:
            pass
        return t, n
    t = data.draw(seconds_near(centre))
    if kind == "open":
        try:
            opening = near.minutes.next_open(t // 60)
            closing = near.minutes.next_close(t // 60)
        except OutOfRangeError:
            return t, n
        t = data.draw(st.integers(opening, closing - 1)) * 60 + t % 60
    return t, n


# -- rule 7: working days -------------------------------------------------------------------
def compare_working_days(
    spec: Spec,
    centre: int,
    data: st.DataObject,
    queries: int,
    kinds: tuple[str, ...] = ("near", "open", "aimed"),
) -> None:
    """The engine's ``add(t, WorkingDays(n))`` is the oracle's, for a few queries."""
    calendar = to_calendar(spec)
    lo, his = ranges(centre)
    for _ in range(queries):
        t, n = working_day_queries(data, spec, centre, kinds)
        expected, branch = working_days(spec, lo, t, n, his)
        kind = "plain" if isinstance(spec, CalendarSpec) else "combined"
        event(f"working days, {kind} calendar: {branch}")
        if expected is None:  # too few working days near the anchor
            continue
        start = as_input(t, data.draw(input_zones))
        note(f"add({start.isoformat()}, WorkingDays({n})): {as_input(expected, spec.zone)}")
        check(partial(calendar.add, start, WorkingDays(n)), expected, spec.zone, t)


@settings(max_examples=100)
@given(scenarios(), st.data())
def test_working_days_agree_with_oracle(scenario: tuple[Spec, int], data: st.DataObject):
    spec, centre = scenario
    compare_working_days(spec, centre, data, data.draw(st.integers(1, 6)))


@settings(max_examples=100)
@given(night_scenarios(), st.data())
def test_working_days_agree_with_oracle_at_night(scenario: tuple[Spec, int], data: st.DataObject):
    """Calendars open at night, near DST changes: starts in the overlap of a night's
    window and the next day's, candidates in a DST gap or fold."""
    spec, centre = scenario
    compare_working_days(spec, centre, data, 4, ("open", "aimed", "aimed"))


@settings(max_examples=75)
@given(st.one_of(scenarios(), night_scenarios()), st.data())
def test_working_days_are_monotone_in_n(scenario: tuple[Spec, int], data: st.DataObject):
    spec, centre = scenario
    calendar = to_calendar(spec)
    lo, his = ranges(centre)
    for _ in range(3):
        floor, _ = working_day_queries(data, spec, centre, ("near", "open", "open", "aimed"))
        floor -= floor % 60
        micro = timedelta(microseconds=data.draw(st.integers(0, 60 * 10**6 - 1)))
        t = (instant_s(floor) + micro).astimezone(ZoneInfo(data.draw(input_zones)))
        # Only where the oracle finds six working days: else the engine would search to
        # 2100. t's minute has the same next opening and home date as t itself.
        if working_days(spec, lo, floor, 6, his)[0] is None:
            continue
        try:
            dues = [utc(calendar.add(t, WorkingDays(n))) for n in range(7)]
        except CalendarError:  # only allowed beyond the promised range
            assert not promised(floor, floor + RANGES[-1] * 60)
            continue
        note(f"t = {t.isoformat()}")
        assert dues == sorted(dues), [due.isoformat() for due in dues]


@settings(max_examples=50)
@given(scenarios(), st.data())
def test_zero_working_days_is_next_open(scenario: tuple[Spec, int], data: st.DataObject):
    spec, centre = scenario
    calendar = to_calendar(spec)
    lo, his = ranges(centre)
    for _ in range(data.draw(st.integers(1, 4))):
        t = data.draw(micro_instants(centre))
        if working_days(spec, lo, minute_of_floor(t) * 60, 0, his)[0] is None:
            continue  # never open near the anchor
        got, want = calendar.add(t, WorkingDays(0)), calendar.next_open(t)
        assert utc(got) == utc(want)
        assert getattr(got.tzinfo, "key", None) == spec.zone
        assert (got.replace(tzinfo=None), got.fold) == (want.replace(tzinfo=None), want.fold)


# -- rule 8: calendar time ------------------------------------------------------------------
@settings(max_examples=200)
@given(zone_scenarios(), calendar_times(), st.data())
def test_calendar_time_add_agrees_with_oracle(
    scenario: tuple[Spec, int], step: CalendarTime, data: st.DataObject
):
    spec, centre = scenario
    calendar = to_calendar(spec)
    t = data.draw(calendar_time_starts(spec.zone, centre, step, +1))
    expected = calendar_time(
        spec.zone, t, hours=step.hours, days=step.days, weeks=step.weeks, months=step.months
    )
    start = as_input(t, data.draw(input_zones))
    note(f"add({start.isoformat()}, {step!r}): {as_input(expected, spec.zone).isoformat()}")
    check(partial(calendar.add, start, step), expected, spec.zone, t)


@settings(max_examples=200)
@given(zone_scenarios(), calendar_times(), st.data())
def test_calendar_time_subtract_agrees_with_oracle(
    scenario: tuple[Spec, int], step: CalendarTime, data: st.DataObject
):
    spec, centre = scenario
    calendar = to_calendar(spec)
    t = data.draw(calendar_time_starts(spec.zone, centre, step, -1))
    expected = calendar_time(
        spec.zone,
        t,
        hours=step.hours,
        days=step.days,
        weeks=step.weeks,
        months=step.months,
        sign=-1,
    )
    end = as_input(t, data.draw(input_zones))
    note(f"subtract({end.isoformat()}, {step!r}): {as_input(expected, spec.zone).isoformat()}")
    check(partial(calendar.subtract, end, step), expected, spec.zone, t)


@settings(max_examples=75)
@given(zone_scenarios(), st.integers(0, 80), st.data())
def test_hours_of_calendar_time_are_real_time(
    scenario: tuple[Spec, int], hours: int, data: st.DataObject
):
    spec, centre = scenario
    calendar = to_calendar(spec)
    t = data.draw(micro_instants(centre))
    step = CalendarTime(hours=hours)
    assert utc(calendar.add(t, step)) == utc(t) + timedelta(hours=hours)
    assert utc(calendar.subtract(t, step)) == utc(t) - timedelta(hours=hours)
    assert utc(calendar.subtract(calendar.add(t, step), step)) == utc(t)


# -- the oracle (and the engine) follow the SPEC's examples --------------------------------
AMS = "Europe/Amsterdam"


def ams(*fields: int, fold: int = 0) -> datetime:
    return datetime(*fields, tzinfo=ZoneInfo(AMS), fold=fold)  # type: ignore[misc]


def weekly(*days: tuple[str, ...], zone: str = AMS, **kwargs: object) -> CalendarSpec:
    hours = tuple(days) + ((),) * (7 - len(days))
    return CalendarSpec(zone, hours, **kwargs)  # type: ignore[arg-type]


RULE_7_EXAMPLES = [
    # name, calendar, t, n, due
    ("next day", weekly(*[("09:00-17:00",)] * 5), ams(2026, 11, 23, 10), 1, ams(2026, 11, 24, 10)),
    ("zero", weekly(*[("09:00-17:00",)] * 5), ams(2026, 11, 21, 10), 0, ams(2026, 11, 23, 9)),
    ("weekend", weekly(*[("09:00-17:00",)] * 5), ams(2026, 11, 20, 10), 1, ams(2026, 11, 23, 10)),
    ("closed t", weekly(*[("09:00-17:00",)] * 5), ams(2026, 11, 21, 10), 2, ams(2026, 11, 25, 9)),
    (
        "holiday",
        weekly(*[("09:00-17:00",)] * 5, holidays=HolidaySpec("NL")),
        ams(2026, 12, 24, 15),
        1,
        ams(2026, 12, 28, 15),
    ),
    (
        "after the last closing",
        weekly(("08:00-20:00",), ("08:00-17:00",)),
        ams(2026, 11, 23, 19),
        1,
        ams(2026, 11, 24, 17),
    ),
    (
        "before the first opening",
        weekly(("08:00-20:00",), ("10:00-17:00",)),
        ams(2026, 11, 23, 9),
        1,
        ams(2026, 11, 24, 10),
    ),
    (
        "between two windows",
        weekly(("08:00-20:00",), ("08:00-10:00", "14:00-17:00")),
        ams(2026, 11, 23, 12),
        1,
        ams(2026, 11, 24, 10),
    ),
    (  # an overnight 03:00 stays in the overnight window
        "overnight",
        weekly(*[("22:00-06:00",)] * 5),
        ams(2026, 11, 24, 3),
        1,
        ams(2026, 11, 25, 3),
    ),
    (  # Tuesday 07:00 lies in Monday's 22:00-08:00 and Tuesday's 06:00-18:00: Tuesday's
        # counts, so one working day on is Thursday (from Monday it would be Tuesday 18:00)
        "overlap: the window that started last",
        weekly(("22:00-08:00",), ("06:00-18:00",), (), ("06:00-18:00",)),
        ams(2026, 11, 24, 7),
        1,
        ams(2026, 11, 26, 7),
    ),
    (  # Saturday 02:30 + 1 day is in the gap of Sunday 29 March: it moves forward
        "gap",
        CalendarSpec(AMS, (("00:00-24:00",),) * 7),
        ams(2026, 3, 28, 2, 30),
        1,
        ams(2026, 3, 29, 3, 0),
    ),
    (  # Saturday 02:30 + 1 day is the repeated 02:30 of Sunday 25 October: the first one
        "fold",
        CalendarSpec(AMS, (("00:00-24:00",),) * 7),
        ams(2026, 10, 24, 2, 30),
        1,
        ams(2026, 10, 25, 2, 30),
    ),
]


@pytest.mark.parametrize(
    ("spec", "t", "n", "due"),
    [case[1:] for case in RULE_7_EXAMPLES],
    ids=[case[0] for case in RULE_7_EXAMPLES],
)
def test_working_days_examples(spec: Spec, t: datetime, n: int, due: datetime):
    centre = minute_of(t)
    oracle = WorkingDaysOracle(spec, centre - BEFORE, centre + 21 * DAY_MINUTES)
    assert oracle.add_working_days(second_of(t), n) == second_of(due)
    assert_instant(to_calendar(spec).add(t, WorkingDays(n)), second_of(due), spec.zone)


def test_working_days_up_to_the_last_working_day():
    """A calendar open on two dates only: one working day after the first is the second
    (the answer needs no working day after it)."""
    monday = weekly(("09:00-17:00",), zone="UTC")
    two_mondays = weekly(
        (),
        ("09:00-17:00",),
        zone="UTC",
        overrides=((date(2026, 11, 23), ("09:00-17:00",)), (date(2026, 11, 30), ("09:00-17:00",))),
    )
    spec = Combination("intersection", (monday, two_mondays))
    t = datetime(2026, 11, 23, 10, tzinfo=timezone.utc)
    due = datetime(2026, 11, 30, 10, tzinfo=timezone.utc)
    centre = minute_of(t)
    oracle = WorkingDaysOracle(spec, centre - BEFORE, centre + 21 * DAY_MINUTES)
    assert oracle.add_working_days(second_of(t), 1) == second_of(due)
    assert_instant(to_calendar(spec).add(t, WorkingDays(1)), second_of(due), "UTC")


def test_working_days_never_end_before_the_start():
    """Tuesday 05:00 lies in Monday's 20:00-08:00 window only, so D is Monday and D'
    Tuesday; the candidate, Wednesday 05:00, is closed and after Tuesday's first opening.
    Tuesday's last window ends at 02:00, before the start: literal rule 7 would be due then,
    earlier than add(t, WorkingDays(0)). docs/engine.md reads "the last closing" as where
    the calendar closes -- the open stretch holding that window runs on inside Monday's
    night window to 08:00 -- so one working day is Tuesday 08:00."""
    spec = weekly(("20:00-08:00",), ("00:00-02:00",), zone="UTC")
    t = datetime(2026, 11, 24, 5, tzinfo=timezone.utc)
    centre = minute_of(t)
    oracle = WorkingDaysOracle(spec, centre - BEFORE, centre + 21 * DAY_MINUTES)
    tuesday_8 = datetime(2026, 11, 24, 8, tzinfo=timezone.utc)
    assert oracle.add_working_days(second_of(t), 1) == second_of(tuesday_8)
    calendar = to_calendar(spec)
    dues = [utc(calendar.add(t, WorkingDays(n))) for n in range(3)]
    assert dues == [t, tuesday_8, datetime(2026, 12, 1, 5, tzinfo=timezone.utc)]


def test_working_days_are_monotone_in_n_example():
    """The same calendar a week on: from Tuesday 05:00, two working days (D' the next
    Monday) give the next Tuesday 05:00, inside Monday's night window; three (D' the next
    Tuesday) would give that Tuesday's last window end, 02:00 -- three hours earlier -- if
    "the last closing" were the window's end; read as where the calendar closes (08:00,
    docs/engine.md) the results rise with n."""
    spec = weekly(("20:00-08:00",), ("00:00-02:00",), zone="UTC")
    t = datetime(2026, 11, 24, 5, tzinfo=timezone.utc)
    calendar = to_calendar(spec)
    dues = [utc(calendar.add(t, WorkingDays(n))) for n in range(4)]
    assert dues == sorted(dues), [due.isoformat() for due in dues]


RULE_8_EXAMPLES = [
    # name, t, step, sign, result
    ("31 Jan + 1 month", ams(2026, 1, 31, 10), CalendarTime(months=1), 1, ams(2026, 2, 28, 10)),
    ("leap year", ams(2028, 1, 31, 10), CalendarTime(months=1), 1, ams(2028, 2, 29, 10)),
    ("31 Mar - 1 month", ams(2026, 3, 31, 10), CalendarTime(months=1), -1, ams(2026, 2, 28, 10)),
    ("gap", ams(2026, 3, 28, 2, 30), CalendarTime(days=1), 1, ams(2026, 3, 29, 3, 0)),
    ("fold: first", ams(2026, 10, 24, 2, 30), CalendarTime(days=1), 1, ams(2026, 10, 25, 2, 30)),
    (
        "fold, then hours",
        ams(2026, 10, 18, 2, 30),
        CalendarTime(weeks=1, hours=1),
        1,
        ams(2026, 10, 25, 2, 30, fold=1),
    ),
    (
        "hours only: the repeated hour stays",
        ams(2026, 10, 25, 2, 30, fold=1),
        CalendarTime(hours=0),
        1,
        ams(2026, 10, 25, 2, 30, fold=1),
    ),
    (
        "hours are real time",
        ams(2026, 3, 29, 1, 30),
        CalendarTime(hours=2),
        1,
        ams(2026, 3, 29, 4, 30),
    ),
    (
        "subtract: dates, then hours",
        ams(2026, 3, 30, 3, 30),
        CalendarTime(days=1, hours=1),
        -1,
        ams(2026, 3, 29, 1, 30),
    ),
]


@pytest.mark.parametrize(
    ("t", "step", "sign", "result"),
    [case[1:] for case in RULE_8_EXAMPLES],
    ids=[case[0] for case in RULE_8_EXAMPLES],
)
def test_calendar_time_examples(t: datetime, step: CalendarTime, sign: int, result: datetime):
    fields = {"hours": step.hours, "days": step.days, "weeks": step.weeks, "months": step.months}
    assert calendar_time(AMS, second_of(t), sign=sign, **fields) == second_of(result)
    calendar = Calendar.always(tz=AMS)
    got = calendar.add(t, step) if sign > 0 else calendar.subtract(t, step)
    assert_instant(got, second_of(result), AMS)
