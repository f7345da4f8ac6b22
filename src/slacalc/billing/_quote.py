"""A priced piece of work (:class:`Quote`), the 15-minute :func:`units` and the input checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from slacalc._base.errors import SlacalcError
from slacalc.billing._figures import CENT, MICROSECOND, TIERS, UNIT, UNITS_PER_HOUR, Tier


class BillingError(SlacalcError, ValueError):
    """A duration, tier or combination of options that VIOMS's billing rules do not cover.

    >>> from slacalc import SlacalcError
    >>> issubclass(BillingError, ValueError) and issubclass(BillingError, SlacalcError)
    True
    """


@dataclass(frozen=True)
class Quote:
    """The cost of one call, configuration change or journey, with its breakdown.

    All amounts are euro, to the cent. ``units`` are 15-minute units billed and ``hours ==
    units / 4``; ``total == start_fee + labour`` and ``labour == hours * hourly_rate``
    (rounded to cents). ``source`` names the clauses the rates come from. ``included`` is
    the time the SLA included and that was not billed (part or all of a configuration
    change); it is ``timedelta(0)`` for a call and for travel.
    """

    units: int
    hours: Decimal
    hourly_rate: Decimal
    start_fee: Decimal
    labour: Decimal
    total: Decimal
    source: str
    included: timedelta = timedelta(0)


def check_duration(duration: object, what: str) -> timedelta:
    """``duration`` if it is a timedelta of no less than zero; else a :class:`BillingError`."""
    if not isinstance(duration, timedelta):
        raise BillingError(
            f"{what} must be a datetime.timedelta, got {duration!r} ({type(duration).__name__})"
        )
    if duration < timedelta(0):
        raise BillingError(f"{what} must not be negative, got {duration!r}")
    return duration


def check_tier(tier: object, *, allow_none: bool) -> Tier | None:
    """``tier`` as one of :data:`TIERS` (or ``None`` if allowed); else a :class:`BillingError`."""
    if tier is None and allow_none:
        return None
    for known in TIERS:
        if tier == known and isinstance(tier, str):
            return known
    allowed = ", ".join(repr(t) for t in TIERS) + (" or None (no SLA)" if allow_none else "")
    raise BillingError(f"unknown tier {tier!r}; allowed: {allowed}")


def check_flag(value: object, name: str) -> bool:
    """``value`` if it is a bool; else a :class:`BillingError` naming ``name``."""
    if not isinstance(value, bool):
        raise BillingError(f"{name} must be True or False, got {value!r}")
    return value


def ceil_div(duration: timedelta, unit: timedelta) -> int:
    """Whole ``unit``s that cover ``duration``, rounded up, in exact integer microseconds."""
    return -(-(duration // MICROSECOND) // (unit // MICROSECOND))


def priced(
    n: int,
    rate: Decimal,
    *,
    source: str,
    start_fee: Decimal = Decimal("0.00"),
    included: timedelta = timedelta(0),
) -> Quote:
    """The :class:`Quote` of ``n`` 15-minute units at ``rate`` an hour plus ``start_fee``."""
    fee = start_fee.quantize(CENT)
    hours = (Decimal(n) / UNITS_PER_HOUR).quantize(CENT)
    labour = (Decimal(n) * rate / UNITS_PER_HOUR).quantize(CENT, rounding=ROUND_HALF_UP)
    return Quote(
        units=n,
        hours=hours,
        hourly_rate=rate,
        start_fee=fee,
        labour=labour,
        total=(fee + labour).quantize(CENT),
        source=source,
        included=included,
    )


def units(duration: timedelta) -> int:
    """The number of 15-minute units billed for ``duration``, rounded up (1.3.15, 2.3, 2.4).

    >>> units(timedelta(0)), units(timedelta(seconds=1)), units(timedelta(hours=1))
    (0, 1, 4)
    >>> units(timedelta(minutes=15)), units(timedelta(minutes=15, microseconds=1))
    (1, 2)
    >>> units(timedelta(minutes=-1))
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: duration must not be negative, got datetime.timedelta(...)
    """
    duration = check_duration(duration, "duration")
    # exact integer arithmetic on microseconds: no float rounding at the unit edges
    return ceil_div(duration, UNIT)
