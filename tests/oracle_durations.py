"""A slow, obviously correct model of SPEC 1 rules 7 (working days) and 8 (calendar time).

Like :mod:`oracle`, on which it is built, it knows nothing of slacalc: it uses the
standard library, ``dateutil.relativedelta`` (which rule 8 names) and :mod:`oracle`'s
tables of the wall clock and open minutes. Instants are ``int`` UTC *seconds* since
the Unix epoch and wall-clock times ``int`` seconds since the naive ``1970-01-01
00:00``, so that inputs may carry seconds; window boundaries and DST transitions lie on
whole minutes, so :mod:`oracle`'s minute tables answer every question about them:

* the wall clock at second ``x`` is the wall clock at minute ``x // 60`` plus ``x % 60``;
* a wall second resolves to the first occurrence of its wall minute plus its seconds, or,
  when that wall minute is skipped (a DST gap), to the instant the clock jumps over it;
* second ``x`` is open iff minute ``x // 60`` is open.

**Rule 7** (``add(t, WorkingDays(n))``), step by step as the SPEC words it:

1. ``s = next_open(t)``; ``n == 0`` gives ``s``.
2. The *windows of a date* are, for a plain calendar, the windows that start on it (its
   weekday's hours, or its override; none on a holiday without an override), each
   resolved to UTC on its own; a window that resolves to nothing (both ends in one DST
   gap) is no window. For a union, intersection or complement they are its open
   stretches cut at the local midnights of its zone (docs/engine.md), each piece
   belonging to the date it starts on. A *working day* is a date with a window.
3. ``D`` is the date of the window containing ``s``; where several do, the one that
   started last (docs/engine.md).
4. ``D'`` is the ``n``-th working day after ``D``, found by walking the dates one by one.
5. The candidate is ``s``'s wall-clock offset from ``D``'s midnight placed on ``D'``'s
   midnight, resolved like a window boundary (a gap moves forward, a fold takes the
   first occurrence). If the calendar is open there, it is due; before ``D'``'s first
   opening (the earliest start of its windows), that opening; otherwise the last closing
   at or before it on ``D'``: where the open stretch holding the latest of ``D'``'s
   windows ending at or before it closes (docs/engine.md: later than that window only
   where another date's window overlaps it) -- and never earlier than ``s``.

**Rule 8** (``CalendarTime``): the local wall-clock datetime steps by
``relativedelta(months=, weeks=, days=)`` (back, for ``subtract``), is resolved (a gap
moves forward, a fold takes the first occurrence), and then the hours step real time.
Without months, weeks and days only the hours are added to the instant as it is.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from oracle import (
    EPOCH,
    NAIVE_EPOCH,
    CalendarSpec,
    Oracle,
    OutOfRangeError,
    Spec,
    occurrences,
    parse_window,
    resolve,
    runs,
    wall_clock,
    wall_of_date,
)

SECOND = timedelta(seconds=1)


# -- instants and wall clocks in seconds ------------------------------------------------------
def second_of(value: datetime) -> int:
    """UTC seconds since the epoch of an aware datetime that lies on a whole second."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{value!r} is naive")
    elapsed = value - EPOCH  # aware minus aware: exact, on absolute instants
    if elapsed % SECOND:
        raise ValueError(f"{value.isoformat()} is not on a whole second")
    return elapsed // SECOND


def instant_s(second: int) -> datetime:
    """The aware UTC datetime of a second."""
    return EPOCH + timedelta(seconds=second)


def wall_second(zone: str, second: int) -> int:
    """What a wall clock in ``zone`` shows at a UTC second (in wall seconds)."""
    minute, rest = divmod(second, 60)
    return wall_clock(zone, minute) * 60 + rest


def resolve_second(zone: str, wall: int) -> int:
    """The UTC second of a wall-clock second: its first occurrence; in a DST gap the
    instant at which the clock jumps over it (the first instant that exists after it)."""
    minute, rest = divmod(wall, 60)
    if occurrences(zone, minute):
        return resolve(zone, minute) * 60 + rest
    return resolve(zone, minute) * 60  # skipped: every second of that minute is


def naive_wall(wall: int) -> datetime:
    return NAIVE_EPOCH + timedelta(seconds=wall)


def wall_of_naive(value: datetime) -> int:
    return (value - NAIVE_EPOCH) // SECOND


def date_of_wall(wall: int) -> date:
    return naive_wall(wall).date()


# -- rule 8: calendar time --------------------------------------------------------------------
def calendar_time(
    zone: str,
    t: int,
    *,
    hours: int = 0,
    days: int = 0,
    weeks: int = 0,
    months: int = 0,
    sign: int = 1,
) -> int:
    """``t + CalendarTime(...)`` (``sign=1``) or ``t - CalendarTime(...)`` (``sign=-1``)
    in UTC seconds, for a calendar in ``zone``."""
    assert sign in (1, -1)
    if months or weeks or days:
        step = relativedelta(months=months, weeks=weeks, days=days)
        wall = naive_wall(wall_second(zone, t))
        wall = wall + step if sign > 0 else wall - step
        t = resolve_second(zone, wall_of_naive(wall))
    return t + sign * hours * 3600


