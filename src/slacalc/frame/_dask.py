"""Dask DataFrames in, Dask DataFrames out (SPEC 9): the same evaluation, per partition.

:func:`evaluate_dask` maps :func:`slacalc.frame.evaluate` over the partitions of a Dask
DataFrame of tickets, with the result's ``meta``; :func:`compliance_table_dask` counts per
partition and sums the counts (a Dask aggregation). The contract, events and profile go
to every worker pickled. Each partition is evaluated on its own, so:

* an events (or history) frame, a pandas frame, is given to every partition, which takes
  the events of its own tickets; events naming no ticket of any partition are not
  reported (evaluate a pandas frame to see them);
* a ticket id must not be split over partitions (a duplicate in another partition is not
  seen).

Dask is an optional extra: ``pip install "slacalc[dask]"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pandas as pd

from slacalc._facade import Contract
from slacalc.frame._read import as_contract, as_instant, results_zone
from slacalc.profiles import Profile

__all__ = ["RESULT_DTYPES", "compliance_table_dask", "evaluate_dask", "is_dask"]


def is_dask(frame: object) -> bool:
    """Whether ``frame`` is a Dask DataFrame (checked without importing dask)."""
    return type(frame).__module__.startswith("dask") and hasattr(frame, "map_partitions")


def RESULT_DTYPES(zone: str, index_dtype: Any) -> dict[str, Any]:  # noqa: N802 - a table
    """The dtype of each column of :func:`slacalc.frame.evaluate`'s results."""
    text = object
    return {
        "ticket": text,
        "contract": text,
        "priority": text,
        "metric": text,
        "status": text,
        "due_at": pd.DatetimeTZDtype("us", zone),
        "breach_at": pd.DatetimeTZDtype("us", zone),
        "next_change_at": pd.DatetimeTZDtype("us", zone),
        "elapsed": "timedelta64[us]",
        "ever_breached": "boolean",
        "error": text,
        "row": index_dtype,
    }


def _partition(
    tickets: pd.DataFrame,
    contract: Contract | None,
    at: datetime,
    events: pd.DataFrame | None,
    options: Mapping[str, Any],
    dtypes: Mapping[str, Any],
) -> pd.DataFrame:
    from slacalc.frame._evaluate import evaluate  # the pandas path (a sibling module)

    own_events = None
    if events is not None:
        ids = set(tickets[_id_column(tickets, options)].astype(str).str.strip())
        own_events = events[events["ticket"].astype(str).str.strip().isin(ids)]
    history = options.get("history")
    if history is not None:
        column = options["history_ticket"]
        ids = set(tickets[_id_column(tickets, options)].astype(str).str.strip())
        history = history[history[column].astype(str).str.strip().isin(ids)]
    result = evaluate(
        tickets,
        contract,
        at=at,
        events=own_events,
        profile=options.get("profile"),
        history=history,
        tz=options.get("tz"),
        priorities=options.get("priorities"),
    )
    typed: pd.DataFrame = result.astype(dict(dtypes))
    return typed


def _id_column(tickets: pd.DataFrame, options: Mapping[str, Any]) -> str:
    profile = options.get("profile")
    wanted = profile.column("id") if isinstance(profile, Profile) else "id"
    for name in tickets.columns:
        if isinstance(name, str) and name.strip().lower() == wanted.strip().lower():
            return name
    return wanted


def evaluate_dask(
    tickets: Any,
    contract: Contract | str | None,
    *,
    at: datetime | str,
    events: pd.DataFrame | None = None,
    profile: Profile | str | None = None,
    history: pd.DataFrame | None = None,
    tz: str | None = None,
    priorities: Mapping[str, str] | None = None,
) -> Any:
    """:func:`slacalc.frame.evaluate` over each partition of a Dask DataFrame."""
    from slacalc.frame._read import as_profile

    when = as_instant(at, "at")
    chosen = as_contract(contract) if contract is not None else None
    reading_profile = as_profile(profile)
    if events is not None and not isinstance(events, pd.DataFrame):
        raise TypeError("with a Dask DataFrame of tickets, events must be a pandas DataFrame")
    options: dict[str, Any] = {"profile": reading_profile, "tz": tz, "priorities": priorities}
    if history is not None:
        if not isinstance(history, pd.DataFrame):
            raise TypeError("with a Dask DataFrame of tickets, history must be a pandas DataFrame")
        options["history"] = history
        columns = reading_profile.history if reading_profile is not None else None
        options["history_ticket"] = columns.ticket if columns is not None else "ticket"
    zone = results_zone(chosen)
    dtypes = RESULT_DTYPES(zone, tickets._meta.index.dtype)
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})
    return tickets.map_partitions(
        _partition, chosen, when, events, options, dtypes, meta=meta, align_dataframes=False
    )


def _counts(results: pd.DataFrame) -> pd.DataFrame:
    from slacalc.frame._compliance import compliance_table

    table = compliance_table(results)
    counts: pd.DataFrame = table.drop(columns=["share_met"])
    return counts


def compliance_table_dask(results: Any) -> Any:
    """:func:`slacalc.frame.compliance_table` of a Dask DataFrame of results: counts per
    partition, summed per contract, priority and metric (sorted by them)."""
    from slacalc._reports.compliance import COUNTERS

    keys = ["contract", "priority", "metric"]
    numbers = ["tickets", *COUNTERS]
    meta = pd.DataFrame(
        {
            **{k: pd.Series(dtype=object) for k in keys},
            **{n: pd.Series(dtype="int64") for n in numbers},
        }
    )
    counts = results.map_partitions(_counts, meta=meta)
    summed = counts.groupby(keys).sum().reset_index()

    def share(table: pd.DataFrame) -> pd.DataFrame:
        judged = table["met"] + table["breached"]
        shares = table["met"] / judged.where(judged > 0)
        shared: pd.DataFrame = table.assign(share_met=shares.astype("float64"))
        return shared

    meta_share = meta.assign(share_met=pd.Series(dtype="float64"))
    return summed.map_partitions(share, meta=meta_share)
