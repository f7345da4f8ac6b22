"""``slacalc check``: evaluate a file of tickets (and further events)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from slacalc._clock.report import Status, TicketReport
from slacalc._facade import Contract
from slacalc._io.files import read_records
from slacalc._io.progress import Progress
from slacalc._io.records import EVENT_FILE_COLUMNS, TICKET_COLUMNS, parse_instant
from slacalc._io.rows import TicketRow, attach_events, evaluate_rows, read_ticket_rows
from slacalc._io.text import align, hours, iso, seconds
from slacalc.cli._common import operands, resolve_contract
from slacalc.cli._errors import UsageError

__all__ = ["OUTPUT_FIELDS", "cmd_check"]

OUTPUT_FIELDS = (
    "ticket",
    "contract",
    "metric",
    "status",
    "due_at",
    "breach_at",
    "elapsed_seconds",
    "line",
    "error",
)


def _check_lines(
    rows: list[TicketRow[int]],
    orphans: list[TicketRow[int]],
    outcomes: dict[int, tuple[Contract, TicketReport | str]],
    with_contract: bool,
) -> tuple[list[dict[str, Any]], bool]:
    """Output records in input order, and whether anything breached or was bad; a result
    names its contract only ``with_contract`` (SPEC's fields otherwise)."""
    records: list[dict[str, Any]] = []
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
                    }
                )
        else:
            failed = True
            records.append({"ticket": row.ticket_id, "line": row.key, "error": str(result)})
    return records, failed


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (path,) = operands(args, ["FILE"], "check")
    c = resolve_contract(contract_id, args.contract_file)
    if args.at is None:
        at = datetime.now().astimezone()
    else:
        try:
            at = parse_instant(args.at, "--at")
        except ValueError as error:
            raise UsageError(f"slacalc check: {error}") from None
    rows = read_ticket_rows(
        read_records(path, "ticket file", TICKET_COLUMNS, TICKET_COLUMNS[:3]),
        lambda line: f"on line {line}",
    )
    orphans: list[TicketRow[int]] = []
    if args.events is not None:
        name = Path(args.events).name
        orphans = attach_events(
            read_records(args.events, "events file", EVENT_FILE_COLUMNS, EVENT_FILE_COLUMNS[:3]),
            rows,
            lambda line: f"{name} line {line}",
            "no such ticket in the ticket file",
        )
    with Progress(len(rows), f"checking {Path(path).name}", sys.stderr) as progress:
        outcomes = evaluate_rows(c, rows, at, progress.advance)
    # A file that names contracts per row gets them back; otherwise SPEC's fields only.
    mixed = any(row.contract is not None for row in rows)
    records, failed = _check_lines(rows, orphans, outcomes, mixed)
    if args.format == "json":
        for record in records:
            print(json.dumps(record, ensure_ascii=False), file=out)
    elif args.format == "csv":
        fields = [f for f in OUTPUT_FIELDS if mixed or f != "contract"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _print_table(records, out, path, at, with_contract=mixed)
    return 1 if failed else 0


def _print_table(
    records: list[dict[str, Any]], out: TextIO, path: str, at: datetime, *, with_contract: bool
) -> None:
    table = [["ticket", "metric", "status", "due_at", "breach_at", "elapsed"]]
    if with_contract:
        table[0].insert(1, "contract")
    bad: list[list[str]] = []
    tickets: set[str] = set()
    breached = 0
    for record in records:
        if "error" in record:
            bad.append([f"line {record['line']}", record["ticket"] or "-", record["error"]])
            continue
        tickets.add(record["ticket"])
        breached += record["status"] == Status.BREACHED.value
        due = record["due_at"] or "-"
        breach = record["breach_at"] or "-"
        cells = [
            record["ticket"],
            record["metric"],
            record["status"],
            due,
            "" if breach == due else breach,
            hours(timedelta(seconds=record["elapsed_seconds"])),
        ]
        if with_contract:
            cells.insert(1, record["contract"])
        table.append(cells)
    align(table, out)
    if bad:
        print(f"\nbad rows in {path}:", file=out)
        align(bad, out)
    print(
        f"\n{len(tickets)} tickets evaluated at {at.isoformat()}: {breached} targets "
        f"breached, {len(bad)} bad rows",
        file=out,
    )
