"""What the engine needs from outside: a sentence embedder. The ONNX adapter implements it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows (one per text, same order)."""

    model_id: str
    model_sha256: str

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...
