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

from slacalc import billing, contracts
from slacalc._availability import (
    AvailabilityReport,
    Outage,
    ProbeOutages,
    WindowAvailability,
    availability_by_period,
)
from slacalc._calendar import Calendar
from slacalc._compliance import ComplianceCell, ComplianceReport, GoalResult, compliance
from slacalc._contract import (
    AvailabilityTarget,
    ClockPolicy,
    ComplianceGoal,
    Contract,
    InterruptionLimit,
    Priority,
    Target,
)
from slacalc._durations import CalendarTime, WorkingDays
from slacalc._errors import (
    CalendarError,
    ContractError,
    InvalidIntervalError,
    NaiveDatetimeError,
    SlacalcError,
    TicketError,
    UnknownContractError,
    UnknownPriorityError,
)
from slacalc._evaluate import evaluate_many
from slacalc._frozen import FrozenMap
from slacalc._holidays import Holidays
from slacalc._report import (
    BatchReport,
    CycleReport,
    Status,
    TargetReport,
    TicketFailure,
    TicketReport,
)
from slacalc._ticket import Event, Ticket

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
    "Holidays",
    "InterruptionLimit",
    "InvalidIntervalError",
    "NaiveDatetimeError",
    "Outage",
    "Priority",
    "ProbeOutages",
    "SlacalcError",
    "Status",
    "Target",
    "TargetReport",
    "Ticket",
    "TicketError",
    "TicketFailure",
    "TicketReport",
    "UnknownContractError",
    "UnknownPriorityError",
    "WindowAvailability",
    "WorkingDays",
    "__version__",
    "availability_by_period",
    "billing",
    "compliance",
    "contracts",
    "evaluate_many",
]
