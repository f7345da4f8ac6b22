"""``slacalc next``: the tickets by the instant each next changes, and why.

With no further event, a ticket's ``next_change_at`` is the earliest of its targets':
a running clock's ``breach_at`` (the last instant before it turns breached) or its next
milestone. A ticketing tool wakes up then instead of polling (docs/next-change.md).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any, TextIO

from slacalc._clock.report import TargetReport, TicketReport
from slacalc._facade import Contract
from slacalc._io.rows import TicketRow, evaluate_rows
from slacalc._io.text import iso, short_instant, short_iso
from slacalc.cli._common import at_or_now, operands, resolve_contract, write_records
from slacalc.cli._input import read_input
from slacalc.cli._table import problems, table, width_of

__all__ = ["NEXT_FIELDS", "cmd_next", "reason"]

#: ``next --format csv``: one row per ticket that will change, then one per bad row.
NEXT_FIELDS = (
    "ticket", "contract", "priority", "metric", "next_change_at", "change", "fraction",
    "line", "error",
)  # fmt: skip


def reason(target: TargetReport) -> tuple[str, float | None]:
    """What happens at the target's ``next_change_at``: ``("breach", None)`` or
    ``("milestone", fraction)``.

    >>> from datetime import datetime, timedelta, timezone
    >>> from slacalc._clock.report import CycleReport, Status
    >>> at, hour = datetime(2026, 11, 23, 12, tzinfo=timezone.utc), timedelta(hours=1)
    >>> cycle = CycleReport(Status.RUNNING, at, None, 4 * hour, at + 4 * hour, at + 4 * hour,
    ...                     hour, hour * 0, 3 * hour, ((0.5, at + 2 * hour),))
    >>> reason(TargetReport("restore", "P1", cycle, (cycle,), False, next_change_at=at + 2 * hour))
    ('milestone', 0.5)
    """
    for fraction, instant in target.milestones:
        if instant == target.next_change_at:
            return "milestone", fraction
    return "breach", None


def _why(report: TicketReport) -> str:
    """``P1 response breaches right after``, for each target changing first (the instant
    is the table's first column)."""
    parts = []
    for metric, target in report.targets.items():
        if target.next_change_at != report.next_change_at:
            continue
        change, fraction = reason(target)
        parts.append(
            f"{report.priority} {metric} breaches right after"
            if change == "breach"
            else f"{report.priority} {metric} reaches {fraction:.0%} of its target"
        )
    return "; ".join(parts)


def cmd_next(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (path,) = operands(args, ["FILE"], "next")
    c = resolve_contract(contract_id, args.contract_file)
    at = at_or_now(args.at, "next")
    args.path = path
    data = read_input(args, c, "next")
    upcoming: list[tuple[datetime, str, Contract, TicketReport]] = []
    bad: list[TicketRow[int]] = []
    still = 0
    for rows in data.chunks():
        outcomes = evaluate_rows(c, rows, at)
        for n, row in enumerate(rows):
            used, result = outcomes.get(n, (c, row.error))
            if not isinstance(result, TicketReport):
                bad.append(row)
            elif result.next_change_at is None:
                still += 1
            else:
                upcoming.append((result.next_change_at, result.ticket_id, used or c, result))
    bad += data.orphans
    upcoming.sort(key=lambda item: (item[0], item[1]))
    records = [_record(report, used) for _, _, used, report in upcoming]
    errors = [{"ticket": row.ticket_id, "line": row.key, "error": row.error} for row in bad]
    if not write_records([*records, *errors], NEXT_FIELDS, args.format, out):
        width = width_of(out, args.wide)
        rows_out = [["next change", "ticket", "why"]]
        rows_out += [[short_instant(when, at.year), tid, _why(report)]
                     for when, tid, _, report in upcoming]  # fmt: skip
        if upcoming:
            table(rows_out, out, width, shrink={2})
        if bad:
            print(f"\nbad rows in {path}:", file=out)
            problems([[f"line {r.key}", r.ticket_id or "-", r.error or ""] for r in bad], out,
                     width)  # fmt: skip
        print(
            f"\n{_count(len(upcoming), 'ticket')} to look at again as of {short_iso(at)}; "
            f"{_count(len(bad), 'bad row')}\n{still} will not change without a further event",
            file=out,
        )
    return 1 if bad else 0


def _record(report: TicketReport, used: Contract) -> dict[str, Any]:
    """The csv/json record of a ticket's first change (its first target changing then)."""
    metric, target = next(
        (m, t) for m, t in report.targets.items() if t.next_change_at == report.next_change_at
    )
    change, fraction = reason(target)
    return {
        "ticket": report.ticket_id, "contract": used.id, "priority": report.priority,
        "metric": metric, "next_change_at": iso(report.next_change_at), "change": change,
        "fraction": fraction,
    }  # fmt: skip


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
