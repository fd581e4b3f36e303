"""`skima backfill` against the Tracker simulator over HTTP (127.0.0.1) and moto, then rediscovery for a job with
the REAL engine: the backfilled candidates are found, the best enter the top-10 marked as rediscovered, only they
get notes, and rediscovery reads nothing from Tracker. `skima sync-health` prints what the state table holds.

Tracker requests are counted by the simulator itself (`stats()`).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from local.harness.template import create_table
from local.harness.tracker_budget import clear_wiring
from local.trackerrms_sim.testing import SimHandle, running_simulator
from skima.adapters import scorer_wiring, wiring
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_profiles import DynamoProfileCache, DynamoVectorStore
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.adapters.dynamo_state import DynamoStateStore
from skima.adapters.tracker_source import TrackerRecordSource
from skima.config import BackfillSettings
from skima.scoring.ports import CachedJob
from skima.scoring.rediscovery import TalentRediscovery
from skima.scoring.scorer import job_text
from skima.scoring.vector_index import LiveVectorIndex
from skima.shortlist.links import ShareLinks
from skima.tracker import timing
from skima.writeback import WriteBack, WriteBackPolicy
from skima_cli import sync as cli
from skima_cli.main import resolve_model_dir

SCREENED = "SKIMA Screened"
PYTHON_RESUME = """Senior Python Backend Engineer

Experience
Senior Backend Engineer, Acme Payments (2016 - 2025)
- Built REST APIs in Python with Django and FastAPI on PostgreSQL
- Ran services on AWS with Docker and Kubernetes; CI/CD pipelines
- Mentored engineers, led code reviews and system design

