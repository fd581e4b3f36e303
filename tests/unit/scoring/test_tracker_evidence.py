"""The scorer under Tracker's evidenced shapes (issue 10): thin job reads, unreadable tags, job notes."""

from __future__ import annotations

from dataclasses import replace

from skima.models import RecordChanged, RecordType
from skima.scoring.scorer import is_thin_description
from tests.unit.scoring.world import JOB_TEXT, World


def _application(placement_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def _job(job_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY, record_id=job_id)


def test_thin_descriptions() -> None:
    assert is_thin_description("Private Secretary", "Private Secretary")
    assert is_thin_description("JOB-3111 Private Secretary", "private  secretary")
    assert is_thin_description("Welder", "Welding, nights.")
    assert is_thin_description("Welder", "")
    assert not is_thin_description("Backend Engineer", JOB_TEXT)


def test_a_job_read_with_only_its_name_is_completed_from_the_full_record(world: World) -> None:
    world.add_job(2001, title="Backend Engineer", text="Backend Engineer")
    world.tracker.full_descriptions[2001] = JOB_TEXT
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)

    report = world.scorer().handle(_application(3001))

    assert report.pairs_scored == 1
    assert world.tracker.calls[:3] == ["application", "job", "job_description"]
    # the same job, not saved since: its cached preparation stands, without the extra read
    world.tracker.calls.clear()
    world.scorer().handle(_job(2001))
    assert "job_description" not in world.tracker.calls


def test_a_job_saved_again_is_completed_again(world: World) -> None:
    world.add_job(2001, title="Backend Engineer", text="Backend Engineer")
    world.tracker.full_descriptions[2001] = JOB_TEXT
    world.scorer().handle(_job(2001))
    job = world.tracker.jobs[2001]
    world.tracker.jobs[2001] = replace(
        job, last_updated=job.last_updated.replace(hour=(job.last_updated.hour + 1) % 24)
    )
    world.tracker.calls.clear()
    world.scorer().handle(_job(2001))
    assert world.tracker.calls.count("job_description") == 1


def test_a_job_too_thin_to_score_gets_one_note_on_the_job(world: World) -> None:
    world.add_job(2001, title="Nurse", text="Nurse")
    world.add_candidate(1001)
    world.apply(3001, 2001, 1001)

    report = world.scorer().handle(_application(3001))

    assert report.pairs_scored == 0 and report.outcome == "job closed or without requirements"
    (note,) = world.tracker.notes
    assert note.link_type == "O" and note.record_id == 2001
    assert "job description too thin to score" in note.subject
    assert "Job: 2001 Nurse" in note.note
    # again (a retry, the next poll's re-check, a new engine): never a second note for the same text
    world.profiles.jobs.clear()
    world.scorer().handle(_job(2001))
    world.scorer().handle(_application(3001))
    assert len(world.tracker.notes) == 1


def test_a_closed_thin_job_gets_no_note(world: World) -> None:
    world.add_job(2001, title="Nurse", text="Nurse", is_open=False)
    world.scorer().handle(_job(2001))
    assert world.tracker.notes == []


def test_tags_a_read_did_not_carry_are_never_passed_as_known(world: World) -> None:
    world.tracker.tags_readable = False
    world.add_job(2001)
    world.add_candidate(1001, tags=["VIP"])
    world.apply(3001, 2001, 1001)

    report = world.scorer().handle(_application(3001))

    assert report.notes_written == 1  # the note is kept
    assert world.tracker.add_tag_known == [None]  # "unknown", never "no tags"
    assert world.tracker.tags[1001] == ["VIP"]  # the recruiter's tags untouched
