"""VIOMS billing (slacalc.billing): units, rates, prepaid cards, evening and weekend fees,
included configuration changes and travel time."""

from __future__ import annotations

import dataclasses
import pickle
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
    configuration_change,
    prepaid_card,
    quote,
    travel,
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
    assert q.included == timedelta(0)
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


# -- configuration changes (section 1 table, 1.2.13) -----------------------------------------
# Section 1, table, row "Configuratiewijzigingen inbegrepen": "Max 15min" (Standaard),
# "Max 1u" (Advanced), "Y" (Enterprise). 1.2.13: "Een aanvraag tot wijziging of
# uitbreiding/inkrimping van een dienst. Bijvoorbeeld het wijzigen van een wachtwoord, het
# verlenen van rechten, het toevoegen of verwijderen van gebruikers."
US = timedelta(microseconds=1)
SECOND = timedelta(seconds=1)


def test_included_configuration_change_table() -> None:
    assert dict(billing.INCLUDED_CONFIGURATION_CHANGE) == {
        "standard": 15 * MIN,  # "Max 15min"
        "advanced": HOUR,  # "Max 1u"
        "enterprise": None,  # "Y": included, no maximum named
    }
    with pytest.raises(TypeError):
        billing.INCLUDED_CONFIGURATION_CHANGE["standard"] = HOUR  # type: ignore[index]


@pytest.mark.parametrize(
    ("duration", "tier", "total"),
    [
        # "Max 15min": up to and including 15:00 is included
        (timedelta(0), "standard", "0.00"),
        (15 * MIN, "standard", "0.00"),
        # one microsecond over is one 15-minute unit at "Tarief buiten SLA" 95.00
        (15 * MIN + US, "standard", "23.75"),
        (16 * MIN, "standard", "23.75"),
        (30 * MIN, "standard", "23.75"),
        (30 * MIN + US, "standard", "47.50"),
        # "Max 1u": exactly 1 hour is included; 1 second over is 1 unit at 90.00
        (HOUR, "advanced", "0.00"),
        (HOUR + SECOND, "advanced", "22.50"),
        (2 * HOUR, "advanced", "90.00"),
        # "Y": any change is included
        (timedelta(0), "enterprise", "0.00"),
        (10 * HOUR, "enterprise", "0.00"),
        (timedelta(days=3), "enterprise", "0.00"),
    ],
)
def test_configuration_change_excess(duration: timedelta, tier: billing.Tier, total: str) -> None:
    q = configuration_change(duration, tier=tier)
    assert q.total == euro(total)
    assert q == configuration_change(duration, tier=tier, over_maximum="excess")
    assert q.hourly_rate == billing.OUTSIDE_SLA_RATE[tier]
    assert q.start_fee == euro("0.00")
    assert "Configuratiewijzigingen inbegrepen" in q.source
    assert q.source.startswith(billing.DOCUMENT)


def test_configuration_change_breakdown() -> None:
    q = configuration_change(15 * MIN + US, tier="standard")
    assert q == Quote(
        units=1,
        hours=euro("0.25"),
        hourly_rate=euro("95.00"),
        start_fee=euro("0.00"),
        labour=euro("23.75"),
        total=euro("23.75"),
        source=q.source,
        included=15 * MIN,
    )
    assert "'Max 15min'" in q.source
    assert "Tarief buiten SLA" in q.source
    free = configuration_change(10 * MIN, tier="standard")
    assert (free.units, free.included, free.total) == (0, 10 * MIN, euro("0.00"))
    assert free.hourly_rate == euro("95.00")  # the rate the time beyond would be paid at
    enterprise = configuration_change(10 * HOUR, tier="enterprise")
    assert (enterprise.units, enterprise.included) == (0, 10 * HOUR)
    assert "'Y'" in enterprise.source


def test_configuration_change_whole() -> None:
    # the whole change is billed once it is over the maximum: 16 min is 2 units
    q = configuration_change(16 * MIN, tier="standard", over_maximum="whole")
    assert (q.units, q.included, q.total) == (2, timedelta(0), euro("47.50"))
    assert configuration_change(15 * MIN, tier="standard", over_maximum="whole").total == euro(
        "0.00"
    )
    assert configuration_change(HOUR, tier="advanced", over_maximum="whole").total == euro("0.00")
    assert configuration_change(HOUR + SECOND, tier="advanced", over_maximum="whole").total == euro(
        "112.50"
    )  # 5 units at 90.00
    assert configuration_change(10 * HOUR, tier="enterprise", over_maximum="whole").total == euro(
        "0.00"
    )
    assert "the whole change is billed" in q.source
    assert "the time beyond it is billed" in configuration_change(16 * MIN, tier="standard").source


