"""Scorer function (SQS, partial batch failures): record-changed hints → engine → DynamoDB + Tracker write-back.

Each record succeeds or fails alone: a poison body (not JSON, wrong schema) or an unreachable Tracker fails only
its record, which SQS redelivers and, after maxReceiveCount, moves to the dead-letter queue.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima import metrics
from skima.adapters import scorer_wiring, wiring
from skima.config import ScorerSettings
from skima.logs import function_logger
from skima.models import QueueMessage
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline

logger = function_logger()
# Report failures item by item even when all failed (the same retries, and no invocation error to alarm on).
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


@cache
def settings() -> ScorerSettings:
    return ScorerSettings.from_env()


class NotStarted(Exception):
    """Too little of the invocation is left to start this record: it fails unstarted, for a later delivery."""


def record_handler(record: SQSRecord, lambda_context: LambdaContext) -> None:
    config = settings()
    remaining_ms = lambda_context.get_remaining_time_in_millis()
    if remaining_ms < config.min_remaining_ms:
        # Reported as a batch item failure, not a timeout: the records already done stay done.
        raise NotStarted(f"{remaining_ms} ms left, {config.min_remaining_ms} ms needed to start a record")
    message = QueueMessage.model_validate_json(record.body).root  # ValidationError: poison, fails this record
    deadline = Deadline.from_remaining_ms(remaining_ms)
    scorer = scorer_wiring.build_scorer(
        config, deadline, owner=lambda_context.aws_request_id, remaining_ms=lambda_context.get_remaining_time_in_millis
    )
    try:
        report = scorer.handle(message)
    except TrackerAuthError:
        metrics.count("TrackerAuthFailed")
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
