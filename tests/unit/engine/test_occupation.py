"""The role carries most of the score: titles are read cleanly from resumes and jobs, and a resume about the
job's occupation ranks above one that only shares skills with it."""

from __future__ import annotations

import itertools

import pytest

from skima.adapters.onnx_embedder import plan_batches
from skima.engine import Engine, MatchResult
from skima.engine.masking import mask_protected
from skima.engine.requirements import extract_requirements
from skima.engine.resume import role_phrases, title_phrase
from skima.engine.text import clean_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Worked as Junior Advocate in Everest Technologies from 2015.", "Junior Advocate"),
        ("Having 8 years of experience as Operations Manager.", "Operations Manager"),
        ("Web Designer Cybage Industries, Pune", "Web Designer"),
        ("Senior QA Engineer - Quantum Infotech", "Senior QA Engineer"),
        ("Managed a team of five", ""),
    ],
)
def test_title_phrase_keeps_the_title_and_drops_employer_and_lead_in(text: str, expected: str) -> None:
    assert title_phrase(text) == expected


def test_role_phrases_in_prose_need_capitalised_titles() -> None:
    prose = "I am a dedicated and hard working professional. Worked as Django Developer in Sigma Solutions."
    assert role_phrases(prose) == ["Django Developer"]


@pytest.mark.parametrize(
    ("job", "title", "query"),
    [
        (
            "SOFTWARE ENGINEER - PYTHON/DJANGO - PUNE\n\nBuild APIs.",
            "Software Engineer",  # an ALL-CAPS title is displayed in title case
            "Software Engineer (Python/Django)",
        ),
        (
            "Position: Backend Software Engineer (JVM)\nLocation: Pune",
            "Backend Software Engineer",
            "Backend Software Engineer (JVM)",
        ),
        ("Data Analyst - London\n\nWrite SQL reports.", "Data Analyst", "Data Analyst"),
    ],
)
def test_role_query_keeps_qualifiers_but_not_the_place(job: str, title: str, query: str) -> None:
    found_title, requirements = extract_requirements(job)
    assert found_title == title
    role = next(r for r in requirements if r.kind == "role")
    assert role.query == query


def test_employer_blurb_is_not_a_requirement() -> None:
    _, requirements = extract_requirements(
        "Data Engineer\n\nGlobex Inc. builds products used by millions of customers. Build batch pipelines in "
        "Spark. Monitor data freshness and quality for the analytics team every single day."
    )
    texts = " ".join(r.query for r in requirements)
    assert "Globex" not in texts
    assert "Spark" in texts


def test_years_requirement_is_labelled_in_the_jobs_own_words() -> None:
    _, requirements = extract_requirements(
        "Backend Developer\n\nRequirements:\n- 5+ years of professional software development, ideally Python\n"
    )
    experience = next(r for r in requirements if r.kind == "experience")
    assert experience.label == "5+ years of professional software development"
    assert experience.min_years == 5.0


def test_same_occupation_outranks_shared_skills(engine: Engine) -> None:
    job = engine.prepare_job(
        "j",
        "Java Developer\n\nRequirements:\n- Java and Spring Boot\n- SQL\n\nResponsibilities:\n"
        "- Build Java services for the order platform\n",
    )
    java = engine.build_profile(
        "java",
        "Java Developer\nSkills: Java, Spring Boot, Hibernate\nExperience\n"
        "Java Developer, Acme (2019 - 2024)\n- Built Java services for the order platform with Spring Boot",
    )
    tester = engine.build_profile(
        "tester",
        "QA Tester\nSkills: Selenium, SQL, Java\nExperience\n"
        "Software Tester, Beta (2019 - 2024)\n- Wrote manual test cases and logged defects in JIRA",
    )
    java_score = engine.match(job, java).score
    tester_score = engine.match(job, tester).score
    assert java_score is not None and tester_score is not None
    assert java_score > tester_score


def test_match_result_is_a_normal_model(engine: Engine) -> None:
    """Results are built without validation for speed; they must still serialise and validate like any model."""
    from .conftest import JOB, STRONG  # noqa: PLC0415

    result = engine.score_text(JOB, STRONG)
    again = MatchResult.model_validate_json(result.model_dump_json())
    assert again == result
    assert again.requirements[0].kind == "role"


def test_name_at_the_start_of_a_paste_is_masked() -> None:
    masked = mask_protected(clean_text("Priya Kulkarni Skill Details Python- Exprience - 24 months Priya led QA."))
    assert "Priya" not in masked and "Kulkarni" not in masked
    kept = mask_protected(clean_text("Web Designing Skill Details HTML, CSS; built web pages"))
    assert kept.startswith("Web Designing")


def test_batches_cover_all_texts_in_order_and_cut_padding() -> None:
    lengths = [5, 5, 6, 6, 7, 8, 40, 64]
    batches = plan_batches(lengths, max_batch=64)
    assert batches[0][0] == 0 and batches[-1][1] == len(lengths)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(batches))
    padded = sum((stop - start) * lengths[stop - 1] for start, stop in batches)
    assert padded < len(lengths) * max(lengths)  # fewer padded tokens than one batch
    assert all(stop - start <= 2 for start, stop in plan_batches(lengths, max_batch=2))


def test_boilerplate_does_not_move_the_occupation_vector(engine: Engine) -> None:
    """A declaration or a list of soft skills says nothing about the occupation: the resume's centroid ignores it."""
    import numpy as np  # noqa: PLC0415

    resume = (
        "Java Developer\nSkills: Java, Spring Boot, Hibernate\nExperience\n"
        "Java Developer, Acme (2019 - 2024)\n- Built Java services for the order platform with Spring Boot"
    )
    padded = resume + "\nDeclaration\nI hereby declare that the information is true to my knowledge"
    plain_vector = engine.build_profile("a", resume).doc_array()
    padded_profile = engine.build_profile("b", padded)
    assert any("hereby declare" in span.text for span in padded_profile.spans)
    assert np.allclose(plain_vector, padded_profile.doc_array(), atol=2e-3)


def test_gaps_name_requirements_in_the_jobs_words() -> None:
    _, requirements = extract_requirements(
        "Store Manager\n\nRequirements:\n- Proven team leadership\n- Valid driver's license\n"
        "- Solid background in cash handling\n"
    )
    labels = {r.label for r in requirements}
    assert {"team leadership", "Valid driver's license", "cash handling"} <= labels
