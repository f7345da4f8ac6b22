"""InfraVision (OnITnow): the SLA of the IV Integratiedienst, cloud and on premise.

Document: InfraVision, *Specifieke Voorwaarden Ondersteuning, versie 2.0* (Dutch), section
3 "Service Level Agreement van toepassing op de IV Integratiedienst". Two contracts:
``infravision/cloud`` (3.1, "gehost door Onderneming (Cloud)") and
``infravision/on-premise`` (3.1, "gehost door Klant ... op locatie (on premise)"). Both
share the support hours (Mon-Fri 08:30-17:30, no holidays named), the four priorities
``top``, ``high``, ``medium``, ``low`` and the response and resolution targets of
3.2, counted in support hours ("Reactie tijd en resolutietijden zijn van toepassing binnen de
Ondersteuningsuren"). The targets are objectives ("3.2. Reactie & resolutie doelstellingen";
"Service Level Targets (SLTs)"): ``commitment="aim"``. What is promised are the compliance
goals of 3.2, which count requests ("Top impact verzoeken binnen doelstelling: 100 %";
"Verzoeken ... binnen doelstelling: >=80%"): ``per="ticket"``, a request is within its
objective when none of its targets is breached. Resolutions that never started (no root
cause recorded) are counted apart (``not_started``), never dropped silently.

Readings that are choices (docs/contracts/ names them too), each with its alternative;
the overrides below are one statement each and run as doctests:

- **Zone** ``Europe/Amsterdam`` (Dutch time with summer time) for the document's "CET";
  the literal alternative is a fixed UTC+1 (``tz="Etc/GMT-1"``).
- **Resolution starts when the root cause is established** ("begint nadat de hoofdoorzaak
  is vastgesteld"): its clock starts on the ``root_cause_identified`` event, and a ticket
  without that event has resolution ``NOT_STARTED``. The alternative starts it at the
  opening.
- **Availability per calendar month**: 3.1 names no period, the interruption limit is
  "/ maand". The alternative is per calendar year.
- **Planned maintenance is excluded** from availability (the document does not define
  it). The alternatives count it as up or as down.

>>> from slacalc import Calendar, Contract
>>> from slacalc.contracts.infravision import CLOUD as c
>>> fixed = Contract.model_validate({**c.model_dump(), "calendars": {
...     "support_hours": Calendar.weekdays("08:30", "17:30", tz="Etc/GMT-1")}})
>>> from_opening = c.model_copy(update={"targets": tuple(
...     t.model_copy(update={"starts_on": ("opened",)}) if t.metric == "resolution" else t
...     for t in c.targets)})
>>> yearly = c.model_copy(update={"availability": tuple(
...     a.model_copy(update={"period": "year"}) for a in c.availability)})
>>> planned_down = c.model_copy(update={"availability": tuple(
...     a.model_copy(update={"planned": "count_as_down"}) for a in c.availability)})
>>> fixed.calendars["support_hours"].tz, from_opening.target("top", "resolution").starts_on
('Etc/GMT-1', ('opened',))

A Top ticket opened on Monday 23 November 2026 at 16:00, whose root cause is established
at 16:30: the response is due an hour of support time later, the resolution four hours of
support time after the root cause (one on Monday, three on Tuesday from 08:30):

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Event, Ticket
>>> from slacalc.contracts.infravision import CLOUD
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> t = Ticket(id="IV-1", priority="Top (1)", opened_at=datetime(2026, 11, 23, 16, tzinfo=ams),
...            events=[Event(at=datetime(2026, 11, 23, 16, 30, tzinfo=ams),
...                          kind="root_cause_identified")])
>>> report = CLOUD.evaluate(t, at=datetime(2026, 11, 24, 10, tzinfo=ams))
>>> report.targets["response"].status.value, report.targets["response"].due_at.isoformat()
('breached', '2026-11-23T17:00:00+01:00')
>>> r = report.targets["resolution"]
>>> r.status.value, r.due_at.isoformat(), r.elapsed
('running', '2026-11-24T11:30:00+01:00', datetime.timedelta(seconds=9000))
"""

from __future__ import annotations

from datetime import timedelta

from slacalc._calendar.calendar import Calendar
from slacalc._contract.models import (
    AvailabilityTarget,
    Commitment,
    ComplianceGoal,
    InterruptionLimit,
    Priority,
    Target,
)
from slacalc._facade import Contract

