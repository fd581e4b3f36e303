"""One in-memory fake per port: every use case's unit tests run on these. Sections follow the modules that define the
ports; a new fake goes under its port's section (one fake per port: extend it rather than add a second).
`_protocol_checks` at the end states each fake's port, so mypy (which checks this module) catches a fake that drifts
from its Protocol."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from skima.errors import DependencyUnavailable, QueueUnavailable
from skima.job_summary import AnnouncedTopTen
from skima.models import QueueMessageBody, RecordChanged, RecordType
from skima.polling import Change, OpenJob, OpenJobListing
from skima.ports import NoteTarget, OutboxStatus
from skima.scoring.ports import (
    Application,
    BackfillCursor,
    CachedJob,
    CachedProfile,
    CandidateRecord,
    CandidateRow,
    DocumentContent,
    JobRecord,
    ResumeDocument,
    ScoreRow,
    WrittenBack,
)
from skima.scoring.vector_index import Vector, VectorChunk, chunk_of
from skima.shortlist.models import FeedbackSubmission, RecordedVerdict, ShareLink, ShortlistEntry
from skima.shortlist.ports import RecordResult
from skima.stages import is_closed_stage
from skima.tracker.errors import TrackerNotFound, TrackerUnavailable

if TYPE_CHECKING:  # the ports, for the checks at the end only
    from skima.adapters.tracker_feed import HealthStore
    from skima.engine.ports import Embedder
    from skima.job_summary import TopTenMemory
    from skima.polling import ChangeFeed, PollerState
    from skima.ports import MessageQueue, Outbox, TrackerWriter, WebhookTokenSource
    from skima.scoring.ports import (
        BackfillCursorStore,
        CandidatePages,
        ProfileBatchSource,
        ProfileCache,
        RediscoveryLog,
        ScorerState,
        ScoreStore,
        ShortlistLinks,
        TrackerSource,
    )
    from skima.scoring.vector_index import VectorStore
    from skima.shortlist.ports import FeedbackStore, GuessLimiter, LinkStore, ShortlistSource

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


# --- time: the `clock` every use case takes ----------------------------------------------------------------------


class Clock:
    """A wall clock that moves only when a test moves it."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


# --- skima.engine.ports ------------------------------------------------------------------------------------------

EMBEDDING_DIMS = 384


class HashingEmbedder:
    """`Embedder`: a bag of lowercased words hashed into 384 dimensions, L2-normalised, so the same words give
    similar vectors (the real model is tested in integration). Counts calls and texts."""

    model_id = "fake/hashing-bow"
    model_sha256 = "0" * 64

    def __init__(self) -> None:
        self.calls = 0
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), EMBEDDING_DIMS), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9+#]+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % EMBEDDING_DIMS] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out


# --- skima.ports: the queue, the webhook's tokens, the outbox and Tracker's writes --------------------------------


class FakeQueue:
    """`MessageQueue` in memory: the batches sent, in order. `down` fails every send while set; `fail_next` fails
    that many sends, then recovers."""

    def __init__(self, *, down: bool = False, fail_next: int = 0) -> None:
        self.batches: list[list[QueueMessageBody]] = []
        self.down = down
        self.fail_next = fail_next

    @property
    def sent(self) -> list[QueueMessageBody]:
        return [message for batch in self.batches for message in batch]

    def changes(self) -> list[tuple[RecordType, int]]:
        return [(m.record_type, m.record_id) for m in self.sent if isinstance(m, RecordChanged)]

    def send_batch(self, messages: Sequence[QueueMessageBody]) -> list[str]:
        assert len(messages) <= 10  # SQS's batch limit
        if self.fail_next:
            self.fail_next -= 1
            raise QueueUnavailable("queue down")
        if self.down:
            raise QueueUnavailable("queue down")
        self.batches.append(list(messages))
        return [f"m{len(self.batches)}-{index}" for index in range(len(messages))]


