"""Tables for a terminal: columns that fit its width, colour only where it is wanted.

A table is a list of :class:`Column`; :func:`fit` drops the optional columns that do not
fit the width (the highest ``drop`` first) and then cuts the cells of the columns that
may ``shrink`` with an ellipsis, so every line fits. :func:`draw` prints it, each line
in the row's colour when colour is on.

>>> import io
>>> out = io.StringIO()
>>> draw([Column("ticket", ["INC-1", "INC-22"]), Column("note", ["a long note", "b"], drop=1)],
...      out, width=13)
>>> print(out.getvalue(), end="")
ticket
INC-1
INC-22
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TextIO

__all__ = [
    "AT_RISK",
    "BREACHED",
    "Column",
    "colour_wanted",
    "draw",
    "fit",
    "paint",
    "problems",
    "render",
    "table",
    "width_of",
    "wrapped",
]

#: The colours of a breached and an at-risk row (ANSI SGR: red, yellow).
BREACHED = "31"
AT_RISK = "33"
_GAP = 2


@dataclass(frozen=True)
class Column:
    """A column: its header, its cells, when it goes and how it fits.

    ``drop`` 0 is always shown; the others go highest first when the table is too wide.
    ``shrink`` cells may be cut (with ``…``) to fit; ``right`` aligns them right.
    """

    name: str
    cells: Sequence[str]
    drop: int = 0
    shrink: bool = False
    right: bool = False

    @property
    def width(self) -> int:
        """The widest cell, header included."""
        return max([len(self.name), *(len(cell) for cell in self.cells)])


def width_of(out: TextIO, wide: bool) -> int | None:
    """The width a table must fit: ``None`` (any) with ``--wide``, the terminal's width
    on a terminal, else 80 columns (pipes and files get the same table everywhere).

    >>> import io
    >>> width_of(io.StringIO(), False), width_of(io.StringIO(), True)
    (80, None)
    """
    if wide:
        return None
    if _is_terminal(out):
        return shutil.get_terminal_size((80, 24)).columns
    return 80


def colour_wanted(out: TextIO) -> bool:
    """Colour only on a terminal, never with ``NO_COLOR`` set (no-color.org) or a dumb
    terminal.

    >>> import io
    >>> colour_wanted(io.StringIO())
    False
    """
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(out)


def _is_terminal(out: TextIO) -> bool:
    isatty = getattr(out, "isatty", None)
    return callable(isatty) and bool(isatty())


def fit(columns: Sequence[Column], width: int | None) -> list[Column]:
    """The columns to show in ``width`` characters (``None``: all of them, whole).

    >>> [c.name for c in fit([Column("id", ["a"]), Column("x", ["12345"], drop=1)], 6)]
    ['id']
    >>> fit([Column("id", ["abcdefgh"], shrink=True)], 5)[0].cells
    ['abcd…']
    """
    shown = list(columns)
    if width is None:
        return shown

    def total(cols: Sequence[Column]) -> int:
        return sum(c.width for c in cols) + _GAP * (len(cols) - 1)

    for level in sorted({c.drop for c in shown if c.drop}, reverse=True):
        if total(shown) <= width:
            break
        shown = [c for c in shown if c.drop != level]
    while total(shown) > width:
        narrowable = [c for c in shown if c.shrink and c.width > max(len(c.name), 4)]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda c: c.width)
        cut = max(widest.width - (total(shown) - width), max(len(widest.name), 4))
        cells = [cell if len(cell) <= cut else cell[: cut - 1] + "…" for cell in widest.cells]
        shown[shown.index(widest)] = replace(widest, cells=cells)
    return shown


def render(columns: Sequence[Column], width: int | None) -> list[str]:
    """The lines of the columns that fit ``width``: the header, then one per row.

    >>> render([Column("n", ["1", "10"], right=True), Column("what", ["x", "y"])], None)
    [' n  what', ' 1  x', '10  y']
    """
    shown = fit(columns, width)
    if not shown:
        return []
    widths = [c.width for c in shown]
    lines = [_line([c.name for c in shown], shown, widths)]
    return lines + [
        _line([c.cells[n] for c in shown], shown, widths) for n in range(len(shown[0].cells))
    ]


def paint(line: str, colour: str | None) -> str:
    """``line`` in ``colour`` (an SGR code), or as it is for ``None``.

    >>> paint("late", BREACHED), paint("fine", None)
    ('\\x1b[31mlate\\x1b[0m', 'fine')
    """
    return f"\x1b[{colour}m{line}\x1b[0m" if colour else line


def draw(
    columns: Sequence[Column],
    out: TextIO,
    *,
    width: int | None,
    colours: Sequence[str | None] = (),
) -> None:
    """Print the columns that fit ``width``; row ``n`` in ``colours[n]`` (an SGR code)."""
    for n, line in enumerate(render(columns, width)):
        print(paint(line, colours[n - 1] if 0 < n <= len(colours) else None), file=out)


def _line(cells: Sequence[str], columns: Sequence[Column], widths: Sequence[int]) -> str:
    padded = [
        cell.rjust(w) if c.right else cell.ljust(w)
        for cell, c, w in zip(cells, columns, widths, strict=True)
    ]
    return (" " * _GAP).join(padded).rstrip()


def table(
    rows: Sequence[Sequence[str]],
    out: TextIO,
    width: int | None,
    *,
    header: bool = True,
    drop: Mapping[int, int] | None = None,
    shrink: Collection[int] = (),
) -> None:
    """Print ``rows`` as aligned columns fitted to ``width`` (:func:`fit`): column ``i``
    goes at ``drop[i]`` and may be cut when ``i in shrink``. Without a ``header`` every
    row is data.

    >>> import sys
    >>> table([["id", "name"], ["a", "a long name"]], sys.stdout, 12, shrink={1})
    id  name
    a   a long …
    """
    if not rows:
        return
    data = rows[1:] if header else rows
    columns = [
        Column(rows[0][i] if header else "", [row[i] for row in data],
               drop=(drop or {}).get(i, 0), shrink=i in shrink)
        for i in range(len(rows[0]))
    ]  # fmt: skip
    for line in render(columns, width)[0 if header else 1 :]:
        print(line, file=out)


def wrapped(text: str, out: TextIO, width: int | None, *, indent: int = 2) -> None:
    """Print a line of prose within ``width``, continued ``indent`` spaces in.

    >>> import sys
    >>> wrapped("source: a clause of a long document title", sys.stdout, 24)
    source: a clause of a
      long document title
    """
    if width is None:
        print(text, file=out)
        return
    lines = textwrap.wrap(text, width, subsequent_indent=" " * indent, break_on_hyphens=False,
                          break_long_words=False)  # fmt: skip
    print("\n".join(lines) or text, file=out)


def problems(rows: Sequence[Sequence[str]], out: TextIO, width: int | None) -> None:
    """Print bad rows: their leading cells aligned (``line 12``, the id), the last (the
    message) wrapped under itself within ``width``.

    >>> import sys
    >>> problems([["line 2", "A-1", "opened_at has no UTC offset: write one or pass --tz"]],
    ...          sys.stdout, 40)
    line 2  A-1  opened_at has no UTC
                 offset: write one or pass
                 --tz
    """
    if not rows:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    indent = sum(widths) + _GAP * len(widths)
    for row in rows:
        head = "".join(cell.ljust(w + _GAP) for cell, w in zip(row, widths, strict=False))
        if width is None or width - indent < 20:
            print(head + row[-1], file=out)
            continue
        lines = textwrap.wrap(row[-1], width, initial_indent=head, subsequent_indent=" " * indent,
                              break_on_hyphens=False, break_long_words=False)  # fmt: skip
        print("\n".join(lines) or head.rstrip(), file=out)
