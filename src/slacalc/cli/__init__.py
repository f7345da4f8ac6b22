"""The ``slacalc`` command line (SPEC section 6).

::

    slacalc contracts
    slacalc show vioms/advanced
    slacalc due vioms/advanced P1 2026-11-23T16:00+01:00
    slacalc check vioms/advanced tickets.csv [--events events.csv] [--at TIME]
                  [--format table|csv|json]
    slacalc availability infravision/cloud outages.csv --month 2026-11
    slacalc compliance infravision/cloud tickets.csv --month 2026-11 [--events events.csv]
    slacalc schema [contract|profile]
    slacalc validate my_contract.yaml

``--contract-file PATH`` (a JSON or YAML contract) replaces the contract id wherever one
is accepted. Exit status: 0 on success (for ``check``: nothing breached and no bad row;
for ``availability`` and ``compliance``: every target or goal met and no bad row), 1
otherwise, 2 for bad usage (one line on
stderr, never a traceback).

>>> main(["due", "vioms/advanced", "PRIO 1", "2026-11-23T16:00+01:00", "--metric", "response"])
response  2026-11-24T12:00:00+01:00
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TextIO

from slacalc._base.errors import ProfileError, SlacalcError
from slacalc.cli._errors import UsageError
from slacalc.cli._parser import build_parser

__all__ = ["COMMANDS", "build_parser", "main"]

Command = Callable[[argparse.Namespace, TextIO], int]


def _command(module: str, name: str) -> Command:
    """A command whose module is imported when it runs: ``slacalc --help`` imports
    neither pydantic nor the engine (docs/architecture.md, "The command line")."""

    def run(args: argparse.Namespace, out: TextIO) -> int:
        function: Command = getattr(importlib.import_module(f"slacalc.cli.{module}"), name)
        return function(args, out)

    run.__name__ = run.__qualname__ = name
    return run


COMMANDS: dict[str, Command] = {
    "contracts": _command("_show", "cmd_contracts"),
    "show": _command("_show", "cmd_show"),
    "due": _command("_due", "cmd_due"),
    "check": _command("_check", "cmd_check"),
    "next": _command("_next", "cmd_next"),
    "availability": _command("_availability", "cmd_availability"),
    "compliance": _command("_compliance", "cmd_compliance"),
    "compare": _command("_compare", "cmd_compare"),
    "schema": _command("_schema", "cmd_schema"),
    "validate": _command("_schema", "cmd_validate"),
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
    except BrokenPipeError:  # pragma: no cover - e.g. `slacalc check ... | head`
        return 1
    except (UsageError, SlacalcError, OSError, UnicodeError, ValueError, RecursionError) as error:
        # Bad usage or input, whatever raised it: one line, never a traceback.
        print(_one_line(error), file=sys.stderr)
        return 2


def _one_line(error: BaseException) -> str:
    """The message of an error as one line of ``slacalc: ...`` (a profile file's problems:
    one line each, after the line naming the file)."""
    if isinstance(error, ProfileError) and "\n" in str(error):
        first, *problems = str(error).splitlines()
        return "\n".join([f"slacalc: {first}", *(" ".join(p.split()) for p in problems)])
    message = " ".join(str(error).split()) or type(error).__name__
    if isinstance(error, OSError) and error.strerror:
        where = f" {error.filename!r}" if error.filename else ""
        message = f"cannot read{where}: {error.strerror}"
    return message if message.startswith("slacalc") else f"slacalc: {message}"
