"""Jira Service Management: its issue search export and its issue changelog.

**Getting the export out.** In Jira, search the work items (issues) of the service
project (the filter or JQL you report on, e.g. ``project = SD AND created >= 2026-11-01``),
then *Export* > *Export CSV (all fields)* (or *CSV (current fields)* with at least the
columns below). Jira writes the dates in the exporting user's time zone and in the site's
date format, by default ``23/Nov/26 4:00 PM`` (day, English month abbreviation, two-digit
year, 12-hour clock), without an offset: pass ``--tz`` (the zone of the exporting user's
profile).

The status history is the issue changelog of the REST API: ``GET
/rest/api/3/search?jql=...&expand=changelog`` (or ``GET /rest/api/3/issue/{key}/changelog``)
gives per issue ``histories``, each with ``created`` and ``items`` whose ``field``,
``fromString`` and ``toString`` say what changed. Flatten it to one CSV row per item, with
the issue's ``key``, for example with ``jq``::

    jq -r '["key","created","field","fromString","toString"],
           (.issues[] | .key as $k | .changelog.histories[] | .created as $c
            | .items[] | [$k, $c, .field, .fromString, .toString]) | @csv' search.json

Only the rows whose ``field`` is ``status`` are read; the others (assignee, priority, ...)
are skipped.

**Columns** (the export's header names):

* ``Issue key`` (``id``): the issue's key, e.g. ``SD-101``; the changelog's ``key``.
* ``Priority`` (``priority``): Jira's priority name (``Highest``, ``High``, ``Medium``,
  ``Low``, ``Lowest`` by default); map each to the contract's with ``--priority``.
* ``Created`` (``opened_at``): when the issue was created.
* ``Resolved`` (``resolved_at``): the resolution date; Jira clears it when the issue is
  reopened, so it is the last resolution.
* ``Status`` (``status``): the current status, listed by ``--explain-statuses``.

**Statuses.** Jira Service Management's own SLAs count from a start to a stop condition
and pause while a *Pause on* condition holds; Atlassian's example of an SLA that does not
count the customer's time pauses on "Status: Waiting for customer" and stops on
"Resolution: Set" ("Example SLA configurations", Jira Service Management Data Center).
The profile pauses on ``Waiting for customer``; ``Resolved``, ``Done`` and ``Completed``
resolve (the statuses Jira's service workflows set a resolution in), ``Closed``,
``Canceled``, ``Cancelled`` and ``Declined`` close; every other status (``Waiting for
support``, ``In Progress``, ``Pending``, ``Escalated``, ...) runs the clock.

>>> PROFILE.statuses.role("Waiting for customer"), PROFILE.statuses.role("Waiting for support")
('paused', 'running')
>>> PROFILE.statuses.role("done"), PROFILE.statuses.role("Canceled")
('resolved', 'closed')
>>> from datetime import datetime
>>> datetime.strptime("23/Nov/26 4:00 PM", PROFILE.time_formats[0])
datetime.datetime(2026, 11, 23, 16, 0)
"""

from __future__ import annotations

from slacalc._clock.statuses import StatusMap
from slacalc.profiles._model import HistoryColumns, Profile

__all__ = ["PROFILE"]

PROFILE = Profile(
    id="jira",
    tool="Jira Service Management",
    source=(
        "Atlassian, 'Example SLA configurations' (Jira Service Management Data Center), "
        "https://confluence.atlassian.com/servicemanagementserver0512/"
        "example-sla-configurations-1319246988.html; Atlassian, 'Understanding why an SLA "
        "is paused in a Jira Service Management ticket', https://confluence.atlassian.com/"
        "jirakb/understanding-why-an-sla-is-paused-in-a-jira-service-management-ticket-"
        "1271267987.html; Atlassian, 'Create issues using the CSV importer' (CSV layout, "
        "Summary/Issue key/Priority/Created/Resolved columns), https://support.atlassian.com/"
        "jira-software-cloud/docs/create-issues-using-the-csv-importer/; Atlassian, Jira "
        "Cloud REST API v3, 'Get changelogs' / search with expand=changelog (fields "
        "created, items[].field, fromString, toString)"
    ),
    columns={
        "id": "Issue key",
        "priority": "Priority",
        "opened_at": "Created",
        "resolved_at": "Resolved",
        "status": "Status",
    },
    statuses=StatusMap(
        paused=["Waiting for customer"],
        resolved=["Resolved", "Done", "Completed"],
        closed=["Closed", "Canceled", "Cancelled", "Declined"],
    ),
    history=HistoryColumns(
        ticket="key",
        at="created",
        status="toString",
        from_status="fromString",
        field="field",
        field_value="status",
    ),
    time_formats=(
        "%d/%b/%y %I:%M %p",
        "%d/%b/%Y %I:%M %p",
        "%d/%b/%y %H:%M",
    ),
    notes=(
        "Times in the CSV export are in the exporting user's time zone, without an offset: "
        "pass --tz. The changelog's 'created' carries an offset (2026-11-23T10:00:00.000+0100).",
        "The default date format is d/MMM/yy h:mm a (23/Nov/26 4:00 PM); a site with another "
        "format needs its pattern in time_formats (a profile file that extends jira).",
        "Pauses: only 'Waiting for customer', as in Atlassian's example SLA. Workflows that "
        "also wait on the customer in 'Pending' add it with a profile file (statuses).",
        "Not mapped: the first response. The CSV has no response instant; its 'Custom field "
        "(Time to first response)' column is Jira's own SLA record (goal, elapsed, business "
        "calendar), not an instant, so a response target is read from a history or events file.",
        "Not mapped: the issue type (kind). Service projects name their types (Incident, "
        "Service request, ...) freely; every row is an incident unless a profile file maps "
        "kind to 'Issue Type' with the contract's kind names.",
        "'Resolved' is the last resolution date (Jira clears it on reopening); with --history "
        "the earlier resolutions and reopenings come from the changelog.",
    ),
)
