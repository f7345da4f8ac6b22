"""Text for people: aligned columns, durations as hours and minutes, targets, calendars.

>>> from datetime import timedelta
>>> hours(timedelta(hours=27, minutes=30)), describe_within(timedelta(hours=4))
('27h30m', '4h open time')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TextIO

from slacalc._calendar.calendar import Calendar
from slacalc._calendar.durations import CalendarTime, WorkingDays

__all__ = [
    "align",
    "describe_calendar",
    "describe_within",
    "hours",
    "iso",
    "seconds",
    "short_instant",
    "short_iso",
]


def align(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    """Print rows as left-aligned columns separated by two spaces."""
    if not rows:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row)]
        print("  ".join(cells).rstrip(), file=out)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def seconds(value: timedelta) -> int | float:
    seconds = value.total_seconds()
    return int(seconds) if seconds.is_integer() else seconds


def hours(value: timedelta) -> str:
    """Open time as hours and minutes (``27h30m``): days of open time mislead."""
    minutes = int(value.total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    return (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes or not hours else "")


def describe_within(within: timedelta | WorkingDays | CalendarTime | None) -> str:
    """A target's ``within`` for people: ``4h``, ``5 working days``, ``3 weeks``."""
    if within is None:
        return "best effort"
    if isinstance(within, timedelta):
        return f"{hours(within)} open time"
    if isinstance(within, WorkingDays):
        return f"{within.days} working day{'s' if within.days != 1 else ''}"
    parts = [
        f"{n} {unit}{'s' if n != 1 else ''}"
        for n, unit in (
            (within.months, "month"),
            (within.weeks, "week"),
            (within.days, "day"),
            (within.hours, "hour"),
        )
        if n
    ]
    return (" ".join(parts) or "0 hours") + " calendar time"


def describe_calendar(calendar: Calendar) -> str:
    """One line: opening hours per weekday, zone and holidays."""
    if calendar.operation is not None:
        return f"{calendar.operation} of {len(calendar.operands)} calendars, {calendar.tz}"
    groups: list[tuple[list[str], str]] = []
    for day, windows in calendar.hours:
        text = ",".join(windows)
        if groups and groups[-1][1] == text:
            groups[-1][0].append(day)
        else:
            groups.append(([day], text))
    hours = "; ".join(
        f"{days[0]}-{days[-1]} {text}" if len(days) > 1 else f"{days[0]} {text}"
        for days, text in groups
    )
    if hours == "mon-sun 00:00-24:00":
        hours = "24x7"
    text = f"{hours or 'never open'}, {calendar.tz}"
    if calendar.holidays is not None:
        country = getattr(calendar.holidays, "country", None)
        text += f", closed on {country or 'listed'} holidays"
    if calendar.overrides:
        text += f", {len(calendar.overrides)} override(s)"
    return text


def short_instant(value: datetime, year: int | None = None) -> str:
    """An instant for a table: ``Tue 24 Nov 16:00`` in its own zone's wall time, with
    seconds when it has them and the year when it is not ``year``.

    >>> from datetime import datetime, timezone
    >>> short_instant(datetime(2026, 11, 24, 16, tzinfo=timezone.utc), 2026)
    'Tue 24 Nov 16:00'
    >>> short_instant(datetime(2027, 1, 4, 9, 0, 30, tzinfo=timezone.utc), 2026)
    'Mon 04 Jan 2027 09:00:30'
    """
    clock = f"{value:%H:%M:%S}" if value.second or value.microsecond else f"{value:%H:%M}"
    if value.microsecond:
        clock += f".{value.microsecond:06d}".rstrip("0")
    day = f"{value:%a %d %b}"  # a day of two digits: the column stays aligned
    return f"{day} {clock}" if value.year == year else f"{day} {value.year} {clock}"


def short_iso(value: datetime) -> str:
    """ISO 8601 without seconds when they are zero (a summary line's instant).

    >>> from datetime import datetime, timezone
    >>> short_iso(datetime(2026, 11, 27, 16, tzinfo=timezone.utc))
    '2026-11-27T16:00+00:00'
    """
    whole_minute = not value.second and not value.microsecond
    return value.isoformat(timespec="minutes") if whole_minute else value.isoformat()
