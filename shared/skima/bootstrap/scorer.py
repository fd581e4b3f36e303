"""The scorer function's composition root. A score-queue message is one of three use cases: a record changed (the
Scorer, with the engine), a reconcile request (a poll) or a legacy vote (the feedback write-back); the engine is
built only when a record-changed message is handled, never for a poll or a vote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from skima.adapters import scorer_wiring, wiring
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.adapters.dynamo_state import DynamoStateStore
from skima.adapters.tracker_source import TrackerRecordSource
from skima.bootstrap.feedback import WriteFeedback, feedback_writer
from skima.bootstrap.poller import Poll, poll_use_case
from skima.config import ScorerSettings
from skima.engine import Engine
from skima.job_summary import JobSummary
from skima.models import RecordChanged
from skima.scoring.ports import JobSharing
from skima.scoring.rediscovery import TalentRediscovery
from skima.scoring.scorer import Scorer, ScoringReport
from skima.scoring.vector_index import IndexedProfileCache
from skima.shortlist.sharing import ShareTagFollower
from skima.tracker.timing import Deadline
from skima.writeback import WriteBack, WriteBackPolicy

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

Score = Callable[[RecordChanged, Deadline], ScoringReport]


@dataclass(frozen=True)
class ScorerDeps:
    min_remaining_ms: int
    """Less of the invocation left than this: a record is not started (it fails, for a later delivery)."""
    score: Score
    poll: Poll
    write_feedback: WriteFeedback
    forget_tracker_client: Callable[[], None]
    """After a TrackerAuthError: the admin may have put a new API token in the secret, read it next time."""


def build_scorer(
    config: ScorerSettings, deadline: Deadline, match_engine: Engine, dynamodb: DynamoDBClient | None = None
) -> Scorer:
    """A Scorer for one message: its Tracker calls stop at `deadline`. `dynamodb`: the client of its state and score
    stores (default: the container's, cached)."""
    if dynamodb is None:
        state = wiring.state_store(config.state_table)
        scores = wiring.score_store(config.scores_table, config.score_retention_days)
    else:
        state = DynamoStateStore(dynamodb, config.state_table)
        scores = DynamoScoreStore(dynamodb, config.scores_table, retention_days=config.score_retention_days)
    tracker = TrackerRecordSource(
        wiring.tracker_client(config), lambda: deadline, wiring.tracker_timezone(config.state_table)
    )
    links = scorer_wiring.share_links(config)
    model_id = match_engine.embedder.model_id
    writeback = WriteBack(
        tracker,
        state,
        scores,
        links,
        WriteBackPolicy(
            screened_tag=config.screened_tag,
            stage_status_id=config.shortlist_stage_status_id,
            stage_min_score=config.shortlist_stage_min_score,
        ),
    )
    sharing: JobSharing | None = None
    if links is not None:
        sharing = ShareTagFollower(
            links,
            writeback,
            state,
            share_tag=config.share_tag,
            job_tags=tracker.job_tags,
            top10=lambda job_id: [row.candidate_id for row in scores.top10(job_id)],
        )
    # Every profile the scorer caches also lands in the vector index rediscovery searches.
    profiles = IndexedProfileCache(
        scorer_wiring.profile_cache(config.profiles_table, config.score_retention_days),
        scorer_wiring.vector_store(config.profiles_table, model_id),
        model_id,
    )
    rediscovery = TalentRediscovery(
        engine=match_engine,
        index=scorer_wiring.live_index(config.profiles_table, model_id),
        profiles=scorer_wiring.profile_batch(config.profiles_table),
        scores=scores,
        writeback=writeback,
        log=scorer_wiring.rediscovery_log(config.profiles_table),
    )
    return Scorer(
        tracker=tracker,
        engine=match_engine,
        profiles=profiles,
        scores=scores,
        writeback=writeback,
        queue=wiring.score_queue(config.score_queue_url),
        state=state,
        sharing=sharing,
        summary=JobSummary(tracker, state, scores, state, clock=lambda: datetime.now(UTC)),
        recent_pipelines=scorer_wiring.recent_pipelines(str(config.rest_url)),
        rediscovery=rediscovery,
    )


def build(
    config: ScorerSettings,
    *,
    engine: Callable[[str], Engine] = scorer_wiring.engine,
    dynamodb: DynamoDBClient | None = None,
) -> ScorerDeps:
    """`engine` loads the match engine from the model directory (cached per container by default); it is called
    for record-changed messages only. `dynamodb`: the client the Scorer's state and score stores use, where a
    message's score, outbox and written marks land (default: the container's; a test's may fail on cue)."""

    def score(message: RecordChanged, deadline: Deadline) -> ScoringReport:
        return build_scorer(config, deadline, engine(config.model_dir), dynamodb).handle(message)

    return ScorerDeps(
        min_remaining_ms=config.min_remaining_ms,
        score=score,
        poll=poll_use_case(config),
        write_feedback=feedback_writer(config, calibrate_stamps=True),
        forget_tracker_client=wiring.tracker_client.cache_clear,
    )


@cache
def from_env() -> ScorerDeps:
    return build(ScorerSettings.from_env())
