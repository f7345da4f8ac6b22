"""Tests for ``slacalc._engine.timeline``: the compiled calendar's questions at exact boundary
instants, lazy year-by-year compilation, the supported range and the working-day rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc import Calendar, CalendarError
from slacalc._calendar.calendar import timeline_of
from slacalc._engine.instants import HORIZON_END, HORIZON_START, US, from_us, to_us
from slacalc._engine.sources import WeeklySource
from slacalc._engine.spans import Span, SpanSet
from slacalc._engine.timeline import Chunk, Timeline, year_of, year_start

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
HOUR = 3600 * US
S = 3600  # an hour in seconds, for wall-clock windows
NINE_TO_FIVE = ((9 * S, 17 * S),)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, tz: tzinfo = AMS) -> int:
    """Microseconds of a wall-clock datetime in ``tz``."""
    return to_us(datetime(year, month, day, hour, minute, tzinfo=tz), "t")


class StubSource:
    """A ChunkSource over fixed normalised spans; each span is a window dated by its UTC start."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = tuple(spans)
        self.calls: list[int] = []

    def chunk(self, year: int) -> Chunk:
        self.calls.append(year)
        lo, hi = year_start(year), year_start(year + 1)
        clipped = tuple((max(s, lo), min(e, hi)) for s, e in self.spans if e > lo and s < hi)
        dated = [(s, e, from_us(s, UTC).date().toordinal()) for s, e in self.spans]
        return Chunk(clipped, tuple(w for w in dated if lo <= w[0] < hi))


def office(holidays: frozenset[date] = frozenset()) -> Timeline:
    """Monday to Friday 09:00-17:00 in Amsterdam (a fresh, uncompiled timeline)."""
    weekly = [NINE_TO_FIVE] * 5 + [(), ()]
    source = WeeklySource(AMS, weekly, {}, lambda y: frozenset(d for d in holidays if d.year == y))
    return Timeline(source, AMS, "<office>")


# Monday 2 and Tuesday 3 March 2026, 09:00-17:00 UTC: the only open time there is.
FIRST = (at(2026, 3, 2, 9, tz=UTC), at(2026, 3, 2, 17, tz=UTC))
SECOND = (at(2026, 3, 3, 9, tz=UTC), at(2026, 3, 3, 17, tz=UTC))


def two_days() -> Timeline:
    return Timeline(StubSource([FIRST, SECOND]), UTC, "<stub>")


def always() -> Timeline:
    return Timeline(StubSource([(HORIZON_START, HORIZON_END)]), UTC, "<always>")


def message(question: Callable[[], object]) -> str:
    with pytest.raises(CalendarError) as caught:
        question()
    return str(caught.value)


CHECK = ": check its hours, holidays and overrides"


# -- is_open, next_open, next_close, between --------------------------------------------

MON_9, MON_17, TUE_9 = at(2026, 11, 23, 9), at(2026, 11, 23, 17), at(2026, 11, 24, 9)


@pytest.mark.parametrize(
    ("instant", "is_open", "next_open", "next_close"),
    [
        pytest.param(MON_9, True, MON_9, MON_17, id="window start is open"),
        pytest.param(at(2026, 11, 23, 10), True, at(2026, 11, 23, 10), MON_17, id="inside"),
        pytest.param(MON_17 - 1, True, MON_17 - 1, MON_17, id="last microsecond"),
        pytest.param(MON_17, False, TUE_9, at(2026, 11, 24, 17), id="window end is closed"),
        pytest.param(MON_9 - 1, False, MON_9, MON_17, id="just before the start"),
        pytest.param(at(2026, 11, 21, 12), False, MON_9, MON_17, id="saturday"),
    ],
)
def test_open_and_close(instant: int, is_open: bool, next_open: int, next_close: int) -> None:
    timeline = office()
    assert timeline.is_open(instant) is is_open
    assert timeline.next_open(instant) == next_open
    assert timeline.next_close(instant) == next_close


