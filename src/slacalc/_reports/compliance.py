"""Compliance over a period (SPEC 5): how many targets were met, per priority and metric.

:func:`compliance` evaluates the tickets opened in ``[start, end)`` as of ``end`` and
counts, per priority and metric, the targets met and breached; targets still running,
paused, not started or without a target are counted apart and never enter a fraction.
Each of the contract's :class:`~slacalc.ComplianceGoal` pools the counts of its
priorities (and metrics), per target or per ticket (``per``), and holds when the fraction
met reaches its minimum, compared exactly (80 % met holds a ``>= 80 %`` goal).

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Event, Ticket, contracts
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> c = contracts.get("infravision/cloud")
>>> t = Ticket(id="INC-1", priority="high", opened_at=datetime(2026, 11, 2, 9, 0, tzinfo=ams),
...            events=[Event(at=datetime(2026, 11, 2, 10, 0, tzinfo=ams), kind="responded")])
>>> report = compliance(c, [t], datetime(2026, 11, 1, tzinfo=ams),
...                     datetime(2026, 12, 1, tzinfo=ams))
>>> cell = report.cells["high", "response"]
>>> cell.met, cell.breached, cell.fraction_met, cell.not_started
(1, 0, Fraction(1, 1), 0)
>>> report.cells["high", "resolution"].not_started
1
>>> [(g.goal.priorities, g.per, g.met, g.breached, g.held, g.not_started) for g in report.goals]
[(('top',), 'ticket', 0, 0, True, 0), (('high', 'medium', 'low'), 'ticket', 1, 0, True, 1)]
>>> report.met, report.tickets, report.errors
(True, 1, ())
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import Any

from pydantic import ValidationError

from slacalc._base.errors import InvalidIntervalError, SlacalcError
from slacalc._base.frozen import FrozenMap
from slacalc._clock.evaluate import evaluate_many
from slacalc._clock.report import Status, TargetReport, TicketFailure, TicketReport
from slacalc._clock.ticket import Ticket
from slacalc._contract.models import ComplianceGoal, exact_minimum
from slacalc._contract.terms import ContractTerms
from slacalc._engine.instants import in_range, require_aware, to_us

__all__ = [
    "COUNTERS",
    "ComplianceCell",
    "ComplianceReport",
    "GoalResult",
    "bucket",
    "compliance",
    "covered_cells",
    "fraction_met",
    "ticket_bucket",
]


def fraction_met(met: int, breached: int) -> Fraction | None:
    """``met / (met + breached)`` exactly; ``None`` when nothing was judged.

    >>> fraction_met(4, 1), fraction_met(0, 0)
    (Fraction(4, 5), None)
    """
    judged = met + breached
    return Fraction(met, judged) if judged else None


def _as_float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True)
class ComplianceCell:
    """The targets of one priority and metric in the period.

    ``met`` and ``breached`` are the judged targets; ``fraction_met`` is ``met / (met +
    breached)`` as an exact :class:`~fractions.Fraction`, or ``None`` when nothing was
    judged. ``running``, ``paused``, ``not_started`` and ``no_target`` are counted apart
    and never enter the fraction.

    >>> cell = ComplianceCell("high", "response", met=4, breached=1)
    >>> cell.fraction_met, cell.judged, cell.total
    (Fraction(4, 5), 5, 5)
    >>> ComplianceCell("top", "response").fraction_met is None
    True
    """

    priority: str
    metric: str
    met: int = 0
    breached: int = 0
    running: int = 0
    paused: int = 0
    not_started: int = 0
    no_target: int = 0

    @property
    def judged(self) -> int:
        """Targets met or breached: the ones the fraction counts."""
        return self.met + self.breached

    @property
    def total(self) -> int:
        """Every target of this priority and metric, judged or not."""
        return self.judged + self.running + self.paused + self.not_started + self.no_target

    @property
    def fraction_met(self) -> Fraction | None:
        """``met / (met + breached)``, or ``None`` when nothing was judged."""
        return fraction_met(self.met, self.breached)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (the fraction as a float, or ``None``)."""
        return {
            "priority": self.priority,
            "metric": self.metric,
            "met": self.met,
            "breached": self.breached,
            "fraction_met": _as_float(self.fraction_met),
            "running": self.running,
            "paused": self.paused,
            "not_started": self.not_started,
            "no_target": self.no_target,
        }


