"""Wall-clock windows: ``"HH:MM-HH:MM"`` text, weekday names, and a day's hours.

A window is a recurring wall-clock span that belongs to one local date. It is parsed
into seconds after that date's midnight; an end at or before the start wraps past
midnight, so the end may exceed 24 hours:

>>> parse_window("09:00-17:00")
(32400, 61200)
>>> parse_window("22:00-06:00")
(79200, 108000)
>>> parse_window("08:00-24:00")
(28800, 86400)
>>> canonical_window("9:00:00-17:00:30")
'09:00-17:00:30'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from slacalc._base.errors import CalendarError

DAY_SECONDS = 86_400

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ALIASES: dict[str, str] = {
    **{d: d for d in WEEKDAYS},
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
    "tues": "tue",
    "thur": "thu",
    "thurs": "thu",
}

_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
_WINDOW_RE = re.compile(rf"^\s*{_TIME}\s*-\s*{_TIME}\s*$")
_ALLOWED = "'HH:MM-HH:MM' (seconds optional, 24:00 allowed as an end), e.g. '09:00-17:00'"


def weekday_key(name: str) -> str:
    """The canonical three-letter key of a weekday name.

    >>> weekday_key("Monday"), weekday_key("thu")
    ('mon', 'thu')
    """
    key = _DAY_ALIASES.get(str(name).strip().lower())
    if key is None:
        raise CalendarError(
            f"unknown day name {name!r}; use one of {', '.join(WEEKDAYS)} (or the full names)"
        )
    return key


def _seconds(match: re.Match[str], first: int, text: str, *, end: bool) -> int:
    hours, minutes, seconds = match.group(first), match.group(first + 1), match.group(first + 2)
    h, m, s = int(hours), int(minutes), int(seconds or 0)
    if m > 59 or s > 59 or h > 24 or (h == 24 and (m or s)) or (h == 24 and not end):
        raise CalendarError(f"bad window {text!r}: {hours}:{minutes} is not a time; use {_ALLOWED}")
    return h * 3600 + m * 60 + s


def parse_window(text: str) -> tuple[int, int]:
    """Parse a window into (start, end) seconds after its date's midnight.

    >>> parse_window("09:00-09:00")  # an end at or before the start wraps: 24 hours
    (32400, 118800)
    """
    if not isinstance(text, str):
        raise CalendarError(f"bad window {text!r}: expected text; use {_ALLOWED}")
    match = _WINDOW_RE.match(text)
    if match is None:
        raise CalendarError(f"bad window {text!r}; use {_ALLOWED}")
    start = _seconds(match, 1, text, end=False)
    end = _seconds(match, 4, text, end=True)
    if end <= start:
        end += DAY_SECONDS
    return start, end


def _clock(seconds: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def canonical_window(text: str) -> str:
    """The window's canonical spelling (two-digit fields, seconds only when non-zero).

    >>> canonical_window("22:00-06:00")
    '22:00-06:00'
    """
    start, end = parse_window(text)
    shown_end = end - DAY_SECONDS if end > DAY_SECONDS else end
    return f"{_clock(start)}-{_clock(shown_end)}"


def merge_day(windows: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """A date's windows as merged (start, end) seconds: overlapping or touching ones join.

    >>> merge_day(["13:00-17:00", "09:00-12:00", "12:00-13:00"])
    ((32400, 61200),)
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(parse_window(w) for w in windows):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
