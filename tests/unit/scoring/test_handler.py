"""The scorer handler's batch semantics, with the use case replaced: each record fails or succeeds alone."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

from local.harness.handlers import FakeLambdaContext, load_handler
from local.harness.template import properties
from skima.config import ScorerSettings
from skima.models import QueueMessageBody, RecordChanged, RecordType
from skima.scoring import ScoringReport
from skima.tracker.errors import TrackerAuthError, TrackerUnavailable

MIN_REMAINING_MS = 5_000  # FakeLambdaContext has 10 s left


def sqs_event(*bodies: str) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": f"m{index}",
                "receiptHandle": f"r{index}",
                "body": body,
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:score",
                "awsRegion": "us-east-1",
            }
            for index, body in enumerate(bodies)
        ]
    }


def good(record_id: int) -> str:
    return RecordChanged(source="poll", record_type=RecordType.RESOURCE, record_id=record_id).model_dump_json()


class StubScorer:
    def __init__(self, failures: dict[int, Exception]) -> None:
        self.failures = failures
        self.handled: list[int] = []

    def handle(self, message: QueueMessageBody) -> ScoringReport:
        assert isinstance(message, RecordChanged)
        if message.record_id in self.failures:
            raise self.failures[message.record_id]
        self.handled.append(message.record_id)
        return ScoringReport(outcome="ok")


@pytest.fixture
def handler(monkeypatch: pytest.MonkeyPatch) -> Any:
    module = load_handler("scorer")
    monkeypatch.setattr(module, "settings", lambda: SimpleNamespace(min_remaining_ms=MIN_REMAINING_MS))
    return module


def test_poison_messages_fail_only_themselves(handler: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    scorer = StubScorer({})
    monkeypatch.setattr(handler.scorer_wiring, "build_scorer", lambda config, deadline, **_: scorer)
    bodies = (
        good(1),
        "not json at all",
        json.dumps({"kind": "record_changed", "record_type": "Resource", "record_id": -5, "source": "poll"}),
        json.dumps({"kind": "something_else"}),
        good(2),
    )
    response = handler.lambda_handler(sqs_event(*bodies), FakeLambdaContext())
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m1", "m2", "m3"]
    assert scorer.handled == [1, 2]


def test_an_unavailable_tracker_fails_that_record_for_a_later_retry(
    handler: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    scorer = StubScorer({2: TrackerUnavailable("503s")})
    monkeypatch.setattr(handler.scorer_wiring, "build_scorer", lambda config, deadline, **_: scorer)
    response = handler.lambda_handler(sqs_event(good(1), good(2), good(3)), FakeLambdaContext())
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m1"]
    assert scorer.handled == [1, 3]


def test_an_auth_error_drops_the_cached_client_and_fails_the_record(
    handler: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    scorer = StubScorer({1: TrackerAuthError("token refused")})
    monkeypatch.setattr(handler.scorer_wiring, "build_scorer", lambda config, deadline, **_: scorer)
    cleared: list[bool] = []
    monkeypatch.setattr(handler.wiring.tracker_client, "cache_clear", lambda: cleared.append(True))
    response = handler.lambda_handler(sqs_event(good(1)), FakeLambdaContext())
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m0"]
    assert cleared == [True]
    emf = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"_aws"' in line]
    assert [line.get("TrackerAuthFailed") for line in emf] == [1]  # what TrackerAuthFailedAlarm watches


class ClockedContext(FakeLambdaContext):
    """An invocation of `timeout_ms` whose clock the stub scorer moves forward."""

    def __init__(self, timeout_ms: int) -> None:
        self.timeout_ms = timeout_ms
        self.elapsed_ms = 0

    def get_remaining_time_in_millis(self) -> int:
        return self.timeout_ms - self.elapsed_ms


def test_a_slow_record_hands_the_rest_of_its_batch_back_unstarted(
    handler: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = ClockedContext(timeout_ms=150_000)
    durations = {1: 5_000, 2: 142_000, 3: 1_000, 4: 1_000}  # record 2 is a slow resume: 3 s are left after it

    class SlowScorer(StubScorer):
        def handle(self, message: QueueMessageBody) -> ScoringReport:
            assert isinstance(message, RecordChanged)
            context.elapsed_ms += durations[message.record_id]
            return super().handle(message)

    scorer = SlowScorer({})
    monkeypatch.setattr(handler.scorer_wiring, "build_scorer", lambda config, deadline, **_: scorer)
    response = handler.lambda_handler(sqs_event(good(1), good(2), good(3), good(4)), context)
    assert scorer.handled == [1, 2]  # the slow one finished; nothing was started that could not finish
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m2", "m3"]


def test_the_time_threshold_comes_from_the_scorer_settings() -> None:
    assert ScorerSettings.model_fields["min_remaining_ms"].alias == "SCORER_MIN_REMAINING_MS"
    declared = properties("ScorerFunction")["Environment"]["Variables"]["SCORER_MIN_REMAINING_MS"]
    assert 0 < declared < properties("ScorerFunction")["Timeout"] * 1000 // 2
