"""Benchmark the command line's start: ``slacalc --help`` against Python's own start.

Run as ``python benchmarks/bench_startup.py [RUNS]`` (default 15). In one run, each case
starts a fresh interpreter RUNS times, interleaved, and the median wall time is reported,
with its ratio to ``python -c pass`` (the floor no command can go under):

1. ``python -c pass``;
2. ``python -m slacalc --help`` (the goal: under 0.3 s; it imports the parser only);
3. ``python -m slacalc check --help``;
4. ``python -c "import slacalc"`` (lazy: the public names load on first use);
5. ``python -c "import slacalc; slacalc.Calendar"``: the whole library, pydantic and
   holidays included: what ``--help`` cost before the commands were imported lazily.

Figures: docs/performance.md. This is a report, not a test.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
CASES = {
    "python -c pass": ["-c", "pass"],
    "slacalc --help": ["-m", "slacalc", "--help"],
    "slacalc check --help": ["-m", "slacalc", "check", "--help"],
    "import slacalc": ["-c", "import slacalc"],
    "import slacalc; slacalc.Calendar": ["-c", "import slacalc; slacalc.Calendar"],
}


def main() -> None:
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(RUNS):
        for name, argv in CASES.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, *argv], check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    floor = statistics.median(times["python -c pass"])
    print(f"{RUNS} runs each, interleaved; median wall time")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"  {name:34} {median * 1000:7.1f} ms  {median / floor:5.1f}x python -c pass")


if __name__ == "__main__":
    main()
