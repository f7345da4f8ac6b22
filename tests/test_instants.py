"""Tests for ``slacalc._engine.instants``: aware datetimes as exact integer microseconds, zones."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from slacalc import CalendarError, NaiveDatetimeError, SlacalcError
from slacalc._engine.instants import (
    US,
    duration_us,
    from_us,
    in_range,
    naive_wall_to_us,
    require_aware,
    to_timedelta,
    to_us,
    wall_to_us,
    zone,
)

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")
NY = ZoneInfo("America/New_York")
LH = ZoneInfo("Australia/Lord_Howe")


def us_of(iso: str) -> int:
    """Microseconds since the epoch of an ISO instant with an offset (by integer maths)."""
    value = datetime.fromisoformat(iso)
    return (value - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)


# -- naive datetimes ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["t", "start", "opened_at"])
def test_naive_datetime_names_the_argument(name: str) -> None:
    naive = datetime(2026, 11, 23, 16, 0)
    with pytest.raises(
        NaiveDatetimeError, match=rf"^{name}=2026-11-23T16:00:00 is a naive datetime"
    ) as excinfo:
        require_aware(naive, name)
    assert isinstance(excinfo.value, ValueError)
    assert isinstance(excinfo.value, SlacalcError)
    # The message says what to do.
    assert "ZoneInfo" in str(excinfo.value)


def test_to_us_rejects_naive_datetimes() -> None:
    with pytest.raises(NaiveDatetimeError, match=r"^when=2026-01-01T00:00:00 is a naive"):
        to_us(datetime(2026, 1, 1), "when")


@pytest.mark.parametrize("value", [date(2026, 11, 23), "2026-11-23T16:00+01:00", 0, None])
def test_not_a_datetime(value: object) -> None:
    with pytest.raises(CalendarError, match=rf"^t={re.escape(repr(value))} is not a datetime"):
        require_aware(value, "t")


def test_require_aware_returns_the_value() -> None:
    value = datetime(2026, 11, 23, 16, tzinfo=AMS)
    assert require_aware(value, "t") is value


# -- to_us / from_us --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(1970, 1, 1, tzinfo=UTC), 0),
        (datetime(1970, 1, 1, 0, 0, 1, 5, tzinfo=UTC), 1_000_005),
        (datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=UTC), 1),
        (datetime(1969, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC), -1),
        (datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC), -1_000_000),
        (datetime(1970, 1, 1, 1, 0, tzinfo=AMS), 0),
        (datetime(2026, 11, 23, 16, 0, tzinfo=AMS), 1_795_446_000 * US),
        (datetime(2026, 11, 23, 16, 0, 0, 123_456, tzinfo=AMS), 1_795_446_000 * US + 123_456),
        (datetime(2026, 11, 23, 15, 0, 0, 999_999, tzinfo=UTC), 1_795_446_000 * US + 999_999),
        (datetime(2100, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC), 4_133_980_799 * US + 999_999),
        (datetime(2100, 12, 31, 23, 59, 59, 1, tzinfo=UTC), 4_133_980_799 * US + 1),
        (datetime(2101, 1, 1, tzinfo=UTC), 4_133_980_800 * US),
        (
            datetime(2026, 11, 23, 16, 0, tzinfo=timezone(timedelta(hours=5, minutes=45))),
            1_795_428_900 * US,
        ),
    ],
)
def test_to_us_is_exact(value: datetime, expected: int) -> None:
    assert to_us(value, "t") == expected
    assert to_us(value, "t") == us_of(value.isoformat())


@pytest.mark.parametrize(
    "iso",
    [
        "1970-01-01T00:00:00+00:00",
        "1970-01-01T00:00:00.000001+00:00",
        "1969-12-31T23:59:59.999999+00:00",
        "2026-03-29T01:59:59.999999+01:00",
        "2026-03-29T03:00:00+02:00",
        "2026-10-25T02:30:00.500000+02:00",
        "2026-10-25T02:30:00.500000+01:00",
        "2038-01-19T03:14:08.000001+00:00",
        "2100-12-31T23:59:59.999999+01:00",
        "2101-12-31T23:59:59.999999+00:00",
    ],
)
def test_to_us_from_us_round_trip(iso: str) -> None:
    us = us_of(iso)
    back = from_us(us, AMS)
    assert to_us(back, "t") == us
    assert back.tzinfo is AMS
    # Compare in UTC: an inter-zone == is always False for an instant in a fold (PEP 495).
    assert back.astimezone(UTC) == datetime.fromisoformat(iso).astimezone(UTC)


@pytest.mark.parametrize(
    ("us", "tz", "iso"),
    [
        (0, UTC, "1970-01-01T00:00:00+00:00"),
        (1_500_000, UTC, "1970-01-01T00:00:01.500000+00:00"),
        (-1, UTC, "1969-12-31T23:59:59.999999+00:00"),
        (1, AMS, "1970-01-01T01:00:00.000001+01:00"),
        (1_795_446_000 * US, AMS, "2026-11-23T16:00:00+01:00"),
        (1_795_446_000 * US + 7, NY, "2026-11-23T10:00:00.000007-05:00"),
        (1_795_446_000 * US, LH, "2026-11-24T02:00:00+11:00"),
    ],
)
def test_from_us(us: int, tz: timezone | ZoneInfo, iso: str) -> None:
    result = from_us(us, tz)
    assert result.isoformat() == iso
    assert result.tzinfo is tz


@pytest.mark.parametrize(
    ("iso_utc", "tz", "local_iso", "fold"),
    [
        # Europe/Amsterdam 2026-10-25: 03:00 CEST -> 02:00 CET; 02:00-03:00 happens twice.
        ("2026-10-25T00:30:00+00:00", AMS, "2026-10-25T02:30:00+02:00", 0),
        ("2026-10-25T01:00:00+00:00", AMS, "2026-10-25T02:00:00+01:00", 1),
        ("2026-10-25T01:30:00+00:00", AMS, "2026-10-25T02:30:00+01:00", 1),
        ("2026-10-25T01:59:59.999999+00:00", AMS, "2026-10-25T02:59:59.999999+01:00", 1),
        ("2026-10-25T02:00:00+00:00", AMS, "2026-10-25T03:00:00+01:00", 0),
        # America/New_York 2026-11-01: 02:00 EDT -> 01:00 EST; 01:00-02:00 twice.
        ("2026-11-01T05:30:00+00:00", NY, "2026-11-01T01:30:00-04:00", 0),
        ("2026-11-01T06:30:00+00:00", NY, "2026-11-01T01:30:00-05:00", 1),
        # Australia/Lord_Howe 2026-04-05: 02:00 +11:00 -> 01:30 +10:30; 01:30-02:00 twice.
        ("2026-04-04T14:45:00+00:00", LH, "2026-04-05T01:45:00+11:00", 0),
        ("2026-04-04T15:15:00+00:00", LH, "2026-04-05T01:45:00+10:30", 1),
        ("2026-04-04T15:30:00+00:00", LH, "2026-04-05T02:00:00+10:30", 0),
    ],
)
def test_from_us_marks_the_repeated_hour(
    iso_utc: str, tz: ZoneInfo, local_iso: str, fold: int
) -> None:
    result = from_us(us_of(iso_utc), tz)
    assert result.isoformat() == local_iso
    assert result.fold == fold


def test_to_us_respects_fold() -> None:
    first = datetime(2026, 10, 25, 2, 30, tzinfo=AMS)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=AMS)
    assert to_us(second, "t") - to_us(first, "t") == 3600 * US


# -- wall-clock times -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wall", "tz", "expected"),
    [
        # Ordinary times.
        (datetime(2026, 11, 23, 9, 0), AMS, "2026-11-23T09:00:00+01:00"),
        (datetime(2026, 7, 1, 9, 0), AMS, "2026-07-01T09:00:00+02:00"),
        # Gap: Europe/Amsterdam 2026-03-29 02:00 -> 03:00 moves forward to 03:00.
        (datetime(2026, 3, 29, 2, 0), AMS, "2026-03-29T03:00:00+02:00"),
        (datetime(2026, 3, 29, 2, 30), AMS, "2026-03-29T03:00:00+02:00"),
        (datetime(2026, 3, 29, 2, 59, 59, 999_999), AMS, "2026-03-29T03:00:00+02:00"),
        (datetime(2026, 3, 29, 1, 59, 59), AMS, "2026-03-29T01:59:59+01:00"),
        (datetime(2026, 3, 29, 3, 0), AMS, "2026-03-29T03:00:00+02:00"),
        # Fold: Europe/Amsterdam 2026-10-25 takes the first occurrence.
        (datetime(2026, 10, 25, 2, 0), AMS, "2026-10-25T02:00:00+02:00"),
        (datetime(2026, 10, 25, 2, 30), AMS, "2026-10-25T02:30:00+02:00"),
        (datetime(2026, 10, 25, 3, 0), AMS, "2026-10-25T03:00:00+01:00"),
        # America/New_York 2026-03-08 (gap 02:00-03:00) and 2026-11-01 (fold 01:00-02:00).
        (datetime(2026, 3, 8, 2, 15), NY, "2026-03-08T03:00:00-04:00"),
        (datetime(2026, 11, 1, 1, 30), NY, "2026-11-01T01:30:00-04:00"),
        # Australia/Lord_Howe: gap 02:00-02:30 on 2026-10-04, fold 01:30-02:00 on 2026-04-05.
        (datetime(2026, 10, 4, 2, 0), LH, "2026-10-04T02:30:00+11:00"),
        (datetime(2026, 10, 4, 2, 15), LH, "2026-10-04T02:30:00+11:00"),
        (datetime(2026, 10, 4, 1, 59), LH, "2026-10-04T01:59:00+10:30"),
        (datetime(2026, 4, 5, 1, 30), LH, "2026-04-05T01:30:00+11:00"),
        (datetime(2026, 4, 5, 1, 45), LH, "2026-04-05T01:45:00+11:00"),
        (datetime(2026, 4, 5, 2, 0), LH, "2026-04-05T02:00:00+10:30"),
    ],
)
def test_naive_wall_to_us(wall: datetime, tz: ZoneInfo, expected: str) -> None:
    result = naive_wall_to_us(wall, tz)
    assert result == us_of(expected)
    assert from_us(result, tz).isoformat() == expected
    assert from_us(result, tz).fold == 0


@pytest.mark.parametrize(
    ("day", "seconds", "tz", "expected"),
    [
        (date(2026, 11, 23), 9 * 3600, AMS, "2026-11-23T09:00:00+01:00"),
        (date(2026, 11, 23), 24 * 3600, AMS, "2026-11-24T00:00:00+01:00"),
        (date(2026, 11, 23), 30 * 3600, AMS, "2026-11-24T06:00:00+01:00"),  # overnight end
        (date(2026, 3, 29), 2 * 3600 + 1800, AMS, "2026-03-29T03:00:00+02:00"),
        (date(2026, 3, 28), 26 * 3600 + 1800, AMS, "2026-03-29T03:00:00+02:00"),
        (date(2026, 10, 25), 2 * 3600 + 1800, AMS, "2026-10-25T02:30:00+02:00"),
        (date(2026, 10, 24), 26 * 3600 + 1800, AMS, "2026-10-25T02:30:00+02:00"),
        (date(2026, 10, 4), 2 * 3600 + 900, LH, "2026-10-04T02:30:00+11:00"),
    ],
)
def test_wall_to_us(day: date, seconds: int, tz: ZoneInfo, expected: str) -> None:
    assert wall_to_us(day, seconds, tz) == us_of(expected)


# -- durations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delta", "us"),
    [
        (timedelta(0), 0),
        (timedelta(microseconds=1), 1),
        (timedelta(hours=1, microseconds=1), 3_600_000_001),
        (timedelta(days=1), 86_400 * US),
        (timedelta(days=40_000, microseconds=999_999), 40_000 * 86_400 * US + 999_999),
        (timedelta(microseconds=-1), -1),
        (timedelta(hours=-8), -8 * 3600 * US),
    ],
)
def test_durations_are_exact(delta: timedelta, us: int) -> None:
    assert duration_us(delta) == us
    assert to_timedelta(us) == delta


# -- zones ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["UTC", "Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe"]
)
def test_zone(name: str) -> None:
    assert zone(name) == ZoneInfo(name)
    assert zone(name).key == name


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("Europe/Amsterdan", "Europe/Amsterdam"),
        ("Europe/Amsterdm", "Europe/Amsterdam"),
        ("America/NewYork", "America/New_York"),
        ("Australia/Lord_Hove", "Australia/Lord_Howe"),
    ],
)
def test_unknown_zone_suggests_close_matches(name: str, suggestion: str) -> None:
    with pytest.raises(CalendarError, match=re.escape(repr(name))) as excinfo:
        zone(name)
    message = str(excinfo.value)
    assert "did you mean" in message
    assert repr(suggestion) in message
    assert "IANA" in message


@pytest.mark.parametrize(
    "name", ["Mars/Olympus_Mons", "", " Europe/Amsterdam", "Europe/Amsterdam ", "../etc/passwd"]
)
def test_unknown_zone(name: str) -> None:
    with pytest.raises(CalendarError, match=rf"unknown time zone {re.escape(repr(name))}"):
        zone(name)


# -- exact boundaries (tests added against surviving mutants, docs/testing.md) -----------


class NoOffset(tzinfo):
    """A tzinfo that knows no offset: a datetime with it is naive (``utcoffset()`` None)."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def test_a_tzinfo_without_an_offset_is_naive() -> None:
    value = datetime(2026, 1, 1, tzinfo=NoOffset())
    with pytest.raises(NaiveDatetimeError) as caught:
        require_aware(value, "start")
    assert str(caught.value).startswith("start=2026-01-01T00:00:00 is a naive datetime: ")


