"""The pictures slacalc draws (SPEC 10): every SVG parses, and shows what it must, where.

Each picture's root carries its time axis (``data-start``, ``data-end``, ``data-x0``,
``data-x1``); an instant's expected x is worked out here from those, by arithmetic, and
compared with the line or rectangle drawn for it.
"""

from __future__ import annotations

import pickle
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from slacalc import (
    Calendar,
    Event,
    InvalidIntervalError,
    NaiveDatetimeError,
    Outage,
    Ticket,
    contracts,
    evaluate_many,
)
from slacalc._base.frozen import FrozenMap
from slacalc._base.svg import Label, escape, lanes
from slacalc._clock.report import CycleReport, Status, TargetReport, TicketReport

NS = "{http://www.w3.org/2000/svg}"
AMS = ZoneInfo("Europe/Amsterdam")
OFFICE = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")


def ams(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMS)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("width") == "800"
    assert root.find(f"{NS}title") is not None
    assert root.find(f"{NS}desc") is not None
    assert (root.find(f"{NS}title").text or "").strip()  # type: ignore[union-attr]
    background = root.find(f"{NS}rect")
    assert background is not None
    assert background.get("fill") == "#fff"
    return root


def expected_x(root: ET.Element, instant: datetime) -> float:
    start = datetime.fromisoformat(root.get("data-start", ""))
    end = datetime.fromisoformat(root.get("data-end", ""))
    x0, x1 = float(root.get("data-x0", "")), float(root.get("data-x1", ""))
    return x0 + (instant - start) / (end - start) * (x1 - x0)


