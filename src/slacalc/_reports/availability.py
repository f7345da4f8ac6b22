"""Availability: was the service up (SPEC section 4).

Outages are half-open ``[start, end)`` intervals of aware datetimes. Everything is
measured in integer microseconds with span sets, so the figures
are exact and an instant is never counted twice.

>>> from datetime import datetime, timezone
>>> from slacalc import Calendar, Contract, Priority, AvailabilityTarget
>>> c = Contract(id="acme/web", calendars={"office": Calendar.always("UTC")},
...              priorities=[Priority(id="P1")],
...              availability=[AvailabilityTarget(name="uptime", calendar="24x7",
...                                               minimum=0.99)])
>>> day = datetime(2026, 6, 1, tzinfo=timezone.utc)
>>> down = Outage(start=day.replace(hour=12), end=day.replace(hour=12, minute=36))
>>> report = availability(c, [down], day, day.replace(day=2))
>>> w = report.windows["uptime"]
>>> w.downtime, round(w.uptime, 4), w.met, report.interruptions
(datetime.timedelta(seconds=2160), 0.975, False, 1)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from fractions import Fraction
from typing import Any, Literal

from slacalc._base.errors import InvalidIntervalError, OpenOutageError
from slacalc._base.frozen import FrozenMap
from slacalc._contract.models import InterruptionLimit, exact_minimum
from slacalc._contract.terms import ContractTerms
from slacalc._engine.instants import (
    from_us,
    in_range,
    require_aware,
    to_timedelta,
    to_us,
    wall_to_us,
)
from slacalc._engine.spans import Span, SpanSet
from slacalc._reports.budget import Measured, burn_rate, calendar_spans, target_figures
from slacalc._reports.outages import Outage

__all__ = [
    "AvailabilityReport",
    "Measured",
    "WindowAvailability",
    "availability",
    "availability_by_period",
]

PeriodName = Literal["month", "year"]


@dataclass(frozen=True)
class WindowAvailability:
    """Uptime and error budget of one :class:`~slacalc.AvailabilityTarget` over a report.

    ``measured`` is the target calendar's open time inside ``[start, end)`` (less planned
    maintenance under ``"exclude"``), ``downtime`` the outage time counted against it,
    ``planned`` the planned maintenance inside the calendar (whatever the policy); for a
    report measured ``at`` an instant, all three stop at ``at``. ``met`` compares
    ``1 - downtime / measured`` exactly (as fractions, the minimum as written in decimal)
    with ``minimum``; ``uptime`` is the same figure as a float.

    The error budget (docs/error-budgets.md): ``allowed_downtime`` is the most downtime
    ``minimum`` permits over the whole period's measured time (``at`` or not, rounded down
    to a microsecond), ``downtime_left`` is ``allowed_downtime - downtime`` (negative once
    the minimum is missed for the period) and ``burn_rate`` is ``downtime`` over
    ``(1 - minimum) * measured``, the budget of the part measured so far: ``1.0`` is on
    budget; when that budget is zero (nothing measured, or ``minimum`` 1.0) it is ``0.0``
    without downtime and ``inf`` with some.
    """

    name: str
    calendar: str
    period: str
    planned_policy: str
    minimum: float
    measured: timedelta
    downtime: timedelta
    planned: timedelta
    allowed_downtime: timedelta
    uptime: float
    met: bool
    downtime_left: timedelta
    burn_rate: float


@dataclass(frozen=True)
class AvailabilityReport:
    """Availability per target and unplanned interruptions over ``[start, end)``.

    ``windows`` maps each target's name to its :class:`WindowAvailability`;
    ``interruptions`` counts the merged unplanned outages that start in ``[start, end)``;
    ``met`` says every target held and ``interruptions`` stayed within
    ``interruption_limit.maximum`` (when the contract has a limit). ``at`` is the instant
    a period in progress was measured at (``None``: the whole period); measured time,
    downtime and interruptions then stop at ``min(end, at)``.
    """

    start: datetime
    end: datetime
    windows: FrozenMap[str, WindowAvailability]
    interruptions: int
    interruption_limit: InterruptionLimit | None
    met: bool
    at: datetime | None = None
    #: The contract and merged outages the report was measured from, for :meth:`to_svg`
    #: only (references: no part in equality, hashing or ``repr``).
    measured: Measured | None = field(default=None, compare=False, repr=False)

    def to_svg(self) -> str:
        """The period's outages against each target's calendar, as SVG (docs/pictures.md).

        >>> from datetime import datetime, timezone
        >>> from slacalc import contracts
        >>> t = datetime(2026, 6, 1, tzinfo=timezone.utc)
        >>> r = contracts.get("connexys/standard").availability([], t, t.replace(day=2))
        >>> "<title>Availability" in r.to_svg()
        True
        """
        from slacalc._reports.picture import availability_svg  # it imports this module

        return availability_svg(self)

    def _repr_svg_(self) -> str:
        """What a Jupyter notebook shows for the report: :meth:`to_svg`."""
        return self.to_svg()

    def trailing_burn_rates(self, window: timedelta) -> FrozenMap[str, float | None]:
        """Per target name, the burn rate over the trailing ``[at - window, at)``.

        ``at`` is the report's ``at`` (its ``end`` without one); the window may reach back
        before ``start``. The rate is the downtime inside the target's calendar in the
        window over ``(1 - minimum)`` times that calendar's open time in the window (less
        planned maintenance under ``"exclude"``): ``1.0`` spends the budget exactly as
        fast as the minimum allows, ``14.4`` over an hour would spend a 30-day month's
        budget in about two days. ``None`` when the calendar has no open time in the
        window (a support-hours target at night), ``inf`` with downtime but nothing allowed.

        >>> from datetime import datetime, timedelta, timezone
        >>> from slacalc import contracts
        >>> t = datetime(2026, 6, 1, 10, tzinfo=timezone.utc)
        >>> down = Outage(start=t - timedelta(minutes=6), end=None)  # still open
        >>> r = contracts.get("reflex/basis").availability([down], t.replace(hour=0),
        ...                                                t.replace(day=2), at=t)
        >>> dict(r.trailing_burn_rates(timedelta(hours=1)))  # 6 min of 3.6 s allowed
        {'uptime': 100.0}
        """
        from slacalc._reports.budget import trailing_burn_rates

        return trailing_burn_rates(self.measured, self.at or self.end, window)

    @property
    def interruptions_met(self) -> bool:
        """Whether ``interruptions`` stays within the limit (``True`` without one)."""
        limit = self.interruption_limit
        return limit is None or self.interruptions <= limit.maximum


# -- measurement ------------------------------------------------------------------------
def _outage_spans(
    outages: Iterable[Outage | Mapping[str, Any]], at: int | None = None
) -> tuple[SpanSet, SpanSet]:
    """(unplanned, planned) outages as merged span sets (touching ones merged too); an
    open outage (``end=None``) lasts until ``at``."""
    unplanned: list[Span] = []
    planned: list[Span] = []
    for item in outages:
        outage = item if isinstance(item, Outage) else Outage.model_validate(item)
        a = to_us(outage.start, "start")
        if outage.end is not None:
            b = to_us(outage.end, "end")
        elif at is None:
            raise OpenOutageError(
                f"the outage starting {outage.start.isoformat()} has end=None (still open) "
                "but no at= says until when: give at=<now> or the outage's end"
            )
        elif at <= a:
            shown = from_us(at, outage.start.tzinfo or timezone.utc).isoformat()
            raise OpenOutageError(
                f"the open outage starting {outage.start.isoformat()} does not start before "
                f"at={shown}: give an at after its start"
            )
        else:
            b = at
        (planned if outage.planned else unplanned).append((a, b))
    return SpanSet(unplanned), SpanSet(planned)


def _measure(
    contract: ContractTerms,
    unplanned: SpanSet,
    planned: SpanSet,
    a: int,
    b: int,
    tz: tzinfo,
    at: int | None = None,
) -> AvailabilityReport:
    now = b if at is None else min(max(at, a), b)
    unplanned_in = unplanned.clip(a, now)
    planned_in = planned.clip(a, now)
    planned_all = planned.clip(a, b)
    cache: dict[str, SpanSet] = {}
    windows: dict[str, WindowAvailability] = {}
    for target in contract.availability:
        if target.calendar not in cache:
            cache[target.calendar] = calendar_spans(contract, target.calendar, a, b)
        whole = cache[target.calendar]
        open_time = whole if now == b else whole.clip(a, now)
        measured, downtime, maintenance = target_figures(
            target.planned, open_time, unplanned_in, planned_in
        )
        if now == b:
            period_measured = measured
        else:
            period_measured = target_figures(target.planned, whole, SpanSet(), planned_all)[0]
        minimum = exact_minimum(target.minimum)
        exact = 1 - Fraction(downtime, measured) if measured else Fraction(1)
        allowed = int(period_measured * (1 - minimum))  # rounded down: met <=> down <= it
        windows[target.name] = WindowAvailability(
            name=target.name,
            calendar=target.calendar,
            period=target.period,
            planned_policy=target.planned,
            minimum=target.minimum,
            measured=to_timedelta(measured),
            downtime=to_timedelta(downtime),
            planned=to_timedelta(maintenance),
            allowed_downtime=to_timedelta(allowed),
            uptime=float(exact),
            met=exact >= minimum,
            downtime_left=to_timedelta(allowed - downtime),
            burn_rate=burn_rate(downtime, measured, minimum),
        )
    interruptions = _starts_in(unplanned, a, now)
    limit = contract.interruption_limit
    met = all(w.met for w in windows.values()) and (limit is None or interruptions <= limit.maximum)
    return AvailabilityReport(
        start=from_us(a, tz),
        end=from_us(b, tz),
        windows=FrozenMap(windows),
        interruptions=interruptions,
        interruption_limit=limit,
        met=met,
        at=None if at is None else from_us(at, tz),
        measured=Measured(contract, unplanned.spans, planned.spans),
    )


def _starts_in(spans: SpanSet, a: int, b: int) -> int:
    """How many spans start in ``[a, b)`` (interruptions belong to their start's period)."""
    starts = spans.spans
    lo = bisect_left(starts, a, key=_span_start)
    hi = bisect_left(starts, b, key=_span_start)
    return hi - lo


def _span_start(span: Span) -> int:
    return span[0]


def _at(at: datetime | None) -> int | None:
    return None if at is None else in_range(require_aware(at, "at"), "at")


def _range(start: datetime, end: datetime) -> tuple[int, int]:
    a = in_range(require_aware(start, "start"), "start")
    b = in_range(require_aware(end, "end"), "end")
    if b < a:
        raise InvalidIntervalError(
            f"end={end.isoformat()} lies before start={start.isoformat()}: give end >= start"
        )
    return a, b


def availability(
    contract: ContractTerms,
    outages: Iterable[Outage | Mapping[str, Any]],
    start: datetime,
    end: datetime,
    *,
    at: datetime | None = None,
) -> AvailabilityReport:
    """Uptime per availability target and interruptions of ``contract`` over ``[start, end)``.

    ``outages`` are :class:`Outage` objects (or dicts of their fields). Unplanned and
    planned outages are merged separately (touching ones too) before measuring. The
    report's ``start`` and ``end`` are given in the contract's zone. With ``at`` (aware),
    a period in progress is measured up to ``min(end, at)`` against the whole period's
    ``allowed_downtime``, and an outage with ``end=None`` lasts until ``at``
    (docs/error-budgets.md).

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from slacalc import contracts
    >>> c = contracts.get("infravision/cloud")
    >>> ams = ZoneInfo("Europe/Amsterdam")
    >>> down = Outage(start=datetime(2026, 6, 1, 17, 0, tzinfo=ams),
    ...               end=datetime(2026, 6, 1, 18, 0, tzinfo=ams))
    >>> r = availability(c, [down], datetime(2026, 6, 1, tzinfo=ams),
    ...                  datetime(2026, 7, 1, tzinfo=ams))
    >>> r.windows["support_hours"].downtime, r.windows["outside_support_hours"].downtime
    (datetime.timedelta(seconds=1800), datetime.timedelta(seconds=1800))
    >>> r.interruptions, r.met
    (1, True)
    >>> now = datetime(2026, 6, 1, 17, 15, tzinfo=ams)
    >>> w = availability(c, [Outage(start=down.start, end=None)], r.start, r.end,
    ...                  at=now).windows["support_hours"]
    >>> print(w.downtime, w.allowed_downtime, w.downtime_left)  # 0.5 % of June's 198 h
    0:15:00 0:59:24 0:44:24
    """
    a, b = _range(start, end)
    now = _at(at)
    unplanned, planned = _outage_spans(outages, now)
    return _measure(contract, unplanned, planned, a, b, contract.zone, now)


def _period_of(contract: ContractTerms) -> PeriodName:
    periods: set[str] = {t.period for t in contract.availability}
    if contract.interruption_limit is not None:
        periods.add(contract.interruption_limit.period)
    return "year" if periods == {"year"} else "month"


def _next_boundary(day: date, period: PeriodName) -> date:
    if period == "year":
        return date(day.year + 1, 1, 1)
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def availability_by_period(
    contract: ContractTerms,
    outages: Iterable[Outage | Mapping[str, Any]],
    start: datetime,
    end: datetime,
    *,
    at: datetime | None = None,
) -> list[AvailabilityReport]:
    """One :class:`AvailabilityReport` per calendar month (or year) covering ``[start, end)``.

    Periods are the local months (or years) of the contract's zone, so their lengths
    follow DST. The period is the finest among the contract's availability targets and
    its interruption limit: months unless all of them are yearly. The first and last
    reports are clipped to ``[start, end)``. ``at`` measures each period up to ``at`` as
    :func:`availability` does: periods after it measure nothing yet.

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from slacalc import contracts
    >>> ams = ZoneInfo("Europe/Amsterdam")
    >>> reports = availability_by_period(contracts.get("connexys/standard"), [],
    ...     datetime(2026, 1, 15, tzinfo=ams), datetime(2026, 4, 1, tzinfo=ams))
    >>> for r in reports:
    ...     print(r.start.isoformat(), r.windows["uptime"].measured)
    2026-01-15T00:00:00+01:00 17 days, 0:00:00
    2026-02-01T00:00:00+01:00 28 days, 0:00:00
    2026-03-01T00:00:00+01:00 30 days, 23:00:00
    """
    a, b = _range(start, end)
    now = _at(at)
    unplanned, planned = _outage_spans(outages, now)
    tz = contract.zone
    period = _period_of(contract)
    reports: list[AvailabilityReport] = []
    lo = a
    local = from_us(a, tz).date()
    while lo < b:
        boundary = _next_boundary(local, period)
        hi = min(wall_to_us(boundary, 0, tz), b)
        reports.append(_measure(contract, unplanned, planned, lo, hi, tz, now))
        lo, local = hi, boundary
    return reports
