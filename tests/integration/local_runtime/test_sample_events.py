"""events/*.json: one per function, in the shape the template's event sources deliver."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.template import Template, function_properties
from skima.models import FeedbackQueueMessage, QueueMessage, RecordChanged

EVENTS = REPO_ROOT / "events"


def load(name: str) -> Any:
    return json.loads((EVENTS / name).read_text())


def test_webhook_post_matches_the_templates_route() -> None:
    event = load("webhook_post.json")
    route = function_properties(Template.load(REPO_ROOT / "template.yaml"), "WebhookFunction")["Events"]
    properties = route["TrackerPing"]["Properties"]
    assert event["routeKey"] == f"{properties['Method']} {properties['Path']}"
    assert event["version"] == "2.0" and event["requestContext"]["http"]["method"] == "POST"
    assert event["queryStringParameters"]["token"] and json.loads(event["body"])["recordId"] == 1234


def test_score_batch_bodies_are_queue_messages() -> None:
    records = load("score_batch.json")["Records"]
    assert len(records) == 2
    for record in records:
        assert isinstance(QueueMessage.model_validate_json(record["body"]).root, RecordChanged)
        assert record["md5OfBody"] == hashlib.md5(record["body"].encode()).hexdigest()
        assert record["eventSource"] == "aws:sqs"
    assert len({record["messageId"] for record in records}) == 2


def test_feedback_batch_bodies_are_votes() -> None:
    (record,) = load("feedback_batch.json")["Records"]
    vote = FeedbackQueueMessage.model_validate_json(record["body"]).root
    assert vote.verdict == "up" and vote.voter_name
    assert record["md5OfBody"] == hashlib.md5(record["body"].encode()).hexdigest()
    assert record["eventSourceARN"].endswith("FeedbackQueue")


def test_schedule_and_function_url_events() -> None:
    schedule = load("poll_schedule.json")
    assert schedule["source"] == "aws.scheduler" and schedule["detail-type"] == "Scheduled Event"
    shortlist = load("shortlist_get.json")
    assert shortlist["routeKey"] == "$default" and shortlist["requestContext"]["http"]["method"] == "GET"
    assert ".lambda-url." in shortlist["requestContext"]["domainName"]
