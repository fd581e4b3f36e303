"""Shortlist function (Lambda Function URL): the hiring manager's no-login page and feedback form.

Thin: the Function URL event becomes a `WebRequest`; `skima.shortlist.web_app.ShortlistWeb` does the rest.
Never logs the path or the query (the path carries the capability token).
"""

from __future__ import annotations

import base64
import binascii
from functools import cache
from typing import Any
from urllib.parse import parse_qsl

import boto3
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima.adapters.dynamo_feedback import DynamoFeedbackStore
from skima.adapters.dynamo_links import DynamoGuessLimiter, DynamoLinkStore, DynamoShortlistSource
from skima.adapters.sqs import SqsMessageQueue
from skima.config import ShortlistSettings
from skima.logs import function_logger
from skima.shortlist.feedback import FeedbackService
from skima.shortlist.links import ShareLinks
from skima.shortlist.page import ShortlistPage
from skima.shortlist.web_app import ShortlistWeb, WebRequest, WebResponse, unavailable

logger = function_logger()


@cache
def web() -> ShortlistWeb:
    # Not skima.adapters.wiring: that wires Tracker, its API token secret and the state table (JWT, request
    # budget), none of which this public function may reach; it gets its own tables and the feedback queue only.
    settings = ShortlistSettings.from_env()
    client = boto3.client("dynamodb")
    source = DynamoShortlistSource(client, settings.scores_table)
    feedback_store = DynamoFeedbackStore(
        client, settings.feedback_table, retention_days=settings.feedback_retention_days
    )
    # The base URL only matters for creating links, which this function never does.
    links = ShareLinks(DynamoLinkStore(client, settings.links_table), base_url="")
    return ShortlistWeb(
        links,
        ShortlistPage(source, feedback_store, min_score=settings.shortlist_min_score),
        FeedbackService(source, feedback_store, SqsMessageQueue(boto3.client("sqs"), settings.feedback_queue_url)),
        DynamoGuessLimiter(client, settings.guess_table),
    )


def to_request(event: dict[str, Any]) -> WebRequest:
    headers = {str(key).lower(): str(value) for key, value in (event.get("headers") or {}).items()}
    raw_body = event.get("body") or ""
    body: bytes
    if event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(raw_body, validate=False)
        except (binascii.Error, ValueError):
            body = b"\xff"  # undecodable: the form parser refuses it with 422
    else:
        body = raw_body.encode("utf-8", "surrogatepass")
    query = dict(parse_qsl(event.get("rawQueryString") or "", keep_blank_values=True, max_num_fields=20))
    http = (event.get("requestContext") or {}).get("http") or {}
    return WebRequest(
        method=str(http.get("method") or "GET"),
        path=str(event.get("rawPath") or "/"),
        headers=headers,
        body=body,
        query=query,
        client_ip=str(http.get("sourceIp") or ""),
    )


def to_lambda(response: WebResponse) -> dict[str, Any]:
    return {"statusCode": response.status, "headers": response.headers, "body": response.body}


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    try:
        request = to_request(event)
    except ValueError:  # e.g. too many query fields
        return to_lambda(unavailable())
    response = web().handle(request)
    logger.info("shortlist request", extra={"method": request.method, "status": response.status})
    return to_lambda(response)
