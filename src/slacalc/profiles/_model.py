"""``Profile``: how one ticketing tool's export reads (SPEC 8)."""

from __future__ import annotations

import codecs
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from slacalc._base.frozen import FrozenMap
from slacalc._clock.statuses import StatusMap
from slacalc._engine.instants import zone

__all__ = ["PROFILE_FIELDS", "HistoryColumns", "Profile"]

#: The slacalc fields a profile's ``columns`` may map to an export's column: a ticket's
#: own, its event times (``closed_at`` is the ``closed`` event), and ``status`` (the
#: current status, listed by ``--explain-statuses``).
PROFILE_FIELDS: tuple[str, ...] = (
    "id",
    "priority",
    "opened_at",
    "kind",
    "contract",
    "responded_at",
    "workaround_at",
    "root_cause_at",
    "on_site_requested_at",
    "on_site_at",
    "resolved_at",
    "closed_at",
    "status",
)
_DURATION_FIELDS = ("responded_at", "workaround_at", "resolved_at", "closed_at")


class HistoryColumns(BaseModel):
    """The columns of a status-history file: one row per status change.

    ``ticket`` and ``at`` are required, and ``status`` (the status entered); ``from_status``
    (the status left) is optional. Where the history file mixes fields, as ServiceNow's
    ``sys_audit`` and Jira's changelog do, ``field`` names the column that says which field
    changed and ``field_value`` the value that means the status.

    >>> HistoryColumns(ticket="Key", at="Created", status="To").from_status is None
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    ticket: str = Field(min_length=1)
    """The column holding the ticket's id, e.g. `"Issue key"`."""
    at: str = Field(min_length=1)
    """The column holding when the status changed, e.g. `"Created"`."""
    status: str = Field(min_length=1)
    """The column holding the status entered, e.g. `"To"`."""
    from_status: str | None = None
    """The column holding the status left, e.g. `"From"`; `None` (default): not given."""
    field: str | None = None
    """The column naming which field changed, in mixed histories, e.g. `"Field"`; `None`: none."""
    field_value: str | None = None
    """The value of `field` that means the status changed, e.g. `"status"`."""


