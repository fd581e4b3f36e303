"""Write shared/requirements.txt from pyproject.toml, the one place dependencies are declared.

`sam build` copies only a layer's ContentUri, so the shared layer's Makefile cannot read pyproject.toml itself;
this generated file (never edited by hand) carries the list across. A unit test keeps the two in sync.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "# Generated from pyproject.toml by tools/export_requirements.py; do not edit.\n"


def shared_layer_requirements() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return HEADER + "".join(f"{requirement}\n" for requirement in project["dependencies"])


def main() -> int:
    target = ROOT / "shared" / "requirements.txt"
    content = shared_layer_requirements()
    if "--check" in sys.argv:
        if not target.exists() or target.read_text() != content:
            print(f"{target} is out of date: run make requirements", file=sys.stderr)
            return 1
        return 0
    target.write_text(content)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
