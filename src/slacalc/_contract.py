"""The contract models: what a vendor promised.

A :class:`Contract` names its calendars, its priorities (most urgent first), its
targets per priority and metric, availability targets, an optional interruption limit,
compliance goals and a clock policy. Everything is a frozen, hashable pydantic model
that round-trips through JSON, so a user can write a contract as a file.

>>> from datetime import timedelta
>>> from slacalc import Calendar
>>> c = Contract(
...     id="acme/gold", vendor="Acme", name="Gold",
...     calendars={"office": Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")},
...     priorities=[Priority(id="P1", aliases=["urgent", "prio 1"]), Priority(id="P2")],
...     targets=[Target(metric="response", priority="P1", within=timedelta(hours=2),
...                     calendar="office")],
... )
>>> c.priority("PRIO-1").id
'P1'
>>> [t.metric for t in c.targets_for("P1")]
['response']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from slacalc._calendar import Calendar
from slacalc._durations import CalendarTime, WorkingDays
from slacalc._errors import ContractError, UnknownPriorityError
from slacalc._frozen import FrozenMap, instance_cache
from slacalc._ticket import EVENT_KINDS

if TYPE_CHECKING:
    from slacalc._report import BatchReport, TicketReport
    from slacalc._ticket import Ticket

Commitment = Literal["guaranteed", "aim", "best_effort"]
Period = Literal["month", "year"]
PlannedPolicy = Literal["exclude", "count_as_up", "count_as_down"]
Within = timedelta | WorkingDays | CalendarTime | None

_TERMINAL = ("resolved", "closed")
DEFAULT_STARTS: dict[str, tuple[str, ...]] = {"on_site": ("on_site_requested",)}
DEFAULT_STOPS: dict[str, tuple[str, ...]] = {
    "response": ("responded", "workaround", *_TERMINAL),
    "workaround": ("workaround", *_TERMINAL),
    "resolution": _TERMINAL,
    "restore": _TERMINAL,
    "bug_fix": _TERMINAL,
    "on_site": ("on_site", *_TERMINAL),
}
_CLOCK_EVENTS = tuple(k for k in EVENT_KINDS if k not in ("paused", "resumed", "priority_changed"))
_NAME_NOISE = re.compile(r"[\s\-_]+")


def normalise_name(name: str) -> str:
    """How priority names are compared: case, spaces, dashes and underscores ignored.

    >>> normalise_name(" PRIO-1 "), normalise_name("prio_1")
    ('prio1', 'prio1')
    """
    return _NAME_NOISE.sub("", str(name)).lower()


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Priority(_Frozen):
    """A priority level: its id, a display name, aliases and a description.

    >>> Priority(id="P1", aliases=["Urgent"]).name
    'P1'
    """

    id: str = Field(min_length=1)
    name: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""

    @model_validator(mode="before")
    @classmethod
    def _name_defaults_to_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("name") and isinstance(data.get("id"), str):
            return {**data, "name": data["id"]}
        return data


class ClockPolicy(_Frozen):
    """What a priority change and a reopen do to the clocks.

    >>> ClockPolicy().on_priority_change, ClockPolicy().on_reopen
    ('keep_elapsed', 'continue')
    """

    on_priority_change: Literal["keep_elapsed", "restart"] = "keep_elapsed"
    on_reopen: Literal["continue", "new_cycle"] = "continue"


class Target(_Frozen):
    """One promise: ``metric`` for ``priority`` within an amount of time on a calendar.

    ``within`` is open time (``timedelta``), ``WorkingDays``, ``CalendarTime`` (measured
    on the 24x7 calendar of the named calendar's zone) or ``None`` for best effort.
    ``starts_on`` and ``stops_on`` default per metric (SPEC section 3).

    >>> t = Target(metric="on_site", priority="P1", within=timedelta(hours=4),
    ...            calendar="office")
    >>> t.starts_on, t.stops_on
    (('on_site_requested',), ('on_site', 'resolved', 'closed'))
    """

    metric: str = Field(min_length=1)
    priority: str = Field(min_length=1)
    within: Within
    calendar: str = Field(min_length=1)
    starts_on: tuple[str, ...] = ()
    stops_on: tuple[str, ...] = ()
    pausable: bool = False
    applies_to: tuple[str, ...] = ("incident",)
    milestones: tuple[float, ...] = ()
    commitment: Commitment = "guaranteed"
    source: str = ""

    @model_validator(mode="before")
    @classmethod
    def _default_events(cls, data: Any) -> Any:
        if isinstance(data, dict):
            metric = data.get("metric")
            if isinstance(metric, str):
                if not data.get("starts_on"):
                    data = {**data, "starts_on": DEFAULT_STARTS.get(metric, ("opened",))}
                if not data.get("stops_on"):
                    data = {**data, "stops_on": DEFAULT_STOPS.get(metric, _TERMINAL)}
        return data

    @field_validator("starts_on", "stops_on")
    @classmethod
    def _known_events(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [k for k in value if k not in _CLOCK_EVENTS]
        if unknown:
            raise ContractError(
                f"unknown event kinds {unknown!r}: use some of {', '.join(_CLOCK_EVENTS)}"
            )
        return value

    @field_validator("within")
    @classmethod
    def _not_negative(cls, value: Within) -> Within:
        if isinstance(value, timedelta) and value < timedelta(0):
            raise ContractError(f"within={value!r} is negative: give a duration of at least 0")
        return value

    @field_validator("milestones")
    @classmethod
    def _fractions(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        bad = [f for f in value if not 0 < f < 1]
        if bad:
            raise ContractError(
                f"milestones {bad!r} lie outside (0, 1): give fractions such as 0.5"
            )
        return tuple(sorted(set(value)))

    @field_validator("applies_to")
    @classmethod
    def _some_kind(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ContractError("applies_to is empty: name the ticket kinds, e.g. ['incident']")
        return value


class AvailabilityTarget(_Frozen):
    """A promised uptime over a calendar, per month or year.

    ``calendar`` is a key of the contract's calendars, ``"24x7"``, or
    ``"outside:<key>"`` for the complement of one.

    >>> AvailabilityTarget(name="uptime", calendar="24x7", minimum=0.995).period
    'month'
    """

    name: str = Field(min_length=1)
    calendar: str = Field(min_length=1)
    minimum: float = Field(ge=0, le=1)
    period: Period = "month"
    planned: PlannedPolicy = "exclude"
    source: str = ""


class InterruptionLimit(_Frozen):
    """At most ``maximum`` unplanned interruptions per period.

    >>> InterruptionLimit(maximum=3).period
    'month'
    """

    maximum: int = Field(ge=0)
    period: Period = "month"
    source: str = ""


class ComplianceGoal(_Frozen):
    """At least ``minimum`` of the pooled targets of ``priorities`` (and ``metrics``) met.

    >>> ComplianceGoal(priorities=["top"], minimum=1.0).metrics
    ()
    """

    priorities: tuple[str, ...] = Field(min_length=1)
    metrics: tuple[str, ...] = ()
    minimum: float = Field(ge=0, le=1)
    source: str = ""


class AvailabilityTargets(tuple[AvailabilityTarget, ...]):
    """A contract's availability targets (a tuple) that, called, measure availability.

    ``contract.availability(outages, start, end)`` is
    :func:`slacalc._availability.availability` for that contract.
    """

    _contract: Contract

    def __new__(
        cls, targets: Iterable[AvailabilityTarget], contract: Contract
    ) -> AvailabilityTargets:
        made = super().__new__(cls, targets)
        made._contract = contract
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and deep-copied as a plain tuple; the contract binds it again.
        return (tuple, (tuple(self),))

    def __call__(self, outages: Iterable[Any], start: datetime, end: datetime) -> Any:
        """Uptime per availability target and interruptions over ``[start, end)``."""
        from slacalc._availability import availability

        return availability(self._contract, outages, start, end)


class Contract(_Frozen):
    """A vendor's service-level agreement as slacalc reads it.

    ``priorities`` are ordered most urgent first. See the module docstring for an example.
    """

    id: str = Field(min_length=1)
    vendor: str = ""
    name: str = ""
    source: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    calendars: FrozenMap[str, Calendar] = Field(default_factory=FrozenMap)
    priorities: tuple[Priority, ...] = Field(min_length=1)
    targets: tuple[Target, ...] = ()
    availability: tuple[AvailabilityTarget, ...] = ()
    interruption_limit: InterruptionLimit | None = None
    compliance: tuple[ComplianceGoal, ...] = ()
    clock: ClockPolicy = ClockPolicy()
    notes: tuple[str, ...] = ()

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Contract:
        """A copy with fields replaced; as with pydantic, ``update`` is not validated
        (pass mappings as ``FrozenMap``)."""
        copied = super().model_copy(update=update, deep=deep)
        copied._bind_availability()
        return copied

    def __copy__(self) -> Contract:
        copied = super().__copy__()
        copied._bind_availability()
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Contract:
        copied = super().__deepcopy__(memo)
        copied._bind_availability()
        return copied

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)
        self._bind_availability()

    def _bind_availability(self) -> None:
        # SPEC 2 and 4: ``contract.availability`` is the tuple of targets *and*
        # ``contract.availability(outages, start, end)`` measures them. The stored tuple
        # is a callable tuple bound to its contract (equal and hashing as a tuple).
        self.__dict__["availability"] = AvailabilityTargets(self.availability, self)

    @field_validator("notes", mode="before")
    @classmethod
    def _one_note(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _consistent(self) -> Contract:
        seen: dict[str, str] = {}
        for p in self.priorities:
            for label in (p.id, *p.aliases):
                key = normalise_name(label)
                if key in seen and seen[key] != p.id:
                    raise ContractError(
                        f"priorities: {label!r} of {p.id!r} is also a name of {seen[key]!r}; "
                        "every id and alias must be unique (case, spaces, dashes ignored)"
                    )
                if key in seen and label == p.id:
                    raise ContractError(f"priorities: id {p.id!r} is given twice")
                seen[key] = p.id
        ids = [p.id for p in self.priorities]
        keys = sorted(self.calendars)
        claimed: set[tuple[str, str, str]] = set()
        for i, t in enumerate(self.targets):
            if t.priority not in ids:
                raise ContractError(
                    f"targets[{i}].priority {t.priority!r} is not a priority id: use one of "
                    f"{', '.join(ids)}"
                )
            if t.calendar not in self.calendars:
                raise ContractError(
                    f"targets[{i}].calendar {t.calendar!r} is not a key of calendars: use one "
                    f"of {', '.join(keys) or '(none defined)'}"
                )
            for kind in t.applies_to:
                slot = (t.priority, t.metric, kind)
                if slot in claimed:
                    raise ContractError(
                        f"targets[{i}]: a second {t.metric!r} target for priority "
                        f"{t.priority!r} and ticket kind {kind!r}; keep one"
                    )
                claimed.add(slot)
        for i, a in enumerate(self.availability):
            key = a.calendar.removeprefix("outside:")
            if a.calendar != "24x7" and key not in self.calendars:
                raise ContractError(
                    f"availability[{i}].calendar {a.calendar!r}: use '24x7', a key of calendars "
                    f"({', '.join(keys) or 'none defined'}) or 'outside:<key>'"
                )
        for i, g in enumerate(self.compliance):
            unknown = [p for p in g.priorities if p not in ids]
            if unknown:
                raise ContractError(
                    f"compliance[{i}].priorities {unknown!r} are not priority ids: use some "
                    f"of {', '.join(ids)}"
                )
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ContractError(
                f"valid_to {self.valid_to} lies before valid_from {self.valid_from}"
            )
        self._bind_availability()
        return self

    # -- lookups ------------------------------------------------------------------------
    def _priority_index(self) -> dict[str, Priority]:
        def build() -> dict[str, Priority]:
            index: dict[str, Priority] = {}
            for p in self.priorities:
                for label in (p.id, *p.aliases):
                    index[normalise_name(label)] = p
            return index

        return instance_cache(self, "_slacalc_priorities", build)

    def priority(self, name: str) -> Priority:
        """The priority whose id or alias matches ``name`` (case, spaces, dashes ignored).

        Raises :class:`UnknownPriorityError` (a ``LookupError`` and ``ValueError``)
        listing the valid ids.
        """
        found = self._priority_index().get(normalise_name(name))
        if found is None:
            raise UnknownPriorityError(
                f"unknown priority {name!r} for contract {self.id}: use one of "
                f"{', '.join(p.id for p in self.priorities)} (or an alias)"
            )
        return found

    def targets_for(self, priority: str, kind: str = "incident") -> tuple[Target, ...]:
        """The targets that apply to a priority (id or alias) and ticket kind.

        >>> from slacalc import Calendar
        >>> c = Contract(id="x/y", calendars={"24x7": Calendar.always()},
        ...              priorities=[Priority(id="P1")],
        ...              targets=[Target(metric="response", priority="P1",
        ...                              within=timedelta(hours=1), calendar="24x7")])
        >>> [t.metric for t in c.targets_for("p1")], c.targets_for("P1", kind="bug")
        (['response'], ())
        """
        pid = self.priority(priority).id
        return self._targets_index().get((pid, kind), ())

    def _targets_index(self) -> dict[tuple[str, str], tuple[Target, ...]]:
        def build() -> dict[tuple[str, str], tuple[Target, ...]]:
            index: dict[tuple[str, str], list[Target]] = {}
            for t in self.targets:
                for kind in t.applies_to:
                    index.setdefault((t.priority, kind), []).append(t)
            return {k: tuple(v) for k, v in index.items()}

        return instance_cache(self, "_slacalc_targets", build)

    def target(self, priority: str, metric: str, kind: str = "incident") -> Target | None:
        """The target for a priority, metric and ticket kind, or ``None``."""
        for t in self.targets_for(priority, kind):
            if t.metric == metric:
                return t
        return None

    def calendar_for(self, priority: str, metric: str, kind: str = "incident") -> Calendar:
        """The calendar that the target's clock runs on (24x7 for ``CalendarTime``).

        Raises :class:`UnknownPriorityError` when the priority has no such target.
        """
        t = self.target(priority, metric, kind)
        if t is None:
            metrics = sorted({t.metric for t in self.targets_for(priority, kind)})
            raise UnknownPriorityError(
                f"priority {priority!r} of contract {self.id} has no {metric!r} target for "
                f"{kind} tickets: its metrics are {', '.join(metrics) or '(none)'}"
            )
        return self.clock_calendar(t)

    def clock_calendar(self, target: Target) -> Calendar:
        """The calendar a target's clock runs on."""
        named = self.calendars[target.calendar]
        if isinstance(target.within, CalendarTime):
            return around_the_clock(named.tz)
        return named

    @property
    def kinds(self) -> frozenset[str]:
        """Every ticket kind some target applies to."""
        return frozenset(k for t in self.targets for k in t.applies_to)

    # -- evaluation ---------------------------------------------------------------------
    def evaluate(self, ticket: Ticket, at: datetime | None = None) -> TicketReport:
        """The ticket's report per target as of ``at`` (default: now). See SPEC section 3."""
        return _evaluate_ticket()(self, ticket, at)

    def evaluate_many(
        self, tickets: Iterable[Ticket | dict[str, Any]], at: datetime | None = None
    ) -> BatchReport:
        """Evaluate many tickets; see :func:`slacalc.evaluate_many`."""
        from slacalc._evaluate import evaluate_many

        return evaluate_many(self, tickets, at)


@cache
def _evaluate_ticket() -> Callable[[Contract, Ticket, datetime | None], TicketReport]:
    """``slacalc._evaluate.evaluate_ticket``, imported on first use (that module imports
    this one). An import statement in ``Contract.evaluate`` itself costs ~0.7 us a call,
    a third of one ``Calendar.add`` (measured, benchmarks/bench_evaluate.py)."""
    from slacalc._evaluate import evaluate_ticket

    return evaluate_ticket


@lru_cache(maxsize=64)
def around_the_clock(tz: str) -> Calendar:
    """The 24x7 calendar of a zone (shared)."""
    return Calendar.always(tz=tz)
