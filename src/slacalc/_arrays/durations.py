"""``CalendarTime`` over columns (SPEC 1, rule 8; SPEC 9): whole columns stepped at once.

Months, weeks and days step each instant's local wall time (pandas' ``DateOffset``, the
same clipping to the month's end as ``dateutil.relativedelta``); the wall time is read
back in the zone with a gap moving forward to the transition and a fold taking its first
occurrence (``_engine.instants.naive_wall_to_us``); hours then step real time. Equal
element by element to ``_calendar.durations.step_calendar_time`` (tests/test_arrays.py).

>>> import numpy as np
>>> from zoneinfo import ZoneInfo
>>> from slacalc import CalendarTime
>>> jan31 = np.array([1_769_850_000_000_000])  # 2026-01-31 09:00 UTC
>>> step_calendar_time_us(jan31, CalendarTime(months=1), +1, ZoneInfo("UTC"))
array([1772269200000000])
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any, Protocol

from slacalc._arrays.columns import as_instants
from slacalc._base.errors import CalendarError
from slacalc._engine.instants import HORIZON_END, HORIZON_START, from_us


class CalendarTime(Protocol):
    """What is read of a ``slacalc.CalendarTime`` (defined a layer above)."""

    @property
    def months(self) -> int: ...
    @property
    def weeks(self) -> int: ...
    @property
    def days(self) -> int: ...
    @property
    def hours(self) -> int: ...


__all__ = ["calendar_time", "step_calendar_time_us", "wall_instants"]

_HOUR_US = 3_600_000_000  # microseconds


def calendar_time(value: Any, duration: CalendarTime, sign: int, zone: tzinfo) -> Any:
    """``Calendar.add`` (``sign=+1``) or ``subtract`` (``-1``) of a ``CalendarTime`` over a
    column of instants, NaT left NaT, the result as the column's kind."""
    column = as_instants(value, "t")
    result = column.us.copy()
    live = ~column.nat
    if live.any():
        result[live] = step_calendar_time_us(column.us[live], duration, sign, zone)
    return column.instants(result, zone)


def step_calendar_time_us(us: Any, duration: CalendarTime, sign: int, zone: tzinfo) -> Any:
    """The instants ``duration`` after (``sign=+1``) or before (``-1``) each of ``us``
    (int64 UTC microseconds, none NaT) in ``zone``; a result out of the supported range
    is a :class:`~slacalc.CalendarError` naming its position and value."""
    import numpy as np
    import pandas as pd

    result = us.copy()
    if duration.months or duration.weeks or duration.days:
        utc = pd.DatetimeIndex(us.astype("datetime64[us]")).tz_localize("UTC")
        wall = utc.tz_convert(zone).tz_localize(None)
        step = pd.DateOffset(months=duration.months, weeks=duration.weeks, days=duration.days)
        try:
            moved = wall + step if sign > 0 else wall - step
        except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
            raise _out_of_range(us, duration, zone, np.zeros(len(us), dtype=bool)) from None
        result = wall_instants(moved, zone)
    result = result + sign * duration.hours * _HOUR_US
    outside = (result < HORIZON_START) | (result >= HORIZON_END)
    if outside.any():
        raise _out_of_range(us, duration, zone, outside)
    return result


def wall_instants(wall: Any, zone: tzinfo) -> Any:
    """The UTC microseconds of naive wall times (a ``DatetimeIndex``) in ``zone``: a gap
    moves forward to the transition, a fold takes its first occurrence
    (``_engine.instants.naive_wall_to_us``)."""
    import numpy as np

    firsts = []
    for dst in (True, False):  # a fold: the earlier of its two occurrences
        flags = np.full(len(wall), dst)
        local = wall.tz_localize(zone, ambiguous=flags, nonexistent="shift_forward")
        firsts.append(local.tz_convert("UTC").tz_localize(None).as_unit("us").asi8)
    return np.minimum(firsts[0], firsts[1])


def _out_of_range(us: Any, duration: CalendarTime, zone: tzinfo, outside: Any) -> CalendarError:
    position = int(outside.argmax())
    start = from_us(int(us[position]), zone).isoformat()
    return CalendarError(
        f"{duration!r} from t[{position}] = {start} leaves the supported range "
        f"({from_us(HORIZON_START, zone).year}-{from_us(HORIZON_END - 1, zone).year}): "
        "drop or clip that instant"
    )
