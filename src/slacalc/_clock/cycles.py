"""Each metric's clock: cycles of running spans, open time counted, due and breach.

For each metric the events drive a small state machine (not started -> running ->
stopped -> reopened) that yields *cycles* of running spans (:func:`run_cycles`);
pauses are cut out as interval sets, the rest is split at priority changes
(:func:`split_pieces`), and each piece counts open time on its priority's calendar.

The *accrual* of a cycle is the open time counted from its start up to an instant,
extended past the last known instant (``at`` for a running or paused clock, the stop
for a stopped one) as if the clock ran on the current calendar. ``due_at`` is the
earliest instant at which accrual reaches the target (:func:`reach`), ``breach_at`` the
latest at which it has not yet passed it (:func:`last_holding`); the status follows
(:func:`cycle_report`, SPEC 3, rule 4).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from slacalc._calendar.convert import open_time
from slacalc._clock.facts import NO_PAUSES, Facts
from slacalc._clock.plan import Plan
from slacalc._clock.report import CycleReport, Status, TargetReport
from slacalc._contract.models import TERMINAL, Target
from slacalc._engine.instants import HORIZON_END, from_us, to_timedelta
from slacalc._engine.spans import SpanSet
from slacalc._engine.timeline import Timeline

__all__ = [
    "Cycle",
    "Metric",
    "Piece",
    "cycle_report",
    "last_holding",
    "priority_at",
    "reach",
    "run_cycles",
    "split_pieces",
    "target_report",
]

ZERO = timedelta(0)


@dataclass(slots=True)
class Cycle:
    start: int
    runs: list[list[int]]  # [start, end]; end -1 while running
    stop: int | None = None
    stopped_by: str | None = None


@dataclass(slots=True)  # not frozen: never escapes, and frozen init costs 4x (measured)
class Piece:
    start: int
    end: int
    timeline: Timeline | None  # None: the priority in force has no target for the metric
    open: int  # open time in [start, end) on that timeline


class Metric:
    """One metric's targets across the priorities a ticket had.

    Which events start and stop the clock, whether pauses count and which calendar
    counts open time are decided by the target of the priority in force at each instant
    (SPEC 3.6, ``keep_elapsed``); a priority without a target for the metric counts
    nothing and takes its start and stop events from the nearest priority that has one.
    """

    __slots__ = ("by_priority", "cut", "final", "metric", "reference", "timelines")

    def __init__(self, plan: Plan, facts: Facts, metric: str) -> None:
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
            self.cut = NO_PAUSES
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


def priority_at(facts: Facts, us: int) -> str:
    """The priority in force at ``us`` (the latest change at or before it)."""
    segments = facts.segments
    k = bisect_right(segments, us, key=_segment_start) - 1
    return segments[max(k, 0)][1]


def _segment_start(segment: tuple[int, str]) -> int:
    return segment[0]


def run_cycles(facts: Facts, metric: Metric, new_cycle: bool) -> list[Cycle]:
    """Run the state machine of one metric over the events.

    The start and stop events are those of the target in force at each event. When a
    priority change finds the clock not started while the new target's start event has
    already happened, the clock starts at the change. An event that both starts and
    stops the clock (a resolution that starts on the response's stop events, and a
    ticket resolved at first contact) gives a cycle of no time, stopped by that event.
    """
    cycles: list[Cycle] = []
    current: Cycle | None = None
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
                    current = Cycle(us, [[us, -1]])
            continue
        seen.add(kind)
        if current is None:
            if kind in rules.starts_on:
                current = Cycle(us, [[us, -1]])
                if kind in rules.stops_on:  # starts and stops at once: it took no time
                    current.runs[-1][1] = us
                    current.stop = us
                    current.stopped_by = kind
        elif current.stop is None:
            if kind in rules.stops_on:
                current.runs[-1][1] = us
                current.stop = us
                current.stopped_by = kind
        elif kind == "reopened" and current.stopped_by in TERMINAL:
            if new_cycle:
                cycles.append(current)
                current = Cycle(us, [[us, -1]])
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


def split_pieces(spans: Iterable[tuple[int, int]], facts: Facts, metric: Metric) -> list[Piece]:
    """Cut spans at priority changes; each piece counts on its priority's calendar."""
    out: list[Piece] = []
    segments = facts.segments
    timelines = metric.timelines
    if len(segments) == 1:
        only = timelines[segments[0][1]]
        if only is None:
            return [Piece(start, end, None, 0) for start, end in spans]
        return [Piece(start, end, only, only.between(start, end)) for start, end in spans]
    for start, end in spans:
        for k, (seg_start, pid) in enumerate(segments):
            seg_end = segments[k + 1][0] if k + 1 < len(segments) else end
            lo, hi = max(start, seg_start), min(end, seg_end)
            if lo < hi:
                timeline = timelines[pid]
                amount = timeline.between(lo, hi) if timeline is not None else 0
                out.append(Piece(lo, hi, timeline, amount))
    return out


