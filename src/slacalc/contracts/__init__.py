"""The built-in contracts, and a registry for your own.

Five vendors' service-level agreements ship built in, read from their documents as
docs/contracts/ explains. Each vendor has one module here (``reflex``,
``infravision``, ``vioms``, ``connexys``, ``intramed``) whose docstring lists the readings
that are choices and how to override them.

>>> from slacalc import contracts
>>> "vioms/advanced" in contracts.ids()
True
>>> contracts.get("vioms/advanced").priority("PRIO 1").id
'P1'
>>> contracts.get("vioms/advancd")
Traceback (most recent call last):
...
slacalc.UnknownContractError: unknown contract 'vioms/advancd'; did you mean ...
"""

from __future__ import annotations

import difflib
import importlib
import threading
from pathlib import Path

from pydantic import ValidationError

from slacalc._base.datafile import read_data_file, validation_problems
from slacalc._base.errors import ContractError, UnknownContractError, unknown_contract_message
from slacalc._facade import Contract

__all__ = ["close_matches", "get", "ids", "load", "register"]

_VENDOR_MODULES = ("reflex", "infravision", "vioms", "connexys", "intramed")
_registry: dict[str, Contract] = {}
_loaded = False
_lock = threading.Lock()


def _builtins() -> dict[str, Contract]:
    global _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                for name in _VENDOR_MODULES:
                    module = importlib.import_module(f"slacalc.contracts.{name}")
                    for contract in module.CONTRACTS:
                        _registry.setdefault(contract.id, contract)
                _loaded = True
    return _registry


def ids() -> list[str]:
    """The sorted ids of every known contract (built in and registered).

    >>> [i for i in ids() if i.startswith("reflex/")]
    ['reflex/basis', 'reflex/premium']
    """
    return sorted(_builtins())


def get(contract_id: str) -> Contract:
    """The contract with this id; ``UnknownContractError`` (a ``LookupError``) names close
    matches when there is none.

    >>> get("reflex/basis").vendor
    'Reflex Online'
    """
    known = _builtins()
    found = known.get(contract_id)
    if found is None:
        raise UnknownContractError(
            f"{unknown_contract_message(contract_id, close_matches(contract_id))} "
            f"(known: {', '.join(sorted(known))}; "
            "contracts.register() adds your own)"
        )
    return found


def close_matches(contract_id: str) -> list[str]:
    """The known contract ids closest to ``contract_id`` (at most three, best first).

    >>> close_matches("reflex/basic")
    ['reflex/basis', 'reflex/premium']
    """
    return difflib.get_close_matches(str(contract_id), list(_builtins()), n=3, cutoff=0.5)


def register(contract: Contract, *, replace: bool = False) -> Contract:
    """Make ``contract`` findable by ``get(contract.id)``; returns it.

    An id that is already known raises ``ContractError`` unless ``replace=True``.

    >>> mine = get("vioms/advanced").model_copy(update={"id": "acme/gold"})
    >>> register(mine) is mine and get("acme/gold") is mine
    True
    >>> _ = _registry.pop("acme/gold")  # (keeps this example out of the other tests)
    """
    if not isinstance(contract, Contract):
        raise ContractError(f"register() takes a Contract, got {type(contract).__name__}")
    known = _builtins()
    with _lock:
        if contract.id in known and not replace and known[contract.id] != contract:
            raise ContractError(
                f"a contract with id {contract.id!r} is already registered: pass "
                "replace=True to replace it, or give yours another id"
            )
        known[contract.id] = contract
    return contract


def load(path: str | Path) -> Contract:
    """A contract from a JSON or YAML file (by suffix); it is not registered.

    A malformed file raises ``ContractError`` naming the file and the field. ``"-"``
    reads standard input (JSON when it starts with ``{``, else YAML).
    """
    data = read_data_file(path, "contract", ContractError)
    path = Path(path) if str(path) != "-" else Path("<standard input>")
    try:
        return Contract.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(validation_problems(error.errors(), "contract"))  # type: ignore[arg-type]
        raise ContractError(f"{path}: invalid contract: {problems}") from None
