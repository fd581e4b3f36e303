"""In-memory fakes of the scorer's ports, and `make_world()` wiring them to the real engine on a fake embedder."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

import numpy as np
import numpy.typing as npt

from skima.engine import Engine
from skima.errors import QueueUnavailable
from skima.job_summary import AnnouncedTopTen, JobSummary
from skima.models import QueueMessageBody
from skima.recent_pipelines import RecentPipelines
from skima.scoring.ports import (
    Application,
    CachedJob,
    CachedProfile,
    CandidateRecord,
    DocumentContent,
    JobRecord,
    JobSharing,
    ResumeDocument,
    ScoreRow,
    ShortlistLinks,
    WrittenBack,
)
from skima.scoring.scorer import Scorer
from skima.shortlist.links import ShareLinks
from skima.shortlist.sharing import ShareTagFollower
from skima.stages import is_closed_stage
from skima.tracker.errors import TrackerNotFound
from skima.writeback import WriteBack, WriteBackPolicy
from tests.fakes import FakeOutbox, FakeTrackerWriter
from tests.unit.shortlist.fakes import Clock, InMemoryLinkStore

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
DIMS = 384
SHARE_TAG = "SKIMA Share"
SHORTLIST_BASE = "https://abc.lambda-url.eu-west-2.on.aws/"
SIGNING_KEY = b"k" * 64


class HashingEmbedder:
    """Bag of words hashed into 384 dimensions: same words → similar vectors (the real model is integration)."""

    model_id = "fake/hashing-bow"
    model_sha256 = "0" * 64

    def __init__(self) -> None:
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), DIMS), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9+#]+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % DIMS] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out


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
class FakeTracker(FakeTrackerWriter):
    """Tracker as the scorer sees it: the reads, on top of the writes (`tests.fakes.FakeTrackerWriter`). Every call
    is counted by name."""

    jobs: dict[int, JobRecord] = field(default_factory=dict)
    candidates: dict[int, CandidateRecord] = field(default_factory=dict)
    documents: dict[int, tuple[ResumeDocument, bytes]] = field(default_factory=dict)
    unavailable_documents: set[int] = field(default_factory=set)  # candidates whose document cannot be had
    job_tag_texts: dict[int, list[str]] = field(default_factory=dict)
    tags_in_job_read: bool = False  # True: the job read carries the tags (no separate read needed)
    full_descriptions: dict[int, str] = field(default_factory=dict)  # the REST job text when the job read is thin
    offset_calibrated: bool = True  # False: the tenant's zone is not known yet, so no stamp's age can be told

    # reads
    def job(self, job_id: int) -> JobRecord:
        self.calls.append("job")
        if job_id not in self.jobs:
            raise TrackerNotFound("gone")
        job = self.jobs[job_id]
        tags = tuple(self.job_tag_texts.get(job_id, [])) if self.tags_in_job_read else None
        pipeline = tuple(a for a in self.applications.values() if a.job_id == job_id)
        # A UTC tenant whose offset is calibrated, unless a test says otherwise.
        updated_utc = job.last_updated if self.offset_calibrated else None
        return replace(job, pipeline=pipeline, tags=tags, updated_utc=updated_utc)

    def job_description(self, job_id: int) -> str:
        self.calls.append("job_description")
        if job_id not in self.jobs:
            raise TrackerNotFound("gone")
        return self.full_descriptions.get(job_id, self.jobs[job_id].description)

    def job_tags(self, job_id: int) -> list[str]:
        self.calls.append("job_tags")
        if job_id not in self.jobs:
            raise TrackerNotFound("gone")
        return list(self.job_tag_texts.get(job_id, []))

    def candidate(self, candidate_id: int) -> CandidateRecord:
        self.calls.append("candidate")
        if candidate_id not in self.candidates:
            raise TrackerNotFound("gone")
        record = self.candidates[candidate_id]
        record = replace(record, updated_utc=record.last_updated if self.offset_calibrated else None)
        if not self.tags_readable:
            return replace(record, tags=(), tags_read=False)
        return replace(record, tags=tuple(self.tags.get(candidate_id, [])))

    def primary_resume(self, candidate_id: int) -> ResumeDocument | None:
        self.calls.append("list_documents")
        if candidate_id not in self.candidates:
            raise TrackerNotFound("gone")  # Tracker answers 404 for the documents of someone deleted
        found = self.documents.get(candidate_id)
        return found[0] if found else None

    def download(self, candidate_id: int, document: ResumeDocument) -> DocumentContent:
        self.calls.append("download")
        if candidate_id in self.unavailable_documents:
            raise TrackerNotFound("no route serves this document", operation="download")
        return DocumentContent(self.documents[candidate_id][1], document.filename, "text/plain")

    def save_job(self, job_id: int, *, tags: Sequence[str], stamp: datetime) -> None:
        """A recruiter saves the job (e.g. changes its tags): its last-updated stamp moves."""
        self.job_tag_texts[job_id] = list(tags)
        self.jobs[job_id] = replace(self.jobs[job_id], last_updated=stamp)


class FakeProfiles:
    def __init__(self) -> None:
        self.profiles: dict[int, CachedProfile] = {}
        self.jobs: dict[int, CachedJob] = {}
        self.profile_puts = 0

    def get_profile(self, candidate_id: int) -> CachedProfile | None:
        return self.profiles.get(candidate_id)

    def put_profile(self, cached: CachedProfile) -> None:
        self.profile_puts += 1
        self.profiles[cached.candidate_id] = cached

    def delete_profile(self, candidate_id: int) -> bool:
        return self.profiles.pop(candidate_id, None) is not None

    def get_job(self, job_id: int) -> CachedJob | None:
        return self.jobs.get(job_id)

    def put_job(self, cached: CachedJob) -> None:
        self.jobs[cached.job_id] = cached


class FakeScores:
    """Same conditions as the DynamoDB adapter: older content_version never overwrites; written fields kept."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, int], ScoreRow] = {}

    def get(self, job_id: int, candidate_id: int) -> ScoreRow | None:
        return self.rows.get((job_id, candidate_id))

    def put(self, row: ScoreRow) -> bool:
        old = self.rows.get((row.job_id, row.candidate_id))
        if old is not None and old.content_version > row.content_version:
            return False
        if old is not None:
            row = replace(row, written=old.written, writeback_done_for=old.writeback_done_for)
        self.rows[(row.job_id, row.candidate_id)] = row
        return True

    def mark_written(self, job_id: int, candidate_id: int, inputs_hash: str, written: WrittenBack | None) -> bool:
        old = self.rows.get((job_id, candidate_id))
        if old is None or old.inputs_hash != inputs_hash:
            return False
        self.rows[(job_id, candidate_id)] = replace(
            old, writeback_done_for=inputs_hash, written=written if written is not None else old.written
        )
        return True

    def candidates_of(self, job_id: int) -> set[int]:
        return {c for (j, c) in self.rows if j == job_id}

    def jobs_of(self, candidate_id: int) -> list[int]:
        return sorted(j for (j, c) in self.rows if c == candidate_id)

    def delete_candidate(self, candidate_id: int) -> int:
        gone = [key for key in self.rows if key[1] == candidate_id]
        for key in gone:
            del self.rows[key]
        return len(gone)

    def top10(self, job_id: int) -> list[ScoreRow]:
        scored = [
            r
            for (j, _), r in self.rows.items()
            if j == job_id and r.score is not None and not is_closed_stage(r.placement_status_name)
        ]
        return sorted(scored, key=lambda r: (-(r.score or 0), r.candidate_id))[:10]


