"""The parts of a contract: priorities, targets, availability targets, limits, goals.

Frozen, hashable pydantic models that round-trip through JSON. A :class:`Target` is
one promise (a metric for a priority within an amount of time on a named calendar); the
contract that holds them is in ``slacalc._contract.terms``.

>>> from datetime import timedelta
>>> t = Target(metric="response", priority="P1", within=timedelta(hours=2), calendar="office")
>>> t.starts_on, t.stops_on
(('opened',), ('responded', 'workaround', 'resolved', 'closed'))
>>> exact_minimum(0.8)
Fraction(4, 5)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from slacalc._base.errors import ContractError
from slacalc._calendar.durations import CalendarTime, WorkingDays

__all__ = [
    "CLOCK_EVENTS",
    "DEFAULT_STARTS",
    "DEFAULT_STOPS",
    "EVENT_KINDS",
    "TERMINAL",
    "AvailabilityTarget",
    "ClockPolicy",
    "Commitment",
    "ComplianceGoal",
    "InterruptionLimit",
    "Period",
    "PlannedPolicy",
    "Priority",
    "Target",
    "Within",
    "exact_minimum",
    "normalise_name",
]

#: Every kind of event a ticket may have (SPEC 3); ``opened`` is implied by ``opened_at``.
EVENT_KINDS: tuple[str, ...] = (
    "opened",
    "responded",
    "workaround",
    "root_cause_identified",
    "on_site_requested",
    "on_site",
    "resolved",
    "closed",
    "reopened",
    "paused",
    "resumed",
    "priority_changed",
)

Commitment = Literal["guaranteed", "aim", "best_effort"]
Period = Literal["month", "year"]
PlannedPolicy = Literal["exclude", "count_as_up", "count_as_down"]
Within = timedelta | WorkingDays | CalendarTime | None

#: The events that stop a clock for good (until a reopen).
TERMINAL: tuple[str, ...] = ("resolved", "closed")
DEFAULT_STARTS: dict[str, tuple[str, ...]] = {"on_site": ("on_site_requested",)}
DEFAULT_STOPS: dict[str, tuple[str, ...]] = {
    "response": ("responded", "workaround", *TERMINAL),
    "workaround": ("workaround", *TERMINAL),
    "resolution": TERMINAL,
    "restore": TERMINAL,
    "bug_fix": TERMINAL,
    "on_site": ("on_site", *TERMINAL),
}
#: The event kinds a target may start or stop on.
CLOCK_EVENTS = tuple(k for k in EVENT_KINDS if k not in ("paused", "resumed", "priority_changed"))
_NAME_NOISE = re.compile(r"[\s\-_]+")


def normalise_name(name: str) -> str:
    """How priority names are compared: case, spaces, dashes and underscores ignored.

    >>> normalise_name(" PRIO-1 "), normalise_name("prio_1")
    ('prio1', 'prio1')
    """
    return _NAME_NOISE.sub("", str(name)).lower()


class Priority(BaseModel):
    """A priority level: its id, a display name, aliases and a description.

    >>> Priority(id="P1", aliases=["Urgent"]).name
    'P1'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    id: str = Field(min_length=1)
    """The priority's id, used by targets and goals, e.g. `"P1"`."""
    name: str = ""
    """Display name, e.g. `"PRIO 1 (Urgent)"`; empty (the default) becomes the id."""
    aliases: tuple[str, ...] = ()
    """Other names a ticket may give, matched ignoring case, spaces, dashes, e.g. `"prio 1"`."""
    description: str = ""
    """What the priority covers in the contract's words, e.g. `"production is down"`."""

    if TYPE_CHECKING:  # what a caller may pass (stored as tuples)

        def __init__(
            self, *, id: str, name: str = "", aliases: Sequence[str] = (), description: str = ""
        ) -> None: ...

    @model_validator(mode="before")
    @classmethod
    def _name_defaults_to_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("name") and isinstance(data.get("id"), str):
            return {**data, "name": data["id"]}
        return data


