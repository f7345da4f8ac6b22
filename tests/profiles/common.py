"""What the tests of the example exports share: running ``slacalc check`` to JSON lines,
and writing the expected instants and durations by hand."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from slacalc.cli import main

AMS = ZoneInfo("Europe/Amsterdam")


def run_json(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, Any]]]:
    """The exit status of ``slacalc ARGV`` and its JSON lines (``--format json``)."""
    code = main(argv)
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.strip()]


def cet(day: int, hour: int, minute: int = 0, month: int = 11) -> str:
    """An instant of 2026 in CET, as the JSON writes it."""
    return f"2026-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00+01:00"


def hours(value: float) -> int:
    """Hours as whole seconds."""
    return round(value * 3600)


def local(text: str) -> datetime:
    """A wall-clock time in Europe/Amsterdam."""
    return datetime.fromisoformat(text).replace(tzinfo=AMS)
