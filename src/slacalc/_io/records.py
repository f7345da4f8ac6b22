"""Ticket and event records (CSV rows, JSON objects, DataFrame rows) into tickets.

One reading of SPEC section 6's columns, shared by the command line and
``slacalc.frame``: a record is a mapping from column name to a cell, and a cell is text
(ISO 8601 times with an offset), an aware ``datetime`` (pandas ``Timestamp`` included),
or blank (``None``, ``""``, NaN, NaT). Every problem is a ``ValueError`` whose message
names the column and the bad value, so a caller can report the record and go on: a
:class:`~slacalc.NaiveDatetimeError` for a time without an offset, a
:class:`~slacalc.CalendarError` for any other bad time, a :class:`~slacalc.TicketError`
for a missing id, priority or kind (all of them ``ValueError``).

>>> fields, events = ticket_from_record(
...     {"id": "T-1", "priority": "P1", "opened_at": "2026-11-23T16:00+01:00",
...      "resolved_at": "2026-11-24T10:00+01:00"})
>>> fields["opened_at"].isoformat(), [e.kind for e in events]
('2026-11-23T16:00:00+01:00', ['resolved'])
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from dateutil.parser import isoparse

from slacalc._base.errors import CalendarError, NaiveDatetimeError, TicketError
from slacalc._clock.ticket import Event

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_FILE_COLUMNS",
    "TICKET_COLUMNS",
    "cell_text",
    "event_from_record",
    "is_blank",
    "parse_instant",
    "ticket_from_record",
]

#: Ticket columns holding an event's time, and the event kind each one records.
EVENT_COLUMNS: dict[str, str] = {
    "responded_at": "responded",
    "workaround_at": "workaround",
    "root_cause_at": "root_cause_identified",
    "on_site_requested_at": "on_site_requested",
    "on_site_at": "on_site",
    "resolved_at": "resolved",
}
#: Every ticket column; the first three are required. ``contract`` is optional and
#: names the contract of the row (a file may mix contracts).
TICKET_COLUMNS = ("id", "priority", "opened_at", "kind", "contract", *EVENT_COLUMNS)
#: Every column of a file of further events; the first three are required.
EVENT_FILE_COLUMNS = ("ticket", "at", "kind", "priority", "reason")


def _shown(text: str) -> str:
    """A cell as a message shows it: quoted, and cut after 60 characters.

    >>> _shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (100 characters)"
    """
    if len(text) <= 60:
        return repr(text)
    return f"{text[:60]!r}"[:-1] + f"...' ({len(text):,} characters)"


def is_blank(value: object) -> bool:
    """Whether a cell is empty: ``None``, blank text, NaN or NaT.

    >>> [is_blank(v) for v in (None, " ", float("nan"), "x", 0)]
    [True, True, True, False, False]
    """
    if value is None or type(value).__name__ == "NAType":  # pandas.NA, without pandas
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def cell_text(record: Mapping[str, Any], name: str) -> str:
    """The cell ``name`` as stripped text; ``""`` when missing or blank.

    >>> cell_text({"kind": " incident "}, "kind"), cell_text({}, "kind")
    ('incident', '')
    """
    value = record.get(name)
    if is_blank(value):
        return ""
    return str(value).strip()


def parse_instant(value: object, what: str) -> datetime:
    """An aware datetime from ISO 8601 text or an aware ``datetime``.

    Raises :class:`~slacalc.CalendarError` naming ``what`` for a blank cell or text that
    is not ISO 8601, and :class:`~slacalc.NaiveDatetimeError` for a time without a UTC
    offset.

    >>> parse_instant("2026-11-23T16:00+01:00", "opened_at").isoformat()
    '2026-11-23T16:00:00+01:00'
    >>> parse_instant("2026-11-23T16:00", "opened_at")
    Traceback (most recent call last):
    ...
    slacalc.NaiveDatetimeError: opened_at '2026-11-23T16:00' has no UTC offset ...
    """
    if is_blank(value):
        raise CalendarError(f"{what} is empty")
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(
                f"{what} {value.isoformat()!r} has no time zone (localize it, e.g. "
                "tz_localize('Europe/Amsterdam'))"
            )
        to_pydatetime = getattr(value, "to_pydatetime", None)  # pandas Timestamp
        return to_pydatetime() if callable(to_pydatetime) else value
    text = str(value).strip()
    try:
        parsed = isoparse(text)
    except (ValueError, OverflowError):
        raise CalendarError(f"{what} {_shown(text)} is not an ISO 8601 time") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise NaiveDatetimeError(f"{what} {text!r} has no UTC offset (write e.g. {text}+01:00)")
    return parsed


def ticket_from_record(record: Mapping[str, Any]) -> tuple[dict[str, Any], list[Event]]:
    """The ticket fields (``id``, ``priority``, ``opened_at``, ``kind``) and the events of
    the ``*_at`` columns of one record; a ``ValueError`` (a
    :class:`~slacalc.SlacalcError`) names the first bad cell."""
    ticket_id = cell_text(record, "id")
    if not ticket_id:
        raise TicketError("id is empty")
    priority = cell_text(record, "priority")
    if not priority:
        raise TicketError("priority is empty")
    opened = parse_instant(record.get("opened_at"), "opened_at")
    events = [
        Event(at=parse_instant(record[column], column), kind=kind)
        for column, kind in EVENT_COLUMNS.items()
        if not is_blank(record.get(column))
    ]
    fields = {
        "id": ticket_id,
        "priority": priority,
        "opened_at": opened,
        "kind": cell_text(record, "kind") or "incident",
    }
    return fields, events


def event_from_record(record: Mapping[str, Any]) -> Event:
    """One event of an events file (``ticket``, ``at``, ``kind``, ``priority``, ``reason``).

    >>> event_from_record({"ticket": "T-1", "at": "2026-11-24T09:00+01:00",
    ...                    "kind": "paused", "reason": "waiting on customer"}).kind
    'paused'
    """
    at = parse_instant(record.get("at"), "at")
    kind = cell_text(record, "kind")
    if not kind:
        raise TicketError("kind is empty")
    return Event(
        at=at,
        kind=kind,
        priority=cell_text(record, "priority") or None,
        reason=cell_text(record, "reason") or None,
    )
