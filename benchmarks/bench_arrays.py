"""Benchmark the array calls (SPEC 9): a column of a million instants at once.

Run as ``python benchmarks/bench_arrays.py`` (``--quick``: 100,000 instants). One
process, one calendar (Mon-Fri 09:00-17:00 Europe/Amsterdam with the Dutch public
holidays), seeded random instants over 2024-2028 as a pandas Series of aware timestamps.
It measures, per element, in the same run (the minimum of 5 rounds each):

1. ``cal.add(series, timedelta(hours=8))`` against the scalar ``cal.add`` over a sample
   of 20,000 of the same instants (goal: at least 20x faster per element) and against
   pandas ``CustomBusinessHour`` applied element by element to 500 of them (goal: at
   least 1,000x);
2. ``cal.between(a, b)`` over spans up to 10 days against the scalar ``between``;
3. ``cal.add(series, CalendarTime(months=1, hours=4))`` and ``cal.add(series,
   WorkingDays(3))`` against the scalar calls (local dates stepped, DST and month ends
   and holidays included);

and checks the array answers equal the scalar ones on the sample. The peak memory of
the array call is the process's peak RSS after it (the series itself included).
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pandas as pd

from slacalc import Calendar, CalendarTime, Holidays, WorkingDays

QUICK = "--quick" in sys.argv
N = 100_000 if QUICK else 1_000_000
SAMPLE = 20_000
PANDAS_SAMPLE = 500
ROUNDS = 5
CAL = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam", holidays=Holidays(country="NL"))


def best(fn: Callable[[], Any], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = random.Random(2026)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    minutes = [rng.randrange(5 * 365 * 24 * 60) for _ in range(N)]
    starts = pd.Series(pd.to_datetime([base + timedelta(minutes=m) for m in minutes]))
    spans = pd.to_timedelta([rng.randrange(10 * 24 * 60) for _ in range(N)], unit="min")
    ends = starts + spans
    eight = timedelta(hours=8)
    sample = [t.to_pydatetime() for t in starts.iloc[:SAMPLE]]
    sample_ends = [t.to_pydatetime() for t in ends.iloc[:SAMPLE]]
    CAL.add(starts.iloc[:10], eight)  # compile the range once, outside the timings

    array_add = best(lambda: CAL.add(starts, eight)) / N
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scalar_add = best(lambda: [CAL.add(t, eight) for t in sample]) / SAMPLE
    got = CAL.add(starts.iloc[:SAMPLE], eight)
    wrong = sum(a.to_pydatetime() != CAL.add(t, eight) for a, t in zip(got, sample, strict=True))

    nl = Holidays(country="NL")
    holidays = sorted(d for year in range(2024, 2030) for d in nl.dates(year))
    cbh = pd.offsets.CustomBusinessHour(start="09:00", end="17:00", holidays=holidays)
    local = [
        t.tz_convert("Europe/Amsterdam").tz_localize(None) for t in starts.iloc[:PANDAS_SAMPLE]
    ]
    pandas_add = best(lambda: [t + 8 * cbh for t in local], rounds=2) / PANDAS_SAMPLE

    array_between = best(lambda: CAL.between(starts, ends)) / N
    scalar_between = (
        best(lambda: [CAL.between(a, b) for a, b in zip(sample, sample_ends, strict=True)]) / SAMPLE
    )

    month = CalendarTime(months=1, hours=4)
    array_month = best(lambda: CAL.add(starts, month)) / N
    scalar_month = best(lambda: [CAL.add(t, month) for t in sample]) / SAMPLE
    got = CAL.add(starts.iloc[:SAMPLE], month)
    wrong += sum(
        a.to_pydatetime().astimezone(timezone.utc) != CAL.add(t, month).astimezone(timezone.utc)
        for a, t in zip(got, sample, strict=True)
    )

    three = WorkingDays(3)
    array_days = best(lambda: CAL.add(starts, three)) / N
    scalar_days = best(lambda: [CAL.add(t, three) for t in sample]) / SAMPLE
    got = CAL.add(starts.iloc[:SAMPLE], three)
    wrong += sum(
        a.to_pydatetime().astimezone(timezone.utc) != CAL.add(t, three).astimezone(timezone.utc)
        for a, t in zip(got, sample, strict=True)
    )

    versions = f"python {sys.version.split()[0]}, pandas {pd.__version__}"
    print(f"array calls over {N:,} instants ({versions})")
    print(f"  add     array {array_add * 1e9:8.0f} ns/elem   scalar {scalar_add * 1e9:8.0f} ns   "
          f"pandas CBH {pandas_add * 1e6:8.1f} us")  # fmt: skip
    print(f"          array vs scalar {scalar_add / array_add:6.1f}x (goal >= 20x)   "
          f"vs pandas CBH {pandas_add / array_add:8.0f}x (goal >= 1000x)")  # fmt: skip
    print(f"  between array {array_between * 1e9:8.0f} ns/elem   "
          f"scalar {scalar_between * 1e9:8.0f} ns   "
          f"array vs scalar {scalar_between / array_between:6.1f}x (goal >= 20x)")  # fmt: skip
    print(f"  add CalendarTime(months=1, hours=4) array {array_month * 1e9:8.0f} ns/elem   "
          f"scalar {scalar_month * 1e9:8.0f} ns   "
          f"array vs scalar {scalar_month / array_month:6.1f}x")  # fmt: skip
    print(
        f"  add WorkingDays(3) array {array_days * 1e9:8.0f} ns/elem   "
        f"scalar {scalar_days * 1e9:8.0f} ns   array vs scalar {scalar_days / array_days:6.1f}x"
    )
    print(f"  array answers differing from scalar on the sample: {wrong}")
    print(f"  peak RSS after the array add: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
