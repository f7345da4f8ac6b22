"""Connexys: the Service Level Agreement of the Connexys service desk.

Document: Connexys, "Service Level Agreement (SLA)" (a web page, Dutch): the tables
"Reactie tijden" and "Oplostijden" per type of call, both "* Kantooruren en werkdagen",
and "Gegarandeerde service niveaus" (availability).

=======================  ====================  ==============================  ===========
priority (type of call)  response              resolution (from the response)  commitment
=======================  ====================  ==============================  ===========
``incident-1``           3 h                   8 h                             guaranteed
``incident-2-custom``    ``WorkingDays(1)``    ``WorkingDays(5)``              guaranteed
``incident-2-standard``  ``WorkingDays(1)``    next release (no deadline)      guaranteed
``incident-3``           ``WorkingDays(1)``    next release (no deadline)      best effort
``question``             12 h                  12 h                            guaranteed
``change``               ``WorkingDays(2)``    none ("Niet van toepassing")
=======================  ====================  ==============================  ===========

Hours are hours of office time and days are working days of the calendar ``office``:
Monday to Friday 09:00-17:00, Europe/Amsterdam, closed on the algemeen erkende
feestdagen. Availability: 99.5 % per calendar month, around the clock.

Readings that are choices (CONTRACTS.md marks them; docs/contracts/ names them too),
each with the alternative and an override, for ``c = contracts.get("connexys/standard")``
(``model_copy`` does not validate: give ``calendars`` as a ``FrozenMap``, as below, or
the copy will neither hash nor serialise):

- **Office hours 09:00-17:00.** "Kantooruren en werkdagen" states no hours. For other
  hours, e.g. 08:30-17:30::

      nl = Holidays(country="NL", categories=("public", "optional"))
      c.model_copy(update={"calendars": FrozenMap({"office": Calendar.weekdays(
          "08:30", "17:30", tz="Europe/Amsterdam", holidays=nl)})})

- **Resolution starts when the response clock stops.** "De tijd tussen het beëindigen
  van de reactietijd ... en de werkelijke oplossing" is read as: from the first of
  ``responded``, ``workaround``, ``resolved`` or ``closed`` (the events that stop the
  response), so a ticket resolved at first contact is judged (its resolution took no
  time). A narrower reading waits for a ``responded`` event (``NOT_STARTED`` without
  one): ``starts_on=("responded",)`` in the override below, keeping ``within``. The
  alternative starts it at the end of the response allowance; the document's example
  (12 h + 12 h = "binnen 24 uur") fits both. It equals one clock from the opening over
  both allowances::

      total = {"question": timedelta(hours=24), "incident-1": timedelta(hours=11),
               "incident-2-custom": WorkingDays(6)}
      c.model_copy(update={"targets": tuple(t.model_copy(update={"starts_on": ("opened",),
          "within": total[t.priority]}) if t.metric == "resolution" and t.priority in total
          else t for t in c.targets)})

- **No bridge days.** The days the government equates with holidays by decree (15 May
  2026, 7 May 2027, ...) are working days. To close them, add them to the holidays::

      nl = Holidays(country="NL", categories=("public", "optional"),
                    extra=(date(2026, 5, 15), date(2027, 5, 7)))

  and put ``Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam", holidays=nl)``
  under ``"office"`` as in the first override.
- **Local Dutch time.** The zone is ``Europe/Amsterdam`` with summer time; a fixed UTC+1 is
  the literal alternative: ``tz="Etc/GMT-1"`` in the first override.
- **Planned maintenance** is left out of the uptime (``planned="exclude"``); the document
  does not define it. To count it as downtime::

      c.model_copy(update={"availability": (
          c.availability[0].model_copy(update={"planned": "count_as_down"}),)})

Any of these can also be written as a JSON or YAML file (start from
``c.model_dump(mode="json")``) and read back with ``contracts.load(path)``.

Example, the document's own: a user question is answered within 12 office hours and
resolved within 12 more, "binnen 24 uur". Asked on Monday 23 November 2026 at 09:00 and
answered at the deadline, Tuesday 13:00, it is due to be resolved on Wednesday at 17:00:

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Event, Ticket
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> ticket = Ticket(id="CX-1", priority="Gebruikersvraag",
...                 opened_at=datetime(2026, 11, 23, 9, 0, tzinfo=ams),
...                 events=[Event(at=datetime(2026, 11, 24, 13, 0, tzinfo=ams),
...                               kind="responded")])
>>> report = STANDARD.evaluate(ticket, at=datetime(2026, 11, 25, 12, 0, tzinfo=ams))
>>> report.targets["response"].status.value, str(report.targets["response"].elapsed)
('met', '12:00:00')
>>> r = report.targets["resolution"]
>>> r.status.value, str(r.elapsed), r.due_at.isoformat(), r.breach_at.isoformat()
('running', '7:00:00', '2026-11-25T17:00:00+01:00', '2026-11-26T09:00:00+01:00')
"""

