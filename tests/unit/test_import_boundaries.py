"""Code outside tests/ never imports tests/: what the benchmarks and the local stack share with the tests lives in
local/harness, so a test can be moved or deleted without breaking `make bench` or `make dev`."""

from __future__ import annotations

import ast

from local.harness.template import ROOT


def test_nothing_outside_tests_imports_tests() -> None:
    importers = []
    for folder in ("shared", "functions", "local", "bench", "eval", "tools"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                if any(name == "tests" or name.startswith("tests.") for name in names):
                    importers.append(path.relative_to(ROOT).as_posix())
    assert importers == []
