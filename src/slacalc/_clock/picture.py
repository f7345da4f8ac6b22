"""``TicketReport.to_svg``: a ticket's clock as an SVG picture.

From the top: the time axis (the contract's zone), the ticket's events up to ``at``, its
pauses, then a row per target: the open hours of the calendar its clock runs on (per
priority in force), under them a dark bar where the clock counted, and the due instant,
the breach instant (when it differs), and the milestones as labelled lines. A dashed line
across the picture marks ``at``.

A report built by ``evaluate`` carries its contract and ticket (``TicketReport.evaluated``)
and the picture recomputes the events, pauses and calendars from them. A report built by
hand has neither: its picture shows the targets' instants only, and says so.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Event, Ticket, contracts
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> def at(hour):
...     return datetime(2026, 11, 23, hour, tzinfo=ams)
>>> ticket = Ticket(id="IM-2", priority="level-1", opened_at=at(10),
...                 events=[Event(at=at(11), kind="paused"), Event(at=at(12), kind="resumed")])
>>> report = contracts.get("intramed/online").evaluate(ticket, at=at(13))
>>> svg = ticket_svg(report)
>>> "due Mon 23 Nov 15:00" in svg, svg.count('class="paused"')
(True, 1)
"""

from __future__ import annotations

from slacalc._base.svg import hours, short
from slacalc._calendar.canvas import HOUR, Canvas, Mark
from slacalc._clock.facts import Facts
from slacalc._clock.plan import Plan, plan_for
from slacalc._clock.report import CycleReport, Evaluated, TargetReport, TicketReport
from slacalc._engine.instants import duration_us, to_us
from slacalc._engine.spans import Span, SpanSet

__all__ = ["ticket_svg"]

CLOCK_BAR = 6.0  # the height of the bar where a clock counted, at the bottom of its row


class _Known:
    """What the picture knows of a ticket beyond its report (with ``evaluated``)."""

    def __init__(self, report: TicketReport, evaluated: Evaluated) -> None:
        self.plan: Plan = plan_for(evaluated.contract)
        self.facts = Facts(self.plan, evaluated.ticket, to_us(report.at, "at"))
        self.kind = report.kind

    def segments(self, end: int) -> list[tuple[int, int, str]]:
        """``(start, end, priority)`` of each priority in force, the last one up to ``end``."""
        steps = self.facts.segments
        bounds = [s for s, _ in steps[1:]] + [max(end, self.facts.at)]
        return [(s, e, pid) for (s, pid), e in zip(steps, bounds, strict=True)]

    def open_spans(self, metric: str, start: int, end: int) -> list[Span]:
        """The open hours of the metric's calendar under each priority in force."""
        found: list[Span] = []
        for index, (a, b, pid) in enumerate(self.segments(end)):
            target = self.plan.target(pid, metric, self.kind)
            lo = start if index == 0 else a
            if target is not None and b > lo:
                found.extend(self.plan.timelines[id(target)].spans(lo, min(b, end)))
        return list(SpanSet(found))

    def counted(self, metric: str, cycle: CycleReport) -> list[Span]:
        """Where the cycle's clock counted: open, not paused (when pausable), started."""
        if cycle.started_at is None:
            return []
        start = to_us(cycle.started_at, "started_at")
        stop = to_us(cycle.stopped_at, "stopped_at") if cycle.stopped_at else self.facts.at
        found: list[Span] = []
        for a, b, pid in self.segments(self.facts.at):
            target = self.plan.target(pid, metric, self.kind)
            lo, hi = max(a, start), min(b, stop)
            if target is None or hi <= lo:
                continue
            spans = SpanSet(self.plan.timelines[id(target)].spans(lo, hi))
            found.extend(spans - self.facts.pauses if target.pausable else spans)
        return list(found)

    def event_marks(self) -> list[Mark]:
        """The ticket's events up to ``at``, labelled by kind."""
        marks = []
        for us, kind, priority in self.facts.stream:
            text = f"priority → {priority}" if kind == "priority_changed" else kind
            marks.append(Mark(us, text, "event"))
        return marks


def _instants(report: TicketReport, known: _Known | None) -> list[int]:
    found = [to_us(report.at, "at")]
    if known is not None:
        found.extend(us for us, _, _ in known.facts.stream)
    for target in report.targets.values():
        for cycle in target.cycles or (target.current,):
            times = [cycle.started_at, cycle.stopped_at, cycle.due_at, cycle.breach_at]
            times.extend(t for _, t in cycle.milestones)
            found.extend(to_us(t, "instant") for t in times if t is not None)
    return found


