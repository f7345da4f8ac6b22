"""``FrozenMap``: an immutable, hashable mapping that pydantic validates as a dict.

Frozen models must be hashable, so mappings are stored as a tuple of items inside; they
still read like a dict, validate from a dict, serialise to a dict and publish a JSON
Schema of a JSON object.

>>> m = FrozenMap({"b": 2, "a": 1})
>>> m["a"], len(m), m == {"a": 1, "b": 2}, hash(m) == hash(FrozenMap({"a": 1, "b": 2}))
(1, 2, True, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar, get_args

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """A read-only mapping, equal by value and hashable (its values must be hashable)."""

    __slots__ = ("_data", "_items")

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(data)
        self._items: tuple[tuple[K, V], ...] = tuple(self._data.items())

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._items))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        args = get_args(source) or (Any, Any)
        as_dict = handler.generate_schema(dict[args[0], args[1]])  # type: ignore[valid-type]
        return core_schema.no_info_after_validator_function(
            cls,
            as_dict,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _as_dict, info_arg=False, return_schema=as_dict
            ),
        )


def _as_dict(value: FrozenMap[Any, Any]) -> dict[Any, Any]:
    return dict(value._data)


T = TypeVar("T")


def instance_cache(owner: object, key: str, build: Callable[[], T]) -> T:
    """A value computed once per object and kept in its ``__dict__``.

    Frozen pydantic models compare and hash by their fields only, so a cached value in
    ``__dict__`` does not change equality. ``model_copy`` copies ``__dict__``; the value
    is stored with the owner's ``id`` so a copy never reuses its original's value.

    >>> class Box:
    ...     pass
    >>> b = Box()
    >>> instance_cache(b, "x", lambda: [1]) is instance_cache(b, "x", lambda: [2])
    True
    """
    slot = owner.__dict__.get(key)
    if slot is not None and slot[0] == id(owner):
        return slot[1]  # type: ignore[no-any-return]
    value = build()
    owner.__dict__[key] = (id(owner), value)
    return value