from __future__ import annotations

from datetime import timedelta

from slacalc._calendar.calendar import Calendar
from slacalc._calendar.durations import WorkingDays
from slacalc._calendar.holidays import Holidays
from slacalc._contract.models import AvailabilityTarget, Priority, Target
from slacalc._facade import Contract

__all__ = ["CONTRACTS", "DOCUMENT", "OFFICE", "PRIORITIES", "STANDARD", "TARGETS"]

DOCUMENT = 'Connexys, "Service Level Agreement (SLA)"'
ZONE = "Europe/Amsterdam"

# "* Kantooruren en werkdagen." (under both tables); the hours are not stated.
OFFICE = Calendar.weekdays(
    "09:00",
    "17:00",
    tz=ZONE,
    holidays=Holidays(country="NL", categories=("public", "optional")),
    source=f"{DOCUMENT}, tables 'Reactie tijden' and 'Oplostijden', footnote "
    "'* Kantooruren en werkdagen'",
)

PRIORITIES = (
    # "Niveau 1 incident"
    Priority(
        id="incident-1",
        name="Niveau 1 incident",
        aliases=("Niveau 1 incident", "Niveau 1", "1"),
    ),
    # "Niveau 2 incident maatwerk" (Oplostijden; "Niveau 2 incident" under Reactie tijden)
    Priority(
        id="incident-2-custom",
        name="Niveau 2 incident maatwerk",
        aliases=("Niveau 2 incident maatwerk", "Niveau 2 maatwerk"),
    ),
    # "Niveau 2 incident standaard applicatie"
    Priority(
        id="incident-2-standard",
        name="Niveau 2 incident standaard applicatie",
        aliases=(
            "Niveau 2 incident standaard applicatie",
            "Niveau 2 incident standaard",
            "Niveau 2 standaard",
        ),
    ),
    # "Niveau 3 incident" / "Niveau 3 incident standaard applicatie"
    Priority(
        id="incident-3",
        name="Niveau 3 incident",
        aliases=(
            "Niveau 3 incident",
            "Niveau 3 incident standaard applicatie",
            "Niveau 3",
            "3",
        ),
    ),
    # "Gebruikersvraag"
    Priority(
        id="question",
        name="Gebruikersvraag",
        aliases=("Gebruikersvraag", "Vraag"),
    ),
    # "Wijzigingsverzoek" ("maatwerk wijzigingsverzoek" under "Procedure voor calls")
    Priority(
        id="change",
        name="Wijzigingsverzoek",
        aliases=("Wijzigingsverzoek", "Maatwerk wijzigingsverzoek"),
    ),
)

_RESPONSE = f"{DOCUMENT}, table 'Reactie tijden', column 'Reactie tijd *'"
_RESOLUTION = f"{DOCUMENT}, table 'Oplostijden', column 'Oplos tijd *'"
# "Oplostijd is gedefinieerd als de tijd tussen het beëindigen van de reactietijd ... en de
# werkelijke oplossing": the resolution clock starts when the response clock stops (SPEC 3:
# responded, workaround, resolved or closed), so a ticket resolved at once is judged.
_FROM_RESPONSE = ("responded", "workaround", "resolved", "closed")

