"""slacalc under Spark: ``mapInPandas`` over the per-partition function of docs/scale.md.

Runs only where pyspark and a Java runtime are installed (skipped otherwise); it starts
and stops a local Spark session itself.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

pd = pytest.importorskip("pandas")
pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:  # pragma: no cover - depends on the machine
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402

from slacalc import frame  # noqa: E402

AT = "2026-11-30T09:00+01:00"
SCHEMA = "ticket string, metric string, status string, due_at string, error string"


def evaluate_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for batch in batches:
        results = frame.evaluate(batch, "vioms/advanced", at=AT)
        results["due_at"] = results["due_at"].map(lambda t: None if pd.isna(t) else t.isoformat())
        yield results[["ticket", "metric", "status", "due_at", "error"]].astype(object)


def test_map_in_pandas_gives_the_pandas_results() -> None:  # pragma: no cover - needs Java
    tickets = pd.DataFrame(
        {
            "id": ["A", "B"],
            "priority": ["P1", "P2"],
            "opened_at": ["2026-11-23T16:00+01:00", "2026-11-23T09:00+01:00"],
        }
    )
    spark = SparkSession.builder.master("local[2]").appName("slacalc").getOrCreate()
    try:
        got = spark.createDataFrame(tickets).mapInPandas(evaluate_batches, SCHEMA).toPandas()
    finally:
        spark.stop()
    want = next(evaluate_batches(iter([tickets])))
    assert got.sort_values(["ticket", "metric"]).to_dict("records") == want.sort_values(
        ["ticket", "metric"]
    ).to_dict("records")
