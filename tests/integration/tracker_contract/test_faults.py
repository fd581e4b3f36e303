"""Every simulator fault, against the real client over HTTP."""

from __future__ import annotations

import threading

import pytest

from skima.tracker import (
    Deadline,
    InMemoryTokenCache,
    TrackerAuthError,
    TrackerRateLimited,
    TrackerRejected,
    TrackerUnavailable,
)
from tests.integration.tracker_contract.conftest import EXCHANGE, sim_requests

RESOURCE = "GET /api/v1/Resource/{id}"


# ------------------------------------------------------------------------------------------- auth


def test_401_storm_is_ridden_out_with_bounded_exchanges(sim, make_client):
    client = make_client()
    client.ensure_token()
    sim.set_fault("unauthorized", count=2, path=r"^/api/(v1|widget)/")  # count is also consumed by exchanges otherwise
    assert client.get_resource(1001).resource_id == 1001
    assert sim_requests(sim, EXCHANGE) == 3  # first + one per 401


def test_endless_401_storm_gives_up_as_unavailable(sim, make_client):
    client = make_client(max_auth_recoveries=2)
    client.ensure_token()
    sim.set_fault("unauthorized", path=r"^/api/v1/")
    with pytest.raises(TrackerUnavailable):
        client.get_resource(1001)
    assert sim_requests(sim, EXCHANGE) == 3


def test_invalidated_jwt_is_replaced_once(sim, make_client):
    client = make_client()
    client.get_resource(1001)
    sim.set_fault("invalidate_jwt")
    client.get_resource(1001)
    client.get_resource(1002)
    assert sim_requests(sim, EXCHANGE) == 2


def test_two_clients_sharing_the_cache_never_401_loop(sim, make_client):
    cache = InMemoryTokenCache()
    first, second = make_client(cache=cache), make_client(cache=cache)
    for i in range(10):
        (first if i % 2 else second).get_resource(1001 + i)
    assert sim_requests(sim, EXCHANGE) == 1
    assert sim.stats()["statuses"].get("401", 0) == 0


def test_two_clients_with_separate_caches_still_recover(sim, make_client):
    """Without a shared cache each exchange invalidates the other's JWT; every call still succeeds."""
    first, second = make_client(), make_client()
    for i in range(6):
        (first if i % 2 else second).get_resource(1001 + i)
    assert sim.stats()["statuses"].get("401", 0) >= 1  # the one-JWT rule really bites here


