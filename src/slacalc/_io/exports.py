"""A ticketing tool's export read through a profile (SPEC 8): columns, priorities, times.

:class:`ExportReading` is how one run reads its input: the :class:`~slacalc.Profile` (or
slacalc's own columns without one), the priority mapping the user gave (a profile never
guesses one), and the :class:`~slacalc._io.times.TimeReader` of the run's zone and the
profile's time formats. Its :meth:`ExportReading.parse` turns a record of the export into
a ticket's fields and events, reporting every problem of the record at once.

>>> from slacalc import contracts, profiles
>>> from slacalc.profiles import Profile
>>> mine = Profile(id="mine", columns={"id": "Key", "priority": "Urgency",
...                "opened_at": "Created", "resolved_at": "Resolved"},
...                time_formats=("%d-%m-%Y %H:%M",))
>>> reading = ExportReading.build(contracts.get("vioms/advanced"), mine,
...                               tz="Europe/Amsterdam", priorities={"Hoog": "P1"})
>>> fields, events = reading.parse(reading.translate(
...     {"key": "T-1", "urgency": "Hoog", "created": "23-11-2026 16:00", "resolved": ""}))
>>> fields["priority"], fields["opened_at"].isoformat()
('P1', '2026-11-23T16:00:00+01:00')
>>> reading.parse(reading.translate({"key": "T-2", "urgency": "Laag",
...                                   "created": "23-11-2026 16:00"}))
Traceback (most recent call last):
...
slacalc.TicketError: priority 'Laag' is not mapped to a priority of vioms/advanced: ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from slacalc._base.errors import TicketError
from slacalc._clock.ticket import Event
from slacalc._contract.models import normalise_name
from slacalc._engine.instants import zone
from slacalc._facade import Contract
from slacalc._io.records import (
    EVENT_COLUMNS,
    PROFILE_EVENT_COLUMNS,
    TICKET_COLUMNS,
    cell_text,
    ticket_from_record,
)
from slacalc._io.rows import Record
from slacalc._io.times import TimeReader
from slacalc.profiles import PROFILE_FIELDS, Profile

__all__ = ["ExportReading", "MappingError"]

K = TypeVar("K")

_MINUTES = ":minutes"


class MappingError(TicketError):
    """A run's options that cannot work (a priority mapped to no priority of the
    contract): the command line reports it as bad usage."""


@dataclass(frozen=True)
class ExportReading:
    """How one run reads its tickets: the profile, the priority mapping and the times."""

    contract: Contract | None
    profile: Profile | None
    times: TimeReader
    priorities: Mapping[str, str] = field(default_factory=dict)  # normalised name -> id

    @classmethod
    def build(
        cls,
        contract: Contract | None,
        profile: Profile | None = None,
        *,
        tz: str | None = None,
        priorities: Mapping[str, str] | None = None,
        option: str = "--tz {zone}",
    ) -> ExportReading:
        """The reading for ``contract`` (may be ``None`` for a file naming its contracts)
        through ``profile``; ``tz`` (else the profile's) reads local times; ``priorities``
        (export name -> contract priority) is added to the profile's own mapping. A mapped
        value that is no priority of the contract is a :class:`MappingError`."""
        zone_name = tz if tz is not None else (profile.tz if profile is not None else None)
        times = TimeReader(
            tz=zone(zone_name) if zone_name is not None else None,
            formats=profile.time_formats if profile is not None else (),
            hint=contract.zone if contract is not None else None,
            option=option,
        )
        mapping: dict[str, str] = {}
        given = {**(profile.priorities if profile is not None else {}), **(priorities or {})}
        for name, target in given.items():
            if contract is not None:
                try:
                    target = contract.priority(target).id
                except LookupError:
                    ids = ", ".join(p.id for p in contract.priorities)
                    raise MappingError(
                        f"priority mapping {name}={target}: {target!r} is no priority of "
                        f"{contract.id} (its priorities: {ids})"
                    ) from None
            mapping[normalise_name(name)] = target
        return cls(contract, profile, times, mapping)

    @property
    def mapped(self) -> bool:
        """Whether priorities go through a mapping (always with a profile)."""
        return self.profile is not None or bool(self.priorities)

    def ticket_columns(self) -> tuple[list[str], list[str]]:
        """The columns a ticket file is read with (the id's first) and the required ones."""
        if self.profile is None:
            return list(TICKET_COLUMNS), list(TICKET_COLUMNS[:3])
        p = self.profile
        known = [p.column(name).strip().lower() for name in PROFILE_FIELDS]
        known += [c.strip().lower() for c in p.durations.values()]
        required = [p.column(name).strip().lower() for name in ("id", "priority", "opened_at")]
        return known, required

    def translate(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """A record of the export in slacalc's column names (its other columns dropped)."""
        if self.profile is None:
            return dict(record)
        lookup = {str(k).strip().lower(): v for k, v in record.items()}
        out = {
            name: lookup.get(self.profile.column(name).strip().lower()) for name in PROFILE_FIELDS
        }
        for name, column in self.profile.durations.items():
            out[name + _MINUTES] = lookup.get(column.strip().lower())
        return out

    def records(self, records: Iterable[tuple[K, Record]]) -> Iterator[tuple[K, Record]]:
        """The records of the export in slacalc's column names (bad lines as they are)."""
        for key, record in records:
            yield key, (record if isinstance(record, str) else self.translate(record))

    def parse(self, record: Mapping[str, Any]) -> tuple[dict[str, Any], list[Event]]:
        """A ticket's fields and events from a record in slacalc's column names (see
        :meth:`records`); every problem of the record in one ``ValueError``."""
        data = dict(record)
        problems: list[str] = []
        raw = cell_text(data, "priority")
        if raw and self.mapped:
            mapped = self.priorities.get(normalise_name(raw))
            if mapped is None:
                problems.append(self._unmapped(raw))
            else:
                data["priority"] = mapped
        columns = PROFILE_EVENT_COLUMNS if self.profile is not None else EVENT_COLUMNS
        durations = {
            kind: name + _MINUTES
            for name, kind in PROFILE_EVENT_COLUMNS.items()
            if self.profile is not None and name in self.profile.durations
        }
        try:
            fields, events = ticket_from_record(data, self.times, columns, durations)
        except ValueError as error:
            problems.append(str(error))
        if problems:
            raise TicketError("; ".join(problems))
        return fields, events

    def _unmapped(self, raw: str) -> str:
        add = f"add --priority '{raw}=ID' (in Python priorities={{{raw!r}: ID}})"
        if self.contract is None:
            return f"priority {raw!r} is not mapped: {add}, ID a priority of the contract"
        ids = ", ".join(p.id for p in self.contract.priorities)
        return (
            f"priority {raw!r} is not mapped to a priority of {self.contract.id}: {add}, "
            f"ID one of {ids}"
        )
