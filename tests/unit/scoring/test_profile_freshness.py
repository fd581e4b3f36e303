"""The profile-freshness rules (`skima.scoring.profiles`) the scorer, rediscovery and the backfill share, and the
note keys derived from `skima.digests` (a changed key would write every note again)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta

from skima.digests import sha256_hex
from skima.engine import ENGINE_VERSION, ResumeInput
from skima.score_note import note_idempotency_key
from skima.scoring.ports import CachedJob, CachedProfile, ResumeDocument
from skima.scoring.profiles import (
    current_profile,
    job_is_current,
    profile_is_current,
    same_source,
    stamp_proves_unchanged,
)
from skima.shortlist.notes import feedback_note_key
from tests.fakes import T0
from tests.unit.scoring.world import STRONG_RESUME, make_world

STAMP = T0 - timedelta(days=1)


def cached_profile(**changes: object) -> CachedProfile:
    profile = make_world().engine.build_profile("7", ResumeInput.from_text(STRONG_RESUME))
    fields: dict[str, object] = {
        "candidate_id": 7,
        "profile": profile,
        "source_key": "doc#81#2026-11-27T09:00:00+00:00",
        "candidate_stamp": STAMP,
        "document_size": 100,
        "confirmed_at": T0,
    }
    fields.update(changes)
    return CachedProfile(**fields)  # type: ignore[arg-type]


def test_an_equal_stamp_proves_unchanged_only_when_our_read_came_well_after_it() -> None:
    cached = cached_profile()
    assert stamp_proves_unchanged(cached, STAMP, STAMP)
    assert not stamp_proves_unchanged(cached, STAMP + timedelta(seconds=1), STAMP + timedelta(seconds=1))
    assert not stamp_proves_unchanged(cached_profile(confirmed_at=STAMP + timedelta(seconds=1)), STAMP, STAMP)
    assert not stamp_proves_unchanged(cached_profile(confirmed_at=None), STAMP, STAMP)
    assert not stamp_proves_unchanged(None, STAMP, STAMP)
    assert not stamp_proves_unchanged(cached, None, None)
    # The tenant's zone unknown: a day-old stamp is older than any zone spread; a 10-hour-old one is not.
    assert stamp_proves_unchanged(cached, STAMP, None)
    recent = T0 - timedelta(hours=10)
    assert not stamp_proves_unchanged(cached_profile(candidate_stamp=recent), recent, None)


def test_a_profile_or_job_from_another_engine_or_model_is_not_current() -> None:
    cached = cached_profile()
    model_id = cached.profile.model_id
    assert profile_is_current(cached.profile, model_id) and current_profile(cached, model_id) is cached
    assert current_profile(cached, "another/model") is None and current_profile(None, model_id) is None
    old = replace(cached, profile=cached.profile.model_copy(update={"engine_version": "0.0.1"}))
    assert current_profile(old, model_id) is None
    assert ENGINE_VERSION != "0.0.1"
    unmatchable = CachedJob(2001, "Engineer", "0" * 64, True, STAMP, None)
    assert job_is_current(unmatchable, "any/model")  # nothing to match stays so until the text changes


def test_the_same_source_is_the_same_document_or_the_same_fields() -> None:
    cached = cached_profile()
    document = ResumeDocument(81, "cv.pdf", "application/pdf", 100, STAMP)
    assert document.cache_key == cached.source_key
    assert same_source(cached, document, document.cache_key)
    assert same_source(cached, replace(document, size=None), document.cache_key)  # a size Tracker left empty
    assert not same_source(cached, replace(document, size=101), document.cache_key)
    assert not same_source(cached, replace(document, document_id=82), "doc#82#-")
    fields = cached_profile(source_key="fields#abc")
    assert same_source(fields, None, "fields#abc") and not same_source(fields, None, "fields#abd")


def test_note_keys_are_the_sha256_they_always_were() -> None:
    assert sha256_hex("é|x") == hashlib.sha256("é|x".encode()).hexdigest()
    assert note_idempotency_key(3100, 4200, "h") == f"sk3100-4200-{hashlib.sha256(b'3100|4200|h').hexdigest()[:16]}"
    assert feedback_note_key(42, 7, "v#1") == f"hm42-7-{hashlib.sha256(b'42|7|v#1').hexdigest()[:16]}"
