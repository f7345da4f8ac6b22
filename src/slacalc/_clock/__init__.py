"""The ticket clock, in data-path order: ``ticket`` (what happened) -> ``plan`` (what a
contract asks, looked up once) -> ``facts`` (one ticket's checked events) -> ``cycles``
(each metric's clock) -> ``report`` (what is reported) -> ``evaluate`` (one ticket, many).

Imports ``slacalc._contract`` and below.
"""
