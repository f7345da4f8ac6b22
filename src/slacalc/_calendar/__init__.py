"""Calendars as frozen models: weekly hours, holidays, overrides, combinations, and the
durations that are not plain open time (working days, calendar time).

A calendar compiles to an engine timeline (``compile.timeline_of``) on first use.
Imports ``slacalc._engine`` and ``slacalc._base``.
"""
