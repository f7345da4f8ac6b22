"""Znuny (and OTRS, its parent): the ticket search's CSV export and the ticket history.

**Getting the export out.** In the agent interface, *Tickets* > *Search*, give the
search attributes (e.g. *Ticket Create Time (between)* 2026-11-01 and 2026-11-30), set
*Output* to *CSV* and press *Run search*: Znuny downloads ``ticket_search_<date>.csv``.
Its columns are the attributes listed in the system configuration setting
``Ticket::Frontend::AgentTicketSearch###SearchCSVData`` (by default ``TicketNumber``,
``Age``, ``Created``, ``Closed``, ``FirstLock``, ``FirstResponse``, ``State``,
``Priority``, ``Queue``, ``Lock``, ``Owner``, ``UserFirstname``, ``UserLastname``,
``CustomerID``, ``CustomerName``, ``From``, ``Subject``, ``AccountedTime``,
``ArticleTree``, ``SolutionInMin``, ``SolutionDiffInMin``, ``FirstResponseInMin``,
``FirstResponseDiffInMin``); the header is each attribute's name in the agent's language,
except ``TicketNumber`` and ``CustomerName``, written ``Ticket Number`` and
``Customer Name`` (Kernel/Modules/AgentTicketSearch.pm). Every cell is quoted; the
separator is the agent's *CSV Separator* preference, ``;`` by default
(Kernel/System/CSV.pm). Times are written as the database holds them,
``2026-11-23 09:00:00`` without an offset, in the system time zone ``OTRSTimeZone``
(Znuny recommends UTC, and ``create_time`` is always UTC): pass ``--tz UTC`` unless your
installation's ``OTRSTimeZone`` is another zone.

The status history is the table ``ticket_history`` (one row per change; the state
changes have the history type ``StateUpdate``, and ``state_id`` is the state *after*
the change). Znuny's user interface shows it per ticket only (*History* in the ticket
zoom; the web service operation ``TicketHistoryGet`` gives it per ticket id), so export it
with the database client, for example::

    SELECT t.tn, h.create_time, ht.name AS history_type, s.name AS state
    FROM ticket_history h
    JOIN ticket t ON t.id = h.ticket_id
    JOIN ticket_history_type ht ON ht.id = h.history_type_id
    JOIN ticket_state s ON s.id = h.state_id
    WHERE t.create_time >= '2026-11-01'
    ORDER BY t.tn, h.create_time, h.id;

(``mysql --batch`` writes it tab-separated, ``psql --csv`` comma-separated; both read.)
Only the rows whose ``history_type`` is ``StateUpdate`` are read; the others
(``NewTicket``, ``SendAnswer``, ``OwnerUpdate``, ``PriorityUpdate``, ...) are skipped.

**Columns** (the export's header names):

* ``Ticket Number`` (``id``): the ticket number (``tn``), e.g. ``2026110210000011``.
* ``Priority`` (``priority``): Znuny's priority name (by default ``1 very low``,
  ``2 low``, ``3 normal``, ``4 high``, ``5 very high``); map each with ``--priority``.
* ``Created`` (``opened_at``): when the ticket was created.
* ``FirstResponse`` (``responded_at``): the time of the first article an agent sent to
  the customer (email, phone, note visible to the customer); empty until then.
* ``Closed`` (``closed_at``): the *last* time the ticket entered a state of the state type
  ``closed`` (Kernel/System/Ticket.pm, ``_TicketGetClosed``); it stays filled when the
  ticket is reopened, so pass the history for reopenings.
* ``State`` (``status``): the current state.

**Statuses.** Znuny itself stops escalation only for tickets in a state of the types
``closed``, ``merged`` and ``removed``; pausing is the escalation suspend feature
(the Znuny add-on *EscalationSuspend*, and OTRS's *Escalation Suspend*), whose setting
``EscalationSuspendStates`` lists the states that suspend the escalation, by default
``pending reminder``, ``pending auto close+`` and ``pending auto close-``: the solution
time does not count while a ticket is in one of them. The profile pauses on those
three, closes on ``closed successful``, ``closed unsuccessful``, ``merged`` and
``removed``, and runs on every other state (``new``, ``open``, ...). Znuny has no
resolved state apart from closing.

>>> PROFILE.statuses.role("pending reminder"), PROFILE.statuses.role("Pending auto close-")
('paused', 'paused')
>>> PROFILE.statuses.role("closed successful"), PROFILE.statuses.role("open")
('closed', 'running')
>>> from datetime import datetime
>>> datetime.strptime("2026-11-23 09:00:00", PROFILE.time_formats[0])
datetime.datetime(2026, 11, 23, 9, 0)
"""

