"""``slacalc availability``: uptime and interruptions for a month from outages."""

from __future__ import annotations

import argparse
import csv
import json
import re
from datetime import datetime, timedelta
from typing import Any, TextIO

from slacalc._base.errors import NaiveDatetimeError
from slacalc._io.columns import OUTAGE_COLUMNS, PROBE_COLUMNS
from slacalc._io.files import read_records
from slacalc._io.records import cell_text, parse_instant
from slacalc._io.text import hours, seconds
from slacalc._reports.availability import availability
from slacalc._reports.outages import Outage
from slacalc.cli._common import month_period, operands, resolve_contract
from slacalc.cli._errors import UsageError
from slacalc.cli._table import problems, table, width_of

__all__ = ["AVAILABILITY_FIELDS", "OUTAGE_COLUMNS", "cmd_availability"]


_TRUE = ("true", "yes", "y", "1", "planned")
_FALSE = ("", "false", "no", "n", "0", "unplanned")
#: Columns of ``availability --format csv``: one row per availability target, one row
#: ``interruptions`` (count, maximum, met) and one row per bad outage row (line, error).
#: With ``--at``, measured and downtime seconds stop at ``--at``; allowed downtime is the
#: whole month's; ``burn_rate`` is ``inf`` with downtime when nothing was allowed.
AVAILABILITY_FIELDS = (
    "target",
    "calendar",
    "minimum",
    "uptime",
    "measured_seconds",
    "downtime_seconds",
    "allowed_downtime_seconds",
    "downtime_left_seconds",
    "burn_rate",
    "interruptions",
    "maximum",
    "met",
    "line",
    "error",
)


def _read_outages(path: str, at: datetime | None) -> tuple[list[Outage], list[dict[str, Any]]]:
    outages: list[Outage] = []
    bad: list[dict[str, Any]] = []
    for line, record in read_records(path, "outage file", OUTAGE_COLUMNS, OUTAGE_COLUMNS[:2]):
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
            end: datetime | None = None
            if cell_text(record, "end"):
                end = parse_instant(cell_text(record, "end"), "end")
                if end <= start:
                    raise ValueError("end is not after start")
            elif at is None:
                raise ValueError(
                    "end is empty: an outage still open needs --at TIME (until when), or "
                    "give its end"
                )
            elif at <= start:
                raise ValueError(
                    f"end is empty and start is not before --at {at.isoformat()}: an outage "
                    "still open starts before --at"
                )
            outages.append(
                Outage(
                    start=start, end=end, planned=planned, cause=cell_text(record, "cause") or None
                )
            )
        except ValueError as error:
            bad.append({"line": line, "error": str(error)})
    return outages, bad


_UP = ("true", "yes", "y", "1", "up", "ok")
_DOWN = ("false", "no", "n", "0", "down", "failed")
_INTERVAL = re.compile(r"(\d+)\s*(s|m|min|h)")


def _interval(text: str) -> timedelta:
    """``--probes 5m``: the probes' interval (``30s``, ``5m``, ``1h``)."""
    found = _INTERVAL.fullmatch(text.strip().lower())
    if found is None or int(found[1]) == 0:
        raise UsageError(
            f"slacalc availability: --probes {text!r} is not an interval: write e.g. 5m, 30s or 1h"
        )
    unit = {"s": "seconds", "m": "minutes", "min": "minutes", "h": "hours"}[found[2]]
    try:
        return timedelta(**{unit: int(found[1])})
    except OverflowError:
        raise UsageError(
            f"slacalc availability: --probes {text!r} is too long an interval: write e.g. 5m"
        ) from None


def _read_probes(
    path: str, interval: timedelta
) -> tuple[list[Outage], list[tuple[datetime, datetime]], list[dict[str, Any]]]:
    """Outages from a file of ``time, up`` probe samples (``Outage.from_probes``), the
    unknown stretches between samples, and the bad rows."""
    samples: list[tuple[datetime, bool]] = []
    bad: list[dict[str, Any]] = []
    for line, record in read_records(path, "probe file", PROBE_COLUMNS, PROBE_COLUMNS):
        try:
            if isinstance(record, str):
                raise ValueError(record)
            up_value = record.get("up")
            state = up_value if isinstance(up_value, bool) else cell_text(record, "up").lower()
            if state not in (True, False, *_UP, *_DOWN):
                raise ValueError(f"up {cell_text(record, 'up')!r} is not up/down or true/false")
            up = state is True or state in _UP
            samples.append((parse_instant(cell_text(record, "time"), "time"), up))
        except ValueError as error:
            bad.append({"line": line, "error": str(error)})
    found = Outage.from_probes(samples, interval=interval) if samples else None
    return (list(found), list(found.unknown), bad) if found is not None else ([], [], bad)


