"""Monthly compliance for 2,000,000 tickets on a Dask LocalCluster (SPEC 9).

Run it with ``python examples/cluster_compliance.py [TICKETS] [--workers N]`` after
``pip install "slacalc[dask]"`` (the only set-up it needs). It starts a LocalCluster of N
worker processes (default 2) on this machine, makes TICKETS synthetic VIOMS Advanced
tickets of 2026 (default 2,000,000, seeded) as a Dask DataFrame, evaluates them with
``slacalc.frame.evaluate`` partition by partition on the workers, and prints the share of
targets met per month, priority and metric (``frame.compliance_table`` of each month, a
Dask aggregation), and how long it took against one process on a sample.

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


def tickets(count: int, seed: int = 2026) -> pd.DataFrame:
    """Synthetic tickets of 2026: opened at random minutes, most answered and resolved."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2026-01-01", tz="Europe/Amsterdam")
    opened = start + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, count), unit="min")
    responded = opened + pd.to_timedelta(rng.integers(1, 16 * 60, count), unit="min")
    resolved = responded + pd.to_timedelta(rng.integers(1, 48 * 60, count), unit="min")
    return pd.DataFrame(
        {
            "id": [f"T-{n:07d}" for n in range(count)],
            "priority": rng.choice(["P1", "P2", "P3", "P4"], count),
            "opened_at": opened,
            "responded_at": responded.where(rng.random(count) < 0.95),
            "resolved_at": resolved.where(rng.random(count) < 0.9),
        }
    )


def main() -> None:
    data = tickets(TICKETS)
    months = data["opened_at"].dt.strftime("%Y-%m")
    cluster = LocalCluster(n_workers=WORKERS, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster):
        lazy = frame.evaluate(
            dd.from_pandas(data, npartitions=max(8, TICKETS // 50_000)), "vioms/advanced", at=AT
        )
        began = time.perf_counter()
        results = lazy.compute()
        cluster_seconds = time.perf_counter() - began
        year = frame.compliance_table(lazy).compute()  # a Dask aggregation over partitions
    sample = data.iloc[: min(TICKETS, 50_000)]
    began = time.perf_counter()
    frame.evaluate(sample, "vioms/advanced", at=AT)
    one_process = (time.perf_counter() - began) * TICKETS / len(sample)

    results["month"] = months.loc[results["row"]].to_numpy()
    shares = {
        month: frame.compliance_table(part).set_index(["priority", "metric"])["share_met"]
        for month, part in results.groupby("month")
    }
    table = pd.DataFrame(shares)
    table["2026"] = year.set_index(["priority", "metric"])["share_met"]
    print(f"{TICKETS:,} tickets, vioms/advanced, share of targets met per month:")
    print(table.round(3).to_string())
    print(
        f"\n{WORKERS} worker processes: {cluster_seconds:.1f} s "
        f"({TICKETS / cluster_seconds:,.0f} tickets/s); one process (from a sample of "
        f"{len(sample):,}): about {one_process:.1f} s; "
        f"speed-up {one_process / cluster_seconds:.2f}x"
    )


if __name__ == "__main__":
    main()
