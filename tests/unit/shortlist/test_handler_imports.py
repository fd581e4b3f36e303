"""Every function but the scorer ships only the shared layer (no model layer): each must import without numpy or the
engine, or every invocation would fail with Runtime.ImportModuleError. The import contract in pyproject.toml
(functions-without-the-model) checks the same statically in `make lint`."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from local.harness.template import ROOT, properties


@pytest.mark.parametrize("logical_id", ["ShortlistFunction", "FeedbackFunction", "WebhookFunction", "PollerFunction"])
def test_the_function_has_no_model_layer(logical_id: str) -> None:
    assert {"Ref": "ModelLayer"} not in properties(logical_id).get("Layers", [])


@pytest.mark.parametrize("function", ["shortlist", "feedback", "webhook", "poller"])
def test_handler_imports_without_numpy_onnxruntime_or_the_engine(function: str) -> None:
    script = textwrap.dedent(
        f"""
        import importlib.abc, sys
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {{"numpy", "onnxruntime", "tokenizers"}} or name.startswith("skima.engine"):
                    raise ImportError("blocked: " + name)
                return None
        sys.meta_path.insert(0, Block())
        sys.path[:0] = [{str(ROOT / "shared")!r}, {str(ROOT / "functions" / function)!r}]
        import app
        import skima_cli.links, skima.writeback, skima.shortlist.notes
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
