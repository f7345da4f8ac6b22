"""DST gaps and folds in three zones (SPEC 1, rules 1, 2, 5 and 7).

The transitions of 2026, as ``zoneinfo`` has them:

* Europe/Amsterdam: Sunday 29 March 02:00 +01:00 -> 03:00 +02:00 (gap 02:00-03:00);
  Sunday 25 October 03:00 +02:00 -> 02:00 +01:00 (02:00-03:00 happens twice).
* America/New_York: Sunday 8 March 02:00 -05:00 -> 03:00 -04:00 (gap 02:00-03:00);
  Sunday 1 November 02:00 -04:00 -> 01:00 -05:00 (01:00-02:00 happens twice).
* Australia/Lord_Howe (a 30-minute shift): Sunday 5 April 02:00 +11:00 -> 01:30 +10:30
  (01:30-02:00 happens twice); Sunday 4 October 02:00 +10:30 -> 02:30 +11:00 (gap
  02:00-02:30).

Every expected instant is written out with its offset; the offset also tells the two
occurrences of a repeated time apart, so results are compared by ``isoformat()``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from slacalc import Calendar, CalendarTime, WorkingDays

AMS = "Europe/Amsterdam"
NY = "America/New_York"
LH = "Australia/Lord_Howe"
UTC = timezone.utc
H = timedelta(hours=1)
M = timedelta(minutes=1)
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def at(iso: str) -> datetime:
    value = datetime.fromisoformat(iso)
    assert value.tzinfo is not None, iso
    return value


def assert_instant(result: datetime, expected: str, tz: str) -> None:
    """``result`` is ``expected`` (ISO with offset) in zone ``tz``, with the right fold."""
    assert result.isoformat() == expected
    assert isinstance(result.tzinfo, ZoneInfo)
    assert result.tzinfo.key == tz
    # The offset in ``expected`` fixes the occurrence; the result must also be the
    # canonical datetime of its instant: fold=1 on the second occurrence and only there.
    canonical = result.astimezone(UTC).astimezone(result.tzinfo)
    assert (result.fold, result.isoformat()) == (canonical.fold, canonical.isoformat())


def test_the_transitions_are_where_this_file_says() -> None:
    """A check on the premises, with zoneinfo alone (no slacalc)."""
    cases = [
        (AMS, "2026-03-29T00:59:59+00:00", "+01:00", "2026-03-29T01:00:00+00:00", "+02:00"),
        (AMS, "2026-10-25T00:59:59+00:00", "+02:00", "2026-10-25T01:00:00+00:00", "+01:00"),
        (NY, "2026-03-08T06:59:59+00:00", "-05:00", "2026-03-08T07:00:00+00:00", "-04:00"),
        (NY, "2026-11-01T05:59:59+00:00", "-04:00", "2026-11-01T06:00:00+00:00", "-05:00"),
        (LH, "2026-04-04T14:59:59+00:00", "+11:00", "2026-04-04T15:00:00+00:00", "+10:30"),
        (LH, "2026-10-03T15:29:59+00:00", "+10:30", "2026-10-03T15:30:00+00:00", "+11:00"),
    ]
    for tz, before, offset_before, after, offset_after in cases:
        assert at(before).astimezone(ZoneInfo(tz)).isoformat().endswith(offset_before)
        assert at(after).astimezone(ZoneInfo(tz)).isoformat().endswith(offset_after)


# ---------------------------------------------------------------------------------------
# Open time is real time: a window spanning a change is shorter or longer
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "day", "start", "end", "open_time"),
    [
        (AMS, "sun", "2026-03-29T00:00:00+01:00", "2026-03-29T06:00:00+02:00", 5 * H),
        (AMS, "sun", "2026-10-25T00:00:00+02:00", "2026-10-25T06:00:00+01:00", 7 * H),
        (NY, "sun", "2026-03-08T00:00:00-05:00", "2026-03-08T06:00:00-04:00", 5 * H),
        (NY, "sun", "2026-11-01T00:00:00-04:00", "2026-11-01T06:00:00-05:00", 7 * H),
        (LH, "sun", "2026-04-05T00:00:00+11:00", "2026-04-05T06:00:00+10:30", 6 * H + 30 * M),
        (LH, "sun", "2026-10-04T00:00:00+10:30", "2026-10-04T06:00:00+11:00", 5 * H + 30 * M),
    ],
)
def test_window_spanning_a_change(
    tz: str, day: str, start: str, end: str, open_time: timedelta
) -> None:
    cal = Calendar(tz=tz, hours={day: ["00:00-06:00"]})
    a, b = at(start), at(end)
    week_before, week_after = a - timedelta(days=3), b + timedelta(days=3)
    assert cal.between(week_before, week_after) == open_time
    assert cal.between(a, b) == open_time
    assert_instant(cal.next_open(week_before), start, tz)
    assert_instant(cal.next_close(a), end, tz)
    assert_instant(cal.add(a, open_time), end, tz)
    assert_instant(cal.subtract(b, open_time), start, tz)
    assert [(s.isoformat(), e.isoformat()) for s, e in cal.windows(week_before, week_after)] == [
        (start, end)
    ]


@pytest.mark.parametrize(
    ("tz", "midnight", "next_midnight", "length"),
    [
        (AMS, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 23 * H),
        (AMS, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 25 * H),
        (NY, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23 * H),
        (NY, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 25 * H),
        (LH, "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:30", 24 * H + 30 * M),
        (LH, "2026-10-04T00:00:00+10:30", "2026-10-05T00:00:00+11:00", 23 * H + 30 * M),
    ],
)
def test_a_24x7_day_of_change(
    tz: str, midnight: str, next_midnight: str, length: timedelta
) -> None:
    always = Calendar.always(tz=tz)
    assert always.between(at(midnight), at(next_midnight)) == length
    assert_instant(always.add(at(midnight), length), next_midnight, tz)


@pytest.mark.parametrize(
    ("tz", "window", "open_time", "start", "end"),
    [
        # The repeated hour (half hour) is counted twice.
        (AMS, "02:00-03:00", 2 * H, "2026-10-25T02:00:00+02:00", "2026-10-25T03:00:00+01:00"),
        (NY, "01:00-02:00", 2 * H, "2026-11-01T01:00:00-04:00", "2026-11-01T02:00:00-05:00"),
        (LH, "01:30-02:00", H, "2026-04-05T01:30:00+11:00", "2026-04-05T02:00:00+10:30"),
    ],
)
def test_window_over_the_repeated_time(
    tz: str, window: str, open_time: timedelta, start: str, end: str
) -> None:
    cal = Calendar(tz=tz, hours={"sun": [window]})
    a = at(start) - timedelta(days=2)
    assert cal.between(a, at(end) + H) == open_time
    assert_instant(cal.next_open(a), start, tz)
    assert_instant(cal.next_close(a), end, tz)


@pytest.mark.parametrize(
    ("tz", "window", "saturday", "a_week_later"),
    [
        # Both ends fall in the gap (or on its end): nothing is left of the window.
        (AMS, "02:00-03:00", "2026-03-28T12:00:00+01:00", "2026-04-05T02:00:00+02:00"),
        (AMS, "02:15-02:45", "2026-03-28T12:00:00+01:00", "2026-04-05T02:15:00+02:00"),
        (NY, "02:00-03:00", "2026-03-07T12:00:00-05:00", "2026-03-15T02:00:00-04:00"),
        (LH, "02:00-02:30", "2026-10-03T12:00:00+10:30", "2026-10-11T02:00:00+11:00"),
    ],
)
def test_window_inside_the_gap_is_empty(
    tz: str, window: str, saturday: str, a_week_later: str
) -> None:
    cal = Calendar(tz=tz, hours={"sun": [window]})
    sat = at(saturday)
    assert cal.between(sat, sat + timedelta(days=2)) == timedelta(0)
    assert cal.windows(sat, sat + timedelta(days=2)) == []
    assert_instant(cal.next_open(sat), a_week_later, tz)


# ---------------------------------------------------------------------------------------
# A boundary in a gap moves forward; one in a fold takes the first occurrence
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "window", "saturday", "opening", "closing", "open_time"),
    [
        pytest.param(
            AMS,
            "02:30-05:00",
            "2026-03-28T12:00:00+01:00",
            "2026-03-29T03:00:00+02:00",
            "2026-03-29T05:00:00+02:00",
            2 * H,
            id="AMS start in gap",
        ),
        pytest.param(
            NY,
            "02:30-05:00",
            "2026-03-07T12:00:00-05:00",
            "2026-03-08T03:00:00-04:00",
            "2026-03-08T05:00:00-04:00",
            2 * H,
            id="NY start in gap",
        ),
        pytest.param(
            LH,
            "02:15-05:00",
            "2026-10-03T12:00:00+10:30",
            "2026-10-04T02:30:00+11:00",
            "2026-10-04T05:00:00+11:00",
            2 * H + 30 * M,
            id="LH start in gap",
        ),
        pytest.param(
            AMS,
            "00:00-02:30",
            "2026-03-28T12:00:00+01:00",
            "2026-03-29T00:00:00+01:00",
            "2026-03-29T03:00:00+02:00",
            2 * H,
            id="AMS end in gap",
        ),
        pytest.param(
            NY,
            "00:00-02:30",
            "2026-03-07T12:00:00-05:00",
            "2026-03-08T00:00:00-05:00",
            "2026-03-08T03:00:00-04:00",
            2 * H,
            id="NY end in gap",
        ),
        pytest.param(
            LH,
            "00:00-02:15",
            "2026-10-03T12:00:00+10:30",
            "2026-10-04T00:00:00+10:30",
            "2026-10-04T02:30:00+11:00",
            2 * H,
            id="LH end in gap",
        ),
        pytest.param(
            AMS,
            "02:30-04:00",
            "2026-10-24T12:00:00+02:00",
            "2026-10-25T02:30:00+02:00",
            "2026-10-25T04:00:00+01:00",
            2 * H + 30 * M,
            id="AMS start in fold",
        ),
        pytest.param(
            NY,
            "01:30-03:00",
            "2026-10-31T12:00:00-04:00",
            "2026-11-01T01:30:00-04:00",
            "2026-11-01T03:00:00-05:00",
            2 * H + 30 * M,
            id="NY start in fold",
        ),
        pytest.param(
            LH,
            "01:45-03:00",
            "2026-04-04T12:00:00+11:00",
            "2026-04-05T01:45:00+11:00",
            "2026-04-05T03:00:00+10:30",
            H + 45 * M,
            id="LH start in fold",
        ),
        pytest.param(
            AMS,
            "00:00-02:30",
            "2026-10-24T12:00:00+02:00",
            "2026-10-25T00:00:00+02:00",
            "2026-10-25T02:30:00+02:00",
            2 * H + 30 * M,
            id="AMS end in fold",
        ),
        pytest.param(
            NY,
            "00:00-01:30",
            "2026-10-31T12:00:00-04:00",
            "2026-11-01T00:00:00-04:00",
            "2026-11-01T01:30:00-04:00",
            H + 30 * M,
            id="NY end in fold",
        ),
        pytest.param(
            LH,
            "00:00-01:45",
            "2026-04-04T12:00:00+11:00",
            "2026-04-05T00:00:00+11:00",
            "2026-04-05T01:45:00+11:00",
            H + 45 * M,
            id="LH end in fold",
        ),
    ],
)
def test_boundaries_in_gaps_and_folds(
    tz: str, window: str, saturday: str, opening: str, closing: str, open_time: timedelta
) -> None:
    cal = Calendar(tz=tz, hours={"sun": [window]})
    sat = at(saturday)
    assert_instant(cal.next_open(sat), opening, tz)
    assert_instant(cal.next_close(sat), closing, tz)
    assert cal.between(sat, sat + timedelta(days=2)) == open_time
    assert cal.is_open(at(opening))
    assert not cal.is_open(at(opening) - timedelta(microseconds=1))
    assert cal.is_open(at(closing) - timedelta(microseconds=1))
    assert not cal.is_open(at(closing))
    assert_instant(cal.add(sat, open_time), closing, tz)


@pytest.mark.parametrize(
    ("tz", "t", "is_open"),
    [
        # Amsterdam, Sunday 25 October, window 02:30-04:00 from the first 02:30.
        (AMS, "2026-10-25T02:15:00+02:00", False),
        (AMS, "2026-10-25T02:30:00+02:00", True),
        (AMS, "2026-10-25T02:15:00+01:00", True),  # the second 02:15 is after the opening
        (AMS, "2026-10-25T03:59:59+01:00", True),
        (AMS, "2026-10-25T04:00:00+01:00", False),
        # New York, Sunday 1 November, window 01:30-03:00 from the first 01:30.
        (NY, "2026-11-01T01:15:00-04:00", False),
        (NY, "2026-11-01T01:30:00-04:00", True),
        (NY, "2026-11-01T01:15:00-05:00", True),
        (NY, "2026-11-01T03:00:00-05:00", False),
    ],
)
def test_is_open_in_the_repeated_hour(tz: str, t: str, is_open: bool) -> None:
    window = {AMS: "02:30-04:00", NY: "01:30-03:00"}[tz]
    cal = Calendar(tz=tz, hours={"sun": [window]})
    assert cal.is_open(at(t)) is is_open


@pytest.mark.parametrize(
    ("tz", "t", "is_open"),
    [
        (AMS, "2026-10-25T02:15:00+02:00", True),
        (AMS, "2026-10-25T02:29:59+02:00", True),
        (AMS, "2026-10-25T02:30:00+02:00", False),
        (AMS, "2026-10-25T02:15:00+01:00", False),  # the window closed at the first 02:30
        (NY, "2026-11-01T01:29:59-04:00", True),
        (NY, "2026-11-01T01:15:00-05:00", False),
    ],
)
def test_end_in_the_fold_is_the_first_occurrence(tz: str, t: str, is_open: bool) -> None:
    window = {AMS: "00:00-02:30", NY: "00:00-01:30"}[tz]
    cal = Calendar(tz=tz, hours={"sun": [window]})
    assert cal.is_open(at(t)) is is_open


def test_is_open_accepts_fold_1_datetimes() -> None:
    cal = Calendar(tz=AMS, hours={"sun": ["00:00-02:30"]})
    first = datetime(2026, 10, 25, 2, 15, tzinfo=ZoneInfo(AMS))
    second = datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=ZoneInfo(AMS))
    assert cal.is_open(first)
    assert not cal.is_open(second)
    assert cal.between(first, second) == 15 * M


def test_windows_touching_after_the_gap_merge() -> None:
    # 00:00-02:30 ends at 03:00 +02:00 (the gap moves it forward), where 03:00-05:00
    # begins: in real time the two windows touch and form one stretch.
    cal = Calendar(tz=AMS, hours={"sun": ["00:00-02:30", "03:00-05:00"]})
    assert_instant(
        cal.next_close(at("2026-03-29T00:30:00+01:00")), "2026-03-29T05:00:00+02:00", AMS
    )
    assert cal.between(at("2026-03-28T12:00:00+01:00"), at("2026-03-30T00:00:00+02:00")) == 4 * H
    assert cal.is_open(at("2026-03-29T03:00:00+02:00"))


# ---------------------------------------------------------------------------------------
# Results on the repeated hour carry fold=1
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "start", "duration", "expected"),
    [
        (AMS, "2026-10-25T02:30:00+02:00", H, "2026-10-25T02:30:00+01:00"),
        (AMS, "2026-10-25T01:30:00+02:00", 90 * M, "2026-10-25T02:00:00+01:00"),
        (AMS, "2026-10-25T00:00:00+00:00", 75 * M, "2026-10-25T02:15:00+01:00"),
        (NY, "2026-11-01T01:30:00-04:00", H, "2026-11-01T01:30:00-05:00"),
        (NY, "2026-11-01T05:00:00+00:00", H, "2026-11-01T01:00:00-05:00"),
        (LH, "2026-04-05T01:45:00+11:00", 30 * M, "2026-04-05T01:45:00+10:30"),
        (LH, "2026-04-05T01:30:00+11:00", 30 * M, "2026-04-05T01:30:00+10:30"),
    ],
)
def test_add_into_the_repeated_hour(
    tz: str, start: str, duration: timedelta, expected: str
) -> None:
    always = Calendar.always(tz=tz)
    result = always.add(at(start), duration)
    assert_instant(result, expected, tz)
    assert result.fold == 1


@pytest.mark.parametrize(
    ("tz", "end", "duration", "expected"),
    [
        (AMS, "2026-10-25T03:00:00+01:00", 30 * M, "2026-10-25T02:30:00+01:00"),
        (NY, "2026-11-01T03:00:00-05:00", 90 * M, "2026-11-01T01:30:00-05:00"),
        (LH, "2026-04-05T02:00:00+10:30", 15 * M, "2026-04-05T01:45:00+10:30"),
    ],
)
def test_subtract_into_the_repeated_hour(
    tz: str, end: str, duration: timedelta, expected: str
) -> None:
    result = Calendar.always(tz=tz).subtract(at(end), duration)
    assert_instant(result, expected, tz)
    assert result.fold == 1


@pytest.mark.parametrize(
    ("tz", "utc_window", "saturday", "opening", "closing"),
    [
        # A UTC window seen from a calendar in a DST zone opens in the second occurrence.
        (
            AMS,
            "01:15-02:00",
            "2026-10-24T12:00:00+02:00",
            "2026-10-25T02:15:00+01:00",
            "2026-10-25T03:00:00+01:00",
        ),
        (
            NY,
            "06:15-06:45",
            "2026-10-31T12:00:00-04:00",
            "2026-11-01T01:15:00-05:00",
            "2026-11-01T01:45:00-05:00",
        ),
        (
            LH,
            "15:05-15:25",
            "2026-04-04T12:00:00+11:00",
            "2026-04-05T01:35:00+10:30",
            "2026-04-05T01:55:00+10:30",
        ),
    ],
)
def test_openings_in_the_repeated_hour_have_fold_1(
    tz: str, utc_window: str, saturday: str, opening: str, closing: str
) -> None:
    # The window is on Saturday in UTC for Lord Howe (15:05 UTC on 4 April), Sunday else.
    utc_day = "sat" if tz == LH else "sun"
    cal = Calendar.always(tz=tz) & Calendar(tz="UTC", hours={utc_day: [utc_window]})
    sat = at(saturday)
    assert_instant(cal.next_open(sat), opening, tz)
    assert_instant(cal.next_close(sat), closing, tz)
    spans = cal.windows(sat, sat + timedelta(days=2))
    assert len(spans) == 1
    assert_instant(spans[0][0], opening, tz)
    assert_instant(spans[0][1], closing, tz)
    assert spans[0][0].fold == 1


def test_windows_clipped_in_the_repeated_hour() -> None:
    always = Calendar.always(tz=AMS)
    spans = always.windows(at("2026-10-25T02:10:00+01:00"), at("2026-10-25T02:50:00+01:00"))
    assert len(spans) == 1
    start, end = spans[0]
    assert_instant(start, "2026-10-25T02:10:00+01:00", AMS)
    assert_instant(end, "2026-10-25T02:50:00+01:00", AMS)
    assert (start.fold, end.fold) == (1, 1)


@pytest.mark.parametrize(
    ("tz", "t", "expected"),
    [
        (AMS, "2026-10-25T01:15:00+00:00", "2026-10-25T02:15:00+01:00"),
        (AMS, "2026-10-25T00:15:00+00:00", "2026-10-25T02:15:00+02:00"),
        (NY, "2026-11-01T06:15:00+00:00", "2026-11-01T01:15:00-05:00"),
        (LH, "2026-04-04T15:15:00+00:00", "2026-04-05T01:45:00+10:30"),
    ],
)
def test_next_open_of_an_open_instant_keeps_the_occurrence(tz: str, t: str, expected: str) -> None:
    assert_instant(Calendar.always(tz=tz).next_open(at(t)), expected, tz)


def test_add_nothing_in_the_repeated_hour() -> None:
    t = at("2026-10-25T02:30:00+01:00")
    result = Calendar(tz=AMS).add(t, timedelta(0))  # closed calendar: still t
    assert result.astimezone(UTC) == t.astimezone(UTC)
    assert_instant(result, "2026-10-25T02:30:00+01:00", AMS)


# ---------------------------------------------------------------------------------------
# Overnight windows on DST nights
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "start", "end", "open_time"),
    [
        (AMS, "2026-03-28T22:00:00+01:00", "2026-03-29T06:00:00+02:00", 7 * H),
        (AMS, "2026-10-24T22:00:00+02:00", "2026-10-25T06:00:00+01:00", 9 * H),
        (NY, "2026-03-07T22:00:00-05:00", "2026-03-08T06:00:00-04:00", 7 * H),
        (NY, "2026-10-31T22:00:00-04:00", "2026-11-01T06:00:00-05:00", 9 * H),
        (LH, "2026-04-04T22:00:00+11:00", "2026-04-05T06:00:00+10:30", 8 * H + 30 * M),
        (LH, "2026-10-03T22:00:00+10:30", "2026-10-04T06:00:00+11:00", 7 * H + 30 * M),
    ],
)
def test_overnight_window_on_a_dst_night(
    tz: str, start: str, end: str, open_time: timedelta
) -> None:
    cal = Calendar(tz=tz, hours={"sat": ["22:00-06:00"]})
    a, b = at(start), at(end)
    assert cal.between(a - H, b + H) == open_time
    assert_instant(cal.next_open(a - H), start, tz)
    assert_instant(cal.next_close(a), end, tz)
    assert_instant(cal.add(a, open_time), end, tz)
    assert_instant(cal.add(a - H, open_time), end, tz)


def test_overnight_window_through_the_fold() -> None:
    cal = Calendar(tz=AMS, hours={"sat": ["22:00-06:00"]})
    start = at("2026-10-24T22:00:00+02:00")  # 20:00 UTC
    assert_instant(cal.add(start, 4 * H + 30 * M), "2026-10-25T02:30:00+02:00", AMS)
    assert_instant(cal.add(start, 5 * H + 30 * M), "2026-10-25T02:30:00+01:00", AMS)
    assert cal.add(start, 5 * H + 30 * M).fold == 1


def test_overnight_window_through_the_gap() -> None:
    cal = Calendar(tz=AMS, hours={"sat": ["22:00-06:00"]})
    start = at("2026-03-28T22:00:00+01:00")  # 21:00 UTC
    assert_instant(cal.add(start, 4 * H), "2026-03-29T03:00:00+02:00", AMS)
    assert_instant(cal.add(start, 4 * H - M), "2026-03-29T01:59:00+01:00", AMS)


# ---------------------------------------------------------------------------------------
# add and between across a DST change
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "friday", "monday"),
    [
        (AMS, "2026-03-27T16:00:00+01:00", "2026-03-30T10:00:00+02:00"),
        (AMS, "2026-10-23T16:00:00+02:00", "2026-10-26T10:00:00+01:00"),
        (NY, "2026-03-06T16:00:00-05:00", "2026-03-09T10:00:00-04:00"),
        (NY, "2026-10-30T16:00:00-04:00", "2026-11-02T10:00:00-05:00"),
        (LH, "2026-04-03T16:00:00+11:00", "2026-04-06T10:00:00+10:30"),
        (LH, "2026-10-02T16:00:00+10:30", "2026-10-05T10:00:00+11:00"),
    ],
)
def test_office_hours_across_a_dst_weekend(tz: str, friday: str, monday: str) -> None:
    office = Calendar.weekdays("09:00", "17:00", tz=tz)
    assert_instant(office.add(at(friday), 2 * H), monday, tz)
    assert office.between(at(friday), at(monday)) == 2 * H
    assert_instant(office.subtract(at(monday), 2 * H), friday, tz)
    assert_instant(office.add(at(friday), WorkingDays(1)), monday.replace("T10", "T16"), tz)


@pytest.mark.parametrize(
    ("tz", "start", "duration", "expected"),
    [
        (AMS, "2026-03-29T01:30:00+01:00", H, "2026-03-29T03:30:00+02:00"),
        (AMS, "2026-03-29T01:59:59+01:00", timedelta(seconds=1), "2026-03-29T03:00:00+02:00"),
        (AMS, "2026-03-28T12:00:00+01:00", 24 * H, "2026-03-29T13:00:00+02:00"),
        (AMS, "2026-10-24T12:00:00+02:00", 24 * H, "2026-10-25T11:00:00+01:00"),
        (NY, "2026-03-08T01:30:00-05:00", H, "2026-03-08T03:30:00-04:00"),
        (NY, "2026-10-31T12:00:00-04:00", 24 * H, "2026-11-01T11:00:00-05:00"),
        (LH, "2026-10-04T01:45:00+10:30", 30 * M, "2026-10-04T02:45:00+11:00"),
        (LH, "2026-04-04T12:00:00+11:00", 24 * H, "2026-04-05T11:30:00+10:30"),
    ],
)
def test_24x7_add_across_a_change(tz: str, start: str, duration: timedelta, expected: str) -> None:
    always = Calendar.always(tz=tz)
    assert_instant(always.add(at(start), duration), expected, tz)
    assert always.between(at(start), at(expected)) == duration


def test_intersection_of_zones_while_only_one_has_changed() -> None:
    # 9-27 March 2026 and 26-30 October 2026: New York on summer time, Amsterdam not.
    # Amsterdam 09:00-17:00 +01:00 is 08:00-16:00 UTC; New York 09:00-17:00 -04:00 is
    # 13:00-21:00 UTC: they overlap 13:00-16:00 UTC, 3 h (2 h in ordinary weeks).
    both = Calendar.weekdays("09:00", "17:00", tz=AMS) & Calendar.weekdays("09:00", "17:00", tz=NY)
    assert_instant(
        both.next_open(at("2026-03-16T00:00:00+01:00")), "2026-03-16T14:00:00+01:00", AMS
    )
    assert both.between(at("2026-03-16T00:00:00+01:00"), at("2026-03-17T00:00:00+01:00")) == 3 * H
    assert both.between(at("2026-10-26T00:00:00+01:00"), at("2026-10-27T00:00:00+01:00")) == 3 * H
    assert both.between(at("2026-11-23T00:00:00+01:00"), at("2026-11-24T00:00:00+01:00")) == 2 * H
    assert both.between(at("2026-07-06T00:00:00+02:00"), at("2026-07-07T00:00:00+02:00")) == 2 * H


# ---------------------------------------------------------------------------------------
# Working days around DST
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "t", "expected"),
    [
        # Candidate in a gap moves forward.
        (AMS, "2026-03-28T02:30:00+01:00", "2026-03-29T03:00:00+02:00"),
        (AMS, "2026-03-28T02:00:00+01:00", "2026-03-29T03:00:00+02:00"),
        (NY, "2026-03-07T02:30:00-05:00", "2026-03-08T03:00:00-04:00"),
        (LH, "2026-10-03T02:15:00+10:30", "2026-10-04T02:30:00+11:00"),
        # Candidate in a fold: the first occurrence.
        (AMS, "2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00"),
        (NY, "2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00"),
        (LH, "2026-04-04T01:45:00+11:00", "2026-04-05T01:45:00+11:00"),
        # A start on the second occurrence keeps its wall-clock time.
        (AMS, "2026-10-25T02:30:00+01:00", "2026-10-26T02:30:00+01:00"),
        (NY, "2026-11-01T01:30:00-05:00", "2026-11-02T01:30:00-05:00"),
        (LH, "2026-04-05T01:45:00+10:30", "2026-04-06T01:45:00+10:30"),
        # Ordinary times on either side of the change keep their wall clock.
        (AMS, "2026-03-28T05:00:00+01:00", "2026-03-29T05:00:00+02:00"),
        (AMS, "2026-03-29T05:00:00+02:00", "2026-03-30T05:00:00+02:00"),
    ],
)
def test_working_days_candidate_in_gap_or_fold(tz: str, t: str, expected: str) -> None:
    cal = Calendar(tz=tz, hours={d: ["01:00-06:00"] for d in WEEK})
    assert_instant(cal.add(at(t), WorkingDays(1)), expected, tz)


@pytest.mark.parametrize(
    ("t", "n", "expected"),
    [
        # Sunday 05:00 is in Saturday's window: 29 h of wall clock after Saturday's midnight.
        ("2026-03-29T05:00:00+02:00", 1, "2026-03-30T05:00:00+02:00"),
        ("2026-03-28T23:00:00+01:00", 1, "2026-03-29T23:00:00+02:00"),
        ("2026-03-27T05:00:00+01:00", 2, "2026-03-29T05:00:00+02:00"),
        ("2026-10-25T05:00:00+01:00", 1, "2026-10-26T05:00:00+01:00"),
        # 02:30 on Saturday's night, the second time round: Sunday's window at 02:30.
        ("2026-10-25T02:30:00+01:00", 1, "2026-10-26T02:30:00+01:00"),
        # A candidate in the gap inside an overnight window moves forward.
        ("2026-03-28T02:30:00+01:00", 1, "2026-03-29T03:00:00+02:00"),
    ],
)
def test_working_days_overnight_on_dst_nights(t: str, n: int, expected: str) -> None:
    cal = Calendar(tz=AMS, hours={d: ["22:00-06:00"] for d in WEEK})
    assert_instant(cal.add(at(t), WorkingDays(n)), expected, AMS)


def test_working_days_first_opening_moved_by_the_gap() -> None:
    cal = Calendar(tz=AMS, hours={d: ["02:30-06:00"] for d in WEEK})
    # Saturday 02:30 + 1 working day: Sunday 02:30 does not exist; 03:00 is the opening.
    assert_instant(
        cal.add(at("2026-03-28T02:30:00+01:00"), WorkingDays(1)), "2026-03-29T03:00:00+02:00", AMS
    )
    assert_instant(cal.next_open(at("2026-03-29T00:00:00+01:00")), "2026-03-29T03:00:00+02:00", AMS)


# ---------------------------------------------------------------------------------------
# Calendar time around DST (rule 8, with rule 2's gap and fold handling)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        # The local date steps; a wall time in the gap moves forward (the reading of rule 8
        # tested here), one in the fold takes the first occurrence.
        ("2026-03-28T02:30:00+01:00", CalendarTime(days=1), "2026-03-29T03:00:00+02:00"),
        ("2026-10-24T02:30:00+02:00", CalendarTime(days=1), "2026-10-25T02:30:00+02:00"),
        ("2026-10-25T02:30:00+01:00", CalendarTime(days=1), "2026-10-26T02:30:00+01:00"),
        ("2026-03-22T02:30:00+01:00", CalendarTime(weeks=1), "2026-03-29T03:00:00+02:00"),
        ("2026-02-28T12:00:00+01:00", CalendarTime(months=1), "2026-03-28T12:00:00+01:00"),
        ("2026-02-28T12:00:00+01:00", CalendarTime(months=1, days=1), "2026-03-29T12:00:00+02:00"),
        # Hours are real time, counted after the date step.
        ("2026-03-29T01:30:00+01:00", CalendarTime(hours=1), "2026-03-29T03:30:00+02:00"),
        ("2026-10-25T02:30:00+02:00", CalendarTime(hours=1), "2026-10-25T02:30:00+01:00"),
    ],
)
def test_calendar_time_on_dst_days(start: str, duration: CalendarTime, expected: str) -> None:
    office = Calendar.weekdays("09:00", "17:00", tz=AMS)
    assert_instant(office.add(at(start), duration), expected, AMS)
