"""Chunk sources: how one UTC year of a calendar is compiled.

:class:`WeeklySource` expands recurring wall-clock windows (weekday hours, date
overrides, holidays) into absolute spans, one local date at a time; windows belong to
the date they start on. :class:`CombinedSource` builds a union, intersection or
complement from the operands' compiled chunks; its windows are its open spans cut at
the local midnights of its zone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta, tzinfo
from typing import Literal

from slacalc._engine.chunks import Chunk, Window, year_start
from slacalc._engine.instants import from_us, wall_to_us
from slacalc._engine.spans import SpanSet
from slacalc._engine.timeline import Timeline

DayWindows = tuple[tuple[int, int], ...]  # merged (start, end) seconds after midnight
Operation = Literal["union", "intersection", "complement"]


class WeeklySource:
    """Weekday hours, date overrides and holidays in one IANA zone."""

    def __init__(
        self,
        tz: tzinfo,
        weekly: Sequence[DayWindows],
        overrides: Mapping[date, DayWindows],
        holidays: Callable[[int], frozenset[date]] | None,
    ) -> None:
        self._tz = tz
        self._weekly = tuple(weekly)
        self._overrides = dict(overrides)
        self._holidays = holidays

    def day_windows(self, day: date, closed: frozenset[date]) -> DayWindows:
        """The merged windows that start on ``day``."""
        found = self._overrides.get(day)
        if found is not None:
            return found
        if day in closed:
            return ()
        return self._weekly[day.weekday()]

    def chunk(self, year: int) -> Chunk:
        lo, hi = year_start(year), year_start(year + 1)
        tz = self._tz
        first = from_us(lo, tz).date() - timedelta(days=2)
        last = from_us(hi, tz).date()
        closed: frozenset[date] = frozenset()
        if self._holidays is not None:
            closed = frozenset().union(
                *(self._holidays(y) for y in range(first.year, last.year + 1))
            )
        raw: list[Window] = []
        day = first
        one = timedelta(days=1)
        while day <= last:
            ordinal = day.toordinal()
            for start_s, end_s in self.day_windows(day, closed):
                start = wall_to_us(day, start_s, tz)
                end = wall_to_us(day, end_s, tz)
                if end > start:
                    raw.append((start, end, ordinal))
            day += one
        spans = SpanSet((s, e) for s, e, _ in raw).clip(lo, hi).spans
        windows = tuple(sorted(w for w in raw if lo <= w[0] < hi))
        return Chunk(spans, windows)


def split_at_midnights(spans: Sequence[tuple[int, int]], tz: tzinfo) -> tuple[Window, ...]:
    """Cut spans at local midnights; each piece belongs to the date it starts on."""
    out: list[Window] = []
    for start, end in spans:
        cursor = start
        day = from_us(cursor, tz).date()
        while cursor < end:
            midnight = wall_to_us(day + timedelta(days=1), 0, tz)
            piece_end = min(midnight, end)
            if piece_end > cursor:
                out.append((cursor, piece_end, day.toordinal()))
            cursor = piece_end
            day += timedelta(days=1)
    return tuple(out)


class CombinedSource:
    """The union, intersection or complement of compiled calendars."""

    def __init__(self, operation: Operation, operands: Sequence[Timeline], tz: tzinfo) -> None:
        self._operation = operation
        self._operands = tuple(operands)
        self._tz = tz

    def chunk(self, year: int) -> Chunk:
        lo, hi = year_start(year), year_start(year + 1)
        sets = [SpanSet.from_normalised(t.chunk(year).spans) for t in self._operands]
        if self._operation == "complement":
            result = sets[0].complement(lo, hi)
        elif self._operation == "union":
            result = sets[0]
            for other in sets[1:]:
                result = result | other
        else:
            result = sets[0]
            for other in sets[1:]:
                result = result & other
        return Chunk(result.spans, split_at_midnights(result.spans, self._tz))
