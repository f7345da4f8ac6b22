"""ServiceNow: its incident list export (CSV) and the incident state metric.

**Getting the export out.** In ServiceNow, open *Incident* > *All* (or any filtered list
of incidents), right-click a column header, *Export* > *CSV*; or by URL,
``https://INSTANCE.service-now.com/incident_list.do?CSV&sysparm_query=...&sysparm_fields=
number,priority,state,opened_at,resolved_at,closed_at,short_description``. By default a
CSV export names its columns by field name (``number``, ``opened_at``) and gives display
values (``1 - Critical``, ``On Hold``, dates as ``2026-11-23 10:00:00`` in the exporting
user's time zone, without an offset): pass ``--tz`` (the user's time zone in their
profile). An export with ``sysparm_export_column_header_label=true`` or
``glide.export.csv.column_header_label=true`` names columns by label instead; this profile
reads field names.

The status history is the **Incident Metric** database view (``incident_metric``, in the
base system with the Database Views plugins): it joins each incident to its metric
instances. With a metric definition of type *Field value duration* on the incident's
*State* field (this profile reads one named ``Incident State Duration``), every state the
incident entered is one row: export ``incident_metric_list.do?CSV&sysparm_query=
mi_definition.name=Incident State Duration^inc_opened_at>=2026-11-01&sysparm_fields=
inc_number,mi_definition,mi_value,mi_start,mi_end``. ``inc_number`` is the incident,
``mi_value`` the state entered, ``mi_start`` when. Rows of other metric definitions are
skipped.

**Columns** (field names, as the CSV export's header has them):

* ``number`` (``id``): the incident number, e.g. ``INC0012001``.
* ``priority`` (``priority``): ``1 - Critical``, ``2 - High``, ``3 - Moderate``, ``4 -
  Low``, ``5 - Planning`` (from impact and urgency); map each with ``--priority``.
* ``opened_at`` (``opened_at``): when the incident was opened.
* ``resolved_at`` (``resolved_at``) and ``closed_at`` (``closed_at``): when it was last
  resolved and closed.
* ``state`` (``status``): the current state.

**Statuses.** An incident is New, In Progress, On Hold, Resolved, Closed or Canceled; On
Hold shifts the responsibility to another party for a while, with an *On hold reason*
(Awaiting Caller, Awaiting Change, Awaiting Problem, Awaiting Vendor) ("Life cycle of an
Incident"). ServiceNow's SLA engine pauses a task SLA while its definition's *Pause
condition* matches ("SLA conditions"); its worked example pauses a Priority 2 SLA while
the incident waits for the user's information ("SLA process example"). The profile
pauses on ``On Hold`` (and ``Awaiting User Info``, the older state of that example),
``Resolved`` resolves, ``Closed`` and ``Canceled`` close. The raw state codes that the
``sys_audit`` table stores (``3`` On Hold, ``6`` Resolved, ``7`` Closed, ``8`` Canceled)
are named too, so a history read from ``sys_audit`` works with the same map.

>>> PROFILE.statuses.role("On Hold"), PROFILE.statuses.role("In Progress")
('paused', 'running')
>>> PROFILE.statuses.role("resolved"), PROFILE.statuses.role("Canceled"), PROFILE.statuses.role("7")
('resolved', 'closed', 'closed')
>>> PROFILE.history.field, PROFILE.history.field_value
('mi_definition', 'Incident State Duration')
"""

from __future__ import annotations

from slacalc._clock.statuses import StatusMap
from slacalc.profiles._model import HistoryColumns, Profile

__all__ = ["PROFILE"]

_DOCS = "https://www.servicenow.com/docs/r"

PROFILE = Profile(
    id="servicenow",
    tool="ServiceNow",
    source=(
        "ServiceNow, 'Default values for column headers and column values' (CSV: field "
        f"names, display values), {_DOCS}/platform-administration/table-administration-"
        "and-data-management/default-values-headers-values.html; ServiceNow, 'Life cycle "
        f"of an Incident', {_DOCS}/it-service-management/incident-management/"
        "c_IncidentManagementStateModel.html; ServiceNow, 'SLA conditions', "
        f"{_DOCS}/it-service-management/service-level-management/c_SLAConditions.html; "
        "ServiceNow, 'SLA process example', "
        f"{_DOCS}/it-service-management/service-level-management/t_SLAProcessExample.html; "
        "ServiceNow, 'Database views in the base system' (incident_metric), "
        f"{_DOCS}/platform-administration/table-administration-and-data-management/"
        "r_DatabaseViewsInTheBaseSystem.html; ServiceNow, 'Metric instance', "
        f"{_DOCS}/platform-administration/c_MetricInstance.html; ServiceNow, 'Viewing Sys "
        f"Audit and Audit Relationship Change tables', {_DOCS}/platform-security/"
        "c_UnderstandingTheSysAuditTable.html"
    ),
    columns={
        "id": "number",
        "priority": "priority",
        "opened_at": "opened_at",
        "resolved_at": "resolved_at",
        "closed_at": "closed_at",
        "status": "state",
    },
    statuses=StatusMap(
        paused=["On Hold", "Awaiting User Info", "3"],
        resolved=["Resolved", "6"],
        closed=["Closed", "Canceled", "Cancelled", "7", "8"],
    ),
    history=HistoryColumns(
        ticket="inc_number",
        at="mi_start",
        status="mi_value",
        field="mi_definition",
        field_value="Incident State Duration",
    ),
    time_formats=(
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d-%m-%Y %H:%M:%S",
    ),
    notes=(
        "Times are display values in the exporting user's time zone and date format "
        "(default yyyy-MM-dd HH:mm:ss), without an offset: pass --tz.",
        "Pauses: every On Hold, whatever its On hold reason. A contract that excludes only "
        "the customer's time (Awaiting Caller) needs the reason: export hold_reason and "
        "split the state in a history of your own.",
        "The history is the incident_metric view with a Field value duration metric on "
        "State; this profile names it 'Incident State Duration' (a choice: name yours so, or "
        "change history.field_value in a profile file that extends servicenow).",
        "The alternative history, sys_audit (documentkey, fieldname, oldvalue, newvalue, "
        "sys_created_on), identifies incidents by sys_id and stores raw state codes and UTC "
        "times: map columns.id to sys_id and history to those columns (fieldname = state).",
        "Not mapped: a first response (the incident table has no such field; the task_sla "
        "records of ServiceNow's own SLAs are its measurements, not events).",
        "Every row is an incident (the incident table); other task tables (sc_req_item, "
        "problem) need a profile file with their kind.",
    ),
)
