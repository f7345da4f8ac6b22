"""More tests for ``slacalc._engine.timeline``: exact boundaries of compilation, stale
compiled ranges, the ends of the supported range and working days (written against the
mutants that survived the first mutation run, docs/testing.md; tests/test_timeline.py is
full).

Expected instants come from the standard library (``us``), never from the engine.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from slacalc import CalendarError
from slacalc._engine.sources import DayWindows, WeeklySource
from slacalc._engine.timeline import COMPACT_ABOVE, Chunk, Timeline, year_of, year_start
from test_timeline import StubSource

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
HOUR = 3_600_000_000
S = 3600  # an hour in seconds, for wall-clock windows
FIRST_US = -365 * 86_400 * 1_000_000  # 1969-01-01T00:00Z
END_US = 48_212 * 86_400 * 1_000_000  # 2102-01-01T00:00Z
CHECK = ": check its hours, holidays and overrides"


def us(year: int, month: int, day: int, hour: int = 0, minute: int = 0, tz: tzinfo = AMS) -> int:
    """Microseconds since the epoch of a wall-clock time, by the standard library alone."""
    return (datetime(year, month, day, hour, minute, tzinfo=tz) - EPOCH) // timedelta(
        microseconds=1
    )


class Counting:
    """Wraps a ChunkSource and records the years it compiles."""

    def __init__(self, source: WeeklySource) -> None:
        self.source = source
        self.calls: list[int] = []

    def chunk(self, year: int) -> Chunk:
        self.calls.append(year)
        return self.source.chunk(year)


def weekly(days: list[DayWindows], tz: tzinfo = AMS) -> tuple[Timeline, list[int]]:
    """A fresh timeline of weekly hours (no holidays) and the list of years it compiles."""
    source = Counting(WeeklySource(tz, days, {}, None))
    return Timeline(source, tz, "<weekly>"), source.calls


NINE_TO_FIVE: DayWindows = ((9 * S, 17 * S),)
OFFICE = [NINE_TO_FIVE] * 5 + [(), ()]
EVERY_DAY = [NINE_TO_FIVE] * 7


def always() -> tuple[Timeline, list[int]]:
    source = StubSource([(FIRST_US, END_US)])
    return Timeline(source, UTC, "<always>"), source.calls


def message(question: Callable[[], object]) -> str:
    with pytest.raises(CalendarError) as caught:
        question()
    return str(caught.value)


# -- what is compiled -------------------------------------------------------------------


def test_a_question_compiles_its_year_and_nothing_inside_it_compiles_more() -> None:
    timeline, calls = always()
    assert timeline.is_open(us(2026, 6, 1, tz=UTC))
    assert calls == [2026]
    assert timeline.is_open(year_start(2026))  # the first instant of the compiled range
    assert timeline.is_open(year_start(2027) - 1)  # and its last
    assert timeline.next_open(year_start(2026)) == year_start(2026)
    assert calls == [2026]
    assert timeline.is_open(year_start(2027))  # the first instant after it: compiled now
    assert calls == [2026, 2027]


def test_compiling_forward_grows_by_as_many_years_as_are_compiled() -> None:
    # One opening, in 2028: from 2026 the range grows to 2027, then by two years to 2029.
    opening = (us(2028, 6, 1, 9, tz=UTC), us(2028, 6, 1, 10, tz=UTC))
    source = StubSource([opening])
    timeline = Timeline(source, UTC, "<2028>")
    assert timeline.next_open(us(2026, 6, 1, tz=UTC)) == opening[0]
    assert Counter(source.calls) == Counter(range(2026, 2030))


def test_compiling_backward_grows_by_as_many_years_as_are_compiled() -> None:
    # One opening, in 2024: from 2026 the range grows to 2025, then by two years to 2023.
    opening = (us(2024, 6, 1, 9, tz=UTC), us(2024, 6, 1, 10, tz=UTC))
    source = StubSource([opening])
    timeline = Timeline(source, UTC, "<2024>")
    assert timeline.subtract(us(2026, 6, 1, tz=UTC), HOUR) == opening[0]
    assert Counter(source.calls) == Counter(range(2023, 2027))


def test_working_days_compile_the_next_year_only_when_the_target_date_needs_it() -> None:
    # Every day 09:00-17:00 in Amsterdam. The windows of Friday 31 December 2027 may reach
    # the local midnight of 2 January 2028, after the UTC year ends: 2028 is compiled too.
    timeline, calls = weekly(EVERY_DAY)
    assert timeline.add_working_days(us(2027, 12, 30, 10), 1) == us(2027, 12, 31, 10)
    assert calls == [2027, 2028]
    # Thursday 30 December: up to 1 January 2028 00:00+01:00, inside UTC 2027.
    timeline, calls = weekly(EVERY_DAY)
    assert timeline.add_working_days(us(2027, 12, 29, 10), 1) == us(2027, 12, 30, 10)
    assert calls == [2027]
    # In UTC that midnight is where UTC 2028 starts: not inside 2027.
    timeline, calls = weekly(EVERY_DAY, UTC)
    assert timeline.add_working_days(us(2027, 12, 29, 10, tz=UTC), 1) == us(
        2027, 12, 30, 10, tz=UTC
    )
    assert calls == [2027, 2028]


def test_the_last_working_day_of_the_range() -> None:
    timeline, calls = weekly(EVERY_DAY)
    assert timeline.add_working_days(us(2101, 12, 30, 10), 1) == us(2101, 12, 31, 10)
    assert calls == [2101]
    with pytest.raises(CalendarError, match=r"^calendar <weekly> has no working day after"):
        timeline.add_working_days(us(2101, 12, 30, 10), 2)


# -- questions outside what is compiled --------------------------------------------------


def test_questions_outside_the_compiled_year() -> None:
    # Monday to Friday 09:00-17:00 in Amsterdam, with 2026 compiled first.
    timeline, _ = weekly(OFFICE)
    assert not timeline.is_open(us(2026, 6, 6, 12))
    assert timeline.between(us(2030, 6, 3, 9), us(2030, 6, 3, 17)) == 8 * HOUR
    # Thursday 31 December 2026 16:00 to Monday 4 January 2027 10:00: 1 + 8 + 1 hours.
    assert timeline.between(us(2026, 12, 31, 16), us(2027, 1, 4, 10)) == 10 * HOUR
    assert timeline.add(us(2020, 6, 1, 10), HOUR) == us(2020, 6, 1, 11)
    assert timeline.next_open(us(2020, 6, 6, 12)) == us(2020, 6, 8, 9)
    assert timeline.subtract(us(2020, 6, 1, 9, 30), HOUR) == us(2020, 5, 29, 16, 30)


def test_spans_compile_both_ends() -> None:
    first = (us(2026, 6, 1, 9, tz=UTC), us(2026, 6, 1, 17, tz=UTC))
    last = (us(2030, 6, 3, 9, tz=UTC), us(2030, 6, 3, 17, tz=UTC))
    timeline = Timeline(StubSource([first, last]), UTC, "<two>")
    assert timeline.spans(year_start(2026), year_start(2031)) == [first, last]
    timeline, _ = always()
    assert timeline.is_open(us(2026, 6, 1, tz=UTC))  # 2026 compiled
    new_year = year_start(2027)
    assert timeline.spans(new_year - HOUR, new_year + 1) == [(new_year - HOUR, new_year + 1)]


@pytest.mark.parametrize(("a", "b"), [(FIRST_US, FIRST_US), (FIRST_US, FIRST_US - 5)])
def test_no_spans_at_the_first_instant(a: int, b: int) -> None:
    timeline, _ = always()
    assert timeline.spans(a, b) == []


# -- the ends of the supported range and of the open time -------------------------------


def test_a_zero_amount_at_the_ends_of_the_range() -> None:
    timeline, _ = always()
    assert timeline.add(FIRST_US, 0) == FIRST_US
    assert timeline.subtract(FIRST_US, 0) == FIRST_US
    assert timeline.add(END_US - 1, 0) == END_US - 1
    assert message(lambda: timeline.add(END_US, 0)) == (
        "instant 2102-01-01T00:00:00+00:00 lies outside the supported range: slacalc computes "
        "instants from 1969-01-01 to 2101-12-31 (UTC); pass an instant in that range"
    )


FIRST = (us(2026, 3, 2, 9, tz=UTC), us(2026, 3, 2, 10, tz=UTC))  # the only open hour


def one_hour() -> Timeline:
    return Timeline(StubSource([FIRST]), UTC, "<stub>")


def test_subtract_before_the_first_opening() -> None:
    assert one_hour().subtract(FIRST[1], HOUR) == FIRST[0]
    assert one_hour().subtract(FIRST[1], 1) == FIRST[1] - 1
    assert message(lambda: one_hour().subtract(FIRST[0] - HOUR, 1)) == (
        "calendar <stub> has no 2.77778e-10 hours of open time before "
        f"2026-03-02T08:00:00+00:00 after the start of 1969{CHECK}"
    )


def test_hours_in_the_message_are_not_rounded_to_whole_hours() -> None:
    amount = HOUR + 18_000  # an hour and 18 ms: 1.000005 hours
    assert message(lambda: one_hour().add(FIRST[0], amount)) == (
        "calendar <stub> has no 1.00001 hours of open time after 2026-03-02T09:00:00+00:00 "
        f"before the end of 2101{CHECK}"
    )
    assert message(lambda: one_hour().subtract(FIRST[1], amount)) == (
        "calendar <stub> has no 1.00001 hours of open time before 2026-03-02T10:00:00+00:00 "
        f"after the start of 1969{CHECK}"
    )


# -- working days: the window a due instant falls back to -------------------------------

LUNCH = [NINE_TO_FIVE, ((9 * S, 12 * S), (13 * S, 17 * S)), (), (), (), (), ()]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Tuesday 12:30 is closed: the due instant is the end of the window before it.
        pytest.param(us(2026, 11, 23, 12, 30), us(2026, 11, 24, 12), id="in the lunch break"),
        pytest.param(us(2026, 11, 23, 12), us(2026, 11, 24, 12), id="at the window end"),
        pytest.param(us(2026, 11, 23, 13), us(2026, 11, 24, 13), id="at the next start"),
        pytest.param(us(2026, 11, 23, 16, 30), us(2026, 11, 24, 16, 30), id="open"),
    ],
)
def test_a_due_instant_in_a_break_of_the_target_date(start: int, expected: int) -> None:
    # Monday 09:00-17:00, Tuesday 09:00-12:00 and 13:00-17:00 (Amsterdam).
    timeline, _ = weekly(LUNCH)
    assert timeline.add_working_days(start, 1) == expected


def test_a_due_instant_after_the_windows_of_the_next_date() -> None:
    # Monday 20:00-08:00 spans Tuesday's 00:00-02:00; Wednesday 03:00-04:00. From Tuesday
    # 05:00 (Monday's window) one working day is Tuesday: the wall time 05:00 a day later
    # (Wednesday) is closed, and Tuesday's last window closes with Monday's at 08:00.
    days: list[DayWindows] = [((20 * S, 32 * S),), ((0, 2 * S),), ((3 * S, 4 * S),), (), (), (), ()]
    timeline, _ = weekly(days)
    assert timeline.add_working_days(us(2026, 11, 24, 5), 1) == us(2026, 11, 24, 8)


# -- the machine's own time zone plays no part ------------------------------------------


@contextmanager
def machine_zone(name: str) -> Iterator[None]:
    """Run with the process's local time zone set to ``name`` (POSIX TZ)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


