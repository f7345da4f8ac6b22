"""The clock: a ticket's events turned into a report per target (SPEC section 3).

Everything runs on integer microseconds and compiled timelines. For each metric the
events drive a small state machine (not started -> running -> stopped -> reopened) that
yields *cycles* of running spans; pauses are cut out as interval sets, the rest is
split at priority changes, and each piece counts open time on its priority's calendar.

The *accrual* of a cycle is the open time counted from its start up to an instant,
extended past the last known instant (``at`` for a running or paused clock, the stop
for a stopped one) as if the clock ran on the current calendar. ``due_at`` is the
earliest instant at which accrual reaches the target, ``breach_at`` the latest at
which it has not yet passed it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING, Any

from slacalc._contract import Contract, Target
from slacalc._durations import CalendarTime, WorkingDays
from slacalc._errors import SlacalcError, TicketError, UnknownPriorityError
from slacalc._frozen import instance_cache
from slacalc._instants import EPOCH, HORIZON_END, ONE_US, from_us, to_timedelta, to_us
from slacalc._report import (
    BatchReport,
    CycleReport,
    Status,
    TargetReport,
    TicketFailure,
    TicketReport,
)
from slacalc._spans import SpanSet
from slacalc._ticket import EVENT_KINDS, Event, Ticket

if TYPE_CHECKING:
    from datetime import tzinfo

    from slacalc._timeline import Timeline

_TERMINAL = frozenset(("resolved", "closed"))
_KNOWN = frozenset(EVENT_KINDS)
_NO_PAUSES = SpanSet()
_ZERO = timedelta(0)

# One event as the clock sees it: (instant, kind, new priority id for priority_changed).
_Step = tuple[int, str, str | None]


class _Plan:
    """What evaluating against one contract needs, looked up once per contract."""

    def __init__(self, contract: Contract) -> None:
        self.contract = contract
        self.kinds = contract.kinds
        self.labels: dict[str, str] = {p.id: p.id for p in contract.priorities}
        by_key: dict[tuple[str, str], dict[str, Target]] = {}
        for t in contract.targets:
            for kind in t.applies_to:
                by_key.setdefault((t.priority, kind), {})[t.metric] = t
        self.targets = by_key
        self.timelines: dict[int, Timeline] = {
            id(t): contract.clock_calendar(t)._timeline() for t in contract.targets
        }
        self.zones = {key: calendar.zone for key, calendar in contract.calendars.items()}
        first = next(iter(contract.calendars.values()), None)
        self.zone: tzinfo = first.zone if first is not None else timezone.utc
        self.restart = contract.clock.on_priority_change == "restart"
        self.new_cycle = contract.clock.on_reopen == "new_cycle"
        # Memo tables keyed by the priorities a ticket had (distinct, in order): tickets
        # share a few such sequences, and looking them up again beats rebuilding the
        # dicts per metric (with the per-metric pause cut in _Metric, ~3 us of a ~90 us
        # ticket of three targets; benchmarks/bench_evaluate.py). Bounded: past
        # _MEMO_LIMIT entries they are computed without being kept.
        self._metric_names: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        self._metric_rules: dict[tuple[str, str, tuple[str, ...], str], _Rules] = {}

    def priority_id(self, name: str, where: Callable[[], str]) -> str:
        """The canonical id of a priority name (memoised), or a ``TicketError`` whose
        message starts with ``where()`` (the ticket, and the event if any)."""
        found = self.labels.get(name)
        if found is None:
            try:
                found = self.contract.priority(name).id
            except UnknownPriorityError:
                raise TicketError(
                    f"{where()}: unknown priority {name!r}; use one of "
                    f"{', '.join(p.id for p in self.contract.priorities)} (or an alias)"
                ) from None
            self.labels[name] = found
        return found

    def target(self, pid: str, metric: str, kind: str) -> Target | None:
        return self.targets.get((pid, kind), {}).get(metric)

    def metrics(self, pid: str, kind: str) -> Iterable[str]:
        return self.targets.get((pid, kind), {})

    def metric_names(self, kind: str, priorities: tuple[str, ...]) -> tuple[str, ...]:
        """The metrics with a target for any of ``priorities``, in order (memoised)."""
        key = (kind, priorities)
        found = self._metric_names.get(key)
        if found is None:
            names: dict[str, None] = {}
            for pid in priorities:
                names.update(dict.fromkeys(self.metrics(pid, kind)))
            found = tuple(names)
            if len(self._metric_names) < _MEMO_LIMIT:
                self._metric_names[key] = found
        return found

    def rules(self, metric: str, kind: str, priorities: tuple[str, ...], final: str) -> _Rules:
        """A metric's targets and timelines per priority (memoised); see :class:`_Metric`."""
        key = (metric, kind, priorities, final)
        found = self._metric_rules.get(key)
        if found is None:
            by_priority = {pid: self.target(pid, metric, kind) for pid in priorities}
            final_target = by_priority[final]
            reference = final_target or next(t for t in by_priority.values() if t is not None)
            timelines = {
                pid: (self.timelines[id(t)] if t is not None else None)
                for pid, t in by_priority.items()
            }
            pausable = {pid: (t or reference).pausable for pid, t in by_priority.items()}
            found = _Rules(
                by_priority, final_target, reference, timelines, pausable,
                all(pausable.values()), not any(pausable.values()),
            )  # fmt: skip
            if len(self._metric_rules) < _MEMO_LIMIT:
                self._metric_rules[key] = found
        return found


