"""`rediscovering(world)`: the scorer's world (tests/unit/scoring/world.py) plus rediscovery's stores, all fakes from
tests/fakes.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from skima.scoring.ports import CachedProfile
from skima.scoring.rediscovery import TalentRediscovery
from skima.scoring.vector_index import IndexedProfileCache, LiveVectorIndex
from tests.fakes import T0, FakeProfileCache, FakeRediscoveryLog, FakeVectorStore
from tests.unit.scoring.world import World


@dataclass
class Rediscovering:
    """The scorer's world plus rediscovery's stores."""

    world: World
    vectors: FakeVectorStore
    index: LiveVectorIndex
    batch: FakeProfileCache
    log: FakeRediscoveryLog
    cache: IndexedProfileCache

    def rediscovery(self, **kwargs: object) -> TalentRediscovery:
        w = self.world
        return TalentRediscovery(
            engine=w.engine,
            index=self.index,
            profiles=self.batch,
            scores=w.scores,
            writeback=w.writeback(),
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
        batch=world.profiles,
        log=FakeRediscoveryLog(),
        cache=IndexedProfileCache(world.profiles, vectors, world.embedder.model_id),
    )
