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
from datetime import datetime, timedelta, timezone
from typing import Any

from slacalc._base.errors import CalendarError, TicketError
from slacalc._clock.ticket import Event
from slacalc._io.columns import (
    EVENT_COLUMNS,
    EVENT_FILE_COLUMNS,
    PROFILE_EVENT_COLUMNS,
    TICKET_COLUMNS,
)
from slacalc._io.times import STRICT, TimeReader, is_blank, shown

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_FILE_COLUMNS",
    "PROFILE_EVENT_COLUMNS",
    "TICKET_COLUMNS",
    "cell_text",
    "event_from_record",
    "is_blank",
    "parse_instant",
    "ticket_from_record",
]


def cell_text(record: Mapping[str, Any], name: str) -> str:
    """The cell ``name`` as stripped text; ``""`` when missing or blank.

    >>> cell_text({"kind": " incident "}, "kind"), cell_text({}, "kind")
    ('incident', '')
    """
    value = record.get(name)
    if is_blank(value):
        return ""
    return str(value).strip()


def parse_instant(value: object, what: str, times: TimeReader = STRICT) -> datetime:
    """An aware datetime from ISO 8601 (or RFC 9557) text or an aware ``datetime``; with a
    :class:`~slacalc._io.times.TimeReader`, local times and other formats too.

    Raises :class:`~slacalc.CalendarError` naming ``what`` for a blank cell or text that
    is not a time, and :class:`~slacalc.NaiveDatetimeError` for a time without a UTC
    offset (and no zone to read it in).

    >>> parse_instant("2026-11-23T16:00+01:00", "opened_at").isoformat()
    '2026-11-23T16:00:00+01:00'
    >>> parse_instant("2026-11-23T16:00", "opened_at")
    Traceback (most recent call last):
    ...
    slacalc.NaiveDatetimeError: opened_at '2026-11-23T16:00' has no UTC offset: write it ...
    """
    return times.read(value, what)  # a blank cell: "{what} is empty"


def _after_opening(opened: datetime, value: object, what: str) -> datetime:
    """The instant ``value`` minutes (real time) after the opening."""
    try:
        minutes = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise CalendarError(f"{what} {shown(str(value))} is not a number of minutes") from None
    if not 0 <= minutes < 10**8 or minutes != minutes:
        raise CalendarError(f"{what} {shown(str(value))} is not a number of minutes >= 0")
    # real time: add in UTC (aware arithmetic in one zone is wall-clock time across DST)
    return (opened.astimezone(timezone.utc) + timedelta(minutes=minutes)).astimezone(opened.tzinfo)


def ticket_from_record(
    record: Mapping[str, Any],
    times: TimeReader = STRICT,
    event_columns: Mapping[str, str] = EVENT_COLUMNS,
    durations: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], list[Event]]:
    """The ticket fields (``id``, ``priority``, ``opened_at``, ``kind``) and the events of
    the ``*_at`` columns of one record; a ``ValueError`` (a
    :class:`~slacalc.SlacalcError`) names every bad cell at once.

    ``event_columns`` maps a column to the event kind it records; ``durations`` maps an
    event kind to a column of minutes after the opening (profiles, SPEC 8).
    """
    problems: list[ValueError] = []
    ticket_id = cell_text(record, "id")
    if not ticket_id:
        problems.append(TicketError("id is empty"))
    priority = cell_text(record, "priority")
    if not priority:
        problems.append(TicketError("priority is empty"))
    opened: datetime | None = None
    try:
        opened = parse_instant(record.get("opened_at"), "opened_at", times)
    except ValueError as error:
        problems.append(error)
    events: list[Event] = []
    for column, kind in event_columns.items():
        if not is_blank(record.get(column)):
            try:
                events.append(Event(at=parse_instant(record[column], column, times), kind=kind))
            except ValueError as error:
                problems.append(error)
    for kind, column in (durations or {}).items():
        if opened is not None and not is_blank(record.get(column)):
            try:
                events.append(Event(at=_after_opening(opened, record[column], column), kind=kind))
            except ValueError as error:
                problems.append(error)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise TicketError("; ".join(str(p) for p in problems))
    assert opened is not None
    fields = {
        "id": ticket_id,
        "priority": priority,
        "opened_at": opened,
        "kind": cell_text(record, "kind") or "incident",
    }
    return fields, events


def event_from_record(record: Mapping[str, Any], times: TimeReader = STRICT) -> Event:
    """One event of an events file (``ticket``, ``at``, ``kind``, ``priority``, ``reason``).

    >>> event_from_record({"ticket": "T-1", "at": "2026-11-24T09:00+01:00",
    ...                    "kind": "paused", "reason": "waiting on customer"}).kind
    'paused'
    """
    at = parse_instant(record.get("at"), "at", times)
    kind = cell_text(record, "kind")
    if not kind:
        raise TicketError("kind is empty")
    for name in ("kind", "priority", "reason"):  # pydantic cannot read a lone surrogate
        text = cell_text(record, name)
        if not text.isascii() and any("\ud800" <= c <= "\udfff" for c in text):
            raise TicketError(
                f"{name} {shown(text)} is not text (a lone surrogate: bytes that did not "
                "decode); fix the cell or read the file with its encoding"
            )
    return Event(
        at=at,
        kind=kind,
        priority=cell_text(record, "priority") or None,
        reason=cell_text(record, "reason") or None,
    )
