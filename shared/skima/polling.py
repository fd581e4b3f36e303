"""Use case: the poller, the correctness backstop for Tracker's undocumented, unsigned, lossy webhooks.

Each run, under a lease so overlapping runs do one run's work:
- reads every candidate, job and application changed in [watermark - lookback, run start] (inclusive: Tracker's
  timestamps have whole seconds, and its search index lags behind reads by id, hence the lookback);
- enqueues each (type, id, last-updated) it has not enqueued before, then remembers it;
- advances the watermark to the run start only after everything was enqueued, so a crash loses nothing (a crash
  between enqueue and remember re-enqueues, which the scorer absorbs);
- records sync health: when it last ran, what it found, and how much of it no webhook ping had announced;
- re-checks open jobs' pipelines: Tracker's getRecords X lists only Working/Offer/Complete placements, so a new
  early-stage application ("Applied", "Longlisted"...) is invisible to the change feed. The open-job listing
  carries each job's summary (its pipeline count and last-updated stamp, `Opportunity/PagedSearch`: one request
  per 10 open jobs): a job whose summary differs from the last run's is enqueued as a RecordChanged(Opportunity),
  and the scorer reads it with its live pipeline and enqueues only entries it has not scored yet. A new
  application shows as a changed count, so it is found within one poll interval (or the search lag after it).
  Backstop for what a summary cannot show (one entry added and another removed between two runs): a round-robin
  re-check from a cursor kept in the sync-health row, spending what is left of `POLL_REQUEST_BUDGET` after the
  feed's own requests, and at least one job every `BACKSTOP_EVERY_RUNS` runs. When the budget has no room for
  that one job (41-50 open jobs fill it with summary pages), that run lists one page fewer and keeps the last
  run's summaries for the jobs it did not list: they are compared on the next run, so a run never spends more than
  the budget and those jobs wait one more interval, once in `BACKSTOP_EVERY_RUNS` runs. Without summaries (a feed
  that cannot give them) every run re-checks up to `pipeline_checks_per_run` jobs round-robin, as before.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from skima.models import QueueMessageBody, RecordChanged, RecordType
from skima.ports import MessageQueue

logger = logging.getLogger(__name__)

LEASE_NAME = "poller"
# Jobs re-checked per run when the feed gives no job summaries: one Tracker request each, so 50 per 10-minute run
# spends ~6% of a 90-requests-a-minute budget. With summaries it caps the round-robin backstop.
PIPELINE_CHECKS_PER_RUN = 50
# Tracker requests a run with nothing new may spend (feed, job summaries, backstop): the backstop uses what is left.
POLL_REQUEST_BUDGET = 8
# With no budget left (many open jobs), the backstop still re-checks one job every this many runs.
BACKSTOP_EVERY_RUNS = 6
# The sync-health field holding the last job id the round-robin re-check reached.
PIPELINE_CURSOR_FIELD = "pipeline_cursor"
# The sync-health field holding the open jobs' summaries seen by the last run (JSON: job id -> summary).
JOB_SUMMARIES_FIELD = "open_job_summaries"
# The sync-health field counting runs (a running total), which paces the minimum backstop.
RUNS_FIELD = "polls"
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


@dataclass(frozen=True)
class OpenJob:
    job_id: int
    # What a listing shows of the job's pipeline and record (e.g. "count|stamp"): a new application changes it.
    # None when the listing carries no such summary.
    summary: str | None = None


@dataclass(frozen=True)
class OpenJobListing:
    jobs: list[OpenJob]
    # False when the listing stopped at its request cap with pages left: the jobs not listed are not closed.
    complete: bool = True


class ChangeFeed(Protocol):
    def changes(self, record_type: RecordType, since: datetime, until: datetime) -> Iterable[Change]:
        """Records of `record_type` whose last update lies in [since, until], both inclusive."""
        ...

    def list_open_jobs(self, max_requests: int | None = None) -> OpenJobListing:
        """The open jobs (search results may lag; a job missing now is listed on a later run), in at most
        `max_requests` requests when given (at least one)."""
        ...

    @property
    def requests_made(self) -> int:
        """Tracker requests this feed has made so far (the poller spends what is left of its budget)."""
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
    def read_health(self) -> dict[str, str | int]: ...


@dataclass
class PollReport:
    ran: bool
    found: dict[str, int] = field(default_factory=dict)
    enqueued: int = 0
    unannounced: int = 0
    watermarks: dict[str, str] = field(default_factory=dict)
    open_jobs: int = 0
    pipelines_checked: list[int] = field(default_factory=list)
    summaries_changed: list[int] = field(default_factory=list)  # jobs re-checked because their summary changed


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
        pipeline_checks_per_run: int = PIPELINE_CHECKS_PER_RUN,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._feed = feed
        self._state = state
        self._queue = queue
        self._owner = owner
        self._lookback = lookback
        self._lease_seconds = lease_seconds
        self._clock = clock
        self._pipeline_checks = max(0, pipeline_checks_per_run)
        # Remember enqueued changes for as long as the lookback can show them again, plus a margin.
        self._dedupe_ttl = int(lookback.total_seconds()) + 2 * 86400

    def run(self) -> PollReport:
        if not self._state.acquire_lease(LEASE_NAME, self._owner, self._lease_seconds):
            logger.info("another poll holds the lease; nothing to do")
            return PollReport(ran=False)
        try:
            report = PollReport(ran=True)
            run_start = self._clock()
            enqueued_jobs: set[int] = set()
            for record_type in self.RECORD_TYPES:
                self._poll_type(record_type, run_start, report, enqueued_jobs)
            requests_before = self._feed.requests_made
            cursor, summaries = self._check_pipelines(enqueued_jobs, report, requests_before)
            # Strings are set and ints are added (running totals): the last run's figures go in as strings.
            self._state.record_health(
                last_poll=run_start.isoformat(),
                last_poll_found=str(sum(report.found.values())),
                last_poll_enqueued=str(report.enqueued),
                last_poll_unannounced=str(report.unannounced),
                last_poll_open_jobs=str(report.open_jobs),
                last_poll_pipelines_checked=str(len(report.pipelines_checked)),
                polls=1,
                found_by_poll_only=report.unannounced,
                **({PIPELINE_CURSOR_FIELD: str(cursor)} if cursor is not None else {}),
                **({JOB_SUMMARIES_FIELD: summaries} if summaries is not None else {}),
            )
            logger.info(
                "poll finished",
                extra={
                    "found": report.found,
                    "enqueued": report.enqueued,
                    "unannounced": report.unannounced,
                    "open_jobs": report.open_jobs,
                    "pipelines_checked": len(report.pipelines_checked),
                },
            )
            return report
        finally:
            self._state.release_lease(LEASE_NAME, self._owner)

    def _poll_type(
        self, record_type: RecordType, run_start: datetime, report: PollReport, enqueued_jobs: set[int]
    ) -> None:
        watermark = self._state.get_watermark(record_type.value) or run_start - FIRST_RUN_WINDOW
        since = watermark - self._lookback
        pending: list[Change] = []
        found = 0
        for change in self._feed.changes(record_type, since, run_start):
            found += 1
            if self._state.is_claimed(change.dedupe_key):
                continue
            pending.append(change)
            if record_type is RecordType.OPPORTUNITY:
                enqueued_jobs.add(change.record_id)
            if len(pending) == _ENQUEUE_BATCH:
                report.enqueued += self._enqueue(pending, report)
                pending = []
        if pending:
            report.enqueued += self._enqueue(pending, report)
        report.found[record_type.value] = found
        # Only now is everything up to run_start on the queue.
        self._state.advance_watermark(record_type.value, run_start)
        report.watermarks[record_type.value] = run_start.isoformat()

    def _check_pipelines(
        self, enqueued_jobs: set[int], report: PollReport, requests_at_start: int
    ) -> tuple[int | None, str | None]:
        """Enqueue the open jobs whose summary changed and the round-robin backstop's turn; returns the new cursor
        (None: unchanged) and the summaries to remember (None: none known).

        Jobs this run already enqueued as changes are passed over (the scorer re-reads their pipelines anyway)
        but still move the cursor, so the round-robin never stalls on them.
        """
        if self._pipeline_checks == 0:
            return None, None
        health = self._state.read_health()
        previous = _read_summaries(health.get(JOB_SUMMARIES_FIELD))
        runs = health.get(RUNS_FIELD)
        run_number = int(runs) if isinstance(runs, int) or (isinstance(runs, str) and runs.isdigit()) else 0
        backstop_due = run_number % BACKSTOP_EVERY_RUNS == 0

        def spent() -> int:
            return len(self.RECORD_TYPES) + self._feed.requests_made - requests_at_start

        # Room for the backstop's one job on the run it is due, when the last run's listing had summaries.
        listing_cap = max(1, POLL_REQUEST_BUDGET - spent() - 1) if backstop_due and previous else None
        listing = self._feed.list_open_jobs(max_requests=listing_cap)
        listed = {job.job_id: job.summary for job in listing.jobs}
        summarised = bool(listed) and all(summary is not None for summary in listed.values())
        # A capped listing: the jobs it did not reach keep their last summary (compared on the next run).
        known = {**previous, **listed} if summarised and not listing.complete else listed
        open_jobs = sorted(known)
        report.open_jobs = len(open_jobs)
        if not open_jobs:
            return None, None
        changed: list[int] = []
        turn_size = self._pipeline_checks
        if summarised:
            changed = [job_id for job_id in sorted(listed) if previous.get(job_id) != listed[job_id]]
            floor = 1 if backstop_due else 0
            turn_size = min(self._pipeline_checks, max(floor, POLL_REQUEST_BUDGET - spent() - len(changed)))
        stored = health.get(PIPELINE_CURSOR_FIELD)
        cursor = int(stored) if isinstance(stored, int) or (isinstance(stored, str) and stored.isdigit()) else 0
        after = [job_id for job_id in open_jobs if job_id > cursor]
        turn = (after + [job_id for job_id in open_jobs if job_id <= cursor])[:turn_size]
        due = [job_id for job_id in dict.fromkeys([*turn, *changed]) if job_id not in enqueued_jobs]
        now = self._clock()
        messages: list[QueueMessageBody] = [
            RecordChanged(source="poll", received_at=now, record_type=RecordType.OPPORTUNITY, record_id=job_id)
            for job_id in due
        ]
        for start in range(0, len(messages), _ENQUEUE_BATCH):
            self._queue.send_batch(messages[start : start + _ENQUEUE_BATCH])
        report.pipelines_checked = due
        report.summaries_changed = changed
        report.enqueued += len(messages)
        # Remembered only now, after every changed job is on the queue: a failed run re-checks them next time.
        summaries = json.dumps({str(job_id): known[job_id] for job_id in open_jobs}) if summarised else None
        return (turn[-1] if turn else None), summaries

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


def _read_summaries(stored: str | int | None) -> dict[int, str | None]:
    """The summaries a previous run remembered; anything unreadable counts as none (every job re-checked once)."""
    if not isinstance(stored, str) or not stored:
        return {}
    try:
        raw = json.loads(stored)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {int(key): str(value) for key, value in raw.items() if str(key).isdigit()}
