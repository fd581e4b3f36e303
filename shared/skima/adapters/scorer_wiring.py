"""Client factories only the scorer (and the pipeline CLIs) need, cached per container: the engine on the model
layer, the profile cache and vector index it feeds, share links, rediscovery's stores. The Scorer itself is
composed in `skima.bootstrap.scorer`.

Kept apart from `wiring` because importing the engine needs numpy, which only the scorer's model layer ships.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache

from skima.adapters import wiring
from skima.adapters.dynamo_profiles import (
    DynamoProfileBatch,
    DynamoProfileCache,
    DynamoRediscoveryLog,
    DynamoVectorStore,
)
from skima.adapters.onnx_embedder import OnnxEmbedder
from skima.config import ScorerSettings
from skima.engine import Engine
from skima.recent_pipelines import RecentPipelines
from skima.scoring.vector_index import LiveVectorIndex
from skima.shortlist.links import ShareLinks


@cache
def engine(model_dir: str) -> Engine:
    """The match engine on the model layer's ONNX model: loaded (and sha256-checked) once per container."""
    return Engine(OnnxEmbedder(model_dir))


@cache
def profile_cache(table_name: str, retention_days: int) -> DynamoProfileCache:
    return DynamoProfileCache(wiring.dynamodb(), table_name, retention_days=retention_days)


@cache
def vector_store(table_name: str, model_id: str) -> DynamoVectorStore:
    return DynamoVectorStore(wiring.dynamodb(), table_name, model_id)


@cache
def live_index(table_name: str, model_id: str) -> LiveVectorIndex:
    """The container's in-memory index (loaded on first use, refreshed per rediscovery)."""
    return LiveVectorIndex(vector_store(table_name, model_id))


@cache
def profile_batch(table_name: str) -> DynamoProfileBatch:
    return DynamoProfileBatch(wiring.dynamodb(), table_name)


@cache
def rediscovery_log(table_name: str) -> DynamoRediscoveryLog:
    return DynamoRediscoveryLog(wiring.dynamodb(), table_name)


@cache
def recent_pipelines(tracker_url: str) -> RecentPipelines:
    """One per container and Tracker: a burst's later applications come from the pipeline an earlier record read."""
    return RecentPipelines()


def share_links(config: ScorerSettings) -> ShareLinks | None:
    """Share links signed with the link signing key (so score notes can carry a live link's URL); None when no
    shortlist base URL is configured (then no link can be shared)."""
    if not config.shortlist_base_url.strip():
        return None
    key = None
    if config.link_signing_key_secret_arn:
        key = wiring.link_signing_key(config.link_signing_key_secret_arn)
    return ShareLinks(
        wiring.link_store(config.links_table),
        config.shortlist_base_url,
        ttl=timedelta(hours=config.share_link_ttl_hours),
        signing_key=key,
    )
