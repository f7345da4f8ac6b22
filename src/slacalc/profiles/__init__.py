"""Profiles: how the exports of ticketing tools read, built in and your own.

A :class:`~slacalc.Profile` names an export's columns, its status names (which pause,
resolve and close the clock), its time format and file format. Seven ship built in, one
per tool (``jira``, ``zendesk``, ``servicenow``, ``freshdesk``, ``znuny``, ``glpi``,
``topdesk``), each taken from the tool's own documentation (its ``source``). None maps a
tool's priorities to a contract's: you do, once (``--priority Highest=P1``, or
``priorities:`` in a profile file of your own that ``extends:`` a built-in one).

>>> from slacalc import profiles
>>> "jira" in profiles.ids()
True
>>> profiles.get("jra")
Traceback (most recent call last):
...
slacalc.UnknownProfileError: unknown profile 'jra'; did you mean 'jira'? ...
"""

from __future__ import annotations

import difflib
import importlib
import threading
from pathlib import Path

from pydantic import ValidationError

from slacalc._base.datafile import read_data_file, validation_problems
from slacalc._base.errors import ProfileError, UnknownProfileError
from slacalc.profiles._model import PROFILE_FIELDS, HistoryColumns, Profile

__all__ = [
    "PROFILE_FIELDS",
    "HistoryColumns",
    "Profile",
    "close_matches",
    "get",
    "ids",
    "load",
    "register",
]

BUILT_IN = ("jira", "zendesk", "servicenow", "freshdesk", "znuny", "glpi", "topdesk")
_registry: dict[str, Profile] = {}
_loaded = False
_lock = threading.Lock()


def _known() -> dict[str, Profile]:
    global _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                for name in BUILT_IN:
                    module = importlib.import_module(f"slacalc.profiles.{name}")
                    _registry.setdefault(module.PROFILE.id, module.PROFILE)
                _loaded = True
    return _registry


def ids() -> list[str]:
    """The ids of every known profile: the built-in ones in their order, then yours.

    >>> ids()[:3]
    ['jira', 'zendesk', 'servicenow']
    """
    known = _known()
    return [*[i for i in BUILT_IN if i in known], *sorted(set(known) - set(BUILT_IN))]


def close_matches(profile_id: str) -> list[str]:
    """The known profile ids closest to ``profile_id`` (at most three, best first)."""
    return difflib.get_close_matches(str(profile_id), list(_known()), n=3, cutoff=0.5)


def get(profile_id: str) -> Profile:
    """The profile with this id; :class:`~slacalc.UnknownProfileError` (a ``LookupError``)
    names close matches when there is none.

    >>> get("zendesk").tool
    'Zendesk'
    """
    found = _known().get(profile_id)
    if found is None:
        close = close_matches(profile_id)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownProfileError(
            f"unknown profile {profile_id!r}{hint} (known: {', '.join(ids())}; a profile "
            "file of your own: --from mine.yaml)"
        )
    return found


def register(profile: Profile, *, replace: bool = False) -> Profile:
    """Make ``profile`` findable by ``get(profile.id)``; returns it. An id already known
    raises :class:`~slacalc.ProfileError` unless ``replace=True``."""
    if not isinstance(profile, Profile):
        raise ProfileError(f"register() takes a Profile, got {type(profile).__name__}")
    known = _known()
    with _lock:
        if profile.id in known and not replace and known[profile.id] != profile:
            raise ProfileError(
                f"a profile with id {profile.id!r} is already registered: pass replace=True "
                "to replace it, or give yours another id"
            )
        known[profile.id] = profile
    return profile


def load(path: str | Path) -> Profile:
    """A profile from a JSON or YAML file (by suffix); it is not registered.

    A file with ``extends: ID`` starts from that known profile and changes only what it
    gives (``columns``, ``durations`` and ``priorities`` are merged key by key). A file
    with bad fields raises :class:`~slacalc.ProfileError` with one line per problem, each
    with its field path.
    """
    path = Path(path)
    data = read_data_file(path, "profile", ProfileError)
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: not a profile: expected a mapping of fields")
    base_id = data.get("extends")
    base: Profile | None = None
    if base_id is not None:
        if not isinstance(base_id, str):
            raise ProfileError(f"{path}: extends: {base_id!r} is not a profile id")
        try:
            base = get(base_id)
        except UnknownProfileError:
            close = close_matches(base_id)
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise ProfileError(
                f"{path}: extends: unknown profile {base_id!r}{hint} (built in: {', '.join(ids())})"
            ) from None
    problems = _unknown_columns(data)
    try:
        if base is not None:
            changes = {k: v for k, v in data.items() if k != "extends"}
            profile = base.with_changes({"id": f"{base.id}+{path.stem}", **changes})
        else:
            profile = Profile.model_validate(data)
    except ValidationError as error:
        found = validation_problems(error.errors(), "profile")  # type: ignore[arg-type]
        own = bool(problems)  # the columns' unknown fields are named one by one above
        problems += [p for p in found if not (own and "unknown slacalc field" in p)]
    if problems:
        raise ProfileError(f"{path}: invalid profile:\n" + "\n".join(problems))
    return profile


def _unknown_columns(data: dict[str, object]) -> list[str]:
    """One problem per key of ``columns`` that is no slacalc field, with its path."""
    columns = data.get("columns")
    if not isinstance(columns, dict):
        return []
    return [
        f"columns.{name}: unknown slacalc field {name!r} (fields: {', '.join(PROFILE_FIELDS)})"
        for name in columns
        if name not in PROFILE_FIELDS
    ]
