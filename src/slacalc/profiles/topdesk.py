"""TOPdesk: the incident (melding) list exported as CSV, and the card history (*Historie*).

**Getting the export out.** In TOPdesk's operator section, open the incident overview
(*Meldingenbeheer*, a selection or a saved list), show the columns below, and export the
list (*Exporteren*) as CSV. A Dutch installation writes the export for Excel: ``;``
between the cells, Windows-1252 (cp1252) text without a byte order mark, Dutch headers
and dates as ``23-11-2026 16:00`` (day-month-year, 24-hour clock) in the operator's time
zone, without an offset: pass ``--encoding cp1252 --tz Europe/Amsterdam``. An English
installation writes the English labels (*Number*, *Call date*, *Completed date*, ...):
map them with a profile file that extends topdesk.

The status history is TOPdesk's audit trail, the *Historie* tab of the card: one row
per changed field, with the date, the operator, the field, its old and its new value.
The profile reads it as a file with one row per change and the card's number in front:
``Nummer``, ``Datum``, ``Veld``, ``Oude waarde``, ``Nieuwe waarde``. Only the rows whose
``Veld`` is ``Verwerkingsstatus`` (the processing status) are read.

**Columns** (the export's header names; the REST API's field in brackets):

* ``Nummer`` (``id``; ``number``): the incident number, e.g. ``I2611 001``.
* ``Prioriteit`` (``priority``; ``priority.name``): the priority, names of your own
  installation; map each with ``--priority``.
* ``Aanmelddatum`` (``opened_at``; ``callDate``): when the call was registered.
* ``Reactiedatum`` (``responded_at``; ``responseDate``): the response, when recorded.
* ``Datum gereed`` (``resolved_at``; ``completedDate``): when the incident was completed
  (*Gereed*); TOPdesk empties it when the incident is reopened.
* ``Datum afgemeld`` (``closed_at``; ``closedDate``): when it was closed (*Afgemeld*).
* ``Verwerkingsstatus`` (``status``; ``processingStatus.name``): the processing status.

**Statuses.** TOPdesk puts an incident *on hold* (``onHold``, with ``onHoldDate`` and
``onHoldDuration``) through its processing status: a processing status marked as on hold
stops the target date (*Streefdatum*) from running out while the incident is in it. Which
statuses are on hold is each installation's own setting; the profile pauses on the
customary ``Wachten op gebruiker`` (*Waiting for user*), resolves on ``Gereed``
(*Completed*) and closes on ``Afgemeld`` (*Closed*); every other processing status
(``Aangemeld``, ``In behandeling``, ``Wachten op leverancier``, ...) runs the clock.

>>> PROFILE.statuses.role("Wachten op gebruiker"), PROFILE.statuses.role("waiting for user")
('paused', 'paused')
>>> PROFILE.statuses.role("Gereed"), PROFILE.statuses.role("Afgemeld")
('resolved', 'closed')
>>> PROFILE.statuses.role("Wachten op leverancier")
'running'
>>> from datetime import datetime
>>> datetime.strptime("23-11-2026 16:00", PROFILE.time_formats[0])
datetime.datetime(2026, 11, 23, 16, 0)
"""

from __future__ import annotations

from slacalc._clock.statuses import StatusMap
from slacalc.profiles._model import HistoryColumns, Profile

__all__ = ["PROFILE"]

PROFILE = Profile(
    id="topdesk",
    tool="TOPdesk",
    source=(
        "TOPdesk REST API, incident resource (number, callDate, targetDate, onHold, "
        "onHoldDate, onHoldDuration, processingStatus, responded, responseDate, completed, "
        "completedDate, closed, closedDate), https://developers.topdesk.com/explorer/"
        "?page=incident (the response as an integration records it: demisto/content, "
        "Packs/TOPdesk/Integrations/TOPdesk/test_data/topdesk_incident.json, "
        "https://github.com/demisto/content); TOPdesk documentation (NL), 'Kaarten in "
        "Ondersteunende bestanden' and 'Actiebeheer' (the Dutch names of cards and fields), "
        "https://docs.topdesk.com/nl/kaarten-in-ondersteunende-bestanden.html, "
        "https://docs.topdesk.com/nl/actiebeheer.html"
    ),
    columns={
        "id": "Nummer",
        "priority": "Prioriteit",
        "opened_at": "Aanmelddatum",
        "responded_at": "Reactiedatum",
        "resolved_at": "Datum gereed",
        "closed_at": "Datum afgemeld",
        "status": "Verwerkingsstatus",
    },
    statuses=StatusMap(
        paused=["Wachten op gebruiker", "Waiting for user"],
        resolved=["Gereed", "Completed"],
        closed=["Afgemeld", "Closed"],
    ),
    history=HistoryColumns(
        ticket="Nummer",
        at="Datum",
        status="Nieuwe waarde",
        from_status="Oude waarde",
        field="Veld",
        field_value="Verwerkingsstatus",
    ),
    time_formats=("%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S"),
    delimiter=";",
    encoding="cp1252",
    notes=(
        "A Dutch TOPdesk exports for Excel: ';'-separated, cp1252, dates 23-11-2026 16:00 "
        "without an offset: pass --tz (the operators' zone). The profile reads cp1252 and "
        "';' by default; a UTF-8 or ','-separated export needs --encoding or a profile file.",
        "The Dutch headers and processing status names are the ones a Dutch installation "
        "shows; the TOPdesk documentation read for this profile does not list the export's "
        "headers, and processing statuses are each installation's own: check the header line "
        "and the statuses (--explain-statuses) and extend the profile where yours differ.",
        "Pauses: only 'Wachten op gebruiker' (Waiting for user), a choice: TOPdesk pauses on "
        "whatever processing status is set as on hold, and a contract that excludes only the "
        "customer's time should not pause on 'Wachten op leverancier'.",
        "Not mapped: 'Onderbroken duur' / onHoldDuration (the total time on hold, no "
        "instants) and 'Doorlooptijd' (the duration TOPdesk sets for the target date): "
        "pauses come from the history. 'Streefdatum' is TOPdesk's own deadline, not an event.",
        "The history has no bulk CSV export in TOPdesk's interface: the audit trail is per "
        "card (Historie), so a file of it is assembled per card (or from the API) with the "
        "card's number in a 'Nummer' column.",
    ),
)