Education
BSc Computer Science, 2010 - 2014
"""
READ_OPERATIONS = ("getRecords", "getIndividualRecord", "Search")


@pytest.fixture(scope="module")
def model_dir() -> Path:
    try:
        return resolve_model_dir(None)
    except SystemExit:
        pytest.skip("model layer not built (make -C layers/model build-ModelLayer ARTIFACTS_DIR=...)")


@dataclass
class Stack:
    sim: SimHandle
    dynamodb: Any
    secret_arn: str


@pytest.fixture(scope="module")
def stack(model_dir: Path) -> Iterator[Stack]:
    patch = pytest.MonkeyPatch()
    # Tests are not Tracker's politeness budget: a fast process bucket (the shared DynamoDB budget stays on).
    patch.setattr(timing, "_process_limiter", timing.TokenBucket(rate_per_minute=60_000, burst=1000))
    # Guessed shapes: these tests count the screened tag's read-modify-write, and only the guessed reads carry tags
    # (with the evidenced ones the tag is skipped: tests/integration/tracker_contract/test_contract_points.py).
    with running_simulator(seed=11, candidates=16, shapes="guessed") as sim, mock_aws():
        dynamodb = boto3.client("dynamodb", region_name="us-east-1")
        for logical_id in ("ScoresTable", "ProfilesTable", "LinksTable", "StateTable"):
            create_table(dynamodb, logical_id)
        secret_arn = boto3.client("secretsmanager", region_name="us-east-1").create_secret(
            Name="tracker", SecretString=sim.api_token
        )["ARN"]
        env = {
            "TRACKER_REST_URL": sim.base_url,
            "TRACKER_WIDGET_URL": sim.base_url,
            "TRACKER_API_TOKEN_SECRET_ARN": secret_arn,
            "STATE_TABLE": "StateTable",
            "PROFILES_TABLE": "ProfilesTable",
            "MODEL_DIR": str(model_dir),
            "NO_PROXY": "127.0.0.1,localhost",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
        for key, value in env.items():
            patch.setenv(key, value)
        patch.delenv("SCORE_QUEUE_URL", raising=False)
        clear_wiring()
        yield Stack(sim=sim, dynamodb=dynamodb, secret_arn=secret_arn)
        clear_wiring()
    patch.undo()


def skima(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="skima")
    cli.register(parser.add_subparsers(dest="command", required=True))
    return cli.run(parser.parse_args(argv))


def reads(sim: SimHandle) -> int:
    requests: dict[str, int] = sim.stats()["requests"]
    return sum(
        count
        for name, count in requests.items()
        if name.startswith("GET ") or any(op in name for op in READ_OPERATIONS)
    )


@pytest.fixture(scope="module")
def backfilled(stack: Stack) -> dict[str, int]:
    """A Python engineer in no pipeline, then the whole database backfilled (once for the module)."""
    python_dev = stack.sim.ui_create_resource(firstName="Grace", surname="Hopper", jobTitle="Backend Engineer")
    stack.sim.ui_attach_document(python_dev, "Grace Hopper CV.txt", text=PYTHON_RESUME)
    stack.sim.reset_stats()
    assert skima("backfill", "--requests-per-minute", "600", "--quiet") == 0
    return {"python_dev": python_dev, "requests": int(sum(stack.sim.stats()["requests"].values()))}


def test_the_backfill_caches_and_indexes_every_candidate(stack: Stack, backfilled: dict[str, int]) -> None:
    resources = [r["resourceId"] for r in stack.sim.state()["resources"]]
    cache = DynamoProfileCache(stack.dynamodb, "ProfilesTable")
    assert all(cache.get_profile(cid) is not None for cid in resources)
    engine = scorer_wiring.engine(str(resolve_model_dir(None)))
    live = LiveVectorIndex(DynamoVectorStore(stack.dynamodb, "ProfilesTable", engine.embedder.model_id))
    live.refresh()
    assert len(live.index) == len(resources)
    # one getRecords page + at most 4 requests per candidate (record, documents, download, a token exchange)
    assert backfilled["requests"] <= 1 + 4 * len(resources)


def test_a_finished_backfill_costs_nothing_and_a_rewalk_costs_one_page(
    stack: Stack, backfilled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    stack.sim.reset_stats()
    assert skima("backfill", "--quiet") == 0
    assert "already complete" in capsys.readouterr().out
    assert sum(stack.sim.stats()["requests"].values()) == 0

    assert skima("backfill", "--restart", "--requests-per-minute", "600", "--quiet") == 0

    requests: dict[str, int] = stack.sim.stats()["requests"]
    pages = sum(count for name, count in requests.items() if "getRecords" in name)
    others = {name: n for name, n in requests.items() if "getRecords" not in name and "exchange" not in name.lower()}
    assert pages == 1
    # Nothing re-read, bar the candidate saved within seconds of the first walk (an equal whole-second stamp
    # proves nothing then): its record and document list, never a download.
    assert sum(others.values()) <= 2 and not [name for name in others if "download" in name.lower()]
    assert "complete" in capsys.readouterr().out


def test_rediscovery_puts_the_backfilled_match_in_the_top10_without_reading_tracker(
    stack: Stack, backfilled: dict[str, int]
) -> None:
    engine = scorer_wiring.engine(str(resolve_model_dir(None)))
    job_id = next(
        o["opportunityId"]
        for o in stack.sim.state()["opportunities"]
        if "Python" in (o.get("title") or o.get("name") or "")
    )
    client = wiring.tracker_client(
        BackfillSettings.model_validate(
            {
                "TRACKER_REST_URL": stack.sim.base_url,
                "TRACKER_WIDGET_URL": stack.sim.base_url,
                "TRACKER_API_TOKEN_SECRET_ARN": stack.secret_arn,
                "STATE_TABLE": "StateTable",
                "SCORE_QUEUE_URL": "unused",
                "PROFILES_TABLE": "ProfilesTable",
                "TRACKER_REQUESTS_PER_MINUTE": "600",
            }
        )
    )
    tracker = TrackerRecordSource(client, lambda: client.deadline(60))
    record = tracker.job(job_id)
    prepared = engine.prepare_job(str(job_id), job_text(record.title, record.description))
    job = CachedJob(job_id, record.title, prepared.text_sha256, True, record.last_updated, prepared)
    in_pipeline = {entry.candidate_id for entry in record.pipeline}
    scores = DynamoScoreStore(stack.dynamodb, "ScoresTable")
    rediscovery = TalentRediscovery(
        engine=engine,
        index=scorer_wiring.live_index("ProfilesTable", engine.embedder.model_id),
        profiles=scorer_wiring.profile_batch("ProfilesTable"),
        scores=scores,
        writeback=WriteBack(
            tracker,
            DynamoStateStore(stack.dynamodb, "StateTable"),
            scores,
            ShareLinks(DynamoLinkStore(stack.dynamodb, "LinksTable"), base_url=""),  # no base URL: no link
            WriteBackPolicy(screened_tag=SCREENED),
        ),
        log=scorer_wiring.rediscovery_log("ProfilesTable"),
    )
    stack.sim.reset_stats()

    report = rediscovery.rediscover(job, in_pipeline)

    python_dev = backfilled["python_dev"]
    top10 = scores.top10(job_id)
    assert python_dev in report.entered_top
    assert all(row.origin == "rediscovery" and (row.score or 0) >= 60 for row in top10)
    assert {row.candidate_id for row in top10} == set(report.entered_top)
    assert not in_pipeline & set(report.entered_top)
    activities = stack.sim.state()["activities"]
    noted = {int(a.get("linkRecordId") or a.get("resourceId")) for a in activities if "SKIMA" in str(a.get("subject"))}
    assert noted == set(report.entered_top)  # notes only for the top-10 entrants
    assert SCREENED in (stack.sim.state()["tags"].get(str(python_dev)) or "")
    # Tracker saw writes (and the tag's read-modify-write) for the entrants only; no resume was read
    requests: dict[str, int] = stack.sim.stats()["requests"]
    assert not [name for name in requests if "document" in name.lower() or "getrecords" in name.lower()]
    assert reads(stack.sim) == report.tags_added  # only the tag's read-modify-write of each entrant

    again = rediscovery.rediscover(job, in_pipeline)
    assert again.outcome == "already done for this text"


def test_sync_health_prints_the_state_tables_health(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    assert skima("sync-health") == 0
    assert "no sync health recorded yet" in capsys.readouterr().out

    DynamoStateStore(stack.dynamodb, "StateTable").record_health(last_poll="2026-11-28T09:00:00+00:00", polled=3)

    assert skima("sync-health") == 0
    out = capsys.readouterr().out
    assert "last_poll" in out and "2026-11-28T09:00:00+00:00" in out and "polled" in out
    assert skima("sync-health", "--json") == 0
    assert '"polled": 3' in capsys.readouterr().out
