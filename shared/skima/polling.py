"""Use case: the poller, the correctness backstop for Tracker's undocumented, unsigned, lossy webhooks.

Each run, under a lease so overlapping runs do one run's work:
- reads every candidate, job and application changed in [watermark - lookback, run start] (inclusive: Tracker's
  timestamps have whole seconds, and its search index lags behind reads by id, hence the lookback);
- enqueues each (type, id, last-updated) it has not enqueued before, then remembers it;
- advances the watermark to the run start only after everything was enqueued, so a crash loses nothing (a crash
  between enqueue and remember re-enqueues, which the scorer absorbs);
- records sync health: when it last ran, what it found, and how much of it no webhook ping had announced.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from skima.models import QueueMessageBody, RecordChanged, RecordType
from skima.ports import MessageQueue

logger = logging.getLogger(__name__)

LEASE_NAME = "poller"
# How far back the very first run looks, when there is no watermark yet.
FIRST_RUN_WINDOW = timedelta(days=1)
_ENQUEUE_BATCH = 10


@dataclass(frozen=True)
class Change:
    record_type: RecordType
    record_id: int
    last_updated: datetime

    @property
    def dedupe_key(self) -> str:
        return f"{self.record_type.value}#{self.record_id}#{self.last_updated.astimezone(UTC).isoformat()}"


class ChangeFeed(Protocol):
    def changes(self, record_type: RecordType, since: datetime, until: datetime) -> Iterable[Change]:
        """Records of `record_type` whose last update lies in [since, until], both inclusive."""
        ...


class PollerState(Protocol):
    def acquire_lease(self, name: str, owner: str, ttl_seconds: int) -> bool: ...
    def release_lease(self, name: str, owner: str) -> None: ...
    def get_watermark(self, name: str) -> datetime | None: ...
    def advance_watermark(self, name: str, value: datetime) -> bool: ...
    def claim(self, key: str, ttl_seconds: int) -> bool: ...
    def is_claimed(self, key: str) -> bool: ...
    def last_ping(self, record_type: RecordType, record_id: int) -> datetime | None: ...
    def record_health(self, **fields: str | int) -> None: ...


@dataclass
class PollReport:
    ran: bool
    found: dict[str, int] = field(default_factory=dict)
    enqueued: int = 0
    unannounced: int = 0
    watermarks: dict[str, str] = field(default_factory=dict)


class Poller:
    # Jobs first: a new job's rediscovery should start before its applications are scored.
    RECORD_TYPES: Sequence[RecordType] = (
        RecordType.OPPORTUNITY,
        RecordType.RESOURCE,
        RecordType.OPPORTUNITY_RESOURCE,
    )

    def __init__(
        self,
        feed: ChangeFeed,
        state: PollerState,
        queue: MessageQueue,
        *,
        owner: str,
        lookback: timedelta,
        lease_seconds: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._feed = feed
        self._state = state
        self._queue = queue
        self._owner = owner
        self._lookback = lookback
        self._lease_seconds = lease_seconds
        self._clock = clock
        # Remember enqueued changes for as long as the lookback can show them again, plus a margin.
        self._dedupe_ttl = int(lookback.total_seconds()) + 2 * 86400

    def run(self) -> PollReport:
        if not self._state.acquire_lease(LEASE_NAME, self._owner, self._lease_seconds):
            logger.info("another poll holds the lease; nothing to do")
            return PollReport(ran=False)
        try:
            report = PollReport(ran=True)
            run_start = self._clock()
            for record_type in self.RECORD_TYPES:
                self._poll_type(record_type, run_start, report)
            self._state.record_health(
                last_poll=run_start.isoformat(),
                last_poll_found=sum(report.found.values()),
                last_poll_enqueued=report.enqueued,
                last_poll_unannounced=report.unannounced,
                polls=1,
                found_by_poll_only=report.unannounced,
            )
            logger.info(
                "poll finished",
                extra={"found": report.found, "enqueued": report.enqueued, "unannounced": report.unannounced},
            )
            return report
        finally:
            self._state.release_lease(LEASE_NAME, self._owner)

    def _poll_type(self, record_type: RecordType, run_start: datetime, report: PollReport) -> None:
        watermark = self._state.get_watermark(record_type.value) or run_start - FIRST_RUN_WINDOW
        since = watermark - self._lookback
        pending: list[Change] = []
        found = 0
        for change in self._feed.changes(record_type, since, run_start):
            found += 1
            if self._state.is_claimed(change.dedupe_key):
                continue
            pending.append(change)
            if len(pending) == _ENQUEUE_BATCH:
                report.enqueued += self._enqueue(pending, report)
                pending = []
        if pending:
            report.enqueued += self._enqueue(pending, report)
        report.found[record_type.value] = found
        # Only now is everything up to run_start on the queue.
        self._state.advance_watermark(record_type.value, run_start)
        report.watermarks[record_type.value] = run_start.isoformat()

    def _enqueue(self, changes: list[Change], report: PollReport) -> int:
        messages: list[QueueMessageBody] = [
            RecordChanged(
                source="poll",
                received_at=self._clock(),
                record_type=change.record_type,
                record_id=change.record_id,
                last_updated=change.last_updated,
            )
            for change in changes
        ]
        self._queue.send_batch(messages)  # raises QueueUnavailable: the watermark then stays where it was
        for change in changes:
            self._state.claim(change.dedupe_key, self._dedupe_ttl)
            last_ping = self._state.last_ping(change.record_type, change.record_id)
            if last_ping is None or last_ping < change.last_updated - timedelta(minutes=2):
                report.unannounced += 1
        return len(messages)
