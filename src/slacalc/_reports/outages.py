"""Outages: when the service was down, given as spans or found from probe samples.

>>> from datetime import datetime, timedelta, timezone
>>> t = datetime(2026, 6, 1, 9, tzinfo=timezone.utc)
>>> found = Outage.from_probes([(t, True), (t + timedelta(minutes=15), False),
...                             (t + timedelta(minutes=30), True)])
>>> [(o.start.minute, o.end.minute) for o in found]
[(15, 30)]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from pydantic import AwareDatetime, BaseModel, ConfigDict, model_validator

from slacalc._base.errors import CalendarError, InvalidIntervalError
from slacalc._engine.instants import duration_us, from_us, require_aware, to_us

__all__ = ["Outage", "ProbeOutages"]


class Outage(BaseModel):
    """The service was down over ``[start, end)``; ``planned`` marks maintenance.

    ``start`` and ``end`` must be timezone-aware and ``end`` must lie after ``start``
    (both are a pydantic ``ValidationError``, a ``ValueError``, naming the values).
    ``end=None`` is an outage still open: it lasts until the ``at`` a report is measured
    at (without ``at``, measuring it is an :class:`~slacalc.OpenOutageError`).

    >>> from datetime import datetime, timezone
    >>> t = datetime(2026, 6, 1, 9, tzinfo=timezone.utc)
    >>> Outage(start=t, end=t.replace(hour=10), cause="disk full").planned
    False
    >>> Outage(start=t, end=None).end is None  # still open
    True
    >>> Outage(start=t, end=t)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Outage
    ...
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    start: AwareDatetime
    """When the service went down: a timezone-aware datetime (the outage includes it)."""
    end: AwareDatetime | None
    """When it was up again, after `start` (excluded); aware, or `None` while open (until `at`)."""
    planned: bool = False
    """Planned maintenance: never an interruption; counted as the target's `planned` says."""
    cause: str | None = None
    """What caused it, for people, e.g. `"disk full"`; not used in any computation."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Outage:
        if self.end is not None and to_us(self.end, "end") <= to_us(self.start, "start"):
            raise InvalidIntervalError(
                f"end={self.end.isoformat()} does not lie after start={self.start.isoformat()}: "
                "an outage needs end > start"
            )
        return self

    @classmethod
    def from_probes(
        cls,
        samples: Iterable[tuple[datetime, bool]],
        interval: timedelta = timedelta(minutes=15),
    ) -> ProbeOutages:
        """Outages from ``(time, up)`` probe samples (sorted by time first; ties keep order).

        A failed probe opens an outage at its time; the next successful probe's time
        ends it. When more than 1.5 ``interval`` passes between two consecutive samples
        (exactly 1.5 is still fine), the stretch from one ``interval`` after the earlier
        sample up to the later sample is unknown: not downtime, listed in ``.unknown``.
        A sample vouches for one ``interval``: an outage still open when such a gap
        starts ends where the gap starts (the earlier sample's time plus ``interval``),
        as does an outage still open after the last sample.

        >>> from datetime import datetime, timezone
        >>> t = datetime(2026, 6, 1, 9, tzinfo=timezone.utc)
        >>> m = timedelta(minutes=1)
        >>> found = Outage.from_probes([(t, True), (t + m, False), (t + 2 * m, True),
        ...                             (t + 10 * m, False)], interval=m)
        >>> [(o.start.minute, o.end.minute) for o in found]
        [(1, 2), (10, 11)]
        >>> [(a.minute, b.minute) for a, b in found.unknown]
        [(3, 10)]
        """
        step = duration_us(interval)
        if step <= 0:
            raise CalendarError(
                f"interval={interval!r} must be positive, e.g. timedelta(minutes=15)"
            )
        rows: list[tuple[int, bool, datetime]] = []
        for n, sample in enumerate(samples):
            when, up = sample
            require_aware(when, f"samples[{n}] time")
            rows.append((to_us(when, "sample"), _is_up(up, n, sample), when))
        rows.sort(key=_first)
        outages: list[Outage] = []
        unknown: list[tuple[datetime, datetime]] = []
        if not rows:
            return ProbeOutages(outages, unknown)
        tz = rows[0][2].tzinfo
        assert tz is not None

        def emit(a: int, b: int, a_dt: datetime | None, b_dt: datetime | None) -> None:
            if b > a:
                outages.append(
                    cls.model_construct(
                        start=a_dt if a_dt is not None else from_us(a, tz),
                        end=b_dt if b_dt is not None else from_us(b, tz),
                        planned=False,
                        cause=None,
                    )
                )

        gap_limit = 3 * step  # a gap is unknown when 2 * (t1 - t0) > 3 * step
        open_us = -1
        open_dt: datetime | None = None
        prev = rows[0][0]
        for us, up, when in rows:
            if 2 * (us - prev) > gap_limit:
                gap_start = prev + step
                if open_dt is not None:
                    emit(open_us, gap_start, open_dt, None)
                    open_dt = None
                unknown.append((from_us(gap_start, tz), when))
            if up:
                if open_dt is not None:
                    emit(open_us, us, open_dt, when)
                    open_dt = None
            elif open_dt is None:
                open_us, open_dt = us, when
            prev = us
        if open_dt is not None:
            emit(open_us, prev + step, open_dt, None)
        return ProbeOutages(outages, unknown)


def _is_up(up: object, n: int, sample: object) -> bool:
    """A sample's state: a bool, or the numbers 0 and 1; anything else is a ValueError (the
    string "down" is truthy, so reading it as ``bool`` would say the service was up)."""
    item = getattr(up, "item", None)
    if callable(item) and not isinstance(up, (str, bytes)):
        up = item()  # a numpy scalar (numpy.bool_, numpy.int64) from a pandas column
    if isinstance(up, bool):
        return up
    if isinstance(up, int) and up in (0, 1):
        return bool(up)
    raise CalendarError(
        f"samples[{n}] = {sample!r}: the state {up!r} is not a bool; give True (up) or False "
        "(down), or 1 and 0"
    )


def _first(row: tuple[int, bool, datetime]) -> int:
    return row[0]


class ProbeOutages(list[Outage]):
    """The outages :meth:`Outage.from_probes` found, with the ``unknown`` stretches.

    >>> ProbeOutages([], []).unknown
    []
    """

    unknown: list[tuple[datetime, datetime]]

    def __init__(
        self, outages: Iterable[Outage] = (), unknown: Iterable[tuple[datetime, datetime]] = ()
    ) -> None:
        super().__init__(outages)
        self.unknown = list(unknown)
