"""Tests for ``slacalc._clock.ticket``: the ``Ticket`` and ``Event`` models (SPEC section 3).

Construction checks types only (aware datetimes, non-empty ids, no extra fields);
consistency (event order, pauses, priorities) is ``Contract.evaluate``'s job and is tested
with the clock.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel, ValidationError

from slacalc import Event, Ticket

AMS = ZoneInfo("Europe/Amsterdam")
UTC = timezone.utc
OPENED = datetime(2026, 11, 23, 9, 0, tzinfo=AMS)  # a Monday, +01:00
NAIVE = datetime(2026, 11, 23, 9, 0)

EVENTS = (
    Event(at=OPENED + timedelta(minutes=20), kind="responded"),
    Event(at=OPENED + timedelta(hours=1), kind="paused", reason="waiting_on_vendor"),
    Event(at=OPENED + timedelta(hours=2), kind="resumed"),
    Event(at=OPENED + timedelta(hours=3), kind="priority_changed", priority="P2"),
    Event(at=OPENED + timedelta(hours=5), kind="resolved"),
    Event(at=OPENED + timedelta(days=1), kind="reopened"),
)
TICKET = Ticket(id="INC-42", priority="P1", opened_at=OPENED, kind="incident", events=EVENTS)


def test_ticket_fields_and_defaults() -> None:
    t = Ticket(id="INC-1", priority="P1", opened_at=OPENED)
    assert (t.id, t.priority, t.opened_at) == ("INC-1", "P1", OPENED)
    assert t.kind == "incident"
    assert t.events == ()


def test_a_ticket_keeps_its_kind() -> None:
    assert Ticket(id="CHG-1", priority="P1", opened_at=OPENED, kind="change").kind == "change"


def test_events_are_stored_as_a_tuple_in_the_given_order() -> None:
    from_list = Ticket(id="INC-42", priority="P1", opened_at=OPENED, events=list(EVENTS))
    assert isinstance(from_list.events, tuple)
    assert from_list.events == EVENTS
    assert from_list == TICKET
    assert hash(from_list) == hash(TICKET)


def test_events_are_kept_as_given_not_sorted() -> None:
    # Events apply in time order, but that is the evaluation's business: the model keeps
    # what it was given.
    backwards = tuple(reversed(EVENTS))
    t = Ticket(id="INC-42", priority="P1", opened_at=OPENED, events=backwards)
    assert t.events == backwards
    assert t != TICKET


def test_plain_dict_and_list_input_gives_the_same_ticket() -> None:
    plain = {
        "id": "INC-42",
        "priority": "P1",
        "opened_at": "2026-11-23T09:00:00+01:00",
        "events": [
            {"at": "2026-11-23T09:20:00+01:00", "kind": "responded"},
            {"at": "2026-11-23T10:00:00+01:00", "kind": "paused", "reason": "waiting_on_vendor"},
            {"at": "2026-11-23T11:00:00+01:00", "kind": "resumed"},
            {"at": "2026-11-23T12:00:00+01:00", "kind": "priority_changed", "priority": "P2"},
            {"at": "2026-11-23T14:00:00+01:00", "kind": "resolved"},
            {"at": "2026-11-24T09:00:00+01:00", "kind": "reopened"},
        ],
    }
    t = Ticket.model_validate(plain)
    assert t == TICKET
    assert hash(t) == hash(TICKET)
    assert all(isinstance(e, Event) for e in t.events)


# ---------------------------------------------------------------------------------------
# Aware datetimes
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opened_at",
    [
        datetime(2026, 11, 23, 9, tzinfo=AMS),
        datetime(2026, 11, 23, 8, tzinfo=UTC),
        datetime(2026, 11, 23, 3, tzinfo=ZoneInfo("America/New_York")),
        datetime(2026, 11, 23, 9, tzinfo=timezone(timedelta(hours=1))),
        "2026-11-23T09:00:00+01:00",
        "2026-11-23T08:00:00Z",
    ],
    ids=str,
)
def test_aware_opening_instants_are_accepted_and_equal_by_instant(opened_at: Any) -> None:
    t = Ticket(id="INC-1", priority="P1", opened_at=opened_at)
    assert t.opened_at == OPENED
    assert t.opened_at.tzinfo is not None
    assert t == Ticket(id="INC-1", priority="P1", opened_at=OPENED)
    assert hash(t) == hash(Ticket(id="INC-1", priority="P1", opened_at=OPENED))


@pytest.mark.parametrize("naive", [NAIVE, "2026-11-23T09:00:00", "2026-11-23 09:00"], ids=str)
def test_a_naive_opening_instant_is_rejected_naming_the_field(naive: Any) -> None:
    with pytest.raises(ValidationError, match=r"(?s)\nopened_at\n.*timezone info") as caught:
        Ticket(id="INC-1", priority="P1", opened_at=naive)
    assert isinstance(caught.value, ValueError)
    assert [e["loc"] for e in caught.value.errors()] == [("opened_at",)]


@pytest.mark.parametrize("naive", [NAIVE, "2026-11-23T09:00:00"], ids=str)
def test_a_naive_event_instant_is_rejected_naming_the_field(naive: Any) -> None:
    with pytest.raises(ValidationError, match=r"(?s)\nat\n.*timezone info"):
        Event(at=naive, kind="responded")
    with pytest.raises(ValidationError, match=r"(?s)\nevents\.1\.at\n.*timezone info") as caught:
        Ticket.model_validate(
            {
                "id": "INC-1",
                "priority": "P1",
                "opened_at": OPENED,
                "events": [{"at": OPENED, "kind": "responded"}, {"at": naive, "kind": "resolved"}],
            }
        )
    assert [e["loc"] for e in caught.value.errors()] == [("events", 1, "at")]


# ---------------------------------------------------------------------------------------
# Other bad input
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": ""}, r"(?s)\nid\n.*at least 1 character"),
        ({"priority": ""}, r"(?s)\npriority\n.*at least 1 character"),
        ({"id": None}, r"(?s)\nid\n.*valid string"),
        ({"opened_at": None}, r"(?s)\nopened_at\n.*valid datetime"),
        ({"opened_at": "yesterday"}, r"(?s)\nopened_at\n.*'yesterday'"),
        ({"events": [{"kind": "responded"}]}, r"(?s)\nevents\.0\.at\n.*Field required"),
        ({"events": [{"at": OPENED, "kind": ""}]}, r"(?s)\nevents\.0\.kind\n.*at least 1"),
        ({"events": "responded"}, r"(?s)\nevents\n"),
        ({"status": "open"}, r"(?s)\nstatus\n.*Extra inputs are not permitted"),
        (
            {"events": [{"at": OPENED, "kind": "responded", "by": "me"}]},
            r"(?s)\nevents\.0\.by\n.*Extra inputs are not permitted",
        ),
    ],
)
def test_bad_tickets_are_rejected_naming_the_field(changes: dict[str, Any], message: str) -> None:
    data = {"id": "INC-1", "priority": "P1", "opened_at": OPENED, **changes}
    with pytest.raises(ValidationError, match=message):
        Ticket.model_validate(data)


@pytest.mark.parametrize("field", ["id", "priority", "opened_at"])
def test_a_ticket_needs_its_required_fields(field: str) -> None:
    data = {"id": "INC-1", "priority": "P1", "opened_at": OPENED}
    del data[field]
    with pytest.raises(ValidationError, match=rf"(?s)\n{field}\n.*Field required"):
        Ticket.model_validate(data)


def test_any_event_kind_is_accepted_at_construction() -> None:
    # An unknown kind is a TicketError of ``evaluate`` (SPEC 3 rule 7), not a type error.
    assert Event(at=OPENED, kind="escalated").kind == "escalated"


# ---------------------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"kind": "paused"}, "waiting_on_customer"),
        ({"kind": "paused", "reason": None}, "waiting_on_customer"),
        ({"kind": "paused", "reason": "waiting_on_vendor"}, "waiting_on_vendor"),
        ({"kind": "resumed"}, None),
        ({"kind": "responded"}, None),
        ({"kind": "responded", "reason": "phoned back"}, "phoned back"),
    ],
)
def test_a_pause_reason_defaults_to_waiting_on_customer(
    data: dict[str, Any], reason: str | None
) -> None:
    e = Event.model_validate({"at": OPENED, **data})
    assert e.reason == reason
    assert Event(at=OPENED, **data) == e


def test_event_defaults() -> None:
    e = Event(at=OPENED, kind="resolved")
    assert (e.priority, e.reason) == (None, None)


def test_a_paused_event_equals_one_with_the_default_reason_spelled_out() -> None:
    assert Event(at=OPENED, kind="paused") == Event(
        at=OPENED, kind="paused", reason="waiting_on_customer"
    )


# ---------------------------------------------------------------------------------------
# Frozen, hashable, round trips, schema
# ---------------------------------------------------------------------------------------

MODELS: list[BaseModel] = [
    TICKET,
    Ticket(id="T-1", priority="high", opened_at=OPENED),
    Ticket(
        id="CHG-9", priority="P3", opened_at=datetime(2026, 3, 29, 1, 30, tzinfo=UTC), kind="change"
    ),
    *EVENTS,
    Event(at=OPENED, kind="paused"),
]


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (TICKET, "id", "INC-43"),
        (TICKET, "events", ()),
        (TICKET, "opened_at", OPENED + timedelta(hours=1)),
        (EVENTS[0], "at", OPENED),
        (EVENTS[1], "reason", None),
    ],
)
def test_tickets_and_events_are_frozen(model: BaseModel, field: str, value: Any) -> None:
    with pytest.raises(ValidationError, match=rf"(?s){field}\n.*Instance is frozen"):
        setattr(model, field, value)


def test_events_of_a_ticket_cannot_be_appended_to() -> None:
    with pytest.raises(AttributeError):
        TICKET.events.append(EVENTS[0])  # type: ignore[attr-defined]


@pytest.mark.parametrize("model", MODELS)
def test_tickets_and_events_are_hashable_and_equal_by_value(model: BaseModel) -> None:
    twin = type(model).model_validate(model.model_dump())
    assert twin is not model
    assert twin == model
    assert hash(twin) == hash(model)
    assert len({model, twin}) == 1


@pytest.mark.parametrize("model", MODELS)
def test_json_round_trips_give_an_equal_and_equally_hashing_model(model: BaseModel) -> None:
    data = model.model_dump(mode="json")
    assert json.loads(json.dumps(data)) == data
    for back in (
        type(model).model_validate(data),
        type(model).model_validate_json(model.model_dump_json()),
    ):
        assert back == model
        assert hash(back) == hash(model)


def test_the_json_form_keeps_the_offset() -> None:
    data = TICKET.model_dump(mode="json")
    assert data["opened_at"] == "2026-11-23T09:00:00+01:00"
    assert data["events"][1] == {
        "at": "2026-11-23T10:00:00+01:00",
        "kind": "paused",
        "priority": None,
        "reason": "waiting_on_vendor",
    }


def test_different_tickets_are_not_equal() -> None:
    assert TICKET.model_copy(update={"id": "INC-43"}) != TICKET
    assert TICKET.model_copy(update={"events": EVENTS[:-1]}) != TICKET
    assert EVENTS[0] != Event(at=EVENTS[0].at + timedelta(seconds=1), kind="responded")


@pytest.mark.parametrize("cls", [Ticket, Event], ids=lambda c: c.__name__)
def test_json_schema(cls: type[BaseModel]) -> None:
    schema = cls.model_json_schema()
    assert json.loads(json.dumps(schema)) == schema
    assert schema["additionalProperties"] is False
    field = "opened_at" if cls is Ticket else "at"
    assert schema["properties"][field]["format"] == "date-time"
    if cls is Ticket:
        assert schema["properties"]["events"]["type"] == "array"