def reach(
    amount: int, start: int, pieces: Sequence[Piece], projected_from: int, current: Timeline
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


def last_holding(due: int, pieces: Sequence[Piece], projected_from: int, current: Timeline) -> int:
    """The latest instant at which accrual has not passed its value at ``due``."""
    for p in pieces:
        if p.timeline is None or p.end <= due:
            continue
        nxt = p.timeline.next_open(max(p.start, due))
        if nxt < p.end:
            return nxt
    return current.next_open(max(projected_from, due))


def cycle_report(cycle: Cycle, facts: Facts, metric: Metric, plan: Plan, tz: tzinfo) -> CycleReport:
    runs = [(s, e) for s, e in cycle.runs]
    paused = NO_PAUSES
    if metric.cut:
        run_set = SpanSet(runs)
        paused = run_set & metric.cut
        if paused:
            runs = list(run_set - paused)
    pieces = split_pieces(runs, facts, metric)
    elapsed = sum(p.open for p in pieces)
    lost = sum(p.open for p in split_pieces(paused, facts, metric)) if paused else 0
    started = facts.local(cycle.start, tz)
    stopped = facts.local(cycle.stop, tz) if cycle.stop is not None else None
    # A cycle is judged against the target of the priority in force when it stopped
    # (or now, for a running one).
    judged_by = facts.final_priority if cycle.stop is None else priority_at(facts, cycle.stop)
    target_spec = metric.by_priority[judged_by]
    current = metric.timelines[judged_by]
    if target_spec is None or target_spec.within is None or current is None:
        return CycleReport(
            Status.NO_TARGET, started, stopped, None, None, None,
            to_timedelta(elapsed), to_timedelta(lost), None,
        )  # fmt: skip
    assert target_spec.within is not None  # NO_TARGET was reported above
    target = open_time(target_spec.within, cycle.start, current, plan.clock_zones[id(target_spec)])
    projected_from = cycle.stop if cycle.stop is not None else facts.at
    due = reach(target, cycle.start, pieces, projected_from, current)
    breach = last_holding(due, pieces, projected_from, current)
    if cycle.stop is not None:
        status = Status.MET if elapsed <= target else Status.BREACHED
    elif facts.at > breach:
        status = Status.BREACHED
    elif facts.paused_now and target_spec.pausable:
        status = Status.PAUSED
    else:
        status = Status.RUNNING
    milestones = tuple(
        (f, from_us(reach(round(f * target), cycle.start, pieces, projected_from, current), tz))
        for f in target_spec.milestones
    )
    return CycleReport(
        status, started, stopped, to_timedelta(target), from_us(due, tz), from_us(breach, tz),
        to_timedelta(elapsed), to_timedelta(lost), to_timedelta(target - elapsed), milestones,
    )  # fmt: skip


def target_report(plan: Plan, facts: Facts, metric: Metric) -> TargetReport:
    ref = metric.reference
    final = metric.final
    # Instants are reported in the zone of the calendar the clock runs on now.
    tz = plan.zones[(final or ref).calendar]
    cycles = run_cycles(facts, metric, plan.new_cycle)
    reports = tuple(cycle_report(c, facts, metric, plan, tz) for c in cycles)
    if not reports:
        no_target = final is None or final.within is None
        planned = (
            final.within if final is not None and isinstance(final.within, timedelta) else None
        )
        last = CycleReport(
            Status.NO_TARGET if no_target else Status.NOT_STARTED,
            None, None, planned, None, None, ZERO, ZERO, planned,
        )  # fmt: skip
    else:
        last = reports[-1]
    return TargetReport(
        metric.metric, facts.final_priority, last, reports,
        any(r.status is Status.BREACHED for r in reports), (final or ref).commitment,
        # ``at`` as a datetime only where a milestone is compared with it (the hot path)
        next_change(last, from_us(facts.at, tz) if last.milestones else None),
    )  # fmt: skip


def next_change(cycle: CycleReport, at: datetime | None) -> datetime | None:
    """With no further event, when ``cycle`` next changes as seen at ``at``: its earliest
    milestone after ``at`` or, while it runs, its ``breach_at``; ``None`` for a clock
    that stopped, stands paused, never started or has no target (nothing will change).
    ``at`` is needed only for a cycle with milestones (``None`` counts none of them).

    >>> from datetime import timezone
    >>> at = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
    >>> hour = timedelta(hours=1)
    >>> running = CycleReport(Status.RUNNING, at - hour, None, 4 * hour, at + 3 * hour,
    ...                       at + 3 * hour, hour, ZERO, 3 * hour, ((0.5, at + hour),))
    >>> next_change(running, at) == at + hour, next_change(running, at + 2 * hour) == at + 3 * hour
    (True, True)
    """
    if cycle.started_at is None or cycle.stopped_at is not None:
        return None
    if cycle.status in (Status.PAUSED, Status.NO_TARGET):
        return None  # a paused clock stands still until an event resumes it
    instants = [instant for _, instant in cycle.milestones if at is not None and instant > at]
    if cycle.status is Status.RUNNING and cycle.breach_at is not None:
        instants.append(cycle.breach_at)
    return min(instants, default=None)
