"""The command line's progress bar (slacalc._io.progress)."""

from __future__ import annotations

import io

import pytest

from slacalc._io.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_only_above_the_threshold_and_on_a_terminal() -> None:
    assert Progress(10_001, "x", Terminal()).enabled
    assert not Progress(10_000, "x", Terminal()).enabled
    assert not Progress(10_001, "x", io.StringIO()).enabled


def test_redraws_once_per_whole_percent_and_wipes_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    stream = Terminal()
    with Progress(200, "checking", stream, threshold=0, clock=lambda: 0.0) as bar:
        for _ in range(200):
            bar.advance(1)
    text = stream.getvalue()
    frames = text.split("\r")[1:-1]
    assert len(frames) == 101  # 0 % .. 100 %
    assert frames[0] == "checking [--------------------]   0%  0/200 rows"
    assert frames[-1] == "checking [####################] 100%  200/200 rows"
    assert text.endswith("\r\x1b[2K")


def test_never_counts_past_the_total() -> None:
    stream = Terminal()
    with Progress(10, "x", stream, threshold=0) as bar:
        bar.advance(25)
    assert bar.done == 10
    assert "10/10 rows" in stream.getvalue()


def test_shows_the_rate_and_time_left_after_half_a_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    now = [100.0]
    stream = Terminal()
    with Progress(1_000_000, "checking t.csv", stream, clock=lambda: now[0]) as bar:
        now[0] = 100.4
        bar.advance(10_000)  # 0.4 s: too early for a rate
        now[0] = 100.5
        bar.advance(40_000)  # 50,000 rows in 0.5 s: 100,000 rows/s, 950,000 rows left
        now[0] = 110.0
        bar.advance(950_000)
    frames = stream.getvalue().split("\r")[1:-1]
    assert frames[1] == "checking t.csv [--------------------]   1%  10,000/1,000,000 rows"
    assert frames[2].endswith("5%  50,000/1,000,000 rows  100,000 rows/s  0:10 left")
    assert frames[3].endswith("100%  1,000,000/1,000,000 rows  100,000 rows/s  0:00 left")


def test_a_long_label_is_cut_to_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    stream = Terminal()
    with Progress(200, "checking " + "x" * 80 + ".csv", stream, threshold=0, clock=lambda: 0.0):
        pass
    (frame,) = stream.getvalue().split("\r")[1:-1]
    assert len(frame) == 59
    assert frame.startswith("checking xxx")
    assert "…" in frame
    assert frame.endswith("  0%  0/200 rows")
