"""A run of applications to one job is named by that job's pipeline (one request), not read one by one."""

from __future__ import annotations

from datetime import timedelta

from skima.models import RecordChanged, RecordType
from skima.recent_pipelines import MAX_ROWS, RecentPipelines
from skima.scoring.ports import Application, JobRecord
from skima.tracker.errors import TrackerUnavailable
from tests.fakes import T0
from tests.unit.scoring.world import World


def application(placement_id: int) -> RecordChanged:
    return RecordChanged(source="webhook", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def _applicants(world: World, job_id: int, first_candidate: int, count: int, first_placement: int) -> list[int]:
    placements = []
    for index in range(count):
        world.add_candidate(first_candidate + index, name=f"Person {index}")
        world.apply(first_placement + index, job_id, first_candidate + index)
        placements.append(first_placement + index)
    return placements


def _reads(world: World) -> int:
    return world.tracker.calls.count("application") + world.tracker.calls.count("job")


def test_a_run_of_ten_applications_to_one_job_costs_three_reads_not_twenty(world: World) -> None:
    world.add_job(2001)
    placements = _applicants(world, 2001, 1001, 10, 3001)
    for placement in placements:
        world.scorer().handle(application(placement))
    # the first application and its job's first read, then one pipeline read names the other nine
    assert world.tracker.calls.count("application") == 1 and world.tracker.calls.count("job") == 2
    assert sorted(note.record_id for note in world.tracker.notes) == list(range(1001, 1011))
    row = world.scores.get(2001, 1007)
    assert row is not None and row.placement_id == 3007


def test_interleaved_jobs_lose_at_most_one_read_per_window(world: World) -> None:
    world.add_job(2001)
    world.add_job(2002, title="Platform Engineer")
    first = _applicants(world, 2001, 1001, 3, 3001)
    second = _applicants(world, 2002, 1101, 3, 3101)
    for a, b in zip(first, second, strict=True):
        world.scorer().handle(application(a))
        world.scorer().handle(application(b))
    # Without the guess: 6 application reads + 2 first job reads. With it: one wrong guess per job at most.
    assert _reads(world) <= 6 + 2 + 2
    assert sorted(note.record_id for note in world.tracker.notes) == [1001, 1002, 1003, 1101, 1102, 1103]


def test_an_application_newer_than_the_pipeline_read_is_still_found(world: World) -> None:
    world.add_job(2001)
    for placement in _applicants(world, 2001, 1001, 3, 3001):
        world.scorer().handle(application(placement))
    late = _applicants(world, 2001, 1201, 1, 3201)[0]
    before = _reads(world)
    world.scorer().handle(application(late))
    assert _reads(world) == before + 1  # the job's pipeline again (it now lists the late one): one request
    assert world.scores.get(2001, 1201) is not None


def test_a_deleted_application_after_a_run_costs_one_read_more_and_scores_nothing(world: World) -> None:
    world.add_job(2001)
    for placement in _applicants(world, 2001, 1001, 2, 3001):
        world.scorer().handle(application(placement))
    before = _reads(world)
    report = world.scorer().handle(application(3999))
    assert report.outcome == "record not found"
    assert _reads(world) == before + 2  # the guessed pipeline, then the application itself (404)


def test_a_failed_pipeline_read_costs_the_run_its_saving_not_its_applications(world: World) -> None:
    world.add_job(2001)
    placements = _applicants(world, 2001, 1001, 4, 3001)
    world.scorer().handle(application(placements[0]))
    read_job = world.tracker.job
    failed: list[int] = []

    def job_read_down_once(job_id: int) -> JobRecord:
        if not failed:
            failed.append(job_id)
            raise TrackerUnavailable("down")
        return read_job(job_id)

    world.tracker.job = job_read_down_once  # type: ignore[method-assign]
    for placement in placements[1:]:
        world.scorer().handle(application(placement))
    assert failed == [2001]
    assert sorted(note.record_id for note in world.tracker.notes) == [1001, 1002, 1003, 1004]


def test_rows_are_trusted_for_the_window_only() -> None:
    recent = RecentPipelines(window=timedelta(seconds=30))
    row = Application(3001, 2001, 1001, 1, "Applied", None)
    recent.remember([row], T0)
    assert recent.find(3001, T0 + timedelta(seconds=30)) == row
    assert recent.find(3001, T0 + timedelta(seconds=31)) is None
    assert recent.find(3001, T0 - timedelta(seconds=1)) is None  # a clock step back trusts nothing


def test_the_guess_is_the_last_job_seen_within_the_window_and_stops_after_a_miss() -> None:
    recent = RecentPipelines(window=timedelta(seconds=30))
    assert recent.guess_job(T0) is None
    recent.seen(Application(3001, 2001, 1001, 1, "Applied", None), T0)
    assert recent.guess_job(T0 + timedelta(seconds=10)) == 2001
    assert recent.guess_job(T0 + timedelta(seconds=31)) is None
    recent.missed(2001, T0 + timedelta(seconds=5))
    assert recent.guess_job(T0 + timedelta(seconds=10)) is None
    recent.seen(Application(3002, 2002, 1002, 1, "Applied", None), T0 + timedelta(seconds=12))
    assert recent.guess_job(T0 + timedelta(seconds=12)) == 2002  # another job is still guessed
    recent.seen(Application(3003, 2001, 1003, 1, "Applied", None), T0 + timedelta(seconds=40))
    assert recent.guess_job(T0 + timedelta(seconds=40)) == 2001  # the miss is out of the window


def test_memory_is_bounded() -> None:
    recent = RecentPipelines()
    rows = [Application(placement, 2001, placement, 1, "Applied", None) for placement in range(MAX_ROWS + 500)]
    recent.remember(rows, T0)
    assert len(recent._rows) <= MAX_ROWS
    assert recent.find(MAX_ROWS + 499, T0) is not None
