"""Ports the Tracker client depends on, with their in-memory adapters.

Their DynamoDB adapters live in ``skima.adapters.dynamo_state`` (the state table).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Protocol

from skima.tracker.timing import Clock


@dataclass(frozen=True)
class CachedJwt:
    """A JWT from ``/api/Auth/ExchangeToken``. ``expires_at`` is epoch seconds. The token never appears in repr."""

    token: str = field(repr=False)
    expires_at: float


@dataclass(frozen=True)
class LockAttempt:
    """Result of ``TokenCache.try_lock``: whether we now hold the refresh lock, and the JWT cached right now."""

    acquired: bool
    current: CachedJwt | None


class TokenCache(Protocol):
    """One JWT shared by every function (Tracker keeps only one valid JWT per API token).

    The lock is a lease: a holder that dies loses it after ``lease_seconds``.
    """

    def read(self) -> CachedJwt | None:
        """The cached JWT, or None when there is none."""
        ...

    def try_lock(self, owner: str, lease_seconds: float) -> LockAttempt:
        """Take the refresh lock unless another live owner holds it. Returns the JWT cached at that moment."""
        ...

    def store_and_unlock(self, jwt: CachedJwt, owner: str) -> bool:
        """Store ``jwt`` and release the lock, only if ``owner`` still holds it. False if the lease was lost."""
        ...

    def unlock(self, owner: str) -> None:
        """Release the lock if ``owner`` holds it (after a failed exchange)."""
        ...


class RequestBudget(Protocol):
    """A request budget shared across functions (e.g. a DynamoDB per-minute counter).

    ``try_acquire`` takes one request from the current window and returns 0.0, or returns the seconds until
    the next window opens when this one is spent (nothing is taken then).
    """

    def try_acquire(self) -> float: ...


class InMemoryTokenCache:
    """Process-local TokenCache: enough for one Lambda container, for tests and for the local stack."""

    def __init__(self, wall_clock: Clock = time.time) -> None:
        self._clock = wall_clock
        self._lock = threading.Lock()
        self._jwt: CachedJwt | None = None
        self._owner: str | None = None
        self._lease_until = 0.0

    def read(self) -> CachedJwt | None:
        with self._lock:
            return self._jwt

    def try_lock(self, owner: str, lease_seconds: float) -> LockAttempt:
        with self._lock:
            now = self._clock()
            if self._owner is not None and self._owner != owner and self._lease_until > now:
                return LockAttempt(acquired=False, current=self._jwt)
            self._owner = owner
            self._lease_until = now + lease_seconds
            return LockAttempt(acquired=True, current=self._jwt)

    def store_and_unlock(self, jwt: CachedJwt, owner: str) -> bool:
        with self._lock:
            if self._owner != owner:
                return False
            self._jwt = jwt
            self._owner = None
            self._lease_until = 0.0
            return True

    def unlock(self, owner: str) -> None:
        with self._lock:
            if self._owner == owner:
                self._owner = None
                self._lease_until = 0.0


class InMemoryRequestBudget:
    """Fixed-window request budget for one process (the DynamoDB adapter shares it across functions)."""

    def __init__(self, limit: int, window_seconds: float = 60.0, wall_clock: Clock = time.time) -> None:
        if limit < 1 or window_seconds <= 0:
            raise ValueError("limit must be >= 1 and window_seconds > 0")
        self._limit = limit
        self._window = window_seconds
        self._clock = wall_clock
        self._lock = threading.Lock()
        self._window_start = -math.inf
        self._count = 0

    def try_acquire(self) -> float:
        with self._lock:
            now = self._clock()
            start = math.floor(now / self._window) * self._window
            if start != self._window_start:
                self._window_start = start
                self._count = 0
            if self._count < self._limit:
                self._count += 1
                return 0.0
            return max(start + self._window - now, 1e-3)
