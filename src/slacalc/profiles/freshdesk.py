"""Freshdesk: its ticket export and its ticket activities export.

**Getting the export out.** In Freshdesk, *Tickets*, choose a view or filter (e.g. all
tickets created in November), then *Export*: pick CSV, the date range (by created or
resolved time) and the ticket fields, at least those below; Freshdesk mails the file to
you. Times are written as ``2026-11-23 10:00:00`` in the helpdesk's time zone
(*Admin* > *Account* > *Helpdesk settings*), without an offset: pass ``--tz``.

The status history is the ticket activities export of the REST API: ``GET
/api/v2/export/ticket_activities?created_at=2026-11-01`` answers with a link to a JSON
file whose ``activities_data`` holds, per activity, ``ticket_id``, ``performed_at`` (e.g.
``23-11-2026 10:00:00 +0100``) and ``activity``; a status change has ``activity.status``.
Keep the activities that change the status, one CSV row each, for example with ``jq``::

    jq -r '["ticket_id","performed_at","performer_type","status"],
           (.activities_data[] | select(.activity.status != null)
            | [.ticket_id, .performed_at, .performer_type, .activity.status])
           | @csv' activities.json

**Columns** (the export's header names):

* ``Ticket ID`` (``id``): the ticket number; the activities' ``ticket_id``.
* ``Priority`` (``priority``): ``Low``, ``Medium``, ``High``, ``Urgent``; map each with
  ``--priority``.
* ``Created time`` (``opened_at``): when the ticket was created.
* ``Initial response time`` (``responded_at``): when an agent first responded.
* ``Resolved time`` (``resolved_at``) and ``Closed time`` (``closed_at``): when the ticket
  was (last) resolved and closed.
* ``Status`` (``status``): the current status.

**Statuses.** Freshdesk's default statuses are Open, Pending, Resolved and Closed; by
default the SLA timer is off while a ticket is Pending (the agent waits for the
customer), and every custom status has its own SLA-timer switch ("Understanding ticket
statuses"; "When a ticket is created, does the timer start right away?"). The profile
pauses on ``Pending`` and on the common custom status ``Waiting on Customer``;
``Resolved`` resolves and ``Closed`` closes; ``Open``, ``Waiting on Third Party`` and any
other status run the clock.

>>> PROFILE.statuses.role("Pending"), PROFILE.statuses.role("Waiting on Third Party")
('paused', 'running')
>>> PROFILE.statuses.role("waiting on customer"), PROFILE.statuses.role("Closed")
('paused', 'closed')
>>> from datetime import datetime
>>> datetime.strptime("23-11-2026 10:00:00 +0100", PROFILE.time_formats[1]).isoformat()
'2026-11-23T10:00:00+01:00'
"""

from __future__ import annotations

from slacalc._clock.statuses import StatusMap
from slacalc.profiles._model import HistoryColumns, Profile

__all__ = ["PROFILE"]

PROFILE = Profile(
    id="freshdesk",
    tool="Freshdesk",
    source=(
        "Freshdesk, 'Understanding ticket statuses' (Pending: SLA timers off by default), "
        "https://support.freshdesk.com/en/support/solutions/articles/37600-understanding-"
        "ticket-statuses; Freshdesk, 'When a ticket is created, does the timer start right "
        "away? How can I stop the timer when I respond to ...' (SLA timer per status), "
        "https://support.freshdesk.com/support/solutions/articles/229718; Freshdesk, "
        "'Ticket archiving' (exporting a ticket view with chosen fields), "
        "https://partnersupport.freshworks.com/en/support/solutions/articles/212901-ticket-"
        "archiving; Freshdesk API v2, ticket activities export (ticket_id, performed_at, "
        "activity.status)"
    ),
    columns={
        "id": "Ticket ID",
        "priority": "Priority",
        "opened_at": "Created time",
        "responded_at": "Initial response time",
        "resolved_at": "Resolved time",
        "closed_at": "Closed time",
        "status": "Status",
    },
    statuses=StatusMap(
        paused=["Pending", "Waiting on Customer"],
        resolved=["Resolved"],
        closed=["Closed"],
    ),
    history=HistoryColumns(ticket="ticket_id", at="performed_at", status="status"),
    time_formats=(
        "%Y-%m-%d %H:%M:%S",
        "%d-%m-%Y %H:%M:%S %z",
        "%Y-%m-%d %H:%M",
    ),
    notes=(
        "The ticket export's times are in the helpdesk's time zone, without an offset: pass "
        "--tz. The activities' performed_at carries an offset.",
        "Pauses: Pending (SLA timer off by default) and 'Waiting on Customer'. A custom "
        "status whose SLA timer you switched off (e.g. 'Waiting on Third Party') runs here: "
        "add it to paused in a profile file if the contract excludes that time too.",
        "Not mapped: 'First response time (in hrs)' and 'Resolution time (in hrs)' (hours, "
        "on the SLA policy's business hours, not the contract's calendar); 'Initial response "
        "time' and 'Resolved time' give the instants.",
        "Not mapped: 'Type' (Question, Incident, Problem, ...): every row is an incident "
        "unless a profile file maps kind.",
        "The activities export gives every activity; keep only those with a status (a row "
        "without one is a bad history row).",
    ),
)
