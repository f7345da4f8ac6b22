"""``slacalc compare``: the same tickets judged against several contracts side by side,
and with ``--calls`` what the support calls cost under each VIOMS tier."""

from __future__ import annotations

import argparse
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, TextIO

from slacalc import contracts
from slacalc._base.errors import unknown_contract_message
from slacalc._compare import Comparison, compare, vioms_tier
from slacalc._engine.instants import HORIZON_END, HORIZON_START, to_us
from slacalc._facade import Contract
from slacalc._io.rows import TicketRow
from slacalc._reports.compliance import ComplianceCell, GoalResult
from slacalc.cli._calls import read_calls
from slacalc.cli._common import month_period, resolve_contract, write_records
from slacalc.cli._errors import UsageError
from slacalc.cli._input import read_input
from slacalc.cli._table import problems, table, width_of, wrapped

__all__ = ["COMPARE_FIELDS", "cmd_compare"]

#: Columns of ``compare --format csv`` (and the keys of its JSON lines): one row per
#: contract and ``cell`` (priority and metric), per contract and ``goal``, per contract's
#: ``bill`` (with ``--calls``) and per bad ``error`` row (``contract`` blank: every one).
COMPARE_FIELDS = (
    "row", "contract", "priority", "metric", "per", "met", "breached", "fraction_met",
    "running", "paused", "not_started", "no_target", "minimum", "held", "tier", "add_on",
    "calls", "units", "start_fees", "labour", "total", "billed", "ticket", "line", "error",
)  # fmt: skip
_NOT_BILLED = "not billed by slacalc"


def _contracts(args: argparse.Namespace) -> tuple[list[Contract], str]:
    values: list[str] = list(args.operands)
    wanted = 1 if args.contract_file else 2
    if len(values) < wanted:
        got = " ".join(values) or "nothing"
        raise UsageError(f"slacalc compare: expected ID [ID ...] FILE, got {got}")
    *ids, path = values
    chosen = [resolve_contract(i, None) for i in ids]
    if args.contract_file:
        chosen.append(resolve_contract(None, args.contract_file))
    seen: set[str] = set()
    for c in chosen:
        if c.id in seen:
            raise UsageError(f"slacalc compare: contract {c.id!r} is given twice: name it once")
        seen.add(c.id)
    return chosen, path


def _scope(rows: list[TicketRow[int]], chosen: list[Contract]) -> tuple[list[TicketRow[int]], int]:
    """The rows to judge, and how many are another vendor's (left out). A row's contract
    cell of a compared vendor (or blank) is judged against every contract; an unknown
    contract is a bad row."""
    vendors = {c.vendor for c in chosen}
    ids = {c.id for c in chosen}
    good: list[TicketRow[int]] = []
    others = 0
    for row in rows:
        name = row.contract
        if row.error is None and name is not None and name not in ids:
            if name in contracts.ids():
                if contracts.get(name).vendor not in vendors:
                    others += 1
                    continue
            else:
                close = contracts.close_matches(str(name))
                row.error = unknown_contract_message(str(name), close)
        if row.error is None:
            good.append(row)
    return good, others


def _period(args: argparse.Namespace, zone: tzinfo, rows: list[TicketRow[int]]) -> tuple[
    datetime, datetime, str
]:  # fmt: skip
    if args.month is not None:
        start, end = month_period(args.month, zone, "compare")
        return start, end, args.month
    opened = [
        r.data["opened_at"]
        for r in rows
        if isinstance(r.data.get("opened_at"), datetime) and _supported(r.data["opened_at"])
    ]  # fmt: skip  (a ticket out of range is each contract's error, not the period's end)
    if not opened:
        raise UsageError(
            f"slacalc compare: {args.path}: no ticket to compare; pass --month YYYY-MM or a "
            "file with tickets"
        )
    first = min(opened).astimezone(zone)
    last = max(opened).astimezone(zone)
    start, _ = month_period(f"{first.year}-{first.month:02d}", zone, "compare")
    _, end = month_period(f"{last.year}-{last.month:02d}", zone, "compare")
    label = f"{start:%Y-%m}" if end == month_period(f"{start:%Y-%m}", zone, "compare")[1] else (
        f"{start:%Y-%m} to {last:%Y-%m}"
    )  # fmt: skip
    return start, end, label


def _supported(instant: datetime) -> bool:
    """Whether ``instant`` lies in the range slacalc computes in (1969 to 2101)."""
    return HORIZON_START <= to_us(instant, "opened_at") < HORIZON_END


def _cell(cell: ComplianceCell | None) -> str:
    if cell is None:
        return "-"
    share = cell.fraction_met
    return f"{cell.met}/{cell.judged} " + ("-" if share is None else f"{float(share):.0%}")


def _headers(ids: list[str]) -> list[str]:
    """The contract ids without the vendor part they share (vioms/standard: standard)."""
    prefixes = {i.partition("/")[0] for i in ids}
    if len(prefixes) == 1 and all("/" in i for i in ids):
        return [i.partition("/")[2] for i in ids]
    return ids


def _goal_label(g: GoalResult) -> str:
    metrics = f" ({', '.join(g.goal.metrics)})" if g.goal.metrics else ""
    return f"{'+'.join(g.goal.priorities)}{metrics} >= {g.goal.minimum:.0%} per {g.per}"


