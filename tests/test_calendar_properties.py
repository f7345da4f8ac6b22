"""Property tests: the calendar engine against the brute-force oracle (SPEC section 1).

Random calendars (1-3 windows a weekday, overnight ones, ``24:00`` ends, Dutch holidays,
``extra`` dates, overrides; five zones including Lord Howe's 30-minute DST) and their
unions, intersections and complements are asked the same questions as
:mod:`oracle`, at instants near DST transitions. Instants and durations are whole
minutes where the oracle answers; the engine-only laws (between/add/subtract, additivity)
use microseconds.
"""

from __future__ import annotations

import functools
import operator
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oracle import (
    DAY_MINUTES,
    WEEKDAY_NAMES,
    CalendarSpec,
    Combination,
    HolidaySpec,
    Oracle,
    OutOfRangeError,
    Spec,
    instant,
    minute_of,
    open_minutes,
    resolve,
    runs,
    wall_of_date,
)
from slacalc import Calendar, CalendarError, Holidays, InvalidIntervalError

ZONES = ("Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "UTC", "Asia/Kolkata")

# (an interesting UTC instant, the zone it is interesting for): DST transitions, the turn
# of the year (a UTC-year boundary inside a week of Dutch holidays) and Dutch holidays.
ANCHORS = (
    (datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc), "Europe/Amsterdam"),
    (datetime(2026, 10, 25, 1, 0, tzinfo=timezone.utc), "Europe/Amsterdam"),
    (datetime(2026, 3, 8, 7, 0, tzinfo=timezone.utc), "America/New_York"),
    (datetime(2026, 11, 1, 6, 0, tzinfo=timezone.utc), "America/New_York"),
    (datetime(2026, 4, 4, 15, 0, tzinfo=timezone.utc), "Australia/Lord_Howe"),
    (datetime(2026, 10, 3, 15, 30, tzinfo=timezone.utc), "Australia/Lord_Howe"),
    (datetime(2026, 12, 31, 23, 0, tzinfo=timezone.utc), "Asia/Kolkata"),
    (datetime(2026, 5, 4, 12, 0, tzinfo=timezone.utc), "UTC"),
    # The ends of the supported range (SPEC 1, rule 9: any instant from 1970 to 2100).
    (datetime(1970, 1, 1, 3, 0, tzinfo=timezone.utc), "Asia/Kolkata"),
    (datetime(1970, 4, 26, 7, 0, tzinfo=timezone.utc), "America/New_York"),
    (datetime(2100, 10, 31, 1, 0, tzinfo=timezone.utc), "Europe/Amsterdam"),
    (datetime(2100, 12, 31, 12, 0, tzinfo=timezone.utc), "Australia/Lord_Howe"),
)
BEFORE = 4 * DAY_MINUTES  # the oracle's range: [anchor - BEFORE, anchor + AFTER)
AFTER = 21 * DAY_MINUTES
NEAR = 3 * DAY_MINUTES  # query instants lie within about NEAR of the anchor
MAX_DURATION = 3 * DAY_MINUTES

# Wall-clock minutes in and around the DST gaps and folds (01:00-03:00), midnight, office
# hours and the day's end.
INTERESTING_TIMES = (0, 59, 60, 75, 90, 105, 119, 120, 135, 150, 165, 179, 180, 210)
INTERESTING_TIMES += (540, 1020, 1320, 1410, 1439)


@lru_cache(maxsize=512)
def to_calendar(spec: Spec) -> Calendar:
    """The engine's calendar for an oracle spec, built through the public API only."""
    if isinstance(spec, Combination):
        operands = [to_calendar(operand) for operand in spec.operands]
        if spec.operation == "complement":
            return ~operands[0]
        combine = operator.or_ if spec.operation == "union" else operator.and_
        return functools.reduce(combine, operands)
    holidays = None
    if spec.holidays is not None:
        holidays = Holidays(
            country=spec.holidays.country,
            categories=spec.holidays.categories,
            extra=spec.holidays.extra,
            removed=spec.holidays.removed,
        )
    return Calendar(
        tz=spec.zone,
        hours={WEEKDAY_NAMES[i]: list(ws) for i, ws in enumerate(spec.hours) if ws},
        holidays=holidays,
        overrides={day: list(ws) for day, ws in spec.overrides},
    )


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# -- strategies -----------------------------------------------------------------------------
def clock_times() -> st.SearchStrategy[int]:
    return st.one_of(st.sampled_from(INTERESTING_TIMES), st.integers(0, DAY_MINUTES - 1))


