"""Every runtime dependency pyproject.toml declares is imported by the code the shared layer ships (or a handler):
the layer installs the list as it is, so an unused entry is dead weight in every function."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import distribution

from local.harness.template import ROOT


def _imported_top_level_names() -> set[str]:
    names: set[str] = set()
    for path in [*(ROOT / "shared" / "skima").rglob("*.py"), *(ROOT / "functions").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def _top_level_modules(requirement: str) -> set[str]:
    """The importable top-level names an installed requirement provides ("python-docx>=1.1" → {"docx"})."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name, requirement
    files = distribution(name.group()).files or []
    return {
        file.parts[0].removesuffix(".py")
        for file in files
        if not file.parts[0].endswith((".dist-info", ".pth")) and file.parts[0] not in {"..", "bin"}
    }


def test_every_runtime_dependency_is_imported() -> None:
    imported = _imported_top_level_names()
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    unused = [requirement for requirement in declared if not _top_level_modules(requirement) & imported]
    assert unused == [], "declared in pyproject.toml but imported nowhere in shared/ or functions/"
