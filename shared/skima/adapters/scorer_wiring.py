"""Composition roots only the scorer needs: the engine on the model layer, the profile cache and vector index it
feeds, share links, rediscovery, and the Scorer itself.

Kept apart from `wiring` because importing the engine needs numpy, which only the scorer's model layer ships.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache

from skima.adapters import wiring
from skima.adapters.dynamo_profiles import (
    DynamoProfileBatch,
    DynamoProfileCache,
    DynamoRediscoveryLog,
    DynamoVectorStore,
)
from skima.adapters.onnx_embedder import OnnxEmbedder
from skima.adapters.tracker_feed import TrackerChangeFeed
from skima.adapters.tracker_source import TrackerRecordSource
from skima.config import ScorerSettings
from skima.engine import Engine
from skima.job_summary import JobSummary
from skima.pipeline.ports import JobSharing
from skima.pipeline.rediscovery import IndexedProfileCache, LiveVectorIndex, TalentRediscovery
from skima.polling import Poller
from skima.recent_pipelines import RecentPipelines
from skima.scoring import Scorer
from skima.shortlist.feedback_writeback import write_feedback
from skima.shortlist.links import ShareLinks
from skima.shortlist.sharing import ShareTagFollower
from skima.tracker.timing import Deadline
from skima.writeback import NoShortlistLinks, WriteBack, WriteBackPolicy


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


def build_scorer(config: ScorerSettings, deadline: Deadline, *, owner: str, remaining_ms: Callable[[], int]) -> Scorer:
    """A Scorer for one message: its Tracker calls stop at `deadline`; `owner` names this invocation's poll lease."""
    client = wiring.tracker_client(config)
    state = wiring.state_store(config.state_table)
    queue = wiring.score_queue(config.score_queue_url)
    timezone = wiring.tracker_timezone(config.state_table)
    tracker = TrackerRecordSource(client, lambda: deadline, timezone)
    scores = wiring.score_store(config.scores_table, config.score_retention_days)
    links = share_links(config)
    sharing: JobSharing | None = None
    if links is not None:
        sharing = ShareTagFollower(
            links,
            tracker,
            state,
            share_tag=config.share_tag,
            job_tags=tracker.job_tags,
            top10=lambda job_id: [row.candidate_id for row in scores.top10(job_id)],
        )

    match_engine = engine(config.model_dir)
    model_id = match_engine.embedder.model_id
    writeback = WriteBack(
        tracker,
        state,
        scores,
        links if links is not None else NoShortlistLinks(),
        WriteBackPolicy(
            screened_tag=config.screened_tag,
            stage_status_id=config.shortlist_stage_status_id,
            stage_min_score=config.shortlist_stage_min_score,
        ),
    )
    # Every profile the scorer caches also lands in the vector index rediscovery searches.
    profiles = IndexedProfileCache(
        profile_cache(config.profiles_table, config.score_retention_days),
        vector_store(config.profiles_table, model_id),
        model_id,
    )
    rediscovery = TalentRediscovery(
        engine=match_engine,
        index=live_index(config.profiles_table, model_id),
        profiles=profile_batch(config.profiles_table),
        scores=scores,
        writeback=writeback,
        log=rediscovery_log(config.profiles_table),
    )

    def poll_now() -> object:
        return Poller(
            TrackerChangeFeed(client, lambda: deadline, timezone),
            state,
            queue,
            owner=owner,
            lookback=timedelta(minutes=config.poll_lookback_minutes),
            pipeline_checks_per_run=config.poll_pipeline_checks,
            lease_seconds=remaining_ms() // 1000 + 60,
        ).run()

    return Scorer(
        tracker=tracker,
        engine=match_engine,
        profiles=profiles,
        scores=scores,
        writeback=writeback,
        queue=queue,
        state=state,
        poll=poll_now,
        feedback=lambda message: write_feedback(
            message, tracker, state, stage_status_id=config.shortlist_stage_status_id
        ),
        sharing=sharing,
        summary=JobSummary(tracker, state, scores, state, clock=lambda: datetime.now(UTC)),
        recent_pipelines=recent_pipelines(str(config.rest_url)),
        rediscovery=rediscovery,
    )
