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

from slacalc._calendar import Calendar
from slacalc._durations import CalendarTime, WorkingDays
from slacalc._errors import (
    CalendarError,
    ContractError,
    InvalidIntervalError,
    NaiveDatetimeError,
    SlacalcError,
    TicketError,
    UnknownContractError,
)
from slacalc._holidays import Holidays

try:
    __version__ = version("slacalc")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Calendar",
    "CalendarError",
    "CalendarTime",
    "ContractError",
    "Holidays",
    "InvalidIntervalError",
    "NaiveDatetimeError",
    "SlacalcError",
    "TicketError",
    "UnknownContractError",
    "WorkingDays",
    "__version__",
]
