"""A griffe extension for the API reference: show users the public shape of each class.

It runs after griffe-pydantic (mkdocs.yml lists it later), on the loaded package:

- **No private bases.** A base class that users cannot import (``ContractTerms``, defined in
  ``slacalc._contract.terms`` and exported nowhere) is replaced by its own bases, and the
  members the class inherited from it become the class's own: ``slacalc.Contract`` shows
  every field and lookup, with ``Bases: BaseModel``.
- **Method aliases are not fields.** griffe-pydantic reads every class attribute of a model
  as a field, ``__or__ = union`` too; such assignments of a method are dropped.
- **No private validators or settings.** ``_known_zone`` and the like are implementation;
  so is ``use_attribute_docstrings`` in a model's config (the field descriptions it reads
  are shown under each field).

mkdocs.yml loads it (``plugins: mkdocstrings: handlers: python: options: extensions``) and
leaves it out of the site (``exclude_docs``).
"""

from __future__ import annotations

from typing import Any

import griffe

_HIDDEN_CONFIG = ("use_attribute_docstrings",)


def _public(path: str, package: griffe.Module) -> bool:
    """Whether ``path`` is importable without a private module or name in it."""
    parts = path.split(".")
    if not any(part.startswith("_") for part in parts):
        return True
    # Defined in a private module but re-exported by the package (slacalc.SlacalcError).
    try:
        return package.members[parts[-1]].final_target.path == path
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return False


def _resolve(base: str | griffe.Expr, cls: griffe.Class) -> griffe.Class | None:
    """The class a base expression names, when griffe loaded it (None for pydantic's)."""
    path = base.canonical_path if isinstance(base, griffe.Expr) else base
    try:
        found = cls.modules_collection[path]
        target = found.final_target if found.is_alias else found
    except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    return target if isinstance(target, griffe.Class) else None


def _classes(module: griffe.Module) -> list[griffe.Class]:
    found: list[griffe.Class] = []
    todo: list[griffe.Module | griffe.Class] = [module]
    while todo:
        obj = todo.pop()
        for member in obj.members.values():
            if member.is_alias:
                continue
            if isinstance(member, griffe.Class):
                found.append(member)
                todo.append(member)
            elif isinstance(member, griffe.Module):
                todo.append(member)
    return found


class ApiTidy(griffe.Extension):
    """Hide private bases, method aliases read as fields, private validators."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in _classes(pkg):
            self._drop_method_aliases(cls)
            self._hide_private_bases(cls, pkg)
            self._hide_private_validators(cls)

    @staticmethod
    def _drop_method_aliases(cls: griffe.Class) -> None:
        for name, member in list(cls.members.items()):
            if (
                isinstance(member, griffe.Attribute)
                and member.annotation is None
                and isinstance(member.value, griffe.ExprName)
                and isinstance(cls.members.get(member.value.name), griffe.Function)
            ):
                del cls.members[name]

    @staticmethod
    def _hide_private_bases(cls: griffe.Class, pkg: griffe.Module) -> None:
        changed = False
        bases: list[str | griffe.Expr] = []
        for base in cls.bases:
            resolved = _resolve(base, cls)
            if resolved is None or _public(resolved.path, pkg):
                bases.append(base)
                continue
            changed = True
            bases.extend(resolved.bases)
        if not changed:
            return
        for name, inherited in cls.inherited_members.items():
            if name not in cls.members:
                cls.set_member(name, griffe.Alias(name, inherited.final_target, parent=cls))
        cls.bases = bases

    @staticmethod
    def _hide_private_validators(cls: griffe.Class) -> None:
        extra = cls.extra.get("griffe_pydantic", {})
        config = extra.get("config")
        if isinstance(config, dict):
            for key in _HIDDEN_CONFIG:
                config.pop(key, None)
        for name, member in cls.all_members.items():
            if name.startswith("_") and "pydantic-validator" in member.labels:
                member.labels.discard("pydantic-validator")
