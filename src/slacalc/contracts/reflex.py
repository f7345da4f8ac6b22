"""Reflex Online: the Basis and Premium SLA.

Document: Reflex Online, "Service Level Agreement" (Dutch), sections 2, 3, 4 and 5.3.
Both levels share the targets of section 5.3; they differ in support channels and
services, which each contract carries in its ``notes``.

============  ==========  ===================================  ==============================
priority      workaround  resolution                           clause
============  ==========  ===================================  ==============================
``critical``  4 h         24 h                                 5.3, row "Escalatie" (Kritiek)
``high``      8 h         48 h                                 5.3, row "Hoog"
``low``       none        ``CalendarTime(months=3)``           5.3, row "Laag"
============  ==========  ===================================  ==============================

Hours are hours of office time (Monday to Friday 09:00-17:00, Europe/Amsterdam, no
holidays); every target is an aim ("Streven naar"). Availability: 99.9 % per calendar
year, around the clock (section 3).

Readings that are choices (CONTRACTS.md marks them; docs/contracts/ names them too),
each with the alternative and an override, for ``c = contracts.get("reflex/basis")``
(``model_copy`` does not validate: give ``calendars`` as a ``FrozenMap``, as below, or
the copy will neither hash nor serialise):

- **Resolution in office hours.** "Binnen 24 uur na de melding" is read as 24 hours of
  office time (3 office days), like the workaround times. The alternative is 24 and 48
  clock hours (stricter for an unusable system); ``CalendarTime`` counts clock time::

      clock = {"critical": CalendarTime(hours=24), "high": CalendarTime(hours=48)}
      c.model_copy(update={"targets": tuple(t.model_copy(update={"within": clock[t.priority]})
          if t.metric == "resolution" and t.priority in clock else t for t in c.targets)})

- **Local Dutch time.** The zone is ``Europe/Amsterdam`` with summer time; a fixed UTC+1
  ("CET") is the literal alternative::

      c.model_copy(update={"calendars": FrozenMap(
          {"office": Calendar.weekdays("09:00", "17:00", tz="Etc/GMT-1")})})

- **No holidays.** The document names none, so Dutch holidays are office days. To close
  the algemeen erkende feestdagen::

      nl = Holidays(country="NL", categories=("public", "optional"))
      c.model_copy(update={"calendars": FrozenMap({"office": Calendar.weekdays(
          "09:00", "17:00", tz="Europe/Amsterdam", holidays=nl)})})

- **Planned maintenance** is left out of the uptime (``planned="exclude"``); the document
  does not define it. To count it as downtime::

      c.model_copy(update={"availability": (
          c.availability[0].model_copy(update={"planned": "count_as_down"}),)})

Any of these can also be written as a JSON or YAML file (start from
``c.model_dump(mode="json")``) and read back with ``contracts.load(path)``.

Example: a critical incident reported on Monday 23 November 2026 at 10:00 has 4 office
hours for a workaround and 24 for the final solution (Thursday 10:00):

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from slacalc import Event, Ticket
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> basis = CONTRACTS[0]
>>> ticket = Ticket(id="RO-1", priority="Kritiek",
...                 opened_at=datetime(2026, 11, 23, 10, 0, tzinfo=ams),
...                 events=[Event(at=datetime(2026, 11, 23, 13, 30, tzinfo=ams),
...                               kind="workaround")])
>>> report = basis.evaluate(ticket, at=datetime(2026, 11, 24, 9, 0, tzinfo=ams))
>>> report.targets["workaround"].status.value, str(report.targets["workaround"].elapsed)
('met', '3:30:00')
>>> r = report.targets["resolution"]
>>> r.status.value, r.due_at.isoformat(), str(r.remaining)
('running', '2026-11-26T10:00:00+01:00', '17:00:00')
"""

from __future__ import annotations

from datetime import timedelta

from slacalc._calendar.calendar import Calendar
from slacalc._calendar.durations import CalendarTime
from slacalc._contract.models import AvailabilityTarget, Priority, Target
from slacalc._facade import Contract

__all__ = ["BASIS", "CONTRACTS", "DOCUMENT", "OFFICE", "PREMIUM", "PRIORITIES", "TARGETS"]

DOCUMENT = "Reflex Online, Service Level Agreement"
ZONE = "Europe/Amsterdam"

# "reacties tijdens kantooruren (09:00-17:00, maandag-vrijdag)"; no holidays are named.
# The commercial hours of section 2 ("van 08:00 tot 17:00 uur") are not a support calendar.
OFFICE = Calendar.weekdays(
    "09:00",
    "17:00",
    tz=ZONE,
    source=f"{DOCUMENT}, section 4, Basis SLA, row 'Supportkanalen'",
)

PRIORITIES = (
    # 5.1 "Kritiek: ... voor geen enkele gebruiker beschikbaar"; 5.3 row "Escalatie".
    Priority(
        id="critical",
        name="Kritiek",
        aliases=("Kritiek", "Escalatie"),
        description="Systeem kan niet worden gebruikt: for no user available (5.1, 5.3).",
    ),
    # 5.1 "Hoog: ... verminderde prestaties".
    Priority(
        id="high",
        name="Hoog",
        aliases=("Hoog",),
        description="Systeem kan niet op normale wijze worden gebruikt (5.1, 5.3).",
    ),
    # 5.1 "Laag: ... kan op normale wijze worden gebruikt".
    Priority(
        id="low",
        name="Laag",
        aliases=("Laag",),
        description="Systeem kan op normale wijze worden gebruikt (5.1, 5.3).",
    ),
)

