"""The ticket-row batch logic shared by ``slacalc check`` and ``slacalc.frame``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from slacalc import contracts
from slacalc._clock.evaluate import evaluate_many
from slacalc._clock.report import TicketReport
from slacalc._io import rows as _ticket_rows
from slacalc._io.rows import (
    attach_events,
    column_problem,
    evaluate_rows,
    read_ticket_rows,
    resolve_contracts,
)

AT = datetime.fromisoformat("2026-11-30T09:00+01:00")
OPENED = "2026-11-23T16:00+01:00"


def ticket(ticket_id: str, **cells: Any) -> dict[str, Any]:
    return {"id": ticket_id, "priority": "P1", "opened_at": OPENED, **cells}


def event(ticket_id: str | None, at: str, kind: str = "paused") -> dict[str, Any]:
    return {"ticket": ticket_id, "at": at, "kind": kind}


def on_line(line: int) -> str:
    return f"on line {line}"


def events_line(line: int) -> str:
    return f"e.csv line {line}"


def read(*records: _ticket_rows.Record) -> list[_ticket_rows.TicketRow[int]]:
    return read_ticket_rows(enumerate(records, start=2), on_line)


# -- column_problem ----------------------------------------------------------------------


def test_a_missing_required_column_is_named_with_the_columns() -> None:
    known = ("id", "priority", "opened_at", "resolved_at")
    assert column_problem(["id"], known, known[:3]) == (
        "missing column(s) priority, opened_at (columns: id, priority, opened_at, resolved_at)"
    )
    assert column_problem(["id"], known, known[:3], say_required=True) == (
        "missing column(s) priority, opened_at "
        "(columns: id, priority, opened_at, resolved_at; the first 3 are required)"
    )


def test_an_unknown_time_column_is_a_problem_but_other_extra_columns_are_not() -> None:
    known = ("id", "opened_at")
    assert column_problem(["id", "opened_at", "notes", 7], known, ["id"]) is None
    assert column_problem(["id", "closed_at"], known, ["id"]) == (
        "unknown column(s) closed_at (columns: id, opened_at)"
    )


# -- read_ticket_rows --------------------------------------------------------------------


def test_a_second_row_of_an_id_is_a_bad_row_naming_the_first() -> None:
    rows = read(ticket("A"), ticket("B"), ticket("A"), ticket("A"))
    assert [row.key for row in rows] == [2, 3, 4, 5]
    assert [row.error for row in rows] == [
        None,
        None,
        "duplicate id (first on line 2)",
        "duplicate id (first on line 2)",
    ]
    assert rows[0].data["id"] == "A"
    assert rows[2].data == {}


def test_where_renders_the_key_of_the_first_row() -> None:
    rows = read_ticket_rows([("r1", ticket("A")), ("r2", ticket("A"))], lambda k: f"in row {k!r}")
    assert rows[1].error == "duplicate id (first in row 'r1')"


def test_a_bad_first_row_still_claims_its_id() -> None:
    rows = read(ticket("A", opened_at="soon"), ticket("A"))
    assert rows[0].error == "opened_at 'soon' is not an ISO 8601 time"
    assert rows[1].error == "duplicate id (first on line 2)"


def test_an_unreadable_record_is_a_bad_row_that_claims_no_id() -> None:
    rows = read("not valid JSON: Expecting value", ticket("A"), {"priority": "P1"})
    assert (rows[0].ticket_id, rows[0].error) == (None, "not valid JSON: Expecting value")
    assert rows[1].error is None
    # every problem of the record at once (SPEC 8 rule 3)
    assert (rows[2].ticket_id, rows[2].error) == (None, "id is empty; opened_at is empty")


def test_the_contract_cell_is_kept() -> None:
    rows = read(ticket("A", contract=" vioms/standard "), ticket("B", contract=""))
    assert [row.contract for row in rows] == ["vioms/standard", None]


# -- attach_events -----------------------------------------------------------------------


def test_events_go_to_the_first_row_of_an_id_in_time_order() -> None:
    rows = read(ticket("A"), ticket("A"))
    later = event("A", "2026-11-24T10:00+01:00", "resumed")
    earlier = event("A", "2026-11-24T09:00+01:00", "paused")
    same_time = event("A", "2026-11-24T10:00+01:00", "paused")
    orphans = attach_events(
        [(2, later), (3, earlier), (4, same_time)], rows, events_line, "no such ticket"
    )
    assert orphans == []
    assert [e.kind for e in rows[0].events] == ["resumed", "paused", "paused"]
    assert rows[1].events == []
    # by time; equal times keep the order given
    assert [e.kind for e in rows[0].ticket()["events"]] == ["paused", "resumed", "paused"]


def test_event_rows_naming_no_ticket_are_orphans_keyed_by_their_own_key() -> None:
    rows = read(ticket("A"))
    orphans = attach_events(
        [
            (2, event("NOPE", "2026-11-24T09:00+01:00")),
            (3, event(None, "2026-11-24T09:00+01:00")),
            (4, "not a JSON object"),
            (5, event("A", "2026-11-24T09:00+01:00")),
        ],
        rows,
        events_line,
        "no such ticket in the ticket file",
    )
    assert [(o.key, o.ticket_id, o.error) for o in orphans] == [
        (2, "NOPE", "e.csv line 2: no such ticket in the ticket file"),
        (3, None, "e.csv line 3: ticket is empty"),
        (4, None, "e.csv line 4: not a JSON object"),
    ]
    assert len(rows[0].events) == 1


def test_a_bad_event_makes_its_ticket_bad_and_later_events_are_skipped() -> None:
    rows = read(ticket("A"))
    orphans = attach_events(
        [(2, event("A", "whenever")), (3, event("A", "2026-11-24T09:00+01:00"))],
        rows,
        events_line,
        "no such ticket",
    )
    assert orphans == []
    assert rows[0].error == "e.csv line 2: at 'whenever' is not an ISO 8601 time"
    assert rows[0].events == []


# -- resolve_contracts -------------------------------------------------------------------


def test_an_unknown_contract_is_a_bad_row_with_a_hint() -> None:
    default = contracts.get("vioms/advanced")
    rows = read(
        ticket("A"),
        ticket("B", contract="vioms/advancd"),
        ticket("C", contract="nope"),
        ticket("D", contract="vioms/standard"),
        ticket("E", contract="vioms/advanced"),
    )
    chosen = resolve_contracts(default, rows)
    assert {n: c.id for n, c in chosen.items()} == {
        0: "vioms/advanced",
        3: "vioms/standard",
        4: "vioms/advanced",
    }
    assert str(rows[1].error).startswith(
        "unknown contract 'vioms/advancd'; did you mean 'vioms/advanced', "
    )
    assert rows[2].error == "unknown contract 'nope'"


def test_without_a_default_a_row_must_name_its_contract() -> None:
    rows = read(ticket("A"), ticket("B", contract="vioms/standard"))
    chosen = resolve_contracts(None, rows)
    assert {n: c.id for n, c in chosen.items()} == {1: "vioms/standard"}
    assert rows[0].error == "contract is empty and no contract was given"


def test_bad_rows_get_no_contract() -> None:
    rows = read(ticket("A"), ticket("A"))
    assert list(resolve_contracts(contracts.get("vioms/advanced"), rows)) == [0]


# -- evaluate_rows -----------------------------------------------------------------------


def test_rows_are_evaluated_a_contract_at_a_time_in_input_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, list[str]]] = []

    def recording(contract: Any, tickets: Any, at: Any) -> Any:
        calls.append((contract.id, [t["id"] for t in tickets]))
        return evaluate_many(contract, tickets, at=at)

    monkeypatch.setattr(_ticket_rows, "evaluate_many", recording)
    rows = read(
        ticket("A", contract="vioms/standard"),
        ticket("B"),
        ticket("C", priority="P9"),
        ticket("A"),
        ticket("D", contract="vioms/standard"),
        ticket("E"),
    )
    outcomes = evaluate_rows(contracts.get("vioms/advanced"), rows, AT)
    assert calls == [
        ("vioms/standard", ["A", "D"]),
        ("vioms/advanced", ["B", "C", "E"]),
    ]
    assert list(outcomes) == [0, 1, 2, 4, 5]  # input order; line 5 is a duplicate
    assert [c.id for c, _ in outcomes.values()] == [
        "vioms/standard",
        "vioms/advanced",
        "vioms/advanced",
        "vioms/standard",
        "vioms/advanced",
    ]
    reports = {n: r for n, (_, r) in outcomes.items()}
    assert isinstance(reports[0], TicketReport)
    assert reports[0].ticket_id == "A"
    assert reports[2] == "ticket C: unknown priority 'P9'; use one of P1, P2, P3, P4 (or an alias)"
    assert rows[3].error == "duplicate id (first on line 2)"


def test_on_chunk_is_told_how_many_rows_each_chunk_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ticket_rows, "CHUNK", 2)
    rows = read(
        *(ticket(f"A{n}") for n in range(3)),
        *(ticket(f"S{n}", contract="vioms/standard") for n in range(2)),
        ticket("bad", contract="nope"),
    )
    counts: list[int] = []
    outcomes = evaluate_rows(contracts.get("vioms/advanced"), rows, AT, counts.append)
    assert counts == [2, 1, 2]
    assert len(outcomes) == 5
    assert all(isinstance(r, TicketReport) for _, r in outcomes.values())


def test_evaluate_rows_without_on_chunk_and_without_good_rows() -> None:
    rows = read("not valid JSON: Expecting value")
    assert evaluate_rows(None, rows, AT) == {}
