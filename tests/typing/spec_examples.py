"""A user's script: every example of the public surface (SPEC 1 to 7) as a user writes it.

tests/test_typing.py checks that it passes ``mypy --strict`` without the pydantic mypy
plugin (lists and dicts where the models store tuples and FrozenMaps, the callable
``contract.availability``), and runs it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

import slacalc
from slacalc import (
    AvailabilityReport,
    AvailabilityTarget,
    BatchReport,
    Calendar,
    CalendarError,
    CalendarTime,
    ClockPolicy,
    ComplianceGoal,
    ComplianceReport,
    Contract,
    Event,
    Holidays,
    Outage,
    Priority,
    SlacalcError,
    Status,
    Target,
    TargetReport,
    Ticket,
    TicketReport,
    UnknownContractError,
    WorkingDays,
    contracts,
)

AMS = ZoneInfo("Europe/Amsterdam")
t = datetime(2026, 11, 23, 16, tzinfo=AMS)

# -- 1. Calendars ---------------------------------------------------------------------------
support = Calendar(
    tz="Europe/Amsterdam",
    hours={
        "mon": ["08:00-20:00"],
        "tue": ["08:00-17:00"],
        "wed": ["08:00-17:00"],
        "thu": ["08:00-20:00"],
        "fri": ["08:00-17:00"],
    },
    holidays=Holidays(country="NL", categories=("public", "optional")),
    overrides={date(2026, 12, 31): ["08:00-13:00"]},
)
office = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam", holidays=None, overrides=None)
always: Calendar = Calendar.always(tz="UTC")
evening = Calendar(tz="Europe/Amsterdam", hours={"mon": "17:00-22:00"})
combined: Calendar = (support | evening) & ~office
own_days = Calendar.weekdays(
    "09:00",
    "17:00",
    tz="Europe/Amsterdam",
    holidays=Holidays(country=None, extra=[date(2026, 12, 24)]),
)
from_package = Calendar.weekdays(
    "09:00", "17:00", tz="Europe/Amsterdam", holidays=holidays.country_holidays("NL")
)
from_dates = Calendar.weekdays(
    "09:00", "17:00", tz="Europe/Amsterdam", holidays=[date(2026, 12, 24)]
)

is_open: bool = support.is_open(t)
opening: datetime = support.next_open(t)
closing: datetime = support.next_close(t)
due: datetime = support.add(t, timedelta(hours=8))
due_days: datetime = support.add(t, WorkingDays(2))
due_months: datetime = support.add(t, CalendarTime(months=3))
start: datetime = support.subtract(t, timedelta(hours=8))
open_time: timedelta = support.between(t, due)
spans: list[tuple[datetime, datetime]] = support.windows(t, due)
try:
    support.add(t, timedelta(hours=-1))
except CalendarError as error:
    message: str = str(error)

# -- 2. Contracts ---------------------------------------------------------------------------
ids: list[str] = contracts.ids()
c: Contract = contracts.get("vioms/advanced")
try:
    contracts.get("vioms/advancd")
except UnknownContractError as missing:
    hint: str = str(missing)
p1: Priority = c.priority("prio 1")
targets: tuple[Target, ...] = c.targets_for("P1", kind="incident")
clock_calendar: Calendar = c.calendar_for("P1", "resolution")
mine = Contract(
    id="acme/gold",
    vendor="Acme",
    name="Gold",
    calendars={"office": office, "24x7": always},
    priorities=[Priority(id="P1", aliases=["urgent", "prio 1"]), Priority(id="P2")],
    targets=[
        Target(metric="response", priority="P1", within=timedelta(hours=2), calendar="office"),
        Target(
            metric="resolution",
            priority="P1",
            within=WorkingDays(2),
            calendar="office",
            pausable=True,
            milestones=[0.5],
            stops_on=["resolved", "closed"],
        ),
    ],
    availability=[AvailabilityTarget(name="uptime", calendar="24x7", minimum=0.995)],
    compliance=[ComplianceGoal(priorities=["P1"], minimum=0.8, per="ticket")],
    clock=ClockPolicy(on_priority_change="restart", on_reopen="new_cycle"),
    notes=["written for the typing test"],
)
registered: Contract = contracts.register(mine, replace=True)

# -- 3. Tickets -----------------------------------------------------------------------------
ticket = Ticket(
    id="INC-42",
    priority="P1",
    opened_at=t,
    kind="incident",
    events=[
        Event(at=t + timedelta(hours=1), kind="responded"),
        Event(at=t + timedelta(hours=2), kind="paused", reason="waiting_on_customer"),
        Event(at=t + timedelta(hours=3), kind="resumed"),
        Event(at=t + timedelta(hours=4), kind="priority_changed", priority="P2"),
        Event(at=t + timedelta(hours=5), kind="resolved"),
        Event(at=t + timedelta(hours=6), kind="reopened"),
    ],
)
now = t + timedelta(days=2)
report: TicketReport = c.evaluate(ticket, at=now)
r: TargetReport = report.targets["resolution"]
status: Status = r.status
target: timedelta | None = r.target
due_at: datetime | None = r.due_at
breach_at: datetime | None = r.breach_at
elapsed: timedelta = r.elapsed
paused: timedelta = r.paused
remaining: timedelta | None = r.remaining
stopped_at: datetime | None = r.stopped_at
milestones: tuple[tuple[float, datetime], ...] = r.milestones
cycles = r.cycles
ever: bool = r.ever_breached
breached: bool = report.breached
batch: BatchReport = slacalc.evaluate_many(c, [ticket], at=now)
from_dicts: BatchReport = c.evaluate_many([{"id": "X", "priority": "P1", "opened_at": t}], at=now)

# -- 4. Availability ------------------------------------------------------------------------
month_start, next_month = datetime(2026, 11, 1, tzinfo=AMS), datetime(2026, 12, 1, tzinfo=AMS)
cloud = contracts.get("infravision/cloud")
outage = Outage(start=t, end=t + timedelta(minutes=30))
maintenance = Outage(start=t + timedelta(days=1), end=t + timedelta(days=1, hours=1), planned=True)
uptime_report: AvailabilityReport = cloud.availability(
    outages=[outage, maintenance], start=month_start, end=next_month
)
positional: AvailabilityReport = cloud.availability([outage], month_start, next_month)
w = uptime_report.windows["support_hours"]
figures: tuple[float, timedelta, timedelta, float, bool] = (
    w.uptime,
    w.measured,
    w.downtime,
    w.minimum,
    w.met,
)
interruptions: int = uptime_report.interruptions
per_month: list[AvailabilityReport] = slacalc.availability_by_period(
    cloud, [outage], month_start, next_month
)
probes = Outage.from_probes([(t, True), (t + timedelta(minutes=15), False)])
unknown: list[tuple[datetime, datetime]] = probes.unknown
targets_of_cloud: tuple[AvailabilityTarget, ...] = cloud.availability

# -- 5. Compliance --------------------------------------------------------------------------
period: ComplianceReport = slacalc.compliance(cloud, [ticket], month_start, next_month)
held: bool = period.met

# -- 7. Errors ------------------------------------------------------------------------------
errors: tuple[type[SlacalcError], ...] = (
    slacalc.CalendarError,
    slacalc.NaiveDatetimeError,
    slacalc.InvalidIntervalError,
    slacalc.TicketError,
    slacalc.ContractError,
    slacalc.UnknownContractError,
)

if __name__ == "__main__":
    print(due.isoformat(), status.value, w.met, held)
