"""Benchmark availability: a year of minute-level probes to outages and monthly reports.

Run as ``python benchmarks/bench_availability.py`` (``--quick``: one month of samples).

One process, the built-in ``connexys/standard`` contract (24x7, 99.5 % a month, Europe/
Amsterdam). Inputs: 525,600 samples, one a minute through 2026 (UTC), from a seeded
``random.Random``: each minute a new failure starts with probability 1/500 and lasts
1 to 30 samples; a few hour-long gaps without samples make unknown time. Timed:

1. ``Outage.from_probes(samples, interval=timedelta(minutes=1))``;
2. ``slacalc.availability_by_period(contract, outages, 2026-01-01, 2027-01-01)`` (12
   monthly reports);

both as the fastest of a few runs, against a baseline measured in the same run: one bare
loop over the samples that counts the failed ones. Goal: the whole pipeline in "a few
seconds". A report, not a test: the exit status is 0 whatever the figures.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from slacalc import contracts
from slacalc._reports.availability import Outage, ProbeOutages, availability_by_period

RUNS = 3
GOAL_S = 5.0


def samples(minutes: int, seed: int = 20260101) -> list[tuple[datetime, bool]]:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    step = timedelta(minutes=1)
    out: list[tuple[datetime, bool]] = []
    failing = 0
    for k in range(minutes):
        if rng.random() < 1 / 20_000:  # a probe outage: skip an hour of samples
            continue
        if failing == 0 and rng.random() < 1 / 500:
            failing = rng.randint(1, 30)
        out.append((start + k * step, failing == 0))
        failing = max(failing - 1, 0)
    return out


def best(fn: object, runs: int = RUNS) -> tuple[float, object]:
    assert callable(fn)
    times: list[float] = []
    result: object = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    quick = "--quick" in sys.argv
    minutes = 31 * 24 * 60 if quick else 365 * 24 * 60
    contract = contracts.get("connexys/standard")
    ams = ZoneInfo("Europe/Amsterdam")
    data = samples(minutes)
    interval = timedelta(minutes=1)
    print(f"samples: {len(data):,} (one a minute, {minutes:,} minutes)")

    def baseline() -> int:
        failed = 0
        for _when, up in data:
            if not up:
                failed += 1
        return failed

    def probes() -> list[Outage]:
        return Outage.from_probes(data, interval=interval)

    lo = datetime(2026, 1, 1, tzinfo=ams)
    hi = datetime(2026, 2, 1, tzinfo=ams) if quick else datetime(2027, 1, 1, tzinfo=ams)
    # Warm the calendar and pydantic once, outside the timings.
    availability_by_period(contract, [], lo, hi)

    base_s, failed = best(baseline)
    probe_s, outages = best(probes)
    assert isinstance(outages, ProbeOutages)

    def reports() -> object:
        return availability_by_period(contract, outages, lo, hi)

    report_s, found = best(reports)
    assert isinstance(found, list)
    total = probe_s + report_s
    print(
        f"failed samples: {failed:,}; outages: {len(outages):,}; "
        f"unknown stretches: {len(outages.unknown):,}"
    )
    print(f"baseline (one loop over the samples): {base_s:.4f} s")
    print(
        f"Outage.from_probes:                   {probe_s:.3f} s  ({probe_s / base_s:.0f}x baseline)"
    )
    print(
        f"availability_by_period ({len(found)} reports):  {report_s:.3f} s  "
        f"({report_s / base_s:.1f}x baseline)"
    )
    print(
        f"total:                                {total:.3f} s  ({total / base_s:.0f}x baseline)"
        f"  goal < {GOAL_S:.0f} s: {'PASS' if total < GOAL_S else 'FAIL'}"
    )
    for r in found:
        w = r.windows["uptime"]
        print(
            f"  {r.start:%Y-%m}  uptime {w.uptime:.5f}  downtime {w.downtime}  "
            f"interruptions {r.interruptions}  met {w.met}"
        )


if __name__ == "__main__":
    main()
