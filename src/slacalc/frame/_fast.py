"""The columnar reader of ``frame.evaluate`` (SPEC 9): simple rows read and answered as
whole columns, never a Python object per ticket.

:func:`split` reads a plain tickets frame (slacalc's own columns, no profile) column by
column: ids and priorities through a table of their distinct values, times with one
vectorised parse (ISO 8601 with an offset, or aware timestamps). A row is *fast* when
every cell reads this way and the ticket is simple (``frame._columnar``): its id occurs
once, no events frame row names it, its kind and priority are the contract's, its times
are distinct, none before its opening, and its opening is not after ``at``. Every other
row takes the row-by-row path, whose messages and checks are the reference; the results
are merged back in input order. tests/test_columnar.py checks both paths give the same
frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from slacalc._base.errors import SlacalcError
from slacalc._engine.instants import EPOCH, HORIZON_END, HORIZON_START, ONE_US
from slacalc._facade import Contract
from slacalc._io.records import EVENT_COLUMNS, cell_text, is_blank
from slacalc.frame._columnar import NEVER, eligible_targets, target_columns

__all__ = ["Fast", "results", "split"]

_ISO = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$"


@dataclass
class Fast:
    """The fast rows of a tickets frame: their positions, ids, priority ids, kinds, and
    opening and event times (UTC microseconds; an absent event as ``_NEVER``)."""

    positions: Any
    ids: Any
    priorities: Any
    kinds: Any
    opened: Any
    times: dict[str, Any]


def _text(column: pd.Series) -> Any:
    """A column's cells as stripped text (``""`` for blank), as an object array."""
    return np.array([cell_text({"c": v}, "c") for v in column.to_numpy(dtype=object)], dtype=object)


def _instants(column: pd.Series) -> tuple[Any, Any, Any]:
    """UTC microseconds, whether each cell is blank, and whether it cannot be read here."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        utc = column.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[us]")
        blank = np.isnat(utc)
        us = utc.view("int64").copy()
        us[blank] = 0
        return us, blank, np.zeros(len(us), dtype=bool)
    cells = column.to_numpy(dtype=object)
    blank = np.array([is_blank(v) for v in cells], dtype=bool)
    text = pd.Series([v if isinstance(v, str) else "" for v in cells], dtype=object)
    readable = text.str.strip().str.match(_ISO).to_numpy(dtype=bool) & ~blank
    us = np.zeros(len(cells), dtype=np.int64)
    if readable.any():
        parsed = pd.to_datetime(
            text[readable].str.strip(), format="ISO8601", utc=True, errors="coerce"
        )
        values = parsed.dt.tz_localize(None).to_numpy("datetime64[us]")
        failed = np.isnat(values)  # e.g. 24:00, or 30 February: the row path says why
        readable[np.flatnonzero(readable)[failed]] = False
        us[readable] = values[~failed].view("int64")
    bad = ~blank & ~readable
    bad |= readable & ((us < HORIZON_START) | (us >= HORIZON_END))
    return us, blank, bad


def split(
    tickets: pd.DataFrame, contract: Contract, events: pd.DataFrame | None, at: datetime
) -> Fast:
    """The fast rows of a frame whose columns are slacalc's own (checked before)."""
    names = {c.strip() if isinstance(c, str) else c: c for c in tickets.columns}
    ids = _text(tickets[names["id"]])
    fast = ids != ""
    as_series = pd.Series(ids, dtype=object)  # object: text may hold lone surrogates
    fast &= ~as_series.duplicated(keep=False).to_numpy()
    if events is not None and "ticket" in events.columns and len(events):
        named = set(_text(events["ticket"]))  # hashed: numpy's isin sorts object arrays
        fast &= ~as_series.isin(named).to_numpy(dtype=bool)
    raw_priorities = _text(tickets[names["priority"]])
    pid_of: dict[str, str | None] = {}
    for name in set(raw_priorities):
        try:
            pid_of[name] = contract.priority(name).id if name else None
        except (LookupError, SlacalcError, ValueError):
            pid_of[name] = None
    priorities = np.array([pid_of[p] for p in raw_priorities], dtype=object)
    fast &= priorities != None  # noqa: E711 - elementwise
    kinds = (
        _text(tickets[names["kind"]]) if "kind" in names else np.full(len(ids), "", dtype=object)
    )
    kinds[kinds == ""] = "incident"
    fast &= pd.Series(kinds, dtype=object).isin(set(contract.kinds)).to_numpy(dtype=bool)
    if "contract" in names:
        cells = _text(tickets[names["contract"]])
        fast &= (cells == "") | (cells == contract.id)
    at_us = (at - EPOCH) // ONE_US
    opened, blank, bad = _instants(tickets[names["opened_at"]])
    fast &= ~blank & ~bad & (opened <= at_us)
    times: dict[str, Any] = {}
    present: list[tuple[Any, Any]] = []
    for column, kind in EVENT_COLUMNS.items():
        if column not in names:
            continue
        us, blank, bad = _instants(tickets[names[column]])
        fast &= ~bad & (blank | (us >= opened))
        for other_us, other_blank in present:  # distinct instants
            fast &= blank | other_blank | (us != other_us)
        present.append((us, blank))
        times[kind] = np.where(blank | (us > at_us), NEVER, us)
    for pid, kind in {(p, k) for p, k in zip(priorities[fast], kinds[fast], strict=True)}:
        if eligible_targets(contract, pid, kind) is None:
            fast &= ~((priorities == pid) & (kinds == kind))
    positions = np.flatnonzero(fast)
    return Fast(
        positions,
        ids[positions],
        priorities[positions],
        kinds[positions],
        opened[positions],
        {kind: column[positions] for kind, column in times.items()},
    )


def results(contract: Contract, fast: Fast, at: datetime, zone: str) -> tuple[pd.DataFrame, Any]:
    """The result rows of the fast rows, and each result's (position, target order)."""
    at_us = (at - EPOCH) // ONE_US
    parts: list[dict[str, Any]] = []
    for pid, kind in sorted({(p, k) for p, k in zip(fast.priorities, fast.kinds, strict=True)}):
        members = np.flatnonzero((fast.priorities == pid) & (fast.kinds == kind))
        opened = fast.opened[members]
        times = {k: v[members] for k, v in fast.times.items()}
        for order, target in enumerate(eligible_targets(contract, pid, kind) or ()):
            found = target_columns(contract, target, opened, times, at_us)
            parts.append(
                {
                    "position": fast.positions[members],
                    "order": np.full(len(members), order),
                    "ticket": fast.ids[members],
                    "priority": np.full(len(members), pid, dtype=object),
                    "metric": np.full(len(members), target.metric, dtype=object),
                    "status": found.status,
                    "due": np.where(found.timed, found.due, np.iinfo(np.int64).min),
                    "breach": np.where(found.timed, found.breach, np.iinfo(np.int64).min),
                    "elapsed": found.elapsed,
                    "breached": found.breached,
                }
            )
    if not parts:
        return pd.DataFrame(), np.zeros((0, 2), dtype=np.int64)
    merged = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    ranking = np.lexsort((merged["order"], merged["position"]))
    merged = {key: value[ranking] for key, value in merged.items()}
    count = len(ranking)

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
            "elapsed": pd.Series(merged["elapsed"].astype("timedelta64[us]")),
            "ever_breached": pd.Series(merged["breached"], dtype="boolean"),
            "error": pd.Series(np.full(count, None, dtype=object), dtype=object),
        }
    )
    return table, np.stack([merged["position"], merged["order"]], axis=1)
