"""``AvailabilityReport.to_svg``: a period's outages against each target's calendar.

From the top: the time axis (the contract's zone), the outages (unplanned in red, planned
maintenance in purple, each labelled), then a row per availability target: the open hours
of its calendar (``24x7``, a named calendar, or ``outside:`` one) with, in dark red, the
outage time that falls inside them, and its uptime against its minimum written beside it.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import contracts
>>> from slacalc._reports.outages import Outage
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> down = Outage(start=datetime(2026, 6, 1, 17, 0, tzinfo=ams),
...               end=datetime(2026, 6, 1, 18, 0, tzinfo=ams))
>>> report = contracts.get("infravision/cloud").availability(
...     [down], datetime(2026, 6, 1, tzinfo=ams), datetime(2026, 6, 3, tzinfo=ams))
>>> svg = availability_svg(report)
>>> svg.count('class="outage"'), "down Mon 1 Jun 17:00 (1 h)" in svg
(1, True)
"""

from __future__ import annotations

from slacalc._base.svg import hours, short
from slacalc._calendar.canvas import Canvas, Mark
from slacalc._engine.instants import duration_us, to_us
from slacalc._engine.spans import SpanSet
from slacalc._reports.availability import AvailabilityReport, WindowAvailability
from slacalc._reports.budget import calendar_spans

__all__ = ["availability_svg"]

DOWN_BAR = 8.0  # the height of the downtime bar, at the bottom of a target's row
LABELLED = 12  # outages beyond this many are drawn but not labelled one by one


def _verdict(window: WindowAvailability) -> str:
    return f"{window.uptime:.3%} (min {window.minimum:.2%}): {'met' if window.met else 'not met'}"


def _interruptions(count: int) -> str:
    return f"{count} interruption" if count == 1 else f"{count} interruptions"


def _describe(report: AvailabilityReport) -> str:
    parts = [
        f"{name}: uptime {w.uptime:.3%} of {hours(duration_us(w.measured))} measured, "
        f"{hours(duration_us(w.downtime))} down (allowed {hours(duration_us(w.allowed_downtime))})"
        f", {'met' if w.met else 'not met'}"
        for name, w in report.windows.items()
    ] or ["no availability targets"]
    parts.append(_interruptions(report.interruptions))
    if report.measured is None:
        parts.append("drawn without the contract and outages: no calendars or outage spans")
    return "; ".join(parts) + "."


def availability_svg(report: AvailabilityReport) -> str:
    """The picture of one availability report (see the module docstring)."""
    a, b = to_us(report.start, "start"), to_us(report.end, "end")
    zone = report.start.tzinfo
    assert zone is not None  # a report's start is aware
    canvas = Canvas(a, b, zone)
    verdict = "met" if report.met else "not met"
    title = f"Availability {short(report.start)} to {short(report.end)}: {verdict}"
    if report.at is not None and report.at < report.end:
        title = f"Availability {short(report.start)} to {short(report.end)} as of " \
            f"{short(report.at)}: {verdict} so far"  # fmt: skip
    canvas.heading(title)
    canvas.axis()
    measured = report.measured
    unplanned = planned = SpanSet()
    if measured is not None:
        unplanned = SpanSet.from_normalised(measured.unplanned).clip(a, b)
        planned = SpanSet.from_normalised(measured.planned).clip(a, b)
        detail = _interruptions(report.interruptions)
        top, bottom = canvas.band("outages", detail, [], background=False)
        canvas.spans(unplanned, "outage", top, bottom - top)
        canvas.spans(planned, "planned", top, bottom - top)
        labels = [Mark(s, f"down {canvas.local(s)} ({hours(e - s)})", "event")
                  for s, e in unplanned] + [
                  Mark(s, f"maintenance {canvas.local(s)} ({hours(e - s)})", "event")
                  for s, e in planned]  # fmt: skip
        canvas.marks(sorted(labels, key=lambda m: m.us)[:LABELLED], top, bottom)
    for name, window in report.windows.items():
        if measured is None:
            canvas.band(name, _verdict(window), [])
            continue
        open_hours = calendar_spans(measured.contract, window.calendar, a, b)
        top, bottom = canvas.band(name, _verdict(window), open_hours)
        canvas.spans(unplanned & open_hours, "downtime", bottom - DOWN_BAR, DOWN_BAR)
        canvas.spans(planned & open_hours, "planned", bottom - DOWN_BAR, DOWN_BAR)
    if not report.windows:
        canvas.note("No availability targets: the contract promises no uptime.")
    if measured is None:
        canvas.note("Drawn from the report alone: calendars and outages are not known.")
    else:
        canvas.note("blue: the target's hours · red: down · purple: planned maintenance")
    return canvas.svg(title, _describe(report))
