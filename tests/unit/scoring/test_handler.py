"""The scorer handler's batch semantics, with its use cases passed in: each record fails or succeeds alone, and
each message kind goes to its own use case."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from local.harness.handlers import FakeLambdaContext, load_handler
from local.harness.template import properties
from skima.bootstrap.scorer import ScorerDeps
from skima.config import ScorerSettings
from skima.models import FeedbackGiven, QueueMessage, ReconcileRequest, RecordChanged, RecordType
from skima.polling import PollReport
from skima.scoring.scorer import ScoringReport
from skima.tracker.errors import TrackerAuthError, TrackerUnavailable
from skima.tracker.timing import Deadline
from skima.writeback import FeedbackWriteReport

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

    def handle(self, message: RecordChanged) -> ScoringReport:
        if message.record_id in self.failures:
            raise self.failures[message.record_id]
        self.handled.append(message.record_id)
        return ScoringReport(outcome="ok")


@dataclass
class Calls:
    """What the handler sent to each use case (the dependencies the tests pass)."""

    scorer: StubScorer = field(default_factory=lambda: StubScorer({}))
    polls: list[tuple[str, int]] = field(default_factory=list)  # (lease owner, lease seconds)
    votes: list[str] = field(default_factory=list)
    forgotten: list[bool] = field(default_factory=list)

    def deps(self) -> ScorerDeps:
        def poll(deadline: Deadline, owner: str, lease_seconds: int) -> PollReport:
            self.polls.append((owner, lease_seconds))
            return PollReport(ran=True)

        def write_feedback(message: FeedbackGiven, deadline: Deadline) -> FeedbackWriteReport:
            self.votes.append(message.feedback_key)
            return FeedbackWriteReport(note_written=True, stage_moved=False)

        return ScorerDeps(
            min_remaining_ms=MIN_REMAINING_MS,
            score=lambda message, deadline: self.scorer.handle(message),
            poll=poll,
            write_feedback=write_feedback,
            forget_tracker_client=lambda: self.forgotten.append(True),
        )


@pytest.fixture
def handler() -> Any:
    return load_handler("scorer")


def test_poison_messages_fail_only_themselves(handler: Any) -> None:
    calls = Calls()
    bodies = (
        good(1),
        "not json at all",
        json.dumps({"kind": "record_changed", "record_type": "Resource", "record_id": -5, "source": "poll"}),
        json.dumps({"kind": "something_else"}),
        good(2),
    )
    response = handler.lambda_handler(sqs_event(*bodies), FakeLambdaContext(), deps=calls.deps())
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m1", "m2", "m3"]
    assert calls.scorer.handled == [1, 2]


def test_each_message_kind_goes_to_its_own_use_case(handler: Any) -> None:
    calls = Calls()
    vote = FeedbackGiven(
        job_id=2001, candidate_id=1001, verdict="up", link_id="l1", feedback_key="k1", submitted_at=datetime.now(UTC)
    )
    bodies = (
        good(1),
        QueueMessage(ReconcileRequest(source="webhook", reason="unparseable ping")).model_dump_json(),
        QueueMessage(vote).model_dump_json(),
    )
    response = handler.lambda_handler(sqs_event(*bodies), FakeLambdaContext(), deps=calls.deps())
    assert response["batchItemFailures"] == []
    assert calls.scorer.handled == [1]
    # The lease is held by this invocation and outlives it (FakeLambdaContext has 10 s left).
    assert calls.polls == [(FakeLambdaContext.aws_request_id, 10 + 60)]
    assert calls.votes == ["k1"]


def test_an_unavailable_tracker_fails_that_record_for_a_later_retry(handler: Any) -> None:
    calls = Calls(scorer=StubScorer({2: TrackerUnavailable("503s")}))
    response = handler.lambda_handler(sqs_event(good(1), good(2), good(3)), FakeLambdaContext(), deps=calls.deps())
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m1"]
    assert calls.scorer.handled == [1, 3]


def test_an_auth_error_drops_the_cached_client_and_fails_the_record(
    handler: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = Calls(scorer=StubScorer({1: TrackerAuthError("token refused")}))
    response = handler.lambda_handler(sqs_event(good(1)), FakeLambdaContext(), deps=calls.deps())
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m0"]
    assert calls.forgotten == [True]
    emf = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"_aws"' in line]
    assert [line.get("TrackerAuthFailed") for line in emf] == [1]  # what TrackerAuthFailedAlarm watches


class ClockedContext(FakeLambdaContext):
    """An invocation of `timeout_ms` whose clock the stub scorer moves forward."""

    def __init__(self, timeout_ms: int) -> None:
        self.timeout_ms = timeout_ms
        self.elapsed_ms = 0

    def get_remaining_time_in_millis(self) -> int:
        return self.timeout_ms - self.elapsed_ms


def test_a_slow_record_hands_the_rest_of_its_batch_back_unstarted(handler: Any) -> None:
    context = ClockedContext(timeout_ms=150_000)
    durations = {1: 5_000, 2: 142_000, 3: 1_000, 4: 1_000}  # record 2 is a slow resume: 3 s are left after it

    class SlowScorer(StubScorer):
        def handle(self, message: RecordChanged) -> ScoringReport:
            context.elapsed_ms += durations[message.record_id]
            return super().handle(message)

    calls = Calls(scorer=SlowScorer({}))
    response = handler.lambda_handler(sqs_event(good(1), good(2), good(3), good(4)), context, deps=calls.deps())
    assert calls.scorer.handled == [1, 2]  # the slow one finished; nothing was started that could not finish
    assert [f["itemIdentifier"] for f in response["batchItemFailures"]] == ["m2", "m3"]


def test_the_time_threshold_comes_from_the_scorer_settings() -> None:
    assert ScorerSettings.model_fields["min_remaining_ms"].alias == "SCORER_MIN_REMAINING_MS"
    declared = properties("ScorerFunction")["Environment"]["Variables"]["SCORER_MIN_REMAINING_MS"]
    assert 0 < declared < properties("ScorerFunction")["Timeout"] * 1000 // 2
