"""``slacalc check``'s table: one line per ticket and target, fitted to the terminal.

Columns: ticket, contract (when the file names more than one, or ``--wide``), priority,
metric, status, ``due`` (its short wall time in the target calendar's zone), remaining
(open time left of a running or paused target; ``over`` for a breached one: open time
past its target), elapsed (dropped first when the width is short) and, with ``--wide``,
``breach_at``. Breached rows are red and at-risk rows (running or paused, a quarter of
the target or less left) yellow, on a terminal only (:func:`slacalc.cli._table.colour_wanted`).
csv and json carry the full ISO 8601 instants instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, TextIO

from slacalc._clock.report import Status
from slacalc._io.text import hours, short_instant, short_iso
from slacalc.cli._table import (
    AT_RISK,
    BREACHED,
    Column,
    colour_wanted,
    paint,
    problems,
    render,
    width_of,
)

__all__ = ["print_check_table", "remaining_text"]

_RUNNING = (Status.RUNNING.value, Status.PAUSED.value)


def remaining_text(status: str, remaining: float | None) -> str:
    """What the ``remaining`` column says.

    >>> remaining_text("running", 4800), remaining_text("breached", -7800)
    ('1h20m', '2h10m over')
    >>> remaining_text("met", 600)
    ''
    """
    if remaining is None:
        return ""
    if status in _RUNNING:
        return hours(timedelta(seconds=max(remaining, 0)))
    if status == Status.BREACHED.value:
        return hours(timedelta(seconds=-min(remaining, 0))) + " over"
    return ""


def _colour(record: dict[str, Any]) -> str | None:
    if record["status"] == Status.BREACHED.value:
        return BREACHED
    left = record.get("remaining_seconds")
    if record["status"] in _RUNNING and left is not None:
        target = left + record["elapsed_seconds"]
        return AT_RISK if left * 4 <= target else None
    return None


def _instant(text: str | None, year: int) -> str:
    return "-" if text is None else short_instant(datetime.fromisoformat(text), year)


def print_check_table(
    records: Sequence[dict[str, Any]],
    out: TextIO,
    path: str,
    at: datetime,
    *,
    with_contract: bool,
    wide: bool = False,
) -> None:
    """Print ``check``'s records: a line per ticket (id, contract when the file names
    them, priority), under it a line per target; then the bad rows and the summary."""
    results = [r for r in records if "error" not in r]
    bad = [r for r in records if "error" in r]
    width = width_of(out, wide)
    if results:
        _print_results(results, out, at, width, with_contract=with_contract, wide=wide)
    if bad:
        print(f"\nbad rows in {path}:", file=out)
        problems([[f"line {r['line']}", r["ticket"] or "-", r["error"]] for r in bad], out, width)
    tickets = len({r["ticket"] for r in results})
    breached = sum(r["status"] == Status.BREACHED.value for r in results)
    print(
        f"\n{_count(tickets, 'ticket')} as of {short_iso(at)}: "
        f"{_count(breached, 'target')} breached, {_count(len(bad), 'bad row')}",
        file=out,
    )


def _print_results(
    results: Sequence[dict[str, Any]],
    out: TextIO,
    at: datetime,
    width: int | None,
    *,
    with_contract: bool,
    wide: bool,
) -> None:
    starts = [
        n for n, r in enumerate(results)
        if not n or (r["ticket"], r.get("contract")) != (results[n - 1]["ticket"],
                                                          results[n - 1].get("contract"))
    ]  # fmt: skip
    heads = [results[n] for n in starts]
    tickets = [Column("ticket", [r["ticket"] for r in heads], shrink=True)]
    if with_contract:
        tickets.append(Column("contract", [r["contract"] for r in heads], shrink=True))
    tickets.append(Column("priority", [r["priority"] for r in heads], shrink=True))
    year = at.year
    targets = [
        Column("  metric", ["  " + r["metric"] for r in results]),
        Column("status", [r["status"] for r in results]),
        Column("due", [_instant(r["due_at"], year) for r in results]),
        Column("remaining", [remaining_text(r["status"], r["remaining_seconds"]) for r in results]),
        Column("elapsed", [hours(timedelta(seconds=r["elapsed_seconds"])) for r in results],
               drop=1, right=True),
    ]  # fmt: skip
    if wide:
        targets.append(Column("breach_at", [_instant(r["breach_at"], year) for r in results]))
    ticket_lines, target_lines = render(tickets, width), render(targets, width)
    colours = [_colour(r) for r in results] if colour_wanted(out) else [None] * len(results)
    print(ticket_lines[0], file=out)
    print(target_lines[0], file=out)
    group = 0
    for n, line in enumerate(target_lines[1:]):
        if group < len(starts) and starts[group] == n:
            group += 1
            print(ticket_lines[group], file=out)
        print(paint(line, colours[n]), file=out)


def _count(n: int, noun: str) -> str:
    """``1 ticket``, ``2 tickets``, ``0 tickets``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