_TABLE = f"{DOCUMENT}, section 5.3, table"
_WORKAROUND = "column 'Workaround geactiveerd'"
_RESOLUTION = "column 'Streven naar finale oplossing'"

TARGETS = (
    # "Escalatie ... Binnen 4 uur na de melding"
    Target(
        metric="workaround",
        priority="critical",
        within=timedelta(hours=4),
        calendar="office",
        commitment="aim",
        source=f"{_TABLE}, row 'Escalatie', {_WORKAROUND}",
    ),
    # "Escalatie ... Binnen 24 uur na de melding" (Streven naar finale oplossing)
    Target(
        metric="resolution",
        priority="critical",
        within=timedelta(hours=24),
        calendar="office",
        commitment="aim",
        source=f"{_TABLE}, row 'Escalatie', {_RESOLUTION}",
    ),
    # "Hoog ... Binnen 8 uur na de melding"
    Target(
        metric="workaround",
        priority="high",
        within=timedelta(hours=8),
        calendar="office",
        commitment="aim",
        source=f"{_TABLE}, row 'Hoog', {_WORKAROUND}",
    ),
    # "Hoog ... Binnen 48 uur na de melding" (Streven naar finale oplossing)
    Target(
        metric="resolution",
        priority="high",
        within=timedelta(hours=48),
        calendar="office",
        commitment="aim",
        source=f"{_TABLE}, row 'Hoog', {_RESOLUTION}",
    ),
    # "Laag ... Workaround geactiveerd: Niet van toepassing": no workaround target.
    # "Met een volgende release doch uiterlijk binnen 3 maanden na de melding"
    Target(
        metric="resolution",
        priority="low",
        within=CalendarTime(months=3),
        calendar="office",
        commitment="aim",
        source=f"{_TABLE}, row 'Laag', {_RESOLUTION}",
    ),
)

# "streeft naar een uptime ... van 99,9% over een heel kalenderjaar genomen"
UPTIME = AvailabilityTarget(
    name="uptime",
    calendar="24x7",
    minimum=0.999,
    period="year",
    planned="exclude",
    source=f"{DOCUMENT}, section 3 'Uptime'",
)

_COMMON_NOTES = (
    "Targets of section 5.3 'Responstijden' apply to both Basis and Premium; section 4 "
    "calls the 'Workaround geactiveerd' times 'Responstijden'.",
    "All targets are aims ('Streven naar finale oplossing'); the uptime is an aim too "
    "('streeft naar een uptime van 99,9%') and covers the software only, not hardware "
    "(section 3).",
    "Low: a workaround is 'Niet van toepassing' (no target); the solution comes 'met een "
    "volgende release doch uiterlijk binnen 3 maanden na de melding' (three calendar "
    "months).",
    "Incidents are reported through the online support portal (5.2); 'Kritiek' incidents "
    "must also be reported by phone, 0345 612 189 (section 2). Portal reports are handled "
    "during office hours (section 2).",
    "The commercial hours, Monday to Friday 08:00-17:00 (section 2), are not a support calendar.",
    "The general terms and conditions prevail over the SLA where they apply (section 8).",
)

BASIS = Contract(
    id="reflex/basis",
    vendor="Reflex Online",
    name="Basis SLA",
    # "De Basis SLA is inbegrepen in onze standaarddienstverlening."
    source=f"{DOCUMENT}, section 4 'SLA-niveaus', table 'Basis SLA', and section 5.3",
    calendars={"office": OFFICE},
    priorities=PRIORITIES,
    targets=TARGETS,
    availability=(UPTIME,),
    notes=(
        "Supportkanalen: online portal, reacties tijdens kantooruren (09:00-17:00, "
        "maandag-vrijdag).",
        "Training nieuwe beheerders: eenmalige initiële training bij implementatie.",
        "Evaluatie dienstverlening: niet inbegrepen.",
        "Toegang tot documentatie: online handleidingen en kennisbank.",
        "Remote Hardware Support: niet inbegrepen.",
        "Leentoestel: niet inbegrepen.",
        "App altijd up-to-date: eigen verantwoordelijkheid.",
        *_COMMON_NOTES,
    ),
)

PREMIUM = Contract(
    id="reflex/premium",
    vendor="Reflex Online",
    name="Premium SLA (hardware)",
    # "Voor de Premium SLA worden kosten berekend afhankelijk van het type product."
    source=f"{DOCUMENT}, section 4 'SLA-niveaus', table 'Premium SLA', and section 5.3",
    calendars={"office": OFFICE},
    priorities=PRIORITIES,
    targets=TARGETS,
    availability=(UPTIME,),
    notes=(
        "Supportkanalen: Basis SLA (online portal, kantooruren), plus e-mail "
        "(reflex-support@reflex-online.com) and an escalation phone number.",
        "Training nieuwe beheerders: inclusief, gedurende de looptijd.",
        "Evaluatie dienstverlening: twee keer per jaar een evaluatiegesprek.",
        "Toegang tot documentatie: online handleidingen en kennisbank.",
        "Remote Hardware Support: inbegrepen, via een Mobile Device Management Tool.",
        "Leentoestel: inbegrepen bij hardwareproblemen (display kapot, mount kapot); "
        "displays only, not the check-in kiosks (aanmeldzuilen); Reflex Online decides "
        "whether and when.",
        "App altijd up-to-date: inbegrepen bij relevante updates; Reflex Online decides "
        "which app versions are rolled out.",
        *_COMMON_NOTES,
    ),
)

CONTRACTS: tuple[Contract, ...] = (BASIS, PREMIUM)
