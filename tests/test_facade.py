"""Tests for ``slacalc._facade``: ``Contract`` = the terms plus the questions asked of them.

``contract.availability`` is the tuple of availability targets and, called, their
measurement (SPEC 2 and 4), whichever way the contract was built or copied.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

import slacalc
from slacalc import AvailabilityReport, AvailabilityTarget, Contract, Outage, contracts
from slacalc._contract.terms import ContractTerms

AMS = ZoneInfo("Europe/Amsterdam")
JUNE = datetime(2026, 6, 1, tzinfo=AMS)
JULY = datetime(2026, 7, 1, tzinfo=AMS)
# Monday 1 June 2026 17:00-18:00: half in support hours (until 17:30), half outside.
DOWN = Outage(start=datetime(2026, 6, 1, 17, tzinfo=AMS), end=datetime(2026, 6, 1, 18, tzinfo=AMS))
CLOUD = contracts.get("infravision/cloud")

WAYS: dict[str, Callable[[Contract], Contract]] = {
    "as built": lambda c: c,
    "model_validate": lambda c: Contract.model_validate(c.model_dump()),
    "model_validate_json": lambda c: Contract.model_validate_json(c.model_dump_json()),
    "model_construct": lambda c: Contract.model_construct(**dict(c)),
    "model_copy": lambda c: c.model_copy(),
    "model_copy(update)": lambda c: c.model_copy(update={"id": "infravision/copy"}),
    "model_copy(deep)": lambda c: c.model_copy(deep=True),
    "copy.copy": copy.copy,
    "copy.deepcopy": copy.deepcopy,
    "pickle": lambda c: pickle.loads(pickle.dumps(c)),
}


@pytest.mark.parametrize("way", list(WAYS))
def test_availability_is_the_targets_and_measures_them_however_built(way: str) -> None:
    contract = WAYS[way](CLOUD)
    assert contract.availability == CLOUD.availability
    assert [t.name for t in contract.availability] == ["support_hours", "outside_support_hours"]
    report = contract.availability([DOWN], JUNE, JULY)
    assert isinstance(report, AvailabilityReport)
    assert report.windows["support_hours"].downtime == timedelta(minutes=30)
    assert report.windows["outside_support_hours"].downtime == timedelta(minutes=30)


def test_availability_call_takes_keywords() -> None:
    report = CLOUD.availability(outages=[DOWN], start=JUNE, end=JULY)
    assert report.interruptions == 1


def test_availability_equals_and_hashes_as_the_stored_tuple() -> None:
    stored = CLOUD.__dict__["availability"]
    assert type(stored) is tuple
    assert CLOUD.availability == stored
    assert hash(CLOUD.availability) == hash(stored)
    assert hash(CLOUD) == hash(Contract.model_validate_json(CLOUD.model_dump_json()))


def test_model_copy_with_new_targets_measures_the_new_targets() -> None:
    only = (AvailabilityTarget(name="day", calendar="24x7", minimum=0.5),)
    changed = CLOUD.model_copy(update={"availability": only})
    assert list(changed.availability([DOWN], JUNE, JULY).windows) == ["day"]


def test_availability_cannot_be_assigned() -> None:
    with pytest.raises((AttributeError, ValidationError)):
        CLOUD.availability = ()  # type: ignore[misc]


def test_the_dump_holds_the_targets_as_data() -> None:
    dumped = CLOUD.model_dump(mode="json")["availability"]
    assert [t["name"] for t in dumped] == ["support_hours", "outside_support_hours"]


def test_contract_is_its_terms_plus_questions() -> None:
    assert issubclass(Contract, ContractTerms)
    assert Contract.model_json_schema()["title"] == "Contract"
    # the terms, and the default reading of a status history (SPEC 8)
    assert list(Contract.model_fields) == [*ContractTerms.model_fields, "statuses"]


@pytest.mark.parametrize(
    "name", [n for n in slacalc.__all__ if isinstance(getattr(slacalc, n), type)]
)
def test_public_classes_live_in_slacalc(name: str) -> None:
    cls = getattr(slacalc, name)
    assert cls.__module__ == "slacalc"
    assert f"{cls.__module__}.{cls.__qualname__}" == f"slacalc.{name}"


def test_a_pickled_contract_names_slacalc_contract() -> None:
    data = pickle.dumps(CLOUD, protocol=2)  # protocol 2 writes globals as "c<module>\n<name>"
    assert b"cslacalc\nContract\n" in data
    assert b"_facade" not in data
    assert pickle.loads(pickle.dumps(CLOUD)) == CLOUD


def test_a_report_and_its_error_pickle_and_show_the_public_module() -> None:
    report = CLOUD.evaluate(
        slacalc.Ticket(id="T", priority="top", opened_at=JUNE.replace(hour=9)), at=JUNE
    )
    assert pickle.loads(pickle.dumps(report)) == report
    assert repr(slacalc.Status.MET) == "<Status.MET: 'met'>"
    error = slacalc.TicketError("x")
    assert type(error).__module__ == "slacalc"
    assert pickle.loads(pickle.dumps(error)).args == ("x",)
