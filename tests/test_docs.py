"""The documentation's code runs: every ``python`` block of docs/contracts.md.

Each block runs in a namespace with the usual imports and ``c`` bound to the first
contract of the vendor section it stands in (the override recipes start from ``c``);
a block that evaluates something must not raise.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import slacalc
from slacalc import contracts

DOCS = Path(__file__).resolve().parent.parent / "docs"
SECTION_CONTRACT = {
    "": "vioms/advanced",  # the introduction
    "Readings common to all five": "vioms/advanced",
    "Reflex Online": "reflex/basis",
    "InfraVision": "infravision/cloud",
    "VIOMS": "vioms/advanced",
    "Connexys": "connexys/standard",
    "Intramed": "intramed/on-premise",
}


def blocks_by_section(page: Path) -> list[tuple[str, int, str]]:
    """(section heading, block number, dedented code) for every python block."""
    found: list[tuple[str, int, str]] = []
    section = ""
    for part in re.split(r"(?m)^(## .*)$", page.read_text(encoding="utf-8")):
        if part.startswith("## "):
            section = part[3:].strip()
            continue
        for n, code in enumerate(re.findall(r"```python\n(.*?)```", part, flags=re.S)):
            found.append((section, n, textwrap.dedent(code)))
    return found


BLOCKS = blocks_by_section(DOCS / "contracts.md")


def test_every_section_has_a_contract() -> None:
    assert {section for section, _, _ in BLOCKS} <= set(SECTION_CONTRACT)
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(
    ("section", "number", "code"), BLOCKS, ids=[f"{s}-{n}" for s, n, _ in BLOCKS]
)
def test_contracts_page_block_runs(
    section: str, number: int, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contracts, "_registry", dict(contracts._builtins()))
    namespace: dict[str, Any] = {
        name: getattr(slacalc, name) for name in slacalc.__all__ if name != "__version__"
    }
    namespace.update(
        date=date,
        datetime=datetime,
        timedelta=timedelta,
        c=contracts.get(SECTION_CONTRACT[section]),
    )
    exec(compile(code, f"contracts.md[{section} #{number}]", "exec"), namespace)


def test_readme_example_runs_and_says_what_its_comment_says() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    r = namespace["r"]
    assert r.status == "met"
    assert r.due_at.isoformat() == "2026-11-24T16:00:00+01:00"
