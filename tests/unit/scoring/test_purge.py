"""A candidate Tracker no longer has is purged from our tables, once, without a word to Tracker."""

from __future__ import annotations

from skima.models import RecordChanged, RecordType
from skima.tracker.errors import TrackerNotFound
from tests.unit.scoring.world import World


def application(placement_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def candidate(candidate_id: int) -> RecordChanged:
    return RecordChanged(source="webhook", record_type=RecordType.RESOURCE, record_id=candidate_id)


def scored_in_two_jobs(world: World) -> None:
    """Candidates 1001 (to be deleted) and 1002 both scored for jobs 2001 and 2002."""
    world.add_job(2001)
    world.add_job(2002, title="Platform Engineer")
    world.add_candidate(1001, name="Ada Quill")
    world.add_candidate(1002, name="Bo Reyes")
    scorer = world.scorer()
    for placement, (job_id, candidate_id) in enumerate([(2001, 1001), (2002, 1001), (2001, 1002), (2002, 1002)]):
        world.apply(3001 + placement, job_id, candidate_id)
        scorer.handle(application(3001 + placement))
    assert set(world.scores.rows) == {(2001, 1001), (2002, 1001), (2001, 1002), (2002, 1002)}
    assert 1001 in {row.candidate_id for row in world.scores.top10(2001)}


def test_a_candidate_deleted_in_tracker_leaves_no_score_or_profile(world: World) -> None:
    scored_in_two_jobs(world)
    del world.tracker.candidates[1001]
    writes_before = list(world.tracker.writes())

    report = world.scorer().handle(candidate(1001))

    assert report.outcome == "candidate deleted"
    assert set(world.scores.rows) == {(2001, 1002), (2002, 1002)}  # every job's row of 1001, nobody else's
    assert world.profiles.get_profile(1001) is None and world.profiles.get_profile(1002) is not None
    assert [row.candidate_id for row in world.scores.top10(2001)] == [1002]  # the shortlist's source
    assert world.tracker.writes() == writes_before  # nothing written to Tracker about someone who is gone


def test_purging_again_is_a_no_op(world: World) -> None:
    scored_in_two_jobs(world)
    del world.tracker.candidates[1001]
    scorer = world.scorer()
    scorer.handle(candidate(1001))
    rows, calls, writes = dict(world.scores.rows), len(world.tracker.calls), list(world.tracker.writes())

    again = scorer.handle(candidate(1001))

    # Nothing left to know them by: not even a Tracker read is spent on the repeat.
    assert again.outcome == "candidate in no scored pipeline"
    assert world.scores.rows == rows and len(world.tracker.calls) == calls and world.tracker.writes() == writes


def test_an_application_whose_candidate_is_gone_purges_the_candidate(world: World) -> None:
    scored_in_two_jobs(world)
    world.profiles.profiles.pop(1001)  # the cached profile expired: the application's candidate is read
    del world.tracker.candidates[1001]
    world.add_job(2003, title="Data Engineer")
    world.apply(3100, 2003, 1001)
    writes_before = list(world.tracker.writes())

    report = world.scorer().handle(application(3100))

    assert report.outcome == "candidate deleted"
    assert world.scores.jobs_of(1001) == [] and world.scores.jobs_of(1002) == [2001, 2002]
    assert world.tracker.writes() == writes_before


def test_a_deleted_application_is_not_a_deleted_candidate(world: World) -> None:
    scored_in_two_jobs(world)

    report = world.scorer().handle(application(3999))  # no such application: the candidate is not touched

    assert report.outcome == "record not found"
    assert world.scores.jobs_of(1001) == [2001, 2002] and world.profiles.get_profile(1001) is not None


def test_a_document_list_not_found_purges_nobody_the_candidate_read_decides(world: World) -> None:
    """Documents first: a 404 on the document list (a route Tracker does not serve) is not proof the person is
    gone; the candidate read that follows finds them, and nothing is purged."""
    scored_in_two_jobs(world)

    def no_document_route(candidate_id: int) -> None:
        world.tracker.calls.append("list_documents")
        raise TrackerNotFound("no route serves the document list")

    world.tracker.primary_resume = no_document_route  # type: ignore[method-assign,assignment]

    report = world.scorer().handle(candidate(1001))

    assert report.outcome == "record not found" and "candidate" in world.tracker.calls
    assert world.scores.jobs_of(1001) == [2001, 2002] and world.profiles.get_profile(1001) is not None
