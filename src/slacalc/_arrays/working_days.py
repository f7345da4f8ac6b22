"""``WorkingDays`` over columns (SPEC 1, rule 7; SPEC 9): ``Timeline.add_working_days``
for a whole column at once, numpy over the compiled windows.

Each instant's start is its next opening; its *home* date is the local date of the
latest window holding that start; the due date is the working date ``n`` after the home
date; the due instant keeps the start's wall-clock offset from its home date's midnight,
read in the zone (gap forward, fold first), and when the calendar is closed then, moves to
the first window of the due date (if before it) or to the close of the open stretch of
its last window that began before it. tests/test_arrays.py checks it equals the scalar
call on random columns across DST changes, holidays and overnight windows.

>>> import pandas as pd
>>> from slacalc import Calendar, WorkingDays
>>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
>>> t = pd.Series(pd.to_datetime(["2026-11-27 16:00", "2026-11-28 10:00"], utc=True))
>>> [v.isoformat() for v in cal.add(t, WorkingDays(1))]
['2026-11-30T16:00:00+00:00', '2026-12-01T09:00:00+00:00']
"""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Any

from slacalc._arrays.columns import as_instants
from slacalc._arrays.durations import wall_instants
from slacalc._arrays.ops import next_open_us
from slacalc._engine.instants import DAY_US, HORIZON_END, HORIZON_START
from slacalc._engine.timeline import Timeline

__all__ = ["add_working_days_us", "working_days"]

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def working_days(timeline: Timeline, zone: tzinfo, value: Any, days: int) -> Any:
    """``Calendar.add(column, WorkingDays(days))``: NaT left NaT, the column's kind."""
    column = as_instants(value, "t")
    result = column.us.copy()
    live = ~column.nat
    if live.any():
        result[live] = add_working_days_us(timeline, zone, column.us[live], days)
    return column.instants(result, zone)


def add_working_days_us(timeline: Timeline, zone: tzinfo, us: Any, days: int) -> Any:
    """``Timeline.add_working_days`` for an int64 array (no NaT), as int64."""
    import numpy as np
    import pandas as pd

    start = next_open_us(timeline, us)
    if days == 0 or len(us) == 0:
        return start
    # The result grows with the start: the latest start's compiles far enough.
    furthest = timeline.add_working_days(int(us.max()), days)
    lo = max(int(start.min()) - 2 * DAY_US, HORIZON_START)
    hi = min(furthest + 2 * DAY_US, HORIZON_END - 1)
    wstarts, wends, wdates, work = (np.asarray(x, dtype=np.int64) for x in timeline.windows(lo, hi))
    k = np.searchsorted(wstarts, start, side="right") - 1
    behind = wends[k] <= start  # overlapping windows: the latest that contains it
    while behind.any():
        k[behind] -= 1
        behind = wends[k] <= start
    home = wdates[k]
    target = work[np.searchsorted(work, home, side="left") + days]
    wall = pd.DatetimeIndex(start.astype("datetime64[us]")).tz_localize("UTC")
    local = wall.tz_convert(zone).tz_localize(None).as_unit("us").asi8
    offset = local - (home - _EPOCH_ORDINAL) * DAY_US
    moved = (target - _EPOCH_ORDINAL) * DAY_US + offset
    candidate = wall_instants(pd.DatetimeIndex(moved.astype("datetime64[us]")), zone)
    starts, ends = _spans(timeline, int(candidate.min()), int(candidate.max()))
    i = np.searchsorted(starts, candidate, side="right") - 1
    shut = ~((i >= 0) & (candidate < ends[np.maximum(i, 0)]))
    result = candidate.copy()
    if shut.any():
        result[shut] = _closed(
            candidate[shut], target[shut], start[shut], wstarts, wends, wdates, starts, ends
        )
    return result


def _spans(timeline: Timeline, a: int, b: int) -> tuple[Any, Any]:
    import numpy as np

    flat = timeline.flat(a, b)
    return np.asarray(flat.starts, dtype=np.int64), np.asarray(flat.ends, dtype=np.int64)


def _closed(
    candidate: Any, target: Any, start: Any, wstarts: Any, wends: Any, wdates: Any,
    starts: Any, ends: Any,
) -> Any:  # fmt: skip
    """Where the calendar is closed at the candidate: the due date's first window when the
    candidate lies before it, else the close of the open stretch of the latest window of
    the due date that ended by then (never before the start)."""
    import numpy as np

    a = np.searchsorted(wdates, target, side="left")
    b = np.searchsorted(wdates, target, side="right")
    first = wstarts[np.minimum(a, len(wstarts) - 1)]
    early = candidate < first
    latest = np.full(len(candidate), -1, dtype=np.int64)
    for j in range(int((b - a).max()) if len(a) else 0):
        at = np.minimum(a + j, len(wends) - 1)
        ended = (a + j < b) & (wends[at] <= candidate)
        latest = np.where(ended, np.maximum(latest, wends[at]), latest)
    # next_close(latest - 1): the end of the open stretch holding (or after) it
    probe = latest - 1
    i = np.searchsorted(starts, probe, side="right") - 1
    inside = (i >= 0) & (probe < ends[np.maximum(i, 0)])
    i = np.where(inside, i, i + 1)
    closing = ends[np.minimum(i, len(ends) - 1)]
    return np.where(early, first, np.maximum(closing, start))
