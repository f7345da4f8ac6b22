"""``slacalc due``: when each target of a ticket opened at a time falls due."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TextIO

from slacalc._base.errors import SlacalcError
from slacalc._clock.report import Status
from slacalc._clock.ticket import Event, Ticket
from slacalc._contract.models import Target
from slacalc._io.records import parse_instant
from slacalc._io.text import align
from slacalc.cli._common import operands, resolve_contract, write_records
from slacalc.cli._errors import UsageError

__all__ = ["cmd_due"]


def cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    contract_id, (priority, time_text) = operands(args, ["PRIORITY", "TIME"], "due")
    c = resolve_contract(contract_id, args.contract_file)
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
    records = []
    for t in targets:
        r = report.targets.get(t.metric)
        timed = r is not None and r.status is not Status.NO_TARGET and r.due_at is not None
        records.append({
            "metric": t.metric,
            "due_at": r.due_at.isoformat() if timed and r and r.due_at else None,
            "breach_at": r.breach_at.isoformat() if timed and r and r.breach_at else None,
        })  # fmt: skip
    if write_records(records, ("metric", "due_at", "breach_at"), args.format, out):
        return 0
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
    align([r + [""] * (width - len(r)) for r in rows], out)
    return 0


def _later_starts(targets: Iterable[Target]) -> list[str]:
    kinds: list[str] = []
    for t in targets:
        if "opened" not in t.starts_on and t.starts_on and t.starts_on[0] not in kinds:
            kinds.append(t.starts_on[0])
    return kinds
