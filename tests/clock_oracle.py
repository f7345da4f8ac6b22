"""A slow, obviously correct model of SPEC section 3's ticket clock, for property tests.

Like :mod:`oracle` (which it uses for the calendars' open minutes) it knows nothing of
slacalc. Time is whole minutes: an instant is an ``int`` of UTC minutes since the epoch,
and a duration an ``int`` of minutes. The clock is simulated one minute at a time:

* events apply in time order, equal times in their given order; the state during
  minute ``m`` is the state after every event at or before ``m`` (events after ``at``
  are ignored);
* a metric's clock starts at its first ``starts_on`` event, stops at its first
  ``stops_on`` event after that (the starting event itself, when it is one of both),
  and a ``reopened`` makes a clock that ``resolved`` or ``closed`` stopped run again,
  keeping what it counted (``on_reopen="continue"``);
* ``paused`` ... ``resumed`` holds the clock while the target of the priority in force
  is pausable (a ``paused`` while paused changes nothing); ``priority_changed`` switches
  the priority in force (``on_priority_change="keep_elapsed"``): its target decides the
  calendar and whether a pause holds the clock from then on;
* minute ``m`` *runs* iff the clock has started and not stopped, is not held by a pause,
  and the calendar of the priority in force at ``m`` is open at ``m``.

``elapsed`` counts the running minutes before ``at``; ``paused`` the minutes that would
have run but for a pause. A clock is judged against the target of the *judging* priority:
the one in force at ``at`` for a running clock, and (docs/evaluation.md's reading of SPEC
3 rule 6, where the SPEC is silent) the one in force when it stopped for a stopped clock.
The *accrual* ``acc(t)`` is the number of counting minutes in ``[start, t)``, where a
minute before ``x`` counts iff it runs and a minute from ``x`` on counts iff the judging
priority's calendar is open at it; ``x`` is the stop of a stopped clock and ``at``
otherwise (SPEC 3 rule 4's projection; a paused clock is projected as if it resumed at
``at``). Then ``due_at`` is the first minute boundary with ``acc(t) >= target`` (the
start itself for a zero target) and ``breach_at`` is the latest instant at which ``acc``
has not passed the target: the first counting minute from ``due_at`` on (``acc`` grows
by one during each counting minute, so just after it the target is passed). Status per
SPEC 3 rule 4: a stopped clock is MET iff ``elapsed <= target``; a running one BREACHED
iff ``at > breach_at``, else PAUSED when a pause is open at ``at`` and the judging target
is pausable, else RUNNING.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from oracle import OutOfRangeError, Spec, open_minutes

TERMINAL = ("resolved", "closed")

# SPEC section 3, default start and stop events per metric.
STARTS_ON: dict[str, tuple[str, ...]] = {
    "response": ("opened",),
    "workaround": ("opened",),
    "resolution": ("opened",),
    "restore": ("opened",),
    "bug_fix": ("opened",),
    "on_site": ("on_site_requested",),
}
STOPS_ON: dict[str, tuple[str, ...]] = {
    "response": ("responded", "workaround", "resolved", "closed"),
    "workaround": ("workaround", "resolved", "closed"),
    "resolution": ("resolved", "closed"),
    "restore": ("resolved", "closed"),
    "bug_fix": ("resolved", "closed"),
    "on_site": ("on_site", "resolved", "closed"),
}

MET = "met"
BREACHED = "breached"
RUNNING = "running"
PAUSED = "paused"
NOT_STARTED = "not_started"


@dataclass(frozen=True)
class ClockTarget:
    """A target as open minutes on a calendar spec, and whether pauses hold it."""

    within: int
    calendar: Spec
    pausable: bool = False


@dataclass(frozen=True)
class ClockContract:
    """Targets by (priority, metric) and the range ``[lo, hi)`` of minutes the oracle
    may look at."""

    targets: Mapping[tuple[str, str], ClockTarget]
    lo: int
    hi: int
    starts_on: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # per metric

    def is_open(self, spec: Spec, minute: int) -> bool:
        if not self.lo <= minute < self.hi:
            raise OutOfRangeError(minute)
        return minute in open_minutes(spec, self.lo, self.hi)


@dataclass(frozen=True)
class ClockTicket:
    """A ticket: its priority at opening, opening minute and events ``(minute, kind,
    priority)`` in their given order (``priority`` only for ``priority_changed``)."""

    priority: str
    opened: int
    events: Sequence[tuple[int, str, str | None]]


@dataclass(frozen=True)
class Expected:
    """What SPEC 3 says a target's report holds, in minutes."""

    status: str
    target: int
    elapsed: int
    paused: int
    remaining: int
    due_at: int | None
    breach_at: int | None
    started_at: int | None
    stopped_at: int | None


