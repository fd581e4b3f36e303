import shutil
from pathlib import Path

import numpy as np
import pytest

from skima.adapters.onnx_embedder import MODEL_SHA256, ModelFilesError, OnnxEmbedder, verify_model_dir


def test_vectors_are_normalised_deterministic_and_meaningful(embedder: OnnxEmbedder) -> None:
    texts = ["Senior Java developer", "Java software engineer", "Registered nurse in an ICU", "Java developer"]
    first = embedder.embed(texts)
    assert first.shape == (4, 384) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, embedder.embed(texts))
    sims = first @ first.T
    assert sims[0, 1] > sims[0, 2] + 0.3
    # batching and ordering do not change a text's vector (beyond float noise)
    alone = embedder.embed(["Java developer"])[0]
    assert float(alone @ first[3]) > 0.9999
    assert embedder.embed([]).shape == (0, 384)


def test_long_text_is_truncated_to_256_tokens(embedder: OnnxEmbedder) -> None:
    assert max(embedder.count_tokens(["word " * 1000])) == 256
    assert embedder.embed(["word " * 1000]).shape == (1, 384)


def test_model_files_are_verified_at_load(model_dir: Path, tmp_path: Path) -> None:
    verify_model_dir(model_dir)
    assert embedder_id_matches()
    shutil.copy(model_dir / "tokenizer.json", tmp_path / "tokenizer.json")
    (tmp_path / "model.onnx").write_bytes((model_dir / "model.onnx").read_bytes()[:-1] + b"\x00")
    with pytest.raises(ModelFilesError, match="sha256"):
        OnnxEmbedder(tmp_path)
    with pytest.raises(ModelFilesError, match="not found"):
        OnnxEmbedder(tmp_path / "missing")


def embedder_id_matches() -> bool:
    return (
        OnnxEmbedder.model_sha256
        == MODEL_SHA256
        == ("8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6")
    )


def test_layer_ships_licence_notice_and_manifest(model_dir: Path) -> None:
    for name in ("LICENSE", "NOTICE", "manifest.json"):
        assert (model_dir / name).is_file(), name
    assert "Apache" in (model_dir / "LICENSE").read_text()
