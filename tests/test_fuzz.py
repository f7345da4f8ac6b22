"""Fuzzing every reader of untrusted input: files, records, contract files, the command line
and frames. The only outcomes are results, bad rows reported, or a ``SlacalcError``; the
command line answers 0/1 with results or bad rows, or 2 with one line on stderr (SPEC 6).

``SLACALC_FUZZ_EXAMPLES=N`` runs every test here with ``N`` examples (for a long run).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings, event
from hypothesis import strategies as st

from slacalc import Contract, ContractError, SlacalcError, contracts
from slacalc._base.errors import InputError
from slacalc._io.files import FIELD_LIMIT, read_records
from slacalc._io.records import (
    EVENT_FILE_COLUMNS,
    TICKET_COLUMNS,
    event_from_record,
    parse_instant,
    ticket_from_record,
)
from slacalc._io.rows import BadLine
from slacalc.cli import main
from slacalc.cli._availability import OUTAGE_COLUMNS

yaml = pytest.importorskip("yaml")
pd = pytest.importorskip("pandas")

from slacalc import frame  # noqa: E402  (needs pandas)


def examples(default: int) -> int:
    """``default`` examples, or ``SLACALC_FUZZ_EXAMPLES`` when that is set."""
    return int(os.environ.get("SLACALC_FUZZ_EXAMPLES", default))


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
AT = "2026-11-27T17:00+01:00"
OPENED = "2026-11-23T16:00+01:00"
REQUIRED = {TICKET_COLUMNS: 3, EVENT_FILE_COLUMNS: 3, OUTAGE_COLUMNS: 2}

# -- cells ------------------------------------------------------------------------------------

OFFSETS = st.sampled_from(
    [timezone.utc, timezone(timedelta(hours=1)), timezone(timedelta(hours=-9, minutes=-30))]
)
MOMENTS = st.datetimes(min_value=datetime(2026, 10, 1), max_value=datetime(2027, 1, 31))
INSTANTS = st.builds(lambda d, tz: d.replace(tzinfo=tz).isoformat(), MOMENTS, OFFSETS)
NAIVE = MOMENTS.map(datetime.isoformat)
ISOISH = st.from_regex(
    r"\A[+-]?\d{1,6}-\d{1,2}-\d{1,2}([T ]\d{1,2}(:\d{2}(:\d{2}([.,]\d{1,12})?)?)?)?"
    r"(Z|[+-]\d{1,2}(:?\d{2}(:?\d{2})?)?)?\Z"
)
FAR = st.sampled_from(
    ["0001-01-01T00:00+00:00", "9999-12-31T23:59:59+14:00", "1900-01-01T00:00Z",
     "2200-01-01T00:00+00:00", "1969-12-31T23:59:59-12:00", "2026-11-23T24:00+01:00",
     "2026-02-30T09:00+01:00", "2026-11-23T16:00+25:00", "+002026-11-23T16:00Z"]
)  # fmt: skip
HOSTILE = st.sampled_from(
    ["", " ", "\x00", "\x00\x00", "\u2028", "\r\n", "\r", "\n", '"', '""', '"a, b"', 'x"y',
     "a\nb", "\ufeff", "NaN", "null", "\udce9", "\udcff", "x" * (FIELD_LIMIT + 1),
     "x" * FIELD_LIMIT, OPENED + "\x00", " " + OPENED + "\u2028"]
)  # fmt: skip
TIMES = st.one_of(INSTANTS, NAIVE, ISOISH, FAR, HOSTILE, st.text(max_size=30))
CELLS = st.one_of(TIMES, st.text(max_size=20))
IDS = st.one_of(st.sampled_from(["T-1", "T-2", "T-3", " T-1 "]), CELLS)
SPECIFIC = {
    "id": IDS,
    "ticket": IDS,
    "priority": st.one_of(st.sampled_from(["P1", "P2", "PRIO 1", "urgent", "high", "P9"]), CELLS),
    "kind": st.one_of(
        st.sampled_from(["incident", "request", "paused", "resumed", "reopened", "closed"]),
        st.sampled_from(["priority_changed", "responded", "opened", "nope"]),
        CELLS,
    ),
    "contract": st.one_of(st.sampled_from(["", "vioms/advanced", "reflex/basis", "nope"]), CELLS),
    "planned": st.one_of(st.sampled_from(["true", "false", "", "yes", "maybe", "0"]), CELLS),
}
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | CELLS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


def cell(name: str) -> st.SearchStrategy[str]:
    """The cells of a column: near-valid ones for its own name, anything else too."""
    key = name.strip().lower()
    return SPECIFIC.get(key, TIMES if key.endswith(("_at", "start", "end")) else CELLS)


# -- files ------------------------------------------------------------------------------------

COSMETIC = (str, str.upper, str.title, lambda n: f" {n} ", lambda n: f"\t{n}\u00a0")


@st.composite
def headers(draw: st.DrawFn, columns: tuple[str, ...]) -> list[str]:
    """The columns (required ones first), case and spaces changed, at most one broken."""
    optional = draw(st.lists(st.sampled_from(columns[REQUIRED[columns] :]), unique=True))
    names = draw(st.permutations([*columns[: REQUIRED[columns]], *optional]))
    names = [draw(st.sampled_from(COSMETIC))(name) for name in names]
    spot = draw(st.integers(0, len(names) - 1))
    broken = draw(st.sampled_from([None, None, None, "drop", "twice", "typo", "extra"]))
    if broken == "drop":
        del names[spot]
    elif broken == "twice":
        names.insert(0, names[spot].upper())
    elif broken == "typo":
        names[spot] = names[spot][:-1] + "_at"
    elif broken == "extra":
        names.insert(spot, draw(st.sampled_from(["notes", "", "x_at", "\ufeffid", "ID "])))
    return names


class File(NamedTuple):
    columns: tuple[str, ...]
    data: bytes
    lines: list[int] | None  # the line of each record the reader must yield, when known
    suffix: str = ".csv"


def encode(text: str, bom: bool) -> bytes:
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8", "surrogateescape")


@st.composite
def csv_files(draw: st.DrawFn, columns: tuple[str, ...]) -> File:
    names = draw(headers(columns))
    rows: list[list[str]] = []
    for _ in range(draw(st.integers(0, 6))):
        row = [draw(cell(name)) for name in names] + draw(st.lists(CELLS, max_size=1))
        rows.append(row[: len(row) - draw(st.integers(0, 1))])
    mode = draw(st.sampled_from(["exact", "writer", "raw"]))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    quoting = csv.QUOTE_ALL if mode == "exact" and ending == "\n" else csv.QUOTE_MINIMAL
    if mode == "writer":
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))

    def line(cells: Sequence[str]) -> str:
        if mode == "raw":
            return ",".join(cells) + ending
        out = io.StringIO()
        csv.writer(out, lineterminator=ending, quoting=quoting).writerow(cells)
        return out.getvalue()

    texts = [line(names), *(line(row) for row in rows)]
    lines, at = [], 2
    for row, text in zip(rows, texts[1:], strict=True):
        if any(c.strip() for c in row):
            lines.append(at)
        at += len(io.StringIO(text, newline="").readlines())
    data = encode("".join(texts), draw(st.booleans()))
    return File(columns, data, lines if mode == "exact" else None)


RAW_JSON = st.sampled_from(
    ["[" * 100_000 + "]" * 100_000, "{" * 3000, '{"id": ' + "9" * 5000 + "}", "[1, 2]", "42",
     '"a string"', "null", "{nope", '{"id": NaN}', "\x00", "{}", "\ufeff{}", '{"id": "\udce9"}']
)  # fmt: skip


@st.composite
def jsonl_files(draw: st.DrawFn, columns: tuple[str, ...]) -> File:
    def record(names: list[str]) -> str:
        values = {n: draw(st.one_of(cell(n), JSON_VALUES)) for n in names}
        return json.dumps(values, ensure_ascii=draw(st.booleans()))

    lines = draw(
        st.lists(st.one_of(headers(columns).map(record), RAW_JSON, st.text(max_size=20)), max_size=6)
    )
    blank = draw(st.sampled_from(["", " ", "\r"]))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(
        [item for line in lines for item in (line, blank)]
    )
    return File(columns, encode(text, draw(st.booleans())), None, ".jsonl")


def any_files(columns: tuple[str, ...]) -> st.SearchStrategy[File]:
    suffixes = st.sampled_from([".csv", ".jsonl", ".json", ".txt"])
    return st.one_of(
        csv_files(columns),
        jsonl_files(columns),
        st.builds(lambda d, s: File(columns, d, None, s), st.binary(), suffixes),
        st.builds(lambda t, s: File(columns, encode(t, False), None, s), st.text(), suffixes),
    )


@contextlib.contextmanager
def written(contents: dict[str, bytes]) -> Iterator[dict[str, str]]:
    """The contents as files of a fresh directory: their paths by name."""
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: str(Path(folder, name)) for name in contents}
        for name, data in contents.items():
            Path(paths[name]).write_bytes(data)
        yield paths


def read(name: str, file: File) -> list[tuple[int, Any]] | None:
    """The records of ``file`` read as ``name``; ``None`` for an unusable file."""
    columns = file.columns
    with written({name: file.data}) as paths:
        try:
            return list(read_records(paths[name], "file", columns, columns[: REQUIRED[columns]]))
        except InputError:
            return None


def decoded(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="surrogateescape")


ANY_COLUMNS = st.sampled_from(list(REQUIRED))


@settings(max_examples=examples(150), suppress_health_check=SLOW)
@given(file=ANY_COLUMNS.flatmap(lambda c: st.one_of(csv_files(c), any_files(c))))
def test_csv_records_carry_their_first_line_and_lines_increase(file: File) -> None:
    records = read("f.csv", file)
    event(f"csv usable={records is not None} exact={file.lines is not None} n={len(records or [])} dicts={sum(isinstance(r, dict) for _, r in records or [])}")
    if records is None:
        return
    count = len(io.StringIO(decoded(file.data), newline="").readlines())
    lines = [line for line, _ in records]
    assert all(2 <= line <= count for line in lines), (lines, count)
    assert lines == sorted(set(lines))
    assert all(isinstance(r, dict) or (isinstance(r, BadLine) and r) for _, r in records)
    if file.lines is not None:
        assert lines == file.lines


@settings(max_examples=examples(150), suppress_health_check=SLOW)
@given(file=ANY_COLUMNS.flatmap(lambda c: st.one_of(jsonl_files(c), any_files(c))))
def test_json_lines_are_records_or_bad_lines_one_per_non_blank_line(file: File) -> None:
    records = read("f.jsonl", file)
    assert records is not None  # a JSON lines file never is unusable as a whole
    text = decoded(file.data)
    expected = [n for n, raw in enumerate(text.split("\n"), start=1) if raw.strip()]
    assert [line for line, _ in records] == expected
    for _, record in records:
        assert isinstance(record, dict) or (isinstance(record, BadLine) and record)
        if isinstance(record, dict):
            assert all(key == key.strip().lower() for key in record)


# -- records and instants ----------------------------------------------------------------------

ANY_VALUES = st.one_of(
    CELLS,
    JSON_VALUES,
    st.datetimes(timezones=st.none() | OFFSETS | st.timezones()),
    st.sampled_from([float("nan"), float("inf"), -(10**30), 10**400, b"\xff", pd.NaT, pd.NA]),
)
RECORD_KEYS = st.sampled_from(sorted({*TICKET_COLUMNS, *EVENT_FILE_COLUMNS, "extra"}))


@settings(max_examples=examples(200), suppress_health_check=SLOW)
@given(record=st.dictionaries(RECORD_KEYS, st.one_of(ANY_VALUES, CELLS, INSTANTS)))
def test_a_record_is_a_ticket_and_an_event_or_a_slacalc_value_error(record: dict[str, Any]) -> None:
    for reader in (ticket_from_record, event_from_record):
        try:
            reader(record)
        except SlacalcError as error:
            assert isinstance(error, ValueError)
            assert str(error)


@settings(max_examples=examples(200), suppress_health_check=SLOW)
@given(value=st.one_of(ANY_VALUES, ISOISH, FAR, st.text(), st.binary(), st.integers()))
def test_parse_instant_is_aware_or_a_calendar_error_naming_the_column(value: object) -> None:
    try:
        parsed = parse_instant(value, "opened_at")
    except SlacalcError as error:
        assert isinstance(error, ValueError)
        assert "opened_at" in str(error)
    else:
        assert parsed.tzinfo is not None
        assert parsed.utcoffset() is not None


# -- contract files ---------------------------------------------------------------------------

BASES = [
    json.dumps(contracts.get(i).model_dump(mode="json"))
    for i in ("vioms/advanced", "reflex/basis", "intramed/online", "infravision/on-premise",
              "vioms/advanced+evening-weekend")
]  # fmt: skip


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path to every value in a contract's JSON (the root's is ``()``)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    return [prefix, *(p for key, value in items for p in paths(value, (*prefix, key)))]


PATHS = [(n, path) for n, base in enumerate(BASES) for path in paths(json.loads(base))]
CALENDAR_TIME = {"kind": "calendar_time", "hours": 0, "days": 10**9, "weeks": 0, "months": 0}
CONTRACT_VALUES = st.one_of(
    st.sampled_from(
        [None, "", "25:00-26:00", "09:00-08:00", "9-17", "00:00-24:00", "09:00-17:00",
         ["25:00-26:00"], ["09:00-17:00", "12:00-13:00"], {"mon": ["24:00-24:01"]},
         "Mars/Olympus", "UTC", "../../etc/passwd", "-PT4H", "PT-4H", "P1000000000D", "PT0S",
         -1, -1.5, 0, 10**9, 10**30, 1e308, float("inf"), True, [], {}, [None], CALENDAR_TIME,
         {"kind": "calendar_time", "months": -1}, {"kind": "working_days", "days": -1},
         {"kind": "working_days", "days": 10**9}, {"kind": "nope"}, {"days": 1}]
    ),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
)  # fmt: skip


class ContractFile(NamedTuple):
    name: str
    data: bytes
    priority: str  # a priority of the contract before it was changed


@st.composite
def contract_files(draw: st.DrawFn) -> ContractFile:
    """A real contract with one to three values deleted, replaced or added, as JSON or YAML."""
    base, _ = draw(st.sampled_from(PATHS))
    data: Any = json.loads(BASES[base])
    priority = data["priorities"][0]["id"]
    for _ in range(draw(st.integers(1, 3))):
        _, path = draw(st.sampled_from([p for p in PATHS if p[0] == base]))
        parent, node = None, data
        with contextlib.suppress(LookupError, TypeError):
            for key in path:
                parent, node = node, node[key]
            action = draw(st.sampled_from(["delete", "replace", "add"]))
            value = draw(CONTRACT_VALUES)
            if action == "add" and isinstance(node, dict):
                node[draw(st.sampled_from(["unknown", "ID", "extra_at", ""]))] = value
            elif parent is None:
                data = value
            elif action == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
    kind = draw(st.sampled_from([".json", ".yaml", ".yml", ".JSON"]))
    text = json.dumps(data) if kind.lower() == ".json" else yaml.safe_dump(data)
    return ContractFile("contract" + kind, text.encode(), priority)


HOSTILE_CONTRACT_FILES = st.builds(
    ContractFile,
    st.sampled_from(["c.json", "c.yaml", "c.yml", "c.txt"]),
    st.binary() | st.text().map(lambda t: t.encode("utf-8", "surrogateescape")),
    st.just("P1"),
)


@settings(max_examples=examples(150), suppress_health_check=SLOW)
@given(file=st.one_of(contract_files(), HOSTILE_CONTRACT_FILES))
def test_a_contract_file_is_a_contract_or_a_contract_error(file: ContractFile) -> None:
    with written({file.name: file.data}) as found:
        try:
            loaded = contracts.load(found[file.name])
            event("loaded")
        except ContractError as error:
            event("contract error " + str(error).split(":")[-2][-30:] if str(error).count(":")>1 else "x")
            assert str(error)
            return
    assert isinstance(loaded, Contract)


# -- the command line -------------------------------------------------------------------------

FORMATS = st.sampled_from(["table", "csv", "json"])
SUMMARY = re.compile(r"(\d+) tickets evaluated at \S+: (\d+) targets breached, (\d+) bad rows")


def run(argv: list[str]) -> tuple[int, str, str]:
    """``main(argv)`` in-process; an exception escaping it fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def answer(argv: list[str], fmt: str) -> tuple[int, list[dict[str, Any]], str]:
    """Exit 0 or 1 with output (its records for csv and json), or exit 2 with one line."""
    code, out, err = run(argv)
    event(f"{argv[0]} code={code} {err[:40] if code == 2 else ''}")
    assert code in (0, 1, 2), code
    assert "Traceback" not in out
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("slacalc"), err
        assert err.endswith("\n"), err
        assert err.count("\n") == 1 and len(err.splitlines()) == 1, err
        return code, [], out
    assert err == "", err
    if fmt == "json":
        return code, [json.loads(line) for line in out.split("\n") if line], out
    if fmt == "csv":
        return code, list(csv.DictReader(io.StringIO(out, newline=""))), out
    assert out, "exit 0 or 1 without output"
    return code, [], out


