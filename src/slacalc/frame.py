"""Tickets in a pandas DataFrame: results per ticket and target, and compliance tables.

Needs pandas (``pip install "slacalc[pandas]"``); ``import slacalc`` never imports it.
A tickets frame has the columns of ``slacalc check``'s ticket file (SPEC section 6):
``id``, ``priority``, ``opened_at`` and optionally ``kind``, ``contract``,
``responded_at``, ``workaround_at``, ``root_cause_at``, ``on_site_requested_at``,
``on_site_at`` and ``resolved_at``. A cell is ISO 8601 text with an offset, an aware
``Timestamp`` or ``datetime``, or blank (``None``, ``""``, NaN, NaT). Further events
(pauses, reopens, priority changes) come as an events frame: ``ticket``, ``at``,
``kind`` and optionally ``priority`` and ``reason``.

* :func:`evaluate`: one result row per ticket and target, in input order; a bad row
  becomes one row with its ``error`` (never raised, never dropped).
* :func:`compliance_table`: met and breached counts per contract, priority and metric of
  :func:`evaluate`'s results: for any set of tickets, mixed contracts included.
* :func:`compliance`: SPEC section 5 for one contract and period: the tickets opened in
  ``[start, end)`` judged as of ``end``, with the contract's compliance goals.

>>> import pandas as pd
>>> from slacalc import frame
>>> tickets = pd.DataFrame({
...     "id": ["T-1", "T-2"],
...     "priority": ["P1", "P9"],
...     "opened_at": ["2026-11-23T16:00+01:00", "2026-11-23T16:00+01:00"],
...     "responded_at": ["2026-11-24T12:00+01:00", None],
... })
>>> results = frame.evaluate(tickets, "vioms/advanced", at="2026-11-30T09:00+01:00")
>>> results[["ticket", "metric", "status"]].head(2)
  ticket      metric    status
0    T-1    response       met
1    T-1  resolution  breached
>>> results.loc[0, "due_at"]
Timestamp('2026-11-24 12:00:00+0100', tz='Europe/Amsterdam')
>>> results.iloc[-1]["error"]
"ticket T-2: unknown priority 'P9'; use one of P1, P2, P3, P4 (or an alias)"
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from datetime import datetime
from fractions import Fraction
from typing import Any

try:
    import pandas as pd
except ImportError as _error:  # pragma: no cover - exercised in a subprocess
    raise ModuleNotFoundError(
        'slacalc.frame needs pandas, which is not installed: pip install "slacalc[pandas]"',
        name="pandas",
    ) from _error

from slacalc import contracts
from slacalc._compliance import GoalResult, covered_cells
from slacalc._compliance import compliance as _compliance
from slacalc._contract import Contract
from slacalc._errors import CalendarError, NaiveDatetimeError, TicketError
from slacalc._instants import require_aware
from slacalc._records import EVENT_FILE_COLUMNS, TICKET_COLUMNS, parse_instant
from slacalc._report import Status, TicketReport
from slacalc._ticket_rows import (
    TicketRow,
    attach_events,
    column_problem,
    evaluate_rows,
    read_ticket_rows,
)

__all__ = ["RESULT_COLUMNS", "compliance", "compliance_table", "evaluate"]

#: The columns of :func:`evaluate`'s results, in order.
RESULT_COLUMNS = (
    "ticket",
    "contract",
    "priority",
    "metric",
    "status",
    "due_at",
    "breach_at",
    "elapsed",
    "ever_breached",
    "error",
    "row",
)

#: The counters of a compliance table, one per :class:`~slacalc.Status` value.
_COUNTS = tuple(status.value for status in Status)

#: One ticket row of the input (or an orphan event row), keyed by its index label.
_Row = TicketRow[Hashable]


# -- reading frames ---------------------------------------------------------------------


def _names(frame: pd.DataFrame, what: str) -> list[Hashable]:
    """The column names, text stripped (as the command line strips a CSV header)."""
    names: list[Hashable] = [c.strip() if isinstance(c, str) else c for c in frame.columns]
    doubled = sorted({str(n) for n in names if names.count(n) > 1})
    if doubled:
        raise TicketError(f"{what} frame: column(s) {', '.join(doubled)} appear more than once")
    return names


def _records(
    frame: pd.DataFrame, what: str, known: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[Hashable, Any]]:
    """(index label, record) per row of a ``what`` frame; a record maps column name to
    cell. The frame and its columns are checked at once."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, not {type(frame).__name__}")
    names = _names(frame, what)
    problem = column_problem(names, known, required, say_required=True)
    if problem is not None:
        raise TicketError(f"{what} frame: {problem}")
    labels: list[Hashable] = frame.index.tolist()
    values = frame.itertuples(index=False, name=None)
    return (
        (label, dict(zip(names, row, strict=True)))
        for label, row in zip(labels, values, strict=True)
    )


