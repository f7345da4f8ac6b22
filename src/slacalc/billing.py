"""Billing of VIOMS support calls: 15-minute units, hourly rates, prepaid cards, start fees.

The rules come from the VIOMS SLA (seed ``002_c8ee5f4b1ed663a6.txt``, Dutch):

* **Units** (1.3.15, 2.3, 2.4): "elke service call [wordt] naar boven afgerond op 15
  minuten"; "Er wordt gerekend in tijdseenheden van 15 minuten. Er wordt steeds naar boven
  afgerond." Time on a call rounds *up* to whole 15-minute units: 15:00 is 1 unit, 15:01
  (or 15 minutes and one microsecond) is 2, nothing is 0.
* **Outside the SLA** (table in section 1, row "Tarief buiten SLA"; 1.3.14): 95 / 90 / 85
  euro an hour for Standaard / Advanced / Enterprise.
* **Prepaid card** ("strippenkaart"; table row "Uurtarief strippenkaart"; 1.3.15): 90 / 85
  / 80 euro an hour, "een minimale afname van 5 uren".
* **Evening and weekend** (1.3.16; Mon-Fri 17:00-22:00, Sat-Sun 10:00-16:00): per call a
  start fee ("Start tarief") plus an hourly rate ("Uurtarief per SLA"):

  ==============  ==================  ==============  ============
  tier            SLA + add-on (AWS)  SLA             no SLA
  ==============  ==================  ==============  ============
  start fee       0.00                100.00          160.00
  Standaard       n.v.t.              95.00 an hour   n.v.t.
  Advanced        inclusief           90.00 an hour   n.v.t.
  Enterprise      inclusief           85.00 an hour   n.v.t.
  no SLA          n.v.t.              n.v.t.          160.00 an hour
  ==============  ==================  ==============  ============

  The fee is due per call "ongeacht of de storing is/wordt opgelost en ongeacht de
  besteden tijd" (2.4: "De kosten per call zijn altijd verschuldigd").

Readings that are **choices** (docs/billing.md gives the alternatives):

1. With the add-on the evening and weekend hours are **included** ("inclusief"): such a
   call costs 0.00 (start fee 0, hourly rate 0). ``add_on=True`` means the call is covered
   by the add-on (it covers PRIO 1 and 2); for a PRIO 3 or 4 call in the evening pass
   ``add_on=False``. The add-on exists only for Advanced and Enterprise (Standaard:
   "n.v.t."; no SLA: no add-on), so ``add_on=True`` with ``standard`` or ``None`` is an
   error. During service hours the add-on changes nothing.
2. Evening and weekend hours are paid at the 1.3.16 rate (which equals "Tarief buiten
   SLA"); the document names no prepaid rate for them, so ``prepaid=True`` with
   ``evening_weekend=True`` (and no add-on) is an error rather than a guess.
3. Without an SLA (``tier=None``) the hourly rate outside the evening and weekend is "het
   reguliere uurtarief van VIOMS ... [in de] laatste prijzenlijst" (1.3.15), which the
   document does not give: such a call (and a prepaid card without an SLA) is an error.
4. A prepaid card is bought in whole 15-minute units (calls are debited in those units) and
   holds at least 5 hours; its price is the hours times the tier's card rate.
5. Each call is rounded on its own (the document: "elke service call"); the start fee is
   due even for a call of no time.

Amounts are :class:`~decimal.Decimal` euros quantized to cents; durations are
:class:`~datetime.timedelta`. Every bad input raises :class:`BillingError` (a
``ValueError`` and a :class:`~slacalc.SlacalcError`).

>>> from datetime import timedelta
>>> units(timedelta(minutes=15)), units(timedelta(minutes=15, seconds=1))
(1, 2)
>>> call_cost(timedelta(minutes=50), tier="advanced")
Decimal('90.00')
>>> call_cost(timedelta(minutes=50), tier="advanced", prepaid=True)
Decimal('85.00')
>>> call_cost(timedelta(minutes=20), tier="enterprise", evening_weekend=True)
Decimal('142.50')
>>> call_cost(timedelta(minutes=20), tier="enterprise", evening_weekend=True, add_on=True)
Decimal('0.00')
>>> call_cost(timedelta(minutes=20), tier=None, evening_weekend=True)
Decimal('240.00')
>>> prepaid_card(timedelta(hours=5), tier="standard")
Decimal('450.00')
>>> q = quote(timedelta(minutes=61), tier="standard", evening_weekend=True)
>>> q.units, q.hours, q.hourly_rate, q.start_fee, q.labour, q.total
(5, Decimal('1.25'), Decimal('95.00'), Decimal('100.00'), Decimal('118.75'), Decimal('218.75'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Final, Literal

from slacalc._base.errors import SlacalcError

__all__ = [
    "EVENING_WEEKEND_NO_SLA_RATE",
    "MINIMUM_PREPAID",
    "OUTSIDE_SLA_RATE",
    "PREPAID_RATE",
    "START_FEE",
    "TIERS",
    "UNIT",
    "BillingError",
    "Quote",
    "Tier",
    "call_cost",
    "prepaid_card",
    "quote",
    "units",
]

DOCUMENT: Final = "VIOMS SLA (002_c8ee5f4b1ed663a6.txt)"

Tier = Literal["standard", "advanced", "enterprise"]
TIERS: Final[tuple[Tier, ...]] = ("standard", "advanced", "enterprise")

UNIT: Final = timedelta(minutes=15)
"""The billing unit (1.3.15, 2.3, 2.4): every call rounds up to whole units of 15 minutes."""

MINIMUM_PREPAID: Final = timedelta(hours=5)
"""The smallest prepaid card (1.3.15: "een minimale afname van 5 uren")."""

_CENT: Final = Decimal("0.01")
_UNITS_PER_HOUR: Final = 4


def _euro(text: str) -> Decimal:
    return Decimal(text).quantize(_CENT)


OUTSIDE_SLA_RATE: Final[Mapping[Tier, Decimal]] = MappingProxyType(
    {"standard": _euro("95"), "advanced": _euro("90"), "enterprise": _euro("85")}
)
"""Euro an hour outside the SLA, per tier (section 1, "Tarief buiten SLA"; 1.3.14).

