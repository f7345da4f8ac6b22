"""Tests for ``slacalc._calendar.durations``: ``WorkingDays`` and ``CalendarTime``."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from slacalc import Calendar, CalendarError, CalendarTime, WorkingDays

# -- WorkingDays --------------------------------------------------------------------------


@pytest.mark.parametrize("n", [0, 1, 2, 10, 365])
def test_working_days_positional_and_keyword(n: int) -> None:
    positional = WorkingDays(n)
    keyword = WorkingDays(days=n)
    assert positional == keyword
    assert hash(positional) == hash(keyword)
    assert positional.days == n
    assert positional.kind == "working_days"


def test_working_days_repr() -> None:
    assert repr(WorkingDays(2)) == "WorkingDays(days=2)"


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        pytest.param((-1,), {}, "greater than or equal to 0", id="negative positional"),
        pytest.param((), {"days": -3}, "greater than or equal to 0", id="negative keyword"),
        pytest.param((), {}, "days", id="missing"),
        pytest.param((1.5,), {}, "valid integer", id="float"),
        pytest.param(("2",), {}, "valid integer", id="text"),
        pytest.param((2,), {"hours": 1}, "hours", id="unknown field"),
        pytest.param((2,), {"kind": "calendar_time"}, "working_days", id="wrong kind"),
    ],
)
def test_working_days_rejects(args: tuple[Any, ...], kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        WorkingDays(*args, **kwargs)


def test_working_days_frozen() -> None:
    wd = WorkingDays(2)
    with pytest.raises(ValidationError, match="frozen"):
        wd.days = 3  # type: ignore[misc]


# -- CalendarTime ---------------------------------------------------------------------------


def test_calendar_time_defaults() -> None:
    ct = CalendarTime()
    assert (ct.hours, ct.days, ct.weeks, ct.months) == (0, 0, 0, 0)
    assert ct.kind == "calendar_time"


@pytest.mark.parametrize(
    ("kwargs", "fields"),
    [
        ({"hours": 4}, (4, 0, 0, 0)),
        ({"days": 1}, (0, 1, 0, 0)),
        ({"weeks": 2}, (0, 0, 2, 0)),
        ({"months": 3}, (0, 0, 0, 3)),
        ({"months": 1, "weeks": 1, "days": 1, "hours": 1}, (1, 1, 1, 1)),
    ],
)
def test_calendar_time_fields(kwargs: dict[str, int], fields: tuple[int, int, int, int]) -> None:
    ct = CalendarTime(**kwargs)
    assert (ct.hours, ct.days, ct.weeks, ct.months) == fields


def test_calendar_time_repr() -> None:
    assert repr(CalendarTime(months=3)) == "CalendarTime(hours=0, days=0, weeks=0, months=3)"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"hours": -1}, "hours"),
        ({"months": -1}, "months"),
        ({"days": 1.5}, "days"),
        ({"weeks": "2"}, "weeks"),
        ({"minutes": 30}, "minutes"),
    ],
)
def test_calendar_time_rejects(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        CalendarTime(**kwargs)


def test_calendar_time_frozen() -> None:
    ct = CalendarTime(months=1)
    with pytest.raises(ValidationError, match="frozen"):
        ct.months = 2  # type: ignore[misc]


# -- equality and serialisation -----------------------------------------------------------


def test_equal_by_value() -> None:
    assert CalendarTime(months=3) == CalendarTime(months=3, days=0)
    assert CalendarTime(months=3) != CalendarTime(months=2)
    assert len({CalendarTime(weeks=1), CalendarTime(weeks=1), WorkingDays(1)}) == 2
    assert WorkingDays(1) != WorkingDays(2)


@pytest.mark.parametrize(
    ("model", "dumped"),
    [
        (WorkingDays(0), {"kind": "working_days", "days": 0}),
        (WorkingDays(2), {"kind": "working_days", "days": 2}),
        (
            CalendarTime(months=3),
            {"kind": "calendar_time", "hours": 0, "days": 0, "weeks": 0, "months": 3},
        ),
        (
            CalendarTime(hours=4, days=1, weeks=2, months=5),
            {"kind": "calendar_time", "hours": 4, "days": 1, "weeks": 2, "months": 5},
        ),
    ],
)
def test_json_round_trip(model: WorkingDays | CalendarTime, dumped: dict[str, Any]) -> None:
    cls = type(model)
    assert model.model_dump(mode="json") == dumped
    via_python = cls.model_validate(model.model_dump(mode="json"))
    via_json = cls.model_validate_json(model.model_dump_json())
    for back in (via_python, via_json):
        assert back == model
        assert hash(back) == hash(model)


def test_validate_without_kind() -> None:
    assert WorkingDays.model_validate({"days": 2}) == WorkingDays(2)
    assert CalendarTime.model_validate({"months": 1}) == CalendarTime(months=1)


@pytest.mark.parametrize("cls", [WorkingDays, CalendarTime])
def test_json_schema(cls: type[WorkingDays] | type[CalendarTime]) -> None:
    schema = cls.model_json_schema()
    assert "kind" in schema["properties"]
    assert schema["properties"]["kind"]["const"] in {"working_days", "calendar_time"}


# -- calendar time that leaves the supported range: an error naming it, never a stop ----------

TWENTY_SIX = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "duration",
    [
        CalendarTime(days=10**9),  # datetime's OverflowError
        CalendarTime(months=10**6),  # "year 85359 is out of range"
        CalendarTime(hours=10**15),  # OSError [Errno 75] converting back
        CalendarTime(hours=10**6),  # 2140: silently answered in 0.1.0
        CalendarTime(weeks=10**5),
    ],
)
@pytest.mark.parametrize("method", ["add", "subtract"])
def test_calendar_time_past_the_range_is_a_calendar_error_naming_it(
    duration: CalendarTime, method: str
) -> None:
    cal = Calendar.always("UTC")
    with pytest.raises(
        CalendarError, match=r"leaves the supported range: .*1969-01-01 to 2101-12-31"
    ):
        getattr(cal, method)(TWENTY_SIX, duration)


@pytest.mark.parametrize("year", [1900, 2200])
def test_calendar_time_from_outside_the_range_is_an_error(year: int) -> None:
    with pytest.raises(CalendarError, match=f"instant {year}-01-01T00:00:00\\+00:00 lies outside"):
        Calendar.always("UTC").add(datetime(year, 1, 1, tzinfo=timezone.utc), CalendarTime(days=1))


def test_calendar_time_to_the_last_microsecond_of_the_range_works() -> None:
    cal = Calendar.always("UTC")
    last = datetime(2101, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone.utc)
    assert cal.add(last - timedelta(days=1), CalendarTime(days=1)) == last
    with pytest.raises(CalendarError):
        cal.add(last, CalendarTime(hours=1))
