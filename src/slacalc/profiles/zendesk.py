"""Zendesk Support: its CSV ticket export and its ticket audits.

**Getting the export out.** In Admin Center, *Account* > *Tools* > *Reports*, tab
*Export*: *CSV export*, pick the date range, *Export*; Zendesk mails a link to a zip of
CSV files (data export has to be enabled for the account by Zendesk first). Every date
and time is in the account's default time zone, without an offset (Zendesk, "Exporting
ticket, user, or organization data from your account"): pass ``--tz`` (Admin Center >
Account > Appearance > Localization shows the zone). The export writes times as
``2026-11-23 10:00:00``.

The status history is the ticket audits of the REST API (``GET
/api/v2/tickets/{id}/audits``, or the incremental ticket events export for many tickets):
each audit has ``ticket_id`` and ``created_at`` and a list of events; an event of type
``Change`` (or ``Create``) with ``field_name`` ``status`` gives ``previous_value`` and
``value``. Flatten it to one CSV row per event, for example with ``jq``::

    jq -r '["ticket_id","created_at","type","field_name","previous_value","value"],
           (.audits[] | .ticket_id as $t | .created_at as $c | .events[]
            | select(.field_name == "status")
            | [$t, $c, .type, .field_name, .previous_value, .value]) | @csv' audits.json

Rows whose ``field_name`` is not ``status`` are skipped.

**Columns** (the CSV export's header names):

* ``Id`` (``id``): the ticket number; the audits' ``ticket_id``.
* ``Priority`` (``priority``): ``Low``, ``Normal``, ``High``, ``Urgent`` (or blank: a
  ticket without a priority is a bad row); map each with ``--priority``.
* ``Created at`` (``opened_at``): when the ticket was created.
* ``Solved at`` (``resolved_at``): the final (most recent) change to Solved.
* ``First reply time in minutes`` (duration of ``responded_at``): calendar minutes from
  the creation to the first public agent comment.
* ``Status`` (``status``): the status at the time of the export.

**Statuses.** Zendesk's SLA metrics count statuses: *Agent work time* counts New and Open
only (it stands still in Pending and On-hold), *Requester wait time* counts New, Open and
On-hold (it stands still in Pending), *Pausable update* counts the time between public
replies in New, Open and On-hold ("Defining and using SLA policies"; "About native
Support time duration metrics"). Pending means the agent waits for the requester; On-hold
means both wait for a third party. The profile pauses on ``Pending`` only (the customer's
time, as Requester wait time counts it), ``Solved`` resolves, ``Closed`` closes; ``New``,
``Open`` and ``On-hold`` (``hold`` in the API) run the clock.

>>> PROFILE.statuses.role("pending"), PROFILE.statuses.role("hold")
('paused', 'running')
>>> PROFILE.statuses.role("Solved"), PROFILE.statuses.role("closed")
('resolved', 'closed')
>>> PROFILE.durations["responded_at"]
'First reply time in minutes'
"""

from __future__ import annotations

from slacalc._clock.statuses import StatusMap
from slacalc.profiles._model import HistoryColumns, Profile

__all__ = ["PROFILE"]

PROFILE = Profile(
    id="zendesk",
    tool="Zendesk",
    source=(
        "Zendesk, 'Exporting ticket, user, or organization data from your account' (CSV "
        "export: columns and time zone), https://support.zendesk.com/hc/en-us/articles/"
        "4408886165402; Zendesk, 'Defining and using SLA policies', https://support.zendesk"
        ".com/hc/en-us/articles/204770038; Zendesk, 'About native Support time duration "
        "metrics', https://support.zendesk.com/hc/en-us/articles/4408834848154; Zendesk "
        "developer docs, 'Ticket Audit events reference' (Change event: field_name, value, "
        "previous_value), https://developer.zendesk.com/documentation/ticketing/"
        "reference-guides/ticket-audit-events-reference"
    ),
    columns={
        "id": "Id",
        "priority": "Priority",
        "opened_at": "Created at",
        "resolved_at": "Solved at",
        "status": "Status",
    },
    durations={"responded_at": "First reply time in minutes"},
    statuses=StatusMap(
        paused=["Pending"],
        resolved=["Solved"],
        closed=["Closed"],
    ),
    history=HistoryColumns(
        ticket="ticket_id",
        at="created_at",
        status="value",
        from_status="previous_value",
        field="field_name",
        field_value="status",
    ),
    time_formats=(
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M",
    ),
    notes=(
        "CSV times are in the account's default time zone at the time of the export, without "
        "an offset: pass --tz. The audits' created_at is UTC with a Z.",
        "Zendesk's documentation lists the ID column as 'ID'; the export's header reads 'Id' "
        "(a profile file that extends zendesk changes columns.id if yours differs).",
        "Not mapped: the '... within business hours' minutes (business time, measured on "
        "Zendesk's schedule, not the contract's), 'Resolution time' (whole hours, rounded), "
        "'First resolution time in minutes' and 'Full resolution time in minutes' ('Solved "
        "at' already gives the last solve; the first comes from the audits).",
        "Pauses: Pending only. On-hold (waiting for a third party) runs, as Zendesk's "
        "Requester wait time counts it; a contract that also excludes third-party time adds "
        "'hold' and 'On-hold' to paused in a profile file.",
        "'Solved at' keeps the last solve even after a reopening (an Open ticket may show "
        "one): without --history such a ticket reads as solved; pass the audits.",
        "The CSV export has no 'Closed at' column; closing comes from the audits.",
        "Not mapped: 'Ticket type' (question, incident, problem, task): every row is an "
        "incident unless a profile file maps kind.",
    ),
)
