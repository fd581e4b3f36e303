"""The real int8 ONNX model from a built model layer (MODEL_DIR, /opt/model or layers/model/build/artifacts).

Build it with: make -C layers/model build-ModelLayer ARTIFACTS_DIR=$PWD/layers/model/build/artifacts
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from skima.engine import Engine
from skima_cli.main import resolve_model_dir


@pytest.fixture(scope="session")
def model_dir() -> Path:
    try:
        return resolve_model_dir(None)
    except SystemExit:
        pytest.skip("model layer not built (make -C layers/model build-ModelLayer ARTIFACTS_DIR=...)")


@pytest.fixture(scope="session")
def embedder(model_dir: Path):  # type: ignore[no-untyped-def]
    from skima.adapters.onnx_embedder import OnnxEmbedder  # noqa: PLC0415

    return OnnxEmbedder(model_dir, intra_op_threads=2)


@pytest.fixture(scope="session")
def real_engine(embedder) -> Engine:  # type: ignore[no-untyped-def]
    return Engine(embedder, as_of=date(2026, 1, 1))
