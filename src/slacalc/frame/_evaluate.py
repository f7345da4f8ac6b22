"""``slacalc.frame.evaluate``: one result row per ticket and target."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from slacalc._base.errors import TicketError
from slacalc._clock.report import TicketReport
from slacalc._engine.instants import EPOCH, ONE_US
from slacalc._facade import Contract
from slacalc._io.exports import ExportReading
from slacalc._io.records import TICKET_COLUMNS
from slacalc._io.rows import column_problem, evaluate_rows
from slacalc.frame._columnar import Result, evaluate_simple, is_simple
from slacalc.frame._dask import evaluate_dask, is_dask
from slacalc.frame._fast import results, split
from slacalc.frame._read import (
    as_contract,
    as_instant,
    as_profile,
    column_names,
    read_frames,
    results_zone,
)
from slacalc.profiles import Profile

__all__ = ["RESULT_COLUMNS", "evaluate"]

#: The columns of :func:`evaluate`'s results, in order.
RESULT_COLUMNS = (
    "ticket",
    "contract",
    "priority",
    "metric",
    "status",
    "due_at",
    "breach_at",
    "next_change_at",
    "elapsed",
    "ever_breached",
    "error",
    "row",
)


#: Whether simple tickets go columnwise (tests switch it off to compare with the clock).
COLUMNAR = True
#: The text columns keep Python str (objects) however the pieces were built.
_DTYPES = dict.fromkeys(("ticket", "contract", "priority", "metric", "status", "error"), object)


def _times(values: list[datetime | None], zone: str) -> Any:
    series = pd.to_datetime(pd.Series(values, dtype=object), utc=True)
    # microseconds, as the columnar path's (a column of NaT alone would read as seconds)
    return series.dt.tz_convert(zone).astype(pd.DatetimeTZDtype("us", zone))


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
    profile: Profile | str | None = None,
    history: pd.DataFrame | None = None,
    tz: str | None = None,
    priorities: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Evaluate a frame of tickets as of ``at``: one row per ticket and target.

    ``contract`` is a :class:`~slacalc.Contract` or a contract id; a ticket row may name
    its own in a ``contract`` column (blank: ``contract``). ``at`` (required: as of
    when?) is an aware ``datetime``/``Timestamp`` or ISO 8601 text with an offset.
    ``events`` is an optional frame of further events (``ticket``, ``at``, ``kind``,
    ``priority``, ``reason``).

    A ticketing tool's export reads through ``profile`` (a :class:`~slacalc.Profile` or a
    built-in profile id): its columns, time formats and statuses; its other columns
    are ignored. ``history`` is a frame of status changes (the profile's history columns;
    without a profile ``ticket``, ``at``, ``status`` and optionally ``from_status``), read
    by the profile's (or the contract's) statuses. ``tz`` is the zone of times without an
    offset; ``priorities`` maps the export's priority names to the contract's (a profile
    never guesses one: an unmapped priority is a bad row saying what to add).

    ``tickets`` may be a Dask DataFrame: the result is then a Dask DataFrame, each
    partition evaluated as a pandas frame (``events`` and ``history`` are pandas frames
    given to every partition; see ``slacalc.frame._dask``).

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
    ``next_change_at``
        with no further event, when to look at the target again: its earliest milestone
        after ``at``, or a running clock's ``breach_at``; NaT when nothing will change
        (:attr:`slacalc.TargetReport.next_change_at`);
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
    tz_localize('Europe/Amsterdam'), or pass tz='Europe/Amsterdam')
    """
    if is_dask(tickets):  # a Dask DataFrame in, a Dask DataFrame out
        lazy: pd.DataFrame = evaluate_dask(
            tickets, contract, at=at, events=events, profile=profile, history=history,
            tz=tz, priorities=priorities,
        )  # fmt: skip
        return lazy
    when = as_instant(at, "at")
    default = as_contract(contract) if contract is not None else None
    plain = profile is None and history is None and tz is None and not priorities
    if COLUMNAR and plain and default is not None and _columns_ok(tickets):
        return _fast_then_rows(tickets, default, when, events)
    return _by_rows(tickets, default, when, events, profile, history, tz, priorities)


def _columns_ok(tickets: pd.DataFrame) -> bool:
    """Whether a frame has slacalc's own columns, none doubled (else the row path raises)."""
    if not isinstance(tickets, pd.DataFrame) or not len(tickets):
        return False
    try:
        names = column_names(tickets, "tickets")
    except TicketError:
        return False
    return column_problem(names, TICKET_COLUMNS, TICKET_COLUMNS[:3], say_required=True) is None


