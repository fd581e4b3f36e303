"""Composition roots shared by the handlers: real adapters, built lazily, once per container.

Handlers call these instead of building clients themselves, so every function wires Tracker, the state table and
the queue the same way (one JWT and one request budget shared through the state table). Nothing here imports the
engine: only the scorer carries the model layer (numpy, onnxruntime), see `scorer_wiring`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import boto3
import httpx
from pydantic import SecretStr

from skima.adapters.dynamo_request_budget import DynamoRequestBudget
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.adapters.dynamo_state import DynamoStateStore
from skima.adapters.dynamo_token_cache import DynamoTokenCache
from skima.adapters.secrets import CachedSecret
from skima.adapters.sqs import SqsMessageQueue
from skima.config import TrackerConfig
from skima.tracker.client import TrackerClient
from skima.tracker.settings import TrackerSettings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


@cache
def dynamodb() -> DynamoDBClient:
    return boto3.client("dynamodb")


@cache
def state_store(table_name: str) -> DynamoStateStore:
    return DynamoStateStore(dynamodb(), table_name)


@cache
def score_store(table_name: str) -> DynamoScoreStore:
    return DynamoScoreStore(dynamodb(), table_name)


@cache
def score_queue(queue_url: str) -> SqsMessageQueue:
    return SqsMessageQueue(boto3.client("sqs"), queue_url)


@cache
def tracker_client(config: TrackerConfig) -> TrackerClient:
    """The Tracker client. After a TrackerAuthError call `tracker_client.cache_clear()`: the admin may have put a
    new API token in the secret, and the next invocation should read it."""
    api_token = CachedSecret(boto3.client("secretsmanager"), config.api_token_secret_arn).value()
    settings = TrackerSettings(
        rest_base_url=str(config.rest_url),
        widget_base_url=str(config.widget_url),
        api_token=SecretStr(api_token.strip()),
    )
    return TrackerClient(
        httpx.Client(),
        settings,
        token_cache=DynamoTokenCache(dynamodb(), config.state_table),
        request_budget=DynamoRequestBudget(dynamodb(), config.state_table, limit=config.requests_per_minute),
    )
