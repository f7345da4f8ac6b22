"""Tests for ``slacalc._calendar.holidays``: the ``holidays`` package's dates, plus and minus."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from slacalc import Holidays

NL_2026_PUBLIC_AND_OPTIONAL = frozenset(
    {
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
    }
)


def test_dutch_public_and_optional_holidays_2026() -> None:
    nl = Holidays(country="NL", categories=("public", "optional"))
    assert nl.dates(2026) == NL_2026_PUBLIC_AND_OPTIONAL


@pytest.mark.parametrize(
    ("day", "included"),
    [
        (date(2026, 1, 1), True),
        (date(2026, 4, 27), True),
        (date(2026, 12, 25), True),
        (date(2026, 12, 31), False),
        (date(2026, 11, 23), False),
    ],
)
def test_default_category_is_public(day: date, included: bool) -> None:
    nl = Holidays(country="NL")
    assert nl.categories == ("public",)
    assert (day in nl.dates(2026)) is included
    assert nl.dates(2026) <= NL_2026_PUBLIC_AND_OPTIONAL


def test_dates_are_of_that_year_only() -> None:
    nl = Holidays(country="NL", categories=("public", "optional"))
    assert all(d.year == 2027 for d in nl.dates(2027))
    assert date(2027, 1, 1) in nl.dates(2027)
    assert date(2026, 1, 1) not in nl.dates(2027)


def test_defaults() -> None:
    nl = Holidays(country="NL")
    assert nl.subdiv is None
    assert nl.extra == ()
    assert nl.removed == ()


# -- extra and removed --------------------------------------------------------------------


def test_extra_adds_dates() -> None:
    nl = Holidays(country="NL", categories=("public", "optional"), extra=[date(2026, 5, 15)])
    assert nl.dates(2026) == NL_2026_PUBLIC_AND_OPTIONAL | {date(2026, 5, 15)}


def test_extra_of_another_year_stays_in_its_year() -> None:
    nl = Holidays(country="NL", categories=("public", "optional"), extra=[date(2027, 5, 7)])
    assert nl.dates(2026) == NL_2026_PUBLIC_AND_OPTIONAL
    assert date(2027, 5, 7) in nl.dates(2027)


def test_removed_takes_dates_out() -> None:
    nl = Holidays(
        country="NL",
        categories=("public", "optional"),
        removed=[date(2026, 5, 5), date(2026, 4, 3)],
    )
    assert nl.dates(2026) == NL_2026_PUBLIC_AND_OPTIONAL - {date(2026, 5, 5), date(2026, 4, 3)}


def test_removing_a_date_that_is_no_holiday_changes_nothing() -> None:
    nl = Holidays(country="NL", categories=("public", "optional"), removed=[date(2026, 7, 1)])
    assert nl.dates(2026) == NL_2026_PUBLIC_AND_OPTIONAL


def test_extra_and_removed_are_sorted_sets() -> None:
    nl = Holidays(
        country="NL",
        extra=[date(2026, 8, 1), date(2026, 7, 1), date(2026, 8, 1)],
        removed=(date(2026, 12, 26), date(2026, 1, 1)),
    )
    assert nl.extra == (date(2026, 7, 1), date(2026, 8, 1))
    assert nl.removed == (date(2026, 1, 1), date(2026, 12, 26))


def test_subdivision() -> None:
    california = Holidays(country="US", subdiv="CA")
    assert california.subdiv == "CA"
    assert date(2026, 7, 4) in california.dates(2026) or date(2026, 7, 3) in california.dates(2026)


# -- normalisation and model behaviour ----------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"country": "nl"}, {"country": "NL"}),
        ({"country": " NL "}, {"country": "NL"}),
        (
            {"country": "NL", "categories": ["optional", "public"]},
            {"country": "NL", "categories": ("public", "optional")},
        ),
        (
            {"country": "NL", "categories": ("Public",)},
            {"country": "NL", "categories": ("public",)},
        ),
        (
            {"country": "NL", "extra": [date(2026, 5, 15)]},
            {"country": "NL", "extra": (date(2026, 5, 15),)},
        ),
        (
            {"country": "NL", "removed": ["2026-05-05"]},
            {"country": "NL", "removed": [date(2026, 5, 5)]},
        ),
    ],
)
def test_equal_inputs_give_equal_models(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert Holidays(**a) == Holidays(**b)
    assert hash(Holidays(**a)) == hash(Holidays(**b))


@pytest.mark.parametrize(
    "holidays",
    [
        Holidays(country="NL"),
        Holidays(country="NL", categories=("public", "optional")),
        Holidays(country="NL", extra=[date(2026, 5, 15)], removed=[date(2026, 5, 5)]),
        Holidays(country="US", subdiv="CA"),
    ],
)
def test_json_round_trip(holidays: Holidays) -> None:
    via_python = Holidays.model_validate(holidays.model_dump(mode="json"))
    via_json = Holidays.model_validate_json(holidays.model_dump_json())
    for back in (via_python, via_json):
        assert back == holidays
        assert hash(back) == hash(holidays)
        assert back.dates(2026) == holidays.dates(2026)


def test_frozen() -> None:
    nl = Holidays(country="NL")
    with pytest.raises(ValidationError, match="frozen"):
        nl.country = "US"  # type: ignore[misc]


def test_json_schema() -> None:
    schema = Holidays.model_json_schema()
    assert set(schema["properties"]) == {"country", "subdiv", "categories", "extra", "removed"}
    assert schema["required"] == ["country"]


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["XX", "Netherlands", "ZZ", ""])
def test_unknown_country(country: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(repr(country))) as excinfo:
        Holidays(country=country)
    assert isinstance(excinfo.value, ValueError)
    assert "holidays package" in str(excinfo.value)


def test_unknown_country_suggests_close_matches() -> None:
    with pytest.raises(ValidationError, match="close matches") as excinfo:
        Holidays(country="NLX")
    assert "NL" in str(excinfo.value)


@pytest.mark.parametrize(("country", "subdiv"), [("US", "XX"), ("US", "CAL"), ("NL", "NH")])
def test_unknown_subdivision(country: str, subdiv: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(repr(subdiv))) as excinfo:
        Holidays(country=country, subdiv=subdiv)
    assert f"not known for {country}" in str(excinfo.value)


@pytest.mark.parametrize("category", ["bank", "religious", "holiday"])
def test_unknown_category(category: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(category)) as excinfo:
        Holidays(country="NL", categories=("public", category))
    # The message lists the categories that exist.
    assert "optional, public" in str(excinfo.value)


def test_empty_categories() -> None:
    with pytest.raises(ValidationError, match="categories are empty"):
        Holidays(country="NL", categories=())


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("extra", ["not a date"]),
        ("removed", ["2026-02-30"]),
        ("nonsense", 1),
    ],
)
def test_bad_fields(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match=field):
        Holidays(country="NL", **{field: value})


# -- SPEC 1, rule 3: a company's own days, holidays.HolidayBase and plain dates ---------------


def test_no_country_means_only_the_extra_dates() -> None:
    own = Holidays(country=None, extra=[date(2026, 12, 24), date(2027, 1, 2)])
    assert own.dates(2026) == {date(2026, 12, 24)}
    assert own.dates(2027) == {date(2027, 1, 2)}
    assert Holidays.model_validate_json(own.model_dump_json()) == own


def test_no_country_takes_no_subdivision() -> None:
    with pytest.raises(ValidationError, match="needs a country"):
        Holidays(country=None, subdiv="BY")


def test_a_holiday_base_converts_to_its_country_subdivision_and_categories() -> None:
    import holidays

    from slacalc._calendar.holidays import as_holidays

    converted = as_holidays(holidays.DE(subdiv="BY", categories=("public",)))
    assert converted == Holidays(country="DE", subdiv="BY")


def test_a_holiday_base_keeps_the_dates_added_to_it_and_drops_the_removed() -> None:
    import holidays

    from slacalc._calendar.holidays import as_holidays

    nl = holidays.NL(years=2026)
    nl[date(2026, 5, 15)] = "company day"
    nl.pop(date(2026, 12, 26))
    converted = as_holidays(nl)
    assert converted.extra == (date(2026, 5, 15),)
    assert converted.removed == (date(2026, 12, 26),)
    assert date(2026, 5, 15) in converted.dates(2026)
    assert date(2026, 12, 26) not in converted.dates(2026)
    assert date(2026, 12, 25) in converted.dates(2026)


def test_a_market_calendar_without_a_country_is_refused_with_the_fix() -> None:
    import holidays

    from slacalc import CalendarError
    from slacalc._calendar.holidays import as_holidays

    with pytest.raises(CalendarError, match=r"has no country .*Holidays\(country=None"):
        as_holidays(holidays.financial_holidays("NYSE"))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([date(2026, 12, 24)], Holidays(country=None, extra=[date(2026, 12, 24)])),
        (
            ["2026-12-24", date(2026, 12, 31)],
            Holidays(country=None, extra=[date(2026, 12, 24), date(2026, 12, 31)]),
        ),
        ([], None),
    ],
)
def test_a_list_of_dates_is_a_company_calendar(given: list[Any], expected: Holidays | None) -> None:
    from slacalc._calendar.holidays import as_holidays

    assert as_holidays(given) == expected
