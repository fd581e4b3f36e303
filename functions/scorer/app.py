"""Scorer function (SQS, partial batch failures): score-queue messages → their use case.

A record-changed hint goes to the Scorer (engine → DynamoDB + Tracker write-back), a reconcile request to a poll,
a vote (from before votes had their own queue) to the feedback write-back; the engine loads for the first only.
Each record succeeds or fails alone: a poison body (not JSON, wrong schema) or an unreachable Tracker fails only
its record, which SQS redelivers and, after maxReceiveCount, moves to the dead-letter queue.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima import metrics
from skima.bootstrap import scorer as bootstrap
from skima.logs import function_logger
from skima.models import FeedbackGiven, QueueMessage, ReconcileRequest
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline

logger = function_logger()
# Report failures item by item even when all failed (the same retries, and no invocation error to alarm on).
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


class NotStarted(Exception):
    """Too little of the invocation is left to start this record: it fails unstarted, for a later delivery."""


def record_handler(record: SQSRecord, lambda_context: LambdaContext, deps: bootstrap.ScorerDeps | None) -> None:
    deps = deps or bootstrap.from_env()  # here, not per batch: a settings error fails each record, as any error
    remaining_ms = lambda_context.get_remaining_time_in_millis()
    if remaining_ms < deps.min_remaining_ms:
        # Reported as a batch item failure, not a timeout: the records already done stay done.
        raise NotStarted(f"{remaining_ms} ms left, {deps.min_remaining_ms} ms needed to start a record")
    message = QueueMessage.model_validate_json(record.body).root  # ValidationError: poison, fails this record
    deadline = Deadline.from_remaining_ms(remaining_ms)
    try:
        if isinstance(message, ReconcileRequest):
            # The poller's lease keeps this from overlapping a scheduled run; it outlives this invocation.
            lease_seconds = lambda_context.get_remaining_time_in_millis() // 1000 + 60
            polled = deps.poll(deadline, lambda_context.aws_request_id, lease_seconds)
            logger.info("reconcile polled", extra={"ran": polled.ran, "enqueued": polled.enqueued})
        elif isinstance(message, FeedbackGiven):
            written = deps.write_feedback(message, deadline)
            logger.info(
                "feedback written",
                extra={"job_id": message.job_id, "note": written.note_written, "stage_moved": written.stage_moved},
            )
        else:
            report = deps.score(message, deadline)
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
    except TrackerAuthError:
        metrics.count("TrackerAuthFailed")
        deps.forget_tracker_client()  # the admin may have put a new API token in the secret
        raise


@logger.inject_lambda_context
def lambda_handler(
    event: dict[str, Any], context: LambdaContext, deps: bootstrap.ScorerDeps | None = None
) -> PartialItemFailureResponse:
    return process_partial_response(
        event=event,
        record_handler=partial(record_handler, deps=deps),
        processor=processor,
        context=context,
    )
