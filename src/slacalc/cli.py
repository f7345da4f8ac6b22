"""The ``slacalc`` command line (SPEC section 6).

::

    slacalc contracts
    slacalc show vioms/advanced
    slacalc due vioms/advanced P1 2026-11-23T16:00+01:00
    slacalc check vioms/advanced tickets.csv [--events events.csv] [--at TIME]
                  [--format table|csv|json]

``--contract-file PATH`` (a JSON or YAML contract) replaces the contract id wherever one
is accepted. Exit status: 0 on success (for ``check``: nothing breached and no bad row),
1 when ``check`` found a breached target or a bad row, 2 for bad usage (one line on
stderr, never a traceback).

>>> main(["due", "vioms/advanced", "PRIO 1", "2026-11-23T16:00+01:00", "--metric", "response"])
response  2026-11-24T12:00:00+01:00
0
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn, TextIO
from zoneinfo import ZoneInfo

from slacalc import contracts
from slacalc._availability import Outage, availability
from slacalc._calendar import Calendar
from slacalc._contract import Contract, Target
from slacalc._durations import CalendarTime, WorkingDays
from slacalc._errors import SlacalcError
from slacalc._progress import Progress
from slacalc._records import EVENT_FILE_COLUMNS, TICKET_COLUMNS, cell_text, parse_instant
from slacalc._report import Status, TicketReport
from slacalc._ticket import Event, Ticket
from slacalc._ticket_rows import (
    Record,
    TicketRow,
    attach_events,
    column_problem,
    evaluate_rows,
    read_ticket_rows,
)

__all__ = ["main"]

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


class UsageError(Exception):
    """Bad usage: reported as one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line and never exit by themselves."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


# -- small helpers ----------------------------------------------------------------------


def _align(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    """Print rows as left-aligned columns separated by two spaces."""
    if not rows:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row)]
        print("  ".join(cells).rstrip(), file=out)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _seconds(value: timedelta) -> int | float:
    seconds = value.total_seconds()
    return int(seconds) if seconds.is_integer() else seconds


