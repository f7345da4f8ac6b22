"""An immutable, always-normalised set of half-open integer spans.

Every piece of slacalc that reasons about "when" -- open windows, pauses, holidays,
outages -- ends up as a :class:`SpanSet`: a sorted tuple of disjoint, non-touching
``[start, end)`` spans of integers (slacalc uses microseconds since the Unix epoch).
Operations never mutate; they return a new, normalised set.

>>> a = SpanSet([(0, 10), (20, 30)])
>>> b = SpanSet([(5, 25)])
>>> (a | b).spans
((0, 30),)
>>> (a & b).spans
((5, 10), (20, 25))
>>> (a - b).spans
((0, 5), (25, 30))
>>> a.total
20
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

Span = tuple[int, int]


def _normalise(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sort, drop empty spans and merge overlapping or touching ones."""
    ordered = sorted((s, e) for s, e in spans if e > s)
    merged: list[Span] = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            last_start, last_end = merged[-1]
            if end > last_end:
                merged[-1] = (last_start, end)
        else:
            merged.append((start, end))
    return tuple(merged)


def _start(span: Span) -> int:
    return span[0]


class SpanSet:
    """A normalised set of half-open ``[start, end)`` integer spans.

    >>> SpanSet([(3, 5), (0, 3), (7, 7)]).spans
    ((0, 5),)
    """

    __slots__ = ("spans",)

    spans: tuple[Span, ...]

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        object.__setattr__(self, "spans", _normalise(spans))

    @classmethod
    def from_normalised(cls, spans: tuple[Span, ...]) -> SpanSet:
        """Wrap spans that are already normalised: sorted, disjoint and not touching.

        Not checked: the fast path for results of the engine's own operations and of
        compiled timelines (which are normalised by construction).

        >>> SpanSet.from_normalised(((0, 2), (5, 9))).total
        6
        """
        new = cls.__new__(cls)
        object.__setattr__(new, "spans", spans)
        return new

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("SpanSet is immutable")

    # -- container protocol -------------------------------------------------------------
    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpanSet) and self.spans == other.spans

    def __hash__(self) -> int:
        return hash(self.spans)

    def __repr__(self) -> str:
        return f"SpanSet({list(self.spans)!r})"

    @property
    def total(self) -> int:
        """The summed length of all spans.

        >>> SpanSet([(0, 2), (5, 9)]).total
        6
        """
        return sum(e - s for s, e in self.spans)

    def contains(self, point: int) -> bool:
        """Whether ``point`` lies in one of the spans (starts included, ends not).

        >>> SpanSet([(0, 2)]).contains(0), SpanSet([(0, 2)]).contains(2)
        (True, False)
        """
        i = bisect_right(self.spans, point, key=_start) - 1
        return i >= 0 and self.spans[i][1] > point

    # -- set algebra --------------------------------------------------------------------
    def union(self, other: SpanSet) -> SpanSet:
        """Points in either set.

        >>> SpanSet([(0, 1)]).union(SpanSet([(1, 2)])).spans
        ((0, 2),)
        """
        if not other.spans:
            return self
        if not self.spans:
            return other
        return SpanSet(self.spans + other.spans)

    def intersection(self, other: SpanSet) -> SpanSet:
        """Points in both sets.

        >>> SpanSet([(0, 10)]).intersection(SpanSet([(2, 3), (8, 12)])).spans
        ((2, 3), (8, 10))
        """
        a, b = self.spans, other.spans
        out: list[Span] = []
        i = j = 0
        while i < len(a) and j < len(b):
            start = max(a[i][0], b[j][0])
            end = min(a[i][1], b[j][1])
            if start < end:
                out.append((start, end))
            if a[i][1] < b[j][1]:
                i += 1
            else:
                j += 1
        return SpanSet.from_normalised(tuple(out))

    def difference(self, other: SpanSet) -> SpanSet:
        """Points in this set but not in ``other``.

        >>> SpanSet([(0, 10)]).difference(SpanSet([(2, 3)])).spans
        ((0, 2), (3, 10))
        """
        if not other.spans or not self.spans:
            return self
        # One sweep over both (rather than intersecting with the complement: half the
        # cost, measured; the ticket clock cuts pauses out of its runs with it).
        cut = other.spans
        out: list[Span] = []
        j = 0
        for start, end in self.spans:
            while j < len(cut) and cut[j][1] <= start:
                j += 1
            k = j
            while start < end and k < len(cut) and cut[k][0] < end:
                cut_start, cut_end = cut[k]
                if cut_start > start:
                    out.append((start, cut_start))
                start = cut_end  # > start: the spans of a set neither overlap nor touch
                k += 1
            if start < end:
                out.append((start, end))
        return SpanSet.from_normalised(tuple(out))

    def complement(self, lo: int, hi: int) -> SpanSet:
        """Points of ``[lo, hi)`` not in this set.

        >>> SpanSet([(2, 3)]).complement(0, 5).spans
        ((0, 2), (3, 5))
        """
        out: list[Span] = []
        cursor = lo
        for start, end in self.spans:
            if end <= lo:
                continue
            if start >= hi:
                break
            if start > cursor:
                out.append((cursor, start))
            cursor = max(cursor, end)
        if cursor < hi:
            out.append((cursor, hi))
        return SpanSet.from_normalised(tuple(out))

    def clip(self, lo: int, hi: int) -> SpanSet:
        """The part of this set inside ``[lo, hi)``.

        >>> SpanSet([(0, 10), (20, 30)]).clip(5, 25).spans
        ((5, 10), (20, 25))
        """
        if hi <= lo:
            return SpanSet.from_normalised(())
        out = [(max(s, lo), min(e, hi)) for s, e in self.spans if e > lo and s < hi]
        return SpanSet.from_normalised(tuple(out))

    __or__ = union
    __and__ = intersection
    __sub__ = difference
