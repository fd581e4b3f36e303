"""Scorer function (SQS, partial batch failures): record-changed hints → engine → DynamoDB + Tracker write-back.

Each record succeeds or fails alone: a poison body (not JSON, wrong schema) or an unreachable Tracker fails only
its record, which SQS redelivers and, after maxReceiveCount, moves to the dead-letter queue.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima.adapters import scorer_wiring, wiring
from skima.adapters.tracker_feed import TrackerChangeFeed
from skima.adapters.tracker_source import TrackerRecordSource
from skima.config import ScorerSettings
from skima.models import QueueMessage
from skima.polling import Poller
from skima.scoring import Scorer
from skima.shortlist.feedback_writeback import write_feedback
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline
from skima.writeback import OutboxView, WriteBack, WriteBackPolicy

logger = Logger()
# Report failures item by item even when all failed (the same retries, and no invocation error to alarm on).
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


@cache
def settings() -> ScorerSettings:
    return ScorerSettings.from_env()


def build_scorer(config: ScorerSettings, context: LambdaContext, deadline: Deadline) -> Scorer:
    client = wiring.tracker_client(config)
    state = wiring.state_store(config.state_table)
    queue = wiring.score_queue(config.score_queue_url)
    tracker = TrackerRecordSource(client, lambda: deadline)

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
        scores=wiring.score_store(config.scores_table),
        writeback=WriteBack(
            tracker,
            state,
            wiring.shortlist_links(config.links_table),
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
        },
    )


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