def _print_table(
    result: Comparison,
    label: str,
    others: int,
    failures: dict[str, list[TicketRow[int]]],
    bad: list[TicketRow[int]],
    calls_path: str | None,
    out: TextIO,
    width: int | None,
) -> None:
    ids = list(result.contract_ids)
    counts = {r.tickets for r in result.reports.values()}
    wrapped(f"{' vs '.join(ids)}, {label}", out, width)
    if len(counts) == 1:
        n = counts.pop()
        print(f"{n} ticket{'s' if n != 1 else ''} judged under each contract", file=out)
    else:
        judged = ", ".join(f"{c} {r.tickets}" for c, r in result.reports.items())
        wrapped(f"tickets judged: {judged}", out, width)
    headers = _headers(ids)
    body = [[row.priority, row.metric, *(_cell(c) for c in row.cells)] for row in result.rows()]
    longest = [max(len(h), *(len(r[n + 2]) for r in body)) if body else len(h)
               for n, h in enumerate(headers)]  # fmt: skip
    if width is not None and 8 + 2 + 12 + sum(w + 2 for w in longest) > width:
        for n, cid in enumerate(ids, start=1):
            print(f"  #{n} {cid}", file=out)
        headers = [f"#{n}" for n in range(1, len(ids) + 1)]
    table([["priority", "metric", *headers], *body], out, width, shrink={0, 1})
    wrapped("(met/judged and the share met; '-': no such target; open and never-started "
            "targets are not judged)", out, width, indent=1)  # fmt: skip
    goals = [[cid, _goal_label(g), f"{g.met}/{g.met + g.breached}", "yes" if g.held else "NO"]
             for cid, r in result.reports.items() for g in r.goals]  # fmt: skip
    if goals:
        print("\ngoals:", file=out)
        table([["contract", "goal", "met", "held"], *goals], out, width, shrink={0, 1})
    none = [cid for cid, r in result.reports.items() if not r.goals]
    if none:
        wrapped(f"no compliance goals: {', '.join(none)}", out, width)
    if result.bills:
        print(f"\ncalls ({Path(calls_path or '').name}): {result.calls} in {label}, "
              f"{result.ignored_calls} outside it", file=out)  # fmt: skip
        rows = [["contract", "tier", "units", "start fees", "labour", "total"]]
        for b in result.bills.values():
            if b.total is None:
                rows.append([b.contract_id, "-", "-", "-", "-", _NOT_BILLED])
            else:
                tier = f"{b.tier}{' + add-on' if b.add_on else ''}"
                rows.append([b.contract_id, tier, str(b.units), str(b.start_fees),
                             str(b.labour), str(b.total)])  # fmt: skip
        table(rows, out, width, shrink={0, 1})
        cheapest = result.cheapest()
        if cheapest is not None:
            print(f"cheapest for these calls: {cheapest} (EUR, 0.1.0 billing rules)", file=out)
    if others:
        print(f"\n{others} row{'s' if others != 1 else ''} of other vendors' contracts left out.",
              file=out)  # fmt: skip
    for cid, rows_ in failures.items():
        n = len(rows_)
        print(f"\nnot judged under {cid}: {n} ticket{'s' if n != 1 else ''}", file=out)
        problems([[f"line {r.key}", r.ticket_id or "-", r.error or ""] for r in rows_], out, width)
    if bad:
        print("\nbad rows:", file=out)
        problems([[f"line {r.key}", r.ticket_id or "-", r.error or ""] for r in bad], out, width)


def _records(
    result: Comparison, failures: dict[str, list[TicketRow[int]]], bad: list[TicketRow[int]]
) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for record in result.as_records():
        if record["row"] == "goal":
            record = {**record, "priority": ", ".join(record.pop("priorities")),
                      "metric": ", ".join(record.pop("metrics")),
                      "fraction_met": record.pop("fraction")}  # fmt: skip
        records.append({k: v for k, v in record.items() if k in COMPARE_FIELDS})
    for cid, rows in failures.items():
        records += [{"row": "error", "contract": cid, "ticket": r.ticket_id, "line": r.key,
                     "error": r.error} for r in rows]  # fmt: skip
    records += [{"row": "error", "contract": None, "ticket": r.ticket_id, "line": r.key,
                 "error": r.error} for r in bad]  # fmt: skip
    return records


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    chosen, path = _contracts(args)
    args.path = path
    data = read_input(args, chosen[0], "compare")  # --from and --priority: the first's
    rows = data.rows()
    good, others = _scope(rows, chosen)
    start, end, label = _period(args, chosen[0].zone, good)
    vioms = [c for c in chosen if vioms_tier(c) is not None]
    calls, bad_calls = (
        (None, []) if args.calls is None else read_calls(args.calls, vioms, data.reading.times)
    )
    result = compare(chosen, [r.ticket() for r in good], start, end, calls=calls)
    failures: dict[str, list[TicketRow[int]]] = {}
    for cid, report in result.reports.items():
        for failure in report.errors:
            row = good[failure.index]
            failures.setdefault(cid, []).append(
                TicketRow(row.key, row.ticket_id, error=failure.message)
            )
    bad = [r for r in rows if r.error is not None] + data.orphans
    records = _records(result, failures, bad)
    records += [{"row": "error", "contract": None, "ticket": r.ticket_id, "line": r.key,
                 "error": f"calls file: {r.error}"} for r in bad_calls]  # fmt: skip
    if not write_records(records, COMPARE_FIELDS, args.format, out):
        width = width_of(out, args.wide)
        _print_table(result, label, others, failures, bad, args.calls, out, width)
        if bad_calls:
            print(f"\nbad rows of {Path(args.calls).name}:", file=out)
            problems([[f"line {r.key}", r.ticket_id or "-", r.error or ""] for r in bad_calls],
                     out, width)  # fmt: skip
    return 0 if not failures and not bad and not bad_calls else 1
