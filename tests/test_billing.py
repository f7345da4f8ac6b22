"""VIOMS billing (slacalc.billing): units, rates, prepaid cards, evening and weekend fees."""

from __future__ import annotations

import dataclasses
import re
import textwrap
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc import billing
from slacalc._base.errors import SlacalcError
from slacalc.billing import (
    BillingError,
    Quote,
    call_cost,
    prepaid_card,
    quote,
    units,
)

MIN = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DOCS = Path(__file__).resolve().parent.parent / "docs" / "billing.md"


def euro(text: str) -> Decimal:
    return Decimal(text)


def assert_cents(amount: object) -> None:
    """A Decimal (never a float) with exactly two decimals."""
    assert type(amount) is Decimal
    assert isinstance(amount, Decimal)
    assert amount.as_tuple().exponent == -2


# -- units ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        (timedelta(0), 0),
        (timedelta(microseconds=1), 1),
        (timedelta(seconds=1), 1),
        (timedelta(minutes=14, seconds=59), 1),
        (timedelta(minutes=15), 1),
        (timedelta(minutes=15, seconds=1), 2),
        (timedelta(minutes=15, microseconds=1), 2),
        (timedelta(minutes=30), 2),
        (HOUR, 4),
        (HOUR + timedelta(seconds=1), 5),
        (timedelta(days=1), 96),
    ],
)
def test_units_round_up_to_15_minutes(duration: timedelta, expected: int) -> None:
    assert units(duration) == expected
    assert type(units(duration)) is int


@given(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)))
def test_units_cover_the_duration_and_no_more(duration: timedelta) -> None:
    n = units(duration)
    assert n * billing.UNIT >= duration
    assert n == 0 or (n - 1) * billing.UNIT < duration


@given(
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=2)),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=2)),
)
def test_units_are_monotonic(a: timedelta, b: timedelta) -> None:
    lo, hi = sorted((a, b))
    assert units(lo) <= units(hi)


# -- rates during service hours --------------------------------------------------------------
OUTSIDE_SLA = {"standard": "95.00", "advanced": "90.00", "enterprise": "85.00"}
PREPAID = {"standard": "90.00", "advanced": "85.00", "enterprise": "80.00"}


@pytest.mark.parametrize("tier", ["standard", "advanced", "enterprise"])
def test_outside_sla_rate_per_tier(tier: billing.Tier) -> None:
    rate = euro(OUTSIDE_SLA[tier])
    assert billing.OUTSIDE_SLA_RATE[tier] == rate
    assert call_cost(HOUR, tier=tier) == rate
    assert call_cost(timedelta(minutes=15), tier=tier) == rate / 4
    assert call_cost(timedelta(minutes=15, seconds=1), tier=tier) == rate / 2
    assert call_cost(timedelta(seconds=1), tier=tier) == rate / 4
    assert call_cost(timedelta(0), tier=tier) == euro("0.00")


@pytest.mark.parametrize("tier", ["standard", "advanced", "enterprise"])
def test_prepaid_rate_per_tier(tier: billing.Tier) -> None:
    rate = euro(PREPAID[tier])
    assert billing.PREPAID_RATE[tier] == rate
    assert call_cost(HOUR, tier=tier, prepaid=True) == rate
    assert call_cost(timedelta(minutes=15), tier=tier, prepaid=True) == rate / 4
    assert call_cost(timedelta(minutes=15, seconds=1), tier=tier, prepaid=True) == rate / 2


def test_15_00_and_15_01_minutes() -> None:
    assert call_cost(timedelta(minutes=15), tier="standard") == euro("23.75")
    assert call_cost(timedelta(minutes=15, seconds=1), tier="standard") == euro("47.50")
    assert call_cost(timedelta(minutes=15), tier="enterprise", prepaid=True) == euro("20.00")
    assert call_cost(timedelta(minutes=16), tier="enterprise", prepaid=True) == euro("40.00")


def test_add_on_changes_nothing_in_service_hours() -> None:
    for tier in ("advanced", "enterprise"):
        assert call_cost(HOUR, tier=tier, add_on=True) == call_cost(HOUR, tier=tier)
        assert call_cost(HOUR, tier=tier, add_on=True, prepaid=True) == call_cost(
            HOUR, tier=tier, prepaid=True
        )


