"""``slacalc compliance``: how a month went (SPEC 5), per priority and metric, and the goals."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any, TextIO

from slacalc import contracts
from slacalc._base.errors import unknown_contract_message
from slacalc._facade import Contract
from slacalc._io.rows import TicketRow
from slacalc._reports.compliance import ComplianceReport, GoalResult, compliance
from slacalc.cli._common import month_period, operands, resolve_contract
from slacalc.cli._input import explain_statuses, read_input
from slacalc.cli._table import problems, table, width_of

__all__ = ["COMPLIANCE_FIELDS", "cmd_compliance"]

#: Columns of ``compliance --format csv`` (and the keys of its JSON lines): one row per
#: ``cell`` (priority and metric), one per ``goal`` and one per bad ``row``.
COMPLIANCE_FIELDS = (
    "row",
    "priority",
    "metric",
    "per",
    "met",
    "breached",
    "fraction_met",
    "running",
    "paused",
    "not_started",
    "no_target",
    "minimum",
    "held",
    "ticket",
    "line",
    "error",
)


def _goal_label(result: GoalResult) -> str:
    metrics = f" ({', '.join(result.goal.metrics)})" if result.goal.metrics else ""
    return ", ".join(result.goal.priorities) + metrics


def _records(report: ComplianceReport, bad: list[TicketRow[int]]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = [{"row": "cell", **c.as_dict()} for c in report.cells.values()]
    for g in report.goals:
        records.append(
            {
                "row": "goal",
                "priority": ", ".join(g.goal.priorities),
                "metric": ", ".join(g.goal.metrics),
                "per": g.per,
                "met": g.met,
                "breached": g.breached,
                "fraction_met": None if g.fraction is None else float(g.fraction),
                "not_started": g.not_started,
                "minimum": g.goal.minimum,
                "held": g.held,
            }
        )
    for row in bad:
        records.append(
            {"row": "error", "ticket": row.ticket_id, "line": row.key, "error": row.error}
        )
    return records


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _print_table(
    c: Contract,
    report: ComplianceReport,
    month: str,
    bad: list[TicketRow[int]],
    out: TextIO,
    width: int | None,
) -> None:
    count = report.tickets
    print(f"{c.id} compliance {month}: {count} ticket{'s' if count != 1 else ''}", file=out)
    rows = [["priority", "metric", "met", "breached", "share", "open", "never started"]]
    for cell in report.cells.values():
        share = None if cell.fraction_met is None else float(cell.fraction_met)
        rows.append(
            [
                cell.priority,
                cell.metric,
                str(cell.met),
                str(cell.breached),
                _share(share),
                str(cell.running + cell.paused),
                str(cell.not_started),
            ]
        )
    table(rows, out, width, shrink={0, 1})
    if report.goals:
        print("\ngoals:", file=out)
        goals = [["priorities", "counts", "met", "breached", "share", "minimum", "held"]]
        for g in report.goals:
            goals.append(
                [
                    _goal_label(g),
                    f"per {g.per}",
                    str(g.met),
                    str(g.breached),
                    _share(None if g.fraction is None else float(g.fraction)),
                    f"{g.goal.minimum:.0%}",
                    "yes" if g.held else "NO",
                ]
            )
        table(goals, out, width, shrink={0})
        if any(g.per == "ticket" for g in report.goals):
            print("per ticket: breached if any of its targets is; met if none is open.", file=out)
    _print_never_started(c, report, out)
    if bad:
        print("\nbad rows:", file=out)
        problems([[f"line {r.key}", r.ticket_id or "-", r.error or ""] for r in bad], out, width)


def _print_never_started(c: Contract, report: ComplianceReport, out: TextIO) -> None:
    """Name the targets whose clock never started, so no ticket drops out silently."""
    by_metric: dict[str, int] = {}
    for cell in report.cells.values():
        if cell.not_started:
            by_metric[cell.metric] = by_metric.get(cell.metric, 0) + cell.not_started
    for metric, n in by_metric.items():
        starts = list(
            dict.fromkeys(e for t in c.targets if t.metric == metric for e in t.starts_on)
        )
        plural = "s" if n != 1 else ""
        print(f"\nnever started: {n} {metric} target{plural} (no {' or '.join(starts)})", file=out)


def cmd_compliance(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (path,) = operands(args, ["FILE"], "compliance")
    c = resolve_contract(contract_id, args.contract_file)
    start, end = month_period(args.month, c.zone, "compliance")
    args.path = path
    data = read_input(args, c, "compliance")
    rows = data.rows()
    # A file may hold several contracts' tickets: the rows of another contract are not
    # this contract's compliance; they are counted, not judged.
    known = set(contracts.ids()) - {c.id}
    others = [r for r in rows if r.contract in known]
    good: list[TicketRow[int]] = []
    for row in rows:
        if row.error is None and row.contract not in (None, c.id, *known):
            close = contracts.close_matches(str(row.contract))
            row.error = unknown_contract_message(str(row.contract), close)
        if row.error is None and row.contract not in known:
            good.append(row)
    report = compliance(c, [row.ticket() for row in good], start, end)
    for failure in report.errors:
        good[failure.index].error = failure.message
    bad = [row for row in rows if row.error is not None and row.contract not in known]
    bad += data.orphans  # event and history rows naming no ticket, or unreadable
    records = _records(report, bad)
    if args.format == "json":
        for record in records:
            print(json.dumps(record, ensure_ascii=False), file=out)
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=COMPLIANCE_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _print_table(c, report, args.month, bad, out, width_of(out, args.wide))
        if others:
            n = len(others)
            print(f"\n{n} row{'s' if n != 1 else ''} of other contracts left out.", file=out)
    if args.explain_statuses:
        explain_statuses(data, out if args.format == "table" else sys.stderr)
    return 0 if report.met and not bad else 1
