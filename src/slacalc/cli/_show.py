"""``slacalc contracts`` and ``slacalc show``: the built-in contracts, one contract."""

from __future__ import annotations

import argparse
from typing import TextIO

from slacalc import contracts
from slacalc._io.text import align, describe_calendar, describe_within
from slacalc.cli._common import operands, resolve_contract, write_records

__all__ = ["cmd_contracts", "cmd_show"]


def cmd_contracts(args: argparse.Namespace, out: TextIO) -> int:
    records = []
    for contract_id in contracts.ids():
        c = contracts.get(contract_id)
        records.append({"id": c.id, "vendor": c.vendor, "name": c.name})
    if not write_records(records, ("id", "vendor", "name"), args.format, out):
        align([list(r.values()) for r in records], out)
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
    align([["  " + name, describe_calendar(cal)] for name, cal in c.calendars.items()], out)
    print("\npriorities:", file=out)
    align(
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
    align(rows, out)
    if c.availability:
        print("\navailability:", file=out)
        align(
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
