"""The composition root of the `skima` command's admin commands: `skima links` (the links table and the link
signing key), `skima sync-health` (the state table) and `skima doctor` (a Tracker client of its own), and of the
shortlist announcer of `make dev` (the scores and links tables).

None of them loads the engine (the import contracts keep this module off numpy); `skima backfill` has its own root
(`backfill`), `skima score-batch` and `skima eval` theirs (`evaluation`). The CLI passes table names and secrets
from its flags, so these are builders per command rather than `build(settings)`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from skima.adapters import wiring
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.scoring.ports import ScoreStore
from skima.shortlist.ports import LinkStore
from skima.tracker.client import TrackerClient
from skima.tracker.settings import TrackerSettings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

ReadHealth = Callable[[], dict[str, str | int]]


def link_store(links_table: str, dynamodb: DynamoDBClient | None = None) -> LinkStore:
    """`dynamodb`: the client to reach the table through (default: the one boto3 configures from the environment;
    `make dev` passes its moto server's)."""
    return wiring.link_store(links_table) if dynamodb is None else DynamoLinkStore(dynamodb, links_table)


def score_store(scores_table: str, dynamodb: DynamoDBClient | None = None) -> ScoreStore:
    """The scores the scorer writes, for reading a job's top-10 (`make dev` announces the first shortlist ready)."""
    return DynamoScoreStore(dynamodb or wiring.dynamodb(), scores_table)


def link_signing_key(secret_arn: str) -> bytes:
    """The share links' signing key, from its secret. SecretUnavailable when the secret cannot be read, ValueError
    when its value is too short to be one."""
    return wiring.link_signing_key(secret_arn)


def sync_health_reader(state_table: str) -> ReadHealth:
    """Reads the sync health the poller and the scorer record in the state table (DependencyUnavailable when the
    table cannot be read)."""
    return wiring.state_store(state_table).read_health


def doctor_tracker_client(settings: TrackerSettings) -> AbstractContextManager[TrackerClient]:
    """A Tracker client on a connection of its own, closed on exit, with no request budget: `skima doctor` runs
    from a laptop against a tenant, not inside the stack."""
    return wiring.standalone_tracker_client(settings)