def check_answer(argv: list[str], fmt: str) -> None:
    """``check``: exit 1 exactly when a row is bad or a target breached."""
    code, records, out = answer(argv, fmt)
    if code == 2:
        return
    if fmt == "table":
        summary = SUMMARY.search(out.rstrip("\n").rsplit("\n", 1)[-1])
        assert summary is not None, out[-500:]
        bad = int(summary.group(3))
        failed = int(summary.group(2)) > 0 or bad > 0
        assert ("bad rows in " in out) == (bad > 0)
    else:
        failed = any(r.get("error") or r.get("status") == "breached" for r in records)
    assert code == (1 if failed else 0), (code, out[-500:])


@settings(max_examples=examples(100), suppress_health_check=SLOW)
@given(
    tickets=any_files(TICKET_COLUMNS),
    events=st.none() | any_files(EVENT_FILE_COLUMNS),
    contract=st.sampled_from(["vioms/advanced", "reflex/basis", "intramed/online"]),
    at=st.one_of(st.just(AT), INSTANTS, FAR, NAIVE, st.text(max_size=5)),
    fmt=FORMATS,
)
def test_check_reports_results_or_bad_rows_or_one_line(
    tickets: File, events: File | None, contract: str, at: str, fmt: str
) -> None:
    contents = {"tickets" + tickets.suffix: tickets.data}
    if events is not None:
        contents["events" + events.suffix] = events.data
    with written(contents) as found:
        more = ["--events", found["events" + events.suffix]] if events is not None else []
        argv = ["check", contract, found["tickets" + tickets.suffix], *more]
        check_answer([*argv, f"--at={at}", "--format", fmt], fmt)


