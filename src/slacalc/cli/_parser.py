"""The argument parser of ``slacalc``, and the error that means bad usage."""

from __future__ import annotations

import argparse
import textwrap
from typing import NoReturn

from slacalc._io.records import EVENT_FILE_COLUMNS, TICKET_COLUMNS
from slacalc.cli._availability import OUTAGE_COLUMNS
from slacalc.cli._errors import UsageError

__all__ = ["Parser", "build_parser"]


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line and never exit by themselves."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


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


_COMPLIANCE_EPILOG = """\
reads the ticket (and events) files of 'slacalc check'; judges the tickets opened in the
month as of its end. A goal counts per target (each target once) or per ticket (a ticket
is breached when any of its targets is); targets that never started are listed apart.

exit status: 0 every compliance goal held and no bad row, 1 otherwise, 2 bad usage."""


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


def _version() -> str:
    """The installed distribution's version (``slacalc.__version__``'s source)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("slacalc")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``slacalc``."""
    parser = Parser(
        prog="slacalc",
        description="Exact service-level deadlines, elapsed business time and breaches.",
    )
    parser.add_argument(
        "--version", action="version", version=f"slacalc {_version()}",
        help="print slacalc's version and exit",
    )  # fmt: skip
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    subs.required = True
    schema = subs.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of a contract or profile file",
        description="Print the JSON Schema (draft 2020-12) of a contract or profile file, for "
        "an editor's YAML language server or a CI check (docs/maatwerk.md).",
        epilog="example: slacalc schema contract > contract.schema.json",
    )
    schema.add_argument("kind", nargs="?", choices=("contract", "profile"), default="contract",
                        help="which file (default: contract)")  # fmt: skip
    validate = subs.add_parser(
        "validate",
        help="check a contract file and list every problem with its field path",
        description="Check a JSON or YAML contract file: every problem on a line of its "
        "own, with its field path. Exit status: 0 valid, 1 problems, 2 unreadable.",
        epilog="example: slacalc validate examples/my_contract.yaml",
    )
    validate.add_argument("file", metavar="FILE", help="a .json, .yaml or .yml file, or -")
    listing = subs.add_parser("contracts", help="list the built-in contracts")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")

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

    show = with_contract(
        "show", "ID | --contract-file PATH [--format table|csv|json]",
        "a contract's calendars and targets",
    )  # fmt: skip
    show.add_argument(
        "--format", choices=("table", "csv", "json"), default="table",
        help="csv: one row per target; json: the contract as a contract file holds it",
    )  # fmt: skip
    due = with_contract(
        "due",
        "ID PRIORITY TIME [--metric M] [--kind K] [--format table|csv|json]",
        "when each target of a ticket opened at TIME falls due",
    )
    due.add_argument("--metric", help="only this metric")
    due.add_argument("--kind", default="incident", help="ticket kind (default: incident)")
    due.add_argument("--format", choices=("table", "csv", "json"), default="table")
    check = with_contract(
        "check",
        "ID FILE [--events FILE] [--at TIME] [--format table|csv|json]",
        "evaluate a CSV or JSON lines file of tickets",
        _CHECK_EPILOG,
    )
    check.add_argument("--events", metavar="FILE", help="a CSV/JSON lines file of more events")
    check.add_argument("--at", metavar="TIME", help="evaluate as of this time (default: now)")
    check.add_argument("--format", choices=("table", "csv", "json"), default="table")
    check.add_argument("--wide", action="store_true", help="a table as wide as it takes")
    add_export_options(check)
    availability = with_contract(
        "availability",
        "ID OUTAGES --month YYYY-MM [--format table|csv|json]",
        "uptime and interruptions for a month from a CSV/JSON lines file of outages",
        _AVAILABILITY_EPILOG,
    )
    availability.add_argument("--month", required=True, metavar="YYYY-MM")
    availability.add_argument("--format", choices=("table", "csv", "json"), default="table")
    compliance = with_contract(
        "compliance",
        "ID FILE --month YYYY-MM [--events FILE] [--format table|csv|json]",
        "compliance per priority and metric, and the contract's goals, for a month",
        _COMPLIANCE_EPILOG,
    )
    compliance.add_argument("--month", required=True, metavar="YYYY-MM")
    compliance.add_argument("--events", metavar="FILE", help="a CSV/JSON lines file of more events")
    compliance.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add_export_options(compliance)
    return parser
