"""Fixtures: one shared simulator for read-mostly tests, fresh ones where state matters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from local.trackerrms_sim.testing import SimHandle, running_simulator

START = datetime(2026, 11, 2, 9, 0, 0)


class Api:
    """A minimal hand-written client for the tests: exchange once, send bearer, wrap the widget envelope."""

    def __init__(self, sim: SimHandle) -> None:
        self.sim = sim
        self.http = httpx.Client(base_url=sim.base_url, timeout=10.0, trust_env=False)
        self.jwt = self.exchange()

    def exchange(self) -> str:
        response = self.http.post("/api/Auth/ExchangeToken", json={"bearerToken": self.sim.api_token})
        assert response.status_code == 200, response.text
        return str(response.json()["token"])

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.jwt}"}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.http.get(path, headers=self.auth, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> httpx.Response:
        return self.http.post(path, headers=self.auth, json=body, **kw)

    def patch(self, path: str, body: Any) -> httpx.Response:
        return self.http.patch(path, headers=self.auth, json=body)

    def widget(self, op: str, payload: dict[str, Any], *, bearer: bool = True) -> dict[str, Any]:
        headers = self.auth if bearer else {}
        response = self.http.post(f"/api/widget/{op}", headers=headers, json={"trackerrms": {op: payload}})
        assert response.status_code == 200, (response.status_code, response.text)
        return dict(response.json())

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="session")
def shared_sim() -> Iterator[SimHandle]:
    with running_simulator(shapes="guessed", seed=7, start_time=START) as sim:
        yield sim


@pytest.fixture
def sim(shared_sim: SimHandle) -> Iterator[SimHandle]:
    """The shared simulator with faults and stats reset around each test (do not rely on untouched data)."""
    shared_sim.clear_faults()
    shared_sim.reset_stats()
    yield shared_sim
    shared_sim.clear_faults()
    shared_sim.set_webhook(None)


@pytest.fixture
def api(sim: SimHandle) -> Iterator[Api]:
    client = Api(sim)
    yield client
    client.close()


@pytest.fixture
def fresh_sim() -> Iterator[SimHandle]:
    with running_simulator(shapes="guessed", seed=11, candidates=40, start_time=START) as sim:
        yield sim


@pytest.fixture
def fresh_api(fresh_sim: SimHandle) -> Iterator[Api]:
    client = Api(fresh_sim)
    yield client
    client.close()
