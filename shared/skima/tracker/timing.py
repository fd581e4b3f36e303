"""Time budgets, backoff and client-side rate limiting for Tracker calls.

Every wait goes through an injected ``sleep`` and every "now" through an injected clock, so tests run instantly
and deterministically.
"""

from __future__ import annotations

import email.utils
import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Protocol

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class Deadline:
    """A point in time (on ``clock``, monotonic by default) after which no Tracker call may still be running.

    In a Lambda, build it from the remaining invocation time minus a safety margin so the handler can still
    report the SQS record as a batch failure.
    """

    def __init__(self, at: float, clock: Clock = time.monotonic) -> None:
        self.at = at
        self.clock = clock

    @classmethod
    def after(cls, seconds: float, clock: Clock = time.monotonic) -> Deadline:
        return cls(clock() + seconds, clock)

    @classmethod
    def from_remaining_ms(
        cls, remaining_ms: int, *, safety_margin_seconds: float = 5.0, clock: Clock = time.monotonic
    ) -> Deadline:
        """``Deadline.from_remaining_ms(context.get_remaining_time_in_millis())`` inside a Lambda handler."""
        return cls.after(max(0.0, remaining_ms / 1000.0 - safety_margin_seconds), clock)

    def remaining(self) -> float:
        return max(0.0, self.at - self.clock())

    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def __repr__(self) -> str:
        return f"Deadline(remaining={self.remaining():.3f}s)"


@dataclass(frozen=True)
class RetryPolicy:
    """Full-jitter exponential backoff: ``sleep = uniform(0, min(max_delay, base_delay * 2**retry))``."""

    base_delay: float = 0.5
    max_delay: float = 20.0
    max_attempts: int = 6
    #: How long a 429 without Retry-After waits at least (Tracker documents no 429 format at all).
    min_rate_limit_delay: float = 1.0

    def backoff(self, retry_number: int, rng: random.Random) -> float:
        cap = min(self.max_delay, self.base_delay * (2 ** max(0, retry_number)))
        return rng.uniform(0.0, cap)


def parse_retry_after(value: str | None, now_epoch: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).

    Returns None when the header is absent or unreadable (the caller then backs off on its own).
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        if math.isnan(seconds) or math.isinf(seconds):
            return None
        return max(0.0, seconds)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now_epoch)


class RateLimiter(Protocol):
    """Grants request slots. ``try_acquire`` returns 0.0 when a slot was taken, else seconds to wait first."""

    def try_acquire(self) -> float: ...


class TokenBucket:
    """Thread-safe token bucket shared by every Tracker caller in a process.

    ``burst`` is kept small so that no 60-second window sees more than ``rate_per_minute + burst`` requests,
    which stays under Tracker's reported ~100 requests a minute at the default 90.
    """

    def __init__(self, rate_per_minute: float = 90.0, burst: int = 5, clock: Clock = time.monotonic) -> None:
        if rate_per_minute <= 0 or burst < 1:
            raise ValueError("rate_per_minute must be > 0 and burst >= 1")
        self._rate_per_second = rate_per_minute / 60.0
        self._capacity = float(burst)
        self._tokens = float(burst)
        self._clock = clock
        self._updated = clock()
        self._lock = threading.Lock()

    def try_acquire(self) -> float:
        with self._lock:
            now = self._clock()
            elapsed = max(0.0, now - self._updated)
            self._tokens = min(self._capacity, self._tokens + elapsed * self._rate_per_second)
            self._updated = now
            if self._tokens >= 1.0 - 1e-9:  # tolerate float rounding after waiting exactly the advised time
                self._tokens = max(0.0, self._tokens - 1.0)
                return 0.0
            return max((1.0 - self._tokens) / self._rate_per_second, 1e-3)


_process_limiter_lock = threading.Lock()
_process_limiter: TokenBucket | None = None


def process_rate_limiter() -> TokenBucket:
    """The one bucket every client in this process shares unless a test injects its own."""
    global _process_limiter  # noqa: PLW0603 - a deliberate process-wide singleton
    with _process_limiter_lock:
        if _process_limiter is None:
            _process_limiter = TokenBucket()
        return _process_limiter
