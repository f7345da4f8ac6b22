"""Monthly compliance for 2,000,000 tickets on a Dask LocalCluster (SPEC 9).

Run it with ``python examples/cluster_compliance.py [TICKETS] [--workers N]`` after
``pip install "slacalc[dask]"`` (the only set-up it needs). It starts a LocalCluster of N
worker processes (default 2) on this machine, makes TICKETS synthetic VIOMS Advanced
tickets of 2026 (default 2,000,000, seeded) as a Dask DataFrame, evaluates them with
``slacalc.frame.evaluate`` partition by partition on the workers (each worker makes its
own partitions and sends back only their monthly compliance counts, summed by a Dask
aggregation), and prints the share of targets met per month, priority and metric, and how
long it took against one process doing the same in this run.

On a real cluster, connect a ``distributed.Client`` to its scheduler instead of starting
a LocalCluster: the same code runs (docs/scale.md).
"""

from __future__ import annotations

import sys
import time

import dask.dataframe as dd
import numpy as np
import pandas as pd
from distributed import Client, LocalCluster

from slacalc import frame

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
TICKETS = int(ARGS[0]) if ARGS else 2_000_000
WORKERS = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 2
AT = "2027-01-01T00:00+01:00"


def tickets(count: int, seed: int = 2026, first: int = 0) -> pd.DataFrame:
    """Synthetic tickets of 2026: opened at random minutes, most answered and resolved."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2026-01-01", tz="Europe/Amsterdam")
    opened = start + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, count), unit="min")
    responded = opened + pd.to_timedelta(rng.integers(1, 16 * 60, count), unit="min")
    resolved = responded + pd.to_timedelta(rng.integers(1, 48 * 60, count), unit="min")
    return pd.DataFrame(
        {
            "id": [f"T-{n:07d}" for n in range(first, first + count)],
            "priority": rng.choice(["P1", "P2", "P3", "P4"], count),
            "opened_at": opened,
            "responded_at": responded.where(rng.random(count) < 0.95),
            "resolved_at": resolved.where(rng.random(count) < 0.9),
        },
        index=pd.RangeIndex(first, first + count),
    )


PARTS = max(8, TICKETS // 100_000)


def part(n: int) -> pd.DataFrame:
    """Partition ``n`` of the tickets (its own seed), made on the worker that evaluates it."""
    size = -(-TICKETS // PARTS)
    first = n * size
    return tickets(max(0, min(size, TICKETS - first)), seed=2026 + n, first=first)


def monthly_counts(results: pd.DataFrame, opened: pd.Series) -> pd.DataFrame:
    """The compliance counts of each month of opening (what every worker sends back)."""
    months = opened.dt.strftime("%Y-%m").loc[results["row"]].to_numpy()
    tables = [
        frame.compliance_table(part_).assign(month=month)
        for month, part_ in results.groupby(months)
    ]
    return pd.concat(tables, ignore_index=True).drop(columns=["share_met"])


def evaluate_part(data: pd.DataFrame) -> pd.DataFrame:
    return monthly_counts(frame.evaluate(data, "vioms/advanced", at=AT), data["opened_at"])


def main() -> None:
    keys = ["month", "contract", "priority", "metric"]
    cluster = LocalCluster(n_workers=WORKERS, threads_per_worker=1, dashboard_address=":0")
    with cluster, Client(cluster):
        lazy = dd.from_map(part, range(PARTS))  # the tickets are made on the workers
        meta = evaluate_part(part(0).iloc[:50])
        counts = lazy.map_partitions(evaluate_part, meta=meta.iloc[:0])
        began = time.perf_counter()
        summed = counts.groupby(keys).sum().compute()  # a Dask aggregation
        cluster_seconds = time.perf_counter() - began
    everything = pd.concat([part(n) for n in range(PARTS)])
    began = time.perf_counter()
    alone = evaluate_part(everything).groupby(keys).sum()
    one_process = time.perf_counter() - began
    assert alone.sort_index().equals(summed.sort_index()), "the cluster and one process differ"

    judged = summed["met"] + summed["breached"]
    share = (summed["met"] / judged.where(judged > 0)).rename("share_met").reset_index()
    table = share.pivot_table(index=["priority", "metric"], columns="month", values="share_met")
    print(f"{TICKETS:,} tickets, vioms/advanced, share of targets met per month:")
    print(table.round(3).to_string())
    print(
        f"\n{WORKERS} worker processes: {cluster_seconds:.1f} s "
        f"({TICKETS / cluster_seconds:,.0f} tickets/s); one process: {one_process:.1f} s; "
        f"speed-up {one_process / cluster_seconds:.2f}x (the same counts)"
    )


if __name__ == "__main__":
    main()
