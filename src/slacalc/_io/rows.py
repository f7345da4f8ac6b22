"""Rows of tickets on their way to reports: the batch logic of ``slacalc check`` and
``slacalc.frame``.

Both read ticket records (CSV or JSON lines, DataFrame rows) into rows (:class:`TicketRow`),
add an events file's (or frame's) events to the first row of each ticket id, take each
row's contract from its ``contract`` cell and evaluate the good rows a contract at a
time. A row that cannot be evaluated keeps the reason in ``error``: it is reported, never
raised and never dropped. A row's ``key`` says where it came from (a line number, an
index label); the callers turn keys into words for messages, and raise their own errors
for bad columns (see :func:`column_problem`).

A record is a mapping of column name to cell (see ``slacalc._io.records``) or, for a line a
file reader could not read at all, the text saying why.

>>> from slacalc import contracts
>>> rows = read_ticket_rows(
...     [(2, {"id": "A", "priority": "P1", "opened_at": "2026-11-23T16:00+01:00"}),
...      (3, {"id": "A", "priority": "P2", "opened_at": "2026-11-23T16:00+01:00"}),
...      (4, "not valid JSON")],
...     lambda line: f"on line {line}")
>>> [(row.key, row.error) for row in rows]
[(2, None), (3, 'duplicate id (first on line 2)'), (4, 'not valid JSON')]
>>> orphans = attach_events(
...     [(2, {"ticket": "A", "at": "2026-11-24T09:00+01:00", "kind": "responded"}),
...      (3, {"ticket": "B", "at": "2026-11-24T09:00+01:00", "kind": "responded"})],
...     rows, lambda line: f"events line {line}", "no such ticket")
>>> [row.error for row in orphans]
['events line 3: no such ticket']
>>> outcomes = evaluate_rows(
...     contracts.get("vioms/advanced"), rows, datetime.fromisoformat("2026-11-30T09:00+01:00"))
>>> [(rows[n].key, contract.id) for n, (contract, _) in outcomes.items()]
[(2, 'vioms/advanced')]
>>> outcomes[0][1].targets["response"].status.value
'met'
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from slacalc import contracts
from slacalc._base.errors import TicketError, unknown_contract_message
from slacalc._clock.evaluate import evaluate_many
from slacalc._clock.report import TicketReport
from slacalc._clock.ticket import Event, Ticket
from slacalc._facade import Contract
from slacalc._io.records import cell_text, event_from_record, ticket_from_record
from slacalc._io.times import STRICT, TimeReader

__all__ = [
    "CHUNK",
    "BadLine",
    "EventIndex",
    "Record",
    "TicketRow",
    "attach_events",
    "column_problem",
    "evaluate_rows",
    "read_ticket_rows",
    "resolve_contracts",
]

K = TypeVar("K")


class BadLine(str):
    """The text saying why a line could not be read, and the row's id where it has one.

    >>> bad = BadLine("more fields than the header has", "T-7")
    >>> str(bad), bad.ticket_id
    ('more fields than the header has', 'T-7')
    """

    ticket_id: str | None

    def __new__(cls, reason: str, ticket_id: str | None = None) -> BadLine:
        made = super().__new__(cls, reason)
        made.ticket_id = ticket_id
        return made


#: A record (column name to cell), or the text saying why a line could not be read.
Record = Mapping[str, Any] | str

#: Tickets per call of ``evaluate_many`` (``slacalc check``'s progress bar moves per chunk).
CHUNK = 1000


@dataclass
class TicketRow(Generic[K]):
    """One ticket row of the input (or an orphan event row) on its way to a report."""

    key: K
    ticket_id: str | None
    contract: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    error: str | None = None

    def ticket(self) -> dict[str, Any]:
        """The ticket for ``evaluate_many``: its fields and its events by time."""
        # Events in time order, equal times in the order given (SPEC 3, rule 1).
        return {**self.data, "events": sorted(self.events, key=lambda e: e.at)}


def column_problem(
    names: Sequence[Hashable],
    known: Sequence[str],
    required: Sequence[str],
    *,
    say_required: bool = False,
    loose: bool = False,
) -> str | None:
    """What is wrong with the column ``names``: a missing ``required`` column, or an
    unknown ``*_at`` column (probably a misspelt one); ``None`` when nothing is.

    Other unknown columns (a ticketing tool's export has many) are fine. With
    ``say_required``, the message for a missing column says how many are required.

    >>> column_problem(["id", "opened"], ["id", "opened_at"], ["id", "opened_at"])
    'missing column(s) opened_at (columns: id, opened_at)'
    >>> column_problem(["id", "opend_at", "notes"], ["id", "opened_at"], ["id"])
    'unknown column(s) opend_at (columns: id, opened_at)'
    """
    columns = ", ".join(known)
    missing = [name for name in required if name not in names]
    if missing:
        note = f"; the first {len(required)} are required" if say_required else ""
        return f"missing column(s) {', '.join(missing)} (columns: {columns}{note})"
    if loose:  # a tool's export: its other columns are its own, not misspelt ones
        return None
    unknown = [n for n in names if isinstance(n, str) and n.endswith("_at") and n not in known]
    if unknown:
        return f"unknown column(s) {', '.join(unknown)} (columns: {columns})"
    return None


def read_ticket_rows(
    records: Iterable[tuple[K, Record]],
    where: Callable[[K], str],
    parse: Callable[[Mapping[str, Any]], tuple[dict[str, Any], list[Event]]] = ticket_from_record,
    seen: dict[str, K] | None = None,
) -> list[TicketRow[K]]:
    """One row per ticket record, in order; a bad record, or a second record of an id,
    is a bad row. ``where(key)`` says where the first record of an id was, for the
    message of a duplicate: ``duplicate id (first {where(key)})``. ``parse`` reads a
    record's fields and events (how times and columns read: a profile's, SPEC 8); ``seen``
    carries the ids met so far from one chunk of a file to the next."""
    rows: list[TicketRow[K]] = []
    seen = {} if seen is None else seen
    for key, record in records:
        if isinstance(record, str):
            rows.append(TicketRow(key, getattr(record, "ticket_id", None), error=str(record)))
            continue
        row = TicketRow(
            key,
            ticket_id=cell_text(record, "id") or None,
            contract=cell_text(record, "contract") or None,
        )
        rows.append(row)
        try:
            if row.ticket_id is not None:
                if row.ticket_id in seen:
                    raise TicketError(f"duplicate id (first {where(seen[row.ticket_id])})")
                seen[row.ticket_id] = key
            row.data, row.events = parse(record)
        except ValueError as error:
            row.error = str(error)
    return rows


_EVENT_CELLS = ("at", "kind", "priority", "reason")


class EventIndex(Generic[K]):
    """An events file read once, by ticket id, its records kept as plain cells (a file of
    a million events fits in memory); :meth:`take` gives a chunk of ticket rows theirs,
    :meth:`leftovers` says which events named no ticket.

    Messages start with ``place(key)``, where ``key`` is the event record's.
    """

    def __init__(
        self, records: Iterable[tuple[K, Record]], place: Callable[[K], str], times: TimeReader
    ) -> None:
        self.place, self.times = place, times
        self.by_ticket: dict[str, list[tuple[int, K, tuple[Any, ...]]]] = {}
        self.bad: list[tuple[int, TicketRow[K]]] = []  # (position in the file, row)
        for n, (key, record) in enumerate(records):
            if isinstance(record, str):
                ticket_id = getattr(record, "ticket_id", None)
                self.bad.append((n, TicketRow(key, ticket_id, error=f"{place(key)}: {record}")))
                continue
            ticket_id = cell_text(record, "ticket") or None
            if ticket_id is None:
                self.bad.append((n, TicketRow(key, None, error=f"{place(key)}: ticket is empty")))
                continue
            cells = tuple(record.get(name) for name in _EVENT_CELLS)
            self.by_ticket.setdefault(ticket_id, []).append((n, key, cells))

    def take(self, rows: Sequence[TicketRow[K]]) -> None:
        """Add each ticket's events to the first of ``rows`` with its id (a later row of
        the id is a duplicate, a bad row); a bad event makes the row bad."""
        for row in rows:
            if row.ticket_id is None:
                continue
            found = self.by_ticket.pop(row.ticket_id, None)
            if found is None or row.error is not None:
                continue
            for _, key, cells in found:
                try:
                    record = dict(zip(_EVENT_CELLS, cells, strict=True))
                    row.events.append(event_from_record(record, self.times))
                except ValueError as error:
                    row.error = f"{self.place(key)}: {error}"
                    break

    def leftovers(self, no_ticket: str) -> list[TicketRow[K]]:
        """The unreadable event records and those naming no ticket taken, as bad rows, in
        the file's order."""
        orphans = list(self.bad)
        for ticket_id, found in self.by_ticket.items():
            for n, key, _ in found:
                error = f"{self.place(key)}: {no_ticket}"
                orphans.append((n, TicketRow(key, ticket_id, error=error)))
        return [row for _, row in sorted(orphans, key=lambda item: item[0])]


