"""Chunks: one UTC year of a compiled calendar, as flat arrays, and what makes them.

A :class:`ChunkSource` (``slacalc._engine.sources``) compiles one UTC year at a time;
the :class:`~slacalc._engine.timeline.Timeline` joins the years it needs.

>>> year_start(1970), year_of(year_start(2026))
(0, 2026)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Protocol

from slacalc._engine.instants import (
    EPOCH,
    FIRST_YEAR,
    HORIZON_END,
    HORIZON_START,
    LAST_YEAR,
    US,
    from_us,
)
from slacalc._engine.spans import Span

__all__ = ["Chunk", "ChunkSource", "Window", "year_of", "year_start"]

Window = tuple[int, int, int]  # start, end (microseconds), local date ordinal


class Chunk:
    """One UTC year of a calendar: merged open spans clipped to the year, and the
    windows (with their local dates) that start inside the year.

    Kept as flat arrays of 64-bit integers (16 bytes a span, 24 a window), not tuples of
    Python ints (about 150 bytes a span): a calendar of 720 windows a day compiles 263,000
    spans a year (benchmarks/bench_compile.py). ``spans`` and ``windows`` read them back
    as tuples.

    >>> c = Chunk([(0, 10), (20, 30)], [(0, 10, 719163), (20, 30, 719163)])
    >>> c.spans, len(c)
    (((0, 10), (20, 30)), 2)
    """

    __slots__ = ("ends", "starts", "wdates", "wends", "wstarts")

    def __init__(self, spans: Iterable[Span], windows: Iterable[Window]) -> None:
        self.starts, self.ends = array("q"), array("q")
        for start, end in spans:
            self.starts.append(start)
            self.ends.append(end)
        self.wstarts, self.wends, self.wdates = array("q"), array("q"), array("q")
        for start, end, ordinal in windows:
            self.wstarts.append(start)
            self.wends.append(end)
            self.wdates.append(ordinal)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def spans(self) -> tuple[Span, ...]:
        """The merged open spans, clipped to the year."""
        return tuple(zip(self.starts, self.ends, strict=True))

    @property
    def windows(self) -> tuple[Window, ...]:
        """The windows that start in the year: (start, end, local date ordinal)."""
        return tuple(zip(self.wstarts, self.wends, self.wdates, strict=True))


class ChunkSource(Protocol):
    """Something that can compile one UTC year of a calendar."""

    def chunk(self, year: int) -> Chunk: ...


def year_start(year: int) -> int:
    """Microseconds at the start of a UTC year.

    >>> year_start(1970), year_start(1971) // US
    (0, 31536000)
    """
    return (datetime(year, 1, 1, tzinfo=timezone.utc) - EPOCH).days * 86_400 * US


def year_of(us: int) -> int:
    """The UTC year an instant falls in (clamped to the supported range)."""
    if us < HORIZON_START:
        return FIRST_YEAR - 1
    if us >= HORIZON_END:
        return LAST_YEAR + 1
    return from_us(us, timezone.utc).year
