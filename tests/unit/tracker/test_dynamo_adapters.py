"""DynamoDB adapters for the shared JWT and the shared request budget (moto, table created inline)."""

from __future__ import annotations

import threading
import time

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from skima.adapters.dynamo_state import DynamoRequestBudget, DynamoTokenCache, slice_key
from skima.tracker import CachedJwt, TrackerUnavailable
from skima.tracker.auth import JwtProvider
from skima.tracker.timing import Deadline
from tests.unit.tracker.fakes import FakeTime

TABLE = "state"


@pytest.fixture
def dynamodb():
    with mock_aws():
        client = boto3.client("dynamodb", region_name="eu-west-2")
        client.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        yield client


def _item(client, pk: str, sk: str) -> dict | None:
    return client.get_item(TableName=TABLE, Key={"pk": {"S": pk}, "sk": {"S": sk}}).get("Item")


def test_token_cache_round_trip_and_lock(dynamodb, fake_time):
    cache = DynamoTokenCache(dynamodb, TABLE, wall_clock=fake_time.wall, ttl_grace_seconds=86400)
    assert cache.read() is None
    first = cache.try_lock("fn-a", 20)
    assert first.acquired and first.current is None
    assert not cache.try_lock("fn-b", 20).acquired
    assert cache.try_lock("fn-a", 20).acquired  # re-entrant for the same owner
    jwt = CachedJwt(token="jwt-abc", expires_at=fake_time.wall() + 3600)
    assert cache.store_and_unlock(jwt, "fn-a")
    assert cache.read() == jwt
    item = _item(dynamodb, "tracker#jwt", "current")
    assert item is not None
    assert "lock_owner" not in item
    assert int(item["expires_at"]["N"]) == int(jwt.expires_at + 86400)
    second = cache.try_lock("fn-b", 20)
    assert second.acquired and second.current == jwt


def test_token_cache_lease_expires(dynamodb, fake_time):
    cache = DynamoTokenCache(dynamodb, TABLE, wall_clock=fake_time.wall)
    assert cache.try_lock("crashed", 5).acquired
    assert not cache.try_lock("other", 5).acquired
    fake_time.advance(6)
    assert cache.try_lock("other", 5).acquired
    assert not cache.store_and_unlock(CachedJwt("late", 1.0), "crashed")  # lost its lease
    assert cache.read() is None


def test_token_cache_unlock_only_by_owner(dynamodb, fake_time):
    cache = DynamoTokenCache(dynamodb, TABLE, wall_clock=fake_time.wall)
    assert cache.try_lock("a", 60).acquired
    cache.unlock("b")
    assert not cache.try_lock("c", 60).acquired
    cache.unlock("a")
    assert cache.try_lock("c", 60).acquired


def test_token_cache_reports_dynamodb_outage_as_unavailable(fake_time):
    class Broken:
        def get_item(self, **kwargs):
            raise ClientError({"Error": {"Code": "InternalServerError", "Message": "boom"}}, "GetItem")

        update_item = get_item

    cache = DynamoTokenCache(Broken(), TABLE, wall_clock=fake_time.wall)  # type: ignore[arg-type]
    with pytest.raises(TrackerUnavailable):
        cache.read()
    with pytest.raises(TrackerUnavailable):
        cache.try_lock("a", 5)


class _Serialised:
    """moto's conditional writes are not atomic across threads (real DynamoDB's are): serialise calls."""

    def __init__(self, client) -> None:
        self._client, self._lock = client, threading.Lock()

    def __getattr__(self, name):
        attr = getattr(self._client, name)

        def call(*args, **kwargs):
            with self._lock:
                return attr(*args, **kwargs)

        return call