def evaluate(contract: ClockContract, ticket: ClockTicket, metric: str, at: int) -> Expected:
    """One metric's report for a ticket as of ``at``, by walking the minutes."""
    starts_on = contract.starts_on.get(metric, STARTS_ON[metric])
    stops_on = STOPS_ON[metric]

    # Events in time order (sorted() is stable: equal times keep their order), as of at.
    happened = sorted((e for e in ticket.events if e[0] <= at), key=lambda e: e[0])
    stream = [(ticket.opened, "opened", None), *happened] if ticket.opened <= at else []
    state = "idle"  # -> "running" -> "stopped" (-> "running" on a reopen)
    stopped_by: str | None = None
    start: int | None = None
    stop: int | None = None
    paused = False
    priority = ticket.priority
    runs: dict[int, bool] = {}  # minute -> whether the clock ran in it
    in_force: dict[int, str] = {}  # minute -> the priority in force (after its events)
    elapsed = lost = 0
    index = 0
    for minute in range(ticket.opened, at + 1):
        while index < len(stream) and stream[index][0] == minute:
            _, kind, new_priority = stream[index]
            index += 1
            if kind == "paused":
                paused = True
            elif kind == "resumed":
                paused = False
            elif kind == "priority_changed":
                assert new_priority is not None
                priority = new_priority
            if state == "idle" and kind in starts_on:
                state, start = "running", minute
                if kind in stops_on:  # the same event starts and stops it: no time
                    state, stop, stopped_by = "stopped", minute, kind
            elif state == "running" and kind in stops_on:
                state, stop, stopped_by = "stopped", minute, kind
            elif state == "stopped" and kind == "reopened" and stopped_by in TERMINAL:
                state, stop, stopped_by = "running", None, None
        in_force[minute] = priority
        if minute == at:
            break
        rules = contract.targets[(priority, metric)]
        is_open = contract.is_open(rules.calendar, minute)
        held = state == "running" and rules.pausable and paused
        runs[minute] = state == "running" and not held and is_open
        elapsed += runs[minute]
        lost += held and is_open
    assert index == len(stream)

    if state == "idle":
        within = contract.targets[(priority, metric)].within
        return Expected(NOT_STARTED, within, 0, 0, within, None, None, None, None)
    assert start is not None

    x = stop if state == "stopped" else at
    assert x is not None
    judge = contract.targets[(in_force[x], metric)]
    target = judge.within

    def counts(minute: int) -> bool:
        if minute < x:
            return runs[minute]
        return contract.is_open(judge.calendar, minute)

    acc = 0
    due = start  # a zero target is reached at the start: nothing needs to pass
    while acc < target:
        acc += counts(due)
        due += 1
    breach = due
    while not counts(breach):
        breach += 1

    if state == "stopped":
        status = MET if elapsed <= target else BREACHED
    elif at > breach:
        status = BREACHED
    elif paused and judge.pausable:
        status = PAUSED
    else:
        status = RUNNING
    return Expected(
        status=status,
        target=target,
        elapsed=elapsed,
        paused=lost,
        remaining=target - elapsed,
        due_at=due,
        breach_at=breach,
        started_at=start,
        stopped_at=stop if state == "stopped" else None,
    )
