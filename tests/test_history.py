"""``History`` (slacalc._io.history): a status-history file (or frame) into ticket events.

Records come as the file and frame readers give them: keyed by line (or index label),
column names in lower case. Times are Amsterdam's, +01:00 in November 2026; 23 November
2026 is a Monday.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from slacalc import StatusMap, contracts
from slacalc._io.exports import ExportReading
from slacalc._io.history import OWN_COLUMNS, Change, History
from slacalc._io.rows import BadLine, TicketRow, evaluate_rows, read_ticket_rows
from slacalc._io.times import STRICT, TimeReader
from slacalc.profiles import HistoryColumns, Profile

AMS = ZoneInfo("Europe/Amsterdam")
OWN = History.columns_of(None)
STATUSES = StatusMap(paused=["Pending"], resolved=["Resolved"], closed=["Closed"])

CHANGELOG = HistoryColumns(
    ticket="Key",
    at="Created",
    status="toString",
    from_status="fromString",
    field="Field",
    field_value="Status",
)
DESK = Profile(id="desk", history=CHANGELOG)


def place(line: object) -> str:
    return f"history line {line}"


def at(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=AMS)


def iso(hour: int, minute: int = 0, day: int = 23) -> str:
    return at(hour, minute, day).isoformat()


def row(key: int, ticket: str | None, opened: datetime | None = None, **kw: object) -> TicketRow:
    data = {"opened_at": opened} if opened is not None else {}
    return TicketRow(key, ticket, data=data, **kw)  # type: ignore[arg-type]


def changes_of(history: History, records, times: TimeReader = STRICT):
    return history.read(records, times, place)


# --- columns -------------------------------------------------------------------------------


def test_columns_of_no_profile_or_a_profile_without_history_are_slacalcs_own() -> None:
    assert History(OWN_COLUMNS, own=True) == OWN
    assert History.columns_of(Profile(id="bare")) == OWN
    assert History.columns_of(DESK) == History(CHANGELOG, own=False)


def test_known_columns_of_slacalcs_own_history_include_the_aliases() -> None:
    assert OWN.known() == (
        ["ticket", "at", "status", "from_status", "to", "to_status", "from"],
        ["ticket", "at"],
    )


def test_known_columns_of_a_profiles_history_are_its_own_in_lower_case() -> None:
    assert History.columns_of(DESK).known() == (
        ["key", "created", "tostring", "fromstring", "field"],
        ["key", "created"],
    )
    plain = History(HistoryColumns(ticket=" Ticket ", at="When", status="State"), own=False)
    assert plain.known() == (["ticket", "when", "state"], ["ticket", "when"])


# --- read: slacalc's own columns -----------------------------------------------------------


def test_own_columns_read_each_tickets_changes_in_file_order() -> None:
    changes, bad = changes_of(
        OWN,
        [
            (2, {"ticket": "T-1", "at": iso(10), "status": "Pending"}),
            (3, {"ticket": "T-2", "at": iso(9), "status": "Open"}),
            (4, {"ticket": " T-1 ", "at": iso(12), "status": " Open "}),
        ],
    )
    assert bad == []
    assert changes == {
        "T-1": [Change(2, at(10), None, "Pending"), Change(4, at(12), None, "Open")],
        "T-2": [Change(3, at(9), None, "Open")],
    }


@pytest.mark.parametrize(
    ("record", "before", "after"),
    [
        ({"to": "Pending", "from": "Open"}, "Open", "Pending"),
        ({"to_status": "Pending", "from_status": "Open"}, "Open", "Pending"),
        ({"status": "Pending", "from_status": ""}, None, "Pending"),
        # the first non-empty of status, to, to_status; of from_status, from
        ({"status": "", "to": "Pending", "to_status": "Closed"}, None, "Pending"),
        ({"status": "Resolved", "to": "Pending"}, None, "Resolved"),
        ({"status": "Pending", "from_status": "New", "from": "Open"}, "New", "Pending"),
        ({"status": "Pending", "from_status": None, "from": "Open"}, "Open", "Pending"),
        ({"status": "Pending", "from": float("nan")}, None, "Pending"),
    ],
)
def test_own_columns_accept_the_aliases_of_status_and_from_status(
    record: dict[str, object], before: str | None, after: str
) -> None:
    changes, bad = changes_of(OWN, [(2, {"ticket": "T-1", "at": iso(10), **record})])
    assert bad == []
    assert changes == {"T-1": [Change(2, at(10), before, after)]}


def test_a_profiles_history_has_no_aliases() -> None:
    history = History(HistoryColumns(ticket="ticket", at="at", status="state"), own=False)
    _, bad = changes_of(history, [(2, {"ticket": "T-1", "at": iso(10), "to": "Pending"})])
    assert [b.error for b in bad] == ["history line 2: state is empty"]


# --- read: a profile's columns, one field of many ------------------------------------------


def test_a_profiles_field_filter_keeps_only_the_status_changes() -> None:
    history = History.columns_of(DESK)
    records = [
        (2, {"key": "SD-1", "created": iso(10), "field": "status", "fromstring": "Open",
             "tostring": "Pending"}),
        (3, {"key": "SD-1", "created": iso(10, 5), "field": "assignee", "tostring": "bob"}),
        (4, {"key": "SD-1", "created": iso(11), "field": "priority", "tostring": ""}),
        (5, {"key": "SD-1", "created": "not a time", "field": "", "tostring": "x"}),
        (6, {"key": "SD-1", "created": iso(12), "field": " STATUS ", "fromstring": "Pending",
             "tostring": "Open"}),
        (7, {"key": "SD-1", "created": iso(13), "tostring": "Closed"}),  # no field cell
    ]  # fmt: skip
    changes, bad = changes_of(history, records)
    # lines 3-5 and 7 change other fields (or none): skipped, not bad, even with bad cells
    assert bad == []
    assert changes == {
        "SD-1": [Change(2, at(10), "Open", "Pending"), Change(6, at(12), "Pending", "Open")]
    }


def test_a_field_without_a_field_value_filters_nothing() -> None:
    history = History(
        HistoryColumns(ticket="key", at="created", status="to", field="field"), own=False
    )
    changes, _ = changes_of(
        history, [(2, {"key": "SD-1", "created": iso(10), "field": "assignee", "to": "bob"})]
    )
    assert changes == {"SD-1": [Change(2, at(10), None, "bob")]}


def test_a_profile_without_from_status_reads_none() -> None:
    history = History(HistoryColumns(ticket="key", at="created", status="to"), own=False)
    changes, _ = changes_of(
        history, [(2, {"key": "SD-1", "created": iso(10), "to": "Pending", "from": "Open"})]
    )
    assert changes == {"SD-1": [Change(2, at(10), None, "Pending")]}


# --- read: bad rows ------------------------------------------------------------------------


def test_bad_rows_are_named_with_their_place_and_every_other_row_is_read() -> None:
    records = [
        (2, {"ticket": "", "at": iso(10), "status": "Open"}),
        (3, {"ticket": "T-2", "at": "", "status": "Open"}),
        (4, {"ticket": "T-2", "at": "yesterday", "status": "Open"}),
        (5, {"ticket": "T-2", "at": "2026-11-23T10:00", "status": "Open"}),
        (6, {"ticket": "T-2", "at": iso(10), "status": "  "}),
        (7, BadLine("more fields than the header has", "T-3")),
        (8, "not valid JSON"),
        (9, {"ticket": "T-2", "at": iso(11), "status": "Open"}),
    ]
    changes, bad = changes_of(OWN, records)
    assert changes == {"T-2": [Change(9, at(11), None, "Open")]}
    assert [(b.key, b.ticket_id, b.error) for b in bad] == [
        (2, None, "history line 2: ticket is empty"),
        (3, "T-2", "history line 3: at is empty"),
        (4, "T-2", "history line 4: at 'yesterday' is not an ISO 8601 time"),
        (
            5,
            "T-2",
            "history line 5: at '2026-11-23T10:00' has no UTC offset: write it with its offset "
            "(e.g. 2026-11-23T10:00+00:00 for UTC) or pass --tz ZONE (an IANA zone name)",
        ),
        (6, "T-2", "history line 6: status is empty"),
        (7, "T-3", "history line 7: more fields than the header has"),
        (8, None, "history line 8: not valid JSON"),
    ]


def test_bad_rows_of_a_profiles_history_name_its_columns() -> None:
    history = History.columns_of(DESK)
    records = [
        (2, {"key": "", "created": iso(10), "field": "status", "tostring": "Open"}),
        (3, {"key": "SD-1", "created": "", "field": "status", "tostring": "Open"}),
        (4, {"key": "SD-1", "created": iso(10), "field": "status", "tostring": ""}),
    ]
    _, bad = changes_of(history, records)
    assert [b.error for b in bad] == [
        "history line 2: Key is empty",
        "history line 3: Created is empty",
        "history line 4: toString is empty",
    ]


def test_times_are_read_by_the_runs_reader() -> None:
    reader = TimeReader(tz=AMS, formats=("%d-%m-%Y %H:%M",))
    changes, bad = changes_of(
        OWN,
        [
            (2, {"ticket": "T-1", "at": "23-11-2026 10:00", "status": "Pending"}),
            (3, {"ticket": "T-1", "at": "2026-11-23T12:00", "status": "Open"}),
            (4, {"ticket": "T-1", "at": "2026-11-23T13:00[Europe/Amsterdam]", "status": "x"}),
            (5, {"ticket": "T-1", "at": pd.Timestamp("2026-11-23 14:00"), "status": "y"}),
            (6, {"ticket": "T-1", "at": "2026-03-29T02:30", "status": "z"}),
        ],
        reader,
    )
    assert [c.at for c in changes["T-1"]] == [at(10), at(12), at(13), at(14)]
    assert [b.error for b in bad] == [
        "history line 6: at '2026-03-29T02:30' does not exist in Europe/Amsterdam: the clocks "
        "skip that hour (daylight saving time); correct the time or give it with its UTC offset"
    ]


@pytest.mark.parametrize("tz", [AMS, None])
@pytest.mark.parametrize("blank", [pd.NaT, float("nan")])
def test_bug_a_missing_time_in_a_frame_is_empty(blank: object, tz: ZoneInfo | None) -> None:
    _, bad = changes_of(
        OWN, [(2, {"ticket": "T-1", "at": blank, "status": "Open"})], TimeReader(tz=tz)
    )
    assert [b.error for b in bad] == ["history line 2: at is empty"]


# --- attach --------------------------------------------------------------------------------


def test_attach_adds_each_tickets_status_events_to_its_row_and_counts_the_statuses() -> None:
    rows = [row(2, "T-1", at(9)), row(3, "T-2", at(9))]
    changes = {
        "T-1": [Change(2, at(10), None, "Pending"), Change(3, at(12), None, "Open")],
        "T-2": [Change(4, at(11), "Open", "Resolved")],
    }
    seen = OWN.attach(changes, rows, STATUSES, place)
    assert [(e.at, e.kind, e.reason) for e in rows[0].events] == [
        (at(10), "paused", "Pending"),
        (at(12), "resumed", None),
    ]
    assert [(e.at, e.kind) for e in rows[1].events] == [(at(11), "resolved")]
    assert seen == Counter({"Pending": 1, "Open": 1, "Resolved": 1})
    assert changes == {}  # every change found its ticket
    assert (rows[0].error, rows[1].error) == (None, None)


def test_attach_counts_statuses_as_written_and_accumulates_in_a_given_counter() -> None:
    seen: Counter[str] = Counter({"Open": 2})
    first = [row(2, "T-1", at(9))]
    OWN.attach(
        {"T-1": [Change(2, at(10), None, "Pending"), Change(3, at(11), None, "pending")]},
        first,
        STATUSES,
        place,
        seen,
    )
    # "Pending" and "pending" are one role but counted as written
    assert seen == Counter({"Open": 2, "Pending": 1, "pending": 1})
    assert [e.kind for e in first[0].events] == ["paused"]  # a repeat is no change


def test_what_attach_leaves_in_changes_are_the_tickets_without_a_row() -> None:
    rows = [row(2, "T-1", at(9))]
    changes = {
        "T-1": [Change(2, at(10), None, "Pending")],
        "T-9": [Change(3, at(10), None, "Pending"), Change(4, at(11), None, "Open")],
    }
    seen = OWN.attach(changes, rows, STATUSES, place)
    assert list(changes) == ["T-9"]  # the orphans, for the caller to report
    assert seen == Counter({"Pending": 1})  # an orphan's statuses are not counted (yet)
    # a later chunk of rows may still claim them
    later = [row(5, "T-9", at(9))]
    OWN.attach(changes, later, STATUSES, place, seen)
    assert changes == {}
    assert [e.kind for e in later[0].events] == ["paused", "resumed"]
    assert seen == Counter({"Pending": 2, "Open": 1})


def test_attach_gives_the_changes_to_the_first_row_of_an_id_only() -> None:
    rows = [
        row(2, "T-1", at(9)),
        row(3, "T-1", at(9), error="duplicate id (first on line 2)"),
        row(4, None, error="id is empty"),
    ]
    OWN.attach({"T-1": [Change(2, at(10), None, "Pending")]}, rows, STATUSES, place)
    assert [len(r.events) for r in rows] == [1, 0, 0]
    assert rows[1].error == "duplicate id (first on line 2)"


def test_a_bad_row_keeps_its_error_and_gets_no_events_but_its_statuses_count() -> None:
    rows = [row(2, "T-1", error="priority is empty"), row(3, "T-2")]  # T-2: no opened_at
    changes = {
        "T-1": [Change(2, at(10), None, "Pending")],
        "T-2": [Change(3, at(10), None, "Closed")],
    }
    seen = OWN.attach(changes, rows, STATUSES, place)
    assert [(r.error, r.events) for r in rows] == [("priority is empty", []), (None, [])]
    assert seen == Counter({"Pending": 1, "Closed": 1})
    assert changes == {}


def test_a_change_before_the_opening_makes_the_row_bad() -> None:
    rows = [row(2, "T-1", at(9))]
    changes = {"T-1": [Change(6, at(8), None, "Pending"), Change(7, at(10), None, "Open")]}
    OWN.attach(changes, rows, STATUSES, place)
    assert rows[0].error == (
        "history line 6: the status change at 2026-11-23T08:00:00+01:00 is before the ticket "
        "was opened (2026-11-23T09:00:00+01:00)"
    )
    assert rows[0].events == []


def test_a_change_out_of_order_makes_the_row_bad_naming_both_lines() -> None:
    rows = [row(2, "T-1", at(9))]
    changes = {
        "T-1": [
            Change(4, at(10), None, "Pending"),
            Change(5, at(11), None, "Open"),
            Change(6, at(10, 30), None, "Resolved"),
        ]
    }
    OWN.attach(changes, rows, STATUSES, place)
    assert rows[0].error == (
        "history line 6: the status change at 2026-11-23T10:30:00+01:00 is before the one on "
        "history line 5 (2026-11-23T11:00:00+01:00): sort the history by ticket and time"
    )
    assert rows[0].events == []


def test_changes_at_the_opening_and_at_equal_times_are_in_order() -> None:
    rows = [row(2, "T-1", at(9))]
    changes = {
        "T-1": [
            Change(2, at(9), None, "Pending"),  # at the opening: opened Pending
            Change(3, at(10), None, "Open"),
            Change(4, at(10), None, "Resolved"),
        ]
    }
    OWN.attach(changes, rows, STATUSES, place)
    assert rows[0].error is None
    assert [(e.at, e.kind) for e in rows[0].events] == [
        (at(9), "paused"),
        (at(10), "resumed"),
        (at(10), "resolved"),
    ]


def test_attach_adds_to_the_rows_own_events() -> None:
    from slacalc import Event

    responded = Event(at=at(9, 30), kind="responded")
    rows = [row(2, "T-1", at(9), events=[responded])]
    OWN.attach({"T-1": [Change(2, at(10), None, "Pending")]}, rows, STATUSES, place)
    assert [e.kind for e in rows[0].events] == ["responded", "paused"]


# --- end to end: an export and its changelog through a profile -----------------------------


def test_an_export_and_its_history_are_judged_together() -> None:
    # intramed/online, level-1 restore 4 h on support hours (Monday 08:00-20:00). SD-1
    # opened Monday 09:00, waiting on the customer 10:00-12:00: due 13:00 + 2 h = 15:00,
    # resolved 15:00 -> met. SD-2 the same but resolved 15:00:01 -> breached. SD-3's
    # history is out of order: a bad row.
    profile = Profile(
        id="desk",
        columns={"id": "Key", "priority": "Priority", "opened_at": "Created"},
        priorities={"Highest": "level-1"},
        statuses=StatusMap(paused=["Waiting for customer"], resolved=["Resolved"]),
        history=CHANGELOG,
        time_formats=("%d/%m/%Y %H:%M",),
        tz="Europe/Amsterdam",
    )
    contract = contracts.get("intramed/online")
    reading = ExportReading.build(contract, profile)
    tickets = [
        (2, {"Key": "SD-1", "Priority": "Highest", "Created": "23/11/2026 09:00"}),
        (3, {"Key": "SD-2", "Priority": "highest", "Created": "23/11/2026 09:00"}),
        (4, {"Key": "SD-3", "Priority": "Highest", "Created": "23/11/2026 09:00"}),
    ]
    rows = read_ticket_rows(reading.records(tickets), lambda k: f"on line {k}", reading.parse)

    def status(line: int, key: str, when: str, before: str, after: str, field: str = "status"):
        record = {"key": key, "created": when, "field": field, "fromstring": before}
        return line, {**record, "tostring": after}

    def other(line: int, key: str, when: str, field: str, value: str):
        return line, {"key": key, "created": when, "field": field, "tostring": value}

    history = History.columns_of(profile)
    changes, bad = history.read(
        [
            status(2, "SD-1", "2026-11-23T10:00:00.000+0100", "Open", "Waiting for customer"),
            status(3, "SD-1", "2026-11-23T12:00:00.000+0100", "Waiting for customer", "Open"),
            status(4, "SD-1", "2026-11-23T15:00:00.000+0100", "Open", "Resolved"),
            other(5, "SD-1", "2026-11-23T15:30:00.000+0100", "assignee", "bob"),
            status(6, "SD-2", "23/11/2026 10:00", "Open", "Waiting for customer"),
            status(7, "SD-2", "23/11/2026 12:00", "Waiting for customer", "Open"),
            status(8, "SD-2", "2026-11-23T15:00:01+01:00", "Open", "resolved", field="Status"),
            status(9, "SD-3", "23/11/2026 12:00", "Open", "Resolved"),
            status(10, "SD-3", "23/11/2026 11:00", "Open", "Resolved"),
            status(11, "SD-4", "23/11/2026 11:00", "Open", "Resolved"),
        ],
        reading.times,
        place,
    )
    assert bad == []
    seen = history.attach(changes, rows, profile.statuses, place)  # type: ignore[arg-type]
    assert list(changes) == ["SD-4"]
    # SD-1 and SD-2 each enter Waiting for customer and Open once; Resolved: SD-1 once
    # and SD-3 twice (a bad row's statuses count too), "resolved" (SD-2) as written;
    # SD-4 has no row: not counted
    assert seen == Counter({"Waiting for customer": 2, "Open": 2, "Resolved": 3, "resolved": 1})
    assert rows[2].error == (
        "history line 10: the status change at 2026-11-23T11:00:00+01:00 is before the one on "
        "history line 9 (2026-11-23T12:00:00+01:00): sort the history by ticket and time"
    )
    outcomes = evaluate_rows(contract, rows, datetime(2026, 11, 23, 18, tzinfo=AMS))
    assert sorted(outcomes) == [0, 1]  # the bad row is not evaluated
    reports = {n: report for n, (_, report) in outcomes.items()}
    first, second = (reports[n].targets["restore"] for n in (0, 1))  # type: ignore[union-attr]
    assert (first.status.value, first.due_at, first.paused) == (
        "met",
        at(15),
        datetime(2026, 11, 23, 12, tzinfo=AMS) - at(10),
    )
    assert (second.status.value, second.due_at) == ("breached", at(15))
