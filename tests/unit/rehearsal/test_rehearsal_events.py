"""The deploy rehearsal's own pieces that need no LocalStack: the HTTP API event it invokes the deployed webhook
function with (the HTTP API itself is missing from LocalStack's community edition) and the Function URL routing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import parse_qs

from aws_lambda_powertools.utilities.parser.models import APIGatewayProxyEventV2Model

from local.rehearsal.__main__ import api_gateway_event, through_gateway

NOW = datetime(2026, 12, 5, 13, 4, 5, tzinfo=UTC)


def test_the_webhook_event_is_an_http_api_post_carrying_the_ping_and_token() -> None:
    ping = {"recordType": "Placement", "action": "Created", "recordId": 5003}

    event = APIGatewayProxyEventV2Model.model_validate(api_gateway_event(ping, "t0k&en=x", NOW))

    assert event.requestContext.http.method == "POST"
    assert event.rawPath == "/webhook/tracker"
    assert json.loads(event.body or "") == ping
    assert event.queryStringParameters == {"token": "t0k&en=x"}
    assert parse_qs(event.rawQueryString) == {"token": ["t0k&en=x"]}  # encoded, as API Gateway passes it on
    assert event.headers["content-length"] == str(len((event.body or "").encode()))
    assert event.requestContext.timeEpoch == NOW
    assert event.isBase64Encoded is False


def test_each_event_has_its_own_request_id() -> None:
    first = api_gateway_event({"recordId": 1}, "t", NOW)["requestContext"]["requestId"]
    second = api_gateway_event({"recordId": 1}, "t", NOW)["requestContext"]["requestId"]
    assert first != second


def test_a_function_url_is_reached_through_the_gateway_with_its_host_name() -> None:
    url = "http://a1b2c3.lambda-url.us-east-1.localhost.localstack.cloud:4566/s/Tok-en_1?x=1"

    target, host = through_gateway(url, "127.0.0.1:4566")

    assert target == "http://127.0.0.1:4566/s/Tok-en_1?x=1"
    assert host == "a1b2c3.lambda-url.us-east-1.localhost.localstack.cloud:4566"
