"""Reading an instant from a cell: ISO 8601, RFC 9557, local times in a zone, strptime.

:class:`TimeReader` is the one rule for every instant slacalc reads from a file or a
frame (SPEC 8 rule 2):

* ISO 8601 with a UTC offset is read as it stands;
* RFC 9557 ``2026-07-01T10:00[Europe/Amsterdam]`` is the local time in that zone (with an
  offset as well, the offset decides the instant and the zone only how it is shown);
* a time without an offset (ISO 8601, or one of ``formats``, ``strptime`` patterns tried in
  order) is local time in ``tz``; without ``tz`` it is a
  :class:`~slacalc.NaiveDatetimeError` whose message names the real offset of the
  contract's zone on that date and how to pass the zone;
* a local time the clocks skip (the spring gap) is a :class:`~slacalc.CalendarError`; a
  local time they repeat (the autumn fold) is read as its first occurrence (**choice**:
  docs/importing.md; the export does not say which, and the first is what most tools
  store for a wall-clock entry).

>>> from zoneinfo import ZoneInfo
>>> ams = ZoneInfo("Europe/Amsterdam")
>>> TimeReader().read("2026-07-01T10:00[Europe/Amsterdam]", "opened_at").isoformat()
'2026-07-01T10:00:00+02:00'
>>> TimeReader(tz=ams, formats=("%d-%m-%Y %H:%M",)).read("23-11-2026 16:00", "at").isoformat()
'2026-11-23T16:00:00+01:00'
>>> TimeReader(hint=ams).read("2026-07-01T10:00", "opened_at")
Traceback (most recent call last):
...
slacalc.NaiveDatetimeError: opened_at '2026-07-01T10:00' has no UTC offset: write ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

from dateutil.parser import isoparse

from slacalc._base.errors import CalendarError, NaiveDatetimeError
from slacalc._engine.instants import zone

__all__ = ["STRICT", "TimeReader", "is_blank", "shown"]

_BRACKETED = re.compile(r"^(?P<time>[^\[\]]+)(?P<tags>(?:\[[^\[\]]*\])+)$")
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def is_blank(value: object) -> bool:
    """Whether a cell is empty: ``None``, blank text, NaN or NaT.

    >>> [is_blank(v) for v in (None, " ", float("nan"), "x", 0)]
    [True, True, True, False, False]
    """
    if value is None or type(value).__name__ == "NAType":  # pandas.NA, without pandas
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def shown(text: str) -> str:
    """A cell as a message shows it: quoted, and cut after 60 characters.

    >>> shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (100 characters)"
    """
    if len(text) <= 60:
        return repr(text)
    return f"{text[:60] + '...'!r} ({len(text):,} characters)"


@dataclass(frozen=True)
class TimeReader:
    """How instants are read: ``tz`` for local times, ``formats`` after ISO 8601, and the
    zone (``hint``) whose offset the message for a local time without ``tz`` names;
    ``option`` is how the user passes ``tz``, with ``{zone}`` for the zone (``--tz {zone}``
    on the command line, ``tz='{zone}'`` in Python)."""

    tz: tzinfo | None = None
    formats: tuple[str, ...] = ()
    hint: tzinfo | None = None
    option: str = "--tz {zone}"

    def read(self, value: object, what: str) -> datetime:
        """The aware instant of a cell (text or ``datetime``); see the module."""
        if is_blank(value):
            raise CalendarError(f"{what} is empty")
        if isinstance(value, datetime):
            to_pydatetime = getattr(value, "to_pydatetime", None)  # pandas Timestamp
            plain = to_pydatetime() if callable(to_pydatetime) else value
            if plain.tzinfo is not None and plain.utcoffset() is not None:
                return plain
            if self.tz is None:
                where = self.hint or "Europe/Amsterdam"
                raise NaiveDatetimeError(
                    f"{what} {plain.isoformat()!r} has no time zone (localize it, e.g. "
                    f"tz_localize('{where}'), or pass {self.option.format(zone=where)})"
                )
            return self._local(plain.replace(tzinfo=None), self.tz, what, plain.isoformat())
        text = str(value).strip()
        bracketed = _BRACKETED.match(text)
        if bracketed is not None:
            return self._bracketed(bracketed.group("time"), bracketed.group("tags"), what, text)
        parsed = self._parse(text, what)
        if parsed.tzinfo is not None and parsed.utcoffset() is not None:
            return parsed
        if self.tz is None:
            raise NaiveDatetimeError(self._no_offset(text, parsed, what))
        return self._local(parsed, self.tz, what, text)

    def _parse(self, text: str, what: str) -> datetime:
        try:
            return isoparse(text)
        except (ValueError, OverflowError):
            pass
        for pattern in self.formats:
            try:
                return datetime.strptime(text, pattern)
            except (ValueError, OverflowError):
                continue
        tried = f" or {', '.join(repr(f) for f in self.formats)}" if self.formats else ""
        raise CalendarError(f"{what} {shown(text)} is not an ISO 8601 time{tried}") from None

    def _bracketed(self, time_text: str, tags: str, what: str, text: str) -> datetime:
        """RFC 9557: the first bracket without ``=`` names the zone (an IANA name or an
        offset, ``!`` marking it critical); ``key=value`` tags (a calendar) are ignored."""
        names = [t.lstrip("!").strip() for t in tags[1:-1].split("][") if "=" not in t]
        where: tzinfo | None = None
        if names:
            offset = _OFFSET.match(names[0])
            try:
                where = _fixed(offset) if offset is not None else zone(names[0])
            except CalendarError as error:
                raise CalendarError(f"{what} {shown(text)}: {error}") from None
        try:
            parsed = isoparse(time_text.strip())
        except (ValueError, OverflowError):
            raise CalendarError(f"{what} {shown(text)} is not an RFC 9557 time") from None
        if parsed.tzinfo is not None and parsed.utcoffset() is not None:
            return parsed.astimezone(where) if where is not None else parsed  # the offset rules
        if where is None:
            raise NaiveDatetimeError(self._no_offset(time_text.strip(), parsed, what))
        return self._local(parsed, where, what, text)

    def _local(self, naive: datetime, where: tzinfo, what: str, text: str) -> datetime:
        """``naive`` as local time in ``where``: the first of a repeated hour, never a
        skipped one."""
        first = naive.replace(tzinfo=where, fold=0)
        back = first.astimezone(timezone.utc).astimezone(where).replace(tzinfo=None)
        if back != naive:
            raise CalendarError(
                f"{what} {shown(text)} does not exist in {where}: the clocks skip that hour "
                "(daylight saving time); correct the time or give it with its UTC offset"
            )
        return first

    def _no_offset(self, text: str, parsed: datetime, what: str) -> str:
        if self.hint is None:
            iso = text if _is_iso(text) else parsed.isoformat()
            return (
                f"{what} {text!r} has no UTC offset: write it with its offset (e.g. "
                f"{iso}+00:00 for UTC) or pass {self.option.format(zone='ZONE')} (an IANA "
                "zone name)"
            )
        try:
            offset = parsed.replace(tzinfo=self.hint, fold=0).strftime("%z")
        except (ValueError, OverflowError):  # pragma: no cover - a date past the zone's range
            offset = "+0000"
        written = f"{offset[:3]}:{offset[3:]}"
        iso = text if _is_iso(text) else parsed.isoformat()  # a strptime format's own text
        return (
            f"{what} {text!r} has no UTC offset: write {iso}{written} (the offset of "
            f"{self.hint} on that date) or pass {self.option.format(zone=self.hint)}"
        )


def _is_iso(text: str) -> bool:
    try:
        isoparse(text)
    except (ValueError, OverflowError):
        return False
    return True


def _fixed(offset: re.Match[str]) -> tzinfo:
    sign = -1 if offset.group(1) == "-" else 1
    minutes = int(offset.group(2)) * 60 + int(offset.group(3))
    return timezone(sign * timedelta(minutes=minutes))


#: ISO 8601 with an offset (or RFC 9557) only: the reader of slacalc's own files.
STRICT = TimeReader()
