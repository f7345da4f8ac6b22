"""Status histories (SPEC 8): a file (or frame) of status changes into each ticket's events.

A history has one record per status change: the ticket, the instant, the status entered
and optionally the status left. Where the file mixes fields (ServiceNow's ``sys_audit``,
Jira's changelog), the profile names the column that says which field changed and the
value that means the status; other records are skipped. Each ticket's rows are read by
its :class:`~slacalc.StatusMap`; a row before the ticket's opening, or before the row
above it, makes the ticket bad, named with the history's own file (or frame) and line.

>>> from datetime import datetime
>>> from slacalc import StatusMap
>>> from slacalc._io.rows import TicketRow
>>> from slacalc._io.times import STRICT
>>> row = TicketRow(2, "T-1", data={"opened_at": datetime.fromisoformat("2026-11-23T09:00+01:00")})
>>> history = History.columns_of(None)
>>> changes, orphans = history.read(
...     [(2, {"ticket": "T-1", "at": "2026-11-23T10:00+01:00", "status": "Pending"}),
...      (3, {"ticket": "T-1", "at": "2026-11-23T12:00+01:00", "status": "Open"})],
...     STRICT, lambda line: f"history line {line}")
>>> seen = history.attach(changes, [row], StatusMap(paused=["Pending"]),
...                       lambda line: f"history line {line}")
>>> [(e.at.hour, e.kind) for e in row.events], dict(seen), changes
([(10, 'paused'), (12, 'resumed')], {'Pending': 1, 'Open': 1}, {})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from slacalc._base.errors import TicketError
from slacalc._clock.statuses import StatusMap
from slacalc._io.records import cell_text
from slacalc._io.rows import Record, TicketRow
from slacalc._io.times import TimeReader
from slacalc.profiles import HistoryColumns, Profile

__all__ = ["Change", "History"]

K = TypeVar("K")

#: slacalc's own history columns (no profile): ``ticket``, ``at``, ``status`` (or ``to``
#: / ``to_status``) and optionally ``from_status`` (or ``from``).
OWN_COLUMNS = HistoryColumns(ticket="ticket", at="at", status="status", from_status="from_status")
_STATUS_ALIASES = ("status", "to", "to_status")
_FROM_ALIASES = ("from_status", "from")


@dataclass(frozen=True)
class Change:
    """One status change of a ticket, with where it came from (its line or label)."""

    key: object
    at: datetime
    before: str | None
    after: str


@dataclass(frozen=True)
class History:
    """The columns of a status history and how to read its records."""

    columns: HistoryColumns
    own: bool  # slacalc's own columns: accept the aliases of status and from_status

    @classmethod
    def columns_of(cls, profile: Profile | None) -> History:
        if profile is not None and profile.history is not None:
            return cls(profile.history, own=False)
        return cls(OWN_COLUMNS, own=True)

    def known(self) -> tuple[list[str], list[str]]:
        """The history's columns (the ticket's first) and the required ones."""
        c = self.columns
        names = [c.ticket, c.at, c.status, c.from_status or "", c.field or ""]
        if self.own:
            names += [*_STATUS_ALIASES, *_FROM_ALIASES]
        known = [n.strip().lower() for n in dict.fromkeys(names) if n]
        return known, [c.ticket.strip().lower(), c.at.strip().lower()]

    def _cell(self, record: Mapping[str, Any], names: Sequence[str]) -> str:
        for name in names:
            text = cell_text(record, name.strip().lower())
            if text:
                return text
        return ""

    def read(
        self,
        records: Iterable[tuple[K, Record]],
        times: TimeReader,
        place: Callable[[K], str],
    ) -> tuple[dict[str, list[Change]], list[TicketRow[K]]]:
        """Each ticket's changes in file order, and the records that could not be read
        (bad rows, keyed by their own keys)."""
        c = self.columns
        statuses = _STATUS_ALIASES if self.own else (c.status,)
        befores = _FROM_ALIASES if self.own else ((c.from_status,) if c.from_status else ())
        changes: dict[str, list[Change]] = {}
        bad: list[TicketRow[K]] = []
        for key, record in records:
            if isinstance(record, str):
                bad.append(
                    TicketRow(
                        key, getattr(record, "ticket_id", None), error=f"{place(key)}: {record}"
                    )
                )
                continue
            if (
                c.field is not None
                and c.field_value is not None
                and (cell_text(record, c.field.strip().lower()).lower() != c.field_value.lower())
            ):
                continue  # a change of another field
            ticket = cell_text(record, c.ticket.strip().lower())
            try:
                if not ticket:
                    raise TicketError(f"{c.ticket} is empty")
                at = times.read(record.get(c.at.strip().lower()), c.at)
                after = self._cell(record, statuses)
                if not after:
                    raise TicketError(f"{c.status} is empty")
                before = self._cell(record, befores) or None
            except ValueError as error:
                bad.append(TicketRow(key, ticket or None, error=f"{place(key)}: {error}"))
                continue
            changes.setdefault(ticket, []).append(Change(key, at, before, after))
        return changes, bad

    def attach(
        self,
        changes: dict[str, list[Change]],
        rows: Sequence[TicketRow[K]],
        statuses: StatusMap,
        place: Callable[[Any], str],
        seen: Counter[str] | None = None,
    ) -> Counter[str]:
        """Add the status events of each of ``rows`` to it (the first row of an id), taking
        its changes out of ``changes`` (what is left names no ticket of the rows given so
        far); returns ``seen``: how often each status was entered. A change before the
        opening, or out of order, makes the row bad."""
        seen = Counter() if seen is None else seen
        for row in rows:
            if row.ticket_id is None:
                continue
            ticket_changes = changes.pop(row.ticket_id, None)
            if ticket_changes is None:
                continue
            for change in ticket_changes:
                seen[change.after] += 1
            if row.error is not None or "opened_at" not in row.data:
                continue
            problem = _order_problem(ticket_changes, row.data["opened_at"], place)
            if problem is not None:
                row.error = problem
                continue
            history = [(ch.at, ch.before, ch.after) for ch in ticket_changes]
            try:
                row.events.extend(statuses.events(history, opened_at=row.data["opened_at"]))
            except ValueError as error:  # pragma: no cover - the order was checked above
                row.error = str(error)
        return seen


def _order_problem(
    changes: Sequence[Change], opened: datetime, place: Callable[[Any], str]
) -> str | None:
    previous: Change | None = None
    for change in changes:
        if change.at < opened:
            return (
                f"{place(change.key)}: the status change at {change.at.isoformat()} is before "
                f"the ticket was opened ({opened.isoformat()})"
            )
        if previous is not None and change.at < previous.at:
            return (
                f"{place(change.key)}: the status change at {change.at.isoformat()} is before "
                f"the one on {place(previous.key)} ({previous.at.isoformat()}): sort the "
                "history by ticket and time"
            )
        previous = change
    return None
