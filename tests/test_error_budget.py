"""Error budgets (_reports/budget.py and ``at=`` in _reports/availability.py), by hand.

InfraVision cloud: support hours Mon-Fri 08:30-17:30 Europe/Amsterdam, no holidays, 99.5 %
in them and 95 % outside them, planned maintenance excluded. November 2026 starts on a
Sunday and lies wholly in winter time (summer time ended on 25 October): 30 days = 720 h,
21 weekdays (2-6, 9-13, 16-20, 23-27, 30) x 9 h = 189 h of support hours, 531 h outside.
"""

from __future__ import annotations

import math
import pickle
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from slacalc import (
    AvailabilityTarget,
    Calendar,
    CalendarError,
    Contract,
    NaiveDatetimeError,
    OpenOutageError,
    Priority,
    SlacalcError,
    contracts,
)
from slacalc._reports.availability import availability_by_period
from slacalc._reports.budget import burn_rate
from slacalc._reports.outages import Outage

AMS = ZoneInfo("Europe/Amsterdam")
H = timedelta(hours=1)
S = timedelta(seconds=1)
US = timedelta(microseconds=1)
INFRA = contracts.get("infravision/cloud")


def ams(day: int, hour: int = 0, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMS)


NOV, DEC = ams(1), ams(1, month=12)


def open_at(start: datetime) -> Outage:
    return Outage(start=start, end=None)


def one(minimum: float, calendar: str = "24x7") -> Contract:
    return Contract(
        id="test/budget",
        calendars={"office": Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")},
        priorities=[Priority(id="P1")],
        availability=[AvailabilityTarget(name="up", calendar=calendar, minimum=minimum)],
    )


# -- the whole month ---------------------------------------------------------------------
def test_november_budgets_to_the_second() -> None:
    r = INFRA.availability([], NOV, DEC)
    support, outside = r.windows["support_hours"], r.windows["outside_support_hours"]
    assert support.measured == 189 * H
    # 0.5 % of 189 h = 0.945 h = 56.7 min = 56 min 42 s.
    assert support.allowed_downtime == timedelta(minutes=56, seconds=42)
    assert support.downtime_left == support.allowed_downtime
    assert outside.measured == 531 * H
    # 5 % of 531 h = 26.55 h = 26 h 33 min.
    assert outside.allowed_downtime == timedelta(hours=26, minutes=33)
    assert (support.burn_rate, outside.burn_rate) == (0.0, 0.0)


def test_burn_rate_is_exactly_one_on_budget_and_the_next_microsecond_misses() -> None:
    # 56 min 42 s of support-hours downtime: Monday 2 November 10:00-10:56:42.
    on_budget = [Outage(start=ams(2, 10), end=ams(2, 10, 56) + 42 * S)]
    w = INFRA.availability(on_budget, NOV, DEC).windows["support_hours"]
    assert (w.burn_rate, w.downtime_left, w.met) == (1.0, timedelta(0), True)
    over = [Outage(start=ams(2, 10), end=ams(2, 10, 56) + 42 * S + US)]
    w = INFRA.availability(over, NOV, DEC).windows["support_hours"]
    assert (w.downtime_left, w.met) == (-US, False)
    assert w.burn_rate > 1.0


def test_planned_maintenance_excluded_shrinks_the_whole_month_allowance() -> None:
    # 1 h planned on Wednesday 25 November 10:00 (support hours), after at: measured so far
    # is unchanged (13 weekdays x 9 h = 117 h), but the month measures 188 h, which allow
    # 0.005 x 188 h = 0.94 h = 3384 s.
    planned = Outage(start=ams(25, 10), end=ams(25, 11), planned=True)
    w = INFRA.availability([planned], NOV, DEC, at=ams(18, 18, 30)).windows["support_hours"]
    assert w.measured == 117 * H
    assert w.planned == timedelta(0)
    assert w.allowed_downtime == 3384 * S


# -- a month in progress -------------------------------------------------------------------
def test_open_outage_across_the_end_of_support_hours() -> None:
    # Wednesday 18 November: down from 16:30, still open at 18:30; support hours end 17:30.
    r = INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC, at=ams(18, 18, 30))
    support, outside = r.windows["support_hours"], r.windows["outside_support_hours"]
    # Support hours so far: 2-6, 9-13, 16-18 November = 13 weekdays x 9 h = 117 h; down
    # 16:30-17:30 = 1 h; allowed 3402 s for the month, so 3600 - 3402 = 198 s overspent.
    assert (support.measured, support.downtime) == (117 * H, H)
    assert support.allowed_downtime == 3402 * S
    assert support.downtime_left == -198 * S
    # burn: 3600 s / (0.005 x 117 h = 2106 s) = 200/117.
    assert support.burn_rate == float(Fraction(200, 117))
    assert not support.met
    # Outside so far: 1 November 00:00 to 18 November 18:30 = 17 d 18.5 h = 426.5 h, less
    # 117 h = 309.5 h; down 17:30-18:30 = 1 h; left 95580 - 3600 = 91980 s.
    assert (outside.measured, outside.downtime) == (309.5 * H, H)
    assert outside.downtime_left == 91980 * S
    # burn: 3600 s / (0.05 x 1114200 s = 55710 s) = 120/1857.
    assert outside.burn_rate == float(Fraction(120, 1857))
    assert r.interruptions == 1
    assert r.at == ams(18, 18, 30)
    # The trailing hour [17:30, 18:30): no support hours in it; outside, 1 h down of 1 h
    # open at 95 %: 3600 / (0.05 x 3600) = 20.
    assert dict(r.trailing_burn_rates(H)) == {"support_hours": None, "outside_support_hours": 20.0}
    # Two hours [16:30, 18:30): support 1 h down of 1 h open: 1 / 0.005 = 200.
    assert dict(r.trailing_burn_rates(2 * H)) == {
        "support_hours": 200.0,
        "outside_support_hours": 20.0,
    }


