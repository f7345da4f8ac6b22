"""Tests for ``slacalc._contract.terms``: the one rule for a contract's zone.

A contract's zone is the zone of its first calendar (UTC without calendars). Every place
that needs a contract-wide zone uses it: a report's ``at``, the months of availability,
``slacalc.frame``'s results and ``slacalc availability --month``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from slacalc import (
    AvailabilityTarget,
    Calendar,
    Contract,
    Priority,
    Target,
    Ticket,
    availability_by_period,
)
from slacalc.cli import main
from slacalc.frame import evaluate

NY = ZoneInfo("America/New_York")
OFFICE_NY = Calendar.weekdays("09:00", "17:00", tz="America/New_York")


def mixed(first: str) -> Contract:
    """A contract with a UTC and a New York calendar, ``first`` listed first; its
    availability target is the complement of the New York office hours."""
    calendars = {"24x7": Calendar.always("UTC"), "office": OFFICE_NY}
    ordered = dict(sorted(calendars.items(), key=lambda item: item[0] != first))
    return Contract(
        id=f"mixed/{first}",
        calendars=ordered,
        priorities=[Priority(id="P1")],
        targets=[
            Target(metric="response", priority="P1", within=timedelta(hours=1), calendar="office")
        ],
        availability=[AvailabilityTarget(name="nights", calendar="outside:office", minimum=0.9)],
    )


@pytest.mark.parametrize(("first", "zone"), [("24x7", "UTC"), ("office", "America/New_York")])
def test_the_contract_zone_is_its_first_calendars(first: str, zone: str) -> None:
    assert mixed(first).zone.key == zone


def test_a_contract_without_calendars_is_in_utc() -> None:
    assert Contract(id="bare/x", priorities=[Priority(id="P1")]).zone.key == "UTC"


@pytest.mark.parametrize(("first", "offset"), [("24x7", "+00:00"), ("office", "-04:00")])
def test_every_place_reports_in_the_contract_zone(first: str, offset: str) -> None:
    contract = mixed(first)
    opened = datetime(2026, 10, 5, 14, tzinfo=timezone.utc)
    report = contract.evaluate(Ticket(id="T", priority="P1", opened_at=opened), at=opened)
    assert (
        report.at.isoformat() == f"2026-10-05T{'14' if offset == '+00:00' else '10'}:00:00{offset}"
    )
    months = availability_by_period(
        contract,
        [],
        datetime(2026, 10, 1, tzinfo=contract.zone),
        datetime(2026, 11, 1, tzinfo=contract.zone),
    )
    assert [m.start.isoformat() for m in months] == [f"2026-10-01T00:00:00{offset}"]
    results = evaluate(
        pd.DataFrame({"id": ["T"], "priority": ["P1"], "opened_at": [opened.isoformat()]}),
        contract,
        at=opened,
    )
    assert str(results.loc[0, "due_at"].tz) == contract.zone.key


@pytest.mark.parametrize(
    ("first", "start", "end"),
    [
        ("24x7", "2026-11-01T00:00:00+00:00", "2026-12-01T00:00:00+00:00"),
        ("office", "2026-11-01T00:00:00-04:00", "2026-12-01T00:00:00-05:00"),
    ],
)
def test_availability_month_is_cut_in_the_contract_zone(
    first: str, start: str, end: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contract_file = tmp_path / "mixed.json"
    contract_file.write_text(mixed(first).model_dump_json(), encoding="utf-8")
    outages = tmp_path / "outages.csv"
    outages.write_text("start,end\n2026-11-02T03:00Z,2026-11-02T04:00Z\n", encoding="utf-8")
    status = main(
        ["availability", "--contract-file", str(contract_file), str(outages), "--month", "2026-11"]
    )
    period_line = capsys.readouterr().out.splitlines()[1]
    assert f"({start} to {end})" in period_line
    assert status == 0
