"""slacalc: was this ticket in SLA? Exact business-time deadlines for real contracts.

>>> from datetime import datetime, timedelta
>>> from zoneinfo import ZoneInfo
>>> import slacalc
>>> office = slacalc.Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
>>> opened = datetime(2026, 11, 23, 16, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
>>> office.add(opened, timedelta(hours=8)).isoformat()
'2026-11-24T16:00:00+01:00'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names below are, for type checkers and the API reference
    from slacalc import billing, contracts, profiles
    from slacalc._base.errors import (
        CalendarError,
        ContractError,
        InvalidIntervalError,
        NaiveDatetimeError,
        OpenOutageError,
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
    from slacalc._compare import CallsBill, Comparison, ComparisonRow, SupportCall, compare
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

#: Where each public name is defined: imported on its first use (PEP 562), so that
#: ``import slacalc`` (and ``slacalc --help``) stays cheap. Subpackages map to themselves.
_EXPORTS = {
    "billing": "slacalc.billing",
    "contracts": "slacalc.contracts",
    "profiles": "slacalc.profiles",
    "CalendarError": "slacalc._base.errors",
    "ContractError": "slacalc._base.errors",
    "InvalidIntervalError": "slacalc._base.errors",
    "NaiveDatetimeError": "slacalc._base.errors",
    "OpenOutageError": "slacalc._base.errors",
    "ProfileError": "slacalc._base.errors",
    "SlacalcError": "slacalc._base.errors",
    "TicketError": "slacalc._base.errors",
    "UnknownContractError": "slacalc._base.errors",
    "UnknownPriorityError": "slacalc._base.errors",
    "UnknownProfileError": "slacalc._base.errors",
    "FrozenMap": "slacalc._base.frozen",
    "Calendar": "slacalc._calendar.calendar",
    "CalendarTime": "slacalc._calendar.durations",
    "WorkingDays": "slacalc._calendar.durations",
    "Holidays": "slacalc._calendar.holidays",
    "evaluate_many": "slacalc._clock.evaluate",
    "BatchReport": "slacalc._clock.report",
    "CycleReport": "slacalc._clock.report",
    "Status": "slacalc._clock.report",
    "TargetReport": "slacalc._clock.report",
    "TicketFailure": "slacalc._clock.report",
    "TicketReport": "slacalc._clock.report",
    "StatusMap": "slacalc._clock.statuses",
    "Event": "slacalc._clock.ticket",
    "Ticket": "slacalc._clock.ticket",
    "CallsBill": "slacalc._compare",
    "Comparison": "slacalc._compare",
    "ComparisonRow": "slacalc._compare",
    "SupportCall": "slacalc._compare",
    "compare": "slacalc._compare",
    "AvailabilityTarget": "slacalc._contract.models",
    "ClockPolicy": "slacalc._contract.models",
    "ComplianceGoal": "slacalc._contract.models",
    "InterruptionLimit": "slacalc._contract.models",
    "Priority": "slacalc._contract.models",
    "Target": "slacalc._contract.models",
    "Contract": "slacalc._facade",
    "AvailabilityReport": "slacalc._reports.availability",
    "WindowAvailability": "slacalc._reports.availability",
    "availability_by_period": "slacalc._reports.availability",
    "ComplianceCell": "slacalc._reports.compliance",
    "ComplianceReport": "slacalc._reports.compliance",
    "GoalResult": "slacalc._reports.compliance",
    "compliance": "slacalc._reports.compliance",
    "Outage": "slacalc._reports.outages",
    "ProbeOutages": "slacalc._reports.outages",
    "HistoryColumns": "slacalc.profiles",
    "Profile": "slacalc.profiles",
}

__all__ = [
    "AvailabilityReport",
    "AvailabilityTarget",
    "BatchReport",
    "Calendar",
    "CalendarError",
    "CalendarTime",
    "CallsBill",
    "ClockPolicy",
    "Comparison",
    "ComparisonRow",
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
    "OpenOutageError",
    "Outage",
    "Priority",
    "ProbeOutages",
    "Profile",
    "ProfileError",
    "SlacalcError",
    "Status",
    "StatusMap",
    "SupportCall",
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
    "compare",
    "compliance",
    "contracts",
    "evaluate_many",
    "profiles",
]


def __getattr__(name: str) -> Any:
    """Import a public name on its first use (``slacalc.Calendar``, ``from slacalc import
    Ticket``). The first use loads every public name at once, so that each public class
    reports ``slacalc`` as its module (in reprs, tracebacks and pickles) however it was
    reached."""
    if name == "__version__":
        return _version()
    if name not in _EXPORTS:
        raise AttributeError(f"module 'slacalc' has no attribute {name!r}")
    _load_all()
    return globals()[name]


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _load_all() -> None:
    namespace = globals()
    for public, module in _EXPORTS.items():
        if public in namespace:
            continue
        loaded = importlib.import_module(module)
        value = loaded if module == f"slacalc.{public}" else getattr(loaded, public)
        # Public classes report where users import them from, not where they are defined.
        if isinstance(value, type):
            value.__module__ = "slacalc"
        namespace[public] = value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("slacalc")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"