def test_quote_breakdown() -> None:
    q = quote(timedelta(minutes=50), tier="advanced")
    assert q == Quote(
        units=4,
        hours=euro("1.00"),
        hourly_rate=euro("90.00"),
        start_fee=euro("0.00"),
        labour=euro("90.00"),
        total=euro("90.00"),
        source=q.source,
    )
    assert "Tarief buiten SLA" in q.source
    assert "strippenkaart" in quote(HOUR, tier="advanced", prepaid=True).source
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.total = euro("1.00")  # type: ignore[misc]


# -- evening and weekend (1.3.16) ------------------------------------------------------------
@pytest.mark.parametrize("tier", ["advanced", "enterprise"])
def test_evening_weekend_with_add_on_is_included(tier: billing.Tier) -> None:
    q = quote(2 * HOUR, tier=tier, evening_weekend=True, add_on=True)
    assert (q.units, q.start_fee, q.hourly_rate, q.total) == (
        8,
        euro("0.00"),
        euro("0.00"),
        euro("0.00"),
    )
    # the add-on covers it; a prepaid card is not debited
    assert call_cost(HOUR, tier=tier, evening_weekend=True, add_on=True, prepaid=True) == euro(
        "0.00"
    )


@pytest.mark.parametrize("tier", ["standard", "advanced", "enterprise"])
def test_evening_weekend_with_sla_without_add_on(tier: billing.Tier) -> None:
    rate = euro(OUTSIDE_SLA[tier])
    q = quote(HOUR, tier=tier, evening_weekend=True)
    assert (q.start_fee, q.hourly_rate, q.total) == (euro("100.00"), rate, euro("100.00") + rate)
    assert call_cost(timedelta(minutes=15, seconds=1), tier=tier, evening_weekend=True) == (
        euro("100.00") + rate / 2
    )
    # the start fee is due whatever the time spent (1.3.16, 2.4)
    assert call_cost(timedelta(0), tier=tier, evening_weekend=True) == euro("100.00")


def test_evening_weekend_without_sla() -> None:
    q = quote(HOUR, tier=None, evening_weekend=True)
    assert (q.start_fee, q.hourly_rate, q.total) == (euro("160.00"), euro("160.00"), euro("320.00"))
    assert call_cost(timedelta(minutes=15), tier=None, evening_weekend=True) == euro("200.00")
    assert call_cost(timedelta(minutes=15, seconds=1), tier=None, evening_weekend=True) == euro(
        "240.00"
    )
    assert call_cost(timedelta(0), tier=None, evening_weekend=True) == euro("160.00")


def test_start_fees_table() -> None:
    assert dict(billing.START_FEE) == {
        "add_on": euro("0.00"),
        "sla": euro("100.00"),
        "no_sla": euro("160.00"),
    }
    assert euro("160.00") == billing.EVENING_WEEKEND_NO_SLA_RATE
    with pytest.raises(TypeError):
        billing.START_FEE["sla"] = euro("1.00")  # type: ignore[index]


# -- prepaid cards ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("tier", "price"), [("standard", "450.00"), ("advanced", "425.00"), ("enterprise", "400.00")]
)
def test_prepaid_card_of_5_hours(tier: billing.Tier, price: str) -> None:
    assert prepaid_card(5 * HOUR, tier=tier) == euro(price)
    assert_cents(prepaid_card(5 * HOUR, tier=tier))


def test_prepaid_card_larger() -> None:
    assert prepaid_card(10 * HOUR, tier="standard") == euro("900.00")
    assert prepaid_card(5 * HOUR + 15 * MIN, tier="advanced") == euro("446.25")


def test_prepaid_card_under_5_hours() -> None:
    with pytest.raises(BillingError, match=r"at least 5 hours .*got 4:59:00"):
        prepaid_card(4 * HOUR + 59 * MIN, tier="advanced")
    with pytest.raises(BillingError, match="at least 5 hours"):
        prepaid_card(timedelta(0), tier="standard")


def test_prepaid_card_whole_units() -> None:
    with pytest.raises(BillingError, match=r"whole number of 15-minute units, got 5:10:00"):
        prepaid_card(5 * HOUR + 10 * MIN, tier="enterprise")


# -- types -----------------------------------------------------------------------------------
CASES: list[dict[str, Any]] = [
    {"tier": t, "prepaid": p, "evening_weekend": e, "add_on": a}
    for t in ("standard", "advanced", "enterprise", None)
    for p in (False, True)
    for e in (False, True)
    for a in (False, True)
]


