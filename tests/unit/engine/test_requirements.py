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


def test_initials_stand_for_spelled_out_names_only() -> None:
    """'Warehouse Control Interface' is evidenced by 'WCI'; 'Class A CDL' is not by 'CAC' (customer acquisition cost
    in a marketing resume): a letter grade or an acronym inside the name makes its initials mean something else."""
    for items in ("Warehouse Control Interface, Class A CDL", "Class A CDL; Fleet Routing Platform"):
        reqs = by_label(f"Job Title: Driver\nRequirements:\n- Skills: {items}")
        assert "cac" not in reqs["Class A CDL"].terms  # type: ignore[attr-defined]
    assert (
        "wci"
        in by_label("Job Title: Driver\nRequirements:\n- Skills: Warehouse Control Interface, Excel")[
            "Warehouse Control Interface"
        ].terms
    )  # type: ignore[attr-defined]


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


POSTING_WITH_HEADER_LIKE_TITLE = """TECHNICAL RECRUITER
Granite People Partners (Charlotte, NC)

Granite People Partners is a growing hospital network business.

Day to day you will:
• Source passive candidates

Must have:
• Solid background in ATS
• Experience with HTML and CSS
• Hands-on with door and window installation

Qualifications: B.S. Human Resources.
"""


def test_a_title_that_reads_like_a_header_does_not_turn_the_company_line_into_skills() -> None:
    labels = by_label(POSTING_WITH_HEADER_LIKE_TITLE)
    assert not any(word in label for label in labels for word in ("Granite", "Charlotte", "NC"))
    assert "ATS" in labels


def test_a_degree_is_matched_as_education_only() -> None:
    _, requirements = extract_requirements(POSTING_WITH_HEADER_LIKE_TITLE)
    degree = [r for r in requirements if "Human Resources" in r.label]
    assert [r.kind for r in degree] == ["education"]


def test_the_halves_of_an_and_phrase_keep_the_phrase() -> None:
    _, requirements = extract_requirements(POSTING_WITH_HEADER_LIKE_TITLE)
    joint = {r.label: r.joint_label for r in requirements if r.joint_label}
    assert set(joint.values()) >= {"HTML and CSS"}
    assert joint.get("HTML") == joint.get("CSS") == "HTML and CSS"
    # a responsibility with two clauses is not one joint skill
    assert not any(" and " in (r.joint_label or "") and len((r.joint_label or "").split()) > 5 for r in requirements)


def test_a_degree_lines_field_is_a_skill_of_its_own_name_not_a_second_degree() -> None:
    _, reqs = extract_requirements("Staff Accountant\n\nRequirements:\n- Bachelor's degree in accounting\n")
    labels = [(r.kind, r.label) for r in reqs]
    assert ("education", "Bachelor's degree in accounting") in labels
    assert ("skill", "Bachelor's degree in accounting") not in labels
    assert any(kind == "skill" and label.lower() == "accounting" for kind, label in labels)
