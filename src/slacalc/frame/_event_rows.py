"""The events frame of ``frame.evaluate``, read as columns for the columnar reader
(``frame._fast``, SPEC 9): pauses, priority changes and the ticket columns' kinds.

Each events row is matched to its ticket's position once (a hashed index of the ids).
A ticket the events frame names only in ways the columnar clock answers stays fast:

* ``paused``/``resumed`` rows in strict alternation, paused first, at increasing
  instants, at most :data:`MAX_PAUSES` pauses (``frame._pauses``);
* ``priority_changed`` rows naming one of the contract's priorities, at distinct
  instants, each to a priority whose targets follow the same rules as the ticket's
  (:func:`same_rules`: the same metrics, calendars, start and stop events and pauses,
  all open time), so that a change only changes which target judges the clock;
* rows of the ticket columns' kinds (``responded``, ``resolved``, ..., ``closed``) and
  ``reopened``, up to :data:`MAX_OCCURRENCES` of each (beside the ticket's own column),
  at instants distinct from the ticket's other ones.

Any other row (a blank or unreadable time, a time before the opening, an
unknown kind or priority) sends its ticket row by row, where the scalar clock's checks
and messages are the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd

from slacalc._base.errors import SlacalcError
from slacalc._facade import Contract
from slacalc.frame._columnar import SIMPLE_KINDS
from slacalc.frame._pauses import NEVER, Pauses, as_of
from slacalc.frame._text import instants, text

__all__ = ["MAX_PAUSES", "Changes", "EventColumns", "read_events", "same_rules"]

#: At most this many pauses per ticket go columnwise: the pause columns are (pauses,
#: tickets) arrays, and one ticket's thousand pauses must not make a million-row one.
MAX_PAUSES = 16
#: Likewise for priority changes, and for the occurrences of one kind (a reopened
#: ticket resolved again).
MAX_CHANGES = 8
MAX_OCCURRENCES = 8
#: The kinds whose instants the columnar clock reads, each as often as it occurs.
OCCURRING = SIMPLE_KINDS | {"reopened"}


@dataclass(frozen=True)
class Changes:
    """The priority changes up to ``at`` of a column of tickets: ``at`` and ``to`` of
    shape ``(K, n)`` (the ``k``-th change's instant, :data:`NEVER` where absent, and its
    priority id, ``None`` where absent)."""

    at: Any
    to: Any

    def take(self, members: Any) -> Changes:
        """The changes of the tickets at ``members``, without unused columns."""
        at = self.at[:, members]
        used = (at < NEVER).any(axis=1)
        return Changes(at[used], self.to[:, members][used])

    def in_force(self, initial: Any, when: Any) -> Any:
        """The priority in force at each ``when``: the latest change at or before it."""
        found = initial.copy()
        for at, to in zip(self.at, self.to, strict=True):
            found = np.where(at <= when, to, found)
        return found


@dataclass(frozen=True)
class EventColumns:
    """What the events frame says of the tickets: ``pauses``, ``changes``, the final
    priority of each ticket (its own where unchanged), ``slow`` (the tickets it names
    otherwise: row by row) and ``ticket`` (each events row's ticket position, -1 for
    none of the candidates)."""

    pauses: Pauses
    changes: Changes
    final: Any
    slow: Any
    ticket: Any


def same_rules(contract: Contract, first: str, other: str, kind: str) -> bool:
    """Whether a change from priority ``first`` to ``other`` (for tickets of ``kind``)
    changes only the target amounts that judge the clock."""
    mine, theirs = contract.targets_for(first, kind), contract.targets_for(other, kind)
    if [t.metric for t in mine] != [t.metric for t in theirs]:
        return False
    for a, b in zip(mine, theirs, strict=True):
        if type(a.within) is not timedelta or type(b.within) is not timedelta:
            return False
        if (a.starts_on, a.stops_on, a.pausable) != (b.starts_on, b.stops_on, b.pausable):
            return False
        if contract.clock_calendar(a) != contract.clock_calendar(b):
            return False
    return True


def read_events(
    events: pd.DataFrame,
    ids: pd.Series,
    candidates: Any,
    opened: Any,
    priorities: Any,
    kinds: Any,
    times: dict[str, Any],
    contract: Contract,
    at_us: int,
) -> EventColumns:
    """Read ``events`` for the ``candidates`` (a mask over the tickets). ``times`` (kind
    to a ``(M, n)`` array of UTC microseconds, earliest first, :data:`NEVER` for none)
    gains the occurrences the events frame gives."""
    count = len(ids)
    named = text(events["ticket"])
    where = np.full(len(named), -1, dtype=np.int64)
    index = pd.Index(ids[candidates].to_numpy(dtype=object))
    found = index.get_indexer(pd.Index(named, dtype=object))
    where[found >= 0] = np.flatnonzero(candidates)[found[found >= 0]]
    mine = where >= 0
    slow = np.zeros(count, dtype=bool)
    final = priorities.copy()
    none = EventColumns(Pauses.none(count), _no_changes(count), final, slow, where)
    if "at" not in events.columns or "kind" not in events.columns:
        slow[where[mine]] = True  # the row path says what is missing
        return none
    kind = text(events["kind"])
    us, blank, bad = instants(events["at"])
    priority = text(events["priority"]) if "priority" in events.columns else None
    ok = ~blank & ~bad & (us >= opened[np.maximum(where, 0)])
    pausing = (kind == "paused") | (kind == "resumed")
    changing = kind == "priority_changed"
    simple = pd.Series(kind, dtype=object).isin(OCCURRING).to_numpy(dtype=bool)
    ok &= pausing | changing | simple
    if priority is not None:
        ok &= changing | (priority == "")  # a priority only where it means one
    slow[where[mine & ~ok]] = True
    rows = mine & ok
    for name in OCCURRING:  # each kind's occurrences, with its column's
        picked = np.flatnonzero(rows & (kind == name))
        if len(picked):
            times[name] = _occurrences(times.get(name), where[picked], us[picked], slow)
    pauses = _pauses(np.flatnonzero(rows & pausing), where, us, kind, slow, at_us)
    to = np.full(len(named), None, dtype=object)
    if changing.any():
        to = _new_priorities(priority, changing & rows, contract)
        slow[where[changing & rows & (to == None)]] = True  # noqa: E711 - elementwise
    changes = _changes(np.flatnonzero(rows & changing), where, us, to, slow, at_us)
    if changes.at.shape[0]:
        final = changes.in_force(priorities, np.full(count, at_us, dtype=np.int64))
        had = changes.at < NEVER
        for first, other, of_kind in {
            (p, t, k)
            for p, t, k in zip(
                np.broadcast_to(priorities, had.shape)[had],
                changes.to[had],
                np.broadcast_to(kinds, had.shape)[had],
                strict=True,
            )
        }:
            if first is not None and not same_rules(contract, first, other, of_kind):
                stuck = (priorities == first) & (kinds == of_kind) & (changes.to == other).any(0)
                slow |= stuck
    return EventColumns(pauses, changes, final, slow, where)


def _occurrences(column: Any, tickets: Any, when: Any, slow: Any) -> Any:
    """A kind's instants per ticket as a ``(M, n)`` array, earliest first (``NEVER``
    below): the ticket column's (a 1-row array, or ``None``) and the events rows'; a
    ticket with more than :data:`MAX_OCCURRENCES` is marked slow."""
    count = len(slow)
    if column is not None:
        given = np.flatnonzero(column[0] < NEVER)
        tickets = np.concatenate([given, tickets])
        when = np.concatenate([column[0][given], when])
    order = np.lexsort((when, tickets))
    tickets, when = tickets[order], when[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = tickets[1:] != tickets[:-1]
    rank = np.arange(len(order)) - np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
    slow[tickets[rank >= MAX_OCCURRENCES]] = True
    keep = rank < MAX_OCCURRENCES
    out = np.full((int(rank[keep].max()) + 1 if keep.any() else 1, count), NEVER, dtype=np.int64)
    out[rank[keep], tickets[keep]] = when[keep]
    return out


def _no_changes(count: int) -> Changes:
    return Changes(np.zeros((0, count), dtype=np.int64), np.zeros((0, count), dtype=object))


def _new_priorities(priority: Any, changing: Any, contract: Contract) -> Any:
    """Each change's priority id (``None``: blank or unknown), through a table of the
    distinct names."""
    to = np.full(len(changing), None, dtype=object)
    if priority is None:
        return to
    names = priority[changing]
    table: dict[str, str | None] = {}
    for name in set(names):
        try:
            table[name] = contract.priority(name).id if name else None
        except (LookupError, SlacalcError, ValueError):
            table[name] = None
    to[changing] = [table[n] for n in names]
    return to


def _ranked(rows: Any, where: Any, us: Any, slow: Any, limit: int) -> tuple[Any, Any, Any, Any]:
    """Rows sorted by ticket then time, their tickets and instants, and each one's rank
    within its ticket; a ticket whose instants repeat, or with more than ``limit`` rows,
    is marked slow."""
    order = rows[np.lexsort((us[rows], where[rows]))]
    ticket, when = where[order], us[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = ticket[1:] != ticket[:-1]
    starts = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
    rank = np.arange(len(order)) - starts
    wrong = rank >= limit
    wrong[1:] |= ~first[1:] & (when[1:] <= when[:-1])  # distinct, increasing instants
    slow[ticket[wrong]] = True
    return order, ticket, when, rank


def _pauses(rows: Any, where: Any, us: Any, kind: Any, slow: Any, at_us: int) -> Pauses:
    count = len(slow)
    order, ticket, when, rank = _ranked(rows, where, us, slow, 2 * MAX_PAUSES)
    paused = kind[order] == "paused"
    slow[ticket[paused != (rank % 2 == 0)]] = True  # strict alternation, paused first
    keep = ~slow[ticket]
    ticket, when, paused, rank = ticket[keep], when[keep], paused[keep], rank[keep]
    depth = int(rank.max()) // 2 + 1 if len(rank) else 0
    starts = np.full((depth, count), NEVER, dtype=np.int64)
    ends = np.full((depth, count), NEVER, dtype=np.int64)
    starts[rank[paused] // 2, ticket[paused]] = when[paused]
    ends[rank[~paused] // 2, ticket[~paused]] = when[~paused]
    return as_of(starts, ends, at_us)


def _changes(rows: Any, where: Any, us: Any, to: Any, slow: Any, at_us: int) -> Changes:
    count = len(slow)
    order, ticket, when, rank = _ranked(rows, where, us, slow, MAX_CHANGES)
    keep = ~slow[ticket] & (when <= at_us)  # after `at`: ignored (but checked above)
    ticket, when, rank, new = ticket[keep], when[keep], rank[keep], to[order][keep]
    depth = int(rank.max()) + 1 if len(rank) else 0
    at = np.full((depth, count), NEVER, dtype=np.int64)
    into = np.full((depth, count), None, dtype=object)
    at[rank, ticket] = when
    into[rank, ticket] = new
    return Changes(at, into)
