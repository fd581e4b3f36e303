"""In-memory fakes of rediscovery's ports, on top of the scorer's fakes (tests/unit/scoring/fakes.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import numpy as np

from skima.scoring.ports import BackfillCursor, CachedProfile, CandidateRow
from skima.scoring.rediscovery import TalentRediscovery
from skima.scoring.vector_index import IndexedProfileCache, LiveVectorIndex, Vector, VectorChunk, chunk_of
from skima.writeback import WriteBack
from tests.unit.scoring.fakes import T0, FakeProfiles, World


class FakeVectorStore:
    """Chunks with versions and a manifest, like the DynamoDB adapter; counts what it is asked for."""

    def __init__(self) -> None:
        self.chunks: dict[int, tuple[int, dict[int, np.ndarray]]] = {}
        self.loaded: list[int] = []
        self.writes = 0

    def manifest(self) -> dict[int, int]:
        return {chunk: version for chunk, (version, _) in self.chunks.items()}

    def load_chunks(self, chunks: Sequence[int]) -> list[VectorChunk]:
        self.loaded.extend(chunks)
        out = []
        for chunk in chunks:
            version, rows = self.chunks[chunk]
            ids = np.array(sorted(rows), dtype=np.int64)
            out.append(VectorChunk(chunk, version, ids, np.stack([rows[int(i)] for i in ids]).astype(np.float16)))
        return out

    def upsert_many(self, vectors: Mapping[int, Vector]) -> int:
        changed = set()
        for candidate_id, vector in vectors.items():
            chunk = chunk_of(candidate_id)
            version, rows = self.chunks.get(chunk, (0, {}))
            row = np.asarray(vector, dtype=np.float16)
            if candidate_id in rows and np.array_equal(rows[candidate_id], row):
                continue
            rows = {**rows, candidate_id: row}
            self.chunks[chunk] = (version + 1, rows)
            changed.add(chunk)
        self.writes += len(changed)
        return len(changed)

    def remove_many(self, candidate_ids: Sequence[int]) -> int:
        changed = set()
        for candidate_id in candidate_ids:
            chunk = chunk_of(candidate_id)
            version, rows = self.chunks.get(chunk, (0, {}))
            if candidate_id in rows:
                self.chunks[chunk] = (version + 1, {i: v for i, v in rows.items() if i != candidate_id})
                changed.add(chunk)
        self.writes += len(changed)
        return len(changed)


class FakeProfileBatch:
    def __init__(self, profiles: FakeProfiles) -> None:
        self._profiles = profiles
        self.batches: list[list[int]] = []

    def get_profiles(self, candidate_ids: Sequence[int]) -> dict[int, CachedProfile]:
        self.batches.append(list(candidate_ids))
        return {cid: p for cid in candidate_ids if (p := self._profiles.get_profile(cid)) is not None}


class FakeLog:
    def __init__(self) -> None:
        self.done: dict[int, str] = {}

    def done_for(self, job_id: int) -> str | None:
        return self.done.get(job_id)

    def mark_done(self, job_id: int, key: str) -> None:
        self.done[job_id] = key


@dataclass
class FakePages:
    """getRecords R by id over the fake Tracker's candidates; counts one Tracker call per page."""

    world: World
    page_size: int = 3
    pages_read: list[int] = field(default_factory=list)

    def page(self, number: int) -> list[CandidateRow]:
        self.world.tracker.calls.append("get_records")
        self.pages_read.append(number)
        ids = sorted(self.world.tracker.candidates)
        chosen = ids[number * self.page_size : (number + 1) * self.page_size]
        stamps = {cid: self.world.tracker.candidates[cid].last_updated for cid in chosen}
        return [CandidateRow(cid, stamps[cid], stamps[cid]) for cid in chosen]  # a UTC tenant, calibrated


class FakeCursorStore:
    def __init__(self) -> None:
        self.saved: BackfillCursor | None = None
        self.saves = 0

    def load(self) -> BackfillCursor | None:
        return replace(self.saved) if self.saved else None

    def save(self, cursor: BackfillCursor) -> None:
        self.saves += 1
        self.saved = replace(cursor)


@dataclass
class Rediscovering:
    """The scorer's world plus rediscovery's stores."""

    world: World
    vectors: FakeVectorStore
    index: LiveVectorIndex
    batch: FakeProfileBatch
    log: FakeLog
    cache: IndexedProfileCache

    def rediscovery(self, **kwargs: object) -> TalentRediscovery:
        w = self.world
        return TalentRediscovery(
            engine=w.engine,
            index=self.index,
            profiles=self.batch,
            scores=w.scores,
            writeback=WriteBack(w.tracker, w.outbox, w.scores, w.links, w.policy),
            log=self.log,
            **kwargs,  # type: ignore[arg-type]
        )

    def cache_profile(self, candidate_id: int, resume: str, stamp: datetime = T0 - timedelta(days=30)) -> None:
        """A candidate the scorer or the backfill cached earlier (profile + vector), Tracker untouched."""
        profile = self.world.engine.build_profile(str(candidate_id), resume)
        self.cache.put_profile(
            CachedProfile(
                candidate_id=candidate_id,
                profile=profile,
                source_key=f"doc#{candidate_id}#-",
                candidate_stamp=stamp,
                confirmed_at=T0 - timedelta(days=1),
                display_name=f"Candidate {candidate_id}",
            )
        )


def rediscovering(world: World) -> Rediscovering:
    vectors = FakeVectorStore()
    return Rediscovering(
        world=world,
        vectors=vectors,
        index=LiveVectorIndex(vectors),
        batch=FakeProfileBatch(world.profiles),
        log=FakeLog(),
        cache=IndexedProfileCache(world.profiles, vectors, world.embedder.model_id),
    )
