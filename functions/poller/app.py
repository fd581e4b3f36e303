"""Poller function (EventBridge schedule): Tracker changes since the watermark → score queue; sync health."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from skima import metrics
from skima.bootstrap import poller as bootstrap
from skima.logs import function_logger
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline

logger = function_logger()


@logger.inject_lambda_context
def lambda_handler(
    event: dict[str, Any], context: LambdaContext, deps: bootstrap.PollerDeps | None = None
) -> dict[str, Any]:
    deps = deps or bootstrap.from_env()
    remaining_ms = context.get_remaining_time_in_millis()
    try:
        # The lease outlives this invocation, so a retry cannot overlap it.
        report = deps.poll(Deadline.from_remaining_ms(remaining_ms), context.aws_request_id, remaining_ms // 1000 + 60)
    except TrackerAuthError:
        metrics.count("TrackerAuthFailed")
        deps.forget_tracker_client()  # re-read the API token secret next time
        raise
    if report.ran:
        metrics.count("PollSucceeded")  # its absence is what the poller-silence alarm watches
    return {
        "ran": report.ran,
        "found": report.found,
        "enqueued": report.enqueued,
        "unannounced": report.unannounced,
        "open_jobs": report.open_jobs,
        "pipelines_checked": len(report.pipelines_checked),
    }
