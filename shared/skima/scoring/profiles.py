"""Candidate profiles: building one from the primary resume (else the record's fields), and when a cached profile
(or prepared job) still stands. The scorer and the backfill build profiles here, and they and rediscovery share
these rules, so none of them re-fetches or re-embeds what another cached, and none trusts what another would not.

- Current: built by this engine version and embedding model. A profile from another one is rebuilt when its
  candidate is next read (rediscovery and the backfill pass it over until then).
- Same source: the same resume document (id and upload time, and size when both are known) or the same record
  fields (their hash).
- Unchanged record: an equal last-updated stamp proves it only when our read came well after that stamp's second
  (`skima.stamps`): a save in the same second as our read keeps the stamp.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from skima import metrics
from skima.digests import sha256_hex
from skima.engine import ENGINE_VERSION, CandidateProfile, Engine, ResumeInput
from skima.scoring.ports import CachedJob, CachedProfile, CandidateRecord, ProfileCache, ResumeDocument, TrackerSource
from skima.stamps import stamp_settled
from skima.tracker.errors import TrackerNotFound, TrackerRejected

logger = logging.getLogger(__name__)


def profile_is_current(profile: CandidateProfile, model_id: str) -> bool:
    return profile.engine_version == ENGINE_VERSION and profile.model_id == model_id


def current_profile(cached: CachedProfile | None, model_id: str) -> CachedProfile | None:
    """The cached profile when it is current, else None (to be rebuilt)."""
    return cached if cached is not None and profile_is_current(cached.profile, model_id) else None


def job_is_current(cached: CachedJob, model_id: str) -> bool:
    if cached.prepared is None:
        return True  # unmatchable text stays unmatchable until the text changes
    return cached.prepared.engine_version == ENGINE_VERSION and cached.prepared.model_id == model_id


def same_source(cached: CachedProfile, document: ResumeDocument | None, source_key: str) -> bool:
    """Whether the cached profile was built from this very resume source (`source_key`: the document's cache key,
    or `fields#<sha256>` of the record's fields when there is no document)."""
    if document is not None:
        return document.same_file(cached.source_key, cached.document_size)
    return cached.source_key == source_key


def stamp_proves_unchanged(cached: CachedProfile | None, stamp: datetime | None, stamp_utc: datetime | None) -> bool:
    """Whether the candidate's last-updated `stamp` (as read now; `stamp_utc` the same as a true UTC instant, None
    while the tenant's offset is unknown) proves their record unchanged since `cached` was confirmed."""
    if cached is None or stamp is None or cached.candidate_stamp != stamp or cached.confirmed_at is None:
        return False
    return stamp_settled(cached.confirmed_at, stamp, stamp_utc)


def refresh_profile(
    record: CandidateRecord,
    cached: CachedProfile | None,
    *,
    tracker: TrackerSource,
    engine: Engine,
    profiles: ProfileCache,
    clock: Callable[[], datetime],
) -> tuple[CachedProfile, bool]:
    """The candidate's profile from their primary resume (else the record's fields), cached; re-fetched and
    re-embedded only when the source changed. True when it was built anew. Shared by the scorer and the backfill, so
    neither re-fetches or re-embeds what the other cached.

    A document the engine cannot read (damaged, encrypted, or refused by its sandbox's limits) is not an error of
    the message: the profile keeps the reason (`read_error`, also on a profile built from the fields instead), and
    the scorer tells the recruiter once per document version (`Scorer._tell_unreadable`)."""
    profile, _, built = profile_for(
        record.candidate_id, cached, record=record, tracker=tracker, engine=engine, profiles=profiles, clock=clock
    )
    return profile, built


def profile_for(
    candidate_id: int,
    cached: CachedProfile | None,
    *,
    record: CandidateRecord | None,
    tracker: TrackerSource,
    engine: Engine,
    profiles: ProfileCache,
    clock: Callable[[], datetime],
    known_name: str | None = None,
) -> tuple[CachedProfile, CandidateRecord | None, bool]:
    """`refresh_profile`, reading the candidate record only when it is needed: with `record` None, the document list
    is read first and the record only when there is no resume document or the file cannot be read (the record's
    fields are the resume then; `known_name` is the name another read carried). Returns the profile, the record if
    one was read, and whether it was built anew."""
    document = tracker.primary_resume(candidate_id)
    if document is None and record is None:
        record = tracker.candidate(candidate_id)
    source_key = (
        document.cache_key
        if document is not None
        else f"fields#{sha256_hex(record.fields_text if record is not None else '')}"
    )
    if cached is not None and same_source(cached, document, source_key):
        if record is None:
            # Nothing read but the document list: what the cache knows of the record still stands.
            size = (document.size if document is not None else None) or cached.document_size
            if size != cached.document_size:
                cached = replace(cached, document_size=size)
                profiles.put_profile(cached)
            return cached, None, False
        confirmed = CachedProfile(
            candidate_id=candidate_id,
            profile=cached.profile,
            source_key=source_key,
            candidate_stamp=record.last_updated,
            document_stamp=cached.document_stamp,
            tags=tuple(record.tags),
            document_size=(document.size if document is not None else None) or cached.document_size,
            confirmed_at=clock(),
            display_name=record.display_name or cached.display_name,
        )
        profiles.put_profile(confirmed)
        return confirmed, record, False
    profile: CandidateProfile | None = None
    if document is not None:
        try:
            content = tracker.download(candidate_id, document)
        except (TrackerNotFound, TrackerRejected) as exc:
            # The file cannot be had (no route serves it, gone, too large): the record's own fields are the resume
            # then (the receipt says so), counted so an operator sees it happening.
            logger.warning("resume document of %s unavailable (%s); using the record fields", candidate_id, exc)
            metrics.count("DocumentDownloadFallback")
        else:
            profile = engine.build_profile(
                str(candidate_id),
                ResumeInput.from_document(content.content, content.filename, content.content_type),
            )
            if profile.read_error:
                logger.warning("resume document of %s unreadable: %s", candidate_id, profile.read_error)
                metrics.count("DocumentUnreadable")
                if record is None:
                    record = tracker.candidate(candidate_id)  # its fields may stand in for the file
                if record.fields_text.strip():
                    read_error = profile.read_error
                    # unreadable file: fall back to the fields rather than judge nothing (keeping why)
                    profile = engine.build_profile(
                        str(candidate_id), ResumeInput.from_text(record.fields_text, source="record_fields")
                    )
                    profile.read_error = read_error
            elif profile.truncated:
                logger.info("resume document of %s read in part: %s", candidate_id, profile.truncated)
    if profile is None:
        if record is None:
            record = tracker.candidate(candidate_id)
        profile = engine.build_profile(
            str(candidate_id), ResumeInput.from_text(record.fields_text, source="record_fields")
        )
    fresh = CachedProfile(
        candidate_id=candidate_id,
        profile=profile,
        source_key=source_key,
        # Without a record read the stamp the cache had stays (None for someone new): it is what the next
        # candidate read is compared with, and a score's content_version is then set by the document and job.
        candidate_stamp=record.last_updated if record is not None else (cached.candidate_stamp if cached else None),
        document_stamp=document.created if document is not None else None,
        tags=tuple(record.tags) if record is not None else (tuple(cached.tags) if cached else ()),
        document_size=document.size if document is not None else None,
        confirmed_at=clock() if record is not None else (cached.confirmed_at if cached else None),
        display_name=(record.display_name if record is not None else known_name)
        or (cached.display_name if cached else None),
    )
    profiles.put_profile(fresh)
    return fresh, record, True