@pytest.mark.parametrize("local", ["Pacific/Kiritimati", "Etc/GMT+12"])
def test_the_machine_time_zone_plays_no_part(local: str) -> None:
    with machine_zone(local):
        assert year_of(year_start(2027) - 1) == 2026
        assert year_of(year_start(2027)) == 2027
        # 1 January 2027 00:30-00:45 in Amsterdam lies in UTC 2026.
        days = {date(2027, 1, 1): ((1800, 2700),)}
        chunk = WeeklySource(AMS, [()] * 7, days, None).chunk(2026)
        assert chunk.spans == ((us(2027, 1, 1, 0, 30), us(2027, 1, 1, 0, 45)),)


# -- before 1970 (negative instants) and large calendars ---------------------------------


def test_instants_before_1970() -> None:
    # Monday 2 June 1969 in Amsterdam (UTC+01:00 all year then).
    timeline, _ = weekly(OFFICE)
    assert timeline.between(us(1969, 6, 2, 9), us(1969, 6, 2, 17)) == 8 * HOUR
    assert timeline.add_working_days(us(1969, 6, 2, 10), 1) == us(1969, 6, 3, 10)
    assert timeline.spans(us(1969, 6, 2), us(1969, 6, 3)) == [
        (us(1969, 6, 2, 9), us(1969, 6, 2, 17))
    ]


def test_a_calendar_of_more_than_compact_above_spans() -> None:
    # COMPACT_ABOVE + 1 spans of 1 µs, one every 10 µs from 1969-01-01T00:00Z on.
    count = COMPACT_ABOVE + 1
    timeline = Timeline(
        StubSource([(FIRST_US + 10 * k, FIRST_US + 10 * k + 1) for k in range(count)]),
        UTC,
        "<many>",
    )
    assert timeline.between(FIRST_US, FIRST_US + 10 * count) == count
    assert timeline.add(FIRST_US, count) == FIRST_US + 10 * (count - 1) + 1
    assert timeline.add(FIRST_US + 15, 2) == FIRST_US + 31
    assert timeline.subtract(FIRST_US + 25, 2) == FIRST_US + 10
    assert timeline.spans(FIRST_US + 15, FIRST_US + 31) == [
        (FIRST_US + 20, FIRST_US + 21),
        (FIRST_US + 30, FIRST_US + 31),
    ]
    assert timeline.is_open(FIRST_US + 10 * (count - 1))
    assert not timeline.is_open(FIRST_US + 10 * (count - 1) + 1)
