"""Retry discipline: 429/Retry-After, 5xx/timeouts with full jitter, no retry on 4xx, never past the deadline."""

from __future__ import annotations

import email.utils
import itertools
import random

import httpx
import pytest

from skima.tracker import (
    Deadline,
    InMemoryRequestBudget,
    RetryPolicy,
    TokenBucket,
    TrackerBadResponse,
    TrackerNotFound,
    TrackerRateLimited,
    TrackerRejected,
    TrackerUnavailable,
)
from tests.unit.tracker.fakes import FakeTrackerApi, raise_error, respond


def _resource_requests(tracker: FakeTrackerApi) -> list[float]:
    return [t for method, path, t in tracker.requests if path == "/api/v1/Resource/7"]


def test_429_with_retry_after_seconds_waits_exactly_that_long(make_client, tracker, fake_time):
    tracker.interceptors.append(respond(429, path="/Resource/", headers={"Retry-After": "7"}))
    client = make_client()
    assert client.get_resource(7).resource_id == 7
    times = _resource_requests(tracker)
    assert len(times) == 2
    assert times[1] - times[0] >= 7.0
    assert 7.0 in fake_time.sleeps


def test_429_with_http_date_waits_until_that_date(make_client, tracker, fake_time):
    retry_at = email.utils.formatdate(fake_time.wall() + 12, usegmt=True)
    tracker.interceptors.append(respond(429, path="/Resource/", headers={"Retry-After": retry_at}))
    client = make_client()
    client.get_resource(7)
    times = _resource_requests(tracker)
    assert times[1] - times[0] >= 11.0  # HTTP-date has whole-second precision


def test_429_without_retry_after_backs_off_at_least_the_minimum(make_client, tracker, fake_time):
    tracker.interceptors.append(respond(429, path="/Resource/"))
    client = make_client(policy=RetryPolicy(base_delay=0.01, max_delay=0.02, min_rate_limit_delay=1.5))
    client.get_resource(7)
    times = _resource_requests(tracker)
    assert times[1] - times[0] >= 1.5


def test_retry_after_beyond_the_deadline_fails_fast_without_sleeping(make_client, tracker, fake_time):
    tracker.interceptors.append(respond(429, path="/Resource/", headers={"Retry-After": "120"}))
    client = make_client()
    with pytest.raises(TrackerRateLimited):
        client.get_resource(7, deadline=Deadline.after(30, fake_time.monotonic))
    assert fake_time.sleeps == []
    assert len(_resource_requests(tracker)) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_is_retried_with_full_jitter_backoff(make_client, tracker, fake_time, status):
    tracker.interceptors.append(respond(status, times=3, path="/Resource/"))
    client = make_client(policy=RetryPolicy(base_delay=0.5, max_delay=8.0, max_attempts=5))
    assert client.get_resource(7).resource_id == 7
    assert len(_resource_requests(tracker)) == 4
    assert len(fake_time.sleeps) == 3
    for retry_number, slept in enumerate(fake_time.sleeps):
        assert 0.0 <= slept <= 0.5 * 2**retry_number


def test_backoff_is_jittered_not_fixed():
    policy = RetryPolicy(base_delay=1.0, max_delay=30.0)
    rng = random.Random(3)
    samples = {round(policy.backoff(4, rng), 6) for _ in range(20)}
    assert len(samples) > 10
    assert all(0 <= s <= 16.0 for s in samples)


def test_backoff_is_capped():
    policy = RetryPolicy(base_delay=1.0, max_delay=5.0)
    rng = random.Random(0)
    assert all(policy.backoff(30, rng) <= 5.0 for _ in range(50))


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, TrackerRejected),
        (403, TrackerRejected),
        (404, TrackerNotFound),
        (409, TrackerRejected),
        (422, TrackerRejected),
    ],
)
def test_client_errors_are_not_retried(make_client, tracker, fake_time, status, error):
    tracker.interceptors.append(respond(status, times=5, path="/Resource/"))
    client = make_client()
    with pytest.raises(error) as raised:
        client.get_resource(7)
    assert raised.value.status_code == status
    assert len(_resource_requests(tracker)) == 1
    assert fake_time.sleeps == []


def test_persistent_5xx_gives_up_inside_the_deadline(make_client, tracker, fake_time):
    tracker.interceptors.append(respond(503, times=10_000, path="/Resource/"))
    client = make_client(policy=RetryPolicy(base_delay=1.0, max_delay=4.0, max_attempts=100))
    start = fake_time.monotonic()
    with pytest.raises(TrackerUnavailable):
        client.get_resource(7, deadline=Deadline.after(10, fake_time.monotonic))
    assert fake_time.monotonic() - start <= 10.0
    assert len(_resource_requests(tracker)) >= 2


