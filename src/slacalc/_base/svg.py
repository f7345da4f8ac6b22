"""A small SVG writer: escaped elements, a linear time scale, labels that never overlap.

Pure Python and no dependency: the pictures of calendars, tickets and availability reports
(``Calendar.to_svg``, ``TicketReport.to_svg``, ``AvailabilityReport.to_svg``) are strings
built from these pieces. Every picture is :data:`WIDTH` pixels wide, has a white
background (readable on light and dark pages), a ``<title>`` and a ``<desc>``.

>>> scale = Scale(0, 100, 10.0, 110.0)
>>> scale.x(50)
60.0
>>> element("text", {"x": 1.5, "class": "label"}, "a < b & c")
'<text x="1.5" class="label">a &lt; b &amp; c</text>'
>>> from datetime import datetime, timezone
>>> short(datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc))
'Tue 24 Nov 16:00'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "FONT_SIZE",
    "WIDTH",
    "Label",
    "Scale",
    "document",
    "element",
    "escape",
    "hours",
    "lanes",
    "number",
    "short",
    "text_width",
]

#: Every picture's width in pixels (readable at 800 px, scaled down by ``viewBox``).
WIDTH = 800
FONT_SIZE = 12
#: A generous mean advance of a sans-serif character at FONT_SIZE (labels never overlap).
CHAR_WIDTH = 7.0

#: Neutral colours that read on white, with dark text; the picture draws its own white
#: background, so a dark page theme does not change it. Colour is never the only cue:
#: every span and instant also has a text label.
STYLE = (
    "text{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:12px;"
    "fill:#1a1a1a}"
    ".small{font-size:10.5px;fill:#444}.heading{font-size:14px;font-weight:600}"
    ".closed{fill:#ececec}.open{fill:#9cc9e8}.clock{fill:#1f5f99}"
    ".paused{fill:#f4b860}.outage{fill:#d9534f}.planned{fill:#b9a6d8}"
    ".downtime{fill:#8b1e1a}.tick{stroke:#bdbdbd}.axis{stroke:#666}"
    ".due{stroke:#c0392b;stroke-width:2}.breach{stroke:#7b241c;stroke-width:2;"
    "stroke-dasharray:5 3}.milestone{stroke:#6c3483;stroke-dasharray:2 2}"
    ".event{stroke:#333}.at{stroke:#111;stroke-width:1.5;stroke-dasharray:6 3}"
    ".mark{stroke:#c0392b;stroke-width:2}.shift{stroke:#8e44ad;stroke-dasharray:3 3}"
)

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def escape(text: str) -> str:
    """``text`` safe inside an element or a double-quoted attribute.

    >>> escape('INC-<1> & "2"')
    'INC-&lt;1&gt; &amp; &quot;2&quot;'
    """
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def number(value: float) -> str:
    """A coordinate as short text (two decimals at most).

    >>> number(12.0), number(3.14159), number(-0.0)
    ('12', '3.14', '0')
    """
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def element(tag: str, attrs: Mapping[str, object], text: str | None = None) -> str:
    """One element; numbers become short text, ``text`` (escaped) becomes its content.

    >>> element("rect", {"x": 0, "width": 10.456})
    '<rect x="0" width="10.46"/>'
    """
    shown = " ".join(
        f'{name}="{number(v) if isinstance(v, float) else escape(str(v))}"'
        for name, v in attrs.items()
    )
    opening = f"<{tag} {shown}" if shown else f"<{tag}"
    return f"{opening}/>" if text is None else f"{opening}>{escape(text)}</{tag}>"


def document(title: str, desc: str, height: float, body: Iterable[str]) -> str:
    """A complete SVG picture: white background, ``<title>``, ``<desc>``, then ``body``.

    >>> svg = document("A & B", "nothing", 40, [])
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"'), "<title>A &amp; B</title>" in svg
    (True, True)
    """
    size = f'width="{WIDTH}" height="{number(height)}" viewBox="0 0 {WIDTH} {number(height)}"'
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" {size} role="img">',
            element("title", {}, title),
            element("desc", {}, desc),
            f"<style>{STYLE}</style>",
            element("rect", {"x": 0, "y": 0, "width": WIDTH, "height": height, "fill": "#fff"}),
            *body,
            "</svg>",
        ]
    )


@dataclass(frozen=True, slots=True)
class Scale:
    """Instants ``[start, end]`` (integer microseconds) onto pixels ``[left, right]``.

    A zero-length span puts every instant at ``left``.

    >>> Scale(10, 10, 5.0, 95.0).x(10)
    5.0
    """

    start: int
    end: int
    left: float
    right: float

    def x(self, us: int) -> float:
        """The pixel of an instant (outside the span: clamped to its edges)."""
        if self.end <= self.start:
            return self.left
        clamped = min(max(us, self.start), self.end)
        return self.left + (clamped - self.start) * (self.right - self.left) / (
            self.end - self.start
        )

    def width(self, a: int, b: int) -> float:
        """The pixels of ``[a, b)``."""
        return self.x(b) - self.x(a)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """An upper estimate of a label's width in pixels.

    >>> text_width("due", 12)
    21.0
    """
    return len(text) * CHAR_WIDTH * size / FONT_SIZE


@dataclass(frozen=True, slots=True)
class Label:
    """A text label at pixel ``x``: its left end, or its right end near the right edge.

    >>> Label(10, "due").extent, Label(790, "due").extent
    ((10, 31.0), (769.0, 790))
    """

    x: float
    text: str
    css: str = ""

    @property
    def extent(self) -> tuple[float, float]:
        """The pixels the label covers, from left to right."""
        width = text_width(self.text)
        return (self.x - width, self.x) if self.anchor_end else (self.x, self.x + width)

    @property
    def anchor_end(self) -> bool:
        """Whether the label ends at ``x`` (it would run past the picture's right edge)."""
        return self.x + text_width(self.text) > WIDTH - 4


def lanes(labels: Sequence[Label], gap: float = 6.0) -> list[int]:
    """The lane (line) of each label, so that no two labels of a lane overlap.

    >>> lanes([Label(10, "due"), Label(15, "at"), Label(200, "met")])
    [0, 1, 0]
    """
    ends: list[float] = []
    result: list[int] = []
    for label in labels:
        left, right = label.extent
        for lane, end in enumerate(ends):
            if left >= end + gap:
                ends[lane] = right
                result.append(lane)
                break
        else:
            ends.append(right)
            result.append(len(ends) - 1)
    return result


def short(instant: datetime) -> str:
    """An instant as its own zone shows it, briefly: ``Tue 24 Nov 16:00`` (seconds only
    when it has them: ``Mon 23 Nov 13:00:01``).

    >>> from datetime import timezone
    >>> short(datetime(2026, 11, 23, 13, 0, 1, tzinfo=timezone.utc))
    'Mon 23 Nov 13:00:01'
    """
    clock = f"{instant:%H:%M}" + (f":{instant:%S}" if instant.second or instant.microsecond else "")
    return f"{_DAYS[instant.weekday()]} {instant.day} {_MONTHS[instant.month - 1]} {clock}"


def hours(us: int) -> str:
    """A duration of integer microseconds as hours and minutes: ``8 h``, ``1 h 30 min``.

    >>> hours(90 * 60 * 1_000_000), hours(8 * 3600 * 1_000_000), hours(0)
    ('1 h 30 min', '8 h', '0 min')
    """
    minutes = us // 60_000_000
    whole, rest = divmod(minutes, 60)
    if whole and rest:
        return f"{whole} h {rest} min"
    return f"{whole} h" if whole else f"{rest} min"