@pytest.mark.parametrize(
    ("duration", "tier", "over_maximum", "total"),
    [
        # "Uurtarief strippenkaart": 90 / 85 / 80
        (15 * MIN + US, "standard", "excess", "22.50"),
        (HOUR + SECOND, "advanced", "excess", "21.25"),
        (16 * MIN, "standard", "whole", "45.00"),
        (2 * HOUR, "advanced", "whole", "170.00"),
        (10 * HOUR, "enterprise", "excess", "0.00"),
    ],
)
def test_configuration_change_prepaid(
    duration: timedelta, tier: billing.Tier, over_maximum: Any, total: str
) -> None:
    q = configuration_change(duration, tier=tier, prepaid=True, over_maximum=over_maximum)
    assert q.total == euro(total)
    assert q.hourly_rate == billing.PREPAID_RATE[tier]
    # Enterprise ("Y") bills nothing, so its source cites only the table row
    assert ("strippenkaart" in q.source) == (tier != "enterprise")


@given(
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=2)),
    st.sampled_from(["standard", "advanced", "enterprise"]),
    st.booleans(),
)
def test_configuration_change_is_a_call_of_the_billed_time(
    duration: timedelta, tier: billing.Tier, prepaid: bool
) -> None:
    maximum = billing.INCLUDED_CONFIGURATION_CHANGE[tier]
    excess = configuration_change(duration, tier=tier, prepaid=prepaid)
    whole = configuration_change(duration, tier=tier, prepaid=prepaid, over_maximum="whole")
    if maximum is None or duration <= maximum:
        assert dataclasses.replace(whole, source=excess.source) == excess
        assert (excess.total, excess.included) == (euro("0.00"), duration)
    else:
        assert excess.total == call_cost(duration - maximum, tier=tier, prepaid=prepaid)
        assert excess.included == maximum
        assert whole.total == call_cost(duration, tier=tier, prepaid=prepaid)
        assert whole.included == timedelta(0)
        assert excess.total <= whole.total
    for q in (excess, whole):
        assert q.total == q.start_fee + q.labour
        assert q.hours == Decimal(q.units) / 4
        for name in ("hours", "hourly_rate", "start_fee", "labour", "total"):
            assert_cents(getattr(q, name))


# -- travel (2.3) ----------------------------------------------------------------------------
# 2.3: "Bij elk bezoek wordt de reistijd berekend in uren": per visit, in whole hours,
# rounded up (slacalc's reading), at the tier's "Tarief buiten SLA" (or the card rate).
@pytest.mark.parametrize(
    ("duration", "hours"),
    [
        (timedelta(0), 0),
        (US, 1),
        (MIN, 1),
        (HOUR - US, 1),
        (HOUR, 1),
        (HOUR + US, 2),
        (61 * MIN, 2),
        (2 * HOUR, 2),
        (2 * HOUR + SECOND, 3),
    ],
)
@pytest.mark.parametrize("tier", ["standard", "advanced", "enterprise"])
def test_travel_whole_hours_up(duration: timedelta, hours: int, tier: billing.Tier) -> None:
    q = travel(duration, tier=tier)
    rate = euro(OUTSIDE_SLA[tier])
    assert (q.units, q.hours, q.hourly_rate) == (4 * hours, Decimal(hours), rate)
    assert q.total == q.labour == hours * rate
    assert (q.start_fee, q.included) == (euro("0.00"), timedelta(0))
    assert "berekend in uren" in q.source
    assert "Tarief buiten SLA" in q.source
    card = travel(duration, tier=tier, prepaid=True)
    assert card.total == hours * euro(PREPAID[tier])
    assert "strippenkaart" in card.source


def test_travel_61_minutes_per_tier() -> None:
    assert travel(61 * MIN, tier="standard").total == euro("190.00")
    assert travel(61 * MIN, tier="advanced").total == euro("180.00")
    assert travel(61 * MIN, tier="enterprise").total == euro("170.00")
    assert travel(61 * MIN, tier="standard", prepaid=True).total == euro("180.00")
    assert travel(61 * MIN, tier="enterprise", prepaid=True).total == euro("160.00")
    # the alternative reading (15-minute units, as other work) is quote(...)
    assert quote(61 * MIN, tier="standard").total == euro("118.75")


