"""Intramed: the SLA of Intramed (on premise) and Intramed Online.

Document: Intramed, the *Service Level Agreement* for "het product Intramed (Online)"
(Dutch), article 4 "Normen voor klantenondersteuning". Two contracts:
``intramed/on-premise`` (supplier Intramed BV) and ``intramed/online`` (supplier Convenient
BV), the two tables of 4.6. Both run on the support windows of 4.1 (Monday and Thursday
08:00-20:00; Tuesday, Wednesday and Friday 08:00-17:00; "exclusief erkende feestdagen")
and have three levels, ``level-1``, ``level-2`` and ``level-3`` ("Niveau", 4.5).

- Incidents (ticket kind ``incident``), metric ``restore`` ("Hersteltijd incidenten"):
  on premise 1, 2 and 5 working days; online 4 hours, 5 and 10 working days.
- Bugs (ticket kind ``bug``), metric ``bug_fix`` ("Hersteltijd bugs"), in calendar time:
  level 1 three weeks ("max. 3 weken"), level 2 two months, level 3 the next half-yearly
  update (no deadline: ``NO_TARGET``).
- A status update is due at half "de toepasselijke Hersteltijd" (4.6), of incidents and
  bugs alike: milestone ``0.5`` on ``restore`` and on ``bug_fix``.
- Time spent waiting on the customer does not count ("wacht op de medewerking van Klant
  wordt niet meegerekend"): both metrics are pausable.
- All are aims ("Hersteltijden zijn streeftijden"): ``commitment="aim"``.

Readings that are choices (docs/contracts/ names them too), each with its alternative;
the overrides below are one statement each and run as doctests:

- **Zone** ``Europe/Amsterdam`` (Dutch time with summer time); the document names none, a
  fixed UTC+1 (``tz="Etc/GMT-1"``) is the literal alternative of the other documents' "CET".
- **"1 à 2 maanden" is 2 months** for level-2 bugs: the upper end, since the document
  promises no more. The alternative, 1 month, is
  ``CalendarTime(months=1)`` as the ``within`` of the ``("level-2", "bug_fix")`` target.
- **Holidays**: "erkende feestdagen" are the *algemeen erkende feestdagen* of the Algemene
  termijnenwet (``Holidays(country="NL", categories=("public", "optional"))``). The bridge
  days the government equates by decree (2 January and 15 May 2026, ...) are not
  included; the alternative adds them with ``extra=``.

>>> from datetime import date, datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Contract, Holidays
>>> from slacalc.contracts.intramed import ON_PREMISE as c
>>> fixed = Contract.model_validate({**c.model_dump(), "calendars": {
...     "support": {**c.calendars["support"].model_dump(), "tz": "Etc/GMT-1"}}})
>>> bridged = Contract.model_validate({**c.model_dump(), "calendars": {
...     "support": c.calendars["support"].model_copy(update={"holidays": Holidays(
...         country="NL", categories=("public", "optional"),
...         extra=(date(2026, 1, 2), date(2026, 5, 15)))})}})
>>> fixed.calendars["support"].tz, bridged.calendars["support"].is_open(
...     datetime(2026, 5, 15, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))
('Etc/GMT-1', False)

A level-1 incident on premise registered on Wednesday 13 May 2026 at 10:00, the day
before Ascension Day (Thursday 14 May, a holiday): one working day later is Friday 15 May
10:00, 9 hours of support time (7 on Wednesday, 2 on Friday); the status update is due
after half of it, Wednesday 14:30:

>>> from slacalc import Ticket
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> t = Ticket(id="IM-1", priority="Niveau 1", opened_at=datetime(2026, 5, 13, 10, tzinfo=ams))
>>> r = c.evaluate(t, at=datetime(2026, 5, 13, 15, tzinfo=ams)).targets["restore"]
>>> r.status.value, r.target, r.due_at.isoformat()
('running', datetime.timedelta(seconds=32400), '2026-05-15T10:00:00+02:00')
>>> [(f, when.isoformat()) for f, when in r.milestones]
[(0.5, '2026-05-13T14:30:00+02:00')]
"""

