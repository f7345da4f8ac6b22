"""The site's pictures, drawn by slacalc itself when the docs are built (a mkdocs hook).

Every diagram of the Concepts pages, Getting started and the FAQ is a picture listed in
``PICTURES`` below: the calendar, span and marks (``CalendarPicture``), or the contract,
ticket and ``at`` (``TicketPicture``) of the example the page's doctest evaluates next to
it, drawn with ``Calendar.to_svg`` or ``TicketReport.to_svg``. ``on_files`` adds them to
the site as ``pictures/NAME.svg`` (generated files: nothing is written into docs/), and a
page shows one as an ordinary image, ``![what it shows](../pictures/NAME.svg)``.

mkdocs.yml lists this file under ``hooks:`` and leaves ``/_hooks/`` out of the site
(``exclude_docs``). tests/test_docs_pictures.py draws and parses every picture without
mkdocs, and checks that every page's image names a picture listed here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from slacalc import (
    Calendar,
    ClockPolicy,
    Contract,
    Event,
    Outage,
    Priority,
    Target,
    Ticket,
    WorkingDays,
    contracts,
)

AMS = ZoneInfo("Europe/Amsterdam")
OFFICE = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
NIGHT = Calendar(tz="Europe/Amsterdam", hours={"sat": ["22:00-06:00"]})


def ams(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """An instant of 2026 in Amsterdam."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=AMS)


@dataclass(frozen=True)
class CalendarPicture:
    """``calendar.to_svg(start, end, marks)``."""

    calendar: Calendar
    start: datetime
    end: datetime
    marks: Sequence[tuple[datetime, str]] = ()

    def svg(self) -> str:
        return self.calendar.to_svg(self.start, self.end, self.marks)


@dataclass(frozen=True)
class TicketPicture:
    """``contract.evaluate(ticket, at).to_svg()``."""

    contract: Contract
    ticket: Ticket
    at: datetime

    def svg(self) -> str:
        return self.contract.evaluate(self.ticket, at=self.at).to_svg()


@dataclass(frozen=True)
class AvailabilityPicture:
    """``contract.availability(outages, start, end, at=at).to_svg()``."""

    contract: Contract
    outages: Sequence[Outage]
    start: datetime
    end: datetime
    at: datetime | None = None

    def svg(self) -> str:
        report = self.contract.availability(self.outages, self.start, self.end, at=self.at)
        return report.to_svg()


@dataclass(frozen=True)
class ScreenPicture:
    """What ``slacalc ARGV`` shows in a terminal of ``columns`` x ``rows``, colours
    included: the prompt line (wrapped as a terminal wraps it), then the output's first
    lines. The command runs in the repository's root, as the README has it."""

    argv: tuple[str, ...]
    columns: int = 80
    rows: int = 24

    def screen(self) -> list[tuple[str, str | None]]:
        """The terminal's lines and the SGR colour of each (``None``: plain)."""
        import io
        import os
        from contextlib import redirect_stdout
        from unittest import mock

        from slacalc.cli import main

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        out = Terminal()
        env = {"COLUMNS": str(self.columns), "LINES": str(self.rows), "TERM": "xterm"}
        here = os.getcwd()
        os.chdir(Path(__file__).resolve().parents[2])
        try:
            with mock.patch.dict(os.environ, env), redirect_stdout(out):
                os.environ.pop("NO_COLOR", None)
                main(list(self.argv))
        finally:
            os.chdir(here)
        prompt = "$ slacalc " + " ".join(self.argv)
        lines: list[tuple[str, str | None]] = [
            (prompt[n : n + self.columns], None) for n in range(0, len(prompt), self.columns)
        ]
        for line in out.getvalue().splitlines():
            found = re.fullmatch(r"\x1b\[(\d+)m(.*)\x1b\[0m", line)
            lines.append((found[2], found[1]) if found else (line, None))
        return lines[: self.rows]

    def svg(self) -> str:
        cell_w, cell_h, pad = 8.4, 18, 12
        width, height = self.columns * cell_w + 2 * pad, self.rows * cell_h + 2 * pad
        colours = {None: "#d4d4d4", "31": "#f47067", "33": "#e5c07b"}
        texts = [
            f'<text x="{pad}" y="{pad + (n + 1) * cell_h - 5}" fill="{colours.get(c, "#d4d4d4")}"'
            f' xml:space="preserve">{escape(line)}</text>'
            for n, (line, c) in enumerate(self.screen())
        ]
        command = escape("slacalc " + " ".join(self.argv))
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}"'
            f' viewBox="0 0 {width:.0f} {height:.0f}" role="img">'
            f"<title>{command} in a terminal of {self.columns}x{self.rows}</title>"
            f"<desc>The first {self.rows} lines a terminal shows: breached rows red, at-risk"
            f" rows yellow, and each status also written out.</desc>"
            f'<rect width="100%" height="100%" rx="6" fill="#1e1e1e"/>'
            f'<g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">'
            + "".join(texts)
            + "</g></svg>"
        )