@settings(max_examples=examples(100), suppress_health_check=SLOW)
@given(
    outages=any_files(OUTAGE_COLUMNS),
    contract=st.sampled_from(["reflex/basis", "infravision/on-premise", "connexys/standard"]),
    month=st.one_of(st.just("2026-11"), st.from_regex(r"\A-?\d{1,5}-\d{1,3}\Z"), st.text()),
    fmt=FORMATS,
)
def test_availability_reports_uptime_or_bad_rows_or_one_line(
    outages: File, contract: str, month: str, fmt: str
) -> None:
    name = "outages" + outages.suffix
    with written({name: outages.data}) as found:
        argv = ["availability", contract, found[name], f"--month={month}", "--format", fmt]
        code, records, out = answer(argv, fmt)
    if code != 2 and fmt != "table":
        failed = any(r.get("error") or str(r.get("met")) == "False" for r in records)
        assert code == (1 if failed else 0), (code, out[-500:])
    if code != 2 and fmt == "table" and "bad rows in " in out:
        assert code == 1


@settings(max_examples=examples(100), suppress_health_check=SLOW)
@given(
    file=st.one_of(contract_files(), HOSTILE_CONTRACT_FILES),
    command=st.sampled_from(["show", "due", "check", "availability"]),
    fmt=FORMATS,
)
def test_a_changed_contract_file_works_or_is_one_line(
    file: ContractFile, command: str, fmt: str
) -> None:
    tickets = f"id,priority,opened_at,resolved_at\nA,{file.priority},{OPENED},\n"
    tickets += f"B,{file.priority},{OPENED},2026-11-24T10:00+01:00\n"
    outages = "start,end,planned,cause\n2026-11-03T10:00+01:00,2026-11-03T11:30+01:00,,x\n"
    contents = {file.name: file.data, "t.csv": tickets.encode(), "o.csv": outages.encode()}
    with written(contents) as found:
        more = {
            "show": [],
            "due": [file.priority, OPENED],
            "check": [found["t.csv"], f"--at={AT}", "--format", fmt],
            "availability": [found["o.csv"], "--month=2026-11", "--format", fmt],
        }[command]
        argv = [command, "--contract-file", found[file.name], *more]
        if command == "check":
            check_answer(argv, fmt)
        else:
            answer(argv, fmt if command == "availability" else "table")