def test_a_wall_time_in_a_zone_without_an_offset_names_the_wall() -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        naive_wall_to_us(datetime(2026, 1, 1, 9), NoOffset())
    assert str(caught.value).startswith(
        "wall=2026-01-01T09:00:00 is a naive datetime: give it a time zone, e.g. wall.replace("
    )


RANGE = "from 1969-01-01 to 2101-12-31 (UTC); pass an instant in that range"
FIRST_US = -365 * 86_400 * US  # 1969-01-01T00:00Z (1969 has 365 days)
END_US = 48_212 * 86_400 * US  # 2102-01-01T00:00Z: 132 years of 365 days and 32 leap days


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(datetime(1969, 1, 1, tzinfo=UTC), FIRST_US, id="the first instant"),
        pytest.param(
            datetime(2101, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC), END_US - 1, id="the last"
        ),
        pytest.param(datetime(1969, 1, 1, 1, tzinfo=AMS), FIRST_US, id="an offset"),
    ],
)
def test_in_range_accepts_the_ends_of_the_range(value: datetime, expected: int) -> None:
    assert in_range(value, "at") == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param(
            datetime(1968, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
            "1968-12-31T23:59:59.999999+00:00",
            id="just before",
        ),
        pytest.param(datetime(2102, 1, 1, tzinfo=UTC), "2102-01-01T00:00:00+00:00", id="at end"),
        pytest.param(datetime(1969, 1, 1, tzinfo=AMS), "1968-12-31T23:00:00+00:00", id="in UTC"),
    ],
)
def test_in_range_names_what_is_outside(value: datetime, shown: str) -> None:
    with pytest.raises(CalendarError) as caught:
        in_range(value, "opened_at")
    assert str(caught.value) == (
        f"opened_at {shown} lies outside the supported range: slacalc computes instants {RANGE}"
    )