def _read(tickets: pd.DataFrame, events: pd.DataFrame | None) -> tuple[list[_Row], list[_Row]]:
    """The ticket rows, and the orphan event rows (with no ``key``: no row of tickets)."""
    rows = read_ticket_rows(
        _records(tickets, "tickets", TICKET_COLUMNS, TICKET_COLUMNS[:3]),
        lambda label: f"in row {label!r}",
    )
    if events is None:
        return rows, []
    orphans = attach_events(
        _records(events, "events", EVENT_FILE_COLUMNS, EVENT_FILE_COLUMNS[:3]),
        rows,
        lambda label: f"events row {label!r}",
        "no such ticket in the tickets frame",
    )
    for orphan in orphans:
        orphan.key = None
    return rows, orphans


def _contract(contract: Contract | str) -> Contract:
    if isinstance(contract, Contract):
        return contract
    if isinstance(contract, str):
        return contracts.get(contract)
    raise TypeError(f"contract must be a Contract or a contract id, not {type(contract).__name__}")


def _instant(value: object, name: str) -> datetime:
    """An aware datetime from an aware ``datetime``/``Timestamp`` or ISO text."""
    if isinstance(value, datetime):
        require_aware(value, name)  # a naive one: NaiveDatetimeError, as the engine says it
    try:
        return parse_instant(value, name)
    except ValueError as error:
        if "no UTC offset" in str(error):
            raise NaiveDatetimeError(str(error)) from None
        raise CalendarError(str(error)) from None


def _zone(contract: Contract | None) -> str:
    """The zone of a contract's results: its first calendar's zone (the engine's)."""
    if contract is None or not contract.calendars:
        return "UTC"
    return next(iter(contract.calendars.values())).tz


# -- building frames ---------------------------------------------------------------------


def _times(values: list[datetime | None], zone: str) -> Any:
    series = pd.to_datetime(pd.Series(values, dtype=object), utc=True)
    return series.dt.tz_convert(zone)


def _labels(values: list[Hashable], index: pd.Index) -> Any:
    """Index labels as a column: the index's own dtype unless some row has none."""
    if any(v is None for v in values) or index.dtype.kind == "M":
        return pd.Series(values, dtype=object)
    return pd.Series(values, dtype=index.dtype)


