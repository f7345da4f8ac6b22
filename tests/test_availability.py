"""Availability (SPEC section 4): outages, probes, reports per target and per period."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from slacalc import AvailabilityTarget, Calendar, Contract, InterruptionLimit, Priority, contracts
from slacalc._reports.availability import availability, availability_by_period
from slacalc._reports.outages import Outage, ProbeOutages

AMS = ZoneInfo("Europe/Amsterdam")
UTC = timezone.utc
H = timedelta(hours=1)
M = timedelta(minutes=1)


def ams(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def down(a: datetime, b: datetime, planned: bool = False) -> Outage:
    return Outage(start=a, end=b, planned=planned)


def one_target(
    planned: str = "exclude", calendar: str = "24x7", limit: int | None = None
) -> Contract:
    return Contract(
        id="test/avail",
        calendars={"office": Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")},
        priorities=[Priority(id="P1")],
        availability=[
            AvailabilityTarget(name="up", calendar=calendar, minimum=0.99, planned=planned)
        ],
        interruption_limit=None if limit is None else InterruptionLimit(maximum=limit),
    )


INFRA = contracts.get("infravision/cloud")
CONNEXYS = contracts.get("connexys/standard")
REFLEX = contracts.get("reflex/basis")


# -- Outage -----------------------------------------------------------------------------
def test_outage_rejects_naive_times_naming_the_field() -> None:
    with pytest.raises(ValidationError, match="start"):
        Outage(start=datetime(2026, 6, 1, 9), end=ams(2026, 6, 1, 10))
    with pytest.raises(ValidationError, match="end"):
        Outage(start=ams(2026, 6, 1, 9), end=datetime(2026, 6, 1, 10))


@pytest.mark.parametrize("minutes", [0, -5])
def test_outage_end_must_follow_start_and_the_message_names_both(minutes: int) -> None:
    s = ams(2026, 6, 1, 9)
    with pytest.raises(ValidationError) as info:
        Outage(start=s, end=s + timedelta(minutes=minutes))
    text = str(info.value)
    assert s.isoformat() in text
    assert (s + timedelta(minutes=minutes)).isoformat() in text


def test_outage_is_frozen_and_forbids_extra_fields() -> None:
    o = down(ams(2026, 6, 1, 9), ams(2026, 6, 1, 10))
    with pytest.raises(ValidationError):
        o.planned = True  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Outage(start=o.start, end=o.end, severity="high")  # type: ignore[call-arg]


# -- windows ----------------------------------------------------------------------------
def test_outage_ending_exactly_at_the_support_hours_edge() -> None:
    # Monday 1 June 2026; support hours 08:30-17:30.
    r = availability(
        INFRA,
        [down(ams(2026, 6, 1, 17), ams(2026, 6, 1, 17, 30))],
        ams(2026, 6, 1),
        ams(2026, 6, 2),
    )
    assert r.windows["support_hours"].downtime == timedelta(minutes=30)
    assert r.windows["outside_support_hours"].downtime == timedelta(0)
    r = availability(
        INFRA,
        [down(ams(2026, 6, 1, 17, 30), ams(2026, 6, 1, 18))],
        ams(2026, 6, 1),
        ams(2026, 6, 2),
    )
    assert r.windows["support_hours"].downtime == timedelta(0)
    assert r.windows["outside_support_hours"].downtime == timedelta(minutes=30)
    assert r.windows["support_hours"].measured == timedelta(hours=9)
    assert r.windows["outside_support_hours"].measured == timedelta(hours=15)


def test_support_and_outside_partition_the_period() -> None:
    r = availability(INFRA, [], ams(2026, 6, 1), ams(2026, 7, 1))
    total = r.windows["support_hours"].measured + r.windows["outside_support_hours"].measured
    assert total == timedelta(days=30)
    assert r.windows["support_hours"].measured == timedelta(hours=9 * 22)
    assert r.met
    assert r.interruptions == 0


def test_outage_spanning_a_month_end_splits_by_period() -> None:
    o = down(ams(2026, 6, 30, 23), ams(2026, 7, 1, 2))
    reports = availability_by_period(CONNEXYS, [o], ams(2026, 6, 1), ams(2026, 8, 1))
    assert [r.windows["uptime"].downtime for r in reports] == [H, 2 * H]
    assert [r.interruptions for r in reports] == [1, 0]  # belongs to the month it starts in
    assert reports[0].end == reports[1].start == ams(2026, 7, 1)


def test_outage_across_the_dst_change() -> None:
    # 29 March 2026 02:00 CET -> 03:00 CEST: 01:30 to 03:30 local is one hour.
    r = availability(
        CONNEXYS,
        [down(ams(2026, 3, 29, 1, 30), ams(2026, 3, 29, 3, 30))],
        ams(2026, 3, 1),
        ams(2026, 4, 1),
    )
    w = r.windows["uptime"]
    assert w.downtime == H
    assert w.measured == timedelta(days=31) - H
    # October: the month has an extra hour; the fold hour counts once per instant.
    first = datetime(2026, 10, 25, 2, 30, tzinfo=AMS, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=AMS, fold=1)
    r = availability(CONNEXYS, [down(first, second)], ams(2026, 10, 1), ams(2026, 11, 1))
    assert r.windows["uptime"].downtime == H
    assert r.windows["uptime"].measured == timedelta(days=31) + H


def test_by_period_months_follow_dst_and_cover_the_range() -> None:
    start, end = ams(2026, 1, 10, 12), ams(2027, 1, 5)
    reports = availability_by_period(CONNEXYS, [], start, end)
    assert len(reports) == 13
    assert reports[0].start == start
    assert reports[-1].end == end
    assert all(x.end == y.start for x, y in itertools.pairwise(reports))
    measured = {r.start.month: r.windows["uptime"].measured for r in reports[1:-1]}
    assert measured[3] == timedelta(days=31) - H
    assert measured[10] == timedelta(days=31) + H
    assert sum((r.windows["uptime"].measured for r in reports), timedelta()) == end - start


def test_by_period_yearly_for_yearly_targets() -> None:
    reports = availability_by_period(REFLEX, [], ams(2025, 6, 1), ams(2027, 1, 1))
    assert [(r.start.year, r.end.year) for r in reports] == [(2025, 2026), (2026, 2027)]


def test_empty_range_is_full_uptime_and_backwards_range_is_an_error() -> None:
    r = availability(CONNEXYS, [], ams(2026, 6, 1), ams(2026, 6, 1))
    assert r.windows["uptime"].uptime == 1.0
    assert r.windows["uptime"].measured == timedelta(0)
    assert availability_by_period(CONNEXYS, [], ams(2026, 6, 1), ams(2026, 6, 1)) == []
    with pytest.raises(ValueError, match="lies before"):
        availability(CONNEXYS, [], ams(2026, 6, 2), ams(2026, 6, 1))
    with pytest.raises(ValueError, match="naive"):
        availability(CONNEXYS, [], datetime(2026, 6, 1), ams(2026, 6, 2))


def test_nothing_measured_is_uptime_one() -> None:
    # Saturday: no support hours at all.
    o = down(ams(2026, 6, 6, 10), ams(2026, 6, 6, 11))
    w = availability(INFRA, [o], ams(2026, 6, 6), ams(2026, 6, 7)).windows["support_hours"]
    assert w.measured == timedelta(0)
    assert w.uptime == 1.0
    assert w.met


# -- merging ----------------------------------------------------------------------------
def test_overlapping_and_touching_outages_are_merged() -> None:
    day = ams(2026, 6, 1)
    outages = [
        down(day + 1 * H, day + 3 * H),
        down(day + 2 * H, day + 4 * H),  # overlaps
        down(day + 4 * H, day + 5 * H),  # touches
        down(day + 7 * H, day + 8 * H),
    ]
    r = availability(CONNEXYS, outages, day, day + 24 * H)
    assert r.windows["uptime"].downtime == 5 * H
    assert r.interruptions == 2


def test_contract_method_is_the_same_measurement() -> None:
    day = ams(2026, 6, 1)
    outages = [down(day + H, day + 2 * H)]
    measure: Any = CONNEXYS.availability  # typed as the targets' tuple; also callable
    via_method = measure(outages, day, day + 24 * H)
    assert via_method == availability(CONNEXYS, outages, day, day + 24 * H)


def test_accepts_dicts() -> None:
    day = ams(2026, 6, 1)
    r = availability(CONNEXYS, [{"start": day, "end": day + H}], day, day + 24 * H)
    assert r.windows["uptime"].downtime == H


# -- planned maintenance ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("policy", "measured", "downtime"),
    [
        ("exclude", 24 * H - 2 * H, 1 * H),
        ("count_as_up", 24 * H, 1 * H),
        ("count_as_down", 24 * H, 3 * H),
    ],
)
def test_planned_policies_never_double_count(
    policy: str, measured: timedelta, downtime: timedelta
) -> None:
    day = ams(2026, 6, 1)
    outages = [
        down(day + 1 * H, day + 3 * H),  # unplanned, 1 h of it inside the maintenance
        down(day + 2 * H, day + 4 * H, planned=True),
    ]
    r = availability(one_target(policy), outages, day, day + 24 * H)
    w = r.windows["up"]
    assert (w.measured, w.downtime, w.planned) == (measured, downtime, 2 * H)
    assert w.planned_policy == policy
    assert w.uptime == 1 - downtime / measured
    assert r.interruptions == 1  # planned maintenance never counts


def test_planned_maintenance_is_never_an_interruption() -> None:
    day = ams(2026, 6, 1)
    planned = [down(day + k * H, day + k * H + M, planned=True) for k in range(10)]
    r = availability(one_target(limit=0), planned, day, day + 24 * H)
    assert r.interruptions == 0


# -- interruptions ----------------------------------------------------------------------
def test_interruptions_at_a_period_start_and_limit() -> None:
    june, july = ams(2026, 6, 1), ams(2026, 7, 1)
    outages = [
        down(june - M, june + M),  # starts in May: not June's
        down(june, june + M),  # merges with the one above: still May's
        down(july - M, july),  # June's
        down(july, july + M),  # touches the one above: merged, June's
        down(july + H, july + 2 * H),  # July's, starts at... 01:00
        down(july + 0 * H + 3 * H, july + 4 * H),
    ]
    r = availability(INFRA, outages, june, july)
    assert r.interruptions == 1
    outages.append(down(july, july + M))
    reports = availability_by_period(INFRA, outages, ams(2026, 5, 1), ams(2026, 8, 1))
    assert [x.interruptions for x in reports] == [1, 1, 2]
    exactly_at_start = availability(INFRA, [down(june, june + M)], june, july)
    assert exactly_at_start.interruptions == 1


def test_interruption_limit_decides_met() -> None:
    day = ams(2026, 6, 6)  # Saturday: outside support hours
    outages = [down(day + k * H, day + k * H + timedelta(seconds=1)) for k in range(4)]
    r = availability(INFRA, outages[:3], day, ams(2026, 7, 1))
    assert r.interruptions == 3
    assert r.met
    assert r.interruptions_met
    r = availability(INFRA, outages, day, ams(2026, 7, 1))
    assert r.interruptions == 4
    assert not r.met
    assert not r.interruptions_met
    assert all(w.met for w in r.windows.values())


def test_met_is_exact_at_the_minimum() -> None:
    # 99 % of one 24x7 day: 14.4 minutes of downtime allowed.
    day = ams(2026, 6, 1)
    allowed = timedelta(minutes=14, seconds=24)
    w = availability(one_target(), [down(day, day + allowed)], day, day + 24 * H).windows["up"]
    assert w.met
    assert w.allowed_downtime == allowed
    over = allowed + timedelta(microseconds=1)
    assert (
        not availability(one_target(), [down(day, day + over)], day, day + 24 * H).windows["up"].met
    )


# -- probes -----------------------------------------------------------------------------
T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)
Q = timedelta(minutes=15)


def spans(found: list[Outage]) -> list[tuple[timedelta, timedelta]]:
    return [(o.start - T0, o.end - T0) for o in found]


def test_probes_open_and_close_outages_unsorted_input() -> None:
    samples = [(T0 + 3 * Q, True), (T0, True), (T0 + Q, False), (T0 + 2 * Q, False)]
    found = Outage.from_probes(samples)
    assert isinstance(found, ProbeOutages)
    assert found.unknown == []
    assert spans(found) == [(Q, 3 * Q)]
    assert all(not o.planned for o in found)


def test_trailing_failure_ends_one_interval_after_the_last_sample() -> None:
    found = Outage.from_probes([(T0, True), (T0 + Q, False), (T0 + 2 * Q, False)])
    assert spans(found) == [(Q, 3 * Q)]
    assert spans(Outage.from_probes([(T0, False)], interval=M)) == [(timedelta(0), M)]


def test_gap_of_exactly_one_and_a_half_intervals_is_known() -> None:
    found = Outage.from_probes([(T0, False), (T0 + 1.5 * Q, True)])
    assert found.unknown == []
    assert spans(found) == [(timedelta(0), 1.5 * Q)]


def test_gap_of_a_bit_more_is_unknown_and_ends_the_open_outage() -> None:
    later = T0 + 1.5 * Q + timedelta(microseconds=1)
    found = Outage.from_probes([(T0, False), (later, True)])
    assert found.unknown == [(T0 + Q, later)]
    assert spans(found) == [(timedelta(0), Q)]
    # a failure after the gap opens a new outage at its own time
    found = Outage.from_probes([(T0, False), (T0 + 4 * Q, False), (T0 + 5 * Q, True)])
    assert spans(found) == [(timedelta(0), Q), (4 * Q, 5 * Q)]
    assert found.unknown == [(T0 + Q, T0 + 4 * Q)]


def test_gap_between_up_samples_is_unknown_not_downtime() -> None:
    found = Outage.from_probes([(T0, True), (T0 + 10 * Q, True)])
    assert list(found) == []
    assert found.unknown == [(T0 + Q, T0 + 10 * Q)]


def test_probes_empty_bad_interval_and_naive_times() -> None:
    empty = Outage.from_probes([])
    assert list(empty) == []
    assert empty.unknown == []
    with pytest.raises(ValueError, match="positive"):
        Outage.from_probes([(T0, True)], interval=timedelta(0))
    with pytest.raises(ValueError, match="naive"):
        Outage.from_probes([(datetime(2026, 6, 1), True)])


def test_probe_outages_feed_availability() -> None:
    samples = [(T0 + k * M, k not in (5, 6, 7)) for k in range(60)]
    found = Outage.from_probes(samples, interval=M)
    w = availability(one_target(), found, T0, T0 + H).windows["up"]
    assert w.downtime == 3 * M


# -- properties -------------------------------------------------------------------------
BASE = datetime(2026, 3, 20, tzinfo=UTC)  # the span covers the March DST change
SPAN_MIN = 20 * 24 * 60

outage_st = st.builds(
    lambda a, n, planned: Outage(
        start=BASE + timedelta(minutes=a), end=BASE + timedelta(minutes=a + n), planned=planned
    ),
    st.integers(-600, SPAN_MIN),
    st.integers(1, 3000),
    st.booleans(),
)
policy_st = st.sampled_from(["exclude", "count_as_up", "count_as_down"])
calendar_st = st.sampled_from(["24x7", "office", "outside:office"])
CONTRACTS = {
    (p, c): one_target(p, c)
    for p in ("exclude", "count_as_up", "count_as_down")
    for c in ("24x7", "office", "outside:office")
}
END = BASE + timedelta(minutes=SPAN_MIN)


@given(st.lists(outage_st, max_size=12), policy_st, calendar_st)
def test_uptime_stays_in_unit_interval(outages: list[Outage], policy: str, cal: str) -> None:
    w = availability(CONTRACTS[policy, cal], outages, BASE, END).windows["up"]
    assert 0.0 <= w.uptime <= 1.0
    assert timedelta(0) <= w.downtime <= w.measured


@given(st.lists(outage_st, max_size=10), outage_st, policy_st, calendar_st)
def test_adding_an_outage_never_raises_uptime(
    outages: list[Outage], extra: Outage, policy: str, cal: str
) -> None:
    c = CONTRACTS[policy, cal]
    before = availability(c, outages, BASE, END)
    after = availability(c, [*outages, extra], BASE, END)
    # Planned maintenance takes precedence over unplanned downtime under "exclude" and
    # "count_as_up" (docs/availability.md), so only unplanned outages, or planned ones
    # under "count_as_down", are bound to lower uptime.
    if not extra.planned or policy == "count_as_down":
        assert after.windows["up"].uptime <= before.windows["up"].uptime
        assert after.windows["up"].downtime >= before.windows["up"].downtime


@given(st.lists(outage_st, max_size=12), policy_st, calendar_st)
def test_merging_is_idempotent(outages: list[Outage], policy: str, cal: str) -> None:
    c = CONTRACTS[policy, cal]
    once = availability(c, outages, BASE, END)
    doubled = availability(c, outages + outages, BASE, END)
    assert once == doubled
    # Feeding the merged result back in changes nothing either.
    from slacalc._engine.instants import from_us
    from slacalc._reports.availability import _outage_spans

    unplanned, planned = _outage_spans(outages)
    merged = [Outage(start=from_us(a, UTC), end=from_us(b, UTC)) for a, b in unplanned] + [
        Outage(start=from_us(a, UTC), end=from_us(b, UTC), planned=True) for a, b in planned
    ]
    assert availability(c, merged, BASE, END) == once


@given(
    st.lists(st.tuples(st.integers(0, 2000), st.booleans()), max_size=40),
    st.integers(1, 30),
)
def test_probe_outages_are_disjoint_and_avoid_unknown_time(
    rows: list[tuple[int, bool]], minutes: int
) -> None:
    interval = timedelta(minutes=minutes)
    found = Outage.from_probes([(BASE + timedelta(minutes=m), up) for m, up in rows], interval)
    ordered = sorted(found, key=lambda o: o.start)
    assert all(x.end <= y.start for x, y in itertools.pairwise(ordered))
    for o in found:
        for a, b in found.unknown:
            assert o.end <= a or o.start >= b
    assert all(not o.planned and o.end > o.start for o in found)


def test_a_reports_windows_are_read_only_and_the_report_hashes() -> None:
    from slacalc import FrozenMap

    c = contracts.get("infravision/cloud")
    start, end = datetime(2026, 6, 1, tzinfo=AMS), datetime(2026, 7, 1, tzinfo=AMS)
    report = c.availability([], start, end)
    assert isinstance(report.windows, FrozenMap)
    with pytest.raises(TypeError):
        report.windows["x"] = report.windows["support_hours"]  # type: ignore[index]
    assert hash(report) == hash(c.availability([], start, end))


@pytest.mark.parametrize("state", ["down", "up", "", None, 2, -1, 0.5, "0"])
def test_a_probe_state_that_is_not_a_bool_is_an_error_naming_the_sample(state: Any) -> None:
    t = datetime(2026, 6, 1, 9, tzinfo=UTC)
    with pytest.raises(ValueError, match=r"samples\[1\] = .*is not a bool; give True \(up\)"):
        Outage.from_probes([(t, True), (t + timedelta(minutes=15), state)])


@pytest.mark.parametrize(("state", "down"), [(0, True), (1, False), (False, True), (True, False)])
def test_probe_states_are_bools_or_zero_and_one(state: Any, down: bool) -> None:
    t = datetime(2026, 6, 1, 9, tzinfo=UTC)
    found = Outage.from_probes([(t, state), (t + timedelta(minutes=15), True)])
    assert bool(found) is down


def test_probe_states_from_numpy_read_as_their_value() -> None:
    import numpy as np

    t = datetime(2026, 6, 1, 9, tzinfo=UTC)
    samples = [(t, np.bool_(True)), (t + timedelta(minutes=15), np.bool_(False))]
    samples.append((t + timedelta(minutes=30), np.int64(1)))
    found = Outage.from_probes(samples)
    assert [(o.start.minute, o.end.minute) for o in found] == [(15, 30)]
