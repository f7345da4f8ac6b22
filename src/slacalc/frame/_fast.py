"""The columnar reader of ``frame.evaluate`` (SPEC 9): simple rows read and answered as
whole columns, never a Python object per ticket.

:func:`split` reads a plain tickets frame (slacalc's own columns, no profile) column by
column: ids and priorities through a table of their distinct values, times with one
vectorised parse (ISO 8601 with an offset, or aware timestamps). A row is *fast* when
every cell reads this way and the ticket is simple (``frame._columnar``): its id occurs
once, the events frame names it only in pauses (``paused``/``resumed`` rows alternating,
paused first, no priority), its kind and priority are the contract's, its times are
distinct, none before its opening, and its opening is not after ``at``. Every other
row takes the row-by-row path, whose messages and checks are the reference; the results
are merged back in input order. tests/test_columnar.py checks both paths give the same
frame.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from slacalc._base.errors import SlacalcError
from slacalc._engine.instants import EPOCH, ONE_US
from slacalc._facade import Contract
from slacalc._io.records import EVENT_COLUMNS
from slacalc.frame._columnar import NEVER, eligible_targets, target_columns
from slacalc.frame._event_rows import Changes, read_events
from slacalc.frame._pauses import Pauses
from slacalc.frame._text import instants, text

__all__ = ["NONE", "Fast", "result_arrays", "results", "split"]

NONE = np.iinfo(np.int64).min  # "no instant" in result_arrays (NaT as datetime64)


@dataclass
class Fast:
    """The fast rows of a tickets frame: their positions, ids, priority ids, kinds,
    opening and event times (UTC microseconds; an absent event as ``NEVER``) and pauses."""

    positions: Any
    ids: Any
    priorities: Any  # as of `at` (after any change)
    initial: Any  # the tickets' own
    kinds: Any
    opened: Any
    times: dict[str, Any]  # kind -> (occurrences, tickets), earliest first
    pauses: Pauses
    changes: Changes | None
    used_events: Any  # which rows of the events frame these tickets took


def split(
    tickets: pd.DataFrame,
    contract: Contract,
    events: pd.DataFrame | None,
    at: datetime,
    held: Container[str] = (),
) -> Fast:
    """The fast rows of a frame whose columns are slacalc's own (checked before); a
    ticket whose id is in ``held`` (met in an earlier chunk of a file) is not fast."""
    names = {c.strip() if isinstance(c, str) else c: c for c in tickets.columns}
    ids = text(tickets[names["id"]])
    fast = ids != ""
    as_series = pd.Series(ids, dtype=object)  # object: text may hold lone surrogates
    fast &= ~as_series.duplicated(keep=False).to_numpy()
    if held:
        fast &= ~np.fromiter((i in held for i in ids), dtype=bool, count=len(ids))
    raw_priorities = text(tickets[names["priority"]])
    pid_of: dict[str, str | None] = {}
    for name in set(raw_priorities):
        try:
            pid_of[name] = contract.priority(name).id if name else None
        except (LookupError, SlacalcError, ValueError):
            pid_of[name] = None
    priorities = np.array([pid_of[p] for p in raw_priorities], dtype=object)
    fast &= priorities != None  # noqa: E711 - elementwise
    kinds = text(tickets[names["kind"]]) if "kind" in names else np.full(len(ids), "", dtype=object)
    kinds[kinds == ""] = "incident"
    fast &= pd.Series(kinds, dtype=object).isin(set(contract.kinds)).to_numpy(dtype=bool)
    if "contract" in names:
        cells = text(tickets[names["contract"]])
        fast &= (cells == "") | (cells == contract.id)
    at_us = (at - EPOCH) // ONE_US
    opened, blank, bad = instants(tickets[names["opened_at"]])
    fast &= ~blank & ~bad & (opened <= at_us)
    raw: dict[str, Any] = {}  # each event kind's instant, NEVER for none
    for column, kind in EVENT_COLUMNS.items():
        if column not in names:
            continue
        us, blank, bad = instants(tickets[names[column]])
        fast &= ~bad & (blank | (us >= opened))
        raw[kind] = np.where(blank, NEVER, us)[None, :]  # occurrences: one row
    for pid, kind in {(p, k) for p, k in zip(priorities[fast], kinds[fast], strict=True)}:
        if eligible_targets(contract, pid, kind) is None:
            fast &= ~((priorities == pid) & (kinds == kind))
    pauses, changes, final = Pauses.none(len(ids)), None, priorities
    ticket = np.zeros(0, dtype=np.int64)
    if events is not None and "ticket" in events.columns and len(events):
        found = read_events(
            events, as_series, fast, opened, priorities, kinds, raw, contract, at_us
        )
        fast &= ~found.slow
        pauses, changes, final, ticket = found.pauses, found.changes, found.final, found.ticket
    if raw:  # distinct instants (a tie orders by the input): sorted, no neighbours equal
        every = np.sort(np.concatenate(list(raw.values())), axis=0)
        fast &= ~((every[1:] == every[:-1]) & (every[1:] < NEVER)).any(axis=0)
    if "reopened" in raw and contract.clock.on_reopen == "new_cycle":
        fast &= raw["reopened"][0] == NEVER  # a cycle per reopening: the scalar clock
    times = {kind: np.where(us > at_us, NEVER, us) for kind, us in raw.items()}
    positions = np.flatnonzero(fast)
    used = np.zeros(0 if events is None else len(events), dtype=bool)
    if len(ticket):
        used = (ticket >= 0) & fast[np.maximum(ticket, 0)]
    return Fast(
        positions,
        ids[positions],
        final[positions],
        priorities[positions],
        kinds[positions],
        opened[positions],
        {kind: column[:, positions] for kind, column in times.items()},
        pauses.take(positions),
        None if changes is None else changes.take(positions),
        used,
    )


def results(contract: Contract, fast: Fast, at: datetime, zone: str) -> tuple[pd.DataFrame, Any]:
    """The result rows of the fast rows, and each result's (position, target order)."""
    merged = result_arrays(contract, fast, at)
    if merged is None:
        return pd.DataFrame(), np.zeros((0, 2), dtype=np.int64)
    count = len(merged["position"])

    def stamps(us: Any) -> Any:
        values = us.astype("datetime64[us]")  # int64 min is NaT
        return pd.Series(pd.DatetimeIndex(values).tz_localize("UTC").tz_convert(zone))

    table = pd.DataFrame(
        {
            "ticket": pd.Series(merged["ticket"], dtype=object),
            "contract": pd.Series(np.full(count, contract.id, dtype=object), dtype=object),
            "priority": pd.Series(merged["priority"], dtype=object),
            "metric": pd.Series(merged["metric"], dtype=object),
            "status": pd.Series(merged["status"], dtype=object),
            "due_at": stamps(merged["due"]),
            "breach_at": stamps(merged["breach"]),
            "next_change_at": stamps(merged["next_change"]),
            "elapsed": pd.Series(merged["elapsed"].astype("timedelta64[us]")),
            "ever_breached": pd.Series(merged["breached"], dtype="boolean"),
            "error": pd.Series(np.full(count, None, dtype=object), dtype=object),
        }
    )
    return table, np.stack([merged["position"], merged["order"]], axis=1)


