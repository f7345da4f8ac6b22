"""Work the SLA prices apart from calls: configuration changes (section 1, 1.2.13), travel (2.3)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Final, Literal

from slacalc.billing._figures import (
    DOCUMENT,
    INCLUDED_CONFIGURATION_CHANGE,
    OUTSIDE_SLA_RATE,
    PREPAID_RATE,
    TIERS,
    TRAVEL_UNIT,
    UNITS_PER_HOUR,
    Tier,
)
from slacalc.billing._quote import (
    BillingError,
    Quote,
    ceil_div,
    check_duration,
    check_flag,
    check_tier,
    priced,
    units,
)

_OVER_MAXIMUM: Final = ("excess", "whole")
_TABLE_CELL: Final[dict[Tier, str]] = {
    "standard": "Max 15min",
    "advanced": "Max 1u",
    "enterprise": "Y",
}


def _sla_tier(tier: object, what: str) -> Tier:
    """``tier`` checked; ``None`` (no SLA) is refused with the reason."""
    if tier is None:
        raise BillingError(
            f"tier None (no SLA) for {what}: without an SLA the table includes nothing and "
            "1.3.15 refers to VIOMS's price list for the rate, which the document does not "
            f"give; allowed tiers: {', '.join(repr(t) for t in TIERS)}"
        )
    checked = check_tier(tier, allow_none=False)
    assert checked is not None  # allow_none=False
    return checked


def _rate(tier: Tier, prepaid: bool) -> tuple[Decimal, str]:
    """The hourly rate of work beyond the SLA and the clause it stands in."""
    if prepaid:
        return PREPAID_RATE[tier], "section 1 'Uurtarief strippenkaart', 1.3.15"
    return OUTSIDE_SLA_RATE[tier], "section 1 'Tarief buiten SLA', 1.3.14"


def configuration_change(
    duration: timedelta,
    *,
    tier: Tier,
    prepaid: bool = False,
    over_maximum: Literal["excess", "whole"] = "excess",
) -> Quote:
    """The cost of one configuration change of ``duration`` (section 1 table, 1.2.13).

    A configuration change is "Een aanvraag tot wijziging of uitbreiding/inkrimping van een
    dienst" such as a password change, granting rights, adding or removing users (1.2.13).
    The table row "Configuratiewijzigingen inbegrepen" includes one of up to 15 minutes on
    Standaard ("Max 15min"), up to 1 hour on Advanced ("Max 1u") and any on Enterprise
    ("Y"): see :data:`INCLUDED_CONFIGURATION_CHANGE`. Up to the maximum the change costs
    0.00 and ``Quote.included`` is its duration.

    Beyond the maximum (a reading), ``over_maximum="excess"`` bills only the time beyond
    it, ``over_maximum="whole"`` the whole change; the billed time rounds up to 15-minute
    units (1.3.15, 2.3) at the tier's "Tarief buiten SLA" (1.3.14), or at the prepaid card
    rate with ``prepaid=True``. ``tier=None`` (no SLA) is an error: nothing is included
    and the document gives no rate.

    >>> configuration_change(timedelta(minutes=15), tier="standard").total
    Decimal('0.00')
    >>> q = configuration_change(timedelta(minutes=20), tier="standard")
    >>> q.units, q.included, q.total
    (1, datetime.timedelta(seconds=900), Decimal('23.75'))
    >>> configuration_change(timedelta(minutes=20), tier="standard", over_maximum="whole").total
    Decimal('47.50')
    >>> configuration_change(timedelta(hours=1, seconds=1), tier="advanced", prepaid=True).total
    Decimal('21.25')
    >>> configuration_change(timedelta(hours=10), tier="enterprise").total
    Decimal('0.00')
    >>> configuration_change(timedelta(hours=1), tier="advanced", over_maximum="all")
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: unknown over_maximum 'all'; allowed: 'excess' (...) or 'whole' ...
    """
    duration = check_duration(duration, "duration")
    checked = _sla_tier(tier, "a configuration change")
    prepaid = check_flag(prepaid, "prepaid")
    if not isinstance(over_maximum, str) or over_maximum not in _OVER_MAXIMUM:
        raise BillingError(
            f"unknown over_maximum {over_maximum!r}; allowed: 'excess' (bill the time beyond "
            "the included maximum) or 'whole' (bill the whole change once it is over)"
        )
    maximum = INCLUDED_CONFIGURATION_CHANGE[checked]
    if maximum is None or duration <= maximum:
        billed, included = timedelta(0), duration
    elif over_maximum == "excess":
        billed, included = duration - maximum, maximum
    else:
        billed, included = duration, timedelta(0)
    rate, clause = _rate(checked, prepaid)
    source = (
        f"{DOCUMENT}, section 1, table, row 'Configuratiewijzigingen inbegrepen' "
        f"('{_TABLE_CELL[checked]}'); 1.2.13"
    )
    if maximum is not None:
        scope = "the time beyond it" if over_maximum == "excess" else "the whole change"
        source += f"; over it, {scope} is billed in 15-minute units (1.3.15, 2.3) at {clause}"
    return priced(units(billed), rate, source=source, included=included)


def travel(duration: timedelta, *, tier: Tier, prepaid: bool = False) -> Quote:
    """The cost of the travel time of one visit (2.3), in whole hours rounded up.

    2.3: "Bij elk bezoek wordt de reistijd berekend in uren". Each visit's travel time
    rounds up to whole hours (a reading; for the 15-minute units of other work use
    ``quote(duration, tier=...)``), paid at the tier's "Tarief buiten SLA" (1.3.14), or at
    the prepaid card rate with ``prepaid=True``. ``units`` counts 15-minute units as
    everywhere (4 an hour). ``tier=None`` (no SLA) is an error: the document gives no rate.

    >>> travel(timedelta(0), tier="standard").total
    Decimal('0.00')
    >>> q = travel(timedelta(minutes=61), tier="standard")
    >>> q.hours, q.units, q.hourly_rate, q.total
    (Decimal('2.00'), 8, Decimal('95.00'), Decimal('190.00'))
    >>> travel(timedelta(minutes=20), tier="enterprise", prepaid=True).total
    Decimal('80.00')
    >>> travel(timedelta(minutes=20), tier=None)
    Traceback (most recent call last):
    ...
    slacalc.billing.BillingError: tier None (no SLA) for travel: ...
    """
    duration = check_duration(duration, "duration")
    checked = _sla_tier(tier, "travel")
    prepaid = check_flag(prepaid, "prepaid")
    rate, clause = _rate(checked, prepaid)
    source = (
        f"{DOCUMENT}, 2.3 'Bij elk bezoek wordt de reistijd berekend in uren' "
        f"(whole hours, rounded up); {clause}"
    )
    return priced(ceil_div(duration, TRAVEL_UNIT) * UNITS_PER_HOUR, rate, source=source)
