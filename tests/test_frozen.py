"""Tests for ``slacalc._base.frozen``: ``FrozenMap`` and ``instance_cache``.

``FrozenMap`` is the immutable, hashable mapping frozen models store their mappings in
(``Contract.calendars``); ``instance_cache`` keeps computed lookups on frozen models.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from slacalc import Calendar, Contract, FrozenMap, Priority
from slacalc._base.frozen import instance_cache

ITEMS = [("b", 2), ("a", 1), ("c", 3)]
M = FrozenMap(dict(ITEMS))


# ---------------------------------------------------------------------------------------
# A read-only mapping
# ---------------------------------------------------------------------------------------


def test_reads_like_a_dict() -> None:
    assert isinstance(M, Mapping)
    assert (M["a"], M["b"], M["c"]) == (1, 2, 3)
    assert len(M) == 3
    assert list(M) == ["b", "a", "c"]  # insertion order
    assert list(M.keys()) == ["b", "a", "c"]
    assert list(M.values()) == [2, 1, 3]
    assert list(M.items()) == ITEMS
    assert M.get("a") == 1
    assert M.get("z") is None
    assert M.get("z", 0) == 0
    assert "a" in M
    assert "z" not in M
    assert dict(M) == {"a": 1, "b": 2, "c": 3}
    assert {**M} == {"a": 1, "b": 2, "c": 3}


def test_a_missing_key_raises_key_error() -> None:
    with pytest.raises(KeyError, match="'z'"):
        M["z"]


@pytest.mark.parametrize(
    "source",
    [dict(ITEMS), ITEMS, iter(ITEMS), FrozenMap(dict(ITEMS))],
    ids=["dict", "pairs", "iterator", "frozenmap"],
)
def test_builds_from_a_mapping_or_pairs(source: Any) -> None:
    assert FrozenMap(source) == M


def test_an_empty_map() -> None:
    empty: FrozenMap[str, int] = FrozenMap()
    assert len(empty) == 0
    assert empty == {}
    assert not empty
    assert hash(empty) == hash(FrozenMap({}))


def test_later_changes_to_the_source_do_not_leak_in() -> None:
    source = {"a": 1}
    m = FrozenMap(source)
    source["a"] = 99
    source["b"] = 2
    assert m == {"a": 1}


# ---------------------------------------------------------------------------------------
# Equal by value, hashable
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "other",
    [
        {"a": 1, "b": 2, "c": 3},
        {"c": 3, "b": 2, "a": 1},
        dict(ITEMS),
        FrozenMap({"c": 3, "a": 1, "b": 2}),
    ],
    ids=["dict-sorted", "dict-reversed", "dict-same-order", "frozenmap-other-order"],
)
def test_equal_regardless_of_order(other: Mapping[str, int]) -> None:
    m = M
    assert m == other
    assert other == m  # both directions
    assert (m != other) is False
    assert (other != m) is False


@pytest.mark.parametrize(
    "other",
    [
        {"a": 1, "b": 2},
        {"a": 1, "b": 2, "c": 4},
        {"a": 1, "b": 2, "c": 3, "d": 4},
        FrozenMap({"a": 1}),
        list(ITEMS),
        tuple(ITEMS),
        None,
        "abc",
    ],
    ids=repr,
)
def test_not_equal_to_other_content_or_non_mappings(other: Any) -> None:
    m = M
    assert m != other
    assert other != m  # both directions
    assert (m == other) is False


def test_equal_maps_in_any_insertion_order_hash_alike() -> None:
    orders = [ITEMS, ITEMS[::-1], sorted(ITEMS), [ITEMS[2], ITEMS[0], ITEMS[1]]]
    maps = [FrozenMap(order) for order in orders]
    assert len({hash(m) for m in maps}) == 1
    assert len(set(maps)) == 1
    assert {maps[0]: "x"}[maps[1]] == "x"


def test_different_content_usually_hashes_differently() -> None:
    assert hash(FrozenMap({"a": 1})) != hash(FrozenMap({"a": 2}))
    assert hash(FrozenMap({"a": 1})) != hash(FrozenMap({"b": 1}))


def test_unhashable_values_make_the_map_unhashable() -> None:
    m = FrozenMap({"a": [1]})
    with pytest.raises(TypeError, match="unhashable"):
        hash(m)


# ---------------------------------------------------------------------------------------
# Immutable
# ---------------------------------------------------------------------------------------


def test_items_cannot_be_set_or_deleted() -> None:
    m = FrozenMap({"a": 1})
    with pytest.raises(TypeError, match="does not support item assignment"):
        m["a"] = 2  # type: ignore[index]
    with pytest.raises(TypeError, match="does not support item assignment"):
        m["b"] = 2  # type: ignore[index]
    with pytest.raises(TypeError, match=r"does(n't| not) support item deletion"):
        del m["a"]  # type: ignore[attr-defined]
    assert m == {"a": 1}


@pytest.mark.parametrize(
    "method", ["__setitem__", "__delitem__", "update", "pop", "popitem", "setdefault", "clear"]
)
def test_has_no_mutating_methods(method: str) -> None:
    assert not hasattr(M, method)


def test_attributes_cannot_be_added() -> None:
    with pytest.raises(AttributeError):
        M.extra = 1  # type: ignore[attr-defined]


def test_repr_shows_the_content_in_insertion_order() -> None:
    assert repr(M) == "FrozenMap({'b': 2, 'a': 1, 'c': 3})"
    assert repr(FrozenMap()) == "FrozenMap({})"


# ---------------------------------------------------------------------------------------
# Inside a pydantic model
# ---------------------------------------------------------------------------------------


class Scores(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    scores: FrozenMap[str, int]


def test_a_model_validates_a_dict_into_a_frozen_map() -> None:
    s = Scores(scores={"b": 2, "a": 1})
    assert isinstance(s.scores, FrozenMap)
    assert s.scores == {"a": 1, "b": 2}
    assert list(s.scores) == ["b", "a"]


@pytest.mark.parametrize(
    "scores",
    [{"a": 1}, FrozenMap({"a": 1}), [("a", 1)], {"a": "1"}],
    ids=["dict", "frozenmap", "pairs-are-not-a-dict", "lax-int"],
)
def test_a_model_accepts_mappings(scores: Any) -> None:
    if isinstance(scores, list):
        with pytest.raises(ValidationError, match=r"(?s)scores\n.*valid dictionary"):
            Scores(scores=scores)
    else:
        assert Scores(scores=scores).scores == {"a": 1}


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"a": "many"}, r"(?s)scores\.a\n.*valid integer"),
        ({"a": 1, "b": None}, r"(?s)scores\.b\n.*valid integer"),
        ({1: 1}, r"(?s)scores\.1\.\[key\]\n.*valid string"),
        ("a=1", r"(?s)scores\n.*valid dictionary"),
    ],
)
def test_a_model_rejects_bad_content_naming_the_key(scores: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Scores(scores=scores)


def test_a_model_dumps_a_plain_dict() -> None:
    s = Scores(scores={"b": 2, "a": 1})
    for dumped in (s.model_dump(), s.model_dump(mode="json")):
        assert dumped == {"scores": {"b": 2, "a": 1}}
        assert type(dumped["scores"]) is dict
    assert s.model_dump_json() == '{"scores":{"b":2,"a":1}}'


def test_a_model_round_trips_and_hashes_by_content() -> None:
    s = Scores(scores={"b": 2, "a": 1})
    for back in (
        Scores.model_validate(s.model_dump(mode="json")),
        Scores.model_validate_json(s.model_dump_json()),
        Scores(scores={"a": 1, "b": 2}),
    ):
        assert back == s
        assert hash(back) == hash(s)


def test_a_model_s_json_schema_shows_an_object() -> None:
    schema = Scores.model_json_schema()
    assert json.loads(json.dumps(schema)) == schema
    assert schema["properties"]["scores"]["type"] == "object"
    assert schema["properties"]["scores"]["additionalProperties"] == {"type": "integer"}


def test_a_bare_frozen_map_field_takes_any_content() -> None:
    class Loose(BaseModel):
        model_config = ConfigDict(frozen=True)
        data: FrozenMap  # type: ignore[type-arg]

    assert Loose(data={"a": [1], 2: None}).data == {"a": [1], 2: None}


def test_contract_calendars_are_a_frozen_map() -> None:
    office = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
    c = Contract(id="x/y", calendars={"office": office}, priorities=[Priority(id="P1")])
    assert isinstance(c.calendars, FrozenMap)
    assert c.calendars["office"] == office
    assert c.model_dump()["calendars"] == {"office": office.model_dump()}
    with pytest.raises(TypeError):
        c.calendars["other"] = office  # type: ignore[index]


# ---------------------------------------------------------------------------------------
# instance_cache
# ---------------------------------------------------------------------------------------


class Box:
    pass


def test_instance_cache_builds_once_per_object() -> None:
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [len(calls)]

    a, b = Box(), Box()
    first = instance_cache(a, "k", build)
    assert instance_cache(a, "k", build) is first
    assert instance_cache(b, "k", build) is not first
    assert instance_cache(a, "other", build) is not first
    assert len(calls) == 3


def test_instance_cache_rebuilds_for_a_copy_of_the_dict() -> None:
    a = Box()
    mine = instance_cache(a, "k", lambda: "a's")
    b = copy.copy(a)  # copies __dict__, cached slot included
    assert instance_cache(b, "k", lambda: "b's") == "b's"
    assert instance_cache(a, "k", lambda: "again") is mine


def test_instance_cache_never_answers_for_a_freed_object_at_the_same_address() -> None:
    # A copied __dict__ carries the slot of its original. Once that original is freed,
    # CPython may place a new object at its address (same id). That object must build
    # its own value, not return the freed original's.
    original = Box()
    instance_cache(original, "k", lambda: "original's")
    state = dict(original.__dict__)
    del original
    for n in range(200):
        other = Box()
        other.__dict__.update(state)
        assert instance_cache(other, "k", lambda n=n: f"box {n}") == f"box {n}", n
