"""Was this ticket in SLA? One Intramed incident explained step by step.

Run it with ``python examples/was_this_ticket_in_sla.py``. A level-1 incident on
``intramed/on-premise`` is registered on Monday 23 November 2026 at 10:00; Intramed waits
on the customer from Monday 19:00 to Tuesday 09:00 (the clock is paused) and restores it
on Tuesday at 11:30. The script prints the opening, the pause, the due and breach instants
and the status of each target, as of Tuesday 12:00 (a fixed instant, no wall clock).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from slacalc import Event, Ticket, contracts

AMS = ZoneInfo("Europe/Amsterdam")
FMT = "%a %Y-%m-%d %H:%M"


def _hours(span: timedelta) -> str:
    return f"{span.total_seconds() / 3600:g} h"


def main() -> None:
    contract = contracts.get("intramed/on-premise")
    opened = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
    wait_from = datetime(2026, 11, 23, 19, 0, tzinfo=AMS)
    wait_to = datetime(2026, 11, 24, 9, 0, tzinfo=AMS)
    restored = datetime(2026, 11, 24, 11, 30, tzinfo=AMS)
    at = datetime(2026, 11, 24, 12, 0, tzinfo=AMS)
    ticket = Ticket(
        id="IM-1",
        priority="Niveau 1",
        opened_at=opened,
        kind="incident",
        events=[
            Event(at=wait_from, kind="paused"),
            Event(at=wait_to, kind="resumed"),
            Event(at=restored, kind="resolved"),
        ],
    )
    report = contract.evaluate(ticket, at=at)
    print(f"Ticket {ticket.id} on {contract.id}, priority {report.priority}")
    print(f"1. opened          {opened:{FMT}}")
    print(f"2. customer wait   {wait_from:{FMT}} -> {wait_to:{FMT}} (clock paused)")
    print(f"3. restored        {restored:{FMT}}")
    print(f"Evaluated at {at:{FMT}}:")
    for metric, target in report.targets.items():
        print(f"  {metric}: {target.status.value}")
        if target.target is not None:
            print(f"    target       {_hours(target.target)} of support time")
        if target.due_at is not None:
            print(f"    due at       {target.due_at:{FMT} %Z}")
        if target.breach_at is not None:
            print(f"    breach after {target.breach_at:{FMT} %Z}")
        print(f"    counted      {_hours(target.elapsed)} (paused {_hours(target.current.paused)})")
        for fraction, when in target.current.milestones:
            print(f"    milestone    {fraction:.0%} at {when:{FMT}}")
    verdict = "breached" if report.breached else "in SLA"
    print(f"Answer: ticket {ticket.id} is {verdict}.")


if __name__ == "__main__":
    main()
