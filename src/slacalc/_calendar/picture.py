"""``Calendar.to_svg``: a calendar's open windows over a span, as an SVG picture.

One row shows the open windows (one rectangle per span of ``Calendar.windows(start,
end)``, its duration written inside when it fits) against the closed hours; the axis
shows the calendar zone's days and hours, and a dashed line marks each change of the
zone's offset (summer time). ``marks`` adds labelled instants, such as an opening and a
due instant.

>>> from datetime import datetime, timedelta
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Calendar
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> office = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
>>> monday = datetime(2026, 11, 23, tzinfo=ams)
>>> svg = calendar_svg(office, monday, monday + timedelta(days=2),
...                    [(monday.replace(hour=16), "opened")])
>>> svg.count('class="open"'), "opened Mon 23 Nov 16:00" in svg
(2, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from slacalc._base.errors import InvalidIntervalError
from slacalc._base.svg import hours, short
from slacalc._calendar.canvas import Canvas, Mark, clock_changes
from slacalc._calendar.compiled import timeline_of
from slacalc._engine.instants import from_us, to_us

if TYPE_CHECKING:
    from slacalc._calendar.calendar import Calendar

__all__ = ["WEEK", "Marks", "calendar_svg"]

#: Instants to mark on a picture, each with its label: ``[(opened, "opened"), ...]``.
Marks = Iterable[tuple[datetime, str]]
WEEK = timedelta(days=7)
#: At most this many windows are listed one by one in the picture's description.
LISTED = 14


def calendar_svg(
    calendar: Calendar,
    start: datetime,
    end: datetime | None = None,
    marks: Marks = (),
) -> str:
    """The open windows of ``calendar`` in ``[start, end)`` (default: the week from
    ``start``) as SVG, with ``marks`` as ``(instant, label)`` lines.

    >>> from datetime import timezone
    >>> from slacalc import Calendar
    >>> t = datetime(2026, 11, 23, tzinfo=timezone.utc)
    >>> calendar_svg(Calendar.always("UTC"), t + WEEK, t)
    Traceback (most recent call last):
    ...
    slacalc.InvalidIntervalError: end=2026-11-23T00:00:00+00:00 lies before start=...
    """
    a = to_us(start, "start")
    b = to_us(start + WEEK if end is None else end, "end")
    if b < a:
        shown = end.isoformat() if end is not None else ""
        raise InvalidIntervalError(
            f"end={shown} lies before start={start.isoformat()}: to_svg(start, end) needs "
            "start <= end (swap them, or leave end out for the week from start)"
        )
    tz = calendar.zone
    windows = timeline_of(calendar).spans(a, b)
    open_us = sum(e - s for s, e in windows)
    canvas = Canvas(a, b, tz)
    span = f"{short(from_us(a, tz))} to {short(from_us(b, tz))}"
    canvas.heading(f"Open hours, {calendar.tz}: {span}")
    canvas.axis()
    top, bottom = canvas.band("open hours", f"{hours(open_us)} open", windows)
    given = [
        Mark(to_us(t, "marks"), f"{text} {short(t.astimezone(tz))}", "mark") for t, text in marks
    ]
    canvas.marks([*clock_changes(a, b, tz), *given], top, bottom)
    canvas.note("blue: open (the clock may run) · grey: closed · times in " + calendar.tz)
    title = f"Open hours of a calendar in {calendar.tz}, {span}"
    return canvas.svg(title, _describe(windows, open_us, canvas))


def _describe(windows: list[tuple[int, int]], open_us: int, canvas: Canvas) -> str:
    if not windows:
        return "Nothing is open in this span."
    listed = [
        f"{canvas.local(s)} to {canvas.local(e)} ({hours(e - s)})" for s, e in windows[:LISTED]
    ]
    more = f"; and {len(windows) - LISTED} more" if len(windows) > LISTED else ""
    return f"{len(windows)} open windows, {hours(open_us)} in all: {'; '.join(listed)}{more}."
