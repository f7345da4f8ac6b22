"""What the commands share: the contract they are given and their positional operands."""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any, TextIO

from slacalc import contracts
from slacalc._base.errors import SlacalcError, unknown_contract_message
from slacalc._facade import Contract
from slacalc._io.records import parse_instant
from slacalc.cli._errors import UsageError

__all__ = ["at_or_now", "month_period", "operands", "resolve_contract", "write_records"]


def resolve_contract(contract_id: str | None, contract_file: str | None) -> Contract:
    if contract_file is not None:
        try:
            return contracts.load(contract_file)
        except SlacalcError as error:
            raise UsageError(f"--contract-file: {error}") from None
    assert contract_id is not None
    if contract_id in contracts.ids():
        return contracts.get(contract_id)
    unknown = unknown_contract_message(contract_id, contracts.close_matches(contract_id))
    raise UsageError(
        f"{unknown} ('slacalc contracts' lists them; --contract-file PATH reads your own)"
    )


def operands(
    args: argparse.Namespace, names: Sequence[str], command: str
) -> tuple[str | None, list[str]]:
    """Split positionals into (contract id or None with --contract-file, the rest)."""
    values: list[str] = list(args.operands)
    wanted = list(names) if args.contract_file else ["ID", *names]
    if len(values) != len(wanted):
        got = " ".join(values) or "nothing"
        raise UsageError(
            f"slacalc {command}: expected {' '.join(wanted)}"
            f"{' (the contract comes from --contract-file)' if args.contract_file else ''}"
            f", got {got}"
        )
    if args.contract_file:
        return None, values
    return values[0], values[1:]


def at_or_now(text: str | None, command: str) -> datetime:
    """``--at TIME`` as an aware instant, or now (in the machine's zone) without it.

    >>> at_or_now("2026-11-27T17:00+01:00", "check").isoformat()
    '2026-11-27T17:00:00+01:00'
    """
    if text is None:
        return datetime.now().astimezone()
    try:
        return parse_instant(text, "--at")
    except ValueError as error:
        raise UsageError(f"slacalc {command}: {error}") from None


def month_period(text: str, zone: tzinfo, command: str) -> tuple[datetime, datetime]:
    """``[start, end)`` of a ``YYYY-MM`` month in the contract's zone (its one rule).

    >>> from zoneinfo import ZoneInfo
    >>> start, end = month_period("2026-12", ZoneInfo("Europe/Amsterdam"), "compliance")
    >>> start.isoformat(), end.isoformat()
    ('2026-12-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00')
    """
    try:
        year_text, month_text = text.split("-")
        year, month = int(year_text), int(month_text)
        start = datetime(year, month, 1, tzinfo=zone)
        end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    except (ValueError, OverflowError):
        raise UsageError(f"slacalc {command}: --month {text!r} is not YYYY-MM") from None
    return start, end


def write_records(
    records: Sequence[Mapping[str, Any]], fields: Sequence[str], format: str, out: TextIO
) -> bool:
    """Write ``records`` as csv (a header of ``fields``) or JSON lines; ``False`` for
    ``format="table"`` (the command draws its own).

    >>> import sys
    >>> write_records([{"id": "a", "n": 1}], ["id", "n"], "csv", sys.stdout)
    id,n
    a,1
    True
    """
    if format == "json":
        for record in records:
            print(json.dumps(dict(record), ensure_ascii=False), file=out)
        return True
    if format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        return True
    return False
