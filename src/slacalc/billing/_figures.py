"""The figures of the VIOMS SLA that billing uses: tiers, units, rates, fees, inclusions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Final, Literal

DOCUMENT: Final = "VIOMS, Overzicht Service Level Agreements (SLA's)"
"""The document the rules come from: vendor and title (cited in every ``source``)."""

Tier = Literal["standard", "advanced", "enterprise"]
TIERS: Final[tuple[Tier, ...]] = ("standard", "advanced", "enterprise")
"""The SLA tiers of section 1: Standaard, Advanced, Enterprise (``None`` is no SLA)."""

UNIT: Final = timedelta(minutes=15)
"""The billing unit (1.3.15, 2.3, 2.4): every call rounds up to whole units of 15 minutes."""

TRAVEL_UNIT: Final = timedelta(hours=1)
"""The unit of travel time (2.3: "Bij elk bezoek wordt de reistijd berekend in uren").

Each visit's travel time rounds up to whole hours (a reading: see :func:`travel`).
"""

MINIMUM_PREPAID: Final = timedelta(hours=5)
"""The smallest prepaid card (1.3.15: "een minimale afname van 5 uren")."""

CENT: Final = Decimal("0.01")
UNITS_PER_HOUR: Final = 4
MICROSECOND: Final = timedelta(microseconds=1)


def euro(text: str) -> Decimal:
    """``text`` as euros quantized to cents."""
    return Decimal(text).quantize(CENT)


OUTSIDE_SLA_RATE: Final[Mapping[Tier, Decimal]] = MappingProxyType(
    {"standard": euro("95"), "advanced": euro("90"), "enterprise": euro("85")}
)
"""Euro an hour outside the SLA, per tier (section 1, "Tarief buiten SLA"; 1.3.14).

The same figures are the evening and weekend hourly rate with an SLA (1.3.16, column "SLA").
"""

PREPAID_RATE: Final[Mapping[Tier, Decimal]] = MappingProxyType(
    {"standard": euro("90"), "advanced": euro("85"), "enterprise": euro("80")}
)
"""Euro an hour on a prepaid card, per tier (section 1, "Uurtarief strippenkaart"; 1.3.15)."""

START_FEE: Final[Mapping[Literal["add_on", "sla", "no_sla"], Decimal]] = MappingProxyType(
    {"add_on": euro("0"), "sla": euro("100"), "no_sla": euro("160")}
)
"""Start fee of an evening or weekend call (1.3.16, "Start tarief": SLA+AWS, SLA, Zonder SLA)."""

EVENING_WEEKEND_NO_SLA_RATE: Final = euro("160")
"""Euro an hour of an evening or weekend call without an SLA (1.3.16, "Zonder SLA")."""

INCLUDED_CONFIGURATION_CHANGE: Final[Mapping[Tier, timedelta | None]] = MappingProxyType(
    {"standard": timedelta(minutes=15), "advanced": timedelta(hours=1), "enterprise": None}
)
"""The longest configuration change the SLA includes, per tier; ``None``: no maximum.

Section 1, table, row "Configuratiewijzigingen inbegrepen": "Max 15min" (Standaard), "Max
1u" (Advanced), "Y" (Enterprise: included, no maximum named). 1.2.13 defines a
configuration change: "Een aanvraag tot wijziging of uitbreiding/inkrimping van een dienst"
(a password change, granting rights, adding or removing users).
"""
