"""Reading a JSON or YAML file of a model (a contract, a profile): one rule for both.

:func:`read_data_file` returns the parsed data; every way the file can fail (missing,
not UTF-8, not JSON or YAML, nested too deeply, an unknown suffix) raises ``error`` (a
:class:`~slacalc.SlacalcError` subclass) with one line that names the file and the fix.

>>> import json, os, tempfile
>>> from slacalc._base.errors import ContractError
>>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
...     _ = f.write('{"id": "x"}')
>>> read_data_file(f.name, "contract", ContractError)
{'id': 'x'}
>>> os.unlink(f.name)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from slacalc._base.errors import SlacalcError

__all__ = ["read_data_file", "validation_problems"]


def read_data_file(path: str | Path, what: str, error: type[SlacalcError]) -> Any:
    """The data of a ``.json``, ``.yaml`` or ``.yml`` file (by suffix); ``-`` reads
    standard input (JSON when it starts with ``{`` or ``[``, else YAML)."""
    if str(path) == "-":
        return _read_standard_input(what, error)
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark is no part of it
    except OSError as problem:
        raise error(f"cannot read {what} file {str(path)!r}: {problem.strerror}") from None
    except UnicodeDecodeError as problem:
        raise error(
            f"cannot read {what} file {str(path)!r}: not UTF-8 text ({problem.reason} at byte "
            f"{problem.start})"
        ) from None
    return _parse(text, suffix, path, what, error)


def _read_standard_input(what: str, error: type[SlacalcError]) -> Any:
    try:
        raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"cannot read {what} from standard input: {problem}") from None
    suffix = ".json" if text.lstrip().startswith(("{", "[")) else ".yaml"
    return _parse(text, suffix, Path("<standard input>"), what, error)


def _parse(text: str, suffix: str, path: Path, what: str, error: type[SlacalcError]) -> Any:
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as problem:
            raise error(
                f"{path}: not valid JSON at line {problem.lineno}, column {problem.colno}: "
                f"{problem.msg}"
            ) from None
        except RecursionError:
            raise error(f"{path}: not a {what}: nested too deeply") from None
        except ValueError as problem:  # an integer of more digits than Python converts
            raise error(f"{path}: not a {what}: {problem}") from None
    if suffix in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise error(
                f"{path}: reading YAML needs PyYAML: pip install 'slacalc[yaml]' (or use JSON)"
            ) from None
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as problem:
            raise error(f"{path}: not valid YAML{_yaml_problem(problem)}") from None
        except RecursionError:
            raise error(f"{path}: not a {what}: nested too deeply") from None
        except ValueError as problem:  # an integer of more digits than Python converts
            raise error(f"{path}: not a {what}: {problem}") from None
    raise error(f"{path}: unknown {what} file type {suffix!r}; use .json, .yaml or .yml")


def _yaml_problem(problem: Exception) -> str:
    """PyYAML's several lines as one: where (line and column, 1-based), then what.

    >>> import yaml
    >>> try:
    ...     yaml.safe_load("id: x\\npriorities: [\\n  - a\\n")
    ... except yaml.YAMLError as problem:
    ...     print(_yaml_problem(problem))
     at line 3, column 3: while parsing a flow node, expected the node content, but found '-'
    """
    mark = getattr(problem, "problem_mark", None)
    what = getattr(problem, "problem", None)
    if mark is None or what is None:
        return ": " + " ".join(str(problem).split())
    context = getattr(problem, "context", None)
    said = f"{context}, {what}" if context else what
    return f" at line {mark.line + 1}, column {mark.column + 1}: {' '.join(said.split())}"


def validation_problems(errors: list[dict[str, Any]], what: str) -> list[str]:
    """One line per problem of a pydantic ``ValidationError.errors()``: the field path and
    the message.

    >>> validation_problems([{"loc": ("columns", "id"), "msg": "Input should be a string"}],
    ...                     "profile")
    ['columns.id: Input should be a string']
    """
    return [f"{'.'.join(str(p) for p in e['loc']) or f'({what})'}: {e['msg']}" for e in errors]
