"""`make_world()`: the scorer wired to the real engine on the in-memory fakes of its ports (tests/fakes.py) and a
fake embedder, with texts to seed it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from skima.engine import Engine
from skima.job_summary import JobSummary
from skima.recent_pipelines import RecentPipelines
from skima.scoring.ports import (
    Application,
    CandidateRecord,
    JobRecord,
    JobSharing,
    ResumeDocument,
    ShortlistLinks,
)
from skima.scoring.scorer import Scorer
from skima.shortlist.links import ShareLinks
from skima.shortlist.sharing import ShareTagFollower
from skima.writeback import WriteBack, WriteBackPolicy
from tests.fakes import (
    T0,
    Clock,
    FakeLinkStore,
    FakeOutbox,
    FakeProfileCache,
    FakeQueue,
    FakeScorerState,
    FakeScoreStore,
    FakeShortlistLinks,
    FakeTopTenMemory,
    FakeTracker,
    HashingEmbedder,
)

SHARE_TAG = "SKIMA Share"
SHORTLIST_BASE = "https://abc.lambda-url.eu-west-2.on.aws/"
SIGNING_KEY = b"k" * 64


JOB_TEXT = """## Requirements
- 5+ years of experience with Java
- Spring Boot, PostgreSQL and Kafka
- Kubernetes
- Bachelor's degree in Computer Science
"""

STRONG_RESUME = """Senior Backend Engineer

## Experience
### Senior Backend Engineer, Acme (2016 - 2025)
- Built REST APIs in Java and Spring Boot on Kubernetes
- PostgreSQL and Kafka event streaming

## Education
B.Sc. Computer Science, 2010 - 2014
"""

WEAK_RESUME = """Registered Nurse

## Experience
### ICU Nurse, City Hospital (2015 - 2025)
- Cared for critically ill patients and coordinated with physicians

## Education
BSc Nursing, 2011 - 2015
"""


@dataclass
class World:
    tracker: FakeTracker
    profiles: FakeProfileCache
    scores: FakeScoreStore
    outbox: FakeOutbox
    links: ShortlistLinks
    queue: FakeQueue
    state: FakeScorerState
    embedder: HashingEmbedder
    engine: Engine
    policy: WriteBackPolicy
    sharing: JobSharing | None = None
    share_links: ShareLinks | None = None
    link_store: FakeLinkStore | None = None
    clock: Clock = field(default_factory=Clock)
    top10_memory: FakeTopTenMemory | None = None  # set: the scorer writes job-level summaries (skima.job_summary)
    # One per container in production; one per world here, so consecutive scorers share it.
    recent_pipelines: RecentPipelines = field(default_factory=RecentPipelines)

    def enable_sharing(self, signing_key: bytes | None = SIGNING_KEY) -> ShareLinks:
        """The share tag on the real use cases (ShareLinks, ShareTagFollower) over in-memory stores."""
        self.link_store = FakeLinkStore()
        self.share_links = ShareLinks(self.link_store, SHORTLIST_BASE, clock=self.clock, signing_key=signing_key)
        self.links = self.share_links
        self.sharing = ShareTagFollower(
            self.share_links,
            WriteBack(self.tracker, self.outbox, self.scores, self.share_links, self.policy),
            self.outbox,
            share_tag=SHARE_TAG,
            job_tags=self.tracker.job_tags,
            top10=lambda job_id: [row.candidate_id for row in self.scores.top10(job_id)],
            clock=self.clock,
        )
        return self.share_links

    def writeback(self) -> WriteBack:
        """The one write-back every use case of this world shares."""
        return WriteBack(self.tracker, self.outbox, self.scores, self.links, self.policy)

    def scorer(self) -> Scorer:
        return Scorer(
            tracker=self.tracker,
            engine=self.engine,
            profiles=self.profiles,
            scores=self.scores,
            writeback=self.writeback(),
            queue=self.queue,
            state=self.state,
            sharing=self.sharing,
            summary=(
                JobSummary(self.tracker, self.outbox, self.scores, self.top10_memory, clock=self.clock)
                if self.top10_memory is not None
                else None
            ),
            recent_pipelines=self.recent_pipelines,
            clock=lambda: T0,
        )

    # --- seeding ---------------------------------------------------------------------------------------
    def add_job(self, job_id: int, title: str = "Backend Engineer", text: str = JOB_TEXT, is_open: bool = True) -> None:
        self.tracker.jobs[job_id] = JobRecord(job_id, title, text, is_open, T0 - timedelta(days=3))

    def add_candidate(
        self,
        candidate_id: int,
        resume: str | None = STRONG_RESUME,
        *,
        fields_text: str = "",
        tags: Sequence[str] = (),
        stamp: datetime = T0 - timedelta(days=1),
        document_id: int | None = None,
        name: str | None = None,
    ) -> None:
        self.tracker.candidates[candidate_id] = CandidateRecord(candidate_id, stamp, (), fields_text, name)
        self.tracker.tags[candidate_id] = list(tags)
        if resume is not None:
            doc_id = document_id or 8000 + candidate_id
            content = resume.encode()
            ref = ResumeDocument(doc_id, "resume.txt", "text/plain", len(content), stamp)
            self.tracker.documents[candidate_id] = (ref, content)
        else:
            self.tracker.documents.pop(candidate_id, None)

    def apply(
        self, placement_id: int, job_id: int, candidate_id: int, status: str = "Applied", name: str | None = None
    ) -> None:
        self.tracker.applications[placement_id] = Application(placement_id, job_id, candidate_id, 1, status, name)


def make_world() -> World:
    embedder = HashingEmbedder()
    tracker = FakeTracker()
    return World(
        tracker=tracker,
        profiles=FakeProfileCache(),
        scores=FakeScoreStore(),
        outbox=FakeOutbox(),
        links=FakeShortlistLinks(),
        queue=FakeQueue(),
        state=FakeScorerState(),
        embedder=embedder,
        engine=Engine(embedder, as_of=date(2026, 1, 1)),
        policy=WriteBackPolicy(),
    )
