"""Rediscovery's DynamoDB adapters against moto (tables from template.yaml's key schemas)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import boto3
import numpy as np
import pytest
from moto import mock_aws

from local.harness.template import create_table
from skima.adapters.dynamo_profiles import (
    DynamoProfileBatch,
    DynamoProfileCache,
    DynamoRediscoveryLog,
    DynamoVectorStore,
)
from skima.adapters.dynamo_state import DynamoBackfillCursor
from skima.engine import Engine
from skima.scoring.ports import BackfillCursor, CachedProfile
from skima.scoring.vector_index import CHUNK_SPAN, IndexedProfileCache, LiveVectorIndex
from tests.fakes import HashingEmbedder
from tests.unit.scoring.world import STRONG_RESUME, WEAK_RESUME

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
DIMS = 384


@pytest.fixture
def client() -> Iterator[Any]:
    with mock_aws():
        dynamodb = boto3.client("dynamodb")
        create_table(dynamodb, "ProfilesTable")
        create_table(dynamodb, "StateTable")
        yield dynamodb


def unit_rows(seed: int, n: int) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((n, DIMS))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_vectors_round_trip_through_chunks_and_the_manifest(client: Any) -> None:
    store = DynamoVectorStore(client, "ProfilesTable", "model-a")
    ids = list(range(1, 250 * CHUNK_SPAN, 97))  # ~330 candidates over 250 chunks: several BatchGetItem calls
    rows = unit_rows(1, len(ids))

    changed = store.upsert_many(dict(zip(ids, rows, strict=True)))

    manifest = store.manifest()
    assert changed == len(manifest) == len({i // CHUNK_SPAN for i in ids})
    assert set(manifest.values()) == {1}
    chunks = store.load_chunks(sorted(manifest))
    loaded = {int(i): v for chunk in chunks for i, v in zip(chunk.ids, chunk.vectors, strict=True)}
    assert sorted(loaded) == ids
    assert np.allclose(np.stack([loaded[i] for i in ids]).astype(np.float32), rows, atol=1e-3)


def test_a_chunk_update_bumps_only_its_version_and_keeps_its_other_candidates(client: Any) -> None:
    store = DynamoVectorStore(client, "ProfilesTable", "model-a")
    a, b, c = unit_rows(2, 3)
    store.upsert_many({1: a, 2: b, CHUNK_SPAN + 1: c})

    assert store.upsert_many({2: a}) == 1
    assert store.upsert_many({2: a}) == 0  # the same vector: no write

    assert store.manifest() == {0: 2, 1: 1}
    (chunk,) = store.load_chunks([0])
    assert list(chunk.ids) == [1, 2] and np.allclose(chunk.vectors[1], a, atol=1e-3)


def test_a_concurrent_writer_is_merged_not_lost(client: Any) -> None:
    """Two containers write the same chunk at once: the loser of the version check re-reads and merges."""
    first = DynamoVectorStore(client, "ProfilesTable", "model-a")
    second = DynamoVectorStore(client, "ProfilesTable", "model-a")
    a, b = unit_rows(3, 2)
    real_get = client.get_item
    raced = {"done": False}

    def get_then_race(**kwargs: Any) -> Any:
        response = real_get(**kwargs)
        if not raced["done"] and kwargs["Key"]["candidate_id"]["S"].endswith("#0"):
            raced["done"] = True
            second.upsert_many({2: b})  # lands between first's read and first's write
        return response

    client.get_item = get_then_race
    first.upsert_many({1: a})
    client.get_item = real_get

    (chunk,) = first.load_chunks([0])
    assert list(chunk.ids) == [1, 2] and chunk.version == 2
    assert first.manifest() == {0: 2}


def test_vectors_of_another_model_are_never_mixed_in(client: Any) -> None:
    DynamoVectorStore(client, "ProfilesTable", "model-a").upsert_many({1: unit_rows(4, 1)[0]})

    assert DynamoVectorStore(client, "ProfilesTable", "model-b").manifest() == {}


def test_the_live_index_and_the_indexed_cache_over_dynamodb(client: Any) -> None:
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1))
    store = DynamoVectorStore(client, "ProfilesTable", engine.embedder.model_id)
    cache = IndexedProfileCache(DynamoProfileCache(client, "ProfilesTable"), store, engine.embedder.model_id)
    for cid, resume in ((1001, STRONG_RESUME), (1002, WEAK_RESUME), (900_001, STRONG_RESUME)):
        profile = engine.build_profile(str(cid), resume)
        cache.put_profile(CachedProfile(cid, profile, f"doc#{cid}#-", T0, confirmed_at=T0))
    live = LiveVectorIndex(store)

    assert live.refresh() == 2 and len(live.index) == 3
    job = engine.prepare_job("1", "## Requirements\n- Java and Spring Boot\n- Kafka\n")
    assert [cid for cid, _ in live.index.top_k(job.query_array(), 2)] == [1001, 900_001]

    batch = DynamoProfileBatch(client, "ProfilesTable").get_profiles([1001, 1002, 4242])
    assert set(batch) == {1001, 1002}
    assert batch[1001].profile.profile_sha256 == cache.get_profile(1001).profile.profile_sha256  # type: ignore[union-attr]
    assert batch[1001].candidate_stamp == T0 and batch[1001].source_key == "doc#1001#-"


def test_a_batch_read_gives_what_a_single_read_gives_the_display_name_included(client: Any) -> None:
    """Rediscovery writes its score rows from batch reads alone: the shortlist page shows their stored name."""
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1))
    cache = DynamoProfileCache(client, "ProfilesTable")
    profile = engine.build_profile("1001", STRONG_RESUME)
    cache.put_profile(
        CachedProfile(1001, profile, "doc#1001#-", T0, T0, ("Java",), 1234, confirmed_at=T0, display_name="Ada L.")
    )
    cache.put_profile(CachedProfile(1002, profile, "fields#x", None))  # no stamps, no name

    batch = DynamoProfileBatch(client, "ProfilesTable").get_profiles([1001, 1002])

    assert batch[1001].display_name == "Ada L."
    assert batch == {cid: cache.get_profile(cid) for cid in (1001, 1002)}


def test_batch_profile_reads_page_past_the_hundred_key_limit(client: Any) -> None:
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1))
    cache = DynamoProfileCache(client, "ProfilesTable")
    profile = engine.build_profile("x", STRONG_RESUME)
    for cid in range(1, 131):
        cache.put_profile(CachedProfile(cid, profile, "fields#x", T0))

    found = DynamoProfileBatch(client, "ProfilesTable").get_profiles(list(range(1, 141)))

    assert sorted(found) == list(range(1, 131))


def test_the_rediscovery_log_and_the_backfill_cursor_round_trip(client: Any) -> None:
    log = DynamoRediscoveryLog(client, "ProfilesTable")
    assert log.done_for(2001) is None
    log.mark_done(2001, "abc|e|m")
    assert log.done_for(2001) == "abc|e|m"

    cursors = DynamoBackfillCursor(client, "StateTable")
    assert cursors.load() is None
    cursor = BackfillCursor(page=3, last_id=1300, seen=300, built=250, confirmed=10, unchanged=35, gone=5)
    cursor.updated_at = T0.isoformat()
    cursors.save(cursor)
    assert cursors.load() == cursor
