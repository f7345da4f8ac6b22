"""The argument parser of ``slacalc``, and the error that means bad usage."""

from __future__ import annotations

import argparse
import textwrap
from typing import NoReturn

from slacalc._io.columns import (
    EVENT_FILE_COLUMNS,
    OUTAGE_COLUMNS,
    PROBE_COLUMNS,
    TICKET_COLUMNS,
)
from slacalc.cli._errors import UsageError

__all__ = ["Parser", "build_parser"]


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line and never exit by themselves."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


_CHECK_EPILOG = f"""\
ticket columns (a CSV header, or JSON lines keys; .jsonl/.json: JSON lines):
{textwrap.fill(", ".join(TICKET_COLUMNS), 79, initial_indent="  ", subsequent_indent="  ")}
  required: id, priority, opened_at; times are ISO 8601 with an offset. A
  contract cell names the row's contract (blank: ID).
events file columns: {", ".join(EVENT_FILE_COLUMNS)}

the table: due is when the open time counted reaches the target; --wide adds
breach_at, the last instant the target still holds (due, or the calendar's next
opening when due falls at a closing time). Breached rows are red and at-risk
rows (a quarter of the target or less left) yellow on a terminal, never with
NO_COLOR set.

exit status: 0 nothing breached and no bad row, 1 a target breached or a bad
row, 2 bad usage (one line on stderr)."""

_AVAILABILITY_EPILOG = f"""\
outage columns: {", ".join(OUTAGE_COLUMNS)}
  start and end required, ISO 8601 with an offset; planned is true/false. A
  blank end is an outage still open (with --at only: it lasts until --at).
--at TIME: the month so far: measured and downtime stop at TIME, allowed is the
  whole month's, left what the rest of the month may still have; burn is
  downtime over the allowance so far (1.00 = on budget).
probe columns (--probes): {", ".join(PROBE_COLUMNS)}; a gap of more than 1.5 intervals
  between samples is unknown time, never downtime.

exit status: 0 every target met and no bad row, 1 otherwise, 2 bad usage."""


_COMPLIANCE_EPILOG = """\
Reads the ticket (and events) files of 'slacalc check' and judges the tickets
opened in the month as of its end. A goal counts per target (each target once)
or per ticket (a ticket is breached when any of its targets is); targets that
never started are listed apart.

exit status: 0 every compliance goal held and no bad row, 1 otherwise,
2 bad usage."""


_COMPARE_EPILOG = """\
Judges every ticket of the file against each contract (a row whose contract cell
names another vendor's contract is left out; a row of a compared vendor, or with
no contract cell, is judged under every one). A ticket whose priority a contract
does not know is listed under that contract, not judged. Without --month the
period is the whole months the tickets were opened in (the first contract's
zone). --from and --priority read the file for the first contract.

calls columns (--calls): start, duration[, id, evening_weekend, priority]
  duration: PT1H30M, 1h30m, 45m or minutes (90); evening_weekend: true/false
  (blank: false); priority: the call's ticket priority (the evening and weekend
  add-on covers P1 and P2). Only VIOMS contracts are billed (0.1.0 rules).

exit status: 0 every row read and every ticket judged under every contract,
1 otherwise, 2 bad usage."""


def add_export_options(sub: argparse.ArgumentParser) -> None:
    """The options that read a ticketing tool's export (SPEC 8)."""
    sub.add_argument(
        "--from",
        dest="profile",
        metavar="PROFILE",
        help="read the file as this tool's export: a built-in profile id (jira, zendesk, "
        "servicenow, freshdesk, znuny, glpi, topdesk) or a profile file (.yaml/.json)",
    )
    sub.add_argument(
        "--history",
        metavar="FILE",
        help="a status history (ticket, at, status[, from_status]) read by the profile's statuses",
    )
    sub.add_argument(
        "--tz",
        metavar="ZONE",
        help="the IANA zone of times without a UTC offset (e.g. Europe/Amsterdam)",
    )
    sub.add_argument(
        "--priority",
        action="append",
        default=[],
        metavar="NAME=ID",
        help="map an export's priority name to the contract's priority (repeatable)",
    )
    sub.add_argument("--encoding", metavar="ENC", help="the files' encoding (e.g. cp1252)")
    sub.add_argument(
        "--explain-statuses",
        action="store_true",
        help="list the statuses met in the history and how each was read",
    )


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        import slacalc

        print(f"slacalc {slacalc.__version__}")  # on stdout, as argparse's "version" does
        parser.exit()


