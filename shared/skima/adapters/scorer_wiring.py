"""Composition roots only the scorer needs: the engine on the model layer, and the profile cache it feeds.

Kept apart from `wiring` because importing the engine needs numpy, which only the scorer's model layer ships.
"""

from __future__ import annotations

from functools import cache

from skima.adapters.dynamo_profiles import DynamoProfileCache
from skima.adapters.onnx_embedder import OnnxEmbedder
from skima.adapters.wiring import dynamodb
from skima.engine import Engine


@cache
def engine(model_dir: str) -> Engine:
    """The match engine on the model layer's ONNX model: loaded (and sha256-checked) once per container."""
    return Engine(OnnxEmbedder(model_dir))


@cache
def profile_cache(table_name: str) -> DynamoProfileCache:
    return DynamoProfileCache(dynamodb(), table_name)
