"""Retry-After parsing, token bucket, deadlines and the in-memory ports."""

from __future__ import annotations

import email.utils
import threading

import pytest

from skima.tracker import CachedJwt, Deadline, InMemoryRequestBudget, InMemoryTokenCache, TokenBucket
from skima.tracker.timing import parse_retry_after, process_rate_limiter
from tests.unit.tracker.fakes import FakeTime

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("7", 7.0),
        (" 0 ", 0.0),
        ("2.5", 2.5),
        ("-3", 0.0),
        (None, None),
        ("", None),
        ("soon", None),
        ("nan", None),
        ("inf", None),
    ],
)
def test_retry_after_seconds(header, expected):
    assert parse_retry_after(header, NOW) == expected


def test_retry_after_http_date_in_the_future_and_past():
    future = email.utils.formatdate(NOW + 30, usegmt=True)
    past = email.utils.formatdate(NOW - 30, usegmt=True)
    assert parse_retry_after(future, NOW) == pytest.approx(30, abs=1)
    assert parse_retry_after(past, NOW) == 0.0


def test_deadline_counts_down_on_its_clock():
    t = FakeTime()
    deadline = Deadline.after(10, t.monotonic)
    t.advance(4)
    assert deadline.remaining() == pytest.approx(6)
    t.advance(7)
    assert deadline.remaining() == 0.0 and deadline.expired()


def test_deadline_from_lambda_remaining_time_keeps_a_margin():
    t = FakeTime()
    assert Deadline.from_remaining_ms(30_000, safety_margin_seconds=5, clock=t.monotonic).remaining() == 25
    assert Deadline.from_remaining_ms(1_000, safety_margin_seconds=5, clock=t.monotonic).expired()


def test_token_bucket_allows_burst_then_rate():
    t = FakeTime()
    bucket = TokenBucket(rate_per_minute=60, burst=3, clock=t.monotonic)
    assert [bucket.try_acquire() for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = bucket.try_acquire()
    assert wait == pytest.approx(1.0)
    t.advance(wait)
    assert bucket.try_acquire() == 0.0


def test_token_bucket_never_exceeds_rate_plus_burst_in_any_minute():
    t = FakeTime()
    bucket = TokenBucket(rate_per_minute=90, burst=5, clock=t.monotonic)
    granted: list[float] = []
    while t.monotonic() < 1000 + 300:
        wait = bucket.try_acquire()
        if wait == 0:
            granted.append(t.monotonic())
        else:
            t.advance(wait)
    for i, start in enumerate(granted):
        in_window = sum(1 for g in granted[i:] if g < start + 60)
        assert in_window <= 95


def test_token_bucket_is_thread_safe():
    bucket = TokenBucket(rate_per_minute=0.001, burst=50)
    grants: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        for _ in range(20):
            if bucket.try_acquire() == 0:
                with lock:
                    grants.append(1)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(grants) == 50


def test_process_rate_limiter_is_one_shared_instance():
    assert process_rate_limiter() is process_rate_limiter()


def test_in_memory_request_budget_windows():
    t = FakeTime(start_wall=6_000.0)  # exactly on a window boundary
    budget = InMemoryRequestBudget(limit=2, window_seconds=60, wall_clock=t.wall)
    assert budget.try_acquire() == 0.0
    assert budget.try_acquire() == 0.0
    t.advance(15)
    assert budget.try_acquire() == pytest.approx(45)
    t.advance(45)
    assert budget.try_acquire() == 0.0


def test_in_memory_token_cache_lock_and_lease():
    t = FakeTime()
    cache = InMemoryTokenCache(wall_clock=t.wall)
    assert cache.read() is None
    assert cache.try_lock("a", 10).acquired
    assert not cache.try_lock("b", 10).acquired
    assert not cache.store_and_unlock(CachedJwt("x", 1.0), "b")
    assert cache.store_and_unlock(CachedJwt("jwt-a", 2.0), "a")
    attempt = cache.try_lock("b", 10)
    assert attempt.acquired and attempt.current == CachedJwt("jwt-a", 2.0)
    t.advance(11)
    assert cache.try_lock("c", 10).acquired  # b's lease ran out
    cache.unlock("b")  # not the holder: no effect
    assert not cache.try_lock("d", 10).acquired
    cache.unlock("c")
    assert cache.try_lock("d", 10).acquired
