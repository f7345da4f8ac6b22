"""The support calls file of ``slacalc compare --calls``: ``start``, ``duration`` and
optionally ``id``, ``evening_weekend`` and ``priority``; each bad row by its line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from slacalc._base.errors import SlacalcError
from slacalc._compare import SupportCall, parse_duration
from slacalc._facade import Contract
from slacalc._io.files import read_records
from slacalc._io.records import parse_instant
from slacalc._io.rows import TicketRow
from slacalc._io.times import TimeReader

__all__ = ["CALL_COLUMNS", "read_calls"]

#: The columns of a calls file (the first names a row; start and duration are required).
CALL_COLUMNS = ("id", "start", "duration", "evening_weekend", "priority")
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0", ""}


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"evening_weekend {value!r} is not true or false (or blank: false)")


def _text(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def read_calls(
    path: str, vioms: Sequence[Contract], times: TimeReader
) -> tuple[list[SupportCall], list[TicketRow[int]]]:
    """The calls of ``path`` and its bad rows (``key``: the line; header = 1), times read
    as the tickets' are (``--tz``). A priority must be one of the first VIOMS contract's
    (``vioms``; all tiers share them)."""
    calls: list[SupportCall] = []
    bad: list[TicketRow[int]] = []
    for line, record in read_records(path, "calls file", CALL_COLUMNS, ("start", "duration")):
        if isinstance(record, str):  # a BadLine: the line could not be read
            bad.append(TicketRow(line, getattr(record, "ticket_id", None), error=str(record)))
            continue
        call_id = _text(record.get("id"))
        try:
            start: datetime = parse_instant(record.get("start"), "start", times)
            duration = _text(record.get("duration"))
            if duration is None:
                raise ValueError("duration is blank: write PT1H30M, 1h30m or minutes (90)")
            priority = _text(record.get("priority"))
            if priority is not None and vioms:
                priority = vioms[0].priority(priority).id
            calls.append(
                SupportCall(
                    start,
                    parse_duration(duration),
                    evening_weekend=_flag(record.get("evening_weekend")),
                    priority=priority,
                    id=call_id,
                )
            )
        except (SlacalcError, ValueError) as error:
            bad.append(TicketRow(line, call_id, error=" ".join(str(error).split())))
    return calls, bad
