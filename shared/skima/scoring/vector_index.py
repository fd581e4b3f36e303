"""The first stage of talent rediscovery: every known candidate's whole-document vector, searchable in memory.

`VectorIndex` holds candidate ids and unit vectors in one float32 matrix, so a job's query vector
(`PreparedJob.query_array()`) meets every profile's document vector (`CandidateProfile.doc_array()`) in one
matrix-vector product. The vectors persist as float16 chunks (`VectorStore`, see
`skima.adapters.dynamo_profiles`); `LiveVectorIndex` loads them once per container and then only the chunks that
changed. `IndexedProfileCache` stores the vector of every profile the scorer or the backfill caches.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from skima.errors import DependencyUnavailable
from skima.scoring.ports import CachedJob, CachedProfile, ProfileCache

logger = logging.getLogger(__name__)

DIMS = 384
# Candidate ids per stored chunk: consecutive Tracker ids share a chunk, so a chunk never holds more than this
# many vectors (128 x (768 + 8) bytes = 97 KB, well under DynamoDB's 400 KB item limit).
CHUNK_SPAN = 128

Vector = npt.NDArray[np.float32]


def chunk_of(candidate_id: int) -> int:
    return int(candidate_id) // CHUNK_SPAN


@dataclass(frozen=True)
class VectorChunk:
    """One stored chunk: the document vectors of candidates `chunk * CHUNK_SPAN ...` (+ CHUNK_SPAN - 1)."""

    chunk: int
    version: int
    ids: npt.NDArray[np.int64]
    vectors: npt.NDArray[np.float16]  # (len(ids), dims)


class VectorStore(Protocol):
    """Where the document vectors persist (chunks + a manifest of chunk versions)."""

    def manifest(self) -> dict[int, int]:
        """chunk -> version, for every stored chunk."""
        ...

    def load_chunks(self, chunks: Sequence[int]) -> list[VectorChunk]: ...

    def upsert_many(self, vectors: Mapping[int, Vector]) -> int:
        """Store these candidates' vectors (grouped by chunk); returns how many chunks changed."""
        ...

    def remove_many(self, candidate_ids: Sequence[int]) -> int:
        """Drop these candidates' vectors; returns how many chunks changed (0: none were stored)."""
        ...


class VectorIndex:
    """Candidate ids and unit document vectors in one contiguous float32 matrix, for a one-product first stage.

    float32 rather than float16 in memory: numpy has no BLAS kernel for float16 (a 100k x 384 float16 product
    takes ~0.3 s on two cores, float32 ~0.04 s) and 100k rows cost 154 MB, far inside a 2 GB Lambda.
    """

    def __init__(self, dims: int = DIMS, capacity: int = 1024) -> None:
        self.dims = dims
        self._matrix = np.zeros((max(capacity, 1), dims), dtype=np.float32)
        self._ids = np.zeros(max(capacity, 1), dtype=np.int64)
        self._size = 0
        self._position: dict[int, int] = {}

    def __len__(self) -> int:
        return self._size

    def __contains__(self, candidate_id: object) -> bool:
        return candidate_id in self._position

    @property
    def nbytes(self) -> int:
        return int(self._matrix.nbytes + self._ids.nbytes)

    def reserve(self, capacity: int) -> None:
        if capacity <= len(self._ids):
            return
        matrix = np.zeros((capacity, self.dims), dtype=np.float32)
        matrix[: self._size] = self._matrix[: self._size]
        ids = np.zeros(capacity, dtype=np.int64)
        ids[: self._size] = self._ids[: self._size]
        self._matrix, self._ids = matrix, ids

    def upsert(self, candidate_ids: Sequence[int] | npt.NDArray[np.int64], vectors: npt.ArrayLike) -> int:
        """Add or replace rows; zero vectors (a profile with no text) are not searchable and are skipped."""
        rows = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dims)
        ids = [int(i) for i in candidate_ids]
        if len(ids) != len(rows):
            raise ValueError("one vector per candidate id")
        new = sum(1 for i in ids if i not in self._position)
        if self._size + new > len(self._ids):
            self.reserve(max(self._size + new, int(len(self._ids) * 1.5) + 1))
        changed = 0
        for candidate_id, row in zip(ids, rows, strict=True):
            if not np.any(row):
                continue
            position = self._position.get(candidate_id)
            if position is None:
                position = self._size
                self._size += 1
                self._position[candidate_id] = position
                self._ids[position] = candidate_id
            self._matrix[position] = row
            changed += 1
        return changed

    def top_k(self, query: npt.ArrayLike, k: int, exclude: Collection[int] = ()) -> list[tuple[int, float]]:
        """The k best (candidate id, cosine) by descending similarity, ties by the lower id (deterministic)."""
        if k <= 0 or self._size == 0:
            return []
        vector = np.asarray(query, dtype=np.float32).reshape(self.dims)
        scores = self._matrix[: self._size] @ vector
        ids = self._ids[: self._size]
        for candidate_id in exclude:
            position = self._position.get(int(candidate_id))
            if position is not None:
                scores[position] = -np.inf
        eligible = int(np.count_nonzero(np.isfinite(scores)))
        k = min(k, eligible)
        if k == 0:
            return []
        if k < self._size:
            kth = np.partition(scores, self._size - k)[self._size - k]
            chosen = np.flatnonzero(scores >= kth)  # every tie at the boundary, then cut by id below
        else:
            chosen = np.flatnonzero(np.isfinite(scores))
        order = np.lexsort((ids[chosen], -scores[chosen]))[:k]
        picked = chosen[order]
        return [(int(ids[i]), float(scores[i])) for i in picked]


