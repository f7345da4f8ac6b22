"""Profiles (slacalc.profiles): the registry, ``load``/``extends``, and the ``Profile`` model.

The built-in profiles' content (their columns, statuses, formats) is each tool's own and is
tested with them; here only their ids and the registry's rules are assumed.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import slacalc.profiles as registry_module
from slacalc import (
    FrozenMap,
    HistoryColumns,
    Profile,
    ProfileError,
    SlacalcError,
    StatusMap,
    UnknownProfileError,
    profiles,
)
from slacalc.profiles import PROFILE_FIELDS

BUILT_IN = ["jira", "zendesk", "servicenow", "freshdesk", "znuny", "glpi", "topdesk"]
KNOWN = ", ".join(BUILT_IN)


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> dict[str, Profile]:
    """A private copy of the registry: registering in a test leaves the others alone."""
    copy = dict(registry_module._known())
    monkeypatch.setattr(registry_module, "_registry", copy)
    return copy


def write(path: Path, data: Any) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        import yaml

        path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def problems(error: pytest.ExceptionInfo[ProfileError], path: Path) -> list[str]:
    """The lines of a ProfileError after its first (``{path}: invalid profile:``)."""
    first, *rest = str(error.value).split("\n")
    assert first == f"{path}: invalid profile:"
    return rest


MINE = Profile(
    id="mine",
    tool="My desk",
    columns={"id": "Number", "priority": "Urgency", "opened_at": "Opened"},
    durations={"responded_at": "Reply (min)"},
    priorities={"Hoog": "P1"},
    statuses=StatusMap(paused=["Pending"], resolved=["Solved"]),
    history=HistoryColumns(ticket="Number", at="When", status="To", from_status="From"),
    tz="Europe/Amsterdam",
    time_formats=["%d-%m-%Y %H:%M"],
    delimiter=";",
    encoding="cp1252",
    notes=["a note"],
)


# --- ids and get ---------------------------------------------------------------------------


def test_ids_are_the_seven_built_in_profiles_in_order(registry: dict[str, Profile]) -> None:
    assert profiles.ids() == BUILT_IN


def test_ids_list_registered_profiles_after_the_built_in_ones_sorted(
    registry: dict[str, Profile],
) -> None:
    profiles.register(MINE.with_changes({"id": "zz-desk"}))
    profiles.register(MINE.with_changes({"id": "aa-desk"}))
    assert profiles.ids() == [*BUILT_IN, "aa-desk", "zz-desk"]


@pytest.mark.parametrize("profile_id", BUILT_IN)
def test_get_a_built_in_profile(profile_id: str) -> None:
    found = profiles.get(profile_id)
    assert isinstance(found, Profile)
    assert found.id == profile_id
    assert profiles.get(profile_id) is found  # one object per id


def test_an_unknown_profile_is_a_lookup_error_naming_close_matches() -> None:
    with pytest.raises(UnknownProfileError) as caught:
        profiles.get("jra")
    assert str(caught.value) == (
        f"unknown profile 'jra'; did you mean 'jira'? (known: {KNOWN}; a profile file of your "
        "own: --from mine.yaml)"
    )
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, SlacalcError)
    assert not isinstance(caught.value, ValueError)


def test_an_unknown_profile_with_nothing_close_names_the_known_ones() -> None:
    with pytest.raises(UnknownProfileError) as caught:
        profiles.get("qqqqqq")
    assert str(caught.value) == (
        f"unknown profile 'qqqqqq' (known: {KNOWN}; a profile file of your own: --from mine.yaml)"
    )


def test_close_matches_are_at_most_three_best_first() -> None:
    # ratios to "desk": zendesk and topdesk 8/11, freshdesk 8/13 (difflib, cutoff 0.5)
    assert profiles.close_matches("desk") == ["zendesk", "topdesk", "freshdesk"]
    assert profiles.close_matches("zendsk") == ["zendesk", "freshdesk"]
    assert profiles.close_matches("nothing-like-it") == []


def test_the_built_in_profiles_load_lazily_once(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh: dict[str, Profile] = {}
    monkeypatch.setattr(registry_module, "_registry", fresh)
    monkeypatch.setattr(registry_module, "_loaded", False)
    assert profiles.ids() == BUILT_IN
    assert sorted(fresh) == sorted(BUILT_IN)
    assert registry_module._loaded is True


def test_a_loader_that_lost_the_race_does_not_load_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # double-checked locking: another thread finished loading while this one waited
    class Racing:
        def __enter__(self) -> None:
            registry_module._loaded = True  # the other thread's work, done meanwhile

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(registry_module, "_registry", {})
    monkeypatch.setattr(registry_module, "_loaded", False)
    monkeypatch.setattr(registry_module, "_lock", Racing())
    assert registry_module._known() == {}  # nothing loaded by this thread


# --- register ------------------------------------------------------------------------------


def test_register_makes_a_profile_findable_and_returns_it(registry: dict[str, Profile]) -> None:
    assert profiles.register(MINE) is MINE
    assert profiles.get("mine") is MINE
    # the same profile again is no conflict
    assert profiles.register(Profile.model_validate(MINE.model_dump())) == MINE


def test_register_refuses_another_profile_with_a_known_id(registry: dict[str, Profile]) -> None:
    profiles.register(MINE)
    other = MINE.with_changes({"tool": "Another desk"})
    with pytest.raises(ProfileError) as caught:
        profiles.register(other)
    assert str(caught.value) == (
        "a profile with id 'mine' is already registered: pass replace=True to replace it, or "
        "give yours another id"
    )
    assert profiles.get("mine") is MINE
    assert profiles.register(other, replace=True) is other
    assert profiles.get("mine") is other


def test_register_refuses_to_shadow_a_built_in_unless_replacing(
    registry: dict[str, Profile],
) -> None:
    mine = MINE.with_changes({"id": "jira"})
    with pytest.raises(ProfileError, match=r"^a profile with id 'jira' is already registered"):
        profiles.register(mine)
    profiles.register(mine, replace=True)
    assert profiles.get("jira") is mine
    assert profiles.ids() == BUILT_IN  # still in the built-in place


def test_the_registry_fixture_keeps_registrations_private(registry: dict[str, Profile]) -> None:
    profiles.register(MINE.with_changes({"id": "private-one"}))
    assert "private-one" in registry


def test_nothing_registered_leaks_between_tests() -> None:
    assert "private-one" not in profiles.ids()
    assert profiles.get("jira").id == "jira"


@pytest.mark.parametrize(
    ("value", "name"), [({"id": "x"}, "dict"), ("jira", "str"), (None, "NoneType")]
)
def test_register_takes_only_a_profile(value: object, name: str) -> None:
    with pytest.raises(ProfileError) as caught:
        profiles.register(value)  # type: ignore[arg-type]
    assert str(caught.value) == f"register() takes a Profile, got {name}"


# --- load ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_load_a_profile_file(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"desk{suffix}", MINE.model_dump(mode="json"))
    loaded = profiles.load(path)
    assert loaded == MINE
    assert profiles.load(str(path)) == MINE  # a str path too
    with pytest.raises(UnknownProfileError):
        profiles.get("mine")  # loading does not register


def test_a_minimal_profile_file_takes_the_defaults(tmp_path: Path) -> None:
    loaded = profiles.load(write(tmp_path / "min.json", {"id": "min"}))
    assert loaded == Profile(id="min")
    assert (loaded.encoding, loaded.delimiter, loaded.tz, loaded.statuses) == (
        "utf-8-sig",
        None,
        None,
        None,
    )


def test_extends_starts_from_a_known_profile_and_merges_its_mappings(tmp_path: Path) -> None:
    base = profiles.get("jira")
    data = {
        "extends": "jira",
        "columns": {"priority": "Urgency", "closed_at": "Closed"},
        "durations": {"responded_at": "Reply (min)"},
        "priorities": {"Highest": "P1"},
        "tz": "Europe/Amsterdam",
        "statuses": {"paused": ["Pending"]},
    }
    loaded = profiles.load(write(tmp_path / "ours.yaml", data))
    assert loaded.id == "jira+ours"  # "<base>+<file stem>"
    # mappings merged key by key: the base's other columns stay
    assert dict(loaded.columns) == {
        **base.columns,
        "priority": "Urgency",
        "closed_at": "Closed",
    }
    assert dict(loaded.durations) == {**base.durations, "responded_at": "Reply (min)"}
    assert dict(loaded.priorities) == {**base.priorities, "Highest": "P1"}
    # other fields replaced as a whole
    assert loaded.tz == "Europe/Amsterdam"
    assert loaded.statuses == StatusMap(paused=["Pending"])
    # and the rest is the base's
    assert (loaded.tool, loaded.history, loaded.time_formats, loaded.encoding) == (
        base.tool,
        base.history,
        base.time_formats,
        base.encoding,
    )
    assert loaded.extends is None
    assert profiles.get("jira") == base  # the base is unchanged


def test_extends_with_an_id_of_its_own(tmp_path: Path) -> None:
    loaded = profiles.load(write(tmp_path / "x.json", {"extends": "zendesk", "id": "ours"}))
    assert loaded.id == "ours"


def test_extends_a_registered_profile(tmp_path: Path, registry: dict[str, Profile]) -> None:
    profiles.register(MINE)
    loaded = profiles.load(write(tmp_path / "more.json", {"extends": "mine", "tz": "UTC"}))
    assert loaded == MINE.with_changes({"id": "mine+more", "tz": "UTC"})
    assert dict(loaded.columns) == dict(MINE.columns)


def test_extends_null_is_no_extends(tmp_path: Path) -> None:
    loaded = profiles.load(write(tmp_path / "n.json", {"id": "n", "extends": None}))
    assert loaded == Profile(id="n")


def test_bad_fields_are_one_line_each_with_the_field_path(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.yaml",
        {
            "id": "bad",
            "columns": {"id": 5},
            "tz": "Europe/Amsterdm",
            "delimiter": ";;",
            "encoding": "nope",
            "bogus": 1,
            "history": {"ticket": ""},
            "statuses": {"paused": ["x"], "other": 1},
        },
    )
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    lines = problems(caught, path)
    # each problem on a line of its own, its field path first (in the order of the model)
    assert [line.split(":")[0] for line in lines] == [
        "columns.id",
        "statuses.other",
        "history.ticket",
        "history.at",
        "history.status",
        "tz",
        "delimiter",
        "encoding",
        "bogus",
    ]
    assert "columns.id: Input should be a valid string" in lines
    assert "delimiter: Value error, delimiter ';;' is not one character (e.g. ',' or ';')" in lines
    assert "encoding: Value error, unknown encoding 'nope' (e.g. 'utf-8-sig', 'cp1252')" in lines
    assert "bogus: Extra inputs are not permitted" in lines
    assert "history.ticket: String should have at least 1 character" in lines
    assert "history.at: Field required" in lines
    assert "statuses.other: Extra inputs are not permitted" in lines
    tz_line = next(line for line in lines if line.startswith("tz: "))
    assert tz_line.startswith(
        "tz: Value error, unknown time zone 'Europe/Amsterdm': use an IANA zone name such as "
        "'Europe/Amsterdam'; did you mean 'Europe/Amsterdam'"
    )
    assert isinstance(caught.value, ValueError)


def test_a_file_without_an_id_says_so(tmp_path: Path) -> None:
    path = write(tmp_path / "noid.json", {"tool": "x"})
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    assert problems(caught, path) == ["id: Field required"]


def test_an_unknown_column_field_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "cols.json", {"id": "c", "columns": {"idd": "X", "id": "Key"}})
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    [line] = problems(caught, path)
    assert line == (
        "columns.idd: unknown slacalc field 'idd' (fields: id, priority, opened_at, kind, "
        "contract, responded_at, workaround_at, root_cause_at, on_site_requested_at, "
        "on_site_at, resolved_at, closed_at, status)"
    )


def test_bug_an_unknown_column_field_has_its_own_path(tmp_path: Path) -> None:
    path = write(tmp_path / "cols.json", {"id": "c", "columns": {"idd": "X"}})
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    assert problems(caught, path)[0].startswith("columns.idd: ")


def test_an_unknown_duration_field_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", {"id": "d", "durations": {"opened_at": "Age"}})
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    assert problems(caught, path) == [
        "durations: Value error, unknown field(s) 'opened_at': durations maps responded_at, "
        "workaround_at, resolved_at, closed_at to a column of minutes after opened_at"
    ]


def test_a_bad_field_of_an_extending_file(tmp_path: Path) -> None:
    path = write(tmp_path / "ext.json", {"extends": "jira", "columns": "Urgency", "tz": "Mars"})
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    lines = problems(caught, path)
    assert lines[0] == "columns: Input should be a valid dictionary"
    assert lines[1].startswith("tz: Value error, unknown time zone 'Mars'")


@pytest.mark.parametrize(
    ("name", "text"),
    [("list.json", "[1, 2]"), ("scalar.yaml", "just text\n"), ("empty.yaml", ""), ("n.json", "3")],
)
def test_a_file_that_is_not_a_mapping_is_no_profile(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    assert str(caught.value) == f"{path}: not a profile: expected a mapping of fields"


@pytest.mark.parametrize("value", [5, ["jira"], {"id": "jira"}, True])
def test_extends_must_be_a_profile_id(tmp_path: Path, value: object) -> None:
    path = write(tmp_path / "e.json", {"extends": value})
    with pytest.raises(ProfileError) as caught:
        profiles.load(path)
    assert str(caught.value) == f"{path}: extends: {value!r} is not a profile id"


def test_extends_an_unknown_profile_names_close_matches(tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"extends": "jra"})
    with pytest.raises(SlacalcError, match=r"unknown profile 'jra'; did you mean 'jira'\?"):
        profiles.load(path)


def test_bug_extends_an_unknown_profile_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"extends": "jra"})
    with pytest.raises(SlacalcError) as caught:
        profiles.load(path)
    assert str(path) in str(caught.value)
    assert "extends" in str(caught.value)


def test_files_that_cannot_be_read_are_profile_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(ProfileError, match=r"^cannot read profile file '.*missing\.yaml': "):
        profiles.load(missing)
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"broken\.json: not valid JSON at line 1, column 8"):
        profiles.load(broken)
    bad_yaml = tmp_path / "broken.yaml"
    bad_yaml.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(
        ProfileError, match=r"broken\.yaml: not valid YAML at line \d+, column \d+: "
    ):
        profiles.load(bad_yaml)
    other = tmp_path / "desk.toml"
    other.write_text('id = "x"', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        profiles.load(other)
    assert str(caught.value) == (
        f"{other}: unknown profile file type '.toml'; use .json, .yaml or .yml"
    )


def test_a_byte_order_mark_is_no_part_of_a_profile_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "bom"}).encode())
    assert profiles.load(path) == Profile(id="bom")


# --- the Profile model ---------------------------------------------------------------------


def test_profile_fields_are_slacalcs_in_order() -> None:
    assert PROFILE_FIELDS == (
        "id",
        "priority",
        "opened_at",
        "kind",
        "contract",
        "responded_at",
        "workaround_at",
        "root_cause_at",
        "on_site_requested_at",
        "on_site_at",
        "resolved_at",
        "closed_at",
        "status",
    )


def test_a_profile_stores_frozen_maps_and_tuples() -> None:
    assert isinstance(MINE.columns, FrozenMap)
    assert isinstance(MINE.priorities, FrozenMap)
    assert MINE.time_formats == ("%d-%m-%Y %H:%M",)
    assert MINE.notes == ("a note",)
    with pytest.raises(ValidationError):
        MINE.tz = "UTC"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="colums"):
        Profile(id="x", colums={})  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="id"):
        Profile(id="")


def test_column_is_the_exports_column_or_the_fields_own_name() -> None:
    assert MINE.column("opened_at") == "Opened"
    assert MINE.column("resolved_at") == "resolved_at"


def test_with_changes_merges_mappings_and_replaces_the_rest() -> None:
    changed = MINE.with_changes(
        {
            "id": "mine2",
            "columns": {"priority": "Prio", "resolved_at": "Solved"},
            "priorities": {"Laag": "P3"},
            "time_formats": ["%Y"],
            "statuses": {"closed": ["Closed"]},
        }
    )
    assert changed.id == "mine2"
    assert dict(changed.columns) == {
        "id": "Number",
        "priority": "Prio",
        "opened_at": "Opened",
        "resolved_at": "Solved",
    }
    assert dict(changed.priorities) == {"Hoog": "P1", "Laag": "P3"}
    assert dict(changed.durations) == {"responded_at": "Reply (min)"}
    assert changed.time_formats == ("%Y",)  # a list field replaced, not extended
    assert changed.statuses == StatusMap(closed=["Closed"])  # a model replaced, not merged
    assert MINE.id == "mine"  # the original unchanged
    assert dict(MINE.columns)["priority"] == "Urgency"


def test_with_changes_validates() -> None:
    with pytest.raises(ValidationError, match="unknown slacalc field"):
        MINE.with_changes({"columns": {"nope": "x"}})
    with pytest.raises(ValidationError, match="columns"):
        MINE.with_changes({"columns": ["not", "a", "mapping"]})
    with pytest.raises(ValidationError, match="unknown time zone"):
        MINE.with_changes({"tz": "Nowhere/Land"})


def test_a_profile_pickles_hashes_and_compares_by_value() -> None:
    copy = pickle.loads(pickle.dumps(MINE))
    assert copy == MINE
    assert hash(copy) == hash(MINE)
    assert copy is not MINE
    assert {MINE: 1}[copy] == 1
    assert MINE.with_changes({"priorities": {"Hoog": "P2"}}) != MINE
    assert Profile.model_validate_json(MINE.model_dump_json()) == MINE
    # equal whatever the order of a mapping's items
    reordered = dict(reversed(list(MINE.columns.items())))
    assert list(reordered) != list(MINE.columns)
    same = Profile.model_validate({**MINE.model_dump(), "columns": reordered})
    assert same == MINE
    assert hash(same) == hash(MINE)


@pytest.mark.parametrize("profile_id", BUILT_IN)
def test_the_built_in_profiles_pickle(profile_id: str) -> None:
    profile = profiles.get(profile_id)
    assert pickle.loads(pickle.dumps(profile)) == profile
    assert hash(pickle.loads(pickle.dumps(profile))) == hash(profile)


def test_history_columns() -> None:
    columns = HistoryColumns(ticket="Key", at="Created", status="To")
    assert (columns.from_status, columns.field, columns.field_value) == (None, None, None)
    with pytest.raises(ValidationError, match="status"):
        HistoryColumns(ticket="Key", at="Created")  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="extra"):
        HistoryColumns(ticket="Key", at="Created", status="To", extra=1)  # type: ignore[call-arg]
