"""The package's shape.

Imports rise one way, no writer imports another, and the library never prints.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "toolkit_builder"

# Layers from the bottom up; a module may import only from its own layer or below.
LAYERS = [
    {"errors", "model", "diagnostics", "suggest", "kinds", "outline", "i18n", "formatting",
     "config", "manifest_schema", "vocabulary", "contrast", "fingerprint", "limits", "processes"},
    {"sources", "frontmatter", "sanitise", "reader", "blocks", "resolve", "checks", "theme",
     "partners",
     "images", "project", "dump", "scaffold", "preparation", "partners_file", "translations",
     "consistency", "modelcache", "glyphs"},
    {"writers", "artifacts"},
    {"slides", "handouts", "bundles", "site"},
    {"plan", "cache", "unchanged", "publish", "lock", "pipeline"},
    {"cli"},
]
WRITERS = {"slides", "handouts", "bundles", "site"}


def top(module: str) -> str:
    """Return the first component of a module path inside the package."""
    return module.split(".")[0]


def layer(name: str) -> int:
    """Return the layer of a top-level module or package."""
    return next(index for index, names in enumerate(LAYERS) if name in names)


def package_imports(path: Path) -> set[str]:
    """Return the top-level package modules a file imports (relative or absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = path.relative_to(PACKAGE).with_suffix("").parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(own[: len(own) - node.level])
                parts = base + (node.module.split(".") if node.module else [])
                if node.module:
                    names = [".".join(parts)]
                else:
                    names = [".".join(parts + [a.name]) for a in node.names]
                found.update(top(n) for n in names if n)
            elif node.module and node.module.startswith("toolkit_builder."):
                found.add(top(node.module.removeprefix("toolkit_builder.")))
        elif isinstance(node, ast.Import):
            found.update(top(a.name.removeprefix("toolkit_builder.")) for a in node.names
                         if a.name.startswith("toolkit_builder."))
    return found - {""}


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_a_layer():
    names = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES} - {"__init__"}
    unlayered = sorted(n for n in names if not any(n in group for group in LAYERS))
    assert not unlayered, f"add these modules to a layer: {unlayered}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_rise_one_way_and_writers_stay_apart(path):
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    if own == "__init__":
        return
    for name in package_imports(path):
        assert layer(name) <= layer(own), (f"{own} (layer {layer(own)}) imports {name} "
                                           f"(layer {layer(name)})")
        if own in WRITERS and name in WRITERS:
            assert name == own, f"writer {own} imports writer {name}"


def test_the_library_does_not_print():
    for path in MODULES:
        if path.name == "cli.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree)
                 if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "print"]
        assert not calls, f"{path.relative_to(PACKAGE)} prints (line {calls[0].lineno})"
