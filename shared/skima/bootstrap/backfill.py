"""The `skima backfill` command's composition root: Tracker's candidates → the engine → the profile cache and the
vector index rediscovery searches, resumable through the cursor in the state table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from skima.adapters import scorer_wiring, wiring
from skima.adapters.dynamo_state import DynamoBackfillCursor
from skima.adapters.tracker_pages import REQUEST_DEADLINE_SECONDS, TrackerCandidatePages
from skima.adapters.tracker_source import TrackerRecordSource
from skima.config import BackfillSettings
from skima.scoring.backfill import Backfill
from skima.scoring.ports import BackfillCursor
from skima.scoring.vector_index import IndexedProfileCache, LiveVectorIndex


@dataclass(frozen=True)
class BackfillDeps:
    backfill: Backfill
    tracker_requests: Callable[[], int]
    """The Tracker requests this process has made so far (for the progress line's rate)."""


def cursor_store(state_table: str) -> DynamoBackfillCursor:
    """Where the backfill's progress is kept (read alone by `--status`, without Tracker or the engine)."""
    return wiring.backfill_cursor(state_table)


def build(
    settings: BackfillSettings,
    model_dir: str,
    *,
    cursor: DynamoBackfillCursor,
    progress: Callable[[BackfillCursor, int], None],
) -> BackfillDeps:
    engine = scorer_wiring.engine(model_dir)
    model_id = engine.embedder.model_id
    client = wiring.tracker_client(settings)
    store = scorer_wiring.vector_store(settings.profiles_table, model_id)
    backfill = Backfill(
        pages=TrackerCandidatePages(client, wiring.tracker_timezone(settings.state_table).offset),
        tracker=TrackerRecordSource(client, lambda: client.deadline(REQUEST_DEADLINE_SECONDS)),
        engine=engine,
        profiles=IndexedProfileCache(
            scorer_wiring.profile_cache(settings.profiles_table, settings.score_retention_days), store, model_id
        ),
        index=LiveVectorIndex(store),
        cursor=cursor,
        progress=progress,
    )
    return BackfillDeps(backfill, lambda: client.request_count)
