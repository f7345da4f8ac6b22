"""``ExportReading`` (slacalc._io.exports): a tool's export read through a profile (SPEC 8).

The contract throughout is ``intramed/online``: zone Europe/Amsterdam, priorities
``level-1``, ``level-2``, ``level-3`` with aliases ``Niveau N``, ``N`` and
``Storingsniveau N``; level-1 ``restore`` is 4 h on support hours (Monday 08:00-20:00).
23 November 2026 is a Monday; Amsterdam is on +01:00 then.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from slacalc import (
    CalendarError,
    NaiveDatetimeError,
    Status,
    Ticket,
    TicketError,
    contracts,
)
from slacalc._io.exports import ExportReading, MappingError
from slacalc._io.records import TICKET_COLUMNS
from slacalc._io.rows import BadLine
from slacalc.profiles import Profile

AMS = ZoneInfo("Europe/Amsterdam")
INTRAMED = contracts.get("intramed/online")
IDS = "level-1, level-2, level-3"

MINE = Profile(
    id="mine",
    tool="My desk",
    columns={
        "id": "Key",
        "priority": "Urgency",
        "opened_at": "Created",
        "resolved_at": "Resolved",
        "closed_at": "Closed On",
        "status": "State",
    },
    durations={"responded_at": "First reply (min)"},
    priorities={"Hoog": "Niveau 1"},
    time_formats=("%d-%m-%Y %H:%M",),
    tz="Europe/Amsterdam",
)


def unmapped(name: str, where: str = " of intramed/online", ids: str = IDS) -> str:
    return (
        f"priority {name!r} is not mapped to a priority{where}: add --priority '{name}=ID' "
        f"(in Python priorities={{{name!r}: ID}}), ID one of {ids}"
    )


def read(reading: ExportReading, record: dict[str, object]):
    return reading.parse(reading.translate(record))


# --- build ---------------------------------------------------------------------------------


def test_build_takes_tz_from_the_call_else_from_the_profile() -> None:
    assert ExportReading.build(INTRAMED, MINE).times.tz == AMS  # the profile's
    ny = ExportReading.build(INTRAMED, MINE, tz="America/New_York")
    assert ny.times.tz == ZoneInfo("America/New_York")  # the call's wins
    assert ExportReading.build(INTRAMED, Profile(id="no-tz")).times.tz is None
    assert ExportReading.build(INTRAMED).times.tz is None
    assert ExportReading.build(INTRAMED, tz="UTC").times.tz == ZoneInfo("UTC")


def test_build_takes_formats_from_the_profile_and_the_hint_from_the_contract() -> None:
    reading = ExportReading.build(INTRAMED, MINE, option="tz='{zone}'")
    assert reading.times.formats == ("%d-%m-%Y %H:%M",)
    assert reading.times.hint == AMS
    assert reading.times.option == "tz='{zone}'"
    assert (reading.contract, reading.profile) == (INTRAMED, MINE)
    bare = ExportReading.build(None)
    assert (bare.times.hint, bare.times.formats, bare.contract, bare.profile) == (
        None,
        (),
        None,
        None,
    )


def test_build_with_an_unknown_zone_is_a_calendar_error() -> None:
    with pytest.raises(CalendarError, match="unknown time zone 'Europe/Amsterdm'"):
        ExportReading.build(INTRAMED, tz="Europe/Amsterdm")


def test_priorities_merge_the_profiles_and_the_given_by_normalised_name() -> None:
    reading = ExportReading.build(
        INTRAMED,
        MINE,  # Hoog -> Niveau 1 (an alias of level-1)
        priorities={"Very High": "level-1", "Laag": "3", "Middel": "storingsniveau-2"},
    )
    # keys normalised (case, spaces, dashes, underscores); values the contract's ids
    assert dict(reading.priorities) == {
        "hoog": "level-1",
        "veryhigh": "level-1",
        "laag": "level-3",
        "middel": "level-2",
    }


def test_a_given_priority_replaces_the_profiles_of_the_same_normalised_name() -> None:
    reading = ExportReading.build(INTRAMED, MINE, priorities={"HOOG": "level-2"})
    assert dict(reading.priorities) == {"hoog": "level-2"}


def test_a_mapped_value_that_is_no_priority_of_the_contract_is_a_mapping_error() -> None:
    with pytest.raises(MappingError) as caught:
        ExportReading.build(INTRAMED, MINE, priorities={"Urgent": "P1"})
    assert str(caught.value) == (
        f"priority mapping Urgent=P1: 'P1' is no priority of intramed/online (its priorities: "
        f"{IDS})"
    )
    assert isinstance(caught.value, TicketError)
    assert isinstance(caught.value, ValueError)


def test_a_profiles_own_bad_mapping_is_a_mapping_error_too() -> None:
    bad = MINE.with_changes({"priorities": {"Hoog": "Niveau 9"}})
    with pytest.raises(MappingError, match=r"^priority mapping Hoog=Niveau 9: 'Niveau 9' is no"):
        ExportReading.build(INTRAMED, bad)


def test_without_a_contract_a_mapping_is_kept_as_given() -> None:
    reading = ExportReading.build(None, priorities={"Very High": "whatever"})
    assert dict(reading.priorities) == {"veryhigh": "whatever"}


def test_mapped_with_a_profile_or_a_mapping() -> None:
    assert not ExportReading.build(INTRAMED).mapped
    assert ExportReading.build(INTRAMED, priorities={"Hoog": "level-1"}).mapped
    assert ExportReading.build(INTRAMED, Profile(id="bare")).mapped  # a profile never guesses


# --- columns -------------------------------------------------------------------------------


def test_ticket_columns_without_a_profile_are_slacalcs_own() -> None:
    known, required = ExportReading.build(INTRAMED).ticket_columns()
    assert known == list(TICKET_COLUMNS)
    assert required == ["id", "priority", "opened_at"]


def test_ticket_columns_of_a_profile_are_its_column_names_lowercased() -> None:
    profile = MINE.with_changes({"columns": {"kind": "  Ticket Type "}})
    known, required = ExportReading.build(INTRAMED, profile).ticket_columns()
    # PROFILE_FIELDS in order, each the profile's column (or the field's own name), then
    # the duration columns
    assert known == [
        "key",
        "urgency",
        "created",
        "ticket type",
        "contract",
        "responded_at",
        "workaround_at",
        "root_cause_at",
        "on_site_requested_at",
        "on_site_at",
        "resolved",
        "closed on",
        "state",
        "first reply (min)",
    ]
    assert required == ["key", "urgency", "created"]


def test_translate_without_a_profile_keeps_the_record() -> None:
    record = {"id": "T-1", "Other": 1}
    out = ExportReading.build(INTRAMED).translate(record)
    assert out == record
    assert out is not record


def test_translate_matches_headers_ignoring_case_and_blanks_and_drops_other_columns() -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    out = reading.translate(
        {
            " KEY ": "T-1",
            "urgency": "Hoog",
            "CREATED": "23-11-2026 09:00",
            "first reply (MIN)": "30",
            "Assignee": "bob",  # not a column of the profile: dropped
        }
    )
    assert out == {
        "id": "T-1",
        "priority": "Hoog",
        "opened_at": "23-11-2026 09:00",
        "kind": None,
        "contract": None,
        "responded_at": None,
        "workaround_at": None,
        "root_cause_at": None,
        "on_site_requested_at": None,
        "on_site_at": None,
        "resolved_at": None,
        "closed_at": None,
        "status": None,
        "responded_at:minutes": "30",
    }


def test_records_translates_each_record_and_passes_bad_lines_on() -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    bad = BadLine("more fields than the header has", "T-9")
    out = list(reading.records([(2, {"Key": "T-1"}), (3, bad)]))
    assert [key for key, _ in out] == [2, 3]
    assert out[0][1]["id"] == "T-1"
    assert out[1][1] is bad
    # without a profile the records are copies of themselves
    plain = list(ExportReading.build(INTRAMED).records([(2, {"id": "T-1"}), (3, "bad")]))
    assert plain == [(2, {"id": "T-1"}), (3, "bad")]


# --- parse: priorities ---------------------------------------------------------------------

ROW = {"Key": "T-1", "Urgency": "Hoog", "Created": "23-11-2026 09:00"}


@pytest.mark.parametrize("written", ["Hoog", "HOOG", " hoog ", "ho-og", "h_o o_g"])
def test_a_priority_is_mapped_by_its_normalised_name(written: str) -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    fields, events = read(reading, {**ROW, "Urgency": written})
    assert fields == {
        "id": "T-1",
        "priority": "level-1",
        "opened_at": datetime(2026, 11, 23, 9, tzinfo=AMS),
        "kind": "incident",
    }
    assert events == []


def test_an_unmapped_priority_lists_the_contracts_ids_and_the_option_to_add() -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    with pytest.raises(TicketError) as caught:
        read(reading, {**ROW, "Urgency": "Medium"})
    assert str(caught.value) == (
        "priority 'Medium' is not mapped to a priority of intramed/online: add --priority "
        "'Medium=ID' (in Python priorities={'Medium': ID}), ID one of level-1, level-2, level-3"
    )
    # a priority of the contract itself is no mapping either: a profile never guesses
    with pytest.raises(TicketError, match=r"^priority 'level-1' is not mapped"):
        read(reading, {**ROW, "Urgency": "level-1"})


def test_a_mapping_without_a_profile_maps_slacalcs_own_priority_column() -> None:
    reading = ExportReading.build(INTRAMED, priorities={"Urgent": "level-1"})
    record = {"id": "T-1", "priority": "urgent", "opened_at": "2026-11-23T09:00+01:00"}
    fields, _ = reading.parse(record)
    assert fields["priority"] == "level-1"
    with pytest.raises(TicketError) as caught:
        reading.parse({**record, "priority": "Niveau 1"})
    assert str(caught.value) == unmapped("Niveau 1")


def test_without_a_mapping_the_priority_is_kept_for_the_contract_to_resolve() -> None:
    reading = ExportReading.build(INTRAMED)
    fields, _ = reading.parse(
        {"id": "T-1", "priority": "Niveau 1", "opened_at": "2026-11-23T09:00+01:00"}
    )
    assert fields["priority"] == "Niveau 1"


def test_an_empty_priority_is_reported_as_empty_not_as_unmapped() -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    with pytest.raises(TicketError) as caught:
        read(reading, {**ROW, "Urgency": "  "})
    assert str(caught.value) == "priority is empty"


def test_an_unmapped_priority_without_a_contract_names_no_contract() -> None:
    reading = ExportReading.build(None, priorities={"Hoog": "P1"})
    record = {"id": "T-1", "priority": "Laag", "opened_at": "2026-11-23T09:00+01:00"}
    with pytest.raises(TicketError) as caught:
        reading.parse(record)
    assert str(caught.value) == (
        "priority 'Laag' is not mapped: add --priority 'Laag=ID' (in Python "
        "priorities={'Laag': ID}), ID a priority of the contract"
    )


# --- parse: times, durations, closed_at ----------------------------------------------------


def test_times_read_through_the_profiles_formats_in_its_zone() -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    fields, events = read(
        reading,
        {**ROW, "Resolved": "23-11-2026 12:00", "Closed On": "2026-11-24T10:00:00+01:00"},
    )
    assert fields["opened_at"].isoformat() == "2026-11-23T09:00:00+01:00"
    assert [(e.at.isoformat(), e.kind) for e in events] == [
        ("2026-11-23T12:00:00+01:00", "resolved"),
        ("2026-11-24T10:00:00+01:00", "closed"),  # closed_at is the closed event
    ]


@pytest.mark.parametrize(
    ("minutes", "after"),
    [
        ("90", timedelta(minutes=90)),
        ("90,5", timedelta(minutes=90, seconds=30)),  # a decimal comma
        ("90.5", timedelta(minutes=90, seconds=30)),
        (" 0 ", timedelta(0)),  # at the opening
        (45, timedelta(minutes=45)),  # a number cell (a frame)
        (1.25, timedelta(minutes=1, seconds=15)),
    ],
)
def test_a_duration_is_minutes_after_the_opening(minutes: object, after: timedelta) -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    _, events = read(reading, {**ROW, "First reply (min)": minutes})
    assert [(e.at, e.kind) for e in events] == [
        (datetime(2026, 11, 23, 9, tzinfo=AMS) + after, "responded")
    ]


def test_a_duration_from_an_opening_with_an_offset_is_real_time() -> None:
    # opened 23:00+02:00 (21:00Z), 240 minutes later: 01:00Z
    reading = ExportReading.build(INTRAMED, MINE)
    _, events = read(
        reading, {**ROW, "Created": "2026-10-24T23:00+02:00", "First reply (min)": "240"}
    )
    assert events[0].at.astimezone(timezone.utc) == datetime(2026, 10, 25, 1, tzinfo=timezone.utc)


def test_a_duration_is_real_time_across_a_dst_change() -> None:
    # opened Saturday 24 Oct 2026 23:00 local (the profile's tz: +02:00, 21:00Z); 240
    # minutes of real time later is 01:00Z, 02:00+01:00 after the clocks went back at
    # 03:00 (01:00Z). Wall-clock arithmetic would give 03:00+01:00 = 02:00Z instead.
    reading = ExportReading.build(INTRAMED, MINE)
    fields, events = read(
        reading, {**ROW, "Created": "24-10-2026 23:00", "First reply (min)": "240"}
    )
    assert fields["opened_at"].isoformat() == "2026-10-24T23:00:00+02:00"
    assert events[0].at.astimezone(timezone.utc) == datetime(2026, 10, 25, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        ("abc", "responded_at:minutes 'abc' is not a number of minutes"),
        ("1:30", "responded_at:minutes '1:30' is not a number of minutes"),
        ("-5", "responded_at:minutes '-5' is not a number of minutes >= 0"),
        ("nan", "responded_at:minutes 'nan' is not a number of minutes >= 0"),
        ("inf", "responded_at:minutes 'inf' is not a number of minutes >= 0"),
        ("100000000", "responded_at:minutes '100000000' is not a number of minutes >= 0"),
    ],
)
def test_a_bad_duration_is_a_row_error(minutes: str, message: str) -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    with pytest.raises(ValueError, match="minutes") as caught:
        read(reading, {**ROW, "First reply (min)": minutes})
    assert str(caught.value) == message


@pytest.mark.parametrize("blank", [None, "", "  ", float("nan")])
def test_a_blank_duration_is_no_event(blank: object) -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    assert read(reading, {**ROW, "First reply (min)": blank})[1] == []


def test_a_duration_needs_a_good_opening() -> None:
    # with no opening to count from, only the opening's problem is reported
    reading = ExportReading.build(INTRAMED, MINE)
    with pytest.raises(ValueError, match="opened_at") as caught:
        read(reading, {**ROW, "Created": "", "First reply (min)": "abc"})
    assert str(caught.value) == "opened_at is empty"


def test_durations_of_fields_the_profile_does_not_map_are_not_read() -> None:
    # a record in slacalc's names with a ":minutes" cell the profile has no duration for
    reading = ExportReading.build(INTRAMED, MINE)
    record = reading.translate(ROW)
    record["resolved_at:minutes"] = "60"
    assert reading.parse(record)[1] == []


def test_without_a_profile_closed_at_and_minutes_columns_are_not_events() -> None:
    # slacalc's own columns unchanged: resolved_at is an event, closed_at is not one of them
    reading = ExportReading.build(INTRAMED)
    fields, events = reading.parse(
        {
            "id": "T-1",
            "priority": "level-1",
            "opened_at": "2026-11-23T09:00+01:00",
            "resolved_at": "2026-11-23T12:00+01:00",
            "closed_at": "2026-11-23T13:00+01:00",
            "responded_at:minutes": "10",
            "kind": "bug",
        }
    )
    assert fields["kind"] == "bug"
    assert [(e.at.hour, e.kind) for e in events] == [(12, "resolved")]


def test_every_problem_of_a_row_at_once() -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    with pytest.raises(TicketError) as caught:
        read(
            reading,
            {
                **ROW,
                "Urgency": "Medium",
                "Resolved": "nope",
                "First reply (min)": "abc",
            },
        )
    assert str(caught.value) == (
        f"{unmapped('Medium')}; resolved_at 'nope' is not an ISO 8601 time or "
        "'%d-%m-%Y %H:%M'; responded_at:minutes 'abc' is not a number of minutes"
    )


def test_an_unmapped_priority_and_a_missing_id_at_once() -> None:
    reading = ExportReading.build(INTRAMED, MINE)
    with pytest.raises(TicketError) as caught:
        read(reading, {**ROW, "Key": "", "Urgency": "Medium"})
    assert str(caught.value) == f"{unmapped('Medium')}; id is empty"


# --- no offset, no tz ----------------------------------------------------------------------


def test_without_tz_a_local_time_names_the_contracts_offset_on_that_date() -> None:
    summer = {"id": "T-1", "priority": "level-1", "opened_at": "2026-07-01T10:00"}
    winter = {**summer, "opened_at": "2026-01-15T10:00"}
    reading = ExportReading.build(INTRAMED, option="tz='{zone}'")
    # (parse reports every problem as one TicketError, a ValueError: the NaiveDatetimeError
    # that TimeReader raises is not passed on as such)
    with pytest.raises(ValueError, match="no UTC offset") as caught:
        reading.parse(summer)
    assert str(caught.value) == (
        "opened_at '2026-07-01T10:00' has no UTC offset: write 2026-07-01T10:00+02:00 (the "
        "offset of Europe/Amsterdam on that date) or pass tz='Europe/Amsterdam'"
    )
    with pytest.raises(ValueError, match=r"write 2026-01-15T10:00\+01:00 \(the offset"):
        reading.parse(winter)
    with pytest.raises(NaiveDatetimeError, match=r"2026-01-15T10:00\+01:00"):
        reading.times.read(winter["opened_at"], "opened_at")


def test_the_default_option_names_the_zone_to_pass_on_the_command_line() -> None:
    reading = ExportReading.build(INTRAMED)
    assert reading.times.option == "--tz {zone}"
    with pytest.raises(ValueError, match="no UTC offset") as caught:
        reading.parse({"id": "T-1", "priority": "level-1", "opened_at": "2026-07-01T10:00"})
    assert str(caught.value) == (
        "opened_at '2026-07-01T10:00' has no UTC offset: write 2026-07-01T10:00+02:00 (the "
        "offset of Europe/Amsterdam on that date) or pass --tz Europe/Amsterdam"
    )
    # without a contract there is no zone to name: its offset is not guessed
    with pytest.raises(ValueError, match="no UTC offset") as caught:
        ExportReading.build(None).parse(
            {"id": "T-1", "priority": "P1", "opened_at": "2026-07-01T10:00"}
        )
    assert str(caught.value).endswith("or pass --tz ZONE (an IANA zone name)")


# --- end to end ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resolved", "status"),
    [("23-11-2026 13:00", Status.MET), ("2026-11-23T13:00:01+01:00", Status.BREACHED)],
)
def test_an_exports_row_is_judged_by_the_contract(resolved: str, status: Status) -> None:
    # level-1 restore 4 h from Monday 09:00 (support until 20:00): due 13:00; resolved at
    # 13:00 meets it, a second later breaches it
    reading = ExportReading.build(INTRAMED, MINE, priorities={"Spoed": "1"})
    fields, events = read(reading, {**ROW, "Urgency": "Spoed", "Resolved": resolved})
    report = INTRAMED.evaluate(
        Ticket(**fields, events=events), at=datetime(2026, 11, 23, 18, tzinfo=AMS)
    )
    r = report.targets["restore"]
    assert (r.status, r.due_at) == (status, datetime(2026, 11, 23, 13, tzinfo=AMS))
