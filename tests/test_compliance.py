"""Compliance over a period (SPEC 5): counts per priority and metric, goals, errors.

Every expected count is worked out by hand. Calendar facts used below (Europe/Amsterdam,
November 2026, CET = UTC+1): Monday 2 November, Tuesday 3, Wednesday 4; InfraVision's
support hours are Monday to Friday 08:30-17:30 (9 open hours a day), response targets
top 1 h, high 9 h, medium 18 h, low 18 h; its resolution clock starts on
``root_cause_identified``, so a ticket without that event has resolution ``not_started``.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from slacalc import (
    Calendar,
    ClockPolicy,
    ComplianceGoal,
    Contract,
    Event,
    InvalidIntervalError,
    NaiveDatetimeError,
    Priority,
    Target,
    Ticket,
    TicketError,
    contracts,
)
from slacalc._reports.compliance import (
    ComplianceCell,
    ComplianceReport,
    GoalResult,
    compliance,
    exact_minimum,
)

AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 11, 1, tzinfo=AMS)
END = datetime(2026, 12, 1, tzinfo=AMS)
MON = datetime(2026, 11, 2, 9, 0, tzinfo=AMS)  # Monday, inside support hours


def ams(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=AMS)


@pytest.fixture
def iv() -> Contract:
    return contracts.get("infravision/cloud")


def responded(tid: str, priority: str, opened: datetime, answer: datetime) -> Ticket:
    return Ticket(
        id=tid,
        priority=priority,
        opened_at=opened,
        events=[Event(at=answer, kind="responded")],
    )


def high_met(n: int) -> Ticket:
    # 09:00 -> 10:00 the same Monday: 1 open hour <= 9 h: met.
    return responded(f"H-MET-{n}", "high", MON, ams(2, 10))


def high_breached(n: int) -> Ticket:
    # Monday 09:00-17:30 (8.5 h) + Tuesday 08:30-10:00 (1.5 h) = 10 h > 9 h: breached.
    return responded(f"H-BR-{n}", "high", MON, ams(3, 10))


def goal(report: ComplianceReport, *priorities: str) -> GoalResult:
    (found,) = [g for g in report.goals if g.goal.priorities == priorities]
    return found


# --- the 80 % boundary ---------------------------------------------------------------


def test_exactly_80_percent_pooled_holds(iv: Contract) -> None:
    tickets = [
        high_met(1),
        high_met(2),
        # medium: 09:00 -> 12:00, 3 h <= 18 h: met.
        responded("M-1", "medium", MON, ams(2, 12)),
        # low: 09:00 -> Tuesday 17:00: 8.5 h + 8.5 h = 17 h <= 18 h: met.
        responded("L-1", "low", MON, ams(3, 17)),
        # low: 09:00 -> Wednesday 10:00: 8.5 + 9 + 1.5 = 19 h > 18 h: breached.
        responded("L-2", "low", MON, ams(4, 10)),
    ]
    report = compliance(iv, tickets, START, END)

    assert report.cells["high", "response"].met == 2
    assert report.cells["medium", "response"].met == 1
    low = report.cells["low", "response"]
    assert (low.met, low.breached, low.fraction_met) == (1, 1, Fraction(1, 2))

    pooled = goal(report, "high", "medium", "low")
    assert (pooled.met, pooled.breached) == (4, 1)
    assert pooled.fraction == Fraction(4, 5)
    assert pooled.held is True
    assert goal(report, "top").held is True  # no top ticket at all
    assert report.met is True
    assert report.tickets == 5


def test_80_of_100_holds_79_of_100_fails(iv: Contract) -> None:
    at_80 = [high_met(n) for n in range(80)] + [high_breached(n) for n in range(20)]
    report = compliance(iv, at_80, START, END)
    assert goal(report, "high", "medium", "low").fraction == Fraction(4, 5)
    assert report.met is True

    under = [high_met(n) for n in range(79)] + [high_breached(n) for n in range(21)]
    report = compliance(iv, under, START, END)
    pooled = goal(report, "high", "medium", "low")
    assert (pooled.met, pooled.breached, pooled.fraction) == (79, 21, Fraction(79, 100))
    assert pooled.held is False
    assert report.met is False


def test_just_under_80_percent_with_few_tickets_fails(iv: Contract) -> None:
    # 3 of 4 = 75 %.
    tickets = [high_met(1), high_met(2), high_met(3), high_breached(1)]
    report = compliance(iv, tickets, START, END)
    assert goal(report, "high", "medium", "low").fraction == Fraction(3, 4)
    assert report.met is False


def test_goal_minimum_compared_exactly_not_as_binary_float() -> None:
    assert Fraction(0.8) > Fraction(4, 5)  # the trap: 0.8 as a float is a hair above 4/5
    assert exact_minimum(0.8) == Fraction(4, 5)
    assert exact_minimum(0.995) == Fraction(199, 200)
    assert exact_minimum(1.0) == 1


# --- top: 100 % ----------------------------------------------------------------------


def test_one_top_breach_fails_the_100_percent_goal(iv: Contract) -> None:
    tickets = [
        responded("T-1", "top", MON, ams(2, 9, 30)),  # 30 min <= 1 h: met
        responded("T-2", "top", MON, ams(2, 10)),  # exactly 1 h: met
        responded("T-3", "top", MON, ams(2, 10, 1)),  # 61 min > 1 h: breached
        high_met(1),
    ]
    report = compliance(iv, tickets, START, END)
    top = goal(report, "top")
    assert (top.met, top.breached, top.fraction) == (2, 1, Fraction(2, 3))
    assert top.held is False
    assert goal(report, "high", "medium", "low").held is True
    assert report.met is False


def test_all_top_met_holds(iv: Contract) -> None:
    tickets = [responded("T-1", "top", MON, ams(2, 10))]
    report = compliance(iv, tickets, START, END)
    assert goal(report, "top").fraction == 1
    assert report.met is True


# --- running, paused, not started, no target: apart ----------------------------------

# A small custom contract on a 24x7 calendar so that every count is plain arithmetic.
CUSTOM = Contract(
    id="test/compliance",
    calendars={"24x7": Calendar.always("Europe/Amsterdam")},
    priorities=(Priority(id="gold"), Priority(id="silver")),
    targets=(
        Target(
            metric="response",
            priority="gold",
            within=timedelta(hours=4),
            calendar="24x7",
            pausable=True,
        ),
        Target(
            metric="resolution",
            priority="gold",
            within=timedelta(hours=8),
            calendar="24x7",
            starts_on=("root_cause_identified",),
        ),
        Target(metric="response", priority="silver", within=timedelta(hours=8), calendar="24x7"),
        Target(metric="resolution", priority="silver", within=None, calendar="24x7"),
    ),
    compliance=(
        ComplianceGoal(priorities=("gold",), metrics=("response",), minimum=1.0),
        ComplianceGoal(priorities=("silver",), minimum=0.5),  # metrics=(): all of them
        ComplianceGoal(priorities=("gold", "silver"), minimum=0.75),
    ),
)
NEW_CYCLE = CUSTOM.model_copy(update={"clock": ClockPolicy(on_reopen="new_cycle")})
C_START = datetime(2026, 11, 1, tzinfo=AMS)
C_END = datetime(2026, 11, 8, tzinfo=AMS)  # one week; `at` = Sunday 8 Nov 00:00


def test_running_paused_not_started_no_target_are_counted_apart() -> None:
    tickets = [
        # Response met after 1 h; root cause at 11:00, resolved 15:00 (4 h <= 8 h): met.
        Ticket(
            id="G-MET",
            priority="gold",
            opened_at=ams(2, 9),
            events=[
                Event(at=ams(2, 10), kind="responded"),
                Event(at=ams(2, 11), kind="root_cause_identified"),
                Event(at=ams(2, 15), kind="resolved"),
            ],
        ),
        # Opened 2 h before the end and never answered: response running; no root
        # cause: resolution not started.
        Ticket(id="G-RUN", priority="gold", opened_at=datetime(2026, 11, 7, 22, tzinfo=AMS)),
        # Opened Saturday 20:00, paused at 21:00 until past the end: 1 h counted < 4 h.
        Ticket(
            id="G-PAUSE",
            priority="gold",
            opened_at=ams(7, 20),
            events=[Event(at=ams(7, 21), kind="paused")],
        ),
        # Silver response met (2 h <= 8 h); silver resolution has no target.
        Ticket(
            id="S-1",
            priority="silver",
            opened_at=ams(3, 9),
            events=[Event(at=ams(3, 11), kind="responded"), Event(at=ams(3, 12), kind="resolved")],
        ),
    ]
    report = compliance(CUSTOM, tickets, C_START, C_END)

    gold_response = report.cells["gold", "response"]
    assert gold_response == ComplianceCell(
        "gold", "response", met=1, breached=0, running=1, paused=1, not_started=0
    )
    assert gold_response.fraction_met == 1
    assert gold_response.total == 3
    gold_resolution = report.cells["gold", "resolution"]
    assert (gold_resolution.met, gold_resolution.not_started, gold_resolution.judged) == (1, 2, 1)
    silver_resolution = report.cells["silver", "resolution"]
    assert (silver_resolution.no_target, silver_resolution.judged) == (1, 0)
    assert silver_resolution.fraction_met is None

    # The pooled goal counts only judged targets: gold 2 met + silver 1 met.
    pooled = goal(report, "gold", "silver")
    assert (pooled.met, pooled.breached, pooled.held) == (3, 0, True)
    assert report.met is True


def test_running_target_past_its_deadline_is_breached() -> None:
    # Opened Saturday 12:00, never answered: 12 h at the end > 4 h: breached.
    report = compliance(
        CUSTOM, [Ticket(id="G", priority="gold", opened_at=ams(7, 12))], C_START, C_END
    )
    cell = report.cells["gold", "response"]
    assert (cell.met, cell.breached, cell.running) == (0, 1, 0)
    assert goal(report, "gold").held is False


def test_infravision_resolution_without_root_cause_is_not_started(iv: Contract) -> None:
    report = compliance(iv, [high_met(1), high_breached(1)], START, END)
    resolution = report.cells["high", "resolution"]
    assert (resolution.not_started, resolution.judged, resolution.fraction_met) == (2, 0, None)
    # Only the two responses count in the pooled goal.
    assert goal(report, "high", "medium", "low").fraction == Fraction(1, 2)


# --- goals and metrics ---------------------------------------------------------------


def test_metrics_empty_means_all_metrics_and_named_metrics_filter() -> None:
    tickets = [
        # Gold response met (1 h), resolution breached: root cause 10:00, resolved
        # 19:00 = 9 h > 8 h.
        Ticket(
            id="G",
            priority="gold",
            opened_at=ams(2, 9),
            events=[
                Event(at=ams(2, 10), kind="responded"),
                Event(at=ams(2, 10), kind="root_cause_identified"),
                Event(at=ams(2, 19), kind="resolved"),
            ],
        ),
        # Silver response breached: 9 h > 8 h.
        responded("S", "silver", ams(2, 9), ams(2, 18)),
    ]
    report = compliance(CUSTOM, tickets, C_START, C_END)
    gold_only_response = goal(report, "gold")
    assert (gold_only_response.met, gold_only_response.breached) == (1, 0)  # resolution left out
    assert gold_only_response.held is True
    # metrics=() pools response and resolution of both priorities: 1 met of 3.
    pooled = goal(report, "gold", "silver")
    assert (pooled.met, pooled.breached, pooled.fraction) == (1, 2, Fraction(1, 3))
    assert pooled.held is False
    silver = goal(report, "silver")  # metrics=(): its no-target resolution adds nothing
    assert (silver.met, silver.breached, silver.held) == (0, 1, False)
    assert report.met is False


def test_goal_over_no_counted_target_holds() -> None:
    # Only running and not-started targets: nothing judged, every goal holds.
    report = compliance(
        CUSTOM,
        [Ticket(id="G-RUN", priority="gold", opened_at=datetime(2026, 11, 7, 23, tzinfo=AMS))],
        C_START,
        C_END,
    )
    assert all(g.fraction is None and g.held for g in report.goals)
    assert report.met is True
    # And with no tickets at all.
    empty = compliance(CUSTOM, [], C_START, C_END)
    assert empty.met is True
    assert empty.tickets == 0
    assert all(cell.total == 0 for cell in empty.cells.values())


def test_cells_cover_every_target_in_priority_order(iv: Contract) -> None:
    report = compliance(iv, [], START, END)
    assert list(report.cells) == [
        ("top", "response"),
        ("top", "resolution"),
        ("high", "response"),
        ("high", "resolution"),
        ("medium", "response"),
        ("medium", "resolution"),
        ("low", "response"),
        ("low", "resolution"),
    ]


def test_aliases_count_under_the_canonical_priority(iv: Contract) -> None:
    report = compliance(iv, [responded("A", "Hoog (2)", MON, ams(2, 10))], START, END)
    assert report.cells["high", "response"].met == 1


# --- reopened tickets with new cycles -------------------------------------------------


def test_new_cycle_breach_in_an_earlier_cycle_counts_as_breached() -> None:
    # Resolution: root cause 09:00, resolved 18:00 = 9 h > 8 h: the first cycle breached.
    # Reopened Tuesday 09:00 (a fresh 8 h clock), resolved 10:00: the second cycle met.
    ticket = Ticket(
        id="G",
        priority="gold",
        opened_at=ams(2, 9),
        events=[
            Event(at=ams(2, 9), kind="responded"),
            Event(at=ams(2, 9), kind="root_cause_identified"),
            Event(at=ams(2, 18), kind="resolved"),
            Event(at=ams(3, 9), kind="reopened"),
            Event(at=ams(3, 10), kind="resolved"),
        ],
    )
    evaluated = NEW_CYCLE.evaluate(ticket, at=C_END).targets["resolution"]
    assert evaluated.status.value == "met"
    assert evaluated.ever_breached
    assert len(evaluated.cycles) == 2
    cell = compliance(NEW_CYCLE, [ticket], C_START, C_END).cells["gold", "resolution"]
    assert (cell.met, cell.breached) == (0, 1)  # counted once, as breached


# --- the period's edges --------------------------------------------------------------


def test_ticket_at_start_is_in_ticket_at_end_is_out(iv: Contract) -> None:
    at_start = responded("AT-START", "high", START, ams(2, 9))
    at_end = responded("AT-END", "high", END, END + timedelta(days=5))  # would breach
    before = responded("BEFORE", "high", START - timedelta(microseconds=1), ams(3, 12))
    last = responded("LAST", "high", END - timedelta(microseconds=1), END + timedelta(hours=1))
    report = compliance(iv, [at_start, at_end, before, last], START, END)
    # AT-START: Sunday 00:00, first open time Monday 08:30, answered 09:00: 30 min, met.
    # LAST: Monday 30 Nov 23:59:59.999999 -> at = 1 Dec 00:00, nothing counted: running.
    cell = report.cells["high", "response"]
    assert (cell.met, cell.breached, cell.running) == (1, 0, 1)
    assert report.tickets == 2
    assert report.ignored == 2
    assert report.errors == ()


def test_edges_compare_instants_across_zones(iv: Contract) -> None:
    # START in UTC is 2026-10-31T23:00Z; a ticket opened at that instant is in.
    start_utc = START.astimezone(timezone.utc)
    end_utc = END.astimezone(timezone.utc)
    tickets = [responded("A", "high", START, ams(2, 9)), responded("B", "high", END, END)]
    report = compliance(iv, tickets, start_utc, end_utc)
    assert (report.tickets, report.ignored) == (1, 1)


def test_tickets_outside_the_period_are_ignored_even_when_bad(iv: Contract) -> None:
    bad_but_old = Ticket(
        id="OLD",
        priority="high",
        opened_at=datetime(2026, 10, 5, 9, tzinfo=AMS),
        events=[Event(at=datetime(2026, 10, 5, 10, tzinfo=AMS), kind="resumed")],
    )
    report = compliance(iv, [bad_but_old], START, END)
    assert (report.tickets, report.ignored, report.errors) == (0, 1, ())


# --- bad tickets ---------------------------------------------------------------------


def test_bad_tickets_are_listed_and_do_not_stop_the_report(iv: Contract) -> None:
    tickets: list[Any] = [
        high_met(1),
        {"id": "BAD-PRIO", "priority": "urgent", "opened_at": "2026-11-02T09:00:00+01:00"},
        Ticket(
            id="BAD-RESUME",
            priority="high",
            opened_at=MON,
            events=[Event(at=ams(2, 10), kind="resumed")],
        ),
        {"id": "BAD-SHAPE", "priority": "high"},  # no opened_at
        {"id": "NAIVE", "priority": "high", "opened_at": "2026-11-02T09:00:00"},
        {
            "id": "OK-DICT",
            "priority": "high",
            "opened_at": "2026-11-02T09:00:00+01:00",
            "events": [{"at": "2026-11-03T10:00:00+01:00", "kind": "responded"}],
        },
    ]
    report = compliance(iv, tickets, START, END)
    assert [(f.index, f.ticket_id) for f in report.errors] == [
        (1, "BAD-PRIO"),
        (2, "BAD-RESUME"),
        (3, "BAD-SHAPE"),
        (4, "NAIVE"),
    ]
    assert isinstance(report.errors[0].error, TicketError)
    assert "urgent" in report.errors[0].message
    assert isinstance(report.errors[1].error, TicketError)
    assert isinstance(report.errors[2].error, ValueError)  # pydantic's ValidationError
    cell = report.cells["high", "response"]
    assert (cell.met, cell.breached) == (1, 1)  # HIGH-MET-1 and OK-DICT (10 h > 9 h)
    assert report.tickets == 2


# --- arguments -----------------------------------------------------------------------


def test_naive_period_bounds_are_rejected(iv: Contract) -> None:
    with pytest.raises(NaiveDatetimeError, match="start="):
        compliance(iv, [], datetime(2026, 11, 1), END)
    with pytest.raises(NaiveDatetimeError, match="end="):
        compliance(iv, [], START, datetime(2026, 12, 1))


def test_end_not_after_start_is_rejected(iv: Contract) -> None:
    with pytest.raises(InvalidIntervalError):
        compliance(iv, [], END, START)
    with pytest.raises(InvalidIntervalError):
        compliance(iv, [], START, START)


def test_contract_without_goals_is_met(iv: Contract) -> None:
    bare = iv.model_copy(update={"compliance": ()})
    report = compliance(bare, [high_breached(1)], START, END)
    assert report.goals == ()
    assert report.met is True


# --- output --------------------------------------------------------------------------


def test_rows_and_dict_are_json_friendly(iv: Contract) -> None:
    report = compliance(iv, [high_met(1), high_breached(1)], START, END)
    rows = report.as_rows()
    high = next(r for r in rows if (r["priority"], r["metric"]) == ("high", "response"))
    assert high == {
        "priority": "high",
        "metric": "response",
        "met": 1,
        "breached": 1,
        "fraction_met": 0.5,
        "running": 0,
        "paused": 0,
        "not_started": 0,
        "no_target": 0,
    }
    data = json.loads(json.dumps(report.as_dict()))
    assert data["met"] is False
    assert data["start"] == "2026-11-01T00:00:00+01:00"
    assert [g["held"] for g in data["goals"]] == [True, False]
    assert data["goals"][1]["fraction"] == 0.5
    assert data["tickets"] == 2
    assert data["errors"] == []


def test_report_is_frozen(iv: Contract) -> None:
    report = compliance(iv, [], START, END)
    with pytest.raises(AttributeError):
        report.tickets = 3  # type: ignore[misc]
    hash(report.cells)


# --- per="ticket": each ticket counts once (SPEC 5) ------------------------------------

PER_TICKET = CUSTOM.model_copy(
    update={
        "compliance": (
            ComplianceGoal(priorities=("gold",), minimum=1.0, per="ticket"),
            ComplianceGoal(priorities=("gold",), metrics=("response",), minimum=1.0, per="ticket"),
        )
    }
)


def gold(tid: str, opened: datetime, *events: tuple[datetime, str]) -> Ticket:
    return Ticket(
        id=tid,
        priority="gold",
        opened_at=opened,
        events=[Event(at=at, kind=kind) for at, kind in events],
    )


def test_per_ticket_a_breached_target_makes_the_ticket_breached() -> None:
    # Response 1 h (met); root cause 10:00, resolved 18:00:01 = 8 h 1 s > 8 h (breached).
    late = gold(
        "G-LATE",
        ams(2, 9),
        (ams(2, 10), "responded"),
        (ams(2, 10), "root_cause_identified"),
        (datetime(2026, 11, 2, 18, 0, 1, tzinfo=AMS), "resolved"),
    )
    # The same resolved at 18:00:00, exactly 8 h: met.
    on_time = gold(
        "G-ON-TIME",
        ams(2, 9),
        (ams(2, 10), "responded"),
        (ams(2, 10), "root_cause_identified"),
        (ams(2, 18), "resolved"),
    )
    report = compliance(PER_TICKET, [late, on_time], C_START, C_END)
    whole, response_only = report.goals
    assert (whole.per, whole.met, whole.breached, whole.fraction) == (
        "ticket",
        1,
        1,
        Fraction(1, 2),
    )
    assert whole.held is False
    # a goal over response only: both tickets met it
    assert (response_only.met, response_only.breached, response_only.held) == (2, 0, True)
    # per target the same tickets pool 3 met of 4
    assert goal(compliance(CUSTOM, [late, on_time], C_START, C_END), "gold", "silver").fraction == (
        Fraction(3, 4)
    )


def test_per_ticket_running_or_paused_is_not_counted_not_started_is() -> None:
    # Response met (1 h) and the resolution still running at the end (root cause at
    # Saturday 20:00, 4 h before the end of the week < 8 h): not counted.
    running = gold(
        "G-RUN", ams(2, 9), (ams(2, 10), "responded"), (ams(7, 20), "root_cause_identified")
    )
    # Response paused from 09:30 to past the end: not counted (resolution never started).
    paused = gold("G-PAUSE", ams(2, 9), (ams(2, 9, 30), "paused"))
    # Response met, no root cause: the resolution never started; met, shown as not started.
    no_root_cause = gold("G-NRC", ams(2, 9), (ams(2, 10), "responded"))
    # Nothing started at all is impossible for a response; nothing judged: not counted.
    report = compliance(PER_TICKET, [running, paused, no_root_cause], C_START, C_END)
    whole = report.goals[0]
    assert (whole.met, whole.breached, whole.not_started) == (1, 0, 2)
    assert whole.as_dict()["per"] == "ticket"


def test_per_ticket_a_breach_in_an_earlier_cycle_breaches_the_ticket() -> None:
    ticket = gold(
        "G",
        ams(2, 9),
        (ams(2, 9), "responded"),
        (ams(2, 9), "root_cause_identified"),
        (ams(2, 18), "resolved"),  # 9 h > 8 h: the first cycle breached
        (ams(3, 9), "reopened"),
        (ams(3, 10), "resolved"),  # the second cycle met
    )
    per_ticket = PER_TICKET.model_copy(update={"clock": ClockPolicy(on_reopen="new_cycle")})
    whole = compliance(per_ticket, [ticket], C_START, C_END).goals[0]
    assert (whole.met, whole.breached) == (0, 1)


def test_per_is_target_by_default_and_validated() -> None:
    assert ComplianceGoal(priorities=("gold",), minimum=1.0).per == "target"
    with pytest.raises(ValueError, match="per"):
        ComplianceGoal(priorities=("gold",), minimum=1.0, per="request")  # type: ignore[arg-type]
