import pytest

from skima.engine.requirements import JobTextError, core_term, extract_requirements

from .conftest import JOB


def by_label(text: str) -> dict[str, object]:
    _, requirements = extract_requirements(text)
    return {r.label: r for r in requirements}


def test_title_skills_years_education_and_preferred_are_extracted() -> None:
    title, requirements = extract_requirements(JOB)
    assert title == "Senior Backend Engineer"
    kinds = {r.label: r for r in requirements}
    assert kinds["Senior Backend Engineer"].kind == "role"
    for skill in ("Spring Boot", "PostgreSQL", "Kafka", "Kubernetes"):
        assert kinds[skill].kind == "skill" and kinds[skill].required
    assert kinds["Java or Kotlin"].terms[:1] == ["java"] and "kotlin" in kinds["Java or Kotlin"].terms
    experience = next(r for r in requirements if r.kind == "experience")
    assert experience.min_years == 5.0 and "java" in experience.terms
    education = next(r for r in requirements if r.kind == "education")
    assert education.education_level == 2
    assert kinds["Terraform"].required is False
    assert any(r.kind == "responsibility" and "REST APIs" in r.label for r in requirements)
    # benefits are not requirements
    assert not any("lunch" in r.label.lower() for r in requirements)


def test_acronyms_and_aliases_map_to_known_terms() -> None:
    reqs = by_label("# DevOps Engineer\n## Requirements\n- K8s\n- Postgres\n- CI/CD pipelines")
    assert "kubernete" in reqs["K8s"].terms  # type: ignore[attr-defined]
    assert "postgresql" in reqs["Postgres"].terms  # type: ignore[attr-defined]


def test_lead_ins_and_markers_are_stripped_from_unknown_terms() -> None:
    assert core_term("Proven pediatric nursing experience") == "pediatric nursing"
    assert core_term("PALS certification (required)") == "PALS"
    reqs = by_label("Job Title: Nurse\nRequirements:\n- NICU experience\n- PALS certification (required)")
    assert reqs["NICU experience"].terms == ["nicu"]  # type: ignore[attr-defined]
    assert "pals" in reqs["PALS certification"].terms  # type: ignore[attr-defined]


def test_years_in_words_and_required_vs_preferred_marks() -> None:
    _, requirements = extract_requirements(
        "# Project Manager\n## Requirements\n- Six or more years of project management\n"
        "- PMP certification is a plus\n- Strong MS Project skills"
    )
    experience = next(r for r in requirements if r.kind == "experience")
    assert experience.min_years == 6.0
    pmp = next(r for r in requirements if r.label.startswith("PMP"))
    assert pmp.required is False
    assert not any(r.kind == "education" for r in requirements)  # "MS Project" is not a master's degree


def test_free_text_job_gets_title_and_skills() -> None:
    title, requirements = extract_requirements(
        "We are looking for a Python Developer to join our team. You will use Django, AWS and SQL daily."
    )
    assert title == "Python Developer"
    labels = {r.label for r in requirements}
    assert {"Django", "AWS", "SQL"} <= labels


def test_empty_job_is_rejected() -> None:
    with pytest.raises(JobTextError):
        extract_requirements("   ")
