"""Calendar questions over columns (SPEC 9) equal the scalar calls, element by element.

The oracle is the scalar API itself, asked once per element: it is the engine the
property tests of test_calendar_properties.py check against the minute-by-minute model.
Calendars: office hours with Dutch holidays (Europe/Amsterdam: DST on 29 March and 25
October 2026) and a calendar with a night window across midnight.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc import (
    Calendar,
    CalendarError,
    CalendarTime,
    Holidays,
    InvalidIntervalError,
    NaiveDatetimeError,
    WorkingDays,
)

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

AMS = "Europe/Amsterdam"
OFFICE = Calendar.weekdays("09:00", "17:00", tz=AMS, holidays=Holidays(country="NL"))
NIGHTS = Calendar(
    tz=AMS, hours={"fri": ["22:00-06:00"], "sat": ["01:00-04:00"], "sun": ["12:00-18:00"]}
)
CALENDARS = [OFFICE, NIGHTS]
START = datetime(2026, 1, 1, tzinfo=timezone.utc)

instants = st.integers(0, 2 * 366 * 24 * 60).map(
    lambda m: START + timedelta(minutes=m, seconds=m % 7)
)
durations = st.integers(0, 4 * 24 * 60 * 60).map(lambda s: timedelta(seconds=s))


def column(values: list[datetime | None]) -> pd.Series:
    return pd.Series(pd.to_datetime(values, utc=True), index=[f"r{n}" for n in range(len(values))])


def expected(values: list[datetime | None], one) -> list[object]:  # type: ignore[no-untyped-def]
    return [None if v is None else one(v) for v in values]


def same(result: pd.Series, wanted: list[object]) -> None:
    got = [
        None if pd.isna(v) else (v.to_pytimedelta() if isinstance(v, pd.Timedelta) else v)
        for v in result
    ]
    got = [v.to_pydatetime() if isinstance(v, pd.Timestamp) else v for v in got]
    assert got == wanted


@given(
    st.lists(st.one_of(instants, st.none()), min_size=1, max_size=40),
    durations,
    st.sampled_from(CALENDARS),
)
def test_add_subtract_next_open_next_close_equal_the_scalar_calls(values, duration, calendar):
    series = column(values)
    same(calendar.add(series, duration), expected(values, lambda v: calendar.add(v, duration)))
    same(
        calendar.subtract(series, duration),
        expected(values, lambda v: calendar.subtract(v, duration)),
    )
    same(calendar.next_open(series), expected(values, calendar.next_open))
    same(calendar.next_close(series), expected(values, calendar.next_close))
    flags = calendar.is_open(series)
    assert [None if pd.isna(f) else bool(f) for f in flags] == expected(values, calendar.is_open)


@given(
    st.lists(st.tuples(instants, durations), min_size=1, max_size=40), st.sampled_from(CALENDARS)
)
def test_between_and_a_column_of_durations_equal_the_scalar_calls(pairs, calendar):
    starts = [a for a, _ in pairs]
    ends = [a + d for a, d in pairs]
    same(
        calendar.between(column(starts), column(ends)),
        [calendar.between(a, b) for a, b in zip(starts, ends, strict=True)],
    )
    amounts = pd.Series([d for _, d in pairs], index=[f"r{n}" for n in range(len(pairs))])
    same(calendar.add(column(starts), amounts), [calendar.add(a, d) for a, d in pairs])


def test_a_series_keeps_its_index_and_name_and_comes_back_in_the_calendars_zone() -> None:
    # Monday 23 November 2026 16:00 CET: 8 h of office time -> Tuesday 16:00
    series = pd.Series(
        pd.to_datetime(["2026-11-23 15:00"], utc=True), index=["INC-1"], name="opened"
    )
    due = OFFICE.add(series, timedelta(hours=8))
    assert (list(due.index), due.name, str(due.dt.tz)) == (["INC-1"], "opened", AMS)
    assert due.iloc[0] == pd.Timestamp("2026-11-24 16:00", tz=AMS)


def test_a_datetime_index_and_a_numpy_array_come_back_as_they_came() -> None:
    index = pd.DatetimeIndex(["2026-11-23 15:00"], tz="UTC", name="t")
    assert isinstance(OFFICE.add(index, timedelta(hours=1)), pd.DatetimeIndex)
    array = np.array(["2026-11-23T15:00"], dtype="datetime64[ns]")  # read as UTC: 16:00 CET
    result = OFFICE.add(array, timedelta(hours=1))
    assert result.dtype == np.dtype("datetime64[us]")
    # 16:00 CET + 1 h of office time: the 17:00 close itself, 16:00 UTC
    assert result[0] == np.datetime64("2026-11-23T16:00")


def test_nat_in_gives_nat_out_and_na_for_is_open() -> None:
    series = column([datetime(2026, 11, 23, 15, tzinfo=timezone.utc), None])
    assert pd.isna(OFFICE.add(series, timedelta(hours=1)).iloc[1])
    assert OFFICE.is_open(series).iloc[1] is pd.NA
    durations_with_nat = pd.Series([timedelta(hours=1), pd.NaT], index=series.index)
    assert pd.isna(OFFICE.add(series, durations_with_nat).iloc[1])
    with pytest.raises(CalendarError, match=r"is_open of NaT \(t\[0\]\)"):
        OFFICE.is_open(np.array(["NaT"], dtype="datetime64[ns]"))


def test_a_naive_series_is_refused_naming_the_argument() -> None:
    naive = pd.Series(pd.to_datetime(["2026-11-23 15:00"]))
    with pytest.raises(NaiveDatetimeError, match=r"^t holds naive timestamps: localize them"):
        OFFICE.add(naive, timedelta(hours=1))
    with pytest.raises(NaiveDatetimeError, match=r"^a holds naive"):
        OFFICE.between(naive, naive)


def test_an_instant_out_of_range_is_named_by_position_and_value() -> None:
    far = np.array(["2026-01-01T00:00", "2150-01-01T00:00"], dtype="datetime64[ns]")
    with pytest.raises(
        CalendarError, match=r"^t\[1\] = 2150-01-01T00:00:00.000000 \(UTC\) is outside"
    ):
        OFFICE.add(far, timedelta(hours=1))


def test_bad_columns_are_calendar_errors() -> None:
    series = column([datetime(2026, 11, 23, 15, tzinfo=timezone.utc)])
    with pytest.raises(
        CalendarError, match=r"duration\[0\] = -3600000000 microseconds is negative"
    ):
        OFFICE.add(series, pd.Series([timedelta(hours=-1)]))
    with pytest.raises(CalendarError, match="has 2 values for 1 instants"):
        OFFICE.add(series, pd.Series([timedelta(hours=1)] * 2))
    with pytest.raises(InvalidIntervalError, match=r"b\[0\] lies before a\[0\]"):
        OFFICE.between(series, series - pd.Timedelta(hours=1))


@pytest.mark.parametrize(
    "duration", [WorkingDays(1), WorkingDays(3), CalendarTime(weeks=1, hours=5)]
)
def test_working_days_and_calendar_time_columns_equal_the_scalar_calls(duration) -> None:  # type: ignore[no-untyped-def]
    values = [START + timedelta(hours=h * 13 + 7) for h in range(0, 600, 37)] + [None]
    same(OFFICE.add(column(values), duration), expected(values, lambda v: OFFICE.add(v, duration)))


calendar_times = st.builds(
    CalendarTime,
    months=st.integers(0, 14),
    weeks=st.integers(0, 3),
    days=st.integers(0, 40),
    hours=st.integers(0, 50),
)
# wall times near the DST changes of 2026 (Amsterdam and New York) and month ends
edges = st.sampled_from(
    [datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc), datetime(2026, 10, 25, 0, 30,
     tzinfo=timezone.utc), datetime(2026, 3, 8, 6, 45, tzinfo=timezone.utc),
     datetime(2026, 1, 31, 9, tzinfo=timezone.utc), datetime(2026, 2, 28, 23, 59, 59,
     tzinfo=timezone.utc)]
).flatmap(lambda t: st.integers(-3 * 24 * 60, 3 * 24 * 60).map(
    lambda m: t + timedelta(minutes=m)))  # fmt: skip


@given(
    st.lists(st.one_of(instants, edges, st.none()), min_size=1, max_size=30),
    calendar_times,
    st.sampled_from([OFFICE, Calendar(tz="America/New_York", hours={"mon": ["09:00-17:00"]})]),
    st.sampled_from([+1, -1]),
)
def test_calendar_time_columns_equal_the_scalar_calls(values, duration, calendar, sign) -> None:  # type: ignore[no-untyped-def]
    # months clip to the month's end, days step the local date across DST, a wall time in
    # the spring gap moves to the transition and one in the autumn fold takes the first
    series = column(values)
    if sign > 0:
        found, one = calendar.add(series, duration), lambda v: calendar.add(v, duration)
    else:
        found, one = calendar.subtract(series, duration), lambda v: calendar.subtract(v, duration)
    same(found, expected(values, one))


OVERLAPPING = Calendar(  # windows of two dates overlapping (an overnight window), DST
    tz=AMS, hours={"mon": ["08:00-12:00", "20:00-03:00"], "tue": ["01:00-02:30", "09:00-17:00"],
                   "thu": ["00:00-24:00"], "sat": ["02:00-03:30"]},
    holidays=Holidays(country="NL"),
)  # fmt: skip


@given(
    st.lists(st.one_of(instants, edges, st.none()), min_size=1, max_size=30),
    st.integers(0, 12),
    st.sampled_from([*CALENDARS, OVERLAPPING]),
)
def test_working_days_columns_equal_the_scalar_calls(values, days, calendar) -> None:  # type: ignore[no-untyped-def]
    found = calendar.add(column(values), WorkingDays(days))
    wanted = expected(values, lambda v: calendar.add(v, WorkingDays(days)))
    utc = [None if pd.isna(v) else v.to_pydatetime().astimezone(timezone.utc) for v in found]
    assert utc == [None if w is None else w.astimezone(timezone.utc) for w in wanted]


quarters = st.integers(0, 3 * 7 * 96).map(  # quarter hours of three weeks across DST
    lambda k: datetime(2026, 3, 16, tzinfo=timezone.utc) + timedelta(minutes=15 * k)
)


@given(st.lists(quarters, min_size=20, max_size=60), st.integers(0, 5),
       st.sampled_from([NIGHTS, OVERLAPPING]))  # fmt: skip
def test_working_days_columns_at_window_edges(values, days, calendar) -> None:  # type: ignore[no-untyped-def]
    # instants on the quarter hour meet window starts and ends, so the due instant often
    # falls where the calendar is closed on the due date
    test_working_days_columns_equal_the_scalar_calls.hypothesis.inner_test(  # type: ignore[attr-defined]
        values, days, calendar
    )


def test_calendar_time_columns_at_the_dst_gap_and_fold() -> None:
    # Amsterdam: Saturday 02:30 + 1 day is Sunday 02:30, in the spring gap (moves to the
    # transition, 03:00 CEST) and in the autumn fold (the first, 02:30 CEST)
    values = [datetime(2026, 3, 28, 1, 30, tzinfo=timezone.utc),
              datetime(2026, 10, 24, 0, 30, tzinfo=timezone.utc)]  # fmt: skip
    found = OFFICE.add(column(values), CalendarTime(days=1))
    wanted = [datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc),
              datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)]  # fmt: skip
    utc = [v.to_pydatetime().astimezone(timezone.utc) for v in found]  # (a fold: PEP 495)
    assert utc == wanted
    scalar = [OFFICE.add(v, CalendarTime(days=1)).astimezone(timezone.utc) for v in values]
    assert scalar == wanted


def test_calendar_time_out_of_range_names_the_position() -> None:
    series = column([START, datetime(9990, 1, 1, tzinfo=timezone.utc)])
    with pytest.raises(CalendarError, match=r"t\[1\] = 9990-01-01"):
        OFFICE.add(series, CalendarTime(months=240))


def test_import_slacalc_imports_neither_numpy_nor_pandas() -> None:
    code = "import sys, slacalc; print('numpy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_instants_before_the_first_opening_of_the_compiled_range() -> None:
    # 1 January 2000 (a Saturday) 00:00 UTC lies before the year's first span (Monday 3
    # January 08:00 UTC): found by a fuzz test of the columnar frame path.
    series = column(
        [datetime(2000, 1, 1, tzinfo=timezone.utc), datetime(2000, 1, 1, 5, tzinfo=timezone.utc)]
    )
    same(
        OFFICE.add(series, timedelta(hours=1)), [OFFICE.add(v, timedelta(hours=1)) for v in series]
    )
    same(OFFICE.between(series, series), [timedelta(0), timedelta(0)])