def _with(contract_id: str, **clock: str) -> Contract:
    contract = contracts.get(contract_id)
    if not clock:
        return contract
    return contract.model_copy(update={"clock": ClockPolicy(**clock)})  # type: ignore[arg-type]


def _ticket(tid: str, priority: str, opened: datetime, *events: tuple[datetime, str]) -> Ticket:
    happened = [
        Event(at=at, kind="priority_changed", priority=kind.split(":")[1])
        if kind.startswith("priority_changed:")
        else Event(at=at, kind=kind)
        for at, kind in events
    ]
    return Ticket(id=tid, priority=priority, opened_at=opened, events=happened)


_INC_7 = _ticket(
    "INC-7", "P1", ams(11, 23, 9), (ams(11, 23, 15), "responded"),
    (ams(11, 23, 16), "priority_changed:P3"),
)  # fmt: skip
_INC_9 = _ticket("INC-9", "P3", ams(11, 27, 17), (ams(11, 28, 12), "priority_changed:P1"))
_INC_8 = _ticket(
    "INC-8", "P1", ams(11, 23, 9), (ams(11, 23, 9, 30), "responded"),
    (ams(11, 23, 12, 30), "resolved"), (ams(11, 24, 9), "reopened"),
)  # fmt: skip
_INTRAMED = contracts.get("intramed/online")
_VIOMS = contracts.get("vioms/advanced")
#: docs/next-change.md's contract: 4 h on weekdays 08:00-18:00, a 75 % warning.
_WARNING = Contract(
    id="example/next",
    calendars={"office": Calendar.weekdays("08:00", "18:00", tz="Europe/Amsterdam")},
    priorities=[Priority(id="P1")],
    targets=[Target(metric="restore", priority="P1", within=timedelta(hours=4),
                    calendar="office", milestones=(0.75,))],
)  # fmt: skip

