"""The shortlist function ships only the shared layer (no model layer): it must import without numpy or the
engine, or every request would fail with Runtime.ImportModuleError."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.support.template import ROOT, properties


def test_the_shortlist_function_has_no_model_layer() -> None:
    assert {"Ref": "ModelLayer"} not in properties("ShortlistFunction").get("Layers", [])


def test_handler_imports_without_numpy_onnxruntime_or_the_engine() -> None:
    script = textwrap.dedent(
        f"""
        import importlib.abc, sys
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {{"numpy", "onnxruntime", "tokenizers"}} or name.startswith("skima.engine"):
                    raise ImportError("blocked: " + name)
                return None
        sys.meta_path.insert(0, Block())
        sys.path[:0] = [{str(ROOT / "shared")!r}, {str(ROOT / "functions" / "shortlist")!r}]
        import app
        import skima.shortlist.cli, skima.shortlist.feedback_writeback, skima.shortlist.notes
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
