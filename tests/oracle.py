"""A slow, obviously correct model of SPEC section 1 ("Calendars"), for property tests.

The oracle knows nothing of slacalc: it uses only the standard library and the
``holidays`` package. Time is whole minutes: an instant is an ``int`` of UTC minutes
since the Unix epoch, and a wall-clock time is an ``int`` of minutes since the naive
``1970-01-01 00:00``. A calendar's open time over a bounded range ``[lo, hi)`` is the
*set of its open minutes*, built by walking the local dates one by one:

* a window ``"HH:MM-HH:MM"`` belongs to the date it starts on; an end at or before the
  start wraps past midnight; ``24:00`` is allowed as an end;
* a holiday closes the windows that start on it, unless the date has an override (the
  override wins; an empty override closes the date);
* a wall-clock boundary is resolved to UTC by tabulating the wall clock of every UTC
  minute near it (``astimezone``): a time that occurs is taken at its first occurrence,
  a time in a DST gap moves forward to the minute at which the clock jumps over it;
* union, intersection and complement are the set operations on the open minutes.

Every question is then answered by walking or counting minutes of that set. Questions
whose answer needs minutes outside ``[lo, hi)`` raise :class:`OutOfRangeError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

import holidays as holidays_package

DAY_MINUTES = 1440
MINUTE = timedelta(minutes=1)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
NAIVE_EPOCH = datetime(1970, 1, 1)
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class OutOfRangeError(Exception):
    """The question needs open time outside the oracle's range ``[lo, hi)``."""


# -- instants -------------------------------------------------------------------------------
def minute_of(value: datetime) -> int:
    """UTC minutes since the epoch of an aware datetime that lies on a whole minute."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{value!r} is naive")
    elapsed = value - EPOCH  # aware minus aware: exact, on absolute instants
    if elapsed % MINUTE:
        raise ValueError(f"{value.isoformat()} is not on a whole minute")
    return elapsed // MINUTE


def instant(minute: int) -> datetime:
    """The aware UTC datetime of a minute."""
    return EPOCH + timedelta(minutes=minute)


def local(minute: int, zone: str) -> datetime:
    """The aware datetime of a minute in ``zone`` (Python sets ``fold`` on repeats)."""
    return instant(minute).astimezone(ZoneInfo(zone))


def wall_of_date(day: date) -> int:
    """The wall-clock minute of a date's midnight."""
    return (day - NAIVE_EPOCH.date()).days * DAY_MINUTES


