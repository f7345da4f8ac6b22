"""Benchmark ``frame.evaluate``'s columnar path against the scalar clock (SPEC 9).

Run as ``python benchmarks/bench_frame.py [N]`` (default 100,000 tickets; ``--quick``:
20,000). One process, one run, seeded tickets of 2026 on ``vioms/advanced``: a response
and (mostly) a resolution each, and a pause on every third ticket (``--pauses``: a
``paused`` and a ``resumed`` row in the events frame; they go columnwise too). It times,
per ticket:

1. ``frame.evaluate`` over all N (simple tickets columnwise, the rest on the scalar
   clock);
2. the same with the columnar path switched off (every ticket on the scalar clock);
3. ``evaluate_many`` on the same tickets as ``Ticket`` objects (the clock alone, without
   reading a frame);

and checks 1 and 2 give the same frame. Past 100,000 tickets, 2 and 3 run on the first
100,000 (a sample: the rates per ticket are compared) and 1 is checked against 2 there.
"""

from __future__ import annotations

import resource
import sys
import time

import numpy as np
import pandas as pd

from slacalc import Event, Ticket, contracts, evaluate_many, frame
from slacalc.frame import _evaluate

QUICK = "--quick" in sys.argv
PAUSES = "--pauses" in sys.argv
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
N = int(ARGS[0]) if ARGS else (20_000 if QUICK else 100_000)
AT = pd.Timestamp("2027-01-01", tz="Europe/Amsterdam")


def tickets(count: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(2026)
    start = pd.Timestamp("2026-01-01", tz="Europe/Amsterdam")
    opened = start + pd.to_timedelta(rng.integers(0, 360 * 24 * 60, count), unit="min")
    responded = opened + pd.to_timedelta(rng.integers(1, 16 * 60, count), unit="min")
    resolved = responded + pd.to_timedelta(rng.integers(1, 48 * 60, count), unit="min")
    ids = [f"T-{n:07d}" for n in range(count)]
    frame_ = pd.DataFrame(
        {
            "id": ids,
            "priority": rng.choice(["P1", "P2", "P3", "P4"], count),
            "opened_at": opened,
            "responded_at": responded,
            "resolved_at": resolved.where(rng.random(count) < 0.9),
        }
    )
    third = np.arange(count) % 3 == 0 if PAUSES else np.zeros(count, dtype=bool)
    paused = responded + pd.Timedelta(minutes=5)
    events = pd.concat(
        [
            pd.DataFrame({"ticket": np.array(ids)[third], "at": paused[third], "kind": "paused"}),
            pd.DataFrame(
                {"ticket": np.array(ids)[third], "at": paused[third] + pd.Timedelta(hours=3),
                 "kind": "resumed"}
            ),
        ]
    )  # fmt: skip
    return frame_, events


SAMPLE = 100_000


def main() -> None:
    c = contracts.get("vioms/advanced")
    data, events = tickets(N)
    extra = events if len(events) else None
    frame.evaluate(data.iloc[:100], c, at=AT, events=extra)  # compile the calendars

    began = time.perf_counter()
    fast = frame.evaluate(data, c, at=AT, events=extra)
    columnar = time.perf_counter() - began
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sample = data.iloc[:SAMPLE]
    sample_events = events[events["ticket"].isin(set(sample["id"]))] if len(events) else events
    some_events = sample_events if len(sample_events) else None
    _evaluate.COLUMNAR = False
    began = time.perf_counter()
    slow = frame.evaluate(sample, c, at=AT, events=some_events)
    scalar_frame = time.perf_counter() - began
    _evaluate.COLUMNAR = True
    same = fast.iloc[: len(slow)].equals(slow) if len(sample) == N else (
        frame.evaluate(sample, c, at=AT, events=some_events).equals(slow)
    )  # fmt: skip

    by_ticket: dict[str, list[Event]] = {}
    for row in sample_events.itertuples(index=False):
        by_ticket.setdefault(row.ticket, []).append(Event(at=row.at.to_pydatetime(), kind=row.kind))
    objects = []
    for row in sample.itertuples(index=False):
        evs = [Event(at=row.responded_at.to_pydatetime(), kind="responded")]
        if not pd.isna(row.resolved_at):
            evs.append(Event(at=row.resolved_at.to_pydatetime(), kind="resolved"))
        evs += by_ticket.get(row.id, [])
        opened = row.opened_at.to_pydatetime()
        ordered = sorted(evs, key=lambda e: e.at)
        objects.append(Ticket(id=row.id, priority=row.priority, opened_at=opened, events=ordered))
    began = time.perf_counter()
    evaluate_many(c, objects, at=AT.to_pydatetime())
    clock = time.perf_counter() - began

    label = "a third paused" if PAUSES else "no pauses"
    n = len(sample)
    print(f"frame.evaluate over {N:,} vioms/advanced tickets ({label}), one run:")
    print(f"  columnar path        {columnar:7.2f} s  {N / columnar:9,.0f} tickets/s  (all {N:,})")
    print(
        f"  scalar path (frame)  {scalar_frame:7.2f} s  {n / scalar_frame:9,.0f} tickets/s"
        f"  (first {n:,})"
    )
    print(f"  evaluate_many        {clock:7.2f} s  {n / clock:9,.0f} tickets/s  (first {n:,})")
    per_ticket = (clock / n) / (columnar / N)
    print(
        f"  columnar vs evaluate_many per ticket {per_ticket:.1f}x (goal >= 10x); "
        f"vs the frame's scalar path {(scalar_frame / n) / (columnar / N):.1f}x"
    )
    print(f"  the same frame both ways (first {n:,}): {same}")
    print(f"  peak RSS after the columnar call: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
