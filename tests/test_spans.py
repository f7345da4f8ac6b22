"""Tests for ``slacalc._engine.spans``: the immutable, normalised set of half-open spans."""

from __future__ import annotations

import pytest

from slacalc._engine.spans import SpanSet

# -- normalisation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param([], (), id="empty"),
        pytest.param([(0, 10)], ((0, 10),), id="one span"),
        pytest.param([(20, 30), (0, 10)], ((0, 10), (20, 30)), id="sorted"),
        pytest.param([(0, 10), (5, 15)], ((0, 15),), id="overlapping merge"),
        pytest.param([(0, 10), (10, 20)], ((0, 20),), id="touching merge"),
        pytest.param([(0, 10), (11, 20)], ((0, 10), (11, 20)), id="a gap of one stays"),
        pytest.param([(0, 30), (5, 10)], ((0, 30),), id="contained swallowed"),
        pytest.param([(5, 5)], (), id="empty span dropped"),
        pytest.param([(3, 5), (0, 3), (7, 7)], ((0, 5),), id="docstring example"),
        pytest.param([(0, 10), (0, 10)], ((0, 10),), id="duplicates"),
        pytest.param([(-10, -5), (-5, 0)], ((-10, 0),), id="negative (before 1970)"),
        pytest.param(
            [(40, 50), (0, 5), (4, 12), (12, 13), (30, 41)],
            ((0, 13), (30, 50)),
            id="chain of merges",
        ),
        pytest.param(((0, 1) for _ in range(3)), ((0, 1),), id="any iterable"),
    ],
)
def test_normalisation(given: list[tuple[int, int]], expected: tuple[tuple[int, int], ...]) -> None:
    assert SpanSet(given).spans == expected


def test_default_is_empty() -> None:
    empty = SpanSet()
    assert empty.spans == ()
    assert not empty
    assert len(empty) == 0
    assert empty.total == 0


# -- container protocol -----------------------------------------------------------------


def test_container_protocol() -> None:
    s = SpanSet([(20, 30), (0, 10)])
    assert list(s) == [(0, 10), (20, 30)]
    assert len(s) == 2
    assert bool(s)
    assert repr(s) == "SpanSet([(0, 10), (20, 30)])"


def test_equal_by_value_and_hashable() -> None:
    a = SpanSet([(0, 5), (5, 10)])
    b = SpanSet([(0, 10)])
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert a != SpanSet([(0, 11)])
    assert a != ((0, 10),)  # not a SpanSet


# -- total and contains -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("spans", "total"),
    [
        ([], 0),
        ([(0, 2), (5, 9)], 6),
        ([(0, 10), (5, 15)], 15),
        ([(-5, 5)], 10),
    ],
)
def test_total(spans: list[tuple[int, int]], total: int) -> None:
    assert SpanSet(spans).total == total


@pytest.mark.parametrize(
    ("point", "inside"),
    [
        (-1, False),
        (0, True),  # a start is inside
        (1, True),
        (9, True),
        (10, False),  # an end is not
        (15, False),
        (19, False),
        (20, True),
        (29, True),
        (30, False),
        (1000, False),
    ],
)
def test_contains(point: int, inside: bool) -> None:
    assert SpanSet([(0, 10), (20, 30)]).contains(point) is inside


def test_contains_on_empty_set() -> None:
    assert SpanSet().contains(0) is False


# -- set algebra ------------------------------------------------------------------------

A = [(0, 10), (20, 30)]


@pytest.mark.parametrize(
    ("other", "union", "intersection", "difference"),
    [
        pytest.param([], A, [], A, id="with empty"),
        pytest.param([(5, 25)], [(0, 30)], [(5, 10), (20, 25)], [(0, 5), (25, 30)], id="bridge"),
        pytest.param([(10, 20)], [(0, 30)], [], A, id="fills the gap exactly (touching)"),
        pytest.param(A, A, A, [], id="itself"),
        pytest.param([(0, 30)], [(0, 30)], A, [], id="superset"),
        pytest.param([(2, 3)], A, [(2, 3)], [(0, 2), (3, 10), (20, 30)], id="hole"),
        pytest.param([(40, 50)], [*A, (40, 50)], [], A, id="disjoint after"),
        pytest.param([(-5, 0)], [(-5, 10), (20, 30)], [], A, id="touching before"),
        pytest.param(
            [(9, 21), (29, 31)],
            [(0, 31)],
            [(9, 10), (20, 21), (29, 30)],
            [(0, 9), (21, 29)],
            id="several",
        ),
    ],
)
def test_set_algebra(
    other: list[tuple[int, int]],
    union: list[tuple[int, int]],
    intersection: list[tuple[int, int]],
    difference: list[tuple[int, int]],
) -> None:
    a, b = SpanSet(A), SpanSet(other)
    assert (a | b).spans == tuple(union)
    assert a.union(b).spans == tuple(union)
    assert (b | a).spans == tuple(union)
    assert (a & b).spans == tuple(intersection)
    assert a.intersection(b).spans == tuple(intersection)
    assert (b & a).spans == tuple(intersection)
    assert (a - b).spans == tuple(difference)
    assert a.difference(b).spans == tuple(difference)


def test_difference_of_empty_set() -> None:
    assert (SpanSet() - SpanSet([(0, 5)])).spans == ()


