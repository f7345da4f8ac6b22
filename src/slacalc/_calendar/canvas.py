"""A picture along a time axis in one zone: rows of spans, instants with labels.

:class:`Canvas` is what the pictures of calendars, tickets and availability reports share:
a heading, a time axis with the zone's days and hours (and its clock changes), rows of
spans (``band``) and instants drawn as vertical lines with a text label each (``marks``).
Every span and instant carries its ISO 8601 instants as ``data-start``, ``data-end`` and
``data-at`` attributes, and the root element ``data-start``, ``data-end``, ``data-x0`` and
``data-x1``: where the time axis lies, so that a test can check an x by arithmetic.

>>> from zoneinfo import ZoneInfo
>>> canvas = Canvas(0, 3_600_000_000, ZoneInfo("UTC"))
>>> top, bottom = canvas.band("open", "1 h", [(0, 1_800_000_000)])
>>> svg = canvas.svg("A title", "A description")
>>> 'class="open" data-start="1970-01-01T00:00:00+00:00"' in svg
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from slacalc._base.svg import (
    WIDTH,
    Label,
    Scale,
    document,
    element,
    hours,
    lanes,
    short,
    text_width,
)
from slacalc._engine.instants import US, from_us, wall_to_us

__all__ = ["LEFT", "RIGHT", "Canvas", "Mark", "clock_changes"]

LEFT = 16.0  # the time axis starts here; each row's name stands above it
RIGHT = WIDTH - 20.0
BAND = 20.0  # the height of a row of spans
LINE = 15.0  # the height of a line of labels
HOUR = 3600 * US
_HOUR_STEPS = (1, 2, 3, 6, 12)


@dataclass(frozen=True, slots=True)
class Mark:
    """An instant to draw as a vertical line (class ``css``) with the label ``text``."""

    us: int
    text: str
    css: str


class Canvas:
    """A picture of ``[start, end)`` (integer microseconds) in the zone ``tz``."""

    def __init__(self, start: int, end: int, tz: tzinfo) -> None:
        self.scale = Scale(start, end, LEFT, RIGHT)
        self.tz = tz
        self.body: list[str] = []
        self.rules: list[str] = []  # full-height lines, drawn when the height is known
        self.y = 8.0
        self.axis_top = 8.0

    def iso(self, us: int) -> str:
        """An instant as ISO 8601 in the picture's zone."""
        return from_us(us, self.tz).isoformat()

    def local(self, us: int) -> str:
        """An instant as a short label in the picture's zone."""
        return short(from_us(us, self.tz))

    def heading(self, text: str) -> None:
        """A line of text across the top."""
        self.body.append(element("text", {"x": LEFT, "y": self.y + 14, "class": "heading"}, text))
        self.y += 26

    def note(self, text: str) -> None:
        """A line of small text under the rows."""
        self.body.append(element("text", {"x": LEFT, "y": self.y + 11, "class": "small"}, text))
        self.y += LINE

    # -- the time axis ------------------------------------------------------------------
    def axis(self) -> None:
        """Days (a label each, where it fits), hour ticks and the zone's clock changes."""
        scale, top = self.scale, self.y
        days = self._days()
        step = self._hour_step(days)
        for day_start, day_end, day in days:
            x0, x1 = scale.x(day_start), scale.x(day_end)
            text = f"{short(day)[:-6]}" if x1 - x0 >= text_width("Mon 23 Nov") else str(day.day)
            if x1 - x0 >= text_width(text):
                self.body.append(element("text", {"x": x0 + 3, "y": top + 11}, text))
            if day_start > scale.start:
                self.rules.append(element("line", {"x1": x0, "x2": x0, "class": "axis"}))
            seen: set[int] = set()
            for hour in range(step, 24, step) if step else ():
                us = wall_to_us(day.date(), hour * 3600, self.tz)
                if us in seen or not day_start < us < day_end:
                    continue  # a wall hour in a gap is the next one that exists
                seen.add(us)
                x = scale.x(us)
                self.rules.append(element("line", {"x1": x, "x2": x, "class": "tick"}))
                label = {"x": x, "y": top + 25, "class": "small", "text-anchor": "middle"}
                self.body.append(element("text", label, f"{from_us(us, self.tz):%H:%M}"))
        self.y += 30
        self.axis_top = top

    def _days(self) -> list[tuple[int, int, datetime]]:
        """The local days the picture covers, clipped: ``(start, end, local midnight)``."""
        scale, tz = self.scale, self.tz
        if scale.end <= scale.start:
            return []
        day = from_us(scale.start, tz).date()
        found: list[tuple[int, int, datetime]] = []
        while True:
            start = wall_to_us(day, 0, tz)
            if start >= scale.end:
                return found
            nxt = day + timedelta(days=1)
            end = wall_to_us(nxt, 0, tz)
            midnight = datetime(day.year, day.month, day.day, tzinfo=tz)
            found.append((max(start, scale.start), min(end, scale.end), midnight))
            day = nxt

    def _hour_step(self, days: Sequence[tuple[int, int, datetime]]) -> int:
        """The hours between ticks (0: none), so that tick labels stay apart."""
        pixels_per_hour = self.scale.width(self.scale.start, self.scale.start + HOUR)
        for step in _HOUR_STEPS:
            if step * pixels_per_hour >= text_width("00:00") + 8:
                return step if len(days) <= 40 else 0
        return 0

    # -- rows ---------------------------------------------------------------------------
    def band(
        self,
        name: str,
        detail: str,
        spans: Iterable[tuple[int, int]],
        *,
        css: str = "open",
        background: bool = True,
    ) -> tuple[float, float]:
        """A row named ``name`` (``detail`` beside the name, above the row) with a rectangle
        per span, its duration inside when it fits; returns the row's top and bottom."""
        scale = self.scale
        self.body.append(element("text", {"x": LEFT, "y": self.y + 12}, name))
        if detail:
            where = {"x": LEFT + text_width(name) + 4, "y": self.y + 12, "class": "small"}
            self.body.append(element("text", where, detail))
        top = self.y + 17
        if background:
            width = scale.right - scale.left
            box = {"x": scale.left, "y": top, "width": width, "height": BAND, "class": "closed"}
            self.body.append(element("rect", box))
        self.spans(spans, css, top, BAND, labelled=True)
        self.y = top + BAND + 4
        return top, top + BAND

    def spans(
        self,
        spans: Iterable[tuple[int, int]],
        css: str,
        top: float,
        height: float,
        *,
        labelled: bool = False,
    ) -> None:
        """A rectangle of class ``css`` per span (its instants as data attributes)."""
        scale = self.scale
        for a, b in spans:
            x, width = scale.x(a), scale.width(a, b)
            box = {"x": x, "y": top, "width": max(width, 1.0), "height": height, "class": css}
            self.body.append(
                element("rect", {**box, "data-start": self.iso(a), "data-end": self.iso(b)})
            )
            text = hours(b - a)
            if labelled and width >= text_width(text, 10.5) + 4:
                middle = {"x": x + width / 2, "y": top + height / 2 + 4, "text-anchor": "middle"}
                self.body.append(element("text", {**middle, "class": "small"}, text))

    def marks(self, marks: Sequence[Mark], top: float, bottom: float) -> None:
        """A vertical line over ``[top, bottom]`` per mark, and its label in the first line
        under the rows (so far) where it overlaps no other label."""
        scale = self.scale
        ordered = sorted(marks, key=lambda m: m.us)
        labels = [Label(scale.x(m.us) + 3, m.text) for m in ordered]
        placed = lanes(labels)
        for mark, label, lane in zip(ordered, labels, placed, strict=True):
            x = scale.x(mark.us)
            y = self.y + lane * LINE + 11
            line = {"x1": x, "x2": x, "y1": top, "y2": y - 9, "class": mark.css}
            self.body.append(element("line", {**line, "data-at": self.iso(mark.us)}))
            where: dict[str, object] = {"x": label.x, "y": y, "class": "small"}
            if label.anchor_end:
                where.update({"x": label.x - 6, "text-anchor": "end"})
            self.body.append(element("text", where, mark.text))
        self.y += (max(placed) + 1) * LINE + 4 if placed else 0

    def rule(self, mark: Mark) -> None:
        """A line across the whole picture (below the axis), e.g. ``at``."""
        x = self.scale.x(mark.us)
        self.rules.append(
            element("line", {"x1": x, "x2": x, "class": mark.css, "data-at": self.iso(mark.us)})
        )

    def svg(self, title: str, desc: str) -> str:
        """The picture, with the full-height lines drawn down to its last row."""
        height = self.y + 8
        top = self.axis_top + 14
        rules = [r.replace("/>", f' y1="{top:g}" y2="{height - 8:g}"/>') for r in self.rules]
        svg = document(title, desc, height, [*rules, *self.body])
        scale = self.scale
        where = (
            f' data-start="{self.iso(scale.start)}" data-end="{self.iso(scale.end)}"'
            f' data-x0="{scale.left:g}" data-x1="{scale.right:g}"'
        )
        return svg.replace(' role="img">', f' role="img"{where}>', 1)