def evaluate(
    tickets: pd.DataFrame,
    contract: Contract | str | None = None,
    *,
    at: datetime | str,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Evaluate a frame of tickets as of ``at``: one row per ticket and target.

    ``contract`` is a :class:`~slacalc.Contract` or a contract id; a ticket row may name
    its own in a ``contract`` column (blank: ``contract``). ``at`` (required: as of
    when?) is an aware ``datetime``/``Timestamp`` or ISO 8601 text with an offset.
    ``events`` is an optional frame of further events (``ticket``, ``at``, ``kind``,
    ``priority``, ``reason``).

    The result has a fresh index and the columns of :data:`RESULT_COLUMNS`:

    ``ticket``, ``contract``, ``priority``, ``metric``
        the ticket id, the contract id, the ticket's priority as of ``at`` (the
        contract's id for it, after any priority change: what compliance counts it
        under) and the metric. A clock that stopped before a priority change was
        judged by the target of the priority in force when it stopped;
    ``status``
        the :class:`~slacalc.Status` value as text (``"met"``, ``"breached"``, ...);
    ``due_at``, ``breach_at``
        aware datetimes in the zone of ``contract`` (of the first row's contract when
        none is given); NaT when there is none;
    ``elapsed``
        the open time counted, a Timedelta;
    ``ever_breached``
        whether any clock cycle breached (only differs from ``status == "breached"``
        for a contract with ``on_reopen="new_cycle"``);
    ``error``
        missing on good rows;
    ``row``
        the ticket's index label in ``tickets``: ``tickets.loc[results["row"]]``, or
        ``results.merge(tickets, left_on="row", right_index=True)``, joins back.

    A row that cannot be evaluated (a bad cell, an unknown priority or contract, a
    duplicate id, events that contradict each other) becomes one result row with only
    ``ticket``, ``error`` and ``row`` filled. An events row naming no ticket of the frame
    becomes such a row too, after the others, with ``row`` missing. Raises
    :class:`~slacalc.TicketError` for a missing required column (``id``, ``priority``,
    ``opened_at``; ``ticket``, ``at``, ``kind`` for events) or an unknown ``*_at``
    column, and :class:`~slacalc.UnknownContractError` for an unknown ``contract``.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"id": ["A", "B", "C"], "priority": ["P2", "P1", "P1"],
    ...     "opened_at": pd.to_datetime(["2026-11-23 09:00"] * 3),
    ...     "contract": ["vioms/advanced", "vioms/standard", "nope"]})
    >>> tickets["opened_at"] = tickets["opened_at"].dt.tz_localize("Europe/Amsterdam")
    >>> results = evaluate(tickets, at="2026-11-23T12:00+01:00")
    >>> results[["ticket", "contract", "metric", "status", "row"]].head(4)
      ticket        contract      metric   status  row
    0      A  vioms/advanced    response  running    0
    1      A  vioms/advanced  resolution  not_started    0
    2      B  vioms/standard    response      running    1
    3      B  vioms/standard  resolution  not_started    1
    >>> results["error"].iloc[-1]
    "unknown contract 'nope'"
    >>> naive = tickets.assign(opened_at=tickets["opened_at"].dt.tz_localize(None))
    >>> print(evaluate(naive, "vioms/advanced", at="2026-11-23T12:00+01:00")["error"][0])
    opened_at '2026-11-23T09:00:00' has no time zone (localize it, e.g.
    tz_localize('Europe/Amsterdam'))
    """
    when = _instant(at, "at")
    default = _contract(contract) if contract is not None else None
    rows, orphans = _read(tickets, events)

    outcomes = evaluate_rows(default, rows, when)

    first = next((used for used, _ in outcomes.values()), None)  # the first good row's
    zone = _zone(default if default is not None else first)
    columns: dict[str, list[Any]] = {name: [] for name in RESULT_COLUMNS}

    def add(**cells: Any) -> None:
        for name, values in columns.items():
            values.append(cells.get(name))

    for n, row in enumerate([*rows, *orphans]):
        used, result = outcomes.get(n, (None, row.error))
        if isinstance(result, TicketReport):
            for metric, r in result.targets.items():
                add(
                    ticket=result.ticket_id,
                    contract=used.id if used is not None else None,
                    priority=r.priority,
                    metric=metric,
                    status=r.status.value,
                    due_at=r.due_at,
                    breach_at=r.breach_at,
                    elapsed=r.elapsed,
                    ever_breached=r.ever_breached,
                    row=row.key,
                )
        else:
            add(ticket=row.ticket_id, error=result, row=row.key)

    frame: pd.DataFrame = pd.DataFrame(
        {name: _column(name, values, zone, tickets.index) for name, values in columns.items()}
    )
    return frame


def _column(name: str, values: list[Any], zone: str, index: pd.Index) -> Any:
    """One column of :func:`evaluate`'s results as a Series of its dtype."""
    if name in ("due_at", "breach_at"):
        return _times(values, zone)
    if name == "elapsed":
        return pd.to_timedelta(pd.Series(values, dtype=object))
    if name == "ever_breached":
        return pd.Series(values, dtype="boolean")
    if name == "row":
        return _labels(values, index)
    return pd.Series(values)  # text: pandas' default text dtype, missing as NA


