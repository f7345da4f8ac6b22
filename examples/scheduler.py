"""A ticketing tool that schedules its SLA alerts instead of polling.

Run it with ``python examples/scheduler.py``. An hourly job that re-evaluates every open
ticket wakes up for nothing most hours and still sends a breach alert up to an hour
late. This scheduler asks each ticket once for ``next_change_at`` (with no further event,
the instant its next milestone falls due, or the last instant before a running target
breaches), sleeps until the earliest one, re-evaluates only that ticket a microsecond
later, alerts on what changed and asks again. An event (a response) reschedules the
ticket it belongs to. The tickets are Intramed Online's (support Mon and Thu
08:00-20:00, Tue, Wed and Fri 08:00-17:00; a 50 % milestone on every target), opened
on Monday 23 November 2026; the day is simulated, not waited for.
"""

from __future__ import annotations

import heapq
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from slacalc import Event, Ticket, TicketReport, contracts

AMS = ZoneInfo("Europe/Amsterdam")
CONTRACT = contracts.get("intramed/online")
TICK = timedelta(microseconds=1)
FMT = "%a %d %b %H:%M"


def ams(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=AMS)


#: What arrives during the day: new tickets, and an event for one of them.
ARRIVING: list[tuple[datetime, Ticket | tuple[str, Event]]] = [
    (ams(23, 9), Ticket(id="IM-7001", priority="level-1", opened_at=ams(23, 9))),
    (ams(23, 10), Ticket(id="IM-7003", priority="level-2", opened_at=ams(23, 10))),
    (ams(23, 16), Ticket(id="IM-7002", priority="level-1", opened_at=ams(23, 16))),
    (ams(23, 18, 30), ("IM-7002", Event(at=ams(23, 18, 30), kind="resolved"))),
]


def what_changed(before: TicketReport, after: TicketReport) -> list[str]:
    """The alerts between two evaluations of one ticket."""
    alerts = []
    for metric, now in after.targets.items():
        was = before.targets[metric]
        if now.status != was.status:
            alerts.append(f"{metric} is now {now.status}")
        for fraction, instant in now.milestones:
            if before.at < instant <= after.at:
                alerts.append(f"{metric} reached {fraction:.0%} of its target")
    return alerts


def schedule(until: datetime) -> list[str]:
    """Run the scheduler until ``until``; the log of its wake-ups."""
    log: list[str] = []
    tickets: dict[str, Ticket] = {}
    reports: dict[str, TicketReport] = {}
    queue: list[tuple[datetime, str]] = []  # (when to look again, ticket)

    def plan(tid: str, report: TicketReport) -> None:
        reports[tid] = report
        queue[:] = [(t, other) for t, other in queue if other != tid]
        heapq.heapify(queue)
        upcoming = reports[tid].next_change_at
        if upcoming is None:
            log.append(f"  {tid}: nothing will change without an event")
            return
        heapq.heappush(queue, (upcoming, tid))
        log.append(f"  {tid}: look again at {upcoming:{FMT}}")

    arriving = sorted(ARRIVING, key=lambda item: item[0])
    wakeups = 0
    while queue or arriving:
        # A change falls due just after next_change_at: look one microsecond later.
        due = queue[0][0] + TICK if queue else until
        if arriving and arriving[0][0] <= due:
            when, item = arriving.pop(0)
            if isinstance(item, Ticket):
                tid, tickets[item.id] = item.id, item
                log.append(f"{when:{FMT}} {tid}: opened ({item.priority})")
            else:
                tid, event = item
                ticket = tickets[tid]
                tickets[tid] = ticket.model_copy(update={"events": (*ticket.events, event)})
                log.append(f"{when:{FMT}} {tid}: {event.kind}")
            plan(tid, CONTRACT.evaluate(tickets[tid], at=when))
            continue
        if due > until:
            break
        wakeups += 1
        _, tid = heapq.heappop(queue)
        after = CONTRACT.evaluate(tickets[tid], at=due)
        for alert in what_changed(reports[tid], after):
            log.append(f"{due:{FMT}} {tid}: {alert}")
        plan(tid, after)
    hours = round((until - ams(23, 9)) / timedelta(hours=1))
    log.append(f"{wakeups} wake-ups for alerts in {hours} hours, each for a change; an hourly "
               f"job would have run {hours} times over every open ticket")  # fmt: skip
    return log


if __name__ == "__main__":
    print("\n".join(schedule(until=ams(24, 12))))