#: Every picture of the site, by name (its file is ``pictures/NAME.svg``).
PICTURES: dict[str, CalendarPicture | TicketPicture | AvailabilityPicture | ScreenPicture] = {
    # docs/error-budgets.md: an outage still open on Wednesday 18 November at 18:30.
    "error-budget-open-outage": AvailabilityPicture(
        contracts.get("infravision/cloud"), [Outage(start=ams(11, 18, 16, 30), end=None)],
        ams(11, 16), ams(11, 21), ams(11, 18, 18, 30),
    ),
    # docs/command-line.md: the README's first command in an 80x24 terminal.
    "check-in-a-terminal": ScreenPicture(
        ("check", "vioms/advanced", "examples/tickets.csv", "--events", "examples/events.csv",
         "--at", "2026-11-27T17:00+01:00"),
    ),
    # docs/getting-started.md and docs/concepts/open-time.md: add and between.
    "getting-started-add": CalendarPicture(
        OFFICE, ams(11, 23, 6), ams(11, 24, 19),
        [(ams(11, 23, 16), "opened"), (OFFICE.add(ams(11, 23, 16), timedelta(hours=8)), "due")],
    ),
    "open-time-two-days": CalendarPicture(
        OFFICE, ams(11, 23), ams(11, 25), [(ams(11, 23, 9), "from"), (ams(11, 24, 17), "to")]
    ),
    "open-time-between": CalendarPicture(
        OFFICE, ams(11, 27, 6), ams(11, 30, 14),
        [(ams(11, 27, 16), "a ="), (ams(11, 30, 10), "b =")],
    ),
    "open-time-add": CalendarPicture(
        OFFICE, ams(11, 23, 6), ams(11, 24, 19),
        [(ams(11, 23, 16), "t ="),
         (OFFICE.add(ams(11, 23, 16), timedelta(hours=8)), "add(t, 8 h) =")],
    ),
    # docs/concepts/due-and-breach.md
    "due-inside-a-window": TicketPicture(
        _VIOMS, _ticket("INC-1", "P1", ams(11, 23, 9), (ams(11, 23, 13), "responded")),
        ams(11, 24, 9),
    ),
    "due-at-a-windows-end": TicketPicture(
        _VIOMS, _ticket("INC-2", "P2", ams(11, 23, 9)), ams(11, 25, 9)
    ),
    # docs/concepts/pauses.md
    "pauses-an-hour": TicketPicture(
        _INTRAMED,
        _ticket("IM-2", "level-1", ams(11, 23, 10), (ams(11, 23, 11), "paused"),
                (ams(11, 23, 12), "resumed")),
        ams(11, 23, 13),
    ),
    "pauses-overnight": TicketPicture(
        _INTRAMED,
        _ticket("IM-4", "level-1", ams(11, 23, 17), (ams(11, 23, 19), "paused"),
                (ams(11, 24, 9), "resumed")),
        ams(11, 24, 10),
    ),
    # docs/concepts/policies.md
    "policy-priority-keep-elapsed": TicketPicture(_VIOMS, _INC_7, ams(11, 24, 9)),
    "policy-priority-restart": TicketPicture(
        _with("vioms/advanced", on_priority_change="restart"), _INC_7, ams(11, 24, 9)
    ),
    "policy-calendars-keep-elapsed": TicketPicture(
        _with("vioms/advanced+evening-weekend"), _INC_9, ams(11, 28, 13)
    ),
    "policy-calendars-restart": TicketPicture(
        _with("vioms/advanced+evening-weekend", on_priority_change="restart"), _INC_9,
        ams(11, 28, 13),
    ),
    "policy-reopen-continue": TicketPicture(_VIOMS, _INC_8, ams(11, 24, 11)),
    "policy-reopen-new-cycle": TicketPicture(
        _with("vioms/advanced", on_reopen="new_cycle"), _INC_8, ams(11, 24, 11)
    ),
    # docs/concepts/working-days.md
    "working-day-over-a-weekend": CalendarPicture(
        OFFICE, ams(11, 27, 6), ams(11, 30, 19),
        [(ams(11, 27, 14), "start"),
         (OFFICE.add(ams(11, 27, 14), WorkingDays(1)), "1 working day:")],
    ),
    "working-day-after-closing": CalendarPicture(
        OFFICE, ams(11, 23, 12), ams(11, 25, 12),
        [(ams(11, 23, 18), "reported"),
         (OFFICE.add(ams(11, 23, 18), WorkingDays(1)), "1 working day:")],
    ),
    "working-day-shorter-day": CalendarPicture(
        _INTRAMED.calendars["support"], ams(11, 26, 6), ams(11, 27, 21),
        [(ams(11, 26, 18), "start"),
         (_INTRAMED.calendars["support"].add(ams(11, 26, 18), WorkingDays(1)),
          "1 working day:")],
    ),
    # docs/concepts/dst.md
    "dst-spring-forward-night": CalendarPicture(NIGHT, ams(3, 28, 18), ams(3, 29, 10)),
    "dst-fall-back-night": CalendarPicture(NIGHT, ams(10, 24, 18), ams(10, 25, 10)),
    # docs/next-change.md: the warning falls due on Tuesday 10:00, then the breach.
    "next-change-warning": TicketPicture(_WARNING, _ticket("T-1", "P1", ams(11, 23, 17)),
                                         ams(11, 23, 17, 30)),
    # docs/faq.md
    "faq-deadline-at-close": TicketPicture(
        _VIOMS, _ticket("INC-1", "P2", ams(11, 23, 9), (ams(11, 24, 9), "responded")),
        ams(11, 25, 9),
    ),
}  # fmt: skip


def draw(name: str) -> str:
    """The SVG text of one picture."""
    return PICTURES[name].svg()


def _first(function: Any) -> Any:
    """Run this hook's ``on_files`` before the plugins' (the link checker collects the
    site's files in its own): mkdocs' ``event_priority``, where mkdocs is installed."""
    try:
        from mkdocs.plugins import event_priority
    except ImportError:  # the tests load this module without mkdocs
        return function
    return event_priority(100)(function)


@_first
def on_files(files: Any, config: Any) -> Any:
    """mkdocs: add every picture to the site as a generated ``pictures/NAME.svg``."""
    from mkdocs.structure.files import File

    for name in PICTURES:
        files.append(File.generated(config, f"pictures/{name}.svg", content=draw(name)))
    return files
