"""Status histories (SPEC 8): a file (or frame) of status changes into each ticket's events.

A history has one record per status change: the ticket, the instant, the status entered
and optionally the status left. Where the file mixes fields (ServiceNow's ``sys_audit``,
Jira's changelog), the profile names the column that says which field changed and the
value that means the status; other records are skipped. Each ticket's rows are read by
its :class:`~slacalc.StatusMap`; a row before the ticket's opening, or before the row
above it, makes the ticket bad, named with the history's own file (or frame) and line.

>>> from datetime import datetime, timedelta, timezone
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

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

from slacalc._base.errors import TicketError
from slacalc._clock.statuses import StatusMap
from slacalc._engine.instants import EPOCH, ONE_US, from_us
from slacalc._io.records import cell_text
from slacalc._io.rows import Record, TicketRow
from slacalc._io.times import TimeReader
from slacalc.profiles import HistoryColumns, Profile

__all__ = ["Change", "Changes", "History"]

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


_FIELDS = 5  # where, UTC microseconds, UTC offset, status left, status entered


class Changes(Mapping[str, list[Change]]):
    """Each ticket's status changes, held compactly: per ticket one ``array('q')`` of
    (where, UTC microseconds, UTC offset, status left, status entered), statuses as codes of
    one shared table, so the history of a million tickets fits in a few hundred MB
    (benchmarks/bench_import.py). Read as a mapping, a ticket's changes are
    :class:`Change` objects again; :meth:`pop` takes a ticket's out."""

    def __init__(self) -> None:
        self._rows: dict[str, array[int]] = {}
        self._codes: dict[str | None, int] = {None: 0}
        self._names: list[str | None] = [None]
        self._keys: list[object] = []  # keys that are not ints (frame labels)

    def _code(self, status: str | None) -> int:
        code = self._codes.get(status)
        if code is None:
            code = self._codes[status] = len(self._names)
            self._names.append(status)
        return code

    def add(self, ticket: str, change: Change) -> None:
        if isinstance(change.key, int) and change.key >= 0:
            where = change.key
        else:
            where = -1 - len(self._keys)
            self._keys.append(change.key)
        packed = self._rows.get(ticket)
        if packed is None:
            packed = self._rows[ticket] = array("q")
        at = (change.at - EPOCH) // ONE_US
        offset = change.at.utcoffset() // ONE_US  # type: ignore[operator]  # aware: checked
        packed.extend((where, at, offset, self._code(change.before), self._code(change.after)))

    def _unpack(self, packed: array[int]) -> list[Change]:
        out: list[Change] = []
        for n in range(0, len(packed), _FIELDS):
            where, at, offset, before, after = packed[n : n + _FIELDS]
            key = where if where >= 0 else self._keys[-1 - where]
            status = self._names[after]
            assert status is not None
            zone = timezone(timedelta(microseconds=offset))  # shown as the file gave it
            out.append(Change(key, from_us(at, zone), self._names[before], status))
        return out

    def __getitem__(self, ticket: str) -> list[Change]:
        return self._unpack(self._rows[ticket])

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return repr(dict(self))

    def pop(self, ticket: str, default: None = None) -> list[Change] | None:
        """A ticket's changes, taken out (``None`` when it has none left)."""
        packed = self._rows.pop(ticket, None)
        return None if packed is None else self._unpack(packed)


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
    ) -> tuple[Changes, list[TicketRow[K]]]:
        """Each ticket's changes in file order, and the records that could not be read
        (bad rows, keyed by their own keys)."""
        c = self.columns
        statuses = _STATUS_ALIASES if self.own else (c.status,)
        befores = _FROM_ALIASES if self.own else ((c.from_status,) if c.from_status else ())
        changes = Changes()
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
            changes.add(ticket, Change(key, at, before, after))
        return changes, bad

    def attach(
        self,
        changes: Changes | dict[str, list[Change]],
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
