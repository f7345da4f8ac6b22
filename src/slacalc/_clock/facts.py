"""One ticket's facts as the clock sees them: checked, in time order, as of ``at``.

:class:`Facts` checks a ticket against a contract's plan (SPEC 3, rule 7: events
before the opening, a resume without a pause, unknown priorities and kinds) and keeps
what every metric's clock needs: the stream of events up to ``at``, the priority
segments, and the pauses as one span set.

>>> from datetime import datetime, timezone
>>> from slacalc import Event, Ticket, contracts
>>> from slacalc._clock.plan import plan_for
>>> from slacalc._engine.instants import to_us
>>> t0 = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
>>> ticket = Ticket(id="T", priority="P1", opened_at=t0, events=[
...     Event(at=t0.replace(hour=10), kind="paused"),
...     Event(at=t0.replace(hour=11), kind="resumed")])
>>> plan = plan_for(contracts.get("vioms/advanced"))
>>> facts = Facts(plan, ticket, to_us(t0.replace(hour=12), "at"))
>>> [kind for _, kind, _ in facts.stream], facts.pauses.total // 3_600_000_000
(['opened', 'paused', 'resumed'], 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from functools import partial

from slacalc._base.errors import TicketError
from slacalc._clock.plan import Plan
from slacalc._clock.ticket import EVENT_KINDS, Event, Ticket
from slacalc._engine.instants import EPOCH, ONE_US, from_us, to_us
from slacalc._engine.spans import SpanSet

__all__ = ["KNOWN_KINDS", "NO_PAUSES", "Facts", "Step", "where"]

KNOWN_KINDS = frozenset(EVENT_KINDS)
NO_PAUSES = SpanSet()

# One event as the clock sees it: (instant, kind, new priority id for priority_changed).
Step = tuple[int, str, str | None]


def where(tid: str, index: int, event: Event) -> str:
    """How a message names one event of a ticket."""
    return f"ticket {tid}: event {index} ({event.kind!r} at {event.at.isoformat()})"


class Facts:
    """A ticket's checked, ordered facts as of ``at``."""

    __slots__ = (
        "_locals", "at", "final_priority", "opened", "paused_now", "pauses", "priorities",
        "segments", "stream", "ticket",
    )  # fmt: skip

    def __init__(self, plan: Plan, ticket: Ticket, at: int) -> None:
        self.ticket = ticket
        self.at = at
        tid = ticket.id
        opened = self.opened = to_us(ticket.opened_at, "opened_at")
        first_priority = plan.priority_id(ticket.priority, lambda: f"ticket {tid}")
        if ticket.kind not in plan.kinds:
            raise TicketError(
                f"ticket {tid}: no target of contract {plan.contract_id} applies to kind "
                f"{ticket.kind!r}; use one of {', '.join(sorted(plan.kinds)) or '(none)'}"
            )
        given = ticket.events
        stamps: list[int] = []
        for event in given:
            try:
                stamps.append((event.at - EPOCH) // ONE_US)
            except TypeError:
                stamps.append(to_us(event.at, "at"))
        order: Sequence[int] = range(len(given))
        if any(stamps[k] > stamps[k + 1] for k in range(len(stamps) - 1)):
            order = sorted(order, key=stamps.__getitem__)  # stable: ties keep given order

        stream: list[Step] = [(opened, "opened", None)]
        segments: list[tuple[int, str]] = [(opened, first_priority)]
        pauses: list[tuple[int, int]] = []
        pause_start: int | None = None
        paused = False  # over all events: consistency is checked beyond `at` too
        for i in order:
            us, event = stamps[i], given[i]
            kind = event.kind
            if kind not in KNOWN_KINDS:
                raise TicketError(
                    f"{where(tid, i, event)} has an unknown kind; use one of "
                    f"{', '.join(EVENT_KINDS)}"
                )
            if us < opened:
                raise TicketError(
                    f"{where(tid, i, event)} lies before the ticket was opened at "
                    f"{ticket.opened_at.isoformat()}"
                )
            new_priority = None
            if kind == "priority_changed":
                if not event.priority:
                    raise TicketError(
                        f"{where(tid, i, event)} names no priority: set Event.priority"
                    )
                new_priority = plan.priority_id(event.priority, partial(where, tid, i, event))
            elif kind == "paused":
                paused = True
            elif kind == "resumed":
                if not paused:
                    raise TicketError(
                        f"{where(tid, i, event)}: resumed while not paused; add the paused event"
                    )
                paused = False
            elif kind == "opened":
                if us != opened:
                    raise TicketError(
                        f"{where(tid, i, event)}: an 'opened' event must equal opened_at "
                        f"({ticket.opened_at.isoformat()}); leave it out, opened_at implies it"
                    )
                continue  # opened_at already stands for it
            if us > at:
                continue
            stream.append((us, kind, new_priority))
            if new_priority is not None:
                segments.append((us, new_priority))
            elif kind == "paused":
                if pause_start is None:
                    pause_start = us
            elif kind == "resumed" and pause_start is not None:
                pauses.append((pause_start, us))
                pause_start = None
        if plan.restart:
            segments = [(opened, segments[-1][1])]
        self.segments = segments
        self.final_priority = segments[-1][1]
        self.priorities: tuple[str, ...] = (
            (segments[0][1],)
            if len(segments) == 1
            else tuple(dict.fromkeys(p for _, p in segments))
        )
        self.stream = stream
        self.paused_now = pause_start is not None
        if pause_start is not None:
            pauses.append((pause_start, at))
        self.pauses = SpanSet(pauses) if pauses else NO_PAUSES
        self._locals: dict[tuple[int, tzinfo], datetime] = {}

    def local(self, us: int, tz: tzinfo) -> datetime:
        """An instant as a datetime in ``tz`` (the metrics share their event instants)."""
        key = (us, tz)
        found = self._locals.get(key)
        if found is None:
            found = self._locals[key] = from_us(us, tz)
        return found
