"""The poller's change feed, read from Tracker's Widget getRecords (types R, O, X; inclusive time bounds),
and its list of open jobs with their summaries (REST Opportunity/PagedSearch state=open: one request per 10 open
jobs, each row with its pipeline count and last-updated stamp)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Protocol

from skima.models import RecordType
from skima.polling import Change, OpenJob, OpenJobListing
from skima.tracker.client import TrackerClient
from skima.tracker.timing import Deadline

logger = logging.getLogger(__name__)

# PagedSearch pages hold 10 rows: enough for 1,000 open jobs; bounds the spend if Tracker ignored the state filter.
_OPEN_JOBS_MAX_PAGES = 100


def _read_stamp(value: str | None) -> datetime | None:
    """A stamp as written: aware when Tracker gave a zone, naive otherwise; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip().replace(" ", "T", 1)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def parse_tracker_time(value: str | None, offset: timedelta | None = None) -> datetime | None:
    """Tracker's timestamps ("2026-11-28 07:21:17", "2026-11-28T07:21:17[.fff][Z]") as aware UTC datetimes.

    Tracker does not say which zone a naive stamp is in: ``offset`` (the tenant's stamps minus UTC, calibrated by
    ``TrackerTimezone``) converts it; without one a naive stamp is read as UTC. A stamp with a zone keeps it.
    """
    parsed = _read_stamp(value)
    if parsed is None:
        return None
    if parsed.tzinfo is not None:
        return parsed.astimezone(UTC)
    return parsed.replace(tzinfo=UTC) - (offset or timedelta(0))


def tracker_instant(value: str | None, offset: timedelta | None) -> datetime | None:
    """A Tracker stamp as the true UTC instant, or None when it is naive and the tenant's offset is not yet known
    (read as UTC it would be hours off, enough to make a seconds-old save look settled)."""
    parsed = _read_stamp(value)
    if parsed is None or (parsed.tzinfo is None and offset is None):
        return None
    return parse_tracker_time(value, offset)


# Tenants sit between UTC-12 and UTC+14: an uncalibrated window is widened by this much on each side.
MAX_TRACKER_OFFSET = timedelta(hours=14)
_CALIBRATION_STEP_MINUTES = 15  # zones are whole quarter hours
OFFSET_FIELD = "tracker_utc_offset_minutes"
OFFSET_AT_FIELD = "tracker_utc_offset_calibrated_at"


class HealthStore(Protocol):
    """The state table's sync-health row (``DynamoStateStore``): where the calibrated offset is kept."""

    def record_health(self, **fields: str | int) -> None: ...
    def read_health(self) -> dict[str, str | int]: ...


