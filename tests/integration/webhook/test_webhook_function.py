"""The webhook function end to end in-process: API Gateway HTTP API v2 events → moto SQS, secret in moto."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto import mock_aws

from local.harness.handlers import FakeLambdaContext, load_handler
from skima.bootstrap import webhook as webhook_bootstrap
from skima.models import QueueMessage, RecordChanged, RecordType

TOKEN = "A" * 48
PREVIOUS = "B" * 48


def http_event(
    body: str | bytes | None,
    query: str = f"token={TOKEN}",
    *,
    method: str = "POST",
    path: str = "/webhook/tracker",
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    is_binary = isinstance(body, bytes)
    params: dict[str, str] = {}
    for part in filter(None, query.split("&")):
        key, _, value = part.partition("=")
        params[key] = f"{params[key]},{value}" if key in params else value
    return {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": query,
        "queryStringParameters": params or None,
        "headers": {"content-type": "application/json", **(headers or {})},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api",
            "domainName": "api.example.com",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.9",
                "userAgent": "Tracker",
            },
            "requestId": "req",
            "routeKey": f"{method} {path}",
            "stage": "$default",
            "time": "28/Nov/2026:09:00:00 +0000",
            "timeEpoch": 1795856400000,
        },
        "body": base64.b64encode(body).decode() if is_binary else body,
        "isBase64Encoded": is_binary,
    }


class Stack:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sqs = boto3.client("sqs")
        self.queue_url = self.sqs.create_queue(QueueName="score")["QueueUrl"]
        secrets = boto3.client("secretsmanager")
        self.secret_arn = secrets.create_secret(
            Name="webhook-token", SecretString=json.dumps({"current": TOKEN, "previous": PREVIOUS})
        )["ARN"]
        monkeypatch.setenv("SCORE_QUEUE_URL", self.queue_url)
        monkeypatch.setenv("WEBHOOK_TOKEN_SECRET_ARN", self.secret_arn)
        monkeypatch.setenv("WEBHOOK_MAX_BODY_BYTES", "4096")
        monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "Skima")
        self.handler = load_handler("webhook")
        webhook_bootstrap.from_env.cache_clear()

    def call(self, event: dict[str, Any]) -> dict[str, Any]:
        response: dict[str, Any] = self.handler.lambda_handler(event, FakeLambdaContext())
        return response

    def drain(self) -> list[Any]:
        bodies = []
        while True:
            got = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10)
            if not got.get("Messages"):
                return bodies
            for message in got["Messages"]:
                bodies.append(QueueMessage.model_validate_json(message["Body"]).root)
                self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])


@pytest.fixture
def stack(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stack]:
    with mock_aws():
        yield Stack(monkeypatch)


def test_a_tracker_ping_is_enqueued_and_answered_202(stack: Stack) -> None:
    response = stack.call(http_event('{"recordType":"OpportunityResource","action":"Created","recordId":301}'))
    assert response["statusCode"] == 202
    assert json.loads(response["body"]) == {"status": "enqueued", "records": 1}
    (message,) = stack.drain()
    assert isinstance(message, RecordChanged)
    assert (message.record_type, message.record_id, message.source) == (RecordType.OPPORTUNITY_RESOURCE, 301, "webhook")


def test_the_previous_token_still_works_during_rotation(stack: Stack) -> None:
    assert stack.call(http_event('{"recordType":"Resource","recordId":1}', f"token={PREVIOUS}"))["statusCode"] == 202
    assert len(stack.drain()) == 1


@pytest.mark.parametrize("query", ["", "token=", "token=nope", f"token={TOKEN}x", f"tok={TOKEN}"])
def test_bad_tokens_get_a_neutral_200_a_metric_and_nothing_is_enqueued(
    stack: Stack, query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    response = stack.call(http_event('{"recordType":"Resource","recordId":1}', query))
    # 200, not 401: Tracker must not count the hook as failing (and disable it); nothing is enqueued
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"status": "ignored"}
    assert stack.drain() == []
    assert '"WebhookAuthRejected"' in capsys.readouterr().out


def test_oversized_body_gets_413(stack: Stack) -> None:
    response = stack.call(http_event('{"pad":"' + "x" * 5000 + '"}'))
    assert response["statusCode"] == 413
    assert stack.drain() == []


def test_other_routes_and_methods_are_not_found(stack: Stack) -> None:
    assert stack.call(http_event("{}", method="GET"))["statusCode"] in {404, 405}
    assert stack.call(http_event("{}", path="/webhook/other"))["statusCode"] == 404
    assert stack.drain() == []


def test_token_never_appears_in_logs(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    stack.call(http_event('{"recordType":"Resource","recordId":1}'))
    stack.call(http_event("{", f"token={TOKEN}"))
    stack.call(http_event("{}", "token=wrong-token-guess"))
    captured = capsys.readouterr()
    assert TOKEN not in captured.out + captured.err
    assert "wrong-token-guess" not in captured.out + captured.err


def test_queue_outage_answers_202_deferred_and_emits_the_alarm_metric(
    stack: Stack, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SCORE_QUEUE_URL", stack.queue_url + "-missing")
    webhook_bootstrap.from_env.cache_clear()
    response = stack.call(http_event('{"recordType":"Resource","recordId":1}'))
    assert response["statusCode"] == 202 and json.loads(response["body"])["status"] == "deferred"
    assert '"EnqueueFailed"' in capsys.readouterr().out


def test_secret_store_outage_is_503_not_500(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_TOKEN_SECRET_ARN", stack.secret_arn + "-missing")
    webhook_bootstrap.from_env.cache_clear()
    assert stack.call(http_event('{"recordType":"Resource","recordId":1}'))["statusCode"] == 503
    assert stack.drain() == []


header_names = st.sampled_from(["content-type", "Content-Type", "x-forwarded-for", "user-agent", "transfer-encoding"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.one_of(st.none(), st.binary(max_size=600), st.text(max_size=600)),
    token=st.one_of(st.just(TOKEN), st.text(max_size=60)),
    extra_query=st.text(alphabet="abc=&%+token", max_size=20),
    headers=st.dictionaries(header_names, st.text(max_size=30), max_size=3),
)
def test_garbage_never_gets_a_500_and_rejections_enqueue_nothing(
    stack: Stack, body: bytes | str | None, token: str, extra_query: str, headers: dict[str, str]
) -> None:
    response = stack.call(http_event(body, f"token={token}&{extra_query}", headers=headers))
    status = response["statusCode"]
    assert status in {200, 202, 400, 413}, response
    sent = stack.drain()
    if status != 202:  # 200 is a wrong token, answered neutrally
        assert sent == []
    else:
        assert 1 <= len(sent) <= 10