@pytest.mark.parametrize(
    ("spans", "lo", "hi", "expected"),
    [
        pytest.param([], 0, 5, [(0, 5)], id="empty: everything"),
        pytest.param([(2, 3)], 0, 5, [(0, 2), (3, 5)], id="hole in the middle"),
        pytest.param([(0, 5)], 0, 5, [], id="all covered"),
        pytest.param([(-10, 2), (3, 20)], 0, 5, [(2, 3)], id="spans overhanging both ends"),
        pytest.param([(0, 2)], 0, 5, [(2, 5)], id="span at lo"),
        pytest.param([(3, 5)], 0, 5, [(0, 3)], id="span at hi"),
        pytest.param([(-10, -5), (10, 20)], 0, 5, [(0, 5)], id="spans outside the range"),
        pytest.param([(0, 1), (2, 3), (4, 5)], 0, 5, [(1, 2), (3, 4)], id="alternating"),
    ],
)
def test_complement(
    spans: list[tuple[int, int]], lo: int, hi: int, expected: list[tuple[int, int]]
) -> None:
    assert SpanSet(spans).complement(lo, hi).spans == tuple(expected)


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (5, 25, [(5, 10), (20, 25)]),
        (0, 30, [(0, 10), (20, 30)]),
        (-100, 100, [(0, 10), (20, 30)]),
        (10, 20, []),  # exactly the gap: ends and starts are not shared points
        (12, 18, []),
        (9, 10, [(9, 10)]),
        (30, 40, []),
        (25, 25, []),  # an empty range inside a span: no (25, 25) span
        (28, 22, []),  # an inverted range: nothing, not an inverted span
    ],
)
def test_clip(lo: int, hi: int, expected: list[tuple[int, int]]) -> None:
    assert SpanSet(A).clip(lo, hi).spans == tuple(expected)


# -- immutability -----------------------------------------------------------------------


def test_cannot_assign() -> None:
    s = SpanSet(A)
    with pytest.raises(AttributeError, match="immutable"):
        s.spans = ()
    with pytest.raises(AttributeError, match="immutable"):
        s.other = 1
    assert s.spans == ((0, 10), (20, 30))


def test_operations_do_not_mutate_operands() -> None:
    a, b = SpanSet(A), SpanSet([(5, 25)])
    _ = (a | b, a & b, a - b, a.complement(0, 40), a.clip(5, 25))
    assert a.spans == ((0, 10), (20, 30))
    assert b.spans == ((5, 25),)


def test_spans_is_a_tuple() -> None:
    # Built from a list, the stored spans do not alias the caller's list.
    source = [(0, 10)]
    s = SpanSet(source)
    source.append((20, 30))
    assert s.spans == ((0, 10),)
    assert isinstance(s.spans, tuple)


# -- exact boundaries (tests added against surviving mutants, docs/testing.md) -----------


def test_hash_is_the_hash_of_the_spans() -> None:
    assert hash(SpanSet([(5, 10), (0, 5)])) == hash(((0, 10),))
    assert hash(SpanSet([(0, 1), (2, 3)])) == hash(((0, 1), (2, 3)))
    assert hash(SpanSet()) == hash(())


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        pytest.param([(-10, -5), (2, 3)], [(0, 2), (3, 5)], id="one wholly before lo"),
        pytest.param(
            [(-20, -15), (-10, -5), (1, 2), (3, 4)],
            [(0, 1), (2, 3), (4, 5)],
            id="two wholly before lo",
        ),
        pytest.param([(-5, 0), (2, 3)], [(0, 2), (3, 5)], id="one ending at lo"),
        pytest.param([(1, 2), (5, 8)], [(0, 1), (2, 5)], id="one starting at hi"),
    ],
)
def test_complement_skips_spans_before_lo(
    spans: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    assert SpanSet(spans).complement(0, 5).spans == tuple(expected)


def algebra(
    a: list[tuple[int, int]], b: list[tuple[int, int]]
) -> tuple[tuple[tuple[int, int], ...], ...]:
    """``a & b``, ``b & a``, ``a - b`` and ``b - a`` (a mutant that stops advancing an
    index never returns from here: mutmut's own timeout reports it)."""
    x, y = SpanSet(a), SpanSet(b)
    return ((x & y).spans, (y & x).spans, (x - y).spans, (y - x).spans)


def test_intersection_and_difference_of_many_spans_on_both_sides() -> None:
    a = [(0, 10), (20, 30), (40, 50), (60, 70)]
    b = [(5, 25), (28, 45), (48, 65)]
    both = ((5, 10), (20, 25), (28, 30), (40, 45), (48, 50), (60, 65))
    assert algebra(a, b) == (
        both,
        both,
        ((0, 5), (25, 28), (45, 48), (65, 70)),
        ((10, 20), (30, 40), (50, 60)),
    )


def test_difference_with_three_cuts_in_one_span() -> None:
    cuts = [(10, 20), (30, 40), (50, 60)]
    assert algebra([(0, 100)], cuts) == (
        tuple(cuts),
        tuple(cuts),
        ((0, 10), (20, 30), (40, 50), (60, 100)),
        (),
    )


def test_difference_skips_several_cuts_between_spans() -> None:
    cuts = [(2, 3), (4, 5), (6, 7), (105, 106)]
    assert algebra([(0, 1), (100, 110)], cuts) == (
        ((105, 106),),
        ((105, 106),),
        ((0, 1), (100, 105), (106, 110)),
        ((2, 3), (4, 5), (6, 7)),
    )
