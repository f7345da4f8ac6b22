"""A griffe extension for the API reference: doctests in docstrings render as code.

slacalc's docstrings are prose with ``>>>`` examples anywhere in them, not under an
"Examples:" heading, so Markdown would read ``>>>`` as nested block quotes and an output
line such as ``[(12, 17), (9, 10)]`` as a link. This extension wraps every doctest run (a
``>>>`` line up to the next blank line, as doctest reads it) in a ```` ```pycon ```` fence
before mkdocstrings renders the docstring. The docstrings themselves stay as they are, so
``pytest --doctest-modules`` runs them unchanged.

mkdocs.yml loads it (``plugins: mkdocstrings: handlers: python: options: extensions``) and
leaves it out of the site (``exclude_docs``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_DOCTEST_FLAGS = re.compile(r"\s*#\s*doctest:.*$")


def fence_doctests(text: str) -> str:
    """``text`` with each run of doctest lines inside a ```` ```pycon ```` fence."""
    out: list[str] = []
    lines = text.split("\n")
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or not stripped.startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(stripped)]
        run: list[str] = []
        while i < len(lines) and lines[i].strip():
            run.append(_DOCTEST_FLAGS.sub("", lines[i][len(indent) :]).replace("<BLANKLINE>", ""))
            i += 1
        if out and out[-1].strip():
            out.append("")
        out.extend([f"{indent}```pycon", *(f"{indent}{r}" for r in run), f"{indent}```"])
        if i < len(lines) and lines[i].strip():
            out.append("")
    return "\n".join(out)


#: A Sphinx cross-reference role (``:func:`slacalc.compliance```): Markdown shows it raw.
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|attr|data|mod|exc|obj):`(~?)([^`]+)`")


def plain_roles(text: str) -> str:
    """Sphinx roles as Markdown code: ``:func:`~a.b.c``` -> ```c```, ``:class:`a.B``` ->
    ```a.B```.

    >>> plain_roles("see :func:`~slacalc.frame.evaluate` and :class:`slacalc.Contract`")
    'see `evaluate` and `slacalc.Contract`'
    """
    return _ROLE.sub(lambda m: f"`{m[2].rsplit('.', 1)[-1] if m[1] else m[2]}`", text)


class DoctestFences(griffe.Extension):
    """Fence the doctests of every docstring griffe reads, and show its Sphinx roles as
    code (slacalc's docstrings use both; Markdown renders neither)."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return
        if ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
        if ":`" in obj.docstring.value:
            obj.docstring.value = plain_roles(obj.docstring.value)