def result_arrays(contract: Contract, fast: Fast, at: datetime) -> dict[str, Any] | None:
    """The results of the fast rows as arrays, ordered by ticket position and the
    target's order: ``position``, ``order``, ``ticket``, ``priority``, ``metric``,
    ``status``, ``due`` and ``breach`` (UTC microseconds, int64 min for none),
    ``next_change`` (the same), ``elapsed`` and ``remaining`` (microseconds), ``breached``
    and ``zone`` (the name of
    the zone the scalar clock reports the target's instants in: its calendar's). ``None``
    for no result."""
    at_us = (at - EPOCH) // ONE_US
    restart = contract.clock.on_priority_change == "restart"  # as if always the final
    parts: list[dict[str, Any]] = []
    constants: list[tuple[str, str, str]] = []  # per part: priority, metric, zone
    for pid, kind in sorted({(p, k) for p, k in zip(fast.priorities, fast.kinds, strict=True)}):
        members = np.flatnonzero((fast.priorities == pid) & (fast.kinds == kind))
        opened = fast.opened[members]
        times = {k: v[:, members] for k, v in fast.times.items()}
        pauses = fast.pauses.take(members)
        changes = None if fast.changes is None else fast.changes.take(members)
        changed = changes is not None and changes.at.shape[0] and not restart
        for order, target in enumerate(eligible_targets(contract, pid, kind) or ()):
            judged = None
            if changed:
                assert changes is not None
                amounts = {
                    p.id: t.within // ONE_US
                    for p in contract.priorities
                    for t in contract.targets_for(p.id, kind)
                    if t.metric == target.metric and isinstance(t.within, timedelta)
                }
                judged = (changes, fast.initial[members], amounts)
            found = target_columns(contract, target, opened, times, pauses, at_us, judged)
            parts.append(
                {
                    "position": fast.positions[members],
                    "order": np.full(len(members), order),
                    "ticket": fast.ids[members],
                    "part": np.full(len(members), len(parts), dtype=np.int32),
                    "status": found.status,
                    "due": np.where(found.timed, found.due, NONE),
                    "breach": np.where(found.timed, found.breach, NONE),
                    "elapsed": found.elapsed,
                    "breached": found.breached,
                    "remaining": found.remaining,
                    "next_change": np.where(found.next_change < NEVER, found.next_change, NONE),
                }
            )
            constants.append((pid, target.metric, contract.calendars[target.calendar].tz))
    if not parts:
        return None
    merged = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    ranking = np.lexsort((merged["order"], merged["position"]))
    merged = {key: value[ranking] for key, value in merged.items()}
    # A part's constants taken by index at the end, not an object array per part
    # (bench_frame_mixed.py profile: np.full of objects was 73 of 579 ms).
    for k, name in enumerate(("priority", "metric", "zone")):
        merged[name] = np.array([c[k] for c in constants], dtype=object)[merged["part"]]
    return merged
