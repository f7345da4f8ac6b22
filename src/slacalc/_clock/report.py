"""What an evaluation reports: per ticket, per target, per clock cycle.

Reports are frozen dataclasses (cheap to build by the hundred thousand); ``as_dict()``
gives a JSON-friendly dict.

>>> Status.BREACHED == "breached", Status("met") is Status.MET
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from slacalc._base.frozen import FrozenMap

if TYPE_CHECKING:
    from slacalc._clock.ticket import Ticket
    from slacalc._contract.terms import ContractTerms


class Status(str, Enum):
    """Where a target stands."""

    MET = "met"
    BREACHED = "breached"
    RUNNING = "running"
    PAUSED = "paused"
    NOT_STARTED = "not_started"
    NO_TARGET = "no_target"

    def __str__(self) -> str:
        return self.value


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Status):
        return value.value
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, CycleReport):
        return value.as_dict()
    return value


@dataclass(frozen=True, slots=True)
class CycleReport:
    """One run of a target's clock, from a start (or reopen) to its stop or ``at``."""

    status: Status
    started_at: datetime | None
    stopped_at: datetime | None
    target: timedelta | None
    due_at: datetime | None
    breach_at: datetime | None
    elapsed: timedelta
    paused: timedelta
    remaining: timedelta | None
    milestones: tuple[tuple[float, datetime], ...] = ()

    @property
    def breached(self) -> bool:
        """Whether this cycle is breached."""
        return self.status is Status.BREACHED

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (instants as ISO 8601, durations in seconds)."""
        return {name: _jsonable(getattr(self, name)) for name in self.__dataclass_fields__}


_CYCLE_FIELDS = (
    "status", "target", "due_at", "breach_at", "elapsed", "paused", "remaining",
    "started_at", "stopped_at", "milestones",
)  # fmt: skip


@dataclass(frozen=True)  # no slots: frozen + slots cannot guard the properties' names
class TargetReport:
    """How one metric of a ticket stands (the latest cycle, plus every cycle).

    ``status``, ``target``, ``due_at``, ``breach_at``, ``elapsed``, ``paused``,
    ``remaining``, ``started_at``, ``stopped_at`` and ``milestones`` describe the latest
    cycle (``current``); ``cycles`` holds all of them and ``ever_breached`` says whether
    any breached. ``priority`` is the ticket's priority as of ``at``; ``target`` is the
    target the clock is judged by, which for a clock that stopped before a priority
    change is the target of the priority in force when it stopped (docs/evaluation.md).
    """

    metric: str
    priority: str
    current: CycleReport
    cycles: tuple[CycleReport, ...]
    ever_breached: bool
    commitment: str = "guaranteed"
    #: With no further event, the instant to look again at this target: the earliest
    #: milestone instant after ``at``, or the running clock's ``breach_at`` (the last
    #: instant before it turns breached), whichever comes first; ``None`` when nothing
    #: will change (stopped, paused, not started, no target). docs/next-change.md.
    next_change_at: datetime | None = None

    @property
    def status(self) -> Status:
        """Where the target stands now."""
        return self.current.status

    @property
    def target(self) -> timedelta | None:
        """The target as open time, or ``None``."""
        return self.current.target

    @property
    def due_at(self) -> datetime | None:
        """When the open time counted reaches (or reached) the target; ``None`` without one.

        Not reached yet: ``remaining`` open time after the stop of a stopped clock, or after
        ``at`` for a running or paused one (as if it resumed at ``at``)."""
        return self.current.due_at

    @property
    def breach_at(self) -> datetime | None:
        """The last instant at which the target still holds."""
        return self.current.breach_at

    @property
    def elapsed(self) -> timedelta:
        """Open time counted."""
        return self.current.elapsed

    @property
    def paused(self) -> timedelta:
        """Open time the clock stood still for pauses."""
        return self.current.paused

    @property
    def remaining(self) -> timedelta | None:
        """Target minus elapsed (negative once breached), or ``None``."""
        return self.current.remaining

    @property
    def started_at(self) -> datetime | None:
        """When the (latest) clock started."""
        return self.current.started_at

    @property
    def stopped_at(self) -> datetime | None:
        """The stopping event's time, or ``None``."""
        return self.current.stopped_at

    @property
    def milestones(self) -> tuple[tuple[float, datetime], ...]:
        """``((fraction, instant), ...)``: when each milestone falls due."""
        return self.current.milestones

    @property
    def breached(self) -> bool:
        """Whether the target is breached now."""
        return self.current.status is Status.BREACHED

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (instants as ISO 8601, durations in seconds)."""
        current = self.current
        return {
            "metric": self.metric,
            "priority": self.priority,
            **{name: _jsonable(getattr(current, name)) for name in _CYCLE_FIELDS},
            "cycles": _jsonable(self.cycles),
            "ever_breached": self.ever_breached,
            "commitment": self.commitment,
            "next_change_at": _jsonable(self.next_change_at),
        }


class Evaluated(NamedTuple):
    """What a report was evaluated from, kept (by reference) for its picture only."""

    contract: ContractTerms
    ticket: Ticket


@dataclass(frozen=True, slots=True)
class TicketReport:
    """One ticket's targets as of ``at``, by metric (a read-only mapping).

    Frozen and hashable like every report:

    >>> from datetime import datetime, timezone
    >>> r = TicketReport("T-1", "P1", "incident", datetime(2026, 1, 1, tzinfo=timezone.utc))
    >>> hash(r) == hash(TicketReport("T-1", "P1", "incident", r.at)), r.targets
    (True, FrozenMap({}))

    ``evaluated`` holds the contract and ticket the report came from (``evaluate`` sets
    it), so that :meth:`to_svg` can draw the calendars, events and pauses; it takes no
    part in equality, hashing, ``repr`` or ``as_dict()``.
    """

    ticket_id: str
    priority: str
    kind: str
    at: datetime
    targets: FrozenMap[str, TargetReport] = field(default_factory=FrozenMap)
    evaluated: Evaluated | None = field(default=None, compare=False, repr=False)

    @property
    def breached(self) -> bool:
        """Whether any target is breached now."""
        return any(r.status is Status.BREACHED for r in self.targets.values())

    @property
    def next_change_at(self) -> datetime | None:
        """The earliest ``next_change_at`` of the targets: with no further event, when
        to look at the ticket again (``None``: nothing will change)."""
        return min((t for r in self.targets.values() if (t := r.next_change_at)), default=None)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        return {
            "ticket_id": self.ticket_id,
            "priority": self.priority,
            "kind": self.kind,
            "at": self.at.isoformat(),
            "breached": self.breached,
            "next_change_at": _jsonable(self.next_change_at),
            "targets": {m: r.as_dict() for m, r in self.targets.items()},
        }

    def to_svg(self) -> str:
        """The ticket's clock as an SVG picture (docs/pictures.md): per target the open
        hours of its calendar, the time counted, pauses, and the due and breach instants;
        the events; ``at``. A report built without ``evaluated`` (by hand, not by
        ``evaluate``) shows only what it knows: the targets' instants.

        >>> from datetime import datetime, timezone
        >>> r = TicketReport("T-1", "P1", "incident", datetime(2026, 1, 1, tzinfo=timezone.utc))
        >>> "<title>Ticket T-1" in r.to_svg()
        True
        """
        from slacalc._clock.picture import ticket_svg  # the picture imports this module

        return ticket_svg(self)

    def _repr_svg_(self) -> str:
        """What a Jupyter notebook shows for the report: :meth:`to_svg`."""
        return self.to_svg()


@dataclass(frozen=True, slots=True)
class TicketFailure:
    """A ticket that could not be evaluated: its position in the batch, id and error."""

    index: int
    ticket_id: str | None
    error: Exception

    @property
    def message(self) -> str:
        """The error's message."""
        return str(self.error)


@dataclass(frozen=True, slots=True)
class BatchReport:
    """The results of :func:`slacalc.evaluate_many`: reports and failures side by side.

    ``reports`` and ``errors`` keep the input order; ``outcomes`` interleaves them as
    they came in.
    """

    reports: tuple[TicketReport, ...]
    errors: tuple[TicketFailure, ...]
    outcomes: tuple[TicketReport | TicketFailure, ...]

    def __iter__(self) -> Iterator[TicketReport | TicketFailure]:
        return iter(self.outcomes)

    def __len__(self) -> int:
        return len(self.outcomes)

    @property
    def breached(self) -> bool:
        """Whether any evaluated ticket has a breached target."""
        return any(r.breached for r in self.reports)
