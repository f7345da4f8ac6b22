"""Would VIOMS Advanced have paid off against Standard for our year of tickets?

A year of tickets and support calls (synthetic but fixed: ``random.Random(2026)``) judged
under both tiers with ``slacalc.compare``: how many targets each tier's promises would have
met, and what the calls would have cost under each tier by VIOMS's billing rules (15-minute
units rounded up, the tier's hourly rate, a start fee for an evening or weekend call).

The same handling times meet Standard's longer targets more often: Advanced buys tighter
promises (and a lower hourly rate), not faster engineers. The tiers' subscription fees are
not in the VIOMS document slacalc reads; put yours in ``FEE_PER_YEAR`` to settle the
question, or read the verdict as the most Advanced may cost extra to pay off.

Run: python examples/which_tier.py
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import slacalc
from slacalc import Event, SupportCall, Ticket

AMS = ZoneInfo("Europe/Amsterdam")
YEAR = 2026
TIERS = ("vioms/standard", "vioms/advanced")
#: The tiers' yearly fees in euro, if you know them (None: not in the VIOMS document).
FEE_PER_YEAR: dict[str, Decimal | None] = {"vioms/standard": None, "vioms/advanced": None}


def a_year(rng: random.Random) -> tuple[list[Ticket], list[SupportCall]]:
    """About 160 tickets, each opened in service hours, with one support call each."""
    tickets: list[Ticket] = []
    calls: list[SupportCall] = []
    day = datetime(YEAR, 1, 5, tzinfo=AMS)  # the first Monday
    n = 0
    while day.year == YEAR:
        if day.weekday() < 5 and rng.random() < 0.62:
            n += 1
            opened = day.replace(hour=rng.randint(9, 15), minute=rng.choice((0, 15, 30, 45)))
            priority = rng.choices(("P1", "P2", "P3", "P4"), weights=(1, 3, 4, 2))[0]
            responded = opened + timedelta(minutes=rng.randint(10, 60 * 9))
            events = [Event(at=responded, kind="responded")]
            if priority != "P4":
                events.append(
                    Event(
                        at=responded + timedelta(minutes=rng.randint(30, 60 * 12)), kind="resolved"
                    )
                )
            tickets.append(
                Ticket(id=f"T-{n:03d}", priority=priority, opened_at=opened, events=events)
            )
            evening = rng.random() < 0.15
            start = opened.replace(hour=19) if evening else responded
            calls.append(
                SupportCall(
                    start,
                    timedelta(minutes=rng.randint(5, 150)),
                    evening_weekend=evening,
                    priority=priority,
                    id=f"C-{n:03d}",
                )
            )
        day += timedelta(days=1)
    return tickets, calls


def main() -> None:
    tickets, calls = a_year(random.Random(2026))
    start, end = datetime(YEAR, 1, 1, tzinfo=AMS), datetime(YEAR + 1, 1, 1, tzinfo=AMS)
    result = slacalc.compare(TIERS, tickets, start, end, calls=calls)
    print(f"{len(tickets)} tickets and {result.calls} support calls in {YEAR}")
    print()
    print(f"{'priority':8}  {'metric':10}  {'standard':>14}  {'advanced':>14}")
    met: dict[str, int] = dict.fromkeys(TIERS, 0)
    breached: dict[str, int] = dict.fromkeys(TIERS, 0)
    for row in result.rows():
        shown = []
        for contract_id, cell in zip(TIERS, row.cells, strict=True):
            if cell is None or not cell.judged:
                shown.append("-")
                continue
            met[contract_id] += cell.met
            breached[contract_id] += cell.breached
            shown.append(f"{cell.met}/{cell.judged} {cell.met / cell.judged:4.0%}")
        print(f"{row.priority:8}  {row.metric:10}  {shown[0]:>14}  {shown[1]:>14}")
    print()
    for contract_id in TIERS:
        bill = result.bills[contract_id]
        print(
            f"{contract_id}: {met[contract_id]} targets met, {breached[contract_id]} breached; "
            f"calls EUR {bill.total} ({bill.units} units, start fees EUR {bill.start_fees})"
        )
    standard, advanced = (result.bills[t].total or Decimal(0) for t in TIERS)
    saving = standard - advanced
    print()
    print(f"Advanced's lower rates save EUR {saving} on these calls.")
    print(
        f"Its tighter targets would have been breached {breached[TIERS[1]] - breached[TIERS[0]]} "
        "times more by the same handling times."
    )
    fees = [FEE_PER_YEAR[t] for t in TIERS]
    if fees[0] is None or fees[1] is None:
        print(
            f"Verdict: Advanced pays off if it costs at most EUR {saving} a year more than Standard"
        )
        print("(the tiers' fees are not in the VIOMS document: set FEE_PER_YEAR to yours).")
    else:
        extra = fees[1] - fees[0]
        answer = "have paid off" if saving >= extra else "not have paid off"
        print(f"Verdict: at EUR {extra} a year more, Advanced would {answer}.")


if __name__ == "__main__":
    main()