def _target_marks(target: TargetReport) -> list[Mark]:
    """Due, breach and milestone instants of every cycle of a target."""
    cycles = target.cycles or (target.current,)
    marks: list[Mark] = []
    for number, cycle in enumerate(cycles, 1):
        prefix = f"cycle {number}: " if len(cycles) > 1 else ""
        for fraction, instant in cycle.milestones:
            marks.append(Mark(to_us(instant, "m"), f"{prefix}{fraction:.0%} {short(instant)}",
                              "milestone"))  # fmt: skip
        if cycle.due_at is not None:
            marks.append(Mark(to_us(cycle.due_at, "due_at"), f"{prefix}due {short(cycle.due_at)}",
                              "due"))  # fmt: skip
        breach = cycle.breach_at
        if breach is not None and breach != cycle.due_at:
            text = f"{prefix}breach after {short(breach)}"
            marks.append(Mark(to_us(breach, "breach_at"), text, "breach"))
    return marks


def _detail(target: TargetReport) -> str:
    shown = f"{hours(duration_us(target.target))} target" if target.target else "no target"
    return f"{target.status} · {shown}"


def _describe(report: TicketReport, known: _Known | None) -> str:
    parts = []
    for metric, target in report.targets.items():
        due = f", due {short(target.due_at)}" if target.due_at else ", no due instant"
        breach = target.breach_at
        after = f", breached after {short(breach)}" if breach and breach != target.due_at else ""
        parts.append(f"{metric}: {target.status}{due}{after}")
    if not parts:
        parts.append("no targets")
    if known is None:
        parts.append("drawn without the contract and ticket: no calendars, events or pauses")
    else:
        tz = known.plan.zone
        canvas = Canvas(0, 0, tz)
        parts.extend(
            f"paused {canvas.local(a)} to {canvas.local(b)}" for a, b in known.facts.pauses
        )
    return "; ".join(parts) + "."


def ticket_svg(report: TicketReport) -> str:
    """The picture of one ticket's report (see the module docstring)."""
    evaluated = report.evaluated
    known = _Known(report, evaluated) if evaluated is not None else None
    at = to_us(report.at, "at")
    instants = _instants(report, known)
    lo, hi = min(instants), max(instants)
    pad = max((hi - lo) // 25, HOUR)
    lo, hi = lo - pad, hi + pad
    zone = known.plan.zone if known is not None else report.at.tzinfo
    assert zone is not None  # an evaluated report's ``at`` is aware
    canvas = Canvas(lo, hi, zone)
    title = f"Ticket {report.ticket_id} ({report.priority}, {report.kind}) as of {short(report.at)}"
    canvas.heading(title)
    canvas.axis()
    if known is not None:
        top, bottom = canvas.band("events", "", [], background=False)
        at_label = Mark(at, f"at {short(report.at)}", "event")
        canvas.marks([*known.event_marks(), at_label], top, bottom)
        pauses = known.facts.pauses
        if pauses:
            detail = f"{hours(pauses.total)} wall time"
            top, bottom = canvas.band("paused", detail, [], background=False)
            canvas.spans(pauses, "paused", top, bottom - top, labelled=True)
            shown = [Mark(a, f"paused {canvas.local(a)} to {canvas.local(b)}", "event")
                     for a, b in pauses]  # fmt: skip
            canvas.marks(shown, top, bottom)
    for metric, target in report.targets.items():
        spans = known.open_spans(metric, lo, hi) if known is not None else []
        top, bottom = canvas.band(metric, _detail(target), spans)
        if known is not None:
            for cycle in target.cycles or (target.current,):
                counted = known.counted(metric, cycle)
                canvas.spans(counted, "clock", bottom - CLOCK_BAR, CLOCK_BAR)
        marks = _target_marks(target)
        if not marks:
            marks = [Mark(at, f"{target.status}: no due instant", "event")]
        canvas.marks(marks, top, bottom)
    if not report.targets:
        canvas.note("No targets: the contract promises nothing for this ticket.")
    canvas.rule(Mark(at, "at", "at"))
    if known is None:
        canvas.note("Drawn from the report alone: calendars, events and pauses are not known.")
    else:
        canvas.note("blue: open hours · dark bar: the clock counted · orange: paused")
    return canvas.svg(title, _describe(report, known))
