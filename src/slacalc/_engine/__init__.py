"""The engine: instants as integer microseconds, span sets, wall-clock windows, and the
compiled timeline that answers every business-time question by binary search.

Plain integers and tuples only: no pydantic, no datetimes past the edges of
``instants``. Imports only ``slacalc._base``.
"""
