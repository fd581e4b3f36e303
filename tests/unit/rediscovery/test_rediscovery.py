"""Rediscovery's promises on fakes: known candidates are matched against a new or changed job without reading
Tracker; the best enter the top-10 marked as rediscovered; only they get notes; nobody is auto-rejected."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from skima.engine import ENGINE_VERSION
from skima.errors import DependencyUnavailable
from skima.models import RecordChanged, RecordType
from skima.scoring.ports import CachedJob, JobRecord, ScoreRow
from skima.scoring.scorer import Scorer, job_text
from tests.fakes import T0
from tests.unit.rediscovery.world import Rediscovering, rediscovering
from tests.unit.scoring.world import STRONG_RESUME, WEAK_RESUME, World

NEARLY = STRONG_RESUME.replace("Kafka", "Redis")  # one requirement short: a lower score
NURSE_JOB = """## Requirements
- 5+ years of experience as an ICU nurse
- Caring for critically ill patients
- BSc Nursing
"""
READS = {"application", "job", "candidate", "list_documents", "download", "get_records"}


@pytest.fixture
def r(world: World) -> Rediscovering:
    return rediscovering(world)


def scorer(r: Rediscovering, **kwargs: object) -> Scorer:
    w = r.world
    return Scorer(
        tracker=w.tracker,
        engine=w.engine,
        profiles=r.cache,
        scores=w.scores,
        writeback=w.writeback(),
        queue=w.queue,
        state=w.state,
        rediscovery=r.rediscovery(**kwargs),
        clock=lambda: T0,
    )


def job_hint(job_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY, record_id=job_id)


def seed(r: Rediscovering) -> None:
    """12 strong, 3 nearly-strong and 5 unrelated candidates known from earlier work; none applied."""
    for cid in range(1001, 1013):
        r.cache_profile(cid, STRONG_RESUME)
    for cid in range(1013, 1016):
        r.cache_profile(cid, NEARLY)
    for cid in range(1016, 1021):
        r.cache_profile(cid, WEAK_RESUME)


def prepared_job(r: Rediscovering, job_id: int) -> CachedJob:
    """The job as the scorer caches it before telling rediscovery."""
    record = r.world.tracker.jobs[job_id]
    text = job_text(record.title, record.description)
    prepared = r.world.engine.prepare_job(str(job_id), text)
    return CachedJob(job_id, record.title, prepared.text_sha256, record.is_open, record.last_updated, prepared)


def rediscovered(world: World, job_id: int) -> dict[int, ScoreRow]:
    return {c: row for (j, c), row in world.scores.rows.items() if j == job_id and row.origin == "rediscovery"}


def test_a_new_job_gets_the_best_known_candidates_in_its_top10_marked_as_rediscovered(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001)

    scorer(r).handle(job_hint(2001))

    rows = rediscovered(r.world, 2001)
    top10 = r.world.scores.top10(2001)
    assert [row.candidate_id for row in top10] == list(range(1001, 1011))  # best score, ties by id
    assert all(row.origin == "rediscovery" and row.placement_id is None for row in top10)
    assert all(row.candidate_name == f"Candidate {row.candidate_id}" for row in top10)  # for the shortlist page
    assert set(rows) == set(range(1001, 1011))  # nobody outside the top-10 is stored
    assert {note.record_id for note in r.world.tracker.notes} == set(range(1001, 1011))
    assert len(r.world.tracker.notes) == 10
    assert all("SKIMA Match Score: " in note.note for note in r.world.tracker.notes)
    assert {cid for cid, tags in r.world.tracker.tags.items() if "SKIMA Screened" in tags} == set(range(1001, 1011))


def test_rediscovery_never_reads_tracker_and_writes_only_for_the_top10(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001)
    r.world.tracker.calls.clear()

    scorer(r).handle(job_hint(2001))

    calls = r.world.tracker.calls
    assert calls.count("job") == 1  # the scorer's read of the job hint itself
    assert not [c for c in calls if c in READS - {"job"}]  # no candidate, document or download read
    assert calls.count("create_note") == 10 and calls.count("add_tag") == 10
    assert not r.world.tracker.stage_moves


def test_no_one_below_the_bar_is_stored_or_noted_even_with_room_in_the_top10(r: Rediscovering) -> None:
    for cid in range(1016, 1021):
        r.cache_profile(cid, WEAK_RESUME)
    r.cache_profile(1001, STRONG_RESUME)
    r.world.add_job(2001)

    scorer(r).handle(job_hint(2001))

    assert set(rediscovered(r.world, 2001)) == {1001}
    assert [note.record_id for note in r.world.tracker.notes] == [1001]


def test_applicants_who_fill_the_top10_keep_it_and_nobody_rediscovered_is_written(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001)
    job = prepared_job(r, 2001)
    for cid in range(5001, 5011):  # ten applicants already scored 95
        r.world.scores.put(
            ScoreRow(
                job_id=2001,
                candidate_id=cid,
                status="scored",
                score=95,
                reasons=["r"],
                gaps=[],
                receipt_id="x",
                receipt_json="{}",
                result_json="{}",
                content_version="0",
                inputs_hash=f"h{cid}",
                engine_version=ENGINE_VERSION,
                job_title="Backend Engineer",
                placement_id=cid,
            )
        )
    r.world.tracker.calls.clear()

    report = r.rediscovery().rediscover(job)

    assert report.matched == 20 and report.entered_top == []
    assert rediscovered(r.world, 2001) == {}
    assert r.world.tracker.calls == []  # 0 Tracker calls
    assert [row.candidate_id for row in r.world.scores.top10(2001)] == list(range(5001, 5011))


def test_candidates_in_the_jobs_pipeline_are_left_to_their_application(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001)
    job = prepared_job(r, 2001)

    report = r.rediscovery().rediscover(job, in_pipeline={1001, 1002})

    assert 1001 not in rediscovered(r.world, 2001) and 1002 not in rediscovered(r.world, 2001)
    assert report.entered_top == list(range(1003, 1013))
    assert all(1001 not in batch and 1002 not in batch for batch in r.batch.batches)


def test_the_same_job_text_again_is_not_rediscovered_twice(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001)
    scorer(r).handle(job_hint(2001))
    job = r.world.profiles.get_job(2001)
    assert job is not None
    notes = len(r.world.tracker.notes)
    r.world.tracker.calls.clear()

    report = r.rediscovery().rediscover(job)  # a retried or repeated hint

    assert report.outcome == "already done for this text" and report.matched == 0
    assert len(r.world.tracker.notes) == notes and r.world.tracker.calls == []


def test_a_changed_description_rescores_earlier_rediscoveries_so_no_stale_score_stays_ranked(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001)
    s = scorer(r)
    s.handle(job_hint(2001))
    java_notes = len(r.world.tracker.notes)
    old = r.world.tracker.jobs[2001]
    r.world.tracker.jobs[2001] = JobRecord(2001, "ICU Nurse", NURSE_JOB, True, old.last_updated + timedelta(days=1))

    s.handle(job_hint(2001))

    rows = rediscovered(r.world, 2001)
    top10 = [row.candidate_id for row in r.world.scores.top10(2001)]
    assert top10[:5] == list(range(1016, 1021))  # the nurses now lead
    java_devs = [rows[cid] for cid in range(1001, 1011)]
    assert all(row.job_title == "ICU Nurse" for row in java_devs)  # re-scored against the new text
    assert all((row.score or 0) < 60 for row in java_devs)
    new_notes = r.world.tracker.notes[java_notes:]
    assert {note.record_id for note in new_notes} == set(range(1016, 1021))  # no note for a fallen score


def test_a_profile_from_another_engine_version_is_skipped_not_misjudged(r: Rediscovering) -> None:
    r.cache_profile(1001, STRONG_RESUME)
    r.cache_profile(1002, STRONG_RESUME)
    cached = r.world.profiles.profiles[1002]
    r.world.profiles.profiles[1002] = replace(cached, profile=cached.profile.model_copy(update={"engine_version": "0"}))
    r.world.add_job(2001)
    job = prepared_job(r, 2001)

    report = r.rediscovery().rediscover(job)

    assert report.stale_profiles == 1 and report.entered_top == [1001]


def test_a_closed_job_is_not_rediscovered(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001, is_open=False)

    scorer(r).handle(job_hint(2001))

    assert r.world.scores.rows == {} and r.world.tracker.notes == []
    assert r.log.done == {}


def test_a_profile_cached_by_the_scorer_becomes_searchable(r: Rediscovering) -> None:
    r.world.add_job(2001)
    r.world.add_job(2002)
    r.world.add_candidate(1001)
    r.world.apply(3001, 2001, 1001)
    s = scorer(r)
    s.handle(RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=3001))

    assert r.vectors.writes == 1  # stored with its profile

    s.handle(job_hint(2002))  # another job, whose pipeline is empty

    assert [row.candidate_id for row in r.world.scores.top10(2002)] == [1001]
    assert r.world.scores.rows[(2002, 1001)].origin == "rediscovery"
    assert r.world.scores.rows[(2001, 1001)].origin == "application"


def test_first_stage_size_bounds_the_engine_work(r: Rediscovering) -> None:
    seed(r)
    r.world.add_job(2001)
    job = prepared_job(r, 2001)

    report = r.rediscovery(first_stage_size=4).rediscover(job)

    assert report.shortlisted == 4 and report.matched == 4
    assert report.entered_top == [1001, 1002, 1003, 1004]  # the strong resumes are nearest in the first stage


def test_an_index_outage_does_not_fail_scoring_and_the_profile_is_still_cached(r: Rediscovering) -> None:
    def down(vectors: object) -> int:
        raise DependencyUnavailable("vectors write: ProvisionedThroughputExceededException")

    r.vectors.upsert_many = down  # type: ignore[method-assign,assignment]
    r.world.add_job(2001)
    r.world.add_candidate(1001)
    r.world.apply(3001, 2001, 1001)

    report = scorer(r).handle(RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=3001))

    assert report.pairs_scored == 1 and 1001 in r.world.profiles.profiles
