"""Feedback function (SQS, partial batch failures): a hiring manager's vote → one `HM Feedback` note in Tracker.

Its own queue and no model: a vote never waits behind the scoring backlog or a model load. Each record succeeds or
fails alone; a failed one is redelivered and, after maxReceiveCount, kept in the feedback dead-letter queue. The
outbox (state table) makes a redelivery write nothing twice.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima import metrics
from skima.bootstrap import feedback as bootstrap
from skima.logs import function_logger
from skima.models import FeedbackQueueMessage
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline

logger = function_logger()
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


def record_handler(record: SQSRecord, lambda_context: LambdaContext, deps: bootstrap.FeedbackDeps | None) -> None:
    deps = deps or bootstrap.from_env()  # here, not per batch: a settings error fails each record, as any error
    message = FeedbackQueueMessage.model_validate_json(record.body).root  # ValidationError: poison, fails alone
    deadline = Deadline.from_remaining_ms(lambda_context.get_remaining_time_in_millis())
    try:
        report = deps.write_feedback(message, deadline)
    except TrackerAuthError:
        metrics.count("TrackerAuthFailed")
        deps.forget_tracker_client()  # the admin may have put a new API token in the secret
        raise
    except Exception:
        # The batch processor reports the item as failed without a word: say why, for whoever redrives the DLQ.
        logger.exception("feedback not written", extra={"job_id": message.job_id, "link_id": message.link_id})
        raise
    logger.info(
        "feedback written",
        extra={
            "job_id": message.job_id,
            "link_id": message.link_id,
            "note": report.note_written,
            "stage_moved": report.stage_moved,
        },
    )


@logger.inject_lambda_context
def lambda_handler(
    event: dict[str, Any], context: LambdaContext, deps: bootstrap.FeedbackDeps | None = None
) -> PartialItemFailureResponse:
    return process_partial_response(
        event=event,
        record_handler=partial(record_handler, deps=deps),
        processor=processor,
        context=context,
    )