def attach_events(
    records: Iterable[tuple[K, Record]],
    rows: Sequence[TicketRow[K]],
    place: Callable[[K], str],
    no_ticket: str,
    times: TimeReader = STRICT,
) -> list[TicketRow[K]]:
    """Add each event record's event to the first row of its ticket id; returns the
    event records that name no ticket of ``rows`` (``no_ticket`` says so), or none, or
    could not be read, as bad rows keyed by their own keys (see :class:`EventIndex`)."""
    index = EventIndex(records, place, times)
    index.take(rows)
    return index.leftovers(no_ticket)


def resolve_contracts(
    default: Contract | None, rows: Sequence[TicketRow[K]]
) -> dict[int, Contract]:
    """The contract of each good row by its position in ``rows``: its ``contract`` cell,
    else ``default``. A cell naming no known contract, or a blank cell without a
    ``default``, makes the row bad (the others still run)."""
    chosen: dict[int, Contract] = {}
    known = contracts.ids()
    for n, row in enumerate(rows):
        if row.error is not None:
            continue
        if row.contract is None:
            if default is None:
                row.error = "contract is empty and no contract was given"
            else:
                chosen[n] = default
        elif default is not None and row.contract == default.id:
            chosen[n] = default
        elif row.contract in known:
            chosen[n] = contracts.get(row.contract)
        else:
            row.error = unknown_contract_message(
                row.contract, contracts.close_matches(row.contract)
            )
    return chosen