@st.composite
def window_texts(draw: st.DrawFn) -> str:
    start = draw(clock_times())
    kind = draw(st.sampled_from(("length", "length", "clock", "24:00", "same")))
    if kind == "24:00":
        return f"{clock(start)}-24:00"
    if kind == "same":  # an end equal to the start wraps: 24 hours
        return f"{clock(start)}-{clock(start)}"
    if kind == "clock":  # an end before the start wraps past midnight
        return f"{clock(start)}-{clock(draw(clock_times()))}"
    length = draw(
        st.one_of(st.sampled_from((30, 60, 90, 180, 480, 720, 1380)), st.integers(1, 1439))
    )
    return f"{clock(start)}-{clock((start + length) % DAY_MINUTES)}"


def dst_windows() -> st.SearchStrategy[str]:
    """Windows whose ends lie in or next to 01:00-03:00, where DST changes the clocks."""
    times = st.one_of(st.integers(55, 185), st.sampled_from((60, 90, 120, 150, 180)))
    return st.tuples(times, times).map(lambda ab: f"{clock(ab[0])}-{clock(ab[1])}")


def dates_near(anchor: date) -> st.SearchStrategy[date]:
    return st.integers(-4, 12).map(lambda n: anchor + timedelta(days=n))


@st.composite
def holiday_specs(draw: st.DrawFn, anchor: date) -> HolidaySpec:
    categories = draw(st.sampled_from((("public",), ("optional", "public"))))
    extra = draw(st.lists(dates_near(anchor), max_size=3, unique=True))
    removed = draw(st.lists(dates_near(anchor), max_size=2, unique=True))
    removed = [day for day in removed if day not in extra]
    return HolidaySpec("NL", categories, tuple(sorted(extra)), tuple(sorted(removed)))


@st.composite
def calendar_specs(draw: st.DrawFn, anchor: datetime, zone_hint: str) -> CalendarSpec:
    zone = draw(st.sampled_from(ZONES)) if draw(st.integers(0, 3)) == 0 else zone_hint
    # The local date of the anchor (a DST change in zone_hint) is often open.
    anchor_day = anchor.astimezone(ZoneInfo(zone)).date()
    open_days = draw(st.sets(st.integers(0, 6), min_size=1))
    if draw(st.booleans()):
        open_days.add(anchor_day.weekday())
    hours = tuple(
        tuple(draw(st.lists(window_texts(), min_size=1, max_size=3))) if day in open_days else ()
        for day in range(7)
    )
    near = anchor.date()
    holidays = draw(st.one_of(st.none(), holiday_specs(near)))
    overrides = draw(
        st.dictionaries(dates_near(near), st.lists(window_texts(), max_size=2), max_size=3)
    )
    if draw(st.booleans()):  # the anchor's date opens and closes inside the DST change
        overrides[anchor_day] = draw(st.lists(dst_windows(), min_size=1, max_size=3))
    return CalendarSpec(
        zone,
        hours,
        holidays,
        tuple(sorted((day, tuple(ws)) for day, ws in overrides.items())),
    )


@st.composite
def specs(draw: st.DrawFn, anchor: datetime, zone_hint: str) -> Spec:
    """A calendar, or a union, intersection or complement of calendars (two levels deep)."""
    base = calendar_specs(anchor, zone_hint)
    shape = draw(
        st.sampled_from(("plain", "plain", "union", "intersection", "complement", "deep", "24x7"))
    )
    if shape == "plain":
        return draw(base)
    if shape == "24x7":  # Calendar.always(), and with a complement it is never open
        always = CalendarSpec(draw(st.sampled_from(ZONES)), (("00:00-24:00",),) * 7)
        return Combination("complement", (always,)) if draw(st.booleans()) else always
    if shape == "complement":
        return Combination("complement", (draw(base),))
    if shape != "deep":
        return Combination(shape, (draw(base), draw(base)))
    inner = Combination(draw(st.sampled_from(("union", "intersection"))), (draw(base), draw(base)))
    outer = draw(st.sampled_from(("complement", "union", "intersection")))
    if outer == "complement":
        return Combination("complement", (inner,))
    other: Spec = draw(base)
    if draw(st.booleans()):
        other = Combination("complement", (other,))
    operands = (inner, other) if draw(st.booleans()) else (other, inner)
    return Combination(outer, operands)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Spec, int, Oracle]:
    """A calendar near an anchor, the anchor (UTC minutes) and the calendar's oracle."""
    anchor, zone_hint = draw(st.sampled_from(ANCHORS))
    spec = draw(specs(anchor, zone_hint))
    centre = minute_of(anchor)
    return spec, centre, Oracle(spec, centre - BEFORE, centre + AFTER)