@pytest.mark.parametrize(
    ("timeline", "a", "b", "expected"),
    [
        pytest.param(office, at(2026, 11, 20, 16), at(2026, 11, 23, 10), 2 * HOUR, id="weekend"),
        pytest.param(office, at(2026, 11, 23, 8), at(2026, 11, 24, 18), 16 * HOUR, id="2 spans"),
        pytest.param(office, MON_17, TUE_9, 0, id="exactly the gap"),
        pytest.param(office, at(2026, 11, 23, 12), at(2026, 11, 23, 12), 0, id="a == b, open"),
        pytest.param(office, at(2026, 3, 27, 16), at(2026, 3, 30, 10), 2 * HOUR, id="over DST"),
        pytest.param(two_days, year_start(2026), FIRST[0] + HOUR, HOUR, id="a before the first"),
        pytest.param(two_days, FIRST[0], FIRST[0] + HOUR, HOUR, id="a at the first span"),
        pytest.param(two_days, FIRST[0] + 1, SECOND[1] - 1, 16 * HOUR - 2, id="both spans"),
        pytest.param(two_days, HORIZON_START, FIRST[0], 0, id="both before the first opening"),
        pytest.param(two_days, year_start(2026), FIRST[0] + 1, 1, id="1 µs of the first"),
        pytest.param(two_days, HORIZON_START, HORIZON_END - 1, 16 * HOUR, id="the whole range"),
    ],
)
def test_between(timeline: Callable[[], Timeline], a: int, b: int, expected: int) -> None:
    assert timeline().between(a, b) == expected


# -- add, subtract, and questions with no answer ----------------------------------------


@pytest.mark.parametrize(
    ("method", "start", "amount", "expected"),
    [
        pytest.param("add", at(2026, 11, 21, 12), 0, at(2026, 11, 21, 12), id="0 while closed"),
        pytest.param("add", MON_17, 0, MON_17, id="0 at a window end"),
        pytest.param("add", MON_9, 8 * HOUR, MON_17, id="onto a span end"),
        pytest.param("add", at(2026, 11, 23, 16), HOUR + 1, TUE_9 + 1, id="one µs over"),
        pytest.param("add", MON_17, 1, TUE_9 + 1, id="from a span end"),
        pytest.param("add", at(2026, 11, 21, 12), HOUR, at(2026, 11, 23, 10), id="from a weekend"),
        pytest.param("add", at(2026, 3, 27, 16), 2 * HOUR, at(2026, 3, 30, 10), id="over DST"),
        pytest.param("subtract", at(2026, 11, 24, 10), HOUR, TUE_9, id="latest, not Mon 17:00"),
        pytest.param("subtract", at(2026, 11, 24, 10), 2 * HOUR, at(2026, 11, 23, 16), id="night"),
        pytest.param("subtract", MON_17, 8 * HOUR, MON_9, id="a whole span"),
        pytest.param("subtract", at(2026, 11, 21, 12), HOUR, at(2026, 11, 20, 16), id="weekend"),
        pytest.param("subtract", MON_17 + HOUR, 0, MON_17 + HOUR, id="0 while closed"),
    ],
)
def test_add_and_subtract(method: str, start: int, amount: int, expected: int) -> None:
    assert getattr(office(), method)(start, amount) == expected


def test_add_sweeps_forward_compiling_each_year_once() -> None:
    source = StubSource([(year_start(y), year_start(y) + HOUR) for y in range(1969, 2102)])
    timeline = Timeline(source, UTC, "<an hour at each new year>")
    assert timeline.add(year_start(2030), 6 * HOUR) == year_start(2035) + HOUR
    assert timeline.add(year_start(2030), 40 * HOUR) == year_start(2069) + HOUR
    assert set(Counter(source.calls).values()) == {1}
    # Only the years a question needs: from the start's year on (never the year before).
    assert set(range(2030, 2070)) <= set(source.calls) <= set(range(2030, 2102))
    calls = len(source.calls)
    assert timeline.between(year_start(2031), year_start(2034)) == 3 * HOUR
    assert len(source.calls) == calls  # inside the compiled range: nothing compiled again


def test_next_open_sweeps_to_the_last_year_compiling_each_once() -> None:
    source = StubSource([(year_start(2101), year_start(2101) + HOUR)])
    timeline = Timeline(source, UTC, "<late>")
    assert timeline.next_open(year_start(2026)) == year_start(2101)
    assert timeline.chunk(2050) is timeline.chunk(2050)  # cached: no call to the source
    assert Counter(source.calls) == Counter(range(2026, 2102))  # from the year asked on


