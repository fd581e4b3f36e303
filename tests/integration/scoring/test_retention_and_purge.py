"""Retention (DynamoDB TTL `expires_at`) and the purge of a deleted candidate, on moto tables built from
template.yaml's key schemas (the by_candidate index included)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from local.harness.template import create_table
from skima.adapters.dynamo_feedback import DynamoFeedbackStore
from skima.adapters.dynamo_profiles import DynamoProfileCache, DynamoVectorStore
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.engine import Engine
from skima.scoring.ports import CachedProfile
from skima.scoring.vector_index import IndexedProfileCache
from skima.shortlist.models import FeedbackSubmission
from tests.fakes import HashingEmbedder
from tests.integration.scoring.test_adapters import row
from tests.unit.scoring.world import STRONG_RESUME, WEAK_RESUME

NOW = 1_800_000_000  # epoch seconds of every write here
DAY = 86400


@pytest.fixture
def client() -> Iterator[Any]:
    with mock_aws():
        dynamodb = boto3.client("dynamodb")
        for table in ("ScoresTable", "ProfilesTable", "FeedbackTable"):
            create_table(dynamodb, table)
        yield dynamodb


def ttl_of(client: Any, table: str, key: dict[str, Any]) -> int:
    item = client.get_item(TableName=table, Key=key)["Item"]
    return int(item["expires_at"]["N"])


def test_every_score_write_sets_the_ttl_to_now_plus_the_configured_days(client: Any) -> None:
    clock = [float(NOW)]
    scores = DynamoScoreStore(client, "ScoresTable", retention_days=30, clock=lambda: clock[0])
    key = {"job_id": {"S": "2001"}, "candidate_id": {"S": "1001"}}

    assert scores.put(row(1001, 70))
    assert ttl_of(client, "ScoresTable", key) == NOW + 30 * DAY

    clock[0] = NOW + 5 * DAY  # re-scored later: the row lives on from then
    assert scores.put(row(1001, 72, version="2026-11-29T09:00:00"))
    assert ttl_of(client, "ScoresTable", key) == NOW + 35 * DAY


def test_profiles_carry_the_ttl_and_jobs_do_not(client: Any) -> None:
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1))
    cache = DynamoProfileCache(client, "ProfilesTable", retention_days=400, clock=lambda: float(NOW))
    cache.put_profile(CachedProfile(1001, engine.build_profile("1001", STRONG_RESUME), "fields#x", None))

    assert ttl_of(client, "ProfilesTable", {"candidate_id": {"S": "1001"}}) == NOW + 400 * DAY


def test_feedback_expires_its_own_retention_after_it_was_given(client: Any) -> None:
    store = DynamoFeedbackStore(client, "FeedbackTable", retention_days=2190)
    given = datetime.fromtimestamp(NOW, UTC)
    store.record(FeedbackSubmission(2001, 1001, "up", "solid", "L1", "r1", given))

    items = client.query(
        TableName="FeedbackTable",
        KeyConditionExpression="job_candidate = :pk",
        ExpressionAttributeValues={":pk": {"S": "2001#1001"}},
    )["Items"]
    assert {item["feedback_key"]["S"] for item in items} == {"v#r1", "current"}
    assert {int(item["expires_at"]["N"]) for item in items} == {NOW + 2190 * DAY}


def test_a_retention_below_one_day_is_refused(client: Any) -> None:
    with pytest.raises(ValueError, match="at least one day"):
        DynamoScoreStore(client, "ScoresTable", retention_days=0)
    with pytest.raises(ValueError, match="at least one day"):
        DynamoFeedbackStore(client, "FeedbackTable", retention_days=-1)


def test_purging_a_candidate_removes_their_rows_for_every_job_their_profile_and_vector(client: Any) -> None:
    scores = DynamoScoreStore(client, "ScoresTable")
    for job_id in (2001, 2002, 2003):
        scores.put(row(1001, 60 + job_id % 10, job_id=job_id))
        scores.put(row(1002, 50, job_id=job_id))
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1))
    vectors = DynamoVectorStore(client, "ProfilesTable", engine.embedder.model_id)
    profiles = IndexedProfileCache(DynamoProfileCache(client, "ProfilesTable"), vectors, engine.embedder.model_id)
    for cid, resume in ((1001, STRONG_RESUME), (1002, WEAK_RESUME)):
        profiles.put_profile(CachedProfile(cid, engine.build_profile(str(cid), resume), "fields#x", None))
    feedback = DynamoFeedbackStore(client, "FeedbackTable")
    feedback.record(FeedbackSubmission(2001, 1001, "up", "", "L1", "r1", datetime.now(UTC) - timedelta(days=1)))

    assert scores.delete_candidate(1001) == 3
    assert profiles.delete_profile(1001)

    assert scores.jobs_of(1001) == [] and scores.jobs_of(1002) == [2001, 2002, 2003]
    assert [r.candidate_id for r in scores.top10(2001)] == [1002]  # what the shortlist page reads
    assert profiles.get_profile(1001) is None and profiles.get_profile(1002) is not None
    (chunk,) = vectors.load_chunks(list(vectors.manifest()))
    assert chunk.ids.tolist() == [1002]
    assert list(feedback.latest(2001, [1001])) == [1001]  # the audit trail stays until its own retention
    # A repeat finds nothing: no error, nothing changed.
    assert scores.delete_candidate(1001) == 0 and not profiles.delete_profile(1001)
    assert vectors.remove_many([1001]) == 0


def test_the_last_vector_of_a_chunk_can_go(client: Any) -> None:
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1))
    vectors = DynamoVectorStore(client, "ProfilesTable", engine.embedder.model_id)
    vectors.upsert_many({7: engine.build_profile("7", STRONG_RESUME).doc_array()})

    assert vectors.remove_many([7]) == 1
    (chunk,) = vectors.load_chunks(list(vectors.manifest()))
    assert chunk.ids.tolist() == [] and chunk.vectors.shape[0] == 0