class LiveVectorIndex:
    """The `VectorIndex` of one container, loaded from the store once and then refreshed by changed chunks."""

    def __init__(self, store: VectorStore, dims: int = DIMS) -> None:
        self._store = store
        self.index = VectorIndex(dims)
        self._versions: dict[int, int] = {}

    def refresh(self) -> int:
        """Read the manifest and load the chunks that changed since the last refresh; returns how many."""
        manifest = self._store.manifest()
        stale = sorted(chunk for chunk, version in manifest.items() if self._versions.get(chunk) != version)
        if not stale:
            return 0
        chunks = self._store.load_chunks(stale)
        self.index.reserve(len(self.index) + sum(len(chunk.ids) for chunk in chunks))
        for chunk in chunks:
            self.index.upsert(chunk.ids, chunk.vectors)
            self._versions[chunk.chunk] = chunk.version
        return len(chunks)

    def add(self, vectors: Mapping[int, Vector]) -> None:
        """Store new vectors and show them in this container's index at once."""
        if not vectors:
            return
        self._store.upsert_many(vectors)
        ids = list(vectors)
        self.index.upsert(ids, np.stack([np.asarray(vectors[i], dtype=np.float32) for i in ids]))


class IndexedProfileCache:
    """A `ProfileCache` that also stores each cached profile's document vector in the vector store, so every
    profile the scorer or the backfill caches becomes searchable by rediscovery. Wraps the real cache."""

    def __init__(self, inner: ProfileCache, vectors: VectorStore, model_id: str) -> None:
        self._inner = inner
        self._vectors = vectors
        self._model_id = model_id

    def get_profile(self, candidate_id: int) -> CachedProfile | None:
        return self._inner.get_profile(candidate_id)

    def put_profile(self, cached: CachedProfile) -> None:
        self._inner.put_profile(cached)
        profile = cached.profile
        if profile.model_id != self._model_id or not profile.doc_vector:
            return  # another model's space (never comparable), or nothing readable to search on
        try:
            self._vectors.upsert_many({cached.candidate_id: profile.doc_array()})
        except DependencyUnavailable:
            # The score matters more than the index: a retried message would not store the vector either (the
            # profile is cached now). The backfill's next walk indexes cached profiles that are missing.
            logger.warning("vector of candidate %s not indexed", cached.candidate_id, exc_info=True)

    def delete_profile(self, candidate_id: int) -> bool:
        # The vector first: a failure then leaves the profile, so a retry finds the candidate again. A warm
        # container's in-memory index may keep the row; rediscovery skips candidates without a cached profile.
        removed = self._vectors.remove_many([candidate_id]) > 0
        return self._inner.delete_profile(candidate_id) or removed

    def get_job(self, job_id: int) -> CachedJob | None:
        return self._inner.get_job(job_id)

    def put_job(self, cached: CachedJob) -> None:
        self._inner.put_job(cached)


def doc_vectors(profiles: Iterable[CachedProfile]) -> dict[int, npt.NDArray[np.float32]]:
    """The searchable document vectors of cached profiles (for a bulk re-index)."""
    return {p.candidate_id: p.profile.doc_array() for p in profiles if p.profile.doc_vector}