def test_add_and_subtract_at_the_ends_of_the_open_time() -> None:
    assert two_days().add(FIRST[0], 16 * HOUR) == SECOND[1]
    assert two_days().subtract(FIRST[1], 8 * HOUR) == FIRST[0]
    assert two_days().subtract(SECOND[0] + HOUR, 9 * HOUR) == FIRST[0]
    assert always().add(HORIZON_END - HOUR, HOUR) == HORIZON_END
    assert always().subtract(HORIZON_START + HOUR, HOUR) == HORIZON_START
    assert always().is_open(HORIZON_START)
    assert always().is_open(HORIZON_END - 1)
    assert always().spans(HORIZON_END - HOUR, HORIZON_END) == [(HORIZON_END - HOUR, HORIZON_END)]
    assert message(lambda: two_days().add(FIRST[0], 16 * HOUR + 1)) == (
        "calendar <stub> has no 16 hours of open time after 2026-03-02T09:00:00+00:00 before "
        f"the end of 2101{CHECK}"
    )
    assert message(lambda: two_days().subtract(FIRST[0] + HOUR, HOUR + 1)) == (
        "calendar <stub> has no 1 hours of open time before 2026-03-02T10:00:00+00:00 after "
        f"the start of 1969{CHECK}"
    )
    assert "before the end of 2101" in message(lambda: always().add(HORIZON_END - HOUR, HOUR + 1))
    assert "after the start of 1969" in message(lambda: two_days().subtract(FIRST[0], 1))
    assert "start of 1969" in message(lambda: always().subtract(HORIZON_START + HOUR, HOUR + 1))


def test_no_later_opening_or_closing_names_the_calendar() -> None:
    once = Calendar(tz="Europe/Amsterdam", overrides={date(2026, 11, 23): ["09:00-17:00"]})
    timeline = timeline_of(once)
    assert timeline.next_open(at(2026, 1, 1)) == at(2026, 11, 23, 9)
    assert message(lambda: timeline.next_open(at(2026, 11, 23, 17))) == (
        "calendar <Europe/Amsterdam: no weekly hours> has no opening after "
        f"2026-11-23T17:00:00+01:00 before the end of 2101{CHECK}"
    )
    assert two_days().next_close(FIRST[1]) == SECOND[1]
    assert message(lambda: two_days().next_close(SECOND[1])) == (
        "calendar <stub> has no closing after 2026-03-03T17:00:00+00:00 before the end of "
        f"2101{CHECK}"
    )
    assert message(lambda: always().next_close(at(2026, 1, 1, tz=UTC))) == (
        "calendar <always> stays open from 2026-01-01T00:00:00+00:00 to the end of 2101: "
        "it has no closing to report"
    )


def test_a_stretch_running_past_the_compiled_range() -> None:
    # 31 December 2027 22:00 to 1 January 2028 06:00 UTC, with 2025-2027 compiled first.
    night = (at(2027, 12, 31, 22, tz=UTC), at(2028, 1, 1, 6, tz=UTC))
    timeline = Timeline(StubSource([night]), UTC, "<night>")
    assert not timeline.is_open(at(2026, 6, 1))
    assert timeline.next_close(at(2027, 12, 31, 23, tz=UTC)) == night[1]
    assert timeline.spans(night[0] - HOUR, night[1] + HOUR) == [night]
    assert timeline.add(night[0], 2 * HOUR) == year_start(2028)


def test_spans_are_clipped() -> None:
    timeline = office()
    noon, tue_10 = at(2026, 11, 23, 12), at(2026, 11, 24, 10)
    assert timeline.spans(noon, tue_10) == [(noon, MON_17), (TUE_9, tue_10)]
    fri = (at(2026, 11, 20, 9), at(2026, 11, 20, 17))
    assert timeline.spans(at(2026, 11, 20), at(2026, 11, 24)) == [fri, (MON_9, MON_17)]
    assert timeline.spans(MON_17, TUE_9) == []  # exactly the gap
    assert timeline.spans(TUE_9 - 1, TUE_9 + 1) == [(TUE_9, TUE_9 + 1)]
    assert timeline.spans(at(2026, 11, 21, 12), at(2026, 11, 21, 12)) == []


def test_spans_of_an_empty_range_while_open() -> None:
    assert office().spans(at(2026, 11, 23, 12), at(2026, 11, 23, 12)) == []


# -- add_working_days -------------------------------------------------------------------


def overlapping() -> Timeline:
    # Monday 20:00-08:00 spans the whole of Tuesday's 00:00-02:00.
    weekly = [((20 * S, 32 * S),), ((0, 2 * S),), (), (), (), (), ()]
    return Timeline(WeeklySource(AMS, weekly, {}, None), AMS, "<overlapping>")


