"""Records the scorer reads and stores, and the ports (Protocols) its adapters implement.

Tracker records arrive here already normalised by `skima.adapters.tracker_source` (aware UTC stamps, plain
ints), so the use case never sees Tracker's JSON shapes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # the engine needs numpy, which only the scorer's model layer ships
    from skima.engine import CandidateProfile, PreparedJob

# ---------------------------------------------------------------------- Tracker records (read side)


@dataclass(frozen=True)
class Application:
    """A pipeline entry (OpportunityResource): which candidate is in which job, at which status."""

    placement_id: int
    job_id: int
    candidate_id: int
    status_id: int | None = None
    status_name: str | None = None
    candidate_name: str | None = None  # the candidate's display name when the read carried it


@dataclass(frozen=True)
class JobRecord:
    job_id: int
    title: str
    description: str
    is_open: bool
    last_updated: datetime | None
    pipeline: Sequence[Application] = ()
    # The job's tags (the share tag lives there); None when this read did not carry the tag field at all.
    tags: Sequence[str] | None = None
    # `last_updated` as a true UTC instant (the tenant's calibrated offset applied); None until the offset is known.
    # Only this may say how long ago a version was saved: `last_updated` keys caches and is off by the tenant's zone.
    updated_utc: datetime | None = None
    # The job's client contact (the hiring manager) when the read carried one: a share-tag link is made for them.
    contact_name: str | None = None


@dataclass(frozen=True)
class CandidateRecord:
    candidate_id: int
    last_updated: datetime | None
    tags: Sequence[str]
    # The record's own text (job history, skills, summary): the resume when no document exists.
    fields_text: str
    display_name: str | None = None  # shown on the shortlist page; never given to the engine
    # False when the read carried no tag field: `tags` is then unknown (not empty) and must not be written back.
    tags_read: bool = True
    updated_utc: datetime | None = None  # as `JobRecord.updated_utc`


@dataclass(frozen=True)
class ResumeDocument:
    document_id: int
    filename: str | None
    content_type: str | None
    size: int | None
    created: datetime | None

    @property
    def cache_key(self) -> str:
        """Identifies the file without downloading it (an upload is a new document id and creation time)."""
        stamp = self.created.isoformat() if self.created else "-"
        return f"doc#{self.document_id}#{stamp}"

    def same_file(self, source_key: str, cached_size: int | None) -> bool:
        """Whether a profile built from `source_key` (and a file of `cached_size`) was built from this file.
        Sizes are compared only when both are known: Tracker may leave a size empty until first download."""
        if source_key != self.cache_key:
            return False
        return cached_size is None or self.size is None or cached_size == self.size


@dataclass(frozen=True)
class DocumentContent:
    content: bytes
    filename: str | None
    content_type: str | None


class TrackerSource(Protocol):
    """What the scorer reads from Tracker (its writes go through `skima.ports.TrackerWriter`). Every call may raise
    the tracker errors (TrackerNotFound for a deleted record, TrackerUnavailable / TrackerAuthError to fail the
    message)."""

    @property
    def request_count(self) -> int: ...

    def application(self, placement_id: int) -> Application: ...

    def job(self, job_id: int) -> JobRecord:
        """The job with its live pipeline (one request)."""
        ...

    def candidate(self, candidate_id: int) -> CandidateRecord: ...

    def primary_resume(self, candidate_id: int) -> ResumeDocument | None:
        """The candidate's primary resume document (documentType resume / isPrimary), if any."""
        ...

    def download(self, candidate_id: int, document: ResumeDocument) -> DocumentContent: ...

    def job_description(self, job_id: int) -> str:
        """The job's full description from its richest read (a second request; only for thin job reads)."""
        ...


# ---------------------------------------------------------------------- caches (ProfilesTable)


@dataclass(frozen=True)
class CachedProfile:
    candidate_id: int
    profile: CandidateProfile
    # Where the profile's text came from: ResumeDocument.cache_key, or "fields#<sha256>" for record fields.
    source_key: str
    candidate_stamp: datetime | None  # the candidate's last_updated when the profile was (re)confirmed
    document_stamp: datetime | None = None
    tags: Sequence[str] = ()  # the candidate's tags at that read
    document_size: int | None = None
    confirmed_at: datetime | None = None  # our clock when the candidate record was read
    display_name: str | None = None  # for rows written without a fresh candidate read (rediscovery)


@dataclass(frozen=True)
class CachedJob:
    job_id: int
    title: str
    description_sha256: str
    is_open: bool
    job_stamp: datetime | None
    prepared: PreparedJob | None  # None: the description has nothing to match (JobTextError)


class ProfileCache(Protocol):
    def get_profile(self, candidate_id: int) -> CachedProfile | None: ...
    def put_profile(self, cached: CachedProfile) -> None: ...
    def delete_profile(self, candidate_id: int) -> bool:
        """Forget the candidate's profile (and what is derived from it); False when nothing was stored."""
        ...

    def get_job(self, job_id: int) -> CachedJob | None: ...
    def put_job(self, cached: CachedJob) -> None: ...


