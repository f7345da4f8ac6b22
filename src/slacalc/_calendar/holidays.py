"""Public holidays from the ``holidays`` package, with dates added and taken out.

>>> from datetime import date
>>> nl = Holidays(country="NL", categories=("public", "optional"))
>>> date(2026, 5, 5) in nl.dates(2026), date(2026, 4, 3) in nl.dates(2026)
(True, True)
>>> Holidays(country="NL", extra=[date(2026, 5, 15)]).dates(2026) >= {date(2026, 5, 15)}
True
>>> sorted(Holidays(country=None, extra=[date(2026, 12, 24)]).dates(2026))  # our own days
[datetime.date(2026, 12, 24)]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import holidays as holidays_package
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from slacalc._base.errors import CalendarError


@lru_cache(maxsize=1)
def _supported() -> dict[str, list[str]]:
    return dict(holidays_package.list_supported_countries())


class Holidays(BaseModel):
    """The holidays of a country (and optionally a subdivision) that close a calendar.

    ``categories`` selects the ``holidays`` package's categories (``"public"`` by
    default; the Dutch *algemeen erkende feestdagen* are ``("public", "optional")``).
    ``extra`` adds dates, ``removed`` takes dates out. ``country=None`` means no
    country's holidays: only the ``extra`` dates (a company's own closing days).

    >>> Holidays(country="nl").country
    'NL'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    country: str | None
    """ISO 3166 country code of the `holidays` package, e.g. `"NL"`; `None`: only `extra`."""
    subdiv: str | None = None
    """The country's subdivision (state, province), e.g. `"BY"` for Bavaria; `None`: national."""
    categories: tuple[str, ...] = ("public",)
    """The `holidays` package's categories; Dutch recognised days: `["public", "optional"]`."""
    extra: tuple[date, ...] = ()
    """Further closing dates (ISO `"YYYY-MM-DD"` in JSON), e.g. a company's own days off."""
    removed: tuple[date, ...] = ()
    """Dates taken out of the country's holidays: the calendar stays open on them."""

    if TYPE_CHECKING:  # what a caller may pass (stored as sorted tuples)

        def __init__(
            self,
            *,
            country: str | None,
            subdiv: str | None = None,
            categories: Sequence[str] = ("public",),
            extra: Iterable[date] = (),
            removed: Iterable[date] = (),
        ) -> None: ...

    @field_validator("country", mode="before")
    @classmethod
    def _known_country(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        code = value.strip().upper()
        if code not in _supported():
            close = difflib.get_close_matches(code, list(_supported()), n=3, cutoff=0.5)
            hint = f"; close matches: {', '.join(close)}" if close else ""
            raise CalendarError(
                f"holiday country {value!r} is not known to the holidays package: use an "
                f"ISO 3166 code such as 'NL' or 'US'{hint}"
            )
        return code

    @field_validator("extra", "removed", mode="after")
    @classmethod
    def _sorted_dates(cls, value: tuple[date, ...]) -> tuple[date, ...]:
        return tuple(sorted(set(value)))

    @field_validator("categories", mode="after")
    @classmethod
    def _sorted_categories(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise CalendarError("holiday categories are empty: name at least one, e.g. 'public'")
        return tuple(sorted({c.strip().lower() for c in value}))

    @model_validator(mode="after")
    def _known_subdivision_and_categories(self) -> Holidays:
        if self.country is None:
            if self.subdiv is not None:
                raise CalendarError(
                    f"holiday subdivision {self.subdiv!r} needs a country: give country, "
                    "e.g. Holidays(country='DE', subdiv='BY')"
                )
            return self
        entity = holidays_package.country_holidays(self.country)
        subdivisions = [*entity.subdivisions, *getattr(entity, "subdivisions_aliases", {})]
        if self.subdiv is not None and self.subdiv not in subdivisions:
            raise CalendarError(
                f"holiday subdivision {self.subdiv!r} is not known for {self.country}: use one "
                f"of {', '.join(entity.subdivisions) or '(none)'}"
            )
        supported = entity.supported_categories
        unknown = [c for c in self.categories if c not in supported]
        if unknown:
            raise CalendarError(
                f"holiday categories {unknown!r} are not known for {self.country}: use some "
                f"of {', '.join(sorted(supported))}"
            )
        return self

    def dates(self, year: int) -> frozenset[date]:
        """The holiday dates of one year (after ``extra`` and ``removed``).

        >>> sorted(Holidays(country="NL").dates(2026))[0]
        datetime.date(2026, 1, 1)
        """
        return _dates(self, year)


@lru_cache(maxsize=4096)
def _dates(spec: Holidays, year: int) -> frozenset[date]:
    days: set[date] = set()
    if spec.country is not None:
        found = holidays_package.country_holidays(
            spec.country, subdiv=spec.subdiv, years=year, categories=spec.categories
        )
        days = {d for d in found if d.year == year}
    days |= {d for d in spec.extra if d.year == year}
    days -= set(spec.removed)
    return frozenset(days)


def as_holidays(value: Any) -> Any:
    """A calendar's ``holidays`` as a :class:`Holidays` (SPEC 1, rule 3).

    A ``holidays.HolidayBase`` (``holidays.NL()``) becomes its country, subdivision and
    categories, with the dates it holds beyond (or without) the country's own, for the
    years it has filled in, as ``extra`` (``removed``). A list of dates becomes
    ``Holidays(country=None, extra=dates)`` (ISO date text too; an empty list is no
    holidays: ``None``). ``None``, a ``Holidays`` and anything else
    (a dict read from JSON) pass through, for pydantic to validate.

    >>> import holidays
    >>> as_holidays(holidays.NL(categories=("public", "optional"))).categories
    ('optional', 'public')
    >>> as_holidays([date(2026, 12, 24)]).extra
    (datetime.date(2026, 12, 24),)
    """
    if isinstance(value, holidays_package.HolidayBase):
        return _from_holiday_base(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        days = [_as_date(d) for d in value]
        if all(d is not None for d in days):
            return Holidays(country=None, extra=tuple(d for d in days if d)) if days else None
    return value


def _as_date(value: object) -> date | None:
    """A date, or ISO ``YYYY-MM-DD`` text (JSON has no dates); ``None`` for anything else."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _from_holiday_base(value: Any) -> Holidays:
    country = getattr(value, "country", None)
    if not isinstance(country, str):
        raise CalendarError(
            f"holidays {type(value).__name__} has no country (a market calendar?): pass "
            "Holidays(country=None, extra=[...]) with its dates instead"
        )
    categories = tuple(sorted(getattr(value, "categories", None) or ("public",)))
    subdiv = getattr(value, "subdiv", None)
    years = sorted(getattr(value, "years", ()) or ())
    held = {d for d in value if isinstance(d, date)}
    rules: set[date] = set()
    if years:
        rules = set(
            holidays_package.country_holidays(
                country, subdiv=subdiv, years=years, categories=categories
            )
        )
    return Holidays(
        country=country,
        subdiv=subdiv,
        categories=categories,
        extra=tuple(held - rules),
        removed=tuple(rules - held),
    )
