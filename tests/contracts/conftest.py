"""Parametrise every test of a contract battery class over the class's ``IDS``."""

from __future__ import annotations

import pytest

# The shared helpers in base.py assert; let pytest explain their failures as in a test module.
pytest.register_assert_rewrite(f"{__package__}.base")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "contract_id" in metafunc.fixturenames and metafunc.cls is not None:
        ids = getattr(metafunc.cls, "IDS", ())
        metafunc.parametrize("contract_id", ids, ids=list(ids))