def of_class(root: ET.Element, tag: str, css: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{NS}{tag}") if e.get("class") == css]


def spans(root: ET.Element, css: str) -> list[tuple[datetime, datetime]]:
    return [
        (
            datetime.fromisoformat(r.get("data-start", "")),
            datetime.fromisoformat(r.get("data-end", "")),
        )
        for r in of_class(root, "rect", css)
    ]


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{NS}text")]


# -- the writer ---------------------------------------------------------------------------
def test_escape_and_lanes() -> None:
    assert escape("<a & 'b'>") == "&lt;a &amp; 'b'&gt;"
    assert lanes([Label(0, "aaaa"), Label(10, "b"), Label(100, "c"), Label(12, "d")]) == [
        0,
        1,
        0,
        2,
    ]


# -- Calendar.to_svg ----------------------------------------------------------------------
def test_calendar_picture_draws_one_band_per_open_window_where_it_lies() -> None:
    start, end = ams(11, 23), ams(11, 30)
    root = parse(OFFICE.to_svg(start))
    drawn = spans(root, "open")
    windows = OFFICE.windows(start, end)
    assert [(a.astimezone(timezone.utc), b.astimezone(timezone.utc)) for a, b in drawn] == [
        (a.astimezone(timezone.utc), b.astimezone(timezone.utc)) for a, b in windows
    ]
    for rect, (a, b) in zip(of_class(root, "rect", "open"), windows, strict=True):
        assert float(rect.get("x", "")) == pytest.approx(expected_x(root, a), abs=0.01)
        width = float(rect.get("width", ""))
        assert width == pytest.approx(expected_x(root, b) - expected_x(root, a), abs=0.02)
    assert "Mon 23 Nov" in texts(root)


def test_calendar_marks_are_labelled_lines_at_their_instants() -> None:
    due = OFFICE.add(ams(11, 23, 16), timedelta(hours=8))
    root = parse(
        OFFICE.to_svg(ams(11, 23), ams(11, 25), [(ams(11, 23, 16), "opened"), (due, "due")])
    )
    lines = of_class(root, "line", "mark")
    assert [datetime.fromisoformat(line.get("data-at", "")) for line in lines] == [
        ams(11, 23, 16),
        due,
    ]
    assert float(lines[1].get("x1", "")) == pytest.approx(expected_x(root, due), abs=0.01)
    assert "due Tue 24 Nov 16:00" in texts(root)


@pytest.mark.parametrize(
    ("start", "end", "hours", "change"),
    [
        (ams(3, 28), ams(3, 30), 7, "clocks +01:00 → +02:00"),  # the spring-forward gap
        (ams(10, 24), ams(10, 26), 9, "clocks +02:00 → +01:00"),  # the fall-back fold
    ],
)
def test_a_dst_night_window_is_one_band_of_its_real_length(
    start: datetime, end: datetime, hours: int, change: str
) -> None:
    night = Calendar(tz="Europe/Amsterdam", hours={"sat": ["22:00-06:00"]})
    root = parse(night.to_svg(start, end))
    [(a, b)] = spans(root, "open")
    assert [(a, b)] == night.windows(start, end)
    assert b.astimezone(timezone.utc) - a.astimezone(timezone.utc) == timedelta(hours=hours)
    assert f"{hours} h" in texts(root)
    [shift] = of_class(root, "line", "shift")
    at = datetime.fromisoformat(shift.get("data-at", ""))
    assert at.astimezone(timezone.utc).hour == 1  # 02:00 CET / 03:00 CEST
    assert change in texts(root)
    assert float(shift.get("x1", "")) == pytest.approx(expected_x(root, at), abs=0.01)


def test_an_overnight_calendar_draws_each_night_as_one_band() -> None:
    nights = Calendar(tz="Europe/Amsterdam", hours={d: ["22:00-06:00"] for d in ("mon", "tue")})
    root = parse(nights.to_svg(ams(11, 23), ams(11, 26)))
    assert spans(root, "open") == nights.windows(ams(11, 23), ams(11, 26))
    assert len(spans(root, "open")) == 2


def test_a_zero_length_span_is_an_empty_picture() -> None:
    root = parse(OFFICE.to_svg(ams(11, 23, 10), ams(11, 23, 10)))
    assert spans(root, "open") == []
    assert "Nothing is open" in (root.find(f"{NS}desc").text or "")  # type: ignore[union-attr]


def test_calendar_picture_rejects_an_end_before_the_start_and_naive_instants() -> None:
    with pytest.raises(
        InvalidIntervalError, match=r"end=2026-11-23T00:00:00\+01:00 lies before start=2026-11-30"
    ):
        OFFICE.to_svg(ams(11, 30), ams(11, 23))
    with pytest.raises(NaiveDatetimeError, match="start="):
        OFFICE.to_svg(datetime(2026, 11, 23))


# -- TicketReport.to_svg ------------------------------------------------------------------
INTRAMED = contracts.get("intramed/online")


def paused_ticket(tid: str = "IM-2") -> Ticket:
    return Ticket(id=tid, priority="level-1", opened_at=ams(11, 23, 10), events=[
        Event(at=ams(11, 23, 11), kind="paused"), Event(at=ams(11, 23, 12), kind="resumed"),
    ])  # fmt: skip


def test_ticket_picture_puts_the_due_line_at_the_due_instant() -> None:
    report = INTRAMED.evaluate(paused_ticket(), at=ams(11, 23, 13))
    root = parse(report.to_svg())
    [due] = of_class(root, "line", "due")
    due_at = report.targets["restore"].due_at
    assert due_at == ams(11, 23, 15)
    assert datetime.fromisoformat(due.get("data-at", "")) == due_at
    assert float(due.get("x1", "")) == pytest.approx(expected_x(root, due_at), abs=0.01)
    assert "due Mon 23 Nov 15:00" in texts(root)
    [at] = of_class(root, "line", "at")
    assert float(at.get("x1", "")) == pytest.approx(expected_x(root, ams(11, 23, 13)), abs=0.01)


def test_ticket_picture_draws_pauses_where_the_ticket_paused_and_the_clock_around_them() -> None:
    report = INTRAMED.evaluate(paused_ticket(), at=ams(11, 23, 13))
    root = parse(report.to_svg())
    assert spans(root, "paused") == [(ams(11, 23, 11), ams(11, 23, 12))]
    counted = spans(root, "clock")
    assert counted == [(ams(11, 23, 10), ams(11, 23, 11)), (ams(11, 23, 12), ams(11, 23, 13))]
    assert sum((b - a for a, b in counted), timedelta()) == report.targets["restore"].elapsed
    assert any(t.startswith("paused Mon 23 Nov 11:00") for t in texts(root))


def test_an_overnight_pause_costs_only_open_hours_in_the_picture() -> None:
    ticket = Ticket(id="IM-4", priority="level-1", opened_at=ams(11, 23, 17), events=[
        Event(at=ams(11, 23, 19), kind="paused"), Event(at=ams(11, 24, 9), kind="resumed"),
    ])  # fmt: skip
    report = INTRAMED.evaluate(ticket, at=ams(11, 24, 10))
    root = parse(report.to_svg())
    counted = spans(root, "clock")
    assert sum((b - a for a, b in counted), timedelta()) == report.targets["restore"].elapsed
    support = INTRAMED.calendars["support"]
    lo, hi = (datetime.fromisoformat(root.get(k, "")) for k in ("data-start", "data-end"))
    assert spans(root, "open") == support.windows(lo, hi)


def test_ticket_text_is_escaped() -> None:
    report = INTRAMED.evaluate(paused_ticket("A<B & C"), at=ams(11, 23, 13))
    svg = report.to_svg()
    assert "A&lt;B &amp; C" in svg
    title = parse(svg).find(f"{NS}title")
    assert title is not None
    assert title.text is not None
    assert title.text.startswith("Ticket A<B & C")


def test_the_breach_instant_is_drawn_when_it_differs_from_due() -> None:
    ticket = Ticket(id="INC-2", priority="P2", opened_at=ams(11, 23, 9))
    report = contracts.get("vioms/advanced").evaluate(ticket, at=ams(11, 25, 9))
    root = parse(report.to_svg())
    breach = [
        datetime.fromisoformat(e.get("data-at", "")) for e in of_class(root, "line", "breach")
    ]
    assert ams(11, 24, 9) in breach
    assert "breach after Tue 24 Nov 09:00" in texts(root)


def test_a_target_without_a_due_instant_says_so() -> None:
    ticket = Ticket(id="INC-3", priority="P1", opened_at=ams(11, 23, 9))
    report = contracts.get("vioms/advanced").evaluate(ticket, at=ams(11, 23, 10))
    assert report.targets["on_site"].due_at is None
    root = parse(report.to_svg())
    assert "not_started: no due instant" in texts(root)
    assert "on_site" in texts(root)


def test_a_report_built_by_hand_draws_its_instants_only() -> None:
    at = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
    cycle = CycleReport(Status.RUNNING, at - timedelta(hours=1), None, timedelta(hours=4),
                        at + timedelta(hours=3), at + timedelta(hours=3), timedelta(hours=1),
                        timedelta(0), timedelta(hours=3))  # fmt: skip
    target = TargetReport("response", "P1", cycle, (cycle,), False)
    report = TicketReport("T-1", "P1", "incident", at, FrozenMap({"response": target}))
    root = parse(report.to_svg())
    [due] = of_class(root, "line", "due")
    assert float(due.get("x1", "")) == pytest.approx(
        expected_x(root, at + timedelta(hours=3)), abs=0.01
    )
    assert spans(root, "open") == []
    assert spans(root, "paused") == []
    assert "without the contract" in (root.find(f"{NS}desc").text or "")  # type: ignore[union-attr]


def test_a_ticket_with_no_targets_is_still_a_picture() -> None:
    at = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
    root = parse(TicketReport("T-0", "P9", "incident", at).to_svg())
    assert any("No targets" in t for t in texts(root))


def test_reports_keep_equality_repr_dict_and_pickling() -> None:
    report = INTRAMED.evaluate(paused_ticket(), at=ams(11, 23, 13))
    assert report.evaluated is not None
    assert report.evaluated.ticket.id == "IM-2"
    bare = TicketReport(report.ticket_id, report.priority, report.kind, report.at, report.targets)
    assert bare == report
    assert hash(bare) == hash(report)
    assert "evaluated" not in repr(report)
    assert "evaluated" not in report.as_dict()
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert again.to_svg() == report.to_svg()
    assert report._repr_svg_() == report.to_svg()


# -- AvailabilityReport.to_svg ------------------------------------------------------------
def test_availability_picture_draws_outages_and_each_targets_hours() -> None:
    contract = contracts.get("infravision/cloud")
    down = Outage(start=ams(6, 1, 17), end=ams(6, 1, 18))
    maintenance = Outage(start=ams(6, 3, 2), end=ams(6, 3, 4), planned=True)
    report = contract.availability([down, maintenance], ams(6, 1), ams(6, 8))
    root = parse(report.to_svg())
    assert spans(root, "outage") == [(ams(6, 1, 17), ams(6, 1, 18))]
    [rect] = of_class(root, "rect", "outage")
    assert float(rect.get("x", "")) == pytest.approx(expected_x(root, ams(6, 1, 17)), abs=0.01)
    support = contract.calendars["support_hours"].windows(ams(6, 1), ams(6, 8))
    assert spans(root, "open")[: len(support)] == support  # then outside:support_hours
    # The outage hour counts in support hours until 17:30, outside them after.
    downtime = spans(root, "downtime")
    assert downtime == [(ams(6, 1, 17), ams(6, 1, 17, 30)), (ams(6, 1, 17, 30), ams(6, 1, 18))]
    names = texts(root)
    assert "support_hours" in names
    assert "outside_support_hours" in names
    assert "down Mon 1 Jun 17:00 (1 h)" in names
    assert report.measured is not None
    assert pickle.loads(pickle.dumps(report)) == report


def test_availability_without_targets_or_measurement() -> None:
    report = contracts.get("connexys/standard").availability([], ams(6, 1), ams(6, 1))
    root = parse(report.to_svg())
    assert spans(root, "outage") == []
    assert report._repr_svg_() == report.to_svg()


def test_a_batch_report_keeps_no_references_and_draws_its_instants_only() -> None:
    # evaluate_many keeps no ticket alive for a picture (docs/pictures.md): its report
    # draws like a hand-built one; contract.evaluate of the same ticket draws it whole.
    ticket = paused_ticket()
    (batch,) = evaluate_many(INTRAMED, [ticket], at=ams(11, 23, 13)).reports
    assert batch.evaluated is None
    root = parse(batch.to_svg())
    assert spans(root, "open") == []
    assert "without the contract" in (root.find(f"{NS}desc").text or "")  # type: ignore[union-attr]
    whole = parse(INTRAMED.evaluate(ticket, at=ams(11, 23, 13)).to_svg())
    assert spans(whole, "paused")


def test_an_availability_picture_in_progress_says_as_of_and_counts_in_the_singular() -> None:
    cloud = contracts.get("infravision/cloud")
    now = ams(11, 18, 18, 30)
    report = cloud.availability([Outage(start=ams(11, 18, 16, 30), end=None)], ams(11, 16),
                                ams(11, 21), at=now)  # fmt: skip
    root = parse(report.to_svg())
    title = root.findtext(f"{NS}title") or ""
    assert title.endswith("as of Wed 18 Nov 18:30: not met so far")
    assert "1 interruption" in texts(root)
    assert "1 interruptions" not in " ".join(texts(root))