#: What each operand of the commands means (their ``--help`` lists them).
_OPERANDS = {
    "ID": "a built-in contract id ('slacalc contracts' lists them), e.g. vioms/advanced; "
    "left out with --contract-file",
    "PRIORITY": "a priority id or alias of the contract, e.g. P1 or 'PRIO 1'",
    "TIME": "when the ticket was opened: ISO 8601 with a UTC offset, e.g. 2026-11-23T16:00+01:00",
    "FILE": "the tickets: CSV (any of , ; tab) or JSON lines; - reads standard input",
    "OUTAGES": "the outages: CSV or JSON lines of start, end[, planned]; - reads standard "
    "input. With --probes: probe samples, time and up (up/down, true/false)",
}


def _described(text: str, names: list[str], own: dict[str, str] | None = None) -> str:
    """A command's description followed by what each of its operands means (``own``: a
    command's own words for an operand, instead of :data:`_OPERANDS`')."""
    width = max(len(n) for n in names) + 2
    lines = [
        textwrap.fill((own or {}).get(n, _OPERANDS[n]), 80,
                      initial_indent=f"  {n.ljust(width)}", subsequent_indent=" " * (width + 2))
        for n in names
    ]  # fmt: skip
    return f"{text}\n\narguments:\n" + "\n".join(lines)


def _examples(*lines: str) -> str:
    """An ``examples:`` block, each command broken before an option to fit 80 columns
    (a shell reads the ``\\`` continuations as one line).

    >>> print(_examples("slacalc check ID FILE " + "--an-option-of-some-length " * 3))
    examples:
      slacalc check ID FILE --an-option-of-some-length --an-option-of-some-length \\
          --an-option-of-some-length
    """
    out = ["examples:"]
    for line in lines:
        units: list[str] = []  # an option with its value is one unit
        for word in line.split():
            if units and not word.startswith("--") and units[-1].startswith("--"):
                units[-1] += " " + word
            else:
                units.append(word)
        current = "  "
        for unit in units:
            if unit.startswith("--") and len(current) + len(unit) + 2 > 79:
                out.append(current + "\\")
                current = "      "
            current += unit + " "
        out.append(current.rstrip())
    return "\n".join(out)


def add_events_option(sub: argparse.ArgumentParser) -> None:
    """``--events FILE``: the further events of the tickets (check, next, compliance,
    compare read them alike)."""
    sub.add_argument("--events", metavar="FILE",
                     help="a CSV/JSON lines file of further events: pauses, reopens, "
                     "priority changes")  # fmt: skip


