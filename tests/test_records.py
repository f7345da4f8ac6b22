"""Ticket and event records into tickets (slacalc._io.records), as the CLI and frame read them."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from slacalc._io.records import (
    EVENT_COLUMNS,
    event_from_record,
    is_blank,
    parse_instant,
    ticket_from_record,
)

OPENED = "2026-11-23T16:00:00+01:00"


@pytest.mark.parametrize("value", [None, "", "   ", float("nan")])
def test_blank_cells(value: object) -> None:
    assert is_blank(value)


@pytest.mark.parametrize("value", ["x", 0, 0.0, datetime(2026, 1, 1, tzinfo=timezone.utc)])
def test_non_blank_cells(value: object) -> None:
    assert not is_blank(value)


def test_an_aware_datetime_is_taken_as_it_is_and_text_is_parsed_to_the_same_instant() -> None:
    aware = datetime.fromisoformat(OPENED)
    assert parse_instant(aware, "opened_at") is aware
    assert parse_instant(f"  {OPENED} ", "opened_at") == aware


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "opened_at is empty"),
        (None, "opened_at is empty"),
        ("yesterday", "opened_at 'yesterday' is not an ISO 8601 time"),
        # no zone to read it in: no offset is guessed (0.1.0 said +01:00, wrong in summer)
        ("2026-11-23T16:00", "has no UTC offset: write it with its offset"),
        (datetime(2026, 11, 23, 16), "has no time zone"),
    ],
)
def test_bad_instants_name_the_column_and_the_value(value: object, message: str) -> None:
    with pytest.raises(ValueError, match="opened_at") as caught:
        parse_instant(value, "opened_at")
    assert message in str(caught.value)


def test_a_ticket_record_gives_fields_and_one_event_per_time_column_in_column_order() -> None:
    record: dict[str, Any] = {"id": " T-1 ", "priority": "P1", "opened_at": OPENED}
    record.update(dict.fromkeys(EVENT_COLUMNS, "2026-11-24T10:00:00+01:00"))
    fields, events = ticket_from_record(record)
    assert fields == {
        "id": "T-1",
        "priority": "P1",
        "opened_at": datetime.fromisoformat(OPENED),
        "kind": "incident",
    }
    assert [e.kind for e in events] == list(EVENT_COLUMNS.values())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": ""}, "id is empty"),
        ({"priority": float("nan")}, "priority is empty"),
        ({"resolved_at": "soon"}, "resolved_at 'soon' is not an ISO 8601 time"),
    ],
)
def test_a_bad_ticket_record_names_its_first_bad_cell(
    change: dict[str, object], message: str
) -> None:
    record: dict[str, object] = {"id": "T-1", "priority": "P1", "opened_at": OPENED, **change}
    with pytest.raises(ValueError, match=message):
        ticket_from_record(record)


def test_event_records() -> None:
    event = event_from_record(
        {"ticket": "T-1", "at": OPENED, "kind": "priority_changed", "priority": "P2"}
    )
    assert (event.kind, event.priority, event.reason) == ("priority_changed", "P2", None)
    with pytest.raises(ValueError, match="kind is empty"):
        event_from_record({"ticket": "T-1", "at": OPENED, "kind": " "})
    # a blank reason is no reason: a pause gets the model's default one
    pause = event_from_record({"ticket": "T-1", "at": OPENED, "kind": "paused", "reason": ""})
    assert pause.reason == "waiting_on_customer"


def test_pandas_na_is_blank() -> None:
    import pandas as pd

    from slacalc._io.records import is_blank

    assert is_blank(pd.NA)


def test_a_long_bad_cell_is_cut_in_the_message() -> None:
    import pytest

    from slacalc._io.records import parse_instant

    with pytest.raises(
        ValueError, match=r"opened_at 'y{60}\.\.\.' \(200 characters\) is not an ISO"
    ):
        parse_instant("y" * 200, "opened_at")
