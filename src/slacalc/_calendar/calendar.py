"""``Calendar``: when a service-level clock may run.

A calendar is a frozen model of recurring wall-clock windows in one IANA zone (weekday
hours, date overrides, holidays), or a union, intersection or complement of other
calendars. It compiles lazily to an engine timeline (:func:`timeline_of`) and answers
every question by binary search over it.

>>> from datetime import datetime, timedelta
>>> from zoneinfo import ZoneInfo
>>> office = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
>>> monday_4pm = datetime(2026, 11, 23, 16, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
>>> office.add(monday_4pm, timedelta(hours=8)).isoformat()
'2026-11-24T16:00:00+01:00'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeAlias, overload
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from slacalc._arrays import ops as arrays
from slacalc._arrays.columns import is_array
from slacalc._arrays.durations import calendar_time
from slacalc._arrays.working_days import working_days
from slacalc._base.errors import CalendarError, InvalidIntervalError
from slacalc._calendar.compiled import TIMELINES as _TIMELINES
from slacalc._calendar.compiled import timeline_of
from slacalc._calendar.durations import CalendarTime, WorkingDays, step_calendar_time
from slacalc._calendar.fields import HoursField, OverridesField, check_combination
from slacalc._calendar.holidays import Holidays, as_holidays
from slacalc._calendar.picture import Marks, calendar_svg
from slacalc._engine.instants import (
    EPOCH,
    ONE_US,
    US,
    duration_us,
    from_us,
    to_timedelta,
    to_us,
    zone,
)
from slacalc._engine.sources import Operation
from slacalc._engine.windows import WEEKDAYS

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ["Calendar", "Column", "HolidaysInput", "timeline_of"]

#: A pandas ``Series`` / ``DatetimeIndex`` or a numpy array (SPEC 9): the array calls
#: take and return them (typed loosely: slacalc does not depend on pandas or numpy).
Column: TypeAlias = Any
#: A duration: open time, working days or calendar time; or a column of timedeltas.
Duration: TypeAlias = Any

#: What a calendar accepts as its holidays (SPEC 1, rule 3): a :class:`Holidays`, a
#: ``holidays.HolidayBase`` such as ``holidays.NL()``, a list of dates, or ``None``.
HolidaysInput = "Holidays | HolidayBase | Iterable[date] | None"


class Calendar(BaseModel):
    """When the clock may run: wall-clock windows in an IANA zone, or a combination.

    ``hours`` maps weekday names to windows ``"HH:MM-HH:MM"`` (an end at or before the
    start runs past midnight and belongs to the start day); ``holidays`` close every
    window starting on a holiday; ``overrides`` give a date's windows instead of its
    weekday's. ``a | b``, ``a & b`` and ``~a`` combine calendars. ``source`` cites the
    document and clause a calendar comes from (it takes no part in the arithmetic).

    >>> cal = Calendar(tz="UTC", hours={"mon": ["09:00-17:00"]})
    >>> cal.hours
    (('mon', ('09:00-17:00',)),)
    >>> Calendar.model_validate_json(cal.model_dump_json()) == cal
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    tz: str
    """IANA zone whose wall clock the windows are read in, e.g. `"Europe/Amsterdam"`."""
    hours: HoursField = ()
    """Weekday (`mon`..`sun`) -> windows `"HH:MM-HH:MM"`; a day not given is closed."""
    holidays: Holidays | None = None
    """Holidays closing every window that starts on them; `None` (the default): none."""
    overrides: OverridesField = ()
    """Date -> that date's windows instead of its weekday's (`[]` closes the date)."""
    operation: Operation | None = None
    """`"union"`, `"intersection"` or `"complement"` of `operands`; `None`: a plain calendar."""
    operands: tuple[Calendar, ...] = ()
    """The calendars `operation` combines (exactly one for a complement); empty if plain."""
    source: str = ""
    """The document and clause the hours come from, e.g. `"VIOMS SLA, section 1.2.11"`."""

    if TYPE_CHECKING:  # what a caller may pass (stored as tuples, as above)

        def __init__(
            self,
            *,
            tz: str,
            hours: Mapping[str, Sequence[str] | str] | Sequence[tuple[str, Sequence[str]]] = (),
            holidays: Holidays | HolidayBase | Iterable[date] | None = None,
            overrides: Mapping[date | str, Sequence[str]]
            | Sequence[tuple[date | str, Sequence[str]]]
            | None = (),
            operation: Operation | None = None,
            operands: Sequence[Calendar] = (),
            source: str = "",
        ) -> None: ...

    # -- validation ---------------------------------------------------------------------
    @field_validator("tz", mode="after")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        zone(value)
        return value

    @field_validator("holidays", mode="before")
    @classmethod
    def _convert_holidays(cls, value: Any) -> Any:
        return as_holidays(value)

    @model_validator(mode="after")
    def _consistent_combination(self) -> Calendar:
        own = bool(self.hours or self.overrides or self.holidays is not None)
        check_combination(self.operation, len(self.operands), own_hours=own)
        return self

    # -- constructors -------------------------------------------------------------------
    @classmethod
    def weekdays(
        cls,
        start: str,
        end: str,
        *,
        tz: str,
        holidays: Holidays | HolidayBase | Iterable[date] | None = None,
        overrides: Mapping[date | str, Sequence[str]]
        | Sequence[tuple[date | str, Sequence[str]]]
        | None = None,
        source: str = "",
    ) -> Calendar:
        """Monday to Friday, the same hours each day (``overrides`` as for a Calendar).

        >>> from datetime import date
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC",
        ...                         overrides={date(2026, 12, 31): ["09:00-13:00"]})
        >>> cal.hours[0], cal.overrides
        (('mon', ('09:00-17:00',)), ((datetime.date(2026, 12, 31), ('09:00-13:00',)),))
        """
        window = f"{start}-{end}"
        hours = {d: [window] for d in WEEKDAYS[:5]}
        return cls(tz=tz, hours=hours, holidays=holidays, overrides=overrides or (), source=source)

    @classmethod
    def always(cls, tz: str = "UTC", *, source: str = "") -> Calendar:
        """Open around the clock, every day (24x7).

        >>> from datetime import datetime, timezone
        >>> Calendar.always().is_open(datetime(2026, 1, 1, 3, tzinfo=timezone.utc))
        True
        """
        return cls(tz=tz, hours={d: ["00:00-24:00"] for d in WEEKDAYS}, source=source)

    # -- set operations -----------------------------------------------------------------
    def union(self, other: Calendar) -> Calendar:
        """Open when either calendar is open; in this calendar's zone (also ``a | b``).

        >>> a = Calendar(tz="UTC", hours={"mon": ["09:00-12:00"]})
        >>> b = Calendar(tz="UTC", hours={"mon": ["12:00-17:00"]})
        >>> (a | b).operation
        'union'
        """
        if not isinstance(other, Calendar):
            return NotImplemented
        left = self.operands if self.operation == "union" else (self,)
        return Calendar(tz=self.tz, operation="union", operands=(*left, other))

    def intersection(self, other: Calendar) -> Calendar:
        """Open when both calendars are open; in this calendar's zone (also ``a & b``).

        >>> a = Calendar(tz="UTC", hours={"mon": ["09:00-12:00"]})
        >>> (a & Calendar.always()).operation
        'intersection'
        """
        if not isinstance(other, Calendar):
            return NotImplemented
        left = self.operands if self.operation == "intersection" else (self,)
        return Calendar(tz=self.tz, operation="intersection", operands=(*left, other))

    def complement(self) -> Calendar:
        """Open exactly when this calendar is closed (also ``~a``).

        >>> (~Calendar.always()).operation
        'complement'
        """
        return Calendar(tz=self.tz, operation="complement", operands=(self,))

    __or__ = union
    __and__ = intersection
    __invert__ = complement

    # -- compilation --------------------------------------------------------------------
    @property
    def zone(self) -> ZoneInfo:
        """The calendar's zone as a ``ZoneInfo``."""
        return zone(self.tz)

    # -- questions ----------------------------------------------------------------------
    @overload
    def is_open(self, t: datetime) -> bool: ...
    @overload
    def is_open(self, t: Column) -> Column: ...
    def is_open(self, t: datetime | Column) -> bool | Column:
        """Whether the clock may run at ``t`` (window starts count, ends do not).

        >>> from datetime import datetime, timezone
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
        >>> cal.is_open(datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc))
        False
        """
        if not isinstance(t, datetime) and is_array(t):
            return arrays.is_open(timeline_of(self), t)
        return timeline_of(self).is_open(to_us(t, "t"))

    @overload
    def next_open(self, t: datetime) -> datetime: ...
    @overload
    def next_open(self, t: Column) -> Column: ...
    def next_open(self, t: datetime | Column) -> datetime | Column:
        """``t`` itself when open, else the next opening.

        >>> from datetime import datetime, timezone
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
        >>> cal.next_open(datetime(2026, 11, 21, 12, 0, tzinfo=timezone.utc)).isoformat()
        '2026-11-23T09:00:00+00:00'
        """
        if not isinstance(t, datetime) and is_array(t):
            return arrays.next_open(timeline_of(self), self.zone, t)
        return from_us(timeline_of(self).next_open(to_us(t, "t")), self.zone)

    @overload
    def next_close(self, t: datetime) -> datetime: ...
    @overload
    def next_close(self, t: Column) -> Column: ...
    def next_close(self, t: datetime | Column) -> datetime | Column:
        """The end of the open stretch containing or following ``t``.

        >>> from datetime import datetime, timezone
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
        >>> cal.next_close(datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc)).isoformat()
        '2026-11-24T17:00:00+00:00'
        """
        if not isinstance(t, datetime) and is_array(t):
            return arrays.next_close(timeline_of(self), self.zone, t)
        return from_us(timeline_of(self).next_close(to_us(t, "t")), self.zone)

    @overload
    def add(self, t: datetime, duration: timedelta | WorkingDays | CalendarTime) -> datetime: ...
    @overload
    def add(self, t: Column, duration: Duration) -> Column: ...
    def add(self, t: datetime | Column, duration: Duration) -> datetime | Column:
        """The due instant: the earliest instant at which ``duration`` has passed since ``t``.

        A ``timedelta`` is open time; ``WorkingDays`` and ``CalendarTime`` are as described
        on their classes. ``add(t, timedelta(0)) == t`` even when closed.

        >>> from datetime import datetime, timezone
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
        >>> cal.add(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc), timedelta(hours=8))
        datetime.datetime(2026, 11, 23, 17, 0, tzinfo=zoneinfo.ZoneInfo(key='UTC'))
        """
        if type(duration) is timedelta:
            # The hot path, inlined: exact microseconds, the cached timeline, one search.
            try:
                us = (t - EPOCH) // ONE_US
            except TypeError:  # not a datetime: a numpy column, or a bad argument
                if is_array(t):
                    return arrays.add(timeline_of(self), self.zone, t, duration)
                us = to_us(t, "t")
            if type(us) is not int:  # a pandas column (SPEC 9): not a datetime
                return arrays.add(timeline_of(self), self.zone, t, duration)
            amount = (duration.days * 86_400 + duration.seconds) * US + duration.microseconds
            if amount < 0:
                raise CalendarError(
                    f"duration {duration!r} is negative: use subtract(t, {-duration!r})"
                )
            slot = _TIMELINES.slots.get(id(self))
            timeline = slot[1] if slot is not None and slot[0]() is self else timeline_of(self)
            seconds, micro = divmod(timeline.add(us, amount), US)
            result = datetime.fromtimestamp(seconds, timeline.tz)
            return result.replace(microsecond=micro) if micro else result
        if not isinstance(t, datetime) and is_array(t):
            if isinstance(duration, CalendarTime):
                return calendar_time(t, duration, +1, self.zone)
            if isinstance(duration, WorkingDays):
                return working_days(timeline_of(self), self.zone, t, duration.days)
            return arrays.add(timeline_of(self), self.zone, t, duration)  # checks duration
        us = to_us(t, "t")
        if isinstance(duration, WorkingDays):
            return from_us(timeline_of(self).add_working_days(us, duration.days), self.zone)
        if isinstance(duration, CalendarTime):
            return from_us(step_calendar_time(us, duration, +1, self.zone), self.zone)
        if isinstance(duration, timedelta):
            return self.add(t, timedelta(duration.days, duration.seconds, duration.microseconds))
        raise CalendarError(
            f"duration {duration!r} is not a timedelta, WorkingDays or CalendarTime"
        )

    @overload
    def subtract(self, t: datetime, duration: timedelta | CalendarTime) -> datetime: ...
    @overload
    def subtract(self, t: Column, duration: Duration) -> Column: ...
    def subtract(self, t: datetime | Column, duration: Duration) -> datetime | Column:
        """The latest ``s`` with ``between(s, t) == duration`` (for a ``timedelta``).

        A ``CalendarTime`` steps back in local dates and real hours instead.

        >>> from datetime import datetime, timezone
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
        >>> cal.subtract(datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc),
        ...              timedelta(hours=2)).isoformat()
        '2026-11-23T16:00:00+00:00'
        """
        if not isinstance(t, datetime) and is_array(t):
            if isinstance(duration, CalendarTime):
                return calendar_time(t, duration, -1, self.zone)
            return arrays.subtract(timeline_of(self), self.zone, t, duration)
        us = to_us(t, "t")
        if isinstance(duration, timedelta):
            amount = duration_us(duration)
            if amount < 0:
                raise CalendarError(f"duration {duration!r} is negative: use add(t, {-duration!r})")
            return from_us(timeline_of(self).subtract(us, amount), self.zone)
        if isinstance(duration, CalendarTime):
            return from_us(step_calendar_time(us, duration, -1, self.zone), self.zone)
        raise CalendarError(
            f"duration {duration!r} cannot be subtracted: use a timedelta or CalendarTime"
        )

    @overload
    def between(self, a: datetime, b: datetime) -> timedelta: ...
    @overload
    def between(self, a: Column, b: Column) -> Column: ...
    def between(self, a: datetime | Column, b: datetime | Column) -> timedelta | Column:
        """Open time in ``[a, b)``.

        >>> from datetime import datetime, timezone
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
        >>> cal.between(datetime(2026, 11, 20, 16, tzinfo=timezone.utc),
        ...             datetime(2026, 11, 23, 10, tzinfo=timezone.utc))
        datetime.timedelta(seconds=7200)
        """
        if not isinstance(a, datetime) and is_array(a):
            return arrays.between(timeline_of(self), a, b)
        start, end = to_us(a, "a"), to_us(b, "b")
        if end < start:
            raise InvalidIntervalError(
                f"b={b.isoformat()} lies before a={a.isoformat()}: between(a, b) needs a <= b"
            )
        return to_timedelta(timeline_of(self).between(start, end))

    def windows(self, a: datetime, b: datetime) -> list[tuple[datetime, datetime]]:
        """The open spans clipped to ``[a, b)``, in this calendar's zone.

        >>> from datetime import datetime, timezone
        >>> cal = Calendar.weekdays("09:00", "17:00", tz="UTC")
        >>> [(s.hour, e.hour) for s, e in cal.windows(
        ...     datetime(2026, 11, 23, 12, tzinfo=timezone.utc),
        ...     datetime(2026, 11, 24, 10, tzinfo=timezone.utc))]
        [(12, 17), (9, 10)]
        """
        start, end = to_us(a, "a"), to_us(b, "b")
        if end < start:
            raise InvalidIntervalError(
                f"b={b.isoformat()} lies before a={a.isoformat()}: windows(a, b) needs a <= b"
            )
        if end == start:
            return []
        tz = self.zone
        return [(from_us(s, tz), from_us(e, tz)) for s, e in timeline_of(self).spans(start, end)]

    def to_svg(self, start: datetime, end: datetime | None = None, marks: Marks = ()) -> str:
        """The open windows in ``[start, end)`` (default: a week) as SVG (docs/pictures.md).
        >>> Calendar.always("UTC").to_svg(datetime(2026, 11, 23, tzinfo=ZoneInfo("UTC")))[:4]
        '<svg'
        """
        return calendar_svg(self, start, end, marks)