# -- wall clock -> UTC --------------------------------------------------------------------
@cache
def _walls_of_utc_day(zone: str, utc_day: int) -> tuple[int, ...]:
    """The local wall clock (in wall minutes) of every UTC minute of one UTC day: the
    minute plus the zone's UTC offset at that instant."""
    tz = ZoneInfo(zone)
    walls = []
    for minute in range(utc_day * DAY_MINUTES, (utc_day + 1) * DAY_MINUTES):
        offset = datetime.fromtimestamp(minute * 60, tz).utcoffset()
        assert offset is not None, zone
        assert offset % MINUTE == timedelta(0), (zone, offset)
        walls.append(minute + offset // MINUTE)
    return tuple(walls)


def wall_clock(zone: str, minute: int) -> int:
    """What a wall clock in ``zone`` shows at a UTC minute (in wall minutes)."""
    utc_day, index = divmod(minute, DAY_MINUTES)
    return _walls_of_utc_day(zone, utc_day)[index]


@cache
def _occurrences_by_wall(zone: str, utc_day: int) -> dict[int, tuple[int, ...]]:
    """Wall minute -> the UTC minutes of one UTC day at which the wall clock shows it."""
    found: dict[int, list[int]] = {}
    for index, wall in enumerate(_walls_of_utc_day(zone, utc_day)):
        found.setdefault(wall, []).append(utc_day * DAY_MINUTES + index)
    return {wall: tuple(minutes) for wall, minutes in found.items()}


def occurrences(zone: str, wall: int) -> list[int]:
    """Every UTC minute at which the wall clock of ``zone`` shows ``wall``.

    A UTC offset is less than a day, so they all lie within a day of ``wall``.
    """
    centre = wall // DAY_MINUTES
    found: list[int] = []
    for utc_day in (centre - 1, centre, centre + 1):
        found.extend(_occurrences_by_wall(zone, utc_day).get(wall, ()))
    return sorted(found)


@cache
def resolve(zone: str, wall: int) -> int:
    """The UTC minute of a wall-clock time: the first occurrence (a fold takes the first);
    in a DST gap, the minute at which the clock jumps over it (the first that exists)."""
    found = occurrences(zone, wall)
    if found:
        return found[0]
    for minute in range(wall - DAY_MINUTES + 1, wall + DAY_MINUTES):
        if wall_clock(zone, minute - 1) < wall < wall_clock(zone, minute):
            return minute
    raise AssertionError(f"{zone}: wall minute {wall} neither occurs nor is skipped")


# -- windows --------------------------------------------------------------------------------
_WINDOW = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")


def parse_window(text: str) -> tuple[int, int]:
    """``"HH:MM-HH:MM"`` as (start, end) minutes after its date's midnight."""
    match = _WINDOW.fullmatch(text)
    if match is None:
        raise ValueError(f"bad window {text!r}")
    start_h, start_m, end_h, end_m = (int(g) for g in match.groups())
    if not (start_h <= 23 and start_m <= 59):
        raise ValueError(f"bad start in {text!r}")
    if not ((end_h <= 23 and end_m <= 59) or (end_h, end_m) == (24, 0)):
        raise ValueError(f"bad end in {text!r}")
    start = start_h * 60 + start_m
    end = end_h * 60 + end_m
    if end <= start:  # wraps past midnight
        end += DAY_MINUTES
    return start, end


# -- calendars as plain data ----------------------------------------------------------------
@dataclass(frozen=True)
class HolidaySpec:
    """A country's holidays (``holidays`` package), plus ``extra``, minus ``removed``."""

    country: str
    categories: tuple[str, ...] = ("public",)
    extra: tuple[date, ...] = ()
    removed: tuple[date, ...] = ()

    def closes(self, day: date) -> bool:
        if day in self.removed:
            return False
        return day in self.extra or day in _country_holidays(
            self.country, self.categories, day.year
        )


@cache
def _country_holidays(country: str, categories: tuple[str, ...], year: int) -> frozenset[date]:
    found = holidays_package.country_holidays(country, years=year, categories=categories)
    return frozenset(day for day in found if day.year == year)


@dataclass(frozen=True)
class CalendarSpec:
    """Weekly hours (seven tuples of windows, Monday first), holidays and overrides."""

    zone: str
    hours: tuple[tuple[str, ...], ...]
    holidays: HolidaySpec | None = None
    overrides: tuple[tuple[date, tuple[str, ...]], ...] = ()

    def windows_on(self, day: date) -> tuple[str, ...]:
        """The windows that start on a local date."""
        for override_day, windows in self.overrides:
            if override_day == day:
                return windows
        if self.holidays is not None and self.holidays.closes(day):
            return ()
        return self.hours[day.weekday()]


@dataclass(frozen=True)
class Combination:
    """``"union"`` / ``"intersection"`` of two or more specs, or ``"complement"`` of one."""

    operation: str
    operands: tuple[Spec, ...]

    @property
    def zone(self) -> str:
        return self.operands[0].zone


Spec = CalendarSpec | Combination


# -- open minutes ---------------------------------------------------------------------------
def _weekly_open_minutes(spec: CalendarSpec, lo: int, hi: int) -> frozenset[int]:
    # A window is shorter than two days, so dates from two days before lo's date on
    # cover every window that reaches into [lo, hi).
    day = local(lo, spec.zone).date() - timedelta(days=2)
    last = local(hi, spec.zone).date()
    found: set[int] = set()
    while day <= last:
        midnight = wall_of_date(day)
        for text in spec.windows_on(day):
            start, end = parse_window(text)
            opens = resolve(spec.zone, midnight + start)
            closes = resolve(spec.zone, midnight + end)
            found.update(range(max(opens, lo), min(closes, hi)))
        day += timedelta(days=1)
    return frozenset(found)


@lru_cache(maxsize=256)
def open_minutes(spec: Spec, lo: int, hi: int) -> frozenset[int]:
    """The open UTC minutes of a spec within ``[lo, hi)``."""
    if isinstance(spec, CalendarSpec):
        return _weekly_open_minutes(spec, lo, hi)
    sets = [open_minutes(operand, lo, hi) for operand in spec.operands]
    if spec.operation == "union":
        return frozenset().union(*sets)
    if spec.operation == "intersection":
        return frozenset(sets[0]).intersection(*sets[1:])
    if spec.operation == "complement":
        (only,) = sets
        return frozenset(range(lo, hi)) - only
    raise ValueError(spec.operation)


def runs(minutes: frozenset[int] | set[int], a: int, b: int) -> list[tuple[int, int]]:
    """Maximal stretches ``(start, end)`` of consecutive minutes of the set within [a, b)."""
    out: list[tuple[int, int]] = []
    for minute in range(a, b):
        if minute not in minutes:
            continue
        if out and out[-1][1] == minute:
            out[-1] = (out[-1][0], minute + 1)
        else:
            out.append((minute, minute + 1))
    return out


class Oracle:
    """Answers SPEC 1's questions for one spec by walking its open minutes in [lo, hi)."""

    def __init__(self, spec: Spec, lo: int, hi: int) -> None:
        self.spec = spec
        self.zone = spec.zone
        self.lo = lo
        self.hi = hi
        self.open = open_minutes(spec, lo, hi)

    def _inside(self, *minutes: int) -> None:
        for minute in minutes:
            if not self.lo <= minute <= self.hi:
                raise OutOfRangeError(minute)

    def is_open(self, t: int) -> bool:
        self._inside(t)
        if t == self.hi:
            raise OutOfRangeError(t)
        return t in self.open

    def next_open(self, t: int) -> int:
        self._inside(t)
        for minute in range(t, self.hi):
            if minute in self.open:
                return minute
        raise OutOfRangeError(t)

    def next_close(self, t: int) -> int:
        minute = self.next_open(t)
        while minute in self.open:
            minute += 1
        if minute >= self.hi:  # the stretch may go on beyond the range
            raise OutOfRangeError(t)
        return minute

    def add(self, t: int, duration: int) -> int:
        """The earliest minute by which ``duration`` open minutes have passed since t."""
        self._inside(t)
        passed = 0
        minute = t
        while passed < duration:
            if minute >= self.hi:
                raise OutOfRangeError(t)
            if minute in self.open:
                passed += 1
            minute += 1
        return minute

    def subtract(self, t: int, duration: int) -> int:
        """The latest s <= t with ``duration`` open minutes in [s, t)."""
        self._inside(t)
        counted = 0
        minute = t
        while counted < duration:
            minute -= 1
            if minute < self.lo:
                raise OutOfRangeError(t)
            if minute in self.open:
                counted += 1
        return minute

    def between(self, a: int, b: int) -> int:
        """Open minutes in [a, b)."""
        self._inside(a, b)
        assert a <= b
        return sum(1 for minute in range(a, b) if minute in self.open)

    def windows(self, a: int, b: int) -> list[tuple[int, int]]:
        self._inside(a, b)
        return runs(self.open, a, b)
