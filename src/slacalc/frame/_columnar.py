"""Columnar evaluation (SPEC 9): whole columns of simple tickets at once, numpy over the
compiled timelines; every other ticket goes to the scalar clock.

A ticket is *simple* when its events are only those of the ticket columns (responded,
workaround, root cause, on-site request and arrival, resolved, closed), at distinct
instants none before its opening, its opening is not after ``at``, its priority is one
of the contract's, and each of its targets is open time (a ``timedelta``) or none. Such a
ticket has one clock cycle per metric with no pause and one calendar, and SPEC 3's rules
reduce to arithmetic on columns:

* the clock starts at the first ``starts_on`` event and stops at the first ``stops_on``
  event at or after it (the starting event itself when it is one of both); events after
  ``at`` are ignored;
* ``elapsed = between(start, stop or at)``; ``due_at = add(start, target)`` (the start
  itself for a zero target); ``breach_at = next_open(due_at)``;
* stopped: MET iff ``elapsed <= target``; running: BREACHED iff ``at > breach_at``.

tests/test_columnar.py checks the results equal the scalar clock's, field by field, on
random tickets (pauses, reopens, priority changes and DST weeks among them: those go to
the scalar path and must come back the same).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slacalc._arrays.ops import add_us, between_us, next_open_us
from slacalc._calendar.calendar import timeline_of
from slacalc._clock.report import Status
from slacalc._contract.models import Target
from slacalc._engine.instants import (
    EPOCH,
    HORIZON_END,
    HORIZON_START,
    ONE_US,
    from_us,
    to_timedelta,
)
from slacalc._facade import Contract
from slacalc._io.rows import TicketRow

__all__ = [
    "NEVER",
    "SIMPLE_KINDS",
    "Result",
    "TargetColumns",
    "eligible_targets",
    "evaluate_simple",
    "is_simple",
    "target_columns",
]

#: The event kinds of the ticket columns: a ticket with only these can go columnwise.
SIMPLE_KINDS = frozenset(
    {"responded", "workaround", "root_cause_identified", "on_site_requested", "on_site"}
    | {"resolved", "closed"}
)
NEVER = 2**62  # an instant later than any: "this event did not happen"
_NEVER = NEVER


@dataclass(frozen=True, slots=True)
class Result:
    """One ticket's result for one target (the columns of ``frame.evaluate``)."""

    metric: str
    priority: str
    status: str
    due_at: datetime | None
    breach_at: datetime | None
    elapsed: timedelta
    ever_breached: bool


def eligible_targets(contract: Contract, priority: str, kind: str) -> tuple[Target, ...] | None:
    """The targets of a priority and kind, or ``None`` when one is not plain open time."""
    targets = contract.targets_for(priority, kind)
    if all(t.within is None or type(t.within) is timedelta for t in targets):
        return targets
    return None


def is_simple(contract: Contract, row: TicketRow[Any], at_us: int) -> str | None:
    """The ticket's priority id when the row can be evaluated columnwise, else ``None``."""
    if row.error is not None or (row.contract is not None and row.contract != contract.id):
        return None
    opened = (row.data["opened_at"] - EPOCH) // ONE_US
    if opened > at_us or not HORIZON_START <= opened < HORIZON_END:
        return None  # the clock's own checks and messages
    seen: set[int] = set()
    for event in row.events:
        at = (event.at - EPOCH) // ONE_US
        if event.kind not in SIMPLE_KINDS or at < opened or at in seen or at >= HORIZON_END:
            return None
        seen.add(at)
    if row.data["kind"] not in contract.kinds:  # the clock's error says what to use
        return None
    try:
        pid = contract.priority(row.data["priority"]).id
    except LookupError:
        return None
    return pid if eligible_targets(contract, pid, row.data["kind"]) is not None else None


