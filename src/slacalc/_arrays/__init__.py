"""Calendar questions over whole columns (SPEC 9): numpy over the compiled timeline.

``Calendar.add``, ``subtract``, ``between``, ``is_open``, ``next_open`` and ``next_close``
(``durations``: ``CalendarTime``; ``working_days``: ``WorkingDays``) hand a pandas
``Series`` / ``DatetimeIndex`` of aware timestamps, or a numpy
``datetime64`` array (read as UTC), to this module. It asks the same flat arrays the
scalar calls ask (:meth:`~slacalc._engine.timeline.Timeline.flat`: span starts and ends,
cumulative open time), with ``numpy.searchsorted`` where the scalar calls use ``bisect``,
so every element's answer equals the scalar call's to the microsecond. numpy and pandas
are imported on the first array call only: ``import slacalc`` imports neither.

The range is compiled first by one scalar question at the extreme element (the
questions are monotone, so the extreme answer bounds every other); then each operation
is a handful of vectorised steps, never a Python loop per element.
"""

from __future__ import annotations

from slacalc._arrays.columns import is_array
from slacalc._arrays.ops import add, between, is_open, next_close, next_open, subtract

__all__ = [
    "add",
    "between",
    "is_array",
    "is_open",
    "next_close",
    "next_open",
    "subtract",
]