# -- compliance ---------------------------------------------------------------------------


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
    contract's period report with its compliance goals.

    >>> import pandas as pd
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
        cell = counts.setdefault((contract, priority, metric), dict.fromkeys(_COUNTS, 0))
        bucket = Status.BREACHED.value if breached is True else str(status)
        if bucket not in cell:
            raise TicketError(f"results frame: unknown status {status!r}")
        cell[bucket] += 1
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
    table = _table(records, ("contract", "priority", "metric", "tickets", *_COUNTS, "share_met"))
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
    """The compliance report of a period (SPEC 5) for one contract, as a table.

    Runs :func:`slacalc.compliance`: the tickets opened in ``[start, end)`` are judged as
    of ``end``; ``start`` and ``end`` are aware datetimes or ISO 8601 text with an offset.
    ``tickets`` and ``events`` are read as by :func:`evaluate`; a row naming another
    contract in its ``contract`` column is a bad row.

    One row per priority and metric the contract has a target for (the contract's
    order), with the columns ``priority``, ``metric``, ``tickets`` (targets counted),
    ``met``, ``breached``, ``running``, ``paused``, ``not_started``, ``no_target``,
    ``share_met`` (``met / (met + breached)``, NaN when nothing was judged), and the
    compliance goal that covers the cell (the first, should several): ``goal`` (its
    minimum share, NaN without a goal), ``goal_share_met`` (the share met pooled over the
    goal's cells) and ``goal_met`` (whether it held; ``<NA>`` without a goal).

    ``table.attrs`` holds ``contract``, ``start``, ``end``, ``met`` (every goal held),
    ``tickets`` (evaluated), ``ignored`` (opened outside the period), ``goals`` (one
    dict per goal: ``priorities``, ``metrics``, ``minimum``, ``met``, ``breached``,
    ``share_met``, ``held``) and ``errors``: one dict (``row``, ``ticket``, ``error``)
    per bad row, in input order; a bad row's period cannot be known, so every bad row is
    listed.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"id": ["A", "B", "C"], "priority": ["high", "high", "top"],
    ...     "opened_at": ["2026-11-02T09:00+01:00"] * 3,
    ...     "responded_at": ["2026-11-02T10:00+01:00", "2026-11-03T12:00+01:00", None]})
    >>> table = compliance(tickets, "infravision/cloud",
    ...                    start="2026-11-01T00:00+01:00", end="2026-12-01T00:00+01:00")
    >>> table[table.metric == "response"][["priority", "met", "breached", "goal", "goal_met"]]
      priority  met  breached  goal  goal_met
    0      top    0         1   1.0     False
    2     high    1         1   0.8     False
    4   medium    0         0   0.8     False
    6      low    0         0   0.8     False
    >>> table.attrs["met"], table.attrs["tickets"], table.attrs["errors"]
    (False, 3, [])
    """
    chosen = _contract(contract)
    period_start = _instant(start, "start")
    period_end = _instant(end, "end")
    rows, orphans = _read(tickets, events)
    good: list[_Row] = []
    for row in rows:
        if row.error is None and row.contract is not None and row.contract != chosen.id:
            row.error = (
                f"contract {row.contract!r} is not {chosen.id!r}, the contract of this table"
            )
        if row.error is None:
            good.append(row)
    report = _compliance(chosen, [row.ticket() for row in good], period_start, period_end)
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
                **{name: getattr(cell, name) for name in _COUNTS},
                "share_met": _float(cell.fraction_met),
                "goal": found.goal.minimum if found is not None else float("nan"),
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
            *_COUNTS,
            "share_met",
            "goal",
            "goal_share_met",
            "goal_met",
        ),
    )
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
                "met": g.met,
                "breached": g.breached,
                "share_met": _float(g.fraction),
                "held": g.held,
            }
            for g in report.goals
        ],
        errors=errors,
    )
    return table


def _share(met: int, breached: int) -> float:
    judged = met + breached
    return met / judged if judged else float("nan")


def _float(fraction: Fraction | None) -> float:
    """A share the report computed exactly, as a float; NaN when nothing was judged."""
    return float("nan") if fraction is None else float(fraction)


def _or_none(value: Any) -> Any:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _table(records: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    table: pd.DataFrame = pd.DataFrame.from_records(records, columns=list(columns))
    for name in ("tickets", *_COUNTS):
        table[name] = table[name].astype("int64")
    for name in ("share_met", "goal", "goal_share_met"):
        if name in table:
            table[name] = table[name].astype("float64")
    return table
