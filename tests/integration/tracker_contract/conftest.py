"""Contract tests: the real TrackerClient over real HTTP (127.0.0.1) against the Tracker simulator.

Short backoffs and Retry-After values keep the folder fast; sleeps are recorded so tests can assert what was
waited for without timing anything.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from local.trackerrms_sim.testing import SimHandle, running_simulator
from skima.tracker import InMemoryTokenCache, RetryPolicy, TokenBucket, TrackerClient, TrackerSettings


class RecordingSleep:
    """Real (short) sleeps, recorded."""

    def __init__(self) -> None:
        self.calls: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, seconds: float) -> None:
        with self._lock:
            self.calls.append(seconds)
        time.sleep(seconds)


SHAPES = ["evidenced", "guessed"]


@pytest.fixture(params=SHAPES)
def sim(request: pytest.FixtureRequest) -> Iterator[SimHandle]:
    """The simulator in its evidenced default shapes, and in the earlier guesses: the client must pass both."""
    with running_simulator(seed=11, candidates=60, shapes=request.param) as handle:
        yield handle


def evidenced(sim: SimHandle) -> bool:
    return sim.shapes == "evidenced"


@pytest.fixture
def sleeper() -> RecordingSleep:
    return RecordingSleep()


ClientFactory = Callable[..., TrackerClient]


@pytest.fixture
def make_client(sim: SimHandle, sleeper: RecordingSleep) -> Iterator[ClientFactory]:
    https: list[httpx.Client] = []

    def factory(
        *,
        cache: InMemoryTokenCache | None = None,
        limiter: Any = None,
        policy: RetryPolicy | None = None,
        api_token: str | None = None,
        **settings: Any,
    ) -> TrackerClient:
        http = httpx.Client(trust_env=False)
        https.append(http)
        options: dict[str, Any] = {
            "request_timeout_seconds": 5.0,
            "default_deadline_seconds": 20.0,
            "jwt_wait_step_seconds": 0.02,
        }
        options.update(settings)
        return TrackerClient(
            http,
            TrackerSettings(
                rest_base_url=sim.base_url,
                widget_base_url=sim.base_url,
                api_token=api_token or sim.api_token,
                **options,
            ),
            token_cache=cache if cache is not None else InMemoryTokenCache(),
            rate_limiter=limiter or TokenBucket(rate_per_minute=60_000, burst=1000),
            retry_policy=policy
            or RetryPolicy(base_delay=0.05, max_delay=0.2, max_attempts=5, min_rate_limit_delay=0.1),
            sleep=sleeper,
            rng=random.Random(5),
        )

    yield factory
    for http in https:
        http.close()


def sim_requests(sim: SimHandle, key: str) -> int:
    return int(sim.stats()["requests"].get(key, 0))


EXCHANGE = "POST /api/Auth/ExchangeToken"
