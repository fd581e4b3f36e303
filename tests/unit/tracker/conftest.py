"""Fixtures for the Tracker client's unit tests (fakes in fakes.py; no sockets)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from skima.tracker import InMemoryTokenCache, RetryPolicy, TokenBucket, TrackerClient, TrackerSettings
from tests.unit.tracker.fakes import API_TOKEN, FakeTime, FakeTrackerApi, Handler


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def tracker(fake_time: FakeTime) -> FakeTrackerApi:
    return FakeTrackerApi(time=fake_time)


ClientFactory = Callable[..., TrackerClient]


@pytest.fixture
def make_client(fake_time: FakeTime, tracker: FakeTrackerApi) -> Iterator[ClientFactory]:
    clients: list[httpx.Client] = []

    def factory(
        handler: Handler | None = None,
        *,
        cache: InMemoryTokenCache | None = None,
        policy: RetryPolicy | None = None,
        limiter: Any = None,
        budget: Any = None,
        **settings: Any,
    ) -> TrackerClient:
        http = httpx.Client(transport=httpx.MockTransport(handler or tracker))
        clients.append(http)
        settings.setdefault("widget_auth", "rest_jwt")  # the auto probe has tests of its own
        return TrackerClient(
            http,
            TrackerSettings(rest_base_url="http://tracker.test", api_token=API_TOKEN, **settings),
            token_cache=cache or InMemoryTokenCache(wall_clock=fake_time.wall),
            request_budget=budget,
            rate_limiter=limiter or TokenBucket(rate_per_minute=6000, burst=1000, clock=fake_time.monotonic),
            retry_policy=policy or RetryPolicy(base_delay=0.5, max_delay=8.0, max_attempts=5),
            sleep=fake_time.sleep,
            clock=fake_time.monotonic,
            wall_clock=fake_time.wall,
            rng=random.Random(1),
        )

    yield factory
    for http in clients:
        http.close()
