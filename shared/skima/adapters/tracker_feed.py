"""The poller's change feed, read from Tracker's Widget getRecords (types R, O, X; inclusive time bounds),
and its list of open jobs (getRecords O state=open: one request per 100 open jobs)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from skima.models import RecordType
from skima.polling import Change
from skima.tracker.client import TrackerClient
from skima.tracker.timing import Deadline

_OPEN_JOBS_PAGE = 100
# Enough for any agency's open jobs; bounds the poller's spend if Tracker ever ignored the state filter.
_OPEN_JOBS_MAX_PAGES = 20


def parse_tracker_time(value: str | None) -> datetime | None:
    """Tracker's timestamps ("2026-11-28 07:21:17", "2026-11-28T07:21:17[.fff][Z]") as aware UTC datetimes.

    Tracker does not say which zone it means; we read naive stamps as UTC and the poller's lookback absorbs skew.
    """
    if not value:
        return None
    text = value.strip().replace(" ", "T", 1)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


class TrackerChangeFeed:
    def __init__(self, client: TrackerClient, deadline: Callable[[], Deadline]) -> None:
        self._client = client
        self._deadline = deadline

    def changes(self, record_type: RecordType, since: datetime, until: datetime) -> Iterator[Change]:
        rows = self._client.get_records(
            record_type.widget_letter,
            updated_after=since,
            updated_before=until,
            deadline=self._deadline(),
        )
        for row in rows:
            # A row without a readable stamp is still a change; stamp it with the window's end so it dedupes.
            last_updated = parse_tracker_time(row.last_updated) or until
            yield Change(record_type, row.id, last_updated)

    def open_job_ids(self) -> Iterator[int]:
        """Every open job's id, by id (a stable order while paging); lagged like every search."""
        seen: set[int] = set()
        for page in range(_OPEN_JOBS_MAX_PAGES):
            rows = self._client.get_records_page(
                RecordType.OPPORTUNITY.widget_letter,
                page=page,
                page_size=_OPEN_JOBS_PAGE,
                state="open",
                sort_field="id",
                deadline=self._deadline(),
            )
            for row in rows:
                if row.id not in seen:
                    seen.add(row.id)
                    yield row.id
            if len(rows) < _OPEN_JOBS_PAGE:
                return
