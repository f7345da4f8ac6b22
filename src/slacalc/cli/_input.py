"""What ``check`` and ``compliance`` read: a ticket file (slacalc's columns or a tool's
export through ``--from``), an events file and a status history (SPEC 6 and 8)."""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from slacalc import profiles
from slacalc._clock.statuses import StatusMap
from slacalc._facade import Contract
from slacalc._io.exports import ExportReading, MappingError
from slacalc._io.files import Block, read_blocks, read_records
from slacalc._io.history import Changes, History
from slacalc._io.records import EVENT_FILE_COLUMNS
from slacalc._io.rows import CHUNK, EventIndex, Record, TicketRow, read_ticket_rows
from slacalc._io.text import align
from slacalc.cli._errors import UsageError
from slacalc.profiles import Profile

__all__ = ["Input", "explain_statuses", "read_input"]


@dataclass
class Input:
    """The ticket file read in chunks (:meth:`chunks`), with the events and history read
    before it; after the chunks, ``orphans`` holds the bad rows of the other files (event
    and history records that could not be read or name no ticket), and ``seen`` how often
    each status of the history was entered."""

    records: Iterator[tuple[int, Record] | Block]  # Blocks only with read_input(blocks=)
    reading: ExportReading
    events: EventIndex[int] | None = None
    history: History | None = None
    changes: Changes = field(default_factory=Changes)
    history_bad: list[TicketRow[int]] = field(default_factory=list)
    history_place: Callable[[object], str] = str
    statuses: StatusMap | None = None
    orphans: list[TicketRow[int]] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)

    def chunks(self, size: int = CHUNK) -> Iterator[list[TicketRow[int]]]:
        """The ticket rows, ``size`` at a time, each with its events; only one chunk is
        held at a time (the ids met so far are kept, to find duplicates)."""
        ids: dict[str, int] = {}
        for batch in self.batches(size):
            yield self.read_rows(batch, ids)
        self.finish()

    @property
    def plain(self) -> bool:
        """Whether the tickets are slacalc's own columns, read as written (no profile,
        zone, priority mapping or history): what the columnar reader reads."""
        return self.history is None and _reads_as_written(self.reading)

    def batches(self, size: int) -> Iterator[list[tuple[int, Record]]]:
        """The ticket records, ``size`` at a time, in slacalc's column names."""
        records = self.reading.records(_no_blocks(self.records))
        while True:
            batch = list(itertools.islice(records, size))
            if not batch:
                return
            yield batch

    def read_rows(
        self, batch: list[tuple[int, Record]], ids: dict[str, int]
    ) -> list[TicketRow[int]]:
        """A batch's ticket rows with their events (``ids``: the ids met so far)."""
        rows = read_ticket_rows(batch, lambda line: f"on line {line}", self.reading.parse, ids)
        if self.events is not None:
            self.events.take(rows)
        if self.history is not None and self.statuses is not None:
            self.history.attach(self.changes, rows, self.statuses, self.history_place, self.seen)
        return rows

    def finish(self) -> None:
        """After the last batch: the other files' records naming no ticket, as orphans."""
        if self.events is not None:
            self.orphans += self.events.leftovers("no such ticket in the ticket file")
        self.orphans += self.history_bad
        for ticket, ticket_changes in self.changes.items():  # the history's other tickets
            first = ticket_changes[0]
            key = first.key if isinstance(first.key, int) else 0
            error = f"{self.history_place(first.key)}: no such ticket in the ticket file"
            self.orphans.append(TicketRow(key, ticket, error=error))
        self.changes = Changes()

    def rows(self) -> list[TicketRow[int]]:
        """Every ticket row at once (what a period's compliance needs)."""
        return [row for chunk in self.chunks() for row in chunk]


def _reads_as_written(reading: ExportReading) -> bool:
    """No profile, priority mapping, zone or time format: slacalc's own columns."""
    times = reading.times
    return reading.profile is None and not reading.mapped and times.tz is None and not times.formats


def _no_blocks(items: Iterator[tuple[int, Record] | Block]) -> Iterator[tuple[int, Record]]:
    for item in items:
        assert not isinstance(item, Block), "blocks are the columnar reader's"
        yield item


