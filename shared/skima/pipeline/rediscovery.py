"""Use cases: talent rediscovery (a new or changed job is matched against every candidate already known) and the
backfill that fills the profile cache from the whole Tracker database.

Rediscovery runs in two stages, and never reads Tracker (the profiles are cached, with their embeddings):
1. First stage: one matrix-vector product of the job's query vector (`PreparedJob.query_array()`) with every
   known profile's whole-document vector (`CandidateProfile.doc_array()`), held in memory by `VectorIndex`
   (float32 for BLAS speed; stored as float16 in chunks, see `skima.adapters.dynamo_profiles`). The index is
   loaded once per container and refreshed incrementally from the store's manifest (only changed chunks).
2. Second stage: the full engine on the best `first_stage_size` (200) candidates not in the job's pipeline, whose
   cached profiles are read in batch.
Rediscovered candidates who make the job's top-10 (and score at least `min_score`) are stored with
`origin="rediscovery"` and written back (note + tag) exactly as the scorer does; nobody else gets a note, a
stored row or a stage move (no auto-rejection, no flooding Tracker). Rows this job already holds from an earlier
rediscovery are re-scored with the new text, so a stale score never lingers in the ranking.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

import numpy as np
import numpy.typing as npt

from skima.engine import ENGINE_VERSION, Engine
from skima.errors import DependencyUnavailable
from skima.pipeline.ports import (
    CachedJob,
    CachedProfile,
    ProfileCache,
    ScoreRow,
    ScoreStore,
    TrackerSource,
)
from skima.profile_freshness import current_profile, profile_is_current, stamp_proves_unchanged
from skima.scoring import inputs_hash, refresh_profile, score_row
from skima.tracker.errors import TrackerNotFound
from skima.writeback import WriteBack

logger = logging.getLogger(__name__)

DIMS = 384
# Candidate ids per stored chunk: consecutive Tracker ids share a chunk, so a chunk never holds more than this
# many vectors (128 x (768 + 8) bytes = 97 KB, well under DynamoDB's 400 KB item limit).
CHUNK_SPAN = 128
FIRST_STAGE_SIZE = 200
TOP_N = 10
# A rediscovered candidate must be qualified to be put in front of a recruiter: the engine's calibration puts
# "meets every requirement" at 80+ and "unrelated" under 30.
MIN_REDISCOVERY_SCORE = 60

Vector = npt.NDArray[np.float32]


def chunk_of(candidate_id: int) -> int:
    return int(candidate_id) // CHUNK_SPAN


# ---------------------------------------------------------------------- the vector index (in memory)


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


# ---------------------------------------------------------------------- rediscovery


class ProfileBatchSource(Protocol):
    def get_profiles(self, candidate_ids: Sequence[int]) -> dict[int, CachedProfile]:
        """The cached profiles of these candidates (missing ones are simply absent)."""
        ...


class RediscoveryLog(Protocol):
    """Which job text a rediscovery last completed for, so a retried or repeated hint does not run it twice."""

    def done_for(self, job_id: int) -> str | None: ...
    def mark_done(self, job_id: int, key: str) -> None: ...


@dataclass
class RediscoveryReport:
    job_id: int
    outcome: str = ""
    indexed: int = 0  # candidates in the first stage
    first_stage_ms: float = 0.0
    second_stage_ms: float = 0.0
    shortlisted: int = 0  # candidates taken to the second stage
    matched: int = 0  # engine runs
    missing_profiles: int = 0
    stale_profiles: int = 0  # cached by another engine or model version: rebuilt when the candidate next changes
    stored: int = 0
    notes_written: int = 0
    tags_added: int = 0
    entered_top: list[int] = field(default_factory=list)


class TalentRediscovery:
    """`skima.pipeline.ports.Rediscovery`: told by the scorer when a job is new or its text changed."""

    def __init__(
        self,
        *,
        engine: Engine,
        index: LiveVectorIndex,
        profiles: ProfileBatchSource,
        scores: ScoreStore,
        writeback: WriteBack,
        log: RediscoveryLog,
        first_stage_size: int = FIRST_STAGE_SIZE,
        top_n: int = TOP_N,
        min_score: int = MIN_REDISCOVERY_SCORE,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._engine = engine
        self._index = index
        self._profiles = profiles
        self._scores = scores
        self._writeback = writeback
        self._log = log
        self._first_stage_size = first_stage_size
        self._top_n = top_n
        self._min_score = min_score
        self._clock = clock

    def job_prepared(self, job: CachedJob, in_pipeline: Collection[int] = ()) -> None:
        report = self.rediscover(job, in_pipeline)
        logger.info(
            "rediscovery job %s: %s; %d indexed, first stage %.0f ms, %d matched in %.0f ms, top entered by %s",
            job.job_id,
            report.outcome,
            report.indexed,
            report.first_stage_ms,
            report.matched,
            report.second_stage_ms,
            report.entered_top,
        )

    def done_key(self, job: CachedJob) -> str:
        text = job.prepared.text_sha256 if job.prepared is not None else "-"
        return f"{text}|{ENGINE_VERSION}|{self._engine.embedder.model_id}"

    def rediscover(self, job: CachedJob, in_pipeline: Collection[int] = ()) -> RediscoveryReport:
        """`in_pipeline`: candidates the job's pipeline holds (scored by their application instead)."""
        report = RediscoveryReport(job_id=job.job_id)
        prepared = job.prepared
        if not job.is_open or prepared is None:
            report.outcome = "job closed or without requirements"
            return report
        key = self.done_key(job)
        if self._log.done_for(job.job_id) == key:
            report.outcome = "already done for this text"
            return report

        started = self._clock()
        self._index.refresh()
        rows = {
            cid: row for cid in self._scores.candidates_of(job.job_id) if (row := self._scores.get(job.job_id, cid))
        }
        applicants = set(in_pipeline) | {cid for cid, row in rows.items() if row.origin != "rediscovery"}
        shortlist = self._index.index.top_k(prepared.query_array(), self._first_stage_size, exclude=applicants)
        report.indexed = len(self._index.index)
        report.shortlisted = len(shortlist)
        middle = self._clock()
        report.first_stage_ms = (middle - started) * 1000

        # Earlier rediscoveries of this job are re-scored too, so their old scores leave the ranking.
        earlier = [cid for cid, row in rows.items() if row.origin == "rediscovery" and cid not in applicants]
        wanted = list(dict.fromkeys([cid for cid, _ in shortlist] + earlier))
        cached = self._profiles.get_profiles(wanted)
        fresh: dict[int, tuple[ScoreRow, CachedProfile]] = {}
        for candidate_id in wanted:
            profile = cached.get(candidate_id)
            if profile is None:
                report.missing_profiles += 1
                continue
            if not profile_is_current(profile.profile, self._engine.embedder.model_id):
                report.stale_profiles += 1
                continue
            fresh[candidate_id] = (self._score(job, profile, rows.get(candidate_id), report), profile)

        ranking = [
            (row.score, cid)
            for cid, row in rows.items()
            if cid in applicants and row.status == "scored" and row.score is not None
        ]
        ranking += [
            (row.score, cid)
            for cid, (row, _) in fresh.items()
            if row.status == "scored" and row.score is not None and row.score >= self._min_score
        ]
        top = {cid for _, cid in sorted(ranking, key=lambda pair: (-pair[0], pair[1]))[: self._top_n]}

        for candidate_id, (row, profile) in sorted(fresh.items()):
            existing = rows.get(candidate_id)
            in_top = candidate_id in top
            if existing is None and not in_top:
                continue  # never stored: nothing of it reaches the ranking, the shortlist or Tracker
            if existing is None or existing.inputs_hash != row.inputs_hash:
                if not self._scores.put(row):
                    continue  # a newer score is stored meanwhile
                report.stored += 1
            if in_top:
                report.entered_top.append(candidate_id)
                if existing is None or existing.writeback_done_for != row.inputs_hash:
                    self._write_back(row, existing, profile, report)
        self._log.mark_done(job.job_id, key)
        report.second_stage_ms = (self._clock() - middle) * 1000
        report.outcome = "rediscovered"
        return report

    def _score(
        self, job: CachedJob, cached: CachedProfile, existing: ScoreRow | None, report: RediscoveryReport
    ) -> ScoreRow:
        assert job.prepared is not None
        wanted_hash = inputs_hash(job.prepared.text_sha256, cached.profile)
        if existing is not None and existing.inputs_hash == wanted_hash:
            return existing
        result = self._engine.match(job.prepared, cached.profile)
        report.matched += 1
        return score_row(job, cached, result, wanted_hash, origin="rediscovery", candidate_name=cached.display_name)

    def _write_back(
        self, row: ScoreRow, existing: ScoreRow | None, cached: CachedProfile, report: RediscoveryReport
    ) -> None:
        # No candidate read here: the tags are the cached ones.
        done = self._writeback.apply(row, existing.written if existing else None, cached.tags, tags_current=False)
        report.notes_written += int(done.note_written)
        report.tags_added += int(done.tag_added)


