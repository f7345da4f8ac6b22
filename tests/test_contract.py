"""Tests for ``slacalc._contract.terms``: the contract models (SPEC sections 2, 3 and 7).

What is tested: the models are frozen, strict about extra fields, hashable and equal by
value; they round-trip through JSON; validation names the offending field and value; the
defaults follow SPEC 3; and the lookups (``priority``, ``targets_for``, ``calendar_for``,
``kinds``) resolve names as docs/evaluation.md says. The clock itself is tested elsewhere.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel, ValidationError

from slacalc import (
    AvailabilityTarget,
    Calendar,
    CalendarTime,
    ClockPolicy,
    ComplianceGoal,
    Contract,
    ContractError,
    FrozenMap,
    Holidays,
    InterruptionLimit,
    Priority,
    SlacalcError,
    Target,
    UnknownPriorityError,
    WorkingDays,
)

AMS = "Europe/Amsterdam"
NY = "America/New_York"
H = timedelta(hours=1)

OFFICE = Calendar.weekdays("09:00", "17:00", tz=AMS)
EVENING = Calendar(
    tz=AMS,
    hours={"mon": ["17:00-22:00"], "thu": ["17:00-22:00"]},
    overrides={date(2026, 12, 31): []},
)
NY_OFFICE = Calendar.weekdays("08:00", "18:00", tz=NY, holidays=Holidays(country="US"))

P1 = Priority(id="P1", name="Priority 1", aliases=("Prio 1", "urgent"))
P2 = Priority(id="P2", aliases=("prio 2",))
P3 = Priority(id="P3", description="Everything else")


def target(metric: str = "response", priority: str = "P1", **changes: Any) -> Target:
    """A valid target on the office calendar, with ``changes`` applied."""
    fields: dict[str, Any] = {"within": H, "calendar": "office", **changes}
    return Target(metric=metric, priority=priority, **fields)


def contract_data(**changes: Any) -> dict[str, Any]:
    """The plain-input form (dicts and lists) of a small valid contract."""
    data: dict[str, Any] = {
        "id": "acme/gold",
        "vendor": "Acme",
        "name": "Gold",
        "calendars": {"office": OFFICE, "extended": OFFICE | EVENING, "ny": NY_OFFICE},
        "priorities": [
            {"id": "P1", "name": "Priority 1", "aliases": ["Prio 1", "urgent"]},
            {"id": "P2", "aliases": ["prio 2"]},
            {"id": "P3", "description": "Everything else"},
        ],
        "targets": [
            {"metric": "response", "priority": "P1", "within": H, "calendar": "office"},
        ],
    }
    data.update(changes)
    return data


def make_contract(**changes: Any) -> Contract:
    return Contract.model_validate(contract_data(**changes))


# A contract that uses every field and every kind of ``within``.
FULL = Contract(
    id="acme/platinum",
    vendor="Acme",
    name="Platinum",
    source="Acme SLA v3, clause 4",
    valid_from=date(2026, 1, 1),
    valid_to=date(2027, 12, 31),
    calendars={"office": OFFICE, "extended": OFFICE | EVENING, "ny": NY_OFFICE},
    priorities=(P1, P2, P3),
    targets=(
        target("response", "P1", milestones=(0.5,), source="4.1"),
        target("resolution", "P1", within=WorkingDays(2), calendar="extended", pausable=True),
        target("bug_fix", "P1", within=CalendarTime(months=3)),
        target("restore", "P1", within=None, commitment="best_effort"),
        target("on_site", "P1", within=timedelta(hours=4), applies_to=("incident", "request")),
        target("response", "P2", within=timedelta(hours=4), calendar="ny", commitment="aim"),
        target("resolution", "P2", within=CalendarTime(days=5, hours=12), calendar="ny"),
        target("response", "P3", within=timedelta(0), applies_to=("question",)),
    ),
    availability=(
        AvailabilityTarget(name="always", calendar="24x7", minimum=0.995),
        AvailabilityTarget(name="office", calendar="office", minimum=0.999, period="year"),
        AvailabilityTarget(
            name="night", calendar="outside:office", minimum=0.98, planned="count_as_up"
        ),
    ),
    interruption_limit=InterruptionLimit(maximum=3, period="month", source="5.2"),
    compliance=(
        ComplianceGoal(priorities=("P1",), minimum=1.0),
        ComplianceGoal(priorities=("P2", "P3"), metrics=("response",), minimum=0.8),
    ),
    clock=ClockPolicy(on_priority_change="restart", on_reopen="new_cycle"),
    notes=("Worked example", "Holidays follow the NL calendar"),
)

# One instance of every model, for the generic checks.
MODELS: list[BaseModel] = [
    P1,
    target(milestones=(0.25, 0.5)),
    target(within=WorkingDays(3)),
    target(within=CalendarTime(weeks=1)),
    target(within=None),
    AvailabilityTarget(name="uptime", calendar="24x7", minimum=0.99),
    InterruptionLimit(maximum=2),
    ComplianceGoal(priorities=("P1", "P2"), metrics=("resolution",), minimum=0.9),
    ClockPolicy(on_priority_change="restart"),
    FULL,
]
MODEL_IDS = [
    "priority",
    "target-timedelta",
    "target-working-days",
    "target-calendar-time",
    "target-none",
    "availability",
    "interruption-limit",
    "compliance-goal",
    "clock-policy",
    "contract",
]


def rebuilt(model: BaseModel) -> BaseModel:
    """The same model, built again from its own fields (a fresh, equal object)."""
    return type(model).model_validate(model.model_dump())


# ---------------------------------------------------------------------------------------
# Frozen, strict, hashable, equal by value
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (P1, "id", "P9"),
        (P1, "aliases", ("x",)),
        (target(), "within", 2 * H),
        (target(), "pausable", True),
        (AvailabilityTarget(name="u", calendar="24x7", minimum=0.9), "minimum", 0.5),
        (InterruptionLimit(maximum=2), "maximum", 3),
        (ComplianceGoal(priorities=("P1",), minimum=0.9), "minimum", 0.1),
        (ClockPolicy(), "on_reopen", "new_cycle"),
        (FULL, "id", "other/id"),
        (FULL, "priorities", (P2,)),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_models_are_frozen(model: BaseModel, field: str, value: Any) -> None:
    before = model.model_dump()
    with pytest.raises(ValidationError, match=rf"(?s){field}.*Instance is frozen"):
        setattr(model, field, value)
    assert model.model_dump() == before


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (Priority, {"id": "P1"}),
        (Target, {"metric": "response", "priority": "P1", "within": H, "calendar": "office"}),
        (AvailabilityTarget, {"name": "u", "calendar": "24x7", "minimum": 0.9}),
        (InterruptionLimit, {"maximum": 2}),
        (ComplianceGoal, {"priorities": ["P1"], "minimum": 0.9}),
        (ClockPolicy, {}),
        (Contract, contract_data()),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else "",
)
def test_extra_fields_are_forbidden(cls: type[BaseModel], data: dict[str, Any]) -> None:
    cls.model_validate(data)  # valid as given
    with pytest.raises(ValidationError, match=r"(?s)colour\s.*Extra inputs are not permitted"):
        cls.model_validate({**data, "colour": "red"})


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
def test_models_are_hashable_and_equal_by_value(model: BaseModel) -> None:
    twin = rebuilt(model)
    assert twin is not model
    assert twin == model
    assert hash(twin) == hash(model)
    assert len({model, twin}) == 1
    assert {model: "x"}[twin] == "x"


@pytest.mark.parametrize(
    ("model", "change"),
    [
        (P1, {"description": "changed"}),
        (target(), {"within": 2 * H}),
        (target(), {"milestones": (0.5,)}),
        (target(within=WorkingDays(2)), {"within": WorkingDays(3)}),
        (target(within=CalendarTime(months=1)), {"within": CalendarTime(days=30)}),
        (ClockPolicy(), {"on_reopen": "new_cycle"}),
        (FULL, {"notes": ("other",)}),
        (FULL, {"calendars": {"office": OFFICE, "extended": OFFICE | EVENING, "ny": OFFICE}}),
    ],
)
def test_a_different_field_value_makes_a_different_model(
    model: BaseModel, change: dict[str, Any]
) -> None:
    other = type(model).model_validate({**model.model_dump(), **change})
    assert other != model


def test_a_working_days_target_differs_from_the_same_number_of_calendar_days() -> None:
    assert target(within=WorkingDays(2)) != target(within=CalendarTime(days=2))


# ---------------------------------------------------------------------------------------
# JSON round trips and plain inputs
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
def test_json_mode_dump_and_validate_round_trip(model: BaseModel) -> None:
    data = model.model_dump(mode="json")
    assert json.loads(json.dumps(data)) == data  # plain JSON data
    back = type(model).model_validate(data)
    assert back == model
    assert hash(back) == hash(model)


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
def test_json_text_round_trip(model: BaseModel) -> None:
    text = model.model_dump_json()
    back = type(model).model_validate_json(text)
    assert back == model
    assert hash(back) == hash(model)
    assert back.model_dump_json() == text
    assert json.loads(text) == model.model_dump(mode="json")


@pytest.mark.parametrize(
    "within",
    [
        H,
        timedelta(0),
        timedelta(days=2, minutes=30),
        WorkingDays(0),
        WorkingDays(5),
        CalendarTime(months=3),
        CalendarTime(hours=4, days=1, weeks=2, months=1),
        None,
    ],
    ids=repr,
)
def test_every_kind_of_within_round_trips_inside_a_contract(within: Any) -> None:
    c = make_contract(targets=[target(within=within, calendar="extended")])
    for back in (
        Contract.model_validate(c.model_dump(mode="json")),
        Contract.model_validate_json(c.model_dump_json()),
    ):
        assert back == c
        assert hash(back) == hash(c)
        assert back.targets[0].within == within
        assert type(back.targets[0].within) is type(within)


def test_the_combined_calendar_survives_the_round_trip() -> None:
    back = Contract.model_validate_json(FULL.model_dump_json())
    combined = back.calendars["extended"]
    assert combined == OFFICE | EVENING
    assert combined.operation == "union"
    assert combined.operands == (OFFICE, EVENING)
    monday_evening = datetime(2026, 11, 23, 19, tzinfo=ZoneInfo(AMS))
    assert combined.is_open(monday_evening)
    assert not back.calendars["office"].is_open(monday_evening)


@pytest.mark.parametrize(
    ("json_within", "expected"),
    [
        ('"PT4H"', timedelta(hours=4)),
        ('"P1DT30M"', timedelta(days=1, minutes=30)),
        ("14400", timedelta(hours=4)),
        ("0", timedelta(0)),
        ('{"kind": "working_days", "days": 2}', WorkingDays(2)),
        ('{"kind": "calendar_time", "months": 3}', CalendarTime(months=3)),
        ('{"kind": "calendar_time", "hours": 36}', CalendarTime(hours=36)),
        ("null", None),
    ],
)
def test_within_reads_the_documented_json_forms(json_within: str, expected: Any) -> None:
    text = (
        '{"metric": "resolution", "priority": "P1", "calendar": "office", '
        f'"within": {json_within}}}'
    )
    t = Target.model_validate_json(text)
    assert t.within == expected
    assert type(t.within) is type(expected)


def test_dict_and_list_inputs_give_the_model_built_from_objects_and_tuples() -> None:
    from_plain = Contract.model_validate(
        {
            "id": "acme/gold",
            "calendars": {"office": OFFICE.model_dump(mode="json")},
            "priorities": [{"id": "P1", "aliases": ["urgent"]}, {"id": "P2"}],
            "targets": [
                {
                    "metric": "response",
                    "priority": "P1",
                    "within": "PT1H",
                    "calendar": "office",
                    "applies_to": ["incident", "request"],
                    "milestones": [0.5],
                    "starts_on": ["opened"],
                }
            ],
            "availability": [{"name": "u", "calendar": "outside:office", "minimum": 0.9}],
            "interruption_limit": {"maximum": 3},
            "compliance": [{"priorities": ["P1"], "minimum": 0.9}],
            "clock": {"on_reopen": "new_cycle"},
            "notes": ["one", "two"],
        }
    )
    from_objects = Contract(
        id="acme/gold",
        calendars=FrozenMap({"office": OFFICE}),
        priorities=(Priority(id="P1", aliases=("urgent",)), Priority(id="P2")),
        targets=(
            Target(
                metric="response",
                priority="P1",
                within=H,
                calendar="office",
                applies_to=("incident", "request"),
                milestones=(0.5,),
            ),
        ),
        availability=(AvailabilityTarget(name="u", calendar="outside:office", minimum=0.9),),
        interruption_limit=InterruptionLimit(maximum=3),
        compliance=(ComplianceGoal(priorities=("P1",), minimum=0.9),),
        clock=ClockPolicy(on_reopen="new_cycle"),
        notes=("one", "two"),
    )
    assert from_plain == from_objects
    assert hash(from_plain) == hash(from_objects)
    # Lists are stored as tuples and the mapping as a FrozenMap.
    assert isinstance(from_plain.priorities, tuple)
    assert isinstance(from_plain.priorities[0].aliases, tuple)
    assert isinstance(from_plain.targets[0].applies_to, tuple)
    assert isinstance(from_plain.notes, tuple)
    assert isinstance(from_plain.calendars, FrozenMap)
    assert from_plain.calendars == {"office": OFFICE}


def test_a_single_note_string_becomes_a_one_note_tuple() -> None:
    assert make_contract(notes="remember the holidays").notes == ("remember the holidays",)


def test_a_contract_accepts_another_contracts_calendars_as_they_are() -> None:
    copy = make_contract(id="acme/silver", calendars=FULL.calendars)
    assert copy.calendars == FULL.calendars
    assert hash(copy.calendars) == hash(FULL.calendars)


# ---------------------------------------------------------------------------------------
# JSON Schema
# ---------------------------------------------------------------------------------------


def test_the_contract_json_schema_is_json_and_describes_calendars_as_an_object() -> None:
    schema = Contract.model_json_schema()
    assert json.loads(json.dumps(schema)) == schema
    assert schema["type"] == "object"
    assert {"id", "priorities"} <= set(schema["required"])
    calendars = schema["properties"]["calendars"]
    assert calendars["type"] == "object"
    assert calendars["additionalProperties"] == {"$ref": "#/$defs/Calendar"}
    assert {"Calendar", "Priority", "Target", "WorkingDays", "CalendarTime"} <= set(schema["$defs"])
    assert schema["properties"]["targets"]["type"] == "array"


@pytest.mark.parametrize(
    "cls",
    [Priority, Target, AvailabilityTarget, InterruptionLimit, ComplianceGoal, ClockPolicy],
    ids=lambda c: c.__name__,
)
def test_every_model_has_a_json_schema(cls: type[BaseModel]) -> None:
    schema = cls.model_json_schema()
    assert json.loads(json.dumps(schema)) == schema
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False  # extra="forbid"


# ---------------------------------------------------------------------------------------
# Validation: bad contracts, each error naming the field and the value
# ---------------------------------------------------------------------------------------

TWO_P1 = [{"id": "P1"}, {"id": "P1", "aliases": ["other"]}]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param(
            {"targets": [target(calendar="nights")]},
            r"targets\[0\]\.calendar 'nights' is not a key of calendars: use one of "
            r"extended, ny, office",
            id="target-calendar-key",
        ),
        pytest.param(
            {"targets": [target(), target("resolution", calendar="24x7")]},
            r"targets\[1\]\.calendar '24x7'",
            id="target-calendar-24x7-is-not-a-key",
        ),
        pytest.param(
            {"targets": [target(priority="P9")]},
            r"targets\[0\]\.priority 'P9' is not a priority id: use one of P1, P2, P3",
            id="target-unknown-priority",
        ),
        pytest.param(
            {"priorities": TWO_P1},
            r"id 'P1' is given twice",
            id="duplicate-priority-id",
        ),
        pytest.param(
            {"priorities": [{"id": "P1"}, {"id": "p1"}], "targets": []},
            r"'p1' of 'p1' is also a name of 'P1'",
            id="priority-ids-differing-in-case",
        ),
        pytest.param(
            {
                "priorities": [
                    {"id": "P1", "aliases": ["Prio 1"]},
                    {"id": "P2", "aliases": ["prio-1"]},
                ]
            },
            r"'prio-1' of 'P2' is also a name of 'P1'",
            id="alias-space-vs-dash",
        ),
        pytest.param(
            {
                "priorities": [
                    {"id": "P1", "aliases": ["Prio 1"]},
                    {"id": "P2", "aliases": ["PRIO_1"]},
                ]
            },
            r"'PRIO_1' of 'P2' is also a name of 'P1'",
            id="alias-case-and-underscore",
        ),
        pytest.param(
            {
                "priorities": [
                    {"id": "P1", "aliases": ["urgent"]},
                    {"id": "P2", "aliases": ["urgent"]},
                ]
            },
            r"'urgent' of 'P2' is also a name of 'P1'",
            id="same-alias-twice",
        ),
        pytest.param(
            {"priorities": [{"id": "P1"}, {"id": "P2", "aliases": ["p-1"]}]},
            r"'p-1' of 'P2' is also a name of 'P1'",
            id="alias-equals-another-id",
        ),
        pytest.param(
            {"priorities": [{"id": "P1", "aliases": ["p 2"]}, {"id": "P2"}]},
            r"'P2' of 'P2' is also a name of 'P1'",
            id="id-equals-an-earlier-alias",
        ),
        pytest.param(
            {"targets": [target(), target()]},
            r"targets\[1\]: a second 'response' target for priority 'P1' and ticket kind "
            r"'incident'",
            id="duplicate-target",
        ),
        pytest.param(
            {
                "targets": [
                    target(applies_to=("incident", "request")),
                    target(within=2 * H, applies_to=("request",)),
                ]
            },
            r"targets\[1\]: a second 'response' target for priority 'P1' and ticket kind "
            r"'request'",
            id="duplicate-target-for-a-shared-kind",
        ),
        pytest.param(
            {"availability": [{"name": "u", "calendar": "office hours", "minimum": 0.9}]},
            r"availability\[0\]\.calendar 'office hours': use '24x7', a key of calendars "
            r"\(extended, ny, office\) or 'outside:<key>'",
            id="availability-calendar-unknown-key",
        ),
        pytest.param(
            {"availability": [{"name": "u", "calendar": "outside:nights", "minimum": 0.9}]},
            r"availability\[0\]\.calendar 'outside:nights'",
            id="availability-outside-unknown-key",
        ),
        pytest.param(
            {
                "availability": [
                    {"name": "a", "calendar": "24x7", "minimum": 0.9},
                    {"name": "b", "calendar": "24/7", "minimum": 0.9},
                ]
            },
            r"availability\[1\]\.calendar '24/7'",
            id="availability-24-slash-7",
        ),
        pytest.param(
            {"availability": [{"name": "u", "calendar": "outside:", "minimum": 0.9}]},
            r"availability\[0\]\.calendar 'outside:'",
            id="availability-outside-nothing",
        ),
        pytest.param(
            {"availability": [{"name": "u", "calendar": "outside:24x7", "minimum": 0.9}]},
            r"availability\[0\]\.calendar 'outside:24x7'",
            id="availability-outside-24x7",
        ),
        pytest.param(
            {"compliance": [{"priorities": ["P1", "P9"], "minimum": 0.9}]},
            r"compliance\[0\]\.priorities \['P9'\] are not priority ids: use some of P1, P2, P3",
            id="compliance-unknown-priority",
        ),
        pytest.param(
            {"valid_from": date(2026, 6, 1), "valid_to": date(2026, 5, 31)},
            r"valid_to 2026-05-31 lies before valid_from 2026-06-01",
            id="valid-to-before-valid-from",
        ),
        pytest.param(
            {"priorities": []},
            r"(?s)priorities\s.*at least 1 item",
            id="no-priorities",
        ),
        pytest.param(
            {"id": ""},
            r"(?s)\bid\s.*at least 1 character",
            id="empty-id",
        ),
        pytest.param(
            {"clock": {"on_priority_change": "reset"}},
            r"(?s)clock\.on_priority_change\s.*'keep_elapsed' or 'restart'",
            id="unknown-priority-change-policy",
        ),
        pytest.param(
            {"clock": {"on_reopen": "restart"}},
            r"(?s)clock\.on_reopen\s.*'continue' or 'new_cycle'",
            id="unknown-reopen-policy",
        ),
        pytest.param(
            {"valid_from": "next year"},
            r"(?s)valid_from\s.*date",
            id="valid-from-not-a-date",
        ),
    ],
)
def test_bad_contracts_are_rejected_naming_the_field(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        make_contract(**changes)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param(
            {"within": timedelta(minutes=-1)},
            r"(?s)within\s.*within=datetime\.timedelta\(days=-1, seconds=86340\) is negative",
            id="negative-within",
        ),
        pytest.param(
            {"within": "-PT1H"},
            r"(?s)within\s.*is negative",
            id="negative-within-from-text",
        ),
        pytest.param({"milestones": [0]}, r"milestones \[0\.0\] lie outside \(0, 1\)", id="ms-0"),
        pytest.param({"milestones": [1]}, r"milestones \[1\.0\] lie outside \(0, 1\)", id="ms-1"),
        pytest.param(
            {"milestones": [0.5, -0.1]}, r"milestones \[-0\.1\] lie outside \(0, 1\)", id="ms--0.1"
        ),
        pytest.param(
            {"milestones": [1.5, 0.5]}, r"milestones \[1\.5\] lie outside \(0, 1\)", id="ms-1.5"
        ),
        pytest.param(
            {"starts_on": ["created"]},
            r"(?s)starts_on\s.*unknown event kinds \['created'\]: use some of opened, ",
            id="unknown-starts-on",
        ),
        pytest.param(
            {"stops_on": ["responded", "fixed"]},
            r"(?s)stops_on\s.*unknown event kinds \['fixed'\]",
            id="unknown-stops-on",
        ),
        pytest.param(
            {"applies_to": []},
            r"(?s)applies_to\s.*applies_to is empty",
            id="no-ticket-kinds",
        ),
        pytest.param(
            {"commitment": "promised"},
            r"(?s)commitment\s.*'guaranteed', 'aim' or 'best_effort'",
            id="unknown-commitment",
        ),
        pytest.param(
            {"within": {"kind": "working_days", "days": -1}},
            r"(?s)within\.WorkingDays\.days\s.*greater than or equal to 0",
            id="negative-working-days",
        ),
        pytest.param(
            {"within": "two hours"},
            r"(?s)within\b.*'two hours'",
            id="within-not-a-duration",
        ),
        pytest.param({"metric": ""}, r"(?s)metric\s.*at least 1 character", id="empty-metric"),
        pytest.param({"calendar": ""}, r"(?s)calendar\s.*at least 1 character", id="no-calendar"),
    ],
)
def test_bad_targets_are_rejected_naming_the_field(changes: dict[str, Any], message: str) -> None:
    data = {"metric": "response", "priority": "P1", "within": H, "calendar": "office", **changes}
    with pytest.raises(ValidationError, match=message) as caught:
        Target.model_validate(data)
    assert isinstance(caught.value, ValueError)
    # The same target inside a contract is rejected too, at its position.
    with pytest.raises(ValidationError, match=r"targets\.0\."):
        make_contract(targets=[data])


def test_a_target_missing_within_is_rejected() -> None:
    # ``None`` (best effort) has to be said explicitly.
    with pytest.raises(ValidationError, match=r"(?s)within\s.*Field required"):
        Target.model_validate({"metric": "response", "priority": "P1", "calendar": "office"})


@pytest.mark.parametrize(
    ("cls", "data", "message"),
    [
        (AvailabilityTarget, {"name": "u", "calendar": "24x7", "minimum": 1.01}, r"minimum"),
        (AvailabilityTarget, {"name": "u", "calendar": "24x7", "minimum": -0.1}, r"minimum"),
        (
            AvailabilityTarget,
            {"name": "u", "calendar": "24x7", "minimum": 0.9, "period": "week"},
            r"(?s)period\s.*'month' or 'year'",
        ),
        (
            AvailabilityTarget,
            {"name": "u", "calendar": "24x7", "minimum": 0.9, "planned": "ignore"},
            r"(?s)planned\s.*'exclude', 'count_as_up' or 'count_as_down'",
        ),
        (AvailabilityTarget, {"name": "", "calendar": "24x7", "minimum": 0.9}, r"name"),
        (InterruptionLimit, {"maximum": -1}, r"(?s)maximum\s.*greater than or equal to 0"),
        (InterruptionLimit, {"maximum": 1, "period": "day"}, r"(?s)period\s.*'month' or 'year'"),
        (ComplianceGoal, {"priorities": [], "minimum": 0.9}, r"(?s)priorities\s.*at least 1"),
        (ComplianceGoal, {"priorities": ["P1"], "minimum": 1.5}, r"(?s)minimum\s.*less than"),
        (Priority, {"id": ""}, r"(?s)id\s.*at least 1 character"),
    ],
)
def test_bad_parts_are_rejected_naming_the_field(
    cls: type[BaseModel], data: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        cls.model_validate(data)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"valid_from": date(2026, 6, 1), "valid_to": date(2026, 6, 1)}, id="one-day"),
        pytest.param({"valid_from": date(2026, 6, 1)}, id="open-ended"),
        pytest.param({"valid_to": date(2026, 6, 1)}, id="no-start"),
        pytest.param(
            {
                "availability": [
                    {"name": "a", "calendar": "24x7", "minimum": 0.9},
                    {"name": "b", "calendar": "office", "minimum": 0.9},
                    {"name": "c", "calendar": "outside:office", "minimum": 0.9},
                    {"name": "d", "calendar": "outside:extended", "minimum": 0.9},
                ]
            },
            id="every-availability-calendar-form",
        ),
        pytest.param(
            {"targets": [target(), target(applies_to=("request",))]},
            id="same-metric-for-different-kinds",
        ),
        pytest.param(
            {"targets": [target(), target(priority="P2"), target("resolution")]},
            id="same-metric-for-different-priorities",
        ),
        pytest.param(
            {"priorities": [{"id": "P1", "aliases": ["p-1", "P_1", "urgent"]}], "targets": []},
            id="aliases-of-one-priority-may-normalise-alike",
        ),
        pytest.param({"targets": []}, id="no-targets"),
        pytest.param({"compliance": [{"priorities": ["P1", "P3"], "minimum": 0.5}]}, id="goal"),
    ],
)
def test_good_variants_are_accepted(changes: dict[str, Any]) -> None:
    make_contract(**changes)


def test_validation_errors_are_value_errors_raised_by_contract_errors() -> None:
    # Contract validators raise ContractError; pydantic wraps it in a ValidationError.
    assert issubclass(ValidationError, ValueError)
    with pytest.raises(ValidationError) as caught:
        make_contract(targets=[target(priority="P9")])
    (error,) = caught.value.errors()
    assert isinstance(error["ctx"]["error"], ContractError)


# ---------------------------------------------------------------------------------------
# Defaults
# ---------------------------------------------------------------------------------------

TERMINAL = ("resolved", "closed")


@pytest.mark.parametrize(
    ("metric", "starts_on", "stops_on"),
    [
        ("response", ("opened",), ("responded", "workaround", *TERMINAL)),
        ("workaround", ("opened",), ("workaround", *TERMINAL)),
        ("resolution", ("opened",), TERMINAL),
        ("restore", ("opened",), TERMINAL),
        ("bug_fix", ("opened",), TERMINAL),
        ("on_site", ("on_site_requested",), ("on_site", *TERMINAL)),
        # Metrics outside the SPEC 3 table: opened -> resolved, closed (docs/evaluation.md).
        ("root_cause", ("opened",), TERMINAL),
        ("status_update", ("opened",), TERMINAL),
        ("change", ("opened",), TERMINAL),
    ],
)
def test_start_and_stop_events_default_per_metric(
    metric: str, starts_on: tuple[str, ...], stops_on: tuple[str, ...]
) -> None:
    t = target(metric)
    assert (t.starts_on, t.stops_on) == (starts_on, stops_on)
    # The defaults are filled in, so spelling them out gives an equal target ...
    assert target(metric, starts_on=starts_on, stops_on=stops_on) == t
    # ... and so does an empty list (JSON), and a round trip keeps them.
    empty = Target.model_validate_json(
        json.dumps(
            {
                "metric": metric,
                "priority": "P1",
                "within": "PT1H",
                "calendar": "office",
                "starts_on": [],
                "stops_on": [],
            }
        )
    )
    assert empty == t
    assert Target.model_validate_json(t.model_dump_json()) == t


def test_an_explicit_start_or_stop_replaces_only_that_default() -> None:
    t = target("resolution", starts_on=("responded",))
    assert (t.starts_on, t.stops_on) == (("responded",), TERMINAL)
    t = target("on_site", stops_on=("on_site",))
    assert (t.starts_on, t.stops_on) == (("on_site_requested",), ("on_site",))
    assert target("response", stops_on=("responded",)) != target("response")


def test_target_defaults() -> None:
    t = Target(metric="response", priority="P1", within=H, calendar="office")
    assert t.pausable is False
    assert t.applies_to == ("incident",)
    assert t.commitment == "guaranteed"
    assert t.milestones == ()
    assert t.source == ""


def test_milestones_are_kept_as_a_tuple_of_fractions() -> None:
    assert target(milestones=[0.5]).milestones == (0.5,)
    assert target(milestones=[0.25, 0.75]).milestones == (0.25, 0.75)


def test_clock_policy_defaults() -> None:
    assert ClockPolicy().on_priority_change == "keep_elapsed"
    assert ClockPolicy().on_reopen == "continue"
    assert ClockPolicy.model_validate({}) == ClockPolicy(
        on_priority_change="keep_elapsed", on_reopen="continue"
    )


def test_part_defaults() -> None:
    a = AvailabilityTarget(name="u", calendar="24x7", minimum=0.99)
    assert (a.period, a.planned, a.source) == ("month", "exclude", "")
    limit = InterruptionLimit(maximum=3)
    assert (limit.period, limit.source) == ("month", "")
    goal = ComplianceGoal(priorities=["P1"], minimum=0.8)
    assert (goal.priorities, goal.metrics, goal.source) == (("P1",), (), "")


def test_contract_defaults() -> None:
    c = Contract(id="x/y", priorities=[Priority(id="P1")])
    assert (c.vendor, c.name, c.source) == ("", "", "")
    assert (c.valid_from, c.valid_to) == (None, None)
    assert c.calendars == {}
    assert isinstance(c.calendars, FrozenMap)
    assert c.targets == ()
    assert c.availability == ()
    assert c.interruption_limit is None
    assert c.compliance == ()
    assert c.clock == ClockPolicy()
    assert c.notes == ()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ({"id": "P1"}, "P1"),
        ({"id": "P1", "name": ""}, "P1"),
        ({"id": "P1", "name": "Critical"}, "Critical"),
        ({"id": "incident-2-custom", "aliases": ["2c"]}, "incident-2-custom"),
    ],
)
def test_priority_name_defaults_to_the_id(data: dict[str, Any], name: str) -> None:
    p = Priority.model_validate(data)
    assert p.name == name
    assert Priority.model_validate_json(p.model_dump_json()) == p


def test_priority_defaults() -> None:
    p = Priority(id="P1")
    assert (p.aliases, p.description) == ((), "")
    assert Priority(id="P1") == Priority(id="P1", name="P1")


# ---------------------------------------------------------------------------------------
# contract.priority(name)
# ---------------------------------------------------------------------------------------

LOOKUP = make_contract()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("P1", "P1"),
        ("p1", "P1"),
        (" p1 ", "P1"),
        ("P 1", "P1"),
        ("PRIO 1", "P1"),
        ("prio-1", "P1"),
        ("Prio_1", "P1"),
        ("prio1", "P1"),
        ("  Prio - 1 ", "P1"),
        ("URGENT", "P1"),
        ("Urgent\t", "P1"),
        ("P2", "P2"),
        ("prio 2", "P2"),
        ("PRIO__2", "P2"),
        ("p-3", "P3"),
    ],
)
def test_priority_matches_ids_and_aliases_ignoring_case_spaces_dashes_underscores(
    name: str, expected: str
) -> None:
    found = LOOKUP.priority(name)
    assert found.id == expected
    assert found == next(p for p in LOOKUP.priorities if p.id == expected)  # canonical


def test_priority_returns_the_full_priority() -> None:
    assert LOOKUP.priority("urgent") == Priority(
        id="P1", name="Priority 1", aliases=("Prio 1", "urgent")
    )


@pytest.mark.parametrize("name", ["P4", "", "prio", "1", "urgent!", "P1.0"])
@pytest.mark.parametrize(
    "error", [UnknownPriorityError, LookupError, ValueError, ContractError, SlacalcError]
)
def test_an_unknown_priority_raises_listing_the_valid_ids(name: str, error: type) -> None:
    with pytest.raises(error, match=re.escape(f"{name!r}") + r".*P1, P2, P3") as caught:
        LOOKUP.priority(name)
    assert type(caught.value) is UnknownPriorityError


def test_unknown_priority_error_is_in_every_family_it_should_be() -> None:
    for base in (LookupError, ValueError, ContractError, SlacalcError):
        assert issubclass(UnknownPriorityError, base)


# ---------------------------------------------------------------------------------------
# targets_for, calendar_for, kinds
# ---------------------------------------------------------------------------------------

ROUTED = make_contract(
    targets=[
        target("response", "P1"),
        target("response", "P2", within=4 * H),
        target("resolution", "P1", within=WorkingDays(2), calendar="extended"),
        target("on_site", "P1", within=4 * H, applies_to=("incident", "request")),
        target("bug_fix", "P1", within=CalendarTime(months=3), calendar="ny"),
        target("restore", "P1", within=None, calendar="extended"),
        target("response", "P1", within=8 * H, applies_to=("request",)),
        target(
            "implementation",
            "P2",
            within=CalendarTime(weeks=2),
            calendar="extended",
            applies_to=("change",),
        ),
    ]
)


@pytest.mark.parametrize(
    ("priority", "kind", "expected"),
    [
        ("P1", "incident", [0, 2, 3, 4, 5]),
        ("urgent", "incident", [0, 2, 3, 4, 5]),
        ("prio-1", "incident", [0, 2, 3, 4, 5]),
        ("P1", "request", [3, 6]),
        ("P2", "incident", [1]),
        ("P2", "change", [7]),
        ("P1", "change", []),
        ("P1", "problem", []),
        ("P3", "incident", []),
    ],
)
def test_targets_for_keeps_the_contract_order_and_filters_by_kind(
    priority: str, kind: str, expected: list[int]
) -> None:
    found = ROUTED.targets_for(priority, kind=kind)
    assert isinstance(found, tuple)
    assert found == tuple(ROUTED.targets[i] for i in expected)


def test_targets_for_defaults_to_incidents() -> None:
    assert ROUTED.targets_for("P1") == ROUTED.targets_for("P1", kind="incident")


def test_targets_for_an_unknown_priority_raises() -> None:
    with pytest.raises(UnknownPriorityError, match=r"'P7'.*P1, P2, P3"):
        ROUTED.targets_for("P7")


@pytest.mark.parametrize(
    ("priority", "metric", "kind", "expected"),
    [
        ("P1", "response", "incident", OFFICE),
        ("Prio 1", "response", "incident", OFFICE),
        ("P2", "response", "incident", OFFICE),
        ("P1", "resolution", "incident", OFFICE | EVENING),
        ("urgent", "restore", "incident", OFFICE | EVENING),
        ("P1", "on_site", "request", OFFICE),
        ("P1", "response", "request", OFFICE),
        # CalendarTime targets run on the 24x7 calendar of the named calendar's zone.
        ("P1", "bug_fix", "incident", Calendar.always(tz=NY)),
        ("P2", "implementation", "change", Calendar.always(tz=AMS)),
    ],
)
def test_calendar_for_gives_the_calendar_the_clock_runs_on(
    priority: str, metric: str, kind: str, expected: Calendar
) -> None:
    assert ROUTED.calendar_for(priority, metric, kind=kind) == expected


def test_a_calendar_time_target_runs_around_the_clock_in_its_calendars_zone() -> None:
    cal = ROUTED.calendar_for("P1", "bug_fix")
    assert cal.tz == NY
    sunday_night = datetime(2026, 11, 22, 3, tzinfo=ZoneInfo(NY))
    thanksgiving = datetime(2026, 11, 26, 12, tzinfo=ZoneInfo(NY))
    assert cal.is_open(sunday_night)
    assert cal.is_open(thanksgiving)
    assert not ROUTED.calendars["ny"].is_open(sunday_night)
    assert not ROUTED.calendars["ny"].is_open(thanksgiving)


@pytest.mark.parametrize(
    ("priority", "metric", "kind", "message"),
    [
        (
            "P1",
            "workaround",
            "incident",
            r"'P1'.* no 'workaround' target .*: its metrics are bug_fix, on_site, "
            r"resolution, response, restore",
        ),
        (
            "P2",
            "resolution",
            "incident",
            r"'P2'.* no 'resolution' target.*its metrics are response",
        ),
        ("P2", "response", "change", r"'P2'.*its metrics are implementation$"),
        ("P3", "response", "incident", r"'P3'.* no 'response' target.*its metrics are \(none\)"),
        ("P1", "bug_fix", "request", r"its metrics are on_site, response$"),
    ],
)
def test_calendar_for_a_missing_metric_lists_the_priority_s_metrics(
    priority: str, metric: str, kind: str, message: str
) -> None:
    with pytest.raises(UnknownPriorityError, match=message) as caught:
        ROUTED.calendar_for(priority, metric, kind=kind)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, ValueError)


def test_calendar_for_an_unknown_priority_raises() -> None:
    with pytest.raises(UnknownPriorityError, match=r"'P0'.*P1, P2, P3"):
        ROUTED.calendar_for("P0", "response")


def test_kinds_are_every_ticket_kind_a_target_applies_to() -> None:
    assert ROUTED.kinds == frozenset({"incident", "request", "change"})
    assert make_contract(targets=[]).kinds == frozenset()
    assert LOOKUP.kinds == frozenset({"incident"})


def test_target_finds_one_target_or_none() -> None:
    assert ROUTED.target("urgent", "resolution") == ROUTED.targets[2]
    assert ROUTED.target("P1", "response", kind="request") == ROUTED.targets[6]
    assert ROUTED.target("P3", "response") is None


# ---------------------------------------------------------------------------------------
# Cached lookups: model_copy, equality
# ---------------------------------------------------------------------------------------


def relabelled(c: Contract, pid: str, alias: str) -> Contract:
    """A copy of ``c`` whose only priority is ``pid`` (alias ``alias``), without targets."""
    return c.model_copy(update={"priorities": (Priority(id=pid, aliases=(alias,)),), "targets": ()})


def test_a_copy_with_other_priorities_looks_up_its_own_priorities() -> None:
    original = make_contract()
    assert original.priority("urgent").id == "P1"  # fills the original's lookup cache
    copy = relabelled(original, "Q1", "rush")
    assert copy.priority("rush").id == "Q1"
    assert copy.priority("q-1").id == "Q1"
    with pytest.raises(UnknownPriorityError, match=r"'urgent'.*use one of Q1 "):
        copy.priority("urgent")
    with pytest.raises(UnknownPriorityError, match=r"'rush'.*use one of P1, P2, P3 "):
        original.priority("rush")
    assert original.priority("urgent").id == "P1"


def test_a_copy_with_other_targets_routes_its_own_targets() -> None:
    original = ROUTED
    assert len(original.targets_for("P1")) == 5  # fills the original's cache
    copy = original.model_copy(update={"targets": (target("resolution", "P3", within=2 * H),)})
    assert copy.targets_for("P1") == ()
    assert copy.targets_for("P3") == (target("resolution", "P3", within=2 * H),)
    assert copy.calendar_for("P3", "resolution") == OFFICE
    assert copy.kinds == frozenset({"incident"})
    assert len(original.targets_for("P1")) == 5
    assert original.targets_for("P3") == ()


def test_a_copy_of_a_copy_never_uses_a_freed_contracts_lookups() -> None:
    # ``model_copy`` copies the cached lookups along with ``__dict__``. The cache is keyed
    # by ``id(owner)``, and CPython hands the address of a freed object to the next new
    # one: a copy made after its original is gone may land on the original's id and then
    # must still not answer with the original's priorities.
    original = make_contract()
    original.priority("urgent")  # cache built for `original`
    first = relabelled(original, "Q1", "rush")  # carries the cache of `original`
    del original
    for n in range(200):
        copy = relabelled(first, f"R{n}", f"alias {n}")
        assert copy.priority(f"R{n}").id == f"R{n}", n
        assert copy.priority(f"alias-{n}").id == f"R{n}", n


def test_a_copy_without_changes_is_equal_and_hashes_equally() -> None:
    c = make_contract()
    c.priority("P1")
    copy = c.model_copy()
    assert copy == c
    assert hash(copy) == hash(c)
    assert copy.priority("urgent").id == "P1"


def test_cached_lookups_change_neither_equality_nor_hash_nor_dumps() -> None:
    used, fresh = make_contract(), make_contract()
    before = used.model_dump_json()
    used.priority("urgent")
    used.targets_for("P1")
    used.calendar_for("P1", "response")
    assert used == fresh
    assert hash(used) == hash(fresh)
    assert used.model_dump_json() == before == fresh.model_dump_json()
    assert Contract.model_validate_json(used.model_dump_json()) == fresh