def test_an_outage_ending_exactly_at_at_equals_the_open_one() -> None:
    at = ams(18, 18, 30)
    closed = INFRA.availability([Outage(start=ams(18, 16, 30), end=at)], NOV, DEC, at=at)
    still_open = INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC, at=at)
    assert closed == still_open


def test_at_exactly_at_the_end_of_a_support_window() -> None:
    # at = 17:30, the end of Wednesday's support hours: the outage is support time only.
    r = INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC, at=ams(18, 17, 30))
    assert r.windows["support_hours"].downtime == H
    assert r.windows["outside_support_hours"].downtime == timedelta(0)
    # 1 November 00:00 to 18 November 17:30 = 425.5 h, less 117 h.
    assert r.windows["outside_support_hours"].measured == 308.5 * H
    assert dict(r.trailing_burn_rates(H)) == {"support_hours": 200.0, "outside_support_hours": None}


def test_at_equal_to_start_measures_nothing_yet() -> None:
    r = INFRA.availability([Outage(start=ams(2, 10), end=ams(2, 11))], NOV, DEC, at=NOV)
    for w in r.windows.values():
        assert (w.measured, w.downtime, w.burn_rate, w.uptime, w.met) == (
            timedelta(0),
            timedelta(0),
            0.0,
            1.0,
            True,
        )
        assert w.downtime_left == w.allowed_downtime > timedelta(0)
    assert r.interruptions == 0
    before = INFRA.availability([], NOV, DEC, at=ams(20, month=10))
    assert before.windows == r.windows


@pytest.mark.parametrize("at", [DEC, ams(15, month=12)])
def test_at_at_or_after_the_end_is_the_whole_month(at: datetime) -> None:
    outages = [Outage(start=ams(2, 10), end=ams(2, 11)), Outage(start=ams(14, 2), end=ams(14, 4))]
    whole = INFRA.availability(outages, NOV, DEC)
    at_end = INFRA.availability(outages, NOV, DEC, at=at)
    assert at_end.windows == whole.windows
    assert at_end.interruptions == whole.interruptions == 2
    assert at_end.at == at
    assert whole.at is None


def test_outages_after_at_are_not_measured_or_counted_yet() -> None:
    later = Outage(start=ams(26, 10), end=ams(26, 11))
    r = INFRA.availability([later], NOV, DEC, at=ams(20, 12))
    assert r.windows["support_hours"].downtime == timedelta(0)
    assert r.interruptions == 0


def test_by_period_with_at_a_month_done_one_in_progress_one_ahead() -> None:
    outages = [open_at(ams(18, 16, 30))]
    end = datetime(2027, 1, 1, tzinfo=AMS)
    reports = availability_by_period(INFRA, outages, ams(1, month=10), end, at=ams(18, 18, 30))
    october, november, december = (r.windows["support_hours"] for r in reports)
    assert october.measured == 22 * 9 * H  # October 2026 has 22 weekdays
    assert november.measured == 117 * H
    assert november.downtime == H
    assert december.measured == timedelta(0)
    # December: 23 weekdays x 9 h = 207 h; 0.005 x 207 h = 1.035 h = 3726 s, all left.
    assert december.downtime_left == december.allowed_downtime == 3726 * S


def test_count_as_down_maintenance_after_at_is_not_downtime_yet() -> None:
    c = INFRA.model_copy(
        update={
            "availability": tuple(
                a.model_copy(update={"planned": "count_as_down"}) for a in INFRA.availability
            )
        }
    )
    planned = Outage(start=ams(25, 10), end=ams(25, 11), planned=True)
    w = c.availability([planned], NOV, DEC, at=ams(20, 12)).windows["support_hours"]
    assert (w.downtime, w.allowed_downtime) == (timedelta(0), 3402 * S)
    w = c.availability([planned], NOV, DEC).windows["support_hours"]
    assert w.downtime == H


# -- open outages and bad input ------------------------------------------------------------
def test_an_open_outage_without_at_is_an_error_naming_it_and_the_fix() -> None:
    with pytest.raises(OpenOutageError, match=r"2026-11-18T16:30:00\+01:00.*at=") as info:
        INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC)
    assert isinstance(info.value, SlacalcError)
    with pytest.raises(OpenOutageError):
        availability_by_period(INFRA, [{"start": ams(18, 16, 30), "end": None}], NOV, DEC)