def _hours(value: timedelta) -> str:
    """Open time as hours and minutes (``27h30m``): days of open time mislead."""
    minutes = int(value.total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    return (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes or not hours else "")


def describe_within(within: timedelta | WorkingDays | CalendarTime | None) -> str:
    """A target's ``within`` for people: ``4h``, ``5 working days``, ``3 weeks``."""
    if within is None:
        return "best effort"
    if isinstance(within, timedelta):
        return f"{_hours(within)} open time"
    if isinstance(within, WorkingDays):
        return f"{within.days} working day{'s' if within.days != 1 else ''}"
    parts = [
        f"{n} {unit}{'s' if n != 1 else ''}"
        for n, unit in (
            (within.months, "month"),
            (within.weeks, "week"),
            (within.days, "day"),
            (within.hours, "hour"),
        )
        if n
    ]
    return (" ".join(parts) or "0 hours") + " calendar time"


def describe_calendar(calendar: Calendar) -> str:
    """One line: opening hours per weekday, zone and holidays."""
    if calendar.operation is not None:
        return f"{calendar.operation} of {len(calendar.operands)} calendars, {calendar.tz}"
    groups: list[tuple[list[str], str]] = []
    for day, windows in calendar.hours:
        text = ",".join(windows)
        if groups and groups[-1][1] == text:
            groups[-1][0].append(day)
        else:
            groups.append(([day], text))
    hours = "; ".join(
        f"{days[0]}-{days[-1]} {text}" if len(days) > 1 else f"{days[0]} {text}"
        for days, text in groups
    )
    if hours == "mon-sun 00:00-24:00":
        hours = "24x7"
    text = f"{hours or 'never open'}, {calendar.tz}"
    if calendar.holidays is not None:
        country = getattr(calendar.holidays, "country", None)
        text += f", closed on {country or 'listed'} holidays"
    if calendar.overrides:
        text += f", {len(calendar.overrides)} override(s)"
    return text


# -- contracts --------------------------------------------------------------------------


def _resolve_contract(contract_id: str | None, contract_file: str | None) -> Contract:
    if contract_file is not None:
        try:
            return contracts.load(contract_file)
        except SlacalcError as error:
            raise UsageError(f"--contract-file: {error}") from None
    assert contract_id is not None
    if contract_id in contracts.ids():
        return contracts.get(contract_id)
    raise UsageError(
        f"{contracts._unknown_id_message(contract_id)} ('slacalc contracts' lists them; "
        "--contract-file PATH reads your own)"
    )


def _operands(
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


def cmd_contracts(args: argparse.Namespace, out: TextIO) -> int:
    rows: list[list[str]] = []
    for contract_id in contracts.ids():
        c = contracts.get(contract_id)
        rows.append([c.id, c.vendor, c.name])
    _align(rows, out)
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, _ = _operands(args, [], "show")
    c = _resolve_contract(contract_id, args.contract_file)
    print(f"{c.id}: {c.vendor} {c.name}".rstrip(), file=out)
    if c.source:
        print(f"source: {c.source}", file=out)
    if c.valid_from or c.valid_to:
        print(f"valid: {c.valid_from or '...'} to {c.valid_to or '...'}", file=out)
    print(
        f"clock: on priority change {c.clock.on_priority_change}, on reopen {c.clock.on_reopen}",
        file=out,
    )
    print("\ncalendars:", file=out)
    _align([["  " + name, describe_calendar(cal)] for name, cal in c.calendars.items()], out)
    print("\npriorities:", file=out)
    _align(
        [
            ["  " + p.id, p.name, "aliases: " + ", ".join(p.aliases) if p.aliases else ""]
            for p in c.priorities
        ],
        out,
    )
    print("\ntargets:", file=out)
    rows = [["  priority", "metric", "within", "calendar", "pausable", "kinds", "commitment"]]
    for t in c.targets:
        rows.append(
            [
                "  " + t.priority,
                t.metric,
                describe_within(t.within),
                t.calendar,
                "yes" if t.pausable else "no",
                ",".join(t.applies_to),
                t.commitment,
            ]
        )
    _align(rows, out)
    if c.availability:
        print("\navailability:", file=out)
        _align(
            [
                ["  " + a.name, f"{a.minimum:.2%}", f"per {a.period}", a.calendar]
                for a in c.availability
            ],
            out,
        )
    if c.interruption_limit is not None:
        limit = c.interruption_limit
        print(f"\ninterruptions: at most {limit.maximum} per {limit.period}", file=out)
    return 0


def cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (priority, time_text) = _operands(args, ["PRIORITY", "TIME"], "due")
    c = _resolve_contract(contract_id, args.contract_file)
    try:
        opened = parse_instant(time_text, "TIME")
        targets = c.targets_for(priority, args.kind)
    except (SlacalcError, ValueError, LookupError) as error:
        raise UsageError(f"slacalc due: {error}") from None
    if not targets:
        kinds = ", ".join(sorted(c.kinds))
        raise UsageError(
            f"slacalc due: contract {c.id} has no targets for {args.kind} tickets of "
            f"priority {priority!r} (kinds with targets: {kinds})"
        )
    if args.metric is not None:
        metrics = [t.metric for t in targets]
        if args.metric not in metrics:
            raise UsageError(
                f"slacalc due: priority {priority!r} has no {args.metric!r} target "
                f"(its metrics: {', '.join(metrics)})"
            )
        targets = tuple(t for t in targets if t.metric == args.metric)
    # A target that starts on a later event (on_site: on_site_requested) is shown as if
    # that event happened at TIME too.
    starts = _later_starts(targets)
    ticket = Ticket(
        id="due",
        priority=priority,
        opened_at=opened,
        kind=args.kind,
        events=[Event(at=opened, kind=kind) for kind in starts],
    )
    try:
        report = c.evaluate(ticket, at=opened)
    except (SlacalcError, ValueError, LookupError) as error:
        raise UsageError(f"slacalc due: {error}") from None
    rows: list[list[str]] = []
    for t in targets:
        r = report.targets.get(t.metric)
        if r is None or r.status is Status.NO_TARGET or r.due_at is None:
            rows.append([t.metric, "no target"])
            continue
        row = [t.metric, r.due_at.isoformat()]
        if r.breach_at is not None and r.breach_at != r.due_at:
            row.append(f"(breached after {r.breach_at.isoformat()})")
        rows.append(row)
    width = max(len(r) for r in rows)
    _align([r + [""] * (width - len(r)) for r in rows], out)
    return 0


def _later_starts(targets: Iterable[Target]) -> list[str]:
    kinds: list[str] = []
    for t in targets:
        if "opened" not in t.starts_on and t.starts_on and t.starts_on[0] not in kinds:
            kinds.append(t.starts_on[0])
    return kinds


# -- check ------------------------------------------------------------------------------


def _open_text(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return handle.read()
    except OSError as error:
        raise UsageError(f"cannot read {what} {path!r}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"cannot read {what} {path!r}: not UTF-8 text ({error.reason})") from None


def _records(
    path: str, what: str, known: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[int, Record]]:
    """(line number, record) from a CSV file (header = line 1) or JSON lines file; a line
    that cannot be read is the text saying why instead of a record."""
    text = _open_text(path, what)
    if Path(path).suffix.lower() in (".jsonl", ".json"):
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as error:
                yield number, f"not valid JSON: {error.msg}"
                continue
            if not isinstance(value, dict):
                yield number, "not a JSON object"
                continue
            yield number, value
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as error:
        raise UsageError(f"{path}: line 1: {error}") from None
    if not header:
        raise UsageError(f"{path}: empty file, expected a header line with {', '.join(known)}")
    header = [h.strip() for h in header]
    reader.fieldnames = header
    problem = column_problem(header, known, required)
    if problem is not None:
        raise UsageError(f"{path}: line 1: {problem}")
    try:
        for record in reader:
            if not any((v or "").strip() for v in record.values() if isinstance(v, str)):
                continue
            if None in record:
                yield reader.line_num, "more fields than the header has"
                continue
            yield reader.line_num, record
    except csv.Error as error:
        raise UsageError(f"{path}: line {reader.line_num}: {error}") from None


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
                        "due_at": _iso(r.due_at),
                        "breach_at": _iso(r.breach_at),
                        "elapsed_seconds": _seconds(r.elapsed),
                    }
                )
        else:
            failed = True
            records.append({"ticket": row.ticket_id, "line": row.key, "error": str(result)})
    return records, failed


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (path,) = _operands(args, ["FILE"], "check")
    c = _resolve_contract(contract_id, args.contract_file)
    if args.at is None:
        at = datetime.now().astimezone()
    else:
        try:
            at = parse_instant(args.at, "--at")
        except ValueError as error:
            raise UsageError(f"slacalc check: {error}") from None
    rows = read_ticket_rows(
        _records(path, "ticket file", TICKET_COLUMNS, TICKET_COLUMNS[:3]),
        lambda line: f"on line {line}",
    )
    orphans: list[TicketRow[int]] = []
    if args.events is not None:
        name = Path(args.events).name
        orphans = attach_events(
            _records(args.events, "events file", EVENT_FILE_COLUMNS, EVENT_FILE_COLUMNS[:3]),
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
            _hours(timedelta(seconds=record["elapsed_seconds"])),
        ]
        if with_contract:
            cells.insert(1, record["contract"])
        table.append(cells)
    _align(table, out)
    if bad:
        print(f"\nbad rows in {path}:", file=out)
        _align(bad, out)
    print(
        f"\n{len(tickets)} tickets evaluated at {at.isoformat()}: {breached} targets "
        f"breached, {len(bad)} bad rows",
        file=out,
    )


# -- availability -----------------------------------------------------------------------

OUTAGE_COLUMNS = ("start", "end", "planned", "cause")
_TRUE = ("true", "yes", "y", "1", "planned")
_FALSE = ("", "false", "no", "n", "0", "unplanned")
#: Columns of ``availability --format csv``: one row per availability target, one row
#: ``interruptions`` (count, maximum, met) and one row per bad outage row (line, error).
AVAILABILITY_FIELDS = (
    "target",
    "calendar",
    "minimum",
    "uptime",
    "measured_seconds",
    "downtime_seconds",
    "allowed_downtime_seconds",
    "interruptions",
    "maximum",
    "met",
    "line",
    "error",
)


def _month(text: str, tz: str) -> tuple[datetime, datetime]:
    try:
        year_text, month_text = text.split("-")
        year, month = int(year_text), int(month_text)
        zone = ZoneInfo(tz)
        start = datetime(year, month, 1, tzinfo=zone)
    except ValueError:
        raise UsageError(f"slacalc availability: --month {text!r} is not YYYY-MM") from None
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


def _read_outages(path: str) -> tuple[list[Outage], list[dict[str, Any]]]:
    outages: list[Outage] = []
    bad: list[dict[str, Any]] = []
    for line, record in _records(path, "outage file", OUTAGE_COLUMNS, OUTAGE_COLUMNS[:2]):
        try:
            if isinstance(record, str):
                raise ValueError(record)
            planned_value = record.get("planned")
            if isinstance(planned_value, bool):
                planned = planned_value
            elif cell_text(record, "planned").lower() in _TRUE:
                planned = True
            elif cell_text(record, "planned").lower() in _FALSE:
                planned = False
            else:
                raise ValueError(f"planned {cell_text(record, 'planned')!r} is not true or false")
            start = parse_instant(cell_text(record, "start"), "start")
            end = parse_instant(cell_text(record, "end"), "end")
            if end <= start:
                raise ValueError("end is not after start")
            outages.append(
                Outage(
                    start=start, end=end, planned=planned, cause=cell_text(record, "cause") or None
                )
            )
        except ValueError as error:
            bad.append({"line": line, "error": str(error)})
    return outages, bad


def cmd_availability(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (path,) = _operands(args, ["OUTAGES"], "availability")
    c = _resolve_contract(contract_id, args.contract_file)
    if not c.availability:
        raise UsageError(f"slacalc availability: contract {c.id} has no availability targets")
    tz = (
        c.calendars[c.availability[0].calendar].tz
        if c.availability[0].calendar in (c.calendars)
        else next(iter(c.calendars.values())).tz
    )
    start, end = _month(args.month, tz)
    outages, bad = _read_outages(path)
    report = availability(c, outages, start, end)
    records: list[dict[str, Any]] = [
        {
            "target": w.name,
            "calendar": w.calendar,
            "minimum": w.minimum,
            "uptime": w.uptime,
            "measured_seconds": _seconds(w.measured),
            "downtime_seconds": _seconds(w.downtime),
            "allowed_downtime_seconds": _seconds(w.allowed_downtime),
            "met": w.met,
        }
        for w in report.windows.values()
    ]
    limit = report.interruption_limit
    interruptions = {
        "target": "interruptions",
        "interruptions": report.interruptions,
        "maximum": limit.maximum if limit is not None else None,
        "met": report.interruptions_met,
    }
    if args.format == "json":
        for record in [*records, interruptions, *bad]:
            print(json.dumps(record, ensure_ascii=False), file=out)
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=AVAILABILITY_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows([*records, interruptions, *bad])
    else:
        print(
            f"{c.id} availability {args.month} ({start.isoformat()} to {end.isoformat()})", file=out
        )
        rows = [["target", "minimum", "uptime", "measured", "downtime", "allowed", "met"]]
        for r in records:
            rows.append(
                [
                    r["target"],
                    f"{r['minimum']:.2%}",
                    f"{r['uptime']:.3%}",
                    _hours(timedelta(seconds=r["measured_seconds"])),
                    _hours(timedelta(seconds=r["downtime_seconds"])),
                    _hours(timedelta(seconds=r["allowed_downtime_seconds"])),
                    "yes" if r["met"] else "NO",
                ]
            )
        _align(rows, out)
        most = f" (at most {limit.maximum})" if limit is not None else ""
        print(f"unplanned interruptions: {report.interruptions}{most}", file=out)
        if bad:
            print(f"\nbad rows in {path}:", file=out)
            _align([[f"line {b['line']}", b["error"]] for b in bad], out)
    return 0 if report.met and not bad else 1


# -- entry point ------------------------------------------------------------------------


_CHECK_EPILOG = f"""\
ticket columns (CSV header, or JSON lines keys; .jsonl/.json files are JSON lines):
{textwrap.fill(", ".join(TICKET_COLUMNS), 80, initial_indent="  ", subsequent_indent="  ")}
  required: id, priority, opened_at; times are ISO 8601 with an offset. A contract
  cell names the row's contract (blank: ID).
events file columns: {", ".join(EVENT_FILE_COLUMNS)}

exit status: 0 nothing breached and no bad row, 1 a target breached or a bad row,
2 bad usage (one line on stderr)."""

_AVAILABILITY_EPILOG = f"""\
outage columns: {", ".join(OUTAGE_COLUMNS)} (start and end required, ISO 8601 with an
offset; planned is true/false).

exit status: 0 every target met and no bad row, 1 otherwise, 2 bad usage."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``slacalc``."""
    parser = _Parser(
        prog="slacalc",
        description="Exact service-level deadlines, elapsed business time and breaches.",
    )
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subs.required = True
    subs.add_parser("contracts", help="list the built-in contracts")

    def with_contract(
        name: str, usage: str, help_text: str, epilog: str | None = None
    ) -> argparse.ArgumentParser:
        sub = subs.add_parser(
            name,
            help=help_text,
            usage=f"slacalc {name} {usage}",
            description=help_text[0].upper() + help_text[1:] + ".",
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("operands", nargs="*", metavar="ARG", help=usage)
        sub.add_argument(
            "--contract-file",
            metavar="PATH",
            help="a JSON or YAML contract to use instead of a built-in contract id",
        )
        return sub

    with_contract("show", "ID | --contract-file PATH", "a contract's calendars and targets")
    due = with_contract(
        "due",
        "ID PRIORITY TIME [--metric M] [--kind K]",
        "when each target of a ticket opened at TIME falls due",
    )
    due.add_argument("--metric", help="only this metric")
    due.add_argument("--kind", default="incident", help="ticket kind (default: incident)")
    check = with_contract(
        "check",
        "ID FILE [--events FILE] [--at TIME] [--format table|csv|json]",
        "evaluate a CSV or JSON lines file of tickets",
        _CHECK_EPILOG,
    )
    check.add_argument("--events", metavar="FILE", help="a CSV/JSON lines file of more events")
    check.add_argument("--at", metavar="TIME", help="evaluate as of this time (default: now)")
    check.add_argument("--format", choices=("table", "csv", "json"), default="table")
    availability = with_contract(
        "availability",
        "ID OUTAGES --month YYYY-MM [--format table|csv|json]",
        "uptime and interruptions for a month from a CSV/JSON lines file of outages",
        _AVAILABILITY_EPILOG,
    )
    availability.add_argument("--month", required=True, metavar="YYYY-MM")
    availability.add_argument("--format", choices=("table", "csv", "json"), default="table")
    return parser


COMMANDS = {
    "contracts": cmd_contracts,
    "show": cmd_show,
    "due": cmd_due,
    "check": cmd_check,
    "availability": cmd_availability,
}


def main(argv: list[str] | None = None) -> int:
    """Run ``slacalc`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    out = sys.stdout
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exit_:  # --help
            return exit_.code if isinstance(exit_.code, int) else 0
        return COMMANDS[args.command](args, out)
    except UsageError as error:
        message = str(error)
        if not message.startswith("slacalc"):
            message = f"slacalc: {message}"
        print(message, file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `slacalc check ... | head`
        return 1
