"""The composition root of `skima score-batch` and `skima eval`: the engine on the model files, with as many
onnxruntime threads as the caller asks for (the scorer's engine, in `scorer`, is cached per container instead)."""

from __future__ import annotations

from pathlib import Path

from skima.adapters.onnx_embedder import ModelFilesError, OnnxEmbedder
from skima.engine import Engine

__all__ = ["ModelFilesError", "engine"]


def engine(model_dir: str | Path, threads: int | None = None) -> Engine:
    """ModelFilesError when the model files are missing or not the pinned ones."""
    return Engine(OnnxEmbedder(model_dir, intra_op_threads=threads))