def _profile(value: str | None, command: str) -> Profile | None:
    if value is None:
        return None
    if value in profiles.ids():
        return profiles.get(value)
    if Path(value).suffix.lower() in (".yaml", ".yml", ".json"):
        return profiles.load(value)  # a ProfileError: one line per problem
    close = profiles.close_matches(value)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UsageError(
        f"slacalc {command}: --from {value!r} is no profile{hint} (built in: "
        f"{', '.join(profiles.ids())}; or a .yaml/.json profile file)"
    )


def _mapping(pairs: list[str], command: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, target = pair.rpartition("=")
        if not sep or not name.strip() or not target.strip():
            raise UsageError(
                f"slacalc {command}: --priority {pair!r} is not NAME=ID (e.g. --priority "
                "Highest=P1; quote names with spaces: --priority 'Very high=P1')"
            )
        mapping[name.strip()] = target.strip()
    return mapping


def read_input(
    args: argparse.Namespace, contract: Contract, command: str, *, blocks: int = 0
) -> Input:
    """Open the ticket file ``args.path`` for ``contract`` and read ``--events`` and
    ``--history`` (whole, by ticket); the ticket rows come from :meth:`Input.chunks`.
    With ``blocks``, a plain CSV file's records come as ``_io.files.Block`` s of that many
    lines where they can (for the columnar reader: ``cli._check_columnar``)."""
    profile = _profile(getattr(args, "profile", None), command)
    try:
        reading = ExportReading.build(
            contract,
            profile,
            tz=getattr(args, "tz", None),
            priorities=_mapping(getattr(args, "priority", []) or [], command),
        )
    except MappingError as error:
        raise UsageError(f"slacalc {command}: {error}") from None
    encoding = getattr(args, "encoding", None) or (
        profile.encoding if profile is not None else "utf-8-sig"
    )
    delimiter = profile.delimiter if profile is not None else None
    known, required = reading.ticket_columns()
    plain = getattr(args, "history", None) is None and _reads_as_written(reading)
    records = read_blocks(
        args.path,
        "ticket file",
        known,
        required,
        encoding=encoding,
        delimiter=delimiter,
        loose=profile is not None,
        block=blocks if plain else 0,
    )
    first = next(records, None)  # the header is checked before the other files are read
    if first is None and profile is not None:
        # An export with a header and no row is the wrong file or an empty selection.
        raise UsageError(
            f"slacalc {command}: {args.path}: no rows after the header: is this the export "
            f"you meant (its {profile.tool or profile.id} columns are there, no tickets)?"
        )
    result = Input(itertools.chain([first] if first is not None else [], records), reading)
    if args.events is not None:
        name = Path(args.events).name
        result.events = EventIndex(
            read_records(
                args.events, "events file", EVENT_FILE_COLUMNS, EVENT_FILE_COLUMNS[:3],
                encoding=encoding,
            ),
            lambda line: f"{name} line {line}",
            reading.times,
        )  # fmt: skip
    history_path = getattr(args, "history", None)
    if history_path is not None:
        _read_history(history_path, profile, contract, encoding, delimiter, result, command)
    return result


def _read_history(
    path: str,
    profile: Profile | None,
    contract: Contract,
    encoding: str,
    delimiter: str | None,
    result: Input,
    command: str,
) -> None:
    statuses = profile.statuses if profile is not None else None
    statuses = statuses or contract.statuses
    if statuses is None:
        raise UsageError(
            f"slacalc {command}: --history needs to know which statuses pause, resolve and "
            "close: pass --from PROFILE (a profile with statuses), or use a contract file "
            "with statuses"
        )
    history = History.columns_of(profile)
    known, required = history.known()
    name = Path(path).name

    def place(line: object) -> str:
        return f"{name} line {line}"

    result.changes, result.history_bad = history.read(
        read_records(
            path, "history file", known, required,
            encoding=encoding, delimiter=delimiter, loose=True,
        ),
        result.reading.times,
        place,
    )  # fmt: skip
    result.history, result.statuses, result.history_place = history, statuses, place


def explain_statuses(data: Input, out: TextIO) -> None:
    """The statuses the history held, how each was read and how often it was entered."""
    if data.statuses is None:
        print("no status history was read (--history FILE)", file=out)
        return
    print("statuses in the history (entered how often, and how slacalc reads them):", file=out)
    table = [["status", "read as", "changes"]]
    for status, count in sorted(data.seen.items(), key=lambda item: (-item[1], item[0])):
        role = data.statuses.role(status)
        table.append([status, role if role != "running" else "running (not named)", str(count)])
    align(table, out)
