"""Input and output: ticket and event records, rows on their way to reports, CSV and
JSON-lines files, and text for people (tables, durations, calendars, progress).

Shared by ``slacalc.frame`` and ``slacalc.cli``; imports ``slacalc.contracts`` and below.
"""
