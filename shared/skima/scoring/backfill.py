"""Use case: the backfill. Walk every candidate in Tracker once and cache their profile (parsed and embedded),
so rediscovery can find people who never applied to a job since SKIMA was installed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from skima.engine import Engine
from skima.scoring.ports import (
    BackfillCursor,
    BackfillCursorStore,
    CachedProfile,
    CandidatePages,
    CandidateRow,
    ProfileCache,
    TrackerSource,
)
from skima.scoring.profiles import current_profile, refresh_profile, stamp_proves_unchanged
from skima.scoring.vector_index import LiveVectorIndex
from skima.tracker.errors import TrackerNotFound

logger = logging.getLogger(__name__)


class Backfill:
    """Walk every candidate in Tracker once and cache (parse + embed) their profile, so rediscovery can find them.

    Cheap on Tracker's shared budget: one request per page of 100 candidates; a candidate whose cached profile is
    at least as new as the listed stamp costs nothing more; otherwise the same reads as the scorer (record, then
    documents, then the file only when it is new), so scorer and backfill share their cache keys. Resumable: the
    cursor (page and last finished id) is saved after every page and before any error propagates.
    """

    def __init__(
        self,
        *,
        pages: CandidatePages,
        tracker: TrackerSource,
        engine: Engine,
        profiles: ProfileCache,
        index: LiveVectorIndex,
        cursor: BackfillCursorStore,
        progress: Callable[[BackfillCursor, int], None] = lambda cursor, requests: None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._pages = pages
        self._tracker = tracker
        self._engine = engine
        self._profiles = profiles
        self._index = index
        self._cursor = cursor
        self._progress = progress
        self._clock = clock

    def run(self, *, restart: bool = False, max_candidates: int | None = None) -> BackfillCursor:
        cursor = None if restart else self._cursor.load()
        if cursor is None or (restart and cursor.complete):
            cursor = BackfillCursor()
        if cursor.complete:
            return cursor
        self._index.refresh()  # to find cached profiles whose vectors are not stored yet (cached before indexing)
        page_number = self._resume_page(cursor)
        budget = max_candidates
        while True:
            rows = self._pages.page(page_number)
            unindexed: dict[int, npt.NDArray[np.float32]] = {}
            try:
                for row in rows:
                    if row.candidate_id <= cursor.last_id:
                        continue
                    if budget is not None and budget <= 0:
                        return cursor
                    self._one(row, cursor, unindexed)
                    cursor.last_id = row.candidate_id
                    cursor.seen += 1
                    if budget is not None:
                        budget -= 1
            finally:
                self._index.add(unindexed)
                cursor.page = page_number
                self._save(cursor)
                self._progress(cursor, self._tracker.request_count)
            if len(rows) < self._pages.page_size:
                cursor.complete = True
                self._save(cursor)
                return cursor
            page_number += 1

    def _save(self, cursor: BackfillCursor) -> None:
        cursor.updated_at = self._clock().isoformat(timespec="seconds")
        self._cursor.save(cursor)

    def _resume_page(self, cursor: BackfillCursor) -> int:
        """Deleted candidates shift later ids onto earlier pages: step back until a page starts at or before
        the last finished id, so nothing is skipped (ids already done are passed over)."""
        page_number = cursor.page
        while page_number > 0 and cursor.last_id > 0:
            rows = self._pages.page(page_number)
            if rows and rows[0].candidate_id <= cursor.last_id:
                break
            page_number -= 1
        return page_number

    def _one(self, row: CandidateRow, cursor: BackfillCursor, unindexed: dict[int, npt.NDArray[np.float32]]) -> None:
        cached = current_profile(self._profiles.get_profile(row.candidate_id), self._engine.embedder.model_id)
        if cached is not None and stamp_proves_unchanged(cached, row.last_updated, row.updated_utc):
            cursor.unchanged += 1
            if row.candidate_id not in self._index.index and cached.profile.doc_vector:
                unindexed[row.candidate_id] = cached.profile.doc_array()
            return
        try:
            outcome = self._refresh(row.candidate_id, cached)
        except TrackerNotFound:
            cursor.gone += 1
            return
        if outcome == "built":
            cursor.built += 1
        else:
            cursor.confirmed += 1

    def _refresh(self, candidate_id: int, cached: CachedProfile | None) -> str:
        """The scorer's profile rule (`skima.scoring.profiles.refresh_profile`)."""
        record = self._tracker.candidate(candidate_id)
        _, built = refresh_profile(
            record, cached, tracker=self._tracker, engine=self._engine, profiles=self._profiles, clock=self._clock
        )
        return "built" if built else "confirmed"
