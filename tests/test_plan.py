"""Tests for ``slacalc._clock.plan``: what evaluating against a contract looks up once.

The plan is cached beside its contract (weakly keyed by it), so it must never hold the
contract: a service that loads contracts per request would otherwise keep every one.
"""

from __future__ import annotations

import gc
import weakref
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from slacalc import Contract, Ticket, TicketError, contracts, evaluate_many
from slacalc._clock.plan import plan_for

AMS = ZoneInfo("Europe/Amsterdam")
OPENED = datetime(2026, 11, 23, 16, tzinfo=AMS)
AT = datetime(2026, 11, 24, 16, tzinfo=AMS)
TICKET = Ticket(id="T-1", priority="P1", opened_at=OPENED)


def test_evaluated_copies_of_a_contract_do_not_outlive_their_last_reference() -> None:
    base = contracts.get("vioms/advanced")
    refs: list[weakref.ref[Contract]] = []
    for n in range(1000):
        copy = base.model_copy(update={"id": f"copy/{n}"})
        assert copy.evaluate(TICKET, at=OPENED).targets["response"].status.value == "running"
        refs.append(weakref.ref(copy))
    del copy
    gc.collect()
    assert sum(ref() is not None for ref in refs) == 0


def test_contracts_loaded_per_request_do_not_outlive_the_request() -> None:
    source = contracts.get("connexys/standard").model_dump_json()
    refs: list[weakref.ref[Contract]] = []
    for _ in range(200):
        contract = Contract.model_validate_json(source)
        batch = evaluate_many(contract, [TICKET.model_copy(update={"priority": "incident-1"})], AT)
        assert len(batch.reports) == 1
        refs.append(weakref.ref(contract))
    del contract, batch
    gc.collect()
    assert [ref() for ref in refs] == [None] * 200


def test_the_plan_outlives_its_contract_without_keeping_it() -> None:
    contract = contracts.get("vioms/standard").model_copy(update={"id": "held/not"})
    plan = plan_for(contract)
    ref = weakref.ref(contract)
    del contract
    gc.collect()
    assert ref() is None
    assert plan.contract_id == "held/not"
    assert plan.priority_id("PRIO 3", lambda: "ticket X") == "P3"


def test_one_plan_per_contract_object() -> None:
    contract = contracts.get("vioms/standard")
    assert plan_for(contract) is plan_for(contract)
    twin = contract.model_copy()
    assert plan_for(twin) is not plan_for(contract)


@pytest.mark.parametrize(("name", "pid"), [("P1", "P1"), ("prio 1", "P1"), ("PRIO-2", "P2")])
def test_priority_id_by_id_or_alias(name: str, pid: str) -> None:
    plan = plan_for(contracts.get("vioms/advanced"))
    assert plan.priority_id(name, lambda: "ticket X") == pid


def test_unknown_priority_names_the_ticket_and_the_valid_ids() -> None:
    plan = plan_for(contracts.get("vioms/advanced"))
    with pytest.raises(TicketError, match=r"^ticket X: unknown priority 'P9'; use one of P1, P2"):
        plan.priority_id("P9", lambda: "ticket X")
