"""The shared JWT: read it from the cache, refresh it under a lease, recover from 401s without a loop.

Tracker keeps only one valid JWT per API token, so an exchange by one function invalidates the JWT every other
function holds. The rules that keep concurrent callers from invalidating each other forever:

* a caller exchanges only while holding the cache's lock, and only if the cached JWT is still the one it found
  missing / near expiry / refused with 401;
* a caller that cannot take the lock waits briefly and re-reads the cache;
* after a 401, a caller first re-reads the cache: if someone already replaced the JWT it used, it takes that one.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable

from skima.tracker.errors import TrackerUnavailable
from skima.tracker.ports import CachedJwt, TokenCache
from skima.tracker.timing import Clock, Deadline, Sleep

logger = logging.getLogger(__name__)

Exchange = Callable[[Deadline], CachedJwt]


class JwtProvider:
    """Hands out the current JWT; one per process is enough (thread-safe)."""

    def __init__(
        self,
        cache: TokenCache,
        exchange: Exchange,
        *,
        sleep: Sleep,
        wall_clock: Clock,
        refresh_margin_seconds: float = 3600.0,
        lease_seconds: float = 20.0,
        wait_step_seconds: float = 0.2,
        owner: str | None = None,
    ) -> None:
        self._cache = cache
        self._exchange = exchange
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._refresh_margin = refresh_margin_seconds
        self._lease_seconds = lease_seconds
        self._wait_step = wait_step_seconds
        self._owner = owner or uuid.uuid4().hex
        self._local: CachedJwt | None = None
        self._local_lock = threading.Lock()
        self.exchanges = 0

    def _fresh(self, jwt: CachedJwt | None) -> bool:
        return jwt is not None and jwt.expires_at - self._wall_clock() > self._refresh_margin

    def token(self, deadline: Deadline) -> str:
        """A JWT that is not near expiry, refreshing it if needed."""
        local = self._local
        if local is not None and self._fresh(local):
            return local.token
        with self._local_lock:
            local = self._local
            if local is not None and self._fresh(local):
                return local.token
            cached = self._cache.read()
            if cached is not None and self._fresh(cached):
                self._local = cached
                return cached.token
            return self._refresh(stale=cached.token if cached else None, deadline=deadline)

    def token_after_unauthorized(self, failed_token: str, deadline: Deadline) -> str:
        """A JWT to retry with after ``failed_token`` was answered 401."""
        with self._local_lock:
            local = self._local
            if local is not None and local.token != failed_token and self._fresh(local):
                return local.token  # another thread in this process already recovered
            cached = self._cache.read()
            if cached is not None and cached.token != failed_token and self._fresh(cached):
                logger.info("tracker JWT was replaced by another caller; using the new one")
                self._local = cached
                return cached.token
            return self._refresh(stale=failed_token, deadline=deadline)

    def _refresh(self, stale: str | None, deadline: Deadline) -> str:
        """Exchange under the cache lock, unless someone else replaces ``stale`` first."""
        while True:
            attempt = self._cache.try_lock(self._owner, self._lease_seconds)
            current = attempt.current
            if current is not None and current.token != stale and self._fresh(current):
                if attempt.acquired:
                    self._cache.unlock(self._owner)
                self._local = current
                return current.token
            if attempt.acquired:
                try:
                    jwt = self._exchange(deadline)
                except BaseException:
                    self._cache.unlock(self._owner)
                    raise
                self.exchanges += 1
                if not self._cache.store_and_unlock(jwt, self._owner):
                    # Our lease ran out mid-exchange; ours is still the newest JWT Tracker issued as far as we
                    # know, so use it. Whoever holds the lock now will store theirs and we recover on 401.
                    logger.warning("tracker JWT refresh lease expired before the JWT was stored")
                self._local = jwt
                logger.info("tracker JWT exchanged")
                return jwt.token
            if deadline.remaining() <= self._wait_step:
                raise TrackerUnavailable(
                    "timed out waiting for another caller to refresh the Tracker JWT", operation="exchange"
                )
            self._sleep(self._wait_step)
