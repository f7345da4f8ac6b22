"""``StatusMap`` (slacalc._clock.statuses) and ``Ticket.from_history``: SPEC 8 rule 1.

A status history becomes events: entering a paused status pauses (the reason is the
status's name), leaving it resumes; entering resolved/closed stops; leaving them for any
other status reopens. End to end, a ticket built from a history is judged by
``intramed/online`` (support Mon & Thu 08:00-20:00, Tue/Wed/Fri 08:00-17:00
Europe/Amsterdam, Dutch holidays; level-1 ``restore`` 4 h, pausable).

Calendar facts used below (worked out by hand): 2026-01-01 is a Thursday, so 2026-11-23
(day 327 of the year, 326 days later, 326 = 46 * 7 + 4) is a Monday; 24 Nov a Tuesday,
25 Nov a Wednesday; 24 Dec a Thursday, 25 Dec (Christmas, a Dutch public holiday) a Friday,
28 Dec a Monday. In November and December Amsterdam is on CET, +01:00.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from slacalc import (
    Calendar,
    Contract,
    Event,
    Priority,
    Status,
    StatusMap,
    Target,
    Ticket,
    TicketError,
    contracts,
)

AMS = ZoneInfo("Europe/Amsterdam")
H = timedelta(hours=1)
S = timedelta(seconds=1)

STATUSES = StatusMap(
    paused=("Waiting for customer", "Pending"),
    resolved=("Resolved", "Done"),
    closed=("Closed",),
)


def nov(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """An instant of November 2026 in Amsterdam (CET, +01:00)."""
    return datetime(2026, 11, day, hour, minute, second, tzinfo=AMS)


MON_9 = nov(23, 9)  # Monday 23 November 2026 09:00 +01:00


def kinds(events: Sequence[Event]) -> list[tuple[datetime, str, str | None]]:
    return [(e.at, e.kind, e.reason) for e in events]


# --- roles and name matching ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "role"),
    [
        ("Waiting for customer", "paused"),
        ("Pending", "paused"),
        ("Resolved", "resolved"),
        ("Done", "resolved"),
        ("Closed", "closed"),
        ("Open", "running"),
        ("In Progress", "running"),
        # matching ignores case, spaces, dashes and underscores
        ("WAITING-FOR_customer", "paused"),
        ("  waiting for customer  ", "paused"),
        ("waitingforcustomer", "paused"),
        ("pen-ding", "paused"),
        ("re_solved", "resolved"),
        ("CLOSED", "closed"),
        # but not other letters: a status that only looks alike runs the clock
        ("Wait for customer", "running"),
        ("Resolve", "running"),
        ("Closed!", "running"),
    ],
)
def test_role_of_a_status(status: str, role: str) -> None:
    assert STATUSES.role(status) == role


def test_an_empty_status_map_runs_the_clock_on_every_status() -> None:
    empty = StatusMap()
    assert (empty.paused, empty.resolved, empty.closed) == ((), (), ())
    assert empty.role("Pending") == "running"
    # rows of running statuses only: no event at all
    assert empty.events([(MON_9, "Pending"), (nov(23, 10), "Resolved")]) == []


def test_a_status_named_in_two_roles_takes_the_first_of_paused_resolved_closed() -> None:
    both = StatusMap(paused=("Pending",), resolved=("pending",), closed=("PENDING", "Done"))
    assert both.role("Pending") == "paused"
    assert StatusMap(resolved=("Done",), closed=("done",)).role("DONE") == "resolved"


def test_a_status_map_is_a_frozen_hashable_model_storing_tuples() -> None:
    m = StatusMap(paused=["Pending"], resolved=["Resolved"])
    assert m.paused == ("Pending",)
    assert m == StatusMap(paused=("Pending",), resolved=("Resolved",))
    assert hash(m) == hash(StatusMap(paused=("Pending",), resolved=("Resolved",)))
    with pytest.raises(ValidationError):
        m.paused = ("x",)  # type: ignore[misc]
    with pytest.raises(ValidationError, match="pause"):
        StatusMap(pause=["Pending"])  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="paused"):
        StatusMap(paused="Pending")  # type: ignore[arg-type]  # a string is no tuple


# --- events: SPEC 8 rule 1 -----------------------------------------------------------------


def test_the_spec_example() -> None:
    t = [nov(23, 9 + n) for n in range(6)]  # 09:00, 10:00, ..., 14:00
    events = STATUSES.events(
        [
            (t[0], "Open"),
            (t[1], "Waiting for customer"),
            (t[2], "In Progress"),
            (t[3], "Resolved"),
            (t[4], "Reopened"),
            (t[5], "Closed"),
        ]
    )
    # -> paused t2 (reason "Waiting for customer"), resumed t3, resolved t4, reopened t5,
    #    closed t6 (the SPEC counts from 1: t[1] is its t2)
    assert kinds(events) == [
        (t[1], "paused", "Waiting for customer"),
        (t[2], "resumed", None),
        (t[3], "resolved", None),
        (t[4], "reopened", None),
        (t[5], "closed", None),
    ]
    assert all(isinstance(e, Event) for e in events)


def test_the_reason_of_a_pause_is_the_status_as_the_history_writes_it() -> None:
    # matched ignoring case and dashes, but recorded as written (the name of the status)
    events = STATUSES.events([(MON_9, "Open"), (nov(23, 10), "waiting-for-CUSTOMER")])
    assert kinds(events) == [(nov(23, 10), "paused", "waiting-for-CUSTOMER")]


def test_leaving_a_pause_for_a_stop_resumes_then_stops_at_the_same_instant() -> None:
    events = STATUSES.events([(MON_9, "Open"), (nov(23, 10), "Pending"), (nov(23, 12), "Done")])
    assert kinds(events) == [
        (nov(23, 10), "paused", "Pending"),
        (nov(23, 12), "resumed", None),
        (nov(23, 12), "resolved", None),
    ]


def test_leaving_a_pause_for_closed_resumes_then_closes() -> None:
    events = STATUSES.events([(MON_9, "Pending"), (nov(23, 12), "Closed")])
    assert kinds(events) == [
        (MON_9, "paused", "Pending"),  # the status at the opening: the ticket opened paused
        (nov(23, 12), "resumed", None),
        (nov(23, 12), "closed", None),
    ]


def test_resolved_then_closed_is_closed_without_a_reopen_and_back_is_resolved() -> None:
    events = STATUSES.events(
        [
            (MON_9, "Open"),
            (nov(23, 10), "Resolved"),
            (nov(23, 11), "Closed"),
            (nov(23, 12), "Done"),  # closed -> resolved: a stop role again, no reopen
        ]
    )
    assert kinds(events) == [
        (nov(23, 10), "resolved", None),
        (nov(23, 11), "closed", None),
        (nov(23, 12), "resolved", None),
    ]


def test_leaving_a_stop_for_a_running_status_reopens() -> None:
    events = STATUSES.events([(MON_9, "Open"), (nov(23, 10), "Closed"), (nov(23, 11), "Open")])
    assert kinds(events) == [(nov(23, 10), "closed", None), (nov(23, 11), "reopened", None)]


def test_leaving_a_stop_for_a_paused_status_reopens_then_pauses() -> None:
    events = STATUSES.events([(MON_9, "Open"), (nov(23, 10), "Resolved"), (nov(23, 11), "Pending")])
    assert kinds(events) == [
        (nov(23, 10), "resolved", None),
        (nov(23, 11), "reopened", None),
        (nov(23, 11), "paused", "Pending"),
    ]


def test_a_repeated_status_is_no_change() -> None:
    events = STATUSES.events(
        [
            (MON_9, "Open"),
            (nov(23, 10), "Pending"),
            (nov(23, 11), "pending"),  # the same status, written otherwise
            (nov(23, 12), "Resolved"),
            (nov(23, 13), "RESOLVED"),
            (nov(23, 14), "Closed"),
            (nov(23, 15), "Closed"),
        ]
    )
    assert kinds(events) == [
        (nov(23, 10), "paused", "Pending"),
        (nov(23, 12), "resumed", None),
        (nov(23, 12), "resolved", None),
        (nov(23, 14), "closed", None),
    ]


def test_two_different_paused_statuses_in_a_row_keep_one_pause_with_the_first_reason() -> None:
    events = STATUSES.events(
        [
            (MON_9, "Open"),
            (nov(23, 10), "Pending"),
            (nov(23, 11), "Waiting for customer"),
            (nov(23, 12), "In Progress"),
        ]
    )
    assert kinds(events) == [(nov(23, 10), "paused", "Pending"), (nov(23, 12), "resumed", None)]


def test_running_statuses_one_after_another_are_no_change() -> None:
    rows = [(MON_9, "New"), (nov(23, 10), "Open"), (nov(23, 11), "In Progress")]
    assert STATUSES.events(rows) == []


def test_rows_at_equal_times_apply_in_their_order() -> None:
    events = STATUSES.events([(MON_9, "Open"), (nov(23, 10), "Pending"), (nov(23, 10), "Open")])
    assert kinds(events) == [(nov(23, 10), "paused", "Pending"), (nov(23, 10), "resumed", None)]


def test_a_history_may_be_any_iterable_of_rows() -> None:
    rows = iter([[MON_9, "Open"], [nov(23, 10), "Pending"]])  # lists work as rows too
    assert kinds(STATUSES.events(rows)) == [(nov(23, 10), "paused", "Pending")]
    assert STATUSES.events([]) == []


# --- (at, from_status, to_status) rows -----------------------------------------------------


def test_three_value_rows_read_the_status_entered() -> None:
    events = STATUSES.events(
        [
            (nov(23, 10), "Open", "Pending"),
            (nov(23, 12), "Pending", "In Progress"),
            (nov(23, 13), "In Progress", "Done"),
        ],
        opened_at=MON_9,
    )
    assert kinds(events) == [
        (nov(23, 10), "paused", "Pending"),
        (nov(23, 12), "resumed", None),
        (nov(23, 13), "resolved", None),
    ]


def test_two_and_three_value_rows_mix_and_later_from_statuses_are_not_consulted() -> None:
    events = STATUSES.events(
        [
            (MON_9, "Open"),
            # from_status says "Resolved", but the status before is the row above's
            # ("Open"): only the first row's from_status says what came before
            (nov(23, 10), "Resolved", "Pending"),
            (nov(23, 11), None, "Open"),
        ]
    )
    assert kinds(events) == [(nov(23, 10), "paused", "Pending"), (nov(23, 11), "resumed", None)]


def test_the_first_rows_from_status_is_the_status_before_it() -> None:
    # from "Open" (running) into Pending: a pause; at the opening instant as well, since
    # the history says the ticket was Open before this row
    assert kinds(STATUSES.events([(MON_9, "Open", "Pending")], opened_at=MON_9)) == [
        (MON_9, "paused", "Pending")
    ]
    # from "Open" into Resolved at the opening: a stop (the ticket was not opened resolved)
    assert kinds(STATUSES.events([(MON_9, "Open", "Resolved")], opened_at=MON_9)) == [
        (MON_9, "resolved", None)
    ]
    # from a running status into a running one: nothing
    assert STATUSES.events([(nov(23, 10), "New", "Open")], opened_at=MON_9) == []


def test_a_paused_first_from_status_without_an_opening_is_a_pause_of_no_time() -> None:
    # before the row the ticket was Pending (paused); with no opening given the pause has
    # no start but the row itself: paused and resumed at once, then resolved
    m = StatusMap(paused=["Pending"], resolved=["Solved"])
    events = m.events([(MON_9, "Pending", "Solved")])
    assert [(e.at, e.kind) for e in events] == [
        (MON_9, "paused"),
        (MON_9, "resumed"),
        (MON_9, "resolved"),
    ]


def test_an_empty_from_status_is_none() -> None:
    # "" and None both mean "no from_status": the first row is then the opening status
    assert STATUSES.events([(MON_9, "", "Pending")]) == STATUSES.events([(MON_9, "Pending")])
    assert kinds(STATUSES.events([(MON_9, None, "Pending")])) == [(MON_9, "paused", "Pending")]


# --- the initial status --------------------------------------------------------------------


def test_without_an_opening_the_first_row_is_the_status_the_ticket_was_opened_in() -> None:
    assert STATUSES.events([(MON_9, "Open")]) == []
    # opened paused: a pause from the first row, with that status as its reason
    assert kinds(STATUSES.events([(MON_9, "Waiting for customer")])) == [
        (MON_9, "paused", "Waiting for customer")
    ]


def test_a_first_row_at_the_opening_is_the_status_at_the_opening() -> None:
    assert STATUSES.events([(MON_9, "Open")], opened_at=MON_9) == []
    assert kinds(STATUSES.events([(MON_9, "Pending")], opened_at=MON_9)) == [
        (MON_9, "paused", "Pending")
    ]
    # the same instant written in UTC (08:00Z is 09:00+01:00): still at the opening
    in_utc = datetime(2026, 11, 23, 8, tzinfo=timezone.utc)
    assert kinds(STATUSES.events([(in_utc, "Pending")], opened_at=MON_9)) == [
        (in_utc, "paused", "Pending")
    ]


def test_a_first_row_after_the_opening_enters_its_status_from_a_running_clock() -> None:
    # the ticket ran from 09:00; at 10:00 it entered Pending: a pause at 10:00
    assert kinds(STATUSES.events([(nov(23, 10), "Pending")], opened_at=MON_9)) == [
        (nov(23, 10), "paused", "Pending")
    ]
    assert kinds(STATUSES.events([(nov(23, 10), "Done")], opened_at=MON_9)) == [
        (nov(23, 10), "resolved", None)
    ]
    assert STATUSES.events([(nov(23, 10), "Open")], opened_at=MON_9) == []


# --- bad rows ------------------------------------------------------------------------------


def test_a_row_before_the_opening_is_a_ticket_error_naming_the_row() -> None:
    with pytest.raises(TicketError) as caught:
        STATUSES.events([(nov(23, 9), "Open"), (nov(23, 8), "Pending")], opened_at=nov(23, 8, 30))
    # row 1 (09:00) is after 08:30; row 2 at 08:00 is before the opening
    assert str(caught.value) == (
        "history row 2 at 2026-11-23T08:00:00+01:00 is before the ticket was opened "
        "(2026-11-23T08:30:00+01:00): fix the row or the opening time"
    )
    assert isinstance(caught.value, ValueError)


def test_a_first_row_before_the_opening_is_named_row_1() -> None:
    with pytest.raises(TicketError, match=r"^history row 1 at 2026-11-23T08:59:59\+01:00 is "):
        STATUSES.events([(nov(23, 8, 59, 59), "Open")], opened_at=MON_9)


def test_a_row_out_of_time_order_is_a_ticket_error_naming_the_row() -> None:
    rows = [(MON_9, "Open"), (nov(23, 11), "Pending"), (nov(23, 10, 59, 59), "Open")]
    with pytest.raises(TicketError) as caught:
        STATUSES.events(rows)
    assert str(caught.value) == (
        "history row 3 at 2026-11-23T10:59:59+01:00 is before the row above it "
        "(2026-11-23T11:00:00+01:00): sort the history by time"
    )


def test_out_of_order_is_checked_after_a_first_row_at_the_opening() -> None:
    # the first row takes the initial-status path; the second is still checked against it
    with pytest.raises(TicketError, match=r"^history row 2 at .* is before the row above it"):
        STATUSES.events([(nov(23, 10), "Open"), (MON_9, "Open")])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ((MON_9,), "history row 2 has 1 values: give (at, status) or (at, from_status, to_status)"),
        (
            (MON_9, "Open", "Pending", "x"),
            "history row 2 has 4 values: give (at, status) or (at, from_status, to_status)",
        ),
        ((), "history row 2 has 0 values: give (at, status) or (at, from_status, to_status)"),
        (("2026-11-23T10:00+01:00", "Open"), "history row 2: at '2026-11-23T10:00+01:00' is not "
         "a datetime"),
        ((None, "Open"), "history row 2: at None is not a datetime"),
        (
            (datetime(2026, 11, 23, 10), "Open"),
            "history row 2: at 2026-11-23T10:00:00 has no time zone",
        ),
        ((nov(23, 10), ""), "history row 2: the status '' is empty"),
        ((nov(23, 10), "   "), "history row 2: the status '   ' is empty"),
        ((nov(23, 10), None), "history row 2: the status None is empty"),
        ((nov(23, 10), "Open", ""), "history row 2: the status '' is empty"),
        ((nov(23, 10), 5, "Open"), "history row 2: from_status 5 is not text"),
    ],
)  # fmt: skip
def test_malformed_rows_are_ticket_errors_naming_the_row(
    row: tuple[object, ...], message: str
) -> None:
    with pytest.raises(TicketError) as caught:
        STATUSES.events([(MON_9, "Open"), row])
    assert str(caught.value) == message


class _NoOffset(tzinfo):
    """A tzinfo whose utcoffset is None: an aware-looking but naive datetime."""

    def utcoffset(self, dt: datetime | None) -> None:
        return None

    def dst(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> None:
        return None


def test_a_datetime_whose_tzinfo_gives_no_offset_has_no_time_zone() -> None:
    at = datetime(2026, 11, 23, 10, tzinfo=_NoOffset())
    with pytest.raises(TicketError, match=r"^history row 1: at 2026-11-23T10:00:00 has no time"):
        STATUSES.events([(at, "Open")])


# --- Ticket.from_history -------------------------------------------------------------------


def test_from_history_builds_a_ticket_from_the_status_events() -> None:
    t = Ticket.from_history(
        id="IM-1",
        priority="level-1",
        opened_at=MON_9,
        history=[(MON_9, "Open"), (nov(23, 10), "Pending"), (nov(23, 12), "Done")],
        statuses=STATUSES,
        kind="bug",
    )
    assert (t.id, t.priority, t.opened_at, t.kind) == ("IM-1", "level-1", MON_9, "bug")
    assert isinstance(t.events, tuple)
    assert kinds(t.events) == [
        (nov(23, 10), "paused", "Pending"),
        (nov(23, 12), "resumed", None),
        (nov(23, 12), "resolved", None),
    ]


def test_from_history_merges_other_events_by_time_others_first_at_equal_times() -> None:
    responded = Event(at=nov(23, 9, 30), kind="responded")
    changed = Event(at=nov(23, 12), kind="priority_changed", priority="level-2")
    late = Event(at=nov(23, 14), kind="on_site")
    t = Ticket.from_history(
        id="IM-2",
        priority="level-1",
        opened_at=MON_9,
        history=[(nov(23, 10), "Pending"), (nov(23, 12), "Open")],
        statuses=STATUSES,
        events=[late, changed, responded],  # given out of order: sorted by time
    )
    # 09:30 responded, 10:00 paused, 12:00 priority_changed (given) then resumed (history:
    # the sort is stable and the given events come first), 14:00 on_site
    assert [(e.at, e.kind) for e in t.events] == [
        (nov(23, 9, 30), "responded"),
        (nov(23, 10), "paused"),
        (nov(23, 12), "priority_changed"),
        (nov(23, 12), "resumed"),
        (nov(23, 14), "on_site"),
    ]
    assert t.kind == "incident"


def test_from_history_passes_on_the_error_of_a_bad_history() -> None:
    with pytest.raises(TicketError, match=r"^history row 1 at .* is before the ticket was opened"):
        Ticket.from_history(
            id="IM-3",
            priority="level-1",
            opened_at=MON_9,
            history=[(nov(23, 8), "Open")],
            statuses=STATUSES,
        )


# --- end to end: intramed/online, level-1 restore 4 h on support hours, pausable -----------

INTRAMED = contracts.get("intramed/online")


def restore(history: Sequence[tuple[object, ...]], at: datetime, opened: datetime = MON_9):
    ticket = Ticket.from_history(
        id="IM-42", priority="level-1", opened_at=opened, history=history, statuses=STATUSES
    )
    return INTRAMED.evaluate(ticket, at=at).targets["restore"]


def test_without_a_pause_restore_is_due_four_support_hours_after_the_opening() -> None:
    # Monday 09:00, support until 20:00: 09:00 + 4 h = 13:00
    r = restore([(MON_9, "Open")], at=nov(23, 10))
    assert (r.status, r.target, r.due_at, r.breach_at) == (
        Status.RUNNING,
        4 * H,
        nov(23, 13),
        nov(23, 13),
    )
    assert r.paused == timedelta(0)


def test_a_pause_from_10_to_12_moves_the_due_instant_by_exactly_two_hours() -> None:
    history = [(MON_9, "Open"), (nov(23, 10), "Waiting for customer"), (nov(23, 12), "Open")]
    r = restore(history, at=nov(23, 12, 30))
    # counted 09:00-10:00 (1 h) and 12:00-12:30 (0.5 h); paused 10:00-12:00 (2 h)
    # due: 12:30 + (4 h - 1.5 h) = 15:00, the 13:00 of no pause plus exactly 2 h
    assert r.status == Status.RUNNING
    assert (r.elapsed, r.paused, r.remaining) == (1.5 * H, 2 * H, 2.5 * H)
    assert r.due_at == nov(23, 15) == nov(23, 13) + 2 * H
    assert r.breach_at == nov(23, 15)


def test_while_paused_the_target_is_paused_and_projected_as_if_resumed_now() -> None:
    r = restore([(MON_9, "Open"), (nov(23, 10), "Pending")], at=nov(23, 11))
    # counted 09:00-10:00 = 1 h, paused 10:00-11:00 = 1 h; resumed at 11:00: due 11:00 + 3 h
    assert (r.status, r.elapsed, r.paused, r.due_at) == (Status.PAUSED, H, H, nov(23, 14))


def test_two_paused_statuses_in_a_row_are_one_pause_of_their_sum() -> None:
    history = [
        (MON_9, "Open"),
        (nov(23, 10), "Pending"),
        (nov(23, 11), "Waiting for customer"),
        (nov(23, 12), "In Progress"),
    ]
    r = restore(history, at=nov(23, 12, 30))
    # one pause 10:00-12:00, as above: due 15:00
    assert (r.paused, r.due_at) == (2 * H, nov(23, 15))


def test_from_and_to_rows_give_the_same_clock() -> None:
    history = [(nov(23, 10), "Open", "Pending"), (nov(23, 12), "Pending", "Open")]
    r = restore(history, at=nov(23, 12, 30))
    assert (r.paused, r.due_at) == (2 * H, nov(23, 15))


@pytest.mark.parametrize(
    ("resolved", "status"),
    [
        (nov(23, 15), Status.MET),  # resolved at the due instant: elapsed = 4 h = target
        (nov(23, 15, 0, 1), Status.BREACHED),  # one second later: 4 h 1 s > 4 h
        (nov(23, 14, 59, 59), Status.MET),
    ],
)
def test_resolved_at_the_due_instant_is_met_and_a_second_later_breached(
    resolved: datetime, status: Status
) -> None:
    history = [
        (MON_9, "Open"),
        (nov(23, 10), "Pending"),
        (nov(23, 12), "Open"),
        (resolved, "Resolved"),
    ]
    r = restore(history, at=nov(23, 18))
    assert (r.status, r.stopped_at) == (status, resolved)
    # elapsed: 1 h before the pause + (resolved - 12:00) after it
    assert r.elapsed == H + (resolved - nov(23, 12))


@pytest.mark.parametrize(
    ("at", "status"),
    [(nov(23, 15), Status.RUNNING), (nov(23, 15, 0, 1), Status.BREACHED)],
)
def test_a_running_target_breaches_one_second_after_its_breach_instant(
    at: datetime, status: Status
) -> None:
    history = [(MON_9, "Open"), (nov(23, 10), "Pending"), (nov(23, 12), "Open")]
    r = restore(history, at=at)
    assert (r.status, r.due_at, r.breach_at) == (status, nov(23, 15), nov(23, 15))


def test_a_reopen_resumes_the_clock_with_the_time_already_counted() -> None:
    history = [(MON_9, "Open"), (nov(23, 10), "Resolved"), (nov(23, 14), "Open")]
    # while resolved: met, 1 h counted (09:00-10:00), stopped at 10:00
    r = restore(history[:2], at=nov(23, 12))
    assert (r.status, r.elapsed, r.stopped_at) == (Status.MET, H, nov(23, 10))
    # reopened at 14:00: at 16:00, 1 h + 2 h = 3 h counted; due 16:00 + 1 h = 17:00
    r = restore(history, at=nov(23, 16))
    assert (r.status, r.elapsed, r.due_at, r.stopped_at) == (
        Status.RUNNING,
        3 * H,
        nov(23, 17),
        None,
    )


@pytest.mark.parametrize(
    ("closed", "status"),
    [(nov(23, 17), Status.MET), (nov(23, 17, 0, 1), Status.BREACHED)],
)
def test_after_a_reopen_the_due_instant_is_met_to_the_second(
    closed: datetime, status: Status
) -> None:
    history = [
        (MON_9, "Open"),
        (nov(23, 10), "Resolved"),
        (nov(23, 14), "Open"),
        (closed, "Closed"),
    ]
    r = restore(history, at=nov(23, 19))
    # 1 h + (closed - 14:00): exactly 4 h at 17:00
    assert (r.status, r.elapsed) == (status, H + (closed - nov(23, 14)))


def test_a_due_instant_at_the_windows_end_breaches_only_after_the_next_opening() -> None:
    # Tuesday 24 Nov, support 08:00-17:00. Opened 11:00, Pending 12:00-14:00: counted
    # 11:00-12:00 (1 h), then 14:00 + 3 h = 17:00, the end of Tuesday's window. The
    # target still holds until Wednesday's window opens at 08:00 (SPEC 3 rule 4).
    opened = nov(24, 11)
    history = [(opened, "Open"), (nov(24, 12), "Pending"), (nov(24, 14), "Open")]
    r = restore(history, at=nov(24, 16), opened=opened)
    assert (r.due_at, r.breach_at) == (nov(24, 17), nov(25, 8))
    assert restore(history, at=nov(25, 8), opened=opened).status == Status.RUNNING
    assert restore(history, at=nov(25, 8, 0, 1), opened=opened).status == Status.BREACHED
    # resolved at Wednesday 08:00:00: still 4 h counted (nothing between 17:00 and 08:00)
    met = restore([*history, (nov(25, 8), "Done")], at=nov(25, 12), opened=opened)
    late = restore([*history, (nov(25, 8, 0, 1), "Done")], at=nov(25, 12), opened=opened)
    assert (met.status, met.elapsed) == (Status.MET, 4 * H)
    assert (late.status, late.elapsed) == (Status.BREACHED, 4 * H + S)


def test_a_pause_over_closed_hours_and_christmas_subtracts_only_support_time() -> None:
    # Thursday 24 Dec 2026 18:00 (support until 20:00), Pending 19:00 until Monday 28 Dec
    # 08:30. Friday 25 Dec is Christmas (closed), then the weekend. Counted: Thu 18:00-19:00
    # = 1 h. Paused support time: Thu 19:00-20:00 (1 h) + Mon 08:00-08:30 (0.5 h) = 1.5 h.
    # Due: Mon 08:30 + 3 h = 11:30; without the pause, Thu 18:00-20:00 + Mon 08:00-10:00
    # = 10:00, so the pause moves it by its 1.5 h of support time.
    opened = datetime(2026, 12, 24, 18, tzinfo=AMS)
    history = [
        (opened, "Open"),
        (datetime(2026, 12, 24, 19, tzinfo=AMS), "Pending"),
        (datetime(2026, 12, 28, 8, 30, tzinfo=AMS), "In Progress"),
    ]
    at = datetime(2026, 12, 28, 9, tzinfo=AMS)
    r = restore(history, at=at, opened=opened)
    assert (r.elapsed, r.paused) == (1.5 * H, 1.5 * H)
    assert r.due_at == datetime(2026, 12, 28, 11, 30, tzinfo=AMS)
    assert restore([(opened, "Open")], at=at, opened=opened).due_at == datetime(
        2026, 12, 28, 10, tzinfo=AMS
    )


def test_a_ticket_opened_waiting_for_the_customer_starts_paused() -> None:
    # Pending at the opening (09:00) until 11:00: due 11:00 + 4 h = 15:00
    r = restore([(MON_9, "Pending"), (nov(23, 11), "Open")], at=nov(23, 12))
    assert (r.elapsed, r.paused, r.due_at) == (H, 2 * H, nov(23, 15))


# --- bugs: the status before the first row when it pauses or stops -------------------------


def test_bug_a_first_from_status_that_pauses_is_a_pause_from_the_opening() -> None:
    # The history says the ticket was Pending before 10:00 (opened 09:00 in Pending), then
    # Open. Expected: paused 09:00-10:00; at 12:00, 2 h counted and 1 h paused.
    r = restore([(nov(23, 10), "Pending", "Open")], at=nov(23, 12))
    assert (r.elapsed, r.paused) == (2 * H, H)


def test_bug_a_ticket_opened_resolved_is_stopped_until_it_is_reopened() -> None:
    # Resolved at 09:00 (the opening), reopened (Open) at 10:00: at 12:00 only 10:00-12:00
    # counts, 2 h (the code counts 3 h: 09:00-12:00)
    r = restore([(MON_9, "Resolved"), (nov(23, 10), "Open")], at=nov(23, 12))
    assert r.elapsed == 2 * H


def test_bug_a_first_from_status_that_stops_is_a_stop_from_the_opening() -> None:
    # Resolved since the opening (09:00), reopened at 10:00: at 12:00, 2 h counted
    r = restore([(nov(23, 10), "Resolved", "Open")], at=nov(23, 12))
    assert r.elapsed == 2 * H


# --- property: StatusMap against a tiny oracle ---------------------------------------------

OPENED = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)

#: Statuses by role, each written several ways (the map names them once, plainly).
POOL: dict[str, tuple[str, ...]] = {
    "running": ("Open", "In Progress", "in-progress", "NEW"),
    "paused": ("Pending", "PENDING", "Waiting for customer", "waiting_for-Customer"),
    "resolved": ("Resolved", "done", "DONE"),
    "closed": ("Closed", " closed "),
}
STOPS = ("resolved", "closed")


def oracle_role(status: str) -> str:
    """Role by an independent spelling rule: lower case, no spaces, dashes, underscores."""
    key = re.sub(r"[\s_-]", "", status).lower()
    named = {
        "paused": {"pending", "waitingforcustomer"},
        "resolved": {"resolved", "done"},
        "closed": {"closed"},
    }
    return next((role for role, names in named.items() if key in names), "running")


def oracle(
    opened: datetime, rows: list[tuple[datetime, str | None, str]]
) -> tuple[list[tuple[datetime, datetime | None, str]], list[tuple[datetime, str]], list[datetime]]:
    """Pauses (start, end or None, reason), stops (at, kind) and reopens, from the role in
    force after each row: simulate "paused?" and "stopped?" per row."""
    first_at, first_before, _ = rows[0]
    opened_in_first = first_before is None and first_at == opened
    # the role in force from each instant: before the rows the ticket ran (the generator
    # gives a first from_status only of a running status), unless the first row is the
    # status it was opened in
    timeline = [] if opened_in_first else [(opened, "running", "")]
    timeline += [(at, oracle_role(status), status) for at, _, status in rows]
    pauses: list[tuple[datetime, datetime | None, str]] = []
    stops: list[tuple[datetime, str]] = []
    reopens: list[datetime] = []
    previous = "running"
    for n, (at, role, status) in enumerate(timeline):
        was_paused, is_paused = previous == "paused", role == "paused"
        was_stopped, is_stopped = previous in STOPS, role in STOPS
        if n == 0 and opened_in_first:
            was_paused = was_stopped = False  # nothing before the opening
        if was_paused and not is_paused:
            start, _, reason = pauses[-1]
            pauses[-1] = (start, at, reason)
        if was_stopped and not is_stopped:
            reopens.append(at)
        if is_paused and not was_paused:
            pauses.append((at, None, status))
        if is_stopped and role != previous:
            stops.append((at, role))
        previous = role
    return pauses, stops, reopens


def from_events(
    events: Sequence[Event],
) -> tuple[list[tuple[datetime, datetime | None, str]], list[tuple[datetime, str]], list[datetime]]:
    """The same three lists read back from the events, checking they pair up."""
    pauses: list[tuple[datetime, datetime | None, str]] = []
    stops: list[tuple[datetime, str]] = []
    reopens: list[datetime] = []
    for e in events:
        if e.kind == "paused":
            assert not pauses or pauses[-1][1] is not None, "a pause while paused"
            assert e.reason is not None
            pauses.append((e.at, None, e.reason))
        elif e.kind == "resumed":
            assert pauses, "a resume before any pause"
            assert pauses[-1][1] is None, "a resume while not paused"
            pauses[-1] = (pauses[-1][0], e.at, pauses[-1][2])
        elif e.kind in STOPS:
            stops.append((e.at, e.kind))
        else:
            assert e.kind == "reopened", e.kind
            reopens.append(e.at)
    assert [e.at for e in events] == sorted(e.at for e in events)
    return pauses, stops, reopens


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[datetime, str | None, str]]:
    """(at, from_status, to_status) rows in time order (equal times allowed); from_status
    is the status of the row above, or None. The first row's from_status is a running
    status or None, and a first row at the opening is no stop: the cases of the xfail
    tests above are left out."""
    count = draw(st.integers(1, 10))
    gaps = draw(st.lists(st.integers(0, 90), min_size=count, max_size=count))
    if draw(st.booleans()):
        gaps[0] = 0  # the first row at the opening
    statuses = [
        draw(st.sampled_from(POOL[draw(st.sampled_from(sorted(POOL)))])) for _ in range(count)
    ]
    with_from = draw(st.booleans())
    first_from = draw(st.sampled_from([None, *POOL["running"]])) if with_from else None
    if gaps[0] == 0 and first_from is None and oracle_role(statuses[0]) in STOPS:
        statuses[0] = draw(st.sampled_from(POOL["running"] + POOL["paused"]))
    rows: list[tuple[datetime, str | None, str]] = []
    at = OPENED
    for n, (gap, status) in enumerate(zip(gaps, statuses, strict=True)):
        at += timedelta(minutes=gap)
        before = first_from if n == 0 else (statuses[n - 1] if with_from else None)
        rows.append((at, before, status))
    return rows


MAP = StatusMap(
    paused=("Pending", "Waiting for customer"), resolved=("Resolved", "Done"), closed=("Closed",)
)


@given(histories(), st.booleans())
def test_property_status_events_match_the_oracle(
    rows: list[tuple[datetime, str | None, str]], two_values: bool
) -> None:
    if two_values and all(before is None for _, before, _ in rows):
        history: list[tuple[object, ...]] = [(at, status) for at, _, status in rows]
    else:
        history = list(rows)
    assert from_events(MAP.events(history, opened_at=OPENED)) == oracle(OPENED, rows)


ALWAYS = Contract(
    id="tests/always",
    vendor="slacalc tests",
    name="24x7, pausable",
    calendars={"always": Calendar.always("UTC")},
    priorities=[Priority(id="P1")],
    targets=[
        Target(
            metric="resolution",
            priority="P1",
            within=timedelta(hours=1000),
            calendar="always",
            pausable=True,
        )
    ],
)


@given(histories())
def test_property_a_ticket_from_a_history_counts_its_running_and_paused_time(
    rows: list[tuple[datetime, str | None, str]],
) -> None:
    # On a 24x7 calendar, elapsed is the real time spent in running statuses and paused
    # the time spent in paused ones (time resolved or closed counts for neither), from
    # the opening to `at`, an hour after the last row.
    at = rows[-1][0] + H
    ticket = Ticket.from_history(
        id="T", priority="P1", opened_at=OPENED, history=rows, statuses=MAP
    )
    r = ALWAYS.evaluate(ticket, at=at).targets["resolution"]
    first_at, first_before, first_status = rows[0]
    initial = (
        oracle_role(first_status) if first_before is None and first_at == OPENED else "running"
    )
    marks = [(OPENED, initial)] + [(row_at, oracle_role(s)) for row_at, _, s in rows]
    spent = {"running": timedelta(0), "paused": timedelta(0), "resolved": timedelta(0)}
    for (start, role), (end, _) in zip(marks, [*marks[1:], (at, "")], strict=True):
        spent["resolved" if role in STOPS else role] += end - start
    assert (r.elapsed, r.paused) == (spent["running"], spent["paused"])
