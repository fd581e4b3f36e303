"""Client factories shared by the composition roots (`skima.bootstrap`): real adapters, built lazily, once per
container.

Every function wires Tracker, the state table and the queue through these, the same way (one JWT and one request
budget shared through the state table). Nothing here imports the engine: only the scorer carries the model layer
(numpy, onnxruntime), see `scorer_wiring`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import boto3
import httpx
from pydantic import SecretStr

from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.adapters.dynamo_state import DynamoBackfillCursor, DynamoRequestBudget, DynamoStateStore, DynamoTokenCache
from skima.adapters.secrets import CachedSecret
from skima.adapters.sqs import SqsMessageQueue
from skima.adapters.tracker_feed import TrackerTimezone
from skima.config import TrackerConfig
from skima.errors import SecretUnavailable
from skima.shortlist.tokens import signing_key_from_secret
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
def score_store(table_name: str, retention_days: int) -> DynamoScoreStore:
    return DynamoScoreStore(dynamodb(), table_name, retention_days=retention_days)


def backfill_cursor(table_name: str) -> DynamoBackfillCursor:
    return DynamoBackfillCursor(dynamodb(), table_name)


def link_store(table_name: str) -> DynamoLinkStore:
    return DynamoLinkStore(dynamodb(), table_name)


@cache
def link_signing_secret(secret_arn: str) -> CachedSecret:
    return CachedSecret(boto3.client("secretsmanager"), secret_arn)


def link_signing_key(secret_arn: str) -> bytes:
    """The share links' signing key, from its secret (read once per container, as CachedSecret caches)."""
    return signing_key_from_secret(link_signing_secret(secret_arn).value())


@cache
def tracker_timezone(table_name: str) -> TrackerTimezone:
    """The calibrated offset of Tracker's stamps (kept in the state table; re-read every few minutes)."""
    return TrackerTimezone(state_store(table_name))


@cache
def score_queue(queue_url: str) -> SqsMessageQueue:
    return SqsMessageQueue(boto3.client("sqs"), queue_url)


@dataclass(frozen=True)
class TrackerSecret:
    api_token: str = field(repr=False)
    widget_refresh_token: str | None = field(default=None, repr=False)
    widget_client_secret: str | None = field(default=None, repr=False)
    widget_api_key: str | None = field(default=None, repr=False)
    widget_username: str | None = None


def tracker_secret(value: str) -> TrackerSecret:
    """The Tracker secret: the API token alone, or a JSON object ``{"api_token": ..., "widget_refresh_token": ...,
    "widget_client_secret": ..., "widget_api_key": ..., "widget_username": ...}`` when the Widget API has
    credentials of its own (its OAuth2, or an api key other than the REST token)."""
    text = value.strip()
    if not text.startswith("{"):
        return TrackerSecret(text)
    try:
        data = json.loads(text)
    except ValueError:
        raise SecretUnavailable("the Tracker secret looks like JSON but does not parse") from None
    token = data.get("api_token") if isinstance(data, dict) else None
    if not isinstance(token, str) or not token.strip():
        raise SecretUnavailable("the Tracker secret's JSON has no api_token")

    def optional(key: str) -> str | None:
        item = data.get(key)
        return item.strip() if isinstance(item, str) and item.strip() else None

    return TrackerSecret(
        token.strip(),
        optional("widget_refresh_token"),
        optional("widget_client_secret"),
        optional("widget_api_key"),
        optional("widget_username"),
    )


@cache
def tracker_client(config: TrackerConfig) -> TrackerClient:
    """The Tracker client. After a TrackerAuthError call `tracker_client.cache_clear()`: the admin may have put a
    new API token in the secret, and the next invocation should read it."""
    secret = tracker_secret(CachedSecret(boto3.client("secretsmanager"), config.api_token_secret_arn).value())
    settings = TrackerSettings(
        rest_base_url=str(config.rest_url),
        widget_base_url=str(config.widget_url),
        api_token=SecretStr(secret.api_token),
        activity_type=config.activity_type,
        widget_auth=config.widget_auth,
        widget_oauth_refresh_token=SecretStr(secret.widget_refresh_token) if secret.widget_refresh_token else None,
        widget_oauth_client_secret=SecretStr(secret.widget_client_secret) if secret.widget_client_secret else None,
        widget_api_key=SecretStr(secret.widget_api_key) if secret.widget_api_key else None,
        widget_username=secret.widget_username,
    )
    return TrackerClient(
        httpx.Client(),
        settings,
        token_cache=DynamoTokenCache(dynamodb(), config.state_table),
        # One counter for every function; each counts up to its own ceiling (votes may use the reserve).
        request_budget=DynamoRequestBudget(dynamodb(), config.state_table, limit=config.request_ceiling()),
    )


@contextmanager
def standalone_tracker_client(settings: TrackerSettings) -> Iterator[TrackerClient]:
    """A Tracker client on an HTTP connection of its own, closed on exit, its JWT kept in memory and no request
    budget: for `skima doctor`, which runs from a laptop against a tenant rather than inside the stack."""
    with httpx.Client() as http:
        yield TrackerClient(http, settings)
