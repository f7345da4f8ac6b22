"""Support calls: :func:`quote`, :func:`call_cost` and the prepaid card's price."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from slacalc.billing._figures import (
    CENT,
    DOCUMENT,
    EVENING_WEEKEND_NO_SLA_RATE,
    MINIMUM_PREPAID,
    OUTSIDE_SLA_RATE,
    PREPAID_RATE,
    START_FEE,
    TIERS,
    UNIT,
    UNITS_PER_HOUR,
    Tier,
    euro,
)
from slacalc.billing._quote import BillingError, Quote, check_duration, check_tier, priced, units


def quote(
    duration: timedelta,
    *,
    tier: Tier | None,
    prepaid: bool = False,
    evening_weekend: bool = False,
    add_on: bool = False,
) -> Quote:
    """The cost of one call of ``duration`` with its breakdown.

    ``tier`` is ``"standard"``, ``"advanced"``, ``"enterprise"`` or ``None`` (no SLA);
    ``prepaid`` pays the hours from a prepaid card (the amount is what the card is debited);
    ``evening_weekend`` is a call in the 1.3.16 hours; ``add_on`` means the customer has the
    Avond- en Weekend Service add-on and the call is one it covers (PRIO 1 or 2).

    >>> q = quote(timedelta(minutes=15, seconds=1), tier="enterprise", prepaid=True)
    >>> q.units, q.hourly_rate, q.start_fee, q.total
    (2, Decimal('80.00'), Decimal('0.00'), Decimal('40.00'))
    >>> quote(timedelta(hours=1), tier=None)
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: no hourly rate for a call without an SLA outside the evening ...
    """
    n = units(duration)
    checked = check_tier(tier, allow_none=True)
    if add_on and checked not in ("advanced", "enterprise"):
        raise BillingError(
            f"add_on=True with tier {checked!r}: the evening and weekend add-on exists only "
            "for 'advanced' and 'enterprise' (1.3.16: Standaard 'n.v.t.')"
        )
    if evening_weekend and add_on:
        rate, fee = euro("0"), START_FEE["add_on"]
        source = f"{DOCUMENT}, 1.3.16 (SLA+AWS: start fee 0.00, hours 'inclusief')"
    elif evening_weekend:
        if prepaid:
            raise BillingError(
                "prepaid=True with evening_weekend=True: the 1.3.16 table names no prepaid "
                "rate for evening and weekend calls; allowed: prepaid=False (or add_on=True)"
            )
        if checked is None:
            rate, fee = EVENING_WEEKEND_NO_SLA_RATE, START_FEE["no_sla"]
            source = f"{DOCUMENT}, 1.3.16 (Zonder SLA: start fee 160.00, 160.00 an hour)"
        else:
            rate, fee = OUTSIDE_SLA_RATE[checked], START_FEE["sla"]
            source = f"{DOCUMENT}, 1.3.16 (SLA: start fee 100.00, 'Uurtarief per SLA')"
    else:
        if checked is None:
            raise BillingError(
                "no hourly rate for a call without an SLA outside the evening and weekend "
                "hours: 1.3.15 refers to VIOMS's price list, which the document does not "
                f"give; allowed tiers: {', '.join(repr(t) for t in TIERS)}"
            )
        fee = START_FEE["add_on"]  # no start fee in service hours: 0.00
        if prepaid:
            rate = PREPAID_RATE[checked]
            source = f"{DOCUMENT}, section 1 'Uurtarief strippenkaart'; 1.3.15"
        else:
            rate = OUTSIDE_SLA_RATE[checked]
            source = f"{DOCUMENT}, section 1 'Tarief buiten SLA'; 1.3.14, 1.3.15"
    return priced(n, rate, start_fee=fee, source=source)


def call_cost(
    duration: timedelta,
    *,
    tier: Tier | None,
    prepaid: bool = False,
    evening_weekend: bool = False,
    add_on: bool = False,
) -> Decimal:
    """The cost in euro of one call: ``quote(...).total`` (see :func:`quote`).

    >>> call_cost(timedelta(minutes=15), tier="standard")
    Decimal('23.75')
    >>> call_cost(timedelta(minutes=15, seconds=1), tier="standard")
    Decimal('47.50')
    >>> call_cost(timedelta(0), tier="advanced", evening_weekend=True)
    Decimal('100.00')
    >>> call_cost(timedelta(hours=1), tier="gold")
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: unknown tier 'gold'; allowed: 'standard', 'advanced', ...
    """
    return quote(
        duration, tier=tier, prepaid=prepaid, evening_weekend=evening_weekend, add_on=add_on
    ).total


def prepaid_card(hours: timedelta, *, tier: Tier) -> Decimal:
    """The price in euro of a prepaid card ("strippenkaart") of ``hours`` (1.3.15).

    A card holds at least 5 hours and a whole number of 15-minute units.

    >>> prepaid_card(timedelta(hours=5), tier="enterprise")
    Decimal('400.00')
    >>> prepaid_card(timedelta(hours=10, minutes=15), tier="advanced")
    Decimal('871.25')
    >>> prepaid_card(timedelta(hours=4, minutes=59), tier="advanced")
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: a prepaid card holds at least 5 hours (1.3.15), got 4:59:00
    """
    hours = check_duration(hours, "hours")
    checked = check_tier(tier, allow_none=False)
    assert checked is not None  # allow_none=False
    if hours < MINIMUM_PREPAID:
        raise BillingError(f"a prepaid card holds at least 5 hours (1.3.15), got {hours}")
    if hours % UNIT:
        raise BillingError(
            f"a prepaid card holds a whole number of 15-minute units, got {hours}; "
            f"allowed: a multiple of {UNIT} of at least {MINIMUM_PREPAID}"
        )
    n = hours // UNIT
    return (Decimal(n) * PREPAID_RATE[checked] / UNITS_PER_HOUR).quantize(
        CENT, rounding=ROUND_HALF_UP
    )