def test_persistent_5xx_gives_up_after_max_attempts(make_client, tracker):
    tracker.interceptors.append(respond(500, times=10_000, path="/Resource/"))
    client = make_client(policy=RetryPolicy(base_delay=0.01, max_delay=0.02, max_attempts=3))
    with pytest.raises(TrackerUnavailable) as raised:
        client.get_resource(7)
    assert raised.value.status_code == 500
    assert len(_resource_requests(tracker)) == 3


@pytest.mark.parametrize(
    "error", [httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError]
)
def test_connection_errors_and_timeouts_on_reads_are_retried(make_client, tracker, error):
    tracker.interceptors.append(raise_error(error, times=2, path="/Resource/"))
    client = make_client()
    assert client.get_resource(7).resource_id == 7
    assert len(_resource_requests(tracker)) == 3


def test_request_timeout_is_cut_to_the_remaining_deadline(make_client, tracker, fake_time):
    seen: list[float] = []

    def capture(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"]["read"])

    tracker.interceptors.append(capture)
    client = make_client(request_timeout_seconds=20.0)
    client.get_resource(7, deadline=Deadline.after(4.0, fake_time.monotonic))
    assert seen and all(t <= 4.0 for t in seen)
    client.get_resource(7, deadline=Deadline.after(100.0, fake_time.monotonic))
    assert seen[-1] == 20.0


def test_expired_deadline_sends_nothing(make_client, tracker, fake_time):
    client = make_client()
    client.ensure_token()
    before = len(tracker.requests)
    with pytest.raises(TrackerUnavailable):
        client.get_resource(7, deadline=Deadline.after(0.0, fake_time.monotonic))
    assert len(tracker.requests) == before


def test_non_json_body_is_a_bad_response(make_client, tracker):
    tracker.interceptors.append(
        lambda request: (
            httpx.Response(200, text="<html>oops</html>") if request.url.path.startswith("/api/v1/Resource/") else None
        )
    )
    client = make_client()
    with pytest.raises(TrackerBadResponse):
        client.get_resource(7)


def test_process_rate_limiter_spaces_requests(make_client, tracker, fake_time):
    client = make_client(limiter=TokenBucket(rate_per_minute=60, burst=1, clock=fake_time.monotonic))
    for _ in range(5):
        client.get_resource(7)
    times = sorted(t for _, _, t in tracker.requests)
    # one exchange + five reads, at most one request per second after the first
    assert len(times) == 6
    assert all(b - a >= 0.999 for a, b in itertools.pairwise(times))


def test_rate_limit_that_cannot_be_met_before_the_deadline_raises(make_client, tracker, fake_time):
    client = make_client(limiter=TokenBucket(rate_per_minute=1, burst=1, clock=fake_time.monotonic))
    client.ensure_token()  # uses the only slot
    with pytest.raises(TrackerRateLimited):
        client.get_resource(7, deadline=Deadline.after(10, fake_time.monotonic))
    assert fake_time.sleeps == []


def test_shared_request_budget_waits_for_the_next_window(make_client, tracker, fake_time):
    budget = InMemoryRequestBudget(limit=2, window_seconds=60, wall_clock=fake_time.wall)
    client = make_client(budget=budget)
    client.get_resource(7)  # exchange + read = 2 requests: the window is spent
    start_window = fake_time.wall() // 60
    client.get_resource(7, deadline=Deadline.after(120, fake_time.monotonic))
    assert fake_time.wall() // 60 > start_window
    assert len(tracker.requests) == 3


def test_broken_shared_budget_does_not_stop_requests(make_client, tracker):
    class Broken:
        def try_acquire(self) -> float:
            raise RuntimeError("dynamodb down")

    client = make_client(budget=Broken())
    assert client.get_resource(7).resource_id == 7


def test_request_counts_include_retries_and_exchanges(make_client, tracker):
    tracker.interceptors.append(respond(503, times=1, path="/Resource/"))
    client = make_client()
    client.get_resource(7)
    assert client.request_counts() == {"exchange": 1, "get_resource": 2}
    assert client.request_count == 3


def test_503_with_retry_after_waits_that_long(make_client, tracker, fake_time):
    tracker.interceptors.append(respond(503, path="/Resource/", headers={"Retry-After": "3"}))
    make_client().get_resource(7)
    assert fake_time.sleeps == [3.0]
