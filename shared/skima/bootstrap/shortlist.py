"""The shortlist function's composition root: its own tables and the feedback queue, nothing else.

Not `skima.adapters.wiring`: that wires Tracker, its API token secret and the state table (JWT, request budget),
none of which this public function may reach.
"""

from __future__ import annotations

from functools import cache

from skima.adapters import aws_clients
from skima.adapters.dynamo_feedback import DynamoFeedbackStore
from skima.adapters.dynamo_guess_limit import DynamoGuessLimiter
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_scores import DynamoShortlistSource
from skima.adapters.sqs import SqsMessageQueue
from skima.config import ShortlistSettings
from skima.shortlist.feedback import FeedbackService
from skima.shortlist.links import ShareLinks
from skima.shortlist.page import ShortlistPage
from skima.shortlist.web_app import ShortlistWeb


def build(settings: ShortlistSettings) -> ShortlistWeb:
    client = aws_clients.dynamodb()
    source = DynamoShortlistSource(client, settings.scores_table)
    feedback_store = DynamoFeedbackStore(
        client, settings.feedback_table, retention_days=settings.feedback_retention_days
    )
    # The base URL only matters for creating links, which this function never does.
    links = ShareLinks(DynamoLinkStore(client, settings.links_table), base_url="")
    return ShortlistWeb(
        links,
        ShortlistPage(source, feedback_store, min_score=settings.shortlist_min_score),
        FeedbackService(source, feedback_store, SqsMessageQueue(aws_clients.sqs(), settings.feedback_queue_url)),
        DynamoGuessLimiter(client, settings.guess_table),
    )


@cache
def from_env() -> ShortlistWeb:
    return build(ShortlistSettings.from_env())
