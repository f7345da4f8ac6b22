"""Tests for ``slacalc._engine.windows``: window text, weekday names and a day's merged hours."""

from __future__ import annotations

import re

import pytest

from slacalc import CalendarError
from slacalc._engine.windows import (
    DAY_SECONDS,
    WEEKDAYS,
    canonical_window,
    merge_day,
    parse_window,
    weekday_key,
)

H = 3600

# -- parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00-17:00", (9 * H, 17 * H)),
        ("00:00-24:00", (0, 24 * H)),
        ("08:00-24:00", (8 * H, 24 * H)),
        ("23:59:59-24:00", (24 * H - 1, 24 * H)),
        ("08:30:15-17:45:30", (8 * H + 30 * 60 + 15, 17 * H + 45 * 60 + 30)),
        ("09:00:00-17:00:00", (9 * H, 17 * H)),
        ("9:00-17:00", (9 * H, 17 * H)),
        (" 09:00 - 17:00 ", (9 * H, 17 * H)),
        # An end at or before the start wraps past midnight.
        ("22:00-06:00", (22 * H, 30 * H)),
        ("22:00-00:00", (22 * H, 24 * H)),
        ("23:00-01:30", (23 * H, 25 * H + 30 * 60)),
        ("09:00-09:00", (9 * H, 33 * H)),
        ("00:00-00:00", (0, 24 * H)),
        ("17:00-09:00", (17 * H, 33 * H)),
        ("12:00:01-12:00", (12 * H + 1, 36 * H)),
    ],
)
def test_parse_window(text: str, expected: tuple[int, int]) -> None:
    assert parse_window(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "25:00-26:00",
        "24:00-10:00",  # 24:00 is an end only
        "24:00-24:00",
        "09:00-24:01",
        "09:00-24:00:01",
        "9-17",
        "09-17",
        "0900-1700",
        "09:60-10:00",
        "09:00-10:75",
        "09:00:60-10:00",
        "09:00",
        "09:00-",
        "-17:00",
        "09:00-17:00-18:00",
        "09:00 to 17:00",
        "09.00-17.00",
        "",
        "nine-five",
        "123:00-124:00",
        "09:0-17:00",
    ],
)
def test_bad_window(text: str) -> None:
    with pytest.raises(CalendarError, match=re.escape(repr(text))) as excinfo:
        parse_window(text)
    # The message also says what is allowed.
    assert "HH:MM-HH:MM" in str(excinfo.value)
    assert isinstance(excinfo.value, ValueError)


@pytest.mark.parametrize("value", [None, 9, ("09:00", "17:00"), b"09:00-17:00"])
def test_window_must_be_text(value: object) -> None:
    with pytest.raises(CalendarError, match="expected text"):
        parse_window(value)  # type: ignore[arg-type]


# -- canonical spelling -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("09:00-17:00", "09:00-17:00"),
        ("9:00-17:00", "09:00-17:00"),
        ("9:00:00-17:00:30", "09:00-17:00:30"),
        ("09:00:00-17:00:00", "09:00-17:00"),
        (" 22:00 - 06:00 ", "22:00-06:00"),
        ("22:00-6:00", "22:00-06:00"),
        ("08:00-24:00", "08:00-24:00"),
        ("00:00-24:00", "00:00-24:00"),
        ("22:00-00:00", "22:00-24:00"),
        ("00:00-00:00", "00:00-24:00"),
        ("09:00-09:00", "09:00-09:00"),
        ("08:30:15-17:45:30", "08:30:15-17:45:30"),
    ],
)
def test_canonical_window(text: str, canonical: str) -> None:
    assert canonical_window(text) == canonical
    # The canonical spelling parses to the same span and is its own canonical form.
    assert parse_window(canonical) == parse_window(text)
    assert canonical_window(canonical) == canonical


def test_canonical_window_rejects_bad_windows() -> None:
    with pytest.raises(CalendarError, match=re.escape("'25:00-26:00'")):
        canonical_window("25:00-26:00")


# -- day names --------------------------------------------------------------------------


def test_weekdays_in_order() -> None:
    assert WEEKDAYS == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert DAY_SECONDS == 86_400


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("mon", "mon"),
        ("Mon", "mon"),
        ("MON", "mon"),
        ("monday", "mon"),
        ("Monday", "mon"),
        (" tuesday ", "tue"),
        ("tues", "tue"),
        ("wed", "wed"),
        ("Wednesday", "wed"),
        ("thu", "thu"),
        ("thur", "thu"),
        ("thurs", "thu"),
        ("Thursday", "thu"),
        ("fri", "fri"),
        ("friday", "fri"),
        ("sat", "sat"),
        ("Saturday", "sat"),
        ("sun", "sun"),
        ("sunday", "sun"),
    ],
)
def test_weekday_key(name: str, key: str) -> None:
    assert weekday_key(name) == key


@pytest.mark.parametrize("name", ["funday", "", "mo", "maandag", "weekend", "mon-fri", "1"])
def test_unknown_day_name(name: str) -> None:
    with pytest.raises(CalendarError, match=re.escape(repr(name))) as excinfo:
        weekday_key(name)
    assert "mon, tue, wed, thu, fri, sat, sun" in str(excinfo.value)


# -- a day's windows --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("windows", "merged"),
    [
        pytest.param([], (), id="closed"),
        pytest.param(["09:00-17:00"], ((9 * H, 17 * H),), id="one"),
        pytest.param(
            ["13:00-17:00", "09:00-12:00"],
            ((9 * H, 12 * H), (13 * H, 17 * H)),
            id="split day sorted",
        ),
        pytest.param(["09:00-12:00", "12:00-17:00"], ((9 * H, 17 * H),), id="touching"),
        pytest.param(["09:00-13:00", "12:00-17:00"], ((9 * H, 17 * H),), id="overlapping"),
        pytest.param(["09:00-17:00", "10:00-11:00"], ((9 * H, 17 * H),), id="contained"),
        pytest.param(
            ["13:00-17:00", "09:00-12:00", "12:00-13:00"], ((9 * H, 17 * H),), id="three join"
        ),
        pytest.param(["22:00-06:00"], ((22 * H, 30 * H),), id="overnight"),
        pytest.param(["18:00-24:00", "22:00-02:00"], ((18 * H, 26 * H),), id="overnight overlap"),
        pytest.param(
            ["08:00-12:00", "20:00-02:00"], ((8 * H, 12 * H), (20 * H, 26 * H)), id="two apart"
        ),
    ],
)
def test_merge_day(windows: list[str], merged: tuple[tuple[int, int], ...]) -> None:
    assert merge_day(windows) == merged


def test_merge_day_rejects_bad_windows() -> None:
    with pytest.raises(CalendarError, match=re.escape("'9-17'")):
        merge_day(["09:00-12:00", "9-17"])


# -- exact boundaries (tests added against surviving mutants, docs/testing.md) -----------


@pytest.mark.parametrize(
    ("text", "shown"),
    [("25:00-26:00", "25:00"), ("09:00-25:00", "25:00"), ("09:00-24:01", "24:01")],
)
def test_no_hour_past_24(text: str, shown: str) -> None:
    with pytest.raises(CalendarError) as caught:
        parse_window(text)
    assert str(caught.value).startswith(f"bad window {text!r}: {shown} is not a time; use ")
