"""``slacalc check``'s table (cli/_check_table.py, cli/_table.py): it fits 80 columns,
says remaining and overdue time, shows breach_at by one rule, and colours only a terminal."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from slacalc.cli import main
from slacalc.cli._check_table import remaining_text
from slacalc.cli._table import Column, colour_wanted, fit, render, width_of

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-11-27T17:00+01:00"
HEADER = "id,priority,opened_at,responded_at,resolved_at\n"
RED, YELLOW = "\x1b[31m", "\x1b[33m"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(monkeypatch: pytest.MonkeyPatch, *argv: str, terminal: bool = False) -> str:
    out = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    main(list(argv))
    return out.getvalue()


def tickets(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return str(path)


def test_the_readme_first_command_fits_80_columns_and_shows_every_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = run(monkeypatch, "check", "vioms/advanced", str(ROOT / "examples/tickets.csv"),
              "--events", str(ROOT / "examples/events.csv"), "--at", AT)  # fmt: skip
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].split() == ["ticket", "contract", "priority"]
    assert lines[1].split() == ["metric", "status", "due", "remaining", "elapsed"]
    assert lines[2].split() == ["VI-1001", "vioms/advanced", "P1"]
    assert lines[3].split() == ["response", "met", "Mon", "23", "Nov", "13:15", "25m"]
    assert "..." not in out
    assert "…" not in out
    summary = r"^46 tickets as of 2026-11-27T17:00\+01:00: \d+ targets breached, 2 bad rows$"
    assert re.search(summary, out, re.MULTILINE)


def test_wide_adds_breach_at_for_every_target_that_has_a_deadline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # VIOMS Advanced P2 response: 8 h of 09:00-17:00 from Monday 09:00 -> due Monday 17:00,
    # a window's end, so breach_at is the next opening (Tuesday 09:00); met at Monday 10:00.
    path = tickets(tmp_path, "W-1,P2,2026-11-23T09:00+01:00,2026-11-23T10:00+01:00,")
    out = run(monkeypatch, "check", "vioms/advanced", path, "--at", AT, "--wide")
    header, row = out.splitlines()[1], out.splitlines()[3]
    assert header.split()[-1] == "breach_at"
    assert row.split()[:2] == ["response", "met"]
    due, breach = re.findall(r"\w{3} \d\d \w{3} \d\d:\d\d", row)
    assert (due, breach) == ("Mon 23 Nov 17:00", "Tue 24 Nov 09:00")
    assert due != breach  # shown although the target was met: one rule for every row
    narrow = run(monkeypatch, "check", "vioms/advanced", path, "--at", AT)
    assert "breach_at" not in narrow


@pytest.mark.parametrize(
    ("status", "remaining", "text"),
    [
        ("running", 4800, "1h20m"),
        ("paused", 0, "0m"),
        ("breached", -1, "0m over"),
        ("breached", -7800, "2h10m over"),
        ("met", 600, ""),
        ("not_started", 14400, ""),
        ("no_target", None, ""),
    ],
)
def test_remaining_says_time_left_or_overdue(
    status: str, remaining: float | None, text: str
) -> None:
    assert remaining_text(status, remaining) == text


def _response_line(out: str) -> str:
    return next(line for line in out.splitlines() if "response" in line)


@pytest.mark.parametrize(
    ("at", "colour"),
    [
        # VIOMS Advanced P1 response: 4 h from Monday 09:15 -> due 13:15. At 12:15:00 a
        # quarter (1 h) is left: at risk; a second earlier it is not; after 13:15 breached.
        ("2026-11-23T12:15:00+01:00", YELLOW),
        ("2026-11-23T12:14:59+01:00", None),
        ("2026-11-23T13:15:00+01:00", YELLOW),
        ("2026-11-23T13:15:01+01:00", RED),
    ],
)
def test_colour_marks_at_risk_and_breached_rows_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, at: str, colour: str | None
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    path = tickets(tmp_path, "C-1,P1,2026-11-23T09:15+01:00,,")
    line = _response_line(run(monkeypatch, "check", "vioms/advanced", path, "--at", at,
                              terminal=True))  # fmt: skip
    if colour is None:
        assert "\x1b[" not in line
    else:
        assert line.startswith(colour)
        assert line.endswith("\x1b[0m")


@pytest.mark.parametrize(("terminal", "no_color"), [(False, None), (True, "1")])
def test_no_colour_in_a_pipe_or_with_no_color(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, terminal: bool, no_color: str | None
) -> None:
    monkeypatch.delenv("TERM", raising=False)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    path = tickets(tmp_path, "C-1,P1,2026-11-23T09:15+01:00,,")
    out = run(monkeypatch, "check", "vioms/advanced", path, "--at", AT, terminal=terminal)
    assert "breached" in out
    assert "\x1b[" not in out


def test_colour_wanted_reads_no_color_and_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert colour_wanted(Terminal())
    monkeypatch.setenv("NO_COLOR", "")  # empty: not set, says no-color.org
    assert colour_wanted(Terminal())
    monkeypatch.setenv("TERM", "dumb")
    assert not colour_wanted(Terminal())


def test_the_width_is_the_terminal_s_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "132")
    assert width_of(Terminal(), wide=False) == 132
    assert width_of(io.StringIO(), wide=False) == 80
    assert width_of(Terminal(), wide=True) is None


def test_fit_drops_optional_columns_first_then_cuts_the_shrinkable_ones() -> None:
    ticket = Column("ticket", ["A-123456789"], shrink=True)
    extra = Column("elapsed", ["10h"], drop=1)
    assert [c.name for c in fit([ticket, extra], 20)] == ["ticket", "elapsed"]  # 11 + 2 + 7
    assert [c.name for c in fit([ticket, extra], 19)] == ["ticket"]
    (cut,) = fit([ticket, extra], 8)
    assert cut.cells == ["A-12345…"]
    assert cut.width == 8
    assert fit([ticket], None)[0].cells == ["A-123456789"]


def test_render_aligns_columns_and_never_ends_a_line_in_spaces() -> None:
    lines = render([Column("a", ["x", "long"]), Column("n", ["1", ""], right=True)], None)
    assert lines == ["a     n", "x     1", "long"]


def test_bad_row_messages_wrap_under_themselves(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tickets(tmp_path, "B-1,P1,2026-11-23T09:15,,")
    lines = run(monkeypatch, "check", "vioms/advanced", path, "--at", AT).splitlines()
    start = lines.index(f"bad rows in {path}:") + 1
    message = lines[start : lines.index("", start)]
    assert message[0].startswith("line 2  B-1  opened_at '2026-11-23T09:15' has no UTC offset")
    assert len(message) > 1
    assert all(len(line) <= 80 for line in message)
    assert all(line.startswith(" " * len("line 2  B-1  ")) for line in message[1:])
