"""The poller's promises (decision 0005), on in-memory fakes of its ports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from skima.errors import QueueUnavailable
from skima.models import RecordChanged, RecordType
from skima.polling import BACKSTOP_EVERY_RUNS, POLL_REQUEST_BUDGET, Poller
from tests.fakes import Clock, FakeChangeFeed, FakePollerState, FakeQueue

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
LOOKBACK = timedelta(hours=3)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def feed() -> FakeChangeFeed:
    return FakeChangeFeed()


@pytest.fixture
def state(clock: Clock) -> FakePollerState:
    return FakePollerState(clock)


@pytest.fixture
def queue() -> FakeQueue:
    return FakeQueue()


def poller(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock, owner: str = "run-1", checks: int = 50
) -> Poller:
    return Poller(
        feed,
        state,
        queue,
        owner=owner,
        lookback=LOOKBACK,
        lease_seconds=300,
        pipeline_checks_per_run=checks,
        clock=clock,
    )


def test_every_change_since_the_watermark_is_enqueued_once(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.RESOURCE, 1, T0 - timedelta(minutes=5))
    feed.save(RecordType.OPPORTUNITY, 2, T0 - timedelta(minutes=4))
    feed.save(RecordType.OPPORTUNITY_RESOURCE, 3, T0 - timedelta(minutes=3))
    report = poller(feed, state, queue, clock).run()
    assert report.ran and report.enqueued == 3
    assert sorted(queue.changes()) == sorted(
        [(RecordType.RESOURCE, 1), (RecordType.OPPORTUNITY, 2), (RecordType.OPPORTUNITY_RESOURCE, 3)]
    )
    assert all(m.source == "poll" for m in queue.sent)
    clock.now += timedelta(minutes=10)
    assert poller(feed, state, queue, clock).run().enqueued == 0  # re-read by the lookback, but deduped


def test_each_run_reads_from_watermark_minus_lookback_to_run_start_inclusive(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    poller(feed, state, queue, clock).run()
    clock.now += timedelta(minutes=10)
    feed.queries.clear()
    poller(feed, state, queue, clock).run()
    assert {(since, until) for _, since, until in feed.queries} == {(T0 - LOOKBACK, T0 + timedelta(minutes=10))}
    feed.save(RecordType.RESOURCE, 9, T0)  # exactly on the old watermark: inclusive bound re-reads it
    clock.now += timedelta(minutes=10)
    poller(feed, state, queue, clock).run()
    assert (RecordType.RESOURCE, 9) in queue.changes()


def test_a_change_updated_again_is_enqueued_again(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.RESOURCE, 1, T0 - timedelta(minutes=5))
    poller(feed, state, queue, clock).run()
    clock.now += timedelta(minutes=10)
    feed.save(RecordType.RESOURCE, 1, T0 + timedelta(minutes=2))
    poller(feed, state, queue, clock).run()
    assert queue.changes() == [(RecordType.RESOURCE, 1), (RecordType.RESOURCE, 1)]


def test_search_lag_within_the_lookback_loses_nothing(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.RESOURCE, 5, T0 - timedelta(minutes=1))
    feed.hidden.add((RecordType.RESOURCE, 5))  # saved before the run, not yet in the search index
    poller(feed, state, queue, clock).run()
    assert queue.changes() == []
    feed.hidden.clear()
    clock.now += timedelta(hours=2)
    poller(feed, state, queue, clock).run()
    assert queue.changes() == [(RecordType.RESOURCE, 5)]


def test_overlapping_runs_do_one_runs_work(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.RESOURCE, 1, T0 - timedelta(minutes=5))
    assert state.acquire_lease("poller", "run-0", 300)
    assert not poller(feed, state, queue, clock, owner="run-1").run().ran
    assert queue.sent == [] and feed.queries == []
    clock.now += timedelta(seconds=301)  # the holder died: its lease lapses
    assert poller(feed, state, queue, clock, owner="run-1").run().ran


def test_a_crash_mid_way_keeps_the_watermark_and_loses_nothing(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    for rid in range(1, 26):
        feed.save(RecordType.RESOURCE, rid, T0 - timedelta(minutes=30) + timedelta(seconds=rid))
    feed.fail_after = 15
    with pytest.raises(RuntimeError):
        poller(feed, state, queue, clock).run()
    assert "Resource" not in state.watermarks
    assert state.lease is None  # released even on failure
    feed.fail_after = None
    clock.now += timedelta(minutes=10)
    poller(feed, state, queue, clock).run()
    assert sorted(rid for _, rid in queue.changes()) == list(range(1, 26))  # 10 from the crash run, no duplicates


def test_a_queue_outage_leaves_the_watermark_for_the_next_run(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.OPPORTUNITY, 2, T0 - timedelta(minutes=5))
    queue.down = True
    with pytest.raises(QueueUnavailable):
        poller(feed, state, queue, clock).run()
    assert state.watermarks == {}
    queue.down = False
    poller(feed, state, queue, clock).run()
    assert queue.changes() == [(RecordType.OPPORTUNITY, 2)]


def test_sync_health_counts_changes_no_ping_announced(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.RESOURCE, 1, T0 - timedelta(minutes=5))
    feed.save(RecordType.RESOURCE, 2, T0 - timedelta(minutes=5))
    state.pings[("Resource", 1)] = T0 - timedelta(minutes=5) + timedelta(seconds=1)
    report = poller(feed, state, queue, clock).run()
    assert report.unannounced == 1
    assert state.health["last_poll"] == T0.isoformat()
    assert state.health["found_by_poll_only"] == 1 and state.health["polls"] == 1


def test_the_last_runs_figures_are_replaced_and_the_totals_add_up(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.RESOURCE, 1, T0 - timedelta(minutes=5))
    poller(feed, state, queue, clock).run()
    clock.now += timedelta(minutes=10)
    poller(feed, state, queue, clock).run()
    assert state.health["last_poll_enqueued"] == "0"  # the second run's own figure, not a running sum
    assert state.health["polls"] == 2


# ---------------------------------------------------------------- open jobs' pipelines (early-stage applications)
def _pipeline_checks(queue: FakeQueue) -> list[int]:
    return [
        m.record_id
        for m in queue.sent
        if isinstance(m, RecordChanged) and m.record_type is RecordType.OPPORTUNITY and m.last_updated is None
    ]


def test_every_run_re_checks_the_open_jobs_pipelines(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    # getRecords X never lists an "Applied" entry: only a re-read of the job's pipeline finds it.
    feed.open_jobs = [2003, 2001, 2002]
    report = poller(feed, state, queue, clock).run()
    assert _pipeline_checks(queue) == [2001, 2002, 2003]
    assert report.open_jobs == 3 and report.pipelines_checked == [2001, 2002, 2003]
    assert all(m.source == "poll" for m in queue.sent)
    clock.now += timedelta(minutes=10)
    poller(feed, state, queue, clock).run()  # hints, not changes: never deduped away
    assert _pipeline_checks(queue) == [2001, 2002, 2003] * 2


def test_a_bounded_round_robin_covers_every_open_job_within_n_runs(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = list(range(2001, 2008))  # 7 open jobs, 3 checks a run: all covered in ceil(7/3) = 3 runs
    per_run: list[list[int]] = []
    for _ in range(3):
        before = len(_pipeline_checks(queue))
        poller(feed, state, queue, clock, checks=3).run()
        per_run.append(_pipeline_checks(queue)[before:])
        clock.now += timedelta(minutes=10)
    assert per_run == [[2001, 2002, 2003], [2004, 2005, 2006], [2007, 2001, 2002]]
    assert all(len(run) <= 3 for run in per_run)
    assert {job for run in per_run for job in run} == set(feed.open_jobs)
    assert state.health["pipeline_cursor"] == "2002"


def test_the_cursor_survives_its_job_closing(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = [2001, 2002, 2003, 2004]
    poller(feed, state, queue, clock, checks=2).run()
    feed.open_jobs = [2001, 2003, 2004]  # 2002, where the cursor stands, was closed
    clock.now += timedelta(minutes=10)
    poller(feed, state, queue, clock, checks=2).run()
    assert _pipeline_checks(queue) == [2001, 2002, 2003, 2004]


def test_a_job_already_enqueued_as_a_change_is_not_enqueued_twice(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.save(RecordType.OPPORTUNITY, 2002, T0 - timedelta(minutes=5))
    feed.open_jobs = [2001, 2002]
    poller(feed, state, queue, clock).run()
    assert sorted(rid for rtype, rid in queue.changes() if rtype is RecordType.OPPORTUNITY) == [2001, 2002]


def test_pipeline_checks_can_be_turned_off(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = [2001]
    report = poller(feed, state, queue, clock, checks=0).run()
    assert feed.listing_pages == 0 and queue.sent == [] and report.pipelines_checked == []


def test_a_queue_outage_during_the_re_check_keeps_the_cursor(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = [2001, 2002, 2003]
    poller(feed, state, queue, clock, checks=2).run()
    queue.down = True
    clock.now += timedelta(minutes=10)
    with pytest.raises(QueueUnavailable):
        poller(feed, state, queue, clock, checks=2).run()
    queue.down = False
    clock.now += timedelta(minutes=10)
    poller(feed, state, queue, clock, checks=2).run()
    assert _pipeline_checks(queue) == [2001, 2002, 2003, 2001]  # 2003 was not skipped by the failed run


# ---------------------------------------------------------------- job summaries: re-read only changed pipelines
def test_with_summaries_only_jobs_whose_summary_changed_are_re_checked(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = list(range(2001, 2051))  # 50 open jobs: 3 feed reads + 5 listing pages use the whole budget
    feed.summaries = dict.fromkeys(feed.open_jobs, "2|2026-11-28 07:00:00")
    poller(feed, state, queue, clock).run()  # first run: nothing remembered, every job re-checked once
    assert sorted(_pipeline_checks(queue)) == feed.open_jobs

    # A run with nothing new: nothing re-read, except the backstop's turn on every BACKSTOP_EVERY_RUNS-th run,
    # and no run spends more than the budget (each re-checked job costs the scorer one pipeline read).
    per_run: list[list[int]] = []
    for _ in range(BACKSTOP_EVERY_RUNS):
        clock.now += timedelta(minutes=10)
        before, requests_before = len(_pipeline_checks(queue)), feed.requests_made
        poller(feed, state, queue, clock).run()
        per_run.append(_pipeline_checks(queue)[before:])
        assert feed.requests_made - requests_before + len(per_run[-1]) <= POLL_REQUEST_BUDGET
    assert sum(len(run) for run in per_run) == 1

    # A new early-stage application raises one job's pipeline count: that job alone is re-read.
    feed.summaries[2017] = "3|2026-11-28 07:00:00"
    clock.now += timedelta(minutes=10)
    before = len(_pipeline_checks(queue))
    report = poller(feed, state, queue, clock).run()
    assert _pipeline_checks(queue)[before:] == [2017] and report.summaries_changed == [2017]


def test_with_few_open_jobs_the_backstop_spends_the_rest_of_the_budget(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = [2001, 2002, 2003, 2004, 2005, 2006]
    feed.summaries = dict.fromkeys(feed.open_jobs, "0|")
    poller(feed, state, queue, clock).run()
    clock.now += timedelta(minutes=10)
    before = len(_pipeline_checks(queue))
    poller(feed, state, queue, clock).run()
    # 3 feed reads + 1 listing page leave 4 of the 8 requests: four jobs re-checked round-robin.
    assert len(_pipeline_checks(queue)[before:]) == POLL_REQUEST_BUDGET - 4


def test_the_backstop_run_lists_one_page_fewer_and_the_unlisted_jobs_are_compared_next_run(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = list(range(2001, 2051))
    feed.summaries = dict.fromkeys(feed.open_jobs, "2|a")
    poller(feed, state, queue, clock).run()
    # Run until the backstop is due, with a new application on the last listing page just before that run.
    reports = []
    for _ in range(BACKSTOP_EVERY_RUNS):
        clock.now += timedelta(minutes=10)
        if len(reports) == BACKSTOP_EVERY_RUNS - 1:
            feed.summaries[2048] = "3|b"
        before = len(_pipeline_checks(queue))
        reports.append((poller(feed, state, queue, clock).run(), _pipeline_checks(queue)[before:]))
    backstop_report, backstop_checks = reports[-1]
    assert backstop_report.open_jobs == 50  # the unlisted page's jobs are still known, not taken as closed
    assert len(backstop_checks) == 1 and 2048 not in backstop_checks
    clock.now += timedelta(minutes=10)
    before = len(_pipeline_checks(queue))
    report = poller(feed, state, queue, clock).run()
    assert report.summaries_changed == [2048] and _pipeline_checks(queue)[before:] == [2048]


def test_a_job_closed_while_its_page_was_not_listed_drops_out_on_the_next_full_listing(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = list(range(2001, 2051))
    feed.summaries = dict.fromkeys(feed.open_jobs, "2|a")
    for _ in range(BACKSTOP_EVERY_RUNS):
        poller(feed, state, queue, clock).run()
        clock.now += timedelta(minutes=10)
    feed.open_jobs.remove(2050)
    pages_before = feed.listing_pages
    # The backstop run lists four pages: 2050 is on the fifth, so its last summary is kept ...
    assert poller(feed, state, queue, clock).run().open_jobs == 50 and feed.listing_pages - pages_before == 4
    clock.now += timedelta(minutes=10)
    # ... and the next run's full listing drops it.
    assert poller(feed, state, queue, clock).run().open_jobs == 49


def test_a_failed_enqueue_keeps_the_old_summaries_so_the_changed_job_is_re_checked_next_run(
    feed: FakeChangeFeed, state: FakePollerState, queue: FakeQueue, clock: Clock
) -> None:
    feed.open_jobs = [2001, 2002]
    feed.summaries = {2001: "1|a", 2002: "1|a"}
    poller(feed, state, queue, clock).run()
    feed.summaries[2002] = "2|a"
    queue.down = True
    clock.now += timedelta(minutes=10)
    with pytest.raises(QueueUnavailable):
        poller(feed, state, queue, clock).run()
    queue.down = False
    clock.now += timedelta(minutes=10)
    before = len(_pipeline_checks(queue))
    poller(feed, state, queue, clock).run()
    assert 2002 in _pipeline_checks(queue)[before:]