def weekday_nights() -> Timeline:
    weekly = [((22 * S, 30 * S),)] * 5 + [(), ()]
    return Timeline(WeeklySource(UTC, weekly, {}, None), UTC, "<nights>")


NEW_YEAR_3 = at(2026, 1, 1, 3, tz=UTC)


def new_year_off() -> Timeline:
    return office(holidays=frozenset({date(2027, 1, 1)}))


@pytest.mark.parametrize(
    ("timeline", "start", "days", "expected"),
    [
        pytest.param(office, at(2026, 11, 23, 10), 0, at(2026, 11, 23, 10), id="0 while open"),
        pytest.param(office, at(2026, 11, 21, 12), 0, MON_9, id="0: the next opening"),
        pytest.param(office, at(2026, 11, 23, 10), 1, at(2026, 11, 24, 10), id="next day"),
        pytest.param(office, at(2026, 11, 20, 14), 1, at(2026, 11, 23, 14), id="over a weekend"),
        pytest.param(office, at(2026, 11, 23, 18), 1, at(2026, 11, 25, 9), id="from a closing"),
        pytest.param(office, at(2026, 12, 31, 15), 1, at(2027, 1, 1, 15), id="Dec 31 -> Jan 1"),
        pytest.param(office, at(2026, 12, 31, 18), 1, at(2027, 1, 4, 9), id="Dec 31 evening"),
        pytest.param(new_year_off, at(2026, 12, 31, 15), 1, at(2027, 1, 4, 15), id="holiday"),
        pytest.param(new_year_off, at(2026, 12, 31, 15), 2, at(2027, 1, 5, 15), id="holiday, 2"),
        # Only Monday's window holds Tue 05:00 (Mon 21:00, Tue 02:00): D' is Tuesday, and Wed
        # 05:00 (Tue 21:00, Wed 02:00) lies after its 00:00-02:00, in a stretch closing 08:00.
        pytest.param(overlapping, at(2026, 11, 24, 5), 1, at(2026, 11, 24, 8), id="overlap"),
        pytest.param(overlapping, at(2026, 11, 23, 21), 1, at(2026, 11, 24, 8), id="overlap 2"),
        pytest.param(overlapping, at(2026, 11, 24, 2), 1, at(2026, 11, 24, 8), id="at its end"),
        # Both hold Tuesday 01:00 and Tuesday's started last: D is Tuesday, D' next Monday.
        pytest.param(overlapping, at(2026, 11, 24, 1), 1, at(2026, 11, 30, 20), id="in both"),
        # Thursday 1 January 2026 03:00 UTC lies in Wednesday 31 December's window.
        pytest.param(weekday_nights, NEW_YEAR_3, 1, at(2026, 1, 2, 3, tz=UTC), id="nights"),
    ],
)
def test_add_working_days(
    timeline: Callable[[], Timeline], start: int, days: int, expected: int
) -> None:
    assert timeline().add_working_days(start, days) == expected


def test_add_working_days_does_not_depend_on_what_was_compiled_before() -> None:
    timeline = weekday_nights()
    timeline.is_open(at(2027, 6, 1, tz=UTC))  # compiles 2026-2028 only
    assert timeline.add_working_days(NEW_YEAR_3, 1) == at(2026, 1, 2, 3, tz=UTC)


def test_add_working_days_compiles_forward() -> None:
    days = {date(2026, 6, 1): NINE_TO_FIVE, date(2040, 6, 1): NINE_TO_FIVE}
    timeline = Timeline(WeeklySource(AMS, [()] * 7, days, None), AMS, "<two days>")
    assert timeline.add_working_days(at(2026, 6, 1, 10), 1) == at(2040, 6, 1, 10)
    with pytest.raises(CalendarError, match=r"^calendar <two days> has no working day after"):
        timeline.add_working_days(at(2026, 6, 1, 10), 2)


# -- the supported range ----------------------------------------------------------------

BEFORE, END = "1968-12-31T23:59:59.999999+00:00", "2102-01-01T00:00:00+00:00"


