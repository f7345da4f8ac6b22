"""The battery every built-in contract passes (one subclass per vendor sets ``IDS``).

Like the ``holidays`` package's shared country tests: the checks here hold for every
contract; each vendor's file adds a table of worked tickets from its document.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import ClassVar

from slacalc import Calendar, CalendarTime, Contract, contracts
from slacalc._contract import normalise_name

SOME_INSTANT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


class ContractBattery:
    """Checks that hold for every contract; subclasses list their ids in ``IDS``."""

    IDS: ClassVar[tuple[str, ...]] = ()
    PRIORITIES: ClassVar[tuple[str, ...]] = ()  # the SPEC's priority ids, most urgent first
    DOCUMENT: ClassVar[str] = ""  # a word every `source` must contain (the document)

    def contract(self, contract_id: str) -> Contract:
        return contracts.get(contract_id)

    def test_is_registered_under_its_id(self, contract_id: str) -> None:
        assert contract_id in contracts.ids()
        assert self.contract(contract_id).id == contract_id

    def test_priorities_are_the_specs_most_urgent_first(self, contract_id: str) -> None:
        assert tuple(p.id for p in self.contract(contract_id).priorities) == self.PRIORITIES

    def test_every_priority_has_targets(self, contract_id: str) -> None:
        c = self.contract(contract_id)
        for p in c.priorities:
            assert any(t.priority == p.id for t in c.targets), p.id

    def test_every_target_calendar_exists_and_has_open_time(self, contract_id: str) -> None:
        c = self.contract(contract_id)
        for t in c.targets:
            calendar = c.calendars[t.calendar]
            assert isinstance(calendar, Calendar)
            assert calendar.next_open(SOME_INSTANT) >= SOME_INSTANT
            clock = c.clock_calendar(t)
            if isinstance(t.within, CalendarTime):
                assert clock == Calendar.always(tz=calendar.tz)
            else:
                assert clock is calendar

    def test_ids_and_aliases_resolve_to_their_own_priority(self, contract_id: str) -> None:
        c = self.contract(contract_id)
        seen: dict[str, str] = {}
        for p in c.priorities:
            for label in (p.id, *p.aliases):
                assert c.priority(label).id == p.id, label
                assert c.priority(label.upper()).id == p.id, label
                key = normalise_name(label)
                assert seen.setdefault(key, p.id) == p.id, f"{label!r} is ambiguous"

    def test_json_round_trip_is_equal_and_hashes_equal(self, contract_id: str) -> None:
        c = self.contract(contract_id)
        again = Contract.model_validate_json(c.model_dump_json())
        assert again == c
        assert hash(again) == hash(c)
        assert Contract.model_validate(c.model_dump(mode="json")) == c

    def test_every_clause_cites_its_source(self, contract_id: str) -> None:
        c = self.contract(contract_id)
        cited = [
            ("contract", c.source),
            *((f"calendar {k}", cal.source) for k, cal in c.calendars.items()),
            *((f"target {t.priority}/{t.metric}", t.source) for t in c.targets),
            *((f"availability {a.name}", a.source) for a in c.availability),
            *((f"compliance {g.priorities}", g.source) for g in c.compliance),
        ]
        if c.interruption_limit is not None:
            cited.append(("interruption limit", c.interruption_limit.source))
        for what, source in cited:
            assert self.DOCUMENT in source, f"{what} cites {source!r}"

    def test_zone_is_amsterdam(self, contract_id: str) -> None:
        for calendar in self.contract(contract_id).calendars.values():
            assert calendar.tz == "Europe/Amsterdam"
