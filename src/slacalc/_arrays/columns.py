"""Columns in and out: pandas Series / DatetimeIndex and numpy arrays as UTC microseconds.

An input column becomes an ``int64`` array of UTC microseconds and a NaT mask; a result
goes back as the kind that came in (a Series keeps its index and name and comes back in
the calendar's zone; a DatetimeIndex likewise; a numpy array as ``datetime64[us]`` in
UTC).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, tzinfo
from typing import Any

from slacalc._base.errors import CalendarError, NaiveDatetimeError
from slacalc._engine.instants import HORIZON_END, HORIZON_START

__all__ = ["Column", "as_durations", "as_instants", "is_array"]


def is_array(value: object) -> bool:
    """Whether ``value`` is a pandas or numpy column (checked without importing either).

    >>> from datetime import datetime
    >>> is_array(datetime(2026, 1, 1)), is_array([1, 2])
    (False, False)
    """
    module = type(value).__module__
    return module.startswith(("pandas", "numpy")) and hasattr(value, "__len__")


@dataclass(frozen=True)
class Column:
    """A column of instants as UTC microseconds: ``us`` (NaT as 0), ``nat`` (the mask),
    and how it came in (``kind``: ``"series"``, ``"index"`` or ``"ndarray"``)."""

    us: Any  # numpy int64 array
    nat: Any  # numpy bool array
    kind: str
    index: Any = None
    name: Any = None

    def instants(self, us: Any, zone: tzinfo) -> Any:
        """Results in microseconds as the kind that came in (NaT where ``nat``)."""
        import numpy as np
        import pandas as pd

        values = us.astype("datetime64[us]")
        values[self.nat] = np.datetime64("NaT")
        if self.kind == "ndarray":
            return values
        stamps = pd.DatetimeIndex(values).tz_localize("UTC").tz_convert(str(zone))
        if self.kind == "index":
            return stamps.rename(self.name)
        return pd.Series(stamps, index=self.index, name=self.name)

    def durations(self, us: Any) -> Any:
        """Open times in microseconds as the kind that came in (NaT where ``nat``)."""
        import numpy as np
        import pandas as pd

        values = us.astype("timedelta64[us]")
        values[self.nat] = np.timedelta64("NaT")
        if self.kind == "ndarray":
            return values
        deltas = pd.TimedeltaIndex(values)
        if self.kind == "index":
            return deltas.rename(self.name)
        return pd.Series(deltas, index=self.index, name=self.name)

    def flags(self, values: Any) -> Any:
        """Booleans as the kind that came in: a nullable ``boolean`` Series (``<NA>`` for
        NaT); a numpy array of ``bool`` (a NaT in a numpy array is refused before)."""
        import pandas as pd

        if self.kind == "ndarray":
            return values
        flags = pd.array(values, dtype="boolean")
        flags[self.nat] = pd.NA
        if self.kind == "index":
            return pd.Index(flags, name=self.name)
        return pd.Series(flags, index=self.index, name=self.name)


def as_instants(value: Any, name: str) -> Column:
    """A column of aware instants (or numpy ``datetime64``, read as UTC) as microseconds;
    a naive pandas column is a :class:`~slacalc.NaiveDatetimeError` naming ``name``, an
    instant outside the supported range a :class:`~slacalc.CalendarError` naming its
    position and value."""
    import numpy as np
    import pandas as pd

    if isinstance(value, np.ndarray):
        if not np.issubdtype(value.dtype, np.datetime64):
            raise CalendarError(f"{name} is a numpy array of {value.dtype}, not datetime64")
        utc = value.astype("datetime64[us]")
        kind, index, label = "ndarray", None, None
    else:
        if isinstance(value, pd.Series):
            kind, index, label = "series", value.index, value.name
            stamps = value
        elif isinstance(value, pd.DatetimeIndex):
            kind, index, label = "index", None, value.name
            stamps = pd.Series(value)
        else:
            raise CalendarError(
                f"{name} is a {type(value).__name__}: give a pandas Series or DatetimeIndex "
                "of aware timestamps, or a numpy datetime64 array"
            )
        if not isinstance(stamps.dtype, pd.DatetimeTZDtype):
            if pd.api.types.is_datetime64_dtype(stamps.dtype):
                raise NaiveDatetimeError(
                    f"{name} holds naive timestamps: localize them, e.g. "
                    f"{name}.dt.tz_localize('Europe/Amsterdam') (or give UTC as a numpy array)"
                )
            try:
                stamps = pd.to_datetime(stamps, utc=False)
            except (ValueError, TypeError) as error:
                raise CalendarError(f"{name} does not hold timestamps: {error}") from None
            if not isinstance(stamps.dtype, pd.DatetimeTZDtype):
                raise NaiveDatetimeError(
                    f"{name} holds naive (or mixed) timestamps: localize them, e.g. "
                    f"{name}.dt.tz_localize('Europe/Amsterdam')"
                )
        utc = stamps.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[us]")
    nat = np.isnat(utc)
    us = utc.view("int64").copy()
    us[nat] = 0
    outside = ~nat & ((us < HORIZON_START) | (us >= HORIZON_END))
    if outside.any():
        position = int(np.flatnonzero(outside)[0])
        raise CalendarError(
            f"{name}[{position}] = {utc[position]} (UTC) is outside the supported range "
            "(UTC years 1969 to 2101)"
        )
    return Column(us, nat, kind, index, label)


def as_durations(value: Any, length: int, name: str = "duration") -> tuple[Any, Any]:
    """Durations in microseconds (``int64``) and their NaT mask: one ``timedelta`` for
    every element, or a column of them of ``length``. A negative one is a
    :class:`~slacalc.CalendarError` naming its position."""
    import numpy as np
    import pandas as pd

    if isinstance(value, timedelta):
        amount = (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds
        if amount < 0:
            raise CalendarError(f"{name} {value!r} is negative")
        return np.full(length, amount, dtype=np.int64), np.zeros(length, dtype=bool)
    if isinstance(value, pd.Series | pd.TimedeltaIndex):
        deltas = pd.to_timedelta(value).to_numpy("timedelta64[us]")
    elif isinstance(value, np.ndarray) and np.issubdtype(value.dtype, np.timedelta64):
        deltas = value.astype("timedelta64[us]")
    else:
        raise CalendarError(
            f"{name} is a {type(value).__name__}: give a timedelta, or a Series or numpy "
            "array of timedeltas"
        )
    if len(deltas) != length:
        raise CalendarError(f"{name} has {len(deltas)} values for {length} instants")
    nat = np.isnat(deltas)
    amounts = deltas.view("int64").copy()
    amounts[nat] = 0
    negative = amounts < 0
    if negative.any():
        position = int(np.flatnonzero(negative)[0])
        raise CalendarError(f"{name}[{position}] = {deltas[position]} is negative")
    return amounts, nat
