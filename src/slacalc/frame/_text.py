"""Cells of a frame's column as arrays, for the columnar reader (``frame._fast``).

>>> import pandas as pd
>>> text(pd.Series([" a ", None, "b"])).tolist()
['a', '', 'b']
>>> us, blank, bad = instants(pd.Series(["2026-11-23T09:00+01:00", "", "soon"]))
>>> us.tolist()[0], blank.tolist(), bad.tolist()
(1795420800000000, [False, True, False], [False, False, True])
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from slacalc._engine.instants import HORIZON_END, HORIZON_START
from slacalc._io.records import cell_text, is_blank

__all__ = ["instants", "text"]

_ISO_FORM = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})"
_ISO = f"^{_ISO_FORM}$"
# Whole columns checked in one regex pass over their cells joined by NUL (a cell holding
# NUL only makes the check fall back to cell by cell): bench_import.py, 200,000 rows,
# the per-cell strip and match were 4.3 s of 13.9 s.
_ALL_ISO = re.compile(  # ASCII digits: twice as fast; any other digit falls back to _ISO
    f"{_ISO_FORM}(?:\x00{_ISO_FORM})*".replace(r"\d", "[0-9]")
)
_ANY_SPACE = re.compile(r"\s")  # a one-class scan: fast, where the edge pattern is not
_EDGE_SPACE = re.compile(r"(?:^|\x00)\s|\s(?:\x00|$)")


def text(column: pd.Series) -> Any:
    """A column's cells as stripped text (``""`` for blank), as an object array."""
    cells = column.to_numpy(dtype=object)
    missing = pd.isna(cells)  # None, NaN, NaT, pandas.NA: vectorised
    present = cells[~missing]
    if pd.api.types.infer_dtype(present, skipna=False) in ("string", "empty"):
        out = np.full(len(cells), "", dtype=object)
        joined = "\x00".join(present)
        if _ANY_SPACE.search(joined) is None or _EDGE_SPACE.search(joined) is None:
            out[~missing] = present  # nothing to strip
        else:  # Series.str.strip: str.strip per cell, without a Python call per cell here
            out[~missing] = pd.Series(present, dtype=object).str.strip().to_numpy(dtype=object)
        return out
    return np.array([cell_text({"c": v}, "c") for v in cells], dtype=object)


def instants(column: pd.Series) -> tuple[Any, Any, Any]:
    """UTC microseconds, whether each cell is blank, and whether it cannot be read here."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        utc = column.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[us]")
        blank = np.isnat(utc)
        us = utc.view("int64").copy()
        us[blank] = 0
        return us, blank, np.zeros(len(us), dtype=bool)
    cells = column.to_numpy(dtype=object)
    kind = pd.api.types.infer_dtype(cells[~pd.isna(cells)], skipna=False)
    if kind in ("string", "empty"):  # text (or missing): vectorised
        stripped = pd.Series(text(column), dtype=object)
        blank = (stripped == "").to_numpy(dtype=bool)
    else:
        blank = np.array([is_blank(v) for v in cells], dtype=bool)
        stripped = pd.Series([v.strip() if isinstance(v, str) else "" for v in cells], dtype=object)
    filled = stripped[~blank]
    if _ALL_ISO.fullmatch("\x00".join(filled)) is not None:
        readable = ~blank
    else:
        readable = stripped.str.match(_ISO).to_numpy(dtype=bool) & ~blank
    us = np.zeros(len(cells), dtype=np.int64)
    if readable.any():
        parsed = pd.to_datetime(stripped[readable], format="ISO8601", utc=True, errors="coerce")
        values = parsed.dt.tz_localize(None).to_numpy("datetime64[us]")
        failed = np.isnat(values)  # e.g. 24:00, or 30 February: the row path says why
        readable[np.flatnonzero(readable)[failed]] = False
        us[readable] = values[~failed].view("int64")
    bad = ~blank & ~readable
    bad |= readable & ((us < HORIZON_START) | (us >= HORIZON_END))
    return us, blank, bad
