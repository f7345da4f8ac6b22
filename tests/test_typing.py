"""Typed for users: the SPEC's examples pass ``mypy --strict`` in a user's project.

tests/typing/spec_examples.py is a user's script that uses every example of the public
surface; a user's mypy has no pydantic plugin, so the models must take lists and dicts
where they store tuples and FrozenMaps, and ``contract.availability(...)`` must be typed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "typing" / "spec_examples.py"
SRC = HERE.parent / "src"


def test_the_spec_examples_pass_mypy_strict_without_the_pydantic_plugin(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy comes with the test extra")
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # no plugins: as in a user's project
    result = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--config-file", str(config),
            "--follow-imports=silent", "--cache-dir", str(tmp_path / "cache"), str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(SRC)},
        timeout=600,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_spec_examples_run() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2026-11-24T12:00:00+01:00", "breached", "True", "True"]
