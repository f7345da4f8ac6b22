"""The documentation's code runs: every ``python`` block and ``>>>`` example of docs/ and README.

- **docs/contracts/*.md**: every ``python`` block runs on its own, in a fresh namespace with
  the usual names (below) and ``c`` bound to the contract of its page
  (``CONTRACT_OF_PAGE``): the override recipes start from ``c``.
- **Every other page** of docs/ (any depth) and **README.md**: the page's ``python`` blocks
  run in page order in one shared namespace, so a block may use what an earlier block of
  the same page defined. A block that evaluates something must not raise.
- **``>>>`` examples** anywhere on any of these pages (in the text, or in a ``pycon`` fence)
  run as doctests (``ELLIPSIS`` and ``NORMALIZE_WHITESPACE``), in page order in the same
  namespace as the page's ``python`` blocks; on a contracts page they share one namespace
  with ``c`` bound, apart from the ``python`` blocks. Fence lines are blanked first, so a
  closing fence is not read as expected output; lines inside other fences (``bash``,
  ``text``, ...) are not examples.

The namespace starts with slacalc's public names (``slacalc.__all__``) and ``date``,
``datetime``, ``timedelta`` and ``ZoneInfo``. The registry of contracts is reset for every
page (a page may ``contracts.register`` its own) and the code runs in a temporary working
directory holding a copy of examples/ (a page may write files and read the examples).
Compiled with the page's path and line numbers, a failure points at the line of the
Markdown file.

A block is not run when the line just before its opening fence is ``<!-- no-run -->``.
No page uses the marker at present; a block marked so must be explained here.
"""

from __future__ import annotations

import doctest
import re
import shutil
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import slacalc
from slacalc import contracts

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONTRACTS_DOCS = DOCS / "contracts"
CONTRACT_OF_PAGE = {
    "index.md": "vioms/advanced",  # the introduction and the readings common to all five
    "reflex.md": "reflex/basis",
    "infravision.md": "infravision/cloud",
    "vioms.md": "vioms/advanced",
    "connexys.md": "connexys/standard",
    "intramed.md": "intramed/on-premise",
}
NO_RUN = "<!-- no-run -->"
DOCTEST_FENCES = {"pycon", "python-console", "doctest"}
FENCE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)")


@dataclass(frozen=True)
class Segment:
    """A ``python`` block (``kind="python"``) or the doctest text between blocks."""

    kind: str
    line: int  # 1-based line of the page where ``text`` starts
    text: str
    skip: bool = False


def segments(page: Path) -> list[Segment]:
    """The page split, in order, into ``python`` blocks and the doctest text around them.

    Doctest text keeps the page's line count: fence lines, and the lines of fences that
    are not Python console sessions, become empty lines.
    """
    lines = page.read_text(encoding="utf-8").split("\n")
    found: list[Segment] = []
    text: list[str] = []
    text_start = 1
    n = 0
    while n < len(lines):
        opening = FENCE.match(lines[n])
        if not opening:
            text.append(lines[n])
            n += 1
            continue
        indent, ticks, lang = opening["indent"], opening["ticks"], opening["lang"]
        skip = n > 0 and lines[n - 1].strip() == NO_RUN
        closing = re.compile(rf"^\s*{re.escape(ticks[0])}{{{len(ticks)},}}\s*$")
        end = n + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = lines[n + 1 : end]
        if lang == "python":
            found.append(Segment("doctest", text_start, "\n".join(text)))
            code = textwrap.dedent("\n".join(line.removeprefix(indent) for line in body))
            found.append(Segment("python", n + 2, code, skip))
            text, text_start = [], end + 2
        elif lang in DOCTEST_FENCES and not skip:
            text.extend(["", *body, ""])
        else:
            text.extend([""] * (len(body) + 2))
        n = end + 1
    found.append(Segment("doctest", text_start, "\n".join(text)))
    return [s for s in found if s.kind == "python" or ">>>" in s.text]


def relative(page: Path) -> str:
    """The page's path from the repository root (its name when it lies elsewhere)."""
    return page.relative_to(ROOT).as_posix() if ROOT in page.parents else page.name


