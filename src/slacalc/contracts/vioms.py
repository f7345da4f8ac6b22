"""VIOMS: the service level agreements Standaard, Advanced and Enterprise.

The document is VIOMS's "Overzicht Service Level Agreements (SLA's)" with its
"Toelichting" and "Bepalingen" (Dutch). Its overview table (section 1) gives per tier a
first response and a time to resolution for PRIO 1 to 3, a response for PRIO 4 ("Algemene
support ticket reactie") and a time on site (TTP) for PRIO 1; all count service hours,
Monday to Friday 09:00-17:00 (1.2.11). The evening and weekend service (1.3.16) is an
add-on for Advanced and Enterprise that extends the service hours for PRIO 1 and 2, hence
five contracts: ``vioms/standard`` (Standaard, no add-on: "SLA+AWS: n.v.t."),
``vioms/advanced``, ``vioms/enterprise``, and ``vioms/advanced+evening-weekend`` and
``vioms/enterprise+evening-weekend`` (with the Avond- en Weekend Service).

Targets, hours of the priority's calendar, Standaard / Advanced / Enterprise (section 1):

========  ==============  ==============  =====================  ===========================
priority  response        resolution      on_site                table rows (section 1)
========  ==============  ==============  =====================  ===========================
``P1``    8 / 4 / 2 h     8 / 4 / 2 h     best effort / 4 / 2 h  "PRIO 1 ...", "TTP (PRIO 1)"
``P2``    16 / 8 / 4 h    8 / 4 / 2 h     none                   "PRIO 2 ..."
``P3``    16 / 8 / 4 h    16 / 8 / 4 h    none                   "PRIO 3 ..."
``P4``    32 / 16 / 8 h   none            none                   "Algemene support ticket"
========  ==============  ==============  =====================  ===========================

"Maatwerk" is "In overeenkomst" (per agreement): it is not built in; docs/maatwerk.md
shows how to build one's own from a tier.

Readings that are **choices** (each with the alternative and a one-line override):

1. **Zone** ``Europe/Amsterdam`` with summer time; the document names none. Alternative: a
   fixed UTC+1 (``Etc/GMT-1``)::

       vioms.build("advanced", tz="Etc/GMT-1")

2. **No holidays.** 1.2.11 names none, and "de volgende werkdag" (1.2.12) does not say
   which days are not working days. Alternative: the Dutch algemeen erkende feestdagen
   close the service hours (not the evening and weekend hours)::

       vioms.build("advanced", holidays=Holidays(country="NL", categories=("public", "optional")))

3. **Resolution starts when the response clock stops**: "De tijd voor de Oplossing
   begint nadat het probleem is ondervonden" (1.2.10); the first response is when "een
   VIOMS engineer aanvang neemt tot het oplossen", and Standaard PRIO 2 (response 16u,
   resolution 8u) only makes sense this way. The response stops on ``responded``,
   ``workaround``, ``resolved`` or ``closed``, so resolution starts on the first of those
   (``RESOLUTION_STARTS_ON``): a ticket resolved at first contact is judged, its
   resolution took no time. Alternatives: wait for a ``responded`` event (without one,
   ``NOT_STARTED``), or count from the report::

       vioms.build("advanced", resolution_starts_on=("responded",))
       vioms.build("advanced", resolution_starts_on=("opened",))

Other readings: PRIO 4 has no resolution target; the time on site is for PRIO 1 only
("(TTP) (PRIO 1)"), Standaard's is ``best_effort`` (no deadline), and its clock starts on
``on_site_requested`` ("Alleen relevant wanneer hulp op afstand/telefonisch niet mogelijk
is", 1.2.12); with the add-on the response and resolution of PRIO 1 and 2 run on
``service_and_evening_weekend`` (``service_hours | evening_weekend``), PRIO 3 and 4 keep
``service_hours``, and the time on site always counts service hours ("De genoemde tijd is
de tijd binnen service uren. De TTP 'teller' stopt aan het einde van de servicetijd",
1.2.12). Rates and billing (1.3.14-1.3.16, 2.3, 2.4) are computed by ``slacalc.billing``.

The document's own example (1.2.11): a response time of 8 hours and an incident reported
on Monday at 16:00 expire on Tuesday at 16:00 (Standaard PRIO 1 responds within 8 hours):

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Event, Ticket, contracts
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> monday_4pm = datetime(2026, 11, 23, 16, 0, tzinfo=ams)
>>> ticket = Ticket(id="INC-1", priority="PRIO 1", opened_at=monday_4pm)
>>> r = contracts.get("vioms/standard").evaluate(ticket, at=monday_4pm).targets["response"]
>>> r.due_at.isoformat(), r.status.value
('2026-11-24T16:00:00+01:00', 'running')

With the add-on the evening counts: Advanced PRIO 1 (4 hours) reported at the same time is
due at 20:00 that evening, and a response at 18:00 starts its resolution (4 hours):

>>> ticket = Ticket(id="INC-2", priority="Urgent", opened_at=monday_4pm,
...                 events=[Event(at=datetime(2026, 11, 23, 18, 0, tzinfo=ams), kind="responded")])
>>> addon = contracts.get("vioms/advanced+evening-weekend")
>>> report = addon.evaluate(ticket, at=datetime(2026, 11, 23, 19, 0, tzinfo=ams))
>>> report.targets["response"].status.value, report.targets["response"].due_at.isoformat()
('met', '2026-11-23T20:00:00+01:00')
>>> report.targets["resolution"].due_at.isoformat()
'2026-11-23T22:00:00+01:00'
"""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

