"""``StatusMap``: a ticketing tool's status history turned into slacalc events (SPEC 8).

Every ticketing tool measures its SLAs from status changes: the clock pauses while a
ticket waits for the customer, stops when it is resolved. A :class:`StatusMap` names the
statuses that pause, resolve and close; every other status runs the clock. Its
:meth:`StatusMap.events` reads a history of ``(at, status)`` or ``(at, from_status,
to_status)`` rows by SPEC 8 rule 1:

* status names match ignoring case, spaces, dashes and underscores;
* entering a paused status pauses (the reason is the status's name), leaving it resumes;
* entering a resolved or closed status stops (``resolved`` / ``closed``), leaving them for
  any other status reopens (``reopened``);
* a status repeated by the next row is no change.

>>> from datetime import datetime, timedelta, timezone
>>> t = [datetime(2026, 11, 23, 9, tzinfo=timezone.utc) + timedelta(hours=n) for n in range(6)]
>>> statuses = StatusMap(paused=["Waiting for customer", "Pending"],
...                      resolved=["Resolved", "Done"], closed=["Closed"])
>>> [(e.kind, e.reason) for e in statuses.events(
...     [(t[0], "Open"), (t[1], "Waiting for customer"), (t[2], "In Progress"),
...      (t[3], "Resolved"), (t[4], "Reopened"), (t[5], "Closed")])]
... # doctest: +NORMALIZE_WHITESPACE
[('paused', 'Waiting for customer'), ('resumed', None), ('resolved', None),
 ('reopened', None), ('closed', None)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from slacalc._base.errors import TicketError
from slacalc._clock.ticket import Event
from slacalc._contract.models import normalise_name

__all__ = ["HistoryRow", "StatusMap"]

#: One row of a status history: ``(at, status)`` or ``(at, from_status, to_status)``.
HistoryRow = tuple[datetime, str] | tuple[datetime, str | None, str]

Role = Literal["running", "paused", "resolved", "closed"]


class StatusMap(BaseModel):
    """Which statuses of a ticketing tool pause, resolve or close; any other runs the clock.

    >>> m = StatusMap(paused=["Waiting on Customer"], resolved=["Resolved"])
    >>> m.role("waiting-on-customer"), m.role("In Progress"), m.role("RESOLVED")
    ('paused', 'running', 'resolved')
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    paused: tuple[str, ...] = ()
    """Statuses that pause the clocks, e.g. `["Waiting for customer"]` (the pause's reason)."""
    resolved: tuple[str, ...] = ()
    """Statuses that mean resolved (a `resolved` event), e.g. `["Resolved", "Done"]`."""
    closed: tuple[str, ...] = ()
    """Statuses that mean closed (a `closed` event), e.g. `["Closed"]`."""

    if TYPE_CHECKING:  # what a caller may pass (stored as tuples)

        def __init__(
            self,
            *,
            paused: Sequence[str] = (),
            resolved: Sequence[str] = (),
            closed: Sequence[str] = (),
        ) -> None: ...

    def role(self, status: str) -> Role:
        """What ``status`` does to the clock: ``"paused"``, ``"resolved"``, ``"closed"``
        or ``"running"`` (any status not named)."""
        key = normalise_name(status)
        for role in ("paused", "resolved", "closed"):
            if any(normalise_name(name) == key for name in getattr(self, role)):
                return role
        return "running"

    def events(
        self, history: Iterable[Sequence[object]], *, opened_at: datetime | None = None
    ) -> list[Event]:
        """The events of a status history, in its order.

        Names match ignoring case, spaces, dashes and underscores. Entering a ``paused``
        status pauses (the reason is the status's name), leaving it resumes; entering a
        ``resolved`` or ``closed`` status stops, leaving it for any other status reopens.

        Rows are ``(at, status)`` or ``(at, from_status, to_status)`` in time order;
        ``from_status`` may be ``None``. The status before the first row is the first
        row's ``from_status`` when it has one; otherwise, when the first row lies at
        ``opened_at``, its status is the ticket's status at the opening; otherwise the
        ticket ran (a status not named). A row out of time order, or before ``opened_at``,
        is a :class:`~slacalc.TicketError` naming the row (its position, from 1).

        >>> from datetime import datetime, timezone
        >>> at = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
        >>> m = StatusMap(paused=["Pending"], resolved=["Solved"])
        >>> [e.kind for e in m.events([(at, "Pending", "Solved")], opened_at=at.replace(hour=8))]
        ['paused', 'resumed', 'resolved']
        >>> m.events([(at, "Pending")], opened_at=at.replace(hour=10))
        Traceback (most recent call last):
        ...
        slacalc.TicketError: history row 1 at 2026-11-23T09:00:00+00:00 is before the ...
        """
        events: list[Event] = []
        current: Role | None = None
        previous: datetime | None = None
        for number, row in enumerate(history, start=1):
            at, before, after = _unpack(row, number)
            if opened_at is not None and _utc(at) < _utc(opened_at):
                raise TicketError(
                    f"history row {number} at {at.isoformat()} is before the ticket was "
                    f"opened ({opened_at.isoformat()}): fix the row or the opening time"
                )
            if previous is not None and _utc(at) < _utc(previous):
                raise TicketError(
                    f"history row {number} at {at.isoformat()} is before the row above it "
                    f"({previous.isoformat()}): sort the history by time"
                )
            if current is None:
                if before is not None:  # the status the ticket was in since its opening
                    current = self.role(before)
                    events.extend(_change("running", current, opened_at or at, before))
                elif opened_at is None or _utc(at) == _utc(opened_at):
                    current = self.role(after)  # the status the ticket was opened in
                    events.extend(_change("running", current, at, after))
                    previous = at
                    continue
                else:
                    current = "running"
            role = self.role(after)
            events.extend(_change(current, role, at, after))
            current, previous = role, at
        return events


def _utc(at: datetime) -> datetime:
    """``at`` in UTC: instants of different zones compare as instants (an aware datetime
    in a repeated hour compares unequal to the same instant in another zone, PEP 495)."""
    return at.astimezone(timezone.utc)


def _unpack(row: Sequence[object], number: int) -> tuple[datetime, str | None, str]:
    if len(row) == 2:
        at, after = row
        before: object = None
    elif len(row) == 3:
        at, before, after = row
    else:
        raise TicketError(
            f"history row {number} has {len(row)} values: give (at, status) or "
            "(at, from_status, to_status)"
        )
    if not isinstance(at, datetime):
        raise TicketError(f"history row {number}: at {at!r} is not a datetime")
    if at.tzinfo is None or at.utcoffset() is None:
        raise TicketError(f"history row {number}: at {at.isoformat()} has no time zone")
    if not isinstance(after, str) or not after.strip():
        raise TicketError(f"history row {number}: the status {after!r} is empty")
    if before is not None and not isinstance(before, str):
        raise TicketError(f"history row {number}: from_status {before!r} is not text")
    return at, (before or None), after


def _change(before: Role, after: Role, at: datetime, status: str) -> list[Event]:
    """The events of one status change: leave ``before``, enter ``after``."""
    if before == after:
        # the same role: a repeat is no change; another paused status keeps the pause
        return []
    events: list[Event] = []
    if before == "paused":
        events.append(Event(at=at, kind="resumed"))
    elif before in ("resolved", "closed") and after not in ("resolved", "closed"):
        events.append(Event(at=at, kind="reopened"))
    if after == "paused":
        events.append(Event(at=at, kind="paused", reason=status))
    elif after in ("resolved", "closed"):
        events.append(Event(at=at, kind=after))
    return events