def _valid(case: dict[str, Any]) -> bool:
    tier, prepaid, evening, add_on = (
        case["tier"],
        case["prepaid"],
        case["evening_weekend"],
        case["add_on"],
    )
    if add_on and tier not in ("advanced", "enterprise"):
        return False
    if evening and prepaid and not add_on:
        return False
    return not (tier is None and not evening)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("minutes", [0, 1, 15, 16, 37, 60, 61, 500])
def test_amounts_are_decimal_cents_never_floats(case: dict[str, Any], minutes: int) -> None:
    if not _valid(case):
        with pytest.raises(BillingError):
            quote(minutes * MIN, **case)
        return
    q = quote(minutes * MIN, **case)
    for name in ("hours", "hourly_rate", "start_fee", "labour", "total"):
        assert_cents(getattr(q, name))
    assert type(q.units) is int
    assert q.total == q.start_fee + q.labour
    assert q.labour == q.hours * q.hourly_rate
    assert call_cost(minutes * MIN, **case) == q.total
    assert_cents(call_cost(minutes * MIN, **case))


def test_no_floats_in_the_module_constants() -> None:
    for table in (billing.OUTSIDE_SLA_RATE, billing.PREPAID_RATE, billing.START_FEE):
        for value in table.values():
            assert_cents(value)
    assert_cents(billing.EVENING_WEEKEND_NO_SLA_RATE)


# -- bad input -------------------------------------------------------------------------------
def test_billing_error_is_a_value_error_and_slacalc_error() -> None:
    assert issubclass(BillingError, ValueError)
    assert issubclass(BillingError, SlacalcError)


def test_negative_time() -> None:
    with pytest.raises(BillingError, match="duration must not be negative"):
        units(-timedelta(seconds=1))
    with pytest.raises(BillingError, match="duration must not be negative"):
        call_cost(-MIN, tier="standard")
    with pytest.raises(BillingError, match="hours must not be negative"):
        prepaid_card(-HOUR, tier="standard")


@pytest.mark.parametrize("value", [15, 15.0, "0:15:00", Decimal("0.25"), None])
def test_duration_must_be_a_timedelta(value: object) -> None:
    with pytest.raises(BillingError, match=r"must be a datetime\.timedelta, got"):
        units(value)  # type: ignore[arg-type]
    with pytest.raises(BillingError, match=r"must be a datetime\.timedelta, got"):
        prepaid_card(value, tier="standard")  # type: ignore[arg-type]


@pytest.mark.parametrize("tier", ["gold", "Standard", "Standaard", "", 1])
def test_unknown_tier(tier: object) -> None:
    with pytest.raises(BillingError, match=rf"unknown tier {re.escape(repr(tier))}; allowed"):
        call_cost(HOUR, tier=tier)  # type: ignore[arg-type]
    with pytest.raises(BillingError, match=r"unknown tier .*allowed: 'standard', 'advanced'"):
        prepaid_card(5 * HOUR, tier=tier)  # type: ignore[arg-type]


def test_prepaid_card_needs_an_sla() -> None:
    with pytest.raises(BillingError, match=r"unknown tier None; allowed: .*'enterprise'$"):
        prepaid_card(5 * HOUR, tier=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("tier", ["standard", None])
def test_add_on_needs_advanced_or_enterprise(tier: billing.Tier | None) -> None:
    with pytest.raises(BillingError, match=r"add_on=True with tier .*'advanced' and 'enterprise'"):
        call_cost(HOUR, tier=tier, evening_weekend=True, add_on=True)
    with pytest.raises(BillingError, match="add_on=True"):
        call_cost(HOUR, tier=tier, add_on=True)


def test_prepaid_evening_weekend_without_add_on() -> None:
    with pytest.raises(BillingError, match="names no prepaid rate"):
        call_cost(HOUR, tier="advanced", prepaid=True, evening_weekend=True)


def test_no_sla_outside_evening_weekend_has_no_rate() -> None:
    with pytest.raises(BillingError, match="without an SLA outside the evening"):
        call_cost(HOUR, tier=None)
    with pytest.raises(BillingError, match="without an SLA outside the evening"):
        call_cost(HOUR, tier=None, prepaid=True)


# -- docs/billing.md -------------------------------------------------------------------------
BLOCKS = [
    textwrap.dedent(code)
    for code in re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
]


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{n}" for n in range(len(BLOCKS))])
def test_docs_blocks_run(code: str) -> None:
    exec(compile(code, str(DOCS), "exec"), {})


def test_docs_has_blocks() -> None:
    assert len(BLOCKS) >= 2
