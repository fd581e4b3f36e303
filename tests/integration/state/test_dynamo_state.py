"""The state table adapter against moto, with the key schema read from template.yaml."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from moto import mock_aws

from local.harness.template import create_table
from skima.adapters import dynamo_state
from skima.adapters.dynamo_state import DynamoStateStore
from skima.errors import WriteInProgress
from tests.fakes import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> Iterator[DynamoStateStore]:
    with mock_aws():
        client = boto3.client("dynamodb")
        yield DynamoStateStore(client, create_table(client, "StateTable"), clock=clock)


def test_only_one_holder_of_a_lease_until_it_expires(store: DynamoStateStore, clock: Clock) -> None:
    assert store.acquire_lease("poller", "run-a", ttl_seconds=60)
    assert not store.acquire_lease("poller", "run-b", ttl_seconds=60)
    assert store.acquire_lease("poller", "run-a", ttl_seconds=60)  # the holder may renew
    clock.now += timedelta(seconds=61)
    assert store.acquire_lease("poller", "run-b", ttl_seconds=60)  # a dead holder's lease lapses


def test_release_frees_the_lease_but_not_someone_elses(store: DynamoStateStore) -> None:
    assert store.acquire_lease("poller", "run-a", ttl_seconds=60)
    store.release_lease("poller", "run-b")
    assert not store.acquire_lease("poller", "run-b", ttl_seconds=60)
    store.release_lease("poller", "run-a")
    assert store.acquire_lease("poller", "run-b", ttl_seconds=60)


def test_watermark_only_moves_forward(store: DynamoStateStore) -> None:
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    assert store.get_watermark("R") is None
    assert store.advance_watermark("R", start)
    assert store.advance_watermark("R", start + timedelta(minutes=5))
    assert not store.advance_watermark("R", start)
    assert store.get_watermark("R") == start + timedelta(minutes=5)
    assert store.advance_watermark("R", start + timedelta(minutes=5))  # equal is fine (inclusive re-read)


def test_a_dedupe_key_is_claimed_once_until_it_expires(store: DynamoStateStore, clock: Clock) -> None:
    assert store.claim("Resource#1#2026-11-28T08:00:00", ttl_seconds=600)
    assert not store.claim("Resource#1#2026-11-28T08:00:00", ttl_seconds=600)
    clock.now += timedelta(seconds=601)
    assert store.claim("Resource#1#2026-11-28T08:00:00", ttl_seconds=600)
    store.release_claim("Resource#1#2026-11-28T08:00:00")
    assert store.claim("Resource#1#2026-11-28T08:00:00", ttl_seconds=600)


def test_sync_health_sets_text_and_adds_counts(store: DynamoStateStore) -> None:
    store.record_health(last_ping_seen="2026-11-28T09:00:00+00:00", pings=1)
    store.record_health(last_poll="2026-11-28T09:10:00+00:00", pings=2, found_by_poll_only=3)
    assert store.read_health() == {
        "last_ping_seen": "2026-11-28T09:00:00+00:00",
        "last_poll": "2026-11-28T09:10:00+00:00",
        "pings": 3,
        "found_by_poll_only": 3,
    }


def test_a_write_back_in_progress_elsewhere_is_not_made_twice(
    store: DynamoStateStore, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.outbox_attempted("note#k1")  # this container starts the write
    monkeypatch.setattr(dynamo_state, "_PROCESS_OWNER", "another-container")
    with pytest.raises(WriteInProgress):  # a concurrent duplicate of the message elsewhere
        store.outbox_attempted("note#k1")
    clock.now += timedelta(seconds=dynamo_state.OUTBOX_LEASE_SECONDS + 1)
    store.outbox_attempted("note#k1")  # the first attempt died: taken over after the lease
    assert store.outbox_status("note#k1") == "attempted"


def test_a_write_back_done_is_never_attempted_again(store: DynamoStateStore) -> None:
    store.outbox_attempted("note#k2")
    store.outbox_done("note#k2", "5001")
    with pytest.raises(WriteInProgress):
        store.outbox_attempted("note#k2")
    assert store.outbox_status("note#k2") == "done"


def test_the_same_container_may_resume_its_own_attempt(store: DynamoStateStore) -> None:
    store.outbox_attempted("note#k3")
    store.outbox_attempted("note#k3")  # an SQS retry in the same warm container
    assert store.outbox_status("note#k3") == "attempted"


def test_a_jobs_announced_top10_round_trips(store: DynamoStateStore, clock: Clock) -> None:
    from skima.job_summary import AnnouncedTopTen, TopTenEntry  # noqa: PLC0415

    assert store.announced_top10(2001) is None
    baseline = AnnouncedTopTen((TopTenEntry(1001, 91), TopTenEntry(1002, 77)), None)
    store.remember_top10(2001, baseline)
    assert store.announced_top10(2001) == baseline
    announced = AnnouncedTopTen((TopTenEntry(1003, 95),), clock.now)
    store.remember_top10(2001, announced)
    assert store.announced_top10(2001) == announced
    assert store.announced_top10(2002) is None  # per job