def add_format_options(sub: argparse.ArgumentParser, formats: str, wide: bool = True) -> None:
    """``--format table|csv|json`` (``formats`` says what csv and json hold) and ``--wide``."""
    sub.add_argument("--format", choices=("table", "csv", "json"), default="table",
                     help=f"table (default) for people; {formats}")  # fmt: skip
    if wide:
        sub.add_argument("--wide", action="store_true",
                         help="print the table whole, however wide (default: it fits 80 "
                         "columns, or the terminal)")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``slacalc``."""
    parser = Parser(
        prog="slacalc",
        description="Exact service-level deadlines, elapsed business time and breaches.",
        epilog=_examples(
            "slacalc contracts",
            "slacalc due vioms/advanced P1 2026-11-23T16:00+01:00",
            "slacalc check vioms/advanced examples/tickets.csv --at 2026-11-27T17:00+01:00",
        )
        + "\n\n'slacalc COMMAND --help' describes a command and its arguments.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="print slacalc's version and exit",
    )  # fmt: skip
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    subs.required = True

    def command(name: str, help_text: str, examples: list[str], epilog: str = "",
                operands: list[str] | None = None, usage: str | None = None,
                own: dict[str, str] | None = None) -> argparse.ArgumentParser:  # fmt: skip
        description = help_text[0].upper() + help_text[1:] + "."
        sub = subs.add_parser(
            name,
            help=help_text,
            usage=usage,
            description=_described(description, operands, own) if operands else description,
            epilog="\n\n".join(part for part in (_examples(*examples), epilog) if part),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if operands:
            sub.add_argument("operands", nargs="*", help=argparse.SUPPRESS)
            sub.add_argument("--contract-file", metavar="PATH",
                             help="a JSON or YAML contract file to use instead of a built-in "
                             "contract (- reads standard input)")  # fmt: skip
        return sub

    listing = command("contracts", "list the built-in contracts",
                      ["slacalc contracts", "slacalc contracts --format json"])  # fmt: skip
    add_format_options(listing, "csv and json: id, vendor, name")
    show = command(
        "show", "print a contract's calendars, priorities and targets",
        ["slacalc show vioms/advanced", "slacalc show connexys/standard --format csv"],
        operands=["ID"], usage="slacalc show ID | --contract-file PATH [options]",
    )  # fmt: skip
    add_format_options(show, "csv: one row per target; json: the contract as a contract file "
                       "holds it")  # fmt: skip
    due = command(
        "due", "when each target of a ticket opened at TIME falls due",
        ["slacalc due vioms/advanced P1 2026-11-23T16:00+01:00",
         "slacalc due reflex/basis critical 2026-11-27T16:30+01:00 --metric resolution"],
        "A due instant at a closing time is followed by '(breached after ...)': the\n"
        "last instant the target still holds, the calendar's next opening.",
        operands=["ID", "PRIORITY", "TIME"],
        usage="slacalc due ID PRIORITY TIME [options]",
    )  # fmt: skip
    due.add_argument("--metric", help="only this metric (e.g. response)")
    due.add_argument(
        "--kind",
        default="incident",
        help="the ticket's kind, e.g. incident or request (default: incident)",
    )
    add_format_options(due, "csv and json: metric, due_at, breach_at", wide=False)
    check = command(
        "check", "evaluate a CSV or JSON lines file of tickets",
        ["slacalc check vioms/advanced examples/tickets.csv --events examples/events.csv "
         "--at 2026-11-27T17:00+01:00",
         "slacalc check vioms/advanced examples/tickets.csv --at 2026-11-27T17:00+01:00 "
         "--format json"],
        _CHECK_EPILOG, operands=["ID", "FILE"], usage="slacalc check ID FILE [options]",
    )  # fmt: skip
    add_events_option(check)
    check.add_argument("--at", metavar="TIME",
                       help="evaluate as of this instant, ISO 8601 with an offset "
                       "(default: now)")  # fmt: skip
    add_format_options(check, "csv and json: one record per ticket and target, with full ISO "
                       "8601 due_at and breach_at, and one per bad row")  # fmt: skip
    add_export_options(check)
    upcoming = command(
        "next", "list the tickets by when each next changes (a breach or a milestone), and why",
        ["slacalc next intramed/online examples/tickets.csv --at 2026-11-23T18:00+01:00",
         "slacalc next vioms/advanced examples/tickets.csv --events examples/events.csv "
         "--at 2026-11-27T17:00+01:00 --format json"],
        "With no further event, a ticket next changes at the earliest of its targets':\n"
        "a running clock's breach_at (the last instant before it turns breached) or its\n"
        "next milestone. Tickets that will not change without an event are counted.\n\n"
        "exit status: 0 no bad row, 1 a bad row, 2 bad usage.",
        operands=["ID", "FILE"], usage="slacalc next ID FILE [options]",
    )  # fmt: skip
    add_events_option(upcoming)
    upcoming.add_argument(
        "--at", metavar="TIME", help="as of this instant, ISO 8601 with an offset (default: now)"
    )
    add_format_options(upcoming, "csv and json: one record per ticket (its first change: "
                       "metric, next_change_at, change, fraction), then the bad rows")  # fmt: skip
    add_export_options(upcoming)
    availability = command(
        "availability",
        "uptime and interruptions for a month from a CSV/JSON lines file of outages",
        ["slacalc availability infravision/cloud examples/outages.csv --month 2026-11",
         "slacalc availability connexys/standard examples/probes.csv --month 2026-11 "
         "--probes 5m",
         "slacalc availability infravision/cloud examples/outages.csv --month 2026-11 "
         "--at 2026-11-20T12:00+01:00"],
        _AVAILABILITY_EPILOG, operands=["ID", "OUTAGES"],
        usage="slacalc availability ID OUTAGES --month YYYY-MM [options]",
    )  # fmt: skip
    availability.add_argument(
        "--month",
        required=True,
        metavar="YYYY-MM",
        help="the month, in the contract's zone (e.g. 2026-11)",
    )
    availability.add_argument("--probes", metavar="INTERVAL",
                              help="the file holds probe samples (time, up) taken every "
                              "INTERVAL (e.g. 5m), not outages")  # fmt: skip
    availability.add_argument("--at", metavar="TIME",
                              help="the month so far, as of this instant, ISO 8601 with an "
                              "offset (default: the whole month)")  # fmt: skip
    add_format_options(availability, "csv and json: one record per target, then the "
                       "interruptions and the bad rows")  # fmt: skip
    compliance = command(
        "compliance",
        "compliance per priority and metric, and the contract's goals, for a month",
        ["slacalc compliance infravision/cloud examples/tickets.csv --month 2026-11"],
        _COMPLIANCE_EPILOG, operands=["ID", "FILE"],
        usage="slacalc compliance ID FILE --month YYYY-MM [options]",
    )  # fmt: skip
    compliance.add_argument(
        "--month",
        required=True,
        metavar="YYYY-MM",
        help="the month the tickets were opened in (e.g. 2026-11)",
    )
    add_events_option(compliance)
    add_format_options(compliance, "csv and json: one record per cell and per goal")
    add_export_options(compliance)
    comparison = command(
        "compare",
        "the same tickets judged against several contracts, side by side",
        ["slacalc compare vioms/standard vioms/advanced examples/tickets.csv --month 2026-11 "
         "--calls examples/calls.csv",
         "slacalc compare vioms/standard vioms/enterprise examples/tickets.csv --format csv"],
        _COMPARE_EPILOG, operands=["ID", "FILE"],
        usage="slacalc compare ID [ID ...] FILE [options]",
        own={"ID": "the contracts to compare ('slacalc contracts' lists them), e.g. "
                   "vioms/standard vioms/advanced; --contract-file adds its contract"},
    )  # fmt: skip
    comparison.add_argument(
        "--month",
        metavar="YYYY-MM",
        help="the month the tickets were opened in (default: every month of the file)",
    )
    add_events_option(comparison)
    comparison.add_argument("--calls", metavar="FILE",
                            help="support calls (start, duration[, evening_weekend, priority]) "
                            "to bill under each VIOMS tier")  # fmt: skip
    add_format_options(comparison, "csv and json: one record per contract and cell, per "
                       "contract and goal, per bill and per bad row")  # fmt: skip
    add_export_options(comparison)
    schema = command(
        "schema", "print the JSON Schema (draft 2020-12) of a contract or profile file",
        ["slacalc schema contract", "slacalc schema profile"],
        "Point an editor's YAML language server at it, or validate files in CI with it.",
    )  # fmt: skip
    schema.add_argument("kind", nargs="?", choices=("contract", "profile"), default="contract",
                        help="which file's schema (default: contract)")  # fmt: skip
    validate = command(
        "validate", "check a contract file and list every problem with its field path",
        ["slacalc validate examples/my_contract.yaml"],
        "exit status: 0 valid, 1 problems (one per line), 2 unreadable.",
    )  # fmt: skip
    validate.add_argument(
        "file", metavar="FILE", help="a .json, .yaml or .yml contract file, or - for standard input"
    )
    return parser