# -- rule 7: working days ---------------------------------------------------------------------
class WorkingDaysOracle:
    """Rule 7 for one spec, from its open minutes in ``[lo, hi)`` (UTC minutes).

    Questions whose answer needs open minutes outside the range raise
    :class:`OutOfRangeError`; ask again with a wider range.
    """

    def __init__(self, spec: Spec, lo: int, hi: int) -> None:
        self.spec = spec
        self.zone = spec.zone
        self.minutes = Oracle(spec, lo, hi)  # the open minutes, next_open, ...
        self.lo = lo
        self.hi = hi
        self.branch = ""  # how the last answer was found (for test statistics) ...
        self.notes: list[str] = []  # ... and what was special about it

    # -- open time, in seconds
    def is_open(self, second: int) -> bool:
        return self.minutes.is_open(second // 60)

    def next_open(self, second: int) -> int:
        minute = second // 60
        if self.minutes.is_open(minute):
            return second
        return self.minutes.next_open(minute) * 60  # a closed minute: the next open one

    # -- windows, in UTC minutes
    def midnight(self, day: date) -> int:
        return resolve(self.zone, wall_of_date(day))

    def windows_on(self, day: date) -> list[tuple[int, int]]:
        """The windows (start, end) in UTC minutes that belong to a local date; none
        empty."""
        if not isinstance(self.spec, CalendarSpec):
            # A combined calendar: its open stretches cut at the local midnights.
            first, last = self.midnight(day), self.midnight(day + timedelta(days=1))
            if not (self.lo <= first and last <= self.hi):
                raise OutOfRangeError(day)
            return runs(self.minutes.open, first, last)
        found = []
        for text in self.spec.windows_on(day):
            start, end = parse_window(text)
            opens = resolve(self.zone, wall_of_date(day) + start)
            closes = resolve(self.zone, wall_of_date(day) + end)
            if closes > opens:
                found.append((opens, closes))
        return found

    def is_working_day(self, day: date) -> bool:
        return bool(self.windows_on(day))

    def home_date(self, s: int) -> date:
        """The date of the window containing second ``s``: of several, the one that
        started last."""
        here = date_of_wall(wall_second(self.zone, s))
        # A plain window lasts at most a day and an hour; a combined one stays in its date.
        nearby = range(-2, 2) if isinstance(self.spec, CalendarSpec) else range(1)
        containing = [
            (opens, day)
            for day in (here + timedelta(days=k) for k in nearby)
            for opens, closes in self.windows_on(day)
            if opens * 60 <= s < closes * 60
        ]
        assert containing, f"no window contains the open instant {instant_s(s)}"
        latest = max(opens for opens, _ in containing)
        if len({day for _, day in containing}) > 1:
            self.notes.append("the start lies in windows of two dates")
        days = {day for opens, day in containing if opens == latest}
        assert len(days) == 1, f"windows of {days} start together at {instant_s(s)}"
        return days.pop()

    def add_working_days(self, t: int, n: int) -> int:
        """``add(t, WorkingDays(n))`` in UTC seconds."""
        assert n >= 0
        self.notes = []
        s = self.next_open(t)
        if n == 0:
            self.branch = "n = 0"
            return s
        home = self.home_date(s)
        target = home
        for _ in range(n):
            target += timedelta(days=1)
            while not self.is_working_day(target):
                if self.midnight(target) >= self.hi:
                    raise OutOfRangeError(target)
                target += timedelta(days=1)
        offset = wall_second(self.zone, s) - wall_of_date(home) * 60
        wall = wall_of_date(target) * 60 + offset
        candidate = resolve_second(self.zone, wall)
        found = len(occurrences(self.zone, wall // 60))
        if found != 1:
            self.notes.append(f"the candidate is in a DST {'gap' if found == 0 else 'fold'}")
        if self.is_open(candidate):
            self.branch = "the candidate"
            return candidate
        windows = self.windows_on(target)
        first_opening = min(opens for opens, _ in windows) * 60
        if candidate < first_opening:
            self.branch = "the first opening"
            return first_opening
        closings = [closes * 60 for _, closes in windows if closes * 60 <= candidate]
        assert closings, "a closed candidate after the first opening follows a closing"
        # docs/engine.md: the calendar closes where the open stretch holding that window
        # ends (later than the window only where another date's window overlaps it).
        closing = self.minutes.next_close(max(closings) // 60 - 1) * 60
        if closing < s:  # docs/engine.md: never before the opening counted from
            self.branch = "the start (the last closing lies before it)"
            return s
        self.branch = "the last closing"
        return closing


def working_days(
    spec: Spec, lo: int, t: int, n: int, his: tuple[int, ...]
) -> tuple[int, str] | tuple[None, str]:
    """Rule 7 on the first of the ranges ``[lo, hi)`` (UTC minutes) that holds the
    answer, with how it was found; ``None`` when none does (too few working days in the
    widest)."""
    for hi in his:
        oracle = WorkingDaysOracle(spec, lo, hi)
        try:
            return oracle.add_working_days(t, n), ", ".join([oracle.branch, *oracle.notes])
        except OutOfRangeError:
            continue
    return None, "no answer in the oracle's range"
