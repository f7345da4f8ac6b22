"""Connexys, Service Level Agreement.

The shared battery, then worked tickets from the document's own words at their boundary
instants: MET at exactly the target and BREACHED one second of office time over; RUNNING
at ``breach_at`` and BREACHED one second after. Every expected instant is written by hand
with its offset and every evaluation passes an explicit ``at``.

"* Kantooruren en werkdagen": Monday to Friday 09:00-17:00, Europe/Amsterdam, closed on the
algemeen erkende feestdagen. Response ("Reactie tijd"): Gebruikersvraag 12 h, Niveau 1
incident 3 h, Niveau 2 and 3 incident 1 working day, Wijzigingsverzoek 2 working days.
Resolution ("Oplos tijd"), from the response: Gebruikersvraag 12 h, Niveau 1 incident 8 h,
Niveau 2 incident maatwerk 5 working days, the others a release (no deadline) or nothing.
The reference week is Monday 23 to Sunday 29 November 2026 (CET, +01:00).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from slacalc import (
    Calendar,
    Contract,
    Holidays,
    Status,
    TargetReport,
    WorkingDays,
)
from slacalc.contracts import connexys

from .base import (
    SEC,
    ContractBattery,
    H,
    WorkedCase,
    assert_instant,
    assert_worked_case,
    evaluate_written,
    instant,
    with_calendars,
)

C = connexys.STANDARD


def evaluate(
    priority: str,
    opened: str,
    events: tuple[tuple[str, str], ...],
    at: str,
    contract: Contract = C,
) -> dict[str, TargetReport]:
    return evaluate_written(contract, priority, opened, events, at, ticket_id="CX-1")


class TestConnexys(ContractBattery):
    IDS = ("connexys/standard",)
    PRIORITIES = (
        "incident-1",
        "incident-2-custom",
        "incident-2-standard",
        "incident-3",
        "question",
        "change",
    )
    DOCUMENT = connexys.DOCUMENT


# -- worked tickets ------------------------------------------------------------------------
@dataclass(frozen=True)
class Case(WorkedCase):
    target: timedelta


# fmt: off
CASES = (
    # "Gebruikersvraag ... uiterlijk 12 uur": Monday 09:00 + 12 h = Tuesday 13:00.
    Case("question response met at exactly 12 h", "Gebruikersvraag", "2026-11-23T09:00+01:00",
         (("2026-11-24T13:00+01:00", "responded"),), "2026-11-24T14:00+01:00",
         "response", Status.MET, "2026-11-24T13:00:00+01:00",
         "2026-11-24T13:00:00+01:00", 12 * H, 12 * H),
    Case("question response breached one second over", "Gebruikersvraag",
         "2026-11-23T09:00+01:00", (("2026-11-24T13:00:01+01:00", "responded"),),
         "2026-11-24T14:00+01:00",
         "response", Status.BREACHED, "2026-11-24T13:00:00+01:00",
         "2026-11-24T13:00:00+01:00", 12 * H + SEC, 12 * H),
    Case("question response running at breach_at", "question", "2026-11-23T09:00+01:00",
         (), "2026-11-24T13:00+01:00",
         "response", Status.RUNNING, "2026-11-24T13:00:00+01:00",
         "2026-11-24T13:00:00+01:00", 12 * H, 12 * H),
    Case("question response breached a second after", "question", "2026-11-23T09:00+01:00",
         (), "2026-11-24T13:00:01+01:00",
         "response", Status.BREACHED, "2026-11-24T13:00:00+01:00",
         "2026-11-24T13:00:00+01:00", 12 * H + SEC, 12 * H),
    # "Niveau 1 incident ... uiterlijk 3 uur", across the weekend: Friday 16:00 + 3 h.
    Case("incident-1 response across the weekend, met", "Niveau 1", "2026-11-27T16:00+01:00",
         (("2026-11-30T11:00+01:00", "responded"),), "2026-11-30T12:00+01:00",
         "response", Status.MET, "2026-11-30T11:00:00+01:00",
         "2026-11-30T11:00:00+01:00", 3 * H, 3 * H),
    Case("incident-1 response across the weekend, breached", "Niveau 1",
         "2026-11-27T16:00+01:00", (("2026-11-30T11:00:01+01:00", "responded"),),
         "2026-11-30T12:00+01:00",
         "response", Status.BREACHED, "2026-11-30T11:00:00+01:00",
         "2026-11-30T11:00:00+01:00", 3 * H + SEC, 3 * H),
    Case("incident-1 response across the weekend, running", "1", "2026-11-27T16:00+01:00",
         (), "2026-11-30T11:00+01:00",
         "response", Status.RUNNING, "2026-11-30T11:00:00+01:00",
         "2026-11-30T11:00:00+01:00", 3 * H, 3 * H),
    Case("incident-1 response across the weekend, breached after", "1",
         "2026-11-27T16:00+01:00", (), "2026-11-30T11:00:01+01:00",
         "response", Status.BREACHED, "2026-11-30T11:00:00+01:00",
         "2026-11-30T11:00:00+01:00", 3 * H + SEC, 3 * H),
    # DST, 25 October 2026: Friday 15:00 CEST + 3 h = Monday 10:00 CET.
    Case("incident-1 response across the autumn DST change", "incident-1",
         "2026-10-23T15:00+02:00", (), "2026-10-26T10:00:01+01:00",
         "response", Status.BREACHED, "2026-10-26T10:00:00+01:00",
         "2026-10-26T10:00:00+01:00", 3 * H + SEC, 3 * H),
    # "Niveau 2 incident ... uiterlijk 1 dag": one working day, Monday 10:30 -> Tuesday 10:30.
    Case("incident-2-custom response met at one working day", "Niveau 2 maatwerk",
         "2026-11-23T10:30+01:00", (("2026-11-24T10:30+01:00", "responded"),),
         "2026-11-24T12:00+01:00",
         "response", Status.MET, "2026-11-24T10:30:00+01:00",
         "2026-11-24T10:30:00+01:00", 8 * H, 8 * H),
    Case("incident-2-custom response breached one second over", "Niveau 2 maatwerk",
         "2026-11-23T10:30+01:00", (("2026-11-24T10:30:01+01:00", "responded"),),
         "2026-11-24T12:00+01:00",
         "response", Status.BREACHED, "2026-11-24T10:30:00+01:00",
         "2026-11-24T10:30:00+01:00", 8 * H + SEC, 8 * H),
    # Across King's Day (Monday 27 April 2026): Friday 14:00 -> Tuesday 28 April 14:00.
    Case("incident-2-standard response across King's Day, running", "Niveau 2 standaard",
         "2026-04-24T14:00+02:00", (), "2026-04-28T14:00+02:00",
         "response", Status.RUNNING, "2026-04-28T14:00:00+02:00",
         "2026-04-28T14:00:00+02:00", 8 * H, 8 * H),
    Case("incident-2-standard response across King's Day, breached", "Niveau 2 standaard",
         "2026-04-24T14:00+02:00", (), "2026-04-28T14:00:01+02:00",
         "response", Status.BREACHED, "2026-04-28T14:00:00+02:00",
         "2026-04-28T14:00:00+02:00", 8 * H + SEC, 8 * H),
    # Across Ascension (Thursday 14 May 2026); the bridge day Friday 15 May is a working day.
    Case("incident-3 response across Ascension, met", "Niveau 3", "2026-05-13T11:00+02:00",
         (("2026-05-15T11:00+02:00", "responded"),), "2026-05-15T12:00+02:00",
         "response", Status.MET, "2026-05-15T11:00:00+02:00",
         "2026-05-15T11:00:00+02:00", 8 * H, 8 * H),
    Case("incident-3 response across Ascension, breached", "Niveau 3",
         "2026-05-13T11:00+02:00", (("2026-05-15T11:00:01+02:00", "responded"),),
         "2026-05-15T12:00+02:00",
         "response", Status.BREACHED, "2026-05-15T11:00:00+02:00",
         "2026-05-15T11:00:00+02:00", 8 * H + SEC, 8 * H),
    # DST, 29 March 2026: Friday 10:00 CET + 1 working day = Monday 10:00 CEST.
    Case("incident-3 response across the spring DST change", "incident-3",
         "2026-03-27T10:00+01:00", (), "2026-03-30T10:00+02:00",
         "response", Status.RUNNING, "2026-03-30T10:00:00+02:00",
         "2026-03-30T10:00:00+02:00", 8 * H, 8 * H),
    # "Wijzigingsverzoek ... uiterlijk 2 dagen", across Christmas: Thursday 24 December
    # 10:00 -> Monday 28 (1), Tuesday 29 December 10:00 (2).
    Case("change response across Christmas, running", "Wijzigingsverzoek",
         "2026-12-24T10:00+01:00", (), "2026-12-29T10:00+01:00",
         "response", Status.RUNNING, "2026-12-29T10:00:00+01:00",
         "2026-12-29T10:00:00+01:00", 16 * H, 16 * H),
    Case("change response across Christmas, breached", "Wijzigingsverzoek",
         "2026-12-24T10:00+01:00", (), "2026-12-29T10:00:01+01:00",
         "response", Status.BREACHED, "2026-12-29T10:00:00+01:00",
         "2026-12-29T10:00:00+01:00", 16 * H + SEC, 16 * H),
    # Asked on Saturday: the working days count from Monday 09:00, so Wednesday 09:00; the
    # 16 h of office time run out at Tuesday 17:00, and Wednesday 09:00 is the breach.
    Case("change response asked on Saturday, running Wednesday 09:00", "change",
         "2026-11-28T12:00+01:00", (), "2026-12-02T09:00+01:00",
         "response", Status.RUNNING, "2026-12-01T17:00:00+01:00",
         "2026-12-02T09:00:00+01:00", 16 * H, 16 * H),
    Case("change response asked on Saturday, breached Wednesday 09:00:01", "change",
         "2026-11-28T12:00+01:00", (), "2026-12-02T09:00:01+01:00",
         "response", Status.BREACHED, "2026-12-01T17:00:00+01:00",
         "2026-12-02T09:00:00+01:00", 16 * H + SEC, 16 * H),
    # The document's example: "een gebruikersvraag ... moet beantwoord worden binnen 24
    # uur": 12 h response (Monday 09:00 -> Tuesday 13:00) + 12 h resolution from the
    # response (Tuesday 13:00 -> Wednesday 17:00): 24 office hours.
    Case("question resolved within 24 h: met at Wednesday 17:00", "Gebruikersvraag",
         "2026-11-23T09:00+01:00",
         (("2026-11-24T13:00+01:00", "responded"), ("2026-11-25T17:00+01:00", "resolved")),
         "2026-11-26T12:00+01:00",
         "resolution", Status.MET, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 12 * H, 12 * H),
    Case("question resolved within 24 h: resolved in the evening, still met",
         "Gebruikersvraag", "2026-11-23T09:00+01:00",
         (("2026-11-24T13:00+01:00", "responded"), ("2026-11-25T20:00+01:00", "resolved")),
         "2026-11-26T12:00+01:00",
         "resolution", Status.MET, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 12 * H, 12 * H),
    Case("question resolved within 24 h: breached at Thursday 09:00:01", "Gebruikersvraag",
         "2026-11-23T09:00+01:00",
         (("2026-11-24T13:00+01:00", "responded"), ("2026-11-26T09:00:01+01:00", "resolved")),
         "2026-11-26T12:00+01:00",
         "resolution", Status.BREACHED, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 12 * H + SEC, 12 * H),
    Case("question resolution running at breach_at Thursday 09:00", "question",
         "2026-11-23T09:00+01:00", (("2026-11-24T13:00+01:00", "responded"),),
         "2026-11-26T09:00+01:00",
         "resolution", Status.RUNNING, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 12 * H, 12 * H),
    Case("question resolution breached at Thursday 09:00:01", "question",
         "2026-11-23T09:00+01:00", (("2026-11-24T13:00+01:00", "responded"),),
         "2026-11-26T09:00:01+01:00",
         "resolution", Status.BREACHED, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 12 * H + SEC, 12 * H),
    # The resolution runs from the actual response: answered Monday 10:00, so 12 h run to
    # Tuesday 14:00 (the end of the response allowance would give Wednesday 17:00).
    Case("question resolution runs from an early response", "question",
         "2026-11-23T09:00+01:00", (("2026-11-23T10:00+01:00", "responded"),),
         "2026-11-24T14:00:01+01:00",
         "resolution", Status.BREACHED, "2026-11-24T14:00:00+01:00",
         "2026-11-24T14:00:00+01:00", 12 * H + SEC, 12 * H),
    # "Niveau 1 incident ... uiterlijk 8 uur", from the response, across the autumn DST
    # change: responded Monday 26 October 10:00 CET -> Tuesday 10:00 CET.
    Case("incident-1 resolution 8 h from the response, met", "incident-1",
         "2026-10-23T15:00+02:00",
         (("2026-10-26T10:00+01:00", "responded"), ("2026-10-27T10:00+01:00", "resolved")),
         "2026-10-27T12:00+01:00",
         "resolution", Status.MET, "2026-10-27T10:00:00+01:00",
         "2026-10-27T10:00:00+01:00", 8 * H, 8 * H),
    Case("incident-1 resolution 8 h from the response, breached", "incident-1",
         "2026-10-23T15:00+02:00",
         (("2026-10-26T10:00+01:00", "responded"), ("2026-10-27T10:00:01+01:00", "resolved")),
         "2026-10-27T12:00+01:00",
         "resolution", Status.BREACHED, "2026-10-27T10:00:00+01:00",
         "2026-10-27T10:00:00+01:00", 8 * H + SEC, 8 * H),
    # "Niveau 2 incident maatwerk ... uiterlijk 5 dagen": responded Monday 11:00 -> Monday
    # 30 November 11:00.
    Case("incident-2-custom resolution 5 working days, met", "Niveau 2 incident maatwerk",
         "2026-11-23T10:00+01:00",
         (("2026-11-23T11:00+01:00", "responded"), ("2026-11-30T11:00+01:00", "resolved")),
         "2026-11-30T12:00+01:00",
         "resolution", Status.MET, "2026-11-30T11:00:00+01:00",
         "2026-11-30T11:00:00+01:00", 40 * H, 40 * H),
    Case("incident-2-custom resolution 5 working days, breached", "Niveau 2 incident maatwerk",
         "2026-11-23T10:00+01:00",
         (("2026-11-23T11:00+01:00", "responded"), ("2026-11-30T11:00:01+01:00", "resolved")),
         "2026-11-30T12:00+01:00",
         "resolution", Status.BREACHED, "2026-11-30T11:00:00+01:00",
         "2026-11-30T11:00:00+01:00", 40 * H + SEC, 40 * H),
    # Across Christmas and New Year: responded Thursday 24 December 10:00 -> 28, 29, 30, 31
    # December, (1 January closed), Monday 4 January 2027 10:00; 7 + 4 x 8 + 1 = 40 h.
    Case("incident-2-custom resolution across Christmas and New Year, running",
         "incident-2-custom", "2026-12-23T14:00+01:00",
         (("2026-12-24T10:00+01:00", "responded"),), "2027-01-04T10:00+01:00",
         "resolution", Status.RUNNING, "2027-01-04T10:00:00+01:00",
         "2027-01-04T10:00:00+01:00", 40 * H, 40 * H),
    Case("incident-2-custom resolution across Christmas and New Year, breached",
         "incident-2-custom", "2026-12-23T14:00+01:00",
         (("2026-12-24T10:00+01:00", "responded"),), "2027-01-04T10:00:01+01:00",
         "resolution", Status.BREACHED, "2027-01-04T10:00:00+01:00",
         "2027-01-04T10:00:00+01:00", 40 * H + SEC, 40 * H),
)
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_worked_ticket(case: Case) -> None:
    r = evaluate(case.priority, case.opened, case.events, case.at)[case.metric]
    assert_worked_case(r, case)
    assert r.target == case.target
    assert r.commitment == "guaranteed"


# -- the clauses ---------------------------------------------------------------------------
def test_table_of_targets() -> None:
    table = {(t.priority, t.metric): (t.within, t.commitment) for t in C.targets}
    g = "guaranteed"
    assert table == {
        ("question", "response"): (12 * H, g),
        ("incident-1", "response"): (3 * H, g),
        ("incident-2-custom", "response"): (WorkingDays(1), g),
        ("incident-2-standard", "response"): (WorkingDays(1), g),
        ("incident-3", "response"): (WorkingDays(1), g),
        ("change", "response"): (WorkingDays(2), g),
        ("question", "resolution"): (12 * H, g),
        ("incident-1", "resolution"): (8 * H, g),
        ("incident-2-custom", "resolution"): (WorkingDays(5), g),
        ("incident-2-standard", "resolution"): (None, g),
        ("incident-3", "resolution"): (None, "best_effort"),
    }
    for t in C.targets:
        assert t.calendar == "office"
        assert not t.pausable
        assert t.starts_on == (
            ("responded", "workaround", "resolved", "closed")
            if t.metric == "resolution"
            else ("opened",)
        )
        assert t.stops_on == (
            ("resolved", "closed")
            if t.metric == "resolution"
            else ("responded", "workaround", "resolved", "closed")
        )
        table_name = "'Oplostijden'" if t.metric == "resolution" else "'Reactie tijden'"
        assert table_name in t.source


def test_office_calendar_closes_the_algemeen_erkende_feestdagen() -> None:
    office = C.calendars["office"]
    nl = Holidays(country="NL", categories=("public", "optional"))
    assert office == Calendar.weekdays(
        "09:00", "17:00", tz="Europe/Amsterdam", holidays=nl, source=office.source
    )
    assert "Kantooruren en werkdagen" in office.source
    assert sorted(nl.dates(2026)) == [
        date(2026, 1, 1),  # Nieuwjaarsdag
        date(2026, 4, 3),  # Goede Vrijdag
        date(2026, 4, 5),  # Eerste Paasdag
        date(2026, 4, 6),  # Tweede Paasdag
        date(2026, 4, 27),  # Koningsdag
        date(2026, 5, 5),  # Bevrijdingsdag
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2026, 5, 24),  # Eerste Pinksterdag
        date(2026, 5, 25),  # Tweede Pinksterdag
        date(2026, 12, 25),  # Eerste Kerstdag
        date(2026, 12, 26),  # Tweede Kerstdag
    ]
    ams = "+02:00"
    assert not office.is_open(instant(f"2026-04-27T12:00{ams}"))  # King's Day
    assert not office.is_open(instant(f"2026-05-14T12:00{ams}"))  # Ascension
    assert office.is_open(instant(f"2026-05-15T12:00{ams}"))  # bridge day: open (choice)


def test_resolution_waits_for_the_response() -> None:
    targets = evaluate("incident-1", "2026-11-23T10:00+01:00", (), "2026-11-24T17:00+01:00")
    r = targets["resolution"]
    assert r.status is Status.NOT_STARTED
    assert r.started_at is None
    assert r.due_at is None
    assert r.target == 8 * H
    assert targets["response"].status is Status.BREACHED


def test_resolution_starts_at_the_response() -> None:
    targets = evaluate(
        "incident-1",
        "2026-11-23T10:00+01:00",
        (("2026-11-23T11:30+01:00", "responded"),),
        "2026-11-23T12:00+01:00",
    )
    r = targets["resolution"]
    assert r.status is Status.RUNNING
    assert_instant(r.started_at, "2026-11-23T11:30:00+01:00")
    assert r.elapsed == timedelta(minutes=30)
    assert_instant(r.due_at, "2026-11-24T11:30:00+01:00")


def test_resolved_at_first_contact_is_judged_resolution_took_no_time() -> None:
    # "Oplostijd is gedefinieerd als de tijd tussen het beëindigen van de reactietijd ... en
    # de werkelijke oplossing": the response ends on `resolved` here, so the resolution
    # starts and stops at 11:00: met, no time, never NOT_STARTED.
    targets = evaluate(
        "question",
        "2026-11-23T10:00+01:00",
        (("2026-11-23T11:00+01:00", "resolved"),),
        "2026-11-23T12:00+01:00",
    )
    assert targets["response"].status is Status.MET
    r = targets["resolution"]
    assert r.status is Status.MET
    assert r.elapsed == timedelta(0)
    assert r.started_at == r.stopped_at == instant("2026-11-23T11:00+01:00")


def test_resolution_starts_on_a_workaround_when_it_ends_the_response() -> None:
    # The first of responded / workaround / resolved / closed ends the response and starts
    # the resolution: a workaround on Monday 11:00, resolved Monday 16:00, 5 office hours.
    targets = evaluate(
        "incident-1",
        "2026-11-23T10:00+01:00",
        (("2026-11-23T11:00+01:00", "workaround"), ("2026-11-23T16:00+01:00", "resolved")),
        "2026-11-24T12:00+01:00",
    )
    assert targets["response"].stopped_at == instant("2026-11-23T11:00+01:00")
    r = targets["resolution"]
    assert r.started_at == instant("2026-11-23T11:00+01:00")
    assert (r.status, r.elapsed) == (Status.MET, timedelta(hours=5))


def test_the_narrower_reading_waits_for_a_responded_event() -> None:
    # The alternative the module documents: starts_on=("responded",) leaves it NOT_STARTED.
    narrow = C.model_copy(
        update={
            "targets": tuple(
                t.model_copy(update={"starts_on": ("responded",)})
                if t.metric == "resolution"
                else t
                for t in C.targets
            )
        }
    )
    targets = evaluate(
        "question",
        "2026-11-23T10:00+01:00",
        (("2026-11-23T11:00+01:00", "resolved"),),
        "2026-11-23T12:00+01:00",
        contract=narrow,
    )
    assert targets["resolution"].status is Status.NOT_STARTED


@pytest.mark.parametrize(
    ("priority", "commitment"),
    [("incident-2-standard", "guaranteed"), ("incident-3", "best_effort")],
)
def test_next_release_has_no_deadline(priority: str, commitment: str) -> None:
    targets = evaluate(
        priority,
        "2026-11-23T10:00+01:00",
        (("2026-11-23T11:00+01:00", "responded"),),
        "2026-11-24T12:00+01:00",
    )
    r = targets["resolution"]
    assert r.status is Status.NO_TARGET
    assert r.target is None
    assert r.due_at is None
    assert r.breach_at is None
    assert r.commitment == commitment
    # The clock still counts: Monday 11:00-17:00 and Tuesday 09:00-12:00.
    assert_instant(r.started_at, "2026-11-23T11:00:00+01:00")
    assert r.elapsed == 9 * H
    # Without a response the resolution clock never starts (still NO_TARGET), and the
    # response is long breached.
    unanswered = evaluate(priority, "2026-11-23T10:00+01:00", (), "2027-06-01T12:00+02:00")
    assert unanswered["resolution"].status is Status.NO_TARGET
    assert unanswered["resolution"].started_at is None
    assert unanswered["response"].status is Status.BREACHED


def test_change_request_has_no_resolution_target() -> None:
    # "Wijzigingsverzoek ... Niet van toepassing"
    targets = evaluate(
        "change",
        "2026-11-23T10:00+01:00",
        (("2026-11-24T10:00+01:00", "responded"),),
        "2026-11-30T12:00+01:00",
    )
    assert set(targets) == {"response"}
    assert targets["response"].status is Status.MET


@pytest.mark.parametrize(
    ("label", "priority"),
    [
        ("Niveau 1 incident", "incident-1"),
        ("niveau-1", "incident-1"),
        ("1", "incident-1"),
        ("Niveau 2 incident maatwerk", "incident-2-custom"),
        ("Niveau 2 incident standaard applicatie", "incident-2-standard"),
        ("Niveau 3 incident standaard applicatie", "incident-3"),
        ("3", "incident-3"),
        ("Gebruikersvraag", "question"),
        ("Wijzigingsverzoek", "change"),
        ("maatwerk wijzigingsverzoek", "change"),
    ],
)
def test_dutch_names_resolve(label: str, priority: str) -> None:
    assert C.priority(label).id == priority


@pytest.mark.parametrize("ambiguous", ["Niveau 2 incident", "Niveau 2", "2"])
def test_level_2_alone_is_ambiguous(ambiguous: str) -> None:
    with pytest.raises(LookupError, match="incident-2-custom"):
        C.priority(ambiguous)


def test_availability_is_99_5_percent_per_month_around_the_clock() -> None:
    (uptime,) = C.availability
    assert (uptime.name, uptime.calendar, uptime.minimum, uptime.period, uptime.planned) == (
        "uptime",
        "24x7",
        0.995,
        "month",
        "exclude",
    )
    assert "Gegarandeerde service niveaus" in uptime.source
    assert any("15 minuten" in n for n in C.notes)
    assert C.interruption_limit is None
    assert C.compliance == ()


# -- the overrides the module docstring offers -----------------------------------------------
def test_override_resolution_from_the_end_of_the_response_allowance() -> None:
    total = {
        "question": timedelta(hours=24),
        "incident-1": timedelta(hours=11),
        "incident-2-custom": WorkingDays(6),
    }
    alt = C.model_copy(
        update={
            "targets": tuple(
                t.model_copy(update={"starts_on": ("opened",), "within": total[t.priority]})
                if t.metric == "resolution" and t.priority in total
                else t
                for t in C.targets
            )
        }
    )
    # An early answer no longer moves the deadline: 24 office hours from Monday 09:00.
    early = (("2026-11-23T10:00+01:00", "responded"),)
    r = evaluate("question", "2026-11-23T09:00+01:00", early, "2026-11-24T14:00:01+01:00", alt)
    assert r["resolution"].status is Status.RUNNING
    assert_instant(r["resolution"].due_at, "2026-11-25T17:00:00+01:00")
    # Level 2 custom: the response allowance ends Tuesday 24 November 10:30, five working
    # days later is Tuesday 1 December 10:30.
    r = evaluate("incident-2-custom", "2026-11-23T10:30+01:00", (), "2026-11-23T11:00+01:00", alt)
    assert_instant(r["resolution"].due_at, "2026-12-01T10:30:00+01:00")
    assert Contract.model_validate_json(alt.model_dump_json()) == alt


def test_override_other_office_hours() -> None:
    nl = Holidays(country="NL", categories=("public", "optional"))
    alt = with_calendars(
        C, office=Calendar.weekdays("08:30", "17:30", tz="Europe/Amsterdam", holidays=nl)
    )
    assert hash(alt) != hash(C)
    r = evaluate("incident-1", "2026-11-23T08:30+01:00", (), "2026-11-23T09:00+01:00", alt)
    assert_instant(r["response"].due_at, "2026-11-23T11:30:00+01:00")


def test_override_closing_the_bridge_days() -> None:
    nl = Holidays(
        country="NL",
        categories=("public", "optional"),
        extra=(date(2026, 5, 15), date(2027, 5, 7)),
    )
    alt = with_calendars(
        C, office=Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam", holidays=nl)
    )
    # Wednesday 13 May 11:00 + 1 working day: Ascension and the bridge day are closed.
    r = evaluate("incident-3", "2026-05-13T11:00+02:00", (), "2026-05-13T12:00+02:00", alt)
    assert_instant(r["response"].due_at, "2026-05-18T11:00:00+02:00")