@dataclass(frozen=True, slots=True)
class GoalResult:
    """One :class:`~slacalc.ComplianceGoal` over the period: its pooled counts and verdict.

    ``met`` and ``breached`` count targets, or tickets for a goal with ``per="ticket"``
    (``per`` says which). ``fraction`` is ``met / (met + breached)`` (exact), ``None``
    when the goal pooled nothing judged; such a goal holds. ``not_started`` counts the
    covered targets whose clock never started (InfraVision: resolutions without a
    ``root_cause_identified`` event), so an auditor sees the tickets a goal could not
    judge; they enter neither count.

    >>> from fractions import Fraction
    >>> from slacalc import ComplianceGoal
    >>> goal = ComplianceGoal(priorities=["high"], minimum=0.8)
    >>> GoalResult(goal, met=4, breached=1, fraction=Fraction(4, 5), held=True).minimum
    Fraction(4, 5)
    """

    goal: ComplianceGoal
    met: int
    breached: int
    fraction: Fraction | None
    held: bool
    not_started: int = 0

    @property
    def minimum(self) -> Fraction:
        """The goal's minimum as an exact fraction."""
        return exact_minimum(self.goal.minimum)

    @property
    def per(self) -> str:
        """What the goal counts: ``"target"`` or ``"ticket"``."""
        return self.goal.per

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        return {
            "priorities": list(self.goal.priorities),
            "metrics": list(self.goal.metrics),
            "minimum": self.goal.minimum,
            "per": self.goal.per,
            "met": self.met,
            "breached": self.breached,
            "fraction": _as_float(self.fraction),
            "held": self.held,
            "not_started": self.not_started,
            "source": self.goal.source,
        }


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    """How a period went; built by :func:`compliance`.

    ``cells`` maps ``(priority, metric)`` to a :class:`ComplianceCell`: one for every
    priority and metric the contract has a target for (zero counts included), in the
    contract's priority order. ``goals`` holds one :class:`GoalResult` per goal of the
    contract; ``met`` says whether every goal held. ``tickets`` is the number of tickets
    evaluated, ``ignored`` the number opened outside ``[start, end)``, and ``errors`` the
    tickets that could not be evaluated (``index`` is the position in the input).
    """

    contract_id: str
    start: datetime
    end: datetime
    cells: FrozenMap[tuple[str, str], ComplianceCell]
    goals: tuple[GoalResult, ...]
    tickets: int
    ignored: int
    errors: tuple[TicketFailure, ...]

    @property
    def met(self) -> bool:
        """Whether every compliance goal held (``True`` for a contract without goals)."""
        return all(g.held for g in self.goals)

    def as_rows(self) -> list[dict[str, Any]]:
        """One flat dict per ``(priority, metric)`` cell, ready for a table or CSV."""
        return [cell.as_dict() for cell in self.cells.values()]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict of the whole report."""
        return {
            "contract": self.contract_id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "met": self.met,
            "tickets": self.tickets,
            "ignored": self.ignored,
            "cells": self.as_rows(),
            "goals": [g.as_dict() for g in self.goals],
            "errors": [
                {"index": f.index, "ticket_id": f.ticket_id, "error": f.message}
                for f in self.errors
            ],
        }


#: The counters of a compliance cell, one per :class:`~slacalc.Status` value, in order.
COUNTERS: tuple[str, ...] = tuple(status.value for status in Status)


def bucket(status: Status | str, ever_breached: bool) -> str:
    """The counter a target's outcome goes to: its status, or ``"breached"`` when any of
    its cycles breached.

    A breach in any cycle (``on_reopen="new_cycle"``) is a breach the customer suffered:
    it counts as breached even when the latest cycle met, runs or has not started.

    >>> bucket(Status.MET, False), bucket("met", True), bucket("running", False)
    ('met', 'breached', 'running')
    """
    if ever_breached:
        return Status.BREACHED.value
    return Status(status).value


def _bucket(report: TargetReport) -> str:
    return bucket(report.status, report.ever_breached)


def compliance(
    contract: ContractTerms,
    tickets: Iterable[Ticket | Mapping[str, Any]],
    start: datetime,
    end: datetime,
) -> ComplianceReport:
    """Evaluate the tickets opened in ``[start, end)`` as of ``end`` and judge the goals.

    ``tickets`` may be :class:`~slacalc.Ticket` objects or dicts (validated as tickets).
    A ticket opened before ``start`` or at or after ``end`` is ignored; a ticket that
    cannot be read or evaluated is listed in ``errors`` and the report goes on. Each
    ticket's target for a metric counts once, in the cell of the ticket's priority as of
    ``end``. ``start`` and ``end`` must be aware datetimes with ``start < end``.

    >>> from datetime import datetime, timezone
    >>> from slacalc import contracts
    >>> c = contracts.get("infravision/cloud")
    >>> compliance(c, [{"id": "X", "priority": "nope",
    ...                 "opened_at": "2026-11-02T09:00:00+01:00"}],
    ...            datetime(2026, 11, 1, tzinfo=timezone.utc),
    ...            datetime(2026, 12, 1, tzinfo=timezone.utc)).errors[0].ticket_id
    'X'
    >>> compliance(c, [], datetime(2026, 11, 1), datetime(2026, 12, 1))
    Traceback (most recent call last):
    ...
    slacalc.NaiveDatetimeError: start=2026-11-01T00:00:00 is a naive datetime: ...
    """
    start_us = in_range(require_aware(start, "start"), "start")
    end_us = in_range(require_aware(end, "end"), "end")
    if end_us <= start_us:
        raise InvalidIntervalError(
            f"compliance period end={end.isoformat()} is not after start={start.isoformat()}"
        )

    selected: list[Ticket] = []
    positions: list[int] = []  # input position of each selected ticket
    failures: list[TicketFailure] = []
    ignored = 0
    for index, item in enumerate(tickets):
        if isinstance(item, Ticket):
            ticket = item
        else:
            raw_id = item.get("id") if isinstance(item, Mapping) else None
            try:
                ticket = Ticket.model_validate(item)
            except (ValidationError, SlacalcError, ValueError, TypeError) as error:
                ticket_id = None if raw_id is None else str(raw_id)
                failures.append(TicketFailure(index, ticket_id, error.with_traceback(None)))
                continue
        opened_us = to_us(ticket.opened_at, "opened_at")
        if start_us <= opened_us < end_us:
            selected.append(ticket)
            positions.append(index)
        else:
            ignored += 1

    batch = evaluate_many(contract, selected, at=end)
    failures.extend(TicketFailure(positions[f.index], f.ticket_id, f.error) for f in batch.errors)
    failures.sort(key=lambda f: f.index)

    counts: dict[tuple[str, str], dict[str, int]] = {}
    for target in contract.targets:  # every (priority, metric) the contract promises
        counts.setdefault((contract.priority(target.priority).id, target.metric), {})
    order = {p.id: n for n, p in enumerate(contract.priorities)}
    for report in batch.reports:
        for metric, target_report in report.targets.items():
            cell = counts.setdefault((target_report.priority, metric), {})
            bucket = _bucket(target_report)
            cell[bucket] = cell.get(bucket, 0) + 1

    keys = sorted(counts, key=lambda k: order.get(k[0], len(order)))  # stable: metric order
    cells = FrozenMap(((p, m), ComplianceCell(p, m, **counts[p, m])) for p, m in keys)

    goals = tuple(_judge(contract, goal, cells, batch.reports) for goal in contract.compliance)
    return ComplianceReport(
        contract_id=contract.id,
        start=start,
        end=end,
        cells=cells,
        goals=goals,
        tickets=len(batch.reports),
        ignored=ignored,
        errors=tuple(failures),
    )


def covered_cells(
    contract: ContractTerms, goal: ComplianceGoal, keys: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The ``(priority, metric)`` cells among ``keys`` that ``goal`` pools, in order.

    >>> from slacalc import contracts
    >>> c = contracts.get("infravision/cloud")
    >>> covered_cells(c, c.compliance[0], [("top", "response"), ("high", "response")])
    [('top', 'response')]
    """
    priorities = {contract.priority(p).id for p in goal.priorities}
    metrics = set(goal.metrics)
    return [k for k in keys if k[0] in priorities and (not metrics or k[1] in metrics)]


