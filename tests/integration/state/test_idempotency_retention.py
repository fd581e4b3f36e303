"""How long idempotency records last, pinned (issue 11 item 8). There is no Powertools idempotency utility in this
stack: duplicates are stopped by the StateTable's dedupe claims (the poller's enqueued changes) and the write-back
outbox (one Tracker note per key). These tests fail if either expiry is changed or dropped: a redelivery before
expiry is not processed again, one after expiry is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from local.harness.template import create_table
from skima.adapters.dynamo_state import DynamoStateStore
from skima.errors import WriteInProgress
from skima.models import RecordType
from skima.polling import Poller
from tests.fakes import FakeChangeFeed, FakeQueue
from tests.integration.state.test_dynamo_state import Clock
from tests.unit.polling.test_poller import LOOKBACK, T0

OUTBOX_RETENTION = timedelta(days=180)
POLL_DEDUPE_RETENTION = LOOKBACK + timedelta(days=2)


@pytest.fixture
def aws() -> Iterator[tuple[Any, str]]:
    with mock_aws():
        client = boto3.client("dynamodb")
        yield client, create_table(client, "StateTable")


def ttl_sweep(client: Any, table: str, clock: Clock) -> None:
    """What DynamoDB's TTL does (eventually): delete every item whose `expires_at` has passed."""
    for item in client.scan(TableName=table)["Items"]:
        if "expires_at" in item and int(item["expires_at"]["N"]) < int(clock.now.timestamp()):
            client.delete_item(TableName=table, Key={"pk": item["pk"], "sk": item["sk"]})


def test_a_written_back_note_stays_deduplicated_for_180_days_then_expires(aws: tuple[Any, str]) -> None:
    client, table = aws
    clock = Clock()
    store = DynamoStateStore(client, table, clock=clock)
    store.outbox_attempted("note#2001#1001#h1")
    store.outbox_done("note#2001#1001#h1", "act-1")
    item = client.get_item(TableName=table, Key={"pk": {"S": "outbox#note#2001#1001#h1"}, "sk": {"S": "outbox"}})
    assert int(item["Item"]["expires_at"]["N"]) == int((clock.now + OUTBOX_RETENTION).timestamp())

    clock.now += OUTBOX_RETENTION - timedelta(minutes=1)
    ttl_sweep(client, table, clock)
    with pytest.raises(WriteInProgress):  # a redelivery before expiry writes nothing
        store.outbox_attempted("note#2001#1001#h1")

    clock.now += timedelta(minutes=2)
    ttl_sweep(client, table, clock)
    assert store.outbox_status("note#2001#1001#h1") is None
    store.outbox_attempted("note#2001#1001#h1")  # after expiry it is processed again


@pytest.mark.parametrize(
    ("poller_down_for", "enqueued_again"),
    [(POLL_DEDUPE_RETENTION - timedelta(minutes=1), False), (POLL_DEDUPE_RETENTION + timedelta(minutes=1), True)],
)
def test_a_change_the_poller_sees_again_is_enqueued_again_only_after_its_dedupe_expired(
    aws: tuple[Any, str], poller_down_for: timedelta, enqueued_again: bool
) -> None:
    client, table = aws
    clock = Clock()
    clock.now = T0
    state = DynamoStateStore(client, table, clock=clock)
    feed, queue = FakeChangeFeed(), FakeQueue()
    feed.save(RecordType.RESOURCE, 1001, T0 - timedelta(minutes=5))

    def run() -> int:
        poller = Poller(feed, state, queue, owner="run", lookback=LOOKBACK, lease_seconds=300, clock=clock)
        return poller.run().enqueued

    assert run() == 1
    # The poller was down: its next run re-reads from the old watermark minus the lookback, so it sees the change.
    clock.now += poller_down_for
    assert run() == int(enqueued_again)