@pytest.mark.parametrize(
    ("method", "args", "shown"),
    [
        ("is_open", (HORIZON_START - 1,), BEFORE),
        ("is_open", (HORIZON_END,), END),
        ("between", (HORIZON_START - 1, 0), BEFORE),
        ("between", (0, HORIZON_END), END),
        ("add", (HORIZON_END, 1), END),
        ("subtract", (HORIZON_START - 1, 1), BEFORE),
        ("next_open", (at(2150, 1, 1, tz=UTC),), "2150-01-01T00:00:00+00:00"),
        ("next_close", (at(1900, 6, 1, tz=UTC),), "1900-06-01T00:00:00+00:00"),
        ("spans", (HORIZON_START - 1, 0), BEFORE),
        ("add_working_days", (HORIZON_END, 1), END),
        ("is_open", (10**20,), "100000000000000000000 \u00b5s from 1970 (UTC)"),
        ("next_open", (-(10**20),), "-100000000000000000000 \u00b5s from 1970 (UTC)"),
    ],
)
def test_an_instant_outside_the_range_is_named(
    method: str, args: tuple[int, ...], shown: str
) -> None:
    with pytest.raises(CalendarError) as caught:
        getattr(always(), method)(*args)
    assert str(caught.value) == (
        f"instant {shown} lies outside the supported range: slacalc computes instants "
        "from 1969-01-01 to 2101-12-31 (UTC); pass an instant in that range"
    )


@pytest.mark.parametrize(("method", "instant"), [("add", HORIZON_END), ("subtract", -(10**20))])
def test_a_zero_amount_outside_the_range_raises(method: str, instant: int) -> None:
    with pytest.raises(CalendarError, match="lies outside the supported range"):
        getattr(always(), method)(instant, 0)


def test_year_start() -> None:
    assert (year_start(1969), year_start(1970), year_start(2102)) == (HORIZON_START, 0, HORIZON_END)
    assert year_start(1971) == 365 * 86_400 * US
    assert year_start(2027) == at(2027, 1, 1, tz=UTC)


@pytest.mark.parametrize(
    ("instant", "year"),
    [
        pytest.param(HORIZON_START, 1969, id="first instant"),
        pytest.param(HORIZON_START - 1, 1968, id="clamped before"),
        pytest.param(-(10**20), 1968, id="far before"),
        pytest.param(year_start(2027) - 1, 2026, id="last of 2026"),
        pytest.param(year_start(2027), 2027, id="first of 2027"),
        pytest.param(at(2027, 1, 1, 0, 30), 2026, id="a UTC year, not a local one"),
        pytest.param(HORIZON_END - 1, 2101, id="last instant"),
        pytest.param(HORIZON_END, 2102, id="clamped after"),
        pytest.param(10**20, 2102, id="beyond datetime"),
    ],
)
def test_year_of(instant: int, year: int) -> None:
    assert year_of(instant) == year


# -- properties -------------------------------------------------------------------------

LO, HI = year_start(2020), year_start(2023)
POINTS = st.one_of(
    st.sampled_from([LO, year_start(2021), year_start(2022), HI]), st.integers(LO, HI)
)


@st.composite
def span_sets(draw: st.DrawFn) -> SpanSet:
    edges = sorted(set(draw(st.lists(POINTS, max_size=12))))
    return SpanSet(zip(edges[::2], edges[1::2], strict=False))


def brute_between(spans: SpanSet, a: int, b: int) -> int:
    return sum(max(0, min(e, b) - max(s, a)) for s, e in spans)


@given(span_sets(), POINTS, POINTS, st.data())
def test_between_and_add_agree_with_brute_force(
    spans: SpanSet, x: int, y: int, data: st.DataObject
) -> None:
    a, b = min(x, y), max(x, y)
    timeline = Timeline(StubSource(spans.spans), UTC, "<random>")
    assert timeline.between(a, b) == brute_between(spans, a, b)
    assert timeline.is_open(a) is spans.contains(a)
    d = data.draw(st.integers(0, brute_between(spans, a, HI)), label="d")
    due = timeline.add(a, d)
    assert a <= due <= HI
    assert timeline.between(a, due) == d
    if d > 0:
        assert timeline.between(a, due - 1) == d - 1  # the earliest such instant
    d = data.draw(st.integers(0, brute_between(spans, LO, b)), label="back")
    if b < HI:
        begin = timeline.subtract(b, d)
        assert LO <= begin <= b
        assert timeline.between(begin, b) == d
        if d > 0:
            assert timeline.between(begin + 1, b) == d - 1  # the latest such instant
