"""DynamoDB faults in the middle of a message (score write, write-back outbox), one failing record among its
batch-mates, and a dead-letter redrive drill: the scorer in-process against the Tracker simulator, moto and the
real engine. Whatever fails, every pair ends with exactly one score row and exactly one note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from local.harness.template import properties
from skima.bootstrap import scorer as scorer_bootstrap
from skima.bootstrap.scorer import ScorerDeps
from skima.config import ScorerSettings
from skima.models import QueueMessage
from tests.integration.scoring.test_scorer_function import LongContext, Stack, _free_pair, application

Matcher = Callable[[str, dict[str, Any]], bool]


class FaultyDynamo:
    """The real (moto) client, with one write made to fail once: `before` it lands (refused) or `after` it landed
    (the answer lost), as DynamoDB throttling or a dropped connection would."""

    def __init__(self, client: Any, matches: Matcher, phase: str) -> None:
        self._client = client
        self._matches = matches
        self._phase = phase
        self.fired = 0

    def __getattr__(self, name: str) -> Any:
        real = getattr(self._client, name)
        if name not in ("put_item", "update_item", "delete_item", "transact_write_items"):
            return real

        def call(**kwargs: Any) -> Any:
            if self.fired or not self._matches(name, kwargs):
                return real(**kwargs)
            self.fired += 1
            error = {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "injected"}}
            if self._phase == "after":
                real(**kwargs)
            raise ClientError(error, name)  # type: ignore[arg-type]

        return call


def _score_put(op: str, kwargs: dict[str, Any]) -> bool:
    return (
        op == "update_item"
        and kwargs["TableName"] == "ScoresTable"
        and ":receipt_id" in kwargs.get("ExpressionAttributeValues", {})
    )


def _mark_written(op: str, kwargs: dict[str, Any]) -> bool:
    return (
        op == "update_item"
        and kwargs["TableName"] == "ScoresTable"
        and kwargs.get("ConditionExpression") == ("inputs_hash = :inputs")
    )


def _outbox(status: str) -> Matcher:
    def matches(op: str, kwargs: dict[str, Any]) -> bool:
        item = kwargs.get("Item", {})
        return (
            op == "put_item"
            and item.get("pk", {}).get("S", "").startswith("outbox#note#")
            and item.get("status", {}).get("S") == status
        )

    return matches


def _inject(stack: Stack, matches: Matcher, phase: str) -> tuple[FaultyDynamo, ScorerDeps]:
    """The scorer's dependencies, built by its composition root with the faulty client under its state and score
    stores (where the score, the outbox and the written mark land)."""
    faulty = FaultyDynamo(stack.dynamodb, matches, phase)
    return faulty, scorer_bootstrap.build(ScorerSettings.from_env(), dynamodb=faulty)


def _match_notes(stack: Stack, candidate_id: int) -> list[dict[str, Any]]:
    return [note for note in stack.notes_for(candidate_id) if "Match Score" in str(note.get("subject", ""))]


@pytest.mark.parametrize(
    ("matches", "phase"),
    [
        pytest.param(_score_put, "before", id="score-write-refused"),
        pytest.param(_score_put, "after", id="score-write-answer-lost"),
        pytest.param(_outbox("attempted"), "before", id="outbox-attempted-refused"),
        pytest.param(_outbox("done"), "before", id="outbox-done-refused-after-the-note-landed"),
        pytest.param(_outbox("done"), "after", id="outbox-done-answer-lost"),
        pytest.param(_mark_written, "before", id="written-mark-refused"),
    ],
)
def test_a_dynamodb_fault_mid_message_loses_and_duplicates_nothing(stack: Stack, matches: Matcher, phase: str) -> None:
    job_id, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    faulty, deps = _inject(stack, matches, phase)
    message = application(placement_id)
    assert stack.run(message, deps=deps) == [f"m{stack.sent}"]  # the fault fails the record: SQS delivers it again
    assert faulty.fired == 1
    assert stack.run_until_done(message, deps=deps) == 1  # the redelivery succeeds
    assert stack.run(message, deps=deps) == []  # and a late duplicate delivery changes nothing
    item = stack.score_item(job_id, candidate_id)
    assert item is not None and item["status"]["S"] in ("scored", "insufficient_evidence")
    assert len(_match_notes(stack, candidate_id)) == 1


def test_one_failing_record_does_not_fail_its_batch_mates(stack: Stack) -> None:
    pairs = [_free_pair(stack.sim) for _ in range(3)]
    placements = [stack.sim.ui_create_application(job_id, candidate_id) for job_id, candidate_id in pairs]
    # The middle candidate's Tracker reads fail for good (503 on every retry).
    stack.sim.set_fault("http_error", status=503, path=f"/Resource/{pairs[1][1]}($|/)")
    failures = stack.run(*(application(placement) for placement in placements))
    assert failures == [f"m{stack.sent - 1}"]
    for index in (0, 2):
        job_id, candidate_id = pairs[index]
        assert stack.score_item(job_id, candidate_id) is not None
        assert len(_match_notes(stack, candidate_id)) == 1
    assert stack.score_item(*pairs[1]) is None
    stack.sim.clear_faults()
    assert stack.run_until_done(application(placements[1])) == 1
    assert len(_match_notes(stack, pairs[1][1])) == 1


def test_dead_letter_redrive_drill_scores_once(stack: Stack) -> None:
    """A message that failed maxReceiveCount times lands in the DLQ; once the cause is fixed, redriving it to the
    queue (what `aws sqs start-message-move-task` does) scores it once, and a second redrive changes nothing."""
    max_receives = properties("ScoreQueue")["RedrivePolicy"]["maxReceiveCount"]
    sqs = stack.sqs
    dlq_url = sqs.create_queue(QueueName="drill-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    queue_url = sqs.create_queue(
        QueueName="drill",
        Attributes={"RedrivePolicy": f'{{"deadLetterTargetArn": "{dlq_arn}", "maxReceiveCount": "{max_receives}"}}'},
    )["QueueUrl"]
    job_id, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    sqs.send_message(QueueUrl=queue_url, MessageBody=QueueMessage(application(placement_id)).model_dump_json())

    # The score table refuses every write (a lasting outage): each delivery fails.
    faulty, deps = _inject(stack, _score_put, "before")

    def deliver(url: str) -> bool | None:
        """One SQS delivery to the handler, as the event source mapping makes it; None when the queue is empty."""
        got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1, VisibilityTimeout=0).get("Messages", [])
        if not got:
            return None
        (message,) = got
        event = stack.event(message["Body"])
        event["Records"][0]["messageId"] = message["MessageId"]
        failed = stack.handler.lambda_handler(event, LongContext(), deps=deps)["batchItemFailures"]
        if not failed:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        return not failed

    outcomes = []
    for _ in range(max_receives):
        faulty.fired = 0  # fails every time, not once
        outcomes.append(deliver(queue_url))
    assert outcomes == [False] * max_receives
    assert deliver(queue_url) is None  # moved to the dead-letter queue on the next receive
    in_dlq = sqs.receive_message(QueueUrl=dlq_url, MaxNumberOfMessages=10, VisibilityTimeout=0)["Messages"]
    assert len(in_dlq) == 1 and stack.score_item(job_id, candidate_id) is None

    faulty.fired = 1  # the outage is over: the fault never fires again
    body = in_dlq[0]["Body"]
    for _ in range(2):  # the redrive, and an operator redriving a copy again by mistake
        sqs.send_message(QueueUrl=queue_url, MessageBody=body)
    sqs.delete_message(QueueUrl=dlq_url, ReceiptHandle=in_dlq[0]["ReceiptHandle"])
    assert deliver(queue_url) is True and deliver(queue_url) is True and deliver(queue_url) is None
    assert stack.score_item(job_id, candidate_id) is not None
    assert len(_match_notes(stack, candidate_id)) == 1
