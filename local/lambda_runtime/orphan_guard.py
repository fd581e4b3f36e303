"""Runs a module as __main__ and exits when the process that started it dies (no orphans after a crash).

Usage: python orphan_guard.py <parent pid> <module> [args...]. Stdlib only: it runs before any venv path is set.
"""

from __future__ import annotations

import os
import runpy
import sys
import threading
import time
from pathlib import Path


def _watch_parent(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(0)
        time.sleep(0.5)


def main() -> None:
    parent_pid, module, *args = sys.argv[1:]
    threading.Thread(target=_watch_parent, args=(int(parent_pid),), daemon=True, name="orphan-guard").start()
    repo_root = str(Path(__file__).resolve().parents[2])
    if repo_root not in sys.path:
        sys.path.insert(0, repo_root)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
