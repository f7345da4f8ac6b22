"""A compiled calendar: open spans in UTC microseconds with cumulative sums.

A :class:`Timeline` answers every business-time question with one or two binary
searches over flat arrays, so the cost of a question does not grow with the distance
in time it spans. It is compiled lazily, one UTC year (a *chunk*) at a time, from a
:class:`ChunkSource` (see ``_sources``) and extended on demand across the supported
range (UTC years 1969 to 2101). The flat arrays are swapped in as one tuple, so a
reader never sees a half-extended timeline.

Each chunk also carries the calendar's *windows* -- open spans tagged with the local
date they belong to -- which working-day arithmetic needs (SPEC 1, rule 7).
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import NamedTuple

from slacalc._base.errors import CalendarError
from slacalc._engine.chunks import Chunk, ChunkSource, Window, year_of, year_start
from slacalc._engine.instants import (
    DAY_US,
    FIRST_YEAR,
    HORIZON_END,
    HORIZON_START,
    LAST_YEAR,
    checked,
    from_us,
    naive_wall_to_us,
    wall_to_us,
)
from slacalc._engine.spans import Span

# Chunk and the year helpers are part of the timeline's vocabulary: re-exported here.
__all__ = [
    "COMPACT_ABOVE",
    "Chunk",
    "ChunkSource",
    "Flat",
    "Timeline",
    "Window",
    "year_of",
    "year_start",
]

#: Above this many spans the compiled arrays are ``array('q')`` (8 bytes a value) instead
#: of lists of ints (40 bytes a value). Lists are faster to index (about 50 ns against 120
#: ns, measured) and every calendar of office hours stays far below the limit (35,000
#: spans over the whole range); a calendar of 720 windows a day passes it in its first
#: year and stays under 200 bytes a span (benchmarks/bench_compile.py).
COMPACT_ABOVE = 100_000


@dataclass(frozen=True, slots=True)
class _State:
    """The flat arrays over the compiled years ``[first, last]``."""

    first: int
    last: int
    lo: int
    hi: int
    starts: Sequence[int]
    ends: Sequence[int]
    cum: Sequence[int]  # open time before span i (relative to lo)
    cum_end: Sequence[int]  # open time up to the end of span i
    wstarts: Sequence[int]
    wends: Sequence[int]
    wdates: Sequence[int]
    work_dates: Sequence[int]


class Flat(NamedTuple):
    """The open spans of a compiled range ``[lo, hi)``: ``starts``, ``ends``, the open time
    before each span (``cum``, from ``lo``) and up to its end (``cum_end``)."""

    lo: int
    hi: int
    starts: Sequence[int]
    ends: Sequence[int]
    cum: Sequence[int]
    cum_end: Sequence[int]


class Timeline:
    """Open time of one calendar as flat arrays, extended year by year on demand."""

    def __init__(self, source: ChunkSource, tz: tzinfo, name: str) -> None:
        self._source = source
        self.tz = tz
        self.name = name
        self._chunks: dict[int, Chunk] = {}
        self._lock = threading.Lock()
        self._state: _State | None = None

    # -- compilation --------------------------------------------------------------------
    def chunk(self, year: int) -> Chunk:
        """The compiled chunk of a UTC year (cached)."""
        found = self._chunks.get(year)
        if found is None:
            found = self._source.chunk(year)
            self._chunks[year] = found
        return found

    def _build(self, first: int, last: int) -> _State:
        chunks = [self.chunk(year) for year in range(first, last + 1)]
        compact = sum(len(c) for c in chunks) > COMPACT_ABOVE

        def new() -> list[int] | array[int]:
            return array("q") if compact else []

        starts, ends, cum, cum_end = new(), new(), new(), new()
        wstarts, wends, wdates, work_dates = new(), new(), new(), new()
        total = 0
        for chunk in chunks:
            for s, e in zip(chunk.starts, chunk.ends, strict=True):
                if ends and ends[-1] == s:  # a span across a year boundary: one span
                    total += e - s
                    ends[-1] = e
                    cum_end[-1] = total
                else:
                    starts.append(s)
                    ends.append(e)
                    cum.append(total)
                    total += e - s
                    cum_end.append(total)
            for s, e, d in zip(chunk.wstarts, chunk.wends, chunk.wdates, strict=True):
                if wends and wends[-1] == s and wdates[-1] == d:
                    wends[-1] = e
                else:
                    wstarts.append(s)
                    wends.append(e)
                    wdates.append(d)
                    if not work_dates or work_dates[-1] != d:
                        work_dates.append(d)
        return _State(
            first, last, year_start(first), year_start(last + 1),
            starts, ends, cum, cum_end, wstarts, wends, wdates, work_dates,
        )  # fmt: skip

    def _extend(self, first: int, last: int) -> _State:
        """Make sure years ``[first, last]`` (clamped to the range) are compiled."""
        first = max(first, FIRST_YEAR)
        last = min(last, LAST_YEAR)
        with self._lock:
            state = self._state
            if state is not None:
                if state.first <= first and last <= state.last:
                    return state
                # Grow geometrically so a sweep across many years compiles each once.
                span = state.last - state.first + 1
                if first < state.first:
                    first = max(FIRST_YEAR, min(first, state.first - span))
                if last > state.last:
                    last = min(LAST_YEAR, max(last, state.last + span))
                first = min(first, state.first)
                last = max(last, state.last)
            state = self._build(first, last)
            self._state = state
            return state

    def covering(self, us: int) -> _State:
        """The state whose compiled range contains ``us`` (compiling as needed)."""
        state = self._state
        if state is not None and state.lo <= us < state.hi:
            return state
        checked(us)
        # Only the year asked about: a question that reaches further extends the range
        # (geometrically) when it gets there.
        year = year_of(us)
        return self._extend(year, year)

    def _forward(self, state: _State, what: str, us: int) -> _State:
        """One more step of years after ``state``, or an error at the horizon."""
        if state.last >= LAST_YEAR:
            raise CalendarError(
                f"calendar {self.name} has no {what} after "
                f"{from_us(us, self.tz).isoformat()} before the end of {LAST_YEAR}: "
                f"check its hours, holidays and overrides"
            )
        return self._extend(state.first, state.last + 1)

    def _backward(self, state: _State, what: str, us: int) -> _State:
        if state.first <= FIRST_YEAR:
            raise CalendarError(
                f"calendar {self.name} has no {what} before "
                f"{from_us(us, self.tz).isoformat()} after the start of {FIRST_YEAR}: "
                f"check its hours, holidays and overrides"
            )
        return self._extend(state.first - 1, state.last)

    def flat(self, a: int, b: int) -> Flat:
        """The flat arrays over a compiled range holding ``[a, b]`` (``a <= b``): what an
        array of questions searches (``searchsorted`` instead of ``bisect``)."""
        state = self._covering_both(a, b)
        return Flat(state.lo, state.hi, state.starts, state.ends, state.cum, state.cum_end)

    def windows(
        self, a: int, b: int
    ) -> tuple[Sequence[int], Sequence[int], Sequence[int], Sequence[int]]:
        """The windows over a compiled range holding ``[a, b]``: their starts, ends and
        local dates (ordinals), and the working dates (what working-day arithmetic over
        an array searches)."""
        state = self._covering_both(a, b)
        return state.wstarts, state.wends, state.wdates, state.work_dates

    # -- queries (all in microseconds) --------------------------------------------------
    @staticmethod
    def _open_before(state: _State, us: int) -> int:
        """Open time in ``[state.lo, us)``."""
        i = bisect_right(state.starts, us) - 1
        if i < 0:
            return 0
        start = state.starts[i]
        end = state.ends[i]
        return state.cum[i] + (end if us > end else us) - start

    def is_open(self, us: int) -> bool:
        state = self.covering(us)
        i = bisect_right(state.starts, us) - 1
        return i >= 0 and us < state.ends[i]

    def _covering_both(self, a: int, b: int) -> _State:
        """A state whose range holds both ``a`` and ``b`` (``a <= b``)."""
        self.covering(b)
        return self.covering(a)

    def between(self, a: int, b: int) -> int:
        """Open time in ``[a, b)`` (``a <= b``)."""
        state = self._state
        if state is None or not (state.lo <= a and b < state.hi):
            state = self._covering_both(a, b)
        # _open_before(state, b) - _open_before(state, a), inlined: the ticket clock
        # calls this for every piece of every cycle, and the two calls cost a third of it.
        starts, ends, cum = state.starts, state.ends, state.cum
        i = bisect_right(starts, b) - 1
        if i < 0:
            return 0  # b (hence a) lies before the first opening
        end = ends[i]
        total = cum[i] + (end if b > end else b) - starts[i]
        i = bisect_right(starts, a, 0, i + 1) - 1
        if i < 0:
            return total
        end = ends[i]
        return total - (cum[i] + (end if a > end else a) - starts[i])

    def add(self, us: int, amount: int) -> int:
        """The earliest instant at which ``amount`` of open time has passed since ``us``."""
        if amount == 0:
            return checked(us)
        state = self._state
        if state is None or not state.lo <= us < state.hi:
            state = self.covering(us)
        starts = state.starts
        i = bisect_right(starts, us) - 1
        if i >= 0:
            start, end = starts[i], state.ends[i]
            target = state.cum[i] + (end if us > end else us) - start + amount
        else:
            target = amount
        cum_end = state.cum_end
        if not cum_end or cum_end[-1] < target:
            self._forward(state, f"{amount / 3_600_000_000:g} hours of open time", us)
            return self.add(us, amount)
        j = bisect_left(cum_end, target, i if i > 0 else 0)
        return starts[j] + target - state.cum[j]

    def subtract(self, us: int, amount: int) -> int:
        """The latest ``s <= us`` with exactly ``amount`` of open time in ``[s, us)``."""
        if amount == 0:
            return checked(us)
        state = self.covering(us)
        target = self._open_before(state, us) - amount
        if target < 0:
            self._backward(state, f"{amount / 3_600_000_000:g} hours of open time", us)
            return self.subtract(us, amount)
        j = bisect_right(state.cum, target) - 1
        result = state.starts[j] + target - state.cum[j]
        return result if result < us else us

    def next_open(self, us: int) -> int:
        state = self._state
        if state is None or not state.lo <= us < state.hi:
            state = self.covering(us)
        while True:
            i = bisect_right(state.starts, us) - 1
            if i >= 0 and us < state.ends[i]:
                return us
            if i + 1 < len(state.starts):
                return state.starts[i + 1]
            state = self._forward(state, "opening", us)

    def next_close(self, us: int) -> int:
        state = self.covering(us)
        while True:
            i = bisect_right(state.starts, us) - 1
            if not (i >= 0 and us < state.ends[i]):
                i += 1
            if i < len(state.starts) and state.ends[i] < state.hi:
                return state.ends[i]
            if state.hi >= HORIZON_END and i < len(state.starts):
                raise CalendarError(
                    f"calendar {self.name} stays open from "
                    f"{from_us(us, self.tz).isoformat()} to the end of {LAST_YEAR}: "
                    f"it has no closing to report"
                )
            state = self._forward(state, "closing", us)

    def spans(self, a: int, b: int) -> list[Span]:
        """Open spans clipped to ``[a, b)`` (none when ``b <= a``)."""
        state = self._covering_both(a, b - 1 if b > a else a)
        if b <= a:
            return []
        out: list[Span] = []
        k = bisect_right(state.ends, a)
        starts, ends = state.starts, state.ends
        while k < len(starts) and starts[k] < b:
            out.append((max(starts[k], a), min(ends[k], b)))
            k += 1
        return out

    def add_working_days(self, us: int, days: int) -> int:
        """SPEC 1, rule 7: ``days`` working days after ``us``."""
        start = self.next_open(us)
        if days == 0:
            return start
        # The window holding ``start`` may begin on an earlier date (an overnight window)
        # in a year not compiled yet: cover the two days before it too.
        state = self._covering_both(max(start - 2 * DAY_US, HORIZON_START), start)
        k = bisect_right(state.wstarts, start) - 1
        while state.wends[k] <= start:  # overlapping windows: the latest that contains it
            k -= 1
        home = state.wdates[k]
        tz = self.tz
        while True:
            idx = bisect_left(state.work_dates, home) + days
            if idx < len(state.work_dates):
                target_date = state.work_dates[idx]
                # Every window of the target date must be compiled: they all start
                # before the local midnight that ends it.
                day_after = date.fromordinal(target_date + 2)
                if state.last >= LAST_YEAR or state.hi > wall_to_us(day_after, 0, tz):
                    break
            state = self._forward(state, "working day", start)
        local = from_us(start, tz).replace(tzinfo=None)
        home_midnight = datetime.combine(date.fromordinal(home), datetime.min.time())
        offset = local - home_midnight
        wall = datetime.combine(date.fromordinal(target_date), datetime.min.time()) + offset
        candidate = naive_wall_to_us(wall, tz)
        if self.is_open(candidate):
            return candidate
        state = self.covering(candidate)
        a = bisect_left(state.wdates, target_date)
        b = bisect_right(state.wdates, target_date)
        if candidate < state.wstarts[a]:
            return state.wstarts[a]
        window_end = max(e for e in state.wends[a:b] if e <= candidate)
        # The calendar closes where the open stretch holding that window ends: later than
        # the window itself only where windows of different dates overlap (an overnight
        # window spanning the next date's windows). Even then a due instant is never
        # earlier than the opening it counts from.
        closing = self.next_close(window_end - 1)
        return max(closing, start)