from slacalc._base.errors import ContractError
from slacalc._calendar.calendar import Calendar
from slacalc._calendar.holidays import Holidays
from slacalc._contract.models import Priority, Target
from slacalc._facade import Contract
from slacalc.billing import DOCUMENT, OUTSIDE_SLA_RATE, PREPAID_RATE, TIERS, Tier

__all__ = [
    "ADVANCED",
    "ADVANCED_EVENING_WEEKEND",
    "CONTRACTS",
    "DOCUMENT",
    "ENTERPRISE",
    "ENTERPRISE_EVENING_WEEKEND",
    "RESOLUTION_STARTS_ON",
    "STANDARD",
    "build",
]

ZONE = "Europe/Amsterdam"
# 1.2.10: resolution starts when the first response is given, i.e. when the response clock
# stops (SPEC 3: responded, workaround, resolved or closed), whichever comes first.
RESOLUTION_STARTS_ON: tuple[str, ...] = ("responded", "workaround", "resolved", "closed")

_COLUMNS: dict[str, str] = {
    "standard": "Standaard",
    "advanced": "Advanced",
    "enterprise": "Enterprise",
}
_TIER_INDEX: dict[str, int] = {tier: n for n, tier in enumerate(TIERS)}

SERVICE_HOURS = "service_hours"
EVENING_WEEKEND = "evening_weekend"
SERVICE_AND_EVENING_WEEKEND = "service_and_evening_weekend"


# -- calendars ------------------------------------------------------------------------------
def _service_hours(tz: str, holidays: Holidays | None) -> Calendar:
    # 1.2.11: "Dit is standaard van maandag tot vrijdag (09:00-17:00)"; table: "Service
    # tijden Ma-Vr 09-17"; "Buiten de servicetijden wordt de responstijd-teller gestopt"
    return Calendar.weekdays(
        "09:00",
        "17:00",
        tz=tz,
        holidays=holidays,
        source=f"{DOCUMENT}, section 1.2.11 (Servicetijden); section 1, table, 'Service tijden'",
    )


def _evening_weekend(tz: str) -> Calendar:
    # 1.3.16: "uitbreiding van de servicetijden ... Ma-Vrij: 17:00-22:00 uur; Za/Zo:
    # 10:00-16:00 uur"
    evening, weekend = ["17:00-22:00"], ["10:00-16:00"]
    return Calendar(
        tz=tz,
        hours={
            "mon": evening,
            "tue": evening,
            "wed": evening,
            "thu": evening,
            "fri": evening,
            "sat": weekend,
            "sun": weekend,
        },
        source=f"{DOCUMENT}, section 1.3.16 (Avond- en Weekend Service)",
    )


