"""``slacalc contracts`` and ``slacalc show``: the built-in contracts, one contract."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TextIO

from slacalc import contracts
from slacalc._facade import Contract
from slacalc._io.text import describe_calendar, describe_within
from slacalc.cli._common import operands, resolve_contract, write_records
from slacalc.cli._table import problems, table, width_of, wrapped

__all__ = ["cmd_contracts", "cmd_show"]


def cmd_contracts(args: argparse.Namespace, out: TextIO) -> int:
    records = []
    for contract_id in contracts.ids():
        c = contracts.get(contract_id)
        records.append({"id": c.id, "vendor": c.vendor, "name": c.name})
    if not write_records(records, ("id", "vendor", "name"), args.format, out):
        rows = [list(r.values()) for r in records]
        problems(rows, out, width_of(out, args.wide))
    return 0


#: ``show --format csv``: one row per target.
TARGET_FIELDS = ("priority", "metric", "within", "calendar", "pausable", "kinds", "commitment")


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, _ = operands(args, [], "show")
    c = resolve_contract(contract_id, args.contract_file)
    if args.format == "json":  # the contract itself, as a contract file holds it
        print(c.model_dump_json(), file=out)
        return 0
    if args.format == "csv":
        targets = [
            dict(zip(TARGET_FIELDS, (t.priority, t.metric, describe_within(t.within), t.calendar,
                 t.pausable, ",".join(t.applies_to), t.commitment), strict=True))
            for t in c.targets
        ]  # fmt: skip
        write_records(targets, TARGET_FIELDS, "csv", out)
        return 0
    width = width_of(out, args.wide)
    wrapped(f"{c.id}: {c.vendor} {c.name}".rstrip(), out, width)
    if c.source:
        wrapped(f"source: {c.source}", out, width)
    if c.valid_from or c.valid_to:
        print(f"valid: {c.valid_from or '...'} to {c.valid_to or '...'}", file=out)
    print(
        f"clock: on priority change {c.clock.on_priority_change}, on reopen {c.clock.on_reopen}",
        file=out,
    )
    print("\ncalendars:", file=out)
    problems([["  " + name, describe_calendar(cal)] for name, cal in c.calendars.items()], out,
             width)  # fmt: skip
    print("\npriorities:", file=out)
    problems(
        [
            ["  " + p.id, p.name + ("; aliases: " + ", ".join(p.aliases) if p.aliases else "")]
            for p in c.priorities
        ],
        out,
        width,
    )
    kinds = {t.applies_to for t in c.targets}
    if len(kinds) == 1:  # one kind for all: said once, not on every line
        print(f"\ntargets (all of {', '.join(next(iter(kinds)))} tickets):", file=out)
    else:
        print("\ntargets (metric (kinds of ticket)):", file=out)
    table(_target_rows(c, kinds=len(kinds) > 1), out, width, shrink={0})
    if any(isinstance(t.within, timedelta) for t in c.targets):
        print("  (within: 4h, 30m: open time of the target's calendar)", file=out)
    if c.availability:
        print("\navailability:", file=out)
        rows = [
            ["  " + a.name, f"{a.minimum:.2%}", f"per {a.period}", a.calendar]
            for a in c.availability
        ]
        table(rows, out, width, header=False)
    if c.interruption_limit is not None:
        limit = c.interruption_limit
        print(f"\ninterruptions: at most {limit.maximum} per {limit.period}", file=out)
    return 0


def _target_rows(c: Contract, *, kinds: bool) -> list[list[str]]:
    """The targets by priority (in the contract's order): a line naming the priority,
    then a line per target (its metric followed by its kinds of ticket with ``kinds``)."""
    rows = [["  priority / metric", "within", "calendar", "pausable", "commitment"]]
    for p in c.priorities:
        mine = [t for t in c.targets if t.priority == p.id]
        if mine:
            rows.append(["  " + p.id, "", "", "", ""])
        for t in mine:
            metric = f"{t.metric} ({', '.join(t.applies_to)})" if kinds else t.metric
            rows.append(
                [
                    "    " + metric,
                    describe_within(t.within).removesuffix(" open time"),  # the heading's
                    t.calendar,
                    "yes" if t.pausable else "no",
                    t.commitment,
                ]
            )
    return rows