class Profile(BaseModel):
    """How one tool's export reads: its columns, priorities, statuses, times and file format.

    ``columns`` maps slacalc's fields (:data:`PROFILE_FIELDS`) to the export's column
    names; the export's other columns are ignored. ``durations`` maps an event field to a
    column of minutes after ``opened_at`` (real time), for exports that give a duration
    instead of an instant. ``priorities`` maps the export's priority names to the
    contract's priority ids or aliases: a built-in profile never fills it in (no profile
    guesses what a tool's priority means), the user does (``--priority NAME=ID``).
    ``statuses`` reads a status history, whose columns ``history`` names. ``tz`` is the
    IANA zone of times without an offset; ``time_formats`` are ``strptime`` patterns tried
    after ISO 8601; ``delimiter`` is detected when ``None``; ``encoding`` reads the files.
    ``extends`` names a built-in profile that a profile file changes.

    >>> p = Profile(id="mine", tool="My desk", columns={"id": "Number", "priority": "Urgency",
    ...             "opened_at": "Opened"}, tz="Europe/Amsterdam")
    >>> p.columns["opened_at"], p.encoding
    ('Opened', 'utf-8-sig')
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    id: str = Field(min_length=1)
    """The profile's id, given to `--from`, e.g. `"jira"`."""
    tool: str = ""
    """The ticketing tool the export comes from, e.g. `"Jira Service Management"`."""
    source: str = ""
    """The tool's documentation the profile was taken from (titles and addresses)."""
    columns: FrozenMap[str, str] = Field(default_factory=FrozenMap)
    """slacalc field -> the export's column, e.g. `{"id": "Issue key"}`; unmapped: same name."""
    durations: FrozenMap[str, str] = Field(default_factory=FrozenMap)
    """Event field -> a column of minutes after `opened_at`, e.g. `{"responded_at": "FRT"}`."""
    priorities: FrozenMap[str, str] = Field(default_factory=FrozenMap)
    """Export's priority name -> contract's priority id or alias; an unmapped one: a row error."""
    statuses: StatusMap | None = None
    """Which statuses pause, resolve and close, to read a status history; `None`: none."""
    history: HistoryColumns | None = None
    """The columns of a status-history file; `None` (default): the tool has none."""
    tz: str | None = None
    """IANA zone of times without an offset, e.g. `"Europe/Amsterdam"`; `None`: an error."""
    time_formats: tuple[str, ...] = ()
    """`strptime` patterns tried in order after ISO 8601, e.g. `["%d-%m-%Y %H:%M"]`."""
    delimiter: str | None = None
    """The CSV delimiter, one character such as `";"`; `None` (default): detected."""
    encoding: str = "utf-8-sig"
    """The files' text encoding, default `"utf-8-sig"` (a BOM is dropped), e.g. `"cp1252"`."""
    extends: str | None = None
    """A built-in profile id this one changes, giving only what differs; `None`: none."""
    notes: tuple[str, ...] = ()
    """Remarks for people, e.g. how to make the export."""

    if TYPE_CHECKING:  # what a caller may pass (stored as FrozenMaps and tuples)

        def __init__(
            self,
            *,
            id: str,
            tool: str = "",
            source: str = "",
            columns: Mapping[str, str] = ...,
            durations: Mapping[str, str] = ...,
            priorities: Mapping[str, str] = ...,
            statuses: StatusMap | None = None,
            history: HistoryColumns | None = None,
            tz: str | None = None,
            time_formats: Sequence[str] = (),
            delimiter: str | None = None,
            encoding: str = "utf-8-sig",
            extends: str | None = None,
            notes: Sequence[str] = (),
        ) -> None: ...

    @field_validator("columns")
    @classmethod
    def _known_fields(cls, columns: FrozenMap[str, str]) -> FrozenMap[str, str]:
        unknown = [name for name in columns if name not in PROFILE_FIELDS]
        if unknown:
            raise ValueError(
                f"unknown slacalc field(s) {', '.join(map(repr, unknown))}: columns maps "
                f"slacalc's fields ({', '.join(PROFILE_FIELDS)}) to the export's column names"
            )
        return columns

    @field_validator("durations")
    @classmethod
    def _duration_fields(cls, durations: FrozenMap[str, str]) -> FrozenMap[str, str]:
        unknown = [name for name in durations if name not in _DURATION_FIELDS]
        if unknown:
            raise ValueError(
                f"unknown field(s) {', '.join(map(repr, unknown))}: durations maps "
                f"{', '.join(_DURATION_FIELDS)} to a column of minutes after opened_at"
            )
        return durations

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, tz: str | None) -> str | None:
        if tz is not None:
            zone(tz)  # a CalendarError (a ValueError) naming close matches
        return tz

    @field_validator("delimiter")
    @classmethod
    def _one_character(cls, delimiter: str | None) -> str | None:
        if delimiter is not None and len(delimiter) != 1:
            raise ValueError(f"delimiter {delimiter!r} is not one character (e.g. ',' or ';')")
        return delimiter

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, encoding: str) -> str:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ValueError(
                f"unknown encoding {encoding!r} (e.g. 'utf-8-sig', 'cp1252')"
            ) from None
        return encoding

    def column(self, name: str) -> str:
        """The export's column for slacalc field ``name`` (the field's own name if unmapped)."""
        return self.columns.get(name, name)

    def with_changes(self, changes: Mapping[str, Any]) -> Profile:
        """This profile with ``changes`` applied, validated (a profile file that extends it):
        mappings are merged key by key, other fields replaced.

        >>> base = Profile(id="a", columns={"id": "Key", "priority": "Priority"})
        >>> mine = base.with_changes({"id": "b", "columns": {"priority": "Urgency"}})
        >>> dict(mine.columns), mine.extends
        ({'id': 'Key', 'priority': 'Urgency'}, None)
        """
        data = self.model_dump(mode="json")
        for key, value in changes.items():
            merge = key in ("columns", "durations", "priorities") and isinstance(value, Mapping)
            data[key] = {**data.get(key, {}), **value} if merge else value
        return Profile.model_validate(data)