# ---------------------------------------------------------------------- scores (ScoresTable)


@dataclass(frozen=True)
class WrittenBack:
    """What the last activity note said, so the next one is written only on a material change."""

    score: int | None
    status: str
    reasons: Sequence[str]
    content_key: str | None = None  # the row's content_key (job text + resume text) the note was written for


@dataclass(frozen=True)
class ScoreRow:
    job_id: int
    candidate_id: int
    status: Literal["scored", "insufficient_evidence"]
    score: int | None
    reasons: Sequence[str]
    gaps: Sequence[str]
    receipt_id: str
    receipt_json: str
    result_json: str  # the full MatchResult (requirements and evidence) for the shortlist page
    # Monotonic: "<max of candidate/job/document stamps, ISO UTC>|<engine version>"; older never overwrites newer.
    content_version: str
    inputs_hash: str  # sha256 of (job text, profile, engine): equal means nothing to re-score
    engine_version: str
    job_title: str
    placement_id: int | None = None
    placement_status_id: int | None = None
    placement_status_name: str | None = None
    origin: Literal["application", "rediscovery"] = "application"
    written: WrittenBack | None = None
    writeback_done_for: str | None = None  # the inputs_hash whose write-back completed
    # The candidate's display name for the shortlist page (None: not known at this write; a stored one is kept).
    candidate_name: str | None = None
    # sha256 of the job text and the resume text scored: unlike inputs_hash, the same under a new engine
    content_key: str = ""


class ScoreStore(Protocol):
    def get(self, job_id: int, candidate_id: int) -> ScoreRow | None: ...

    def put(self, row: ScoreRow) -> bool:
        """Store unless a row with a newer content_version exists (False then). Keeps the written-back fields."""
        ...

    def mark_written(self, job_id: int, candidate_id: int, inputs_hash: str, written: WrittenBack | None) -> bool:
        """Record that write-back for `inputs_hash` finished (and what the note said, when one was written).
        False when the row moved on to other inputs meanwhile."""
        ...

    def candidates_of(self, job_id: int) -> set[int]:
        """The candidates this job has a score row for."""
        ...

    def jobs_of(self, candidate_id: int) -> list[int]:
        """The jobs this candidate has a score for (the by_candidate index)."""
        ...

    def delete_candidate(self, candidate_id: int) -> int:
        """Delete the candidate's rows for every job; how many there were (0: none left)."""
        ...

    def top10(self, job_id: int) -> list[ScoreRow]:
        """The job's ten best live rows, best first, ties by candidate id (the by_score index): closed-stage
        applications (`skima.stages`) and rows past their retention are left out."""
        ...


class ShortlistLinks(Protocol):
    def link_for(self, job_id: int) -> str | None:
        """The job's live shortlist URL, or None while no link exists."""
        ...


class JobSharing(Protocol):
    """The share tag: told about every job read, makes the job's share link follow its tag (create and announce
    it, or revoke it). Adapter: `skima.shortlist.sharing.ShareTagFollower`."""

    def job_seen(self, job: JobRecord) -> str:
        """What was done: created, kept, revoked, none, or unchanged (nothing read or written)."""
        ...


class NoSharing:
    def job_seen(self, job: JobRecord) -> str:
        return "none"


class Rediscovery(Protocol):
    """Talent rediscovery: told about every open, matchable job the scorer reads (repeats for an unchanged job are
    cheap: the use case remembers what it did). `in_pipeline` are the job's applicants, never "rediscovered"."""

    def job_prepared(self, job: CachedJob, in_pipeline: Collection[int] = ()) -> None: ...


class NoRediscovery:
    def job_prepared(self, job: CachedJob, in_pipeline: Collection[int] = ()) -> None:
        return None


class ScorerState(Protocol):
    """The state table parts the scorer records pings into (the poller counts changes no ping announced)."""

    def record_ping(self, record_type: str, record_id: int, received_at: datetime, ttl_seconds: int) -> None: ...
    def record_health(self, **fields: str | int) -> None: ...
    def claim(self, key: str, ttl_seconds: int) -> bool:
        """True the first time `key` is claimed within its lifetime (dedupes the job fan-out)."""
        ...

    def release_claim(self, key: str) -> None: ...


# ---------------------------------------------------------------------- rediscovery


class ProfileBatchSource(Protocol):
    def get_profiles(self, candidate_ids: Sequence[int]) -> dict[int, CachedProfile]:
        """The cached profiles of these candidates (missing ones are simply absent)."""
        ...


class RediscoveryLog(Protocol):
    """Which job text a rediscovery last completed for, so a retried or repeated hint does not run it twice."""

    def done_for(self, job_id: int) -> str | None: ...
    def mark_done(self, job_id: int, key: str) -> None: ...


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
