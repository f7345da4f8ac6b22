"""The command line's progress bar (slacalc._io.progress)."""

from __future__ import annotations

import io

from slacalc._io.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_only_above_the_threshold_and_on_a_terminal() -> None:
    assert Progress(10_001, "x", Terminal()).enabled
    assert not Progress(10_000, "x", Terminal()).enabled
    assert not Progress(10_001, "x", io.StringIO()).enabled


def test_redraws_once_per_whole_percent_and_wipes_its_line() -> None:
    stream = Terminal()
    with Progress(200, "checking", stream, threshold=0) as bar:
        for _ in range(200):
            bar.advance(1)
    text = stream.getvalue()
    frames = text.split("\r")[1:-1]
    assert len(frames) == 101  # 0 % .. 100 %
    assert frames[0] == "checking [------------------------------]   0%  0/200 rows"
    assert frames[-1] == "checking [##############################] 100%  200/200 rows"
    assert text.endswith("\r\x1b[2K")


def test_never_counts_past_the_total() -> None:
    stream = Terminal()
    with Progress(10, "x", stream, threshold=0) as bar:
        bar.advance(25)
    assert bar.done == 10
    assert "10/10 rows" in stream.getvalue()