class TrackerTimezone:
    """How far Tracker's naive stamps are ahead of UTC, calibrated from the stamp Tracker puts on our own writes.

    Tracker's stamps carry no zone (a US tenant's are hours behind UTC, which a 3-hour poll lookback would miss).
    After we write a note, ``calibrate`` compares the stamp Tracker gave it with our UTC clock at the write and
    keeps the offset (rounded to 15 minutes) in the state table; it is re-checked once ``max_age`` has passed.
    """

    def __init__(
        self,
        state: HealthStore,
        *,
        max_age: timedelta = timedelta(days=1),
        reread_seconds: float = 600.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._state = state
        self._max_age = max_age
        self._reread_seconds = reread_seconds
        self._clock = clock
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._loaded_at: float | None = None
        self._offset: timedelta | None = None
        self._calibrated_at: datetime | None = None

    def _load(self) -> None:
        with self._lock:
            if self._loaded_at is not None and self._monotonic() - self._loaded_at < self._reread_seconds:
                return
            health = self._state.read_health()
            minutes, at = health.get(OFFSET_FIELD), health.get(OFFSET_AT_FIELD)
            try:
                self._offset = timedelta(minutes=int(minutes)) if minutes not in (None, "") else None
                self._calibrated_at = datetime.fromisoformat(str(at)) if at else None
            except ValueError:
                self._offset, self._calibrated_at = None, None
            self._loaded_at = self._monotonic()

    def offset(self) -> timedelta | None:
        """Tracker's stamps minus UTC; None until calibrated."""
        self._load()
        return self._offset

    def due(self) -> bool:
        """Whether a calibration is missing or older than ``max_age``."""
        self._load()
        return self._calibrated_at is None or self._clock() - self._calibrated_at > self._max_age

    def calibrate(self, tracker_stamp: str | None, sent_at: datetime, answered_at: datetime) -> timedelta | None:
        """Record the offset shown by the stamp Tracker gave a write sent and answered at these UTC times."""
        if not tracker_stamp:
            return None
        try:
            stamp = datetime.fromisoformat(tracker_stamp.strip().replace(" ", "T", 1).removesuffix("Z"))
        except ValueError:
            return None
        if stamp.tzinfo is not None:
            stamp = stamp.replace(tzinfo=None)  # a stamp with a zone needs no calibration; keep its wall time
        midpoint = sent_at + (answered_at - sent_at) / 2
        raw_minutes = (stamp - midpoint.astimezone(UTC).replace(tzinfo=None)).total_seconds() / 60
        minutes = round(raw_minutes / _CALIBRATION_STEP_MINUTES) * _CALIBRATION_STEP_MINUTES
        if abs(minutes) > MAX_TRACKER_OFFSET.total_seconds() / 60:
            logger.warning("tracker stamp offset of %s minutes is implausible; not kept", minutes)
            return None
        now = self._clock()
        self._state.record_health(**{OFFSET_FIELD: str(minutes), OFFSET_AT_FIELD: now.isoformat()})
        with self._lock:
            if self._offset != timedelta(minutes=minutes):
                logger.info("tracker stamps are %s minutes ahead of UTC", minutes)
            self._offset = timedelta(minutes=minutes)
            self._calibrated_at = now
            self._loaded_at = self._monotonic()
        return self._offset


class TrackerChangeFeed:
    def __init__(
        self, client: TrackerClient, deadline: Callable[[], Deadline], timezone: TrackerTimezone | None = None
    ) -> None:
        self._client = client
        self._deadline = deadline
        self._timezone = timezone

    def changes(self, record_type: RecordType, since: datetime, until: datetime) -> Iterator[Change]:
        """Changes in [since, until] (UTC). The window is sent in Tracker's own time: shifted by the calibrated
        offset, or widened by the largest offset any tenant can have while none is calibrated."""
        offset = self._timezone.offset() if self._timezone is not None else timedelta(0)
        if offset is None:
            after, before = since - MAX_TRACKER_OFFSET, until + MAX_TRACKER_OFFSET
        else:
            after, before = since + offset, until + offset
        rows = self._client.get_records(
            record_type.widget_letter,
            updated_after=after,
            updated_before=before,
            deadline=self._deadline(),
        )
        for row in rows:
            # A row without a readable stamp is still a change; stamp it with the window's end so it dedupes.
            last_updated = parse_tracker_time(row.last_updated, offset) or until
            yield Change(record_type, row.id, last_updated)

    @property
    def requests_made(self) -> int:
        return self._client.request_count

    def list_open_jobs(self, max_requests: int | None = None) -> OpenJobListing:
        """The open jobs with their summaries ("pipeline count|last updated"), each id once, one PagedSearch
        request per 10; lagged like every search. Incomplete when pages remain after `max_requests` (or the
        overall page cap).

        The summary is None for a row without a pipeline count: the poller then re-checks jobs round-robin.
        """
        pages = _OPEN_JOBS_MAX_PAGES if max_requests is None else max(1, min(max_requests, _OPEN_JOBS_MAX_PAGES))
        jobs: dict[int, OpenJob] = {}
        for page in range(1, pages + 1):
            rows, has_next = self._client.search_opportunities_page(page, state="open", deadline=self._deadline())
            for row in rows:
                if row.opportunity_id not in jobs:
                    summary = (
                        None if row.count_shortlisted is None else f"{row.count_shortlisted}|{row.last_updated or ''}"
                    )
                    jobs[row.opportunity_id] = OpenJob(row.opportunity_id, summary)
            if not has_next or not rows:
                return OpenJobListing(list(jobs.values()))
        return OpenJobListing(list(jobs.values()), complete=False)