_MEMO_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class _Rules:
    """What a metric's clock obeys, given the priorities a ticket had (never mutated)."""

    by_priority: dict[str, Target | None]  # per priority, in order of first appearance
    final: Target | None  # the target of the priority in force at ``at``
    reference: Target  # the final target, or the first one there is
    timelines: dict[str, Timeline | None]
    pausable: dict[str, bool]  # whether pauses stop the clock while a priority is in force
    always_pausable: bool
    never_pausable: bool


def _plan(contract: Contract) -> _Plan:
    return instance_cache(contract, "_slacalc_evaluation_plan", lambda: _Plan(contract))


@dataclass(slots=True)
class _Cycle:
    start: int
    runs: list[list[int]]  # [start, end]; end -1 while running
    stop: int | None = None
    stopped_by: str | None = None


@dataclass(slots=True)  # not frozen: never escapes, and frozen init costs 4x (measured)
class _Piece:
    start: int
    end: int
    timeline: Timeline | None  # None: the priority in force has no target for the metric
    open: int  # open time in [start, end) on that timeline


def _where(tid: str, index: int, event: Event) -> str:
    return f"ticket {tid}: event {index} ({event.kind!r} at {event.at.isoformat()})"


class _Facts:
    """A ticket's checked, ordered facts as of ``at``."""

    __slots__ = (
        "_locals", "at", "final_priority", "opened", "paused_now", "pauses", "priorities",
        "segments", "stream", "ticket",
    )  # fmt: skip

    def __init__(self, plan: _Plan, ticket: Ticket, at: int) -> None:
        self.ticket = ticket
        self.at = at
        tid = ticket.id
        opened = self.opened = to_us(ticket.opened_at, "opened_at")
        first_priority = plan.priority_id(ticket.priority, lambda: f"ticket {tid}")
        if ticket.kind not in plan.kinds:
            raise TicketError(
                f"ticket {tid}: no target of contract {plan.contract.id} applies to kind "
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

        stream: list[_Step] = [(opened, "opened", None)]
        segments: list[tuple[int, str]] = [(opened, first_priority)]
        pauses: list[tuple[int, int]] = []
        pause_start: int | None = None
        paused = False  # over all events: consistency is checked beyond `at` too
        for i in order:
            us, event = stamps[i], given[i]
            kind = event.kind
            if kind not in _KNOWN:
                raise TicketError(
                    f"{_where(tid, i, event)} has an unknown kind; use one of "
                    f"{', '.join(EVENT_KINDS)}"
                )
            if us < opened:
                raise TicketError(
                    f"{_where(tid, i, event)} lies before the ticket was opened at "
                    f"{ticket.opened_at.isoformat()}"
                )
            new_priority = None
            if kind == "priority_changed":
                if not event.priority:
                    raise TicketError(
                        f"{_where(tid, i, event)} names no priority: set Event.priority"
                    )
                new_priority = plan.priority_id(event.priority, partial(_where, tid, i, event))
            elif kind == "paused":
                paused = True
            elif kind == "resumed":
                if not paused:
                    raise TicketError(
                        f"{_where(tid, i, event)}: resumed while not paused; add the paused event"
                    )
                paused = False
            elif kind == "opened":
                if us != opened:
                    raise TicketError(
                        f"{_where(tid, i, event)}: an 'opened' event must equal opened_at "
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
        self.pauses = SpanSet(pauses) if pauses else _NO_PAUSES
        self._locals: dict[tuple[int, tzinfo], datetime] = {}

    def local(self, us: int, tz: tzinfo) -> datetime:
        """An instant as a datetime in ``tz`` (the metrics share their event instants)."""
        key = (us, tz)
        found = self._locals.get(key)
        if found is None:
            found = self._locals[key] = from_us(us, tz)
        return found


class _Metric:
    """One metric's targets across the priorities a ticket had.

    Which events start and stop the clock, whether pauses count and which calendar
    counts open time are decided by the target of the priority in force at each instant
    (SPEC 3.6, ``keep_elapsed``); a priority without a target for the metric counts
    nothing and takes its start and stop events from the nearest priority that has one.
    """

    __slots__ = ("by_priority", "cut", "final", "metric", "reference", "timelines")

    def __init__(self, plan: _Plan, facts: _Facts, metric: str) -> None:
        self.metric = metric
        rules = plan.rules(metric, facts.ticket.kind, facts.priorities, facts.final_priority)
        self.by_priority = rules.by_priority
        self.final = rules.final
        self.reference = rules.reference
        self.timelines = rules.timelines
        # The pauses that stop this metric's clock (whichever cycle they fall in): those
        # within the stretches where the priority in force has a pausable target.
        pauses = facts.pauses
        if not pauses or rules.never_pausable:
            self.cut = _NO_PAUSES
        elif rules.always_pausable and facts.at <= HORIZON_END:
            # Every pause lies in [opened, at]: intersecting with the one stretch
            # [opened, HORIZON_END) would change nothing, and building and intersecting
            # it cost ~2.5 us per metric (measured: 41x -> 37x one add per ticket).
            self.cut = pauses
        else:
            segments = facts.segments
            self.cut = pauses & SpanSet(
                (start, segments[k + 1][0] if k + 1 < len(segments) else HORIZON_END)
                for k, (start, pid) in enumerate(segments)
                if rules.pausable[pid]
            )

    def rules(self, pid: str) -> Target:
        """The target whose start and stop events apply while ``pid`` is in force."""
        return self.by_priority[pid] or self.reference


def _priority_at(facts: _Facts, us: int) -> str:
    """The priority in force at ``us`` (the latest change at or before it)."""
    segments = facts.segments
    k = bisect_right(segments, us, key=_segment_start) - 1
    return segments[max(k, 0)][1]


def _segment_start(segment: tuple[int, str]) -> int:
    return segment[0]


def _cycles(facts: _Facts, metric: _Metric, new_cycle: bool) -> list[_Cycle]:
    """Run the state machine of one metric over the events.

    The start and stop events are those of the target in force at each event. When a
    priority change finds the clock not started while the new target's start event has
    already happened, the clock starts at the change.
    """
    cycles: list[_Cycle] = []
    current: _Cycle | None = None
    if facts.opened > facts.at:
        return cycles
    keep = len(facts.segments) > 1
    rules = metric.rules(facts.segments[0][1])
    seen: set[str] = set()
    for us, kind, new_priority in facts.stream:
        if new_priority is not None:
            if keep:
                rules = metric.rules(new_priority)
                if current is None and seen.intersection(rules.starts_on):
                    current = _Cycle(us, [[us, -1]])
            continue
        seen.add(kind)
        if current is None:
            if kind in rules.starts_on:
                current = _Cycle(us, [[us, -1]])
        elif current.stop is None:
            if kind in rules.stops_on:
                current.runs[-1][1] = us
                current.stop = us
                current.stopped_by = kind
        elif kind == "reopened" and current.stopped_by in _TERMINAL:
            if new_cycle:
                cycles.append(current)
                current = _Cycle(us, [[us, -1]])
            else:
                current.runs.append([us, -1])
                current.stop = None
                current.stopped_by = None
    if current is not None:
        for run in current.runs:
            if run[1] < 0:
                run[1] = facts.at
        cycles.append(current)
    return cycles


def _pieces(spans: Iterable[tuple[int, int]], facts: _Facts, metric: _Metric) -> list[_Piece]:
    """Cut spans at priority changes; each piece counts on its priority's calendar."""
    out: list[_Piece] = []
    segments = facts.segments
    timelines = metric.timelines
    if len(segments) == 1:
        only = timelines[segments[0][1]]
        if only is None:
            return [_Piece(start, end, None, 0) for start, end in spans]
        return [_Piece(start, end, only, only.between(start, end)) for start, end in spans]
    for start, end in spans:
        for k, (seg_start, pid) in enumerate(segments):
            seg_end = segments[k + 1][0] if k + 1 < len(segments) else end
            lo, hi = max(start, seg_start), min(end, seg_end)
            if lo < hi:
                timeline = timelines[pid]
                amount = timeline.between(lo, hi) if timeline is not None else 0
                out.append(_Piece(lo, hi, timeline, amount))
    return out


def _reach(
    amount: int, start: int, pieces: Sequence[_Piece], projected_from: int, current: Timeline
) -> int:
    """The earliest instant at which the cycle's accrual reaches ``amount``."""
    if amount <= 0:
        return start  # nothing needs to pass: reached when the clock started
    acc = 0
    for p in pieces:
        if p.timeline is None:
            continue
        if acc + p.open >= amount:
            return p.timeline.add(p.start, amount - acc)
        acc += p.open
    return current.add(projected_from, amount - acc)


def _last_holding(
    due: int, pieces: Sequence[_Piece], projected_from: int, current: Timeline
) -> int:
    """The latest instant at which accrual has not passed its value at ``due``."""
    for p in pieces:
        if p.timeline is None or p.end <= due:
            continue
        nxt = p.timeline.next_open(max(p.start, due))
        if nxt < p.end:
            return nxt
    return current.next_open(max(projected_from, due))


def _convert(target: Target, start: int, timeline: Timeline, contract: Contract) -> int:
    """SPEC 3.3: a target's ``within`` as open time on its calendar, from ``start``."""
    within = target.within
    if isinstance(within, timedelta):
        return (within.days * 86_400 + within.seconds) * 1_000_000 + within.microseconds
    if isinstance(within, WorkingDays):
        return timeline.between(start, timeline.add_working_days(start, within.days))
    if isinstance(within, CalendarTime):
        calendar = contract.clock_calendar(target)
        return calendar._calendar_time(start, within, +1) - start
    raise AssertionError(within)  # pragma: no cover - NO_TARGET is handled before


def _cycle_report(
    cycle: _Cycle, facts: _Facts, metric: _Metric, contract: Contract, tz: tzinfo
) -> CycleReport:
    runs = [(s, e) for s, e in cycle.runs]
    paused = _NO_PAUSES
    if metric.cut:
        run_set = SpanSet(runs)
        paused = run_set & metric.cut
        if paused:
            runs = list(run_set - paused)
    pieces = _pieces(runs, facts, metric)
    elapsed = sum(p.open for p in pieces)
    lost = sum(p.open for p in _pieces(paused, facts, metric)) if paused else 0
    started = facts.local(cycle.start, tz)
    stopped = facts.local(cycle.stop, tz) if cycle.stop is not None else None
    # A cycle is judged against the target of the priority in force when it stopped
    # (or now, for a running one).
    judged_by = facts.final_priority if cycle.stop is None else _priority_at(facts, cycle.stop)
    target_spec = metric.by_priority[judged_by]
    current = metric.timelines[judged_by]
    if target_spec is None or target_spec.within is None or current is None:
        return CycleReport(
            Status.NO_TARGET, started, stopped, None, None, None,
            to_timedelta(elapsed), to_timedelta(lost), None,
        )  # fmt: skip
    target = _convert(target_spec, cycle.start, current, contract)
    projected_from = cycle.stop if cycle.stop is not None else facts.at
    due = _reach(target, cycle.start, pieces, projected_from, current)
    breach = _last_holding(due, pieces, projected_from, current)
    if cycle.stop is not None:
        status = Status.MET if elapsed <= target else Status.BREACHED
    elif facts.at > breach:
        status = Status.BREACHED
    elif facts.paused_now and target_spec.pausable:
        status = Status.PAUSED
    else:
        status = Status.RUNNING
    milestones = tuple(
        (f, from_us(_reach(round(f * target), cycle.start, pieces, projected_from, current), tz))
        for f in target_spec.milestones
    )
    return CycleReport(
        status, started, stopped, to_timedelta(target), from_us(due, tz), from_us(breach, tz),
        to_timedelta(elapsed), to_timedelta(lost), to_timedelta(target - elapsed), milestones,
    )  # fmt: skip


def _target_report(plan: _Plan, facts: _Facts, metric: _Metric) -> TargetReport:
    ref = metric.reference
    final = metric.final
    # Instants are reported in the zone of the calendar the clock runs on now.
    tz = plan.zones[(final or ref).calendar]
    cycles = _cycles(facts, metric, plan.new_cycle)
    reports = tuple(_cycle_report(c, facts, metric, plan.contract, tz) for c in cycles)
    if not reports:
        no_target = final is None or final.within is None
        planned = (
            final.within if final is not None and isinstance(final.within, timedelta) else None
        )
        last = CycleReport(
            Status.NO_TARGET if no_target else Status.NOT_STARTED,
            None, None, planned, None, None, _ZERO, _ZERO, planned,
        )  # fmt: skip
    else:
        last = reports[-1]
    return TargetReport(
        metric.metric, facts.final_priority, last, reports,
        any(r.status is Status.BREACHED for r in reports), (final or ref).commitment,
    )  # fmt: skip


def _evaluate(plan: _Plan, ticket: Ticket, at_us: int, at: datetime) -> TicketReport:
    facts = _Facts(plan, ticket, at_us)
    kind = ticket.kind
    targets = {
        m: _target_report(plan, facts, _Metric(plan, facts, m))
        for m in plan.metric_names(kind, facts.priorities)
    }
    return TicketReport(ticket.id, facts.final_priority, kind, at, targets)


def _now_or(at: datetime | None, zone: tzinfo) -> tuple[int, datetime]:
    if at is None:
        at = datetime.now(timezone.utc)
    at_us = to_us(at, "at")
    return at_us, from_us(at_us, zone)


def evaluate_ticket(contract: Contract, ticket: Ticket, at: datetime | None = None) -> TicketReport:
    """Evaluate one ticket against a contract as of ``at`` (default: now)."""
    plan = _plan(contract)
    at_us, at_local = _now_or(at, plan.zone)
    return _evaluate(plan, ticket, at_us, at_local)


def evaluate_many(
    contract: Contract, tickets: Iterable[Ticket | dict[str, Any]], at: datetime | None = None
) -> BatchReport:
    """Evaluate tickets one by one; a bad ticket becomes a failure, never a stop.

    Items may be ``Ticket`` objects or dicts (validated as tickets). ``at`` defaults to
    one "now" shared by the whole batch.
    """
    plan = _plan(contract)
    at_us, at_local = _now_or(at, plan.zone)
    reports: list[TicketReport] = []
    errors: list[TicketFailure] = []
    outcomes: list[TicketReport | TicketFailure] = []
    for index, item in enumerate(tickets):
        ticket_id = item.id if isinstance(item, Ticket) else _guess_id(item)
        try:
            ticket = item if isinstance(item, Ticket) else Ticket.model_validate(item)
            report = _evaluate(plan, ticket, at_us, at_local)
        except (SlacalcError, ValueError, LookupError, TypeError) as error:
            # Drop the traceback: it would keep this frame (and the caller's batch) alive.
            failure = TicketFailure(index, ticket_id, error.with_traceback(None))
            errors.append(failure)
            outcomes.append(failure)
        else:
            reports.append(report)
            outcomes.append(report)
    return BatchReport(tuple(reports), tuple(errors), tuple(outcomes))


def _guess_id(item: object) -> str | None:
    if isinstance(item, dict):
        value = item.get("id")
        return str(value) if value is not None else None
    return None