def _signed(value: timedelta) -> str:
    """``hours`` of a duration that may be negative (downtime left once overspent)."""
    return f"-{hours(-value)}" if value < timedelta(0) else hours(value)


def _rate(value: float) -> str:
    return "inf" if value == float("inf") else f"{value:.2f}"


def cmd_availability(args: argparse.Namespace, out: TextIO) -> int:
    names = ["PROBES" if args.probes else "OUTAGES"]
    contract_id, (path,) = operands(args, names, "availability")
    c = resolve_contract(contract_id, args.contract_file)
    if not c.availability:
        raise UsageError(f"slacalc availability: contract {c.id} has no availability targets")
    start, end = month_period(args.month, c.zone, "availability")
    at: datetime | None = None
    if args.at is not None:
        try:
            at = parse_instant(args.at, "--at").astimezone(c.zone)
        except NaiveDatetimeError:
            raise UsageError(
                f"slacalc availability: --at {args.at!r} has no UTC offset: write it with its "
                "offset, e.g. 2026-11-20T12:00+01:00"
            ) from None
        except ValueError as error:
            raise UsageError(f"slacalc availability: {error}") from None
    unknown: list[tuple[datetime, datetime]] = []
    if args.probes:
        outages, unknown, bad = _read_probes(path, _interval(args.probes))
    else:
        outages, bad = _read_outages(path, at)
    report = availability(c, outages, start, end, at=at)
    records: list[dict[str, Any]] = [
        {
            "target": w.name,
            "calendar": w.calendar,
            "minimum": w.minimum,
            "uptime": w.uptime,
            "measured_seconds": seconds(w.measured),
            "downtime_seconds": seconds(w.downtime),
            "allowed_downtime_seconds": seconds(w.allowed_downtime),
            "downtime_left_seconds": seconds(w.downtime_left),
            "burn_rate": w.burn_rate,
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
            if record.get("burn_rate") == float("inf"):  # JSON has no infinity
                record = {**record, "burn_rate": "inf"}
            print(json.dumps(record, ensure_ascii=False), file=out)
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=AVAILABILITY_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows([*records, interruptions, *bad])
    else:
        width = width_of(out, args.wide)
        print(f"{c.id} availability {args.month}", file=out)
        print(f"  ({start.isoformat()} to {end.isoformat()})", file=out)
        if at is not None:
            print(f"  measured up to {at.isoformat()}; allowed: the whole month's", file=out)
        rows = [["target", "minimum", "uptime", "measured", "downtime", "allowed", "met"]]
        budget = [["target", "allowed", "left", "burn rate"]]
        for r in records:
            rows.append(
                [
                    r["target"],
                    f"{r['minimum']:.2%}",
                    f"{r['uptime']:.3%}",
                    hours(timedelta(seconds=r["measured_seconds"])),
                    hours(timedelta(seconds=r["downtime_seconds"])),
                    hours(timedelta(seconds=r["allowed_downtime_seconds"])),
                    "yes" if r["met"] else "NO",
                ]
            )
            budget.append(
                [
                    r["target"],
                    hours(timedelta(seconds=r["allowed_downtime_seconds"])),
                    _signed(timedelta(seconds=r["downtime_left_seconds"])),
                    _rate(r["burn_rate"]),
                ]
            )
        table(rows, out, width, shrink={0})
        print("error budget (burn rate 1.00 = on budget):", file=out)
        table(budget, out, width, shrink={0})
        most = f" (at most {limit.maximum})" if limit is not None else ""
        print(f"unplanned interruptions: {report.interruptions}{most}", file=out)
        if args.probes:
            gaps = [(max(a, start), min(b, end)) for a, b in unknown if a < end and b > start]
            lost = sum((b - a for a, b in gaps), timedelta(0))
            print(f"probe gaps (unknown, not downtime): {len(gaps)}, {hours(lost)}", file=out)
        if bad:
            print(f"\nbad rows in {path}:", file=out)
            problems([[f"line {b['line']}", b["error"]] for b in bad], out, width)
    return 0 if report.met and not bad else 1
