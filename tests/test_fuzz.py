"""Fuzzing every reader of untrusted input (files, records, contract files, the command line,
frames): the only outcomes are results, bad rows reported, or a ``SlacalcError``; the command
line exits 0/1 with results or bad rows, or 2 with one line on stderr (SPEC 6).
``SLACALC_FUZZ_EXAMPLES=N`` runs every test with ``N`` examples (a long run)."""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slacalc import Contract, ContractError, SlacalcError, contracts
from slacalc._base.errors import InputError
from slacalc._io import records as rec
from slacalc._io.files import FIELD_LIMIT, read_records
from slacalc._io.rows import BadLine
from slacalc.cli import main
from slacalc.cli._availability import OUTAGE_COLUMNS

yaml = pytest.importorskip("yaml")
pd = pytest.importorskip("pandas")
from slacalc import frame  # noqa: E402  (needs pandas)

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
AT, OPENED = "2026-11-27T17:00+01:00", "2026-11-23T16:00+01:00"
TICKETS, EVENTS = rec.TICKET_COLUMNS, rec.EVENT_FILE_COLUMNS
CALL_COLUMNS = ("start", "duration", "evening_weekend", "priority")
REQUIRED = {TICKETS: 3, EVENTS: 3, OUTAGE_COLUMNS: 2, CALL_COLUMNS: 2}
# Fields over (and at) the limit stay markers until written, for short reprs of examples.
BIG = {b"<over>": b"x" * (FIELD_LIMIT + 1), b"<limit>": b"y" * FIELD_LIMIT}
BIG[b"<deep>"] = b"[" * 100_000 + b"]" * 100_000  # nested too deeply for the json module
# A file is (columns, content, the line of each record the reader must yield or None, suffix).
File = tuple[tuple[str, ...], bytes, list[int] | None, str]

OFFSETS = st.sampled_from([timezone.utc, timezone(timedelta(hours=1))])
OFFSETS |= st.just(timezone(timedelta(hours=-9.5)))
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
    ["", " ", "\x00", "\u2028", "\r\n", "\r", "\n", '"', '""', '"a, b"', 'x"y', "a\nb", "A\rB",
     "\ufeff", "NaN", "null", "\udce9", "\udcff", "<over>", "<limit>", OPENED + "\x00",
     " " + OPENED + "\u2028"]
)  # fmt: skip
TIMES = st.one_of(INSTANTS, st.just(""), NAIVE, ISOISH, FAR, HOSTILE, st.text(max_size=30))
CELLS = st.one_of(HOSTILE, ISOISH, st.text(max_size=20))
SPECIFIC = {
    "id": ["T-1", "T-2", "T-3", " T-1 "], "ticket": ["T-1", "T-2", "T-9"],
    "priority": ["P1", "P2", "PRIO 1", "urgent", "high", "low", "P9", ""],
    "kind": ["incident", "request", "paused", "resumed", "reopened", "closed", "responded", ""],
    "contract": ["", "vioms/advanced", "reflex/basis", "nope"],
    "planned": ["true", "false", "", "yes", "maybe", "0"], "cause": ["disk full", ""],
    "duration": ["PT1H30M", "45m", "90", "0", "-5m", "99999999999h", "²", "PT", "1:30", ""],
    "evening_weekend": ["true", "false", "", "maybe"],
}  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | CELLS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
ANY_VALUES = (
    TIMES | JSON_VALUES | st.datetimes(timezones=st.none() | OFFSETS | st.timezones())
) | st.sampled_from([float("nan"), float("inf"), -(10**30), 10**400, b"\xff", pd.NaT, pd.NA])
RECORDS = st.dictionaries(st.sampled_from(sorted({*TICKETS, *EVENTS, "x"})), ANY_VALUES | CELLS)
RAW_JSON = st.sampled_from(
    ["<deep>", "{" * 3000, '{"id": ' + "9" * 5000 + "}", "[1, 2]", "42",
     '"a string"', "null", "{nope", '{"id": NaN}', "\x00", "{}", "\ufeff{}", '{"id": "\udce9"}']
)  # fmt: skip
# Header names: case and spaces changed (still valid), or one name missing, doubled, unknown.
COSMETIC = (str, str.upper, str.title, lambda n: f" {n} ", lambda n: f"\t{n}\u00a0")
BROKEN = (
    lambda names, n: names[:n] + names[n + 1 :],
    lambda names, n: [names[n].upper(), *names],
    lambda names, n: [*names[:n], names[n][:-1] + "_at", *names[n + 1 :]],
    lambda names, n: [*names[:n], "notes", "", "\ufeffid", *names[n:]],
)
# Contract values: near-valid ones (the contract still loads, mostly) and wrong ones.
IDS = ("vioms/advanced", "reflex/basis", "intramed/online", "infravision/on-premise",
       "vioms/enterprise+evening-weekend")  # fmt: skip