def _service_and_evening_weekend(service: Calendar, evening_weekend: Calendar) -> Calendar:
    # 1.3.16: "kan als uitbreiding ('add-on') worden afgenomen voor de prio's 1 en 2"
    return Calendar(
        tz=service.tz,
        operation="union",
        operands=(service, evening_weekend),
        source=(
            f"{DOCUMENT}, sections 1.2.11 and 1.3.16: the service hours extended by the "
            "Avond- en Weekend Service for PRIO 1 and 2"
        ),
    )


# -- priorities -----------------------------------------------------------------------------
PRIORITIES: tuple[Priority, ...] = (
    # 2.3: "PRIO 1 (Urgent): Betreft het hele bedrijf met complete belemmering van de gehele
    # bedrijfsvoering"
    Priority(
        id="P1",
        name="PRIO 1 (Urgent)",
        aliases=("PRIO 1", "Urgent", "1"),
        description=(
            "The whole company, its operations completely obstructed (as far as they concern "
            "the services taken from VIOMS) (2.3)."
        ),
    ),
    # 2.3: "PRIO 2 (Hoog): Betreft 1 of meerdere eindgebruikers op cruciale plaatsen"
    Priority(
        id="P2",
        name="PRIO 2 (Hoog)",
        aliases=("PRIO 2", "Hoog", "2"),
        description="One or more end users in crucial places; operations obstructed (2.3).",
    ),
    # 2.3: "PRIO 3 (Middel): ... op minder cruciale plaatsen ... Geen directe belemmering"
    Priority(
        id="P3",
        name="PRIO 3 (Middel)",
        aliases=("PRIO 3", "Middel", "3"),
        description=(
            "One or more end users in less crucial places; operations not directly "
            "obstructed (2.3)."
        ),
    ),
    # 2.3: "PRIO 4 (Overig): Betreft geen impact op de zakelijke functionaliteit"
    Priority(
        id="P4",
        name="PRIO 4 (Overig)",
        aliases=("PRIO 4", "Overig", "4"),
        description=(
            "No impact on business functionality: normal service requests, RMA requests, "
            "cosmetic defects (2.3)."
        ),
    ),
)


# -- targets (section 1, the overview table) ------------------------------------------------
class _Row(NamedTuple):
    """One row of the overview table: hours for Standaard, Advanced, Enterprise."""

    priority: str
    metric: str
    hours: tuple[int | None, int | None, int | None]  # None: best effort
    row: str  # the table row, as the document spells it
    clause: str  # the clause that says what the row measures


_RESPONSE = "1.2.10 (Eerste reactie)"
_RESOLUTION = "1.2.10 (Tijd tot oplossing)"
_ON_SITE = "1.2.12 (Tijd Ter Plaatse)"
_TICKET = "1.2.9 (Algemene support ticket)"

_ROWS: tuple[_Row, ...] = (
    # "PRIO 1 Eerste reactie 8u 4u 2u"; 1.2.10: "De genoemde tijd is de maximale tijd"
    _Row("P1", "response", (8, 4, 2), "PRIO 1 Eerste reactie", _RESPONSE),
    # "PRIO 1 tijd tot oplossing 8u 4u 2u"
    _Row("P1", "resolution", (8, 4, 2), "PRIO 1 tijd tot oplossing", _RESOLUTION),
    # "Tijd Ter Plaatse (TTP) (PRIO 1) best effort 4u 2u"; 1.2.12: "De genoemde tijd is de
    # tijd binnen service uren"
    _Row("P1", "on_site", (None, 4, 2), "Tijd Ter Plaatse (TTP) (PRIO 1)", _ON_SITE),
    # "PRIO 2 Eerste reactie 16u 8u 4u"
    _Row("P2", "response", (16, 8, 4), "PRIO 2 Eerste reactie", _RESPONSE),
    # "PRIO 2 tijd tot oplossing 8u 4u 2u"
    _Row("P2", "resolution", (8, 4, 2), "PRIO 2 tijd tot oplossing", _RESOLUTION),
    # "PRIO 3 Eerste reactie 16u 8u 4u"
    _Row("P3", "response", (16, 8, 4), "PRIO 3 Eerste reactie", _RESPONSE),
    # "PRIO 3 tijd tot oplossing 16u 8u 4u"
    _Row("P3", "resolution", (16, 8, 4), "PRIO 3 tijd tot oplossing", _RESOLUTION),
    # "Algemene support ticket reactie (PRIO 4) 32u 16u 8u"; 1.2.9: "Wanneer een reactie
    # door VIOMS is gegeven, stopt de responstijd-teller" (no time to resolution for PRIO 4)
    _Row("P4", "response", (32, 16, 8), "Algemene support ticket reactie (PRIO 4)", _TICKET),
)

