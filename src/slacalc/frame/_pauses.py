"""Pauses as span columns (SPEC 9): a column of tickets' pauses, and SPEC 3's clock over
them, numpy over a compiled timeline.

A ticket's pauses are its ``paused``/``resumed`` events in strict alternation (paused
first, instants increasing); the ``k``-th pause of every ticket is one pair of columns,
``starts[k]`` and ``ends[k]`` (UTC microseconds; :data:`NEVER` where a ticket has fewer
pauses). As the scalar clock does (``_clock.facts``), a pause that began after ``at`` is
ignored, and one still running at ``at`` ends there (the ticket is *paused now*).

:func:`clock_columns` is ``_clock.cycles`` for one cycle of one calendar: the running
pieces are the clock's span ``[start, end)`` less the pauses; the elapsed time is their
open time; the due instant is where their accrual reaches the target (past ``end``, as
if the clock ran on); the breach instant the latest at which accrual has not passed the
target. Each step is one vectorised call per piece, so a column whose tickets have at
most ``K`` pauses costs ``K + 1`` calls, never a Python step per ticket.

>>> import numpy as np
>>> from slacalc import Calendar
>>> from slacalc._calendar.compiled import timeline_of
>>> hour = 3_600_000_000
>>> office = timeline_of(Calendar.weekdays("09:00", "17:00", tz="UTC"))
>>> monday9 = 1_795_770_000_000_000  # 2026-11-30 09:00 UTC
>>> pauses = Pauses(np.array([[monday9 + hour]]), np.array([[monday9 + 3 * hour]]),
...                 np.array([False]))
>>> found = clock_columns(office, np.array([monday9]), np.array([monday9 + 4 * hour]),
...                       2 * hour, pauses)
>>> int(found.elapsed[0]) // hour, (int(found.due[0]) - monday9) // hour
(2, 4)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from slacalc._arrays.ops import add_us, between_us, next_open_us
from slacalc._engine.timeline import Timeline

__all__ = ["NEVER", "ClockColumns", "Pauses", "as_of", "clock_columns", "pauses_of"]

NEVER = 2**62  # an instant later than any: "this event did not happen"


@dataclass(frozen=True)
class Pauses:
    """The pauses of a column of ``n`` tickets: ``starts`` and ``ends`` of shape
    ``(K, n)`` (the ``k``-th pause of each ticket; :data:`NEVER` where absent) and
    ``now``, whether each ticket is paused at ``at``."""

    starts: Any
    ends: Any
    now: Any

    @classmethod
    def none(cls, count: int) -> Pauses:
        """No pause for any of ``count`` tickets."""
        empty = np.zeros((0, count), dtype=np.int64)
        return cls(empty, empty.copy(), np.zeros(count, dtype=bool))

    def union(self, other: Pauses) -> Pauses:
        """The spans of both, merged where they overlap or touch, earliest first (``now``
        is this one's)."""
        if not other.starts.shape[0]:
            return self
        if not self.starts.shape[0]:
            return Pauses(other.starts, other.ends, self.now)
        starts = np.concatenate([self.starts, other.starts])
        ends = np.concatenate([self.ends, other.ends])
        order = np.argsort(starts, axis=0, kind="stable")
        starts, ends = np.take_along_axis(starts, order, 0), np.take_along_axis(ends, order, 0)
        out_starts, out_ends = [], []
        low, high = starts[0], ends[0]
        for begin, finish in zip(starts[1:], ends[1:], strict=True):
            joins = (begin <= high) & (begin < NEVER)
            out_starts.append(np.where(joins, NEVER, low))
            out_ends.append(np.where(joins, NEVER, high))
            low = np.where(joins, low, begin)
            high = np.where(joins, np.maximum(high, finish), finish)
        out_starts.append(low)
        out_ends.append(high)
        merged_starts, merged_ends = np.array(out_starts), np.array(out_ends)
        order = np.argsort(merged_starts, axis=0, kind="stable")  # the merged ones last
        return Pauses(
            np.take_along_axis(merged_starts, order, 0),
            np.take_along_axis(merged_ends, order, 0),
            self.now,
        )

    def take(self, members: Any) -> Pauses:
        """The pauses of the tickets at ``members`` (an index array), without the
        columns none of them uses."""
        starts = self.starts[:, members]
        used = (starts < NEVER).any(axis=1)
        return Pauses(starts[used], self.ends[:, members][used], self.now[members])


def pauses_of(pairs: Sequence[Sequence[tuple[int, int | None]]], at_us: int) -> Pauses:
    """The pauses of tickets given as (paused, resumed or ``None``) pairs in time order,
    as of ``at_us``.

    >>> p = pauses_of([[(1, 2), (5, None)], [], [(3, 9)]], at_us=6)
    >>> p.starts.tolist(), p.ends.tolist(), p.now.tolist()
    ([[1, 4611686018427387904, 3], [5, 4611686018427387904, 4611686018427387904]], \
[[2, 4611686018427387904, 6], [6, 4611686018427387904, 4611686018427387904]], [True, False, True])
    """
    count = len(pairs)
    depth = max((len(p) for p in pairs), default=0)
    starts = np.full((depth, count), NEVER, dtype=np.int64)
    ends = np.full((depth, count), NEVER, dtype=np.int64)
    for n, ticket in enumerate(pairs):
        for k, (paused, resumed) in enumerate(ticket):
            starts[k, n] = paused
            ends[k, n] = NEVER if resumed is None else resumed
    return as_of(starts, ends, at_us).take(np.arange(count))


def as_of(starts: Any, ends: Any, at_us: int) -> Pauses:
    """Pause columns (``NEVER`` for a pause not resumed) as the scalar clock sees them at
    ``at_us``: a pause begun after it is ignored, one still running ends there."""
    later = starts > at_us
    starts[later] = NEVER
    ends[later] = NEVER
    running = (starts < NEVER) & (ends > at_us)  # still paused at `at` (or never resumed)
    ends[running] = at_us
    return Pauses(starts, ends, running.any(axis=0))


@dataclass(frozen=True)
class ClockColumns:
    """One cycle's answers for a column: ``elapsed`` (open time counted), ``due`` and
    ``breach`` (UTC microseconds), all int64."""

    elapsed: Any
    due: Any
    breach: Any


def clock_columns(
    timeline: Timeline, start: Any, end: Any, amount: Any, pauses: Pauses
) -> ClockColumns:
    """SPEC 3 for one running span ``[start, end)`` per ticket (``end``: the stop, or
    ``at``) less its pauses, against a target of ``amount`` microseconds of open time
    (one for all, or one per ticket)."""
    amount = np.broadcast_to(np.asarray(amount, dtype=np.int64), np.shape(start))
    lows, highs = _pieces(start, end, pauses)
    opens = []
    elapsed = np.zeros(len(start), dtype=np.int64)
    for lo, hi in zip(lows, highs, strict=True):
        some = hi > lo
        piece = np.zeros(len(start), dtype=np.int64)
        piece[some] = between_us(timeline, lo[some], hi[some])
        opens.append(piece)
        elapsed += piece
    # due: where the accrual reaches the amount (``_clock.cycles.reach``)
    due = start.copy()  # for nothing to pass: reached when the clock started
    found = amount <= 0
    accrued = np.zeros(len(start), dtype=np.int64)
    for lo, piece in zip(lows, opens, strict=True):
        reach = ~found & (accrued + piece >= amount)
        due[reach] = add_us(timeline, lo[reach], amount[reach] - accrued[reach])
        found |= reach
        accrued += piece
    rest = ~found
    due[rest] = add_us(timeline, end[rest], amount[rest] - accrued[rest])
    # breach: the latest instant at which accrual has not passed it (``last_holding``)
    breach = np.zeros(len(start), dtype=np.int64)
    held = np.zeros(len(start), dtype=bool)
    for lo, hi in zip(lows, highs, strict=True):
        ask = ~held & (hi > due)
        candidate = next_open_us(timeline, np.maximum(lo[ask], due[ask]))
        inside = candidate < hi[ask]
        breach[np.flatnonzero(ask)[inside]] = candidate[inside]
        held[np.flatnonzero(ask)[inside]] = True
    rest = ~held
    breach[rest] = next_open_us(timeline, np.maximum(end[rest], due[rest]))
    return ClockColumns(elapsed, due, breach)


def _pieces(start: Any, end: Any, pauses: Pauses) -> tuple[list[Any], list[Any]]:
    """The running pieces ``[lows[k], highs[k])``: ``[start, end)`` less the pauses, one
    piece before each pause and one after the last (empty where they fall outside)."""
    lows, highs = [], []
    current = start
    for paused, resumed in zip(pauses.starts, pauses.ends, strict=True):
        lows.append(current)
        highs.append(np.clip(paused, start, end))
        current = np.clip(resumed, start, end)
    lows.append(current)
    highs.append(end)
    return lows, highs
