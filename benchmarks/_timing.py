"""The timing conventions every benchmark here shares.

Each contender runs in many short interleaved rounds of at least ``MIN_ROUND_S`` with the
garbage collector off (as ``timeit`` does); the cost of a bare loop over the same inputs is
subtracted; verdicts use the ratio of per-operation minima. ``--quick`` shortens it all.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

QUICK = "--quick" in sys.argv
# Many short interleaved rounds: the host's speed drifts by up to 2x over seconds, and
# short rounds give every contender a fair share of its fast moments.
MIN_ROUND_S = 0.02 if QUICK else 0.03
ROUNDS = 7 if QUICK else 25

Pairs = Sequence[tuple[Any, Any]]


def call_loop(fn: Callable[[Any, Any], Any], items: Pairs) -> Callable[[], None]:
    def run() -> None:
        for a, b in items:
            fn(a, b)

    return run


def empty_loop(items: Pairs) -> Callable[[], None]:
    def run() -> None:
        for _a, _b in items:
            pass

    return run


def passes_for(run: Callable[[], None], min_s: float) -> int:
    """How many passes make one round last at least ``min_s`` (like timeit.autorange)."""
    number = 1
    while True:
        elapsed = timeit.Timer(run).timeit(number)
        if elapsed >= min_s:
            return number
        number = max(number * 2, int(number * min_s / max(elapsed, 1e-9) * 1.1) + 1)


def loop_overhead(items: Pairs) -> float:
    """Seconds of a bare loop over ``items``, per pass."""
    run = empty_loop(items)
    number = passes_for(run, MIN_ROUND_S / 3)
    return min(timeit.Timer(run).repeat(5, number)) / number


@dataclass
class Contender:
    name: str
    run: Callable[[], None]
    n: int  # operations per pass
    overhead: float = 0.0  # seconds of bare loop per pass
    number: int = 0  # passes per round, set by prepare()
    per_op: list[float] | None = None  # seconds per operation, one per round

    def prepare(self) -> None:
        if not self.number:
            self.number = passes_for(self.run, MIN_ROUND_S)
        self.per_op = []

    def one_round(self) -> None:
        elapsed = timeit.Timer(self.run).timeit(self.number)  # timeit switches gc off
        assert self.per_op is not None
        self.per_op.append(max(elapsed / self.number - self.overhead, 1e-12) / self.n)

    @property
    def best(self) -> float:
        assert self.per_op
        return min(self.per_op)

    @property
    def median(self) -> float:
        assert self.per_op
        return statistics.median(self.per_op)


def measure(contenders: Sequence[Contender], rounds: int = ROUNDS) -> None:
    """Time the contenders in interleaved rounds; fill in ``per_op`` for each."""
    for c in contenders:
        c.prepare()
    for _ in range(rounds):
        for c in contenders:
            c.one_round()


def round_ratios(num: Contender, den: Contender) -> list[float]:
    assert num.per_op
    assert den.per_op
    return [a / b for a, b in zip(num.per_op, den.per_op, strict=True)]


def fmt_time(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:7.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:7.2f} us"
    return f"{seconds * 1e3:7.2f} ms"
