"""The shared JWT: one exchange, recovery from 401 without loops, bad API token is not retried."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from skima.tracker import (
    CachedJwt,
    InMemoryTokenCache,
    RetryPolicy,
    TokenBucket,
    TrackerAuthError,
    TrackerClient,
    TrackerSettings,
    TrackerUnavailable,
)
from skima.tracker.auth import JwtProvider
from skima.tracker.timing import Deadline
from tests.unit.tracker.fakes import FakeTrackerApi, respond


def _exchanges(tracker: FakeTrackerApi) -> int:
    return tracker.paths().count("/api/Auth/ExchangeToken")


def test_one_exchange_serves_many_calls(make_client, tracker):
    client = make_client()
    for _ in range(5):
        client.get_resource(7)
    assert _exchanges(tracker) == 1


def test_exchange_sends_the_api_token_in_the_body(make_client, tracker):
    bodies: list[bytes] = []
    tracker.interceptors.append(lambda r: bodies.append(r.content) if r.url.path == "/api/Auth/ExchangeToken" else None)
    make_client().ensure_token()
    assert b'"bearerToken"' in bodies[0]


def test_bad_api_token_raises_auth_error_and_is_not_retried(make_client, tracker, fake_time):
    tracker.api_token = "a-different-token"
    client = make_client()
    with pytest.raises(TrackerAuthError):
        client.get_resource(7)
    assert _exchanges(tracker) == 1
    assert fake_time.sleeps == []


def test_401_after_invalidation_reexchanges_once(make_client, tracker):
    client = make_client()
    client.get_resource(7)
    tracker.valid_jwt = "revoked-elsewhere"
    assert client.get_resource(7).resource_id == 7
    assert _exchanges(tracker) == 2


def test_401_uses_the_jwt_another_caller_already_stored(make_client, tracker, fake_time):
    cache = InMemoryTokenCache(wall_clock=fake_time.wall)
    first, second = make_client(cache=cache), make_client(cache=cache)
    first.get_resource(7)
    second.get_resource(7)
    assert _exchanges(tracker) == 1  # the second client took the cached JWT
    tracker.valid_jwt = "invalidated"
    first.get_resource(7)  # re-exchanges: the cache still held the JWT that failed
    second.get_resource(7)  # 401 with its old JWT -> finds the new one in the cache, no exchange
    assert _exchanges(tracker) == 2


def test_two_clients_alternating_do_not_401_loop(make_client, tracker, fake_time):
    cache = InMemoryTokenCache(wall_clock=fake_time.wall)
    clients = [make_client(cache=cache), make_client(cache=cache)]
    for i in range(20):
        clients[i % 2].get_resource(7)
    assert _exchanges(tracker) == 1
    resource_reads = [p for p in tracker.paths() if p == "/api/v1/Resource/7"]
    assert len(resource_reads) == 20  # no request needed a second attempt


def test_401_storm_longer_than_recoveries_is_unavailable_not_auth(make_client, tracker, fake_time):
    tracker.interceptors.append(respond(401, times=100, path="/api/v1/Resource"))
    client = make_client(max_auth_recoveries=2)
    with pytest.raises(TrackerUnavailable) as raised:
        client.get_resource(7)
    assert raised.value.status_code == 401
    # initial exchange + one re-exchange per recovery, never more
    assert _exchanges(tracker) == 3


def test_short_401_storm_is_ridden_out(make_client, tracker):
    client = make_client()
    client.ensure_token()
    tracker.interceptors.append(respond(401, times=2, path="/api/v1/Resource"))
    assert client.get_resource(7).resource_id == 7


def test_jwt_near_expiry_is_refreshed_before_use(make_client, tracker, fake_time):
    client = make_client(jwt_refresh_margin_seconds=3600)
    client.ensure_token()
    cached = client.jwt._cache.read()
    assert cached is not None
    fake_time.advance(cached.expires_at - fake_time.wall() - 1800)  # 30 min before expiry
    client.get_resource(7)
    assert _exchanges(tracker) == 2


def test_expiration_missing_falls_back_to_assumed_lifetime(make_client, tracker, fake_time):
    def no_expiration(request: httpx.Request) -> httpx.Response | None:
        if request.url.path == "/api/Auth/ExchangeToken":
            tracker.valid_jwt = "jwt-no-exp"
            return httpx.Response(200, json={"token": "jwt-no-exp"})
        return None

    tracker.interceptors.append(no_expiration)
    client = make_client(assumed_jwt_lifetime_seconds=7200)
    client.ensure_token()
    cached = client.jwt._cache.read()
    assert cached is not None
    assert cached.expires_at == pytest.approx(fake_time.wall() + 7200)


def test_concurrent_threads_cold_start_exchange_once(tracker):
    """Eight threads in two clients start with no JWT at once: exactly one exchange, no 401s."""

    real_clock_cache = InMemoryTokenCache()

    def slow_exchange(request: httpx.Request) -> None:
        if request.url.path == "/api/Auth/ExchangeToken":
            time.sleep(0.05)  # hold the lock long enough for the others to queue behind it

    tracker.interceptors.append(slow_exchange)
    tracker.time.wall_offset = time.time() - tracker.time.now  # the fake server's expiry check is unused
    settings = TrackerSettings(
        rest_base_url="http://tracker.test", api_token=tracker.api_token, jwt_wait_step_seconds=0.01
    )
    clients = [
        TrackerClient(
            httpx.Client(transport=httpx.MockTransport(tracker)),
            settings,
            token_cache=real_clock_cache,
            rate_limiter=TokenBucket(6000, 1000),
            retry_policy=RetryPolicy(base_delay=0.001, max_delay=0.002),
        )
        for _ in range(2)
    ]
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work(client: TrackerClient) -> None:
        barrier.wait()
        try:
            for _ in range(3):
                client.get_resource(7)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(clients[i % 2],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert _exchanges(tracker) == 1
    assert tracker.paths().count("/api/v1/Resource/7") == 24


def test_concurrent_recovery_after_invalidation_exchanges_once(tracker):
    """Threads that all get 401 on the same JWT re-exchange once between them."""

    cache = InMemoryTokenCache()
    settings = TrackerSettings(
        rest_base_url="http://tracker.test", api_token=tracker.api_token, jwt_wait_step_seconds=0.01
    )
    clients = [
        TrackerClient(
            httpx.Client(transport=httpx.MockTransport(tracker)),
            settings,
            token_cache=cache,
            rate_limiter=TokenBucket(6000, 1000),
            retry_policy=RetryPolicy(base_delay=0.001),
        )
        for _ in range(4)
    ]
    for client in clients:
        client.get_resource(7)
    tracker.valid_jwt = "invalidated-by-admin"
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def work(client: TrackerClient) -> None:
        barrier.wait()
        try:
            client.get_resource(7)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert _exchanges(tracker) == 2


# ---------------------------------------------------------------------------------- JwtProvider directly


class _Exchanger:
    def __init__(self, wall) -> None:
        self.calls = 0
        self.wall = wall

    def __call__(self, deadline: Deadline) -> CachedJwt:
        self.calls += 1
        return CachedJwt(token=f"jwt-{self.calls}", expires_at=self.wall() + 86400)


def test_waiter_takes_the_jwt_the_lock_holder_stores(fake_time):
    cache = InMemoryTokenCache(wall_clock=fake_time.wall)
    exchanger = _Exchanger(fake_time.wall)
    provider = JwtProvider(cache, exchanger, sleep=fake_time.sleep, wall_clock=fake_time.wall, wait_step_seconds=0.5)
    assert cache.try_lock("someone-else", lease_seconds=10).acquired

    def other_caller_finishes(seconds: float) -> None:
        fake_time.sleep(seconds)
        cache.store_and_unlock(CachedJwt(token="jwt-from-other", expires_at=fake_time.wall() + 86400), "someone-else")

    provider._sleep = other_caller_finishes
    assert provider.token(Deadline.after(10, fake_time.monotonic)) == "jwt-from-other"
    assert exchanger.calls == 0


def test_dead_lock_holder_loses_its_lease(fake_time):
    cache = InMemoryTokenCache(wall_clock=fake_time.wall)
    exchanger = _Exchanger(fake_time.wall)
    provider = JwtProvider(
        cache, exchanger, sleep=fake_time.sleep, wall_clock=fake_time.wall, lease_seconds=20, wait_step_seconds=1.0
    )
    assert cache.try_lock("crashed-function", lease_seconds=5).acquired
    assert provider.token(Deadline.after(30, fake_time.monotonic)) == "jwt-1"
    assert 5.0 <= sum(fake_time.sleeps) <= 7.0


def test_waiting_for_the_lock_respects_the_deadline(fake_time):
    cache = InMemoryTokenCache(wall_clock=fake_time.wall)
    provider = JwtProvider(
        cache, _Exchanger(fake_time.wall), sleep=fake_time.sleep, wall_clock=fake_time.wall, wait_step_seconds=0.5
    )
    assert cache.try_lock("slow-holder", lease_seconds=600).acquired
    start = fake_time.monotonic()
    with pytest.raises(TrackerUnavailable):
        provider.token(Deadline.after(3, fake_time.monotonic))
    assert fake_time.monotonic() - start <= 3.0


def test_failed_exchange_releases_the_lock(fake_time):
    cache = InMemoryTokenCache(wall_clock=fake_time.wall)

    def failing(deadline: Deadline) -> CachedJwt:
        raise TrackerAuthError("bad token")

    provider = JwtProvider(cache, failing, sleep=fake_time.sleep, wall_clock=fake_time.wall)
    with pytest.raises(TrackerAuthError):
        provider.token(Deadline.after(3, fake_time.monotonic))
    assert cache.try_lock("next", lease_seconds=5).acquired


def test_401_recovery_is_conditional_on_the_failed_token(fake_time):
    cache = InMemoryTokenCache(wall_clock=fake_time.wall)
    exchanger = _Exchanger(fake_time.wall)
    provider = JwtProvider(cache, exchanger, sleep=fake_time.sleep, wall_clock=fake_time.wall)
    deadline = Deadline.after(30, fake_time.monotonic)
    assert provider.token(deadline) == "jwt-1"
    # Someone else already replaced jwt-1 in the shared cache.
    assert cache.try_lock("other", 10).acquired
    cache.store_and_unlock(CachedJwt(token="jwt-other", expires_at=fake_time.wall() + 86400), "other")
    assert provider.token_after_unauthorized("jwt-1", deadline) == "jwt-other"
    assert exchanger.calls == 1
    # jwt-other fails too and nobody replaced it: exchange once.
    assert provider.token_after_unauthorized("jwt-other", deadline) == "jwt-2"
    assert exchanger.calls == 2


def test_cached_jwt_repr_hides_the_token():
    assert "supersecret" not in repr(CachedJwt(token="supersecret", expires_at=1.0))