__all__ = ["CLOUD", "CONTRACTS", "DOCUMENT", "ON_PREMISE"]

DOCUMENT = "InfraVision, Specifieke Voorwaarden Ondersteuning, versie 2.0"

# "Ondersteuningsuren: Maandag t/m vrijdag van 8.30 AM tot 5.30 PM CET"; no holidays named.
SUPPORT_HOURS = Calendar.weekdays(
    "08:30",
    "17:30",
    tz="Europe/Amsterdam",
    source=f"{DOCUMENT}, sections 2.1, 3.1 'Ondersteuningsuren' and 3.2, column "
    "'Ondersteuning Uren 9x5'",
)

_TABLE = f"{DOCUMENT}, section 3.2, table"

PRIORITIES = (
    # "Top (1) Dienst Down for meerdere Gebruikers"
    Priority(
        id="top",
        name="Top",
        aliases=("1", "Top (1)"),
        description="Dienst down voor meerdere gebruikers",
    ),
    # "Hoog (2) Dienst verslechterd voor meerdere Gebruikers"
    Priority(
        id="high",
        name="Hoog",
        aliases=("2", "Hoog", "Hoog (2)"),
        description="Dienst verslechterd voor meerdere gebruikers",
    ),
    # "Gemiddeld (3) Dienst down voor Een Gebruiker"
    Priority(
        id="medium",
        name="Gemiddeld",
        aliases=("3", "Gemiddeld", "Gemiddeld (3)"),
        description="Dienst down voor een gebruiker",
    ),
    # "Laag (4) Dienst verslechterd voor Een Gebruiker"
    Priority(
        id="low",
        name="Laag",
        aliases=("4", "Laag", "Laag (4)"),
        description="Dienst verslechterd voor een gebruiker",
    ),
)

# "Resolutietijd is gebaseerd op een door Onderneming geleverde resolutie, die ook een
# workaround kan zijn, en begint nadat de hoofdoorzaak is vastgesteld."
_RESOLUTION_STARTS = ("root_cause_identified",)
_RESOLUTION_STOPS = ("workaround", "resolved", "closed")


# "3.2. Reactie & resolutie doelstellingen"; "Service Level Targets (SLTs)": objectives
_COMMITMENT: Commitment = "aim"


def _response(priority: str, row: str, hours: int) -> Target:
    return Target(
        metric="response",
        priority=priority,
        within=timedelta(hours=hours),
        calendar="support_hours",
        commitment=_COMMITMENT,
        source=f"{_TABLE}, row '{row}', column 'Reactie Tijd *'",
    )


def _resolution(priority: str, row: str, hours: int) -> Target:
    return Target(
        metric="resolution",
        priority=priority,
        within=timedelta(hours=hours),
        calendar="support_hours",
        starts_on=_RESOLUTION_STARTS,
        stops_on=_RESOLUTION_STOPS,
        commitment=_COMMITMENT,
        source=f"{_TABLE}, row '{row}', column 'Resolutie Tijd *'; 'begint nadat de "
        "hoofdoorzaak is vastgesteld'",
    )


TARGETS = (
    _response("top", "Top (1)", 1),  # "Top (1) ... Max. 1 uur"
    _resolution("top", "Top (1)", 4),  # "Top (1) ... Max. 4 uren"
    _response("high", "Hoog (2)", 9),  # "Hoog (2) ... Max. 9 uren"
    _resolution("high", "Hoog (2)", 18),  # "Hoog (2) ... Max. 18 uren"
    _response("medium", "Gemiddeld (3)", 18),  # "Gemiddeld (3) ... Max. 18 uren"
    _resolution("medium", "Gemiddeld (3)", 45),  # "Gemiddeld (3) ... Max. 45 uren"
    _response("low", "Laag (4)", 18),  # "Laag (4) ... Max. 18 uren"
    _resolution("low", "Laag (4)", 90),  # "Laag (4) ... Max. 90 uren"
)

COMPLIANCE = (
    # "Top impact verzoeken binnen doelstelling: 100 %": requests (tickets), not targets
    ComplianceGoal(
        priorities=("top",),
        minimum=1.0,
        per="ticket",
        source=f"{DOCUMENT}, section 3.2, 'Top impact verzoeken binnen doelstelling: 100 %'",
    ),
    # "Verzoeken met lage, gemiddelde en hoge impact binnen doelstelling: >=80%"
    ComplianceGoal(
        priorities=("high", "medium", "low"),
        minimum=0.8,
        per="ticket",
        source=f"{DOCUMENT}, section 3.2, 'Verzoeken met lage, gemiddelde en hoge impact "
        "binnen doelstelling: >=80%'",
    ),
)

