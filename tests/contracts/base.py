"""The battery every built-in contract passes (one subclass per vendor sets ``IDS``).

Like the ``holidays`` package's shared country tests: the checks here hold for every
contract; each vendor's file adds a table of worked tickets from its document. The helpers
below are the ones those files share: instants written by hand, tickets, evaluation, and
the checks on a target's report at its boundary instants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import ClassVar
from zoneinfo import ZoneInfo

from slacalc import (
    Calendar,
    CalendarTime,
    Contract,
    Event,
    FrozenMap,
    Status,
    TargetReport,
    Ticket,
    contracts,
)
from slacalc._contract.models import normalise_name
from slacalc.contracts import connexys, infravision, intramed, reflex, vioms

VENDOR_MODULES = (connexys, infravision, intramed, reflex, vioms)
SEED_FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")

SOME_INSTANT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
AMS = ZoneInfo("Europe/Amsterdam")
H = timedelta(hours=1)
SEC = timedelta(seconds=1)

Stamp = tuple[datetime, str]
"""An event of a ticket: when it happened and its kind, e.g. ``(at, "responded")``."""


# -- instants -------------------------------------------------------------------------------
def instant(iso: str) -> datetime:
    """An instant written by hand with its offset, e.g. ``instant("2026-11-23T16:00+01:00")``."""
    return datetime.fromisoformat(iso)


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    """A wall-clock instant in Europe/Amsterdam."""
    return datetime(y, mo, d, h, mi, s, tzinfo=AMS)


def assert_instant(actual: datetime | None, expected: str | datetime) -> None:
    """``actual`` is the instant ``expected`` and is written with the same local offset.

    ``expected`` is ISO 8601 with its offset, compared to the letter (``"...T13:00:00+01:00"``),
    or a datetime whose ``isoformat()`` is compared.
    """
    written = expected if isinstance(expected, str) else expected.isoformat()
    assert actual is not None
    assert actual.isoformat() == written
    assert actual.astimezone(timezone.utc) == instant(written).astimezone(timezone.utc)


# -- tickets and their evaluation -------------------------------------------------------------
def make_ticket(
    ticket_id: str, priority: str, opened: datetime, *events: Stamp, kind: str = "incident"
) -> Ticket:
    """A ticket of ``kind`` with ``events`` (``(at, kind)`` pairs) in the order given."""
    return Ticket(
        id=ticket_id,
        priority=priority,
        opened_at=opened,
        kind=kind,
        events=[Event(at=at, kind=event_kind) for at, event_kind in events],
    )


def target_report(
    contract_id: str, ticket: Ticket, at: datetime, metric: str | None = None
) -> TargetReport:
    """The registered contract's report on ``ticket`` at ``at`` for ``metric``.

    Without ``metric`` the ticket must meet exactly one target, and that target's report is
    returned.
    """
    targets = contracts.get(contract_id).evaluate(ticket, at=at).targets
    if metric is None:
        (report,) = targets.values()
        return report
    return targets[metric]


def evaluate_written(
    contract: Contract,
    priority: str,
    opened: str,
    events: Iterable[tuple[str, str]],
    at: str,
    *,
    ticket_id: str,
) -> dict[str, TargetReport]:
    """Every target's report on a ticket whose instants are written as ISO 8601 strings."""
    ticket = make_ticket(
        ticket_id, priority, instant(opened), *((instant(when), kind) for when, kind in events)
    )
    return contract.evaluate(ticket, at=instant(at)).targets


def with_calendars(contract: Contract, **calendars: Calendar) -> Contract:
    """A copy of ``contract`` whose calendars are exactly ``calendars`` (the others dropped)."""
    return contract.model_copy(update={"calendars": FrozenMap(calendars)})


# -- worked tickets and the checks at the boundary instants ------------------------------------
@dataclass(frozen=True)
class WorkedCase:
    """A worked ticket written as ISO strings, and what one target's report must say of it."""

    name: str
    priority: str
    opened: str
    events: tuple[tuple[str, str], ...]
    at: str
    metric: str
    status: Status
    due_at: str
    breach_at: str
    elapsed: timedelta


def assert_worked_case(report: TargetReport, case: WorkedCase) -> None:
    """``report`` has the status, deadlines and elapsed time ``case`` expects."""
    assert report.status is case.status
    assert_instant(report.due_at, case.due_at)
    assert_instant(report.breach_at, case.breach_at)
    assert report.elapsed == case.elapsed


def assert_running_at_breach(
    report: TargetReport, *, target: timedelta, due: str, breach: str
) -> None:
    """At ``breach_at`` the clock still runs, with the whole ``target`` counted and none left."""
    assert report.status is Status.RUNNING
    assert report.target == target
    assert_instant(report.due_at, due)
    assert_instant(report.breach_at, breach)
    assert report.elapsed == target
    assert report.remaining == timedelta(0)


def assert_breached_a_second_after(report: TargetReport, *, due: str) -> None:
    """One second after ``breach_at`` the target is breached, and one second over."""
    assert report.status is Status.BREACHED
    assert_instant(report.due_at, due)
    assert report.remaining == -SEC


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

    def test_users_read_no_seed_file_names(self, contract_id: str) -> None:
        # Sources and notes cite the document by vendor, title and clause; the file names
        # of the extracted texts ("002_c8ee....txt") mean nothing to a user.
        c = self.contract(contract_id)
        module = next(m for m in VENDOR_MODULES if c in m.CONTRACTS)
        text = " ".join([c.model_dump_json(), self.DOCUMENT, module.__doc__ or ""])
        assert SEED_FILE_NAME.search(text) is None, SEED_FILE_NAME.search(text)
        assert c.vendor in self.DOCUMENT

    def test_zone_is_amsterdam(self, contract_id: str) -> None:
        for calendar in self.contract(contract_id).calendars.values():
            assert calendar.tz == "Europe/Amsterdam"
