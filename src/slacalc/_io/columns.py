"""The columns of slacalc's own files: tickets, further events and outages.

A module of constants only (no pydantic), so that the command line's help can name them
without loading the library.

>>> TICKET_COLUMNS[:3], EVENT_FILE_COLUMNS[:3]
(('id', 'priority', 'opened_at'), ('ticket', 'at', 'kind'))
"""

from __future__ import annotations

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_FILE_COLUMNS",
    "OUTAGE_COLUMNS",
    "PROBE_COLUMNS",
    "PROFILE_EVENT_COLUMNS",
    "TICKET_COLUMNS",
]

#: Ticket columns holding an event's time, and the event kind each one records.
EVENT_COLUMNS: dict[str, str] = {
    "responded_at": "responded",
    "workaround_at": "workaround",
    "root_cause_at": "root_cause_identified",
    "on_site_requested_at": "on_site_requested",
    "on_site_at": "on_site",
    "resolved_at": "resolved",
}
#: Every ticket column; the first three are required. ``contract`` is optional and
#: names the contract of the row (a file may mix contracts).
TICKET_COLUMNS = ("id", "priority", "opened_at", "kind", "contract", *EVENT_COLUMNS)
#: The event columns a profile may map: slacalc's own and ``closed_at`` (SPEC 8).
PROFILE_EVENT_COLUMNS: dict[str, str] = {**EVENT_COLUMNS, "closed_at": "closed"}
#: Every column of a file of further events; the first three are required.
EVENT_FILE_COLUMNS = ("ticket", "at", "kind", "priority", "reason")
#: The columns of an outages file (``slacalc availability``); start and end are required.
OUTAGE_COLUMNS = ("start", "end", "planned", "cause")
#: The columns of a probes file (``slacalc availability --probes``): both are required.
PROBE_COLUMNS = ("time", "up")