def evaluate_rows(
    default: Contract | None,
    rows: Sequence[TicketRow[K]],
    at: datetime,
    on_chunk: Callable[[int], None] | None = None,
) -> dict[int, tuple[Contract, TicketReport | str]]:
    """Each good row's contract and report (or the message of its failure) as of ``at``,
    by position in ``rows``, in input order.

    Contracts are chosen by :func:`resolve_contracts`; the rows of a contract are
    evaluated together, :data:`CHUNK` at a time, and ``on_chunk(count)`` is called after
    each chunk.
    """
    chosen = resolve_contracts(default, rows)
    groups: dict[str, list[int]] = {}
    for n, contract in chosen.items():
        groups.setdefault(contract.id, []).append(n)
    outcomes: dict[int, tuple[Contract, TicketReport | str]] = {}
    for positions in groups.values():
        contract = chosen[positions[0]]
        for first in range(0, len(positions), CHUNK):
            chunk = positions[first : first + CHUNK]
            tickets: list[Ticket | dict[str, Any]] = [rows[n].ticket() for n in chunk]
            batch = evaluate_many(contract, tickets, at=at)
            for n, outcome in zip(chunk, batch.outcomes, strict=True):
                result = outcome if isinstance(outcome, TicketReport) else outcome.message
                outcomes[n] = (contract, result)
            if on_chunk is not None:
                on_chunk(len(chunk))
    return dict(sorted(outcomes.items()))
