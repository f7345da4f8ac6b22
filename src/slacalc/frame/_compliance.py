"""Compliance tables of frames: counts of any results, and a contract's period report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from fractions import Fraction
from typing import Any

import pandas as pd

from slacalc._base.errors import TicketError
from slacalc._facade import Contract
from slacalc._reports.compliance import COUNTERS, GoalResult, bucket, covered_cells, fraction_met
from slacalc._reports.compliance import compliance as period_compliance
from slacalc.frame._dask import compliance_table_dask, is_dask
from slacalc.frame._evaluate import RESULT_COLUMNS
from slacalc.frame._read import Row, as_contract, as_instant, read_frames

__all__ = ["compliance", "compliance_table"]


def compliance_table(results: pd.DataFrame) -> pd.DataFrame:
    """Met and breached counts per contract, priority and metric of :func:`evaluate`'s
    results (any tickets, any contracts, judged as of the ``at`` they were evaluated at).

    One row per ``(contract, priority, metric)`` in order of first appearance, with the
    columns ``contract``, ``priority``, ``metric``, ``tickets`` (targets counted),
    ``met``, ``breached``, ``running``, ``paused``, ``not_started``, ``no_target`` and
    ``share_met`` (``met / (met + breached)``, NaN when nothing was judged). A target
    that breached in any cycle counts as breached, as in :func:`slacalc.compliance`.
    Result rows with an ``error`` are not counted; they are listed in
    ``table.attrs["errors"]`` (dicts with ``row``, ``ticket`` and ``error``).

    Use this to see how a set of tickets stands; use :func:`compliance` for a
    contract's period report with its compliance goals. A Dask DataFrame of results gives
    a Dask DataFrame: the counts of each partition summed, in the order of their keys
    (``attrs`` do not travel through Dask: filter ``error`` rows yourself).

    >>> import pandas as pd
    >>> from slacalc.frame import evaluate
    >>> tickets = pd.DataFrame({"id": ["A", "B", "C"], "priority": ["P1", "P1", "P1"],
    ...     "opened_at": ["2026-11-23T09:00+01:00"] * 3,
    ...     "responded_at": ["2026-11-23T09:30+01:00", "2026-11-23T12:00+01:00", None]})
    >>> results = evaluate(tickets, "vioms/advanced", at="2026-11-23T10:00+01:00")
    >>> table = compliance_table(results)
    >>> table[["priority", "metric", "tickets", "met", "breached", "running", "share_met"]]
      priority      metric  tickets  met  breached  running  share_met
    0       P1    response        3    1         0        2        1.0
    1       P1  resolution        3    0         0        1        NaN
    2       P1     on_site        3    0         0        0        NaN
    """
    if is_dask(results):  # a Dask DataFrame in, a Dask DataFrame out
        lazy: pd.DataFrame = compliance_table_dask(results)
        return lazy
    if not isinstance(results, pd.DataFrame):
        raise TypeError(f"results must be a pandas DataFrame, not {type(results).__name__}")
    needed = ("contract", "priority", "metric", "status", "error")
    missing = [name for name in needed if name not in results.columns]
    if missing:
        raise TicketError(
            f"results frame: missing column(s) {', '.join(missing)} (expected the columns "
            f"of slacalc.frame.evaluate: {', '.join(RESULT_COLUMNS)})"
        )
    n = len(results)
    ever = results["ever_breached"].tolist() if "ever_breached" in results else [False] * n
    row = results["row"].tolist() if "row" in results else [None] * n
    counts: dict[tuple[str, str, str], dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for contract, priority, metric, status, error, breached, label, ticket in zip(
        results["contract"].tolist(),
        results["priority"].tolist(),
        results["metric"].tolist(),
        results["status"].tolist(),
        results["error"].tolist(),
        ever,
        row,
        results["ticket"].tolist() if "ticket" in results else [None] * n,
        strict=True,
    ):
        if not pd.isna(error) or pd.isna(metric):
            errors.append({"row": label, "ticket": _or_none(ticket), "error": _or_none(error)})
            continue
        cell = counts.setdefault((contract, priority, metric), dict.fromkeys(COUNTERS, 0))
        try:
            counter = bucket(str(status), breached is True)
        except ValueError:
            raise TicketError(f"results frame: unknown status {status!r}") from None
        cell[counter] += 1
    records = [
        {
            "contract": contract,
            "priority": priority,
            "metric": metric,
            "tickets": sum(cell.values()),
            **cell,
            "share_met": _share(cell["met"], cell["breached"]),
        }
        for (contract, priority, metric), cell in counts.items()
    ]
    table = _table(records, ("contract", "priority", "metric", "tickets", *COUNTERS, "share_met"))
    table.attrs["errors"] = errors
    return table


def compliance(
    tickets: pd.DataFrame,
    contract: Contract | str,
    *,
    start: datetime | str,
    end: datetime | str,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The compliance report of a period for one contract, as a table.

    Runs :func:`slacalc.compliance`: the tickets opened in ``[start, end)`` are judged as
    of ``end``; ``start`` and ``end`` are aware datetimes or ISO 8601 text with an offset.
    ``tickets`` and ``events`` are read as by :func:`evaluate`; a row naming another
    contract in its ``contract`` column is a bad row.

    One row per priority and metric the contract has a target for (the contract's
    order), with the columns ``priority``, ``metric``, ``tickets`` (targets counted),
    ``met``, ``breached``, ``running``, ``paused``, ``not_started``, ``no_target``,
    ``share_met`` (``met / (met + breached)``, NaN when nothing was judged), and the
    compliance goal that covers the cell (the first, should several): ``goal`` (its
    minimum share, NaN without a goal), ``goal_per`` (what it counts: ``"target"`` or
    ``"ticket"``, ``<NA>`` without a goal), ``goal_share_met`` (the share met pooled over
    the goal's cells, per target or per ticket) and ``goal_met`` (whether it held; ``<NA>``
    without a goal). ``not_started`` shows the targets whose clock never started
    (InfraVision: resolutions without a recorded root cause), which no share counts.

    ``table.attrs`` holds ``contract``, ``start``, ``end``, ``met`` (every goal held),
    ``tickets`` (evaluated), ``ignored`` (opened outside the period), ``goals`` (one
    dict per goal: ``priorities``, ``metrics``, ``minimum``, ``per``, ``met``,
    ``breached`` (targets or tickets, as ``per`` says), ``share_met``, ``held``,
    ``not_started``) and ``errors``: one dict (``row``, ``ticket``, ``error``)
    per bad row, in input order; a bad row's period cannot be known, so every bad row is
    listed.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"id": ["A", "B", "C"], "priority": ["high", "high", "top"],
    ...     "opened_at": ["2026-11-02T09:00+01:00"] * 3,
    ...     "responded_at": ["2026-11-02T10:00+01:00", "2026-11-03T12:00+01:00", None]})
    >>> table = compliance(tickets, "infravision/cloud",
    ...                    start="2026-11-01T00:00+01:00", end="2026-12-01T00:00+01:00")
    >>> table[table.metric == "response"][["priority", "met", "breached", "goal", "goal_per"]]
      priority  met  breached  goal goal_per
    0      top    0         1   1.0   ticket
    2     high    1         1   0.8   ticket
    4   medium    0         0   0.8   ticket
    6      low    0         0   0.8   ticket
    >>> table[table.metric == "resolution"][["priority", "not_started", "goal_met"]]
      priority  not_started  goal_met
    1      top            1     False
    3     high            2     False
    5   medium            0     False
    7      low            0     False
    >>> table.attrs["met"], table.attrs["tickets"], table.attrs["errors"]
    (False, 3, [])
    """
    chosen = as_contract(contract)
    period_start = as_instant(start, "start")
    period_end = as_instant(end, "end")
    rows, orphans = read_frames(tickets, events)
    good: list[Row] = []
    for row in rows:
        if row.error is None and row.contract is not None and row.contract != chosen.id:
            row.error = (
                f"contract {row.contract!r} is not {chosen.id!r}, the contract of this table"
            )
        if row.error is None:
            good.append(row)
    report = period_compliance(chosen, [row.ticket() for row in good], period_start, period_end)
    for failure in report.errors:
        good[failure.index].error = failure.message
    errors = [
        {"row": row.key, "ticket": row.ticket_id, "error": row.error}
        for row in [*rows, *orphans]
        if row.error is not None
    ]

    goal_of: dict[tuple[str, str], GoalResult] = {}
    for result in report.goals:
        for key in covered_cells(chosen, result.goal, report.cells):
            goal_of.setdefault(key, result)
    records: list[dict[str, Any]] = []
    for key, cell in report.cells.items():
        found = goal_of.get(key)
        records.append(
            {
                "priority": cell.priority,
                "metric": cell.metric,
                "tickets": cell.total,
                **{name: getattr(cell, name) for name in COUNTERS},
                "share_met": _float(cell.fraction_met),
                "goal": found.goal.minimum if found is not None else float("nan"),
                "goal_per": found.goal.per if found is not None else None,
                "goal_share_met": _float(found.fraction if found is not None else None),
                "goal_met": found.held if found is not None else None,
            }
        )
    table = _table(
        records,
        (
            "priority",
            "metric",
            "tickets",
            *COUNTERS,
            "share_met",
            "goal",
            "goal_per",
            "goal_share_met",
            "goal_met",
        ),
    )
    table["goal_per"] = table["goal_per"].astype("string")
    table["goal_met"] = table["goal_met"].astype("boolean")
    table.attrs.update(
        contract=chosen.id,
        start=period_start,
        end=period_end,
        met=report.met,
        tickets=report.tickets,
        ignored=report.ignored,
        goals=[
            {
                "priorities": list(g.goal.priorities),
                "metrics": list(g.goal.metrics),
                "minimum": g.goal.minimum,
                "per": g.goal.per,
                "met": g.met,
                "breached": g.breached,
                "share_met": _float(g.fraction),
                "held": g.held,
                "not_started": g.not_started,
            }
            for g in report.goals
        ],
        errors=errors,
    )
    return table


def _share(met: int, breached: int) -> float:
    return _float(fraction_met(met, breached))


def _float(fraction: Fraction | None) -> float:
    """A share the report computed exactly, as a float; NaN when nothing was judged."""
    return float("nan") if fraction is None else float(fraction)


def _or_none(value: Any) -> Any:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _table(records: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    table: pd.DataFrame = pd.DataFrame.from_records(records, columns=list(columns))
    for name in ("tickets", *COUNTERS):
        table[name] = table[name].astype("int64")
    for name in ("share_met", "goal", "goal_share_met"):
        if name in table:
            table[name] = table[name].astype("float64")
    return table
