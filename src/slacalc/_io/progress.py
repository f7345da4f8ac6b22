"""A one-line progress bar for long runs of the command line.

It draws only when there is a lot to do (more than ``threshold`` items) and the stream is
a terminal, so pipes, files and CI logs never see it. It redraws at most once per whole
percent, on one line (carriage return) cut to the terminal's width, and wipes that line
when done, so the bar never mixes with the command's output on stdout. After the first
half second it also shows the rate and the time left at that rate.

>>> import io
>>> with Progress(50_000, "checking", io.StringIO()) as bar:  # not a terminal: silent
...     bar.advance(50_000)
>>> bar.enabled
False
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

__all__ = ["Progress"]

_WIDTH = 20


def clock_text(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on.

    >>> clock_text(65.4), clock_text(3725)
    ('1:05', '1:02:05')
    """
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Count ``total`` items of work and show how far along they are on ``stream``."""

    def __init__(
        self,
        total: int,
        label: str,
        stream: TextIO,
        *,
        threshold: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.total = total
        self.label = label
        self.stream = stream
        self.done = 0
        self._shown = -1
        self._clock = clock
        self._started = clock()
        isatty = getattr(stream, "isatty", None)
        self.enabled = total > threshold and callable(isatty) and bool(isatty())

    def __enter__(self) -> Progress:
        self._draw()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")  # carriage return, erase the line
            self.stream.flush()

    def advance(self, count: int) -> None:
        """Record ``count`` more items done; redraw if a new whole percent was reached."""
        self.done = min(self.total, self.done + count)
        self._draw()

    def _draw(self) -> None:
        if not self.enabled:
            return
        percent = self.done * 100 // self.total
        if percent == self._shown:
            return
        self._shown = percent
        filled = self.done * _WIDTH // self.total
        bar = "#" * filled + "-" * (_WIDTH - filled)
        counts = f"[{bar}] {percent:3d}%  {self.done:,}/{self.total:,} rows"
        spent = self._clock() - self._started
        if spent >= 0.5 and self.done:
            rate = self.done / spent
            left = clock_text((self.total - self.done) / rate)
            counts += f"  {rate:,.0f} rows/s  {left} left"
        room = shutil.get_terminal_size((80, 24)).columns - 1 - len(counts) - 1
        label = self.label if len(self.label) <= room else self.label[: max(room - 1, 0)] + "…"
        self.stream.write(f"\r{label} {counts}")
        self.stream.flush()