def _fast_then_rows(
    tickets: pd.DataFrame, contract: Contract, when: datetime, events: pd.DataFrame | None
) -> pd.DataFrame:
    """The fast rows columnwise (``frame._fast``), the others row by row, merged in input
    order (each result row keyed by its ticket's position and its target's order)."""
    fast = split(tickets, contract, events, when)
    if not len(fast.positions):
        return _by_rows(tickets, contract, when, events, None, None, None, None)
    zone = results_zone(contract)
    fast_table, fast_keys = results(contract, fast, when, zone)
    slow = np.setdiff1d(np.arange(len(tickets)), fast.positions)
    parts, keys = [fast_table], [fast_keys]
    if events is not None and fast.used_events.any():
        events = events[~fast.used_events]  # the fast tickets' pauses, read already
    if len(slow) or events is not None:  # the row path checks the events columns
        subset = tickets.iloc[slow].reset_index(drop=True)
        by_rows = _by_rows(subset, contract, when, events, None, None, None, None)
        positions = by_rows["row"].to_numpy(dtype=object)
        known = np.array([p is not None and not pd.isna(p) for p in positions], dtype=bool)
        original = np.full(len(by_rows), len(tickets), dtype=np.int64)  # orphans: last
        original[known] = slow[positions[known].astype(np.int64)]
        keys.append(np.stack([original, np.arange(len(by_rows))], axis=1))
        parts.append(by_rows.drop(columns=["row"]))
    merged = pd.concat([p for p in parts if len(p)], ignore_index=True)
    key = np.concatenate(keys)
    ranking = np.lexsort((key[:, 1], key[:, 0]))
    merged = merged.iloc[ranking].reset_index(drop=True)
    places = key[ranking, 0]
    merged["row"] = _row_labels(tickets.index, places)
    for name, dtype in _DTYPES.items():
        merged[name] = merged[name].astype(dtype)
    ordered: pd.DataFrame = merged[list(RESULT_COLUMNS)]
    return ordered


def _row_labels(index: pd.Index, places: Any) -> Any:
    """The index labels at ``places`` as a column; a place past the end (an orphan
    events row) has none. Taken at once: a label per row in Python cost 0.44 s of the
    1.8 s for 100,000 paused tickets (bench_frame --pauses)."""
    orphan = places >= len(index)
    if not orphan.any() and index.dtype.kind != "M":
        return pd.Series(index.take(places), dtype=index.dtype)
    labels = [index[p] if p < len(index) else None for p in places]
    return _labels(labels, index)


def _by_rows(
    tickets: pd.DataFrame,
    default: Contract | None,
    when: datetime,
    events: pd.DataFrame | None,
    profile: Profile | str | None,
    history: pd.DataFrame | None,
    tz: str | None,
    priorities: Mapping[str, str] | None,
) -> pd.DataFrame:
    reading = ExportReading.build(
        default, as_profile(profile), tz=tz, priorities=priorities, option="tz='{zone}'"
    )
    rows, orphans = read_frames(tickets, events, reading, history)

    # Simple tickets go columnwise (frame._columnar), the others to the scalar clock.
    simple: dict[int, str] = {}
    if COLUMNAR and default is not None:
        at_us = (when - EPOCH) // ONE_US
        for n, row in enumerate(rows):
            pid = is_simple(default, row, at_us)
            if pid is not None:
                simple[n] = pid
    others = [n for n in range(len(rows)) if n not in simple]
    scalar = evaluate_rows(default, [rows[n] for n in others], when)
    outcomes = {others[k]: outcome for k, outcome in scalar.items()}
    columnar: dict[int, list[Result]] = {}
    if simple:
        assert default is not None
        positions = list(simple)
        found = evaluate_simple(default, [rows[n] for n in positions], list(simple.values()), when)
        columnar = dict(zip(positions, found, strict=True))

    first = next((used for used, _ in outcomes.values()), default)  # the first good row's
    zone = results_zone(default if default is not None else first)
    columns: dict[str, list[Any]] = {name: [] for name in RESULT_COLUMNS}

    def add(**cells: Any) -> None:
        for name, values in columns.items():
            values.append(cells.get(name))

    for n, row in enumerate([*rows, *orphans]):
        if n in columnar:
            assert default is not None
            for simple_result in columnar[n]:
                add(
                    ticket=row.ticket_id,
                    contract=default.id,
                    priority=simple_result.priority,
                    metric=simple_result.metric,
                    status=simple_result.status,
                    due_at=simple_result.due_at,
                    breach_at=simple_result.breach_at,
                    next_change_at=simple_result.next_change_at,
                    elapsed=simple_result.elapsed,
                    ever_breached=simple_result.ever_breached,
                    row=row.key,
                )
            continue
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
                    next_change_at=r.next_change_at,
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
    if name in ("due_at", "breach_at", "next_change_at"):
        return _times(values, zone)
    if name == "elapsed":
        return pd.to_timedelta(pd.Series(values, dtype=object))
    if name == "ever_breached":
        return pd.Series(values, dtype="boolean")
    if name == "row":
        return _labels(values, index)
    return pd.Series(values, dtype=object)  # text as Python str (lone surrogates and all)
