"""slacalc: was this ticket in SLA? Exact business-time deadlines for real contracts.

>>> from datetime import datetime, timedelta
>>> from zoneinfo import ZoneInfo
>>> import slacalc
>>> office = slacalc.Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
>>> opened = datetime(2026, 11, 23, 16, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
>>> office.add(opened, timedelta(hours=8)).isoformat()
'2026-11-24T16:00:00+01:00'
"""

from importlib.metadata import PackageNotFoundError, version

from slacalc import billing, contracts, profiles
from slacalc._base.errors import (
    CalendarError,
    ContractError,
    InvalidIntervalError,
    NaiveDatetimeError,
    ProfileError,
    SlacalcError,
    TicketError,
    UnknownContractError,
    UnknownPriorityError,
    UnknownProfileError,
)
from slacalc._base.frozen import FrozenMap
from slacalc._calendar.calendar import Calendar
from slacalc._calendar.durations import CalendarTime, WorkingDays
from slacalc._calendar.holidays import Holidays
from slacalc._clock.evaluate import evaluate_many
from slacalc._clock.report import (
    BatchReport,
    CycleReport,
    Status,
    TargetReport,
    TicketFailure,
    TicketReport,
)
from slacalc._clock.statuses import StatusMap
from slacalc._clock.ticket import Event, Ticket
from slacalc._contract.models import (
    AvailabilityTarget,
    ClockPolicy,
    ComplianceGoal,
    InterruptionLimit,
    Priority,
    Target,
)
from slacalc._facade import Contract
from slacalc._reports.availability import (
    AvailabilityReport,
    WindowAvailability,
    availability_by_period,
)
from slacalc._reports.compliance import ComplianceCell, ComplianceReport, GoalResult, compliance
from slacalc._reports.outages import Outage, ProbeOutages
from slacalc.profiles import HistoryColumns, Profile

try:
    __version__ = version("slacalc")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AvailabilityReport",
    "AvailabilityTarget",
    "BatchReport",
    "Calendar",
    "CalendarError",
    "CalendarTime",
    "ClockPolicy",
    "ComplianceCell",
    "ComplianceGoal",
    "ComplianceReport",
    "Contract",
    "ContractError",
    "CycleReport",
    "Event",
    "FrozenMap",
    "GoalResult",
    "HistoryColumns",
    "Holidays",
    "InterruptionLimit",
    "InvalidIntervalError",
    "NaiveDatetimeError",
    "Outage",
    "Priority",
    "ProbeOutages",
    "Profile",
    "ProfileError",
    "SlacalcError",
    "Status",
    "StatusMap",
    "Target",
    "TargetReport",
    "Ticket",
    "TicketError",
    "TicketFailure",
    "TicketReport",
    "UnknownContractError",
    "UnknownPriorityError",
    "UnknownProfileError",
    "WindowAvailability",
    "WorkingDays",
    "__version__",
    "availability_by_period",
    "billing",
    "compliance",
    "contracts",
    "evaluate_many",
    "profiles",
]

# Public classes report (in reprs, tracebacks and pickles) where users import them from,
# not where they happen to be defined.
for _name in __all__:
    _public = globals()[_name]
    if isinstance(_public, type):
        _public.__module__ = "slacalc"
del _name, _public
