"""The scorer's promises on in-memory fakes: fan-out, caching, conditional stores, outbox, write-back rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from skima.errors import QueueUnavailable
from skima.models import RecordChanged, RecordType
from skima.scoring.ports import ResumeDocument
from skima.scoring.scorer import content_version
from skima.tracker.errors import TrackerUnavailable
from skima.writeback import WriteBackPolicy
from tests.fakes import T0
from tests.unit.scoring.world import JOB_TEXT, STRONG_RESUME, WEAK_RESUME, World


def application(placement_id: int, source: str = "poll") -> RecordChanged:
    return RecordChanged(source=source, record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def candidate(candidate_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.RESOURCE, record_id=candidate_id)


def job(job_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY, record_id=job_id)


def test_a_new_application_is_scored_stored_noted_and_tagged(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, tags=["VIP", "Java"])
    world.apply(3001, 2001, 1001)

    report = world.scorer().handle(application(3001))

    row = world.scores.get(2001, 1001)
    assert row is not None and row.status == "scored" and row.score is not None
    assert row.placement_id == 3001
    assert report.pairs_scored == 1 and report.notes_written == 1
    (note,) = world.tracker.notes
    assert note.record_id == 1001
    assert note.note.startswith(f"SKIMA Match Score: {row.score}/100 (")
    assert (
        note.note.splitlines()[1:3] == ["SKIMA Reasons:", note.note.splitlines()[2]]
        and note.note.splitlines()[2][:2] == "- "
    )
    assert world.tracker.tags[1001] == ["VIP", "Java", "SKIMA Screened"]  # the others kept, in order
    # application, job, list_documents, download, create_note, add_tag: no candidate read, a resume was there
    # (the tag write reads the tags itself: the real client's read-modify-write)
    assert world.tracker.calls == [
        "application",
        "job",
        "list_documents",
        "download",
        "create_note",
        "add_tag",
    ]


def test_a_new_application_to_a_known_job_costs_at_most_six_tracker_calls(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.add_candidate(1002, WEAK_RESUME)
    world.apply(3001, 2001, 1001)
    world.apply(3002, 2001, 1002)
    scorer = world.scorer()
    scorer.handle(application(3001))
    before = world.tracker.request_count
    scorer.handle(application(3002))
    assert world.tracker.request_count - before <= 6


def test_the_same_message_twice_writes_one_note_and_rechecks_with_one_call(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    before = list(world.tracker.calls)

    report = scorer.handle(application(3001))

    assert len(world.tracker.notes) == 1
    # One read: the application itself, or (as here, right after) the pipeline of the job it went to.
    assert len(world.tracker.calls[len(before) :]) == 1
    assert report.pairs_unchanged == 1 and report.pairs_scored == 0


def test_a_stage_change_is_stored_without_rescoring_or_a_new_note(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    scored = world.scores.get(2001, 1001)
    assert scored is not None and scored.placement_status_name == "Applied"
    world.tracker.applications[3001] = replace(world.tracker.applications[3001], status_id=11, status_name="Withdrawn")

    report = scorer.handle(application(3001))

    row = world.scores.get(2001, 1001)
    assert row is not None
    assert (row.placement_status_id, row.placement_status_name) == (11, "Withdrawn")
    assert (row.score, row.inputs_hash, row.origin) == (scored.score, scored.inputs_hash, "application")
    assert report.pairs_unchanged == 1 and report.pairs_scored == 0
    assert len(world.tracker.notes) == 1


def test_a_known_candidate_against_a_known_job_needs_no_tracker_call_to_score(world: World) -> None:
    world.add_job(2001)
    world.add_job(2002, title="Platform Engineer")
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    world.apply(3002, 2002, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    scorer.handle(job(2002))  # the job is read (and cached) on its own hint
    before = len(world.tracker.calls)
    embedded = world.embedder.texts_embedded

    scorer.handle(application(3002))

    # The application is named by the pipeline the job's hint just read; scoring used the cached profile and job;
    # the note is the write.
    assert world.tracker.calls[before:] == ["create_note"]
    assert world.embedder.texts_embedded == embedded  # nothing re-embedded


def test_an_unchanged_candidate_recheck_is_one_call_and_no_write(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    before = len(world.tracker.calls)

    scorer.handle(candidate(1001))

    # Scored from a document: the document list alone proves the resume is the same.
    assert world.tracker.calls[before:] == ["list_documents"]


def test_a_fields_only_candidate_is_rechecked_from_the_record(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, resume=None, fields_text=STRONG_RESUME)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    assert world.tracker.calls[2:4] == ["list_documents", "candidate"]  # no resume: the fields are the resume
    world.tracker.candidates[1001] = replace(
        world.tracker.candidates[1001], fields_text=STRONG_RESUME + "\nKubernetes, Terraform", last_updated=T0
    )
    before = len(world.tracker.calls)

    report = scorer.handle(candidate(1001))

    assert world.tracker.calls[before:][:2] == ["candidate", "list_documents"]
    assert report.profiles_built == 1


def test_a_saved_candidate_with_the_same_document_is_not_downloaded_or_rebuilt(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    world.tracker.candidates[1001] = replace(world.tracker.candidates[1001], last_updated=T0)  # e.g. a phone edit
    before = len(world.tracker.calls)

    report = scorer.handle(candidate(1001))

    # One request: the unchanged document list proves the resume is the same, whatever else was saved.
    assert world.tracker.calls[before:] == ["list_documents"]
    assert report.profiles_built == 0 and len(world.tracker.notes) == 1


def test_a_changed_resume_rescores_every_open_job_the_candidate_is_in(world: World) -> None:
    world.add_job(2001)
    world.add_job(2002, title="Closed job", is_open=False)
    world.add_candidate(1001, WEAK_RESUME)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    old = world.scores.get(2001, 1001)
    assert old is not None and old.score is not None
    world.tracker.jobs[2002] = replace(world.tracker.jobs[2002], is_open=False)
    world.add_candidate(1001, STRONG_RESUME, stamp=T0, document_id=9999)

    report = scorer.handle(candidate(1001))

    new = world.scores.get(2001, 1001)
    assert new is not None and new.score is not None and new.score > old.score
    assert report.profiles_built == 1 and report.pairs_scored == 1
    assert len(world.tracker.notes) == 2
    assert world.scores.jobs_of(1001) == [2001]


def test_a_new_job_fans_out_one_message_per_application_in_batches_of_ten(world: World) -> None:
    world.add_job(2001)
    for index in range(23):
        world.add_candidate(1001 + index)
        world.apply(3001 + index, 2001, 1001 + index)

    report = world.scorer().handle(job(2001))

    assert [len(batch) for batch in world.queue.batches] == [10, 10, 3]
    sent = [m for batch in world.queue.batches for m in batch]
    assert all(isinstance(m, RecordChanged) and m.record_type is RecordType.OPPORTUNITY_RESOURCE for m in sent)
    assert sorted(m.record_id for m in sent if isinstance(m, RecordChanged)) == list(range(3001, 3024))
    assert report.enqueued == 23 and world.tracker.calls == ["job"]
    assert world.tracker.notes == []  # nothing scored in this invocation


def test_an_unchanged_job_only_enqueues_applications_not_scored_yet(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.add_candidate(1002)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    world.apply(3002, 2001, 1002)  # a new entry no ping announced

    scorer.handle(job(2001))

    sent = [m for batch in world.queue.batches for m in batch]
    assert [m.record_id for m in sent if isinstance(m, RecordChanged)] == [3002]


def test_a_job_rechecked_while_its_backlog_is_queued_does_not_queue_it_again(world: World) -> None:
    world.add_job(2001)
    for index in range(3):
        world.add_candidate(1001 + index)
        world.apply(3001 + index, 2001, 1001 + index)
    scorer = world.scorer()
    scorer.handle(job(2001))
    scorer.handle(job(2001))  # the poller's re-check, before any application was scored

    sent = [m.record_id for batch in world.queue.batches for m in batch if isinstance(m, RecordChanged)]
    assert sorted(sent) == [3001, 3002, 3003]
    world.add_job(2001, text=JOB_TEXT + "\nNice to have: Terraform.")  # a new description queues them afresh
    scorer.handle(job(2001))
    sent = [m.record_id for batch in world.queue.batches for m in batch if isinstance(m, RecordChanged)]
    assert sorted(sent) == [3001, 3001, 3002, 3002, 3003, 3003]


def test_entries_a_queue_outage_kept_from_the_queue_are_queued_by_the_retry(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    world.queue.down = True
    with pytest.raises(QueueUnavailable):
        scorer.handle(job(2001))
    world.queue.down = False
    scorer.handle(job(2001))
    sent = [m.record_id for batch in world.queue.batches for m in batch if isinstance(m, RecordChanged)]
    assert sent == [3001]


def test_a_closed_job_is_neither_scored_nor_fanned_out(world: World) -> None:
    world.add_job(2001, is_open=False)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(job(2001))
    scorer.handle(application(3001))
    assert world.queue.batches == [] and world.scores.rows == {} and world.tracker.notes == []


def test_an_older_result_never_overwrites_a_newer_one(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    newer = "2099-01-01T00:00:00+00:00|" + "z"
    scorer = world.scorer()
    scorer.handle(application(3001))
    stored = world.scores.get(2001, 1001)
    assert stored is not None
    world.scores.rows[(2001, 1001)] = replace(stored, content_version=newer, inputs_hash="other", score=1)
    notes = len(world.tracker.notes)

    report = scorer.handle(application(3001))

    kept = world.scores.get(2001, 1001)
    assert kept is not None and kept.content_version == newer and kept.score == 1
    assert report.pairs_skipped == 1 and len(world.tracker.notes) == notes  # and no note for the stale result


def test_content_versions_sort_as_time_does() -> None:
    older = content_version(T0, None, T0 - timedelta(days=2))
    newer = content_version(T0 - timedelta(days=9), T0 + timedelta(seconds=1))
    assert older < newer
    assert content_version(None) < older


def test_a_crash_after_the_note_landed_does_not_duplicate_it_on_retry(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    world.outbox.crash_on_done = True
    scorer = world.scorer()
    with pytest.raises(RuntimeError):
        scorer.handle(application(3001))
    assert len(world.tracker.notes) == 1

    scorer.handle(application(3001))  # SQS redelivers

    assert len(world.tracker.notes) == 1
    assert "find_note" in world.tracker.calls  # the retry looked for its marker before sending


def test_a_lost_note_response_is_retried_without_a_duplicate(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    world.tracker.lose_next_note_response = True
    scorer = world.scorer()
    with pytest.raises(TrackerUnavailable):
        scorer.handle(application(3001))
    scorer.handle(application(3001))
    assert len(world.tracker.notes) == 1
    row = world.scores.get(2001, 1001)
    assert row is not None and row.writeback_done_for == row.inputs_hash


def test_the_tag_is_added_once_across_jobs(world: World) -> None:
    world.add_job(2001)
    world.add_job(2002, title="Platform Engineer")
    world.add_candidate(1001, tags=["Keep me"])
    world.apply(3001, 2001, 1001)
    world.apply(3002, 2002, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    scorer.handle(application(3002))
    assert world.tracker.calls.count("add_tag") == 1
    assert world.tracker.tags[1001] == ["Keep me", "SKIMA Screened"]


def test_a_tag_already_present_is_not_written(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, tags=["skima screened"])
    world.apply(3001, 2001, 1001)
    world.scorer().handle(application(3001))
    # Asked without known tags (no candidate read was needed), the adapter's own read finds it: nothing written.
    assert world.tracker.add_tag_known == [None]
    assert world.tracker.tags[1001] == ["skima screened"]


def test_no_new_note_without_a_material_change(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    # The same resume re-uploaded as a new document: new inputs, same score and reasons.
    world.add_candidate(1001, STRONG_RESUME + "\n", stamp=T0, document_id=9001)
    report = scorer.handle(candidate(1001))
    assert report.profiles_built == 1
    assert len(world.tracker.notes) == 1


def test_a_new_engine_rewording_the_same_resume_writes_no_new_note(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    first = world.scores.get(2001, 1001)
    assert first is not None and len(world.tracker.notes) == 1
    # A deploy brings a new engine version whose wording differs; resume and job are unchanged.
    monkeypatch.setattr("skima.scoring.scorer.ENGINE_VERSION", "skima-engine/99.0.0")
    match = world.engine.match

    def reworded(job, profile):  # type: ignore[no-untyped-def]
        result = match(job, profile)
        return result.model_copy(update={"reasons": [f"{reason} (reworded)" for reason in result.reasons]})

    monkeypatch.setattr(world.engine, "match", reworded)
    report = scorer.handle(candidate(1001))
    again = world.scores.get(2001, 1001)
    assert report.pairs_scored == 1 and again is not None and again.inputs_hash != first.inputs_hash
    assert again.reasons != first.reasons
    assert len(world.tracker.notes) == 1  # no second note for new wording of the same evidence


def test_insufficient_evidence_writes_a_note_without_a_number_and_no_rank_or_tag(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, resume=None, fields_text="")
    world.apply(3001, 2001, 1001)

    world.scorer().handle(application(3001))

    row = world.scores.get(2001, 1001)
    assert row is not None and row.status == "insufficient_evidence" and row.score is None
    assert world.scores.top10(2001) == []
    (note,) = world.tracker.notes
    assert note.note.startswith("SKIMA Match Score: not scored (the resume could not be judged)\nSKIMA Reasons:\n- ")
    assert not any(ch.isdigit() for ch in note.note.splitlines()[0])
    assert "add_tag" not in world.tracker.calls


def test_the_record_fields_are_the_resume_when_there_is_no_document(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, resume=None, fields_text=STRONG_RESUME)
    world.apply(3001, 2001, 1001)
    world.scorer().handle(application(3001))
    row = world.scores.get(2001, 1001)
    assert row is not None and row.status == "scored"
    assert "download" not in world.tracker.calls
    assert world.profiles.profiles[1001].profile.source == "record_fields"


def _ranked_world(world: World, strong: int, weak: int, status: str = "Applied") -> None:
    world.add_job(2001)
    for index in range(strong):
        world.add_candidate(1001 + index)
        world.apply(3001 + index, 2001, 1001 + index, status)
    for index in range(weak):
        world.add_candidate(1501 + index, WEAK_RESUME)
        world.apply(3501 + index, 2001, 1501 + index, status)


def _score_all(world: World) -> None:
    scorer = world.scorer()
    for placement_id in sorted(world.tracker.applications):
        scorer.handle(application(placement_id))


def test_no_stage_move_unless_enabled(world: World) -> None:
    _ranked_world(world, strong=2, weak=0)
    _score_all(world)
    assert world.tracker.stage_moves == []


def test_stage_move_only_for_a_high_score_in_the_top10(world: World) -> None:
    world.policy = WriteBackPolicy(stage_status_id=4, stage_min_score=50)
    _ranked_world(world, strong=2, weak=2)
    _score_all(world)
    strong_rows = [world.scores.get(2001, c) for c in (1001, 1002)]
    weak_rows = [world.scores.get(2001, c) for c in (1501, 1502)]
    assert all(r is not None and (r.score or 0) >= 50 for r in strong_rows)
    assert all(r is not None and (r.score or 0) < 50 for r in weak_rows)
    assert sorted(world.tracker.stage_moves) == [(3001, 4), (3002, 4)]  # never a move on a low score


def test_no_stage_move_outside_the_top10(world: World) -> None:
    world.policy = WriteBackPolicy(stage_status_id=4, stage_min_score=0)
    _ranked_world(world, strong=10, weak=1)
    _score_all(world)
    assert (3501, 4) not in world.tracker.stage_moves  # 11th of 11
    assert len(world.tracker.stage_moves) == 10


def test_withdrawn_applications_do_not_hold_places_in_the_top10(world: World) -> None:
    world.policy = WriteBackPolicy(stage_status_id=4, stage_min_score=0)
    _ranked_world(world, strong=10, weak=0, status="Withdrawn")
    world.add_candidate(1501, WEAK_RESUME)
    world.apply(3501, 2001, 1501)
    _score_all(world)
    # Ten stronger candidates withdrew: the weak live one is in the live top-10 and moves.
    assert world.tracker.stage_moves == [(3501, 4)]


def test_no_stage_move_for_a_candidate_already_further_along(world: World) -> None:
    world.policy = WriteBackPolicy(stage_status_id=4, stage_min_score=0)
    _ranked_world(world, strong=1, weak=0, status="First Interview")
    _score_all(world)
    assert world.tracker.stage_moves == []


def test_top10_orders_by_score_then_candidate_id(world: World) -> None:
    _ranked_world(world, strong=12, weak=2)
    _score_all(world)
    top = world.scores.top10(2001)
    assert len(top) == 10
    assert [r.candidate_id for r in top] == list(range(1001, 1011))  # identical resumes: ties by id


def test_a_webhook_hint_records_the_ping_and_sync_health(world: World) -> None:
    world.add_job(2001)
    world.scorer().handle(RecordChanged(source="webhook", record_type=RecordType.OPPORTUNITY, record_id=2001))
    assert world.state.pings == [("Opportunity", 2001)]
    assert world.state.health["pings"] == 1 and "last_ping_seen" in world.state.health


def test_a_poll_hint_records_no_ping(world: World) -> None:
    world.add_job(2001)
    world.scorer().handle(job(2001))
    assert world.state.pings == []


def test_a_deleted_record_is_nothing_to_do(world: World) -> None:
    report = world.scorer().handle(application(3999))
    assert report.outcome == "record not found" and world.scores.rows == {}


def test_a_document_is_the_same_file_by_id_and_upload_time_and_size_when_known() -> None:
    base = ResumeDocument(1, "cv.pdf", None, 10, T0)
    assert base.same_file(base.cache_key, 10)
    assert base.same_file(base.cache_key, None)  # Tracker may fill the size in later
    assert replace(base, size=None).same_file(base.cache_key, 10)
    assert not base.same_file(base.cache_key, 11)
    assert not base.same_file(replace(base, document_id=2).cache_key, 10)
    assert not base.same_file(replace(base, created=T0 + timedelta(seconds=1)).cache_key, 10)


def test_a_save_in_the_same_second_as_our_read_is_not_missed(world: World) -> None:
    """Whole-second stamps: a document attached in the second we read the candidate keeps its stamp."""
    world.add_job(2001)
    world.add_candidate(1001, WEAK_RESUME, stamp=T0)  # saved in the very second the scorer reads it (clock T0)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    world.add_candidate(1001, STRONG_RESUME, stamp=T0, document_id=9001)  # same stamp, new document

    report = scorer.handle(candidate(1001))

    assert report.profiles_built == 1 and len(world.tracker.notes) == 2


def test_before_the_tenants_zone_is_known_no_stamp_proves_a_candidate_unchanged(world: World) -> None:
    """A UTC-5 tenant's naive stamps read as UTC look five hours old: without the calibrated offset a save made
    in the very second of our read would pass for settled and its new document would be missed."""
    world.tracker.offset_calibrated = False
    looks_old = T0 - timedelta(hours=5)  # Tracker's local wall clock at T0, read as UTC
    world.add_job(2001)
    world.add_candidate(1001, WEAK_RESUME, stamp=looks_old)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    world.add_candidate(1001, STRONG_RESUME, stamp=looks_old, document_id=9001)  # same second, new document

    report = scorer.handle(candidate(1001))

    assert report.profiles_built == 1 and len(world.tracker.notes) == 2


def test_no_stage_move_when_the_live_stage_moved_on_since_it_was_stored(world: World) -> None:
    world.policy = WriteBackPolicy(stage_status_id=4, stage_min_score=101)  # first scoring: too low to move
    _ranked_world(world, strong=1, weak=0)
    _score_all(world)
    world.policy = WriteBackPolicy(stage_status_id=4, stage_min_score=0)
    world.apply(3001, 2001, 1001, "First Interview")  # a recruiter moved the candidate on
    world.add_candidate(1001, STRONG_RESUME + "\nKafka\n", stamp=T0 + timedelta(days=1), document_id=9001)

    world.scorer().handle(candidate(1001))

    assert world.tracker.stage_moves == []


def _rediscovered(world: World, job_id: int, candidate_id: int, score: int) -> None:
    """A row as rediscovery stores it: scored against the job, no placement."""
    row = world.scores.get(job_id, candidate_id)
    assert row is not None
    world.scores.rows[(job_id, candidate_id)] = replace(row, origin="rediscovery", placement_id=None, score=score)


def test_a_rediscovered_candidate_who_applies_becomes_an_applicant(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()
    scorer.handle(application(3001))
    _rediscovered(world, 2001, 1001, score=80)

    scorer.handle(application(3001))

    row = world.scores.get(2001, 1001)
    assert row is not None and row.origin == "application" and row.placement_id == 3001


def test_a_changed_resume_writes_no_note_for_a_rediscovery_row_outside_the_top10(world: World) -> None:
    world.add_job(2001)
    for index in range(11):  # ten applicants fill the top-10...
        world.add_candidate(1001 + index)
        world.apply(3001 + index, 2001, 1001 + index)
    scorer = world.scorer()
    for index in range(11):
        scorer.handle(application(3001 + index))
    _rediscovered(world, 2001, 1011, score=1)  # ...and one rediscovered candidate sits below them
    notes_before = len(world.tracker.notes)
    world.add_candidate(1011, WEAK_RESUME, stamp=T0, document_id=9999)

    scorer.handle(candidate(1011))

    row = world.scores.get(2001, 1011)
    assert row is not None and row.origin == "rediscovery"  # re-scored and kept as rediscovered
    assert 1011 not in {r.candidate_id for r in world.scores.top10(2001)}
    assert len(world.tracker.notes) == notes_before


def test_a_resume_that_cannot_be_downloaded_falls_back_to_the_record_read_only_then(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, fields_text=STRONG_RESUME)
    world.tracker.unavailable_documents.add(1001)
    world.apply(3001, 2001, 1001)
    scorer = world.scorer()

    scorer.handle(application(3001))

    assert world.tracker.calls[2:5] == ["list_documents", "download", "candidate"]
    cached = world.profiles.get_profile(1001)
    assert cached is not None and cached.profile.source == "record_fields"
    # Scored from the fields: a later hint reads the record again (its fields are the resume).
    before = len(world.tracker.calls)
    scorer.handle(candidate(1001))
    assert world.tracker.calls[before] == "candidate"
