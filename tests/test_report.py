"""Tests for ``slacalc._clock.report``: ``Status`` and the report dataclasses.

The reports come from a tiny ``Contract.evaluate`` with an explicit ``at``. Worked by
hand: the office is open Monday to Friday 09:00-17:00 in Amsterdam (+01:00 in November);
2026-11-23 is a Monday. The ticket opens Monday 09:00 and is answered at 09:30.

- response, 1 h: stopped after 30 min of open time, MET; due (projected from the stop)
  at 10:00; the 0.5 milestone (30 min) falls at 09:30.
- resolution, 8 h: at Monday 12:00 it has run 3 h, RUNNING, due Monday 17:00 (the end of
  the window) so breached only after the next opening, Tuesday 09:00.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from slacalc import (
    BatchReport,
    Calendar,
    Contract,
    CycleReport,
    Event,
    Priority,
    Status,
    Target,
    TargetReport,
    Ticket,
    TicketError,
    TicketFailure,
    TicketReport,
    evaluate_many,
)

AMS = ZoneInfo("Europe/Amsterdam")
H = timedelta(hours=1)


def ams(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=AMS)


CONTRACT = Contract(
    id="acme/gold",
    calendars={"office": Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")},
    priorities=[Priority(id="P1")],
    targets=[
        Target(metric="response", priority="P1", within=H, calendar="office", milestones=[0.5]),
        Target(metric="resolution", priority="P1", within=8 * H, calendar="office"),
    ],
)
ANSWERED = Ticket(
    id="INC-1",
    priority="P1",
    opened_at=ams(23, 9),
    events=[Event(at=ams(23, 9, 30), kind="responded")],
)
SILENT = Ticket(id="INC-2", priority="P1", opened_at=ams(23, 9))


@pytest.fixture(scope="module")
def report() -> TicketReport:
    return CONTRACT.evaluate(ANSWERED, at=ams(23, 12))


# ---------------------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------------------

STATUSES = [
    (Status.MET, "met"),
    (Status.BREACHED, "breached"),
    (Status.RUNNING, "running"),
    (Status.PAUSED, "paused"),
    (Status.NOT_STARTED, "not_started"),
    (Status.NO_TARGET, "no_target"),
]


@pytest.mark.parametrize(("member", "value"), STATUSES, ids=[v for _, v in STATUSES])
def test_status_is_a_str_enum_with_the_documented_values(member: Status, value: str) -> None:
    assert isinstance(member, str)
    assert member.value == value
    assert member == value
    assert Status(value) is member
    assert str(member) == value
    assert f"{member}" == value
    assert json.dumps(member) == f'"{value}"'
    assert json.dumps({"status": member}) == f'{{"status": "{value}"}}'


def test_status_has_exactly_six_members() -> None:
    assert [s.value for s in Status] == [v for _, v in STATUSES]


@pytest.mark.parametrize("value", ["MET", "Met", "late", "", "not started"])
def test_an_unknown_status_value_is_rejected(value: str) -> None:
    with pytest.raises(ValueError, match=repr(value)):
        Status(value)


# ---------------------------------------------------------------------------------------
# TicketReport, TargetReport, CycleReport
# ---------------------------------------------------------------------------------------


def test_the_ticket_report_names_the_ticket(report: TicketReport) -> None:
    assert (report.ticket_id, report.priority, report.kind) == ("INC-1", "P1", "incident")
    assert report.at == ams(23, 12)
    assert list(report.targets) == ["response", "resolution"]
    assert all(isinstance(r, TargetReport) for r in report.targets.values())
    assert report.breached is False


def test_the_ticket_report_as_dict_is_json(report: TicketReport) -> None:
    d = report.as_dict()
    assert json.loads(json.dumps(d)) == d
    assert {k: v for k, v in d.items() if k != "targets"} == {
        "ticket_id": "INC-1",
        "priority": "P1",
        "kind": "incident",
        "at": "2026-11-23T12:00:00+01:00",
        "breached": False,
        "next_change_at": "2026-11-24T09:00:00+01:00",  # the running resolution's breach_at
    }
    assert list(d["targets"]) == ["response", "resolution"]
    assert d["targets"]["response"] == report.targets["response"].as_dict()


def test_a_met_target_as_dict(report: TicketReport) -> None:
    d = report.targets["response"].as_dict()
    assert json.loads(json.dumps(d)) == d
    cycles = d.pop("cycles")
    assert d == {
        "metric": "response",
        "priority": "P1",
        "status": "met",
        "target": 3600.0,
        "due_at": "2026-11-23T10:00:00+01:00",
        "breach_at": "2026-11-23T10:00:00+01:00",
        "elapsed": 1800.0,
        "paused": 0.0,
        "remaining": 1800.0,
        "started_at": "2026-11-23T09:00:00+01:00",
        "stopped_at": "2026-11-23T09:30:00+01:00",
        "milestones": [[0.5, "2026-11-23T09:30:00+01:00"]],
        "ever_breached": False,
        "commitment": "guaranteed",
        "next_change_at": None,  # stopped: nothing will change
    }
    assert type(d["status"]) is str
    assert len(cycles) == 1
    assert cycles[0]["status"] == "met"
    assert cycles[0]["elapsed"] == 1800.0
    assert cycles[0]["started_at"] == "2026-11-23T09:00:00+01:00"
    assert cycles[0]["stopped_at"] == "2026-11-23T09:30:00+01:00"


def test_a_running_target_as_dict(report: TicketReport) -> None:
    d = report.targets["resolution"].as_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["status"] == "running"
    assert (d["target"], d["elapsed"], d["remaining"]) == (28800.0, 10800.0, 18000.0)
    assert d["due_at"] == "2026-11-23T17:00:00+01:00"
    assert d["breach_at"] == "2026-11-24T09:00:00+01:00"
    assert d["stopped_at"] is None
    assert d["milestones"] == []
    assert d["next_change_at"] == d["breach_at"]  # no milestone: the breach comes next


def test_a_cycle_report_as_dict_is_json(report: TicketReport) -> None:
    (cycle,) = report.targets["resolution"].cycles
    assert isinstance(cycle, CycleReport)
    d = cycle.as_dict()
    assert json.loads(json.dumps(d)) == d
    assert set(d) == {f.name for f in dataclasses.fields(CycleReport)}
    assert (d["status"], d["stopped_at"], d["remaining"]) == ("running", None, 18000.0)


def test_a_breached_report_as_dict() -> None:
    # Tuesday 10:00: 9 h of open time since Monday 09:00 and no answer.
    report = CONTRACT.evaluate(SILENT, at=ams(24, 10))
    assert report.breached is True
    d = report.as_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["breached"] is True
    response, resolution = d["targets"]["response"], d["targets"]["resolution"]
    assert (response["status"], response["elapsed"], response["remaining"]) == (
        "breached",
        32400.0,
        -28800.0,
    )
    assert response["breach_at"] == "2026-11-23T10:00:00+01:00"
    assert response["ever_breached"] is True
    assert (resolution["status"], resolution["remaining"]) == ("breached", -3600.0)


def test_a_not_started_report_as_dict() -> None:
    # Opened after `at`: every target NOT_STARTED (docs/evaluation.md).
    d = CONTRACT.evaluate(SILENT, at=ams(23, 8)).as_dict()
    assert json.loads(json.dumps(d)) == d
    assert {m: r["status"] for m, r in d["targets"].items()} == {
        "response": "not_started",
        "resolution": "not_started",
    }
    assert d["targets"]["response"]["due_at"] is None


@pytest.mark.parametrize(
    ("get", "field", "value"),
    [
        (lambda r: r, "ticket_id", "x"),
        (lambda r: r.targets["response"], "status", Status.BREACHED),
        (lambda r: r.targets["response"].cycles[0], "elapsed", timedelta(0)),
    ],
    ids=["ticket", "target", "cycle"],
)
def test_reports_are_frozen(report: TicketReport, get: Any, field: str, value: Any) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match=field):
        setattr(get(report), field, value)


def test_report_breached_properties(report: TicketReport) -> None:
    assert report.targets["response"].breached is False
    assert report.targets["response"].cycles[0].breached is False
    late = CONTRACT.evaluate(SILENT, at=ams(24, 10))
    assert late.targets["response"].breached is True
    assert late.targets["response"].cycles[-1].breached is True


# ---------------------------------------------------------------------------------------
# BatchReport and TicketFailure
# ---------------------------------------------------------------------------------------


def test_a_batch_keeps_reports_and_failures_in_input_order() -> None:
    unknown = Ticket(id="INC-3", priority="P9", opened_at=ams(23, 9))
    batch = evaluate_many(CONTRACT, [ANSWERED, unknown, SILENT], at=ams(23, 12))
    assert isinstance(batch, BatchReport)
    assert len(batch) == 3
    assert [r.ticket_id for r in batch.reports] == ["INC-1", "INC-2"]
    (failure,) = batch.errors
    assert isinstance(failure, TicketFailure)
    assert (failure.index, failure.ticket_id) == (1, "INC-3")
    assert isinstance(failure.error, TicketError)
    assert "'P9'" in failure.message
    assert failure.message == str(failure.error)
    assert list(batch) == [batch.reports[0], failure, batch.reports[1]]
    # INC-2 has had 3 h of open time without an answer: its 1 h response is breached.
    assert batch.reports[0].breached is False
    assert batch.reports[1].targets["response"].status is Status.BREACHED
    assert batch.breached is True
    for r in batch.reports:
        json.dumps(r.as_dict())


def test_a_ticket_reports_targets_are_read_only_and_the_report_hashes() -> None:
    from slacalc import FrozenMap, contracts

    report = contracts.get("vioms/advanced").evaluate(
        Ticket(id="T-1", priority="P1", opened_at=datetime(2026, 11, 23, 16, tzinfo=AMS)),
        at=datetime(2026, 11, 23, 17, tzinfo=AMS),
    )
    assert isinstance(report.targets, FrozenMap)
    with pytest.raises(TypeError):
        report.targets["response"] = report.targets["resolution"]  # type: ignore[index]
    assert hash(report) == hash(dataclasses.replace(report))
    assert {report: 1}[dataclasses.replace(report)] == 1
