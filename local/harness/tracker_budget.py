"""Tracker calls per case, counted by the simulator (`stats()["requests"]`), through the real scorer handler
(moto for AWS, the real engine) and the real poller over HTTP. Shared by `bench/tracker_calls.py` (which writes the
figures into bench/results.json) and the integration tests that assert the budget.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
from moto import mock_aws

from local.harness.handlers import FakeLambdaContext, load_handler
from local.harness.template import create_table
from local.trackerrms_sim.testing import SimHandle
from skima.adapters import scorer_wiring, wiring
from skima.bootstrap import poller as poller_bootstrap
from skima.bootstrap import scorer as scorer_bootstrap
from skima.config import PollerSettings
from skima.job_summary import SUMMARY_SUBJECT
from skima.models import FeedbackGiven, QueueMessage, QueueMessageBody, RecordChanged, RecordType
from skima.polling import BACKSTOP_EVERY_RUNS, PollReport
from skima.tracker import timing
from skima.tracker.timing import Deadline

SIGNING_SECRET = "Zq7" * 22
# Tracker's budget the burst is timed against: requests a minute shared by every function (the template default).
BUDGET_PER_MINUTE = 90


class _LongContext(FakeLambdaContext):
    def get_remaining_time_in_millis(self) -> int:
        return 120_000


def clear_wiring() -> None:
    """Forget every cached client and composition root, so the next invocation builds them against this stack."""
    for name in (
        "dynamodb",
        "state_store",
        "score_queue",
        "tracker_client",
        "score_store",
        "link_signing_secret",
        "tracker_timezone",
    ):
        getattr(wiring, name).cache_clear()
    for name in (
        "profile_cache",
        "recent_pipelines",
        "vector_store",
        "live_index",
        "profile_batch",
        "rediscovery_log",
    ):
        getattr(scorer_wiring, name).cache_clear()
    scorer_bootstrap.from_env.cache_clear()


@dataclass
class BudgetStack:
    sim: SimHandle
    handler: Any
    sqs: Any
    queue_url: str
    sent: int = 0
    used: set[int] = field(default_factory=set)

    # ------------------------------------------------------------------ running messages
    def run(self, *messages: QueueMessageBody) -> list[str]:
        records = []
        for message in messages:
            self.sent += 1
            records.append(
                {
                    "messageId": f"m{self.sent}",
                    "receiptHandle": f"r{self.sent}",
                    "body": QueueMessage(message).model_dump_json(),
                    "attributes": {"ApproximateReceiveCount": "1"},
                    "messageAttributes": {},
                    "md5OfBody": "",
                    "eventSource": "aws:sqs",
                    "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:score",
                    "awsRegion": "us-east-1",
                }
            )
        response = self.handler.lambda_handler({"Records": records}, _LongContext())
        return [failure["itemIdentifier"] for failure in response["batchItemFailures"]]

    def drain(self) -> list[QueueMessageBody]:
        """Everything queued (fan-outs, poll finds), taken off the queue without running it."""
        out: list[QueueMessageBody] = []
        while True:
            got = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10)
            if not got.get("Messages"):
                return out
            for message in got["Messages"]:
                out.append(QueueMessage.model_validate_json(message["Body"]).root)
                self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def calls(self) -> int:
        return sum(self.sim.stats()["requests"].values())

    def measure(self, *messages: QueueMessageBody) -> int:
        """Tracker calls the messages cost (the messages must succeed)."""
        self.sim.reset_stats()
        failed = self.run(*messages)
        if failed:
            raise AssertionError(f"messages failed: {failed}")
        return self.calls()

    def poll(self) -> PollReport:
        """One poll as the poller function runs it (its composition root, this stack's settings)."""
        deps = poller_bootstrap.build(PollerSettings.from_env())
        return deps.poll(Deadline.from_remaining_ms(60_000), "bench-poll", 120)

    # ------------------------------------------------------------------ the simulator's records
    def open_jobs(self) -> list[int]:
        return [o["opportunityId"] for o in self.sim.state()["opportunities"] if o["state"] == "open"]

    def free_candidates(self, job_id: int, count: int) -> list[int]:
        """Candidates with a resume document, in no pipeline of `job_id`, not used before by this stack."""
        state = self.sim.state()
        in_pipeline = {p["resourceId"] for p in state["placements"] if p["opportunityId"] == job_id}
        found: list[int] = []
        for resource in state["resources"]:
            resource_id = resource["resourceId"]
            if resource.get("documents") and resource_id not in self.used and resource_id not in in_pipeline:
                found.append(resource_id)
                self.used.add(resource_id)
                if len(found) == count:
                    return found
        raise AssertionError(f"only {len(found)} free candidates with a document, {count} wanted")

    def job_summaries(self) -> int:
        """SKIMA's job-level summary notes (skima.job_summary) in the simulator: at most one a job an hour, so the
        budget counts them per job, apart from the calls each application costs."""
        return sum(
            1
            for activity in self.sim.state()["activities"]
            if activity.get("linkRecordType") == "O" and str(activity.get("subject", "")).startswith(SUMMARY_SUBJECT)
        )

    def score_notes(self) -> dict[tuple[int, int], int]:
        """SKIMA score notes per (candidate, job), from the simulator's activities."""
        counts: dict[tuple[int, int], int] = {}
        for activity in self.sim.state()["activities"]:
            note = str(activity.get("note", ""))
            if "SKIMA Match Score" not in note or activity.get("linkRecordType") != "R":
                continue
            ref = note.splitlines()[-1]
            job_id = ref.removeprefix("ref: job ").split(" ", 1)[0] if ref.startswith("ref: job ") else ""
            if job_id.isdigit():
                key = (int(activity["linkRecordId"]), int(job_id))
                counts[key] = counts.get(key, 0) + 1
        return counts


def application(placement_id: int) -> RecordChanged:
    return RecordChanged(source="webhook", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def candidate(candidate_id: int) -> RecordChanged:
    return RecordChanged(source="webhook", record_type=RecordType.RESOURCE, record_id=candidate_id)


def job(job_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY, record_id=job_id)


@contextmanager
def budget_stack(sim: SimHandle, model_dir: Path) -> Iterator[BudgetStack]:
    """The scorer handler wired to `sim` and moto. Environment variables are set for the duration only."""
    saved_limiter = timing._process_limiter
    # Time is counted, not spent: the budget is applied to the counted calls (simulated minutes).
    timing._process_limiter = timing.TokenBucket(rate_per_minute=600_000, burst=10_000)
    saved_env = dict(os.environ)
    handler: Any = None
    try:
        with mock_aws():
            os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
            dynamodb = boto3.client("dynamodb")
            for logical_id in ("ScoresTable", "ProfilesTable", "LinksTable", "FeedbackTable", "StateTable"):
                create_table(dynamodb, logical_id)
            sqs = boto3.client("sqs")
            queue_url = sqs.create_queue(QueueName="score")["QueueUrl"]
            secrets = boto3.client("secretsmanager")
            secret_arn = secrets.create_secret(Name="tracker", SecretString=sim.api_token)["ARN"]
            signing_arn = secrets.create_secret(Name="link-signing", SecretString=SIGNING_SECRET)["ARN"]
            os.environ.update(
                {
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
                    "SCREENED_TAG": "SKIMA Screened",
                    "SHORTLIST_STAGE_STATUS_ID": "",
                    "SHARE_TAG": "SKIMA Share",
                    "SHORTLIST_BASE_URL": "https://abc123.lambda-url.eu-west-2.on.aws/",
                    "LINK_SIGNING_KEY_SECRET_ARN": signing_arn,
                    "MODEL_DIR": str(model_dir),
                    "NO_PROXY": "127.0.0.1,localhost",
                }
            )
            handler = load_handler("scorer")
            clear_wiring()
            yield BudgetStack(sim=sim, handler=handler, sqs=sqs, queue_url=queue_url)
    finally:
        if handler is not None:
            clear_wiring()
        os.environ.clear()
        os.environ.update(saved_env)
        timing._process_limiter = saved_limiter


# ---------------------------------------------------------------------- the cases
def measure_cases(stack: BudgetStack, open_jobs: int = 50) -> dict[str, Any]:
    """Every case of the request budget, steady state (a warm container: its one-off probes are counted apart)."""
    sim = stack.sim
    job_id = stack.open_jobs()[0]
    stack.run(job(job_id))  # the job is known (as in production, where its own hint came first)
    stack.drain()
    figures: dict[str, Any] = {}

    warm, fresh = stack.free_candidates(job_id, 2)
    figures["new_application_cold_container"] = stack.measure(application(sim.ui_create_application(job_id, warm)))
    placement = sim.ui_create_application(job_id, fresh)
    summaries = stack.job_summaries()
    calls = stack.measure(application(placement))
    # the job's summary note (a newcomer to its top-10) is a call per job and hour, not per application
    figures["new_application_job_summaries"] = stack.job_summaries() - summaries
    figures["new_application"] = calls - figures["new_application_job_summaries"]
    figures["new_application_routes"] = dict(sim.stats()["requests"])
    figures["repeated_application"] = stack.measure(application(placement))

    # The echo of our own note: a ping for the candidate costs the document list; a poll sees no change to it.
    figures["echo_by_ping"] = stack.measure(candidate(fresh))
    stack.poll()  # the first run lists everything once
    stack.drain()
    sim.advance_clock(5)
    written = stack.measure(application(sim.ui_create_application(job_id, stack.free_candidates(job_id, 1)[0])))
    assert written >= 1
    sim.advance_clock(120)  # past the search lag
    report = stack.poll()
    queued = stack.drain()
    own = [m for m in queued if isinstance(m, RecordChanged) and m.record_type is RecordType.RESOURCE]
    figures["echo_by_poll"] = 0 if not own else len(own)  # each would cost a scorer read
    del report

    sim.ui_save_resource(fresh, mobilePhone="+44 7700 900123")  # a re-save: another field, the same resume
    figures["unchanged_resave"] = stack.measure(candidate(fresh))

    figures["hm_vote"] = stack.measure(
        FeedbackGiven(
            job_id=job_id,
            candidate_id=fresh,
            verdict="up",
            comment="Strong on APIs",
            link_id="link1",
            feedback_key="fb-bench-1",
            job_title="Engineer",
            submitted_at=datetime(2026, 11, 28, 9, 0, tzinfo=UTC),
        )
    )

    # A poll with nothing new at `open_jobs` open jobs (after one run that learnt their summaries).
    for index in range(max(0, open_jobs - len(stack.open_jobs()))):
        sim.ui_create_opportunity(name=f"Bench role {index}", description=f"Bench role {index}. " * 20)
    sim.advance_clock(120)
    stack.poll()
    # Every open job's own hint has run, as in production: a poll "with nothing new" is over jobs the scorer knows.
    stack.drain()
    stack.run(*(job(job_id) for job_id in stack.open_jobs()))
    stack.drain()
    # Every run of a full backstop cycle, each with the scorer's reads for what the run enqueued (the backstop's
    # re-checked job): the figure is the dearest run, not a typical one.
    per_run: list[int] = []
    rechecked = 0
    for _ in range(BACKSTOP_EVERY_RUNS):
        sim.advance_clock(600)
        sim.reset_stats()
        nothing_new = stack.poll()
        enqueued = stack.drain()
        rechecked += len(enqueued)
        if enqueued:
            stack.run(*enqueued)
            stack.drain()  # anything the re-check fanned out would be new work, not the poll's cost
        per_run.append(stack.calls())
        if enqueued:
            figures["poll_backstop_routes"] = dict(sim.stats()["requests"])
    figures["poll_nothing_new_open_jobs"] = nothing_new.open_jobs
    figures["poll_nothing_new_50_jobs"] = max(per_run)
    figures["poll_nothing_new_50_jobs_per_run"] = per_run
    figures["poll_nothing_new_jobs_rechecked"] = rechecked
    # ... and one with an early-stage application no webhook announced: its job alone is re-read.
    sim.ui_create_application(job_id, stack.free_candidates(job_id, 1)[0])
    sim.advance_clock(600)
    sim.reset_stats()
    found = stack.poll()
    figures["poll_new_application_50_jobs"] = stack.calls()
    figures["poll_new_application_jobs_rechecked"] = list(found.summaries_changed)
    stack.drain()
    return figures


def measure_burst(stack: BudgetStack, size: int) -> dict[str, Any]:
    """`size` new applications announced at once, scored to the end: calls per application, simulated minutes at
    the budget, and whether every pair has one score and one note (no loss, no duplicate)."""
    sim = stack.sim
    jobs = stack.open_jobs()[:5]
    for job_id in jobs:
        stack.run(job(job_id))
    stack.drain()
    pairs: list[tuple[int, int, int]] = []
    per_job = -(-size // len(jobs))
    for job_id in jobs:
        for candidate_id in stack.free_candidates(job_id, min(per_job, size - len(pairs))):
            pairs.append((sim.ui_create_application(job_id, candidate_id), job_id, candidate_id))
        if len(pairs) == size:
            break
    sim.reset_stats()
    summaries = stack.job_summaries()
    messages = [application(placement_id) for placement_id, _, _ in pairs]
    failures = 0
    for start in range(0, len(messages), 10):
        failures += len(stack.run(*messages[start : start + 10]))
    job_summaries = stack.job_summaries() - summaries
    calls = stack.calls() - job_summaries
    counts = stack.score_notes()
    notes = [counts.get((candidate_id, job_id), 0) for _, job_id, candidate_id in pairs]
    return {
        "applications": size,
        "calls": calls,
        "calls_per_application": round(calls / size, 3),
        "jobs": len({job_id for _, job_id, _ in pairs}),
        "job_summaries": job_summaries,  # at most one a job within the hour the burst takes
        "simulated_minutes_at_budget": round((calls + job_summaries) / BUDGET_PER_MINUTE, 2),
        "limit_minutes": round((size * 4 + job_summaries) / BUDGET_PER_MINUTE, 2),
        "failed_messages": failures,
        "lost": sum(1 for count in notes if count == 0),
        "duplicated": sum(1 for count in notes if count > 1),
    }
