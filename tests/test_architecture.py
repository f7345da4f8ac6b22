"""The house rules of src/ that a tool can check (docs/architecture.md).

Layers are checked by import-linter (``lint-imports``, contracts in pyproject.toml, run
in CI); these tests check what it does not: module size, no use of another package's
private names, no imports of the package root from inside it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
MODULES = sorted((SRC / "slacalc").rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(path: Path) -> str:
    """The package a module belongs to (a package's ``__init__`` belongs to itself)."""
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def imported_modules(tree: ast.AST) -> Iterator[tuple[int, str, list[str]]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module, [alias.name for alias in node.names]


def defined_names(tree: ast.AST) -> set[str]:
    """Every name a module defines: functions, classes, methods, attributes it assigns."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)  # __slots__ entries
    return names


TREES = {path: ast.parse(path.read_text(encoding="utf-8")) for path in MODULES}
BY_PACKAGE: dict[str, set[str]] = {}
for _path, _tree in TREES.items():
    BY_PACKAGE.setdefault(package_of(_path), set()).update(defined_names(_tree))


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_over_400_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= 400, f"{module_name(path)} has {lines} lines: split it by concept"


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_private_modules_are_imported_only_from_their_own_package(path: Path) -> None:
    here = module_name(path)
    for line, target, names in imported_modules(TREES[path]):
        parts = target.split(".")
        if parts[0] != "slacalc":
            continue
        # A private module of a subpackage (slacalc.cli._errors) is its package's own;
        # the private layer packages of slacalc itself (slacalc._engine) are slacalc's.
        for depth in range(2, len(parts)):
            if is_private(parts[depth]):
                owner = ".".join(parts[:depth])
                assert here == owner or here.startswith(owner + "."), (
                    f"{here}, line {line}, imports {target}: private to {owner}"
                )
        private = [n for n in names if is_private(n)]
        if private and not here.startswith(target.rpartition(".")[0] + "."):
            pytest.fail(f"{here}, line {line}, imports private {private} from {target}")


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_imports_names_from_the_package_root(path: Path) -> None:
    """``from slacalc import X`` inside slacalc hides the layer X comes from (and cycles)."""
    for line, target, names in imported_modules(TREES[path]):
        if target == "slacalc":
            modules = {"contracts", "billing", "profiles", "frame", "cli"}
            assert set(names) <= modules, f"{module_name(path)}, line {line}: from slacalc {names}"


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_uses_another_packages_private_attributes(path: Path) -> None:
    own = BY_PACKAGE[package_of(path)]
    others = set().union(*(v for k, v in BY_PACKAGE.items() if k != package_of(path)))
    for node in ast.walk(TREES[path]):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            if node.attr in own:
                continue
            assert node.attr not in others, (
                f"{module_name(path)}, line {node.lineno}: .{node.attr} belongs to another package"
            )
