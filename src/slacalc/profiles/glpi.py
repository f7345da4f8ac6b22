"""GLPI: the ticket search's CSV export and the ticket log (``glpi_logs``).

**Getting the export out.** *Assistance* > *Tickets*, search (e.g. *Opening date* after
2026-11-01), add the columns below to the view (the wrench icon: *ID*, *Priority*,
*Opening date*, *Resolution date*, *Closing date*, *Status*), then the export icon >
*CSV* (all pages). GLPI writes UTF-8 with a byte order mark, every cell quoted, separated
by the user's *CSV delimiter* preference (``;`` by default; GLPI 10 also ends each line
with one), and the header is each column's search option name in the user's language
(``ID``, ``Title``, ``Status``, ``Opening date``, ``Priority``, ``Resolution date``,
``Closing date``, ``Time to resolve``, ...). Dates are shown in the user's time zone and
date format, without an offset and without seconds: ``2026-11-23 09:00`` (format
*YYYY-MM-DD*), or ``23-11-2026 09:00`` (*DD-MM-YYYY*): pass ``--tz``.

The status history is the table ``glpi_logs``: one row per field change, ``items_id``
the ticket's ID, ``date_mod`` when, ``id_search_option`` which field (``12`` is the
status), ``old_value`` and ``new_value`` the status codes (``1`` New, ``2`` Processing
(assigned), ``3`` Processing (planned), ``4`` Pending, ``5`` Solved, ``6`` Closed). The
ticket's *Historical* tab exports one ticket's log at a time (without the ticket's ID and
with the change as one text), so export the table with SQL, in the same time zone as the
tickets (GLPI with time zones enabled stores UTC: ``SET time_zone = 'Europe/Amsterdam'``
first)::

    SELECT items_id, date_mod, id_search_option, old_value, new_value
    FROM glpi_logs
    WHERE itemtype = 'Ticket' AND date_mod >= '2026-11-01'
    ORDER BY items_id, date_mod, id;

Only the rows whose ``id_search_option`` is ``12`` are read.

**Columns** (the export's header names):

* ``ID`` (``id``): the ticket's ID (``glpi_logs.items_id``).
* ``Priority`` (``priority``): GLPI's priority (``Very low``, ``Low``, ``Medium``,
  ``High``, ``Very high``, ``Major``), computed from urgency and impact; map each with
  ``--priority``.
* ``Opening date`` (``opened_at``): the ticket's opening date.
* ``Resolution date`` (``resolved_at``): when it was solved; GLPI empties it when the
  solution is refused or the ticket reopened, so it is the last resolution.
* ``Closing date`` (``closed_at``): when it was closed.
* ``Status`` (``status``): the current status.

**Statuses.** GLPI's time to resolve (TTR) is put back by the time a ticket spends in
*Pending*: when the status leaves *Pending*, GLPI recalculates the TTR adding the time it
was on hold (GLPI FAQ, "Service levels"). The profile pauses on ``Pending`` (French
``En attente``, code ``4``), resolves on ``Solved`` (``Résolu``, ``5``), closes on
``Closed`` (``Clos``, ``6``); ``New`` and the *Processing* statuses run the clock.

>>> PROFILE.statuses.role("Pending"), PROFILE.statuses.role("4"), PROFILE.statuses.role("2")
('paused', 'paused', 'running')
>>> PROFILE.statuses.role("Solved"), PROFILE.statuses.role("clos")
('resolved', 'closed')
>>> from datetime import datetime
>>> datetime.strptime("2026-11-23 09:00", PROFILE.time_formats[0])
datetime.datetime(2026, 11, 23, 9, 0)
"""

from __future__ import annotations

from slacalc._clock.statuses import StatusMap
from slacalc.profiles._model import HistoryColumns, Profile

__all__ = ["PROFILE"]

PROFILE = Profile(
    id="glpi",
    tool="GLPI",
    source=(
        "GLPI FAQ, 'Service levels' (Does the TTR take into account when a ticket is put on "
        "hold?), https://help.glpi-project.org/faq/service_levels; GLPI documentation, "
        "'Manage tickets' (Opening date, Time to resolve, Status, Priority), "
        "https://help.glpi-project.org/documentation/modules/assistance/tickets/"
        "ticketmanagement; GLPI source, src/Search/Output/CSVSearchOutput.php (GLPI 10: BOM, "
        "quoted cells, the user's csv_delimiter after each) and src/Search/Output/Csv.php "
        "(GLPI 11), src/Ticket.php and src/CommonITILObject.php (search options 2 ID, 1 Title, "
        "12 Status, 3 Priority, 15 Opening date, 16 Closing date, 17 Resolution date, "
        "18 Time to resolve), src/Log.php (glpi_logs: items_id, date_mod, id_search_option, "
        "old_value, new_value) and src/Csv/LogCsvExport.php (a ticket's log as CSV), "
        "https://github.com/glpi-project/glpi"
    ),
    columns={
        "id": "ID",
        "priority": "Priority",
        "opened_at": "Opening date",
        "resolved_at": "Resolution date",
        "closed_at": "Closing date",
        "status": "Status",
    },
    statuses=StatusMap(
        paused=["Pending", "En attente", "4"],
        resolved=["Solved", "Résolu", "5"],
        closed=["Closed", "Clos", "6"],
    ),
    history=HistoryColumns(
        ticket="items_id",
        at="date_mod",
        status="new_value",
        from_status="old_value",
        field="id_search_option",
        field_value="12",
    ),
    time_formats=(
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%d-%m-%Y %H:%M",
    ),
    notes=(
        "Times have no offset: the export shows them in the exporting user's time zone, "
        "glpi_logs.date_mod in the database session's: pass --tz (and export the log in "
        "the same zone).",
        "Date formats: YYYY-MM-DD (GLPI's default) and DD-MM-YYYY. A user with MM-DD-YYYY "
        "needs '%m-%d-%Y %H:%M' in time_formats (a profile file that extends glpi): the "
        "two day-month orders cannot both be tried.",
        "Statuses are read by name (English and French) and by GLPI's status code, the "
        "value glpi_logs holds.",
        "Not mapped: 'Time to own' and 'Time to resolve' are GLPI's deadlines, not "
        "events; 'Take into account time' (takeintoaccount_delay_stat), 'Resolution time' "
        "and 'Closing time' are durations counted on the entity's calendar (business "
        "time), not real time, so no response instant is read from the export.",
        "Not mapped: the ticket type (kind). GLPI's Type column says Incident or Request; "
        "every row is an incident unless a profile file maps kind to 'Type' with the "
        "contract's kind names.",
    ),
)
