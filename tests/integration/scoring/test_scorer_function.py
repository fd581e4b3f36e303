"""The scorer handler in-process, against the Tracker simulator over HTTP (127.0.0.1), moto, and the REAL engine.

Tracker calls per message are measured from the simulator's own request counts (`stats()`), so what is asserted
is what Tracker would see.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from local.harness.handlers import FakeLambdaContext, load_handler
from local.harness.template import create_table
from local.harness.tracker_budget import clear_wiring
from local.trackerrms_sim.testing import SimHandle, running_simulator
from skima.adapters import scorer_wiring
from skima.bootstrap import scorer as scorer_bootstrap
from skima.bootstrap.scorer import ScorerDeps
from skima.config import ScorerSettings
from skima.engine import Engine
from skima.job_summary import SUMMARY_SUBJECT
from skima.models import FeedbackGiven, QueueMessage, QueueMessageBody, ReconcileRequest, RecordChanged, RecordType
from skima.tracker import timing
from skima_cli.main import resolve_model_dir

SCREENED = "SKIMA Screened"
SHARE_TAG = "SKIMA Share"
SHORTLIST_BASE = "https://abc123.lambda-url.eu-west-2.on.aws/"
SIGNING_SECRET = "Zq7" * 22  # as GenerateSecretString makes it: 66 letters and digits


class LongContext(FakeLambdaContext):
    def get_remaining_time_in_millis(self) -> int:
        return 120_000


@pytest.fixture(scope="module")
def model_dir() -> Path:
    try:
        return resolve_model_dir(None)
    except SystemExit:
        pytest.skip("model layer not built (make -C layers/model build-ModelLayer ARTIFACTS_DIR=...)")


@pytest.fixture(scope="module")
def sim() -> Iterator[SimHandle]:
    with running_simulator(seed=7, candidates=60) as handle:
        yield handle


@dataclass
class Stack:
    sim: SimHandle
    handler: Any
    sqs: Any
    dynamodb: Any
    queue_url: str
    sent: int = 0

    def event(self, *messages: QueueMessageBody | str) -> dict[str, Any]:
        records = []
        for message in messages:
            body = message if isinstance(message, str) else QueueMessage(message).model_dump_json()
            self.sent += 1
            records.append(
                {
                    "messageId": f"m{self.sent}",
                    "receiptHandle": f"r{self.sent}",
                    "body": body,
                    "attributes": {"ApproximateReceiveCount": "1"},
                    "messageAttributes": {},
                    "md5OfBody": "",
                    "eventSource": "aws:sqs",
                    "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:score",
                    "awsRegion": "us-east-1",
                }
            )
        return {"Records": records}

    def run(self, *messages: QueueMessageBody | str, deps: ScorerDeps | None = None) -> list[str]:
        response = self.handler.lambda_handler(self.event(*messages), LongContext(), deps=deps)
        return [failure["itemIdentifier"] for failure in response["batchItemFailures"]]

    def run_until_done(self, message: QueueMessageBody, attempts: int = 4, deps: ScorerDeps | None = None) -> int:
        """SQS redelivery: run the message until it succeeds; returns the number of deliveries."""
        for attempt in range(1, attempts + 1):
            if not self.run(message, deps=deps):
                return attempt
        raise AssertionError(f"still failing after {attempts} deliveries")

    def drain(self) -> list[QueueMessageBody]:
        out: list[QueueMessageBody] = []
        while True:
            got = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10)
            if not got.get("Messages"):
                return out
            for message in got["Messages"]:
                out.append(QueueMessage.model_validate_json(message["Body"]).root)
                self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def notes_for(self, candidate_id: int) -> list[dict[str, Any]]:
        activities = self.sim.state()["activities"]
        return [
            a
            for a in activities
            if "SKIMA" in str(a.get("subject", ""))
            and str(a.get("linkRecordId", a.get("resourceId"))) == str(candidate_id)
        ]

    def tags(self, candidate_id: int) -> list[str]:
        text = self.sim.state()["tags"].get(str(candidate_id), "") or ""
        return [t.strip() for t in text.split(",") if t.strip()]

    def score_item(self, job_id: int, candidate_id: int) -> dict[str, Any] | None:
        item: dict[str, Any] | None = self.dynamodb.get_item(
            TableName="ScoresTable", Key={"job_id": {"S": str(job_id)}, "candidate_id": {"S": str(candidate_id)}}
        ).get("Item")
        return item

    def tracker_requests(self) -> dict[str, int]:
        requests: dict[str, int] = self.sim.stats()["requests"]
        return requests

    def tracker_writes(self) -> int:
        return int(self.sim.stats()["writes"])


@pytest.fixture
def stack(sim: SimHandle, model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Stack]:
    sim.clear_faults()
    # Tests are not Tracker's politeness budget: a fast process bucket (the shared DynamoDB budget stays on).
    monkeypatch.setattr(timing, "_process_limiter", timing.TokenBucket(rate_per_minute=60_000, burst=1000))
    with mock_aws():
        dynamodb = boto3.client("dynamodb")
        for logical_id in ("ScoresTable", "ProfilesTable", "LinksTable", "FeedbackTable", "StateTable"):
            create_table(dynamodb, logical_id)
        sqs = boto3.client("sqs")
        queue_url = sqs.create_queue(QueueName="score")["QueueUrl"]
        secrets = boto3.client("secretsmanager")
        secret_arn = secrets.create_secret(Name="tracker", SecretString=sim.api_token)["ARN"]
        signing_arn = secrets.create_secret(Name="link-signing", SecretString=SIGNING_SECRET)["ARN"]
        env = {
            "TRACKER_REST_URL": sim.base_url,
            "TRACKER_WIDGET_URL": sim.base_url,
            "TRACKER_API_TOKEN_SECRET_ARN": secret_arn,
            "TRACKER_REQUESTS_PER_MINUTE": "600",
            "STATE_TABLE": "StateTable",
            "SCORE_QUEUE_URL": queue_url,
            "SCORES_TABLE": "ScoresTable",
            "PROFILES_TABLE": "ProfilesTable",
            "LINKS_TABLE": "LinksTable",
            "FEEDBACK_TABLE": "FeedbackTable",
            "SCREENED_TAG": SCREENED,
            "SHORTLIST_STAGE_STATUS_ID": "",
            "SHARE_TAG": SHARE_TAG,
            "SHORTLIST_BASE_URL": SHORTLIST_BASE,
            "LINK_SIGNING_KEY_SECRET_ARN": signing_arn,
            "MODEL_DIR": str(model_dir),
            "NO_PROXY": "127.0.0.1,localhost",
        }
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        handler = load_handler("scorer")
        clear_wiring()
        yield Stack(sim=sim, handler=handler, sqs=sqs, dynamodb=dynamodb, queue_url=queue_url)
        clear_wiring()
    sim.clear_faults()


def _free_pair(sim: SimHandle, used: set[int] = set()) -> tuple[int, int]:  # noqa: B006 - a module-wide memo
    """A (job, candidate-with-a-document) pair not in any pipeline, different on every call (the simulator is
    shared by the module)."""
    state = sim.state()
    job_id = next(o["opportunityId"] for o in state["opportunities"] if o["state"] == "open")
    in_pipeline = {(p["opportunityId"], p["resourceId"]) for p in state["placements"]}
    for resource in state["resources"]:
        resource_id = resource["resourceId"]
        if resource.get("documents") and resource_id not in used and (job_id, resource_id) not in in_pipeline:
            used.add(resource_id)
            return job_id, resource_id
    raise AssertionError("no free pair left")


PYTHON_RESUME = """Senior Python Backend Engineer