TARGETS = (
    # -- Reactie tijden ("Zo snel mogelijk, maar uiterlijk ...") ---------------------------
    # "Gebruikersvraag ... uiterlijk 12 uur"
    Target(
        metric="response",
        priority="question",
        within=timedelta(hours=12),
        calendar="office",
        source=f"{_RESPONSE}, row 'Gebruikersvraag'",
    ),
    # "Niveau 1 incident ... uiterlijk 3 uur **" (the footnote ** was lost in extraction)
    Target(
        metric="response",
        priority="incident-1",
        within=timedelta(hours=3),
        calendar="office",
        source=f"{_RESPONSE}, row 'Niveau 1 incident'",
    ),
    # "Niveau 2 incident ... uiterlijk 1 dag" (one row for both kinds of level 2)
    Target(
        metric="response",
        priority="incident-2-custom",
        within=WorkingDays(1),
        calendar="office",
        source=f"{_RESPONSE}, row 'Niveau 2 incident'",
    ),
    Target(
        metric="response",
        priority="incident-2-standard",
        within=WorkingDays(1),
        calendar="office",
        source=f"{_RESPONSE}, row 'Niveau 2 incident'",
    ),
    # "Niveau 3 incident ... uiterlijk 1 dag"
    Target(
        metric="response",
        priority="incident-3",
        within=WorkingDays(1),
        calendar="office",
        source=f"{_RESPONSE}, row 'Niveau 3 incident'",
    ),
    # "Wijzigingsverzoek ... uiterlijk 2 dagen"
    Target(
        metric="response",
        priority="change",
        within=WorkingDays(2),
        calendar="office",
        source=f"{_RESPONSE}, row 'Wijzigingsverzoek'",
    ),
    # -- Oplostijden, from the response ---------------------------------------------------
    # "Gebruikersvraag ... uiterlijk 12 uur"
    Target(
        metric="resolution",
        priority="question",
        within=timedelta(hours=12),
        calendar="office",
        starts_on=_FROM_RESPONSE,
        source=f"{_RESOLUTION}, row 'Gebruikersvraag'",
    ),
    # "Niveau 1 incident ... uiterlijk 8 uur"
    Target(
        metric="resolution",
        priority="incident-1",
        within=timedelta(hours=8),
        calendar="office",
        starts_on=_FROM_RESPONSE,
        source=f"{_RESOLUTION}, row 'Niveau 1 incident'",
    ),
    # "Niveau 2 incident maatwerk ... uiterlijk 5 dagen"
    Target(
        metric="resolution",
        priority="incident-2-custom",
        within=WorkingDays(5),
        calendar="office",
        starts_on=_FROM_RESPONSE,
        source=f"{_RESOLUTION}, row 'Niveau 2 incident maatwerk'",
    ),
    # "In de komende of de daarop volgende release van de applicatie": no deadline in time.
    Target(
        metric="resolution",
        priority="incident-2-standard",
        within=None,
        calendar="office",
        starts_on=_FROM_RESPONSE,
        source=f"{_RESOLUTION}, row 'Niveau 2 incident standaard applicatie'",
    ),
    # "Mogelijk in een volgende release van de applicatie": best effort, no deadline.
    Target(
        metric="resolution",
        priority="incident-3",
        within=None,
        calendar="office",
        starts_on=_FROM_RESPONSE,
        commitment="best_effort",
        source=f"{_RESOLUTION}, row 'Niveau 3 incident standaard applicatie'",
    ),
    # "Wijzigingsverzoek ... Niet van toepassing": no resolution target.
)

# "tenminste 99,5 % ... heeft betrekking op een maandelijkse periode en voor 24 uur per dag,
# 7 dagen per week"
UPTIME = AvailabilityTarget(
    name="uptime",
    calendar="24x7",
    minimum=0.995,
    period="month",
    planned="exclude",
    source=f"{DOCUMENT}, section 'Gegarandeerde service niveaus'",
)

STANDARD = Contract(
    id="connexys/standard",
    vendor="Connexys",
    name="Service Level Agreement",
    source=f"{DOCUMENT}, tables 'Reactie tijden' and 'Oplostijden', section "
    "'Gegarandeerde service niveaus'",
    calendars={"office": OFFICE},
    priorities=PRIORITIES,
    targets=TARGETS,
    availability=(UPTIME,),
    notes=(
        "Response ('reactietijd') is the time until Connexys contacts the customer after "
        "the ticket is created; resolution ('oplostijd') runs from the end of the response "
        "(responded, workaround, resolved or closed, whichever comes first) to the actual "
        "solution. Both count office hours and working days ('* Kantooruren en "
        "werkdagen'); '1 dag' and '2 dagen' are working days.",
        "The response table has one row 'Niveau 2 incident' (1 dag) for both "
        "incident-2-custom and incident-2-standard; the alias 'Niveau 2' is therefore "
        "left to neither.",
        "The footnote '**' on the response time of 'Niveau 1 incident' (3 uur) was lost "
        "when the document was extracted; its content is unknown.",
        "incident-2-standard is resolved 'in de komende of de daarop volgende release', "
        "incident-3 'mogelijk in een volgende release' (best effort): no deadline in "
        "time. A change request ('Wijzigingsverzoek') has no resolution time.",
        "A request lies with Connexys only once the Super User has created it or passed "
        "it on to Connexys ('Procedure voor calls'): opened_at is that moment.",
        "Availability is measured by a probe every 15 minutes that records the time and "
        "duration of each interruption ('controleert de server activiteit iedere 15 "
        "minuten'): Outage.from_probes(samples, interval=timedelta(minutes=15)) turns "
        "such samples into outages.",
        "Complaints (complaints@connexys.com, 'Escalatie proces'): an acknowledgement "
        "within one working day, contact within two working days; not a ticket target.",
        "Only users trained by a Connexys trainer or consultant are entitled to service "
        "desk support ('Klant training benodigdheden').",
    ),
)

CONTRACTS: tuple[Contract, ...] = (STANDARD,)
