"""Compiling a calendar to its engine timeline, once per distinct calendar value.

:func:`timeline_of` is the one way from a :class:`~slacalc.Calendar` to its compiled
:class:`~slacalc._engine.timeline.Timeline`; the caches are described in
docs/architecture.md.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from slacalc._base.frozen import InstanceCache
from slacalc._engine.instants import zone
from slacalc._engine.sources import CombinedSource, WeeklySource
from slacalc._engine.timeline import Timeline
from slacalc._engine.windows import WEEKDAYS, merge_day

if TYPE_CHECKING:
    from slacalc._calendar.calendar import Calendar

__all__ = ["TIMELINES", "timeline_of"]

#: The timeline kept beside each calendar object (a weakly keyed per-object slot).
TIMELINES: InstanceCache[Timeline] = InstanceCache()


def timeline_of(calendar: Calendar) -> Timeline:
    """The compiled timeline of a calendar: one per calendar object, kept beside it.

    Equal calendars share one timeline (:func:`_shared_timeline`); the per-object slot
    makes the lookup one dict probe on the hot path (docs/architecture.md, caches).

    >>> from slacalc import Calendar
    >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
    >>> timeline_of(cal) is timeline_of(Calendar.weekdays("09:00", "17:00", tz="UTC"))
    True
    """
    slot = TIMELINES.slots.get(id(calendar))
    if slot is not None and slot[0]() is calendar:
        return slot[1]
    timeline = _shared_timeline(calendar)
    TIMELINES.put(calendar, timeline)
    return timeline


def _describe(calendar: Calendar) -> str:
    """How the engine names a calendar in its messages."""
    if calendar.operation is not None:
        return f"<{calendar.operation} of {len(calendar.operands)} calendars in {calendar.tz}>"
    days = ", ".join(f"{d} {' '.join(ws)}" for d, ws in calendar.hours) or "no weekly hours"
    return f"<{calendar.tz}: {days}>"


def _source_for(calendar: Calendar) -> WeeklySource | CombinedSource:
    tz = zone(calendar.tz)
    if calendar.operation is not None:
        return CombinedSource(calendar.operation, [timeline_of(c) for c in calendar.operands], tz)
    by_day = dict(calendar.hours)
    weekly = [merge_day(by_day.get(day, ())) for day in WEEKDAYS]
    overrides = {day: merge_day(ws) for day, ws in calendar.overrides}
    holidays = calendar.holidays.dates if calendar.holidays is not None else None
    return WeeklySource(tz, weekly, overrides, holidays)


@lru_cache(maxsize=512)
def _shared_timeline(calendar: Calendar) -> Timeline:
    """One compiled timeline per distinct calendar value, shared by equal calendars."""
    return Timeline(_source_for(calendar), zone(calendar.tz), _describe(calendar))
