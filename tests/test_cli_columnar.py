"""``slacalc check`` through the columnar reader prints what the row path prints, byte for
byte (cli._check_columnar, frame.lines).

Random ticket files (good rows, bad cells, duplicate ids across chunks, ids that csv
and json must quote, a row naming another contract, microseconds, times in other
offsets) with an events file of pauses, priority changes and reopens are checked twice:
with the columnar path, and with it switched off. Chunks of 3 records, so that a
duplicate of an id can fall in a later chunk.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pandas")

from slacalc.cli import _check_columnar, main
from slacalc.frame.lines import NONE, iso_texts

START = datetime(2026, 3, 23, 8, tzinfo=timezone.utc)  # the week of the spring DST change
IDS = ["T-1", "T-2", "T-3", 'we,"quoted"', "naïve ü", "T-1", "T-2", " T-3 ", "x\\y"]
EXAMPLES_AT = "2026-11-30T09:00+01:00"
PRIORITIES = ["P1", "P2", "P3", "prio 1", "P9", ""]


def instant(minutes: int, offset: int = 1) -> str:
    when = START + timedelta(minutes=minutes)
    return when.astimezone(timezone(timedelta(hours=offset))).isoformat()


@st.composite
def files(draw: st.DrawFn) -> tuple[str, str]:
    minutes = st.integers(0, 7 * 24 * 60)
    extra = draw(st.sampled_from(["", ",notes", ",notes,notes"]))  # other columns, doubled
    lines = ["id,contract,priority,opened_at,responded_at,resolved_at" + extra]
    events = ["ticket,at,kind,priority"]
    for _ in range(draw(st.integers(1, 10))):
        tid = draw(st.sampled_from(IDS))
        opened = draw(minutes)
        cells = [
            '"' + tid.replace('"', '""') + '"' if ('"' in tid or "," in tid) else tid,
            draw(st.sampled_from(["", "", "vioms/advanced", "vioms/standard"])),
            draw(st.sampled_from(PRIORITIES)),
            draw(st.sampled_from([instant(opened), instant(opened, 0), "soon", ""])),
        ]
        for _ in range(2):
            later = opened + draw(st.integers(0, 3 * 24 * 60))
            cells.append(draw(st.sampled_from(["", instant(later), instant(later, -5)])))
        if draw(st.booleans()):  # now and then a time with microseconds
            cells[3] = cells[3].replace(":00+", ":00.250000+", 1)
        line = ",".join(cells) + ",x" * extra.count(",")
        shape = draw(
            st.sampled_from(["as is"] * 6 + ["blank", "commas", "short", "long", "spaces"])
        )
        if shape == "blank":
            lines.append("")
        elif shape == "commas":
            lines.append(" , ,,")
        elif shape == "short":
            line = ",".join(cells[:3])
        elif shape == "long":
            line += ",one too many" * (1 + extra.count(","))
        elif shape == "spaces":
            line = line.replace(",", " , ", 1)
        lines.append(line)
        for kind in draw(
            st.lists(
                st.sampled_from(["paused", "resumed", "priority_changed", "reopened", "resolved"]),
                max_size=4,
            )
        ):
            at = instant(opened + draw(st.integers(0, 4 * 24 * 60)))
            priority = draw(st.sampled_from(["P2", "P4"])) if kind == "priority_changed" else ""
            events.append(f"{tid.strip()},{at},{kind},{priority}" if "," not in tid else "")
    return "\n".join(lines) + "\n", "\n".join(e for e in events if e) + "\n"


def check(
    tmp: Path, format: str, columnar: bool, at: str = "2026-03-28T12:00+01:00"
) -> tuple[int, str]:
    out = io.StringIO()
    saved = _check_columnar.available
    _check_columnar.available = (lambda: True) if columnar else (lambda: False)  # type: ignore[assignment]
    try:
        with redirect_stdout(out), redirect_stderr(io.StringIO()):
            code = main(["check", "vioms/advanced", str(tmp / "tickets.csv"), "--events",
                         str(tmp / "events.csv"), "--at", at,
                         "--format", format])  # fmt: skip
    finally:
        _check_columnar.available = saved  # type: ignore[method-assign]
    return code, out.getvalue()


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files(), st.sampled_from(["csv", "json", "table"]))
def test_columnar_check_prints_what_the_row_path_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[str, str], format: str
) -> None:
    tickets, events = case
    (tmp_path / "tickets.csv").write_text(tickets, encoding="utf-8")
    (tmp_path / "events.csv").write_text(events, encoding="utf-8")
    monkeypatch.setattr(_check_columnar, "CHUNK", 3)
    assert check(tmp_path, format, True) == check(tmp_path, format, False)


def test_the_examples_print_the_same(tmp_path: Path) -> None:
    examples = Path(__file__).parent.parent / "examples"
    for name in ("tickets.csv", "events.csv"):
        (tmp_path / name).write_text((examples / name).read_text(encoding="utf-8"), "utf-8")
    for format in ("csv", "json", "table"):
        fast = check(tmp_path, format, True, EXAMPLES_AT)
        assert fast == check(tmp_path, format, False, EXAMPLES_AT)
        assert fast[1].count("\n") > 20


def test_iso_texts_are_isoformat() -> None:
    us = [0, 1_795_420_800_000_001, -1_500_000, NONE]
    found = iso_texts(__import__("numpy").array(us), "America/New_York").tolist()
    zone = __import__("zoneinfo").ZoneInfo("America/New_York")
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    expected = [(epoch + timedelta(microseconds=u)).astimezone(zone).isoformat() for u in us[:3]]
    assert found == [*expected, None]


def test_the_examples_go_columnwise_mostly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from slacalc.frame import lines

    answered: list[int] = []

    def counting(real):  # type: ignore[no-untyped-def]
        def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
            chunk = real(*args, **kwargs)
            answered.append(len(chunk.answered))
            return chunk

        return wrapped

    monkeypatch.setattr(lines, "check_chunk", counting(lines.check_chunk))
    monkeypatch.setattr(lines, "check_block", counting(lines.check_block))
    examples = Path(__file__).parent.parent / "examples"
    for name in ("tickets.csv", "events.csv"):
        (tmp_path / name).write_text((examples / name).read_text(encoding="utf-8"), "utf-8")
    check(tmp_path, "csv", True, EXAMPLES_AT)
    rows = (examples / "tickets.csv").read_text(encoding="utf-8").count("\n") - 1
    assert 10 < sum(answered) < rows  # the other contracts, reopens and bad rows: row path


def test_the_command_line_imports_neither_pandas_nor_numpy() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from slacalc.cli import _check, main; "
        "print('pandas' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_line_endings_and_an_extra_field_read_as_the_row_path_reads_them(
    tmp_path: Path, end: str
) -> None:
    # a lone CR ends a line for the csv module too: the extra field is a bad row, line 3
    rows = ["id,priority,opened_at", "A,P1,2026-03-23T09:00+01:00",
            "B,P1,2026-03-23T09:00+01:00,extra"]  # fmt: skip
    (tmp_path / "tickets.csv").write_text(end.join(rows) + end, encoding="utf-8", newline="")
    (tmp_path / "events.csv").write_text("ticket,at,kind\n", encoding="utf-8")
    fast = check(tmp_path, "csv", True)
    assert fast == check(tmp_path, "csv", False)
    assert fast[1].splitlines()[-1] == "B,,,,,,,3,more fields than the header has"