def ticket_bucket(buckets: Iterable[str]) -> str | None:
    """How a ticket counts for a ``per="ticket"`` goal, from the counters of its covered
    targets (SPEC 5): ``"breached"`` if any is breached; ``"met"`` if one is met and none
    is running or paused; ``None`` (not counted) otherwise.

    >>> ticket_bucket(["met", "breached"]), ticket_bucket(["met", "not_started"])
    ('breached', 'met')
    >>> ticket_bucket(["met", "running"]) is None, ticket_bucket(["not_started"]) is None
    (True, True)
    """
    seen = set(buckets)
    if Status.BREACHED.value in seen:
        return Status.BREACHED.value
    if Status.RUNNING.value in seen or Status.PAUSED.value in seen:
        return None
    return Status.MET.value if Status.MET.value in seen else None


def _judge(
    contract: ContractTerms,
    goal: ComplianceGoal,
    cells: Mapping[tuple[str, str], ComplianceCell],
    reports: Iterable[TicketReport],
) -> GoalResult:
    covered = covered_cells(contract, goal, cells)
    not_started = sum(cells[key].not_started for key in covered)
    met = breached = 0
    if goal.per == "ticket":
        keys = set(covered)
        for report in reports:
            outcome = ticket_bucket(
                _bucket(r) for metric, r in report.targets.items() if (r.priority, metric) in keys
            )
            met += outcome == Status.MET.value
            breached += outcome == Status.BREACHED.value
    else:
        for key in covered:
            met += cells[key].met
            breached += cells[key].breached
    fraction = fraction_met(met, breached)
    held = fraction is None or fraction >= exact_minimum(goal.minimum)
    return GoalResult(goal, met, breached, fraction, held, not_started)
