"""``Ticket`` and ``Event``: what happened to a ticket.

Construction checks types (a naive datetime is a ``ValidationError`` naming the field);
``Contract.evaluate`` checks consistency (event order, pauses, priorities).

>>> from datetime import datetime, timezone
>>> opened = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
>>> t = Ticket(id="INC-1", priority="P1", opened_at=opened,
...            events=[Event(at=opened, kind="paused")])
>>> t.events[0].reason
'waiting_on_customer'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from slacalc._contract.models import EVENT_KINDS

if TYPE_CHECKING:
    from slacalc._clock.statuses import StatusMap

__all__ = ["DEFAULT_PAUSE_REASON", "EVENT_KINDS", "Event", "Ticket"]

DEFAULT_PAUSE_REASON = "waiting_on_customer"


class Event(BaseModel):
    """One thing that happened to a ticket at an instant.

    ``priority`` is the new priority of a ``priority_changed`` event; ``reason`` is
    recorded for pauses (default ``"waiting_on_customer"``).

    >>> from datetime import datetime, timezone
    >>> Event(at=datetime(2026, 1, 5, 9, tzinfo=timezone.utc), kind="priority_changed",
    ...       priority="P2").priority
    'P2'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    at: AwareDatetime
    """When it happened: a timezone-aware datetime (JSON: ISO 8601 with an offset)."""
    kind: str = Field(min_length=1)
    """What happened: `responded`, `paused`, `resumed`, `resolved`, `reopened`, ..."""
    priority: str | None = None
    """The new priority (id or alias) of a `priority_changed` event; `None` otherwise."""
    reason: str | None = None
    """Why a `paused` event pauses; default `"waiting_on_customer"` for pauses, else `None`."""

    if TYPE_CHECKING:  # ``at`` must be timezone-aware (checked when built)

        def __init__(
            self,
            *,
            at: datetime,
            kind: str,
            priority: str | None = None,
            reason: str | None = None,
        ) -> None: ...

    @model_validator(mode="before")
    @classmethod
    def _default_pause_reason(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") == "paused" and not data.get("reason"):
            return {**data, "reason": DEFAULT_PAUSE_REASON}
        return data


class Ticket(BaseModel):
    """A ticket: its id, priority at opening, opening instant, kind and events.

    >>> from datetime import datetime, timezone
    >>> Ticket(id="T-1", priority="high",
    ...        opened_at=datetime(2026, 1, 5, 9, tzinfo=timezone.utc)).kind
    'incident'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    id: str = Field(min_length=1)
    """The ticket's id in the ticketing tool, named in every error, e.g. `"INC-42"`."""
    priority: str = Field(min_length=1)
    """The priority at opening: a priority id or alias of the contract, e.g. `"P1"`."""
    opened_at: AwareDatetime
    """When the ticket was opened (the implied `opened` event): a timezone-aware datetime."""
    kind: str = "incident"
    """The ticket kind targets apply to: `"incident"` (default), `"bug"`, `"question"`, ..."""
    events: tuple[Event, ...] = ()
    """What happened after the opening; applied in time order, equal times as given."""

    if TYPE_CHECKING:  # what a caller may pass (events are stored as a tuple)

        def __init__(
            self,
            *,
            id: str,
            priority: str,
            opened_at: datetime,
            kind: str = "incident",
            events: Sequence[Event | Mapping[str, Any]] = (),
        ) -> None: ...

    @classmethod
    def from_history(
        cls,
        *,
        id: str,
        priority: str,
        opened_at: datetime,
        history: Iterable[Sequence[object]],
        statuses: StatusMap,
        kind: str = "incident",
        events: Sequence[Event] = (),
    ) -> Ticket:
        """A ticket whose events come from a status history, read by ``statuses``
        (:meth:`slacalc.StatusMap.events`: rows ``(at, status)`` or ``(at, from_status,
        to_status)``); ``events`` adds others (a response, a priority change).

        >>> from datetime import datetime, timezone
        >>> from slacalc import StatusMap
        >>> opened = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
        >>> t = Ticket.from_history(
        ...     id="T-1", priority="P1", opened_at=opened,
        ...     history=[(opened, "New"), (opened.replace(hour=10), "Pending"),
        ...              (opened.replace(hour=12), "Solved")],
        ...     statuses=StatusMap(paused=["Pending"], resolved=["Solved"]))
        >>> [(e.at.hour, e.kind) for e in t.events]
        [(10, 'paused'), (12, 'resumed'), (12, 'resolved')]
        """
        from_history = statuses.events(history, opened_at=opened_at)
        merged = sorted([*events, *from_history], key=lambda e: e.at)  # stable: equal times
        return cls(id=id, priority=priority, opened_at=opened_at, kind=kind, events=merged)
