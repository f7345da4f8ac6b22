"""``slacalc schema`` and ``slacalc validate``: a contract (or profile) file's JSON Schema,
and every problem of a contract file, one per line with its field path (SPEC 6).

The schema is pydantic's of the model a file is validated against (``Contract``,
``Profile``), marked as JSON Schema draft 2020-12 (pydantic writes that dialect): what an
editor's YAML language server or a CI step validates a user's file with.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from pydantic import ValidationError

from slacalc._base.datafile import read_data_file, validation_problems
from slacalc._base.errors import ContractError
from slacalc._facade import Contract
from slacalc.cli._errors import UsageError
from slacalc.profiles import Profile

__all__ = ["DIALECT", "cmd_schema", "cmd_validate", "schema_of"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(kind: str) -> dict[str, Any]:
    """The JSON Schema of a ``contract`` or ``profile`` file.

    >>> schema_of("contract")["$schema"], schema_of("contract")["title"]
    ('https://json-schema.org/draft/2020-12/schema', 'Contract')
    """
    model = Contract if kind == "contract" else Profile
    return {"$schema": DIALECT, **model.model_json_schema(mode="validation")}


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    print(json.dumps(schema_of(args.kind), indent=2, ensure_ascii=False), file=out)
    return 0


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Exit 0 for a valid contract file, 1 listing each problem, 2 if it cannot be read."""
    try:
        data = read_data_file(args.file, "contract", ContractError)
    except ContractError as error:
        raise UsageError(f"slacalc validate: {error}") from None
    name = "standard input" if args.file == "-" else args.file
    try:
        contract = Contract.model_validate(data)
    except ValidationError as error:
        problems = validation_problems(error.errors(), "contract")  # type: ignore[arg-type]
        print(f"{name}: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=out)
        for problem in problems:
            print(f"  {' '.join(problem.split())}", file=out)
        return 1
    print(f"{name}: a valid contract ({contract.id})", file=out)
    return 0
