"""Scorer function (SQS, partial batch failures): record-changed hints → engine → DynamoDB + Tracker write-back.

Each record succeeds or fails alone: a poison body (not JSON, wrong schema) or an unreachable Tracker fails only
its record, which SQS redelivers and, after maxReceiveCount, moves to the dead-letter queue.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache
from typing import Any

import boto3
from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima.adapters import scorer_wiring, wiring
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.secrets import CachedSecret
from skima.adapters.tracker_feed import TrackerChangeFeed
from skima.adapters.tracker_source import TrackerRecordSource
from skima.config import ScorerSettings
from skima.models import QueueMessage
from skima.pipeline.ports import JobSharing
from skima.polling import Poller
from skima.scoring import Scorer
from skima.shortlist.feedback_writeback import write_feedback
from skima.shortlist.links import ShareLinks
from skima.shortlist.notes import TrackerNoteWriter
from skima.shortlist.sharing import ShareTagFollower
from skima.shortlist.tokens import signing_key_from_secret
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline
from skima.writeback import NoShortlistLinks, OutboxView, WriteBack, WriteBackPolicy

logger = Logger()
# Report failures item by item even when all failed (the same retries, and no invocation error to alarm on).
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


@cache
def settings() -> ScorerSettings:
    return ScorerSettings.from_env()


@cache
def link_signing_secret(secret_arn: str) -> CachedSecret:
    return CachedSecret(boto3.client("secretsmanager"), secret_arn)


def share_links(config: ScorerSettings) -> ShareLinks | None:
    """Share links signed with the link signing key (so score notes can carry a live link's URL); None when no
    shortlist base URL is configured (then no link can be shared)."""
    if not config.shortlist_base_url.strip():
        return None
    key = None
    if config.link_signing_key_secret_arn:
        key = signing_key_from_secret(link_signing_secret(config.link_signing_key_secret_arn).value())
    return ShareLinks(
        DynamoLinkStore(wiring.dynamodb(), config.links_table),
        config.shortlist_base_url,
        ttl=timedelta(hours=config.share_link_ttl_hours),
        signing_key=key,
    )


def build_scorer(config: ScorerSettings, context: LambdaContext, deadline: Deadline) -> Scorer:
    client = wiring.tracker_client(config)
    state = wiring.state_store(config.state_table)
    queue = wiring.score_queue(config.score_queue_url)
    tracker = TrackerRecordSource(client, lambda: deadline)
    scores = wiring.score_store(config.scores_table)
    links = share_links(config)
    sharing: JobSharing | None = None
    if links is not None:
        sharing = ShareTagFollower(
            links,
            TrackerNoteWriter(client, lambda: deadline),
            OutboxView(state),
            share_tag=config.share_tag,
            job_tags=tracker.job_tags,
            top10=lambda job_id: [row.candidate_id for row in scores.top10(job_id)],
        )

    def poll_now() -> object:
        remaining_ms = context.get_remaining_time_in_millis()
        return Poller(
            TrackerChangeFeed(client, lambda: deadline),
            state,
            queue,
            owner=context.aws_request_id,
            lookback=timedelta(minutes=config.poll_lookback_minutes),
            lease_seconds=remaining_ms // 1000 + 60,
        ).run()

    return Scorer(
        tracker=tracker,
        engine=scorer_wiring.engine(config.model_dir),
        profiles=scorer_wiring.profile_cache(config.profiles_table),
        scores=scores,
        writeback=WriteBack(
            tracker,
            state,
            links if links is not None else NoShortlistLinks(),
            WriteBackPolicy(
                screened_tag=config.screened_tag,
                stage_status_id=config.shortlist_stage_status_id,
                stage_min_score=config.shortlist_stage_min_score,
            ),
        ),
        queue=queue,
        state=state,
        poll=poll_now,
        feedback=lambda message: write_feedback(
            message, tracker, OutboxView(state), stage_status_id=config.shortlist_stage_status_id
        ),
        sharing=sharing,
        stage_moves_enabled=config.shortlist_stage_status_id is not None,
    )


def record_handler(record: SQSRecord, lambda_context: LambdaContext) -> None:
    message = QueueMessage.model_validate_json(record.body).root  # ValidationError: poison, fails this record
    deadline = Deadline.from_remaining_ms(lambda_context.get_remaining_time_in_millis())
    config = settings()
    scorer = build_scorer(config, lambda_context, deadline)
    try:
        report = scorer.handle(message)
    except TrackerAuthError:
        wiring.tracker_client.cache_clear()  # the admin may have put a new API token in the secret
        raise
    logger.info(
        "message scored",
        extra={
            "kind": message.kind,
            "outcome": report.outcome,
            "scored": report.pairs_scored,
            "unchanged": report.pairs_unchanged,
            "notes": report.notes_written,
            "enqueued": report.enqueued,
            "share": report.share,
        },
    )


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
