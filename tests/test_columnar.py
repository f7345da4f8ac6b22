"""``frame.evaluate``'s columnar path equals the scalar clock, field by field (SPEC 9).

Random tickets on random contracts' terms, with events: pauses, reopenings (and
resolutions again), priority changes, a ticket column's kind once more. What the
columnar path reads goes columnwise (``frame._fast``, ``frame._event_rows``), the rest
to the scalar clock (``new_cycle`` reopenings, priority changes across rules, odd
pauses). The same frame is evaluated with the columnar path on and off; the results must
be identical. Calendars: office hours with Dutch holidays and a night calendar across the
DST changes of 2026 (Europe/Amsterdam: 29 March and 25 October).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

from slacalc import (  # noqa: E402
    Calendar,
    ClockPolicy,
    Contract,
    Holidays,
    Priority,
    Target,
    contracts,
    frame,
)
from slacalc.frame import _evaluate  # noqa: E402

AMS = "Europe/Amsterdam"
CUSTOM = Contract(
    id="test/columnar",
    calendars={
        "office": Calendar.weekdays("09:00", "17:00", tz=AMS, holidays=Holidays(country="NL")),
        "nights": Calendar(tz=AMS, hours={"sat": ["22:00-06:00"], "sun": ["01:00-04:00"]}),
    },
    priorities=[Priority(id="P1"), Priority(id="P2")],
    targets=[
        Target(metric="response", priority="P1", within=timedelta(hours=2), calendar="office"),
        Target(metric="resolution", priority="P1", within=timedelta(hours=8), calendar="nights",
               starts_on=("responded", "workaround", "resolved", "closed"), pausable=True,
               milestones=(0.5,)),  # next_change_at: the milestone, then breach_at
        Target(metric="response", priority="P2", within=timedelta(0), calendar="office"),
        Target(metric="resolution", priority="P2", within=None, calendar="office"),
        Target(metric="on_site", priority="P2", within=timedelta(hours=4), calendar="nights",
               pausable=True),
    ],
)  # fmt: skip
PAUSING = Contract(  # every clock pauses: the pause columns on two calendars
    id="test/pausing",
    calendars=CUSTOM.calendars,
    priorities=[Priority(id="P1"), Priority(id="P2"), Priority(id="P3")],
    targets=[  # P1 and P2 follow the same rules (a change between them goes columnwise)
        Target(metric="response", priority="P1", within=timedelta(hours=3), calendar="office",
               pausable=True, milestones=(0.25, 0.75)),
        Target(metric="resolution", priority="P1", within=timedelta(hours=5), calendar="nights",
               starts_on=("responded",), pausable=True),
        Target(metric="response", priority="P2", within=timedelta(hours=1), calendar="office",
               pausable=True),
        Target(metric="resolution", priority="P2", within=timedelta(hours=9), calendar="nights",
               starts_on=("responded",), pausable=True),
        Target(metric="response", priority="P3", within=timedelta(hours=1), calendar="nights",
               pausable=True),
        Target(metric="resolution", priority="P3", within=timedelta(hours=9), calendar="nights",
               starts_on=("responded",), pausable=True),
    ],
)  # fmt: skip
RESTARTING = Contract(  # the same, but a priority change restarts as the final priority
    id="test/restarting",
    calendars=PAUSING.calendars,
    priorities=PAUSING.priorities,
    targets=PAUSING.targets,
    clock=ClockPolicy(on_priority_change="restart"),
)
NEW_CYCLE = Contract(  # a reopening starts a new cycle: the scalar clock's
    id="test/new-cycle",
    calendars=PAUSING.calendars,
    priorities=PAUSING.priorities,
    targets=PAUSING.targets,
    clock=ClockPolicy(on_reopen="new_cycle"),
)
CONTRACTS = [CUSTOM, PAUSING, PAUSING, RESTARTING, NEW_CYCLE, contracts.get("vioms/advanced"),
             contracts.get("infravision/cloud")]  # fmt: skip
PRIORITY = {CUSTOM.id: ["P1", "P2"], PAUSING.id: ["P1", "P2", "P3"],
            RESTARTING.id: ["P1", "P2", "P3"], NEW_CYCLE.id: ["P1", "P2", "P3"],
            "vioms/advanced": ["P1", "P2", "P3", "P4"],
            "infravision/cloud": ["top", "high", "medium", "low"]}  # fmt: skip
COLUMNS = ["responded_at", "workaround_at", "root_cause_at", "on_site_requested_at",
           "on_site_at", "resolved_at"]  # fmt: skip
ANCHORS = [datetime(2026, m, d, tzinfo=timezone.utc) for m, d in ((3, 26), (10, 22), (6, 8))]

minutes = st.integers(0, 6 * 24 * 60)


@st.composite
def tickets(draw: st.DrawFn, contract_id: str) -> dict[str, object]:
    anchor = draw(st.sampled_from(ANCHORS))
    opened = anchor + timedelta(minutes=draw(minutes))
    row: dict[str, object] = {
        "id": "x",
        "priority": draw(st.sampled_from(PRIORITY[contract_id])),
        "opened_at": opened.isoformat(),
        "kind": draw(st.sampled_from(["incident", "incident", "bug", "request"])),
    }
    for column in COLUMNS:
        if draw(st.booleans()):
            # now and then at the opening itself, or two events at one instant
            offset = draw(st.one_of(st.just(0), st.just(60), minutes))
            row[column] = (opened + timedelta(minutes=offset)).isoformat()
    return row


@st.composite
def frames(draw: st.DrawFn) -> tuple[Contract, pd.DataFrame, pd.DataFrame, datetime]:
    contract = draw(st.sampled_from(CONTRACTS))
    rows = draw(st.lists(tickets(contract.id), min_size=1, max_size=12))
    for n, row in enumerate(rows):
        row["id"] = f"T-{n}"
    events = []
    for n in range(len(rows)):  # events: pauses go columnwise too, the rest row by row
        kind = draw(st.sampled_from(["none", "none", "pauses", "pauses", "odd pauses",
                                     "reopen", "priority", "priority", "again"]))  # fmt: skip
        if kind == "none":
            continue
        opened = datetime.fromisoformat(str(rows[n]["opened_at"]))

        own = [str(v) for k, v in rows[n].items() if k.endswith("_at")]

        def instant() -> str:  # now and then at one of the ticket's own instants
            if draw(st.integers(0, 3)) == 0:
                return draw(st.sampled_from(own))  # noqa: B023
            return (opened + timedelta(minutes=draw(minutes))).isoformat()  # noqa: B023

        if kind in ("pauses", "odd pauses"):
            # in time order: paused, resumed, paused, ... (perhaps still paused); "odd"
            # ones may start with a resume, pause twice or share an instant
            count = draw(st.integers(1, 5))
            stamps = sorted(draw(st.lists(minutes, min_size=count, max_size=count)))
            for k, offset in enumerate(stamps):
                which = "paused" if k % 2 == 0 else "resumed"
                if kind == "odd pauses":
                    which = draw(st.sampled_from(["paused", "resumed"]))
                at = (opened + timedelta(minutes=offset)).isoformat()
                events.append({"ticket": f"T-{n}", "at": at, "kind": which})
        elif kind == "reopen":  # reopened, and perhaps resolved again, once or twice
            resolved = rows[n].get("resolved_at")
            after = datetime.fromisoformat(str(resolved)) if resolved else None
            for _ in range(draw(st.integers(1, 2))):
                if after is not None and draw(st.booleans()):  # mostly after a resolution
                    after += timedelta(minutes=draw(st.integers(1, 2 * 24 * 60)))
                    at = after.isoformat()
                else:
                    at = instant()
                events.append({"ticket": f"T-{n}", "at": at, "kind": "reopened"})
                if draw(st.booleans()):
                    again = datetime.fromisoformat(at) + timedelta(minutes=draw(minutes))
                    events.append({"ticket": f"T-{n}", "at": again.isoformat(),
                                   "kind": "resolved"})  # fmt: skip
                    after = again
        elif kind == "again":  # a ticket column's kind once more, earlier or later
            which = draw(st.sampled_from(["responded", "resolved", "workaround"]))
            events.append({"ticket": f"T-{n}", "at": instant(), "kind": which})
        else:
            for _ in range(draw(st.integers(1, 3))):
                new = draw(st.sampled_from(PRIORITY[contract.id]))
                events.append(
                    {"ticket": f"T-{n}", "at": instant(), "kind": "priority_changed",
                     "priority": new}
                )  # fmt: skip
    at = max(datetime.fromisoformat(str(r["opened_at"])) for r in rows) + timedelta(
        minutes=draw(st.integers(-3 * 24 * 60, 8 * 24 * 60))
    )
    if events and draw(st.booleans()):  # `at` at an event's instant: the boundaries
        at = datetime.fromisoformat(str(draw(st.sampled_from(events))["at"]))
    columns = ["ticket", "at", "kind", "priority"]
    return contract, pd.DataFrame(rows), pd.DataFrame(events, columns=columns), at


@settings(max_examples=300)
@given(frames(), st.sampled_from([None, "UTC"]))
def test_the_columnar_path_equals_the_scalar_clock(case, tz) -> None:  # type: ignore[no-untyped-def]
    # tz="UTC" changes no instant (all have offsets) but reads row by row: the row path's
    # columnwise part (is_simple, evaluate_simple) is compared too
    contract, tickets_frame, events, at = case
    events = events if len(events) else None
    fast = frame.evaluate(tickets_frame, contract, at=at, events=events, tz=tz)
    try:
        _evaluate.COLUMNAR = False
        slow = frame.evaluate(tickets_frame, contract, at=at, events=events, tz=tz)
    finally:
        _evaluate.COLUMNAR = True
    pd.testing.assert_frame_equal(fast, slow)


def test_simple_tickets_do_go_columnwise(monkeypatch: pytest.MonkeyPatch) -> None:
    fast: list[int] = []
    simple: list[int] = []
    real_split, real_simple = _evaluate.split, _evaluate.evaluate_simple

    def splitting(tickets, contract, events, at):  # type: ignore[no-untyped-def]
        found = real_split(tickets, contract, events, at)
        fast.append(len(found.positions))
        return found

    def counting(contract, rows, priorities, at):  # type: ignore[no-untyped-def]
        simple.append(len(rows))
        return real_simple(contract, rows, priorities, at)

    monkeypatch.setattr(_evaluate, "split", splitting)
    monkeypatch.setattr(_evaluate, "evaluate_simple", counting)
    tickets_frame = pd.DataFrame(
        {
            "id": ["A", "B", "C"],
            "priority": ["P1", "P2", "P1"],
            # C's opening has no offset: the row path (its error) takes it
            "opened_at": ["2026-11-23T09:00+01:00", "2026-11-23T09:00+01:00", "2026-11-23T09:00"],
        }
    )
    results = frame.evaluate(tickets_frame, "vioms/advanced", at="2026-11-24T09:00+01:00")
    assert (fast, simple) == ([2], [])  # A and B read columnwise; C row by row, with its error
    assert results["ticket"].tolist()[-1] == "C"
    assert "no UTC offset" in str(results["error"].iloc[-1])
    # pauses, priority changes and a ticket column's kind in the events frame: columnwise
    events = pd.DataFrame(
        {
            "ticket": ["A", "A", "B", "B"],
            "at": ["2026-11-23T10:00+01:00", "2026-11-23T11:00+01:00"] * 2,
            "kind": ["paused", "resumed", "responded", "priority_changed"],
            "priority": [None, None, None, "P3"],
        }
    )
    frame.evaluate(
        tickets_frame.iloc[:2], "vioms/advanced", at="2026-11-24T09:00+01:00", events=events
    )
    assert (fast, simple) == ([2, 2], [])
    # a pause row naming a priority goes row by row (the reader's checks), and columnwise
    # there
    events = pd.DataFrame(
        {"ticket": ["A"], "at": ["2026-11-23T10:00+01:00"], "kind": ["paused"], "priority": "P2"}
    )
    frame.evaluate(
        tickets_frame.iloc[:2], "vioms/advanced", at="2026-11-24T09:00+01:00", events=events
    )
    assert (fast, simple) == ([2, 2, 1], [1])


def test_a_kind_given_twice_is_judged_by_its_occurrences_in_order() -> None:
    # A resolution before the response and one after: the clock (starting on the
    # response) stops at the second. Taking the first of each kind said "breached".
    office = Calendar.weekdays("09:00", "17:00", tz="UTC")
    contract = Contract(
        id="test/twice",
        calendars={"office": office},
        priorities=[Priority(id="P1")],
        targets=[Target(metric="resolution", priority="P1", within=timedelta(hours=8),
                        calendar="office", starts_on=("responded",), stops_on=("resolved",))],
    )  # fmt: skip
    tickets_frame = pd.DataFrame(
        {"id": ["A"], "priority": ["P1"], "opened_at": ["2026-11-23T09:00Z"],
         "responded_at": ["2026-11-23T10:00Z"], "resolved_at": ["2026-11-23T12:00Z"]}
    )  # fmt: skip
    events = pd.DataFrame({"ticket": ["A"], "at": ["2026-11-23T09:30Z"], "kind": ["resolved"]})
    for tz in (None, "UTC"):
        found = frame.evaluate(
            tickets_frame, contract, at="2026-11-30T09:00Z", events=events, tz=tz
        )
        assert found[["status", "elapsed"]].values.tolist() == [["met", pd.Timedelta(hours=2)]]
