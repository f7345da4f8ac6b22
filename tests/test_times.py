"""``TimeReader`` (slacalc._io.times): one rule for every instant read from a cell (SPEC 8).

ISO 8601 with an offset as it stands; RFC 9557 ``time[Zone]`` as local time in that zone
(an offset, when given too, fixes the instant and the zone only shows it); a time without
an offset is local time in ``tz``, or a ``NaiveDatetimeError`` naming the real offset of
the ``hint`` zone on that date. Spring gaps are errors, autumn folds read as the first
occurrence.

DST facts used (IANA data, worked out by hand):

* Europe/Amsterdam: CET +01:00, CEST +02:00; 2026-03-29 02:00 -> 03:00 (02:00-02:59:59
  does not exist), 2026-10-25 03:00 -> 02:00 (02:00-02:59:59 happens twice).
* America/New_York: EST -05:00, EDT -04:00; 2026-03-08 02:00 -> 03:00, 2026-11-01
  02:00 -> 01:00 (01:00-01:59:59 twice).
* Australia/Lord_Howe: +10:30 standard, +11:00 summer (a half-hour shift); 2026-10-04
  02:00 -> 02:30 (02:00-02:29:59 does not exist), 2026-04-05 02:00 -> 01:30
  (01:30-01:59:59 twice).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from slacalc import CalendarError, NaiveDatetimeError, SlacalcError
from slacalc._io.times import STRICT, TimeReader, shown

AMS = ZoneInfo("Europe/Amsterdam")
NY = ZoneInfo("America/New_York")
LHI = ZoneInfo("Australia/Lord_Howe")

GAP = (
    "does not exist in {zone}: the clocks skip that hour (daylight saving time); correct "
    "the time or give it with its UTC offset"
)


def offset(value: datetime) -> timedelta | None:
    return value.utcoffset()


def utc(value: datetime) -> datetime:
    """In UTC: PEP 495 makes a time in a fold compare unequal to every time of another zone,
    so instants are compared in one zone."""
    return value.astimezone(timezone.utc)


# --- ISO 8601 with an offset ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-07-01T10:00+02:00", datetime(2026, 7, 1, 8, tzinfo=timezone.utc)),
        ("2026-07-01T10:00:00.250+02:00", datetime(2026, 7, 1, 8, 0, 0, 250000, timezone.utc)),
        ("2026-07-01T08:00Z", datetime(2026, 7, 1, 8, tzinfo=timezone.utc)),
        ("  2026-07-01T10:00+02:00 ", datetime(2026, 7, 1, 8, tzinfo=timezone.utc)),
        ("2026-07-01 10:00-04:00", datetime(2026, 7, 1, 14, tzinfo=timezone.utc)),
    ],
)
def test_iso_with_an_offset_is_read_as_it_stands(text: str, expected: datetime) -> None:
    for reader in (STRICT, TimeReader(tz=NY), TimeReader(hint=AMS)):  # tz plays no part
        got = reader.read(text, "opened_at")
        assert got == expected
        # the offset of the text is kept (not converted to tz)
        assert offset(got) == offset(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))


def test_an_offset_wins_over_tz_even_in_a_gap_of_tz() -> None:
    # 02:30+01:00 on 29 March is 01:30Z, a real instant; tz's gap is irrelevant
    got = TimeReader(tz=AMS).read("2026-03-29T02:30+01:00", "at")
    assert got == datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)


# --- RFC 9557 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # summer: CEST +02:00; winter: CET +01:00
        ("2026-07-01T10:00[Europe/Amsterdam]", "2026-07-01T10:00:00+02:00"),
        ("2026-01-01T10:00[Europe/Amsterdam]", "2026-01-01T10:00:00+01:00"),
        # the critical flag, and further suffix tags (a calendar), change nothing here
        ("2026-07-01T10:00[!Europe/Amsterdam]", "2026-07-01T10:00:00+02:00"),
        ("2026-07-01T10:00[Europe/Amsterdam][u-ca=iso8601]", "2026-07-01T10:00:00+02:00"),
        ("2026-07-01T10:00[!Europe/Amsterdam][u-ca=gregory][x-a=b]", "2026-07-01T10:00:00+02:00"),
        # blanks around the time or inside the brackets are dropped
        ("2026-07-01T10:00 [ Europe/Amsterdam ]", "2026-07-01T10:00:00+02:00"),
        ("2026-07-01T10:00[America/New_York]", "2026-07-01T10:00:00-04:00"),
        ("2026-07-01T10:00[Australia/Lord_Howe]", "2026-07-01T10:00:00+10:30"),
        ("2026-07-01T10:00[UTC]", "2026-07-01T10:00:00+00:00"),
    ],
)  # fmt: skip
def test_rfc_9557_is_local_time_in_the_named_zone(text: str, iso: str) -> None:
    got = STRICT.read(text, "opened_at")
    assert got.isoformat() == iso
    zone_name = text.split("[")[1].strip("!] ")
    assert got.tzinfo == ZoneInfo(zone_name)  # shown in that zone


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # 10:00+00:00 is 12:00 in Amsterdam's summer: the offset decides the instant
        ("2026-07-01T10:00+00:00[Europe/Amsterdam]", "2026-07-01T12:00:00+02:00"),
        ("2026-07-01T08:00Z[Europe/Amsterdam]", "2026-07-01T10:00:00+02:00"),
        ("2026-07-01T10:00+02:00[!Europe/Amsterdam][u-ca=iso8601]", "2026-07-01T10:00:00+02:00"),
        # the second 02:30 of 25 October (+01:00) is kept as such, though local reading
        # of 02:30 would give the first (+02:00)
        ("2026-10-25T02:30+01:00[Europe/Amsterdam]", "2026-10-25T02:30:00+01:00"),
    ],
)  # fmt: skip
def test_rfc_9557_with_an_offset_the_offset_wins_shown_in_the_zone(text: str, iso: str) -> None:
    got = TimeReader(tz=NY).read(text, "opened_at")  # tz plays no part either
    assert got.isoformat() == iso
    assert got.tzinfo == AMS


def test_rfc_9557_in_a_gap_is_a_calendar_error_and_in_a_fold_the_first() -> None:
    text = "2026-03-29T02:30[Europe/Amsterdam]"
    with pytest.raises(CalendarError) as caught:
        STRICT.read(text, "opened_at")
    assert str(caught.value) == f"opened_at {text!r} " + GAP.format(zone="Europe/Amsterdam")
    assert STRICT.read("2026-10-25T02:30[Europe/Amsterdam]", "at").isoformat() == (
        "2026-10-25T02:30:00+02:00"
    )


def test_rfc_9557_with_an_unknown_zone_is_a_calendar_error_naming_close_zones() -> None:
    text = "2026-07-01T10:00[Europe/Amsterdm]"
    with pytest.raises(CalendarError) as caught:
        STRICT.read(text, "opened_at")
    message = str(caught.value)
    assert message.startswith(
        "opened_at '2026-07-01T10:00[Europe/Amsterdm]': unknown time zone 'Europe/Amsterdm': "
        "use an IANA zone name such as 'Europe/Amsterdam'; did you mean 'Europe/Amsterdam'"
    )


def test_rfc_9557_with_a_bad_time_is_a_calendar_error() -> None:
    with pytest.raises(CalendarError) as caught:
        STRICT.read("tomorrow[Europe/Amsterdam]", "at")
    assert str(caught.value) == "at 'tomorrow[Europe/Amsterdam]' is not an RFC 9557 time"


@pytest.mark.parametrize(
    "text",
    [
        "2026-07-01T10:00[Europe/Amsterdam]x",  # text after the suffix
        "2026-07-01T10:00[Europe/Amsterdam",  # an unclosed bracket
        "[Europe/Amsterdam]",  # no time
    ],
)
def test_text_that_is_not_rfc_9557_is_read_as_iso_and_fails(text: str) -> None:
    with pytest.raises(CalendarError) as caught:
        STRICT.read(text, "at")
    assert str(caught.value) == f"at {text!r} is not an ISO 8601 time"


@pytest.mark.parametrize(
    "text",
    ["2026-07-01T10:00+02:00[u-ca=iso8601]", "2026-07-01T10:00+02:00[+02:00]"],
)
def test_bug_rfc_9557_suffixes_without_a_zone_name(text: str) -> None:
    # RFC 9557 section 4.1: suffix = [time-zone] *suffix-tag; time-zone = "[" critical-flag
    # time-zone-name / time-numoffset "]". Both are 08:00Z.
    assert STRICT.read(text, "at") == datetime(2026, 7, 1, 8, tzinfo=timezone.utc)


# --- local times in tz: gaps and folds -----------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "text"),
    [
        (AMS, "2026-03-29T02:30"),
        (AMS, "2026-03-29T02:00"),  # the first skipped second
        (AMS, "2026-03-29T02:59:59"),  # the last
        (NY, "2026-03-08T02:30"),
        (LHI, "2026-10-04T02:15"),  # a half-hour gap: 02:00-02:29:59
        (LHI, "2026-10-04T02:00"),
        (LHI, "2026-10-04T02:29:59"),
    ],
)
def test_a_local_time_the_clocks_skip_is_a_calendar_error(zone: ZoneInfo, text: str) -> None:
    with pytest.raises(CalendarError) as caught:
        TimeReader(tz=zone).read(text, "opened_at")
    assert str(caught.value) == f"opened_at {text!r} " + GAP.format(zone=zone.key)


@pytest.mark.parametrize(
    ("zone", "text", "iso"),
    [
        # just around Amsterdam's spring gap
        (AMS, "2026-03-29T01:59:59", "2026-03-29T01:59:59+01:00"),
        (AMS, "2026-03-29T03:00", "2026-03-29T03:00:00+02:00"),
        # Amsterdam's autumn fold: the first occurrence, still on summer time (+02:00)
        (AMS, "2026-10-25T02:30", "2026-10-25T02:30:00+02:00"),
        (AMS, "2026-10-25T02:00", "2026-10-25T02:00:00+02:00"),
        (AMS, "2026-10-25T02:59:59", "2026-10-25T02:59:59+02:00"),
        (AMS, "2026-10-25T03:00", "2026-10-25T03:00:00+01:00"),  # after the fold
        (AMS, "2026-10-25T01:59:59", "2026-10-25T01:59:59+02:00"),  # before it
        # New York: around the gap, and the fold's first 01:30 is EDT (-04:00)
        (NY, "2026-03-08T01:59:59", "2026-03-08T01:59:59-05:00"),
        (NY, "2026-03-08T03:00", "2026-03-08T03:00:00-04:00"),
        (NY, "2026-11-01T01:30", "2026-11-01T01:30:00-04:00"),
        (NY, "2026-11-01T02:00", "2026-11-01T02:00:00-05:00"),
        # Lord Howe: after the half-hour gap +11:00; the fold's first 01:45 is +11:00
        (LHI, "2026-10-04T02:30", "2026-10-04T02:30:00+11:00"),
        (LHI, "2026-10-04T01:59:59", "2026-10-04T01:59:59+10:30"),
        (LHI, "2026-04-05T01:45", "2026-04-05T01:45:00+11:00"),
        (LHI, "2026-04-05T01:30", "2026-04-05T01:30:00+11:00"),
        (LHI, "2026-04-05T02:00", "2026-04-05T02:00:00+10:30"),
    ],
)
def test_local_times_in_tz_and_the_first_of_a_repeated_time(
    zone: ZoneInfo, text: str, iso: str
) -> None:
    got = TimeReader(tz=zone).read(text, "opened_at")
    assert got.isoformat() == iso
    assert got.tzinfo is zone
    assert got.fold == 0


def test_the_two_readings_of_a_fold_are_an_hour_apart_and_only_the_first_is_read() -> None:
    first = TimeReader(tz=AMS).read("2026-10-25T02:30", "at")
    second = STRICT.read("2026-10-25T02:30+01:00", "at")
    # 02:30+02:00 = 00:30Z; 02:30+01:00 = 01:30Z
    assert second - first == timedelta(hours=1)
    # (compared in UTC: PEP 495 makes a time in a fold unequal to any time of another zone)
    assert first.astimezone(timezone.utc) == datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)


# --- formats -------------------------------------------------------------------------------


def test_formats_are_tried_in_order_after_iso() -> None:
    day_first = TimeReader(tz=AMS, formats=("%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M"))
    month_first = TimeReader(tz=AMS, formats=("%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M"))
    # "01/02/2026" matches both patterns: the first listed decides
    assert day_first.read("01/02/2026 10:00", "at").isoformat() == "2026-02-01T10:00:00+01:00"
    assert month_first.read("01/02/2026 10:00", "at").isoformat() == "2026-01-02T10:00:00+01:00"
    # "25/12/2026" only matches day first, whichever comes first
    assert month_first.read("25/12/2026 10:00", "at").isoformat() == "2026-12-25T10:00:00+01:00"
    # ISO 8601 is tried before any pattern: 2026-02-01 is 1 February, never 2 January
    swapped = TimeReader(tz=AMS, formats=("%Y-%d-%m %H:%M",))
    assert swapped.read("2026-02-01 10:00", "at").isoformat() == "2026-02-01T10:00:00+01:00"


def test_a_format_with_an_offset_gives_an_aware_instant_without_tz() -> None:
    reader = TimeReader(formats=("%d-%m-%Y %H:%M %z",))
    assert reader.read("23-11-2026 16:00 +0100", "at") == datetime(
        2026, 11, 23, 15, tzinfo=timezone.utc
    )


def test_a_format_in_a_gap_is_a_calendar_error_naming_the_text() -> None:
    reader = TimeReader(tz=AMS, formats=("%d-%m-%Y %H:%M",))
    with pytest.raises(CalendarError) as caught:
        reader.read("29-03-2026 02:30", "resolved_at")
    assert str(caught.value) == "resolved_at '29-03-2026 02:30' " + GAP.format(
        zone="Europe/Amsterdam"
    )


@pytest.mark.parametrize(
    ("formats", "text", "message"),
    [
        ((), "yesterday", "opened_at 'yesterday' is not an ISO 8601 time"),
        (
            ("%d-%m-%Y %H:%M", "%d/%m/%Y"),
            "23.11.2026",
            "opened_at '23.11.2026' is not an ISO 8601 time or '%d-%m-%Y %H:%M', '%d/%m/%Y'",
        ),
        (
            ("%d-%m-%Y",),
            "32-11-2026",
            "opened_at '32-11-2026' is not an ISO 8601 time or '%d-%m-%Y'",
        ),
        ((), "2026-02-30T10:00", "opened_at '2026-02-30T10:00' is not an ISO 8601 time"),
        ((), 12345, "opened_at '12345' is not an ISO 8601 time"),  # not text: read as str()
        (
            (),
            "x" * 100,
            f"opened_at {'x' * 60!r}"[:-1] + "...' (100 characters) is not an ISO 8601 time",
        ),
    ],
)  # fmt: skip
def test_bad_text_is_a_calendar_error_naming_the_column_and_the_formats(
    formats: tuple[str, ...], text: object, message: str
) -> None:
    with pytest.raises(CalendarError) as caught:
        TimeReader(tz=AMS, formats=formats).read(text, "opened_at")
    assert str(caught.value) == message


@pytest.mark.parametrize("value", [None, "", "   ", "\t"])
def test_a_blank_cell_is_empty(value: object) -> None:
    with pytest.raises(CalendarError) as caught:
        TimeReader(tz=AMS).read(value, "opened_at")
    assert str(caught.value) == "opened_at is empty"


@pytest.mark.parametrize("tz", [AMS, None])
@pytest.mark.parametrize("value", [pd.NaT, float("nan")])
def test_bug_nat_and_nan_cells_are_empty(value: object, tz: tzinfo | None) -> None:
    with pytest.raises(CalendarError) as caught:
        TimeReader(tz=tz).read(value, "at")
    assert str(caught.value) == "at is empty"


# --- no tz: the message names the real offset of the hint zone -----------------------------


@pytest.mark.parametrize(
    ("hint", "text", "written"),
    [
        (AMS, "2026-07-01T10:00", "+02:00"),  # summer time
        (AMS, "2026-01-15T10:00", "+01:00"),  # winter time: never a hard-coded +01:00
        (AMS, "2026-10-25T02:30", "+02:00"),  # the fold: the first reading's offset
        (NY, "2026-07-01T10:00", "-04:00"),
        (NY, "2026-01-15T10:00", "-05:00"),
        (LHI, "2026-07-01T10:00", "+10:30"),  # Lord Howe's winter is half an hour off
        (LHI, "2026-01-15T10:00", "+11:00"),
        (ZoneInfo("Asia/Kolkata"), "2026-07-01T10:00", "+05:30"),
        (timezone.utc, "2026-07-01T10:00", "+00:00"),
    ],
)
def test_a_time_without_an_offset_names_the_hint_zones_offset_on_that_date(
    hint: tzinfo, text: str, written: str
) -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        TimeReader(hint=hint).read(text, "opened_at")
    assert str(caught.value) == (
        f"opened_at {text!r} has no UTC offset: write {text}{written} (the offset of {hint} "
        f"on that date) or pass --tz {hint}"
    )


def test_the_offset_the_message_names_makes_the_text_readable() -> None:
    # following the advice ("write 2026-07-01T10:00+02:00") gives 10:00 in Amsterdam
    with pytest.raises(NaiveDatetimeError) as caught:
        TimeReader(hint=AMS).read("2026-07-01T10:00", "at")
    advised = str(caught.value).split("write ")[1].split(" ")[0]
    assert advised == "2026-07-01T10:00+02:00"
    assert STRICT.read(advised, "at") == datetime(2026, 7, 1, 10, tzinfo=AMS)


@pytest.mark.parametrize(
    ("hint", "advice"),
    [
        (AMS, "write 2026-11-23T16:00:00+01:00 (the offset of Europe/Amsterdam on that date)"),
        (None, "write it with its offset (e.g. 2026-11-23T16:00:00+00:00 for UTC)"),
    ],
)
def test_the_advice_for_a_formatted_time_is_iso_text_that_reads(
    hint: tzinfo | None, advice: str
) -> None:
    # a time read by a strptime format: the message writes it as ISO 8601 with an offset
    # (appending the offset to "23-11-2026 16:00" would give text nothing reads)
    reader = TimeReader(hint=hint, formats=("%d-%m-%Y %H:%M",))
    with pytest.raises(NaiveDatetimeError) as caught:
        reader.read("23-11-2026 16:00", "at")
    assert str(caught.value).startswith(f"at '23-11-2026 16:00' has no UTC offset: {advice}")
    advised = advice.split("e.g. ")[-1].split("write ")[-1].split(" ")[0]
    assert utc(reader.read(advised, "at")) == utc(
        datetime(2026, 11, 23, 16, tzinfo=hint or timezone.utc)
    )


def test_the_option_text_says_how_the_caller_passes_the_zone() -> None:
    python = TimeReader(hint=AMS, option="tz='{zone}'")
    with pytest.raises(NaiveDatetimeError) as caught:
        python.read("2026-07-01T10:00", "opened_at")
    assert str(caught.value) == (
        "opened_at '2026-07-01T10:00' has no UTC offset: write 2026-07-01T10:00+02:00 (the "
        "offset of Europe/Amsterdam on that date) or pass tz='Europe/Amsterdam'"
    )


@pytest.mark.parametrize(
    ("option", "passed"), [("--tz {zone}", "--tz ZONE"), ("tz='{zone}'", "tz='ZONE'")]
)
def test_without_a_hint_the_message_names_no_offset(option: str, passed: str) -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        TimeReader(option=option).read("2026-07-01T10:00", "opened_at")
    assert str(caught.value) == (
        "opened_at '2026-07-01T10:00' has no UTC offset: write it with its offset (e.g. "
        f"2026-07-01T10:00+00:00 for UTC) or pass {passed} (an IANA zone name)"
    )


def test_a_naive_time_error_is_a_value_error_and_a_slacalc_error() -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        STRICT.read("2026-07-01T10:00", "at")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, SlacalcError)


# --- datetime objects and pandas Timestamps ------------------------------------------------


def test_an_aware_datetime_is_returned_as_it_is() -> None:
    aware = datetime(2026, 7, 1, 10, tzinfo=NY)
    assert TimeReader(tz=AMS).read(aware, "at") is aware


def test_a_naive_datetime_is_local_time_in_tz() -> None:
    reader = TimeReader(tz=AMS)
    assert reader.read(datetime(2026, 7, 1, 10), "at").isoformat() == "2026-07-01T10:00:00+02:00"
    assert reader.read(datetime(2026, 1, 1, 10), "at").isoformat() == "2026-01-01T10:00:00+01:00"
    assert reader.read(datetime(2026, 10, 25, 2, 30), "at").isoformat() == (
        "2026-10-25T02:30:00+02:00"
    )
    # fold=1 asks for the second 02:30; the reader reads wall-clock time, the first
    second = datetime(2026, 10, 25, 2, 30, fold=1)
    assert reader.read(second, "at").isoformat() == "2026-10-25T02:30:00+02:00"
    with pytest.raises(CalendarError) as caught:
        reader.read(datetime(2026, 3, 29, 2, 30), "at")
    assert str(caught.value) == "at '2026-03-29T02:30:00' " + GAP.format(zone="Europe/Amsterdam")


class _NoOffset(tzinfo):
    """A tzinfo that gives no offset: the datetime is naive for all purposes."""

    def utcoffset(self, dt: datetime | None) -> None:
        return None

    def dst(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> None:
        return None


def test_a_datetime_whose_tzinfo_gives_no_offset_is_naive() -> None:
    value = datetime(2026, 7, 1, 10, tzinfo=_NoOffset())
    assert TimeReader(tz=AMS).read(value, "at").isoformat() == "2026-07-01T10:00:00+02:00"
    with pytest.raises(NaiveDatetimeError):
        STRICT.read(value, "at")


@pytest.mark.parametrize(
    ("hint", "option", "message"),
    [
        (
            AMS,
            "--tz {zone}",
            "opened_at '2026-07-01T10:00:00' has no time zone (localize it, e.g. "
            "tz_localize('Europe/Amsterdam'), or pass --tz Europe/Amsterdam)",
        ),
        (
            NY,
            "tz='{zone}'",
            "opened_at '2026-07-01T10:00:00' has no time zone (localize it, e.g. "
            "tz_localize('America/New_York'), or pass tz='America/New_York')",
        ),
    ],
)
def test_a_naive_datetime_without_tz_is_a_naive_datetime_error(
    hint: tzinfo, option: str, message: str
) -> None:
    for value in (datetime(2026, 7, 1, 10), pd.Timestamp("2026-07-01 10:00")):
        with pytest.raises(NaiveDatetimeError) as caught:
            TimeReader(hint=hint, option=option).read(value, "opened_at")
        assert str(caught.value) == message


def test_a_naive_datetime_without_tz_or_hint_still_says_how_to_localize_it() -> None:
    with pytest.raises(NaiveDatetimeError, match=r"has no time zone \(localize it, e\.g\. "):
        STRICT.read(datetime(2026, 7, 1, 10), "at")


def test_pandas_timestamps_aware_and_naive() -> None:
    aware = pd.Timestamp("2026-07-01 10:00", tz="Europe/Amsterdam")
    got = STRICT.read(aware, "at")
    assert type(got) is datetime  # a plain datetime, not a Timestamp
    assert got == datetime(2026, 7, 1, 8, tzinfo=timezone.utc)
    utc = pd.Timestamp("2026-07-01 08:00", tz="UTC")
    assert STRICT.read(utc, "at") == got
    reader = TimeReader(tz=AMS)
    naive = reader.read(pd.Timestamp("2026-07-01 10:00"), "at")
    assert type(naive) is datetime
    assert naive.isoformat() == "2026-07-01T10:00:00+02:00"
    assert reader.read(pd.Timestamp("2026-10-25 02:30"), "at").isoformat() == (
        "2026-10-25T02:30:00+02:00"
    )
    with pytest.raises(CalendarError, match="does not exist in Europe/Amsterdam"):
        reader.read(pd.Timestamp("2026-03-29 02:30"), "at")


# --- shown, STRICT, the reader itself ------------------------------------------------------


def test_shown_quotes_and_cuts_long_cells() -> None:
    assert shown("abc") == "'abc'"
    assert shown("x" * 60) == repr("x" * 60)  # 60 characters: whole
    assert shown("x" * 61) == "'" + "x" * 60 + "...' (61 characters)"
    assert shown("y" * 1500) == "'" + "y" * 60 + "...' (1,500 characters)"


def test_shown_keeps_its_quotes_matched() -> None:
    # repr() quotes text holding a single quote in double quotes: the cut keeps them
    assert shown("it's " + "x" * 100) == '"' + "it's " + "x" * 55 + '..." (105 characters)'


def test_strict_reads_only_instants_with_an_offset() -> None:
    assert (STRICT.tz, STRICT.formats, STRICT.hint) == (None, (), None)
    assert STRICT.option == "--tz {zone}"
    with pytest.raises(dataclasses.FrozenInstanceError):
        STRICT.tz = AMS  # type: ignore[misc]


# --- property: local wall-clock time read back ---------------------------------------------


UTC_2026 = datetime(2026, 1, 1, tzinfo=timezone.utc)
# 25 October is day 298 (273 days to the end of September + 25): the fold's two 02:30s are
# 00:30Z and 01:30Z; 29 March is day 88 (31 + 28 + 29), its gap starts at 01:00Z
FOLD_FIRST = (297 * 24 + 0) * 3600 + 30 * 60
FOLD_SECOND = FOLD_FIRST + 3600
GAP_EDGE = (87 * 24 + 1) * 3600


@example(FOLD_FIRST)
@example(FOLD_SECOND)
@example(GAP_EDGE - 1)
@example(GAP_EDGE)
@given(st.integers(0, 365 * 24 * 3600 - 1))
def test_property_local_times_read_back_as_their_first_occurrence(seconds: int) -> None:
    # any instant of 2026, as Amsterdam's wall clock without an offset, reads back as the
    # same instant, except the second occurrence of a repeated time, which reads as the
    # first: one hour earlier (Amsterdam's folds are one hour)
    instant = UTC_2026 + timedelta(seconds=seconds)
    local = instant.astimezone(AMS)
    wall = local.replace(tzinfo=None).isoformat()
    expected = instant - (timedelta(hours=1) if local.fold else timedelta(0))
    assert utc(TimeReader(tz=AMS).read(wall, "at")) == expected
    assert utc(STRICT.read(f"{wall}[Europe/Amsterdam]", "at")) == expected
    # with its offset as well, the text names the instant exactly, in either form
    assert utc(STRICT.read(local.isoformat(), "at")) == instant
    assert utc(STRICT.read(f"{local.isoformat()}[Europe/Amsterdam]", "at")) == instant