_CLOUD = f"{DOCUMENT}, section 3.1, 'IV Integratiedienst gehost door Onderneming (Cloud)'"
_ON_PREMISE = (
    f"{DOCUMENT}, section 3.1, 'IV Integratiedienst gehost door Klant ... op locatie (on premise)'"
)

_NOTES = (
    "Response and resolution times count support hours only (3.2: 'Reactie tijd en "
    "resolutietijden zijn van toepassing binnen de Ondersteuningsuren').",
    "Resolution starts on root_cause_identified (3.2: 'begint nadat de hoofdoorzaak is "
    "vastgesteld'); without that event it is not_started, and compliance counts such "
    "resolutions apart (not_started). A workaround stops it (3.2: 'die ook een workaround "
    "kan zijn').",
    "The targets are objectives (3.2 'Reactie & resolutie doelstellingen'; 'Service Level "
    "Targets'); the compliance goals count requests: a request is within its objective when "
    "none of its targets is breached (3.2: 'Top impact verzoeken binnen doelstelling').",
    "A root-cause analysis runs for every Top incident and for repeated production "
    "incidents (2.3).",
    "Requests for information have no priority (2.2) and are not tickets for these targets; "
    "requests for change are outside the standard support (2.2).",
)

CLOUD = Contract(
    id="infravision/cloud",
    vendor="InfraVision",
    name="IV Integratiedienst (Cloud)",
    source=_CLOUD,
    calendars={"support_hours": SUPPORT_HOURS},
    priorities=PRIORITIES,
    targets=TARGETS,
    availability=(
        # "beschikbaarheidsdoel van 99,5% tijdens kantoortijden voor ondersteuning"
        AvailabilityTarget(
            name="support_hours",
            calendar="support_hours",
            minimum=0.995,
            period="month",
            source=f"{_CLOUD}, 'beschikbaarheidsdoel van 99,5% tijdens kantoortijden voor "
            "ondersteuning'",
        ),
        # "en 95% buiten kantoortijden"; "Dienst uren: 24 x 7"
        AvailabilityTarget(
            name="outside_support_hours",
            calendar="outside:support_hours",
            minimum=0.95,
            period="month",
            source=f"{_CLOUD}, 'en 95% buiten kantoortijden'; 'Dienst uren: 24 x 7'",
        ),
    ),
    # "Betrouwbaarheid: <=3 onderbrekingen / maand"
    interruption_limit=InterruptionLimit(
        maximum=3,
        period="month",
        source=f"{_CLOUD}, 'Betrouwbaarheid: <=3 onderbrekingen / maand'",
    ),
    compliance=COMPLIANCE,
    notes=(
        *_NOTES,
        "Availability is measured per calendar month (3.1 names no period; the interruption "
        "limit is per month).",
    ),
)

ON_PREMISE = Contract(
    id="infravision/on-premise",
    vendor="InfraVision",
    name="IV Integratiedienst (on premise)",
    source=_ON_PREMISE,
    calendars={"support_hours": SUPPORT_HOURS},
    priorities=PRIORITIES,
    targets=TARGETS,
    availability=(
        # "beschikbaarheidsdoel van 97,5% tijdens de kantooruren voor ondersteuning"
        AvailabilityTarget(
            name="support_hours",
            calendar="support_hours",
            minimum=0.975,
            period="month",
            source=f"{_ON_PREMISE}, 'beschikbaarheidsdoel van 97,5% tijdens de kantooruren "
            "voor ondersteuning'",
        ),
    ),
    # "Betrouwbaarheid: <=3 onderbrekingen / maand"
    interruption_limit=InterruptionLimit(
        maximum=3,
        period="month",
        source=f"{_ON_PREMISE}, 'Betrouwbaarheid: <=3 onderbrekingen / maand'",
    ),
    compliance=COMPLIANCE,
    notes=(
        *_NOTES,
        "Nothing is promised outside support hours. Only faults of the IV Integratiedienst "
        "itself count, not the customer's hardware or operating system (3.1).",
        "Availability is measured per calendar month (3.1 names no period; the interruption "
        "limit is per month).",
    ),
)

CONTRACTS: tuple[Contract, ...] = (CLOUD, ON_PREMISE)