from __future__ import annotations

from datetime import timedelta

from slacalc._calendar.calendar import Calendar
from slacalc._calendar.durations import CalendarTime, WorkingDays
from slacalc._calendar.holidays import Holidays
from slacalc._contract.models import Priority, Target, Within
from slacalc._facade import Contract

__all__ = ["CONTRACTS", "DOCUMENT", "ONLINE", "ON_PREMISE"]

DOCUMENT = "Intramed, Service Level Agreement Intramed (Online)"

# "Maandag en Donderdag 08:00 tot 20:00 uur"; "Dinsdag, Woensdag en Vrijdag 08:00 uur tot
# 17:00 uur"; "*exclusief erkende feestdagen"
SUPPORT = Calendar(
    tz="Europe/Amsterdam",
    hours={
        "mon": ["08:00-20:00"],
        "tue": ["08:00-17:00"],
        "wed": ["08:00-17:00"],
        "thu": ["08:00-20:00"],
        "fri": ["08:00-17:00"],
    },
    holidays=Holidays(country="NL", categories=("public", "optional")),
    source=f"{DOCUMENT}, section 4.1 'Dienstvensters', table, and '*exclusief erkende "
    "feestdagen'; section 4.4 'Afhandeling van verzoeken die Storingen ... betreffen en "
    "herstel: Openingsuren'",
)

PRIORITIES = (
    # "Niveau 1 Applicatie/Database/Dienst functioneert geheel niet"
    Priority(
        id="level-1",
        name="Niveau 1",
        aliases=("Niveau 1", "1", "Storingsniveau 1"),
        description="Applicatie/Database/Dienst functioneert geheel niet en is onbruikbaar "
        "of onbereikbaar, of kent een zeer ernstige mate van vertraging",
    ),
    # "Niveau 2 Applicatie/Database/Dienst functioneert met hinderlijke vertraging"
    Priority(
        id="level-2",
        name="Niveau 2",
        aliases=("Niveau 2", "2", "Storingsniveau 2"),
        description="Applicatie/Database/Dienst functioneert met hinderlijke vertraging "
        "en/of onmiskenbare fouten, maar is nog wel te gebruiken",
    ),
    # "Niveau 3 Applicatie/Database/Dienst functioneert niet geheel volgens de specificaties"
    Priority(
        id="level-3",
        name="Niveau 3",
        aliases=("Niveau 3", "3", "Storingsniveau 3"),
        description="Applicatie/Database/Dienst functioneert niet geheel volgens de "
        "specificaties; de hinder is zeer beperkt",
    ),
)

_PAUSE = (
    "; 'De tijdsduur waarop Leverancier wacht op de medewerking van Klant wordt niet "
    "meegerekend in de Hersteltijd'; '*Hersteltijden zijn streeftijden'"
)


def _restore(table: str, level: int, within: Within) -> Target:
    return Target(
        metric="restore",
        priority=f"level-{level}",
        within=within,
        calendar="support",
        applies_to=("incident",),
        # "Op de helft van de toepasselijke Hersteltijd ... zal een statusupdate worden
        # verschaft"
        milestones=(0.5,),
        # "wacht op de medewerking van Klant wordt niet meegerekend"
        pausable=True,
        # "Hersteltijden zijn streeftijden"
        commitment="aim",
        source=f"{DOCUMENT}, section 4.6, table '{table}', row 'Niveau {level}', column "
        f"'HERSTELTIJD INCIDENTEN*'{_PAUSE}; 'Op de helft van de toepasselijke Hersteltijd "
        "... een statusupdate'",
    )


