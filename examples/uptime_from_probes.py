"""Uptime report from probe samples: did Connexys keep 99.5 % in November 2026?

Run it with ``python examples/uptime_from_probes.py``. A monitor probes the service every
5 minutes through November 2026 (Europe/Amsterdam); the samples are synthetic but fixed
(``random.Random(2026)``): three outages of random length, and one stretch where the
monitor itself was down (no samples: unknown, not downtime). ``Outage.from_probes`` turns
the samples into outages, and ``availability_by_period`` measures them against the
``connexys/standard`` target (uptime at least 99.5 % per calendar month, around the clock).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from slacalc import Outage, availability_by_period, contracts

AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 11, 1, tzinfo=AMS)
END = datetime(2026, 12, 1, tzinfo=AMS)
STEP = timedelta(minutes=5)
FMT = "%a %d %b %H:%M"


def probe_samples(seed: int = 2026) -> list[tuple[datetime, bool]]:
    """``(time, up)`` every 5 minutes, with three outages and a 2-hour monitor gap."""
    rng = random.Random(seed)
    count = int((END - START) / STEP)
    down = set()
    for _ in range(3):
        first = rng.randrange(count)
        down.update(range(first, first + rng.randrange(3, 25)))  # 15 min to 2 h
    gap_start = rng.randrange(count)
    gap = set(range(gap_start, gap_start + 24))  # the monitor was down for 2 hours
    return [(START + n * STEP, n not in down) for n in range(count) if n not in gap]


def hours(span: timedelta) -> str:
    """``3h30m``: durations of hundreds of hours read better than ``30 days, 0:00:00``."""
    minutes = int(span.total_seconds()) // 60
    return f"{minutes // 60}h{minutes % 60:02d}m"


def main() -> None:
    contract = contracts.get("connexys/standard")
    samples = probe_samples()
    outages = Outage.from_probes(samples, interval=STEP)
    print(f"{contract.id}: {len(samples)} probe samples, every 5 minutes")
    for outage in outages:
        print(
            f"  outage  {outage.start:{FMT}} -> {outage.end:{FMT}}  "
            f"({hours(outage.end - outage.start)})"
        )
    for gap_start, gap_end in outages.unknown:
        print(f"  unknown {gap_start:{FMT}} -> {gap_end:{FMT}}  (no samples, not downtime)")
    for report in availability_by_period(contract, outages, START, END):
        for window in report.windows.values():
            print(
                f"{report.start:%B %Y} {window.name}: {window.uptime:.3%} up "
                f"(minimum {window.minimum:.1%}), down {hours(window.downtime)} "
                f"of {hours(window.measured)}, allowed {hours(window.allowed_downtime)}: "
                f"{'met' if window.met else 'NOT met'}"
            )
        print(f"interruptions: {report.interruptions}")


if __name__ == "__main__":
    main()
