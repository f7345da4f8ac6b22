"""Benchmark slacalc's business-time engine against pandas and businesstimedelta.

Run as ``python benchmarks/bench_engine.py`` (``--profile`` adds a breakdown of where
slacalc's ``add`` spends its time, from cProfile and from timing each step on its own;
``--quick`` uses fewer inputs and rounds, for a smoke test). Takes about 20-30 s.

All contenders run in ONE process on the same calendar -- Monday to Friday 09:00-17:00
in Europe/Amsterdam, closed on Dutch public holidays -- and on the same seeded random
inputs. Machines are shared and noisy, so the script reports RATIOS of per-operation
costs measured in interleaved rounds (slacalc, then the peer, then slacalc again, ...),
timeit-style: each round runs a whole pass over the inputs enough times to last at least
``MIN_ROUND_S``, with the garbage collector off (as ``timeit`` does), and the cost of the
bare ``for a, b in items`` loop is subtracted. The headline ratio is the ratio of the
per-contender minima over the rounds; the spread of the per-round ratios is printed too.

Targets (a report, not a test: the exit status is 0 even when a target FAILs):

1. slacalc ``cal.add(t, timedelta(hours=h))`` costs at most 3x a bare
   ``datetime.fromtimestamp(t.timestamp() + x, tz)`` round trip.
2. ``add`` is at least 50x faster than pandas ``CustomBusinessHour`` and at least 150x
   faster than businesstimedelta.
3. ``between`` over spans up to 40 days is at least 500x faster than businesstimedelta's
   ``Rules.difference``.
4. ``add`` of 20,000 hours costs at most 1.5x ``add`` of 1 hour.

Every peer result on the timed inputs is also checked against slacalc's answer; any
mismatch is reported.
"""

from __future__ import annotations

import cProfile
import gc
import io
import operator
import platform
import pstats
import random
import statistics
import sys
import time
import timeit
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock
from importlib.metadata import version
from typing import Any
from zoneinfo import ZoneInfo

import businesstimedelta as btd
import holidays as holidays_package
import pandas as pd
import pytz
from _timing import (
    MIN_ROUND_S,
    QUICK,
    ROUNDS,
    Contender,
    Pairs,
    call_loop,
    fmt_time,
    loop_overhead,
    measure,
    passes_for,
    round_ratios,
)

from slacalc import Calendar, Holidays

SEED = 20_260_523
TZ_NAME = "Europe/Amsterdam"
AMS = ZoneInfo(TZ_NAME)
# Random start instants are drawn uniformly (whole seconds) from these local years.
INPUT_YEARS = (2024, 2028)
# The peers get the holiday dates of these years: wide enough for every input plus 40 h
# or 40 days, and businesstimedelta's HolidayRule needs a later holiday to exist (it
# searches up to five years ahead and crashes when it finds none).
PEER_HOLIDAY_YEARS = range(2023, 2032)
MAX_HOURS = 40
MAX_SPAN_DAYS = 40
FAR_HOURS = 20_000

PROFILE = "--profile" in sys.argv
N_FAST = 2_000 if QUICK else 10_000  # inputs for slacalc-only measurements
N_PANDAS = 150 if QUICK else 400
N_BTD_ADD = 100 if QUICK else 300
N_BTD_BETWEEN = 40 if QUICK else 80


# -- inputs ----------------------------------------------------------------------------
def random_instants(rng: random.Random, n: int) -> list[datetime]:
    """Aware Amsterdam datetimes, uniform in real time over INPUT_YEARS, whole seconds.

    Built from epoch seconds, so an instant in the repeated autumn hour carries the
    right ``fold`` and no instant lies in the spring gap. Nights, weekends and holidays
    are all included (a start outside the windows counts from the next opening).
    """
    lo = int(datetime(INPUT_YEARS[0], 1, 1, tzinfo=AMS).timestamp())
    hi = int(datetime(INPUT_YEARS[1] + 1, 1, 1, tzinfo=AMS).timestamp())
    return [datetime.fromtimestamp(rng.randrange(lo, hi), AMS) for _ in range(n)]


def utc(t: datetime) -> datetime:
    """Compare instants in UTC: two datetimes sharing a ZoneInfo compare by wall clock."""
    return t.astimezone(timezone.utc)


def wall_is_unique(t: datetime) -> bool:
    """Whether ``t``'s naive wall time names exactly one instant (no fold, no gap)."""
    other = t.replace(fold=1 - t.fold)
    return other.utcoffset() == t.utcoffset()


