"""Tests for ``slacalc._engine.sources``: a date's windows (override, holiday, weekday), one UTC
year of a weekly calendar compiled in Amsterdam (DST gap and fold, overnight windows, the year
edge, holidays across it), cutting spans at local midnights, and combined calendars (union,
intersection, complement) checked against a brute-force computation on ``SpanSet``."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from slacalc._engine.instants import US, from_us, to_us, wall_to_us
from slacalc._engine.sources import (
    CombinedSource,
    DayWindows,
    Operation,
    WeeklySource,
    split_at_midnights,
)
from slacalc._engine.spans import Span, SpanSet
from slacalc._engine.timeline import Timeline, Window, year_start

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
H = 3600  # seconds: windows are seconds after their date's midnight
NINE_TO_FIVE = ((9 * H, 17 * H),)
OVERNIGHT = ((22 * H, 30 * H),)  # 22:00-06:00


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, tz: tzinfo = AMS) -> int:
    """Microseconds of a wall-clock datetime in ``tz``."""
    return to_us(datetime(year, month, day, hour, minute, tzinfo=tz), "t")


def ordinal(year: int, month: int, day: int) -> int:
    return date(year, month, day).toordinal()


class Holidays:
    """A holidays callable that records the years it is asked for."""

    def __init__(self, *days: date) -> None:
        self.days = days
        self.asked: list[int] = []

    def __call__(self, year: int) -> frozenset[date]:
        self.asked.append(year)
        return frozenset(d for d in self.days if d.year == year)


def only(overrides: dict[date, DayWindows]) -> WeeklySource:
    """No weekly hours in Amsterdam: open only on the overridden dates."""
    return WeeklySource(AMS, [()] * 7, overrides, None)


# -- WeeklySource.day_windows -----------------------------------------------------------

SOURCE = WeeklySource(
    AMS,
    [NINE_TO_FIVE] * 5 + [((10 * H, 14 * H),), ()],
    {
        date(2026, 12, 24): ((9 * H, 13 * H),),
        date(2026, 12, 25): ((10 * H, 12 * H),),
        date(2026, 12, 28): (),
    },
    None,
)
CLOSED = frozenset({date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 31)})


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2026, 12, 21), NINE_TO_FIVE, id="monday: its weekday's hours"),
        pytest.param(date(2026, 12, 24), ((9 * H, 13 * H),), id="override over weekday"),
        pytest.param(date(2026, 12, 25), ((10 * H, 12 * H),), id="override over holiday"),
        pytest.param(date(2026, 12, 26), (), id="holiday over weekday (saturday)"),
        pytest.param(date(2026, 12, 27), (), id="sunday: no hours"),
        pytest.param(date(2026, 12, 28), (), id="an empty override closes a monday"),
        pytest.param(date(2026, 12, 31), (), id="holiday on a thursday"),
        pytest.param(date(2027, 1, 2), ((10 * H, 14 * H),), id="saturday"),
    ],
)
def test_day_windows(day: date, expected: DayWindows) -> None:
    assert SOURCE.day_windows(day, CLOSED) == expected


def test_day_windows_without_holidays() -> None:
    assert SOURCE.day_windows(date(2026, 12, 26), frozenset()) == ((10 * H, 14 * H),)
    assert SOURCE.day_windows(date(2026, 12, 31), frozenset()) == NINE_TO_FIVE


# -- WeeklySource.chunk -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "window", "start", "end"),
    [
        # 29 March 2026: 02:00-03:00 does not exist; a boundary in it moves on to 03:00.
        pytest.param(
            date(2026, 3, 29), (2 * H + 1800, 4 * H), at(2026, 3, 29, 3), at(2026, 3, 29, 4),
            id="start in the gap",
        ),
        pytest.param(
            date(2026, 3, 29), (0, 2 * H + 1800), at(2026, 3, 29, 0), at(2026, 3, 29, 3),
            id="end in the gap (two real hours)",
        ),
        # 25 October 2026: 02:00-03:00 happens twice; a boundary in it is the first one.
        pytest.param(
            date(2026, 10, 25), (2 * H + 1800, 3 * H + 1800),
            at(2026, 10, 25, 0, 30, tz=UTC), at(2026, 10, 25, 2, 30, tz=UTC),
            id="start in the fold: 02:30+02:00",
        ),
        pytest.param(
            date(2026, 10, 25), (H, 2 * H + 1800),
            at(2026, 10, 24, 23, tz=UTC), at(2026, 10, 25, 0, 30, tz=UTC),
            id="end in the fold: 02:30+02:00",
        ),
    ],
)  # fmt: skip
def test_chunk_across_dst(day: date, window: tuple[int, int], start: int, end: int) -> None:
    chunk = only({day: (window,)}).chunk(2026)
    assert chunk.spans == ((start, end),)
    assert chunk.windows == ((start, end, day.toordinal()),)


def test_a_window_wholly_in_the_gap_is_dropped() -> None:
    chunk = only({date(2026, 3, 29): ((2 * H, 2 * H + 59 * 60),)}).chunk(2026)
    assert chunk.spans == ()
    assert chunk.windows == ()


def test_an_overnight_window_belongs_to_its_start_date() -> None:
    # Saturdays 22:00-06:00; Sunday 22 and Saturday 28 November 2026 are holidays.
    weekly = [(), (), (), (), (), OVERNIGHT, ()]
    source = WeeklySource(AMS, weekly, {}, Holidays(date(2026, 11, 22), date(2026, 11, 28)))
    chunk = source.chunk(2026)
    lo, hi = at(2026, 11, 16), at(2026, 12, 7)
    saturday = (at(2026, 11, 21, 22), at(2026, 11, 22, 6))
    december = (at(2026, 12, 5, 22), at(2026, 12, 6, 6))
    assert [w for w in chunk.windows if lo <= w[0] < hi] == [
        (*saturday, ordinal(2026, 11, 21)),
        (*december, ordinal(2026, 12, 5)),
    ]
    assert [s for s in chunk.spans if lo <= s[0] < hi] == [saturday, december]


def test_a_window_of_dec_31_into_the_next_year() -> None:
    # Thursdays 22:00-06:00; Thursday 31 December 2026 runs into 2027.
    source = WeeklySource(AMS, [(), (), (), OVERNIGHT, (), (), ()], {}, None)
    new_year = at(2027, 1, 1, 1)  # 2027-01-01T00:00Z, where the UTC chunks meet
    assert year_start(2027) == new_year
    window = (at(2026, 12, 31, 22), at(2027, 1, 1, 6))
    this, following = source.chunk(2026), source.chunk(2027)
    # The open spans are clipped to each chunk; the window stays whole in the chunk it
    # starts in and is not repeated in the next.
    assert this.spans[-1] == (window[0], new_year)
    assert this.windows[-1] == (*window, ordinal(2026, 12, 31))
    assert following.spans[0] == (new_year, window[1])
    assert following.windows[0] == (at(2027, 1, 7, 22), at(2027, 1, 8, 6), ordinal(2027, 1, 7))
    timeline = Timeline(source, AMS, "<thursday nights>")
    assert timeline.spans(at(2026, 12, 31, 12), at(2027, 1, 1, 12)) == [window]


def test_a_local_date_of_the_next_year_across_the_chunk_edge() -> None:
    # 1 January 2027 00:30-00:45 and 01:00-02:00 in Amsterdam: the UTC year 2027 starts at
    # 01:00, so the first window is compiled with 2026 and the second starts 2027's chunk.
    source = only({date(2027, 1, 1): ((1800, 2700), (H, 2 * H))})
    this, following = source.chunk(2026), source.chunk(2027)
    assert this.spans == ((at(2027, 1, 1, 0, 30), at(2027, 1, 1, 0, 45)),)
    assert this.windows == ((at(2027, 1, 1, 0, 30), at(2027, 1, 1, 0, 45), ordinal(2027, 1, 1)),)
    assert following.spans == ((year_start(2027), at(2027, 1, 1, 2)),)
    assert following.windows == ((at(2027, 1, 1, 1), at(2027, 1, 1, 2), ordinal(2027, 1, 1)),)


def test_holidays_of_the_next_year_close_the_end_of_this_chunk() -> None:
    # Open around the clock; Friday 1 January 2027 is a holiday. Its local midnight is
    # 2026-12-31T23:00Z, an hour before the UTC year ends.
    holidays = Holidays(date(2027, 1, 1))
    source = WeeklySource(AMS, [((0, 24 * H),)] * 7, {}, holidays)
    assert source.chunk(2026).spans == ((at(2026, 1, 1, 1), at(2027, 1, 1)),)
    assert set(holidays.asked) == {2025, 2026, 2027}
    assert source.chunk(2027).spans == ((at(2027, 1, 2), at(2028, 1, 1, 1)),)


def test_holidays_of_the_previous_year_close_the_start_of_this_chunk() -> None:
    # Every night 22:00-06:00; Thursday 31 December 2026 is a holiday, so its window
    # does not run into 2027.
    holidays = Holidays(date(2026, 12, 31))
    closed = WeeklySource(AMS, [OVERNIGHT] * 7, {}, holidays).chunk(2027)
    assert set(holidays.asked) == {2026, 2027, 2028}  # local dates 30 Dec to 1 Jan 2028
    assert closed.spans[0] == (at(2027, 1, 1, 22), at(2027, 1, 2, 6))
    open_ = WeeklySource(AMS, [OVERNIGHT] * 7, {}, None).chunk(2027)
    assert open_.spans[0] == (year_start(2027), at(2027, 1, 1, 6))


# -- split_at_midnights -----------------------------------------------------------------

SCL = ZoneInfo("America/Santiago")  # 3 September 2023: midnight is skipped (00:00 -> 01:00)
APIA = ZoneInfo("Pacific/Apia")  # 30 December 2011 did not happen there


@pytest.mark.parametrize(
    ("spans", "tz", "expected"),
    [
        pytest.param([], AMS, [], id="nothing"),
        pytest.param(
            [(at(2026, 1, 5, 22), at(2026, 1, 8, 3))], AMS,
            [(at(2026, 1, 5, 22), at(2026, 1, 6), ordinal(2026, 1, 5)),
             (at(2026, 1, 6), at(2026, 1, 7), ordinal(2026, 1, 6)),
             (at(2026, 1, 7), at(2026, 1, 8), ordinal(2026, 1, 7)),
             (at(2026, 1, 8), at(2026, 1, 8, 3), ordinal(2026, 1, 8))],
            id="several midnights",
        ),
        pytest.param(
            [(at(2026, 3, 28, 12), at(2026, 3, 30, 12))], AMS,
            [(at(2026, 3, 28, 12), at(2026, 3, 29), ordinal(2026, 3, 28)),
             (at(2026, 3, 29), at(2026, 3, 30), ordinal(2026, 3, 29)),  # 23 hours
             (at(2026, 3, 30), at(2026, 3, 30, 12), ordinal(2026, 3, 30))],
            id="clocks go forward",
        ),
        pytest.param(
            [(at(2026, 10, 24, 12), at(2026, 10, 26, 12))], AMS,
            [(at(2026, 10, 24, 12), at(2026, 10, 25), ordinal(2026, 10, 24)),
             (at(2026, 10, 25), at(2026, 10, 26), ordinal(2026, 10, 25)),  # 25 hours
             (at(2026, 10, 26), at(2026, 10, 26, 12), ordinal(2026, 10, 26))],
            id="clocks go back",
        ),
        pytest.param(
            [(at(2026, 1, 5, 9), at(2026, 1, 6)), (at(2026, 1, 6), at(2026, 1, 6, 9))], AMS,
            [(at(2026, 1, 5, 9), at(2026, 1, 6), ordinal(2026, 1, 5)),
             (at(2026, 1, 6), at(2026, 1, 6, 9), ordinal(2026, 1, 6))],
            id="ending and starting at midnight",
        ),
        pytest.param(
            [(at(2026, 1, 5, 23, 30, tz=UTC), at(2026, 1, 6, 0, 30, tz=UTC))], UTC,
            [(at(2026, 1, 5, 23, 30, tz=UTC), at(2026, 1, 6, tz=UTC), ordinal(2026, 1, 5)),
             (at(2026, 1, 6, tz=UTC), at(2026, 1, 6, 0, 30, tz=UTC), ordinal(2026, 1, 6))],
            id="UTC midnight",
        ),
        pytest.param(
            [(at(2026, 1, 5, 23, 30, tz=UTC), at(2026, 1, 6, 0, 30, tz=UTC))], AMS,
            [(at(2026, 1, 6, 0, 30), at(2026, 1, 6, 1, 30), ordinal(2026, 1, 6))],
            id="the same span in Amsterdam: no midnight",
        ),
        pytest.param(
            [(at(2023, 9, 2, 12, tz=SCL), at(2023, 9, 3, 12, tz=SCL))], SCL,
            [(at(2023, 9, 2, 12, tz=SCL), at(2023, 9, 3, 1, tz=SCL), ordinal(2023, 9, 2)),
             (at(2023, 9, 3, 1, tz=SCL), at(2023, 9, 3, 12, tz=SCL), ordinal(2023, 9, 3))],
            id="midnight in a gap: the date starts at 01:00",
        ),
        pytest.param(
            [(at(2011, 12, 29, 12, tz=APIA), at(2011, 12, 31, 12, tz=APIA))], APIA,
            [(at(2011, 12, 29, 12, tz=APIA), at(2011, 12, 31, tz=APIA), ordinal(2011, 12, 29)),
             (at(2011, 12, 31, tz=APIA), at(2011, 12, 31, 12, tz=APIA), ordinal(2011, 12, 31))],
            id="a skipped date has no piece",
        ),
    ],
)  # fmt: skip
def test_split_at_midnights(spans: list[Span], tz: tzinfo, expected: list[Window]) -> None:
    assert split_at_midnights(spans, tz) == tuple(expected)


# -- CombinedSource ---------------------------------------------------------------------


def office() -> Timeline:
    """Weekdays 09:00-17:00 in Amsterdam; Friday 25 December 2026 is a holiday."""
    weekly = [NINE_TO_FIVE] * 5 + [(), ()]
    source = WeeklySource(AMS, weekly, {}, Holidays(date(2026, 12, 25)))
    return Timeline(source, AMS, "<office>")


def evenings() -> Timeline:
    """Every day 12:00-20:00 UTC, and Fridays also 22:00-06:00 UTC."""
    weekly: list[DayWindows] = [((12 * H, 20 * H),)] * 7
    weekly[4] = ((12 * H, 20 * H), (22 * H, 30 * H))
    return Timeline(WeeklySource(UTC, weekly, {}, None), UTC, "<evenings>")


def late() -> Timeline:
    """Weekdays 16:00-23:00 and Saturdays 08:00-24:00 in Amsterdam."""
    weekly = [((16 * H, 23 * H),)] * 5 + [((8 * H, 24 * H),), ()]
    return Timeline(WeeklySource(AMS, weekly, {}, None), AMS, "<late>")


def brute(operation: Operation, operands: list[SpanSet], lo: int, hi: int) -> SpanSet:
    """The combination of ``operands`` on ``[lo, hi)``, decided point by point at every edge."""
    edges = {x for spans in operands for span in spans for x in span if lo < x < hi}
    out = []
    for p, q in pairwise(sorted({lo, hi, *edges})):
        inside = [spans.contains(p) for spans in operands]
        if operation == "union":
            keep = any(inside)
        elif operation == "intersection":
            keep = all(inside)
        else:
            keep = not inside[0]
        if keep:
            out.append((p, q))
    return SpanSet(out)


@pytest.mark.parametrize("year", [2026, 2027])
@pytest.mark.parametrize(
    ("operation", "count"),
    [("union", 2), ("intersection", 2), ("complement", 1), ("union", 3), ("intersection", 3)],
)
def test_combined_chunk_agrees_with_brute_force(
    operation: Operation, count: int, year: int
) -> None:
    operands = [office(), evenings(), late()][:count]
    chunk = CombinedSource(operation, operands, AMS).chunk(year)
    sets = [SpanSet(t.chunk(year).spans) for t in operands]
    expected = brute(operation, sets, year_start(year), year_start(year + 1))
    assert len(expected) > 50  # a year of spans: the comparison is not vacuous
    assert chunk.spans == expected.spans
    # The windows are the spans cut at Amsterdam's midnights, each dated by its local date.
    assert SpanSet((s, e) for s, e, _ in chunk.windows) == expected
    for s, e, day in chunk.windows:
        assert from_us(s, AMS).date().toordinal() == day
        assert e <= wall_to_us(date.fromordinal(day) + timedelta(days=1), 0, AMS)
    for (_, end, day), (start, _, next_day) in pairwise(chunk.windows):
        assert end < start or (end == start and day != next_day)


MONDAY = (at(2026, 11, 23), at(2026, 11, 24))


@pytest.mark.parametrize(
    ("operation", "count", "expected"),
    [
        ("union", 2, [(at(2026, 11, 23, 9), at(2026, 11, 23, 21))]),
        ("intersection", 2, [(at(2026, 11, 23, 13), at(2026, 11, 23, 17))]),
        ("complement", 1, [(MONDAY[0], at(2026, 11, 23, 9)), (at(2026, 11, 23, 17), MONDAY[1])]),
    ],
)
def test_combined_monday(operation: Operation, count: int, expected: list[Span]) -> None:
    # Monday 23 November 2026: the office 09:00-17:00, the evenings 13:00-21:00 (local).
    operands = [office(), evenings()][:count]
    timeline = Timeline(CombinedSource(operation, operands, AMS), AMS, f"<{operation}>")
    assert timeline.spans(*MONDAY) == expected


def test_a_complement_has_weekends_as_working_days() -> None:
    timeline = Timeline(CombinedSource("complement", [office()], AMS), AMS, "<outside>")
    assert timeline.add_working_days(at(2026, 11, 20, 20), 1) == at(2026, 11, 21, 20)
    assert timeline.add_working_days(at(2026, 11, 21, 20), 1) == at(2026, 11, 22, 20)
    # Christmas (a holiday of the office) is open all day outside office hours.
    assert timeline.between(at(2026, 12, 25), at(2026, 12, 26)) == 24 * H * US


# -- exact boundaries (tests added against surviving mutants, docs/testing.md) -----------


def test_a_zone_west_of_utc_asks_for_the_holidays_of_its_own_dates() -> None:
    # UTC 2026 is New York's 2025-12-31 19:00 to 2026-12-31 19:00: local dates from two
    # days before its first (29 December 2025) to 31 December 2026, none in 2027.
    holidays = Holidays(date(2026, 12, 31))
    weekly = [NINE_TO_FIVE] * 7
    chunk = WeeklySource(ZoneInfo("America/New_York"), weekly, {}, holidays).chunk(2026)
    assert set(holidays.asked) == {2025, 2026}
    assert chunk.spans[-1] == (at(2026, 12, 30, 14, tz=UTC), at(2026, 12, 30, 22, tz=UTC))


def test_a_window_across_the_utc_new_year_is_one_window() -> None:
    # Weekday nights in Amsterdam (outside 09:00-17:00, weekends closed): Friday 1 January
    # 2027 00:00-09:00 is one window of that date, though the UTC year 2027 starts at 01:00
    # (it is compiled in two chunks). One working day later is Monday 4 January.
    days = WeeklySource(AMS, [NINE_TO_FIVE] * 5 + [((0, 24 * H),)] * 2, {}, None)
    nights = Timeline(days, AMS, "<days>")
    timeline = Timeline(CombinedSource("complement", [nights], AMS), AMS, "<nights>")
    assert timeline.add_working_days(at(2027, 1, 1, 2), 1) == at(2027, 1, 4, 2)
    assert timeline.add_working_days(at(2027, 1, 1, 8), 1) == at(2027, 1, 4, 8)
