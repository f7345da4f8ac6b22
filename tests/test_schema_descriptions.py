"""Every field of every model reachable from ``slacalc schema contract`` and ``slacalc schema
profile`` has a description (editors show it; the API reference shows the same text, read
from the attribute docstring under the field)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

import slacalc
from slacalc.cli._schema import schema_of


def _undescribed(schema: dict[str, Any]) -> list[str]:
    missing = []
    for title, node in [("(root)", schema), *schema.get("$defs", {}).items()]:
        for name, prop in node.get("properties", {}).items():
            if not str(prop.get("description", "")).strip():
                missing.append(f"{node.get('title', title)}.{name}")
    return missing


@pytest.mark.parametrize("kind", ["contract", "profile"])
def test_every_schema_property_has_a_description(kind: str) -> None:
    schema = schema_of(kind)
    assert schema.get("$defs"), "the walk must cover the nested models too"
    assert _undescribed(schema) == []


def _public_models() -> list[type[BaseModel]]:
    found = (getattr(slacalc, name) for name in slacalc.__all__)
    return [m for m in found if isinstance(m, type) and issubclass(m, BaseModel)]


@pytest.mark.parametrize("model", _public_models(), ids=lambda m: m.__name__)
def test_every_public_model_field_has_a_one_line_description(model: type[BaseModel]) -> None:
    for name, field in model.model_fields.items():
        assert field.description, f"{model.__name__}.{name} has no description"
        assert "\n" not in field.description.strip(), f"{model.__name__}.{name}: one line"
        assert "SPEC" not in field.description, f"{model.__name__}.{name} cites SPEC"
