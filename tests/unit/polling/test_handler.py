"""The poller handler's signals: a metric per successful poll (its absence is the poller-silence alarm) and one
per Tracker auth failure, with the poll passed in as the handler's dependency."""

from __future__ import annotations

import json
from typing import Any

import pytest

from local.harness.handlers import FakeLambdaContext, load_handler
from skima.bootstrap.poller import PollerDeps
from skima.polling import PollReport
from skima.tracker.errors import TrackerAuthError
from skima.tracker.timing import Deadline


def _emf(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{") and '"_aws"' in line]


@pytest.fixture
def run_poller() -> Any:
    module = load_handler("poller")

    def run(outcome: PollReport | Exception) -> tuple[dict[str, Any] | Exception, list[bool]]:
        forgotten: list[bool] = []

        def poll(deadline: Deadline, owner: str, lease_seconds: int) -> PollReport:
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

        deps = PollerDeps(poll=poll, forget_tracker_client=lambda: forgotten.append(True))
        try:
            return module.lambda_handler({}, FakeLambdaContext(), deps=deps), forgotten
        except TrackerAuthError as exc:
            return exc, forgotten

    return run


def test_the_poll_holds_the_lease_for_this_invocation_and_beyond() -> None:
    leases: list[tuple[str, int]] = []

    def poll(deadline: Deadline, owner: str, lease_seconds: int) -> PollReport:
        leases.append((owner, lease_seconds))
        return PollReport(ran=True)

    load_handler("poller").lambda_handler({}, FakeLambdaContext(), deps=PollerDeps(poll, lambda: None))
    assert leases == [(FakeLambdaContext.aws_request_id, 10 + 60)]  # FakeLambdaContext has 10 s left


def test_a_poll_that_ran_counts_a_success(run_poller: Any, capsys: pytest.CaptureFixture[str]) -> None:
    result, _ = run_poller(PollReport(ran=True, enqueued=3))
    assert result["enqueued"] == 3
    assert [line.get("PollSucceeded") for line in _emf(capsys.readouterr().out)] == [1]


def test_a_poll_that_did_not_run_counts_nothing(run_poller: Any, capsys: pytest.CaptureFixture[str]) -> None:
    result, _ = run_poller(PollReport(ran=False))  # another invocation held the lease
    assert result["ran"] is False
    assert _emf(capsys.readouterr().out) == []


def test_an_auth_failure_is_counted_and_drops_the_cached_client(
    run_poller: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    result, cleared = run_poller(TrackerAuthError("token refused"))
    assert isinstance(result, TrackerAuthError) and cleared == [True]
    assert [line.get("TrackerAuthFailed") for line in _emf(capsys.readouterr().out)] == [1]