class ClockPolicy(BaseModel):
    """What a priority change and a reopen do to the clocks.

    >>> ClockPolicy().on_priority_change, ClockPolicy().on_reopen
    ('keep_elapsed', 'continue')
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    on_priority_change: Literal["keep_elapsed", "restart"] = "keep_elapsed"
    """`"keep_elapsed"` (default): keep the time counted; `"restart"`: as if so from opening."""
    on_reopen: Literal["continue", "new_cycle"] = "continue"
    """`"continue"` (default): the stopped clocks run on; `"new_cycle"`: fresh clocks."""


class Target(BaseModel):
    """One promise: ``metric`` for ``priority`` within an amount of time on a calendar.

    ``within`` is open time (``timedelta``), ``WorkingDays``, ``CalendarTime`` (measured
    on the 24x7 calendar of the named calendar's zone) or ``None`` for best effort.
    ``starts_on`` and ``stops_on`` default per metric: every metric starts on ``opened``
    except ``on_site`` (on ``on_site_requested``); ``response`` stops on ``responded``,
    ``workaround``, ``resolved`` or ``closed``, ``workaround`` on the last three, ``on_site``
    on ``on_site``, ``resolved`` or ``closed``, any other metric on ``resolved`` or ``closed``.

    >>> from datetime import timedelta
    >>> t = Target(metric="on_site", priority="P1", within=timedelta(hours=4),
    ...            calendar="office")
    >>> t.starts_on, t.stops_on
    (('on_site_requested',), ('on_site', 'resolved', 'closed'))
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    metric: str = Field(min_length=1)
    """What is measured: `response`, `workaround`, `resolution`, `restore`, `bug_fix`, ..."""
    priority: str = Field(min_length=1)
    """The id of the priority the target is for, e.g. `"P1"`."""
    within: Within
    """Open time (JSON: ISO 8601, `"PT4H"`), working days, calendar time; `null`: best effort."""
    calendar: str = Field(min_length=1)
    """The key in the contract's `calendars` the clock runs on, e.g. `"service_hours"`."""
    starts_on: tuple[str, ...] = ()
    """Event kinds that start the clock (the first counts); empty: the metric's default."""
    stops_on: tuple[str, ...] = ()
    """Event kinds that stop the clock (the first after the start); empty: metric's default."""
    pausable: bool = False
    """Whether `paused` events stop this clock until `resumed` (default `False`)."""
    applies_to: tuple[str, ...] = ("incident",)
    """The ticket kinds the target applies to, default `["incident"]`, e.g. `["bug"]`."""
    milestones: tuple[float, ...] = ()
    """Fractions in (0, 1) of the target to report instants for, e.g. `[0.5]`: half time."""
    commitment: Commitment = "guaranteed"
    """How firm the promise is: `"guaranteed"` (default), `"aim"` or `"best_effort"`."""
    source: str = ""
    """Document and clause the target comes from, e.g. `"Reflex Online, SLA, section 5.3"`."""

    if TYPE_CHECKING:  # what a caller may pass (stored as tuples)

        def __init__(
            self,
            *,
            metric: str,
            priority: str,
            within: Within,
            calendar: str,
            starts_on: Sequence[str] = (),
            stops_on: Sequence[str] = (),
            pausable: bool = False,
            applies_to: Sequence[str] = ("incident",),
            milestones: Sequence[float] = (),
            commitment: Commitment = "guaranteed",
            source: str = "",
        ) -> None: ...

    @model_validator(mode="before")
    @classmethod
    def _default_events(cls, data: Any) -> Any:
        if isinstance(data, dict):
            metric = data.get("metric")
            if isinstance(metric, str):
                if not data.get("starts_on"):
                    data = {**data, "starts_on": DEFAULT_STARTS.get(metric, ("opened",))}
                if not data.get("stops_on"):
                    data = {**data, "stops_on": DEFAULT_STOPS.get(metric, TERMINAL)}
        return data

    @field_validator("starts_on", "stops_on")
    @classmethod
    def _known_events(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [k for k in value if k not in CLOCK_EVENTS]
        if unknown:
            raise ContractError(
                f"unknown event kinds {unknown!r}: use some of {', '.join(CLOCK_EVENTS)}"
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


class AvailabilityTarget(BaseModel):
    """A promised uptime over a calendar, per month or year.

    ``calendar`` is a key of the contract's calendars, ``"24x7"``, or
    ``"outside:<key>"`` for the complement of one.

    >>> AvailabilityTarget(name="uptime", calendar="24x7", minimum=0.995).period
    'month'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1)
    """The key of this target in an availability report, e.g. `"support_hours"`."""
    calendar: str = Field(min_length=1)
    """What is measured: a key of `calendars`, `"24x7"` or `"outside:<key>"` (its complement)."""
    minimum: float = Field(ge=0, le=1)
    """The least uptime promised, a fraction from 0 to 1, e.g. `0.995` for 99.5 %."""
    period: Period = "month"
    """The period each uptime is measured over: `"month"` (default) or `"year"`."""
    planned: PlannedPolicy = "exclude"
    """Planned outages: `"exclude"` (default) from time measured, `count_as_up`, `count_as_down`."""
    source: str = ""
    """Document and clause the target comes from, e.g. `"Reflex Online, SLA, section 3"`."""


class InterruptionLimit(BaseModel):
    """At most ``maximum`` unplanned interruptions per period.

    >>> InterruptionLimit(maximum=3).period
    'month'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    maximum: int = Field(ge=0)
    """The most unplanned interruptions (merged outages) allowed per period, e.g. `3`."""
    period: Period = "month"
    """The period counted over, by each interruption's start: `"month"` (default) or `"year"`."""
    source: str = ""
    """Document and clause the limit comes from, e.g. `"InfraVision, section 3.1"`."""


class ComplianceGoal(BaseModel):
    """At least ``minimum`` of the pooled targets of ``priorities`` (and ``metrics``) met.

    ``per`` says what the goal counts: ``"target"`` (the default) counts each
    target once; ``"ticket"`` counts each ticket once, breached when any of its covered
    targets is, met when one is met and none is breached, running or paused.

    >>> goal = ComplianceGoal(priorities=["top"], minimum=1.0)
    >>> goal.metrics, goal.per
    ((), 'target')
    >>> ComplianceGoal(priorities=["top"], minimum=1.0, per="request")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for ComplianceGoal
    ...
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    priorities: tuple[str, ...] = Field(min_length=1)
    """The priority ids whose targets are pooled, at least one, e.g. `["high", "medium"]`."""
    metrics: tuple[str, ...] = ()
    """The metrics pooled, e.g. `["resolution"]`; empty (the default): every metric."""
    minimum: float = Field(ge=0, le=1)
    """The least fraction met, from 0 to 1, e.g. `0.8` for at least 80 %."""
    per: Literal["target", "ticket"] = "target"
    """What counts once: each `"target"` (default) or each `"ticket"` (breached if any is)."""
    source: str = ""
    """Document and clause the goal comes from, e.g. `"InfraVision, section 3.2"`."""

    if TYPE_CHECKING:  # what a caller may pass (stored as tuples)

        def __init__(
            self,
            *,
            priorities: Sequence[str],
            metrics: Sequence[str] = (),
            minimum: float,
            per: Literal["target", "ticket"] = "target",
            source: str = "",
        ) -> None: ...


def exact_minimum(minimum: float) -> Fraction:
    """A goal's or target's ``minimum`` as the exact decimal fraction it was written as.

    ``Fraction(0.8)`` is a hair above 4/5 (the binary float), which would make exactly
    80 % fail a ``>= 80 %`` goal; the shortest decimal repr is what the contract says.

    >>> exact_minimum(0.8), exact_minimum(1.0), Fraction(0.8) > Fraction(4, 5)
    (Fraction(4, 5), Fraction(1, 1), True)
    """
    return Fraction(repr(float(minimum)))
