"""The examples run and print what they promise (the README's first command runs one)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_deadlines_example_prints_the_worked_vioms_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    runpy.run_path(str(EXAMPLES / "deadlines.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "reported Mon 2026-11-23 16:00, 8 h -> due Tue 2026-11-24 16:00" in out
    assert "1 working day            due Mon 2026-12-28 15:30 CET" in out
    assert "5 working days           due Mon 2027-01-04 15:30 CET" in out
    assert "support time from opening to Mon 2027-01-04 10:00: 1 day, 17:30:00" in out
