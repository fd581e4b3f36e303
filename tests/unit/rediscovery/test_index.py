"""The first stage: the in-memory vector index ranks exactly as brute force does, and stays current incrementally."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skima.scoring.vector_index import CHUNK_SPAN, LiveVectorIndex, VectorIndex
from tests.fakes import FakeVectorStore

DIMS = 384


def unit_rows(rng: np.random.Generator, n: int, clusters: int = 8) -> np.ndarray:
    """Clustered unit vectors (resumes of a few occupations), rounded to float16 as they are stored."""
    centres = rng.standard_normal((clusters, DIMS))
    rows = centres[rng.integers(0, clusters, n)] + 0.6 * rng.standard_normal((n, DIMS))
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows.astype(np.float16).astype(np.float32)


def brute_force(ids: list[int], rows: np.ndarray, query: np.ndarray, k: int, exclude: set[int]) -> list[int]:
    scored = [
        (float(np.dot(row.astype(np.float64), query.astype(np.float64))), cid)
        for cid, row in zip(ids, rows, strict=True)
        if cid not in exclude
    ]
    return [cid for _, cid in sorted(scored, key=lambda pair: (-pair[0], pair[1]))[:k]]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_top_k_is_the_brute_force_ranking(seed: int) -> None:
    rng = np.random.default_rng(seed)
    ids = [int(i) for i in rng.choice(1_000_000, size=3000, replace=False)]
    rows = unit_rows(rng, len(ids))
    index = VectorIndex(DIMS, capacity=16)  # grows while loading
    index.upsert(ids, rows)
    query = unit_rows(rng, 1)[0]
    exclude = set(ids[:50])

    found = index.top_k(query, 200, exclude=exclude)

    assert [cid for cid, _ in found] == brute_force(ids, rows, query, 200, exclude)
    assert all(a[1] >= b[1] for a, b in pairwise(found))


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=60),
    k=st.integers(min_value=0, max_value=80),
    seed=st.integers(min_value=0, max_value=2**16),
    excluded=st.integers(min_value=0, max_value=10),
)
def test_top_k_matches_brute_force_for_any_size_k_and_exclusion(n: int, k: int, seed: int, excluded: int) -> None:
    rng = np.random.default_rng(seed)
    ids = list(range(10, 10 + n))
    rows = unit_rows(rng, n) if n else np.zeros((0, DIMS), np.float32)
    index = VectorIndex(DIMS)
    index.upsert(ids, rows)
    query = unit_rows(rng, 1)[0]
    exclude = set(ids[:excluded])

    assert [cid for cid, _ in index.top_k(query, k, exclude=exclude)] == brute_force(ids, rows, query, k, exclude)


def test_ties_are_broken_by_the_lower_candidate_id_even_at_the_cut() -> None:
    rng = np.random.default_rng(7)
    same = unit_rows(rng, 1)[0]
    index = VectorIndex(DIMS)
    index.upsert([50, 7, 30, 12, 99], np.stack([same] * 5))  # five identical resumes

    assert [cid for cid, _ in index.top_k(same, 3)] == [7, 12, 30]


def test_an_update_replaces_the_vector_and_empty_vectors_are_not_searchable() -> None:
    rng = np.random.default_rng(3)
    a, b = unit_rows(rng, 2)
    index = VectorIndex(DIMS)
    index.upsert([1, 2, 3], np.stack([a, a, np.zeros(DIMS, np.float32)]))
    assert len(index) == 2 and 3 not in index

    index.upsert([2], b[None, :])  # candidate 2's resume changed

    assert len(index) == 2
    assert [cid for cid, _ in index.top_k(b, 1)] == [2]
    assert [cid for cid, _ in index.top_k(a, 1)] == [1]


def test_the_live_index_loads_once_and_then_only_the_chunks_that_changed() -> None:
    rng = np.random.default_rng(11)
    store = FakeVectorStore()
    ids = list(range(1, 3 * CHUNK_SPAN))  # three chunks
    rows = unit_rows(rng, len(ids))
    store.upsert_many(dict(zip(ids, rows, strict=True)))
    live = LiveVectorIndex(store)

    assert live.refresh() == 3 and len(live.index) == len(ids)
    assert live.refresh() == 0  # nothing moved: the manifest alone was read

    newcomer, changed = unit_rows(rng, 2)
    store.upsert_many({5: changed, 10 * CHUNK_SPAN + 1: newcomer})  # one old chunk changed, one new chunk
    store.loaded.clear()

    assert live.refresh() == 2
    assert sorted(store.loaded) == [0, 10]
    assert len(live.index) == len(ids) + 1
    assert live.index.top_k(newcomer, 1)[0][0] == 10 * CHUNK_SPAN + 1
    assert live.index.top_k(changed, 1)[0][0] == 5


def test_an_unchanged_vector_is_not_written_again() -> None:
    rng = np.random.default_rng(5)
    store = FakeVectorStore()
    vector = unit_rows(rng, 1)[0]
    store.upsert_many({42: vector})

    assert store.upsert_many({42: vector}) == 0
    assert store.manifest() == {0: 1}
