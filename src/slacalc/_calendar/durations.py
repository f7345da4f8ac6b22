"""Durations that are not plain open time: working days and calendar time.

>>> WorkingDays(2)
WorkingDays(days=2)
>>> CalendarTime(months=3)
CalendarTime(hours=0, days=0, weeks=0, months=3)
>>> WorkingDays(2) == WorkingDays(days=2)
True
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any, Literal

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field

from slacalc._base.errors import CalendarError
from slacalc._engine.instants import (
    FIRST_YEAR,
    HORIZON_END,
    HORIZON_START,
    LAST_YEAR,
    US,
    checked,
    from_us,
    naive_wall_to_us,
)


class WorkingDays(BaseModel):
    """``n`` working days; ``WorkingDays(0)`` is the next opening.

    A working day is a local date on which the calendar has at least one window after
    holidays and overrides. From the next opening ``s``, on date ``D``, the due instant is
    ``s``'s time of day on the ``n``-th working day after ``D``: that instant when open,
    else that day's first opening (if earlier) or its last closing (if later).

    >>> WorkingDays(1).days
    1
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    kind: Literal["working_days"] = "working_days"
    """Tells this duration apart in JSON: always `"working_days"`."""
    days: int = Field(ge=0, strict=True)
    """The number of working days, at least 0 (`0`: the next opening), e.g. `2`."""

    def __init__(self, days: int | None = None, /, **data: Any) -> None:
        if days is not None:
            data["days"] = days
        super().__init__(**data)

    def __repr__(self) -> str:
        return f"WorkingDays(days={self.days})"


class CalendarTime(BaseModel):
    """Time that ignores the windows: the same at any hour, open or closed.

    Months, weeks and days step the local date (31 January + 1 month is the last day
    of February); hours then step real elapsed time.

    >>> CalendarTime(weeks=3).weeks
    3
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    kind: Literal["calendar_time"] = "calendar_time"
    """Tells this duration apart in JSON: always `"calendar_time"`."""
    hours: int = Field(default=0, ge=0, strict=True)
    """Hours of real elapsed time, stepped after the date steps (default 0)."""
    days: int = Field(default=0, ge=0, strict=True)
    """Local calendar days to step the date by, closed days included (default 0)."""
    weeks: int = Field(default=0, ge=0, strict=True)
    """Weeks of 7 local days to step the date by (default 0), e.g. `3`."""
    months: int = Field(default=0, ge=0, strict=True)
    """Months to step the local date by, 31 Jan + 1 = 28/29 Feb (default 0), e.g. `3`."""

    def __repr__(self) -> str:
        return (
            f"CalendarTime(hours={self.hours}, days={self.days}, weeks={self.weeks}, "
            f"months={self.months})"
        )


def step_calendar_time(us: int, duration: CalendarTime, sign: int, tz: tzinfo) -> int:
    """The instant ``duration`` after (``sign=+1``) or before (``-1``) ``us`` in ``tz``.

    Months, weeks and days step the local date (``dateutil.relativedelta``); hours then
    step real time (SPEC 1, rule 8). The start and the result must lie in the supported
    range; anything else, however large the duration, is a :class:`CalendarError`
    naming the value and the range.

    >>> from datetime import datetime, timezone
    >>> from slacalc._engine.instants import to_us
    >>> jan31 = to_us(datetime(2026, 1, 31, 9, tzinfo=timezone.utc), "t")
    >>> from_us(step_calendar_time(jan31, CalendarTime(months=1), +1, timezone.utc), timezone.utc)
    datetime.datetime(2026, 2, 28, 9, 0, tzinfo=datetime.timezone.utc)
    >>> step_calendar_time(jan31, CalendarTime(days=10**9), +1, timezone.utc)
    Traceback (most recent call last):
    ...
    slacalc.CalendarError: CalendarTime(hours=0, days=1000000000, weeks=0, months=0) from ...
    """
    result = checked(us)
    if duration.months or duration.weeks or duration.days:
        wall = from_us(us, tz).replace(tzinfo=None)
        try:
            step = relativedelta(months=duration.months, weeks=duration.weeks, days=duration.days)
            wall = wall + step if sign > 0 else wall - step
            result = naive_wall_to_us(wall, tz)
        except (OverflowError, ValueError, OSError):
            raise _leaves_range(duration, us, tz) from None
    result += sign * duration.hours * 3600 * US
    if not HORIZON_START <= result < HORIZON_END:
        raise _leaves_range(duration, us, tz)
    return result


def _leaves_range(duration: CalendarTime, us: int, tz: tzinfo) -> CalendarError:
    return CalendarError(
        f"{duration!r} from {from_us(us, tz).isoformat()} leaves the supported range: "
        f"slacalc computes instants from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31 (UTC); "
        "give a shorter duration"
    )