class FakeTopTenMemory:
    """`skima.job_summary.TopTenMemory` in memory."""

    def __init__(self) -> None:
        self.announced: dict[int, AnnouncedTopTen] = {}

    def announced_top10(self, job_id: int) -> AnnouncedTopTen | None:
        return self.announced.get(job_id)

    def remember_top10(self, job_id: int, announced: AnnouncedTopTen) -> None:
        self.announced[job_id] = announced


class FakeLinks:
    def __init__(self) -> None:
        self.links: dict[int, str] = {}

    def link_for(self, job_id: int) -> str | None:
        return self.links.get(job_id)


class FakeQueue:
    def __init__(self) -> None:
        self.batches: list[list[QueueMessageBody]] = []
        self.fail = False

    def send_batch(self, messages: Sequence[QueueMessageBody]) -> list[str]:
        assert len(messages) <= 10
        if self.fail:
            raise QueueUnavailable("queue down")
        self.batches.append(list(messages))
        return [str(i) for i in range(len(messages))]


class FakeState:
    def __init__(self) -> None:
        self.pings: list[tuple[str, int]] = []
        self.health: dict[str, str | int] = {}
        self.claims: set[str] = set()

    def claim(self, key: str, ttl_seconds: int) -> bool:
        fresh = key not in self.claims
        self.claims.add(key)
        return fresh

    def release_claim(self, key: str) -> None:
        self.claims.discard(key)

    def record_ping(self, record_type: str, record_id: int, received_at: datetime, ttl_seconds: int) -> None:
        self.pings.append((record_type, record_id))

    def record_health(self, **fields: str | int) -> None:
        for key, value in fields.items():
            current = self.health.get(key, 0)
            self.health[key] = current + value if isinstance(value, int) and isinstance(current, int) else value


@dataclass
class World:
    tracker: FakeTracker
    profiles: FakeProfiles
    scores: FakeScores
    outbox: FakeOutbox
    links: ShortlistLinks
    queue: FakeQueue
    state: FakeState
    embedder: HashingEmbedder
    engine: Engine
    policy: WriteBackPolicy
    sharing: JobSharing | None = None
    share_links: ShareLinks | None = None
    link_store: InMemoryLinkStore | None = None
    clock: Clock = field(default_factory=Clock)
    top10_memory: FakeTopTenMemory | None = None  # set: the scorer writes job-level summaries (skima.job_summary)
    # One per container in production; one per world here, so consecutive scorers share it.
    recent_pipelines: RecentPipelines = field(default_factory=RecentPipelines)

    def enable_sharing(self, signing_key: bytes | None = SIGNING_KEY) -> ShareLinks:
        """The share tag on the real use cases (ShareLinks, ShareTagFollower) over in-memory stores."""
        self.link_store = InMemoryLinkStore()
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

    def scorer(self) -> Scorer:
        return Scorer(
            tracker=self.tracker,
            engine=self.engine,
            profiles=self.profiles,
            scores=self.scores,
            writeback=WriteBack(self.tracker, self.outbox, self.scores, self.links, self.policy),
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
        profiles=FakeProfiles(),
        scores=FakeScores(),
        outbox=FakeOutbox(),
        links=FakeLinks(),
        queue=FakeQueue(),
        state=FakeState(),
        embedder=embedder,
        engine=Engine(embedder, as_of=date(2026, 1, 1)),
        policy=WriteBackPolicy(),
    )
