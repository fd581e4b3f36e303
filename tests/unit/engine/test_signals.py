"""Whole-document signals and the blended, calibrated score (engine/signals.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skima.engine import Engine
from skima.engine.models import CandidateProfile, PreparedJob
from skima.engine.signals import (
    HEAD_WORDS,
    MAX_TERMS,
    STOP_WORDS,
    blend,
    calibrate,
    head_text,
    lexical_similarity,
    lexical_vector,
    terms,
)

from .conftest import JOB, STRONG, UNRELATED


def test_terms_leave_out_stop_words_and_masked_placeholders() -> None:
    counted = terms("[name] [email] The Payroll Accountant prepared payroll for 300 staff; C++ and C# too.")
    assert counted["payroll"] == 2
    assert "the" not in counted and "name" not in counted and "email" not in counted
    assert "c++" in counted and "c#" in counted
    assert not STOP_WORDS & set(counted)


def test_lexical_vector_is_unit_length_sublinear_and_bounded() -> None:
    vector = lexical_vector("nurse nurse nurse nurse ward")
    assert sum(w * w for w in vector.values()) == pytest.approx(1.0, abs=1e-4)
    assert 1 < vector["nurse"] / vector["ward"] < 4  # 1 + ln 4, not 4: repetition counts, sublinearly
    many = lexical_vector(" ".join(f"term{i:04d}x" for i in range(MAX_TERMS * 2)))
    assert len(many) == MAX_TERMS
    assert lexical_vector("") == {} and lexical_vector("the and of") == {}


def test_lexical_similarity_is_symmetric_and_one_for_the_same_text() -> None:
    a = lexical_vector("Registered nurse, acute medical ward, IV therapy, patient care plans")
    b = lexical_vector("Line cook: grill, prep, food safety, inventory")
    assert lexical_similarity(a, a) == pytest.approx(1.0, abs=1e-3)
    assert lexical_similarity(a, b) == lexical_similarity(b, a) == 0.0


def test_head_text_is_the_first_words_without_placeholders() -> None:
    text = "[name]\n[email] [phone]\nStaff Accountant\n" + " ".join(f"word{i}" for i in range(500))
    head = head_text(text)
    assert head.startswith("Staff Accountant word0")
    assert len(head.split()) == HEAD_WORDS
    assert "[" not in head


@given(st.floats(min_value=-5, max_value=5, allow_nan=False), st.floats(min_value=-5, max_value=5, allow_nan=False))
def test_calibration_is_monotonic_and_bounded(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert 0 <= calibrate(low) <= calibrate(high) <= 100


def test_blend_adds_weighted_signals_to_the_requirement_score() -> None:
    assert blend(0.5, {"head": 0.4, "lexical": 0.2}, {"head": 0.5, "lexical": 1.0, "centroid": 0.3}) == pytest.approx(
        0.5 + 0.2 + 0.2
    )
    assert blend(0.7, {}, {"head": 0.5}) == 0.7


def test_profiles_and_jobs_carry_the_signals_and_survive_the_cache(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    profile = engine.build_profile("c", STRONG)
    assert job.lexical and profile.lexical and job.doc_vector and profile.head_vector
    restored_job = PreparedJob.from_bytes(job.to_bytes())
    restored_profile = CandidateProfile.from_bytes(profile.to_bytes())
    fresh, cached = engine.match(job, profile), engine.match(restored_job, restored_profile)
    assert fresh.score == cached.score and fresh.receipt == cached.receipt


def test_the_signals_rank_a_related_resume_above_an_unrelated_one(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    strong = engine.match(job, engine.build_profile("s", STRONG)).receipt.signals
    unrelated = engine.match(job, engine.build_profile("u", UNRELATED)).receipt.signals
    for name in ("head", "centroid", "lexical"):
        assert strong[name] > unrelated[name], name