# -- timing ----------------------------------------------------------------------------
def baseline_loop(items: Pairs, tz: ZoneInfo) -> Callable[[], None]:
    """The bare round trip of target 1, inlined (no extra call frame to flatter it)."""
    fromtimestamp = datetime.fromtimestamp

    def run() -> None:
        for t, x in items:
            fromtimestamp(t.timestamp() + x, tz)

    return run


def show(*contenders: Contender) -> None:
    for c in contenders:
        assert c.per_op
        print(
            f"    {c.name:<48} min {fmt_time(c.best)}/op   median {fmt_time(c.median)}/op"
            f"   (n={c.n}, {c.number} passes x {len(c.per_op)} rounds)"
        )


# -- results ---------------------------------------------------------------------------
@dataclass
class Result:
    target: str
    measured: float
    threshold: float
    kind: str  # "max" (measured must be <= threshold) or "min" (>=)
    spread: tuple[float, float]
    median: float

    @property
    def passed(self) -> bool:
        if self.kind == "max":
            return self.measured <= self.threshold
        return self.measured >= self.threshold


RESULTS: list[Result] = []
NOTES: list[str] = []


def report(
    target: str, num: Contender, den: Contender, threshold: float, kind: str, label: str
) -> Result:
    ratios = round_ratios(num, den)
    result = Result(
        target,
        num.best / den.best,
        threshold,
        kind,
        (min(ratios), max(ratios)),
        statistics.median(ratios),
    )
    RESULTS.append(result)
    op = "<=" if kind == "max" else ">="
    verdict = "PASS" if result.passed else "FAIL"
    print(
        f"  -> {label}: {result.measured:.2f}x (target {op} {threshold:g}x; per-round "
        f"{result.spread[0]:.2f}..{result.spread[1]:.2f}, median {result.median:.2f})  {verdict}"
    )
    return result


def same(a: datetime | timedelta, b: datetime | timedelta) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return utc(a) == utc(b)
    return a == b


