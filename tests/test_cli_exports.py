"""``slacalc check --from PROFILE``: real exports in, with histories, local times, mappings.

Intramed Online's support hours (Europe/Amsterdam): Monday and Thursday 08:00-20:00,
Tuesday, Wednesday and Friday 08:00-17:00; ``level-1`` restores within 4 hours of
support time, pausable. 23 November 2026 is a Monday (CET, +01:00).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cli_run import run

AT = "2026-11-30T12:00+01:00"

# A profile file of a few lines of the user's own, for a Dutch desk's Excel export.
PROFILE = """\
id: onze-desk
tool: Onze servicedesk (Excel-export)
columns: {id: Nummer, priority: Prioriteit, opened_at: Aangemeld, resolved_at: Gereed,
          status: Status}
time_formats: ["%d-%m-%Y %H:%M"]
statuses: {paused: [Wacht op klant], resolved: [Gereed], closed: [Gesloten]}
history: {ticket: Nummer, at: Tijdstip, status: Naar, from_status: Van}
"""
# The Excel export: ';', cp1252 (the 'é' of 'Storing café'), dates without an offset.
TICKETS = (
    "Nummer;Omschrijving;Prioriteit;Aangemeld;Gereed;Status\r\n"
    # restore 4 h from Mon 16:00: 16:00-20:00 -> due Mon 20:00; resolved 19:00: met (3 h)
    "M-1;Storing café;Hoog;23-11-2026 16:00;23-11-2026 19:00;Gereed\r\n"
    # opened Tue 09:00, waits for the customer 10:00-14:00 (history): 1 h + 3 h after 14:00
    # -> due Tue 17:00 (not 13:00); resolved Tue 16:59:59 would be met; it was at 17:00: met
    "M-2;Printer;Hoog;24-11-2026 09:00;24-11-2026 17:00;Gereed\r\n"
    # an unmapped priority: a bad row naming the mapping to add
    "M-3;Wachtwoord;Laag;24-11-2026 09:00;;Nieuw\r\n"
)
HISTORY = (
    "Nummer;Tijdstip;Van;Naar\r\n"
    "M-2;24-11-2026 10:00;In behandeling;Wacht op klant\r\n"
    "M-2;24-11-2026 14:00;Wacht op klant;In behandeling\r\n"
    "M-2;24-11-2026 17:00;In behandeling;Gereed\r\n"
)


def records(out: str) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for line in out.splitlines():
        record = json.loads(line)
        found[record["ticket"], record.get("metric", "error")] = record
    return found


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "desk.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "export.csv").write_bytes(b"\xef\xbb\xbf" + TICKETS.encode("cp1252"))
    (tmp_path / "history.csv").write_bytes(HISTORY.encode("cp1252"))
    return tmp_path


def check(desk: Path, *more: str) -> list[str]:
    return [
        "check", "intramed/online", str(desk / "export.csv"), "--from", str(desk / "desk.yaml"),
        "--encoding", "cp1252", "--tz", "Europe/Amsterdam", "--priority", "Hoog=level-1",
        "--at", AT, *more,
    ]  # fmt: skip


def test_a_dutch_excel_export_reads_with_encoding_tz_and_a_profile_of_ones_own(
    capsys: pytest.CaptureFixture[str], desk: Path
) -> None:
    argv = check(desk, "--history", str(desk / "history.csv"), "--format", "json")
    code, out, err = run(capsys, *argv)
    assert (code, err) == (1, "")  # the bad row
    found = records(out)
    m1 = found["M-1", "restore"]
    assert (m1["status"], m1["due_at"], m1["elapsed_seconds"]) == (
        "met",
        "2026-11-23T20:00:00+01:00",
        3 * 3600,
    )
    m2 = found["M-2", "restore"]
    # the pause of 10:00-14:00 (Wacht op klant) holds the clock: 1 h + 3 h = due 17:00
    assert (m2["status"], m2["due_at"], m2["elapsed_seconds"]) == (
        "met",
        "2026-11-24T17:00:00+01:00",
        4 * 3600,
    )
    bad = found["M-3", "error"]
    assert bad["line"] == 4
    assert bad["error"] == (
        "priority 'Laag' is not mapped to a priority of intramed/online: add --priority "
        "'Laag=ID' (in Python priorities={'Laag': ID}), ID one of level-1, level-2, level-3"
    )


def test_without_the_history_the_pause_is_not_known(
    capsys: pytest.CaptureFixture[str], desk: Path
) -> None:
    # 4 h from Tue 09:00 is 13:00; resolved 17:00: breached (8 h)
    _, out, _ = run(capsys, *check(desk, "--format", "json"))
    m2 = records(out)["M-2", "restore"]
    assert (m2["status"], m2["due_at"], m2["elapsed_seconds"]) == (
        "breached",
        "2026-11-24T13:00:00+01:00",
        8 * 3600,
    )


def test_explain_statuses_lists_each_status_and_its_reading(
    capsys: pytest.CaptureFixture[str], desk: Path
) -> None:
    _, out, _ = run(
        capsys, *check(desk, "--history", str(desk / "history.csv"), "--explain-statuses")
    )
    tail = out[out.index("statuses in the history") :].splitlines()
    assert tail[1].split() == ["status", "read", "as", "changes"]
    rows = [line.split("  ") for line in tail[2:]]
    read = {cells[0].strip(): [c.strip() for c in cells[1:] if c.strip()] for cells in rows}
    assert read == {
        "In behandeling": ["running (not named)", "1"],
        "Wacht op klant": ["paused", "1"],
        "Gereed": ["resolved", "1"],
    }


def test_without_tz_a_local_time_names_the_real_offset_of_that_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "id,priority,opened_at\nS-1,level-1,2026-07-01T10:00\nW-1,level-1,2026-01-15T10:00\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "check", "intramed/online", str(path), "--at", AT, "--format", "json"
    )
    assert code == 1
    errors = {r["ticket"]: r["error"] for r in map(json.loads, out.splitlines()) if "error" in r}
    assert errors == {
        # summer: +02:00 (0.1.0 hard-coded +01:00, an hour off)
        "S-1": "opened_at '2026-07-01T10:00' has no UTC offset: write 2026-07-01T10:00+02:00 "
        "(the offset of Europe/Amsterdam on that date) or pass --tz Europe/Amsterdam",
        "W-1": "opened_at '2026-01-15T10:00' has no UTC offset: write 2026-01-15T10:00+01:00 "
        "(the offset of Europe/Amsterdam on that date) or pass --tz Europe/Amsterdam",
    }
    _, out, _ = run(
        capsys, "check", "intramed/online", str(path), "--at", AT, "--format", "json",
        "--tz", "Europe/Amsterdam",
    )  # fmt: skip
    assert all("error" not in r for r in map(json.loads, out.splitlines()))


def test_rfc_9557_times_are_read_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "t.csv"
    # Monday 23 November 16:00 local (+01:00): restore 4 h -> due 20:00
    path.write_text(
        "id,priority,opened_at\nR-1,level-1,2026-11-23T16:00[Europe/Amsterdam]\n", encoding="utf-8"
    )
    _, out, _ = run(
        capsys, "check", "intramed/online", str(path), "--format", "json",
        "--at", "2026-11-23T17:00[Europe/Amsterdam]",
    )  # fmt: skip
    (record,) = map(json.loads, out.splitlines())
    assert (record["due_at"], record["elapsed_seconds"]) == ("2026-11-23T20:00:00+01:00", 3600)


def test_a_plain_file_with_a_tools_columns_suggests_its_profile(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A file in slacalc's own columns that has one more *_at column is refused, without a
    # suggestion; a file of another tool's columns says --from.
    path = tmp_path / "t.csv"
    path.write_text("id,priority,opened_at,updated_at\nA,P1,2026-11-23T10:00+01:00,\n")
    code, _, err = run(capsys, "check", "vioms/advanced", str(path), "--at", AT)
    assert code == 2
    assert "unknown column(s) updated_at" in err
    assert "--from" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "jra"], "--from 'jra' is no profile; did you mean 'jira'?"),
        (["--priority", "Hoog"], "--priority 'Hoog' is not NAME=ID"),
        (["--priority", "Hoog=P9"], "priority mapping Hoog=P9: 'P9' is no priority of"),
        (["--tz", "Europe/Amsterdm"], "Europe/Amsterdm"),
        (["--history", "h.csv"], "--history needs to know which statuses pause"),
        (["--encoding", "klingon"], "unknown encoding 'klingon'"),
    ],
)
def test_bad_options_are_one_line_of_usage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,priority,opened_at\nA,P1,2026-11-23T10:00+01:00\n", encoding="utf-8")
    (tmp_path / "h.csv").write_text("ticket,at,status\n", encoding="utf-8")
    code, out, err = run(
        capsys, "check", "vioms/advanced", str(path), "--at", AT,
        *[a.replace("h.csv", str(tmp_path / "h.csv")) for a in argv],
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_a_profile_file_with_bad_fields_lists_each_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ncolumns: {idd: Key}\ndelimiter: ';;'\n", encoding="utf-8")
    path = tmp_path / "t.csv"
    path.write_text("Key\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "vioms/advanced", str(path), "--from", str(bad))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == f"slacalc: {bad}: invalid profile:"
    assert any(line.startswith("columns.idd: ") for line in lines[1:])
    assert any(line.startswith("delimiter: ") for line in lines[1:])


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01\x02\xff\xfe binary", b"x" * 10_000_000, b"", b"Nummer;Prioriteit;Aangemeld\r\n"],
    ids=["binary", "10 MB line", "empty", "header only"],
)
def test_hostile_exports_give_one_line_never_a_traceback(
    capsys: pytest.CaptureFixture[str], desk: Path, content: bytes
) -> None:
    (desk / "export.csv").write_bytes(content)
    code, out, err = run(capsys, *check(desk))
    assert out == ""
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    if content.startswith(b"Nummer"):  # an export with a header and no rows
        assert "no rows after the header" in err


def test_the_issues_dutch_excel_file_with_a_profile_that_extends_topdesk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # An Excel "CSV (;)" file: a BOM before cp1252 text, ';', '23-11-2026 16:00'; the
    # desk's own priority names and one status of its own, in four lines of profile.
    (tmp_path / "onze.yaml").write_text(
        "extends: topdesk\n"
        "priorities: {Spoed: level-1, Normaal: level-2}\n"
        "statuses: {paused: [Wacht op klant], resolved: [Gereed], closed: [Afgemeld]}\n",
        encoding="utf-8",
    )
    (tmp_path / "export.csv").write_bytes(
        b"\xef\xbb\xbf"
        + (
            "Nummer;Korte omschrijving;Prioriteit;Aanmelddatum;Datum gereed\r\n"
            # level-1, 4 h of support time from Monday 16:00: due 20:00; done 18:30: met
            "I 001;Storing café;Spoed;23-11-2026 16:00;23-11-2026 18:30\r\n"
            # level-1 from Friday 16:00 (Fri closes 17:00): 1 h Friday, 3 h from Monday
            # 08:00: due Monday 30 November 11:00; not done at --at (Mon 12:00): breached
            "I 002;Printer;Spoed;27-11-2026 16:00;\r\n"
        ).encode("cp1252")
    )
    code, out, err = run(
        capsys, "check", "intramed/online", str(tmp_path / "export.csv"),
        "--from", str(tmp_path / "onze.yaml"), "--encoding", "cp1252",
        "--tz", "Europe/Amsterdam", "--at", AT, "--format", "json",
    )  # fmt: skip
    assert (code, err) == (1, "")
    found = records(out)
    assert (found["I 001", "restore"]["status"], found["I 001", "restore"]["due_at"]) == (
        "met",
        "2026-11-23T20:00:00+01:00",
    )
    assert (found["I 002", "restore"]["status"], found["I 002", "restore"]["due_at"]) == (
        "breached",
        "2026-11-30T11:00:00+01:00",
    )


def test_a_profile_file_that_is_not_yaml_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("x: [1\n", encoding="utf-8")
    path = tmp_path / "t.csv"
    path.write_text("Key\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "vioms/advanced", str(path), "--from", str(bad))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(
        f"slacalc: {bad}: not valid YAML at line 2, column 1: while parsing a "
        "flow sequence, expected ',' or ']', but got '<stream end>'"
    )
