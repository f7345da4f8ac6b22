"""Reading pandas frames of tickets and events into rows (as ``slacalc check`` reads files)."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from datetime import datetime
from typing import Any

import pandas as pd

from slacalc import contracts, profiles
from slacalc._base.errors import TicketError
from slacalc._engine.instants import require_aware
from slacalc._facade import Contract
from slacalc._io.exports import ExportReading
from slacalc._io.history import History
from slacalc._io.records import EVENT_FILE_COLUMNS, parse_instant
from slacalc._io.rows import TicketRow, attach_events, column_problem, read_ticket_rows
from slacalc.profiles import Profile

__all__ = [
    "Row",
    "as_contract",
    "as_instant",
    "as_profile",
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
    frame: pd.DataFrame,
    what: str,
    known: Sequence[str],
    required: Sequence[str],
    loose: bool = False,
) -> Iterator[tuple[Hashable, Any]]:
    """(index label, record) per row of a ``what`` frame; a record maps column name to
    cell. The frame and its columns are checked at once. ``loose`` (a tool's export, SPEC
    8): column names match ignoring case and the frame's other columns are its own."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, not {type(frame).__name__}")
    names = column_names(frame, what)
    if loose:
        names = [n.lower() if isinstance(n, str) else n for n in names]
    problem = column_problem(names, known, required, say_required=True, loose=loose)
    if problem is not None:
        raise TicketError(f"{what} frame: {problem}")
    labels: list[Hashable] = frame.index.tolist()
    values = frame.itertuples(index=False, name=None)
    return (
        (label, dict(zip(names, row, strict=True)))
        for label, row in zip(labels, values, strict=True)
    )


def read_frames(
    tickets: pd.DataFrame,
    events: pd.DataFrame | None,
    reading: ExportReading | None = None,
    history: pd.DataFrame | None = None,
) -> tuple[list[Row], list[Row]]:
    """The ticket rows, and the orphan event and history rows (with no ``key``: no row of
    tickets). ``reading`` reads a tool's export (SPEC 8); ``history`` is a frame of status
    changes, read by the profile's (or the contract's) statuses."""
    reading = reading if reading is not None else ExportReading.build(None)
    profile = reading.profile
    known, required = reading.ticket_columns()
    records = frame_records(tickets, "tickets", known, required, loose=profile is not None)
    rows = read_ticket_rows(
        reading.records(records), lambda label: f"in row {label!r}", reading.parse
    )
    orphans: list[Row] = []
    if events is not None:
        orphans += attach_events(
            frame_records(events, "events", EVENT_FILE_COLUMNS, EVENT_FILE_COLUMNS[:3]),
            rows,
            lambda label: f"events row {label!r}",
            "no such ticket in the tickets frame",
            reading.times,
        )
    if history is not None:
        orphans += _read_history(history, reading, rows)
    for orphan in orphans:
        orphan.key = None
    return rows, orphans


def _read_history(history: pd.DataFrame, reading: ExportReading, rows: list[Row]) -> list[Row]:
    profile, contract = reading.profile, reading.contract
    statuses = profile.statuses if profile is not None else None
    statuses = statuses or (contract.statuses if contract is not None else None)
    if statuses is None:
        raise TicketError(
            "history= needs to know which statuses pause, resolve and close: pass "
            "profile= (a profile with statuses), or a contract with statuses"
        )
    reader = History.columns_of(profile)
    known, required = reader.known()

    def place(label: object) -> str:
        return f"history row {label!r}"

    changes, bad = reader.read(
        frame_records(history, "history", known, required, loose=True), reading.times, place
    )
    reader.attach(changes, rows, statuses, place)
    for ticket in changes:  # attach took the changes of every ticket it found
        bad.append(
            Row(None, ticket, error=f"{place(changes[ticket][0].key)}: no such ticket in the "
                "tickets frame")
        )  # fmt: skip
    return bad


def as_contract(contract: Contract | str) -> Contract:
    if isinstance(contract, Contract):
        return contract
    if isinstance(contract, str):
        return contracts.get(contract)
    raise TypeError(f"contract must be a Contract or a contract id, not {type(contract).__name__}")


def as_profile(profile: Profile | str | None) -> Profile | None:
    """A profile, or a built-in (or registered) profile's id (``UnknownProfileError``)."""
    if profile is None or isinstance(profile, Profile):
        return profile
    if isinstance(profile, str):
        return profiles.get(profile)
    raise TypeError(f"profile must be a Profile or a profile id, not {type(profile).__name__}")


def as_instant(value: object, name: str) -> datetime:
    """An aware datetime from an aware ``datetime``/``Timestamp`` or ISO text."""
    if isinstance(value, datetime):
        require_aware(value, name)  # a naive one: NaiveDatetimeError, as the engine says it
    return parse_instant(value, name)  # NaiveDatetimeError or CalendarError


def results_zone(contract: Contract | None) -> str:
    """The zone of a contract's results: the contract's zone (UTC without a contract)."""
    return contract.zone.key if contract is not None else "UTC"