# ---------------------------------------------------------------------- backfill


@dataclass(frozen=True)
class CandidateRow:
    """A candidate as the database walk lists it (getRecords R): its id and last-updated stamp."""

    candidate_id: int
    last_updated: datetime | None
    updated_utc: datetime | None = None  # as `CandidateRecord.updated_utc`: None until the tenant's zone is known


class CandidatePages(Protocol):
    page_size: int

    def page(self, number: int) -> list[CandidateRow]:
        """Page `number` (0-based) of every candidate, sorted by id (a stable order: new ids come last)."""
        ...


@dataclass
class BackfillCursor:
    page: int = 0
    last_id: int = 0  # every candidate up to this id is done
    seen: int = 0
    built: int = 0
    confirmed: int = 0
    unchanged: int = 0
    gone: int = 0
    complete: bool = False
    updated_at: str = ""


class BackfillCursorStore(Protocol):
    def load(self) -> BackfillCursor | None: ...
    def save(self, cursor: BackfillCursor) -> None: ...


class Backfill:
    """Walk every candidate in Tracker once and cache (parse + embed) their profile, so rediscovery can find them.

    Cheap on Tracker's shared budget: one request per page of 100 candidates; a candidate whose cached profile is
    at least as new as the listed stamp costs nothing more; otherwise the same reads as the scorer (record, then
    documents, then the file only when it is new), so scorer and backfill share their cache keys. Resumable: the
    cursor (page and last finished id) is saved after every page and before any error propagates.
    """

    def __init__(
        self,
        *,
        pages: CandidatePages,
        tracker: TrackerSource,
        engine: Engine,
        profiles: ProfileCache,
        index: LiveVectorIndex,
        cursor: BackfillCursorStore,
        progress: Callable[[BackfillCursor, int], None] = lambda cursor, requests: None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._pages = pages
        self._tracker = tracker
        self._engine = engine
        self._profiles = profiles
        self._index = index
        self._cursor = cursor
        self._progress = progress
        self._clock = clock

    def run(self, *, restart: bool = False, max_candidates: int | None = None) -> BackfillCursor:
        cursor = None if restart else self._cursor.load()
        if cursor is None or (restart and cursor.complete):
            cursor = BackfillCursor()
        if cursor.complete:
            return cursor
        self._index.refresh()  # to find cached profiles whose vectors are not stored yet (cached before indexing)
        page_number = self._resume_page(cursor)
        budget = max_candidates
        while True:
            rows = self._pages.page(page_number)
            unindexed: dict[int, npt.NDArray[np.float32]] = {}
            try:
                for row in rows:
                    if row.candidate_id <= cursor.last_id:
                        continue
                    if budget is not None and budget <= 0:
                        return cursor
                    self._one(row, cursor, unindexed)
                    cursor.last_id = row.candidate_id
                    cursor.seen += 1
                    if budget is not None:
                        budget -= 1
            finally:
                self._index.add(unindexed)
                cursor.page = page_number
                self._save(cursor)
                self._progress(cursor, self._tracker.request_count)
            if len(rows) < self._pages.page_size:
                cursor.complete = True
                self._save(cursor)
                return cursor
            page_number += 1

    def _save(self, cursor: BackfillCursor) -> None:
        cursor.updated_at = self._clock().isoformat(timespec="seconds")
        self._cursor.save(cursor)

    def _resume_page(self, cursor: BackfillCursor) -> int:
        """Deleted candidates shift later ids onto earlier pages: step back until a page starts at or before
        the last finished id, so nothing is skipped (ids already done are passed over)."""
        page_number = cursor.page
        while page_number > 0 and cursor.last_id > 0:
            rows = self._pages.page(page_number)
            if rows and rows[0].candidate_id <= cursor.last_id:
                break
            page_number -= 1
        return page_number

    def _one(self, row: CandidateRow, cursor: BackfillCursor, unindexed: dict[int, npt.NDArray[np.float32]]) -> None:
        cached = current_profile(self._profiles.get_profile(row.candidate_id), self._engine.embedder.model_id)
        if cached is not None and stamp_proves_unchanged(cached, row.last_updated, row.updated_utc):
            cursor.unchanged += 1
            if row.candidate_id not in self._index.index and cached.profile.doc_vector:
                unindexed[row.candidate_id] = cached.profile.doc_array()
            return
        try:
            outcome = self._refresh(row.candidate_id, cached)
        except TrackerNotFound:
            cursor.gone += 1
            return
        if outcome == "built":
            cursor.built += 1
        else:
            cursor.confirmed += 1

    def _refresh(self, candidate_id: int, cached: CachedProfile | None) -> str:
        """The scorer's profile rule (`skima.scoring.refresh_profile`)."""
        record = self._tracker.candidate(candidate_id)
        _, built = refresh_profile(
            record, cached, tracker=self._tracker, engine=self._engine, profiles=self._profiles, clock=self._clock
        )
        return "built" if built else "confirmed"


def doc_vectors(profiles: Iterable[CachedProfile]) -> dict[int, npt.NDArray[np.float32]]:
    """The searchable document vectors of cached profiles (for a bulk re-index)."""
    return {p.candidate_id: p.profile.doc_array() for p in profiles if p.profile.doc_vector}
