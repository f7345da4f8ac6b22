"""Tests for ``slacalc._calendar.calendar``: every rule of SPEC section 1 at its boundary instants.

Expected instants are written out by hand, with their UTC offset, in the calendar's zone.
Results are compared by ``isoformat()`` (which shows the offset, so it also tells the two
occurrences of a repeated hour apart) and by zone.

Dates used most: 2026-11-20 is a Friday, 2026-11-23 a Monday; Amsterdam is at +01:00 from
2026-10-25 to 2027-03-28 and at +02:00 from 2026-03-29 to 2026-10-25.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from slacalc import (
    Calendar,
    CalendarError,
    CalendarTime,
    Holidays,
    InvalidIntervalError,
    NaiveDatetimeError,
    SlacalcError,
    WorkingDays,
)

AMS_KEY = "Europe/Amsterdam"
NY_KEY = "America/New_York"
AMS = ZoneInfo(AMS_KEY)
NY = ZoneInfo(NY_KEY)
UTC = timezone.utc
H = timedelta(hours=1)
S = timedelta(seconds=1)
MICRO = timedelta(microseconds=1)
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

NL = Holidays(country="NL", categories=("public", "optional"))

OFFICE = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY)
OFFICE_NL = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY, holidays=NL)
NY_OFFICE = Calendar.weekdays("09:00", "17:00", tz=NY_KEY)
SUPPORT = Calendar(
    tz=AMS_KEY,
    hours={
        "mon": ["08:00-20:00"],
        "tue": ["08:00-17:00"],
        "wed": ["08:00-17:00"],
        "thu": ["08:00-20:00"],
        "fri": ["08:00-17:00"],
    },
    holidays=NL,
    overrides={date(2026, 12, 31): ["08:00-13:00"]},
)


def at(iso: str) -> datetime:
    """An aware instant from ISO text with an explicit offset."""
    value = datetime.fromisoformat(iso)
    assert value.tzinfo is not None, iso
    return value


def assert_instant(result: datetime, expected: str, tz: str = AMS_KEY) -> None:
    """``result`` is the instant ``expected`` (ISO with offset), in the zone ``tz``."""
    assert result.isoformat() == expected
    assert isinstance(result.tzinfo, ZoneInfo)
    assert result.tzinfo.key == tz
    # The canonical datetime of its instant (fold=1 only on a repeated hour's second pass).
    canonical = result.astimezone(UTC).astimezone(result.tzinfo)
    assert (result.fold, result.isoformat()) == (canonical.fold, canonical.isoformat())


# ---------------------------------------------------------------------------------------
# Rule 1: instants
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda c, n: c.is_open(n), "t"),
        (lambda c, n: c.next_open(n), "t"),
        (lambda c, n: c.next_close(n), "t"),
        (lambda c, n: c.add(n, H), "t"),
        (lambda c, n: c.add(n, WorkingDays(1)), "t"),
        (lambda c, n: c.add(n, CalendarTime(days=1)), "t"),
        (lambda c, n: c.subtract(n, H), "t"),
        (lambda c, n: c.between(n, at("2026-11-24T00:00:00+01:00")), "a"),
        (lambda c, n: c.between(at("2026-11-20T00:00:00+01:00"), n), "b"),
        (lambda c, n: c.windows(n, at("2026-11-24T00:00:00+01:00")), "a"),
        (lambda c, n: c.windows(at("2026-11-20T00:00:00+01:00"), n), "b"),
    ],
)
def test_naive_datetimes_are_rejected_naming_the_argument(call: Any, argument: str) -> None:
    naive = datetime(2026, 11, 23, 12, 0)
    with pytest.raises(
        NaiveDatetimeError, match=rf"^{argument}=2026-11-23T12:00:00 is a naive datetime"
    ):
        call(OFFICE, naive)


@pytest.mark.parametrize("value", ["2026-11-23T12:00+01:00", date(2026, 11, 23), 1_795_000_000])
def test_non_datetimes_are_rejected(value: object) -> None:
    with pytest.raises(CalendarError, match=re.escape(repr(value))):
        OFFICE.is_open(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "t",
    [
        at("2026-11-21T12:00:00+00:00"),
        datetime(2026, 11, 21, 6, 0, tzinfo=NY),
        at("2026-11-21T20:00:00+09:00"),
    ],
)
def test_results_are_in_the_calendars_zone(t: datetime) -> None:
    # Saturday: every answer is about the next week, in Amsterdam time.
    assert_instant(OFFICE.next_open(t), "2026-11-23T09:00:00+01:00")
    assert_instant(OFFICE.next_close(t), "2026-11-23T17:00:00+01:00")
    assert_instant(OFFICE.add(t, H), "2026-11-23T10:00:00+01:00")
    assert_instant(OFFICE.add(t, WorkingDays(1)), "2026-11-24T09:00:00+01:00")
    assert_instant(OFFICE.subtract(t, H), "2026-11-20T16:00:00+01:00")
    assert OFFICE.add(t, timedelta(0)).tzinfo is AMS
    for start, end in OFFICE.windows(t, at("2026-11-24T00:00:00+01:00")):
        assert start.tzinfo is AMS
        assert end.tzinfo is AMS


def test_results_of_a_new_york_calendar_are_in_new_york() -> None:
    t = at("2026-11-23T12:00:00+01:00")  # 06:00 in New York
    assert_instant(NY_OFFICE.next_open(t), "2026-11-23T09:00:00-05:00", NY_KEY)
    assert_instant(NY_OFFICE.add(t, 8 * H), "2026-11-23T17:00:00-05:00", NY_KEY)


def test_inputs_in_any_zone_are_the_same_instant() -> None:
    # 09:00 Amsterdam is 08:00 UTC and 03:00 in New York.
    for t in (
        at("2026-11-23T09:00:00+01:00"),
        at("2026-11-23T08:00:00+00:00"),
        datetime(2026, 11, 23, 3, 0, tzinfo=NY),
        datetime(2026, 11, 23, 9, 0, tzinfo=AMS),
    ):
        assert OFFICE.is_open(t)
        assert_instant(OFFICE.add(t, 8 * H), "2026-11-23T17:00:00+01:00")
        assert OFFICE.is_open(t - MICRO) is False


# ---------------------------------------------------------------------------------------
# is_open, next_open, next_close at and around the boundaries (09:00-17:00 Mon-Fri)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "is_open"),
    [
        ("2026-11-23T09:00:00+01:00", True),
        ("2026-11-23T08:59:59+01:00", False),
        ("2026-11-23T08:59:59.999999+01:00", False),
        ("2026-11-23T09:00:00.000001+01:00", True),
        ("2026-11-23T12:00:00+01:00", True),
        ("2026-11-23T16:59:59+01:00", True),
        ("2026-11-23T16:59:59.999999+01:00", True),
        ("2026-11-23T17:00:00+01:00", False),
        ("2026-11-23T17:00:01+01:00", False),
        ("2026-11-23T00:00:00+01:00", False),
        ("2026-11-27T16:59:59+01:00", True),  # Friday
        ("2026-11-28T12:00:00+01:00", False),  # Saturday
        ("2026-11-29T12:00:00+01:00", False),  # Sunday
        ("2026-11-23T08:00:00+00:00", True),  # 09:00 in Amsterdam
        ("2026-11-23T16:00:00+00:00", False),  # 17:00 in Amsterdam
        ("2026-11-23T15:59:59+00:00", True),
        ("2026-07-01T09:00:00+02:00", True),  # summer time
        ("2026-07-01T08:00:00+01:00", True),  # the same instant
        ("2026-07-01T07:59:59+01:00", False),
    ],
)
def test_is_open(t: str, is_open: bool) -> None:
    assert OFFICE.is_open(at(t)) is is_open


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        ("2026-11-23T09:00:00+01:00", "2026-11-23T09:00:00+01:00"),  # at an opening: itself
        ("2026-11-23T08:59:59+01:00", "2026-11-23T09:00:00+01:00"),
        ("2026-11-23T00:00:00+01:00", "2026-11-23T09:00:00+01:00"),
        ("2026-11-23T12:00:00+01:00", "2026-11-23T12:00:00+01:00"),  # open: itself
        ("2026-11-23T16:59:59.999999+01:00", "2026-11-23T16:59:59.999999+01:00"),
        ("2026-11-23T17:00:00+01:00", "2026-11-24T09:00:00+01:00"),  # at a closing: next day
        ("2026-11-20T17:00:00+01:00", "2026-11-23T09:00:00+01:00"),  # Friday -> Monday
        ("2026-11-21T12:00:00+01:00", "2026-11-23T09:00:00+01:00"),  # Saturday
        ("2026-11-22T23:59:59+01:00", "2026-11-23T09:00:00+01:00"),  # Sunday night
    ],
)
def test_next_open(t: str, expected: str) -> None:
    assert_instant(OFFICE.next_open(at(t)), expected)


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        ("2026-11-23T09:00:00+01:00", "2026-11-23T17:00:00+01:00"),
        ("2026-11-23T08:00:00+01:00", "2026-11-23T17:00:00+01:00"),  # the following stretch
        ("2026-11-23T12:00:00+01:00", "2026-11-23T17:00:00+01:00"),
        ("2026-11-23T16:59:59+01:00", "2026-11-23T17:00:00+01:00"),
        ("2026-11-23T17:00:00+01:00", "2026-11-24T17:00:00+01:00"),  # closed at 17:00
        ("2026-11-20T17:00:00+01:00", "2026-11-23T17:00:00+01:00"),  # Friday -> Monday
        ("2026-11-21T12:00:00+01:00", "2026-11-23T17:00:00+01:00"),
    ],
)
def test_next_close(t: str, expected: str) -> None:
    assert_instant(OFFICE.next_close(at(t)), expected)


# ---------------------------------------------------------------------------------------
# Rule 5: the due instant
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "duration", "expected"),
    [
        pytest.param(
            "2026-11-23T09:00:00+01:00", 8 * H, "2026-11-23T17:00:00+01:00", id="09:00+8h=17:00"
        ),
        pytest.param(
            "2026-11-23T16:00:00+01:00", 8 * H, "2026-11-24T16:00:00+01:00", id="Mon16:00+8h"
        ),
        pytest.param(
            "2026-11-23T12:00:00+01:00", 8 * H, "2026-11-24T12:00:00+01:00", id="Mon12:00+8h"
        ),
        pytest.param("2026-11-23T16:59:59+01:00", S, "2026-11-23T17:00:00+01:00", id="last second"),
        pytest.param(
            "2026-11-23T16:59:59+01:00", 2 * S, "2026-11-24T09:00:01+01:00", id="over closing"
        ),
        pytest.param(
            "2026-11-23T09:00:00+01:00",
            MICRO,
            "2026-11-23T09:00:00.000001+01:00",
            id="one microsecond",
        ),
        pytest.param(
            "2026-11-23T07:00:00+01:00", H, "2026-11-23T10:00:00+01:00", id="before opening"
        ),
        pytest.param(
            "2026-11-23T08:00:00+01:00", 8 * H, "2026-11-23T17:00:00+01:00", id="before 8h"
        ),
        pytest.param("2026-11-23T17:00:00+01:00", H, "2026-11-24T10:00:00+01:00", id="at closing"),
        pytest.param(
            "2026-11-23T17:00:00+01:00", 8 * H, "2026-11-24T17:00:00+01:00", id="at closing 8h"
        ),
        pytest.param(
            "2026-11-21T12:00:00+01:00", H, "2026-11-23T10:00:00+01:00", id="from Saturday"
        ),
        pytest.param(
            "2026-11-20T16:00:00+01:00", 2 * H, "2026-11-23T10:00:00+01:00", id="over weekend"
        ),
        pytest.param("2026-11-23T09:00:00+01:00", 40 * H, "2026-11-27T17:00:00+01:00", id="a week"),
        pytest.param(
            "2026-11-23T09:00:00+01:00",
            40 * H + MICRO,
            "2026-11-30T09:00:00.000001+01:00",
            id="a week and a microsecond",
        ),
        pytest.param(
            "2026-11-23T12:30:15.250000+01:00",
            timedelta(hours=1, minutes=15, microseconds=500),
            "2026-11-23T13:45:15.250500+01:00",
            id="microseconds",
        ),
        pytest.param(
            "2026-11-23T10:00:00+01:00",
            timedelta(days=1),
            "2026-11-26T10:00:00+01:00",
            id="timedelta(days=1) is 24 h of open time",
        ),
        pytest.param(
            "2026-11-23T08:00:00+00:00", 8 * H, "2026-11-23T17:00:00+01:00", id="UTC input"
        ),
    ],
)
def test_add(t: str, duration: timedelta, expected: str) -> None:
    start = at(t)
    result = OFFICE.add(start, duration)
    assert_instant(result, expected)
    assert OFFICE.between(start, result) == duration  # rule 6


@pytest.mark.parametrize(
    "t",
    [
        "2026-11-23T12:00:00+01:00",  # open
        "2026-11-23T09:00:00+01:00",  # at an opening
        "2026-11-23T17:00:00+01:00",  # at a closing
        "2026-11-21T12:00:00+01:00",  # Saturday: closed
        "2026-11-21T03:00:00-05:00",
    ],
)
def test_add_nothing_is_t_even_when_closed(t: str) -> None:
    start = at(t)
    assert OFFICE.add(start, timedelta(0)) == start
    assert OFFICE.subtract(start, timedelta(0)) == start


def test_add_nothing_keeps_microseconds() -> None:
    start = at("2026-11-21T12:00:00.000001+01:00")
    assert_instant(OFFICE.add(start, timedelta(0)), "2026-11-21T12:00:00.000001+01:00")


@pytest.mark.parametrize(
    "duration", [timedelta(hours=-1), timedelta(microseconds=-1), timedelta(days=-1)]
)
def test_add_negative_duration_is_an_error(duration: timedelta) -> None:
    with pytest.raises(CalendarError, match=re.escape(repr(duration))) as excinfo:
        OFFICE.add(at("2026-11-23T12:00:00+01:00"), duration)
    assert "negative" in str(excinfo.value)
    assert "subtract" in str(excinfo.value)


def test_subtract_negative_duration_is_an_error() -> None:
    with pytest.raises(CalendarError, match="negative"):
        OFFICE.subtract(at("2026-11-23T12:00:00+01:00"), timedelta(hours=-1))


@pytest.mark.parametrize("duration", [8, 8.0, "8h", None, date(2026, 1, 1)])
def test_add_bad_duration(duration: object) -> None:
    with pytest.raises(CalendarError, match=re.escape(repr(duration))):
        OFFICE.add(at("2026-11-23T12:00:00+01:00"), duration)  # type: ignore[arg-type]


@pytest.mark.parametrize("duration", [WorkingDays(1), 8, "8h"])
def test_subtract_bad_duration(duration: object) -> None:
    with pytest.raises(CalendarError, match=re.escape(repr(duration))):
        OFFICE.subtract(at("2026-11-23T12:00:00+01:00"), duration)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Rule 6: elapsed open time
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2026-11-23T09:00:00+01:00", "2026-11-23T17:00:00+01:00", 8 * H),
        ("2026-11-23T00:00:00+01:00", "2026-11-24T00:00:00+01:00", 8 * H),
        ("2026-11-23T08:00:00+01:00", "2026-11-24T08:00:00+01:00", 8 * H),
        ("2026-11-20T16:00:00+01:00", "2026-11-23T10:00:00+01:00", 2 * H),
        ("2026-11-23T12:00:00+01:00", "2026-11-23T12:00:00+01:00", timedelta(0)),
        ("2026-11-21T00:00:00+01:00", "2026-11-23T00:00:00+01:00", timedelta(0)),
        ("2026-11-23T16:59:59+01:00", "2026-11-23T17:00:01+01:00", S),
        ("2026-11-23T08:59:59+01:00", "2026-11-23T09:00:01+01:00", S),
        ("2026-11-23T17:00:00+01:00", "2026-11-24T09:00:00+01:00", timedelta(0)),
        ("2026-11-23T00:00:00+01:00", "2026-11-30T00:00:00+01:00", 40 * H),
        ("2026-11-23T12:00:00+01:00", "2026-11-23T12:00:00.000001+01:00", MICRO),
        ("2026-11-23T08:00:00+00:00", "2026-11-23T11:00:00-05:00", 8 * H),  # mixed zones
    ],
)
def test_between(a: str, b: str, expected: timedelta) -> None:
    assert OFFICE.between(at(a), at(b)) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2026-11-23T17:00:00+01:00", "2026-11-23T09:00:00+01:00"),
        ("2026-11-23T12:00:00.000001+01:00", "2026-11-23T12:00:00+01:00"),
        ("2026-11-23T12:00:00+01:00", "2026-11-23T10:59:59+00:00"),  # 11:59:59 in Amsterdam
    ],
)
def test_between_backwards_is_an_error(a: str, b: str) -> None:
    with pytest.raises(InvalidIntervalError, match=re.escape(f"b={at(b).isoformat()}")):
        OFFICE.between(at(a), at(b))
    with pytest.raises(InvalidIntervalError, match="lies before"):
        OFFICE.windows(at(a), at(b))


def test_invalid_interval_error_is_a_value_error() -> None:
    assert issubclass(InvalidIntervalError, ValueError)
    assert issubclass(InvalidIntervalError, SlacalcError)


def test_between_at_equal_instants_in_different_zones_is_zero() -> None:
    # 12:00 Amsterdam and 11:00 UTC are one instant: not a backwards interval.
    a = at("2026-11-23T12:00:00+01:00")
    b = at("2026-11-23T11:00:00+00:00")
    assert OFFICE.between(a, b) == timedelta(0)
    assert OFFICE.windows(a, b) == []


@pytest.mark.parametrize(
    ("a", "m", "b", "total"),
    [
        (
            "2026-11-20T16:00:00+01:00",
            "2026-11-21T12:00:00+01:00",
            "2026-11-23T10:00:00+01:00",
            2 * H,
        ),
        (
            "2026-11-23T08:00:00+01:00",
            "2026-11-23T12:34:56.789012+01:00",
            "2026-11-24T08:00:00+01:00",
            8 * H,
        ),
        (
            "2026-11-23T09:00:00+01:00",
            "2026-11-23T17:00:00+01:00",
            "2026-11-24T09:00:00+01:00",
            8 * H,
        ),
        (
            "2026-11-23T09:00:00+01:00",
            "2026-11-23T09:00:00+01:00",
            "2026-11-27T17:00:00+01:00",
            40 * H,
        ),
        (
            "2026-01-01T00:00:00+01:00",
            "2026-03-29T03:00:00+02:00",
            "2026-12-31T00:00:00+01:00",
            # 2026 has 261 weekdays; 260 of them before Thursday 31 December.
            260 * 8 * H,
        ),
    ],
)
def test_between_is_additive(a: str, m: str, b: str, total: timedelta) -> None:
    ta, tm, tb = at(a), at(m), at(b)
    assert OFFICE.between(ta, tb) == total
    assert OFFICE.between(ta, tm) + OFFICE.between(tm, tb) == total


@pytest.mark.parametrize(
    ("t", "duration", "expected"),
    [
        ("2026-11-24T10:00:00+01:00", 2 * H, "2026-11-23T16:00:00+01:00"),
        ("2026-11-23T17:00:00+01:00", 8 * H, "2026-11-23T09:00:00+01:00"),
        ("2026-11-23T17:00:00+01:00", H, "2026-11-23T16:00:00+01:00"),
        # Any s in [Fri 17:00, Mon 09:00] has 1 h before Mon 10:00: the latest is 09:00.
        ("2026-11-23T10:00:00+01:00", H, "2026-11-23T09:00:00+01:00"),
        ("2026-11-23T09:00:00+01:00", H, "2026-11-20T16:00:00+01:00"),
        ("2026-11-24T09:00:00+01:00", H, "2026-11-23T16:00:00+01:00"),
        ("2026-11-24T08:00:00+01:00", H, "2026-11-23T16:00:00+01:00"),
        ("2026-11-24T09:00:00+01:00", 8 * H, "2026-11-23T09:00:00+01:00"),
        ("2026-11-21T12:00:00+01:00", 8 * H, "2026-11-20T09:00:00+01:00"),
        ("2026-11-23T09:00:00.000001+01:00", MICRO, "2026-11-23T09:00:00+01:00"),
        ("2026-11-23T09:00:00+01:00", MICRO, "2026-11-20T16:59:59.999999+01:00"),
        ("2026-11-30T09:00:00+01:00", 40 * H, "2026-11-23T09:00:00+01:00"),
    ],
)
def test_subtract_latest_s(t: str, duration: timedelta, expected: str) -> None:
    end = at(t)
    result = OFFICE.subtract(end, duration)
    assert_instant(result, expected)
    assert OFFICE.between(result, end) == duration
    # It is the latest such s: a microsecond later is too little.
    assert OFFICE.between(result + MICRO, end) < duration


# ---------------------------------------------------------------------------------------
# windows(a, b)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "2026-11-23T12:00:00+01:00",
            "2026-11-24T10:00:00+01:00",
            [
                ("2026-11-23T12:00:00+01:00", "2026-11-23T17:00:00+01:00"),
                ("2026-11-24T09:00:00+01:00", "2026-11-24T10:00:00+01:00"),
            ],
        ),
        (
            "2026-11-23T09:00:00+01:00",
            "2026-11-23T17:00:00+01:00",
            [("2026-11-23T09:00:00+01:00", "2026-11-23T17:00:00+01:00")],
        ),
        (
            "2026-11-20T00:00:00+01:00",
            "2026-11-24T00:00:00+01:00",
            [
                ("2026-11-20T09:00:00+01:00", "2026-11-20T17:00:00+01:00"),
                ("2026-11-23T09:00:00+01:00", "2026-11-23T17:00:00+01:00"),
            ],
        ),
        ("2026-11-23T17:00:00+01:00", "2026-11-24T09:00:00+01:00", []),
        ("2026-11-21T00:00:00+01:00", "2026-11-23T00:00:00+01:00", []),
        ("2026-11-23T12:00:00+01:00", "2026-11-23T12:00:00+01:00", []),
        (
            "2026-11-23T16:59:59+01:00",
            "2026-11-24T09:00:01+01:00",
            [
                ("2026-11-23T16:59:59+01:00", "2026-11-23T17:00:00+01:00"),
                ("2026-11-24T09:00:00+01:00", "2026-11-24T09:00:01+01:00"),
            ],
        ),
        (
            "2026-11-23T11:00:00+00:00",
            "2026-11-23T07:00:00-05:00",
            [("2026-11-23T12:00:00+01:00", "2026-11-23T13:00:00+01:00")],
        ),
    ],
)
def test_windows_are_clipped(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    result = OFFICE.windows(at(a), at(b))
    assert [(s.isoformat(), e.isoformat()) for s, e in result] == expected
    for s, e in result:
        assert s.tzinfo is AMS
        assert e.tzinfo is AMS


# ---------------------------------------------------------------------------------------
# Rule 2: windows -- overnight, several a day, merging, overrides
# ---------------------------------------------------------------------------------------

NIGHTS = Calendar(tz=AMS_KEY, hours={"mon": ["22:00-06:00"]})


@pytest.mark.parametrize(
    ("t", "is_open"),
    [
        ("2026-11-23T21:59:59+01:00", False),
        ("2026-11-23T22:00:00+01:00", True),
        ("2026-11-23T23:59:59+01:00", True),
        ("2026-11-24T00:00:00+01:00", True),
        ("2026-11-24T05:59:59.999999+01:00", True),
        ("2026-11-24T06:00:00+01:00", False),
        ("2026-11-24T22:00:00+01:00", False),  # Tuesday has no window
        ("2026-11-23T03:00:00+01:00", False),  # Sunday had no window
    ],
)
def test_overnight_window_belongs_to_its_start_day(t: str, is_open: bool) -> None:
    assert NIGHTS.is_open(at(t)) is is_open


def test_overnight_window_is_one_stretch() -> None:
    assert_instant(NIGHTS.next_close(at("2026-11-23T23:00:00+01:00")), "2026-11-24T06:00:00+01:00")
    assert_instant(NIGHTS.next_open(at("2026-11-24T06:00:00+01:00")), "2026-11-30T22:00:00+01:00")
    assert_instant(NIGHTS.add(at("2026-11-23T23:00:00+01:00"), 2 * H), "2026-11-24T01:00:00+01:00")
    assert NIGHTS.between(at("2026-11-23T00:00:00+01:00"), at("2026-11-25T00:00:00+01:00")) == (
        8 * H
    )
    result = NIGHTS.windows(at("2026-11-23T00:00:00+01:00"), at("2026-11-25T00:00:00+01:00"))
    assert [(s.isoformat(), e.isoformat()) for s, e in result] == [
        ("2026-11-23T22:00:00+01:00", "2026-11-24T06:00:00+01:00")
    ]


@pytest.mark.parametrize(
    "holidays",
    [
        pytest.param(Holidays(country="NL"), id="public"),
        pytest.param(Holidays(country="NL", categories=("public", "optional")), id="optional"),
        pytest.param(Holidays(country="US", extra=[date(2026, 4, 27)]), id="an extra date"),
    ],
)
def test_holiday_closes_the_overnight_window_that_starts_on_it(holidays: Holidays) -> None:
    nightly = Calendar(tz=AMS_KEY, hours={d: ["22:00-06:00"] for d in WEEK}, holidays=holidays)
    # Sunday 26 April's window runs into King's Day (Monday 27 April): it stays open.
    assert nightly.is_open(at("2026-04-27T03:00:00+02:00"))
    assert nightly.is_open(at("2026-04-27T05:59:59+02:00"))
    assert_instant(nightly.next_close(at("2026-04-27T03:00:00+02:00")), "2026-04-27T06:00:00+02:00")
    # King's Day's own window (27 April 22:00 to 28 April 06:00) is closed.
    assert not nightly.is_open(at("2026-04-27T22:00:00+02:00"))
    assert not nightly.is_open(at("2026-04-28T03:00:00+02:00"))
    assert nightly.is_open(at("2026-04-28T22:00:00+02:00"))
    assert_instant(nightly.next_open(at("2026-04-27T06:00:00+02:00")), "2026-04-28T22:00:00+02:00")
    assert nightly.between(at("2026-04-26T12:00:00+02:00"), at("2026-04-29T12:00:00+02:00")) == (
        16 * H
    )


def test_holiday_on_the_following_date_does_not_close_an_overnight_window() -> None:
    # An extra holiday on Tuesday 24 November: Monday's 22:00-06:00 still runs to Tuesday.
    nightly = Calendar(
        tz=AMS_KEY,
        hours={d: ["22:00-06:00"] for d in WEEK},
        holidays=Holidays(country="NL", extra=[date(2026, 11, 24)]),
    )
    assert nightly.is_open(at("2026-11-24T05:00:00+01:00"))
    assert not nightly.is_open(at("2026-11-24T22:00:00+01:00"))
    assert not nightly.is_open(at("2026-11-25T05:00:00+01:00"))
    assert nightly.is_open(at("2026-11-25T22:00:00+01:00"))


@pytest.mark.parametrize(
    ("hours", "t", "next_close", "open_on_monday"),
    [
        pytest.param(
            {"mon": ["09:00-12:00", "12:00-17:00"]},
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T17:00:00+01:00",
            8 * H,
            id="touching",
        ),
        pytest.param(
            {"mon": ["09:00-13:00", "12:00-17:00"]},
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T17:00:00+01:00",
            8 * H,
            id="overlapping",
        ),
        pytest.param(
            {"mon": ["13:00-17:00", "09:00-12:00", "12:00-13:00"]},
            "2026-11-23T09:00:00+01:00",
            "2026-11-23T17:00:00+01:00",
            8 * H,
            id="three out of order",
        ),
        pytest.param(
            {"mon": ["09:00-12:00", "13:00-17:00"]},
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T12:00:00+01:00",
            7 * H,
            id="split day stays split",
        ),
        pytest.param(
            {"mon": ["18:00-24:00"], "tue": ["00:00-06:00"]},
            "2026-11-23T20:00:00+01:00",
            "2026-11-24T06:00:00+01:00",
            6 * H,
            id="touching across midnight",
        ),
        pytest.param(
            {"mon": ["22:00-06:00"], "tue": ["05:00-10:00"]},
            "2026-11-23T23:00:00+01:00",
            "2026-11-24T10:00:00+01:00",
            2 * H,
            id="overnight overlapping the next day",
        ),
    ],
)
def test_touching_and_overlapping_windows_merge(
    hours: dict[str, list[str]], t: str, next_close: str, open_on_monday: timedelta
) -> None:
    cal = Calendar(tz=AMS_KEY, hours=hours)
    assert_instant(cal.next_close(at(t)), next_close)
    monday = cal.between(at("2026-11-23T00:00:00+01:00"), at("2026-11-24T00:00:00+01:00"))
    assert monday == open_on_monday


def test_merged_windows_count_overlap_once() -> None:
    cal = Calendar(tz=AMS_KEY, hours={"mon": ["22:00-06:00"], "tue": ["05:00-10:00"]})
    # Monday 22:00 to Tuesday 10:00 is 12 h, not 8 h + 5 h.
    start, end = at("2026-11-23T00:00:00+01:00"), at("2026-11-25T00:00:00+01:00")
    assert cal.between(start, end) == 12 * H
    assert [(s.isoformat(), e.isoformat()) for s, e in cal.windows(start, end)] == [
        ("2026-11-23T22:00:00+01:00", "2026-11-24T10:00:00+01:00")
    ]
    assert cal.is_open(at("2026-11-24T05:30:00+01:00"))


def test_24_hour_windows_and_seconds() -> None:
    cal = Calendar(tz=AMS_KEY, hours={"mon": ["00:00-24:00"], "tue": ["08:30:15-17:45:30"]})
    assert cal.is_open(at("2026-11-23T00:00:00+01:00"))
    assert cal.is_open(at("2026-11-23T23:59:59.999999+01:00"))
    assert not cal.is_open(at("2026-11-24T00:00:00+01:00"))
    assert_instant(cal.next_open(at("2026-11-24T00:00:00+01:00")), "2026-11-24T08:30:15+01:00")
    assert_instant(cal.next_close(at("2026-11-24T09:00:00+01:00")), "2026-11-24T17:45:30+01:00")
    assert cal.is_open(at("2026-11-24T17:45:29+01:00"))
    assert not cal.is_open(at("2026-11-24T17:45:30+01:00"))


OVERRIDDEN = Calendar(
    tz=AMS_KEY,
    hours={d: ["09:00-17:00"] for d in WEEK[:5]},
    holidays=NL,
    overrides={
        date(2026, 12, 31): ["08:00-13:00"],  # Thursday: shorter
        date(2026, 11, 24): [],  # Tuesday: closed
        date(2026, 11, 28): ["10:00-14:00"],  # Saturday: open
        date(2026, 4, 27): ["10:00-12:00"],  # King's Day: the override wins
    },
)


@pytest.mark.parametrize(
    ("t", "is_open"),
    [
        ("2026-12-31T07:59:59+01:00", False),
        ("2026-12-31T08:00:00+01:00", True),
        ("2026-12-31T12:59:59+01:00", True),
        ("2026-12-31T13:00:00+01:00", False),
        ("2026-12-31T16:00:00+01:00", False),
        ("2026-11-24T12:00:00+01:00", False),
        ("2026-11-23T12:00:00+01:00", True),  # the Monday before is untouched
        ("2026-11-25T12:00:00+01:00", True),
        ("2026-11-28T09:59:59+01:00", False),
        ("2026-11-28T10:00:00+01:00", True),
        ("2026-11-28T13:59:59+01:00", True),
        ("2026-11-28T14:00:00+01:00", False),
        ("2026-11-29T10:00:00+01:00", False),
        ("2026-04-27T09:30:00+02:00", False),
        ("2026-04-27T10:00:00+02:00", True),
        ("2026-04-27T11:59:59+02:00", True),
        ("2026-04-27T12:00:00+02:00", False),
        ("2026-04-28T09:00:00+02:00", True),
        ("2026-05-05T10:00:00+02:00", False),  # Liberation Day, no override
    ],
)
def test_overrides(t: str, is_open: bool) -> None:
    assert OVERRIDDEN.is_open(at(t)) is is_open


def test_overrides_in_questions() -> None:
    assert_instant(
        OVERRIDDEN.next_close(at("2026-12-31T09:00:00+01:00")), "2026-12-31T13:00:00+01:00"
    )
    # 1 h left on 31 December, Friday 1 January 2027 is New Year's Day: Monday 4 January.
    assert_instant(
        OVERRIDDEN.add(at("2026-12-31T12:00:00+01:00"), 2 * H), "2027-01-04T10:00:00+01:00"
    )
    assert_instant(
        OVERRIDDEN.next_open(at("2026-11-23T17:00:00+01:00")), "2026-11-25T09:00:00+01:00"
    )
    assert_instant(
        OVERRIDDEN.next_open(at("2026-11-27T17:00:00+01:00")), "2026-11-28T10:00:00+01:00"
    )
    assert (
        OVERRIDDEN.between(at("2026-11-23T00:00:00+01:00"), at("2026-11-30T00:00:00+01:00"))
        == (4 * 8 + 4) * H
    )


def test_support_calendar_from_the_spec() -> None:
    assert SUPPORT.is_open(at("2026-11-23T19:59:59+01:00"))  # Monday until 20:00
    assert not SUPPORT.is_open(at("2026-11-24T17:00:00+01:00"))  # Tuesday until 17:00
    assert not SUPPORT.is_open(at("2026-12-31T14:00:00+01:00"))  # override 08:00-13:00
    assert not SUPPORT.is_open(at("2026-12-25T10:00:00+01:00"))  # Christmas
    assert_instant(SUPPORT.add(at("2026-12-31T12:00:00+01:00"), 2 * H), "2027-01-04T09:00:00+01:00")
    assert_instant(SUPPORT.add(at("2026-11-23T16:00:00+01:00"), 8 * H), "2026-11-24T12:00:00+01:00")
    # Monday 19:00 + 2 working days: Wednesday 19:00 is after its 17:00 closing.
    assert_instant(
        SUPPORT.add(at("2026-11-23T19:00:00+01:00"), WorkingDays(2)), "2026-11-25T17:00:00+01:00"
    )


# ---------------------------------------------------------------------------------------
# Rule 4: union, intersection, complement
# ---------------------------------------------------------------------------------------

MORNING = Calendar(tz=AMS_KEY, hours={"mon": ["09:00-12:00"]})
AFTERNOON = Calendar(tz=AMS_KEY, hours={"mon": ["12:00-17:00"]})


def test_union_of_touching_calendars_is_one_stretch() -> None:
    day = MORNING | AFTERNOON
    assert day == MORNING.union(AFTERNOON)
    assert_instant(day.next_close(at("2026-11-23T10:00:00+01:00")), "2026-11-23T17:00:00+01:00")
    assert day.is_open(at("2026-11-23T12:00:00+01:00"))
    assert_instant(day.add(at("2026-11-23T09:00:00+01:00"), 8 * H), "2026-11-23T17:00:00+01:00")


def test_calendars_in_different_zones() -> None:
    # Monday 23 November 2026: New York 09:00-17:00 (-05:00) is Amsterdam 15:00-23:00.
    monday = at("2026-11-23T00:00:00+01:00")
    tuesday = at("2026-11-24T00:00:00+01:00")

    either = OFFICE | NY_OFFICE
    assert either.tz == AMS_KEY
    assert either.is_open(at("2026-11-23T20:00:00+01:00"))
    assert not either.is_open(at("2026-11-23T23:00:00+01:00"))
    assert_instant(either.next_close(at("2026-11-23T10:00:00+01:00")), "2026-11-23T23:00:00+01:00")
    assert either.between(monday, tuesday) == 14 * H

    # The left operand gives the zone of the results.
    either_ny = NY_OFFICE | OFFICE
    assert either_ny.tz == NY_KEY
    assert_instant(
        either_ny.next_close(at("2026-11-23T10:00:00+01:00")), "2026-11-23T17:00:00-05:00", NY_KEY
    )

    both = OFFICE & NY_OFFICE
    assert both == OFFICE.intersection(NY_OFFICE)
    assert_instant(both.next_open(at("2026-11-23T09:00:00+01:00")), "2026-11-23T15:00:00+01:00")
    assert_instant(both.next_close(at("2026-11-23T09:00:00+01:00")), "2026-11-23T17:00:00+01:00")
    assert both.between(monday, tuesday) == 2 * H
    assert both.between(monday, at("2026-11-28T00:00:00+01:00")) == 10 * H
    assert_instant(
        (NY_OFFICE & OFFICE).next_open(at("2026-11-23T09:00:00+01:00")),
        "2026-11-23T09:00:00-05:00",
        NY_KEY,
    )


def test_complement() -> None:
    closed = ~OFFICE
    assert closed == OFFICE.complement()
    assert closed.is_open(at("2026-11-23T17:00:00+01:00"))
    assert not closed.is_open(at("2026-11-23T16:59:59+01:00"))
    assert closed.is_open(at("2026-11-23T08:59:59+01:00"))
    assert not closed.is_open(at("2026-11-23T09:00:00+01:00"))
    assert_instant(closed.next_open(at("2026-11-23T12:00:00+01:00")), "2026-11-23T17:00:00+01:00")
    assert_instant(closed.next_close(at("2026-11-23T17:00:00+01:00")), "2026-11-24T09:00:00+01:00")
    assert_instant(closed.next_close(at("2026-11-20T17:00:00+01:00")), "2026-11-23T09:00:00+01:00")
    day = (at("2026-11-23T00:00:00+01:00"), at("2026-11-24T00:00:00+01:00"))
    assert closed.between(*day) == 16 * H
    assert_instant(
        (~(OFFICE | NY_OFFICE)).next_open(at("2026-11-23T10:00:00+01:00")),
        "2026-11-23T23:00:00+01:00",
    )
    # A complement of a complement is open when the original is.
    assert (~closed).between(*day) == 8 * H


def test_each_side_keeps_its_own_holidays() -> None:
    # King's Day (Monday 27 April 2026) closes the Dutch office but not New York, whose
    # 09:00-17:00 (-04:00) is 15:00-23:00 in Amsterdam (+02:00).
    either = OFFICE_NL | NY_OFFICE
    assert not either.is_open(at("2026-04-27T10:00:00+02:00"))
    assert either.is_open(at("2026-04-27T15:00:00+02:00"))
    assert_instant(either.next_open(at("2026-04-27T08:00:00+02:00")), "2026-04-27T15:00:00+02:00")
    assert (~OFFICE_NL).is_open(at("2026-04-27T12:00:00+02:00"))
    assert not (~OFFICE).is_open(at("2026-04-27T12:00:00+02:00"))


def test_each_side_keeps_its_own_overrides() -> None:
    short = Calendar(
        tz=AMS_KEY,
        hours={d: ["09:00-17:00"] for d in WEEK[:5]},
        overrides={date(2026, 11, 23): ["09:00-10:00"]},
    )
    evening = Calendar(tz=AMS_KEY, hours={"mon": ["18:00-20:00"]})
    cal = short | evening
    assert not cal.is_open(at("2026-11-23T12:00:00+01:00"))
    assert cal.is_open(at("2026-11-23T18:00:00+01:00"))
    assert cal.between(at("2026-11-23T00:00:00+01:00"), at("2026-11-24T00:00:00+01:00")) == 3 * H


def test_operators_with_other_types() -> None:
    with pytest.raises(TypeError):
        _ = OFFICE | 1  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _ = OFFICE & "mon"  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Rule 7: working days
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "n", "expected"),
    [
        # n = 0 is next_open.
        pytest.param("2026-11-23T10:00:00+01:00", 0, "2026-11-23T10:00:00+01:00", id="n=0 open"),
        pytest.param(
            "2026-11-21T12:00:00+01:00", 0, "2026-11-23T09:00:00+01:00", id="n=0 Saturday"
        ),
        pytest.param(
            "2026-11-23T17:00:00+01:00", 0, "2026-11-24T09:00:00+01:00", id="n=0 at closing"
        ),
        pytest.param("2026-11-23T10:00:00+01:00", 1, "2026-11-24T10:00:00+01:00", id="n=1"),
        pytest.param("2026-11-23T10:00:00+01:00", 2, "2026-11-25T10:00:00+01:00", id="n=2"),
        pytest.param("2026-11-23T10:00:00+01:00", 5, "2026-11-30T10:00:00+01:00", id="n=5"),
        pytest.param(
            "2026-11-20T10:00:00+01:00", 1, "2026-11-23T10:00:00+01:00", id="over a weekend"
        ),
        pytest.param(
            "2026-11-23T09:00:00+01:00", 1, "2026-11-24T09:00:00+01:00", id="at the opening"
        ),
        pytest.param("2026-11-23T16:59:59+01:00", 1, "2026-11-24T16:59:59+01:00", id="last second"),
        # Good Friday 3 April and Easter Monday 6 April 2026.
        pytest.param("2026-04-02T10:00:00+02:00", 1, "2026-04-07T10:00:00+02:00", id="over Easter"),
        pytest.param(
            "2026-04-02T10:00:00+02:00", 2, "2026-04-08T10:00:00+02:00", id="n=2 over Easter"
        ),
        # King's Day, Monday 27 April 2026.
        pytest.param(
            "2026-04-24T10:00:00+02:00", 1, "2026-04-28T10:00:00+02:00", id="over King's Day"
        ),
        # Liberation Day, Tuesday 5 May 2026 ("optional" category).
        pytest.param("2026-05-04T10:00:00+02:00", 1, "2026-05-06T10:00:00+02:00", id="over 5 May"),
        # Ascension Day, Thursday 14 May 2026.
        pytest.param(
            "2026-05-13T10:00:00+02:00", 1, "2026-05-15T10:00:00+02:00", id="over Ascension"
        ),
        # A start after closing counts from the next opening (Tuesday 09:00).
        pytest.param(
            "2026-11-23T18:00:00+01:00", 1, "2026-11-25T09:00:00+01:00", id="after closing"
        ),
        pytest.param(
            "2026-11-20T18:00:00+01:00",
            1,
            "2026-11-24T09:00:00+01:00",
            id="Friday after closing",
        ),
        pytest.param(
            "2026-04-03T10:00:00+02:00", 1, "2026-04-08T09:00:00+02:00", id="on Good Friday"
        ),
        pytest.param(
            "2026-11-23T07:00:00+01:00", 1, "2026-11-24T09:00:00+01:00", id="before opening"
        ),
        # Christmas (Friday 25 and Saturday 26 December), then New Year's Day.
        pytest.param(
            "2026-12-24T10:00:00+01:00", 1, "2026-12-28T10:00:00+01:00", id="over Christmas"
        ),
        pytest.param(
            "2026-12-31T10:00:00+01:00", 1, "2027-01-04T10:00:00+01:00", id="over New Year"
        ),
    ],
)
def test_working_days(t: str, n: int, expected: str) -> None:
    assert_instant(OFFICE_NL.add(at(t), WorkingDays(n)), expected)


OVERNIGHT = Calendar(tz=AMS_KEY, hours={d: ["22:00-06:00"] for d in WEEK[:5]})


@pytest.mark.parametrize(
    ("t", "n", "expected"),
    [
        # Tuesday 03:00 is in Monday's window: one working day later is Wednesday 03:00,
        # in Tuesday's window.
        ("2026-11-24T03:00:00+01:00", 1, "2026-11-25T03:00:00+01:00"),
        ("2026-11-24T03:00:00+01:00", 0, "2026-11-24T03:00:00+01:00"),
        ("2026-11-23T23:00:00+01:00", 1, "2026-11-24T23:00:00+01:00"),
        # Saturday 03:00 is in Friday's window: Monday's window, Tuesday 03:00.
        ("2026-11-21T03:00:00+01:00", 1, "2026-11-24T03:00:00+01:00"),
        ("2026-11-21T03:00:00+01:00", 2, "2026-11-25T03:00:00+01:00"),
        # Tuesday 12:00 is closed: the next opening is Tuesday 22:00 (Tuesday's window).
        ("2026-11-24T12:00:00+01:00", 1, "2026-11-25T22:00:00+01:00"),
    ],
)
def test_working_days_overnight(t: str, n: int, expected: str) -> None:
    assert_instant(OVERNIGHT.add(at(t), WorkingDays(n)), expected)


@pytest.mark.parametrize(
    ("hours", "t", "expected"),
    [
        pytest.param(
            {"mon": ["08:00-17:00"], "tue": ["10:00-17:00"]},
            "2026-11-23T08:30:00+01:00",
            "2026-11-24T10:00:00+01:00",
            id="candidate before the first opening: the first opening",
        ),
        pytest.param(
            {"mon": ["09:00-20:00"], "tue": ["09:00-17:00"]},
            "2026-11-23T19:00:00+01:00",
            "2026-11-24T17:00:00+01:00",
            id="candidate after the last closing: the last closing",
        ),
        pytest.param(
            {"mon": ["09:00-20:00"], "tue": ["09:00-17:00"]},
            "2026-11-23T17:00:00+01:00",
            "2026-11-24T17:00:00+01:00",
            id="candidate exactly at the last closing",
        ),
        pytest.param(
            {"mon": ["09:00-17:00"], "tue": ["09:00-12:00", "13:00-17:00"]},
            "2026-11-23T12:30:00+01:00",
            "2026-11-24T12:00:00+01:00",
            id="split day: the last closing at or before the candidate",
        ),
        pytest.param(
            {"mon": ["09:00-17:00"], "tue": ["09:00-12:00", "13:00-17:00"]},
            "2026-11-23T12:00:00+01:00",
            "2026-11-24T12:00:00+01:00",
            id="split day: candidate at the break",
        ),
        pytest.param(
            {"mon": ["09:00-17:00"], "tue": ["09:00-12:00", "13:00-17:00"]},
            "2026-11-23T13:00:00+01:00",
            "2026-11-24T13:00:00+01:00",
            id="split day: candidate open again",
        ),
        pytest.param(
            {"mon": ["09:00-17:00"], "tue": ["09:00-12:00", "13:00-17:00"]},
            "2026-11-23T16:30:00+01:00",
            "2026-11-24T16:30:00+01:00",
            id="split day: afternoon",
        ),
        pytest.param(
            {"mon": ["09:00-17:00"], "wed": ["13:00-14:00"]},
            "2026-11-23T09:30:00+01:00",
            "2026-11-25T13:00:00+01:00",
            id="closed Tuesday is no working day",
        ),
        pytest.param(
            {"mon": ["09:00-17:00"], "wed": ["13:00-14:00"]},
            "2026-11-23T16:00:00+01:00",
            "2026-11-25T14:00:00+01:00",
            id="short next working day",
        ),
        pytest.param(
            {"mon": ["09:00-17:00"], "tue": ["20:00-02:00"]},
            "2026-11-23T16:00:00+01:00",
            "2026-11-24T20:00:00+01:00",
            id="next working day opens in the evening",
        ),
    ],
)
def test_working_days_candidate(hours: dict[str, list[str]], t: str, expected: str) -> None:
    cal = Calendar(tz=AMS_KEY, hours=hours)
    assert_instant(cal.add(at(t), WorkingDays(1)), expected)


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        # Tuesday 24 November is closed by an empty override.
        ("2026-11-23T10:00:00+01:00", "2026-11-25T10:00:00+01:00"),
        # Saturday 28 November is open 10:00-14:00 by an override.
        ("2026-11-27T11:00:00+01:00", "2026-11-28T11:00:00+01:00"),
        ("2026-11-27T15:00:00+01:00", "2026-11-28T14:00:00+01:00"),
        ("2026-11-27T09:00:00+01:00", "2026-11-28T10:00:00+01:00"),
        # Thursday 31 December is 08:00-13:00.
        ("2026-12-30T15:00:00+01:00", "2026-12-31T13:00:00+01:00"),
        ("2026-12-30T09:00:00+01:00", "2026-12-31T09:00:00+01:00"),
        # King's Day is open 10:00-12:00 by an override: a working day.
        ("2026-04-24T09:00:00+02:00", "2026-04-27T10:00:00+02:00"),
        ("2026-04-24T16:00:00+02:00", "2026-04-27T12:00:00+02:00"),
    ],
)
def test_working_days_with_overrides(t: str, expected: str) -> None:
    assert_instant(OVERRIDDEN.add(at(t), WorkingDays(1)), expected)


def test_working_days_on_combined_calendars() -> None:
    # Open 09:00-23:00 Amsterdam on weekdays (Amsterdam office or New York office).
    either = OFFICE | NY_OFFICE
    assert_instant(
        either.add(at("2026-11-23T20:00:00+01:00"), WorkingDays(1)), "2026-11-24T20:00:00+01:00"
    )
    assert_instant(
        either.add(at("2026-11-20T22:00:00+01:00"), WorkingDays(1)), "2026-11-23T22:00:00+01:00"
    )


# ---------------------------------------------------------------------------------------
# Rule 8: calendar time
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "duration", "expected"),
    [
        pytest.param(
            "2026-01-31T10:00:00+01:00",
            CalendarTime(months=1),
            "2026-02-28T10:00:00+01:00",
            id="31 Jan + 1 month = 28 Feb",
        ),
        pytest.param(
            "2028-01-31T10:00:00+01:00",
            CalendarTime(months=1),
            "2028-02-29T10:00:00+01:00",
            id="31 Jan 2028 + 1 month = 29 Feb",
        ),
        pytest.param(
            "2026-11-23T16:00:00+01:00",
            CalendarTime(months=3),
            "2027-02-23T16:00:00+01:00",
            id="3 months",
        ),
        pytest.param(
            "2026-01-15T10:00:00+01:00",
            CalendarTime(months=3),
            "2026-04-15T10:00:00+02:00",
            id="3 months into summer time keep the wall clock",
        ),
        pytest.param(
            "2026-11-30T10:00:00+01:00",
            CalendarTime(months=3),
            "2027-02-28T10:00:00+01:00",
            id="30 Nov + 3 months",
        ),
        pytest.param(
            "2026-03-23T10:00:00+01:00",
            CalendarTime(weeks=1),
            "2026-03-30T10:00:00+02:00",
            id="a week over the spring change is 167 real hours",
        ),
        pytest.param(
            "2026-11-23T16:00:00+01:00",
            CalendarTime(weeks=2),
            "2026-12-07T16:00:00+01:00",
            id="2 weeks",
        ),
        pytest.param(
            "2026-11-21T12:00:00+01:00",
            CalendarTime(days=1),
            "2026-11-22T12:00:00+01:00",
            id="a day ignores the windows",
        ),
        pytest.param(
            "2026-03-28T22:00:00+01:00",
            CalendarTime(hours=8),
            "2026-03-29T07:00:00+02:00",
            id="hours are real time over the spring change",
        ),
        pytest.param(
            "2026-10-24T12:00:00+02:00",
            CalendarTime(hours=24),
            "2026-10-25T11:00:00+01:00",
            id="24 hours over the autumn change",
        ),
        pytest.param(
            "2026-10-24T12:00:00+02:00",
            CalendarTime(days=1),
            "2026-10-25T12:00:00+01:00",
            id="a day over the autumn change is 25 real hours",
        ),
        pytest.param(
            "2026-03-28T12:00:00+01:00",
            CalendarTime(days=1, hours=1),
            "2026-03-29T13:00:00+02:00",
            id="date first, then hours",
        ),
        pytest.param(
            "2026-01-31T10:00:00+01:00",
            CalendarTime(months=1, weeks=1, days=1),
            "2026-03-08T10:00:00+01:00",
            id="months, weeks and days together",
        ),
        pytest.param(
            "2026-11-23T08:00:00+00:00",
            CalendarTime(days=1),
            "2026-11-24T09:00:00+01:00",
            id="UTC input: the local date steps",
        ),
    ],
)
def test_calendar_time(t: str, duration: CalendarTime, expected: str) -> None:
    assert_instant(OFFICE.add(at(t), duration), expected)


def test_calendar_time_zero_is_t() -> None:
    t = at("2026-11-21T12:00:00+01:00")
    assert OFFICE.add(t, CalendarTime()) == t


def test_calendar_time_steps_the_calendars_local_date() -> None:
    # 23:30 UTC on Monday is Tuesday 00:30 in Amsterdam and Monday 18:30 in New York.
    t = at("2026-11-23T23:30:00+00:00")
    assert_instant(OFFICE.add(t, CalendarTime(months=1)), "2026-12-24T00:30:00+01:00")
    assert_instant(NY_OFFICE.add(t, CalendarTime(months=1)), "2026-12-23T18:30:00-05:00", NY_KEY)


# ---------------------------------------------------------------------------------------
# Rule 9: bad input
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "bad", "allowed"),
    [
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["25:00-26:00"]}}, "25:00-26:00", "HH:MM-HH:MM"
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["24:00-10:00"]}}, "24:00-10:00", "HH:MM-HH:MM"
        ),
        pytest.param({"tz": AMS_KEY, "hours": {"mon": ["9-17"]}}, "9-17", "HH:MM-HH:MM"),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["09:00-17:00", "09:60-10:00"]}},
            "09:60-10:00",
            "HH:MM-HH:MM",
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"funday": ["09:00-17:00"]}}, "funday", "mon, tue, wed"
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["09:00-17:00"], "monday": ["10:00-12:00"]}},
            "monday",
            "once",
        ),
        pytest.param({"tz": "Mars/Olympus_Mons"}, "Mars/Olympus_Mons", "IANA"),
        pytest.param({"tz": "Europe/Amsterdan"}, "Europe/Amsterdan", "'Europe/Amsterdam'"),
        pytest.param({"tz": ""}, "''", "IANA"),
        pytest.param({"tz": AMS_KEY, "holidays": {"country": "XX"}}, "XX", "ISO 3166"),
        pytest.param(
            {"tz": AMS_KEY, "holidays": {"country": "NL", "categories": ["bank"]}},
            "bank",
            "optional, public",
        ),
        pytest.param(
            {"tz": AMS_KEY, "overrides": {"2026-12-31": ["25:00-26:00"]}},
            "25:00-26:00",
            "HH:MM-HH:MM",
        ),
        pytest.param(
            {"tz": AMS_KEY, "overrides": {"2026-13-01": ["09:00-17:00"]}},
            "2026-13-01",
            "YYYY-MM-DD",
        ),
        pytest.param({"tz": AMS_KEY, "hours": {"mon": 5}}, "got 5", "['09:00-17:00']"),
        pytest.param(
            {"tz": AMS_KEY, "overrides": {datetime(2026, 12, 31, 9): ["09:00-12:00"]}},
            "datetime.datetime(2026, 12, 31, 9, 0)",
            "use a date",
        ),
        pytest.param({"tz": AMS_KEY, "hour": {}}, "hour", "Extra inputs are not permitted"),
    ],
)
def test_bad_calendars(fields: dict[str, Any], bad: str, allowed: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(bad)) as excinfo:
        Calendar(**fields)
    assert allowed in str(excinfo.value)
    assert isinstance(excinfo.value, ValueError)


@pytest.mark.parametrize(
    ("start", "end", "bad"),
    [("25:00", "26:00", "25:00-26:00"), ("9", "17", "9-17"), ("24:00", "10:00", "24:00-10:00")],
)
def test_bad_weekdays(start: str, end: str, bad: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(bad)):
        Calendar.weekdays(start, end, tz=AMS_KEY)


def test_bad_zone_in_constructors() -> None:
    with pytest.raises(ValidationError, match="Europe/Amsterdan"):
        Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdan")
    with pytest.raises(ValidationError, match="Mars/Olympus_Mons"):
        Calendar.always(tz="Mars/Olympus_Mons")


def test_bad_holiday_country() -> None:
    with pytest.raises(ValidationError, match="'XX'") as excinfo:
        Calendar(tz=AMS_KEY, holidays=Holidays(country="XX"))
    assert "holidays package" in str(excinfo.value)


NO_OPEN_TIME = [
    pytest.param(Calendar(tz=AMS_KEY, hours={}), id="hours={}"),
    pytest.param(Calendar(tz=AMS_KEY), id="no hours"),
    pytest.param(Calendar(tz=AMS_KEY, hours={"mon": []}), id="hours with an empty day"),
    pytest.param(MORNING & AFTERNOON, id="two disjoint calendars intersected"),
    pytest.param(OFFICE & ~OFFICE, id="a calendar and its complement intersected"),
    pytest.param(~Calendar.always(tz=AMS_KEY), id="complement of 24x7"),
]


@pytest.mark.parametrize("cal", NO_OPEN_TIME)
def test_no_open_time_raises_instead_of_looping(cal: Calendar) -> None:
    # These calls must finish (with an error); they must not loop.
    t = at("2026-11-23T10:00:00+01:00")
    with pytest.raises(CalendarError, match="no"):
        cal.add(t, H)
    with pytest.raises(CalendarError, match="no"):
        cal.add(t, MICRO)
    with pytest.raises(CalendarError, match="no"):
        cal.next_open(t)
    with pytest.raises(CalendarError, match="no"):
        cal.add(t, WorkingDays(1))
    with pytest.raises(CalendarError, match="no"):
        cal.add(t, WorkingDays(0))
    with pytest.raises(CalendarError):
        cal.subtract(t, H)
    # Questions that have an answer still answer it.
    assert cal.add(t, timedelta(0)) == t
    assert not cal.is_open(t)
    assert cal.between(t, at("2027-11-23T10:00:00+01:00")) == timedelta(0)
    assert cal.windows(t, at("2027-11-23T10:00:00+01:00")) == []


def test_no_open_time_after_some_date() -> None:
    # No weekly hours, one override: open on Monday 23 November 2026 only.
    once = Calendar(tz=AMS_KEY, overrides={date(2026, 11, 23): ["09:00-17:00"]})
    assert_instant(once.next_open(at("2026-01-01T00:00:00+01:00")), "2026-11-23T09:00:00+01:00")
    assert_instant(once.add(at("2026-01-01T00:00:00+01:00"), 8 * H), "2026-11-23T17:00:00+01:00")
    with pytest.raises(CalendarError):
        once.add(at("2026-11-23T09:00:00+01:00"), 8 * H + MICRO)
    with pytest.raises(CalendarError):
        once.next_open(at("2026-11-23T17:00:00+01:00"))
    with pytest.raises(CalendarError):
        once.add(at("2026-11-23T10:00:00+01:00"), WorkingDays(1))


# ---------------------------------------------------------------------------------------
# The supported range: 1970 to 2100
# ---------------------------------------------------------------------------------------


def test_instants_in_1970() -> None:
    # Thursday 1 January 1970; Amsterdam had no summer time then (+01:00 all year).
    assert_instant(OFFICE.next_open(at("1970-01-01T00:00:00+01:00")), "1970-01-01T09:00:00+01:00")
    assert_instant(OFFICE.add(at("1970-01-01T10:00:00+01:00"), 8 * H), "1970-01-02T10:00:00+01:00")
    assert_instant(
        OFFICE.subtract(at("1970-01-02T10:00:00+01:00"), 8 * H), "1970-01-01T10:00:00+01:00"
    )
    assert OFFICE.between(at("1970-01-01T00:00:00+01:00"), at("1970-01-05T00:00:00+01:00")) == (
        16 * H
    )
    assert_instant(
        OFFICE.add(at("1970-01-01T10:00:00+01:00"), WorkingDays(1)), "1970-01-02T10:00:00+01:00"
    )
    always = Calendar.always()
    assert always.is_open(at("1970-01-01T00:00:00+00:00"))
    assert_instant(
        always.next_open(at("1970-01-01T00:00:00+00:00")), "1970-01-01T00:00:00+00:00", "UTC"
    )
    assert always.between(at("1970-01-01T00:00:00+00:00"), at("1970-01-02T00:00:00+00:00")) == (
        24 * H
    )


def test_instants_in_2100() -> None:
    # Friday 31 December 2100; 1 January 2101 is a Saturday.
    assert_instant(OFFICE.add(at("2100-12-31T16:00:00+01:00"), H), "2100-12-31T17:00:00+01:00")
    assert_instant(OFFICE.add(at("2100-12-31T16:00:00+01:00"), 2 * H), "2101-01-03T10:00:00+01:00")
    assert_instant(OFFICE.next_open(at("2100-12-31T17:00:00+01:00")), "2101-01-03T09:00:00+01:00")
    assert_instant(
        OFFICE.add(at("2100-12-30T10:00:00+01:00"), WorkingDays(1)), "2100-12-31T10:00:00+01:00"
    )
    assert OFFICE.is_open(at("2100-12-31T16:59:59+01:00"))
    assert_instant(
        OFFICE.add(at("2100-12-31T23:59:59+01:00"), CalendarTime(hours=1)),
        "2101-01-01T00:59:59+01:00",
    )


@pytest.mark.parametrize(
    "instant",
    ["1900-06-01T12:00:00+00:00", "1968-12-31T23:59:59+00:00", "2102-01-01T00:00:00+00:00",
     "9999-01-01T00:00:00+00:00"],
)  # fmt: skip
def test_an_instant_outside_the_range_is_named_as_given(instant: str) -> None:
    with pytest.raises(CalendarError) as caught:
        OFFICE.add(at(instant), H)
    assert str(caught.value) == (
        f"instant {instant} lies outside the supported range: slacalc computes instants "
        "from 1969-01-01 to 2101-12-31 (UTC); pass an instant in that range"
    )


def test_the_whole_range_in_one_question() -> None:
    always = Calendar.always()
    # 47,847 days from 1 January 1970 to 1 January 2101.
    assert always.between(at("1970-01-01T00:00:00+00:00"), at("2101-01-01T00:00:00+00:00")) == (
        timedelta(days=47_847)
    )
    assert_instant(
        always.add(at("1970-01-01T00:00:00+00:00"), timedelta(days=47_847)),
        "2101-01-01T00:00:00+00:00",
        "UTC",
    )
    assert_instant(
        OFFICE.subtract(at("2100-12-31T17:00:00+01:00"), 8 * H), "2100-12-31T09:00:00+01:00"
    )


# ---------------------------------------------------------------------------------------
# Year boundaries (open stretches that run from one year into the next)
# ---------------------------------------------------------------------------------------


def test_overnight_window_into_the_new_year() -> None:
    # Thursday 31 December 2026 22:00 to Friday 1 January 2027 06:00 (no holidays).
    assert OVERNIGHT.is_open(at("2027-01-01T00:30:00+01:00"))
    assert OVERNIGHT.is_open(at("2026-12-31T23:30:00+00:00"))
    assert_instant(
        OVERNIGHT.next_close(at("2026-12-31T23:00:00+01:00")), "2027-01-01T06:00:00+01:00"
    )
    assert OVERNIGHT.between(at("2026-12-31T12:00:00+01:00"), at("2027-01-01T12:00:00+01:00")) == (
        8 * H
    )
    assert_instant(
        OVERNIGHT.add(at("2026-12-31T23:00:00+01:00"), 6 * H), "2027-01-01T05:00:00+01:00"
    )
    assert_instant(
        OVERNIGHT.subtract(at("2027-01-01T05:00:00+01:00"), 6 * H), "2026-12-31T23:00:00+01:00"
    )
    # Friday 03:00 is in Thursday's window: one working day later is in Friday's window.
    assert_instant(
        OVERNIGHT.add(at("2027-01-01T03:00:00+01:00"), WorkingDays(1)),
        "2027-01-02T03:00:00+01:00",
    )


def test_closed_stretch_into_the_new_year() -> None:
    closed = ~OFFICE
    # Friday 31 December 2027 17:00 to Monday 3 January 2028 09:00 is one closed stretch.
    assert_instant(closed.next_close(at("2027-12-31T18:00:00+01:00")), "2028-01-03T09:00:00+01:00")
    assert closed.between(at("2027-12-31T17:00:00+01:00"), at("2028-01-03T09:00:00+01:00")) == (
        64 * H
    )
    assert_instant(closed.add(at("2027-12-31T17:00:00+01:00"), 64 * H), "2028-01-03T09:00:00+01:00")


def test_office_over_the_new_year() -> None:
    # Without holidays Friday 1 January 2027 is an ordinary working day.
    assert_instant(
        OFFICE.subtract(at("2027-01-04T10:00:00+01:00"), 2 * H), "2027-01-01T16:00:00+01:00"
    )
    # With the Dutch holidays it is not.
    assert_instant(
        OFFICE_NL.add(at("2026-12-31T16:00:00+01:00"), 2 * H), "2027-01-04T10:00:00+01:00"
    )
    assert_instant(
        OFFICE_NL.subtract(at("2027-01-04T10:00:00+01:00"), 2 * H), "2026-12-31T16:00:00+01:00"
    )
    # Ten working days from Monday 14 December 2026, skipping Christmas (25 and 26 December).
    assert_instant(
        OFFICE_NL.add(at("2026-12-14T10:00:00+01:00"), WorkingDays(10)),
        "2026-12-29T10:00:00+01:00",
    )


def test_touching_windows_across_a_new_year_midnight() -> None:
    # Friday 31 December 2027 20:00-24:00 and Saturday 1 January 2028 00:00-02:00 (UTC)
    # form one stretch, even when the years were compiled at different times.
    cal = Calendar(tz="UTC", hours={"fri": ["20:00-24:00"], "sat": ["00:00-02:00"]})
    assert not cal.is_open(at("2026-06-01T00:00:00+00:00"))
    t = at("2027-12-31T21:00:00+00:00")
    assert_instant(cal.next_close(t), "2028-01-01T02:00:00+00:00", "UTC")
    assert_instant(cal.add(t, 4 * H), "2028-01-01T01:00:00+00:00", "UTC")
    assert_instant(cal.subtract(at("2028-01-01T01:00:00+00:00"), 4 * H), t.isoformat(), "UTC")
    # Saturday is the next working day; Saturday 21:00 is after its 02:00 closing.
    assert_instant(cal.add(t, WorkingDays(1)), "2028-01-01T02:00:00+00:00", "UTC")


def test_a_year_of_24x7_in_a_dst_zone() -> None:
    always = Calendar.always(tz=AMS_KEY)
    year = (at("2026-01-01T00:00:00+01:00"), at("2027-01-01T00:00:00+01:00"))
    assert always.between(*year) == 365 * 24 * H
    assert [(s.isoformat(), e.isoformat()) for s, e in always.windows(*year)] == [
        ("2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00")
    ]


# ---------------------------------------------------------------------------------------
# The model: frozen, hashable, equal by value, JSON round trip, JSON Schema
# ---------------------------------------------------------------------------------------

CALENDARS = [
    pytest.param(OFFICE, id="office"),
    pytest.param(OFFICE_NL, id="office with holidays"),
    pytest.param(SUPPORT, id="support"),
    pytest.param(OVERRIDDEN, id="overrides"),
    pytest.param(OVERNIGHT, id="overnight"),
    pytest.param(Calendar.always(), id="24x7"),
    pytest.param(
        Calendar(tz=AMS_KEY, hours={"tue": ["08:30:15-17:45:30", "18:00-24:00"]}), id="seconds"
    ),
    pytest.param(OFFICE | NY_OFFICE, id="union"),
    pytest.param(OFFICE & NY_OFFICE, id="intersection"),
    pytest.param(~OFFICE_NL, id="complement"),
    pytest.param((~(OFFICE | NY_OFFICE)) & Calendar.always(), id="nested"),
    pytest.param(Calendar(tz=AMS_KEY), id="empty"),
]


@pytest.mark.parametrize("cal", CALENDARS)
def test_json_round_trip(cal: Calendar) -> None:
    via_python = Calendar.model_validate(cal.model_dump(mode="json"))
    via_json = Calendar.model_validate_json(cal.model_dump_json())
    for back in (via_python, via_json):
        assert back == cal
        assert hash(back) == hash(cal)
        assert back.model_dump(mode="json") == cal.model_dump(mode="json")
    # The JSON form is plain JSON.
    assert json.loads(cal.model_dump_json()) == cal.model_dump(mode="json")


@pytest.mark.parametrize("cal", CALENDARS)
def test_round_trip_answers_the_same(cal: Calendar) -> None:
    back = Calendar.model_validate_json(cal.model_dump_json())
    a, b = at("2026-11-16T00:00:00+01:00"), at("2026-12-01T00:00:00+01:00")
    assert back.between(a, b) == cal.between(a, b)
    assert back.windows(a, b) == cal.windows(a, b)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["09:00-17:00"]}},
            {"tz": AMS_KEY, "hours": [("mon", ["09:00-17:00"])]},
            id="hours dict and list of pairs",
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["09:00-17:00"]}},
            {"tz": AMS_KEY, "hours": [["Monday", ("9:00-17:00",)]]},
            id="spelling",
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["09:00-17:00"]}},
            {"tz": AMS_KEY, "hours": {"mon": "09:00-17:00"}},
            id="one window as text",
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"tue": ["09:00-17:00"], "mon": ["09:00-17:00"]}},
            {"tz": AMS_KEY, "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"]}},
            id="day order",
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": ["13:00-17:00", "09:00-12:00"]}},
            {"tz": AMS_KEY, "hours": {"mon": ("09:00-12:00", "13:00-17:00")}},
            id="window order",
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {"mon": []}},
            {"tz": AMS_KEY, "hours": {}},
            id="empty day",
        ),
        pytest.param(
            {"tz": AMS_KEY, "overrides": {date(2026, 12, 31): ["08:00-13:00"]}},
            {"tz": AMS_KEY, "overrides": {"2026-12-31": ("08:00-13:00",)}},
            id="overrides date and text",
        ),
        pytest.param(
            {"tz": AMS_KEY, "overrides": {date(2026, 12, 31): ["08:00-13:00"]}},
            {"tz": AMS_KEY, "overrides": [(date(2026, 12, 31), ["08:00-13:00"])]},
            id="overrides dict and list of pairs",
        ),
        pytest.param(
            {"tz": AMS_KEY, "holidays": Holidays(country="NL", extra=[date(2026, 5, 15)])},
            {"tz": AMS_KEY, "holidays": {"country": "NL", "extra": ["2026-05-15"]}},
            id="holidays model and dict",
        ),
        pytest.param(
            {"tz": AMS_KEY, "hours": {d: ["09:00-17:00"] for d in WEEK[:5]}},
            {"tz": AMS_KEY, "hours": [(d, ["09:00-17:00"]) for d in WEEK[:5]]},
            id="weekdays",
        ),
    ],
)
def test_dict_and_list_inputs_give_equal_models(
    left: dict[str, Any], right: dict[str, Any]
) -> None:
    a, b = Calendar(**left), Calendar(**right)
    assert a == b
    assert hash(a) == hash(b)
    assert a.model_dump_json() == b.model_dump_json()


def test_constructors_equal_explicit_calendars() -> None:
    assert Calendar(tz=AMS_KEY, hours={d: ["09:00-17:00"] for d in WEEK[:5]}) == OFFICE
    assert Calendar.always(tz="UTC") == Calendar(tz="UTC", hours={d: ["00:00-24:00"] for d in WEEK})
    assert Calendar.always() == Calendar.always(tz="UTC")


def test_hours_are_stored_as_tuples() -> None:
    cal = Calendar(tz=AMS_KEY, hours={"Monday": ["13:00-17:00", "9:00-12:00"]})
    assert cal.hours == (("mon", ("09:00-12:00", "13:00-17:00")),)
    assert SUPPORT.overrides == ((date(2026, 12, 31), ("08:00-13:00",)),)


def test_frozen() -> None:
    cal = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY)
    with pytest.raises(ValidationError, match="frozen"):
        cal.tz = "UTC"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        cal.hours = ()  # type: ignore[misc]


def test_equal_by_value_and_hashable() -> None:
    a = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY)
    b = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY)
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, OFFICE_NL, NY_OFFICE}) == 3
    assert a != OFFICE_NL
    assert a != NY_OFFICE
    assert (a | NY_OFFICE) == (b | NY_OFFICE)
    assert (a | NY_OFFICE) != (NY_OFFICE | a)  # the zone of the result differs


def test_using_a_calendar_does_not_change_its_value() -> None:
    used = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY, holidays=NL)
    fresh = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY, holidays=NL)
    before = used.model_dump(mode="json")
    used.add(at("2026-11-23T16:00:00+01:00"), 8 * H)
    assert used == fresh
    assert hash(used) == hash(fresh)
    assert used.model_dump(mode="json") == before
    assert used.model_dump_json() == fresh.model_dump_json()
    assert Calendar.model_validate_json(used.model_dump_json()) == fresh


def test_json_schema() -> None:
    schema = Calendar.model_json_schema()
    json.dumps(schema)  # plain JSON
    defs = schema.get("$defs", {})
    properties = schema.get("properties") or defs["Calendar"]["properties"]
    assert {"tz", "hours", "holidays", "overrides"} <= set(properties)
    assert properties["hours"]["type"] == "object"
    assert properties["overrides"]["type"] == "object"


# -- holidays given as holidays.HolidayBase or dates; weekdays with overrides -------------------


def test_weekdays_take_overrides() -> None:
    cal = Calendar.weekdays(
        "09:00", "17:00", tz=AMS_KEY, overrides={date(2026, 12, 31): ["09:00-13:00"]}
    )
    new_years_eve = datetime(2026, 12, 31, 13, tzinfo=AMS)
    assert cal.is_open(new_years_eve - timedelta(seconds=1))
    assert not cal.is_open(new_years_eve)
    assert cal.add(datetime(2026, 12, 31, 12, tzinfo=AMS), timedelta(hours=2)) == datetime(
        2027, 1, 1, 10, tzinfo=AMS
    )


def test_a_calendar_takes_a_holiday_base_as_its_holidays() -> None:
    import holidays

    cal = Calendar.weekdays("09:00", "17:00", tz=AMS_KEY, holidays=holidays.NL())
    assert cal.holidays == Holidays(country="NL")
    king = datetime(2026, 4, 27, 9, tzinfo=AMS)  # Koningsdag, a Monday
    assert not cal.is_open(king)
    assert cal.next_open(king) == datetime(2026, 4, 28, 9, tzinfo=AMS)


def test_a_calendar_takes_a_list_of_dates_as_its_holidays() -> None:
    cal = Calendar(tz=AMS_KEY, hours={"thu": ["09:00-17:00"]}, holidays=[date(2026, 12, 24)])
    assert cal.holidays == Holidays(country=None, extra=[date(2026, 12, 24)])
    assert cal.next_open(datetime(2026, 12, 24, 9, tzinfo=AMS)) == datetime(
        2026, 12, 31, 9, tzinfo=AMS
    )
    assert Calendar.model_validate_json(cal.model_dump_json()) == cal