Experience
Senior Backend Engineer, Acme Payments (2016 - 2025)
- Built REST APIs in Python with Django and FastAPI on PostgreSQL
- Ran services on AWS with Docker and Kubernetes; CI/CD pipelines
- Mentored engineers, led code reviews and system design

Education
BSc Computer Science, 2010 - 2014
"""


def application(placement_id: int) -> RecordChanged:
    return RecordChanged(source="webhook", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def candidate(candidate_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.RESOURCE, record_id=candidate_id)


def job(job_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY, record_id=job_id)


def test_a_new_application_is_scored_stored_noted_and_tagged_once(stack: Stack) -> None:
    job_id, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    tags_before = stack.tags(candidate_id)
    stack.run(job(job_id))  # the job is known before its new application arrives (as in production)
    stack.drain()
    stack.sim.reset_stats()

    assert stack.run(application(placement_id)) == []

    item = stack.score_item(job_id, candidate_id)
    assert item is not None and item["status"]["S"] in {"scored", "insufficient_evidence"}
    (note,) = stack.notes_for(candidate_id)
    assert note["note"].splitlines()[0].startswith("SKIMA Match Score: ")
    assert note["note"].splitlines()[1] == "SKIMA Reasons:"
    assert note["note"].splitlines()[-1].startswith(f"ref: job {job_id} | ")
    if item["status"]["S"] == "scored":
        assert note["note"].splitlines()[0].startswith(f"SKIMA Match Score: {item['score']['N']}/100 (")
        # Evidenced reads carry no tags, so the tag is skipped (never written blind over the recruiter's tags).
        expected = tags_before if stack.sim.shapes == "evidenced" else [*tags_before, SCREENED]
        assert stack.tags(candidate_id) == expected
    new_application_calls = sum(stack.tracker_requests().values())
    print(f"\nTracker calls, new application (known job): {new_application_calls} {stack.tracker_requests()}")
    # Evidenced shapes add, once, what a cold container learns: whether the widget read carries tags (1) and,
    # once a day, the stamp offset from our own note (1); the steady state is 5 (no blind tag write).
    assert new_application_calls <= (8 if stack.sim.shapes == "evidenced" else 6)

    # The same message again: one note still, and a single read.
    stack.sim.reset_stats()
    assert stack.run(application(placement_id)) == []
    assert len(stack.notes_for(candidate_id)) == 1
    recheck_calls = sum(stack.tracker_requests().values())
    print(f"Tracker calls, repeated application: {recheck_calls} {stack.tracker_requests()}")
    assert recheck_calls <= 1 and stack.tracker_writes() == 0

    # An unchanged candidate: one read, no write.
    stack.sim.reset_stats()
    assert stack.run(candidate(candidate_id)) == []
    print(f"Tracker calls, unchanged candidate: {sum(stack.tracker_requests().values())} {stack.tracker_requests()}")
    assert stack.tracker_writes() == 0 and sum(stack.tracker_requests().values()) <= 2


def test_a_lost_create_activity_response_still_gives_one_note(stack: Stack) -> None:
    job_id, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    stack.sim.set_fault("lost_response", mode="drop", count=1, path=r"^/api/widget/createActivity$")

    stack.run_until_done(application(placement_id))

    assert len(stack.notes_for(candidate_id)) == 1
    assert stack.sim.stats()["faults_fired"].get("lost_response") == 1


def test_429s_and_5xx_end_in_success_without_duplicates(stack: Stack) -> None:
    job_id, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    stack.sim.set_fault("rate_limit", retry_after=1, count=2, path=r"^/api/v1/")
    stack.sim.set_fault("http_error", status=503, count=2, path=r"^/api/widget/")

    stack.run_until_done(application(placement_id))
    stack.run_until_done(application(placement_id))  # a redelivery after success changes nothing

    fired = stack.sim.stats()["faults_fired"]
    assert fired.get("rate_limit") == 2 and fired.get("http_error") == 2
    assert len(stack.notes_for(candidate_id)) == 1
    assert stack.tags(candidate_id).count(SCREENED) <= 1


def test_a_changed_resume_gives_a_new_score_and_note_an_unchanged_one_nothing(stack: Stack) -> None:
    job_id, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    assert stack.run(application(placement_id)) == []
    first = stack.score_item(job_id, candidate_id)
    assert first is not None and len(stack.notes_for(candidate_id)) == 1

    # Unchanged: a re-check writes nothing to Tracker.
    stack.sim.reset_stats()
    assert stack.run(candidate(candidate_id)) == []
    assert stack.tracker_writes() == 0

    stack.sim.ui_attach_document(
        candidate_id,
        "new-resume.txt",
        text="Registered Nurse\n\nExperience\nICU Nurse, City Hospital (2015 - 2025)\n"
        "- Cared for critically ill patients\n\nEducation\nBSc Nursing, 2011 - 2015\n",
    )
    stack.sim.reset_stats()
    assert stack.run(candidate(candidate_id)) == []

    second = stack.score_item(job_id, candidate_id)
    assert second is not None and second["inputs_hash"]["S"] != first["inputs_hash"]["S"]
    assert second["content_version"]["S"] > first["content_version"]["S"]
    assert len(stack.notes_for(candidate_id)) == 2
    assert stack.tracker_requests().get("GET /api/v1/Resource/{id}/Documents/{id}/Download", 0) <= 1


def test_a_job_fans_out_its_pipeline_and_the_top10_fills(stack: Stack) -> None:
    state = stack.sim.state()
    job_id = next(o["opportunityId"] for o in state["opportunities"] if o["state"] == "open")
    pipeline = [p for p in state["placements"] if p["opportunityId"] == job_id]
    assert stack.run(job(job_id)) == []
    fanned = stack.drain()
    assert sorted(m.record_id for m in fanned if isinstance(m, RecordChanged)) == sorted(
        p["opportunityResourceId"] for p in pipeline
    )
    assert stack.run(*fanned) == []

    scored = stack.dynamodb.query(
        TableName="ScoresTable",
        IndexName="by_score",
        KeyConditionExpression="job_id = :j",
        ExpressionAttributeValues={":j": {"S": str(job_id)}},
        Limit=10,
    )["Items"]
    scores = [int(item["score"]["N"]) for item in scored]
    assert scores == sorted(scores, reverse=True)
    assert len(scores) >= min(10, len(pipeline)) - 2  # a couple may be insufficient evidence

    # Re-checking the unchanged job enqueues nothing and costs one call.
    stack.sim.reset_stats()
    assert stack.run(job(job_id)) == []
    assert stack.drain() == [] and sum(stack.tracker_requests().values()) == 1


def test_a_poison_message_fails_alone(stack: Stack) -> None:
    job_id, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    failures = stack.run("{not json", application(placement_id), json.dumps({"kind": "record_changed"}))
    assert failures == [f"m{stack.sent - 2}", f"m{stack.sent}"]
    assert stack.score_item(job_id, candidate_id) is not None


def test_the_stage_move_when_enabled_goes_only_to_a_high_scorer_in_the_top10(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHORTLIST_STAGE_STATUS_ID", "4")
    monkeypatch.setenv("SHORTLIST_STAGE_MIN_SCORE", "1")
    scorer_bootstrap.from_env.cache_clear()
    job_id = _free_pair(stack.sim)[0]
    candidate_id = stack.sim.ui_create_resource(firstName="Ada", surname="Byron", resumeText=PYTHON_RESUME)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)  # status 1 Applied

    assert stack.run(application(placement_id)) == []

    item = stack.score_item(job_id, candidate_id)
    assert item is not None
    assert item["status"]["S"] == "scored" and int(item["score"]["N"]) >= 1
    assert stack.sim.record("placement", placement_id)["statusId"] == 4

    monkeypatch.setenv("SHORTLIST_STAGE_MIN_SCORE", "100")  # nobody qualifies: no move, never a move down
    scorer_bootstrap.from_env.cache_clear()
    other_job, other_candidate = _free_pair(stack.sim)
    other_placement = stack.sim.ui_create_application(other_job, other_candidate)
    assert stack.run(application(other_placement)) == []
    assert stack.sim.record("placement", other_placement)["statusId"] == 1


def test_a_hiring_managers_feedback_becomes_one_note(stack: Stack) -> None:
    job_id, candidate_id = _free_pair(stack.sim)
    feedback = FeedbackGiven(
        job_id=job_id,
        candidate_id=candidate_id,
        verdict="up",
        comment="Ready for final interview",
        link_id="link1",
        feedback_key="fb-0001",
        job_title="Engineer",
        submitted_at=datetime(2026, 11, 28, 9, 0, tzinfo=UTC),
    )
    assert stack.run(feedback) == []
    assert stack.run(feedback) == []  # redelivered
    notes = [a for a in stack.sim.state()["activities"] if str(a.get("linkRecordId")) == str(candidate_id)]
    assert len([a for a in notes if "Ready for final interview" in str(a.get("note"))]) == 1


def test_a_poll_and_a_vote_never_load_the_engine(stack: Stack) -> None:
    loaded: list[str] = []

    def engine(model_dir: str) -> Engine:
        loaded.append(model_dir)
        return scorer_wiring.engine(model_dir)

    deps = scorer_bootstrap.build(ScorerSettings.from_env(), engine=engine)
    job_id, candidate_id = _free_pair(stack.sim)
    vote = FeedbackGiven(
        job_id=job_id,
        candidate_id=candidate_id,
        verdict="down",
        comment="Not for this role",
        link_id="link2",
        feedback_key="fb-engine-0001",
        job_title="Engineer",
        submitted_at=datetime(2026, 11, 28, 9, 0, tzinfo=UTC),
    )
    assert stack.run(ReconcileRequest(source="webhook", reason="unparseable ping"), vote, deps=deps) == []
    assert loaded == []
    notes = [a for a in stack.sim.state()["activities"] if str(a.get("linkRecordId")) == str(candidate_id)]
    assert len([a for a in notes if "Not for this role" in str(a.get("note"))]) == 1
    stack.drain()  # what the poll enqueued

    assert stack.run(candidate(candidate_id), deps=deps) == []
    assert loaded == [os.environ["MODEL_DIR"]]


def _job_notes(stack: Stack, job_id: int) -> list[dict[str, Any]]:
    """SKIMA's notes on the job, but its top-10 summaries (tests/integration/scoring/test_job_summary.py)."""
    return [
        a
        for a in stack.sim.state()["activities"]
        if a.get("linkRecordType") == "O"
        and str(a.get("linkRecordId")) == str(job_id)
        and "SKIMA" in str(a.get("subject", ""))
        and not str(a.get("subject", "")).startswith(SUMMARY_SUBJECT)
    ]