CONTRACTS = [contracts.get(i).model_dump(mode="json") for i in IDS]
HUGE = {"kind": "calendar_time", "hours": 0, "days": 10**9, "weeks": 0, "months": 0}
NEAR: dict[str, list[Any]] = {  # by the name of the field they replace
    "within": ["PT4H", "P3650D", "PT0S", "PT1S", HUGE, {"kind": "working_days", "days": 0}, None],
    "tz": ["UTC", "Pacific/Kiritimati", "America/St_Johns"], "minimum": [0.0, 1.0], "maximum": [0],
    **{day: [["00:00-24:00"], ["23:59-24:00"], []] for day in ("mon", "tue", "wed", "thu", "fri")},
    "period": ["year"], "planned": ["count_as_down"], "on_reopen": ["new_cycle", "reset"],
    "pausable": [True], "commitment": ["aim"], "stops_on": [["paused"]], "overrides": [{}],
}  # fmt: skip
NEAR_VALID = st.sampled_from([value for values in NEAR.values() for value in values])
WRONG = st.sampled_from(
    ["", "25:00-26:00", "09:00-08:00", "9-17", ["25:00-26:00"], ["09:00-17:00", "12:00-13:00"],
     {"mon": ["24:00-24:01"]}, "Mars/Olympus", "../../etc/passwd", "-PT4H", "PT-4H", -1, -1.5,
     10**30, 1e308, float("inf"), True, [None], {"kind": "calendar_time", "months": -1},
     {"kind": "working_days", "days": -1}, {"kind": "working_days", "days": 10**9},
     {"kind": "nope"}, {"days": 1}]
)  # fmt: skip
VALUES = st.one_of(NEAR_VALID, NEAR_VALID, WRONG, st.integers(), st.text(max_size=12))
FORMATS = st.sampled_from(["table", "csv", "json"])
RAW_BYTES = st.binary() | st.text().map(str.encode)
SUFFIXES = st.sampled_from([".csv", ".jsonl", ".json", ".txt"])
SUMMARY = re.compile(r"(\d+) tickets? as of \S+: (\d+) targets? breached, (\d+) bad rows?$")
AT_VALUES = st.one_of(st.just(AT), INSTANTS, st.one_of(FAR, NAIVE, st.text(max_size=5)))
CHECKED = st.sampled_from(["vioms/advanced", "reflex/basis", "intramed/online"])
MEASURED = st.sampled_from(["reflex/basis", "infravision/on-premise", "connexys/standard"])
COMMANDS = st.sampled_from(["show", "due", "check", "availability"])
MONTHS = st.just("2026-11") | st.just("1970-01") | st.from_regex(r"\A-?\d{1,5}-\d\d?\Z") | st.text()
STAMPS = st.builds(lambda d, tz: pd.Timestamp(d.replace(tzinfo=tz)), MOMENTS, OFFSETS)
VALID = {"id": st.sampled_from(SPECIFIC["id"]), "priority": st.sampled_from(["P1", "high"]),
         "opened_at": INSTANTS | STAMPS, "kind": st.just("incident"),
         "contract": st.sampled_from([None, "vioms/advanced"])}  # fmt: skip
FRAME_CELLS = STAMPS.map(lambda t: t.tz_localize(None)) | ANY_VALUES  # naive ones too
FRAME_NAMES = st.sampled_from([lambda n: f" {n} ", str.upper, lambda n: n + "x"])


