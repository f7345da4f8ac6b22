"""Pauses as span columns (frame._pauses): the clock over a column of paused tickets
equals the scalar clock at its boundaries.

Office hours Monday to Friday 09:00-17:00 UTC (no DST, so the instants read plainly);
the property test in test_columnar.py covers DST weeks and holidays.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from slacalc import Calendar, Contract, Event, Priority, Target, Ticket

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from slacalc import frame  # noqa: E402
from slacalc._calendar.compiled import timeline_of  # noqa: E402
from slacalc._engine.instants import to_us  # noqa: E402
from slacalc.frame._pauses import NEVER, Pauses, clock_columns, pauses_of  # noqa: E402

OFFICE = Calendar.weekdays("09:00", "17:00", tz="UTC")
TIMELINE = timeline_of(OFFICE)
CONTRACT = Contract(
    id="test/pauses",
    calendars={"office": OFFICE},
    priorities=[Priority(id="P1")],
    targets=[
        Target(metric="resolution", priority="P1", within=timedelta(hours=2), calendar="office",
               pausable=True),
    ],
)  # fmt: skip


def utc(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """An instant of the week of Monday 30 November 2026."""
    monday = datetime(2026, 11, 30, tzinfo=timezone.utc)
    return monday + timedelta(days=day, hours=hour, minutes=minute, seconds=second)


def us(when: datetime) -> int:
    return to_us(when, "when")


def one(start: datetime, end: datetime, pauses: list[tuple[datetime, datetime]]) -> tuple:
    """elapsed (as a timedelta), due and breach for one ticket's span and pauses."""
    columns = Pauses(
        np.array([[us(p)] for p, _ in pauses], dtype=np.int64).reshape(len(pauses), 1),
        np.array([[us(r)] for _, r in pauses], dtype=np.int64).reshape(len(pauses), 1),
        np.array([False]),
    )
    found = clock_columns(
        TIMELINE, np.array([us(start)]), np.array([us(end)]), 2 * 3_600_000_000, columns
    )
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (
        timedelta(microseconds=int(found.elapsed[0])),
        epoch + timedelta(microseconds=int(found.due[0])),
        epoch + timedelta(microseconds=int(found.breach[0])),
    )


def test_a_pause_moves_due_by_its_open_time() -> None:
    # 09:00 + 2 h, paused 10:00-12:00: due 13:00
    assert one(utc(0, 9), utc(0, 16), [(utc(0, 10), utc(0, 12))]) == (
        timedelta(hours=5),
        utc(0, 13),
        utc(0, 13),
    )


def test_a_pause_starting_at_the_next_opening_after_due_holds_the_breach() -> None:
    # Due Monday 17:00 (the close). The clock is paused from Tuesday 09:00, the next
    # opening, to 11:00: accrual first passes the target at the resume, not at 09:00.
    assert one(utc(0, 15), utc(1, 12), [(utc(1, 9), utc(1, 11))]) == (
        timedelta(hours=3),
        utc(0, 17),
        utc(1, 11),
    )


def test_pauses_outside_the_span_change_nothing() -> None:
    before, after = (utc(0, 8), utc(0, 10)), (utc(0, 14), utc(0, 15))
    # the first overlaps the start (09:30): only 09:30-10:00 of it counts
    assert one(utc(0, 9, 30), utc(0, 13), [before, after]) == (
        timedelta(hours=3),
        utc(0, 12),
        utc(0, 12),
    )


def test_pauses_of_at_the_boundaries_of_at() -> None:
    at = us(utc(0, 12))
    resumed_at_at = pauses_of([[(us(utc(0, 10)), at)]], at)
    assert resumed_at_at.ends.tolist() == [[at]]
    assert resumed_at_at.now.tolist() == [False]
    paused_at_at = pauses_of([[(at, None)]], at)
    assert paused_at_at.starts.tolist() == [[at]]
    assert paused_at_at.now.tolist() == [True]
    after_at = pauses_of([[(at + 1, None)]], at)
    assert after_at.starts.shape == (0, 1)
    assert after_at.now.tolist() == [False]
    assert Pauses.none(3).take(np.array([0, 2])).starts.shape == (0, 2)
    assert us(datetime(9999, 1, 1, tzinfo=timezone.utc)) < NEVER


@pytest.mark.parametrize(
    ("at", "status"),
    [
        (utc(1, 8, 59, 59), "running"),  # the pause lies after `at`: ignored
        (utc(1, 9), "paused"),  # paused at `at` itself
        (utc(1, 11), "paused"),
        (utc(1, 12), "running"),  # resumed at `at`: breach is the resume, 12:00:00
        (utc(1, 12, 0, 1), "breached"),
    ],
)
def test_frame_and_clock_agree_at_the_boundaries(at: datetime, status: str) -> None:
    # Opened Monday 15:00 with 2 h: due 17:00, the close. Paused Tuesday 09:00 (the next
    # opening) to 12:00: the target is passed only once the clock runs again.
    events = [Event(at=utc(1, 9), kind="paused"), Event(at=utc(1, 12), kind="resumed")]
    ticket = Ticket(id="T", priority="P1", opened_at=utc(0, 15), events=events)
    scalar = CONTRACT.evaluate(ticket, at=at).targets["resolution"]
    tickets = pd.DataFrame({"id": ["T"], "priority": ["P1"], "opened_at": [utc(0, 15)]})
    table = pd.DataFrame(
        {"ticket": "T", "at": [e.at for e in events], "kind": [e.kind for e in events]}
    )
    for tz in (None, "UTC"):  # the column reader, and the row path's columnwise part
        row = frame.evaluate(tickets, CONTRACT, at=at, events=table, tz=tz).iloc[0]
        assert scalar.status.value == row["status"] == status
        assert row["due_at"] == scalar.due_at == utc(0, 17)
        assert row["breach_at"] == scalar.breach_at
        assert row["elapsed"] == scalar.elapsed


@pytest.mark.parametrize("tz", [None, "UTC"])
def test_a_reopening_runs_the_clock_again_until_the_next_resolution(tz: str | None) -> None:
    # Opened Monday 09:00 (2 h target, pausable): resolved 10:00, reopened 12:00, paused
    # 12:30-13:00, resolved again 14:00. The clock ran 09-10, 12-12:30 and 13-14: 2.5 h.
    tickets = pd.DataFrame({"id": ["T"], "priority": ["P1"], "opened_at": [utc(0, 9)],
                            "resolved_at": [utc(0, 10)]})  # fmt: skip
    kinds = ["reopened", "paused", "resumed", "resolved"]
    table = pd.DataFrame(
        {"ticket": "T", "kind": kinds,
         "at": [utc(0, 12), utc(0, 12, 30), utc(0, 13), utc(0, 14)]}
    )  # fmt: skip
    events = [Event(at=a, kind=k) for a, k in zip(table["at"], kinds, strict=True)]
    ticket = Ticket(id="T", priority="P1", opened_at=utc(0, 9),
                    events=[Event(at=utc(0, 10), kind="resolved"), *events])  # fmt: skip
    scalar = CONTRACT.evaluate(ticket, at=utc(1, 9)).targets["resolution"]
    row = frame.evaluate(tickets, CONTRACT, at=utc(1, 9), events=table, tz=tz).iloc[0]
    assert row["elapsed"] == scalar.elapsed == timedelta(hours=2, minutes=30)
    assert row["status"] == scalar.status.value == "breached"
    assert row["due_at"] == scalar.due_at == utc(0, 13, 30)