def _link_line(note: dict[str, Any]) -> str | None:
    return next((line for line in str(note["note"]).splitlines() if line.startswith("Shortlist Link: ")), None)


def test_the_share_tag_announces_a_link_later_notes_carry_it_and_removing_the_tag_revokes_it(stack: Stack) -> None:
    state = stack.sim.state()
    job_id = next(o["opportunityId"] for o in state["opportunities"] if o["state"] == "open")
    assert stack.run(job(job_id)) == []
    assert stack.run(*stack.drain()) == []  # the pipeline is scored: the job has a top-10
    top10 = stack.dynamodb.query(
        TableName="ScoresTable",
        IndexName="by_score",
        KeyConditionExpression="job_id = :j",
        ExpressionAttributeValues={":j": {"S": str(job_id)}},
        Limit=10,
    )["Items"]
    assert top10 and all(item.get("candidate_name", {}).get("S") for item in top10)  # names for the page
    names = {r["resourceId"]: r["name"] for r in state["resources"]}
    assert all(item["candidate_name"]["S"] == names[int(item["candidate_id"]["S"])] for item in top10)

    tags = stack.sim.record("opportunity", job_id).get("tagText") or ""
    stack.sim.ui_save_opportunity(job_id, tagText=", ".join(t for t in (tags, SHARE_TAG) if t))
    stack.sim.reset_stats()
    assert stack.run(job(job_id)) == []

    (job_note,) = _job_notes(stack, job_id)
    line = _link_line(job_note)
    assert line is not None and line.startswith(f"Shortlist Link: {SHORTLIST_BASE}s/")
    url = line.removeprefix("Shortlist Link: ")
    for item in top10:
        candidate_notes = [n for n in stack.notes_for(int(item["candidate_id"]["S"])) if _link_line(n)]
        assert [_link_line(n) for n in candidate_notes] == [line]
    assert stack.tracker_writes() == 1 + len(top10)
    links_dump = repr(stack.dynamodb.scan(TableName="LinksTable")["Items"])
    assert url.rsplit("/", 1)[1] not in links_dump and "announced_at" in links_dump

    # The same ping again: one read of the job (and one of its tags, its stamp being this fresh), nothing written.
    stack.sim.reset_stats()
    assert stack.run(job(job_id)) == []
    assert stack.tracker_writes() == 0 and len(_job_notes(stack, job_id)) == 1

    # A new application to the shared job: its score note carries the live link.
    _, candidate_id = _free_pair(stack.sim)
    placement_id = stack.sim.ui_create_application(job_id, candidate_id)
    assert stack.run(application(placement_id)) == []
    (note,) = [n for n in stack.notes_for(candidate_id) if "SKIMA Match Score" in str(n["subject"])]
    assert _link_line(note) == line
    item = stack.score_item(job_id, candidate_id)
    assert item is not None and item["candidate_name"]["S"] == names[candidate_id]

    # The recruiter removes the tag: the link is revoked, and later notes carry no link.
    stack.sim.ui_save_opportunity(job_id, tagText=tags)
    assert stack.run(job(job_id)) == []
    revoked = stack.dynamodb.scan(TableName="LinksTable")["Items"]
    assert all(i["revoked"]["BOOL"] for i in revoked if i.get("job_id", {}).get("S") == str(job_id))
    stack.sim.ui_attach_document(candidate_id, "new.txt", text=PYTHON_RESUME)
    assert stack.run(candidate(candidate_id)) == []
    notes = [n for n in stack.notes_for(candidate_id) if "SKIMA Match Score" in str(n["subject"])]
    assert len(notes) == 2 and _link_line(notes[-1]) is None