# -- frames -----------------------------------------------------------------------------------

FRAME_CELLS = st.one_of(
    CELLS,
    ANY_VALUES,
    st.builds(lambda d, tz: pd.Timestamp(d.replace(tzinfo=tz)), MOMENTS, OFFSETS | st.none()),
)
FRAME_NAMES = st.sampled_from([str, lambda n: f" {n} ", str.upper, lambda n: n + "x"])


def frame_problem(names: list[str]) -> bool:
    """Whether ``evaluate`` must refuse a tickets frame with these columns."""
    names = [n.strip() for n in names]
    missing = any(n not in names for n in TICKET_COLUMNS[:3])
    unknown = any(n.endswith("_at") and n not in TICKET_COLUMNS for n in names)
    return missing or unknown or len(set(names)) < len(names)


@st.composite
def ticket_frames(draw: st.DrawFn) -> Any:
    columns = draw(st.lists(st.sampled_from(TICKET_COLUMNS), min_size=3, unique=True))
    names = [draw(FRAME_NAMES)(c) if draw(st.integers(0, 4)) == 0 else c for c in columns]
    rows = draw(st.lists(st.tuples(*(st.one_of(cell(n), FRAME_CELLS) for n in names)), max_size=5))
    index = draw(st.sampled_from([None, "labels", "doubled"]))
    labels = {None: None, "labels": [f"r{n}" for n in range(len(rows))], "doubled": [7] * len(rows)}
    return pd.DataFrame([list(r) for r in rows], columns=names, index=labels[index], dtype=object)