The same figures are the evening and weekend hourly rate with an SLA (1.3.16, column "SLA").
"""

PREPAID_RATE: Final[Mapping[Tier, Decimal]] = MappingProxyType(
    {"standard": _euro("90"), "advanced": _euro("85"), "enterprise": _euro("80")}
)
"""Euro an hour on a prepaid card, per tier (section 1, "Uurtarief strippenkaart"; 1.3.15)."""

START_FEE: Final[Mapping[Literal["add_on", "sla", "no_sla"], Decimal]] = MappingProxyType(
    {"add_on": _euro("0"), "sla": _euro("100"), "no_sla": _euro("160")}
)
"""Start fee of an evening or weekend call (1.3.16, "Start tarief": SLA+AWS, SLA, Zonder SLA)."""

EVENING_WEEKEND_NO_SLA_RATE: Final = _euro("160")
"""Euro an hour of an evening or weekend call without an SLA (1.3.16, "Zonder SLA")."""


class BillingError(SlacalcError, ValueError):
    """A duration, tier or combination of options that VIOMS's billing rules do not cover.

    >>> issubclass(BillingError, ValueError) and issubclass(BillingError, SlacalcError)
    True
    """


@dataclass(frozen=True)
class Quote:
    """The cost of one call, with its breakdown (all amounts in euro, to the cent).

    ``total == start_fee + labour`` and ``labour == hours * hourly_rate`` (rounded to cents).
    ``source`` names the clauses the rates come from.
    """

    units: int
    hours: Decimal
    hourly_rate: Decimal
    start_fee: Decimal
    labour: Decimal
    total: Decimal
    source: str


def _check_duration(duration: object, what: str) -> timedelta:
    if not isinstance(duration, timedelta):
        raise BillingError(
            f"{what} must be a datetime.timedelta, got {duration!r} ({type(duration).__name__})"
        )
    if duration < timedelta(0):
        raise BillingError(f"{what} must not be negative, got {duration!r}")
    return duration


def _check_tier(tier: object, *, allow_none: bool) -> Tier | None:
    if tier is None and allow_none:
        return None
    for known in TIERS:
        if tier == known and isinstance(tier, str):
            return known
    allowed = ", ".join(repr(t) for t in TIERS) + (" or None (no SLA)" if allow_none else "")
    raise BillingError(f"unknown tier {tier!r}; allowed: {allowed}")


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
    duration = _check_duration(duration, "duration")
    # exact integer arithmetic on microseconds: no float rounding at the unit edges
    return -(-duration // timedelta(microseconds=1) // (UNIT // timedelta(microseconds=1)))


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
    checked = _check_tier(tier, allow_none=True)
    if add_on and checked not in ("advanced", "enterprise"):
        raise BillingError(
            f"add_on=True with tier {checked!r}: the evening and weekend add-on exists only "
            "for 'advanced' and 'enterprise' (1.3.16: Standaard 'n.v.t.')"
        )
    if evening_weekend and add_on:
        rate, fee = _euro("0"), START_FEE["add_on"]
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
    hours = (Decimal(n) / _UNITS_PER_HOUR).quantize(_CENT)
    labour = (Decimal(n) * rate / _UNITS_PER_HOUR).quantize(_CENT, rounding=ROUND_HALF_UP)
    return Quote(
        units=n,
        hours=hours,
        hourly_rate=rate,
        start_fee=fee,
        labour=labour,
        total=(fee + labour).quantize(_CENT),
        source=source,
    )


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
    hours = _check_duration(hours, "hours")
    checked = _check_tier(tier, allow_none=False)
    assert checked is not None  # allow_none=False
    if hours < MINIMUM_PREPAID:
        raise BillingError(f"a prepaid card holds at least 5 hours (1.3.15), got {hours}")
    if hours % UNIT:
        raise BillingError(
            f"a prepaid card holds a whole number of 15-minute units, got {hours}; "
            f"allowed: a multiple of {UNIT} of at least {MINIMUM_PREPAID}"
        )
    n = hours // UNIT
    return (Decimal(n) * PREPAID_RATE[checked] / _UNITS_PER_HOUR).quantize(
        _CENT, rounding=ROUND_HALF_UP
    )
