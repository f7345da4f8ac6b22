"""Absolute instants as integer microseconds since the Unix epoch, and zones.

slacalc does all of its arithmetic on integers of microseconds in UTC: Python compares
two datetimes that share a ``ZoneInfo`` by wall clock and ignores ``fold``, so local
datetimes are never compared or subtracted directly.

>>> from datetime import datetime, timezone
>>> us = to_us(datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc), "t")
>>> from_us(us, zone("Europe/Amsterdam")).isoformat()
'2026-03-29T03:00:00+02:00'
"""

from __future__ import annotations

import difflib
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from slacalc._base.errors import CalendarError, NaiveDatetimeError

US = 1_000_000
DAY_US = 86_400 * US

# The range every calendar supports: UTC years 1969 through 2101, so that any local
# instant from 1970 to 2100 in any zone is inside it.
FIRST_YEAR = 1969
LAST_YEAR = 2101
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ONE_US = timedelta(microseconds=1)
HORIZON_START = (datetime(FIRST_YEAR, 1, 1, tzinfo=timezone.utc) - EPOCH) // ONE_US
HORIZON_END = (datetime(LAST_YEAR + 1, 1, 1, tzinfo=timezone.utc) - EPOCH) // ONE_US


@cache
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """The ``ZoneInfo`` for an IANA name, or a :class:`CalendarError` naming close matches.

    >>> zone("UTC").key
    'UTC'
    """
    try:
        if not name or name != name.strip():
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        close = difflib.get_close_matches(str(name), _zone_names(), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise CalendarError(
            f"unknown time zone {name!r}: use an IANA zone name such as 'Europe/Amsterdam'{hint}"
        ) from None


def require_aware(value: object, name: str) -> datetime:
    """``value`` itself when it is an aware datetime; a precise error otherwise.

    >>> require_aware(datetime(2026, 1, 1), "start")
    Traceback (most recent call last):
    ...
    slacalc.NaiveDatetimeError: start=2026-01-01T00:00:00 is a naive datetime: ...
    """
    if not isinstance(value, datetime):
        raise CalendarError(f"{name}={value!r} is not a datetime; pass a timezone-aware datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            f"{name}={value.isoformat()} is a naive datetime: give it a time zone, e.g. "
            f"{name}.replace(tzinfo=ZoneInfo('Europe/Amsterdam')) or an ISO time with an offset"
        )
    return value


def to_us(value: datetime, name: str) -> int:
    """An aware datetime as integer microseconds since the epoch (exact).

    >>> from datetime import timezone
    >>> to_us(datetime(1970, 1, 1, 0, 0, 1, 5, tzinfo=timezone.utc), "t")
    1000005
    """
    try:
        # Aware subtraction works on UTC instants (it honours fold); a naive datetime
        # (or something that is not a datetime at all) raises TypeError here.
        return (value - EPOCH) // ONE_US
    except TypeError:
        require_aware(value, name)
        raise
    except (OverflowError, ValueError):  # its UTC offset takes it past year 1 or 9999
        raise CalendarError(
            f"{name}={value.isoformat()} lies outside the supported range: slacalc computes "
            f"instants from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31 (UTC); pass an instant in "
            "that range"
        ) from None


def out_of_range(what: str, us: int) -> CalendarError:
    """The error for an instant outside the supported range, naming the instant.

    >>> out_of_range("instant", HORIZON_END)
    CalendarError('instant 2102-01-01T00:00:00+00:00 lies outside the supported range: ...')
    """
    try:
        shown = from_us(us, timezone.utc).isoformat()
    except (OverflowError, ValueError, OSError):  # beyond what datetime can hold
        shown = f"{us} µs from 1970 (UTC)"
    return CalendarError(
        f"{what} {shown} lies outside the supported range: slacalc computes instants "
        f"from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31 (UTC); pass an instant in that range"
    )


def in_range(value: datetime, name: str) -> int:
    """``to_us(value)``, or a :class:`CalendarError` when it lies outside the supported
    range (for instants that no timeline look-up would check, such as ``at``).

    >>> in_range(datetime(2200, 1, 1, tzinfo=timezone.utc), "at")
    Traceback (most recent call last):
    ...
    slacalc.CalendarError: at 2200-01-01T00:00:00+00:00 lies outside the supported range: ...
    """
    return checked(to_us(value, name), name)


def checked(us: int, what: str = "instant") -> int:
    """``us`` itself, or the :class:`CalendarError` for an instant outside the supported
    range (the one check every layer uses).

    >>> checked(0)
    0
    """
    if not HORIZON_START <= us < HORIZON_END:
        raise out_of_range(what, us)
    return us


def from_us(us: int, tz: tzinfo) -> datetime:
    """The aware datetime in ``tz`` for integer microseconds (``fold=1`` when repeated).

    >>> from datetime import timezone
    >>> from_us(1_500_000, timezone.utc).isoformat()
    '1970-01-01T00:00:01.500000+00:00'
    """
    seconds, micro = divmod(us, US)
    result = datetime.fromtimestamp(seconds, tz)
    return result.replace(microsecond=micro) if micro else result


def to_timedelta(us: int) -> timedelta:
    """Integer microseconds as a timedelta.

    >>> to_timedelta(90 * 60 * US)
    datetime.timedelta(seconds=5400)
    """
    return timedelta(0, 0, us)


def duration_us(value: timedelta) -> int:
    """A timedelta as integer microseconds (exact).

    >>> duration_us(timedelta(hours=1, microseconds=1))
    3600000001
    """
    return (value.days * 86_400 + value.seconds) * US + value.microseconds


def wall_to_us(day: date, seconds: int, tz: tzinfo) -> int:
    """The instant of a wall-clock time: ``seconds`` after ``day``'s local midnight.

    Seconds may exceed a day (an overnight window's end). A wall time that falls in a
    DST gap moves forward to the first instant that exists; one in a fold takes the
    first occurrence.

    >>> ams = zone("Europe/Amsterdam")
    >>> from_us(wall_to_us(date(2026, 3, 29), 2 * 3600 + 1800, ams), ams).isoformat()
    '2026-03-29T03:00:00+02:00'
    >>> from_us(wall_to_us(date(2026, 10, 25), 2 * 3600 + 1800, ams), ams).isoformat()
    '2026-10-25T02:30:00+02:00'
    """
    wall = datetime(day.year, day.month, day.day) + timedelta(seconds=seconds)
    return naive_wall_to_us(wall, tz)


def naive_wall_to_us(wall: datetime, tz: tzinfo) -> int:
    """The instant of a naive wall-clock datetime in ``tz`` (gap forward, fold first).

    >>> ny = zone("America/New_York")
    >>> from_us(naive_wall_to_us(datetime(2026, 3, 8, 2, 15), ny), ny).isoformat()
    '2026-03-08T03:00:00-04:00'
    """
    first = to_us(wall.replace(tzinfo=tz, fold=0), "wall")
    second = to_us(wall.replace(tzinfo=tz, fold=1), "wall")
    if first <= second:
        # Unambiguous (equal) or a fold (first < second): the first occurrence.
        return first
    # A gap: ``second`` lies before the transition and ``first`` after it. The first
    # instant that exists at or after the wall time is the transition itself.
    # Transitions fall on whole seconds: search whole seconds, keeping the invariant
    # offset(lo) != offset_after and offset(hi) == offset_after.
    offset_after = from_us(first, tz).utcoffset()
    lo, hi = second // US, -(-first // US)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if from_us(mid * US, tz).utcoffset() == offset_after:
            hi = mid
        else:
            lo = mid
    return hi * US