def _bug_fix(table: str, level: int, within: Within) -> Target:
    return Target(
        metric="bug_fix",
        priority=f"level-{level}",
        within=within,
        calendar="support",
        applies_to=("bug",),
        # "Op de helft van de toepasselijke Hersteltijd ... zal een statusupdate worden
        # verschaft": the Hersteltijd of bugs too
        milestones=(0.5,),
        # "wacht op de medewerking van Klant wordt niet meegerekend"
        pausable=True,
        # "Hersteltijden zijn streeftijden"
        commitment="aim",
        source=f"{DOCUMENT}, section 4.6, table '{table}', row 'Niveau {level}', column "
        f"'HERSTELTIJD BUGS*'{_PAUSE}; 'Op de helft van de toepasselijke Hersteltijd ... een "
        "statusupdate'",
    )


def _bugs(table: str) -> tuple[Target, ...]:
    """The bug targets, the same in both tables of 4.6."""
    return (
        _bug_fix(table, 1, CalendarTime(weeks=3)),  # "De kortst mogelijke termijn (max. 3 weken)"
        _bug_fix(table, 2, CalendarTime(months=2)),  # "1 à 2 maanden": the upper end (choice)
        _bug_fix(table, 3, None),  # "Volgende halfjaarlijkse update": no deadline
    )


_SECTION_4 = f"{DOCUMENT}, article 4 'Normen voor klantenondersteuning', sections 4.1-4.6"

_NOTES = (
    "Restore ('Hersteltijd') runs from the registration of the fault to its registered "
    "restoration (4.6); waiting on the customer does not count (pause the ticket).",
    "A status update is due at half the restore time of incidents and bugs (4.6: 'Op de "
    "helft van de toepasselijke Hersteltijd'): the 0.5 milestone of restore and bug_fix.",
    "Level-2 bugs: '1 à 2 maanden' is read as 2 months, the upper end (a choice).",
    "Bugs are tickets of kind 'bug' (article 1: 'Verstoring waarbij de applicatie niet goed "
    "functioneert en er geen problemen zijn met de database'); level 3 waits for the next "
    "half-yearly update (3.4: 'minimaal twee keer per jaar updates'), so it has no deadline.",
    "All times are aims, not guarantees (4.6: 'kan over de Hersteltijd geen garantie worden "
    "afgegeven').",
)

ON_PREMISE = Contract(
    id="intramed/on-premise",
    vendor="Intramed",
    name="Intramed (on premise)",
    source=f"{_SECTION_4}, table 'STORINGSNIVEAU INTRAMED'",
    calendars={"support": SUPPORT},
    priorities=PRIORITIES,
    targets=(
        _restore("INTRAMED", 1, WorkingDays(1)),  # "Niveau 1 1 werkdag"
        _restore("INTRAMED", 2, WorkingDays(2)),  # "Niveau 2 2 werkdagen"
        _restore("INTRAMED", 3, WorkingDays(5)),  # "Niveau 3 5 werkdagen"
        *_bugs("INTRAMED"),
    ),
    notes=(*_NOTES, "Supplier: Intramed BV (article 1, 'Leverancier')."),
)

ONLINE = Contract(
    id="intramed/online",
    vendor="Intramed",
    name="Intramed Online",
    source=f"{_SECTION_4}, table 'STORINGSNIVEAU INTRAMED ONLINE'",
    calendars={"support": SUPPORT},
    priorities=PRIORITIES,
    targets=(
        _restore("INTRAMED ONLINE", 1, timedelta(hours=4)),  # "Niveau 1 4 uur"
        _restore("INTRAMED ONLINE", 2, WorkingDays(5)),  # "Niveau 2 5 werkdagen"
        _restore("INTRAMED ONLINE", 3, WorkingDays(10)),  # "Niveau 3 10 werkdagen"
        *_bugs("INTRAMED ONLINE"),
    ),
    notes=(
        *_NOTES,
        "Supplier: Convenient BV (article 1, 'Leverancier'), which also hosts and monitors "
        "Intramed Online (2.4, 3.8-3.9); the SLA states no availability percentage.",
    ),
)

CONTRACTS: tuple[Contract, ...] = (ON_PREMISE, ONLINE)
