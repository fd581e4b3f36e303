"""Tool lists as IT and office postings write them: choices ending in 'or', slashes, versions, punctuation in tool
names ('.NET', 'C#', 'CI/CD') and one-word tool names. Every posting and resume here is invented."""

import pytest

from skima.engine import Engine, Requirement
from skima.engine.requirements import extract_requirements


def _skills(job: str) -> dict[str, Requirement]:
    _, requirements = extract_requirements(job)
    return {r.label: r for r in requirements if r.kind in ("skill", "certification")}


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("- Experience with Azure or GCP", "Azure or GCP"),
        ("* Java 8+ or Kotlin", "Java or Kotlin"),
        ("Hands-on experience with GitHub Actions or Azure DevOps", "GitHub Actions or Azure DevOps"),
        ("- Python 3.x/Go", "Python or Go"),
    ],
)
def test_tools_joined_by_or_are_one_choice_whatever_version_follows_the_first(line: str, label: str) -> None:
    skills = _skills(f"Platform Engineer\n\nRequirements:\n{line}\n- Linux\n")
    assert label in skills
    # neither tool of the choice is asked for on its own besides
    assert not set(label.split(" or ")) & set(skills)


def test_a_cloud_choice_is_met_by_the_one_cloud_a_resume_names(engine: Engine) -> None:
    job = "Cloud Engineer\n\nRequirements:\n- Experience with Azure or GCP\n- Terraform\n"
    resume = (
        "Sam Ortiz\nCloud Engineer\nExperience\nCloud Engineer, Brightline, 2020 - Present\n- Ran GCP and Terraform\n"
    )
    result = engine.score_text(job, resume)
    (cloud,) = [r for r in result.requirements if r.label == "Azure or GCP"]
    assert cloud.verdict == "met"
    assert not any("Azure" in gap for gap in result.gaps)


@pytest.mark.parametrize(
    "line",
    [
        "- Familiarity with Docker/Kubernetes",
        "- Docker / Kubernetes",
        "Container tooling: Docker/Kubernetes",
    ],
)
def test_slash_joined_tools_are_the_tools_not_one_label_that_no_resume_can_hold(line: str) -> None:
    skills = _skills(f"DevOps Engineer\n\nRequirements:\n{line}\n")
    assert "Docker or Kubernetes" in skills
    assert not any("docker kubernete" in r.terms for r in skills.values())


def test_tool_names_keep_their_punctuation() -> None:
    skills = _skills(
        "Software Engineer\n\nRequirements:\n"
        "- 5+ years with C#, .NET Core and ASP.NET MVC\n"
        "- CI/CD pipelines and Node.js/Express\n"
    )
    assert {"C#", ".NET", "CI/CD", "Node.js or Express"} <= set(skills)
    assert "NET" not in skills  # the dot is part of the name
    assert "dotnet core" in skills[".NET"].terms
    assert "ci cd" in skills["CI/CD"].terms


def test_a_named_ci_service_and_infrastructure_as_code_tools_are_evidence(engine: Engine) -> None:
    job = "DevOps Engineer\n\nRequirements:\n- Azure DevOps\n- Infrastructure as code\n- Kubernetes\n"
    resume = (
        "Lee Park\nDevOps Engineer\nExperience\nDevOps Engineer, Hollis Bank, 2019 - Present\n"
        "- Built release pipelines in Azure DevOps; provisioned clusters with Terraform\n"
    )
    verdicts = {r.label: r.verdict for r in engine.score_text(job, resume).requirements}
    assert verdicts["Azure DevOps"] == "met"
    assert verdicts["Infrastructure as code"] in ("met", "partial")
    assert verdicts["Kubernetes"] == "missing"


OFFICE_JOB = "Administrative Assistant\n\nRequirements:\n- Office\n- Diary management\n"
OFFICE_JOB_SENTENCE = "Office Administrator\n\nQualifications:\n* Proficient in Office\n* Filing\n"
RESUME_HEAD = (
    "Dana Reyes\nAdministrative Assistant\nExperience\n"
    "Administrative Assistant, Field Office of Harlow County, 2019 - Present\n"
    "- Greeted visitors at the front office and kept the director's diary\n"
)


@pytest.mark.parametrize("job", [OFFICE_JOB, OFFICE_JOB_SENTENCE])
def test_office_is_the_office_suite_not_the_word_office_in_a_resume(engine: Engine, job: str) -> None:
    (office,) = [r for r in engine.score_text(job, RESUME_HEAD).requirements if r.label == "MS Office"]
    assert office.verdict == "missing"
    for evidence in ("- Drafted letters in Microsoft Word and kept budgets in Excel\n", "- Microsoft Office\n"):
        (office,) = [r for r in engine.score_text(job, RESUME_HEAD + evidence).requirements if r.label == "MS Office"]
        assert office.verdict in ("met", "partial")


@pytest.mark.parametrize(
    ("job", "not_asked"),
    [
        ("Product Engineer\n\nRequirements:\n- Experience in R&D\n- SolidWorks\n", "R"),
        ("Chief of Staff\n\nRequirements:\n- Reporting to C-suite executives\n- Excel\n", "C"),
    ],
)
def test_a_one_letter_language_inside_a_written_word_is_not_asked_for(job: str, not_asked: str) -> None:
    _, requirements = extract_requirements(job)
    assert not any(r.terms[:1] == [not_asked.lower()] for r in requirements)


def test_one_letter_languages_written_as_names_are_still_asked_for() -> None:
    skills = _skills("Data Analyst\n\nRequirements:\n- Python, R or SQL\n- C/C++\n")
    assert "R or SQL" in skills and "r" in skills["R or SQL"].terms
    assert "C or C++" in skills