def test_in_range_names_a_naive_datetime() -> None:
    with pytest.raises(NaiveDatetimeError, match=r"^at=2026-01-01T00:00:00 is a naive datetime"):
        in_range(datetime(2026, 1, 1), "at")


def test_the_fold_of_a_wall_time_is_ignored() -> None:
    # 2026-10-25 02:30 happens twice in Amsterdam: always the first (02:30+02:00).
    first = us_of("2026-10-25T02:30:00+02:00")
    assert naive_wall_to_us(datetime(2026, 10, 25, 2, 30, fold=1), AMS) == first
    assert naive_wall_to_us(datetime(2026, 10, 25, 2, 30, fold=0), AMS) == first


@pytest.mark.parametrize(
    ("wall", "expected"),
    [
        (datetime(2026, 6, 1, 12, 0, 0, 500), "2026-06-01T12:00:00.000500+02:00"),
        (datetime(2026, 1, 1, 0, 0, 0, 1), "2026-01-01T00:00:00.000001+01:00"),
        (datetime(2026, 10, 25, 2, 30, 0, 999_999), "2026-10-25T02:30:00.999999+02:00"),
    ],
)
def test_a_wall_time_keeps_its_microseconds(wall: datetime, expected: str) -> None:
    assert naive_wall_to_us(wall, AMS) == us_of(expected)


@pytest.mark.parametrize(
    ("wall", "tz", "expected"),
    [
        (datetime(2026, 3, 29, 2, 30), AMS, "2026-03-29T03:00:00+02:00"),
        (datetime(2026, 10, 4, 2, 15), LH, "2026-10-04T02:30:00+11:00"),
    ],
)
def test_a_wall_time_in_a_gap_is_an_integer(wall: datetime, tz: ZoneInfo, expected: str) -> None:
    result = naive_wall_to_us(wall, tz)
    assert type(result) is int
    assert result == us_of(expected)