from __future__ import annotations

from slacalc._clock.statuses import StatusMap
from slacalc.profiles._model import HistoryColumns, Profile

__all__ = ["PROFILE"]

PROFILE = Profile(
    id="znuny",
    tool="Znuny (OTRS)",
    source=(
        "Znuny source, Kernel/Modules/AgentTicketSearch.pm (CSV output: header from "
        "Ticket::Frontend::AgentTicketSearch###SearchCSVData, 'Ticket Number', 'Customer "
        "Name'), Kernel/System/CSV.pm (Array2CSV: every cell quoted, ';' by default) and "
        "Kernel/System/Ticket.pm (_TicketGetClosed, _TicketGetFirstResponse: Closed, "
        "FirstResponse, SolutionInMin in working time), https://github.com/znuny/Znuny; "
        "Znuny documentation, 'Search for Tickets' (Output Format: CSV, SearchCSVData); "
        "Znuny documentation, 'Managing Time Zones', https://doc.znuny.org/znuny_lts/admin/"
        "systemconfiguration/timezones/index.html; Znuny documentation, 'Ticket "
        "Escalation', https://doc.znuny.org/znuny_lts/concepts/escalation/index.html; "
        "Znuny, EscalationSuspend add-on, README and doc/en/config.md (EscalationSuspendStates: "
        "pending auto close+, pending auto close-, pending reminder), "
        "https://github.com/znuny/Znuny4OTRS-EscalationSuspend; OTRS, 'Escalation Suspend' "
        "(administrator interface), https://doc.otrs.com/doc/manual/fao/8.0/en/content/"
        "escalation-suspend/admin.html; Znuny source, Kernel/GenericInterface/Operation/"
        "Ticket/TicketHistoryGet.pm (the history per ticket)"
    ),
    columns={
        "id": "Ticket Number",
        "priority": "Priority",
        "opened_at": "Created",
        "responded_at": "FirstResponse",
        "closed_at": "Closed",
        "status": "State",
    },
    statuses=StatusMap(
        paused=["pending reminder", "pending auto close+", "pending auto close-"],
        closed=["closed successful", "closed unsuccessful", "merged", "removed"],
    ),
    history=HistoryColumns(
        ticket="tn",
        at="create_time",
        status="state",
        field="history_type",
        field_value="StateUpdate",
    ),
    time_formats=("%Y-%m-%d %H:%M:%S",),
    notes=(
        "Times have no offset and are in the system time zone OTRSTimeZone (UTC by "
        "recommendation; ticket_history.create_time is always UTC): pass --tz UTC, or the "
        "zone your installation set.",
        "Pauses: the default EscalationSuspendStates of Znuny's escalation suspend feature "
        "(pending reminder, pending auto close+, pending auto close-). Znuny without that "
        "feature does not pause its own escalations; the profile still pauses on them, "
        "since a pending state is the ticket waiting (a choice). Other pending states of "
        "your own go in a profile file that extends znuny.",
        "Closed: the state types closed, merged and removed stop Znuny's escalation; the "
        "default states of those types close. Znuny has no resolved state.",
        "Not mapped: SolutionInMin and FirstResponseInMin. They are minutes of working time "
        "on the escalation calendar of the queue or SLA (business minutes), not real time.",
        "Not mapped: the ticket type (kind). Ticket types are free names (Unclassified, "
        "Incident, Problem, ...) and are not in the default CSV columns; every row is an "
        "incident unless a profile file maps kind to a 'Type' column with the contract's "
        "kind names.",
        "The history is ticket_history exported with SQL (columns tn, create_time, "
        "history_type, state); Znuny offers no bulk history export in its interface.",
    ),
)