# 1.3.16: "kan als uitbreiding ('add-on') worden afgenomen voor de prio's 1 en 2"
_EVENING_WEEKEND_PRIORITIES = ("P1", "P2")


def _target(
    row: _Row,
    tier: Tier,
    *,
    evening_weekend: bool,
    resolution_starts_on: tuple[str, ...],
) -> Target:
    column = _COLUMNS[tier]
    hours = row.hours[_TIER_INDEX[tier]]
    # 1.2.12: "De genoemde tijd [TTP] is de tijd binnen service uren": never extended
    extended = (
        evening_weekend and row.priority in _EVENING_WEEKEND_PRIORITIES and row.metric != "on_site"
    )
    source = (
        f"{DOCUMENT}, section 1, table, row '{row.row}', column '{column}'; section {row.clause}"
    )
    if extended:
        source += "; section 1.3.16 (Avond- en Weekend Service, add-on for PRIO 1 and 2)"
    # 1.2.10: "De tijd voor de Oplossing begint nadat het probleem is ondervonden" (choice:
    # once the response clock stops: a VIOMS engineer "aanvang neemt tot het oplossen")
    starts_on = resolution_starts_on if row.metric == "resolution" else ()
    return Target(
        metric=row.metric,
        priority=row.priority,
        within=None if hours is None else timedelta(hours=hours),
        calendar=SERVICE_AND_EVENING_WEEKEND if extended else SERVICE_HOURS,
        starts_on=starts_on,
        commitment="best_effort" if hours is None else "guaranteed",
        source=source,
    )


# -- notes: what the contract says beyond its targets ---------------------------------------
_ON_SITE_SUPPORT = {"standard": "€ (billed)", "advanced": "PRIO 1 & 2", "enterprise": "Y"}
_CONFIG_CHANGES = {"standard": "Max 15min", "advanced": "Max 1u", "enterprise": "Y"}
_SERVICES = {
    "standard": "Probleem management N, Technisch beheer N, 24/7 Monitoring N",
    "advanced": "Probleem management Y, Technisch beheer N, 24/7 Monitoring Y",
    "enterprise": "Probleem management Y, Technisch beheer Y, 24/7 Monitoring Y",
}


def _notes(tier: Tier, evening_weekend: bool) -> tuple[str, ...]:
    rate = f"{OUTSIDE_SLA_RATE[tier]:.0f}"  # "Tarief buiten SLA" (slacalc.billing)
    if evening_weekend:
        aws = (
            "Evening and weekend calls (1.3.16, column 'SLA+AWS'): start fee EUR 0, hours "
            "included ('inclusief'); PRIO 1 and 2 response and resolution run on "
            "service_and_evening_weekend; the time on site counts service hours (1.2.12)."
        )
    elif tier == "standard":
        aws = (
            "Evening and weekend calls (1.3.16, column 'SLA'): start fee EUR 100 plus EUR 95 an "
            "hour, best effort; no add-on for Standaard ('SLA+AWS: n.v.t.')."
        )
    else:
        aws = (
            f"Evening and weekend calls without the add-on (1.3.16, column 'SLA'): start fee "
            f"EUR 100 plus EUR {rate} an hour, best effort; the targets count service hours only."
        )
    return (
        "Services (section 1, table): Technisch beheer Hosted services, Incident management, "
        "Technisch beheer standaardapplicaties, Hulp op afstand, Antivirus Y; "
        f"{_SERVICES[tier]}; Support op locatie "
        f"{_ON_SITE_SUPPORT[tier]}; Configuratiewijzigingen inbegrepen {_CONFIG_CHANGES[tier]}.",
        f"Billing (slacalc.billing computes it): hourly rate outside the SLA EUR {rate} ('Tarief "
        f"buiten SLA', section 1, table; 1.3.14); prepaid card ('strippenkaart') EUR "
        f"{PREPAID_RATE[tier]:.0f} an hour, at least 5 hours (1.3.15); every call rounded up to "
        "units of 15 minutes (1.3.15, 2.3, 2.4); travel time per visit in whole hours, rounded "
        "up (2.3); the cost of a call is always due (2.4).",
        aws,
        "Not modelled: force majeure, third parties and calamities outside VIOMS's scope "
        "suspend the TTP and response times (2.2, 2.3, 2.4); VIOMS determines the priority "
        "(2.3, 2.4). Leave such tickets out or set their priority as VIOMS did.",
    )


