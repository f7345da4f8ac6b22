"""Benchmark ``slacalc check`` on a big file: time and peak memory, streaming and not.

Run as ``python benchmarks/bench_import.py [ROWS] [--baseline TREE]`` (default 1,000,000
rows; ``--quick``: 100,000). It writes, in a temporary directory, a ticket file of ROWS
tickets (slacalc's columns, sorted by id, a response and a resolution each), an events
file with a pause and its resume for every third ticket, and the same tickets as a
Zendesk-style export with a status history, and runs, each in a fresh process under
``/usr/bin/time -v`` (peak RSS) with ``--format csv`` to ``/dev/null``:

1. ``tickets``: the ticket file alone: it streams, 20,000 rows at a time through the
   columnar reader (pandas installed), and again with the columnar path off (the row
   path: 1,000 rows at a time); ``evaluate_many`` runs on the first 100,000 of the same
   tickets in this process, for the ratio per ticket;
2. ``tickets + events, vioms``: the same with the events file (held by ticket), columnar;
3. ``tickets + events`` on intramed/online with ``--priority`` mappings (the row path);
4. ``export + history`` (``--from`` a profile file, ``--history``): the history is held,
   the export streams (the row path).

``--only TEXT`` runs the cases whose label holds TEXT. ``--baseline TREE`` also runs case 1
with the slacalc of another checkout (its ``src`` on ``PYTHONPATH``), e.g. a ``git
worktree`` of the commit before streaming, for a ratio measured in the same run. Figures:
docs/performance.md. This is a report, not a test.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

QUICK = "--quick" in sys.argv
ARGS = [
    a for n, a in enumerate(sys.argv[1:], 1)
    if not a.startswith("--") and sys.argv[n - 1] not in ("--baseline", "--only")
]  # fmt: skip
ROWS = int(ARGS[0]) if ARGS else (100_000 if QUICK else 1_000_000)
BASELINE = sys.argv[sys.argv.index("--baseline") + 1] if "--baseline" in sys.argv else None
ONLY = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
AT = "2026-12-31T00:00+01:00"
CET = timezone(timedelta(hours=1))


def write_files(folder: Path, rows: int) -> None:
    rng = random.Random(2026)
    base = datetime(2026, 1, 5, 8, tzinfo=CET)
    profile = {
        "id": "bench",
        "columns": {"id": "Id", "priority": "Priority", "opened_at": "Created at",
                    "resolved_at": "Solved at"},
        "time_formats": ["%Y-%m-%d %H:%M:%S"],
        "statuses": {"paused": ["Pending"], "resolved": ["Solved"]},
        "history": {"ticket": "Ticket id", "at": "Update timestamp", "status": "Status"},
    }  # fmt: skip
    (folder / "profile.json").write_text(json.dumps(profile), encoding="utf-8")
    with (
        open(folder / "tickets.csv", "w", encoding="utf-8") as tickets,
        open(folder / "events.csv", "w", encoding="utf-8") as events,
        open(folder / "export.csv", "w", encoding="utf-8") as export,
        open(folder / "history.csv", "w", encoding="utf-8") as history,
    ):
        tickets.write("id,priority,opened_at,responded_at,resolved_at\n")
        events.write("ticket,at,kind\n")
        export.write("Id,Priority,Requester,Created at,Solved at\n")
        history.write("Ticket id,Update timestamp,Status\n")
        for n in range(rows):
            opened = base + timedelta(minutes=rng.randrange(60 * 24 * 330))
            responded = opened + timedelta(minutes=rng.randrange(1, 600))
            paused = responded + timedelta(minutes=5)
            resumed = paused + timedelta(minutes=rng.randrange(1, 900))
            resolved = resumed + timedelta(minutes=rng.randrange(1, 3000))
            tid = f"T-{n:07d}"
            tickets.write(
                f"{tid},P{rng.randrange(1, 5)},{opened.isoformat()},{responded.isoformat()},"
                f"{resolved.isoformat()}\n"
            )
            export.write(f"{tid},Normal,customer{n}@example.com,{opened:%Y-%m-%d %H:%M:%S},"
                         f"{resolved:%Y-%m-%d %H:%M:%S}\n")  # fmt: skip
            history.write(f"{tid},{opened:%Y-%m-%d %H:%M:%S},Open\n")
            if n % 3 == 0:
                events.write(
                    f"{tid},{paused.isoformat()},paused\n{tid},{resumed.isoformat()},resumed\n"
                )
                history.write(f"{tid},{paused:%Y-%m-%d %H:%M:%S},Pending\n")
                history.write(f"{tid},{resumed:%Y-%m-%d %H:%M:%S},Open\n")
            history.write(f"{tid},{resolved:%Y-%m-%d %H:%M:%S},Solved\n")


ROW_PATH = (
    "import sys; from slacalc.cli import _check_columnar, main; "
    "_check_columnar.available = lambda: False; sys.exit(main(sys.argv[1:]))"
)


def run(
    argv: list[str], pythonpath: str | None = None, row_path: bool = False
) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``python -m slacalc ARGV`` in a fresh process
    (``row_path``: with the columnar path switched off)."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    command = ["-c", ROW_PATH] if row_path else ["-m", "slacalc"]
    done = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, *command, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if wall is None or rss is None or done.returncode not in (0, 1):
        raise SystemExit(f"slacalc {' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    hours, minutes, secs = (float(g) if g else 0.0 for g in wall.groups())
    return hours * 3600 + minutes * 60 + secs, int(rss.group(1)) / 1024


SAMPLE = 100_000


def evaluate_many_rate(path: Path) -> float:
    """Tickets a second of ``evaluate_many`` over the first SAMPLE tickets of the file, as
    ``Ticket`` objects built beforehand (not timed)."""
    import time

    from slacalc import Event, Ticket, contracts, evaluate_many

    tickets = []
    with open(path, encoding="utf-8") as lines:
        next(lines)
        for line, _ in zip(lines, range(SAMPLE), strict=False):
            tid, priority, opened, responded, resolved = line.rstrip("\n").split(",")
            events = [Event(at=datetime.fromisoformat(responded), kind="responded"),
                      Event(at=datetime.fromisoformat(resolved), kind="resolved")]  # fmt: skip
            tickets.append(
                Ticket(id=tid, priority=priority, opened_at=datetime.fromisoformat(opened),
                       events=events)
            )  # fmt: skip
    contract = contracts.get("vioms/advanced")
    at = datetime.fromisoformat(AT)
    evaluate_many(contract, tickets[:100], at=at)  # compile the calendar
    began = time.perf_counter()
    evaluate_many(contract, tickets, at=at)
    return len(tickets) / (time.perf_counter() - began)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_files(folder, ROWS)
        common = ["--at", AT, "--format", "csv"]
        cases = {
            "tickets (streams)": ["check", "vioms/advanced", str(folder / "tickets.csv"), *common],
            "tickets + events, vioms": [
                "check", "vioms/advanced", str(folder / "tickets.csv"), "--events",
                str(folder / "events.csv"), *common,
            ],
            "tickets + events (events held)": [
                "check", "intramed/online", str(folder / "tickets.csv"), "--events",
                str(folder / "events.csv"), "--priority", "P1=level-1", "--priority",
                "P2=level-2", "--priority", "P3=level-3", "--priority", "P4=level-3", *common,
            ],
            "export + history (history held)": [
                "check", "intramed/online", str(folder / "export.csv"), "--from",
                str(folder / "profile.json"),
                "--history", str(folder / "history.csv"), "--tz", "Europe/Amsterdam",
                "--priority", "Normal=level-2", *common,
            ],
        }  # fmt: skip
        print(f"slacalc check over {ROWS:,} tickets (python {sys.version.split()[0]})")
        results: dict[str, tuple[float, float]] = {}
        for label, argv in cases.items():
            if ONLY not in label:
                continue
            results[label] = run(argv)
            wall, rss = results[label]
            print(f"  {label:34} {wall:7.1f} s  {ROWS / wall:8,.0f} tickets/s  peak {rss:7.1f} MiB")
        if "tickets (streams)" in results:  # the same run: row path, and evaluate_many
            wall, rss = run(cases["tickets (streams)"], row_path=True)
            new_wall, _ = results["tickets (streams)"]
            print(
                f"  tickets, columnar path off         {wall:7.1f} s  {ROWS / wall:8,.0f} "
                f"tickets/s  peak {rss:7.1f} MiB  ({wall / new_wall:.1f}x the columnar)"
            )
            rate = evaluate_many_rate(folder / "tickets.csv")
            print(
                f"  evaluate_many on {SAMPLE:,} of them   {rate:8,.0f} tickets/s "
                f"(in this process; check is {ROWS / new_wall / rate:.1f}x per ticket, "
                "goal >= 5x)"
            )
        if BASELINE is not None:
            wall, rss = run(cases["tickets (streams)"], str(Path(BASELINE) / "src"))
            new_wall, new_rss = results["tickets (streams)"]
            print(f"  baseline {BASELINE}: tickets {wall:.1f} s, peak {rss:.1f} MiB")
            ratio = f"time {wall / new_wall:.2f}x, peak memory {rss / new_rss:.1f}x"
            print(f"  ratio baseline/now: {ratio}")


if __name__ == "__main__":
    main()