def clock_changes(start: int, end: int, tz: tzinfo) -> list[Mark]:
    """The instants in ``[start, end)`` at which ``tz`` changes its offset (DST), labelled
    ``clocks +01:00 → +02:00``; looked for hour by hour, then to the second.

    >>> from zoneinfo import ZoneInfo
    >>> from slacalc._engine.instants import to_us
    >>> ams = ZoneInfo("Europe/Amsterdam")
    >>> [m.text for m in clock_changes(to_us(datetime(2026, 3, 28, tzinfo=ams), "a"),
    ...                                to_us(datetime(2026, 3, 30, tzinfo=ams), "b"), ams)]
    ['clocks +01:00 → +02:00']
    """
    if end - start > 400 * 24 * HOUR:
        return []
    found: list[Mark] = []
    lo, before = start, _offset(start, tz)
    while lo < end:
        hi = min(lo + HOUR, end)
        after = _offset(hi, tz)
        if after != before:
            a, b = lo // US, hi // US  # the change lies in (a, b] seconds
            while b - a > 1:
                mid = (a + b) // 2
                a, b = (mid, b) if _offset(mid * US, tz) == before else (a, mid)
            if b * US < end:
                found.append(Mark(b * US, f"clocks {before} → {after}", "shift"))
            before = after
        lo = hi
    return found


def _offset(us: int, tz: tzinfo) -> str:
    return from_us(us, tz).isoformat()[-6:]
