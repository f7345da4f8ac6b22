"""Tickets in a pandas DataFrame: results per ticket and target, and compliance tables.

Needs pandas (``pip install "slacalc[pandas]"``); ``import slacalc`` never imports it.
A tickets frame has the columns of ``slacalc check``'s ticket file:
``id``, ``priority``, ``opened_at`` and optionally ``kind``, ``contract``,
``responded_at``, ``workaround_at``, ``root_cause_at``, ``on_site_requested_at``,
``on_site_at`` and ``resolved_at``. A cell is ISO 8601 text with an offset, an aware
``Timestamp`` or ``datetime``, or blank (``None``, ``""``, NaN, NaT). Further events
(pauses, reopens, priority changes) come as an events frame: ``ticket``, ``at``,
``kind`` and optionally ``priority`` and ``reason``.

* :func:`evaluate`: one result row per ticket and target, in input order; a bad row
  becomes one row with its ``error`` (never raised, never dropped).
* :func:`compliance_table`: met and breached counts per contract, priority and metric of
  :func:`evaluate`'s results: for any set of tickets, mixed contracts included.
* :func:`compliance`: :func:`slacalc.compliance` for one contract and period: the tickets opened in
  ``[start, end)`` judged as of ``end``, with the contract's compliance goals.
* :func:`compare`: :func:`compliance` of the same tickets under several contracts, one
  table (a ``contract`` column first), as :func:`slacalc.compare` judges them.

>>> import pandas as pd
>>> from slacalc import frame
>>> tickets = pd.DataFrame({
...     "id": ["T-1", "T-2"],
...     "priority": ["P1", "P9"],
...     "opened_at": ["2026-11-23T16:00+01:00", "2026-11-23T16:00+01:00"],
...     "responded_at": ["2026-11-24T12:00+01:00", None],
... })
>>> results = frame.evaluate(tickets, "vioms/advanced", at="2026-11-30T09:00+01:00")
>>> results[["ticket", "metric", "status"]].head(2)
  ticket      metric    status
0    T-1    response       met
1    T-1  resolution  breached
>>> results.loc[0, "due_at"]
Timestamp('2026-11-24 12:00:00+0100', tz='Europe/Amsterdam')
>>> results.iloc[-1]["error"]
"ticket T-2: unknown priority 'P9'; use one of P1, P2, P3, P4 (or an alias)"
"""

from __future__ import annotations

try:
    import pandas as pd  # noqa: F401  (checked here: the submodules need it)
except ImportError as _error:  # pragma: no cover - exercised in a subprocess
    raise ModuleNotFoundError(
        'slacalc.frame needs pandas, which is not installed: pip install "slacalc[pandas]"',
        name="pandas",
    ) from _error

from slacalc.frame._compare import compare
from slacalc.frame._compliance import compliance, compliance_table
from slacalc.frame._evaluate import RESULT_COLUMNS, evaluate

__all__ = ["RESULT_COLUMNS", "compare", "compliance", "compliance_table", "evaluate"]
