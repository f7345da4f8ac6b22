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


def test_the_readme_command_list_runs_on_shipped_files() -> None:
    # Every line of the README's "Command line" block names files that exist and runs to
    # exit 0 or 1 (1: something breached), never 2 (bad usage).
    import shlex
    import subprocess
    import sys

    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert len(commands) >= 6
    for command in commands:
        argv = shlex.split(command)
        assert argv[0] == "slacalc"
        for arg in argv:
            if arg.startswith("examples/"):
                assert (root / arg).is_file(), f"{command}: {arg} is not shipped"
        done = subprocess.run(
            [sys.executable, "-m", "slacalc", *argv[1:]], cwd=root, capture_output=True,
            text=True, check=False,
        )  # fmt: skip
        assert done.returncode in (0, 1), f"{command}: {done.stderr}"
        assert done.stdout.strip(), command
