"""Billing of VIOMS support: 15-minute units, rates, prepaid cards, start fees, inclusions.

The rules come from the VIOMS SLA, 'Overzicht Service Level Agreements (SLA's)' (Dutch):

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
* **Configuration changes** (table row "Configuratiewijzigingen inbegrepen": "Max 15min" /
  "Max 1u" / "Y"; 1.2.13): a change of up to 15 minutes (Standaard) or 1 hour (Advanced),
  and any on Enterprise, is included: :func:`configuration_change`.
* **Travel** (2.3: "Bij elk bezoek wordt de reistijd berekend in uren"): the travel time of
  each visit, in hours: :func:`travel`.

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
   document does not give: such a call (and a prepaid card, a configuration change or
   travel without an SLA) is an error.
4. A prepaid card is bought in whole 15-minute units (calls are debited in those units) and
   holds at least 5 hours; its price is the hours times the tier's card rate.
5. Each call is rounded on its own (the document: "elke service call"); the start fee is
   due even for a call of no time.
6. The included maximum of a configuration change holds per change (the table names no
   period). Beyond it only the time over the maximum is billed (``over_maximum="excess"``,
   the default; ``"whole"`` bills the whole change), in 15-minute units at the tier's
   "Tarief buiten SLA" (or the card rate with ``prepaid=True``).
7. Travel time rounds up to whole hours per visit ("berekend in uren"), at the tier's
   "Tarief buiten SLA" (or the card rate), even where the tier includes support on site.

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
>>> configuration_change(timedelta(minutes=15), tier="standard").total
Decimal('0.00')
>>> configuration_change(timedelta(minutes=16), tier="standard").total
Decimal('23.75')
>>> travel(timedelta(minutes=61), tier="advanced").total
Decimal('180.00')
>>> BillingError
<class 'slacalc.billing.BillingError'>
"""

from __future__ import annotations

from slacalc.billing._calls import call_cost, prepaid_card, quote
from slacalc.billing._figures import (
    DOCUMENT,
    EVENING_WEEKEND_NO_SLA_RATE,
    INCLUDED_CONFIGURATION_CHANGE,
    MINIMUM_PREPAID,
    OUTSIDE_SLA_RATE,
    PREPAID_RATE,
    START_FEE,
    TIERS,
    TRAVEL_UNIT,
    UNIT,
    Tier,
)
from slacalc.billing._quote import BillingError, Quote, units
from slacalc.billing._work import configuration_change, travel

__all__ = [
    "DOCUMENT",
    "EVENING_WEEKEND_NO_SLA_RATE",
    "INCLUDED_CONFIGURATION_CHANGE",
    "MINIMUM_PREPAID",
    "OUTSIDE_SLA_RATE",
    "PREPAID_RATE",
    "START_FEE",
    "TIERS",
    "TRAVEL_UNIT",
    "UNIT",
    "BillingError",
    "Quote",
    "Tier",
    "call_cost",
    "configuration_change",
    "prepaid_card",
    "quote",
    "travel",
    "units",
]

# Public classes report (in reprs, tracebacks and pickles) where users import them from,
# not the private module that defines them. (Their docstrings' doctests then run here.)
for _name in __all__:
    _public = globals()[_name]
    if isinstance(_public, type):
        _public.__module__ = __name__
del _name, _public
