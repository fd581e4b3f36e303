"""The poller handler's signals: a metric per successful poll (its absence is the poller-silence alarm) and one
per Tracker auth failure, with the use case replaced."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

from local.harness.handlers import FakeLambdaContext, load_handler
from skima.polling import PollReport
from skima.tracker.errors import TrackerAuthError


def _emf(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{") and '"_aws"' in line]


@pytest.fixture
def run_poller(monkeypatch: pytest.MonkeyPatch) -> Any:
    module = load_handler("poller")
    cleared: list[bool] = []

    def tracker_client(config: Any) -> object:
        return object()

    tracker_client.cache_clear = lambda: cleared.append(True)  # type: ignore[attr-defined]
    fake_wiring = SimpleNamespace(
        tracker_client=tracker_client,
        tracker_timezone=lambda table: None,
        state_store=lambda table: None,
        score_queue=lambda url: None,
    )
    config = SimpleNamespace(
        state_table="state", score_queue_url="q", poll_lookback_minutes=180, poll_pipeline_checks=0
    )
    monkeypatch.setattr(module, "wiring", fake_wiring)
    monkeypatch.setattr(module, "settings", lambda: config)
    monkeypatch.setattr(module, "TrackerChangeFeed", lambda *args: None)

    def run(outcome: PollReport | Exception) -> tuple[dict[str, Any] | Exception, list[bool]]:
        class StubPoller:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                pass

            def run(self) -> PollReport:
                if isinstance(outcome, Exception):
                    raise outcome
                return outcome

        monkeypatch.setattr(module, "Poller", StubPoller)
        try:
            return module.lambda_handler({}, FakeLambdaContext()), cleared
        except TrackerAuthError as exc:
            return exc, cleared

    return run


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
