"""The one converter of a target's ``within`` to open time (SPEC 3, rule 3).

When a clock starts, its target becomes open time on the target's calendar: a
``timedelta`` as it is; ``WorkingDays(n)`` as the open time from the start to the n-th
working day's due instant; ``CalendarTime`` as the real time from the start to the
start plus that calendar time (the clock of such a target runs 24x7).

>>> from datetime import datetime, timedelta, timezone
>>> from slacalc import Calendar
>>> from slacalc._calendar.calendar import timeline_of
>>> from slacalc._engine.instants import to_us
>>> office = Calendar.weekdays("09:00", "17:00", tz="UTC")
>>> friday_4pm = to_us(datetime(2026, 11, 27, 16, tzinfo=timezone.utc), "t")
>>> open_time(WorkingDays(1), friday_4pm, timeline_of(office), office.zone) / 3_600_000_000
8.0
>>> open_time(timedelta(hours=4), friday_4pm, timeline_of(office), office.zone) / 3_600_000_000
4.0
"""

from __future__ import annotations

from datetime import timedelta, tzinfo

from slacalc._base.errors import CalendarError
from slacalc._calendar.durations import CalendarTime, WorkingDays, step_calendar_time
from slacalc._engine.instants import duration_us
from slacalc._engine.timeline import Timeline

__all__ = ["open_time"]


def open_time(
    within: timedelta | WorkingDays | CalendarTime, start: int, timeline: Timeline, tz: tzinfo
) -> int:
    """``within`` as microseconds of open time on ``timeline`` from ``start`` (in ``tz``)."""
    if isinstance(within, timedelta):
        return duration_us(within)
    if isinstance(within, WorkingDays):
        return timeline.between(start, timeline.add_working_days(start, within.days))
    if isinstance(within, CalendarTime):
        return step_calendar_time(start, within, +1, tz) - start
    raise CalendarError(f"within={within!r} is not a timedelta, WorkingDays or CalendarTime")