def instants_near(centre: int) -> st.SearchStrategy[int]:
    """Minutes within a few days of the anchor, often within hours of it."""
    return st.one_of(
        st.integers(centre - NEAR, centre + NEAR),
        st.integers(centre - 6 * 60, centre + 6 * 60),
    )


def as_input(minute: int, zone: str, seconds: int = 0) -> datetime:
    """An aware datetime for an instant, in a zone the test picks (fold set on repeats)."""
    return (instant(minute) + timedelta(seconds=seconds)).astimezone(ZoneInfo(zone))


input_zones = st.sampled_from((*ZONES, "Pacific/Chatham"))


def durations() -> st.SearchStrategy[int]:
    return st.one_of(
        st.integers(0, 120), st.integers(0, MAX_DURATION), st.sampled_from((60, 480, 1440))
    )


def utc(t: datetime) -> datetime:
    """The same instant in UTC: arithmetic and comparison on local datetimes that share a
    ZoneInfo go by wall clock and ignore fold (SPEC 1, rule 1), so tests never do that."""
    return t.astimezone(timezone.utc)


def minute_of_floor(t: datetime) -> int:
    """The UTC minute an instant falls in."""
    return (utc(t) - instant(0)) // timedelta(minutes=1)


# -- checks ---------------------------------------------------------------------------------
def assert_instant(got: datetime, minute: int, zone: str) -> None:
    """``got`` is ``minute``, as an aware datetime in ``zone`` with the right fold."""
    assert got.tzinfo is not None
    assert getattr(got.tzinfo, "key", None) == zone, (got, zone)
    assert minute_of(got) == minute, (got.isoformat(), instant(minute).isoformat())
    want = instant(minute).astimezone(ZoneInfo(zone))
    assert (got.replace(tzinfo=None), got.fold) == (want.replace(tzinfo=None), want.fold)


def assert_windows(got: list[tuple[datetime, datetime]], want: list[tuple[int, int]], zone: str):
    assert [(minute_of(s), minute_of(e)) for s, e in got] == want
    for (start, end), (s, e) in zip(got, want, strict=True):
        assert_instant(start, s, zone)
        assert_instant(end, e, zone)