def test_concurrent_threads_and_clients_share_one_jwt(sim, make_client):
    cache = InMemoryTokenCache()
    clients = [make_client(cache=cache) for _ in range(3)]
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def work(index: int) -> None:
        barrier.wait()
        try:
            for i in range(4):
                clients[index % 3].get_resource(1001 + i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sim_requests(sim, EXCHANGE) == 1
    assert sim_requests(sim, RESOURCE) == 24


def test_concurrent_recovery_after_invalidation(sim, make_client):
    cache = InMemoryTokenCache()
    clients = [make_client(cache=cache) for _ in range(4)]
    for c in clients:
        c.get_resource(1001)
    sim.set_fault("invalidate_jwt")
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def work(client) -> None:
        barrier.wait()
        try:
            client.get_resource(1002)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sim_requests(sim, EXCHANGE) == 2


def test_bad_or_rotated_api_token_is_an_auth_error(sim, make_client, sleeper):
    with pytest.raises(TrackerAuthError):
        make_client(api_token="not-the-token").get_resource(1001)
    client = make_client()
    client.get_resource(1001)
    sim.rotate_api_token("rotated-token-xyz")
    sim.set_fault("invalidate_jwt")
    with pytest.raises(TrackerAuthError):
        client.get_resource(1001)
    assert sleeper.calls == []


# ------------------------------------------------------------------------------------------- 429


def test_429_retry_after_seconds_is_honoured(sim, make_client, sleeper):
    sim.set_fault("rate_limit", retry_after=1, retry_after_format="seconds", count=1, path=r"^/api/v1/")
    assert make_client().get_resource(1001).resource_id == 1001
    assert 1.0 in sleeper.calls
    assert sim_requests(sim, RESOURCE) == 2


def test_429_retry_after_http_date_is_honoured(sim, make_client, sleeper):
    sim.set_fault("rate_limit", retry_after=2, retry_after_format="http-date", count=1, path=r"^/api/v1/")
    assert make_client().get_resource(1001).resource_id == 1001
    assert len(sleeper.calls) == 1
    assert 0.5 <= sleeper.calls[0] <= 2.5  # the date has whole-second precision


def test_429_without_retry_after_backs_off(sim, make_client, sleeper):
    sim.set_fault("rate_limit", retry_after_format="absent", count=2, path=r"^/api/v1/")
    make_client().get_resource(1001)
    assert len(sleeper.calls) == 2
    assert all(s >= 0.1 for s in sleeper.calls)


def test_429_longer_than_the_deadline_fails_fast(sim, make_client, sleeper):
    sim.set_fault("rate_limit", retry_after=30, path=r"^/api/v1/")
    client = make_client()
    with pytest.raises(TrackerRateLimited):
        client.get_resource(1001, deadline=client.deadline(5))
    assert sleeper.calls == []


# ------------------------------------------------------------------------------------------- 5xx


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_is_retried(sim, make_client, status):
    sim.set_fault("http_error", status=status, count=2, path=r"^/api/v1/Resource")
    assert make_client().get_resource(1001).resource_id == 1001
    assert sim_requests(sim, RESOURCE) == 3


def test_4xx_is_not_retried(sim, make_client):
    sim.set_fault("http_error", status=422, path=r"^/api/v1/Resource")
    with pytest.raises(TrackerRejected):
        make_client().get_resource(1001)
    assert sim_requests(sim, RESOURCE) == 1


def test_persistent_5xx_stops_at_the_deadline(sim, make_client):
    sim.set_fault("http_error", status=503, path=r"^/api/v1/Resource")
    client = make_client(policy=None)
    with pytest.raises(TrackerUnavailable):
        client.get_resource(1001, deadline=client.deadline(1.0))


# ------------------------------------------------------------------------------------------- slow / timeouts


def test_slow_response_within_the_timeout_succeeds(sim, make_client):
    sim.set_fault("delay", seconds=0.3, count=1, path=r"^/api/v1/Resource")
    assert make_client(request_timeout_seconds=2.0).get_resource(1001).resource_id == 1001
    assert sim_requests(sim, RESOURCE) == 1


def test_stalled_response_times_out_and_is_retried(sim, make_client):
    sim.set_fault("timeout", seconds=1.0, count=1, path=r"^/api/v1/Resource")
    assert make_client(request_timeout_seconds=0.3).get_resource(1001).resource_id == 1001
    assert sim_requests(sim, RESOURCE) == 2


def test_dropped_connection_is_retried(sim, make_client):
    sim.set_fault("drop_connection", count=2, path=r"^/api/v1/Resource")
    assert make_client().get_resource(1001).resource_id == 1001
    assert sim_requests(sim, RESOURCE) == 3


def test_stall_longer_than_the_deadline_is_cut_to_the_deadline(sim, make_client):
    sim.set_fault("timeout", seconds=3.0, path=r"^/api/v1/Resource")
    client = make_client(request_timeout_seconds=5.0)
    client.ensure_token()
    timeouts: list[float] = []
    client._http.event_hooks["request"].append(lambda r: timeouts.append(r.extensions["timeout"]["read"]))
    with pytest.raises(TrackerUnavailable):
        client.get_resource(1001, deadline=client.deadline(1.0))
    assert timeouts and all(t <= 1.0 for t in timeouts)
    assert sim_requests(sim, RESOURCE) == len(timeouts)


def test_deadline_object_from_lambda_remaining_time(make_client):
    client = make_client()
    deadline = Deadline.from_remaining_ms(25_000, safety_margin_seconds=5)
    assert client.get_resource(1001, deadline=deadline).resource_id == 1001
