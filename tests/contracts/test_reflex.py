"""Reflex Online, Basis and Premium SLA.

The shared battery, then worked tickets from the document's own words at their boundary
instants: MET at exactly the target and BREACHED one second of office time over; RUNNING
at ``breach_at`` and BREACHED one second after. Every expected instant is written by hand
with its offset and every evaluation passes an explicit ``at``.

Section 5.3 in office hours (Monday to Friday 09:00-17:00, Europe/Amsterdam, no holidays):
Kritiek (row "Escalatie") workaround 4 h, resolution 24 h; Hoog 8 h and 48 h; Laag no
workaround ("Niet van toepassing"), resolution "uiterlijk binnen 3 maanden" (calendar
months). The reference week is Monday 23 to Sunday 29 November 2026 (CET, +01:00).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from slacalc import (
    Calendar,
    CalendarTime,
    Contract,
    Holidays,
    Status,
    TargetReport,
)
from slacalc.contracts import reflex

from .base import (
    SEC,
    ContractBattery,
    H,
    WorkedCase,
    assert_instant,
    assert_worked_case,
    evaluate_written,
    with_calendars,
)

IDS = ("reflex/basis", "reflex/premium")
BY_ID = {c.id: c for c in reflex.CONTRACTS}


def evaluate(
    contract: Contract, priority: str, opened: str, events: tuple[tuple[str, str], ...], at: str
) -> dict[str, TargetReport]:
    return evaluate_written(contract, priority, opened, events, at, ticket_id="RO-1")


class TestReflex(ContractBattery):
    IDS = IDS
    PRIORITIES = ("critical", "high", "low")
    DOCUMENT = reflex.DOCUMENT


# -- worked tickets ------------------------------------------------------------------------
Case = WorkedCase  # the shared fields are all a Reflex case needs


# fmt: off
CASES = (
    # 5.3 Escalatie, "Binnen 4 uur na de melding": Monday 10:00 + 4 h = 14:00.
    Case("critical workaround met at exactly 4 h", "Kritiek", "2026-11-23T10:00+01:00",
         (("2026-11-23T14:00+01:00", "workaround"),), "2026-11-23T15:00+01:00",
         "workaround", Status.MET, "2026-11-23T14:00:00+01:00",
         "2026-11-23T14:00:00+01:00", 4 * H),
    Case("critical workaround breached one second over", "Kritiek", "2026-11-23T10:00+01:00",
         (("2026-11-23T14:00:01+01:00", "workaround"),), "2026-11-23T15:00+01:00",
         "workaround", Status.BREACHED, "2026-11-23T14:00:00+01:00",
         "2026-11-23T14:00:00+01:00", 4 * H + SEC),
    Case("critical workaround running at breach_at", "Kritiek", "2026-11-23T10:00+01:00",
         (), "2026-11-23T14:00+01:00",
         "workaround", Status.RUNNING, "2026-11-23T14:00:00+01:00",
         "2026-11-23T14:00:00+01:00", 4 * H),
    Case("critical workaround breached a second after", "Kritiek", "2026-11-23T10:00+01:00",
         (), "2026-11-23T14:00:01+01:00",
         "workaround", Status.BREACHED, "2026-11-23T14:00:00+01:00",
         "2026-11-23T14:00:00+01:00", 4 * H + SEC),
    # Due at the close (13:00 + 4 h = 17:00): the breach is the next opening.
    Case("critical workaround due at 17:00, running at Tuesday 09:00", "Escalatie",
         "2026-11-23T13:00+01:00", (), "2026-11-24T09:00+01:00",
         "workaround", Status.RUNNING, "2026-11-23T17:00:00+01:00",
         "2026-11-24T09:00:00+01:00", 4 * H),
    Case("critical workaround due at 17:00, breached at Tuesday 09:00:01", "Escalatie",
         "2026-11-23T13:00+01:00", (), "2026-11-24T09:00:01+01:00",
         "workaround", Status.BREACHED, "2026-11-23T17:00:00+01:00",
         "2026-11-24T09:00:00+01:00", 4 * H + SEC),
    Case("critical workaround in the evening is still met", "Escalatie",
         "2026-11-23T13:00+01:00", (("2026-11-23T20:00+01:00", "workaround"),),
         "2026-11-24T12:00+01:00",
         "workaround", Status.MET, "2026-11-23T17:00:00+01:00",
         "2026-11-24T09:00:00+01:00", 4 * H),
    # The commercial hours start at 08:00 (section 2), the support calendar at 09:00.
    Case("critical reported at 08:00 counts from 09:00", "critical", "2026-11-23T08:00+01:00",
         (), "2026-11-23T13:00+01:00",
         "workaround", Status.RUNNING, "2026-11-23T13:00:00+01:00",
         "2026-11-23T13:00:00+01:00", 4 * H),
    # 5.3 Escalatie, "Binnen 24 uur na de melding": 24 office hours are 3 office days.
    Case("critical resolution: Monday 09:00 + 24 h = Wednesday 17:00, met Thursday 09:00",
         "critical", "2026-11-23T09:00+01:00", (("2026-11-26T09:00+01:00", "resolved"),),
         "2026-11-26T12:00+01:00",
         "resolution", Status.MET, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 24 * H),
    Case("critical resolution breached at Thursday 09:00:01", "critical",
         "2026-11-23T09:00+01:00", (("2026-11-26T09:00:01+01:00", "resolved"),),
         "2026-11-26T12:00+01:00",
         "resolution", Status.BREACHED, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 24 * H + SEC),
    Case("critical resolution running at breach_at Thursday 09:00", "critical",
         "2026-11-23T09:00+01:00", (), "2026-11-26T09:00+01:00",
         "resolution", Status.RUNNING, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 24 * H),
    Case("critical resolution breached at Thursday 09:00:01, running", "critical",
         "2026-11-23T09:00+01:00", (), "2026-11-26T09:00:01+01:00",
         "resolution", Status.BREACHED, "2026-11-25T17:00:00+01:00",
         "2026-11-26T09:00:00+01:00", 24 * H + SEC),
    Case("critical resolution Monday 10:00 + 24 h = Thursday 10:00", "critical",
         "2026-11-23T10:00+01:00", (), "2026-11-26T10:00+01:00",
         "resolution", Status.RUNNING, "2026-11-26T10:00:00+01:00",
         "2026-11-26T10:00:00+01:00", 24 * H),
    # 5.3 Hoog, "Binnen 8 uur": across the weekend, Friday 15:00 + 8 h = Monday 15:00.
    Case("high workaround across the weekend, met", "Hoog", "2026-11-27T15:00+01:00",
         (("2026-11-30T15:00+01:00", "workaround"),), "2026-11-30T16:00+01:00",
         "workaround", Status.MET, "2026-11-30T15:00:00+01:00",
         "2026-11-30T15:00:00+01:00", 8 * H),
    Case("high workaround across the weekend, breached", "Hoog", "2026-11-27T15:00+01:00",
         (("2026-11-30T15:00:01+01:00", "workaround"),), "2026-11-30T16:00+01:00",
         "workaround", Status.BREACHED, "2026-11-30T15:00:00+01:00",
         "2026-11-30T15:00:00+01:00", 8 * H + SEC),
    Case("high workaround across the weekend, running at breach_at", "Hoog",
         "2026-11-27T15:00+01:00", (), "2026-11-30T15:00+01:00",
         "workaround", Status.RUNNING, "2026-11-30T15:00:00+01:00",
         "2026-11-30T15:00:00+01:00", 8 * H),
    Case("high workaround across the weekend, breached a second after", "Hoog",
         "2026-11-27T15:00+01:00", (), "2026-11-30T15:00:01+01:00",
         "workaround", Status.BREACHED, "2026-11-30T15:00:00+01:00",
         "2026-11-30T15:00:00+01:00", 8 * H + SEC),
    Case("high reported on Saturday counts from Monday 09:00", "high",
         "2026-11-28T11:00+01:00", (), "2026-11-30T12:00+01:00",
         "workaround", Status.RUNNING, "2026-11-30T17:00:00+01:00",
         "2026-12-01T09:00:00+01:00", 3 * H),
    # 5.3 Hoog, "Binnen 48 uur": Friday 15:00: 2 h + 5 x 8 h + 6 h = Monday 7 Dec 15:00.
    Case("high resolution 48 h across two weekends", "high", "2026-11-27T15:00+01:00",
         (("2026-12-07T15:00+01:00", "resolved"),), "2026-12-08T09:00+01:00",
         "resolution", Status.MET, "2026-12-07T15:00:00+01:00",
         "2026-12-07T15:00:00+01:00", 48 * H),
    Case("high resolution 48 h, one second over", "high", "2026-11-27T15:00+01:00",
         (("2026-12-07T15:00:01+01:00", "resolved"),), "2026-12-08T09:00+01:00",
         "resolution", Status.BREACHED, "2026-12-07T15:00:00+01:00",
         "2026-12-07T15:00:00+01:00", 48 * H + SEC),
    # DST, 29 March 2026: Friday 09:00 CET + 24 h = Tuesday 17:00 CEST.
    Case("critical resolution across the spring DST change, running", "critical",
         "2026-03-27T09:00+01:00", (), "2026-04-01T09:00+02:00",
         "resolution", Status.RUNNING, "2026-03-31T17:00:00+02:00",
         "2026-04-01T09:00:00+02:00", 24 * H),
    Case("critical resolution across the spring DST change, breached", "critical",
         "2026-03-27T09:00+01:00", (), "2026-04-01T09:00:01+02:00",
         "resolution", Status.BREACHED, "2026-03-31T17:00:00+02:00",
         "2026-04-01T09:00:00+02:00", 24 * H + SEC),
    # DST, 25 October 2026: Friday 13:00 CEST + 8 h = Monday 13:00 CET.
    Case("high workaround across the autumn DST change, met", "high",
         "2026-10-23T13:00+02:00", (("2026-10-26T13:00+01:00", "workaround"),),
         "2026-10-26T14:00+01:00",
         "workaround", Status.MET, "2026-10-26T13:00:00+01:00",
         "2026-10-26T13:00:00+01:00", 8 * H),
    Case("high workaround across the autumn DST change, breached", "high",
         "2026-10-23T13:00+02:00", (("2026-10-26T13:00:01+01:00", "workaround"),),
         "2026-10-26T14:00+01:00",
         "workaround", Status.BREACHED, "2026-10-26T13:00:00+01:00",
         "2026-10-26T13:00:00+01:00", 8 * H + SEC),
    # No holidays are named: King's Day (Monday 27 April 2026) and Christmas are office days.
    Case("critical workaround runs on King's Day", "critical", "2026-04-24T15:00+02:00",
         (), "2026-04-27T11:00+02:00",
         "workaround", Status.RUNNING, "2026-04-27T11:00:00+02:00",
         "2026-04-27T11:00:00+02:00", 4 * H),
    Case("high workaround runs on Christmas Day", "high", "2026-12-24T16:00+01:00",
         (), "2026-12-25T16:00:01+01:00",
         "workaround", Status.BREACHED, "2026-12-25T16:00:00+01:00",
         "2026-12-25T16:00:00+01:00", 8 * H + SEC),
    # 5.3 Laag, "uiterlijk binnen 3 maanden na de melding": calendar months, around the
    # clock. 31 January + 3 months = 30 April (relativedelta), across the spring DST change:
    # 89 days less the hour the clocks went forward.
    Case("low resolution three months, met at exactly the deadline", "Laag",
         "2026-01-31T10:00+01:00", (("2026-04-30T10:00+02:00", "resolved"),),
         "2026-05-01T10:00+02:00",
         "resolution", Status.MET, "2026-04-30T10:00:00+02:00",
         "2026-04-30T10:00:00+02:00", timedelta(days=89) - H),
    Case("low resolution three months, breached one second over", "Laag",
         "2026-01-31T10:00+01:00", (("2026-04-30T10:00:01+02:00", "resolved"),),
         "2026-05-01T10:00+02:00",
         "resolution", Status.BREACHED, "2026-04-30T10:00:00+02:00",
         "2026-04-30T10:00:00+02:00", timedelta(days=89) - H + SEC),
    Case("low resolution three months, running at breach_at", "low",
         "2026-01-31T10:00+01:00", (), "2026-04-30T10:00+02:00",
         "resolution", Status.RUNNING, "2026-04-30T10:00:00+02:00",
         "2026-04-30T10:00:00+02:00", timedelta(days=89) - H),
    Case("low resolution three months, breached a second after", "low",
         "2026-01-31T10:00+01:00", (), "2026-04-30T10:00:01+02:00",
         "resolution", Status.BREACHED, "2026-04-30T10:00:00+02:00",
         "2026-04-30T10:00:00+02:00", timedelta(days=89) - H + SEC),
    # Calendar time ignores office hours: 30 November 16:00 + 3 months = Sunday 28 Feb 2027.
    Case("low resolution due on a Sunday", "low", "2026-11-30T16:00+01:00",
         (), "2027-02-28T16:00+01:00",
         "resolution", Status.RUNNING, "2027-02-28T16:00:00+01:00",
         "2027-02-28T16:00:00+01:00", timedelta(days=90)),
)
# fmt: on


@pytest.mark.parametrize("contract_id", IDS)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_worked_ticket(contract_id: str, case: Case) -> None:
    targets = evaluate(BY_ID[contract_id], case.priority, case.opened, case.events, case.at)
    r = targets[case.metric]
    assert_worked_case(r, case)
    assert r.commitment == "aim"


# -- the clauses ---------------------------------------------------------------------------
def test_basis_and_premium_share_the_targets_of_section_5_3() -> None:
    basis, premium = BY_ID["reflex/basis"], BY_ID["reflex/premium"]
    assert basis.targets == premium.targets
    assert basis.calendars == premium.calendars
    assert basis.priorities == premium.priorities
    assert basis.availability == premium.availability
    assert basis.notes != premium.notes
    assert any("e-mail" in n for n in premium.notes)
    assert not any("e-mail" in n for n in basis.notes)


def test_table_of_targets() -> None:
    table = {(t.priority, t.metric): t.within for t in BY_ID["reflex/basis"].targets}
    assert table == {
        ("critical", "workaround"): 4 * H,
        ("critical", "resolution"): 24 * H,
        ("high", "workaround"): 8 * H,
        ("high", "resolution"): 48 * H,
        ("low", "resolution"): CalendarTime(months=3),
    }
    for t in BY_ID["reflex/basis"].targets:
        assert t.commitment == "aim"
        assert t.calendar == "office"
        assert t.starts_on == ("opened",)
        assert not t.pausable
        assert "section 5.3" in t.source


def test_office_calendar_is_weekdays_nine_to_five_without_holidays() -> None:
    office = BY_ID["reflex/basis"].calendars["office"]
    assert office == Calendar.weekdays(
        "09:00", "17:00", tz="Europe/Amsterdam", source=office.source
    )
    assert office.holidays is None
    assert "section 4" in office.source


def test_low_has_no_workaround_target() -> None:
    # "Laag ... Workaround geactiveerd: Niet van toepassing"
    targets = evaluate(
        BY_ID["reflex/basis"], "low", "2026-11-23T10:00+01:00", (), "2026-11-24T10:00+01:00"
    )
    assert set(targets) == {"resolution"}
    critical = evaluate(
        BY_ID["reflex/basis"], "critical", "2026-11-23T10:00+01:00", (), "2026-11-23T11:00+01:00"
    )
    assert set(critical) == {"workaround", "resolution"}


def test_low_target_is_the_real_time_of_three_calendar_months() -> None:
    targets = evaluate(
        BY_ID["reflex/basis"], "low", "2026-01-31T10:00+01:00", (), "2026-02-01T10:00+01:00"
    )
    r = targets["resolution"]
    assert r.target == timedelta(days=89) - H
    assert r.remaining == timedelta(days=88) - H


@pytest.mark.parametrize(
    ("label", "priority"),
    [("Kritiek", "critical"), ("Escalatie", "critical"), ("HOOG", "high"), ("laag", "low")],
)
def test_dutch_names_resolve(label: str, priority: str) -> None:
    assert BY_ID["reflex/premium"].priority(label).id == priority


def test_availability_is_99_9_percent_per_calendar_year_around_the_clock() -> None:
    (uptime,) = BY_ID["reflex/basis"].availability
    assert (uptime.name, uptime.calendar, uptime.minimum, uptime.period, uptime.planned) == (
        "uptime",
        "24x7",
        0.999,
        "year",
        "exclude",
    )
    assert "section 3" in uptime.source
    assert BY_ID["reflex/basis"].interruption_limit is None
    assert BY_ID["reflex/basis"].compliance == ()


# -- the overrides the module docstring offers -----------------------------------------------
def test_override_resolution_in_clock_hours() -> None:
    c = BY_ID["reflex/basis"]
    clock = {"critical": CalendarTime(hours=24), "high": CalendarTime(hours=48)}
    alt = c.model_copy(
        update={
            "targets": tuple(
                t.model_copy(update={"within": clock[t.priority]})
                if t.metric == "resolution" and t.priority in clock
                else t
                for t in c.targets
            )
        }
    )
    targets = evaluate(alt, "critical", "2026-11-23T10:00+01:00", (), "2026-11-23T12:00+01:00")
    assert_instant(targets["resolution"].due_at, "2026-11-24T10:00:00+01:00")
    assert_instant(targets["workaround"].due_at, "2026-11-23T14:00:00+01:00")
    assert Contract.model_validate_json(alt.model_dump_json()) == alt


def test_override_closing_the_dutch_holidays() -> None:
    c = BY_ID["reflex/basis"]
    nl = Holidays(country="NL", categories=("public", "optional"))
    alt = with_calendars(
        c, office=Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam", holidays=nl)
    )
    assert hash(alt) != hash(c)
    targets = evaluate(alt, "critical", "2026-04-24T15:00+02:00", (), "2026-04-27T11:00+02:00")
    # King's Day is closed now: Friday 2 h, then Tuesday 28 April 09:00-11:00.
    assert_instant(targets["workaround"].due_at, "2026-04-28T11:00:00+02:00")
    assert date(2026, 4, 27) in nl.dates(2026)


def test_override_fixed_utc_plus_one() -> None:
    c = BY_ID["reflex/basis"]
    alt = with_calendars(c, office=Calendar.weekdays("09:00", "17:00", tz="Etc/GMT-1"))
    # In summer, 09:00 UTC+1 is 10:00 in Amsterdam: Monday 6 July 10:00 CEST + 4 h.
    targets = evaluate(alt, "critical", "2026-07-06T09:00+02:00", (), "2026-07-06T10:00+02:00")
    assert_instant(targets["workaround"].due_at, "2026-07-06T13:00:00+01:00")


def test_override_planned_maintenance_counts_as_down() -> None:
    c = BY_ID["reflex/basis"]
    alt = c.model_copy(
        update={
            "availability": (c.availability[0].model_copy(update={"planned": "count_as_down"}),)
        }
    )
    assert alt.availability[0].planned == "count_as_down"
    assert hash(alt) != hash(c)
