"""Benchmark compiling a calendar of many windows: time and memory per compiled span.

Run as ``python benchmarks/bench_compile.py`` (``--quick``: 1, 2 and 4 years). Everything
runs in ONE process. The calendar has 720 windows a day (one minute open, one closed,
around the clock, every day, Europe/Amsterdam): about 263,000 open spans a year, the kind
of calendar a probe schedule or a shift roster gives. For 1, 2, 4 and 8 UTC years it
compiles a fresh calendar over exactly those years (``between`` from the first instant of
the first year to the last of the last) and prints:

* the time per compiled span (without tracing), best of ``RUNS``;
* the memory the compiled timeline holds per span (``tracemalloc``, after the compile,
  in a second, traced compile).

Targets (a report, not a test: the exit status is 0 even when one fails): the time and the
memory per span stay flat (the 8-year figure within 1.5x of the 1-year one), and the
memory is at most 200 bytes a span.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from datetime import datetime, timedelta, timezone

import slacalc
from slacalc import Calendar
from slacalc._calendar.calendar import timeline_of

QUICK = "--quick" in sys.argv
YEARS = (1, 2, 4) if QUICK else (1, 2, 4, 8)
RUNS = 1 if QUICK else 2
FIRST = 2026
WINDOWS = [f"{h:02d}:{m:02d}-{h:02d}:{m + 1:02d}" for h in range(24) for m in range(0, 60, 2)]
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_fresh = iter(range(10**9))


def calendar() -> Calendar:
    """A new calendar value each time (its ``source`` differs), so nothing is shared."""
    return Calendar(
        tz="Europe/Amsterdam", hours=dict.fromkeys(DAYS, WINDOWS), source=f"run {next(_fresh)}"
    )


def compile_years(years: int) -> tuple[Calendar, int]:
    cal = calendar()
    start = datetime(FIRST, 1, 1, tzinfo=timezone.utc)
    end = datetime(FIRST + years, 1, 1, tzinfo=timezone.utc) - timedelta(microseconds=1)
    cal.between(start, end)
    spans = sum(len(timeline_of(cal).chunk(y)) for y in range(FIRST, FIRST + years))
    return cal, spans


def timed(years: int) -> tuple[float, int]:
    best = float("inf")
    spans = 0
    for _ in range(RUNS):
        gc.collect()
        started = time.perf_counter()
        cal, spans = compile_years(years)
        best = min(best, time.perf_counter() - started)
        del cal
    return best, spans


def traced(years: int) -> int:
    """Bytes held by one compiled calendar of ``years`` years."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    cal, _ = compile_years(years)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del cal
    return held


def main() -> int:
    print("slacalc compile benchmark: 720 windows a day, Europe/Amsterdam")
    print(f"  slacalc {slacalc.__version__}, Python {sys.version.split()[0]}")
    rows: list[tuple[int, int, float, float]] = []
    for years in YEARS:
        seconds, spans = timed(years)
        per_span_bytes = traced(years) / spans
        per_span_us = seconds / spans * 1e6
        rows.append((years, spans, per_span_us, per_span_bytes))
        print(
            f"  {years} year(s): {spans:>9,} spans, compiled in {seconds:6.2f} s, "
            f"{per_span_us:5.2f} us a span, {per_span_bytes:5.0f} bytes a span"
        )
    first, last = rows[0], rows[-1]
    time_ratio = last[2] / first[2]
    memory_ratio = last[3] / first[3]
    worst_bytes = max(r[3] for r in rows)
    print(f"  time per span, {last[0]} years / 1 year: {time_ratio:.2f}x (target <= 1.5x)")
    print(f"  memory per span, {last[0]} years / 1 year: {memory_ratio:.2f}x (target <= 1.5x)")
    print(f"  most memory per span: {worst_bytes:.0f} bytes (target <= 200)")
    verdict = time_ratio <= 1.5 and memory_ratio <= 1.5 and worst_bytes <= 200
    print(f"  verdict: {'met' if verdict else 'FAILED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
