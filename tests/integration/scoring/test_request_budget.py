"""The request budget (issue 10), counted by the Tracker simulator over HTTP through the real scorer handler and
poller: each case's Tracker calls against its target, and a burst drained with no loss and no duplicate. The
benchmark (`bench/tracker_calls.py`) prints the same figures with a 500-application burst."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from local.harness.tracker_budget import budget_stack, measure_burst, measure_cases
from local.trackerrms_sim.testing import running_simulator
from skima.polling import BACKSTOP_EVERY_RUNS
from skima_cli.main import resolve_model_dir

BURST = 60


@pytest.fixture(scope="module")
def figures() -> Iterator[dict[str, Any]]:
    try:
        model_dir: Path = resolve_model_dir(None)
    except SystemExit:
        pytest.skip("model layer not built (make -C layers/model build-ModelLayer ARTIFACTS_DIR=...)")
    with running_simulator(seed=7, candidates=BURST + 120) as sim, budget_stack(sim, model_dir) as stack:
        measured = measure_cases(stack)
        measured["burst"] = measure_burst(stack, BURST)
        print(f"\nFIGURE tracker calls: {measured}")
        yield measured


def test_a_new_application_costs_at_most_four_calls(figures: dict[str, Any]) -> None:
    # application, document list, download, note: the candidate record is not read when a resume is there
    assert figures["new_application"] <= 4
    assert figures["new_application_job_summaries"] <= 1  # the job's top-10 summary, once an hour at most
    assert "GET /api/v1/Resource/{id}" not in figures["new_application_routes"]
    assert figures["repeated_application"] <= 1


def test_the_echo_of_our_own_note_costs_nothing_by_poll_and_one_by_ping(figures: dict[str, Any]) -> None:
    assert figures["echo_by_poll"] == 0
    assert figures["echo_by_ping"] <= 1


def test_an_unchanged_resave_costs_one_call(figures: dict[str, Any]) -> None:
    assert figures["unchanged_resave"] <= 1


def test_a_hiring_managers_vote_costs_one_call(figures: dict[str, Any]) -> None:
    assert figures["hm_vote"] == 1


def test_a_poll_with_nothing_new_at_50_open_jobs_costs_at_most_eight(figures: dict[str, Any]) -> None:
    assert figures["poll_nothing_new_open_jobs"] >= 50
    # The dearest run of a full backstop cycle, counting the scorer's read of the job the backstop re-checks.
    assert len(figures["poll_nothing_new_50_jobs_per_run"]) == BACKSTOP_EVERY_RUNS
    assert figures["poll_nothing_new_50_jobs"] <= 8
    assert figures["poll_nothing_new_jobs_rechecked"] >= 1  # the backstop did run within the cycle
    # ... and still finds an early-stage application no webhook announced, re-reading its job alone
    assert len(figures["poll_new_application_jobs_rechecked"]) == 1
    assert figures["poll_new_application_50_jobs"] <= 8


def test_a_burst_drains_with_no_loss_or_duplicate_within_the_budget(figures: dict[str, Any]) -> None:
    burst = figures["burst"]
    assert burst["failed_messages"] == 0 and burst["lost"] == 0 and burst["duplicated"] == 0
    assert burst["calls_per_application"] <= 4
    assert burst["job_summaries"] <= burst["jobs"]  # a summary per job at most, within the hour
    assert burst["simulated_minutes_at_budget"] <= burst["limit_minutes"]
