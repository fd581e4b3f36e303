import statistics

import pytest

from skima.engine import CandidateProfile, Engine, PreparedJob, ResumeInput
from skima.engine.matching import MAX_REASON_CHARS, effective_weights
from skima.engine.requirements import PREFERRED_WEIGHT
from skima.engine.signals import BLEND_WEIGHTS, CALIBRATION_KNOTS, blend, calibrate

from .conftest import JOB, STRONG, UNRELATED, HashingEmbedder, near_miss


def test_strong_candidate_meets_every_requirement_and_is_explained(engine: Engine) -> None:
    result = engine.score_text(JOB, STRONG)
    assert result.status == "scored"
    skills = {r.label: r for r in result.requirements if r.kind == "skill"}
    assert skills["Kubernetes"].verdict == "met" and skills["Kubernetes"].exact
    assert "k8s" in (skills["Kubernetes"].evidence or "")
    assert result.gaps == []
    assert 3 <= len(result.reasons) <= 5
    assert all(len(reason) <= MAX_REASON_CHARS for reason in result.reasons)
    assert result.reasons[0].startswith("Role:")
    assert any("yrs" in r and "2015-2024" in r for r in result.reasons)


def test_near_miss_names_what_is_missing_and_scores_lower(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    strong = engine.match(job, engine.build_profile("s", STRONG))
    near = engine.match(job, engine.build_profile("n", near_miss()))
    assert near.score is not None and strong.score is not None and near.score < strong.score
    assert "not found in resume: Kubernetes" in near.gaps
    assert "not found in resume: Kafka" in near.gaps
    assert any(g.startswith("not found in resume: 5+ years") for g in near.gaps)
    assert any(r.startswith("not found in resume:") for r in near.reasons)
    assert all("lacks" not in g for g in near.gaps)


def test_unrelated_resume_scores_low(engine: Engine) -> None:
    result = engine.score_text(JOB, UNRELATED)
    assert result.score is not None and result.score <= 30


def test_thin_or_unreadable_resume_is_insufficient_evidence(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    thin = engine.match(job, engine.build_profile("t", "Java developer, Spring"))
    assert thin.status == "insufficient_evidence" and thin.score is None
    corrupt = engine.match(job, engine.build_profile("c", ResumeInput.from_document(b"%PDF-1.4 junk", "cv.pdf")))
    assert corrupt.status == "insufficient_evidence" and corrupt.score is None
    assert "PDF" in corrupt.reasons[0]


def test_same_inputs_give_same_score_and_reasons(fake_embedder: HashingEmbedder) -> None:
    first = Engine(fake_embedder).score_text(JOB, STRONG)
    second = Engine(HashingEmbedder()).score_text(JOB, STRONG)
    assert first.model_dump(exclude={"receipt"}) == second.model_dump(exclude={"receipt"})
    assert first.receipt.profile_sha256 == second.receipt.profile_sha256


def test_profile_and_job_round_trip_through_bytes_without_re_embedding(
    engine: Engine, fake_embedder: HashingEmbedder
) -> None:
    job = engine.prepare_job("j", JOB)
    profile = engine.build_profile("s", STRONG)
    calls = fake_embedder.calls
    blob = profile.to_bytes()
    assert len(blob) < 100_000
    restored_profile = CandidateProfile.from_bytes(blob)
    restored_job = PreparedJob.from_bytes(job.to_bytes())
    assert engine.match(restored_job, restored_profile) == engine.match(job, profile)
    assert fake_embedder.calls == calls  # matching never embeds
    assert restored_profile.doc_array().shape == (384,)
    assert restored_job.query_array().shape == (384,)


def test_receipt_has_what_is_needed_to_rederive_the_score(engine: Engine) -> None:
    result = engine.score_text(JOB, STRONG)
    receipt = result.receipt
    assert receipt.model_id == "fake/hashing-bow"
    assert receipt.resume_source == "text"
    assert len(receipt.job_text_sha256) == 64 and len(receipt.profile_sha256) == 64
    assert abs(sum(receipt.weights.values()) - 1.0) < 1e-3
    assert set(receipt.signals) == set(BLEND_WEIGHTS) == set(receipt.blend_weights)
    assert receipt.blended is not None
    assert blend(receipt.raw_score, receipt.signals, receipt.blend_weights) == pytest.approx(receipt.blended, abs=1e-3)
    assert calibrate(receipt.blended) == result.score
    assert {float(value): score for value, score in receipt.calibration.items()} == dict(CALIBRATION_KNOTS)


def test_calibration_is_monotonic_and_clipped() -> None:
    values = [i / 100 for i in range(-50, 300)]
    scores = [calibrate(v) for v in values]
    assert scores == sorted(scores)
    assert scores[0] == 0 and scores[-1] == 100
    assert calibrate(0.0) == 0 and calibrate(CALIBRATION_KNOTS[-1][0] + 1) == 100
    assert all(0 <= s <= 100 for s in scores)


def test_weights_share_the_score_by_kind(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    weights = effective_weights(job.requirements)
    assert abs(sum(weights.values()) - 1.0) < 1e-9
    terraform = next(r for r in job.requirements if r.label == "Terraform")
    kafka = next(r for r in job.requirements if r.label == "Kafka")
    assert weights[terraform.id] == pytest.approx(weights[kafka.id] * PREFERRED_WEIGHT)  # preferred counts less
    assert PREFERRED_WEIGHT < 1


def test_more_missing_skills_never_raise_the_score(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    text = STRONG
    scores = []
    for removal in (" and Spring Boot", " on Kubernetes (k8s)", "; event streaming with Kafka"):
        text = text.replace(removal, "")
        result = engine.match(job, engine.build_profile("x", text))
        assert result.score is not None
        scores.append(result.score)
    assert scores == sorted(scores, reverse=True)
    assert statistics.pstdev(scores) > 0


WEB_JOB = """Front-End Developer

Requirements:
- 3+ years of front-end development
- Experience with HTML and CSS
- React
"""

WEB_RESUME_HEAD = """Front-End Developer
Summary: Front-End Developer building web apps for retail customers, shipping features every sprint.
Experience
Front-End Developer, Acme (2019 - 2024)
- Built React components for the checkout and account pages
"""


def test_an_and_requirement_missing_whole_is_named_as_the_posting_wrote_it(engine: Engine) -> None:
    result = engine.score_text(WEB_JOB, WEB_RESUME_HEAD)
    assert "not found in resume: HTML and CSS" in result.gaps
    assert not any(gap.endswith(": HTML") or gap.endswith(": CSS") for gap in result.gaps)


def test_an_and_requirement_half_met_names_only_the_missing_half(engine: Engine) -> None:
    result = engine.score_text(WEB_JOB, WEB_RESUME_HEAD + "- Wrote semantic HTML for every page\n")
    assert "not found in resume: CSS" in result.gaps
    assert not any("HTML" in gap for gap in result.gaps)


CAREER_JOB = """Python Developer

Requirements:
- 5+ years of professional software development
- Python
"""
PYTHON_CAREER = """Python Developer
Experience
Python Developer, Brightwave Software, Jan 2017 - Present
- Built Python services and REST APIs with Django
"""
RECRUITER_CAREER = """Technical Recruiter
Experience
Technical Recruiter, Hirewell Partners, Jan 2015 - Present
- Ran full-cycle recruiting for engineering teams, sourcing on LinkedIn and closing offers
"""


def test_years_asked_without_a_skill_count_only_a_career_in_the_jobs_occupation(engine: Engine) -> None:
    # '5+ years of professional software development' names no skill term: a developer's career is the evidence,
    # a recruiter's eleven years are not eleven years of software development.
    developer = engine.score_text(CAREER_JOB, PYTHON_CAREER)
    recruiter = engine.score_text(CAREER_JOB, RECRUITER_CAREER)
    (dev_years,) = [r for r in developer.requirements if r.kind == "experience"]
    (rec_years,) = [r for r in recruiter.requirements if r.kind == "experience"]
    assert dev_years.verdict == "met" and (dev_years.years_found or 0) >= 5
    assert any(" yrs related experience (" in reason for reason in developer.reasons)
    assert rec_years.verdict == "missing" and not rec_years.years_found
    assert not any(" yrs " in reason for reason in recruiter.reasons)
    assert "not found in resume: 5+ years of professional software development" in recruiter.gaps


def _years(engine: Engine, job: str, resume: str) -> tuple[str, float | None]:
    (years,) = [r for r in engine.score_text(job, resume).requirements if r.kind == "experience"]
    return years.verdict, years.years_found


def test_years_count_roles_whose_title_names_the_skill_in_another_form(engine: Engine) -> None:
    job = "Staff Accountant\n\nRequirements:\n- 2+ years in general ledger accounting\n- Excel\n"
    resume = (
        "Staff Accountant\nExperience\nStaff Accountant, Lakeshore Foods, Jan 2021 - Present\n"
        "- Own month-end close and journal entries for two entities\n"
        "Accounting Associate, Parkside CPA Group, 2019 - 2020\n- Reconciled bank statements\n"
    )
    verdict, years = _years(engine, job, resume)
    assert verdict == "met" and years is not None and years >= 5


def test_years_stated_in_words_count_for_the_skills_other_forms(engine: Engine) -> None:
    job = "Talent Acquisition Partner\n\nRequirements:\n- 3+ years of full-cycle recruiting\n- Sourcing\n"
    resume = (
        "Technical Recruiter\nSummary\n6 years of full-cycle recruiting, 4 in software engineering hiring.\n"
        "Sourcing on LinkedIn and closing offers for startups and agencies\n"
    )
    verdict, years = _years(engine, job, resume)
    assert verdict == "met" and years == 6


def test_years_as_the_postings_own_title_count_roles_held_under_it(engine: Engine) -> None:
    job = "Data Analyst\n\nRequirements:\n- 3+ years as a data or business analyst\n- SQL\n"
    resume = (
        "Data Analyst\nExperience\nSenior Data Analyst, Northwind Retail, Mar 2020 - Present\n"
        "- Built dashboards on sales and stock, wrote SQL for weekly reviews\n"
    )
    verdict, years = _years(engine, job, resume)
    assert verdict == "met" and years is not None and years >= 5


def test_years_asked_without_a_skill_count_only_roles_of_the_jobs_occupation(engine: Engine) -> None:
    job = "CDL-A Truck Driver\n\nRequirements:\n- 3+ years of driving experience\n- Class A CDL\n"
    resume = (
        "Truck Driver\nExperience\nStudent Driver, Redline Freight, Mar 2025 - Present\n"
        "- Team driving with a trainer, dry van, ELD logs\n"
        "Warehouse Associate, Northpoint Logistics, Jan 2015 - Feb 2025\n- Picked and packed orders, forklift\n"
        "Licenses: Class A CDL\n"
    )
    (years,) = [r for r in engine.score_text(job, resume).requirements if r.kind == "experience"]
    assert years.years_found is not None and 0 < years.years_found < 3  # the ten warehouse years do not count
    assert years.verdict != "met"


def test_a_guessed_title_carries_less_of_the_score_but_never_none(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    sure = effective_weights(job.requirements)
    guessed_reqs = [r.model_copy(update={"confidence": 0.4}) if r.kind == "role" else r for r in job.requirements]
    guessed = effective_weights(guessed_reqs)
    role = next(r.id for r in job.requirements if r.kind == "role")
    assert 0 < guessed[role] < sure[role]
    assert sum(guessed.values()) == pytest.approx(1.0)
    only_role = [r for r in guessed_reqs if r.kind == "role"]
    assert effective_weights(only_role)[role] == pytest.approx(1.0)
