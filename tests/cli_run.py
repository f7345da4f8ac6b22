"""Running the command line in a test: ``slacalc.cli.main`` with capsys's capture."""

from __future__ import annotations

import pytest

from slacalc.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``main(argv)``'s exit status, and what it wrote on stdout and stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