class FakeWebhookTokens:
    """`WebhookTokenSource`: a fixed list of valid tokens."""

    def __init__(self, *tokens: str) -> None:
        self.tokens = list(tokens)

    def valid_tokens(self) -> Sequence[str]:
        return self.tokens


class FakeOutbox:
    """`Outbox` in memory: each key's status and the result its "done" kept."""

    def __init__(self) -> None:
        self.items: dict[str, OutboxStatus] = {}
        self.results: dict[str, str] = {}
        self.crash_on_done = False

    def outbox_status(self, key: str) -> OutboxStatus | None:
        return self.items.get(key)

    def outbox_attempted(self, key: str) -> None:
        if self.items.get(key) != "done":
            self.items[key] = "attempted"

    def outbox_done(self, key: str, result: str = "") -> None:
        if self.crash_on_done:
            self.crash_on_done = False
            raise RuntimeError("crashed before the outbox row was completed")
        self.items[key] = "done"
        self.results[key] = result


@dataclass
class Note:
    activity_id: int
    record_id: int  # the candidate's id, or the job's for link_type "O"
    subject: str
    note: str
    key: str
    link_type: NoteTarget = "R"
    check_existing: bool = False


@dataclass
class FakeTrackerWriter:
    """`TrackerWriter` in memory. Every call is counted by name in `calls`; a note asked to check for its key first
    (`check_existing`) is found rather than written twice, as the real client does."""

    applications: dict[int, Application] = field(default_factory=dict)  # pipeline entries as Tracker has them now
    notes: list[Note] = field(default_factory=list)
    tags: dict[int, list[str]] = field(default_factory=dict)
    stage_moves: list[tuple[int, int]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    lose_next_note_response: bool = False  # True: the next note lands in Tracker, and its answer is lost
    tags_readable: bool = True  # False: candidate reads carry no tag field (public reads, evidence 12.7, decision 0007)
    add_tag_known: list[Sequence[str] | None] = field(default_factory=list)

    @property
    def request_count(self) -> int:
        return len(self.calls)

    def writes(self) -> list[str]:
        return [c for c in self.calls if c in {"create_note", "find_note", "add_tag", "move_stage"}]

    def application(self, placement_id: int) -> Application:
        self.calls.append("application")
        if placement_id not in self.applications:
            raise TrackerNotFound("gone")
        return self.applications[placement_id]

    def create_note(
        self,
        target: NoteTarget,
        record_id: int,
        *,
        subject: str,
        note: str,
        idempotency_key: str,
        check_existing: bool,
    ) -> int:
        if check_existing:
            self.calls.append("find_note")
            for existing in self.notes:
                if existing.key == idempotency_key:
                    return existing.activity_id
        self.calls.append("create_note")
        activity = Note(5001 + len(self.notes), record_id, subject, note, idempotency_key, target, check_existing)
        self.notes.append(activity)
        if self.lose_next_note_response:
            self.lose_next_note_response = False
            raise TrackerUnavailable("response lost after the write landed")
        return activity.activity_id

    def add_tag(self, candidate_id: int, tag: str, known_tags: Sequence[str] | None) -> bool:
        self.calls.append("add_tag")
        self.add_tag_known.append(known_tags)
        if known_tags is None and not self.tags_readable:
            return False  # the real client skips a tag set it could not read
        current = list(self.tags.get(candidate_id, [])) if known_tags is None else list(known_tags)
        if any(t.lower() == tag.lower() for t in current):
            return False
        self.tags[candidate_id] = [*current, tag]
        return True

    def move_stage(self, placement_id: int, status_id: int) -> None:
        self.calls.append("move_stage")
        self.stage_moves.append((placement_id, status_id))


# --- skima.scoring.ports: Tracker's reads, the caches and stores the scorer, rediscovery and backfill use ---------


@dataclass
class FakeTracker(FakeTrackerWriter):
    """`TrackerSource` (with `TrackerWriter`): Tracker as the scorer sees it, the reads on top of the writes.
    Every call is counted by name."""

    jobs: dict[int, JobRecord] = field(default_factory=dict)
    candidates: dict[int, CandidateRecord] = field(default_factory=dict)
    documents: dict[int, tuple[ResumeDocument, bytes]] = field(default_factory=dict)
    unavailable_documents: set[int] = field(default_factory=set)  # candidates whose document cannot be had
    job_tag_texts: dict[int, list[str]] = field(default_factory=dict)
    tags_in_job_read: bool = False  # True: the job read carries the tags (no separate read needed)
    full_descriptions: dict[int, str] = field(default_factory=dict)  # the REST job text when the job read is thin
    offset_calibrated: bool = True  # False: the tenant's zone is not known yet, so no stamp's age can be told

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


class FakeProfileCache:
    """`ProfileCache` (and `ProfileBatchSource`, whose batches it records) in memory."""

    def __init__(self) -> None:
        self.profiles: dict[int, CachedProfile] = {}
        self.jobs: dict[int, CachedJob] = {}
        self.profile_puts = 0
        self.batches: list[list[int]] = []

    def get_profile(self, candidate_id: int) -> CachedProfile | None:
        return self.profiles.get(candidate_id)

    def get_profiles(self, candidate_ids: Sequence[int]) -> dict[int, CachedProfile]:
        self.batches.append(list(candidate_ids))
        return {cid: self.profiles[cid] for cid in candidate_ids if cid in self.profiles}

    def put_profile(self, cached: CachedProfile) -> None:
        self.profile_puts += 1
        self.profiles[cached.candidate_id] = cached

    def delete_profile(self, candidate_id: int) -> bool:
        return self.profiles.pop(candidate_id, None) is not None

    def get_job(self, job_id: int) -> CachedJob | None:
        return self.jobs.get(job_id)

    def put_job(self, cached: CachedJob) -> None:
        self.jobs[cached.job_id] = cached


class FakeScoreStore:
    """`ScoreStore` with the DynamoDB adapter's conditions: an older content_version never overwrites; the
    written-back fields survive a re-score."""

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


class FakeShortlistLinks:
    """`ShortlistLinks`: a fixed shortlist link per job (none unless a test sets one)."""

    def __init__(self) -> None:
        self.links: dict[int, str] = {}

    def link_for(self, job_id: int) -> str | None:
        return self.links.get(job_id)


class FakeScorerState:
    """`ScorerState` in memory: pings, claims, and health counters summed as the state table's ADD does."""

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


class FakeRediscoveryLog:
    """`RediscoveryLog`: the key each job's last rediscovery ran for."""

    def __init__(self) -> None:
        self.done: dict[int, str] = {}

    def done_for(self, job_id: int) -> str | None:
        return self.done.get(job_id)

    def mark_done(self, job_id: int, key: str) -> None:
        self.done[job_id] = key


@dataclass
class FakeCandidatePages:
    """`CandidatePages`: getRecords R by id over a fake Tracker's candidates, counted as one Tracker call a page."""

    tracker: FakeTracker
    page_size: int = 3
    pages_read: list[int] = field(default_factory=list)

    def page(self, number: int) -> list[CandidateRow]:
        self.tracker.calls.append("get_records")
        self.pages_read.append(number)
        ids = sorted(self.tracker.candidates)
        chosen = ids[number * self.page_size : (number + 1) * self.page_size]
        stamps = {cid: self.tracker.candidates[cid].last_updated for cid in chosen}
        return [CandidateRow(cid, stamps[cid], stamps[cid]) for cid in chosen]  # a UTC tenant, calibrated


class FakeBackfillCursorStore:
    """`BackfillCursorStore`: the last cursor saved (a copy, as a store would give back), and how many saves."""

    def __init__(self) -> None:
        self.saved: BackfillCursor | None = None
        self.saves = 0

    def load(self) -> BackfillCursor | None:
        return replace(self.saved) if self.saved else None

    def save(self, cursor: BackfillCursor) -> None:
        self.saves += 1
        self.saved = replace(cursor)


# --- skima.scoring.vector_index ----------------------------------------------------------------------------------


class FakeVectorStore:
    """`VectorStore`: chunks with versions and a manifest, like the DynamoDB adapter; counts what it is asked for."""

    def __init__(self) -> None:
        self.chunks: dict[int, tuple[int, dict[int, npt.NDArray[np.float16]]]] = {}
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


# --- skima.job_summary -------------------------------------------------------------------------------------------


class FakeTopTenMemory:
    """`TopTenMemory` in memory."""

    def __init__(self) -> None:
        self.announced: dict[int, AnnouncedTopTen] = {}

    def announced_top10(self, job_id: int) -> AnnouncedTopTen | None:
        return self.announced.get(job_id)

    def remember_top10(self, job_id: int, announced: AnnouncedTopTen) -> None:
        self.announced[job_id] = announced


# --- skima.polling -----------------------------------------------------------------------------------------------


class FakeChangeFeed:
    """`ChangeFeed`: Tracker's records as (type, id, last_updated); `hidden` models search-index lag."""

    def __init__(self) -> None:
        self.records: dict[tuple[RecordType, int], datetime] = {}
        self.hidden: set[tuple[RecordType, int]] = set()
        self.queries: list[tuple[RecordType, datetime, datetime]] = []
        self.fail_after: int | None = None
        self.open_jobs: list[int] = []
        self.listing_pages = 0
        self.summaries: dict[int, str] = {}  # job id -> its listing's summary; none: the listing carries none

    def save(self, record_type: RecordType, record_id: int, at: datetime) -> None:
        self.records[(record_type, record_id)] = at

    def changes(self, record_type: RecordType, since: datetime, until: datetime) -> Iterable[Change]:
        self.queries.append((record_type, since, until))
        rows = sorted(
            (at, rid)
            for (rtype, rid), at in self.records.items()
            if rtype is record_type and since <= at <= until and (rtype, rid) not in self.hidden
        )
        for index, (at, rid) in enumerate(rows):
            if self.fail_after is not None and index >= self.fail_after:
                raise RuntimeError("crash mid-way")
            yield Change(record_type, rid, at)

    def list_open_jobs(self, max_requests: int | None = None) -> OpenJobListing:
        # One request per 10 open jobs listed, as PagedSearch.
        pages = max(1, -(-len(self.open_jobs) // 10))
        read = pages if max_requests is None else min(pages, max(1, max_requests))
        self.listing_pages += read
        jobs = [OpenJob(job_id, self.summaries.get(job_id)) for job_id in self.open_jobs[: read * 10]]
        return OpenJobListing(jobs, complete=read == pages)

    @property
    def requests_made(self) -> int:
        # One request per record type read, one per listing page.
        return len(self.queries) + self.listing_pages


class FakePollerState:
    """`PollerState` in memory: one lease (expiring on `clock`), watermarks that never go back, claims, pings
    (set by tests), health counters."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.lease: tuple[str, datetime] | None = None
        self.watermarks: dict[str, datetime] = {}
        self.claims: set[str] = set()
        self.pings: dict[tuple[str, int], datetime] = {}
        self.health: dict[str, str | int] = {}

    def acquire_lease(self, name: str, owner: str, ttl_seconds: int) -> bool:
        if self.lease and self.lease[0] != owner and self.lease[1] > self.clock():
            return False
        self.lease = (owner, self.clock() + timedelta(seconds=ttl_seconds))
        return True

    def release_lease(self, name: str, owner: str) -> None:
        if self.lease and self.lease[0] == owner:
            self.lease = None

    def get_watermark(self, name: str) -> datetime | None:
        return self.watermarks.get(name)

    def advance_watermark(self, name: str, value: datetime) -> bool:
        if name in self.watermarks and self.watermarks[name] > value:
            return False
        self.watermarks[name] = value
        return True

    def claim(self, key: str, ttl_seconds: int) -> bool:
        fresh = key not in self.claims
        self.claims.add(key)
        return fresh

    def is_claimed(self, key: str) -> bool:
        return key in self.claims

    def last_ping(self, record_type: RecordType, record_id: int) -> datetime | None:
        return self.pings.get((record_type.value, record_id))

    def record_health(self, **fields: str | int) -> None:
        for key, value in fields.items():
            current = self.health.get(key, 0)
            self.health[key] = current + value if isinstance(value, int) and isinstance(current, int) else value

    def read_health(self) -> dict[str, str | int]:
        return dict(self.health)


# --- skima.adapters.tracker_feed ---------------------------------------------------------------------------------


class FakeHealthStore:
    """`HealthStore`: the state table's sync-health row in memory (fields overwritten, as the adapter's SET does);
    counts reads."""

    def __init__(self) -> None:
        self.fields: dict[str, str | int] = {}
        self.reads = 0

    def record_health(self, **fields: str | int) -> None:
        self.fields.update(fields)

    def read_health(self) -> dict[str, str | int]:
        self.reads += 1
        return dict(self.fields)


# --- skima.shortlist.ports ---------------------------------------------------------------------------------------


class FakeLinkStore:
    """`LinkStore` in memory; records every token hash looked up."""

    def __init__(self) -> None:
        self.links: dict[str, ShareLink] = {}
        self.tag_shares: dict[int, str] = {}
        self.lookups: list[str] = []

    def put(self, link: ShareLink) -> None:
        assert link.token_hash not in self.links
        self.links[link.token_hash] = link

    def get(self, token_hash: str) -> ShareLink | None:
        self.lookups.append(token_hash)
        return self.links.get(token_hash)

    def for_job(self, job_id: int) -> list[ShareLink]:
        return [link for link in self.links.values() if link.job_id == job_id]

    def revoke(self, token_hash: str, at: datetime) -> bool:
        link = self.links.get(token_hash)
        if link is None or link.revoked_at is not None:
            return False
        self.links[token_hash] = replace(link, revoked_at=at)
        return True

    def extend(self, token_hash: str, expires_at: datetime) -> bool:
        link = self.links.get(token_hash)
        if link is None or link.revoked_at is not None:
            return False
        self.links[token_hash] = replace(link, expires_at=expires_at)
        return True

    def mark_announced(self, token_hash: str, at: datetime) -> None:
        self.links[token_hash] = replace(self.links[token_hash], announced_at=at)

    def claim_tag_share(self, job_id: int, token_hash: str, previous_hash: str | None) -> bool:
        if self.tag_shares.get(job_id) not in (None, previous_hash):
            return False
        self.tag_shares[job_id] = token_hash
        return True

    def release_tag_share(self, job_id: int) -> None:
        self.tag_shares.pop(job_id, None)


class FakeGuessLimiter:
    """`GuessLimiter`: a client is blocked after `limit` misses; `down` makes every call fail as the state table's
    outage does."""

    def __init__(self, limit: int = 3, *, down: bool = False) -> None:
        self.limit = limit
        self.down = down
        self.misses: dict[str, int] = {}

    def blocked(self, client: str) -> bool:
        if self.down:
            raise DependencyUnavailable("state table down")
        return self.misses.get(client, 0) >= self.limit

    def record_miss(self, client: str) -> None:
        if self.down:
            raise DependencyUnavailable("state table down")
        self.misses[client] = self.misses.get(client, 0) + 1


class FakeShortlistSource:
    """`ShortlistSource` over a list of entries."""

    def __init__(self, entries: Sequence[ShortlistEntry] = ()) -> None:
        self.entries = list(entries)

    def ranked(self, job_id: int, min_score: int) -> list[ShortlistEntry]:
        ranked = [e for e in self.entries if e.job_id == job_id and e.score is not None and e.score >= min_score]
        return sorted(ranked, key=lambda e: (-(e.score or 0), e.candidate_id))

    def entry(self, job_id: int, candidate_id: int) -> ShortlistEntry | None:
        return next((e for e in self.entries if (e.job_id, e.candidate_id) == (job_id, candidate_id)), None)


class FakeFeedbackStore:
    """`FeedbackStore` in memory: submissions by key, and each pair's current verdict (newest submission wins)."""

    def __init__(self) -> None:
        self.items: dict[tuple[int, int, str], FeedbackSubmission] = {}
        self.enqueued: set[tuple[int, int, str]] = set()
        self.current: dict[tuple[int, int], RecordedVerdict] = {}

    def record(self, submission: FeedbackSubmission) -> RecordResult:
        key = (submission.job_id, submission.candidate_id, submission.feedback_key)
        if key in self.items:
            return RecordResult("duplicate", self.items[key], key in self.enqueued)
        self.items[key] = submission
        pair = (submission.job_id, submission.candidate_id)
        previous = self.current.get(pair)
        if previous is None or previous.submitted_at <= submission.submitted_at:
            self.current[pair] = RecordedVerdict(
                submission.verdict,
                submission.comment,
                submission.submitted_at,
                (previous.version if previous else 0) + 1,
            )
        return RecordResult("recorded", submission, False)

    def mark_enqueued(self, submission: FeedbackSubmission) -> None:
        self.enqueued.add((submission.job_id, submission.candidate_id, submission.feedback_key))

    def latest(self, job_id: int, candidate_ids: Sequence[int]) -> dict[int, RecordedVerdict]:
        return {cid: self.current[(job_id, cid)] for cid in candidate_ids if (job_id, cid) in self.current}

    def history(self, job_id: int, candidate_id: int) -> list[FeedbackSubmission]:
        found = [s for (j, c, _), s in self.items.items() if (j, c) == (job_id, candidate_id)]
        return sorted(found, key=lambda s: s.submitted_at)


# --- each fake against its port (checked by mypy; see the module docstring) --------------------------------------


def _protocol_checks() -> None:
    tracker = FakeTracker()
    profiles = FakeProfileCache()
    embedder: Embedder = HashingEmbedder()
    queue: MessageQueue = FakeQueue()
    tokens: WebhookTokenSource = FakeWebhookTokens()
    outbox: Outbox = FakeOutbox()
    writer: TrackerWriter = FakeTrackerWriter()
    source: TrackerSource = tracker
    writes_too: TrackerWriter = tracker
    cache: ProfileCache = profiles
    batches: ProfileBatchSource = profiles
    scores: ScoreStore = FakeScoreStore()
    links: ShortlistLinks = FakeShortlistLinks()
    state: ScorerState = FakeScorerState()
    log: RediscoveryLog = FakeRediscoveryLog()
    pages: CandidatePages = FakeCandidatePages(tracker)
    cursor: BackfillCursorStore = FakeBackfillCursorStore()
    vectors: VectorStore = FakeVectorStore()
    memory: TopTenMemory = FakeTopTenMemory()
    feed: ChangeFeed = FakeChangeFeed()
    health: HealthStore = FakeHealthStore()
    poller_state: PollerState = FakePollerState(Clock())
    link_store: LinkStore = FakeLinkStore()
    limiter: GuessLimiter = FakeGuessLimiter()
    shortlist: ShortlistSource = FakeShortlistSource()
    feedback: FeedbackStore = FakeFeedbackStore()
    del embedder, queue, tokens, outbox, writer, source, writes_too, cache, batches, scores, links, state, log
    del pages, cursor, vectors, memory, feed, health, poller_state, link_store, limiter, shortlist, feedback
