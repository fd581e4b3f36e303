"""Use case: the scorer. A "record changed" hint becomes (candidate, job) pairs that are re-read, scored, stored
and written back.

- An application (OpportunityResource) → its pair. A candidate → every open job we hold a score for them in (the
  ScoresTable by_candidate index, filled by application events). A job → re-read with its live pipeline; when its
  text changed (or it is new) every entry is enqueued, otherwise only entries we have not scored yet, one message
  per application, so no invocation scores a whole pipeline.
- Caches make repeats cheap in Tracker requests, the shared budget that limits throughput: the parsed profile
  and its embeddings per candidate (keyed by the document's id/size/created or the record fields' hash) and the
  prepared job per job (keyed by its text hash) live in the ProfilesTable. A record is re-read from Tracker when
  its own hint arrives; the other side of a pair comes from the cache when present (its changes arrive as hints
  of their own, from webhooks or the poller).
- A score row is stored only if nothing newer is stored (content_version); unchanged inputs skip the engine and
  every write. The row carries the candidate's display name (for the shortlist page) whenever the reads made
  for scoring brought it: never an extra Tracker call for it.
- Every job read also goes to the share tag (`JobSharing`): the job's shortlist link follows its tag.
- A candidate Tracker no longer has (404 on the candidate read, from a candidate hint or an application whose
  candidate is gone) is purged: their score rows for every job and their cached profile and vector go, nothing is
  written to Tracker, and a repeat finds nothing left. Their shortlist feedback stays (audit) until its retention.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from skima.digests import sha256_hex
from skima.engine import ENGINE_VERSION, CandidateProfile, Engine, JobTextError, MatchResult, PreparedJob
from skima.errors import QueueUnavailable
from skima.job_summary import JobSummary
from skima.models import QueueMessageBody, RecordChanged, RecordType
from skima.ports import MessageQueue
from skima.recent_pipelines import RecentPipelines
from skima.scoring.ports import (
    Application,
    CachedJob,
    CachedProfile,
    CandidateRecord,
    JobRecord,
    JobSharing,
    NoRediscovery,
    NoSharing,
    ProfileCache,
    Rediscovery,
    ScoreRow,
    ScorerState,
    ScoreStore,
    TrackerSource,
    WrittenBack,
)
from skima.scoring.profiles import current_profile, job_is_current, profile_for, refresh_profile, stamp_proves_unchanged
from skima.tracker.errors import TrackerError, TrackerNotFound
from skima.writeback import WriteBack

logger = logging.getLogger(__name__)

PING_TTL_SECONDS = 3 * 86400
FAN_OUT_CLAIM_SECONDS = 3600
_FAN_OUT_BATCH = 10


class CandidateGone(Exception):
    """Internal: Tracker says the candidate no longer exists (their stored data has just been purged)."""


# A job description shorter than this, or no more than the job's name, is completed from the full job record.
THIN_DESCRIPTION_CHARS = 80


def is_thin_description(title: str, description: str) -> bool:
    """Whether a job read's description is too thin to trust as the job's text (§12.6: it may be the name)."""
    text = " ".join(description.split()).lower()
    name = " ".join(title.split()).lower()
    return len(text) < THIN_DESCRIPTION_CHARS or text == name or (bool(text) and text in name)


def job_text(title: str, description: str) -> str:
    """What the engine reads for a job: its title, then its description."""
    return f"{title.strip()}\n\n{description.strip()}".strip()


def content_version(*stamps: datetime | None) -> str:
    """`<latest input stamp, ISO UTC>|<engine version>`: sorts as time does for one engine version."""
    known = [stamp.astimezone(UTC) for stamp in stamps if stamp is not None]
    latest = max(known).isoformat(timespec="seconds") if known else "0000-00-00T00:00:00+00:00"
    return f"{latest}|{ENGINE_VERSION}"


def inputs_hash(job_text_sha256: str, profile: CandidateProfile) -> str:
    return sha256_hex("|".join([job_text_sha256, profile.profile_sha256, ENGINE_VERSION, profile.model_id]))


def receipt_id(result: MatchResult) -> str:
    return sha256_hex(result.receipt.model_dump_json())[:12]


def score_row(
    job: CachedJob, cached: CachedProfile, result: MatchResult, wanted_inputs_hash: str, **extra: Any
) -> ScoreRow:
    """The stored row for one engine result; `extra` carries what only the caller knows (placement, origin, name)."""
    return ScoreRow(
        job_id=job.job_id,
        candidate_id=cached.candidate_id,
        status=result.status,
        score=result.score,
        reasons=list(result.reasons),
        gaps=list(result.gaps),
        receipt_id=receipt_id(result),
        receipt_json=result.receipt.model_dump_json(),
        result_json=result.model_dump_json(),
        content_version=content_version(cached.candidate_stamp, cached.document_stamp, job.job_stamp),
        inputs_hash=wanted_inputs_hash,
        engine_version=ENGINE_VERSION,
        job_title=job.title,
        content_key=sha256_hex(f"{job.description_sha256}|{cached.profile.text_sha256}"),
        **extra,
    )


@dataclass
class ScoringReport:
    """What one message led to (for logs and tests)."""

    pairs_scored: int = 0
    pairs_unchanged: int = 0
    pairs_skipped: int = 0
    notes_written: int = 0
    tags_added: int = 0
    stages_moved: int = 0
    enqueued: int = 0
    profiles_built: int = 0
    jobs_prepared: int = 0
    share: str = ""  # what the job's share tag led to (jobs only)
    outcome: str = ""
    details: list[str] = field(default_factory=list)


class Scorer:
    def __init__(
        self,
        *,
        tracker: TrackerSource,
        engine: Engine,
        profiles: ProfileCache,
        scores: ScoreStore,
        writeback: WriteBack,
        queue: MessageQueue,
        state: ScorerState,
        rediscovery: Rediscovery | None = None,
        sharing: JobSharing | None = None,
        summary: JobSummary | None = None,
        recent_pipelines: RecentPipelines | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._tracker = tracker
        self._recent_pipelines = recent_pipelines or RecentPipelines()
        self._engine = engine
        self._profiles = profiles
        self._scores = scores
        self._writeback = writeback
        self._queue = queue
        self._state = state
        self._rediscovery = rediscovery or NoRediscovery()
        self._sharing = sharing or NoSharing()
        self._summary = summary
        self._clock = clock

    # ------------------------------------------------------------------ entry point
    def handle(self, message: RecordChanged) -> ScoringReport:
        """One record-changed hint. The score queue's other messages (a reconcile request, a vote) are not the
        Scorer's: the scorer function's handler sends them to the poller and the feedback write-back."""
        report = ScoringReport()
        if message.source == "webhook":
            self._record_ping(message)
        try:
            if message.record_type is RecordType.OPPORTUNITY_RESOURCE:
                self._on_application(message.record_id, report)
            elif message.record_type is RecordType.RESOURCE:
                self._on_candidate(message.record_id, report)
            else:
                self._on_job(message, report)
        except CandidateGone:
            report.outcome = "candidate deleted"
        except TrackerNotFound:
            # A deleted application or job (or one never visible to us): nothing to score.
            report.outcome = "record not found"
        return report

    def _read_candidate(self, candidate_id: int) -> CandidateRecord:
        """The candidate's record; a candidate Tracker no longer has is purged from our tables first."""
        try:
            return self._tracker.candidate(candidate_id)
        except TrackerNotFound:
            rows = self._scores.delete_candidate(candidate_id)
            profile = self._profiles.delete_profile(candidate_id)
            logger.info(
                "candidate %s deleted in Tracker: purged %d score rows, profile: %s", candidate_id, rows, profile
            )
            raise CandidateGone(candidate_id) from None

    def _profile_documents_first(
        self, candidate_id: int, cached: CachedProfile | None, *, known_name: str | None = None
    ) -> tuple[CachedProfile, CandidateRecord | None, bool]:
        """`profile_for` without a record read; a not-found on the way is confirmed by the candidate read itself
        (which purges a deleted candidate) before anything is purged: a missing document is not a missing person."""
        try:
            return profile_for(
                candidate_id,
                cached,
                record=None,
                tracker=self._tracker,
                engine=self._engine,
                profiles=self._profiles,
                clock=self._clock,
                known_name=known_name,
            )
        except TrackerNotFound:
            self._read_candidate(candidate_id)  # raises CandidateGone when the candidate is gone
            raise

    def _record_ping(self, message: RecordChanged) -> None:
        self._state.record_ping(message.record_type.value, message.record_id, message.received_at, PING_TTL_SECONDS)
        self._state.record_health(last_ping_seen=message.received_at.astimezone(UTC).isoformat(), pings=1)

    # ------------------------------------------------------------------ the three hints
    def _application(self, placement_id: int) -> Application:
        """The application: from a pipeline read moments ago, else from the pipeline of the job the last
        application went to (a run of applications to one job), else read by its id."""
        now = self._clock()
        found = self._recent_pipelines.find(placement_id, now)
        guess = None if found is not None else self._recent_pipelines.guess_job(now)
        if guess is not None:
            try:
                record = self._tracker.job(guess)
            except TrackerError as error:  # a saving missed, not a failure: the application is read by id
                logger.info("job %s pipeline not read for application %s: %s", guess, placement_id, error)
            else:
                self._recent_pipelines.remember(record.pipeline, now)
                found = self._recent_pipelines.find(placement_id, now)
            if found is None:
                self._recent_pipelines.missed(guess, now)
        application = found or self._tracker.application(placement_id)
        self._recent_pipelines.seen(application, now)
        return application

    def _on_application(self, placement_id: int, report: ScoringReport) -> None:
        application = self._application(placement_id)
        job = self._job(application.job_id, report)
        if not self._scorable(job):
            report.pairs_skipped += 1
            report.outcome = "job closed or without requirements"
            return
        assert job.prepared is not None
        cached = self._valid_profile(self._profiles.get_profile(application.candidate_id))
        known_tags: Sequence[str] | None = None
        if cached is None:
            # Documents first: a resume makes the candidate read unneeded (the application carries the name).
            cached, record, built = self._profile_documents_first(
                application.candidate_id, None, known_name=application.candidate_name
            )
            report.profiles_built += int(built)
            if record is not None:
                known_tags = record.tags if record.tags_read else None
                application = replace(application, candidate_name=record.display_name or application.candidate_name)
        self._score_pair(job, cached, application, known_tags, report)
        report.outcome = report.outcome or "application"

    def _on_candidate(self, candidate_id: int, report: ScoringReport) -> None:
        job_ids = self._scores.jobs_of(candidate_id)
        cached = self._valid_profile(self._profiles.get_profile(candidate_id))
        if not job_ids and cached is None:
            # Not a Tracker call spent on someone we score nowhere; the backfill builds such profiles.
            report.outcome = "candidate in no scored pipeline"
            return
        record: CandidateRecord | None = None
        if cached is not None and cached.profile.source != "record_fields" and not cached.profile.read_error:
            # Scored from a document: the document list alone proves whether the resume changed (a new upload is
            # a new id, whatever second it came in), so a re-save of the record's other fields costs one request.
            profile, record, built = self._profile_documents_first(candidate_id, cached)
            report.profiles_built += int(built)
        else:
            record = self._read_candidate(candidate_id)
            profile = self._refresh_profile(record, cached, report)
        display_name = record.display_name if record is not None else profile.display_name
        known_tags = record.tags if record is not None and record.tags_read else None
        for job_id in job_ids:
            job = self._job(job_id, report)
            if not self._scorable(job):
                report.pairs_skipped += 1
                continue
            existing = self._scores.get(job_id, candidate_id)
            application = Application(
                placement_id=existing.placement_id if existing and existing.placement_id else 0,
                job_id=job_id,
                candidate_id=candidate_id,
                status_id=existing.placement_status_id if existing else None,
                status_name=existing.placement_status_name if existing else None,
                candidate_name=display_name,
            )
            self._score_pair(job, profile, application, known_tags, report)
        report.outcome = "candidate"

    def _on_job(self, message: RecordChanged, report: ScoringReport) -> None:
        record = self._tracker.job(message.record_id)
        # The applications this job fans out, and a run of new ones, are then named by these rows.
        self._recent_pipelines.remember(record.pipeline, self._clock())
        job, changed = self._update_job(record, report)
        # Before the open/closed check: removing the tag from a closed job still revokes its link.
        report.share = self._sharing.job_seen(record)
        if not self._scorable(job):
            report.outcome = "job closed or without requirements"
            return
        # Every hint, not only a changed text: a rediscovery that failed part-way is retried with the message.
        self._rediscovery.job_prepared(job, in_pipeline={entry.candidate_id for entry in record.pipeline})
        scored = set() if changed else self._scores.candidates_of(job.job_id)
        # While a backlog is still queued, every re-check of the job would queue its unscored entries again: claim
        # each (entry, job text) for an hour so it is queued once, and a changed text queues it afresh.
        pending = [
            entry
            for entry in record.pipeline
            if entry.candidate_id not in scored
            and self._state.claim(f"fanout#{entry.placement_id}#{job.description_sha256}", FAN_OUT_CLAIM_SECONDS)
        ]
        messages: list[QueueMessageBody] = [
            RecordChanged(
                source=message.source,
                received_at=self._clock(),
                record_type=RecordType.OPPORTUNITY_RESOURCE,
                record_id=entry.placement_id,
            )
            for entry in pending
        ]
        for start in range(0, len(messages), _FAN_OUT_BATCH):
            try:
                self._queue.send_batch(messages[start : start + _FAN_OUT_BATCH])
            except QueueUnavailable:
                for entry in pending[start:]:  # not queued: let the retry (or the next re-check) queue them
                    self._state.release_claim(f"fanout#{entry.placement_id}#{job.description_sha256}")
                raise
        report.enqueued = len(messages)
        report.outcome = "job"

    # ------------------------------------------------------------------ jobs
    @staticmethod
    def _scorable(job: CachedJob) -> bool:
        return job.is_open and job.prepared is not None

    def _job(self, job_id: int, report: ScoringReport) -> CachedJob:
        cached = self._profiles.get_job(job_id)
        if cached is not None and self._job_is_current(cached):
            return cached
        return self._update_job(self._tracker.job(job_id), report)[0]

    def _job_is_current(self, cached: CachedJob) -> bool:
        return job_is_current(cached, self._engine.embedder.model_id)

    def _update_job(self, record: JobRecord, report: ScoringReport) -> tuple[CachedJob, bool]:
        """Cache the job; prepare it again only when its text (or the engine) changed. True when it did.

        A job read whose description is thin (short, or just the job's name, as in Tracker's documented widget
        read) is completed from the job's full record: one more request, spared when the cached job has the
        very same stamp. A job whose text still has nothing to match gets one note saying so.
        """
        cached = self._profiles.get_job(record.job_id)
        if is_thin_description(record.title, record.description):
            if (
                cached is not None
                and record.last_updated is not None
                and cached.job_stamp == record.last_updated
                and self._job_is_current(cached)
            ):
                return cached, False  # not saved since it was prepared from its full text
            full = self._tracker.job_description(record.job_id)
            if len(full.strip()) > len(record.description.strip()):
                record = replace(record, description=full)
        text = job_text(record.title, record.description)
        text_hash = sha256_hex(text)
        if cached is not None and cached.description_sha256 == text_hash and self._job_is_current(cached):
            if (cached.is_open, cached.title, cached.job_stamp) != (record.is_open, record.title, record.last_updated):
                cached = _cached_job(record, text_hash, cached.prepared)
                self._profiles.put_job(cached)
            return cached, False
        try:
            if is_thin_description(record.title, record.description):
                # even the full record has next to nothing: scoring from the name alone would be noise
                raise JobTextError("job description too thin to score")
            prepared = self._engine.prepare_job(str(record.job_id), text)
        except JobTextError:
            logger.info("job %s has no requirements the engine can match", record.job_id)
            prepared = None
            if record.is_open:
                self._writeback.job_too_thin(record.job_id, record.title, text_hash, len(text.split()))
        report.jobs_prepared += 1
        fresh = _cached_job(record, text_hash, prepared)
        self._profiles.put_job(fresh)
        return fresh, True

    # ------------------------------------------------------------------ candidates
    def _valid_profile(self, cached: CachedProfile | None) -> CachedProfile | None:
        return current_profile(cached, self._engine.embedder.model_id)

    def _refresh_profile(
        self, record: CandidateRecord, cached: CachedProfile | None, report: ScoringReport
    ) -> CachedProfile:
        """The candidate's profile, rebuilt only when its resume changed (never re-fetched or re-embedded)."""
        if stamp_proves_unchanged(cached, record.last_updated, record.updated_utc):
            assert cached is not None
            return cached  # the record was not saved since: neither a new document nor new fields
        profile, built = refresh_profile(
            record, cached, tracker=self._tracker, engine=self._engine, profiles=self._profiles, clock=self._clock
        )
        report.profiles_built += int(built)
        return profile

    # ------------------------------------------------------------------ one pair
    def _score_pair(
        self,
        job: CachedJob,
        cached: CachedProfile,
        application: Application,
        known_tags: Sequence[str] | None,
        report: ScoringReport,
    ) -> None:
        assert job.prepared is not None
        self._tell_unreadable(cached, report)
        wanted_hash = inputs_hash(job.prepared.text_sha256, cached.profile)
        existing = self._scores.get(job.job_id, cached.candidate_id)
        # A rediscovered candidate who applies becomes an applicant; without a placement the origin stays.
        applied = bool(application.placement_id)
        origin = "application" if applied or existing is None else existing.origin
        # A new stage (withdrawn, declined...) is stored even when the score stands: the page leaves closed ones out.
        stage_changed = existing is not None and (existing.placement_status_id, existing.placement_status_name) != (
            application.status_id,
            application.status_name,
        )
        if existing is not None and applied and (existing.origin == "rediscovery" or stage_changed):
            existing = replace(
                existing,
                origin="application",
                placement_id=application.placement_id,
                placement_status_id=application.status_id,
                placement_status_name=application.status_name,
                candidate_name=application.candidate_name or existing.candidate_name,
            )
            self._scores.put(existing)
        if existing is not None and existing.inputs_hash == wanted_hash:
            if existing.writeback_done_for == wanted_hash:
                report.pairs_unchanged += 1
                return
            row = existing  # scored before, but its write-back did not finish: finish it
        else:
            result = self._engine.match(job.prepared, cached.profile)
            row = score_row(
                job,
                cached,
                result,
                wanted_hash,
                placement_id=application.placement_id or None,
                placement_status_id=application.status_id,
                placement_status_name=application.status_name,
                candidate_name=application.candidate_name,
                origin=origin,
            )
            if not self._scores.put(row):
                report.pairs_skipped += 1
                report.details.append(f"{job.job_id}/{cached.candidate_id}: a newer score is stored")
                return
            report.pairs_scored += 1
        if row.origin == "rediscovery" and row.candidate_id not in {
            r.candidate_id for r in self._scores.top10(job.job_id)
        }:
            return  # rediscovered but no longer in the top-10: stored, and Tracker is not flooded with notes
        self._write_back(row, existing.written if existing else None, known_tags, report)
        if self._summary is not None and row.status == "scored" and self._summary.job_scored(job.job_id, job.title):
            report.notes_written += 1

    def _tell_unreadable(self, cached: CachedProfile, report: ScoringReport) -> None:
        """A resume document the engine could not read gets one note on the candidate per document version (the
        outbox makes repeats and retries free of Tracker calls). Here, with the pair, rather than where the profile
        is built: a profile cached by the backfill, which writes no notes, is covered too."""
        reason = cached.profile.read_error
        if not reason or not cached.source_key.startswith("doc#"):
            return
        used_fields = cached.profile.source == "record_fields"
        if self._writeback.resume_unreadable(cached.candidate_id, cached.source_key, reason, used_fields=used_fields):
            report.notes_written += 1

    def _write_back(
        self,
        row: ScoreRow,
        previous: WrittenBack | None,
        known_tags: Sequence[str] | None,
        report: ScoringReport,
    ) -> None:
        done = self._writeback.apply(row, previous, known_tags)
        report.notes_written += int(done.note_written)
        report.tags_added += int(done.tag_added)
        report.stages_moved += int(done.stage_moved)


def _cached_job(record: JobRecord, text_sha256: str, prepared: PreparedJob | None) -> CachedJob:
    """What the profiles table keeps of a job read: its record's fields and the prepared text (None: unmatchable)."""
    return CachedJob(
        job_id=record.job_id,
        title=record.title,
        description_sha256=text_sha256,
        is_open=record.is_open,
        job_stamp=record.last_updated,
        prepared=prepared,
    )
