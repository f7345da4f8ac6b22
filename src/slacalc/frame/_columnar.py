"""Columnar evaluation (SPEC 9): whole columns of simple tickets at once, numpy over the
compiled timelines; every other ticket goes to the scalar clock.

A ticket is *simple* when its events are those of the ticket columns (responded,
workaround, root cause, on-site request and arrival, resolved, closed; each kind at
most once) and pauses (``paused``/``resumed`` in strict alternation, paused first), at
distinct instants none before its opening, its opening is not after ``at``, its
priority is one of the contract's, and each of its targets is open time (a
``timedelta``) or none. Such a ticket has one clock cycle per metric on one calendar,
and SPEC 3's rules reduce to arithmetic on columns:

* the clock starts at the first ``starts_on`` event and stops at the first ``stops_on``
  event at or after it (the starting event itself when it is one of both); events after
  ``at`` are ignored;
* a pausable target's running span ``[start, stop or at)`` loses its pauses; the
  elapsed time, due and breach instants follow (``frame._pauses.clock_columns``; without
  a pause: ``between(start, end)``, ``add(start, target)``, ``next_open(due)``);
* stopped: MET iff ``elapsed <= target``; running: BREACHED iff ``at > breach_at``, else
  PAUSED when paused at ``at`` and the target is pausable, else RUNNING.

tests/test_columnar.py checks the results equal the scalar clock's, field by field, on
random tickets (pauses, reopens, priority changes and DST weeks among them: those go to
the scalar path and must come back the same).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from slacalc._calendar.calendar import timeline_of
from slacalc._clock.report import Status
from slacalc._contract.models import TERMINAL, Target
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
from slacalc.frame._pauses import NEVER, Pauses, clock_columns, pauses_of

if TYPE_CHECKING:
    from slacalc.frame._event_rows import Changes

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

#: The event kinds of the ticket columns: a ticket with only these (each once) and
#: pauses can go columnwise.
SIMPLE_KINDS = frozenset(
    {"responded", "workaround", "root_cause_identified", "on_site_requested", "on_site"}
    | {"resolved", "closed"}
)
_PAUSE_KINDS = ("paused", "resumed")


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
    next_change_at: datetime | None = None


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
    kinds: set[str] = set()
    pausing: list[int] = []  # the pause events' instants, paused first
    for event in row.events:
        at = (event.at - EPOCH) // ONE_US
        if at < opened or at in seen or at >= HORIZON_END:
            return None
        seen.add(at)
        if event.kind in _PAUSE_KINDS:
            pausing.append(at if event.kind == "paused" else -at - 1)
        elif event.kind not in SIMPLE_KINDS or event.kind in kinds:
            return None
        kinds.add(event.kind)
    if pausing and not _alternate(pausing):
        return None
    if row.data["kind"] not in contract.kinds:  # the clock's error says what to use
        return None
    try:
        pid = contract.priority(row.data["priority"]).id
    except LookupError:
        return None
    return pid if eligible_targets(contract, pid, row.data["kind"]) is not None else None


def _alternate(pausing: list[int]) -> bool:
    """Whether pause events (``t`` for paused, ``-t - 1`` for resumed) alternate in time
    order, paused first (else the scalar clock says what is wrong, or takes the first of
    two pauses in a row)."""
    ordered = sorted(pausing, key=lambda v: v if v >= 0 else -v - 1)
    return all((v >= 0) == (k % 2 == 0) for k, v in enumerate(ordered))


def _pairs(row: TicketRow[Any]) -> list[tuple[int, int | None]]:
    """A simple row's pauses as (paused, resumed or ``None``) pairs in time order."""
    instants = sorted((e.at - EPOCH) // ONE_US for e in row.events if e.kind in _PAUSE_KINDS)
    return [
        (instants[k], instants[k + 1] if k + 1 < len(instants) else None)
        for k in range(0, len(instants), 2)
    ]


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
                if when <= at_us and event.kind not in _PAUSE_KINDS:  # each kind once here
                    row = times.setdefault(event.kind, np.full((1, len(members)), NEVER, np.int64))
                    row[0, position] = when
        pauses = pauses_of([_pairs(rows[n]) for n in members], at_us)
        for target in eligible_targets(contract, pid, kind) or ():
            results = _target(contract, target, opened, times, pauses, at_us, zone)
            for position, n in enumerate(members):
                out[n].append(results[position])
    return out


@dataclass(frozen=True)
class TargetColumns:
    """One target's answers for a column of tickets: ``status`` (the Status values),
    ``due`` and ``breach`` (UTC microseconds; meaningful where ``timed``), ``elapsed``
    (microseconds), ``breached``, ``remaining`` (the target's microseconds minus
    ``elapsed``; meaningful where the target has an amount) and ``next_change`` (UTC
    microseconds, ``NEVER`` for none: ``_clock.cycles.next_change``)."""

    status: Any
    due: Any
    breach: Any
    timed: Any
    elapsed: Any
    breached: Any
    remaining: Any
    next_change: Any


def target_columns(
    contract: Contract,
    target: Target,
    opened: Any,
    times: dict[str, Any],
    pauses: Pauses,
    at_us: int,
    judged: tuple[Changes, Any, dict[str, int]] | None = None,
) -> TargetColumns:
    """SPEC 3 for one target over a column of simple tickets (see the module).

    ``judged`` holds the tickets' priority changes, first priorities and the metric's
    amount per priority when some changed (each to a priority whose targets follow the
    same rules: the target of the one in force when the clock stopped, or at ``at``,
    judges it, SPEC 3.6; ``target`` is the final priority's)."""
    import numpy as np

    start, stop, gaps = _cycle(target, opened, times)
    started = start < NEVER
    stopped = started & (stop < NEVER)
    end = np.where(stopped, stop, at_us)
    timeline = timeline_of(contract.clock_calendar(target))
    elapsed = np.zeros(len(opened), np.int64)
    due = np.zeros(len(opened), np.int64)
    breach = np.zeros(len(opened), np.int64)
    if not target.pausable:
        pauses = Pauses.none(len(opened))
    excluded = pauses.union(gaps)  # the clock stands still: paused, or resolved until reopened
    amount: Any = -1 if target.within is None else target.within // ONE_US  # type: ignore[operator]
    if judged is not None:
        import pandas as pd

        changes, initial, amounts = judged
        in_force = pd.Series(changes.in_force(initial, end), dtype=object)
        amount = in_force.map(amounts).to_numpy(dtype=np.int64)
    mine = excluded.take(np.flatnonzero(started))
    wanted = np.maximum(np.broadcast_to(amount, start.shape), 0)
    found = clock_columns(timeline, start[started], end[started], wanted[started], mine)
    elapsed[started] = found.elapsed
    if target.within is None:
        status = np.full(len(opened), Status.NO_TARGET.value, dtype=object)
        timed = np.zeros(len(opened), dtype=bool)
        never = np.full(len(opened), NEVER, np.int64)
        return TargetColumns(status, due, breach, timed, elapsed, timed.copy(), elapsed * 0, never)
    due[started] = found.due
    breach[started] = found.breach
    late = np.where(stopped, elapsed > wanted, at_us > breach)
    running = np.where(pauses.now, Status.PAUSED.value, Status.RUNNING.value)
    status = np.where(
        ~started,
        Status.NOT_STARTED.value,
        np.where(late, Status.BREACHED.value, np.where(stopped, Status.MET.value, running)),
    ).astype(object)
    remaining = wanted - elapsed
    # next_change (``_clock.cycles.next_change``): a running clock's breach_at, or its
    # earliest milestone after at, each milestone found as a due instant of its share.
    running = started & ~stopped & (status != Status.PAUSED.value)
    upcoming = np.where(status == Status.RUNNING.value, breach, NEVER)
    for fraction in target.milestones:
        share = np.rint(fraction * wanted).astype(np.int64)  # round(), as the clock does
        reached = np.full(len(opened), NEVER, np.int64)
        reached[started] = clock_columns(
            timeline, start[started], end[started], share[started], mine
        ).due
        upcoming = np.where(reached > at_us, np.minimum(upcoming, reached), upcoming)
    next_change = np.where(running, upcoming, NEVER)
    return TargetColumns(
        status, due, breach, started, elapsed, started & late, remaining, next_change
    )


def _first(times: dict[str, Any], kind: str, after: Any, strict: bool) -> Any:
    """Each ticket's first ``kind`` at or after (``strict``: after) ``after``."""
    import numpy as np

    found = times.get(kind)
    if found is None:
        return np.full(len(after), NEVER, np.int64)
    late = found > after if strict else found >= after
    return np.where(late, found, NEVER).min(axis=0)


def _stop(target: Target, times: dict[str, Any], after: Any, strict: bool) -> tuple[Any, Any]:
    """The first stop event at or after ``after``, and whether it is a terminal one."""
    import numpy as np

    stop = np.full(len(after), NEVER, np.int64)
    terminal = np.zeros(len(after), dtype=bool)
    for kind in target.stops_on:
        when = _first(times, kind, after, strict)
        earlier = when < stop
        stop = np.where(earlier, when, stop)
        terminal = np.where(earlier, kind in TERMINAL, terminal)
    return stop, terminal


def _cycle(target: Target, opened: Any, times: dict[str, Any]) -> tuple[Any, Any, Pauses]:
    """The clock's start and last stop (``NEVER``: none) per ticket, and the spans it
    stood stopped before a reopening (``on_reopen="continue"``, ``_clock.cycles``): a
    reopening after a terminal stop runs the clock again until the next stop event."""
    import numpy as np

    start = np.full(len(opened), NEVER, np.int64)
    for kind in target.starts_on:
        first = opened if kind == "opened" else _first(times, kind, start * 0, False)
        start = np.minimum(start, first)
    stop, terminal = _stop(target, times, start, False)
    starts: list[Any] = []
    ends: list[Any] = []
    while "reopened" in times:
        again = np.where(terminal & (stop < NEVER), _first(times, "reopened", stop, True), NEVER)
        if not (again < NEVER).any():
            break
        starts.append(np.where(again < NEVER, stop, NEVER))
        ends.append(again)
        later, later_terminal = _stop(target, times, again, True)
        stop = np.where(again < NEVER, later, stop)
        terminal = np.where(again < NEVER, later_terminal, terminal)
    gaps = Pauses.none(len(opened))
    if starts:
        gaps = Pauses(np.array(starts), np.array(ends), np.zeros(len(opened), dtype=bool))
    return start, stop, gaps


def _target(
    contract: Contract,
    target: Target,
    opened: Any,
    times: dict[str, Any],
    pauses: Pauses,
    at_us: int,
    zone: Any,
) -> list[Result]:
    found = target_columns(contract, target, opened, times, pauses, at_us)
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
                None if found.next_change[k] >= NEVER else from_us(int(found.next_change[k]), zone),
            )
        )
    return results
