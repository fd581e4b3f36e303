"""Search lag, unstable pages and the ~100/min rate limit."""

from __future__ import annotations

import threading

import httpx
import pytest

from local.trackerrms_sim.testing import running_simulator
from skima.tracker import (
    InMemoryRequestBudget,
    InMemoryTokenCache,
    RetryPolicy,
    TokenBucket,
    TrackerClient,
    TrackerSettings,
)
from tests.integration.tracker_contract.conftest import RecordingSleep


def test_search_lag_hides_new_records_but_get_by_id_is_live(sim, make_client):
    client = make_client()
    sim.set_fault("search_lag", seconds=3600)
    new_id = sim.ui_create_resource(firstName="Lagged", surname="Person", jobTitle="Data Engineer")
    sim.ui_save_resource(1001, jobTitle="Principal Engineer")
    searched = {r.resource_id: r for r in client.iter_resources()}
    assert new_id not in searched
    assert searched[1001].job_title != "Principal Engineer"  # the index is stale...
    assert client.get_resource(new_id).first_name == "Lagged"  # ...but a read by id is live
    assert client.get_resource(1001).job_title == "Principal Engineer"
    assert new_id not in {r.id for r in client.get_records("R")}


def test_unstable_pages_yield_every_resource_exactly_once(sim, make_client):
    sim.set_fault("unstable_pages", overlap=3, repeat_probability=0.3)
    client = make_client()
    single_pass = [r.resource_id for r in client.iter_resources()]
    assert len(single_pass) == len(set(single_pass))  # never a duplicate, even in one pass
    ids = [r.resource_id for r in client.iter_resources(until_stable=True)]
    assert len(ids) == len(set(ids))
    assert set(ids) == {r["resourceId"] for r in sim.state()["resources"]}


def test_resource_ids_via_get_records_are_complete_under_unstable_search_pages(sim, make_client):
    sim.set_fault("unstable_pages", overlap=3, repeat_probability=0.3)
    ids = list(make_client().iter_resource_ids(page_size=25))
    assert ids == sorted({r["resourceId"] for r in sim.state()["resources"]})


def test_stable_pages_take_one_request_per_page(sim, make_client):
    ids = [r.resource_id for r in make_client().iter_resources()]
    assert len(ids) == len(sim.state()["resources"])
    assert sim.stats()["requests"]["POST /api/v1/Resource/Search"] == len(ids) // 10 + 1


def _clock_shared_with_the_simulator(sim):
    """A fake clock whose sleeps also move the simulator's clock (its rate-limit window), so a minute of
    traffic runs in a moment."""
    state = {"now": 0.0}
    lock = threading.Lock()

    def clock() -> float:
        with lock:
            return state["now"]

    def sleep(seconds: float) -> None:
        with lock:
            state["now"] += seconds
        sim.advance_clock(seconds)

    return clock, sleep


def test_client_stays_under_the_100_per_minute_limit():
    with running_simulator(seed=3, candidates=20, rate_limit_per_minute=100) as sim:
        clock, sleep = _clock_shared_with_the_simulator(sim)

        with httpx.Client(trust_env=False) as http:
            client = TrackerClient(
                http,
                TrackerSettings(rest_base_url=sim.base_url, api_token=sim.api_token, default_deadline_seconds=600),
                token_cache=InMemoryTokenCache(),
                rate_limiter=TokenBucket(90, 5, clock=clock),
                retry_policy=RetryPolicy(base_delay=0.01, max_delay=0.02),
                sleep=sleep,
                clock=clock,
            )
            for i in range(250):
                client.get_resource(1001 + i % 20)
        stats = sim.stats()
        assert stats["statuses"].get("429", 0) == 0
        assert stats["requests"]["GET /api/v1/Resource/{id}"] == 250


def test_without_our_limit_the_simulator_does_throttle_and_retry_after_saves_us():
    """Control for the test above: the limit is real, and the client rides it out via Retry-After."""
    with running_simulator(seed=3, candidates=20, rate_limit_per_minute=100) as sim:
        clock, sleep = _clock_shared_with_the_simulator(sim)
        recorded = RecordingSleep()

        def sleep_and_record(seconds: float) -> None:
            recorded.calls.append(seconds)
            sleep(seconds)

        with httpx.Client(trust_env=False) as http:
            client = TrackerClient(
                http,
                TrackerSettings(rest_base_url=sim.base_url, api_token=sim.api_token, default_deadline_seconds=600),
                token_cache=InMemoryTokenCache(),
                rate_limiter=TokenBucket(1_000_000, 10_000, clock=clock),
                retry_policy=RetryPolicy(base_delay=0.01, max_delay=0.02),
                sleep=sleep_and_record,
                clock=clock,
            )
            for i in range(150):
                client.get_resource(1001 + i % 20)
        assert sim.stats()["statuses"].get("429", 0) >= 1
        assert any(s >= 1 for s in recorded.calls)


def test_shared_request_budget_across_clients(sim, make_client):
    """Two functions sharing one budget of 5 per window: the sixth request waits for the next window."""
    clock_state = {"wall": 6000.0}
    budget = InMemoryRequestBudget(limit=5, window_seconds=60, wall_clock=lambda: clock_state["wall"])
    cache = InMemoryTokenCache()
    first = make_client(cache=cache)
    second = make_client(cache=cache)
    first._budget = budget
    second._budget = budget
    waits: list[float] = []

    def fake_sleep(seconds: float) -> None:
        waits.append(seconds)
        clock_state["wall"] += seconds

    first._sleep = second._sleep = fake_sleep
    for i in range(3):
        first.get_resource(1001 + i)  # exchange + 3 reads = 4
    second.get_resource(1010)  # 5th
    assert waits == []
    second.get_resource(1011, deadline=second.deadline(120))
    assert waits == [pytest.approx(60.0)]