CONTRACT_PAGES = sorted(CONTRACTS_DOCS.glob("*.md"))
OTHER_PAGES = [
    *sorted(p for p in DOCS.rglob("*.md") if CONTRACTS_DOCS not in p.parents),
    ROOT / "README.md",
]
CONTRACT_BLOCKS = [
    (page, segment)
    for page in CONTRACT_PAGES
    for segment in segments(page)
    if segment.kind == "python"
]


@pytest.fixture
def namespace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """The names every page starts with; a fresh registry and working directory."""
    monkeypatch.setattr(contracts, "_registry", dict(contracts._builtins()))
    shutil.copytree(ROOT / "examples", tmp_path / "examples")  # pages read the examples
    monkeypatch.chdir(tmp_path)
    names: dict[str, Any] = {name: getattr(slacalc, name) for name in slacalc.__all__}
    names.update(date=date, datetime=datetime, timedelta=timedelta, ZoneInfo=ZoneInfo)
    return names


def run(segment: Segment, page: Path, names: dict[str, Any]) -> None:
    """Exec a ``python`` segment, or run the doctests of a text segment, in ``names``."""
    if segment.skip:
        return
    if segment.kind == "python":
        padded = "\n" * (segment.line - 1) + segment.text
        exec(compile(padded, str(page), "exec"), names)
        return
    test = doctest.DocTestParser().get_doctest(
        segment.text, names, relative(page), str(page), segment.line - 1
    )
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    names.update(test.globs)  # DocTest works on a copy of the namespace
    if runner.failures:
        pytest.fail("".join(report), pytrace=False)


def test_the_contracts_pages_are_the_known_ones() -> None:
    assert {p.name for p in CONTRACT_PAGES} == set(CONTRACT_OF_PAGE)
    assert len(CONTRACT_BLOCKS) >= 5
    assert not (DOCS / "contracts.md").exists()


@pytest.mark.parametrize(
    ("page", "segment"),
    CONTRACT_BLOCKS,
    ids=[f"{page.stem}:{segment.line}" for page, segment in CONTRACT_BLOCKS],
)
def test_contracts_page_block_runs(page: Path, segment: Segment, namespace: dict[str, Any]) -> None:
    namespace["c"] = contracts.get(CONTRACT_OF_PAGE[page.name])
    run(segment, page, namespace)


@pytest.mark.parametrize("page", CONTRACT_PAGES, ids=[p.stem for p in CONTRACT_PAGES])
def test_contracts_page_doctests_pass(page: Path, namespace: dict[str, Any]) -> None:
    namespace["c"] = contracts.get(CONTRACT_OF_PAGE[page.name])
    for segment in segments(page):
        if segment.kind == "doctest":
            run(segment, page, namespace)


@pytest.mark.parametrize("page", OTHER_PAGES, ids=[relative(p) for p in OTHER_PAGES])
def test_page_code_runs(page: Path, namespace: dict[str, Any]) -> None:
    for segment in segments(page):
        run(segment, page, namespace)


def test_segments_keep_order_lines_and_markers(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n"
        "\n"
        ">>> x = 1\n"
        "\n"
        "```python\n"
        "y = x + 1\n"
        "```\n"
        "\n"
        "- item:\n"
        "\n"
        "  ```pycon\n"
        "  >>> y\n"
        "  2\n"
        "  ```\n"
        "\n"
        "```bash\n"
        ">>> not an example\n"
        "```\n"
        "<!-- no-run -->\n"
        "```python\n"
        "raise SystemExit\n"
        "```\n",
        encoding="utf-8",
    )
    found = segments(page)
    assert [(s.kind, s.line, s.skip) for s in found] == [
        ("doctest", 1, False),
        ("python", 6, False),
        ("doctest", 8, False),
        ("python", 21, True),
    ]
    assert found[1].text == "y = x + 1"
    assert "not an example" not in found[2].text
    names: dict[str, Any] = {}
    for segment in found:
        run(segment, page, names)
    assert names["y"] == 2


def test_readme_example_runs_and_says_what_its_comment_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    r = namespace["r"]
    assert r.status == "met"
    assert r.due_at.isoformat() == "2026-11-24T16:00:00+01:00"
