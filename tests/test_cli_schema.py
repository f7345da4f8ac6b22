"""``slacalc schema`` and ``slacalc validate`` (cli._schema): the schema is JSON Schema
draft 2020-12 that a standard validator (jsonschema) accepts, and that accepts the shipped
contract file and every built-in contract and profile as they dump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slacalc import contracts, profiles
from slacalc.cli import main

jsonschema = pytest.importorskip("jsonschema")
yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).parent.parent


def schema(capsys: pytest.CaptureFixture[str], *kind: str) -> dict[str, object]:
    assert main(["schema", *kind]) == 0
    found: dict[str, object] = json.loads(capsys.readouterr().out)
    return found


def test_the_contract_schema_validates_the_shipped_contract_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = schema(capsys)
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(found)
    validator = jsonschema.Draft202012Validator(found)
    mine = yaml.safe_load((ROOT / "examples" / "my_contract.yaml").read_text(encoding="utf-8"))
    validator.validate(mine)
    for contract_id in contracts.ids():
        validator.validate(contracts.get(contract_id).model_dump(mode="json"))
    broken = {key: value for key, value in mine.items() if key != "priorities"}
    assert not validator.is_valid(broken)  # a required field left out
    assert not validator.is_valid({**mine, "colour": "blue"})  # an unknown field


def test_the_profile_schema_validates_the_built_in_profiles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = schema(capsys, "profile")
    validator = jsonschema.Draft202012Validator(found)
    for profile_id in profiles.ids():
        validator.validate(profiles.get(profile_id).model_dump(mode="json"))


def test_validate_lists_every_problem_with_its_field_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["validate", str(ROOT / "examples" / "my_contract.yaml")]) == 0
    assert capsys.readouterr().out.endswith(": a valid contract (acme/hosting-gold)\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ncalendars: {a: {tz: Nowhere/Zone}}\ntargets: [{metric: 1}]\n")
    assert main(["validate", str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{bad}: 6 problems"
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "calendars.a.tz", "priorities", "targets.0.metric", "targets.0.priority",
        "targets.0.within", "targets.0.calendar",
    ]  # fmt: skip
    assert main(["validate", str(tmp_path / "missing.yaml")]) == 2
    assert "cannot read contract file" in capsys.readouterr().err
