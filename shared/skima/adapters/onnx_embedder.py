"""all-MiniLM-L6-v2 (int8 ONNX) sentence embeddings with onnxruntime + tokenizers.

The files come from the model layer (`layers/model`, mounted at /opt/model in Lambda), in the directory the caller
names (`ScorerSettings.model_dir`, or the CLIs' --model-dir), and are checked against pinned sha256 values before
the first inference. Nothing is downloaded at run time.
Vectors follow sentence-transformers: mean pooling over the attention mask, then L2 normalisation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnxruntime as ort
from tokenizers import Tokenizer

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2:onnx-int8"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256  # the model's max_seq_length in sentence-transformers
DIMENSIONS = 384
# Fixed cost of one inference call, in tokens' worth of compute (measured on 2 cores: a 1x8 batch costs about as
# much as 20 tokens inside a bigger batch). Used to trade padding against the number of calls.
RUN_COST_TOKENS = 12


class ModelFilesError(RuntimeError):
    """The model files are missing or are not the pinned ones."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_model_dir(model_dir: Path) -> None:
    """Raise ModelFilesError unless model.onnx and tokenizer.json are present with their pinned sha256."""
    for name, expected in ((MODEL_FILE, MODEL_SHA256), (TOKENIZER_FILE, TOKENIZER_SHA256)):
        path = model_dir / name
        if not path.is_file():
            raise ModelFilesError(
                f"{path} not found: build the model layer (make -C layers/model) "
                "and point MODEL_DIR at its model directory"
            )
        actual = _sha256(path)
        if actual != expected:
            raise ModelFilesError(f"{path} has sha256 {actual}, expected {expected}")


def plan_batches(sorted_lengths: Sequence[int], max_batch: int) -> list[tuple[int, int]]:
    """Split ascending sequence lengths into consecutive batches minimising padded tokens plus a per-call cost.

    Compute grows with batch x width, so one batch padded to its longest text wastes most of its work on
    short spans; one call per text pays the call overhead each time. Exact dynamic programme (n is small).
    """
    count = len(sorted_lengths)
    best = [0.0] + [float("inf")] * count  # best[i]: cost of embedding the first i texts
    cut = [0] * (count + 1)
    for stop in range(1, count + 1):
        width = sorted_lengths[stop - 1]
        for start in range(max(0, stop - max_batch), stop):
            cost = best[start] + (stop - start) * width + RUN_COST_TOKENS
            if cost < best[stop]:
                best[stop], cut[stop] = cost, start
    batches: list[tuple[int, int]] = []
    stop = count
    while stop > 0:
        batches.append((cut[stop], stop))
        stop = cut[stop]
    return batches[::-1]


class OnnxEmbedder:
    """Implements skima.engine.ports.Embedder on the pinned int8 ONNX model."""

    model_id: str = MODEL_ID
    model_sha256: str = MODEL_SHA256

    def __init__(
        self,
        model_dir: str | Path,
        *,
        intra_op_threads: int | None = None,
        batch_size: int = 64,
        max_tokens: int = MAX_TOKENS,
        verify: bool = True,
    ) -> None:
        directory = Path(model_dir)
        if verify:
            verify_model_dir(directory)
        options = ort.SessionOptions()
        options.intra_op_num_threads = intra_op_threads or 0  # 0 (or None) = one per core
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(directory / MODEL_FILE), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._input_names = {item.name for item in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(max_length=min(max_tokens, MAX_TOKENS))
        self._tokenizer.no_padding()
        self._batch_size = max(1, batch_size)
        self.model_dir = directory
        #: Tokens fed to the model so far (incl. [CLS]/[SEP], excl. padding): for benchmarks.
        self.tokens_embedded = 0

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(enc.ids) for enc in self._tokenizer.encode_batch(list(texts))]

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        # Batch texts of similar length together so little compute is spent on padding; the order is restored.
        order = sorted(range(len(texts)), key=lambda i: (len(encodings[i].ids), i))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        lengths = [len(encodings[i].ids) for i in order]
        for start, stop in plan_batches(lengths, self._batch_size):
            chunk = order[start:stop]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, index in enumerate(chunk):
                token_ids = encodings[index].ids
                ids[row, : len(token_ids)] = token_ids
                mask[row, : len(token_ids)] = 1
            self.tokens_embedded += int(mask.sum())
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / np.clip(norms, 1e-12, None)
        return out
