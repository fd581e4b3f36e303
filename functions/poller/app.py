"""Poller function (EventBridge schedule): Tracker changes since the watermark → score queue; sync health."""

from __future__ import annotations

from datetime import timedelta
from functools import cache
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from skima import metrics
from skima.adapters import wiring
from skima.adapters.tracker_feed import TrackerChangeFeed
from skima.config import PollerSettings
from skima.logs import function_logger
from skima.polling import Poller
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline

logger = function_logger()


@cache
def settings() -> PollerSettings:
    return PollerSettings.from_env()


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    config = settings()
    remaining_ms = context.get_remaining_time_in_millis()
    deadline = Deadline.from_remaining_ms(remaining_ms)
    poller = Poller(
        TrackerChangeFeed(wiring.tracker_client(config), lambda: deadline, wiring.tracker_timezone(config.state_table)),
        wiring.state_store(config.state_table),
        wiring.score_queue(config.score_queue_url),
        owner=context.aws_request_id,
        lookback=timedelta(minutes=config.poll_lookback_minutes),
        pipeline_checks_per_run=config.poll_pipeline_checks,
        lease_seconds=remaining_ms // 1000 + 60,  # outlives this invocation, so a retry cannot overlap it
    )
    try:
        report = poller.run()
    except TrackerAuthError:
        metrics.count("TrackerAuthFailed")
        wiring.tracker_client.cache_clear()  # re-read the API token secret next time
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
