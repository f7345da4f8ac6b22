"""Which open tickets breach in the next 4 business hours?

Run it with ``python examples/breaching_soon.py``. Six open tickets on ``vioms/advanced``
(service hours Mon-Fri 09:00-17:00, Europe/Amsterdam) are evaluated at a fixed instant,
Thursday 26 November 2026 15:00. The horizon is 4 hours of service time later on the
contract's own calendar (``calendar.add(at, timedelta(hours=4))``: Friday 11:00, as the
desk closes at 17:00); every running target whose ``breach_at`` falls at or before it is
listed, soonest first, and so are the targets already breached.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from slacalc import Event, Status, Ticket, contracts

AMS = ZoneInfo("Europe/Amsterdam")
FMT = "%a %Y-%m-%d %H:%M"


def _hours(span: timedelta) -> str:
    return f"{span.total_seconds() / 3600:g} h"


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=AMS)


OPEN_TICKETS = [
    Ticket(id="INC-101", priority="PRIO 1", opened_at=_at(26, 13)),
    Ticket(id="INC-102", priority="PRIO 2", opened_at=_at(26, 9, 30)),
    Ticket(id="INC-103", priority="PRIO 3", opened_at=_at(25, 16)),
    Ticket(id="INC-104", priority="PRIO 4", opened_at=_at(25, 10)),
    Ticket(
        id="INC-105",
        priority="PRIO 2",
        opened_at=_at(26, 10),
        events=[Event(at=_at(26, 11), kind="responded")],
    ),
    Ticket(id="INC-106", priority="PRIO 3", opened_at=_at(24, 9)),
]


def main() -> None:
    contract = contracts.get("vioms/advanced")
    calendar = contract.calendars["service_hours"]
    at = _at(26, 15)
    horizon = calendar.add(at, timedelta(hours=4))
    print(f"{contract.id} at {at:{FMT}}; 4 business hours later is {horizon:{FMT}}")
    soon: list[tuple[datetime, str]] = []
    late: list[str] = []
    for ticket in OPEN_TICKETS:
        report = contract.evaluate(ticket, at=at)
        for metric, target in report.targets.items():
            if target.status is Status.BREACHED:
                late.append(f"{ticket.id} {report.priority} {metric} breached")
            elif (
                target.status is Status.RUNNING
                and target.breach_at is not None
                and target.breach_at <= horizon
            ):
                left = target.remaining or timedelta(0)
                line = (
                    f"{ticket.id} {report.priority} {metric:<10} breaches after "
                    f"{target.breach_at:{FMT}} ({_hours(left)} of service time left)"
                )
                soon.append((target.breach_at, line))
    print(f"Breaching within 4 business hours ({len(soon)}):")
    for _, line in sorted(soon):
        print(f"  {line}")
    print(f"Already breached ({len(late)}):")
    for line in late:
        print(f"  {line}")


if __name__ == "__main__":
    main()
