"""``slacalc.frame``: DataFrames of tickets into results and compliance tables."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

pd = pytest.importorskip("pandas")

import slacalc  # noqa: E402
from slacalc import Event, Ticket, TicketError, contracts, frame  # noqa: E402
from slacalc.cli import main  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
AT = "2026-11-30T09:00+01:00"
# vioms/advanced: mon-fri 09:00-17:00 Europe/Amsterdam; P1 response within 4 h open time.
# Opened Monday 2026-11-23 16:00: one hour on Monday, three on Tuesday -> due Tue 12:00.
OPENED = "2026-11-23T16:00:00+01:00"
DUE = datetime(2026, 11, 24, 12, 0, tzinfo=AMS)


def tickets_frame(**columns: list[Any]) -> Any:
    return pd.DataFrame(columns)


def same_instant(cell: Any, expected: datetime | str | None) -> bool:
    """A result cell (Timestamp or NaT) against an instant (or ``None``)."""
    if expected is None:
        return bool(pd.isna(cell))
    return bool(cell == pd.Timestamp(expected))


def by_metric(results: Any, ticket: str) -> dict[str, Any]:
    rows = results[results["ticket"] == ticket]
    return {row["metric"]: row for _, row in rows.iterrows()}


# -- results ------------------------------------------------------------------------------


def test_response_at_the_due_instant_is_met_one_second_later_breached() -> None:
    # The due instant by hand, and by the engine on a Ticket: the same.
    c = contracts.get("vioms/advanced")
    direct = c.evaluate(
        Ticket(id="x", priority="P1", opened_at=datetime(2026, 11, 23, 16, tzinfo=AMS)),
        at=datetime(2026, 11, 23, 16, tzinfo=AMS),
    )
    assert direct.targets["response"].due_at == DUE
    tickets = tickets_frame(
        id=["ON-TIME", "LATE"],
        priority=["P1", "P1"],
        opened_at=[OPENED, OPENED],
        responded_at=[DUE.isoformat(), (DUE + timedelta(seconds=1)).isoformat()],
    )
    results = frame.evaluate(tickets, "vioms/advanced", at=AT)
    on_time = by_metric(results, "ON-TIME")["response"]
    late = by_metric(results, "LATE")["response"]
    assert on_time["status"] == "met"
    assert late["status"] == "breached"
    assert on_time["due_at"] == pd.Timestamp(DUE) == late["due_at"]
    assert on_time["elapsed"] == pd.Timedelta(hours=4)
    assert late["elapsed"] == pd.Timedelta(hours=4, seconds=1)
    assert str(results["due_at"].dt.tz) == "Europe/Amsterdam"


def test_due_at_a_window_end_is_breached_only_after_the_next_opening() -> None:
    # Opened Monday 13:00: four hours end at Monday 17:00; the target still holds until
    # Tuesday 09:00, when the clock runs again.
    tickets = tickets_frame(
        id=["A", "B"],
        priority=["P1", "P1"],
        opened_at=["2026-11-23T13:00+01:00"] * 2,
        responded_at=["2026-11-24T09:00+01:00", "2026-11-24T09:00:01+01:00"],
    )
    results = frame.evaluate(tickets, "vioms/advanced", at=AT)
    a, b = by_metric(results, "A")["response"], by_metric(results, "B")["response"]
    assert a["due_at"] == pd.Timestamp("2026-11-23T17:00+01:00")
    assert a["breach_at"] == pd.Timestamp("2026-11-24T09:00+01:00")
    assert (a["status"], b["status"]) == ("met", "breached")


def test_timestamp_and_iso_text_cells_give_the_same_results() -> None:
    text = tickets_frame(
        id=["A", "B"],
        priority=["P1", "P2"],
        opened_at=[OPENED, "2026-11-24T10:00:00+01:00"],
        responded_at=["2026-11-24T11:00:00+01:00", None],
    )
    stamped = text.copy()
    stamped["opened_at"] = pd.to_datetime(text["opened_at"], utc=True)
    stamped["responded_at"] = pd.to_datetime(text["responded_at"], utc=True).dt.tz_convert(AMS)
    at = datetime(2026, 11, 30, 9, tzinfo=timezone.utc)
    left = frame.evaluate(text, "vioms/advanced", at=at)
    right = frame.evaluate(stamped, contracts.get("vioms/advanced"), at=pd.Timestamp(at))
    pd.testing.assert_frame_equal(left, right)
    assert left["error"].isna().all()


def test_blank_cells_nan_nat_none_and_empty_text_are_no_event() -> None:
    tickets = tickets_frame(
        id=["A", "B", "C", "D"],
        priority=["P1"] * 4,
        opened_at=[OPENED] * 4,
        responded_at=[None, float("nan"), pd.NaT, "  "],
    )
    results = frame.evaluate(tickets, "vioms/advanced", at="2026-11-24T10:00+01:00")
    assert results["error"].isna().all()
    response = results[results["metric"] == "response"]
    assert response["status"].tolist() == ["running"] * 4
    assert response["due_at"].tolist() == [pd.Timestamp(DUE)] * 4


def test_a_naive_timestamp_is_a_bad_row_with_a_message() -> None:
    tickets = tickets_frame(
        id=["A", "B"],
        priority=["P1", "P1"],
        opened_at=pd.to_datetime(["2026-11-23 16:00", "2026-11-23 16:00"]),
    )
    results = frame.evaluate(tickets, "vioms/advanced", at=AT)
    assert len(results) == 2
    assert results["ticket"].tolist() == ["A", "B"]
    assert results["error"].str.contains("has no time zone").all()
    assert "tz_localize" in results["error"][0]


def test_bad_rows_are_kept_in_place_with_their_index_label() -> None:
    tickets = tickets_frame(
        id=["A", "B", "C", "D", "A", None],
        priority=["P1", "P9", "P1", "P1", "P1", "P1"],
        opened_at=[OPENED, OPENED, "yesterday", OPENED, OPENED, OPENED],
        contract=[None, None, None, "vioms/advansed", None, None],
    )
    tickets.index = ["r1", "r2", "r3", "r4", "r5", "r6"]
    results = frame.evaluate(tickets, "vioms/advanced", at=AT)
    bad = results[results["error"].notna()]
    assert bad["row"].tolist() == ["r2", "r3", "r4", "r5", "r6"]
    errors = dict(zip(bad["row"], bad["error"], strict=True))
    assert "unknown priority 'P9'" in errors["r2"]
    assert errors["r3"] == "opened_at 'yesterday' is not an ISO 8601 time"
    assert errors["r4"].startswith("unknown contract 'vioms/advansed'; did you mean")
    assert errors["r5"] == "duplicate id (first in row 'r1')"
    assert errors["r6"] == "id is empty"
    # one row each, only ticket, error and row filled
    assert bad[["contract", "priority", "metric", "status"]].isna().all().all()
    assert bad[["due_at", "breach_at", "elapsed"]].isna().all().all()
    # input order: the good ticket's rows first, then the bad rows in order
    assert results["row"].tolist()[:3] == ["r1"] * 3
    assert results.loc[results["row"] == "r1", "error"].isna().all()


def test_results_join_back_to_the_input() -> None:
    tickets = tickets_frame(
        id=["A", "B"],
        priority=["P1", "P2"],
        opened_at=[OPENED, OPENED],
        team=["red", "blue"],
    )
    tickets.index = [10, 20]
    results = frame.evaluate(tickets, "vioms/advanced", at=AT)
    assert results["row"].dtype == tickets.index.dtype
    joined = results.merge(tickets, left_on="row", right_index=True)
    assert (joined["ticket"] == joined["id"]).all()
    assert joined.groupby("team")["metric"].count().to_dict() == {"blue": 2, "red": 3}
    assert tickets.loc[results["row"], "id"].tolist() == results["ticket"].tolist()


def test_result_columns_and_the_priority_judged_by() -> None:
    tickets = tickets_frame(id=["A"], priority=["PRIO 2"], opened_at=[OPENED])
    results = frame.evaluate(tickets, "vioms/advanced", at=AT)
    assert tuple(results.columns) == frame.RESULT_COLUMNS
    assert results["priority"].tolist() == ["P2", "P2"]  # the canonical id, not the alias
    assert results["contract"].tolist() == ["vioms/advanced"] * 2
    assert results["ever_breached"].tolist() == (results["status"] == "breached").tolist()


def test_mixed_contracts_from_the_contract_column() -> None:
    tickets = tickets_frame(
        id=["V", "I", "R"],
        priority=["P1", "top", "critical"],
        opened_at=[OPENED] * 3,
        contract=["vioms/advanced", "infravision/cloud", None],
    )
    results = frame.evaluate(tickets, "reflex/basis", at=AT)
    assert results["error"].isna().all()
    assert results.groupby("ticket", sort=False)["contract"].first().to_dict() == {
        "V": "vioms/advanced",
        "I": "infravision/cloud",
        "R": "reflex/basis",
    }
    for ticket, contract_id, priority in (
        ("V", "vioms/advanced", "P1"),
        ("I", "infravision/cloud", "top"),
        ("R", "reflex/basis", "critical"),
    ):
        direct = contracts.get(contract_id).evaluate(
            Ticket(id=ticket, priority=priority, opened_at=datetime.fromisoformat(OPENED)),
            at=datetime.fromisoformat(AT),
        )
        rows = by_metric(results, ticket)
        assert list(rows) == list(direct.targets)
        for metric, r in direct.targets.items():
            assert rows[metric]["status"] == r.status.value
            assert same_instant(rows[metric]["due_at"], r.due_at)


def test_without_a_contract_every_row_must_name_one() -> None:
    tickets = tickets_frame(
        id=["A", "B"],
        priority=["P1", "P1"],
        opened_at=[OPENED] * 2,
        contract=["vioms/advanced", ""],
    )
    results = frame.evaluate(tickets, at=AT)
    assert results["error"].tolist()[-1] == "contract is empty and no contract was given"
    assert results[results["ticket"] == "A"]["error"].isna().all()


def test_events_frame_pause_reopen_and_priority_change() -> None:
    opened = datetime(2026, 11, 23, 10, tzinfo=AMS)
    tickets = tickets_frame(
        id=["PAUSE", "REOPEN", "CHANGE"],
        priority=["level-1", "P1", "P3"],
        opened_at=[opened] * 3,
        contract=["intramed/online", "vioms/advanced", "vioms/advanced"],
        resolved_at=[None, "2026-11-23T11:00+01:00", None],
    )
    events = pd.DataFrame(
        {
            "ticket": ["PAUSE", "PAUSE", "REOPEN", "CHANGE"],
            "at": [
                "2026-11-23T11:00+01:00",
                "2026-11-23T15:00+01:00",
                "2026-11-23T13:00+01:00",
                "2026-11-23T12:00+01:00",
            ],
            "kind": ["paused", "resumed", "reopened", "priority_changed"],
            "priority": [None, None, None, "P1"],
            "reason": ["waiting on customer", None, None, None],
        }
    )
    at = datetime(2026, 11, 24, 17, tzinfo=AMS)
    results = frame.evaluate(tickets, at=at, events=events)
    assert results["error"].isna().all()
    expected = {
        "PAUSE": contracts.get("intramed/online").evaluate(
            Ticket(
                id="PAUSE",
                priority="level-1",
                opened_at=opened,
                events=[
                    Event(at=datetime(2026, 11, 23, 11, tzinfo=AMS), kind="paused"),
                    Event(at=datetime(2026, 11, 23, 15, tzinfo=AMS), kind="resumed"),
                ],
            ),
            at=at,
        ),
        "REOPEN": contracts.get("vioms/advanced").evaluate(
            Ticket(
                id="REOPEN",
                priority="P1",
                opened_at=opened,
                events=[
                    Event(at=datetime(2026, 11, 23, 11, tzinfo=AMS), kind="resolved"),
                    Event(at=datetime(2026, 11, 23, 13, tzinfo=AMS), kind="reopened"),
                ],
            ),
            at=at,
        ),
        "CHANGE": contracts.get("vioms/advanced").evaluate(
            Ticket(
                id="CHANGE",
                priority="P3",
                opened_at=opened,
                events=[
                    Event(
                        at=datetime(2026, 11, 23, 12, tzinfo=AMS),
                        kind="priority_changed",
                        priority="P1",
                    )
                ],
            ),
            at=at,
        ),
    }
    for ticket, report in expected.items():
        rows = by_metric(results, ticket)
        assert list(rows) == list(report.targets)
        for metric, r in report.targets.items():
            row = rows[metric]
            assert (row["status"], row["priority"]) == (r.status.value, r.priority)
            assert row["elapsed"] == pd.Timedelta(r.elapsed)
            assert same_instant(row["due_at"], r.due_at)
    assert by_metric(results, "CHANGE")["response"]["priority"] == "P1"
    # the pause moved the restore deadline: four hours of open time lost
    assert rows_paused(results) > pd.Timedelta(0)


def rows_paused(results: Any) -> Any:
    direct_without_pause = contracts.get("intramed/online").evaluate(
        Ticket(id="P", priority="level-1", opened_at=datetime(2026, 11, 23, 10, tzinfo=AMS)),
        at=datetime(2026, 11, 24, 17, tzinfo=AMS),
    )
    with_pause = by_metric(results, "PAUSE")["restore"]["due_at"]
    return with_pause - pd.Timestamp(direct_without_pause.targets["restore"].due_at)


def test_bad_events_make_their_ticket_bad_and_orphans_are_reported() -> None:
    tickets = tickets_frame(id=["A", "B"], priority=["P1", "P1"], opened_at=[OPENED] * 2)
    events = pd.DataFrame(
        {
            "ticket": ["A", "Z", None, "B"],
            "at": ["whenever", OPENED, OPENED, "2026-11-23T17:00+01:00"],
            "kind": ["paused", "paused", "paused", "resumed"],
        },
        index=[5, 6, 7, 8],
    )
    results = frame.evaluate(tickets, "vioms/advanced", at=AT, events=events)
    errors = results[results["error"].notna()]
    assert errors["ticket"].tolist()[:1] == ["A"]
    assert errors["error"].tolist()[0] == "events row 5: at 'whenever' is not an ISO 8601 time"
    # B's resumed without a pause fails in the engine: a bad row in B's place
    assert "B" in errors["ticket"].tolist()
    tail = results.tail(2)
    assert tail["ticket"].tolist()[0] == "Z"
    assert pd.isna(tail["ticket"].tolist()[1])
    assert tail["error"].tolist() == [
        "events row 6: no such ticket in the tickets frame",
        "events row 7: ticket is empty",
    ]
    assert tail["row"].isna().all()


# -- the command line's semantics -------------------------------------------------------------


def test_same_statuses_and_instants_as_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tickets = tickets_frame(
        id=["V-1", "V-2", "I-1", "BAD", "V-3"],
        priority=["P1", "PRIO 2", "high", "P7", "P4"],
        opened_at=[OPENED, "2026-11-24T16:59+01:00", "2026-11-25T08:00+01:00", OPENED, OPENED],
        kind=["incident", "", "incident", "incident", None],
        contract=["", "vioms/advanced", "infravision/cloud", "", ""],
        responded_at=[DUE.isoformat(), None, "2026-11-25T18:00+01:00", None, None],
        resolved_at=[None, "2026-11-25T10:00+01:00", None, None, None],
    )
    events = pd.DataFrame(
        {
            "ticket": ["V-3", "V-3", "I-1"],
            "at": ["2026-11-24T10:00+01:00", "2026-11-24T11:00+01:00", "2026-11-26T09:00+01:00"],
            "kind": ["priority_changed", "paused", "resolved"],
            "priority": ["P2", None, None],
            "reason": [None, "customer", None],
        }
    )
    tickets_csv, events_csv = tmp_path / "tickets.csv", tmp_path / "events.csv"
    tickets.to_csv(tickets_csv, index=False)
    events.to_csv(events_csv, index=False)
    argv = ["check", "vioms/advanced", str(tickets_csv), "--events", str(events_csv)]
    code = main([*argv, "--at", AT, "--format", "json"])
    assert code == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    results = frame.evaluate(tickets, "vioms/advanced", at=AT, events=events)
    assert len(results) == len(lines)
    for line, (_, row) in zip(lines, results.iterrows(), strict=True):
        assert row["ticket"] == line["ticket"]
        if "error" in line:
            assert row["error"] == line["error"]
            continue
        assert pd.isna(row["error"])
        assert row["contract"] == line["contract"]
        assert (row["metric"], row["status"]) == (line["metric"], line["status"])
        assert same_instant(row["due_at"], line["due_at"])
        assert same_instant(row["breach_at"], line["breach_at"])
        assert row["elapsed"].total_seconds() == line["elapsed_seconds"]
    # read_csv's frame (text and NaN cells) gives the same as the frame we built
    read = frame.evaluate(pd.read_csv(tickets_csv), "vioms/advanced", at=AT, events=events)
    pd.testing.assert_frame_equal(read, results)


# -- column errors --------------------------------------------------------------------------


def test_a_missing_required_column_is_an_error_naming_it_and_the_columns() -> None:
    tickets = tickets_frame(id=["A"], opened="x")
    with pytest.raises(TicketError) as caught:
        frame.evaluate(tickets, "vioms/advanced", at=AT)
    message = str(caught.value)
    assert "missing column(s) priority, opened_at" in message
    assert "id, priority, opened_at, kind, contract, responded_at" in message
    assert isinstance(caught.value, slacalc.SlacalcError)


def test_an_unknown_time_column_is_an_error() -> None:
    tickets = tickets_frame(id=["A"], priority=["P1"], opened_at=[OPENED], respond_at=[OPENED])
    with pytest.raises(TicketError, match=r"unknown column\(s\) respond_at"):
        frame.evaluate(tickets, "vioms/advanced", at=AT)


def test_events_frame_columns_are_checked_too() -> None:
    tickets = tickets_frame(id=["A"], priority=["P1"], opened_at=[OPENED])
    with pytest.raises(TicketError, match=r"events frame: missing column\(s\) kind"):
        frame.evaluate(
            tickets, "vioms/advanced", at=AT, events=pd.DataFrame({"ticket": [], "at": []})
        )


def test_at_and_contract_arguments() -> None:
    tickets = tickets_frame(id=["A"], priority=["P1"], opened_at=[OPENED])
    with pytest.raises(slacalc.NaiveDatetimeError):
        frame.evaluate(tickets, "vioms/advanced", at=datetime(2026, 11, 30))
    with pytest.raises(slacalc.NaiveDatetimeError):
        frame.evaluate(tickets, "vioms/advanced", at="2026-11-30T09:00")
    with pytest.raises(slacalc.UnknownContractError):
        frame.evaluate(tickets, "vioms/nope", at=AT)
    with pytest.raises(TypeError):
        frame.evaluate(tickets, "vioms/advanced")  # type: ignore[call-arg]


def test_an_empty_frame_gives_empty_results() -> None:
    tickets = tickets_frame(id=[], priority=[], opened_at=[])
    results = frame.evaluate(tickets, "vioms/advanced", at=AT)
    assert len(results) == 0
    assert tuple(results.columns) == frame.RESULT_COLUMNS


# -- compliance tables ----------------------------------------------------------------------


def test_compliance_table_counts_the_results() -> None:
    tickets = tickets_frame(
        id=["A", "B", "C", "D", "E"],
        priority=["P1", "P1", "P1", "top", "P1"],
        opened_at=[OPENED] * 4 + ["later"],
        contract=[None, None, None, "infravision/cloud", None],
        responded_at=[DUE.isoformat(), (DUE + timedelta(seconds=1)).isoformat(), None, None, None],
    )
    # As of Tuesday 12:00, the due instant: A responded then, B's response (a second
    # later) has not happened yet, and neither B's nor C's target is past its breach.
    results = frame.evaluate(tickets, "vioms/advanced", at=DUE)
    table = frame.compliance_table(results)
    response = table[table["metric"] == "response"].set_index(["contract", "priority"])
    p1 = response.loc[("vioms/advanced", "P1")]
    assert (p1["tickets"], p1["met"], p1["breached"], p1["running"]) == (3, 1, 0, 2)
    assert p1["share_met"] == 1.0
    just_after = frame.evaluate(tickets, "vioms/advanced", at=DUE + timedelta(microseconds=1))
    p1 = frame.compliance_table(just_after).iloc[0]
    assert (p1["metric"], p1["met"], p1["breached"], p1["running"]) == ("response", 1, 2, 0)
    later = frame.compliance_table(frame.evaluate(tickets, "vioms/advanced", at=AT))
    p1 = later[(later["metric"] == "response") & (later["priority"] == "P1")].iloc[0]
    assert (p1["tickets"], p1["met"], p1["breached"], p1["running"]) == (3, 1, 2, 0)
    assert p1["share_met"] == 1 / 3
    top = response.loc[("infravision/cloud", "top")]
    assert (top["tickets"], top["breached"], top["share_met"]) == (1, 1, 0.0)
    assert table.attrs["errors"] == [
        {"row": 4, "ticket": "E", "error": "opened_at 'later' is not an ISO 8601 time"}
    ]
    assert table["tickets"].sum() == results["metric"].notna().sum()
    unjudged = table[(table["met"] + table["breached"]) == 0]
    assert unjudged["share_met"].isna().all()


def test_compliance_table_needs_results_columns() -> None:
    with pytest.raises(TicketError, match="missing column"):
        frame.compliance_table(pd.DataFrame({"ticket": ["A"]}))


def test_compliance_matches_slacalc_compliance() -> None:
    c = contracts.get("infravision/cloud")
    tickets = tickets_frame(
        id=["T1", "H1", "H2", "M1", "OUT", "BAD"],
        priority=["top", "high", "high", "3", "low", "nope"],
        opened_at=[
            "2026-11-02T09:00+01:00",
            "2026-11-02T09:00+01:00",
            "2026-11-02T09:00+01:00",
            "2026-11-03T09:00+01:00",
            "2026-10-30T09:00+01:00",
            "2026-11-02T09:00+01:00",
        ],
        responded_at=[
            "2026-11-02T10:00+01:00",  # exactly 1 h: met
            "2026-11-02T10:00+01:00",
            "2026-11-03T12:00+01:00",  # 12 h of support hours: breached
            None,
            None,
            None,
        ],
        resolved_at=["2026-11-02T13:00+01:00", None, None, None, None, None],
    )
    start = datetime(2026, 11, 1, tzinfo=AMS)
    end = datetime(2026, 12, 1, tzinfo=AMS)
    table = frame.compliance(tickets, c, start=start, end=end)
    report = slacalc.compliance(
        c,
        [
            {
                "id": r["id"],
                "priority": r["priority"],
                "opened_at": r["opened_at"],
                "events": [
                    {"at": r[col], "kind": kind}
                    for col, kind in (("responded_at", "responded"), ("resolved_at", "resolved"))
                    if isinstance(r[col], str)
                ],
            }
            for r in tickets.to_dict("records")
        ],
        start,
        end,
    )
    assert list(zip(table["priority"], table["metric"], strict=True)) == list(report.cells)
    for (_, row), cell in zip(table.iterrows(), report.cells.values(), strict=True):
        assert (row["met"], row["breached"]) == (cell.met, cell.breached)
        assert (row["running"], row["not_started"]) == (cell.running, cell.not_started)
        assert row["tickets"] == cell.total
        share = cell.fraction_met
        assert (share is None and math.isnan(row["share_met"])) or row["share_met"] == float(share)
    top = table[table["priority"] == "top"]
    assert top["goal"].tolist() == [1.0, 1.0]
    assert top["goal_met"].tolist() == [True, True]
    high = table[(table["priority"] == "high") & (table["metric"] == "response")].iloc[0]
    assert (high["met"], high["breached"], high["goal"]) == (1, 1, 0.8)
    assert high["goal_share_met"] == 1 / 3  # pooled with medium: M1 never responded
    assert not high["goal_met"]
    assert table.attrs["met"] is report.met is False
    assert table.attrs["tickets"] == report.tickets == 4
    assert table.attrs["ignored"] == 1
    assert [g["held"] for g in table.attrs["goals"]] == [g.held for g in report.goals]
    # InfraVision counts requests; no root cause was recorded, so no resolution started
    assert set(table["goal_per"]) == {"ticket"}
    assert [(g["per"], g["not_started"]) for g in table.attrs["goals"]] == [
        ("ticket", 1),
        ("ticket", 3),
    ]
    assert [e["row"] for e in table.attrs["errors"]] == [5]
    assert "unknown priority 'nope'" in table.attrs["errors"][0]["error"]


def test_compliance_rows_of_another_contract_are_errors_and_no_goal_is_na() -> None:
    tickets = tickets_frame(
        id=["A", "B"],
        priority=["P1", "P1"],
        opened_at=["2026-11-23T09:00+01:00"] * 2,
        contract=["vioms/advanced", "vioms/standard"],
    )
    table = frame.compliance(
        tickets, "vioms/advanced", start="2026-11-01T00:00+01:00", end="2026-12-01T00:00+01:00"
    )
    assert table.attrs["tickets"] == 1
    assert table.attrs["errors"] == [
        {
            "row": 1,
            "ticket": "B",
            "error": (
                "contract 'vioms/standard' is not 'vioms/advanced', the contract of this table"
            ),
        }
    ]
    assert table["goal"].isna().all()
    assert table["goal_met"].isna().all()
    assert table.attrs["met"] is True


# -- pandas is optional ----------------------------------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_import_slacalc_does_not_import_pandas() -> None:
    done = run_python("import slacalc, sys; assert 'pandas' not in sys.modules, 'pandas'")
    assert done.returncode == 0, done.stderr


def test_without_pandas_the_import_error_says_what_to_install() -> None:
    done = run_python(
        "import sys\n"
        "sys.modules['pandas'] = None\n"
        "try:\n"
        "    import slacalc.frame\n"
        "except ImportError as error:\n"
        "    print(type(error).__name__, error.name, str(error), sep='|')\n"
    )
    assert done.returncode == 0, done.stderr
    kind, name, message = done.stdout.strip().split("|")
    assert kind == "ModuleNotFoundError"
    assert name == "pandas"
    assert 'pip install "slacalc[pandas]"' in message