def examples(default: int) -> int:
    """``default`` examples, or ``SLACALC_FUZZ_EXAMPLES`` when that is set."""
    return int(os.environ.get("SLACALC_FUZZ_EXAMPLES", default))


def cell(name: str) -> st.SearchStrategy[Any]:
    """The cells of a column: near-valid ones for its own name, anything else too."""
    key = name.strip().lower()
    if key.endswith("_at") or key in ("at", "start", "end"):
        return TIMES
    return st.one_of(st.sampled_from(SPECIFIC[key]), CELLS) if key in SPECIFIC else CELLS


def encode(text: str, bom: bool = False) -> bytes:
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8", "surrogateescape")


@st.composite
def headers(draw: st.DrawFn, columns: tuple[str, ...]) -> list[str]:
    """The columns (required ones first), case and spaces changed, one in three broken."""
    optional = draw(st.lists(st.sampled_from(columns[REQUIRED[columns] :]), unique=True))
    names = draw(st.permutations([*columns[: REQUIRED[columns]], *optional]))
    names = [draw(st.sampled_from(COSMETIC))(name) for name in names]
    if draw(st.integers(0, 2)) == 0:
        names = draw(st.sampled_from(BROKEN))(names, draw(st.integers(0, len(names) - 1)))
    return names


@st.composite
def csv_files(draw: st.DrawFn, columns: tuple[str, ...]) -> File:
    """Near-valid rows, some a field short or long, through the csv module or comma-joined."""
    names = draw(headers(columns))
    rows: list[list[str]] = []
    for _ in range(draw(st.integers(0, 6))):
        row = [draw(cell(name)) for name in names] + draw(st.lists(CELLS, max_size=1))
        rows.append(row[: len(row) - draw(st.integers(0, 1))])
    mode, ending = draw(st.sampled_from(["exact", "raw"])), draw(st.sampled_from(["\n", "\r\n"]))
    # The csv module (3.11) leaves a "\r" unquoted when lines end in "\n" alone.
    quoting: Any = csv.QUOTE_ALL if ending == "\n" else draw(st.sampled_from([0, 1, 2]))

    def line(cells: Sequence[str]) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator=ending, quoting=quoting).writerow(cells)
        return ",".join(cells) + ending if mode == "raw" else out.getvalue()

    texts = [line(names), *(line(row) for row in rows)]
    starts = [*accumulate((len(io.StringIO(t, newline="").readlines()) for t in texts), initial=1)]
    lines = [starts[n + 1] for n, row in enumerate(rows) if any(c.strip() for c in row)]
    data = encode("".join(texts), draw(st.booleans()))
    return columns, data, lines if mode == "exact" else None, ".csv"


@st.composite
def jsonl_files(draw: st.DrawFn, columns: tuple[str, ...]) -> File:
    fields = headers(columns).flatmap(
        lambda names: st.fixed_dictionaries({n: cell(n) | cell(n) | JSON_VALUES for n in names})
    )
    objects = st.builds(json.dumps, fields, ensure_ascii=st.booleans())
    lines = draw(st.lists(st.one_of(objects, objects, RAW_JSON, st.text(max_size=20)), max_size=6))
    blank, ending = draw(st.sampled_from(["", " ", "\r"])), draw(st.sampled_from(["\n", "\r\n"]))
    text = ending.join(item for line in lines for item in (line, blank))
    return columns, encode(text, draw(st.booleans())), None, ".jsonl"


def any_files(columns: tuple[str, ...]) -> st.SearchStrategy[File]:
    raw = st.tuples(st.just(columns), RAW_BYTES, st.none(), SUFFIXES)
    return csv_files(columns) | jsonl_files(columns) | raw


@contextlib.contextmanager
def written(contents: dict[str, bytes]) -> Iterator[dict[str, str]]:
    """The contents as files of a fresh directory (markers expanded): paths by name."""
    with tempfile.TemporaryDirectory() as folder:
        at = {name: str(Path(folder, name)) for name in contents}
        for name, data in contents.items():
            Path(at[name]).write_bytes(re.sub(rb"<(over|limit|deep)>", lambda m: BIG[m[0]], data))
        yield at


