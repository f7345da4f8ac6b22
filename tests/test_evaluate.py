"""Example-based tests of ``Contract.evaluate`` and ``slacalc.evaluate_many`` (SPEC 3).

Every rule of SPEC section 3 is pinned at its exact boundary instant, on the test
contract of :mod:`evaluation_contract`. Every expected instant is written out by hand
with its UTC offset and compared both by ``isoformat()`` and by equality; every
evaluation passes an explicit ``at``.

The reference week is Monday 2026-11-23 to Sunday 2026-11-29 (CET, +01:00, no Dutch
holidays). ``office`` is open Monday to Friday 09:00-17:00; ``shifts`` Monday to Friday
08:00-12:00 and 13:00-17:00 and Saturday 22:00-06:00.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

import slacalc
from evaluation_contract import CONTRACT, NEW_CYCLE, OFFICE, RESTART, SHIFTS
from slacalc import (
    BatchReport,
    Contract,
    Event,
    NaiveDatetimeError,
    Status,
    TargetReport,
    Ticket,
    TicketError,
    TicketFailure,
    TicketReport,
    WorkingDays,
)

AMS = ZoneInfo("Europe/Amsterdam")
H = timedelta(hours=1)
MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)
US = timedelta(microseconds=1)


# -- helpers ------------------------------------------------------------------------------
def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0, us: int = 0,
          *, fold: int = 0) -> datetime:  # fmt: skip
    """A wall-clock instant in Europe/Amsterdam."""
    return datetime(y, mo, d, h, mi, s, us, tzinfo=AMS, fold=fold)


def _day(d: int) -> Callable[..., datetime]:
    def at(h: int = 0, mi: int = 0, s: int = 0, us: int = 0) -> datetime:
        return local(2026, 11, d, h, mi, s, us)

    return at


# The reference week (all CET, +01:00).
mon = _day(23)
tue = _day(24)
wed = _day(25)
fri = _day(27)
sat = _day(28)
sun = _day(29)


def ev(at: datetime, kind: str, priority: str | None = None, reason: str | None = None) -> Event:
    return Event(at=at, kind=kind, priority=priority, reason=reason)


def ticket(priority: str, opened: datetime, *events: Event, kind: str = "incident",
           tid: str = "INC-1") -> Ticket:  # fmt: skip
    return Ticket(id=tid, priority=priority, opened_at=opened, kind=kind, events=events)


def evaluate(t: Ticket, at: datetime, contract: Contract = CONTRACT) -> TicketReport:
    return contract.evaluate(t, at=at)


def target(t: Ticket, metric: str, at: datetime, contract: Contract = CONTRACT) -> TargetReport:
    return evaluate(t, at, contract).targets[metric]


def assert_instant(actual: datetime | None, expected: str) -> None:
    """``actual`` is the instant ``expected`` (ISO 8601 with offset), in both senses."""
    assert actual is not None
    assert actual.isoformat() == expected
    # Compared as UTC instants: Python never finds a fold-sensitive datetime equal to one
    # in another zone (PEP 495), so ``==`` across zones is unreliable in the repeated hour.
    assert actual.astimezone(timezone.utc) == datetime.fromisoformat(expected).astimezone(
        timezone.utc
    )
    assert actual.utcoffset() == datetime.fromisoformat(expected).utcoffset()


# =========================================================================================
# Rule 2: clock start and stop per metric (the SPEC defaults)
# =========================================================================================
class TestStartAndStop:
    def test_responded_stops_response_only(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10, 30), "responded"))
        report = evaluate(t, mon(12))
        response = report.targets["response"]
        assert response.status is Status.MET
        assert_instant(response.started_at, "2026-11-23T09:00:00+01:00")
        assert_instant(response.stopped_at, "2026-11-23T10:30:00+01:00")
        assert response.target == 2 * H
        assert response.elapsed == 90 * MIN
        assert response.remaining == 30 * MIN
        # Projected from the stop: 10:30 + 30 min of open time.
        assert_instant(response.due_at, "2026-11-23T11:00:00+01:00")
        assert_instant(response.breach_at, "2026-11-23T11:00:00+01:00")
        for metric, due in (
            ("workaround", "2026-11-23T13:00:00+01:00"),
            ("resolution", "2026-11-23T17:00:00+01:00"),
        ):
            r = report.targets[metric]
            assert r.status is Status.RUNNING, metric
            assert r.stopped_at is None
            assert r.elapsed == 3 * H
            assert_instant(r.due_at, due)

    def test_workaround_stops_response_and_workaround_not_resolution(self) -> None:
        t = ticket("P2", mon(9), ev(mon(12), "workaround"))
        report = evaluate(t, mon(14))
        response = report.targets["response"]
        assert response.status is Status.BREACHED
        assert_instant(response.stopped_at, "2026-11-23T12:00:00+01:00")
        assert response.elapsed == 3 * H
        assert response.remaining == -H
        assert_instant(response.due_at, "2026-11-23T11:00:00+01:00")
        workaround = report.targets["workaround"]
        assert workaround.status is Status.MET
        assert_instant(workaround.stopped_at, "2026-11-23T12:00:00+01:00")
        assert workaround.elapsed == 3 * H
        assert workaround.remaining == H
        resolution = report.targets["resolution"]
        assert resolution.status is Status.RUNNING
        assert resolution.stopped_at is None
        assert resolution.elapsed == 5 * H

    @pytest.mark.parametrize("kind", ["resolved", "closed"])
    def test_resolved_or_closed_stops_every_clock(self, kind: str) -> None:
        t = ticket("P2", mon(9), ev(mon(10), kind))
        report = evaluate(t, tue(12))
        assert set(report.targets) == {"response", "workaround", "resolution", "restore"}
        for metric, r in report.targets.items():
            assert r.status is Status.MET, metric
            assert_instant(r.stopped_at, "2026-11-23T10:00:00+01:00")
            assert r.elapsed == H, metric
        assert not report.breached

    def test_root_cause_identified_stops_nothing(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "root_cause_identified"))
        report = evaluate(t, mon(10, 30))
        for metric, r in report.targets.items():
            assert r.status is Status.RUNNING, metric
            assert r.stopped_at is None
            assert r.elapsed == 90 * MIN

    def test_on_site_starts_only_on_on_site_requested(self) -> None:
        opened_only = ticket("P1", mon(9))
        r = target(opened_only, "on_site", tue(12))
        assert r.status is Status.NOT_STARTED
        assert r.started_at is None
        assert r.due_at is None
        assert r.breach_at is None
        assert r.elapsed == timedelta(0)
        assert r.target == 4 * H

        t = ticket("P1", mon(9), ev(mon(14), "on_site_requested"))
        before = target(t, "on_site", mon(13, 59, 59))
        assert before.status is Status.NOT_STARTED
        assert before.due_at is None
        r = target(t, "on_site", mon(15))
        assert r.status is Status.RUNNING
        assert_instant(r.started_at, "2026-11-23T14:00:00+01:00")
        assert r.elapsed == H
        # shifts: 14:00-17:00 is 3 h, then Tuesday 08:00-09:00.
        assert_instant(r.due_at, "2026-11-24T09:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T09:00:00+01:00")

    def test_on_site_event_without_request_does_not_start_it(self) -> None:
        t = ticket("P1", mon(9), ev(mon(10), "on_site"), ev(mon(11), "resolved"))
        r = target(t, "on_site", tue(12))
        assert r.status is Status.NOT_STARTED
        assert r.started_at is None

    @pytest.mark.parametrize(
        ("arrived", "status", "elapsed"),
        [
            (tue(9), Status.MET, 4 * H),
            (tue(9, 0, 1), Status.BREACHED, 4 * H + SEC),
        ],
    )
    def test_on_site_stops_on_on_site(
        self, arrived: datetime, status: Status, elapsed: timedelta
    ) -> None:
        t = ticket("P1", mon(9), ev(mon(14), "on_site_requested"), ev(arrived, "on_site"))
        r = target(t, "on_site", tue(12))
        assert r.status is status
        assert r.stopped_at == arrived
        assert r.elapsed == elapsed
        assert r.remaining == 4 * H - elapsed

    def test_target_overriding_starts_on_starts_resolution_on_responded(self) -> None:
        t = ticket("P3", mon(9), ev(mon(11), "responded"))
        early = target(t, "resolution", mon(10))
        assert early.status is Status.NOT_STARTED
        assert early.due_at is None
        assert early.target == 16 * H
        # office: Monday 11:00-17:00 (6 h) + Tuesday (8 h) + Wednesday 09:00-11:00 (2 h).
        r = target(t, "resolution", wed(11))
        assert r.status is Status.RUNNING
        assert_instant(r.started_at, "2026-11-23T11:00:00+01:00")
        assert r.elapsed == 16 * H
        assert r.remaining == timedelta(0)
        assert_instant(r.due_at, "2026-11-25T11:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-25T11:00:00+01:00")
        assert target(t, "resolution", wed(11, 0, 1)).status is Status.BREACHED

    def test_start_outside_hours_counts_from_the_next_opening(self) -> None:
        t = ticket("P2", local(2026, 11, 21, 10))  # a Saturday
        r = target(t, "resolution", mon(9))
        assert r.status is Status.RUNNING
        assert_instant(r.started_at, "2026-11-21T10:00:00+01:00")
        assert r.elapsed == timedelta(0)
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T09:00:00+01:00")
        early = ticket("P2", mon(7))
        assert_instant(target(early, "response", mon(7)).due_at, "2026-11-23T11:00:00+01:00")
        assert_instant(target(early, "response", mon(10)).due_at, "2026-11-23T11:00:00+01:00")
        assert target(early, "response", mon(10)).elapsed == H


# =========================================================================================
# Rule 4: due_at, breach_at and the status around them
# =========================================================================================
class TestDueAndBreach:
    def test_due_at_a_window_end_breaches_at_the_next_opening(self) -> None:
        t = ticket("P2", mon(9))
        r = target(t, "resolution", mon(12))
        assert r.target == 8 * H
        # 09:00 + 8 h = 17:00 the same day, the window's end.
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T09:00:00+01:00")

    @pytest.mark.parametrize(
        ("at", "status", "elapsed"),
        [
            (mon(16, 59, 59), Status.RUNNING, 8 * H - SEC),
            (mon(17), Status.RUNNING, 8 * H),
            (mon(17, 0, 1), Status.RUNNING, 8 * H),  # closed: elapsed has not passed
            (tue(8, 59, 59), Status.RUNNING, 8 * H),
            (tue(9), Status.RUNNING, 8 * H),  # exactly breach_at
            (tue(9, 0, 0, 1), Status.BREACHED, 8 * H + US),
            (tue(9, 0, 1), Status.BREACHED, 8 * H + SEC),
        ],
    )
    def test_status_around_a_window_end(
        self, at: datetime, status: Status, elapsed: timedelta
    ) -> None:
        r = target(ticket("P2", mon(9)), "resolution", at)
        assert r.status is status
        assert r.elapsed == elapsed
        assert r.remaining == 8 * H - elapsed
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T09:00:00+01:00")
        assert r.ever_breached is (status is Status.BREACHED)

    @pytest.mark.parametrize(
        ("at", "status"),
        [
            (tue(9, 59, 59), Status.RUNNING),
            (tue(10), Status.RUNNING),
            (tue(10, 0, 0, 1), Status.BREACHED),
            (tue(10, 0, 1), Status.BREACHED),
        ],
    )
    def test_due_mid_window_breach_equals_due(self, at: datetime, status: Status) -> None:
        r = target(ticket("P2", mon(10)), "resolution", at)
        assert_instant(r.due_at, "2026-11-24T10:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T10:00:00+01:00")
        assert r.breach_at == r.due_at
        assert r.status is status

    def test_vioms_like_example_monday_1600_plus_8h(self) -> None:
        r = target(ticket("P2", mon(16)), "resolution", mon(16, 30))
        assert_instant(r.due_at, "2026-11-24T16:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T16:00:00+01:00")
        assert r.elapsed == 30 * MIN
        assert r.remaining == 7 * H + 30 * MIN

    def test_due_at_the_lunch_break_breaches_when_it_ends(self) -> None:
        t = ticket("P1", mon(8))
        r = target(t, "resolution", mon(12, 30))
        assert_instant(r.due_at, "2026-11-23T12:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-23T13:00:00+01:00")
        assert r.status is Status.RUNNING
        assert r.elapsed == 4 * H
        assert target(t, "resolution", mon(13)).status is Status.RUNNING
        late = target(t, "resolution", mon(13, 0, 0, 1))
        assert late.status is Status.BREACHED
        assert late.remaining == -US

    def test_response_across_the_lunch_break(self) -> None:
        r = target(ticket("P1", mon(11, 45)), "response", mon(12, 30))
        # 11:45-12:00 is 15 min, then 13:00-13:15.
        assert_instant(r.due_at, "2026-11-23T13:15:00+01:00")
        assert_instant(r.breach_at, "2026-11-23T13:15:00+01:00")
        assert r.elapsed == 15 * MIN

    def test_on_site_due_at_evening_close_breaches_next_morning(self) -> None:
        t = ticket("P1", mon(9), ev(mon(13), "on_site_requested"))
        r = target(t, "on_site", mon(18))
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T08:00:00+01:00")
        assert r.status is Status.RUNNING
        assert target(t, "on_site", tue(8)).status is Status.RUNNING
        assert target(t, "on_site", tue(8, 0, 1)).status is Status.BREACHED

    def test_instants_are_reported_in_the_calendar_zone(self) -> None:
        opened = datetime(2026, 11, 23, 8, tzinfo=timezone.utc)  # 09:00 in Amsterdam
        r = target(
            ticket("P2", opened), "resolution", datetime(2026, 11, 23, 11, tzinfo=timezone.utc)
        )
        assert r.due_at is not None
        assert r.due_at.utcoffset() == H
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert r.elapsed == 3 * H


# =========================================================================================
# Rule 4: met or breached is judged on open time
# =========================================================================================
class TestMetOrBreached:
    @pytest.mark.parametrize(
        ("resolved", "status", "elapsed"),
        [
            (mon(16, 59, 59), Status.MET, 8 * H - SEC),
            (mon(17), Status.MET, 8 * H),
            (mon(20), Status.MET, 8 * H),  # resolved in closed hours: nothing more counted
            (tue(9), Status.MET, 8 * H),
            (tue(9, 0, 0, 1), Status.BREACHED, 8 * H + US),
            (tue(9, 0, 1), Status.BREACHED, 8 * H + SEC),
        ],
    )
    def test_stopped_clock(self, resolved: datetime, status: Status, elapsed: timedelta) -> None:
        t = ticket("P2", mon(9), ev(mon(9, 5), "workaround"), ev(resolved, "resolved"))
        r = target(t, "resolution", wed(12))
        assert r.status is status
        assert r.stopped_at == resolved
        assert r.stopped_at is not None
        assert r.stopped_at.isoformat() == resolved.isoformat()
        assert r.elapsed == elapsed
        assert r.remaining == 8 * H - elapsed
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T09:00:00+01:00")
        assert evaluate(t, wed(12)).breached is (status is Status.BREACHED)

    def test_a_met_target_stays_met_later(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "responded"), ev(mon(12), "resolved"))
        for at in (mon(12), tue(12), local(2027, 6, 1, 12)):
            r = target(t, "resolution", at)
            assert r.status is Status.MET
            assert r.elapsed == 3 * H
            assert r.remaining == 5 * H
            # Projected from the stop: 12:00 + 5 h of open time.
            assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")


# =========================================================================================
# Rule 5: pauses
# =========================================================================================
class TestPauses:
    def test_pause_in_open_hours_delays_due_by_the_paused_open_time(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "paused"), ev(mon(11, 30), "resumed"))
        r = target(t, "resolution", tue(10))
        assert r.paused == 90 * MIN
        # Monday 09-10 (1 h) + 11:30-17:00 (5.5 h) + Tuesday 09-10 (1 h).
        assert r.elapsed == 7 * H + 30 * MIN
        assert r.remaining == 30 * MIN
        assert r.status is Status.RUNNING
        # Without the pause: Monday 17:00; 1.5 h of open time later: Tuesday 10:30.
        assert_instant(r.due_at, "2026-11-24T10:30:00+01:00")
        assert r.due_at == OFFICE.add(mon(17), r.paused)
        assert_instant(r.breach_at, "2026-11-24T10:30:00+01:00")
        # Half of 8 h: 1 h before the pause, 3 h after 11:30.
        assert len(r.milestones) == 1
        assert r.milestones[0][0] == 0.5
        assert_instant(r.milestones[0][1], "2026-11-23T14:30:00+01:00")
        assert target(t, "resolution", tue(10, 30)).status is Status.RUNNING
        assert target(t, "resolution", tue(10, 30, 0, 1)).status is Status.BREACHED

    def test_pauses_apply_to_pausable_targets_only(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "paused"), ev(mon(11, 30), "resumed"))
        report = evaluate(t, mon(12))
        response = report.targets["response"]
        assert response.paused == timedelta(0)
        assert response.elapsed == 3 * H
        assert_instant(response.due_at, "2026-11-23T11:00:00+01:00")
        assert response.status is Status.BREACHED
        workaround = report.targets["workaround"]
        assert workaround.paused == timedelta(0)
        assert_instant(workaround.due_at, "2026-11-23T13:00:00+01:00")
        resolution = report.targets["resolution"]
        assert resolution.paused == 90 * MIN
        assert resolution.elapsed == 90 * MIN

    def test_pause_over_a_night_subtracts_only_open_time_once(self) -> None:
        t = ticket("P2", mon(9), ev(mon(16), "paused"), ev(tue(10), "resumed"))
        r = target(t, "resolution", tue(11))
        # Lost to the pause: Monday 16-17 and Tuesday 09-10; the night counts for neither.
        assert r.paused == 2 * H
        assert r.elapsed == 8 * H  # Monday 09-16 + Tuesday 10-11
        assert r.status is Status.RUNNING
        assert_instant(r.due_at, "2026-11-24T11:00:00+01:00")
        assert r.due_at == OFFICE.add(mon(17), 2 * H)
        assert_instant(r.breach_at, "2026-11-24T11:00:00+01:00")
        late = target(t, "resolution", tue(12))
        assert late.status is Status.BREACHED
        assert late.elapsed == 9 * H
        assert late.remaining == -H
        assert late.paused == 2 * H

    def test_paused_while_paused_is_ignored(self) -> None:
        t = ticket(
            "P2",
            mon(9),
            ev(mon(10), "paused"),
            ev(mon(10, 30), "paused", reason="waiting_on_third_party"),
            ev(mon(11), "resumed"),
        )
        r = target(t, "resolution", mon(12))
        assert r.paused == H
        assert r.elapsed == 2 * H
        assert r.status is Status.RUNNING
        assert_instant(r.due_at, "2026-11-24T10:00:00+01:00")
        # The second `paused` opened nothing: one `resumed` closed the pause, a second one
        # has no pause to end.
        twice = ticket("P2", mon(9), *t.events, ev(mon(11, 30), "resumed"), tid="INC-7")
        with pytest.raises(TicketError) as info:
            evaluate(twice, mon(12))
        message = str(info.value)
        assert "INC-7" in message
        assert "resumed" in message
        assert "2026-11-23T11:30:00+01:00" in message

    def test_unmatched_pause_lasts_until_at(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "paused"))
        report = evaluate(t, mon(12))
        r = report.targets["resolution"]
        assert r.status is Status.PAUSED
        assert r.elapsed == H
        assert r.paused == 2 * H
        assert r.remaining == 7 * H
        # Projected as if resumed at `at` (12:00): 5 h on Monday, 2 h on Tuesday.
        assert_instant(r.due_at, "2026-11-24T11:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T11:00:00+01:00")
        assert r.milestones == ((0.5, mon(15)),)
        assert_instant(r.milestones[0][1], "2026-11-23T15:00:00+01:00")
        # Not pausable: response runs on and is breached since 11:00.
        assert report.targets["response"].status is Status.BREACHED
        assert report.breached

    def test_unmatched_pause_over_a_weekend_counts_only_open_time(self) -> None:
        t = ticket("P2", fri(9), ev(fri(16), "paused"))
        r = target(t, "resolution", sat(12))
        assert r.status is Status.PAUSED
        assert r.elapsed == 7 * H
        assert r.paused == H  # Friday 16-17; the weekend is closed anyway
        assert_instant(r.due_at, "2026-11-30T10:00:00+01:00")

    def test_unmatched_pause_after_the_breach_is_breached(self) -> None:
        t = ticket("P2", mon(9), ev(tue(10), "paused"))
        r = target(t, "resolution", tue(12))
        assert r.status is Status.BREACHED
        assert r.elapsed == 9 * H
        assert r.paused == 2 * H
        assert r.remaining == -H
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T09:00:00+01:00")

    def test_unmatched_pause_at_exactly_the_target_is_paused(self) -> None:
        # Paused at the due instant with elapsed == target: elapsed has not passed the
        # target, so the clock is paused, not breached; the breach is projected from `at`.
        t = ticket("P2", mon(9), ev(mon(17), "paused"))
        r = target(t, "resolution", tue(12))
        assert r.status is Status.PAUSED
        assert r.elapsed == 8 * H
        assert r.remaining == timedelta(0)
        assert r.paused == 3 * H
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T12:00:00+01:00")

    def test_a_pause_right_at_due_holds_the_breach_until_the_resume(self) -> None:
        # Due Tuesday 10:00 mid-window; paused 10:00-11:00. breach_at is the latest
        # instant at which elapsed has not passed the target: the resume, 11:00.
        t = ticket("P2", mon(10), ev(tue(10), "paused"), ev(tue(11), "resumed"))
        r = target(t, "resolution", tue(12))
        assert_instant(r.due_at, "2026-11-24T10:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-24T11:00:00+01:00")
        assert r.status is Status.BREACHED
        assert r.elapsed == 9 * H
        assert r.paused == H
        assert target(t, "resolution", tue(11)).status is Status.RUNNING
        assert target(t, "resolution", tue(11, 0, 0, 1)).status is Status.BREACHED

    def test_a_non_pausable_target_keeps_running_while_paused(self) -> None:
        t = ticket("P2", mon(9), ev(mon(9, 30), "responded"), ev(mon(10), "paused"))
        report = evaluate(t, mon(11))
        workaround = report.targets["workaround"]
        assert workaround.status is Status.RUNNING
        assert workaround.elapsed == 2 * H
        assert workaround.paused == timedelta(0)
        assert report.targets["resolution"].status is Status.PAUSED

    def test_a_clock_stopped_during_a_pause_is_met_not_paused(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "paused"), ev(mon(11), "resolved"))
        r = target(t, "resolution", mon(12))
        assert r.status is Status.MET
        assert r.elapsed == H
        assert r.paused == H  # only while the clock ran
        assert_instant(r.stopped_at, "2026-11-23T11:00:00+01:00")

    def test_a_pause_at_exactly_at_is_paused(self) -> None:
        r = target(ticket("P2", mon(9), ev(mon(11), "paused")), "resolution", mon(11))
        assert r.status is Status.PAUSED
        assert r.elapsed == 2 * H
        assert r.paused == timedelta(0)

    def test_reopened_while_paused_is_paused(self) -> None:
        t = ticket(
            "P2",
            mon(9),
            ev(mon(10), "resolved"),
            ev(mon(11), "paused"),
            ev(mon(12), "reopened"),
        )
        r = target(t, "resolution", mon(14))
        assert r.status is Status.PAUSED
        assert r.elapsed == H
        assert r.paused == 2 * H  # 12-14: the clock runs again but stands still
        assert r.stopped_at is None

    def test_resumed_without_pause_names_ticket_and_event(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "resumed"), tid="INC-404")
        with pytest.raises(TicketError) as info:
            evaluate(t, mon(12))
        message = str(info.value)
        assert "INC-404" in message
        assert "resumed" in message
        assert "2026-11-23T10:00:00+01:00" in message
        assert isinstance(info.value, ValueError)


# =========================================================================================
# Rule 6: priority changes
# =========================================================================================
class TestPriorityChange:
    def _escalated(self, *more: Event) -> Ticket:
        # Opened as P2 (office) at 08:00, escalated to P1 (shifts) at 10:00 by alias.
        return ticket("P2", mon(8), ev(mon(10), "priority_changed", priority="urgent"), *more)

    def test_keep_elapsed_counts_on_the_new_calendar_against_the_new_target(self) -> None:
        report = evaluate(self._escalated(), mon(13, 30))
        assert report.priority == "P1"
        r = report.targets["resolution"]
        assert r.priority == "P1"
        assert r.target == 4 * H
        # office 09-10 (1 h), then shifts 10-12 (2 h) and 13:00-13:30.
        assert r.elapsed == 3 * H + 30 * MIN
        assert r.remaining == 30 * MIN
        assert r.status is Status.RUNNING
        assert_instant(r.due_at, "2026-11-23T14:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-23T14:00:00+01:00")
        assert r.milestones == ((0.5, mon(11)),)
        assert target(self._escalated(), "resolution", mon(14)).status is Status.RUNNING
        assert target(self._escalated(), "resolution", mon(14, 0, 0, 1)).status is Status.BREACHED

    def test_keep_elapsed_can_breach_retroactively(self) -> None:
        # Response: 1 h counted as P2 by 10:00, more than P1's 30 min.
        r = target(self._escalated(), "response", mon(10))
        assert r.target == 30 * MIN
        assert r.elapsed == H
        assert r.remaining == -30 * MIN
        assert_instant(r.due_at, "2026-11-23T09:30:00+01:00")
        assert r.status is Status.BREACHED
        before = target(self._escalated(), "response", mon(9, 59))
        assert before.priority == "P2"
        assert before.status is Status.RUNNING

    def test_restart_evaluates_as_if_the_new_priority_held_from_opening(self) -> None:
        r = target(self._escalated(), "resolution", mon(13, 30), RESTART)
        assert r.priority == "P1"
        assert r.target == 4 * H
        # shifts from 08:00: 08-12 is 4 h; the lunch break holds the breach until 13:00.
        assert_instant(r.due_at, "2026-11-23T12:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-23T13:00:00+01:00")
        assert r.elapsed == 4 * H + 30 * MIN
        assert r.status is Status.BREACHED
        assert r.milestones == ((0.5, mon(10)),)
        assert target(self._escalated(), "resolution", mon(13), RESTART).status is Status.RUNNING

    def test_restart_before_the_change_uses_the_old_priority(self) -> None:
        r = target(self._escalated(), "resolution", mon(9, 30), RESTART)
        assert r.priority == "P2"
        assert r.target == 8 * H
        assert r.elapsed == 30 * MIN
        assert_instant(r.due_at, "2026-11-23T17:00:00+01:00")

    def test_change_to_a_best_effort_priority_is_no_target(self) -> None:
        t = ticket("P2", mon(9), ev(mon(11), "priority_changed", priority="low"))
        r = target(t, "resolution", mon(12))
        assert r.status is Status.NO_TARGET
        assert r.priority == "P4"
        assert r.target is None
        assert r.due_at is None
        assert r.breach_at is None
        assert r.remaining is None
        assert r.milestones == ()
        assert r.elapsed == 3 * H  # P4's resolution still runs on office
        assert not r.ever_breached

    def test_change_to_a_priority_without_the_metric_is_no_target(self) -> None:
        t = ticket("P2", mon(9), ev(mon(11), "priority_changed", priority="prio 3"))
        report = evaluate(t, mon(12))
        r = report.targets["workaround"]  # P3 has no workaround target
        assert r.status is Status.NO_TARGET
        assert r.target is None
        assert r.due_at is None
        assert r.breach_at is None
        assert r.remaining is None
        # docs/evaluation.md: while a priority without the metric is in force its clock
        # counts nothing; the 2 h counted as P2 are kept.
        assert r.elapsed == 2 * H
        assert not report.breached  # P3's response (4 h) still runs

    def test_change_back_resumes_counting_against_the_target(self) -> None:
        t = ticket(
            "P2",
            mon(9),
            ev(mon(10), "priority_changed", priority="P3"),
            ev(mon(12), "priority_changed", priority="P2"),
        )
        r = target(t, "workaround", mon(13))
        assert r.status is Status.RUNNING
        assert r.elapsed == 2 * H  # 09-10 and 12-13; nothing while P3 held
        assert r.remaining == 2 * H
        assert_instant(r.due_at, "2026-11-23T15:00:00+01:00")

    def test_keep_elapsed_keeps_time_counted_before_a_start_event_override(self) -> None:
        # SPEC 3.6: with keep_elapsed "the open time counted is kept". As P2 the
        # resolution clock started at the opening and counted 09-11; P3's resolution
        # starts on `responded`, which never happened. The 2 h must not be dropped, and
        # from 11:00 the clock runs on P3's calendar (office) against P3's 16 h.
        t = ticket("P2", mon(9), ev(mon(11), "priority_changed", priority="P3"))
        r = target(t, "resolution", mon(12))
        assert r.priority == "P3"
        assert r.status is Status.RUNNING
        assert_instant(r.started_at, "2026-11-23T09:00:00+01:00")
        assert r.elapsed == 3 * H
        assert r.target == 16 * H
        # 13 h left from 12:00: Monday 12-17 (5 h) and Tuesday (8 h).
        assert_instant(r.due_at, "2026-11-24T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-25T09:00:00+01:00")

    def test_keep_elapsed_keeps_a_pause_taken_while_pausable(self) -> None:
        # Responded at the opening (so P3's resolution would have started then too),
        # paused 10-11 while P2 (pausable) held, then P3 (not pausable) from 12:00.
        # SPEC 3.5/3.6: the pause stopped P2's pausable clock, so the open time counted
        # at the change is 2 h (09-10, 11-12), and that is what keep_elapsed keeps.
        t = ticket(
            "P2",
            mon(9),
            ev(mon(9), "responded"),
            ev(mon(10), "paused"),
            ev(mon(11), "resumed"),
            ev(mon(12), "priority_changed", priority="P3"),
        )
        r = target(t, "resolution", mon(13))
        assert r.priority == "P3"
        assert r.target == 16 * H
        assert r.elapsed == 3 * H
        assert r.paused == H
        # 13 h left from 13:00: Monday 13-17 (4 h), Tuesday (8 h), Wednesday 09-10.
        assert_instant(r.due_at, "2026-11-25T10:00:00+01:00")
        assert r.status is Status.RUNNING

    def test_restart_to_a_priority_without_the_metric_drops_it(self) -> None:
        t = ticket(
            "P2",
            mon(9),
            ev(mon(9, 30), "responded"),
            ev(mon(10), "priority_changed", priority="3"),
        )
        kept = evaluate(t, mon(12))
        assert set(kept.targets) == {"response", "workaround", "resolution", "restore"}
        assert kept.targets["workaround"].status is Status.NO_TARGET
        restarted = evaluate(t, mon(12), RESTART)
        assert set(restarted.targets) == {"response", "resolution", "restore"}
        # As if P3 from the opening: resolution starts on `responded` (09:30), 16 h.
        r = restarted.targets["resolution"]
        assert_instant(r.started_at, "2026-11-23T09:30:00+01:00")
        assert r.target == 16 * H
        assert r.elapsed == 2 * H + 30 * MIN
        assert_instant(r.due_at, "2026-11-25T09:30:00+01:00")


# =========================================================================================
# Rule 2: reopening
# =========================================================================================
class TestReopen:
    def _reopened(self) -> Ticket:
        return ticket(
            "P2",
            mon(9),
            ev(mon(9, 30), "responded"),
            ev(mon(12), "resolved"),
            ev(mon(14), "reopened"),
        )

    def test_continue_keeps_the_open_time_and_runs_from_the_reopen(self) -> None:
        between = target(self._reopened(), "resolution", mon(13))
        assert between.status is Status.MET
        assert_instant(between.stopped_at, "2026-11-23T12:00:00+01:00")
        assert between.elapsed == 3 * H

        report = evaluate(self._reopened(), mon(16))
        r = report.targets["resolution"]
        assert r.status is Status.RUNNING
        assert r.stopped_at is None
        assert_instant(r.started_at, "2026-11-23T09:00:00+01:00")
        assert r.elapsed == 5 * H  # 09-12 and 14-16
        assert len(r.cycles) == 1
        # 3 h left from 16:00: 1 h on Monday, 2 h on Tuesday.
        assert_instant(r.due_at, "2026-11-24T11:00:00+01:00")
        # The workaround that `resolved` stopped runs again too, and passes 4 h at 15:00.
        w = report.targets["workaround"]
        assert w.elapsed == 5 * H
        assert_instant(w.due_at, "2026-11-23T15:00:00+01:00")
        assert w.status is Status.BREACHED

    def test_continue_after_meeting_the_target_exactly_breaches_after_the_reopen(self) -> None:
        # Resolved at the due instant (elapsed == 8 h, MET); reopened Wednesday 10:00. The
        # clock stood still in between, so the latest instant at which elapsed has not
        # passed the target is the reopen itself.
        t = ticket(
            "P2",
            mon(9),
            ev(mon(9), "workaround"),
            ev(mon(17), "resolved"),
            ev(wed(10), "reopened"),
        )
        met = target(t, "resolution", tue(12))
        assert met.status is Status.MET
        assert met.elapsed == 8 * H
        assert_instant(met.stopped_at, "2026-11-23T17:00:00+01:00")
        at_reopen = target(t, "resolution", wed(10))
        assert at_reopen.status is Status.RUNNING
        assert at_reopen.stopped_at is None
        assert_instant(at_reopen.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(at_reopen.breach_at, "2026-11-25T10:00:00+01:00")
        late = target(t, "resolution", wed(10, 0, 0, 1))
        assert late.status is Status.BREACHED
        assert late.elapsed == 8 * H + US
        assert late.ever_breached

    def test_reopen_does_not_resume_a_response_stopped_by_responded(self) -> None:
        response = target(self._reopened(), "response", mon(16))
        assert response.status is Status.MET
        assert_instant(response.stopped_at, "2026-11-23T09:30:00+01:00")
        assert response.elapsed == 30 * MIN
        assert len(response.cycles) == 1
        fresh = target(self._reopened(), "response", mon(16), NEW_CYCLE)
        assert fresh.status is Status.MET
        assert len(fresh.cycles) == 1

    def test_reopen_resumes_a_response_stopped_by_resolved(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "resolved"), ev(mon(11), "reopened"))
        r = target(t, "response", mon(12))
        assert r.status is Status.RUNNING
        assert r.elapsed == 2 * H
        assert r.remaining == timedelta(0)
        assert_instant(r.due_at, "2026-11-23T12:00:00+01:00")
        assert target(t, "response", mon(12, 0, 1)).status is Status.BREACHED

    def test_new_cycle_starts_a_fresh_clock_and_keeps_the_earlier_cycle(self) -> None:
        t = ticket(
            "P2",
            mon(9),
            ev(mon(9, 30), "responded"),
            ev(tue(12), "resolved"),
            ev(tue(14), "reopened"),
        )
        report = evaluate(t, tue(15), NEW_CYCLE)
        r = report.targets["resolution"]
        assert len(r.cycles) == 2
        first, second = r.cycles
        assert first.status is Status.BREACHED
        assert_instant(first.started_at, "2026-11-23T09:00:00+01:00")
        assert_instant(first.stopped_at, "2026-11-24T12:00:00+01:00")
        assert first.elapsed == 11 * H
        assert first.remaining == -3 * H
        assert_instant(first.due_at, "2026-11-23T17:00:00+01:00")
        assert_instant(first.breach_at, "2026-11-24T09:00:00+01:00")
        assert second.status is Status.RUNNING
        assert_instant(second.started_at, "2026-11-24T14:00:00+01:00")
        assert second.stopped_at is None
        assert second.target == 8 * H
        assert second.elapsed == H
        # Tuesday 14-17 (3 h) + Wednesday 09-14 (5 h).
        assert_instant(second.due_at, "2026-11-25T14:00:00+01:00")
        assert_instant(second.breach_at, "2026-11-25T14:00:00+01:00")
        assert second.milestones == ((0.5, wed(10)),)
        # The report describes the latest cycle.
        assert r.status is Status.RUNNING
        assert r.ever_breached
        assert_instant(r.started_at, "2026-11-24T14:00:00+01:00")
        assert r.elapsed == H
        assert r.due_at == second.due_at
        assert r.milestones == second.milestones
        assert not report.breached  # response met; the others run in their new cycle
        assert report.targets["workaround"].ever_breached
        assert report.targets["response"].ever_breached is False
        # With `continue`, the same ticket is simply breached.
        kept = target(t, "resolution", tue(15))
        assert len(kept.cycles) == 1
        assert kept.elapsed == 12 * H
        assert kept.status is Status.BREACHED

    def test_new_cycle_converts_the_target_afresh_at_the_reopen(self) -> None:
        t = ticket("P1", mon(9), ev(mon(10), "resolved"), ev(fri(14), "reopened"))
        r = target(t, "restore", fri(15), NEW_CYCLE)
        first, second = r.cycles
        # Monday 09:00 + 1 working day = Tuesday 09:00: 09-12, 13-17, 08-09 on shifts.
        assert first.target == 8 * H
        assert first.status is Status.MET
        # Friday 14:00 + 1 working day: Saturday (the overnight window's date) 14:00 is
        # before its first opening, so Saturday 22:00: 3 h of open time.
        assert second.target == 3 * H
        assert second.target == SHIFTS.between(fri(14), SHIFTS.add(fri(14), WorkingDays(1)))
        assert_instant(second.due_at, "2026-11-27T17:00:00+01:00")
        assert_instant(second.breach_at, "2026-11-28T22:00:00+01:00")
        assert second.elapsed == H
        assert r.status is Status.RUNNING
        assert not r.ever_breached
        # `continue` keeps the target converted at the first start.
        kept = target(t, "restore", fri(15))
        assert kept.target == 8 * H
        assert kept.elapsed == 2 * H
        # 6 h left from Friday 15:00: 15-17, then Saturday 22:00 + 4 h.
        assert_instant(kept.due_at, "2026-11-29T02:00:00+01:00")
        assert_instant(kept.breach_at, "2026-11-29T02:00:00+01:00")


# =========================================================================================
# Rule 3: working days and calendar time converted at the clock's start
# =========================================================================================
class TestConversion:
    def test_working_days_on_office(self) -> None:
        r = target(ticket("P2", mon(10)), "restore", mon(11))
        # Monday 10:00 + 2 working days = Wednesday 10:00: 7 + 8 + 1 h.
        assert r.target == 16 * H
        assert r.target == OFFICE.between(mon(10), OFFICE.add(mon(10), WorkingDays(2)))
        assert_instant(r.due_at, "2026-11-25T10:00:00+01:00")
        assert r.elapsed == H

    def test_working_days_from_outside_hours_due_at_a_window_end(self) -> None:
        # Opened Monday 07:00: s = 09:00, 2 working days later is Wednesday 09:00, which
        # is open, so restore's target is Monday + Tuesday = 16 h of open time.
        r = target(ticket("P2", mon(7)), "restore", mon(11))
        assert r.target == 16 * H
        assert r.target == OFFICE.between(mon(7), OFFICE.add(mon(7), WorkingDays(2)))
        # 16 h of open time are complete at Tuesday 17:00; the breach waits for Wednesday.
        assert_instant(r.due_at, "2026-11-24T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-25T09:00:00+01:00")

    def test_working_days_skip_dutch_holidays(self) -> None:
        # Thursday 2026-04-02 18:00: Good Friday and Easter Monday are closed, so the
        # next opening is Tuesday 04-07 09:00 and 2 working days later is Thursday 04-09.
        opened = local(2026, 4, 2, 18)
        r = target(ticket("P2", opened), "restore", local(2026, 4, 7, 10))
        assert r.target == 16 * H
        assert r.target == OFFICE.between(opened, OFFICE.add(opened, WorkingDays(2)))
        assert_instant(r.due_at, "2026-04-08T17:00:00+02:00")
        assert_instant(r.breach_at, "2026-04-09T09:00:00+02:00")
        assert r.elapsed == H
        resolution = target(ticket("P2", opened), "resolution", local(2026, 4, 7, 10))
        assert_instant(resolution.due_at, "2026-04-07T17:00:00+02:00")
        assert_instant(resolution.breach_at, "2026-04-08T09:00:00+02:00")

    def test_optional_holiday_closes_the_office(self) -> None:
        # Liberation Day (Tuesday 2026-05-05) is an "optional" Dutch holiday.
        r = target(ticket("P2", local(2026, 5, 4, 16)), "resolution", local(2026, 5, 5, 12))
        assert r.elapsed == H
        assert_instant(r.due_at, "2026-05-06T16:00:00+02:00")

    def test_five_working_days_over_christmas(self) -> None:
        # Wednesday 2026-12-23 10:00: 24 (1), 25 Christmas, 26/27 weekend, 28 (2), 29 (3),
        # 30 (4), 31 (5): Thursday 12-31 10:00.
        opened = local(2026, 12, 23, 10)
        r = target(ticket("P3", opened), "restore", local(2026, 12, 23, 11))
        assert r.target == 40 * H
        assert r.target == OFFICE.between(opened, OFFICE.add(opened, WorkingDays(5)))
        assert_instant(r.due_at, "2026-12-31T10:00:00+01:00")

    @pytest.mark.parametrize(
        ("opened", "hours", "due", "breach"),
        [
            # Split day: Monday 11:00 -> Tuesday 11:00 (1 + 4 + 3 h).
            (mon(11), 8, "2026-11-24T11:00:00+01:00", "2026-11-24T11:00:00+01:00"),
            # Lunch: s = 13:00 -> Tuesday 13:00 (4 + 4 h); the 8 h end at Tuesday 12:00.
            (mon(12, 30), 8, "2026-11-24T12:00:00+01:00", "2026-11-24T13:00:00+01:00"),
            # Saturday 23:00 in the overnight window -> Monday 23:00, after Monday's last
            # closing: Monday 17:00 (7 h overnight + 8 h).
            (sat(23), 15, "2026-11-30T17:00:00+01:00", "2026-12-01T08:00:00+01:00"),
            # Sunday 03:00 belongs to Saturday's window: the candidate is Monday + 27 h,
            # Tuesday 03:00, past Monday's last closing: Monday 17:00 (3 h + 8 h).
            (sun(3), 11, "2026-11-30T17:00:00+01:00", "2026-12-01T08:00:00+01:00"),
        ],
    )
    def test_working_days_on_the_split_and_overnight_calendar(
        self, opened: datetime, hours: int, due: str, breach: str
    ) -> None:
        r = target(ticket("P1", opened), "restore", opened)
        assert r.target == hours * H
        assert r.target == SHIFTS.between(opened, SHIFTS.add(opened, WorkingDays(1)))
        assert_instant(r.due_at, due)
        assert_instant(r.breach_at, breach)

    def test_working_days_target_is_fixed_at_the_start(self) -> None:
        t = ticket("P2", mon(10))
        assert {target(t, "restore", at).target for at in (mon(10), tue(12), fri(16))} == {16 * H}

    def test_calendar_time_is_real_time_across_a_dst_change(self) -> None:
        opened = local(2026, 10, 20, 10)  # Tuesday, CEST
        t = ticket("P1", opened, kind="bug", tid="BUG-1")
        report = evaluate(t, local(2026, 10, 24, 10))
        assert set(report.targets) == {"response", "bug_fix"}
        r = report.targets["bug_fix"]
        # 3 weeks = 21 days of wall clock, 504 h + the hour given back on 2026-10-25.
        assert r.target == timedelta(hours=505)
        assert r.target == timedelta(weeks=3) + H
        assert r.elapsed == 96 * H  # nights and the weekend count: 24x7
        assert_instant(r.due_at, "2026-11-10T10:00:00+01:00")
        assert_instant(r.breach_at, "2026-11-10T10:00:00+01:00")
        assert r.status is Status.RUNNING
        due = local(2026, 11, 10, 10)
        assert target(t, "bug_fix", due).status is Status.RUNNING
        assert target(t, "bug_fix", due).remaining == timedelta(0)
        assert target(t, "bug_fix", due + US).status is Status.BREACHED

    @pytest.mark.parametrize(
        ("fixed", "status"),
        [(local(2026, 11, 10, 10), Status.MET), (local(2026, 11, 10, 10, 0, 1), Status.BREACHED)],
    )
    def test_calendar_time_target_met_or_breached(self, fixed: datetime, status: Status) -> None:
        t = ticket("P1", local(2026, 10, 20, 10), ev(fixed, "resolved"), kind="bug")
        r = target(t, "bug_fix", local(2026, 12, 1, 12))
        assert r.status is status
        assert r.elapsed == timedelta(hours=505) + (fixed - local(2026, 11, 10, 10))

    def test_calendar_time_days_and_hours_across_the_fold(self) -> None:
        # Saturday 2026-10-24 12:00 CEST + 1 day (Sunday 12:00 CET, 25 h) + 12 h.
        t = ticket("P2", local(2026, 10, 24, 12), kind="bug")
        r = target(t, "bug_fix", local(2026, 10, 24, 13))
        assert r.target == 37 * H
        assert_instant(r.due_at, "2026-10-26T00:00:00+01:00")
        assert r.elapsed == H


# =========================================================================================
# NOT_STARTED, NO_TARGET, milestones, report-level values
# =========================================================================================
class TestStatusesAndReport:
    def test_at_before_opening_is_not_started_everywhere(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "responded"))
        report = evaluate(t, mon(8, 59, 59))
        assert set(report.targets) == {"response", "workaround", "resolution", "restore"}
        for metric, r in report.targets.items():
            assert r.status is Status.NOT_STARTED, metric
            assert r.due_at is None
            assert r.breach_at is None
            assert r.started_at is None
            assert r.stopped_at is None
            assert r.elapsed == timedelta(0)
            assert r.paused == timedelta(0)
            assert r.cycles == ()
            assert not r.ever_breached
        assert report.targets["resolution"].target == 8 * H
        assert not report.breached

    def test_at_the_opening_instant_is_running(self) -> None:
        r = target(ticket("P2", mon(9)), "resolution", mon(9))
        assert r.status is Status.RUNNING
        assert_instant(r.started_at, "2026-11-23T09:00:00+01:00")
        assert r.elapsed == timedelta(0)
        assert r.remaining == 8 * H

    def test_best_effort_is_no_target_but_counts_elapsed(self) -> None:
        t = ticket("P4", mon(9))
        r = target(t, "resolution", mon(12))
        assert r.status is Status.NO_TARGET
        assert r.target is None
        assert r.due_at is None
        assert r.breach_at is None
        assert r.remaining is None
        assert r.milestones == ()
        assert r.elapsed == 3 * H
        assert r.commitment == "best_effort"
        assert not r.breached
        solved = target(ticket("P4", mon(9), ev(tue(12), "resolved")), "resolution", wed(9))
        assert solved.status is Status.NO_TARGET
        assert_instant(solved.stopped_at, "2026-11-24T12:00:00+01:00")
        assert solved.elapsed == 11 * H

    def test_milestone_at_half_time(self) -> None:
        r = target(ticket("P2", mon(14)), "resolution", mon(15))
        # 4 h from Monday 14:00: 14-17, then Tuesday 09-10.
        assert r.milestones == ((0.5, tue(10)),)
        assert_instant(r.milestones[0][1], "2026-11-24T10:00:00+01:00")
        assert_instant(r.due_at, "2026-11-24T14:00:00+01:00")
        # Targets without milestones report none.
        assert target(ticket("P2", mon(14)), "response", mon(15)).milestones == ()

    @pytest.mark.parametrize(
        ("priority", "kind", "metrics"),
        [
            ("P1", "incident", {"response", "workaround", "resolution", "on_site", "restore"}),
            ("prio 1", "bug", {"response", "bug_fix"}),
            ("HIGH", "incident", {"response", "workaround", "resolution", "restore"}),
            ("prio-2", "bug", {"bug_fix"}),
            ("normal", "incident", {"response", "resolution", "restore"}),
            ("4", "incident", {"response", "resolution"}),
        ],
    )
    def test_targets_keys(self, priority: str, kind: str, metrics: set[str]) -> None:
        report = evaluate(ticket(priority, mon(9), kind=kind, tid="K-1"), mon(10))
        assert set(report.targets) == metrics
        assert report.ticket_id == "K-1"
        assert report.kind == kind
        assert report.priority == CONTRACT.priority(priority).id
        for metric, r in report.targets.items():
            assert r.metric == metric

    def test_an_explicit_opened_event_at_opened_at_is_accepted(self) -> None:
        t = ticket("P2", mon(9), ev(mon(9), "opened"))
        r = target(t, "resolution", mon(10))
        assert r.status is Status.RUNNING
        assert r.elapsed == H
        assert len(r.cycles) == 1

    def test_a_naive_at_is_refused_by_name(self) -> None:
        with pytest.raises(NaiveDatetimeError, match="at"):
            CONTRACT.evaluate(ticket("P2", mon(9)), at=datetime(2026, 11, 23, 12))

    def test_report_breached_is_any_current_breach(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "responded"))
        assert not evaluate(t, mon(13)).breached
        # Workaround (4 h) passes 13:00; response was met.
        later = evaluate(t, mon(13, 0, 1))
        assert later.breached
        assert {m for m, r in later.targets.items() if r.breached} == {"workaround"}


# =========================================================================================
# Rule 1: event order, events after `at`
# =========================================================================================
class TestEventOrder:
    def test_equal_times_keep_their_given_order(self) -> None:
        resolved_then_reopened = ticket(
            "P2", mon(9), ev(mon(12), "resolved"), ev(mon(12), "reopened")
        )
        r = target(resolved_then_reopened, "resolution", mon(13))
        assert r.status is Status.RUNNING
        assert r.stopped_at is None
        assert r.elapsed == 4 * H
        reopened_then_resolved = ticket(
            "P2", mon(9), ev(mon(12), "reopened"), ev(mon(12), "resolved")
        )
        r = target(reopened_then_resolved, "resolution", mon(13))
        assert r.status is Status.MET
        assert_instant(r.stopped_at, "2026-11-23T12:00:00+01:00")
        assert r.elapsed == 3 * H

    def test_equal_time_pause_and_resume(self) -> None:
        ok = ticket("P2", mon(9), ev(mon(10), "paused"), ev(mon(10), "resumed"))
        r = target(ok, "resolution", mon(11))
        assert r.status is Status.RUNNING
        assert r.paused == timedelta(0)
        assert r.elapsed == 2 * H
        bad = ticket("P2", mon(9), ev(mon(10), "resumed"), ev(mon(10), "paused"), tid="ORD-1")
        with pytest.raises(TicketError, match="ORD-1"):
            evaluate(bad, mon(11))

    def test_events_given_out_of_order_are_sorted_by_time(self) -> None:
        t = ticket("P2", mon(9), ev(mon(12), "resolved"), ev(mon(10), "responded"))
        report = evaluate(t, mon(13))
        assert_instant(report.targets["response"].stopped_at, "2026-11-23T10:00:00+01:00")
        assert_instant(report.targets["resolution"].stopped_at, "2026-11-23T12:00:00+01:00")

    def test_events_after_at_are_ignored(self) -> None:
        t = ticket("P2", mon(9), ev(mon(12, 0, 0, 1), "resolved"))
        r = target(t, "resolution", mon(12))
        assert r.status is Status.RUNNING
        assert r.stopped_at is None
        assert r.elapsed == 3 * H
        at_the_event = ticket("P2", mon(9), ev(mon(12), "resolved"))
        assert target(at_the_event, "resolution", mon(12)).status is Status.MET
        change_later = ticket("P2", mon(9), ev(mon(11), "priority_changed", priority="P1"))
        assert evaluate(change_later, mon(10)).priority == "P2"
        assert target(change_later, "resolution", mon(10)).target == 8 * H


# =========================================================================================
# Rule 7: bad input
# =========================================================================================
class TestBadInput:
    @pytest.mark.parametrize(
        ("events", "kind", "fragments"),
        [
            pytest.param(
                [ev(mon(8, 59), "responded")],
                "incident",
                ["responded", "2026-11-23T08:59:00+01:00"],
                id="event-before-opening",
            ),
            pytest.param(
                [ev(mon(10), "resumed")],
                "incident",
                ["resumed", "2026-11-23T10:00:00+01:00"],
                id="resumed-without-pause",
            ),
            pytest.param(
                [ev(mon(10), "escalated")],
                "incident",
                ["escalated", "2026-11-23T10:00:00+01:00"],
                id="unknown-event-kind",
            ),
            pytest.param(
                [ev(mon(10), "priority_changed")],
                "incident",
                ["priority_changed", "2026-11-23T10:00:00+01:00"],
                id="priority-changed-without-priority",
            ),
            pytest.param(
                [ev(mon(10), "priority_changed", priority="P9")],
                "incident",
                ["priority_changed", "P9", "P1, P2, P3, P4"],
                id="event-unknown-priority",
            ),
            pytest.param([], "question", ["question"], id="kind-without-targets"),
            pytest.param(
                [ev(wed(10), "resumed")],
                "incident",
                ["resumed", "2026-11-25T10:00:00+01:00"],
                id="bad-event-after-at",
            ),
        ],
    )
    def test_ticket_error_names_ticket_and_event(
        self, events: list[Event], kind: str, fragments: list[str]
    ) -> None:
        t = ticket("P2", mon(9), *events, kind=kind, tid="BAD-17")
        with pytest.raises(TicketError) as info:
            evaluate(t, tue(12))
        message = str(info.value)
        assert "BAD-17" in message
        for fragment in fragments:
            assert fragment in message
        assert isinstance(info.value, ValueError)

    def test_unknown_ticket_priority_lists_the_valid_ones(self) -> None:
        t = ticket("P7", mon(9), tid="BAD-18")
        with pytest.raises(TicketError) as info:
            evaluate(t, tue(12))
        assert str(info.value) == (
            "ticket BAD-18: unknown priority 'P7'; use one of P1, P2, P3, P4 (or an alias)"
        )

    def test_unknown_priority_in_an_event_names_ticket_and_event_once(self) -> None:
        t = ticket("P2", mon(9), ev(mon(10), "priority_changed", "P7"), tid="BAD-19")
        with pytest.raises(TicketError) as info:
            evaluate(t, tue(12))
        assert str(info.value) == (
            "ticket BAD-19: event 0 ('priority_changed' at 2026-11-23T10:00:00+01:00): "
            "unknown priority 'P7'; use one of P1, P2, P3, P4 (or an alias)"
        )


# =========================================================================================
# evaluate_many
# =========================================================================================
class TestEvaluateMany:
    def _batch(self) -> list[Ticket | dict[str, object]]:
        return [
            ticket("P2", mon(9), ev(mon(10), "responded"), tid="A"),
            ticket("P7", mon(9), tid="B"),  # unknown priority
            {
                "id": "C",
                "priority": "P2",
                "opened_at": "2026-11-23T09:00:00+01:00",
                "events": [{"at": "2026-11-23T10:00:00+01:00", "kind": "resolved"}],
            },
            {"id": "D", "priority": "P2", "opened_at": datetime(2026, 11, 23, 9)},  # naive
            ticket("P2", mon(9), ev(mon(10), "resumed"), tid="E"),
            ticket("P2", mon(9), tid="F"),
        ]

    def test_results_and_errors_side_by_side(self) -> None:
        batch = slacalc.evaluate_many(CONTRACT, self._batch(), at=tue(12))
        assert isinstance(batch, BatchReport)
        assert [r.ticket_id for r in batch.reports] == ["A", "C", "F"]
        assert [(f.index, f.ticket_id) for f in batch.errors] == [(1, "B"), (3, "D"), (4, "E")]
        assert [
            o.ticket_id if isinstance(o, TicketReport) else ("error", o.index)
            for o in batch.outcomes
        ] == ["A", ("error", 1), "C", ("error", 3), ("error", 4), "F"]
        assert len(batch) == 6
        assert list(batch) == list(batch.outcomes)
        b, d, e = batch.errors
        assert all(isinstance(f, TicketFailure) for f in batch.errors)
        assert isinstance(b.error, TicketError)
        assert "P7" in b.message
        assert isinstance(d.error, ValidationError)
        assert isinstance(d.error, ValueError)
        assert "opened_at" in d.message
        assert isinstance(e.error, TicketError)
        assert re.search(r"\bE\b", e.message)
        assert "resumed" in e.message
        # Every report shares the one `at` and equals a single evaluation.
        for report in batch.reports:
            assert report.at == tue(12)
        a, c, f = batch.reports
        assert a == evaluate(self._batch()[0], tue(12))  # type: ignore[arg-type]
        assert c.targets["resolution"].status is Status.MET
        assert f.targets["resolution"].status is Status.BREACHED
        assert batch.breached

    def test_contract_method_matches_the_function(self) -> None:
        method = CONTRACT.evaluate_many(self._batch(), at=tue(12))
        function = slacalc.evaluate_many(CONTRACT, self._batch(), at=tue(12))
        assert _same_outcomes(method, function)

    def test_a_generator_and_an_all_bad_batch(self) -> None:
        batch = slacalc.evaluate_many(
            CONTRACT, (ticket("P9", mon(9), tid=f"X{i}") for i in range(3)), at=tue(12)
        )
        assert batch.reports == ()
        assert [f.index for f in batch.errors] == [0, 1, 2]
        assert [f.ticket_id for f in batch.errors] == ["X0", "X1", "X2"]
        assert not batch.breached

    def test_items_that_are_not_tickets_fail_without_an_id(self) -> None:
        batch = slacalc.evaluate_many(
            CONTRACT, [None, "INC-1", ticket("P2", mon(9), tid="G")], at=mon(12)
        )
        assert [(f.index, f.ticket_id) for f in batch.errors] == [(0, None), (1, None)]
        assert [r.ticket_id for r in batch.reports] == ["G"]

    def test_empty_batch(self) -> None:
        batch = slacalc.evaluate_many(CONTRACT, [], at=tue(12))
        assert (batch.reports, batch.errors, batch.outcomes) == ((), (), ())


def _same_outcomes(one: BatchReport, other: BatchReport) -> bool:
    def key(o: TicketReport | TicketFailure) -> object:
        if isinstance(o, TicketReport):
            return o
        return (o.index, o.ticket_id, type(o.error), str(o.error))

    return [key(o) for o in one.outcomes] == [key(o) for o in other.outcomes]


# =========================================================================================
# DST: the Saturday overnight window spans both 2026 changes
# =========================================================================================
class TestDst:
    def test_clock_across_the_october_fold(self) -> None:
        # Opened Saturday 2026-10-24 23:30 CEST (21:30 UTC) in the 22:00-06:00 window;
        # at 03:00 CEST the clocks go back to 02:00 CET.
        t = ticket("P1", local(2026, 10, 24, 23, 30))
        first_0230 = local(2026, 10, 25, 2, 30)  # 00:30 UTC
        second_0230 = local(2026, 10, 25, 2, 30, fold=1)  # 01:30 UTC
        r = target(t, "resolution", first_0230)
        assert r.elapsed == 3 * H  # three wall-clock hours, three real ones
        assert r.remaining == H
        assert r.status is Status.RUNNING
        # Four real hours: the second 02:30, wall clock only three hours later.
        assert_instant(r.due_at, "2026-10-25T02:30:00+01:00")
        assert r.due_at is not None
        assert r.due_at.fold == 1
        assert_instant(r.breach_at, "2026-10-25T02:30:00+01:00")
        assert r.milestones == ((0.5, local(2026, 10, 25, 1, 30)),)
        assert_instant(r.milestones[0][1], "2026-10-25T01:30:00+02:00")
        at_due = target(t, "resolution", second_0230)
        assert at_due.status is Status.RUNNING
        assert at_due.elapsed == 4 * H
        # (`+` on a zoned datetime is wall-clock arithmetic that drops the fold.)
        after_due = second_0230.astimezone(timezone.utc) + US
        assert target(t, "resolution", after_due).status is Status.BREACHED
        response = target(t, "response", first_0230)
        assert_instant(response.due_at, "2026-10-25T00:00:00+02:00")

    @pytest.mark.parametrize(
        ("resolved", "status", "elapsed"),
        [
            (local(2026, 10, 25, 2, 15, fold=1), Status.MET, 3 * H + 45 * MIN),
            (local(2026, 10, 25, 2, 30, fold=1), Status.MET, 4 * H),
            (local(2026, 10, 25, 2, 45, fold=0), Status.MET, 3 * H + 15 * MIN),
            (local(2026, 10, 25, 2, 45, fold=1), Status.BREACHED, 4 * H + 15 * MIN),
        ],
    )
    def test_resolved_in_the_repeated_hour(
        self, resolved: datetime, status: Status, elapsed: timedelta
    ) -> None:
        t = ticket("P1", local(2026, 10, 24, 23, 30), ev(resolved, "resolved"))
        r = target(t, "resolution", local(2026, 10, 26, 12))
        assert r.status is status
        assert r.elapsed == elapsed
        assert r.stopped_at == resolved

    def test_working_day_across_the_fold(self) -> None:
        opened = local(2026, 10, 24, 23, 30)
        r = target(ticket("P1", opened), "restore", opened)
        # 23:30 CEST to 06:00 CET is 7.5 real hours, then Monday 10-26 (8 h).
        assert r.target == 15 * H + 30 * MIN
        assert r.target == SHIFTS.between(opened, SHIFTS.add(opened, WorkingDays(1)))
        assert_instant(r.due_at, "2026-10-26T17:00:00+01:00")
        assert_instant(r.breach_at, "2026-10-27T08:00:00+01:00")

    def test_clock_across_the_march_gap(self) -> None:
        # Opened Saturday 2026-03-28 23:30 CET (22:30 UTC); at 02:00 CET the clocks jump
        # to 03:00 CEST, so the window 22:00-06:00 holds 7 real hours.
        t = ticket("P1", local(2026, 3, 28, 23, 30))
        r = target(t, "resolution", local(2026, 3, 29, 3))
        assert r.elapsed == 2 * H + 30 * MIN  # 23:30 -> 03:00 on the wall, 2.5 h real
        assert_instant(r.due_at, "2026-03-29T04:30:00+02:00")
        assert_instant(r.breach_at, "2026-03-29T04:30:00+02:00")
        assert r.milestones == ((0.5, local(2026, 3, 29, 1, 30)),)
        assert_instant(r.milestones[0][1], "2026-03-29T01:30:00+01:00")
        assert target(t, "resolution", local(2026, 3, 29, 4, 30)).status is Status.RUNNING
        assert target(t, "resolution", local(2026, 3, 29, 4, 30, 0, 1)).status is Status.BREACHED
        restore = target(t, "restore", local(2026, 3, 29, 3))
        # 22:30 to 04:00 UTC is 5.5 h, then Monday 03-30 (8 h).
        assert restore.target == 13 * H + 30 * MIN
        assert_instant(restore.due_at, "2026-03-30T17:00:00+02:00")
        assert_instant(restore.breach_at, "2026-03-31T08:00:00+02:00")

    def test_overnight_window_end_after_the_gap(self) -> None:
        # on_site requested at 01:00 CET: 1 h to the gap, then 03:00-06:00 CEST (3 h).
        t = ticket("P1", local(2026, 3, 28, 23), ev(local(2026, 3, 29, 1), "on_site_requested"))
        r = target(t, "on_site", local(2026, 3, 29, 5))
        assert r.elapsed == 3 * H
        assert_instant(r.due_at, "2026-03-29T06:00:00+02:00")
        assert_instant(r.breach_at, "2026-03-30T08:00:00+02:00")
        assert r.status is Status.RUNNING

    def test_office_week_across_the_fold(self) -> None:
        # Friday 2026-10-23 16:00 CEST + 8 h: 1 h on Friday, 7 h on Monday (CET).
        r = target(ticket("P2", local(2026, 10, 23, 16)), "resolution", local(2026, 10, 26, 9))
        assert_instant(r.due_at, "2026-10-26T16:00:00+01:00")
        assert r.elapsed == H


# -- never a stopped batch: one ticket's failure is its own ------------------------------------


def _thousand_tickets() -> list[slacalc.Ticket]:
    opened = datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
    return [
        slacalc.Ticket(id=f"T-{n}", priority="P1", opened_at=opened + timedelta(minutes=n))
        for n in range(1000)
    ]


@pytest.mark.parametrize(
    "failure",
    [slacalc.CalendarError("injected"), OverflowError("injected"), OSError(75, "injected")],
)
def test_a_failure_injected_into_one_ticket_of_a_thousand_stops_nothing(
    monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    from slacalc._clock import evaluate as evaluation

    real = evaluation._evaluate

    def flaky(
        plan: object, contract: object, ticket: slacalc.Ticket, at_us: int, at: datetime
    ) -> object:
        if ticket.id == "T-500":
            raise failure
        return real(plan, contract, ticket, at_us, at)  # type: ignore[arg-type]

    monkeypatch.setattr(evaluation, "_evaluate", flaky)
    contract = slacalc.contracts.get("vioms/advanced")
    at = datetime(2026, 11, 30, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
    batch = slacalc.evaluate_many(contract, _thousand_tickets(), at=at)
    assert len(batch.reports) == 999
    assert [(f.index, f.ticket_id) for f in batch.errors] == [(500, "T-500")]
    assert "injected" in batch.errors[0].message
    report = slacalc.compliance(
        contract,
        _thousand_tickets(),
        datetime(2026, 11, 1, tzinfo=ZoneInfo("Europe/Amsterdam")),
        datetime(2026, 12, 1, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    assert report.tickets == 999
    assert [(f.index, f.ticket_id) for f in report.errors] == [(500, "T-500")]


def test_a_contract_whose_calendar_time_overflows_fails_its_tickets_not_the_batch() -> None:
    office = slacalc.Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
    contract = slacalc.Contract(
        id="huge/x",
        calendars={"office": office},
        priorities=[slacalc.Priority(id="P1"), slacalc.Priority(id="P2")],
        targets=[
            slacalc.Target(
                metric="resolution",
                priority="P1",
                within=slacalc.CalendarTime(days=10**9),
                calendar="office",
            ),
            slacalc.Target(
                metric="resolution", priority="P2", within=timedelta(hours=4), calendar="office"
            ),
        ],
    )
    tickets = _thousand_tickets()[:3]
    tickets[1] = tickets[1].model_copy(update={"priority": "P2"})
    batch = slacalc.evaluate_many(
        contract, tickets, at=datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    )
    assert [r.ticket_id for r in batch.reports] == ["T-1"]
    assert [f.ticket_id for f in batch.errors] == ["T-0", "T-2"]
    assert all("leaves the supported range" in f.message for f in batch.errors)
