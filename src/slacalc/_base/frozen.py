"""``FrozenMap``: an immutable, hashable mapping that pydantic validates as a dict.

Frozen models must be hashable, so mappings are stored as a tuple of items inside; they
still read like a dict, validate from a dict, serialise to a dict and publish a JSON
Schema of a JSON object.

>>> m = FrozenMap({"b": 2, "a": 1})
>>> m["a"], len(m), m == {"a": 1, "b": 2}, hash(m) == hash(FrozenMap({"a": 1, "b": 2}))
(1, 2, True, True)
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar, get_args

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """A read-only mapping, equal by value and hashable (its values must be hashable)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

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


def _as_dict(value: Mapping[Any, Any]) -> dict[Any, Any]:
    # Tolerates a plain dict that model_copy(update=...) put in place without validation.
    return dict(value)


T = TypeVar("T")


class InstanceCache(Generic[T]):
    """Values computed once per live object, kept beside it (never inside it).

    Frozen models are copied by ``model_copy``, ``copy`` and ``pickle`` together with
    their ``__dict__``, so a cache stored there would travel to copies whose fields differ.
    This table is keyed by the object's ``id`` and checked with a weak reference, so an
    entry answers only for the very object that filled it, and disappears with it (a new
    object at a freed address never sees an old entry).

    >>> class Box:
    ...     pass
    >>> cache: InstanceCache[list[int]] = InstanceCache()
    >>> b = Box()
    >>> cache.get(b, lambda: [1]) is cache.get(b, lambda: [2])
    True
    """

    __slots__ = ("slots",)

    def __init__(self) -> None:
        self.slots: dict[int, tuple[weakref.ref[Any], T]] = {}

    def get(self, owner: object, build: Callable[[], T]) -> T:
        """The value for ``owner``, built on first use."""
        slot = self.slots.get(id(owner))
        if slot is not None and slot[0]() is owner:
            return slot[1]
        value = build()
        self.put(owner, value)
        return value

    def put(self, owner: object, value: T) -> None:
        """Remember ``value`` for ``owner`` until it is garbage collected."""
        key = id(owner)
        slots = self.slots

        def forget(ref: weakref.ref[Any]) -> None:
            current = slots.get(key)
            if current is not None and current[0] is ref:
                del slots[key]

        slots[key] = (weakref.ref(owner, forget), value)


_BY_KEY: dict[str, InstanceCache[Any]] = {}


def instance_cache(owner: object, key: str, build: Callable[[], T]) -> T:
    """A value computed once per object, under ``key`` (see :class:`InstanceCache`).

    >>> class Box:
    ...     pass
    >>> b = Box()
    >>> instance_cache(b, "x", lambda: [1]) is instance_cache(b, "x", lambda: [2])
    True
    """
    cache = _BY_KEY.get(key)
    if cache is None:
        cache = _BY_KEY.setdefault(key, InstanceCache())
    return cache.get(owner, build)  # type: ignore[no-any-return]
