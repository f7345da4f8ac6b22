"""Reading pandas frames of tickets and events into rows (as ``slacalc check`` reads files)."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from datetime import datetime
from typing import Any

import pandas as pd

from slacalc import contracts
from slacalc._base.errors import TicketError
from slacalc._engine.instants import require_aware
from slacalc._facade import Contract
from slacalc._io.records import EVENT_FILE_COLUMNS, TICKET_COLUMNS, parse_instant
from slacalc._io.rows import TicketRow, attach_events, column_problem, read_ticket_rows

__all__ = [
    "Row",
    "as_contract",
    "as_instant",
    "column_names",
    "frame_records",
    "read_frames",
    "results_zone",
]

#: One ticket row of the input (or an orphan event row), keyed by its index label.
Row = TicketRow[Hashable]


def column_names(frame: pd.DataFrame, what: str) -> list[Hashable]:
    """The column names, text stripped (as the command line strips a CSV header)."""
    names: list[Hashable] = [c.strip() if isinstance(c, str) else c for c in frame.columns]
    doubled = sorted({str(n) for n in names if names.count(n) > 1})
    if doubled:
        raise TicketError(f"{what} frame: column(s) {', '.join(doubled)} appear more than once")
    return names


def frame_records(
    frame: pd.DataFrame, what: str, known: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[Hashable, Any]]:
    """(index label, record) per row of a ``what`` frame; a record maps column name to
    cell. The frame and its columns are checked at once."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, not {type(frame).__name__}")
    names = column_names(frame, what)
    problem = column_problem(names, known, required, say_required=True)
    if problem is not None:
        raise TicketError(f"{what} frame: {problem}")
    labels: list[Hashable] = frame.index.tolist()
    values = frame.itertuples(index=False, name=None)
    return (
        (label, dict(zip(names, row, strict=True)))
        for label, row in zip(labels, values, strict=True)
    )


def read_frames(tickets: pd.DataFrame, events: pd.DataFrame | None) -> tuple[list[Row], list[Row]]:
    """The ticket rows, and the orphan event rows (with no ``key``: no row of tickets)."""
    rows = read_ticket_rows(
        frame_records(tickets, "tickets", TICKET_COLUMNS, TICKET_COLUMNS[:3]),
        lambda label: f"in row {label!r}",
    )
    if events is None:
        return rows, []
    orphans = attach_events(
        frame_records(events, "events", EVENT_FILE_COLUMNS, EVENT_FILE_COLUMNS[:3]),
        rows,
        lambda label: f"events row {label!r}",
        "no such ticket in the tickets frame",
    )
    for orphan in orphans:
        orphan.key = None
    return rows, orphans


def as_contract(contract: Contract | str) -> Contract:
    if isinstance(contract, Contract):
        return contract
    if isinstance(contract, str):
        return contracts.get(contract)
    raise TypeError(f"contract must be a Contract or a contract id, not {type(contract).__name__}")


def as_instant(value: object, name: str) -> datetime:
    """An aware datetime from an aware ``datetime``/``Timestamp`` or ISO text."""
    if isinstance(value, datetime):
        require_aware(value, name)  # a naive one: NaiveDatetimeError, as the engine says it
    return parse_instant(value, name)  # NaiveDatetimeError or CalendarError


def results_zone(contract: Contract | None) -> str:
    """The zone of a contract's results: the contract's zone (UTC without a contract)."""
    return contract.zone.key if contract is not None else "UTC"