@pytest.mark.parametrize("minute", [30, 0])
def test_an_open_outage_must_start_before_at(minute: int) -> None:
    with pytest.raises(OpenOutageError, match="does not start before at="):
        INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC, at=ams(18, 16, minute))


def test_a_naive_at_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError, match="at="):
        INFRA.availability([], NOV, DEC, at=datetime(2026, 11, 18, 12))


@pytest.mark.parametrize("window", [timedelta(0), -H])
def test_the_trailing_window_must_be_positive(window: timedelta) -> None:
    r = INFRA.availability([], NOV, DEC, at=ams(18, 12))
    with pytest.raises(CalendarError, match="window="):
        r.trailing_burn_rates(window)


# -- nothing allowed -----------------------------------------------------------------------
def test_a_minimum_of_100_percent_burns_inf_with_downtime_and_0_without() -> None:
    c = one(1.0)
    w = c.availability([], NOV, DEC).windows["up"]
    assert (w.allowed_downtime, w.burn_rate, w.met) == (timedelta(0), 0.0, True)
    r = c.availability([Outage(start=ams(2, 10), end=ams(2, 10) + S)], NOV, DEC)
    w = r.windows["up"]
    assert math.isinf(w.burn_rate)
    assert w.downtime_left == -S
    assert not w.met
    assert r.trailing_burn_rates(timedelta(days=30))["up"] == math.inf


def test_nothing_measured_burns_nothing() -> None:
    # The office calendar over Saturday 7 November: no open time at all.
    w = one(0.99, "office").availability([], ams(7), ams(8)).windows["up"]
    assert (w.measured, w.allowed_downtime, w.burn_rate) == (timedelta(0), timedelta(0), 0.0)
    assert burn_rate(0, 0, Fraction(99, 100)) == 0.0


# -- trailing windows ------------------------------------------------------------------------
def test_window_burn_rate_over_a_night() -> None:
    # Thursday 19 November 03:00, the trailing 8 h [Wed 19:00, Thu 03:00): no support hours;
    # outside, 1 h down (01:00-02:00) of 8 h at 95 %: 3600 / (0.05 x 8 x 3600) = 2.5.
    r = INFRA.availability([Outage(start=ams(19, 1), end=ams(19, 2))], NOV, DEC, at=ams(19, 3))
    assert dict(r.trailing_burn_rates(8 * H)) == {
        "support_hours": None,
        "outside_support_hours": 2.5,
    }


def test_a_trailing_window_reaches_back_before_the_period() -> None:
    # 1 November 00:30 (a Sunday): the last hour includes 31 October 23:30-24:00.
    down = Outage(start=ams(31, 23, 30, month=10), end=ams(1, 0, 30))
    r = INFRA.availability([down], NOV, DEC, at=ams(1, 0, 30))
    assert r.windows["outside_support_hours"].downtime == timedelta(minutes=30)
    assert r.trailing_burn_rates(H)["outside_support_hours"] == 20.0


def test_a_report_without_at_trails_from_its_end() -> None:
    # Monday 30 November 17:00-17:30 down: the last hour of the month, [23:00, 24:00), is
    # clean; the last 7 h [17:00, 24:00) hold 30 min of support time (17:00-17:30, all of
    # its open time there, rate 1 / 0.005 = 200) and 6.5 h outside with no downtime.
    r = INFRA.availability([Outage(start=ams(30, 17), end=ams(30, 17, 30))], NOV, DEC)
    assert dict(r.trailing_burn_rates(H)) == {"support_hours": None, "outside_support_hours": 0.0}
    assert dict(r.trailing_burn_rates(7 * H)) == {
        "support_hours": 200.0,
        "outside_support_hours": 0.0,
    }


def test_a_report_with_at_pickles_equal_and_still_trails() -> None:
    r = INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC, at=ams(18, 18, 30))
    back = pickle.loads(pickle.dumps(r))
    assert back == r
    assert back.trailing_burn_rates(H) == r.trailing_burn_rates(H)
    assert r != INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC, at=ams(18, 18, 31))


def test_reports_in_utc_and_in_the_contract_zone_agree() -> None:
    at = datetime(2026, 11, 18, 17, 30, tzinfo=timezone.utc)  # 18:30 in Amsterdam
    r = INFRA.availability([open_at(ams(18, 16, 30))], NOV, DEC, at=at)
    assert r.at == ams(18, 18, 30)
    assert r.windows["support_hours"].downtime_left == -198 * S


def test_allowed_downtime_rounds_down_so_met_means_downtime_within_it() -> None:
    # 0.1 % of 1999 us is 1.999 us: 1 us is allowed (2 us would miss 99.9 %).
    t = ams(2, 10)
    for downtime, met in ((US, True), (2 * US, False)):
        r = one(0.999).availability([Outage(start=t, end=t + downtime)], t, t + 1999 * US)
        w = r.windows["up"]
        assert (w.allowed_downtime, w.met) == (US, met)
        assert w.downtime_left == US - downtime