def outcome(call: Any, *arguments: Any) -> Any:
    try:
        return call(*arguments)
    except SlacalcError as error:
        return error


@settings(max_examples=examples(200), suppress_health_check=SLOW)
@given(st.sampled_from(list(REQUIRED)).flatmap(lambda c: csv_files(c) | any_files(c)))
def test_a_file_reads_as_records_or_bad_lines_numbered_by_their_first_line(file: File) -> None:
    columns, data, expected, _ = file
    text = data.decode("utf-8-sig", errors="surrogateescape")
    count = len(io.StringIO(text, newline="").readlines())
    required = columns[: REQUIRED[columns]]
    with written({"f.csv": data, "f.jsonl": data}) as found:
        records = outcome(lambda: list(read_records(found["f.csv"], "f", columns, required)))
        lines = [line for line, _ in records] if isinstance(records, list) else None
        assert lines is not None or isinstance(records, InputError), records  # unusable header
        assert all(2 <= line <= count for line in lines or []), (lines, count)
        assert lines is None or lines == sorted(set(lines))
        assert lines is None or expected is None or lines == expected
        # JSON lines: never unusable as a whole, one record or bad line per non-blank line
        json_lines = list(read_records(found["f.jsonl"], "file", columns, required))
    non_blank = [n for n, raw in enumerate(text.split("\n"), 1) if raw.strip()]
    assert [n for n, _ in json_lines] == non_blank
    for _, record in (records if lines is not None else []) + json_lines:
        assert isinstance(record, dict) or (isinstance(record, BadLine) and record), record
        assert not isinstance(record, dict) or all(k == k.strip().lower() for k in record)


@settings(max_examples=examples(200), suppress_health_check=SLOW)
@given(RECORDS, ANY_VALUES | ISOISH | FAR | st.text() | st.binary() | st.integers())
def test_records_and_instants_or_a_slacalc_value_error(record: dict[str, Any], value: Any) -> None:
    made = [outcome(rec.ticket_from_record, record), outcome(rec.event_from_record, record)]
    instant = outcome(rec.parse_instant, value, "opened_at")
    for error in (m for m in [*made, instant] if isinstance(m, SlacalcError)):
        assert isinstance(error, ValueError), error
        assert str(error)
    assert isinstance(instant, datetime) or "opened_at" in str(instant), instant
    assert not isinstance(instant, datetime) or instant.utcoffset() is not None


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path to every value of a contract's JSON but its texts for people."""
    node = dict(enumerate(node)) if isinstance(node, list) else node
    if set(prefix) & {"source", "notes", "description", "name", "vendor"}:
        return []
    items = node.items() if isinstance(node, dict) else ()
    return [prefix, *(p for key, value in items for p in paths(value, (*prefix, key)))]