# -- contracts ------------------------------------------------------------------------------
def build(
    tier: Tier,
    *,
    evening_weekend: bool = False,
    holidays: Holidays | None = None,
    resolution_starts_on: tuple[str, ...] = RESOLUTION_STARTS_ON,
    tz: str = ZONE,
) -> Contract:
    """A VIOMS contract as slacalc reads it, with the readings that are choices as options.

    ``holidays`` close the service hours (not the evening and weekend hours);
    ``resolution_starts_on`` names the events that start the resolution clock; ``tz`` is
    the zone of every calendar. The built-in contracts are ``build`` with the defaults.

    >>> build("enterprise", evening_weekend=True).id
    'vioms/enterprise+evening-weekend'
    >>> build("standard", evening_weekend=True)
    Traceback (most recent call last):
    ...
    slacalc.ContractError: VIOMS Standaard has no evening and weekend add-on ...
    """
    if tier not in _COLUMNS:
        raise ContractError(f"unknown VIOMS tier {tier!r}: use one of {', '.join(_COLUMNS)}")
    column = _COLUMNS[tier]
    if evening_weekend and tier == "standard":
        # 1.3.16, "Standaard n.v.t. 95,00 n.v.t.": the column 'SLA+AWS' is n.v.t.
        raise ContractError(
            "VIOMS Standaard has no evening and weekend add-on (1.3.16: 'SLA+AWS' n.v.t.): use "
            "tier 'advanced' or 'enterprise', or evening_weekend=False"
        )
    starts = resolution_starts_on
    service = _service_hours(tz, holidays)
    calendars: dict[str, Calendar] = {SERVICE_HOURS: service}
    contract_id, name = f"vioms/{tier}", column
    # section 1: "Service Levels Standaard Advanced Enterprise Maatwerk"
    source = f"{DOCUMENT}, section 1, table, column '{column}'"
    if evening_weekend:
        extra = _evening_weekend(tz)
        calendars[EVENING_WEEKEND] = extra
        calendars[SERVICE_AND_EVENING_WEEKEND] = _service_and_evening_weekend(service, extra)
        contract_id += "+evening-weekend"
        name += " + Avond- en Weekend Service"
        # table: "Avond / weekend service € add-on add-on"; 1.3.16: "SLA+AWS ... inclusief"
        source += "; section 1.3.16 (Avond- en Weekend Service, add-on)"
    return Contract(
        id=contract_id,
        vendor="VIOMS",
        name=name,
        source=source,
        calendars=calendars,
        priorities=PRIORITIES,
        targets=tuple(
            _target(row, tier, evening_weekend=evening_weekend, resolution_starts_on=starts)
            for row in _ROWS
        ),
        notes=_notes(tier, evening_weekend),
    )


STANDARD = build("standard")
ADVANCED = build("advanced")
ENTERPRISE = build("enterprise")
ADVANCED_EVENING_WEEKEND = build("advanced", evening_weekend=True)
ENTERPRISE_EVENING_WEEKEND = build("enterprise", evening_weekend=True)

CONTRACTS = (STANDARD, ADVANCED, ENTERPRISE, ADVANCED_EVENING_WEEKEND, ENTERPRISE_EVENING_WEEKEND)