@given(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)))
def test_travel_hours_cover_the_time_and_no_more(duration: timedelta) -> None:
    q = travel(duration, tier="advanced")
    hours = q.units // 4
    assert q.units % 4 == 0
    assert hours * HOUR >= duration
    assert hours == 0 or (hours - 1) * HOUR < duration
    assert q.total == q.start_fee + q.labour
    assert q.total >= call_cost(duration, tier="advanced")


# -- configuration changes and travel: bad input ---------------------------------------------
WORK = [
    pytest.param(configuration_change, id="configuration_change"),
    pytest.param(travel, id="travel"),
]


@pytest.mark.parametrize("work", WORK)
@pytest.mark.parametrize("value", [15, 15.0, "0:15:00", Decimal("0.25"), None])
def test_work_duration_must_be_a_timedelta(work: Any, value: object) -> None:
    with pytest.raises(BillingError, match=r"duration must be a datetime\.timedelta, got"):
        work(value, tier="standard")


@pytest.mark.parametrize("work", WORK)
def test_work_negative_duration(work: Any) -> None:
    with pytest.raises(BillingError, match=r"duration must not be negative, got .*-1"):
        work(-US, tier="advanced")


@pytest.mark.parametrize("work", WORK)
@pytest.mark.parametrize("tier", ["gold", "Standard", "Standaard", "maatwerk", "", 1])
def test_work_unknown_tier(work: Any, tier: object) -> None:
    with pytest.raises(BillingError, match=rf"unknown tier {re.escape(repr(tier))}; allowed"):
        work(HOUR, tier=tier)


@pytest.mark.parametrize("work", WORK)
def test_work_needs_an_sla(work: Any) -> None:
    # without an SLA nothing is included, and the rate is VIOMS's price list (1.3.15)
    with pytest.raises(BillingError, match=r"tier None \(no SLA\).*price list.*'enterprise'$"):
        work(HOUR, tier=None)
    with pytest.raises(BillingError, match=r"tier None"):
        work(timedelta(0), tier=None)


@pytest.mark.parametrize("work", WORK)
@pytest.mark.parametrize("value", [1, 0, "yes", None])
def test_work_prepaid_must_be_a_bool(work: Any, value: object) -> None:
    with pytest.raises(BillingError, match=rf"prepaid must be True or False, got {value!r}"):
        work(HOUR, tier="standard", prepaid=value)


@pytest.mark.parametrize("value", ["all", "Excess", "", None, True, 1])
def test_configuration_change_unknown_over_maximum(value: object) -> None:
    pattern = rf"unknown over_maximum {re.escape(repr(value))}; allowed: 'excess' .* 'whole'"
    with pytest.raises(BillingError, match=pattern):
        configuration_change(HOUR, tier="standard", over_maximum=value)  # type: ignore[arg-type]


# -- the package -----------------------------------------------------------------------------
SEED_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
PACKAGE = Path(billing.__file__).resolve().parent


def test_document_cites_vendor_and_title() -> None:
    assert billing.DOCUMENT == "VIOMS, Overzicht Service Level Agreements (SLA's)"
    for text in (
        quote(HOUR, tier="standard").source,
        configuration_change(HOUR, tier="standard").source,
        travel(HOUR, tier="standard").source,
    ):
        assert text.startswith(billing.DOCUMENT)


@pytest.mark.parametrize("path", [*sorted(PACKAGE.glob("*.py")), DOCS], ids=lambda p: Path(p).name)
def test_no_seed_file_names_in_what_users_read(path: Path) -> None:
    assert not SEED_NAME.findall(path.read_text(encoding="utf-8"))


def test_public_classes_live_in_slacalc_billing() -> None:
    for cls in (BillingError, Quote):
        assert cls.__module__ == "slacalc.billing"
    q = configuration_change(20 * MIN, tier="advanced")
    assert pickle.loads(pickle.dumps(q)) == q
    assert set(billing.__all__) >= {
        "INCLUDED_CONFIGURATION_CHANGE",
        "TRAVEL_UNIT",
        "configuration_change",
        "travel",
    }
    assert billing.TRAVEL_UNIT == HOUR


# -- docs/billing.md -------------------------------------------------------------------------
BLOCKS = [
    textwrap.dedent(code)
    for code in re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
]


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{n}" for n in range(len(BLOCKS))])
def test_docs_blocks_run(code: str) -> None:
    exec(compile(code, str(DOCS), "exec"), {})


def test_docs_has_blocks() -> None:
    assert len(BLOCKS) >= 4  # the API, configuration changes, travel, errors
