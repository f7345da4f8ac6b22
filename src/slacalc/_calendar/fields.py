"""How a calendar's fields read: weekday hours and date overrides given as dicts or pairs.

The ``hours`` and ``overrides`` of a :class:`~slacalc.Calendar` are stored as sorted
tuples of ``(key, windows)`` pairs (frozen models must hash) and read from a dict or from
pairs; every window is spelt canonically.

>>> hours_in({"Monday": ["9:00-17:00"], "tue": "08:00-12:00"})
(('mon', ('09:00-17:00',)), ('tue', ('08:00-12:00',)))
>>> overrides_in({"2026-12-31": ["08:00-13:00"]})
((datetime.date(2026, 12, 31), ('08:00-13:00',)),)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from slacalc._base.errors import CalendarError
from slacalc._engine.windows import WEEKDAYS, canonical_window, parse_window, weekday_key

__all__ = [
    "HoursField",
    "OverridesField",
    "Windows",
    "check_combination",
    "hours_in",
    "overrides_in",
]

Windows = tuple[str, ...]


def _windows_in(value: Any, where: str) -> Windows:
    """A day's windows from a list (or one string), canonically spelt and sorted."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise CalendarError(
            f"{where}: expected a list of windows like ['09:00-17:00'], got {value!r}"
        )
    spelt = {canonical_window(w) for w in value}
    return tuple(sorted(spelt, key=parse_window))


def _pairs(value: Any, field: str, what: str) -> list[tuple[Any, ...]] | None:
    """A mapping given as a dict or as (key, windows) pairs; None for anything else."""
    if isinstance(value, Mapping):
        return list(value.items())
    if not isinstance(value, (list, tuple)):
        return None
    pairs = [tuple(p) for p in value]
    for pair in pairs:
        if len(pair) != 2:
            raise CalendarError(f"{field}: expected ({what}, windows) pairs, got {pair!r}")
    return pairs


def hours_in(value: Any) -> Any:
    """Weekday hours from a dict or (day, windows) pairs; anything else is left to pydantic."""
    pairs = _pairs(value, "hours", "day")
    if pairs is None:
        return value
    by_day: dict[str, Windows] = {}
    for pair in pairs:
        key = weekday_key(pair[0])
        if key in by_day:
            raise CalendarError(f"hours: day {pair[0]!r} is given twice; list its windows once")
        by_day[key] = _windows_in(pair[1], f"hours[{pair[0]!r}]")
    return tuple((d, by_day[d]) for d in WEEKDAYS if by_day.get(d))


def _override_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise CalendarError(f"overrides: key {value!r} is a datetime; use a date")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CalendarError(
            f"overrides: key {value!r} is not a date; use a date or 'YYYY-MM-DD'"
        ) from None


def overrides_in(value: Any) -> Any:
    """Date overrides from a dict or (date, windows) pairs (``None``: none); anything else is
    left to pydantic."""
    if value is None:
        return ()
    pairs = _pairs(value, "overrides", "date")
    if pairs is None:
        return value
    by_date: dict[date, Windows] = {}
    for pair in pairs:
        day = _override_date(pair[0])
        if day in by_date:
            raise CalendarError(f"overrides: date {day.isoformat()} is given twice")
        by_date[day] = _windows_in(pair[1], f"overrides[{day.isoformat()}]")
    return tuple(sorted(by_date.items()))


_WINDOW_LIST_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {"type": "string", "pattern": r"^\d{1,2}:\d{2}(:\d{2})?-\d{1,2}:\d{2}(:\d{2})?$"},
}

HoursField = Annotated[
    tuple[tuple[str, Windows], ...],
    BeforeValidator(hours_in),
    PlainSerializer(lambda v: {day: list(ws) for day, ws in v}, return_type=dict[str, list[str]]),
    WithJsonSchema(
        {
            "type": "object",
            "propertyNames": {"enum": list(WEEKDAYS)},
            "additionalProperties": _WINDOW_LIST_SCHEMA,
        }
    ),
]
OverridesField = Annotated[
    tuple[tuple[date, Windows], ...],
    BeforeValidator(overrides_in),
    PlainSerializer(
        lambda v: {day.isoformat(): list(ws) for day, ws in v}, return_type=dict[str, list[str]]
    ),
    WithJsonSchema(
        {
            "type": "object",
            "propertyNames": {"format": "date"},
            "additionalProperties": _WINDOW_LIST_SCHEMA,
        }
    ),
]


def check_combination(operation: str | None, count: int, *, own_hours: bool) -> None:
    """Check that a calendar is either plain or a well-formed combination of operands.

    >>> check_combination("complement", 2, own_hours=False)
    Traceback (most recent call last):
    ...
    slacalc.CalendarError: a complement calendar needs exactly one operand, got 2
    """
    if operation is None:
        if count:
            raise CalendarError(
                "operands are given without an operation: set operation to 'union', "
                "'intersection' or 'complement', or use a | b, a & b, ~a"
            )
        return
    if own_hours:
        raise CalendarError(
            f"a {operation} calendar takes its hours from its operands: leave hours, "
            "holidays and overrides empty (set them on the operands)"
        )
    needed = "exactly one operand" if operation == "complement" else "two or more"
    if (operation == "complement") != (count == 1) or count == 0:
        raise CalendarError(f"a {operation} calendar needs {needed}, got {count}")