def evaluate_simple(
    contract: Contract, rows: Sequence[TicketRow[Any]], priorities: Sequence[str], at: datetime
) -> list[list[Result]]:
    """The results of simple rows (:func:`is_simple`), per row, in the contract's order
    of targets, as the scalar clock gives them."""
    import numpy as np

    at_us = (at - EPOCH) // ONE_US
    out: list[list[Result]] = [[] for _ in rows]
    groups: dict[tuple[str, str], list[int]] = {}
    for n, (row, pid) in enumerate(zip(rows, priorities, strict=True)):
        groups.setdefault((pid, row.data["kind"]), []).append(n)
    zone = contract.zone
    for (pid, kind), members in groups.items():
        opened = np.array(
            [(rows[n].data["opened_at"] - EPOCH) // ONE_US for n in members], dtype=np.int64
        )
        times: dict[str, Any] = {}
        for position, n in enumerate(members):
            for event in rows[n].events:
                when = (event.at - EPOCH) // ONE_US
                if when <= at_us:
                    column = times.setdefault(event.kind, np.full(len(members), _NEVER, np.int64))
                    column[position] = min(int(column[position]), when)
        for target in eligible_targets(contract, pid, kind) or ():
            results = _target(contract, target, opened, times, at_us, zone)
            for position, n in enumerate(members):
                out[n].append(results[position])
    return out


@dataclass(frozen=True)
class TargetColumns:
    """One target's answers for a column of tickets: ``status`` (the Status values),
    ``due`` and ``breach`` (UTC microseconds; meaningful where ``timed``), ``elapsed``
    (microseconds) and ``breached``."""

    status: Any
    due: Any
    breach: Any
    timed: Any
    elapsed: Any
    breached: Any


def target_columns(
    contract: Contract, target: Target, opened: Any, times: dict[str, Any], at_us: int
) -> TargetColumns:
    """SPEC 3 for one target over a column of simple tickets (see the module)."""
    import numpy as np

    never = np.full(len(opened), _NEVER, np.int64)
    start = never.copy()
    for kind in target.starts_on:
        start = np.minimum(start, opened if kind == "opened" else times.get(kind, never))
    stop = never.copy()
    for kind in target.stops_on:
        when = times.get(kind, never)
        stop = np.minimum(stop, np.where(when >= start, when, _NEVER))
    started = start < _NEVER
    stopped = started & (stop < _NEVER)
    end = np.where(stopped, stop, at_us)
    timeline = timeline_of(contract.clock_calendar(target))
    elapsed = np.zeros(len(opened), np.int64)
    elapsed[started] = between_us(timeline, start[started], end[started])
    due = np.zeros(len(opened), np.int64)
    breach = np.zeros(len(opened), np.int64)
    if target.within is None:
        status = np.full(len(opened), Status.NO_TARGET.value, dtype=object)
        timed = np.zeros(len(opened), dtype=bool)
        return TargetColumns(status, due, breach, timed, elapsed, timed.copy())
    amount = target.within // ONE_US  # type: ignore[operator]  # a timedelta: checked
    due[started] = add_us(timeline, start[started], np.full(int(started.sum()), amount, np.int64))
    breach[started] = next_open_us(timeline, due[started])
    late = np.where(stopped, elapsed > amount, at_us > breach)
    status = np.where(
        ~started,
        Status.NOT_STARTED.value,
        np.where(
            late, Status.BREACHED.value, np.where(stopped, Status.MET.value, Status.RUNNING.value)
        ),
    ).astype(object)
    return TargetColumns(status, due, breach, started, elapsed, started & late)


def _target(
    contract: Contract, target: Target, opened: Any, times: dict[str, Any], at_us: int, zone: Any
) -> list[Result]:
    found = target_columns(contract, target, opened, times, at_us)
    metric, pid = target.metric, target.priority
    results: list[Result] = []
    for k in range(len(opened)):
        timed = bool(found.timed[k])
        results.append(
            Result(
                metric,
                pid,
                str(found.status[k]),
                from_us(int(found.due[k]), zone) if timed else None,
                from_us(int(found.breach[k]), zone) if timed else None,
                to_timedelta(int(found.elapsed[k])),
                bool(found.breached[k]),
            )
        )
    return results
