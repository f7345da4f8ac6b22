"""The registry: ids, get (with close matches), register, and load from JSON or YAML."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pytest

from slacalc import (
    Contract,
    ContractError,
    SlacalcError,
    UnknownContractError,
    contracts,
)

SPEC_IDS = [
    "connexys/standard",
    "infravision/cloud",
    "infravision/on-premise",
    "intramed/on-premise",
    "intramed/online",
    "reflex/basis",
    "reflex/premium",
    "vioms/advanced",
    "vioms/advanced+evening-weekend",
    "vioms/enterprise",
    "vioms/enterprise+evening-weekend",
    "vioms/standard",
]


@pytest.fixture(autouse=True)
def own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test registers into a copy, so the other tests see only the built-ins."""
    monkeypatch.setattr(contracts, "_registry", dict(contracts._builtins()))


def test_ids_are_the_specs_built_in_contracts_sorted() -> None:
    assert contracts.ids() == SPEC_IDS


def test_get_returns_the_contract_with_that_id() -> None:
    for contract_id in SPEC_IDS:
        assert contracts.get(contract_id).id == contract_id


@pytest.mark.parametrize(
    ("wrong", "suggested"),
    [("vioms/advancd", "vioms/advanced"), ("reflex/basic", "reflex/basis"), ("intramed", None)],
)
def test_unknown_id_is_a_lookup_error_naming_close_matches(
    wrong: str, suggested: str | None
) -> None:
    with pytest.raises(UnknownContractError, match=f"unknown contract '{wrong}'") as caught:
        contracts.get(wrong)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, SlacalcError)
    if suggested is not None:
        assert f"did you mean '{suggested}'" in str(caught.value)
    assert "contracts.register()" in str(caught.value)


def mine() -> Contract:
    return contracts.get("vioms/advanced").model_copy(update={"id": "acme/gold", "vendor": "Acme"})


def test_register_makes_a_contract_findable() -> None:
    contract = mine()
    assert contracts.register(contract) is contract
    assert contracts.get("acme/gold") is contract
    assert "acme/gold" in contracts.ids()


def test_registering_the_same_contract_twice_is_harmless() -> None:
    contracts.register(mine())
    contracts.register(mine())
    assert contracts.get("acme/gold") == mine()


def test_a_different_contract_under_a_taken_id_needs_replace() -> None:
    contracts.register(mine())
    other = mine().model_copy(update={"vendor": "Acme Two"})
    with pytest.raises(ContractError, match="'acme/gold' is already registered: pass replace=True"):
        contracts.register(other)
    assert contracts.register(other, replace=True) is other
    assert contracts.get("acme/gold").vendor == "Acme Two"


def test_a_built_in_id_cannot_be_taken_by_accident() -> None:
    changed = contracts.get("reflex/basis").model_copy(update={"name": "Mine"})
    with pytest.raises(ContractError, match="already registered"):
        contracts.register(changed)


def test_register_takes_only_contracts() -> None:
    with pytest.raises(ContractError, match="takes a Contract, got dict"):
        contracts.register({"id": "x"})  # type: ignore[arg-type]


def test_load_json_round_trips_a_contract(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text(mine().model_dump_json(), encoding="utf-8")
    loaded = contracts.load(path)
    assert loaded == mine()
    assert hash(loaded) == hash(mine())
    assert "acme/gold" not in contracts.ids()  # loading does not register


def test_load_yaml_round_trips_a_contract(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    path = tmp_path / "acme.yaml"
    path.write_text(yaml.safe_dump(mine().model_dump(mode="json")), encoding="utf-8")
    assert contracts.load(str(path)) == mine()
    path_yml = tmp_path / "acme.yml"
    path_yml.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert contracts.load(path_yml) == mine()


def test_yaml_without_pyyaml_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_yaml(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "yaml":
            raise ImportError("No module named 'yaml'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_yaml)
    path = tmp_path / "acme.yaml"
    path.write_text("id: acme/gold\n", encoding="utf-8")
    with pytest.raises(ContractError, match=r"needs PyYAML: pip install 'slacalc\[yaml\]'"):
        contracts.load(path)


def test_a_bad_field_names_the_file_and_the_field(tmp_path: Path) -> None:
    data = mine().model_dump(mode="json")
    data["targets"][0]["calendar"] = "nowhere"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContractError, match=r"bad\.json: invalid contract: .*'nowhere'"):
        contracts.load(path)


def test_a_missing_field_names_it(tmp_path: Path) -> None:
    data = mine().model_dump(mode="json")
    del data["priorities"][0]["id"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContractError, match=r"bad\.json: invalid contract: priorities\.0\.id"):
        contracts.load(path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("broken.json", "{", r"broken\.json: not valid JSON at line 1"),
        ("broken.yaml", "a: [", r"broken\.yaml: not valid YAML"),
        (
            "acme.toml",
            "id = 1",
            r"unknown contract file type '\.toml'; use \.json, \.yaml or \.yml",
        ),
    ],
)
def test_unreadable_files_are_contract_errors(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    if name.endswith(".yaml"):
        pytest.importorskip("yaml")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContractError, match=message):
        contracts.load(path)


def test_a_missing_file_is_a_contract_error(tmp_path: Path) -> None:
    with pytest.raises(ContractError, match=r"cannot read contract file '.*nope\.json'"):
        contracts.load(tmp_path / "nope.json")


# -- hostile contract files: a ContractError naming the file, never another error ---------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("deep.yaml", "[" * 100_000 + "]" * 100_000, "nested too deeply|not valid YAML"),
        ("digits.json", '{"id": ' + "9" * 5000 + "}", "Exceeds the limit"),
        ("digits.yaml", "id: " + "9" * 5000 + "\n", "Exceeds the limit"),
        ("latin1.json", '{"id": "caf\xe9"}'.encode("latin-1"), "not UTF-8 text"),
        ("latin1.yaml", "id: caf\xe9\n".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_a_hostile_contract_file_is_a_contract_error_naming_it(
    tmp_path: Path, name: str, content: str | bytes, reason: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ContractError, match=reason) as raised:
        contracts.load(path)
    assert name in str(raised.value)


def test_a_json_contract_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + contracts.get("reflex/basis").model_dump_json().encode())
    assert contracts.load(path) == contracts.get("reflex/basis")
