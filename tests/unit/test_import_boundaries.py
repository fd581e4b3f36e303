"""Code outside tests/ never imports tests/: what the benchmarks and the local stack share with the tests lives in
local/harness, so a test can be moved or deleted without breaking `make bench` or `make dev`.

The import contracts in pyproject.toml (`lint-imports` in `make lint`) list modules by name: these tests keep the
lists complete as modules and handlers are added."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path
from typing import Any

from local.harness.template import ROOT, template


def test_nothing_outside_tests_imports_tests() -> None:
    importers = []
    for folder in ("shared", "skima_cli", "functions", "local", "bench", "eval", "tools"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                if any(name == "tests" or name.startswith("tests.") for name in names):
                    importers.append(path.relative_to(ROOT).as_posix())
    assert importers == []


def _contract(contract_id: str) -> dict[str, Any]:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    found: dict[str, Any] = next(c for c in contracts if c["id"] == contract_id)
    return found


def _skima_imports(path: Path) -> set[str]:
    """The skima modules a file imports at its top level ('from skima.adapters import wiring' is the module)."""
    modules: set[str] = set()
    for node in ast.parse(path.read_text(), filename=str(path)).body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "skima":
            base = node.module or ""
            modules.add(base)
            folder = ROOT / "shared" / Path(*base.split("."))
            modules.update(f"{base}.{a.name}" for a in node.names if (folder / f"{a.name}.py").is_file())
        elif isinstance(node, ast.Import):
            modules.update(a.name for a in node.names if a.name.split(".")[0] == "skima")
    return modules


def test_the_engine_contract_forbids_every_other_module_of_skima() -> None:
    package = ROOT / "shared" / "skima"
    others = {f"skima.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"} | {
        f"skima.{p.name}" for p in package.iterdir() if (p / "__init__.py").is_file()
    }
    shared_with_the_shortlist = {"skima.benefits"}
    expected = others - {"skima.engine"} - shared_with_the_shortlist
    assert {m for m in _contract("engine-core")["forbidden_modules"] if m.startswith("skima")} == expected


def test_the_leaf_contract_forbids_every_other_engine_module() -> None:
    engine = {f"skima.engine.{p.stem}" for p in (ROOT / "shared" / "skima" / "engine").glob("*.py")}
    expected = (engine - {"skima.engine.__init__", "skima.engine.models"}) | {"skima.engine"}
    assert set(_contract("engine-models-leaf")["forbidden_modules"]) == expected


def test_the_functions_contract_covers_what_each_function_without_the_model_imports() -> None:
    functions = template()["Resources"]
    without_model = [
        f["Properties"]["CodeUri"]
        for f in functions.values()
        if f["Type"] == "AWS::Serverless::Function" and {"Ref": "ModelLayer"} not in f["Properties"].get("Layers", [])
    ]
    assert sorted(without_model) == [f"functions/{name}/" for name in ("feedback", "poller", "shortlist", "webhook")]
    sources = set(_contract("functions-without-the-model")["source_modules"])
    for code_uri in without_model:
        missing = _skima_imports(ROOT / code_uri / "app.py") - sources
        assert missing == set(), f"{code_uri}app.py imports modules the import contract does not check"


def test_every_composition_root_without_the_engine_is_held_to_the_model_free_contract() -> None:
    roots = {f"skima.bootstrap.{p.stem}" for p in (ROOT / "shared" / "skima" / "bootstrap").glob("*.py")}
    with_the_engine = {"skima.bootstrap.scorer", "skima.bootstrap.backfill", "skima.bootstrap.evaluation"}
    model_free = roots - with_the_engine - {"skima.bootstrap.__init__"}
    assert model_free - set(_contract("functions-without-the-model")["source_modules"]) == set()