# -- the engine agrees with the oracle ------------------------------------------------------
@settings(max_examples=75)
@given(scenarios(), st.data())
def test_is_open_agrees_with_oracle(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    queries = data.draw(
        st.lists(st.tuples(instants_near(centre), st.integers(0, 59), input_zones), max_size=20)
    )
    for minute, seconds, zone in queries:
        t = as_input(minute, zone, seconds)
        assert calendar.is_open(t) == oracle.is_open(minute), t.isoformat()


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_next_open_and_next_close_agree_with_oracle(
    scenario: tuple[Spec, int, Oracle], data: st.DataObject
):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    queries = data.draw(st.lists(st.tuples(instants_near(centre), input_zones), max_size=10))
    for minute, zone in queries:
        t = as_input(minute, zone)
        try:
            opening = oracle.next_open(minute)
        except OutOfRangeError:
            continue
        assert_instant(calendar.next_open(t), opening, oracle.zone)
        try:
            closing = oracle.next_close(minute)
        except OutOfRangeError:
            continue
        assert_instant(calendar.next_close(t), closing, oracle.zone)


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_add_agrees_with_oracle(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    for _ in range(data.draw(st.integers(1, 5))):
        minute = data.draw(instants_near(centre))
        available = oracle.between(minute, oracle.hi)
        duration = min(data.draw(durations()), available)
        t = as_input(minute, data.draw(input_zones))
        due = calendar.add(t, timedelta(minutes=duration))
        assert_instant(due, oracle.add(minute, duration), oracle.zone)


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_subtract_agrees_with_oracle(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    for _ in range(data.draw(st.integers(1, 5))):
        minute = data.draw(instants_near(centre))
        available = oracle.between(oracle.lo, minute)
        duration = min(data.draw(durations()), available)
        t = as_input(minute, data.draw(input_zones))
        start = calendar.subtract(t, timedelta(minutes=duration))
        assert_instant(start, oracle.subtract(minute, duration), oracle.zone)


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_between_agrees_with_oracle(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    for _ in range(data.draw(st.integers(1, 5))):
        a, b = sorted(data.draw(st.tuples(instants_near(centre), instants_near(centre))))
        ta, tb = as_input(a, data.draw(input_zones)), as_input(b, data.draw(input_zones))
        assert calendar.between(ta, tb) == timedelta(minutes=oracle.between(a, b))
        if a < b:
            with pytest.raises(InvalidIntervalError):
                calendar.between(tb, ta)


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_windows_agree_with_oracle(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    a, b = sorted(data.draw(st.tuples(instants_near(centre), instants_near(centre))))
    got = calendar.windows(as_input(a, data.draw(input_zones)), as_input(b, data.draw(input_zones)))
    assert_windows(got, oracle.windows(a, b), oracle.zone)


# -- set operations -------------------------------------------------------------------------
@settings(max_examples=50)
@given(st.data())
def test_union_intersection_complement_are_set_operations(data: st.DataObject):
    anchor, zone_hint = data.draw(st.sampled_from(ANCHORS))
    a = data.draw(calendar_specs(anchor, zone_hint))
    b = data.draw(calendar_specs(anchor, zone_hint))
    centre = minute_of(anchor)
    lo, hi = centre - BEFORE, centre + AFTER
    open_a, open_b = open_minutes(a, lo, hi), open_minutes(b, lo, hi)
    everything = set(range(lo, hi))
    cal_a, cal_b = to_calendar(a), to_calendar(b)
    start, end = instant(lo).astimezone(ZoneInfo(a.zone)), instant(hi).astimezone(ZoneInfo(b.zone))
    expected = {
        "a | b": (cal_a | cal_b, set(open_a) | set(open_b), a.zone),
        "b | a": (cal_b | cal_a, set(open_b) | set(open_a), b.zone),
        "a & b": (cal_a & cal_b, set(open_a) & set(open_b), a.zone),
        "~a": (~cal_a, everything - set(open_a), a.zone),
        "~b & a": (~cal_b & cal_a, set(open_a) - set(open_b), b.zone),
        "~(a | b)": (~(cal_a | cal_b), everything - (set(open_a) | set(open_b)), a.zone),
    }
    for name, (calendar, minutes, zone) in expected.items():
        got = calendar.windows(start, end)
        want = runs(minutes, lo, hi)
        assert [(minute_of(s), minute_of(e)) for s, e in got] == want, name
        assert_windows(got, want, zone)
        for minute in data.draw(st.lists(st.integers(lo, hi - 1), max_size=5)):
            assert calendar.is_open(instant(minute)) == (minute in minutes), name


# -- laws of the engine (microseconds, no oracle) ------------------------------------------
def micro_instants(centre: int) -> st.SearchStrategy[datetime]:
    return st.tuples(instants_near(centre), st.integers(0, 60 * 1_000_000 - 1), input_zones).map(
        lambda mz: (instant(mz[0]) + timedelta(microseconds=mz[1])).astimezone(ZoneInfo(mz[2]))
    )


def micro_durations() -> st.SearchStrategy[timedelta]:
    return st.one_of(
        st.integers(0, MAX_DURATION * 60 * 1_000_000).map(lambda us: timedelta(microseconds=us)),
        durations().map(lambda m: timedelta(minutes=m)),
    )


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_between_of_add_is_the_duration(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    for _ in range(data.draw(st.integers(1, 5))):
        t = data.draw(micro_instants(centre))
        duration = data.draw(micro_durations())
        # Keep to durations the calendar has (in the oracle's range) after t.
        if timedelta(minutes=oracle.between(minute_of_floor(t) + 1, oracle.hi)) < duration:
            continue
        due = calendar.add(t, duration)
        assert calendar.between(t, due) == duration
        if duration:  # the earliest such instant
            assert calendar.between(t, utc(due) - timedelta(microseconds=1)) < duration


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_subtract_is_the_latest_start(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    for _ in range(data.draw(st.integers(1, 5))):
        t = data.draw(micro_instants(centre))
        duration = data.draw(micro_durations())
        if timedelta(minutes=oracle.between(oracle.lo, minute_of_floor(t))) < duration:
            continue
        start = calendar.subtract(t, duration)
        assert utc(start) <= utc(t)
        assert calendar.between(start, t) == duration
        if duration:  # the latest: any later start has less open time before t
            later = utc(start) + timedelta(microseconds=1)
            assert calendar.between(later, t) < duration


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_between_is_additive(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, _ = scenario
    calendar = to_calendar(spec)
    for _ in range(data.draw(st.integers(1, 5))):
        points = [data.draw(micro_instants(centre)) for _ in range(3)]
        a, b, c = sorted(points, key=utc)
        assert calendar.between(a, a) == timedelta(0)
        assert calendar.between(a, b) + calendar.between(b, c) == calendar.between(a, c)


@settings(max_examples=75)
@given(scenarios(), st.data())
def test_adding_nothing_is_identity(scenario: tuple[Spec, int, Oracle], data: st.DataObject):
    spec, centre, oracle = scenario
    calendar = to_calendar(spec)
    for _ in range(data.draw(st.integers(1, 5))):
        t = data.draw(micro_instants(centre))
        for got in (calendar.add(t, timedelta(0)), calendar.subtract(t, timedelta(0))):
            assert utc(got) == utc(t)
            assert getattr(got.tzinfo, "key", None) == oracle.zone
            want = t.astimezone(ZoneInfo(oracle.zone))
            assert (got.replace(tzinfo=None), got.fold) == (want.replace(tzinfo=None), want.fold)


# -- calendars without open time ------------------------------------------------------------
@settings(max_examples=5)
@given(st.data())
def test_calendar_without_open_time_raises(data: st.DataObject):
    anchor, zone_hint = data.draw(st.sampled_from(ANCHORS))
    a = to_calendar(data.draw(calendar_specs(anchor, zone_hint)))
    never = a & ~a
    t = anchor + timedelta(minutes=data.draw(st.integers(-NEAR, NEAR)))
    with pytest.raises(CalendarError):
        never.next_open(t)
    with pytest.raises(CalendarError):
        never.add(t, timedelta(minutes=1))
    assert utc(never.add(t, timedelta(0))) == utc(t)
    assert never.between(t, t + timedelta(days=30)) == timedelta(0)


# -- the oracle itself follows the SPEC's examples -----------------------------------------
def test_oracle_follows_the_spec_examples():
    def utc_minute(*fields: int) -> int:
        return minute_of(datetime(*fields, tzinfo=timezone.utc))

    def wall(day: date, hh: int, mm: int) -> int:
        return wall_of_date(day) + hh * 60 + mm

    # A boundary in a DST gap moves forward to the first instant that exists; one in a
    # fold takes the first occurrence (SPEC 1, rule 2).
    assert resolve("Europe/Amsterdam", wall(date(2026, 3, 29), 2, 30)) == utc_minute(2026, 3, 29, 1)
    assert resolve("Europe/Amsterdam", wall(date(2026, 10, 25), 2, 30)) == utc_minute(
        2026, 10, 25, 0, 30
    )
    assert resolve("Australia/Lord_Howe", wall(date(2026, 10, 4), 2, 15)) == utc_minute(
        2026, 10, 3, 15, 30
    )
    assert resolve("Australia/Lord_Howe", wall(date(2026, 4, 5), 1, 45)) == utc_minute(
        2026, 4, 4, 14, 45
    )
    assert resolve("America/New_York", wall(date(2026, 11, 1), 1, 30)) == utc_minute(
        2026, 11, 1, 5, 30
    )

    # "22:00-06:00" on Monday is open Monday 22:00 to Tuesday 06:00.
    monday = date(2026, 11, 23)
    night = CalendarSpec("UTC", (("22:00-06:00",), (), (), (), (), (), ()))
    lo, hi = utc_minute(2026, 11, 22), utc_minute(2026, 11, 26)
    assert Oracle(night, lo, hi).windows(lo, hi) == [
        (utc_minute(2026, 11, 23, 22), utc_minute(2026, 11, 24, 6))
    ]

    # 09:00 + 8 h on a 09:00-17:00 day is 17:00; Monday 16:00 + 8 h is Tuesday 16:00.
    office = CalendarSpec("Europe/Amsterdam", (("09:00-17:00",),) * 5 + ((), ()))
    oracle = Oracle(office, lo, hi)
    assert oracle.add(utc_minute(2026, 11, 23, 8), 8 * 60) == utc_minute(2026, 11, 23, 16)
    assert oracle.add(utc_minute(2026, 11, 23, 15), 8 * 60) == utc_minute(2026, 11, 24, 15)
    assert oracle.subtract(utc_minute(2026, 11, 24, 8), 2 * 60) == utc_minute(2026, 11, 23, 14)

    # A holiday closes the windows starting on it; an override on a holiday wins.
    tuesday = monday + timedelta(days=1)
    closed = HolidaySpec("NL", extra=(monday, tuesday))
    holiday = CalendarSpec("UTC", office.hours, closed, ((tuesday, ("10:00-11:00",)),))
    assert Oracle(holiday, lo, hi).windows(utc_minute(2026, 11, 23), utc_minute(2026, 11, 25)) == [
        (utc_minute(2026, 11, 24, 10), utc_minute(2026, 11, 24, 11))
    ]