@st.composite
def contract_files(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """(name, content, a priority): a real contract with values changed, or any bytes."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(["c.json", "c.yml", "c.txt"])), draw(RAW_BYTES), "P1"
    data: Any = copy.deepcopy(draw(st.sampled_from(CONTRACTS)))
    priority, choices = data["priorities"][0]["id"], paths(data)[1:]  # not the root
    for _ in range(draw(st.sampled_from([1, 1, 2]))):
        path = draw(st.sampled_from(choices))
        value = copy.deepcopy(draw(st.sampled_from(NEAR.get(path[-1], [None])) | VALUES))
        parent, node = data, data  # (the root is no path)
        with contextlib.suppress(LookupError, TypeError):  # a path the first change removed
            for key in path:
                parent, node = node, node[key]
            action = draw(st.sampled_from(["delete", "replace", "replace", "add"]))
            if action == "add" and isinstance(node, dict):
                node[draw(st.sampled_from(["unknown", "ID", "extra_at", ""]))] = value
            elif action == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
    kind = draw(st.sampled_from([".json", ".yaml", ".yml", ".JSON"]))
    text = json.dumps(data) if kind.lower() == ".json" else yaml.safe_dump(data)
    return "contract" + kind, text.encode(), priority


def answer(argv: list[str], fmt: str, check: bool = False) -> tuple[int, list[Any], str]:
    """``main(argv)`` in-process: exit 0/1 with output (its records for csv and json), or 2
    with one line on stderr; ``check``: 1 exactly when a row is bad or a target breached."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    output, errors = out.getvalue(), err.getvalue()
    assert code in (0, 1, 2), code
    assert "Traceback" not in output + errors
    if code == 2:
        assert errors.startswith("slacalc"), errors
        assert errors.splitlines() == [errors[:-1]], errors  # one line, ending in "\n"
        return code, [], output
    assert errors == "", errors
    assert output or fmt != "table", "exit 0 or 1 without output"
    records = [json.loads(line) for line in output.split("\n") if line] if fmt == "json" else []
    if fmt == "csv":
        limit = csv.field_size_limit(sys.maxsize)  # a bad cell's text is in its error
        records = list(csv.DictReader(io.StringIO(output, newline="")))
        csv.field_size_limit(limit)
    failed = any(r.get("error") or r.get("status") == "breached" for r in records)
    if check and fmt == "table":
        summary = SUMMARY.search(output.rstrip("\n").rsplit("\n", 1)[-1])
        assert summary is not None, output[-500:]
        assert ("\nbad rows in " in output) == (summary.group(3) != "0")
        failed = summary.group(2) != "0" or summary.group(3) != "0"
    assert not check or code == (1 if failed else 0), (code, output[-500:])
    return code, records, output


@settings(max_examples=examples(100), suppress_health_check=SLOW)
@given(any_files(TICKETS), st.none() | any_files(EVENTS), CHECKED, AT_VALUES, FORMATS)
def test_check_reports_results_or_bad_rows_or_one_line(
    tickets: File, events: File | None, contract: str, at: str, fmt: str
) -> None:
    contents = {"tickets" + tickets[3]: tickets[1]}
    contents |= {} if events is None else {"events" + events[3]: events[1]}
    with written(contents) as found:
        more = [] if events is None else ["--events", found["events" + events[3]]]
        argv = ["check", contract, found["tickets" + tickets[3]], *more]
        answer([*argv, f"--at={at}", "--format", fmt], fmt, check=True)


@settings(max_examples=examples(100), suppress_health_check=SLOW)
@given(any_files(OUTAGE_COLUMNS), MEASURED, MONTHS, FORMATS)
def test_availability_reports_uptime_or_bad_rows_or_one_line(
    outages: File, contract: str, month: str, fmt: str
) -> None:
    with written({"outages" + outages[3]: outages[1]}) as found:
        argv = ["availability", contract, found["outages" + outages[3]], f"--month={month}"]
        code, records, out = answer([*argv, "--format", fmt], fmt)
    if code != 2 and fmt != "table":
        failed = any(r.get("error") or str(r.get("met")) == "False" for r in records)
        assert code == (1 if failed else 0), (code, out[-500:])
    assert code == 1 or "\nbad rows in " not in out


@settings(max_examples=examples(60), suppress_health_check=SLOW)
@given(any_files(TICKETS), CHECKED, AT_VALUES, FORMATS)
def test_next_lists_changes_or_bad_rows_or_one_line(
    tickets: File, contract: str, at: str, fmt: str
) -> None:
    with written({"tickets" + tickets[3]: tickets[1]}) as found:
        argv = ["next", contract, found["tickets" + tickets[3]], f"--at={at}", "--format", fmt]
        code, records, out = answer(argv, fmt)
    if code != 2 and fmt != "table":
        assert code == (1 if any(r.get("error") for r in records) else 0), (code, out[-500:])


@settings(max_examples=examples(60), suppress_health_check=SLOW)
@given(any_files(TICKETS), st.none() | any_files(CALL_COLUMNS), MONTHS, FORMATS)
def test_compare_judges_bills_or_reports_bad_rows_or_one_line(
    tickets: File, calls: File | None, month: str, fmt: str
) -> None:
    contents = {"tickets" + tickets[3]: tickets[1]}
    contents |= {} if calls is None else {"calls" + calls[3]: calls[1]}
    with written(contents) as found:
        more = [] if calls is None else ["--calls", found["calls" + calls[3]]]
        argv = ["compare", "vioms/standard", "vioms/advanced", found["tickets" + tickets[3]]]
        answer([*argv, *more, f"--month={month}", "--format", fmt], fmt)


@settings(max_examples=examples(60), suppress_health_check=SLOW)
@given(any_files(OUTAGE_COLUMNS), MEASURED, AT_VALUES, FORMATS)
def test_availability_at_measures_so_far_or_reports_bad_rows_or_one_line(
    outages: File, contract: str, at: str, fmt: str
) -> None:
    with written({"outages" + outages[3]: outages[1]}) as found:
        argv = ["availability", contract, found["outages" + outages[3]], "--month=2026-11"]
        answer([*argv, f"--at={at}", "--format", fmt], fmt)


@settings(max_examples=examples(150), suppress_health_check=SLOW)
@given(contract_files(), COMMANDS, FORMATS)
def test_a_changed_contract_file_loads_or_is_a_contract_error_and_one_line(
    file: tuple[str, bytes, str], command: str, fmt: str
) -> None:
    name, data, p = file  # p: a priority of the contract
    tickets = f"id,priority,opened_at,resolved_at\nA,{p},{OPENED},\nB,{p},{OPENED},{AT}\n"
    outages = "start,end,planned,cause\n2026-11-03T10:00+01:00,2026-11-03T11:30+01:00,,x\n"
    with written({name: data, "t.csv": tickets.encode(), "o.csv": outages.encode()}) as found:
        loaded = outcome(contracts.load, found[name])  # a contract, or a ContractError
        assert isinstance(loaded, Contract | ContractError), loaded
        more = {"due": [p, OPENED], "check": [found["t.csv"], f"--at={AT}"],
                "availability": [found["o.csv"], "--month=2026-11"]}.get(command, [])  # fmt: skip
        formats = ["--format", fmt] if command in ("check", "availability") else []
        argv = [command, *more, "--contract-file", found[name], *formats]
        answer(argv, fmt if command in ("check", "availability") else "table", command == "check")


FRAME_EVENTS = st.none() | st.lists(st.tuples(*(cell(n) for n in EVENTS)), max_size=3)


@st.composite
def ticket_frames(draw: st.DrawFn) -> Any:
    columns = [*TICKETS[:3], *draw(st.lists(st.sampled_from(TICKETS[3:]), unique=True, max_size=3))]
    names = [draw(FRAME_NAMES)(n) if draw(st.integers(0, 9)) == 0 else n for n in columns]
    valid = [VALID.get(n, st.none() | INSTANTS | STAMPS) for n in columns]
    cells = [st.one_of(v, v, v, cell(n), FRAME_CELLS) for v, n in zip(valid, names, strict=True)]
    rows = draw(st.lists(st.tuples(*cells).map(list), max_size=5))
    index = draw(st.sampled_from([None, [f"r{n}" for n in range(len(rows))], [7] * len(rows)]))
    return pd.DataFrame(rows, columns=names, index=index, dtype=object)


@settings(max_examples=examples(75), suppress_health_check=SLOW)
@given(ticket_frames(), FRAME_EVENTS, st.sampled_from(["vioms/advanced", "reflex/basis", None]))
def test_evaluate_gives_every_bad_row_an_error_row(
    tickets: Any, events: list[tuple[str, ...]] | None, contract: str | None
) -> None:
    # dtype=object: text with lone surrogates (bytes that were not UTF-8) stays text even
    # where pandas stores strings in Arrow (pyarrow installed), which cannot hold them
    more = None if events is None else pd.DataFrame(events, columns=list(EVENTS), dtype=object)
    names = [n.strip() for n in tickets.columns]
    refused = not {*TICKETS[:3]} <= {*names} or len({*names}) < len(names)  # missing, doubled
    refused |= any(n.endswith("_at") and n not in TICKETS for n in names)  # or unknown
    try:
        results = frame.evaluate(tickets, contract, at=AT, events=more)
    except (SlacalcError, TypeError):
        assert refused, names
        return
    assert not refused, names
    assert list(results.columns) == list(frame.RESULT_COLUMNS)
    assert {r for r in results["row"] if not pd.isna(r)} == set(tickets.index)
    assert results[results["error"].notna()]["status"].isna().all()
    assert results[results["error"].isna()]["status"].notna().all()
