"""Benchmark memory of a long-running service that loads a contract per request.

Run as ``python benchmarks/bench_memory.py`` (``--quick``: fewer requests). Everything
runs in ONE process. Each "request" does what a ticketing service might do: read a
contract from its JSON (a fresh ``Contract`` object, equal to the last one), evaluate 20
tickets against it, answer, and drop everything. A leak shows as memory that grows with
the number of requests; a cache that is bounded shows as memory that stops growing.

It prints, after a warm-up of ``WARM`` requests and again after ``WARM + MORE``
requests: the memory Python holds (``tracemalloc``: current and peak), the contracts
still alive (a table of weak references, after ``gc.collect()``), and the process's peak RSS. The
target: no contract of an earlier request alive, and current memory flat (growth per
request under 1 KiB: noise from interned strings and the bounded caches filling up).

This is a report, not a test: the exit status is 0 even when the target fails (the test
suite has the exact check, tests/test_plan.py).
"""

from __future__ import annotations

import gc
import itertools
import resource
import sys
import time
import tracemalloc
import weakref
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import slacalc
from slacalc import Contract, Event, Ticket, contracts

QUICK = "--quick" in sys.argv
WARM = 100 if QUICK else 300
MORE = 500 if QUICK else 3_000
TICKETS_PER_REQUEST = 20
REQUEST_NUMBERS = itertools.count()
AMS = ZoneInfo("Europe/Amsterdam")
AT = datetime(2026, 12, 1, 9, tzinfo=AMS)
Alive = weakref.WeakValueDictionary[int, Contract]


def tickets() -> list[Ticket]:
    """Twenty tickets of one request (the same every time: the contract is what is new)."""
    out: list[Ticket] = []
    start = datetime(2026, 11, 2, 9, tzinfo=AMS)
    for n in range(TICKETS_PER_REQUEST):
        opened = start + timedelta(days=n % 20, hours=n % 7)
        out.append(
            Ticket(
                id=f"T-{n}",
                priority=f"P{1 + n % 4}",
                opened_at=opened,
                events=[
                    Event(at=opened + timedelta(hours=2), kind="responded"),
                    Event(at=opened + timedelta(hours=30), kind="resolved"),
                ],
            )
        )
    return out


def serve(source: str, batch: list[Ticket], alive: Alive) -> int:
    """One request: load the contract, evaluate, answer; keep only a weak reference."""
    contract = Contract.model_validate_json(source)
    report = slacalc.evaluate_many(contract, batch, at=AT)
    # Weak values: an entry goes with its contract, so the table does not grow by itself
    # (a weak set would fold equal contracts into one).
    alive[next(REQUEST_NUMBERS)] = contract
    return sum(r.breached for r in report.reports)


def snapshot(label: str, requests: int, alive: Alive) -> int:
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    living = len(alive)
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  {label:<7} after {requests:>5} requests: current {current / 1024:9.1f} KiB, "
        f"peak {peak / 1024:9.1f} KiB, contracts alive {living:>5}, peak RSS {rss_mib:6.1f} MiB"
    )
    return current


def main() -> int:
    print("slacalc memory benchmark: a contract loaded per request")
    print(f"  slacalc {slacalc.__version__}, Python {sys.version.split()[0]}")
    source = contracts.get("vioms/advanced").model_dump_json()
    batch = tickets()
    alive: Alive = weakref.WeakValueDictionary()
    started = time.perf_counter()
    tracemalloc.start()
    for _ in range(WARM):
        serve(source, batch, alive)
    before = snapshot("warm", WARM, alive)
    for _ in range(MORE):
        serve(source, batch, alive)
    after = snapshot("later", WARM + MORE, alive)
    tracemalloc.stop()
    growth = (after - before) / MORE
    living = len(alive)
    flat = growth < 1024 and living == 0
    print(f"  growth per request: {growth:,.0f} bytes; contracts alive at the end: {living}")
    print(f"  target: none alive and growth < 1 KiB a request: {'met' if flat else 'FAILED'}")
    print(f"  total wall time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
