"""The same tickets frame judged against several contracts: one compliance table, side by side."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import pandas as pd

from slacalc import contracts as registry
from slacalc._facade import Contract
from slacalc.frame._compliance import compliance
from slacalc.frame._read import as_contract

__all__ = ["compare"]


def _other_vendor(value: Any, vendors: set[str]) -> bool:
    """Whether a ``contract`` cell names a built-in contract of a vendor not compared."""
    if not isinstance(value, str) or value not in registry.ids():
        return False
    return registry.get(value).vendor not in vendors


def compare(
    tickets: pd.DataFrame,
    contracts: Iterable[Contract | str],
    *,
    start: datetime | str,
    end: datetime | str,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """:func:`compliance` of the same tickets under each contract, one table: a row per
    contract, priority and metric (``contract`` first, then :func:`compliance`'s columns:
    met, breached, ``share_met``, the covering goal and whether it held).

    Every ticket is judged under every contract, as :func:`slacalc.compare` does: a
    ticket whose priority a contract does not know is one of that contract's errors. A
    ``contract`` cell naming a built-in contract of a vendor none of the compared
    contracts is from leaves the row out (counted in ``attrs["left_out"]``); a cell of a
    compared vendor is judged under each. ``table.attrs`` holds ``start``, ``end``,
    ``left_out`` and per contract id (``attrs["contracts"]``) its ``met``, ``tickets``,
    ``goals`` and ``errors`` as :func:`compliance` gives them.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"id": ["A"], "priority": ["P1"],
    ...     "opened_at": ["2026-11-23T09:00+01:00"], "responded_at": ["2026-11-23T12:00+01:00"]})
    >>> table = compare(tickets, ["vioms/standard", "vioms/enterprise"],
    ...                 start="2026-11-01T00:00+01:00", end="2026-12-01T00:00+01:00")
    >>> p1 = table[(table.priority == "P1") & (table.metric == "response")]
    >>> p1[["contract", "priority", "met", "breached"]]
               contract priority  met  breached
    0    vioms/standard       P1    1         0
    8  vioms/enterprise       P1    0         1
    >>> table.attrs["contracts"]["vioms/enterprise"]["tickets"]
    1
    """
    chosen = [as_contract(c) for c in ([contracts] if isinstance(contracts, str) else contracts)]
    if not chosen:
        raise ValueError("compare needs at least one contract (e.g. 'vioms/standard')")
    vendors = {c.vendor for c in chosen}
    frame = tickets
    left_out = 0
    if "contract" in tickets.columns:
        other = tickets["contract"].map(lambda v: _other_vendor(v, vendors)).astype(bool)
        left_out = int(other.sum())
        dropped = set(tickets.loc[other, "id"].astype(str)) if "id" in tickets else set()
        frame = tickets.loc[~other].copy()
        # a compared vendor's contract cell is judged under each compared contract
        judged = frame["contract"].map(
            lambda v: isinstance(v, str) and v in registry.ids() and not _other_vendor(v, vendors)
        )
        frame.loc[judged.astype(bool), "contract"] = None
        if events is not None and dropped and "ticket" in events:
            events = events.loc[~events["ticket"].astype(str).isin(dropped)]
    tables: list[pd.DataFrame] = []
    per_contract: dict[str, dict[str, Any]] = {}
    period: dict[str, Any] = {}
    for c in chosen:
        table = compliance(frame, c, start=start, end=end, events=events)
        per_contract[c.id] = {k: table.attrs[k] for k in ("met", "tickets", "goals", "errors")}
        period = {"start": table.attrs["start"], "end": table.attrs["end"]}
        table.attrs = {}
        table.insert(0, "contract", c.id)
        tables.append(table)
    result = pd.concat(tables, ignore_index=True)
    result.attrs.update(period, left_out=left_out, contracts=per_contract)
    return result
