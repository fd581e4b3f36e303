"""`sam build` into a chosen directory (tests build into a temp dir so they never race `make build`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def sam_executable() -> str:
    beside_python = Path(sys.executable).with_name("sam")
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("sam")
    if found is None:
        raise FileNotFoundError("sam (aws-sam-cli) not found: make install")
    return found


def sam_build(
    project_dir: Path = REPO_ROOT,
    build_dir: Path | None = None,
    targets: Sequence[str] = (),
    *,
    cache_dir: Path | None = None,
    cached: bool = False,
    timeout: float = 900,
) -> Path:
    """Run `sam build [targets]` for project_dir/template.yaml; returns the build dir. Raises with sam's output."""
    build_dir = build_dir or project_dir / ".aws-sam" / "build"
    command = [sam_executable(), "build", *targets, "--template-file", str(project_dir / "template.yaml")]
    command += ["--build-dir", str(build_dir)]
    if cache_dir is not None:
        command += ["--cache-dir", str(cache_dir)]
    if cached:
        command.append("--cached")
    environment = dict(os.environ)
    venv_bin = str(Path(sys.executable).parent)
    # sam needs python3.12 on the PATH; the layer makefiles use $(PYTHON) -m pip.
    environment["PATH"] = venv_bin + os.pathsep + environment.get("PATH", "")
    environment.setdefault("PYTHON", sys.executable)
    environment["SAM_CLI_TELEMETRY"] = "0"
    completed = subprocess.run(
        command,
        cwd=project_dir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"sam build failed ({completed.returncode}):\n{completed.stdout}\n{completed.stderr}")
    return build_dir
