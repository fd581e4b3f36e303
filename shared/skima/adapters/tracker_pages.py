"""Tracker's candidates page by page, for the backfill (`skima.scoring.ports.CandidatePages`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from skima.adapters.tracker_feed import parse_tracker_time, tracker_instant
from skima.scoring.ports import CandidateRow
from skima.tracker.client import TrackerClient

PAGE_SIZE = 100
REQUEST_DEADLINE_SECONDS = 120.0


class TrackerCandidatePages:
    """`CandidatePages` from Widget getRecords R sorted by id (stable pages of 100; one request each)."""

    page_size = PAGE_SIZE

    def __init__(self, client: TrackerClient, offset: Callable[[], timedelta | None] = lambda: None) -> None:
        self._client = client
        self._offset = offset  # the tenant's calibrated zone (`TrackerTimezone.offset`)

    def page(self, number: int) -> list[CandidateRow]:
        rows = self._client.get_records_page(
            "R",
            page=number,
            page_size=self.page_size,
            sort_field="id",
            deadline=self._client.deadline(REQUEST_DEADLINE_SECONDS),
        )
        unique = {row.id: row for row in rows}
        offset = self._offset()
        return [
            CandidateRow(
                cid,
                parse_tracker_time(unique[cid].last_updated),
                tracker_instant(unique[cid].last_updated, offset),
            )
            for cid in sorted(unique)
        ]
