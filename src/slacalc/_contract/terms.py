"""The terms of a contract: everything a vendor promised, and the lookups on it.

:class:`ContractTerms` holds a contract's fields (SPEC 2) and answers the questions
about them: a priority by name, the targets that apply to a ticket, the calendar a
target's clock runs on, and the contract's zone. The public :class:`slacalc.Contract`
is these terms with the questions about tickets and outages added (``evaluate``,
``availability``), one layer up in ``slacalc._facade``; the clock and the reports take
terms, so they never import the class that calls them.

>>> from slacalc import contracts
>>> c = contracts.get("vioms/advanced")  # a Contract: these terms plus the questions
>>> c.priority("PRIO-1").id, [t.metric for t in c.targets_for("P1")][:2]
('P1', ['response', 'resolution'])
>>> c.zone.key
'Europe/Amsterdam'
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from slacalc._base.errors import ContractError, UnknownPriorityError
from slacalc._base.frozen import FrozenMap, instance_cache
from slacalc._calendar.calendar import Calendar
from slacalc._calendar.durations import CalendarTime
from slacalc._contract.models import (
    AvailabilityTarget,
    ClockPolicy,
    ComplianceGoal,
    InterruptionLimit,
    Priority,
    Target,
    normalise_name,
)
from slacalc._engine.instants import zone

__all__ = ["ContractTerms", "around_the_clock", "priority_index"]


class ContractTerms(BaseModel):
    """A vendor's service-level agreement as slacalc reads it: the fields of SPEC 2.

    ``priorities`` are ordered most urgent first. Use :class:`slacalc.Contract`, which
    adds ``evaluate`` and ``availability(...)``; see the module docstring for an example.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    id: str = Field(min_length=1)
    """The registry id, `vendor/level` by convention, e.g. `"vioms/advanced"`."""
    vendor: str = ""
    """The vendor who makes the promises, e.g. `"VIOMS"`."""
    name: str = ""
    """The service level's display name, e.g. `"Advanced"`."""
    source: str = ""
    """The document (and version) the contract encodes, e.g. `"Reflex Online, SLA"`."""
    valid_from: date | None = None
    """The first date the contract applies (ISO `"YYYY-MM-DD"`); `None`: no start."""
    valid_to: date | None = None
    """The last date the contract applies, not before `valid_from`; `None`: open-ended."""
    calendars: FrozenMap[str, Calendar] = Field(default_factory=FrozenMap)
    """Name -> Calendar that targets refer to; the first one's zone is the contract's zone."""
    priorities: tuple[Priority, ...] = Field(min_length=1)
    """The priority levels, most urgent first (at least one); ids and aliases are unique."""
    targets: tuple[Target, ...] = ()
    """The promises: one per priority, metric and ticket kind."""
    availability: tuple[AvailabilityTarget, ...] = ()
    """The uptime promises; called on a contract, `availability(...)` measures them."""
    interruption_limit: InterruptionLimit | None = None
    """The most unplanned interruptions allowed per period; `None` (default): no limit."""
    compliance: tuple[ComplianceGoal, ...] = ()
    """The share of targets (or tickets) per period that must be met, e.g. 80 % of `high`."""
    clock: ClockPolicy = ClockPolicy()
    """What a priority change and a reopen do to running clocks (defaults: keep, continue)."""
    notes: tuple[str, ...] = ()
    """Readings and remarks for people, e.g. which clause a choice rests on; one text allowed."""

    @field_validator("notes", mode="before")
    @classmethod
    def _one_note(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _consistent(self) -> ContractTerms:
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
        return self

    # -- lookups ------------------------------------------------------------------------
    def priority(self, name: str) -> Priority:
        """The priority whose id or alias matches ``name`` (case, spaces, dashes ignored).

        Raises :class:`UnknownPriorityError` (a ``LookupError`` and ``ValueError``)
        listing the valid ids.
        """
        found = priority_index(self).get(normalise_name(name))
        if found is None:
            raise UnknownPriorityError(
                f"unknown priority {name!r} for contract {self.id}: use one of "
                f"{', '.join(p.id for p in self.priorities)} (or an alias)"
            )
        return found

    def targets_for(self, priority: str, kind: str = "incident") -> tuple[Target, ...]:
        """The targets that apply to a priority (id or alias) and ticket kind.

        >>> from datetime import timedelta
        >>> from slacalc import Calendar, Contract
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

    @property
    def zone(self) -> ZoneInfo:
        """The contract's zone: the zone of its first calendar (UTC without calendars).

        The one rule for every place that needs a contract-wide zone: the ``at`` of a
        report, the months of an availability period, the results of ``slacalc.frame``
        and the command line. Put the calendar of the contract's home zone first.
        """
        for calendar in self.calendars.values():
            return calendar.zone
        return zone("UTC")


def priority_index(terms: ContractTerms) -> dict[str, Priority]:
    """Every id and alias of the contract's priorities, normalised, to its priority
    (built once per contract object; the caller must not change it).

    >>> from slacalc import contracts
    >>> priority_index(contracts.get("vioms/advanced"))["prio1"].id
    'P1'
    """

    def build() -> dict[str, Priority]:
        index: dict[str, Priority] = {}
        for p in terms.priorities:
            for label in (p.id, *p.aliases):
                index[normalise_name(label)] = p
        return index

    return instance_cache(terms, "_slacalc_priorities", build)


@lru_cache(maxsize=64)
def around_the_clock(tz: str) -> Calendar:
    """The 24x7 calendar of a zone (shared)."""
    return Calendar.always(tz=tz)
