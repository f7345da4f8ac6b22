"""The six calendar questions over columns, mirroring ``Timeline``'s scalar code.

Each function takes the calendar's timeline and zone and the caller's columns, and
returns the column of answers; see :mod:`slacalc._arrays`. Every shortcut is the scalar
method's arithmetic, vectorised: ``searchsorted(side="right") - 1`` for
``bisect_right(...) - 1``, ``searchsorted(side="left")`` for ``bisect_left``.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from slacalc._arrays.columns import Column, as_durations, as_instants
from slacalc._base.errors import CalendarError, InvalidIntervalError
from slacalc._engine.timeline import Flat, Timeline

__all__ = [
    "add",
    "add_us",
    "between",
    "between_us",
    "is_open",
    "next_close",
    "next_open",
    "next_open_us",
    "subtract",
]


def _arrays(flat: Flat) -> tuple[Any, Any, Any, Any]:
    import numpy as np

    def as_int64(values: Any) -> Any:
        return np.asarray(values, dtype=np.int64)

    return as_int64(flat.starts), as_int64(flat.ends), as_int64(flat.cum), as_int64(flat.cum_end)


#: Steps of the forward walks below before the rest falls back to ``searchsorted``. A
#: gather and a compare over the column cost about 3 ns an element; a ``searchsorted`` of
#: unsorted instants about 70 ns (benchmarks/bench_arrays.py: 15.6x -> see
#: docs/performance.md), and an office calendar needs one or two steps.
_STEPS = 4
_DAY = 86_400_000_000


def _last_start_at_or_before(starts: Any, us: Any) -> Any:
    """``searchsorted(starts, us, side="right") - 1``: the last span starting at or before
    each instant, found from a table of the first span of each UTC day and a few steps."""
    import numpy as np

    if len(starts) == 0:
        return np.full(len(us), -1, dtype=np.int64)
    first_day = min(int(starts[0]), int(us.min())) // _DAY  # instants may precede spans
    days = np.arange(first_day, int(us.max()) // _DAY + 2, dtype=np.int64) * _DAY
    table = np.searchsorted(starts, days, side="right")  # spans starting by each midnight
    day = np.clip(us // _DAY - first_day, 0, len(days) - 1)
    k = np.where(us >= days[day], table[day], 0)  # before the first midnight: from 0
    last = len(starts)
    for _ in range(_STEPS):
        ahead = (k < last) & (starts[np.minimum(k, last - 1)] <= us)
        if not ahead.any():
            return k - 1
        k = k + ahead
    rest = (k < last) & (starts[np.minimum(k, last - 1)] <= us)
    if rest.any():
        k[rest] = np.searchsorted(starts, us[rest], side="right")
    return k - 1


def _first_reaching(cum_end: Any, target: Any, start: Any) -> Any:
    """``searchsorted(cum_end, target, side="left")``, walking forward from ``start`` (a
    lower bound of the answer) a few steps before falling back."""
    import numpy as np

    j = start.copy()
    last = len(cum_end) - 1
    for _ in range(_STEPS):
        short = (j < last) & (cum_end[j] < target)
        if not short.any():
            return j
        j = j + short
    rest = cum_end[j] < target
    if rest.any():
        j[rest] = np.minimum(np.searchsorted(cum_end, target[rest], side="left"), last)
    return j


def _open_before(us: Any, starts: Any, ends: Any, cum: Any, i: Any = None) -> Any:
    """Open time in ``[lo, us)`` for each element (``Timeline._open_before``)."""
    import numpy as np

    i = _last_start_at_or_before(starts, us) if i is None else i
    safe = np.maximum(i, 0)
    before = cum[safe] + np.minimum(us, ends[safe]) - starts[safe]
    return np.where(i >= 0, before, 0)


def _live(column: Column, extra: Any = None) -> Any:
    """The elements to ask about (neither the instant nor ``extra`` is NaT)."""
    return ~column.nat if extra is None else ~(column.nat | extra)


def add(timeline: Timeline, zone: tzinfo, start: Any, duration: Any) -> Any:
    """The due instants: ``Timeline.add`` for each element."""
    import numpy as np

    column = as_instants(start, "t")
    amounts, gaps = as_durations(duration, len(column.us))
    live = _live(column, gaps)
    result = column.us.copy()
    if live.any():
        us, amount = column.us[live], amounts[live]
        furthest = timeline.add(int(us.max()), int(amount.max()))  # compiles far enough
        starts, ends, cum, cum_end = _arrays(timeline.flat(int(us.min()), furthest))
        i = _last_start_at_or_before(starts, us)
        target = _open_before(us, starts, ends, cum, i) + amount
        j = _first_reaching(cum_end, target, np.maximum(i, 0))
        due = starts[j] + target - cum[j]
        result[live] = np.where(amount == 0, us, due)
    return (
        column.instants(result, zone) if not gaps.any() else _with_gaps(column, result, gaps, zone)
    )


def _with_gaps(column: Column, result: Any, gaps: Any, zone: tzinfo) -> Any:
    """NaT where the duration was NaT, too."""
    both = Column(column.us, column.nat | gaps, column.kind, column.index, column.name)
    return both.instants(result, zone)


def subtract(timeline: Timeline, zone: tzinfo, end: Any, duration: Any) -> Any:
    """The latest starts: ``Timeline.subtract`` for each element."""
    import numpy as np

    column = as_instants(end, "t")
    amounts, gaps = as_durations(duration, len(column.us))
    live = _live(column, gaps)
    result = column.us.copy()
    if live.any():
        us, amount = column.us[live], amounts[live]
        earliest = timeline.subtract(int(us.min()), int(amount.max()))  # compiles far enough
        starts, ends, cum, _ = _arrays(timeline.flat(earliest, int(us.max())))
        target = _open_before(us, starts, ends, cum) - amount
        j = np.maximum(np.searchsorted(cum, target, side="right") - 1, 0)
        found = np.minimum(starts[j] + target - cum[j], us)
        result[live] = np.where(amount == 0, us, found)
    return (
        column.instants(result, zone) if not gaps.any() else _with_gaps(column, result, gaps, zone)
    )


def between(timeline: Timeline, a: Any, b: Any) -> Any:
    """Open time in ``[a, b)`` for each pair (``Timeline.between``)."""
    import numpy as np

    first, last = as_instants(a, "a"), as_instants(b, "b")
    if len(first.us) != len(last.us):
        raise CalendarError(f"a has {len(first.us)} values and b has {len(last.us)}")
    live = ~(first.nat | last.nat)
    wrong = live & (last.us < first.us)
    if wrong.any():
        position = int(np.flatnonzero(wrong)[0])
        raise InvalidIntervalError(
            f"b[{position}] lies before a[{position}]: between(a, b) needs a <= b"
        )
    result = np.zeros(len(first.us), dtype=np.int64)
    if live.any():
        lo, hi = first.us[live], last.us[live]
        starts, ends, cum, _ = _arrays(timeline.flat(int(lo.min()), int(hi.max())))
        result[live] = _open_before(hi, starts, ends, cum) - _open_before(lo, starts, ends, cum)
    both = Column(first.us, first.nat | last.nat, first.kind, first.index, first.name)
    return both.durations(result)


def is_open(timeline: Timeline, t: Any) -> Any:
    """Whether each instant is open (``Timeline.is_open``); NaT gives ``<NA>``."""
    import numpy as np

    column = as_instants(t, "t")
    _no_nat_in_numpy(column, "is_open")
    flags = np.zeros(len(column.us), dtype=bool)
    live = _live(column)
    if live.any():
        us = column.us[live]
        starts, ends, _, _ = _arrays(timeline.flat(int(us.min()), int(us.max())))
        i = np.searchsorted(starts, us, side="right") - 1
        flags[live] = (i >= 0) & (us < ends[np.maximum(i, 0)])
    return column.flags(flags)


def next_open(timeline: Timeline, zone: tzinfo, t: Any) -> Any:
    """Each instant itself when open, else the next opening (``Timeline.next_open``)."""
    import numpy as np

    column = as_instants(t, "t")
    result = column.us.copy()
    live = _live(column)
    if live.any():
        us = column.us[live]
        furthest = timeline.next_open(int(us.max()))  # compiles far enough
        starts, ends, _, _ = _arrays(timeline.flat(int(us.min()), furthest))
        i = np.searchsorted(starts, us, side="right") - 1
        inside = (i >= 0) & (us < ends[np.maximum(i, 0)])
        following = starts[np.minimum(i + 1, len(starts) - 1)]
        result[live] = np.where(inside, us, following)
    return column.instants(result, zone)


def next_close(timeline: Timeline, zone: tzinfo, t: Any) -> Any:
    """The end of the open stretch containing or following each instant."""
    import numpy as np

    column = as_instants(t, "t")
    result = column.us.copy()
    live = _live(column)
    if live.any():
        us = column.us[live]
        furthest = timeline.next_close(int(us.max()))  # compiles far enough (or raises)
        starts, ends, _, _ = _arrays(timeline.flat(int(us.min()), furthest))
        i = np.searchsorted(starts, us, side="right") - 1
        inside = (i >= 0) & (us < ends[np.maximum(i, 0)])
        k = np.minimum(np.where(inside, i, i + 1), len(starts) - 1)
        result[live] = ends[k]
    return column.instants(result, zone)


def _no_nat_in_numpy(column: Column, what: str) -> None:
    if column.kind == "ndarray" and column.nat.any():
        position = int(column.nat.argmax())
        raise CalendarError(
            f"{what} of NaT (t[{position}]): a numpy bool array has no missing value; drop "
            "the NaT or pass a pandas Series (NaT gives <NA>)"
        )


def add_us(timeline: Timeline, us: Any, amount: Any) -> Any:
    """``Timeline.add`` for int64 arrays of instants and amounts (no NaT), as int64."""
    import numpy as np

    if len(us) == 0:
        return us.copy()
    furthest = timeline.add(int(us.max()), int(amount.max()))
    starts, ends, cum, cum_end = _arrays(timeline.flat(int(us.min()), furthest))
    i = _last_start_at_or_before(starts, us)
    target = _open_before(us, starts, ends, cum, i) + amount
    j = _first_reaching(cum_end, target, np.maximum(i, 0))
    return np.where(amount == 0, us, starts[j] + target - cum[j])


def between_us(timeline: Timeline, a: Any, b: Any) -> Any:
    """``Timeline.between`` for int64 arrays with ``a <= b`` (no NaT), as int64."""
    if len(a) == 0:
        return a.copy()
    starts, ends, cum, _ = _arrays(timeline.flat(int(a.min()), int(b.max())))
    return _open_before(b, starts, ends, cum) - _open_before(a, starts, ends, cum)


def next_open_us(timeline: Timeline, us: Any) -> Any:
    """``Timeline.next_open`` for an int64 array (no NaT), as int64."""
    import numpy as np

    if len(us) == 0:
        return us.copy()
    furthest = timeline.next_open(int(us.max()))
    starts, ends, _, _ = _arrays(timeline.flat(int(us.min()), furthest))
    i = _last_start_at_or_before(starts, us)
    inside = (i >= 0) & (us < ends[np.maximum(i, 0)])
    return np.where(inside, us, starts[np.minimum(i + 1, len(starts) - 1)])