def test_providers_sharing_the_dynamo_cache_exchange_once(dynamodb):
    cache = DynamoTokenCache(_Serialised(dynamodb), TABLE)
    calls: list[int] = []
    lock = threading.Lock()

    def exchange(deadline: Deadline) -> CachedJwt:
        with lock:
            calls.append(1)
        threading.Event().wait(0.05)
        return CachedJwt(token=f"jwt-{len(calls)}", expires_at=2_000_000_000.0)

    providers = [
        JwtProvider(cache, exchange, sleep=time.sleep, wall_clock=time.time, wait_step_seconds=0.01) for _ in range(5)
    ]
    barrier = threading.Barrier(5)
    tokens: list[str] = []

    def work(provider: JwtProvider) -> None:
        barrier.wait()
        tokens.append(provider.token(Deadline.after(10)))

    threads = [threading.Thread(target=work, args=(p,)) for p in providers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(calls) == 1
    assert tokens == ["jwt-1"] * 5


def test_request_budget_counts_per_slice_and_waits_for_the_next(dynamodb):
    t = FakeTime(start_wall=6_000.0)
    budget = DynamoRequestBudget(dynamodb, TABLE, limit=3, window_seconds=60, wall_clock=t.wall, ttl_grace_seconds=3600)
    assert [budget.try_acquire() for _ in range(3)] == [0.0, 0.0, 0.0]
    t.advance(2)
    assert budget.try_acquire() == pytest.approx(3)  # the next 5 s slice
    item = _item(dynamodb, "tracker#budget", slice_key(6000))
    assert item is not None
    assert item["request_count"]["N"] == "3"
    assert item["expires_at"]["N"] == str(6000 + 60 + 5 + 3600)
    t.advance(3)
    assert budget.try_acquire() > 0  # still within a minute of the three
    t.advance(60)
    assert budget.try_acquire() == 0.0
    assert _item(dynamodb, "tracker#budget", slice_key(6065))["request_count"]["N"] == "1"


def test_no_sliding_minute_holds_more_than_the_limit(dynamodb):
    # A fixed per-minute counter allows 90 at 6059 s and 90 more at 6060 s; Tracker's own limit slides.
    t = FakeTime(start_wall=6_000.0)
    budget = DynamoRequestBudget(dynamodb, TABLE, limit=90, wall_clock=t.wall)
    granted: list[float] = []
    for _ in range(600):  # 300 s of constant pressure, one attempt every 0.5 s and bursts of 4
        for _ in range(4):
            if budget.try_acquire() == 0.0:
                granted.append(t.wall())
        t.advance(0.5)
    granted.sort()
    for index, start in enumerate(granted):
        in_minute = sum(1 for at in granted[index:] if at < start + 60)
        assert in_minute <= 90
    assert len(granted) >= 90 * 300 / 65 - 90  # and the budget is used: ~90 per 65 s under pressure


def test_request_budget_shared_by_two_functions_never_exceeds_the_limit(dynamodb):
    t = FakeTime(start_wall=6_000.0)
    shared = _Serialised(dynamodb)  # one lock: both "functions" talk to the same (atomic) table
    a = DynamoRequestBudget(shared, TABLE, limit=10, wall_clock=t.wall)
    b = DynamoRequestBudget(shared, TABLE, limit=10, wall_clock=t.wall)
    threads_results: list[float] = []
    lock = threading.Lock()

    def hammer(budget: DynamoRequestBudget) -> None:
        for _ in range(15):
            result = budget.try_acquire()
            with lock:
                threads_results.append(result)

    threads = [threading.Thread(target=hammer, args=(x,)) for x in (a, b, a, b)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    granted = sum(1 for r in threads_results if r == 0.0)
    assert granted == 10


def test_request_budget_rejects_bad_limits(dynamodb):
    with pytest.raises(ValueError):
        DynamoRequestBudget(dynamodb, TABLE, limit=0)


def test_request_budget_reads_the_minute_before_once_per_slice(dynamodb):
    class CountingQueries:
        def __init__(self, client):
            self.client, self.queries = client, 0

        def query(self, **kwargs):
            self.queries += 1
            return self.client.query(**kwargs)

        def __getattr__(self, name):
            return getattr(self.client, name)

    t = FakeTime(start_wall=6_000.0)
    counting = CountingQueries(dynamodb)
    budget = DynamoRequestBudget(counting, TABLE, limit=90, wall_clock=t.wall)
    assert [budget.try_acquire() for _ in range(20)] == [0.0] * 20
    assert counting.queries == 1  # the earlier slices are closed: their sum does not change within a slice
    t.advance(5)
    budget.try_acquire()
    assert counting.queries == 2