def text(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def check_agreement(
    what: str,
    inputs: Sequence[Any],
    ours: Sequence[Any],
    theirs: Sequence[Any],
    equivalent: Callable[[Any, Any], bool] | None = None,
    convention: str = "",
) -> None:
    """Count exact agreements, agreements up to a documented convention, and mismatches."""
    exact = conv = 0
    bad = []
    for x, a, b in zip(inputs, ours, theirs, strict=True):
        if same(a, b):
            exact += 1
        elif equivalent is not None and equivalent(a, b):
            conv += 1
        else:
            bad.append((x, a, b))
    line = f"  agreement slacalc vs {what}: {exact}/{len(inputs)} identical"
    if equivalent is not None:
        line += f", {conv} equivalent ({convention})"
    print(line + f", {len(bad)} mismatches")
    for x, a, b in bad[:5]:
        print(f"    MISMATCH input {x}: slacalc {text(a)}, {what} {text(b)}")
    if bad:
        NOTES.append(f"{what}: {len(bad)}/{len(inputs)} results disagree with slacalc")
    if conv:
        NOTES.append(f"{what}: {conv}/{len(inputs)} results differ only by {convention}")


# -- the contenders --------------------------------------------------------------------
def peer_holiday_dates() -> list[date]:
    found = holidays_package.country_holidays(
        "NL", years=PEER_HOLIDAY_YEARS, categories=("public",)
    )
    return sorted(found)


def main() -> int:
    warnings.simplefilter("ignore", category=pd.errors.PerformanceWarning)
    print("slacalc engine benchmark")
    print(
        f"  python {platform.python_version()} on {platform.machine()}; slacalc "
        f"{version('slacalc')}, pandas {pd.__version__}, businesstimedelta "
        f"{version('businesstimedelta')}, holidays {version('holidays')}"
    )
    print(
        f"  seed {SEED}; inputs uniform over {INPUT_YEARS[0]}-{INPUT_YEARS[1]} local time; "
        f"{ROUNDS} interleaved rounds of >= {MIN_ROUND_S:g} s each; bare-loop cost subtracted"
    )
    started = time.perf_counter()
    rng = random.Random(SEED)

    # The same calendar three ways.
    spec = Holidays(country="NL")  # categories=("public",)
    cal = Calendar.weekdays("09:00", "17:00", tz=TZ_NAME, holidays=spec)
    # Lazy compilation: the first call compiles the timeline for the UTC years around
    # it. Report that one-off cost, then warm up every year the timed inputs touch, so
    # that the timings below measure the steady state only.
    first = datetime(2026, 6, 1, 12, tzinfo=AMS)
    t0 = time.perf_counter()
    cal.add(first, timedelta(hours=1))
    compile_s = time.perf_counter() - t0
    print(f"  first slacalc call (compiles ~3 years, loads holidays): {fmt_time(compile_s)}")

    hol_dates = peer_holiday_dates()
    slacalc_days = sorted(d for y in PEER_HOLIDAY_YEARS for d in spec.dates(y))
    agree = hol_dates == slacalc_days
    same_days = "identical to slacalc's" if agree else "DIFFERENT from slacalc's"
    if not agree:
        NOTES.append("slacalc's Holidays(country='NL') and the holidays package differ")
    print(
        f"  calendar: Mon-Fri 09:00-17:00 {TZ_NAME}; peers get {len(hol_dates)} NL public "
        f"holidays {PEER_HOLIDAY_YEARS.start}-{PEER_HOLIDAY_YEARS.stop - 1} ({same_days})"
    )
    cbh = pd.offsets.CustomBusinessHour(start="09:00", end="17:00", holidays=hol_dates)
    ptz = pytz.timezone(TZ_NAME)
    rules = btd.Rules(
        [
            btd.WorkDayRule(
                start_time=clock(9), end_time=clock(17), working_days=[0, 1, 2, 3, 4], tz=ptz
            ),
            # A frozenset makes its day-by-day `date in holidays` test O(1): the peer's
            # best case (a list would be scanned linearly).
            btd.HolidayRule(frozenset(hol_dates), tz=ptz),
        ],
        tz=ptz,
    )

    starts = random_instants(rng, N_FAST)
    hours = [rng.randint(1, MAX_HOURS) for _ in range(N_FAST)]
    spans = [rng.randrange(0, MAX_SPAN_DAYS * 86_400 + 1) for _ in range(N_FAST)]
    add_items = [(t, timedelta(hours=h)) for t, h in zip(starts, hours, strict=True)]
    # b is a + s in real time (aware `+ timedelta` would step the wall clock instead).
    between_items = [
        (t, datetime.fromtimestamp(t.timestamp() + s, AMS))
        for t, s in zip(starts, spans, strict=True)
    ]
    far = timedelta(hours=FAR_HOURS)

    t0 = time.perf_counter()
    for t, d in add_items:
        cal.add(t, d)
        cal.add(t, far)
    for a, b in between_items:
        cal.between(a, b)
    print(f"  warm-up (every input once, incl. +{FAR_HOURS} h): {time.perf_counter() - t0:.2f} s")
    add = cal.add
    between = cal.between

    # 1. slacalc add vs a bare fromtimestamp round trip ------------------------------
    print(
        f"\n[1] add(t, timedelta(hours=h)), h in 1..{MAX_HOURS}, vs bare fromtimestamp round trip"
    )
    base_items = [(t, h * 3600.0) for t, h in zip(starts, hours, strict=True)]
    overhead = loop_overhead(add_items)
    sla = Contender("slacalc cal.add(t, timedelta(hours=h))", call_loop(add, add_items), N_FAST)
    base = Contender(
        "datetime.fromtimestamp(t.timestamp() + x, tz)", baseline_loop(base_items, AMS), N_FAST
    )
    sla.overhead = base.overhead = overhead
    measure([sla, base])
    show(sla, base)
    print(f"    (bare loop overhead subtracted: {fmt_time(overhead / N_FAST)}/op)")
    report("1. add <= 3x fromtimestamp round trip", sla, base, 3.0, "max", "slacalc / baseline")

    # 2a. add vs pandas CustomBusinessHour ---------------------------------------------
    print(f"\n[2a] add vs pandas CustomBusinessHour (n = h in 1..{MAX_HOURS})")
    # pandas offsets work on naive wall-clock Timestamps. Open windows (09:00-17:00 on
    # weekdays) never contain a DST change, so naive wall-clock business hours equal
    # real elapsed open time; only a start whose wall time is ambiguous or missing (the
    # night of a DST change) has no meaningful naive equivalent, so those are left out.
    sample: list[tuple[datetime, int]] = []
    skipped = 0
    for t, h in zip(starts, hours, strict=True):
        if len(sample) == N_PANDAS:
            break
        if wall_is_unique(t):
            sample.append((t, h))
        else:
            skipped += 1
    # pandas' best case: one offset object per n, built up front (constructing a
    # CustomBusinessHour with holidays costs ~10x the addition itself), and Timestamp
    # inputs. Vectorised DatetimeIndex + offset is elementwise in pandas and slower.
    offsets = {h: cbh * h for h in range(1, MAX_HOURS + 1)}
    pd_items = [(pd.Timestamp(t.replace(tzinfo=None)), offsets[h]) for t, h in sample]
    sl_items = [(t, timedelta(hours=h)) for t, h in sample]
    pd_results = [
        (a + o).to_pydatetime().replace(tzinfo=AMS)  # a wall time inside a window: unique
        for a, o in pd_items
    ]

    def close_vs_next_open(ours: datetime, theirs: datetime) -> bool:
        # pandas' convention: a result that lands exactly on a closing (17:00) is rolled
        # to the next opening (Monday 16:00 + 1 h is Tuesday 09:00 in pandas). slacalc
        # returns the closing (SPEC 1 rule 5: the EARLIEST instant). No open time lies
        # between the two. With whole hours this happens when the start is outside the
        # windows (counting then starts at a 09:00), so about 1 input in 10 here.
        return utc(ours) < utc(theirs) and between(ours, theirs) == timedelta(0)

    check_agreement(
        "pandas",
        [(t.isoformat(), h) for t, h in sample],
        [add(*x) for x in sl_items],
        pd_results,
        close_vs_next_open,
        "slacalc's closing instant vs pandas' next opening, zero open time apart",
    )
    print(f"  ({skipped} inputs skipped for pandas: naive wall time in a DST fold or gap)")
    sla = Contender("slacalc cal.add", call_loop(add, sl_items), len(sl_items))
    pdc = Contender(
        "pandas ts + offset (one offset per n, prebuilt)",
        call_loop(operator.add, pd_items),
        len(pd_items),
    )
    # For information only: the literal `ts + h * cbh`, which builds the offset per call.
    pdm = Contender(
        "pandas ts + h * cbh (offset built per call)",
        call_loop(
            lambda ts, h: ts + h * cbh,
            [(a, h) for (a, _), (_, h) in zip(pd_items, sample, strict=True)],
        ),
        len(pd_items),
    )
    sla.overhead = pdc.overhead = pdm.overhead = loop_overhead(sl_items)
    measure([sla, pdc, pdm])
    show(sla, pdc, pdm)
    info = pdm.best / sla.best
    print(f"  (info: slacalc vs pandas building the offset per call: {info:.2f}x faster)")
    NOTES.append(
        f"pandas with `ts + h * cbh` built per call (not the best case): {info:.1f}x; "
        "the verdict uses pandas' best case"
    )
    report("2a. add >= 50x faster than pandas CBH", pdc, sla, 50.0, "min", "pandas / slacalc")

    # 2b. add vs businesstimedelta --------------------------------------------------------
    print("\n[2b] add vs businesstimedelta (t + BusinessTimeDelta(rules, hours=h))")
    # businesstimedelta works on aware datetimes (it converts to the rule's pytz zone),
    # so the same aware inputs are used, DST nights included. Its cost grows with h (it
    # walks the calendar one working period at a time), so this ratio depends on h being
    # uniform in 1..40; slacalc's does not.
    sample = list(zip(starts, hours, strict=True))[:N_BTD_ADD]
    deltas = {h: btd.BusinessTimeDelta(rules, hours=h) for h in range(1, MAX_HOURS + 1)}
    bt_items = [(t, deltas[h]) for t, h in sample]
    sl_items = [(t, timedelta(hours=h)) for t, h in sample]
    check_agreement(
        "businesstimedelta add",
        [(t.isoformat(), h) for t, h in sample],
        [add(*x) for x in sl_items],
        [t + d for t, d in bt_items],
    )
    sla = Contender("slacalc cal.add", call_loop(add, sl_items), len(sl_items))
    btc = Contender(
        "businesstimedelta t + BusinessTimeDelta", call_loop(operator.add, bt_items), len(bt_items)
    )
    sla.overhead = btc.overhead = loop_overhead(sl_items)
    measure([sla, btc])
    show(sla, btc)
    report("2b. add >= 150x faster than businesstimedelta", btc, sla, 150.0, "min", "btd / slacalc")

    # 3. between vs businesstimedelta -----------------------------------------------------
    print(f"\n[3] between(a, b), b - a uniform in 0..{MAX_SPAN_DAYS} days, vs businesstimedelta")
    sample = between_items[:N_BTD_BETWEEN]

    def btd_difference(a: datetime, b: datetime) -> timedelta:
        return rules.difference(a, b).timedelta  # type: ignore[no-any-return]

    check_agreement(
        "businesstimedelta difference",
        [(a.isoformat(), b.isoformat()) for a, b in sample],
        [between(a, b) for a, b in sample],
        [btd_difference(a, b) for a, b in sample],
    )
    sla = Contender("slacalc cal.between", call_loop(between, sample), len(sample))
    btc = Contender(
        "businesstimedelta rules.difference", call_loop(rules.difference, sample), len(sample)
    )
    sla.overhead = btc.overhead = loop_overhead(sample)
    measure([sla, btc])
    show(sla, btc)
    report("3. between >= 500x faster than btd", btc, sla, 500.0, "min", "btd / slacalc")

    # 4. add of 20,000 hours vs add of 1 hour -----------------------------------------------
    print(f"\n[4] add(t, {FAR_HOURS} h) vs add(t, 1 h), same starts")
    one = timedelta(hours=1)
    near_items = [(t, one) for t in starts]
    far_items = [(t, far) for t in starts]
    near = Contender("slacalc cal.add(t, 1 h)", call_loop(add, near_items), N_FAST)
    farc = Contender(f"slacalc cal.add(t, {FAR_HOURS} h)", call_loop(add, far_items), N_FAST)
    near.overhead = farc.overhead = loop_overhead(near_items)
    measure([near, farc])
    show(near, farc)
    report(f"4. add {FAR_HOURS} h <= 1.5x add 1 h", farc, near, 1.5, "max", "far / near")

    if PROFILE:
        profile_add(cal, add_items)

    # Summary -----------------------------------------------------------------------------
    print(
        "\nSummary: ratio = ratio of the per-op minima (the verdict uses it); median and "
        "range of the per-round ratios"
    )
    print(f"  {'target':<46} {'ratio':>9} {'median':>9} {'range':>17} {'goal':>8}  verdict")
    for r in RESULTS:
        goal = ("<= " if r.kind == "max" else ">= ") + f"{r.threshold:g}x"
        spread = f"[{r.spread[0]:.2f}..{r.spread[1]:.2f}]"
        verdict = "PASS" if r.passed else "FAIL"
        print(
            f"  {r.target:<46} {r.measured:8.2f}x {r.median:8.2f}x {spread:>17} {goal:>8}  "
            f"{verdict}"
        )
    for note in NOTES:
        print(f"  note: {note}")
    print(f"  total wall time {time.perf_counter() - started:.1f} s")
    return 0


def profile_add(cal: Calendar, items: Pairs) -> None:
    """Where slacalc's add spends its time: cProfile, then each step timed on its own.

    The step timings reach into slacalc's private helpers (``_engine.instants``, the compiled
    timeline); they are diagnostics for optimising and may break when those change.
    """
    from slacalc._calendar.calendar import timeline_of
    from slacalc._engine.instants import from_us, to_us

    add = cal.add
    print("\n[profile] cProfile of slacalc cal.add over the target-1 inputs, by own time")
    print("  (cProfile adds a fixed cost per Python call, so it overstates call-heavy paths)")
    profiler = cProfile.Profile()
    gc.disable()
    try:
        profiler.runcall(call_loop(add, items))
    finally:
        gc.enable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(14)
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))

    timeline = timeline_of(cal)
    tz = cal.zone
    pairs = [(to_us(t, "t"), d // timedelta(microseconds=1)) for t, d in items]
    ends = [(timeline.add(us, amount), tz) for us, amount in pairs]
    steps = [
        ("whole cal.add(t, d)", call_loop(add, items), items),
        ("to_us(t)  [datetime -> int us]", call_loop(to_us, [(t, "t") for t, _ in items]), items),
        ("Timeline.add(us, amount)  [bisects]", call_loop(timeline.add, pairs), pairs),
        ("from_us(us, tz)  [int us -> datetime]", call_loop(from_us, ends), ends),
        (
            "timeline_of(cal)  [cached lookup]",
            call_loop(lambda _a, _b: timeline_of(cal), items),
            items,
        ),
        ("cal.zone  [property + lru_cache]", call_loop(lambda _a, _b: cal.zone, items), items),
        (
            "empty lambda call  [to correct the two above]",
            call_loop(lambda _a, _b: None, items),
            items,
        ),
        (
            "baseline fromtimestamp(t.timestamp() + x, tz)",
            baseline_loop([(t, d.total_seconds()) for t, d in items], AMS),
            items,
        ),
    ]
    print("  step timings (min of 5 rounds, bare loop subtracted):")
    overhead = loop_overhead(items) / len(items)
    for name, run, its in steps:
        number = passes_for(run, MIN_ROUND_S / 2)
        best = min(timeit.Timer(run).repeat(5, number)) / number / len(its) - overhead
        print(f"    {name:<48} {fmt_time(best)}/op")


if __name__ == "__main__":
    sys.exit(main())