@settings(max_examples=examples(75), suppress_health_check=SLOW)
@given(
    tickets=ticket_frames(),
    events=st.none() | st.lists(st.tuples(*(cell(n) for n in EVENT_FILE_COLUMNS)), max_size=3),
    contract=st.sampled_from(["vioms/advanced", "reflex/basis", None]),
)
def test_evaluate_gives_every_bad_row_an_error_row(
    tickets: Any, events: list[tuple[str, ...]] | None, contract: str | None
) -> None:
    more = None if events is None else pd.DataFrame(events, columns=list(EVENT_FILE_COLUMNS))
    try:
        results = frame.evaluate(tickets, contract, at=AT, events=more)
    except (SlacalcError, TypeError):
        event("frame refused")
        assert frame_problem(list(tickets.columns)), list(tickets.columns)
        return
    assert not frame_problem(list(tickets.columns)), list(tickets.columns)
    assert list(results.columns) == list(frame.RESULT_COLUMNS)
    event(f"frame ok errors={results['error'].notna().sum()} good={results['error'].isna().sum()}")
    assert {r for r in results["row"] if not pd.isna(r)} == set(tickets.index)
    bad = results[results["error"].notna()]
    assert bad["status"].isna().all()
    assert results[results["error"].isna()]["status"].notna().all()
