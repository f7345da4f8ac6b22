"""Error budgets: what each availability target measures, allows and burns.

The figures of one target over a stretch of time, in integer microseconds: the open time
``measured``, the ``downtime`` counted against it and the ``planned`` maintenance inside
the calendar, by the target's planned-maintenance policy (docs/availability.md). A burn
rate divides downtime by the downtime the minimum allows over the time measured:

>>> from fractions import Fraction
>>> burn_rate(3_402, 680_400, Fraction(199, 200))  # 56 min 42 s over 189 h at 99.5 %
1.0
>>> burn_rate(0, 0, Fraction(1)), burn_rate(1, 3_600, Fraction(1))
(0.0, inf)
"""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction
from typing import NamedTuple

from slacalc._base.errors import CalendarError, SlacalcError
from slacalc._base.frozen import FrozenMap
from slacalc._calendar.calendar import timeline_of
from slacalc._contract.models import AvailabilityTarget, exact_minimum
from slacalc._contract.terms import ContractTerms
from slacalc._engine.instants import duration_us, to_us
from slacalc._engine.spans import Span, SpanSet

__all__ = ["Measured", "burn_rate", "calendar_spans", "target_figures", "trailing_burn_rates"]


class Measured(NamedTuple):
    """What an availability report was measured from: the contract and the merged
    outages (the spans of their span sets, which pickle where a ``SpanSet`` does not);
    an outage still open ends at the report's ``at``."""

    contract: ContractTerms
    unplanned: tuple[Span, ...]
    planned: tuple[Span, ...]


def calendar_spans(contract: ContractTerms, name: str, a: int, b: int) -> SpanSet:
    """The open time of a target's calendar (``"24x7"``, a key of ``calendars`` or
    ``"outside:<key>"``) inside ``[a, b)``.

    >>> from slacalc import contracts
    >>> calendar_spans(contracts.get("reflex/basis"), "24x7", 0, 10).total
    10
    """
    if name == "24x7":
        return SpanSet.from_normalised(((a, b),) if b > a else ())
    key = name.removeprefix("outside:")
    cal = contract.calendars[key]
    spans = SpanSet.from_normalised(tuple(timeline_of(cal).spans(a, b)))
    return spans.complement(a, b) if name != key else spans


def target_figures(
    policy: str, open_time: SpanSet, unplanned: SpanSet, planned: SpanSet
) -> tuple[int, int, int]:
    """``(measured, downtime, planned)`` of a target with planned-maintenance ``policy``
    over ``open_time``, the outages already clipped to the stretch measured.

    >>> open_time, down = SpanSet([(0, 100)]), SpanSet([(10, 30)])
    >>> target_figures("exclude", open_time, down, SpanSet([(20, 40)]))
    (80, 10, 20)
    >>> target_figures("count_as_down", open_time, down, SpanSet([(20, 40)]))
    (100, 30, 20)
    """
    down = unplanned & open_time
    maintenance = planned & open_time
    if policy == "exclude":
        return open_time.total - maintenance.total, (down - maintenance).total, maintenance.total
    if policy == "count_as_up":
        return open_time.total, (down - maintenance).total, maintenance.total
    return open_time.total, (down | maintenance).total, maintenance.total  # count_as_down


def burn_rate(downtime: int, measured: int, minimum: Fraction) -> float:
    """``downtime / ((1 - minimum) * measured)``, computed exactly, as a float.

    ``1.0`` is on budget. When nothing is allowed (``measured`` is 0 or ``minimum`` is
    1): ``0.0`` without downtime and ``inf`` with some.

    >>> burn_rate(36, 3_600, Fraction(99, 100))
    1.0
    """
    allowed = (1 - minimum) * measured
    if allowed == 0:
        return float("inf") if downtime > 0 else 0.0
    return float(Fraction(downtime) / allowed)


def _allowed_rate(
    contract: ContractTerms,
    target: AvailabilityTarget,
    unplanned: SpanSet,
    planned: SpanSet,
    lo: int,
    hi: int,
) -> float | None:
    open_time = calendar_spans(contract, target.calendar, lo, hi)
    if not open_time.total:
        return None
    measured, downtime, _ = target_figures(
        target.planned, open_time, unplanned.clip(lo, hi), planned.clip(lo, hi)
    )
    return burn_rate(downtime, measured, exact_minimum(target.minimum))


def trailing_burn_rates(
    measured: Measured | None, at: datetime, window: timedelta
) -> FrozenMap[str, float | None]:
    """Per target name, the burn rate over ``[at - window, at)``: downtime inside the
    target's calendar there over ``(1 - minimum)`` times the calendar's open time there
    (less planned maintenance under ``"exclude"``); ``None`` when the calendar has no
    open time in the window. See :meth:`AvailabilityReport.trailing_burn_rates`.

    >>> from datetime import datetime, timedelta, timezone
    >>> from slacalc import contracts
    >>> c = contracts.get("reflex/basis")
    >>> at = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
    >>> dict(trailing_burn_rates(Measured(c, (), ()), at, timedelta(hours=1)))
    {'uptime': 0.0}
    """
    if measured is None:
        raise SlacalcError(
            "this report keeps no outages to measure a trailing window from: build it with "
            "availability() or contract.availability()"
        )
    length = duration_us(window) if isinstance(window, timedelta) else 0
    if length <= 0:
        raise CalendarError(
            f"window={window!r} must be a positive timedelta, e.g. timedelta(hours=1)"
        )
    hi = to_us(at, "at")
    lo = hi - length
    unplanned = SpanSet.from_normalised(measured.unplanned)
    planned = SpanSet.from_normalised(measured.planned)
    contract = measured.contract
    return FrozenMap(
        {
            t.name: _allowed_rate(contract, t, unplanned, planned, lo, hi)
            for t in contract.availability
        }
    )
