"""Public holidays from the ``holidays`` package, with dates added and taken out.

>>> from datetime import date
>>> nl = Holidays(country="NL", categories=("public", "optional"))
>>> date(2026, 5, 5) in nl.dates(2026), date(2026, 4, 3) in nl.dates(2026)
(True, True)
>>> Holidays(country="NL", extra=[date(2026, 5, 15)]).dates(2026) >= {date(2026, 5, 15)}
True
"""

from __future__ import annotations

import difflib
from datetime import date
from functools import lru_cache
from typing import Any

import holidays as holidays_package
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from slacalc._errors import CalendarError


@lru_cache(maxsize=1)
def _supported() -> dict[str, list[str]]:
    return dict(holidays_package.list_supported_countries())


class Holidays(BaseModel):
    """The holidays of a country (and optionally a subdivision) that close a calendar.

    ``categories`` selects the ``holidays`` package's categories (``"public"`` by
    default; the Dutch *algemeen erkende feestdagen* are ``("public", "optional")``).
    ``extra`` adds dates, ``removed`` takes dates out.

    >>> Holidays(country="nl").country
    'NL'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    country: str
    subdiv: str | None = None
    categories: tuple[str, ...] = ("public",)
    extra: tuple[date, ...] = ()
    removed: tuple[date, ...] = ()

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
    found = holidays_package.country_holidays(
        spec.country, subdiv=spec.subdiv, years=year, categories=spec.categories
    )
    days = {d for d in found if d.year == year}
    days |= {d for d in spec.extra if d.year == year}
    days -= set(spec.removed)
    return frozenset(days)
