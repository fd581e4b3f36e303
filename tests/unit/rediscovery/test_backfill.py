"""The backfill: every Tracker candidate cached (and made searchable) once, cheaply, resumably."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from skima.scoring.backfill import Backfill
from skima.scoring.ports import BackfillCursor, CachedProfile, CandidateRecord, CandidateRow
from skima.tracker.errors import TrackerUnavailable
from tests.fakes import T0, FakeBackfillCursorStore, FakeCandidatePages
from tests.unit.rediscovery.world import Rediscovering, rediscovering
from tests.unit.scoring.world import STRONG_RESUME, WEAK_RESUME, World

PER_NEW_CANDIDATE = ["candidate", "list_documents", "download"]


@pytest.fixture
def r(world: World) -> Rediscovering:
    for cid in range(1001, 1011):
        world.add_candidate(cid, STRONG_RESUME if cid % 2 else WEAK_RESUME)
    return rediscovering(world)


def backfill(r: Rediscovering, cursor: FakeBackfillCursorStore, pages: FakeCandidatePages | None = None) -> Backfill:
    return Backfill(
        pages=pages or FakeCandidatePages(r.world.tracker),
        tracker=r.world.tracker,
        engine=r.world.engine,
        profiles=r.cache,
        index=r.index,
        cursor=cursor,
        clock=lambda: T0,
    )


def test_every_candidate_is_cached_and_searchable_with_one_page_request_per_page(r: Rediscovering) -> None:
    cursor = FakeBackfillCursorStore()

    result = backfill(r, cursor).run()

    assert result.complete and result.seen == 10 and result.built == 10
    assert set(r.world.profiles.profiles) == set(range(1001, 1011))
    assert sum(len(rows) for _, rows in r.vectors.chunks.values()) == 10
    calls = r.world.tracker.calls
    assert calls.count("get_records") == 4  # pages of 3: 3 + 3 + 3 + 1
    assert [c for c in calls if c != "get_records"] == PER_NEW_CANDIDATE * 10
    assert cursor.saved is not None and cursor.saved.complete and cursor.saved.last_id == 1010


def test_a_second_walk_costs_only_the_pages_for_unchanged_candidates(r: Rediscovering) -> None:
    backfill(r, FakeBackfillCursorStore()).run()
    r.world.tracker.calls.clear()

    result = backfill(r, FakeBackfillCursorStore()).run(restart=True)

    assert result.unchanged == 10 and result.built == 0
    assert set(r.world.tracker.calls) == {"get_records"}


def test_a_changed_candidate_is_reread_and_an_unchanged_file_is_not_downloaded(r: Rediscovering) -> None:
    backfill(r, FakeBackfillCursorStore()).run()
    record = r.world.tracker.candidates[1003]
    r.world.tracker.candidates[1003] = replace(record, last_updated=T0)  # a field edit; same resume file
    r.world.tracker.calls.clear()

    result = backfill(r, FakeBackfillCursorStore()).run()

    assert result.confirmed == 1 and result.unchanged == 9
    assert [c for c in r.world.tracker.calls if c != "get_records"] == ["candidate", "list_documents"]


def test_an_interrupted_walk_resumes_after_the_last_finished_candidate(r: Rediscovering) -> None:
    cursor = FakeBackfillCursorStore()
    tracker = r.world.tracker
    real = tracker.candidate

    def failing(candidate_id: int) -> CandidateRecord:
        if candidate_id == 1006:
            raise TrackerUnavailable("Tracker is down")
        return real(candidate_id)

    tracker.candidate = failing  # type: ignore[method-assign]
    with pytest.raises(TrackerUnavailable):
        backfill(r, cursor).run()
    assert cursor.saved == replace(cursor.saved or BackfillCursor(), page=1, last_id=1005)
    tracker.candidate = real  # type: ignore[method-assign]
    tracker.calls.clear()

    result = backfill(r, cursor).run()

    assert result.complete and result.built == 10 and result.seen == 10
    reads = [c for c in tracker.calls if c == "candidate"]
    assert len(reads) == 5  # 1006 ... 1010: nobody read twice


def test_deleted_candidates_that_shift_pages_do_not_make_the_resume_skip_anyone(r: Rediscovering) -> None:
    cursor = FakeBackfillCursorStore()
    pages = FakeCandidatePages(r.world.tracker)
    backfill(r, cursor, pages).run(max_candidates=7)  # stopped inside page 2 (ids 1007..1009)
    assert cursor.saved is not None and cursor.saved.last_id == 1007 and cursor.saved.page == 2
    for gone in (1001, 1002, 1003, 1004):  # four deletions: 1008 now sits on page 1
        del r.world.tracker.candidates[gone]

    result = backfill(r, cursor, pages).run()

    assert result.complete
    assert set(r.world.profiles.profiles) == set(range(1001, 1011))  # 1008..1010 were not skipped


def test_profiles_cached_before_the_index_existed_are_indexed_without_tracker_reads(r: Rediscovering) -> None:
    for cid in range(1001, 1011):  # the scorer cached them with the plain cache: no vectors stored
        r.world.profiles.put_profile(_profile_of(r, cid))
    r.world.tracker.calls.clear()
    assert r.vectors.chunks == {}

    result = backfill(r, FakeBackfillCursorStore()).run()

    assert result.unchanged == 10
    assert set(r.world.tracker.calls) == {"get_records"}
    assert sum(len(rows) for _, rows in r.vectors.chunks.values()) == 10
    assert len(r.index.index) == 10


def _profile_of(r: Rediscovering, cid: int) -> CachedProfile:
    record = r.world.tracker.candidates[cid]
    document = r.world.tracker.documents[cid][0]
    return CachedProfile(
        candidate_id=cid,
        profile=r.world.engine.build_profile(str(cid), STRONG_RESUME),
        source_key=document.cache_key,
        candidate_stamp=record.last_updated,
        document_size=document.size,
        confirmed_at=T0 - timedelta(hours=1),
    )


def test_a_deleted_candidate_is_counted_and_the_walk_goes_on(r: Rediscovering) -> None:
    tracker = r.world.tracker
    pages = FakeCandidatePages(r.world.tracker)
    real_page = pages.page

    def page_with_a_ghost(number: int) -> list[CandidateRow]:
        rows = real_page(number)
        if number == 0:
            rows = [CandidateRow(1000, T0), *rows]  # listed by a lagging search, already deleted
        return rows

    pages.page = page_with_a_ghost  # type: ignore[method-assign]

    result = backfill(r, FakeBackfillCursorStore(), pages).run()

    assert result.gone == 1 and result.built == 10 and result.complete
    assert tracker.calls.count("candidate") == 11


def test_a_finished_walk_is_not_repeated_unless_restarted(r: Rediscovering) -> None:
    cursor = FakeBackfillCursorStore()
    backfill(r, cursor).run()
    r.world.tracker.calls.clear()

    again = backfill(r, cursor).run()

    assert again.complete and r.world.tracker.calls == []
