"""When a cached profile (or prepared job) still stands: the rules the scorer, rediscovery and the backfill share, so
none of them re-fetches or re-embeds what another cached, and none trusts what another would not.

- Current: built by this engine version and embedding model. A profile from another one is rebuilt when its
  candidate is next read (rediscovery and the backfill pass it over until then).
- Same source: the same resume document (id and upload time, and size when both are known) or the same record
  fields (their hash).
- Unchanged record: an equal last-updated stamp proves it only when our read came well after that stamp's second
  (`skima.stamps`): a save in the same second as our read keeps the stamp.
"""

from __future__ import annotations

from datetime import datetime

from skima.engine import ENGINE_VERSION, CandidateProfile
from skima.pipeline.ports import CachedJob, CachedProfile, ResumeDocument
from skima.stamps import stamp_settled


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
