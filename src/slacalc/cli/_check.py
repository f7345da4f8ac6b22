"""``slacalc check``: evaluate a file of tickets (and further events)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from slacalc._clock.report import Status, TicketReport
from slacalc._facade import Contract
from slacalc._io.files import count_lines
from slacalc._io.progress import Progress
from slacalc._io.rows import TicketRow, evaluate_rows
from slacalc._io.text import iso, seconds
from slacalc.cli import _check_columnar as check_columnar
from slacalc.cli._check_table import print_check_table
from slacalc.cli._common import at_or_now, operands, resolve_contract
from slacalc.cli._input import explain_statuses, read_input

__all__ = ["OUTPUT_FIELDS", "cmd_check"]

OUTPUT_FIELDS = (
    "ticket",
    "contract",
    "metric",
    "status",
    "due_at",
    "breach_at",
    "elapsed_seconds",
    "next_change_at",
    "line",
    "error",
)


def _check_lines(
    rows: list[TicketRow[int]],
    orphans: list[TicketRow[int]],
    outcomes: dict[int, tuple[Contract, TicketReport | str]],
    with_contract: bool,
    table: bool = False,
) -> tuple[list[dict[str, Any]], bool, list[int]]:
    """Output records in input order, whether anything breached or was bad, and the row
    each record is of; a result names its contract only ``with_contract`` (SPEC's fields
    otherwise), and its priority and remaining open time for a ``table``."""
    records: list[dict[str, Any]] = []
    owners: list[int] = []
    failed = False
    for n, row in enumerate([*rows, *orphans]):
        contract, result = outcomes.get(n, (None, row.error))
        if isinstance(result, TicketReport):
            for metric, r in result.targets.items():
                failed = failed or r.status is Status.BREACHED
                record = {"ticket": result.ticket_id}
                if with_contract and contract is not None:
                    record["contract"] = contract.id
                records.append(
                    {
                        **record,
                        "metric": metric,
                        "status": r.status.value,
                        "due_at": iso(r.due_at),
                        "breach_at": iso(r.breach_at),
                        "elapsed_seconds": seconds(r.elapsed),
                        "next_change_at": iso(r.next_change_at),
                    }
                )
                if table:
                    left = None if r.remaining is None else seconds(r.remaining)
                    records[-1].update(priority=r.priority, remaining_seconds=left)
        else:
            failed = True
            records.append({"ticket": row.ticket_id, "line": row.key, "error": str(result)})
        owners += [n] * (len(records) - len(owners))
    return records, failed, owners


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (path,) = operands(args, ["FILE"], "check")
    c = resolve_contract(contract_id, args.contract_file)
    at = at_or_now(args.at, "check")
    args.path = path
    columnar = check_columnar.available()
    data = read_input(args, c, "check", blocks=check_columnar.CHUNK if columnar else 0)
    lines = count_lines(path)
    output = _Output(args.format, out)
    table = args.format == "table"
    failed = named = False
    held: list[dict[str, Any]] = []  # the table's records (a table aligns them all)
    with Progress(max((lines or 0) - 1, 0), f"checking {Path(path).name}", sys.stderr) as bar:
        if data.plain and columnar:
            failed, named, held = check_columnar.check_columnar(
                data, c, at, args.format, output.write, _check_lines, bar.advance, OUTPUT_FIELDS
            )
        else:
            for rows in data.chunks():
                # A file that names contracts per row gets them back (decided by its first
                # rows, as a CSV header must be); otherwise SPEC's fields only.
                if output.with_contract is None:
                    output.with_contract = any(row.contract is not None for row in rows)
                named = named or any(row.contract is not None for row in rows)
                outcomes = evaluate_rows(c, rows, at)
                records, bad, _ = _check_lines(rows, [], outcomes, True, table)
                failed = failed or bad
                held += output.emit(records)
                bar.advance(len(rows))
            records, bad, _ = _check_lines([], data.orphans, {}, True, table)
            failed = failed or bad
            held += output.emit(records)
    if args.format == "table":
        print_check_table(held, out, path, at, with_contract=named, wide=args.wide)
    if args.explain_statuses:
        explain_statuses(data, out if args.format == "table" else sys.stderr)
    return 1 if failed else 0


class _Output:
    """Writes ``check``'s records as they come (csv, json); a table keeps them."""

    def __init__(self, format: str, out: TextIO) -> None:
        self.format, self.out = format, out
        self.with_contract: bool | None = None
        self.writer: csv.DictWriter[str] | None = None

    def emit(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self.format == "table":
            return records
        if not self.with_contract:
            for record in records:
                record.pop("contract", None)
        if self.format == "json":
            for record in records:
                print(json.dumps(record, ensure_ascii=False), file=self.out)
            return []
        if self.writer is None:
            fields = [f for f in OUTPUT_FIELDS if self.with_contract or f != "contract"]
            self.writer = csv.DictWriter(self.out, fieldnames=fields, lineterminator="\n")
            self.writer.writeheader()
        self.writer.writerows(records)
        return []

    def write(self, lines: list[str]) -> None:
        """Lines formatted already (the columnar path's)."""
        if lines:
            self.out.write("\n".join(lines) + "\n")
