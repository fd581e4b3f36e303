"""A list of peers ending in 'or' is one choice ('AWS, Azure or GCP'); a list of different kinds keeps its head
items apart ('Python, SQL or R'). Every posting and resume here is invented."""

import pytest

from skima.engine import Engine, Requirement
from skima.engine.lexicon import PEERS, canonical, peer_group
from skima.engine.requirements import extract_requirements


def _skills(line: str) -> dict[str, Requirement]:
    _, requirements = extract_requirements(f"Platform Engineer\n\nRequirements:\n{line}\n- Linux\n")
    return {r.label: r for r in requirements if r.kind in ("skill", "certification")}


@pytest.mark.parametrize(
    ("line", "choice", "apart"),
    [
        ("- Experience with AWS, Azure or GCP", "AWS, Azure or GCP", set()),
        ("- Hosting on AWS, Azure, or GCP", "AWS, Azure or GCP", set()),
        ("- Docker, AWS, Azure or GCP", "AWS, Azure or GCP", {"Docker"}),
        ("- Run MySQL, MongoDB or PostgreSQL in production", "MySQL, MongoDB or PostgreSQL", set()),
        ("- Build APIs with Django 4, Flask or FastAPI", "Django, Flask or FastAPI", set()),
        ("- Browser tests with Cypress, Selenium or Playwright", "Cypress, Selenium or Playwright", set()),
    ],
)
def test_peers_listed_before_a_final_or_are_one_choice(line: str, choice: str, apart: set[str]) -> None:
    skills = _skills(line)
    assert choice in skills and skills[choice].required
    assert set(skills) == {choice, "Linux"} | apart


@pytest.mark.parametrize(
    ("line", "alone", "choice"),
    [
        ("- Python, SQL or R", "Python", "SQL or R"),  # a language, then a query language or a statistics one
        ("- Java, Python or SQL", "Java", "Python or SQL"),
        ("- Scala, Java or Python", "Scala", "Java or Python"),  # languages: the stack's own leads the list
        ("- Terraform, AWS or Azure", "Terraform", "AWS or Azure"),  # a tool is no peer of the clouds
    ],
)
def test_a_list_of_different_kinds_keeps_its_head_item_required(line: str, alone: str, choice: str) -> None:
    skills = _skills(line)
    assert alone in skills and skills[alone].required
    assert choice in skills


def test_office_programs_ending_in_or_similar_stay_each_asked_for() -> None:
    skills = _skills("- Excel, Word and Outlook or similar")
    assert "Excel" in skills and not any(" or " in label for label in skills)


def test_every_peer_is_a_lexicon_name_and_of_one_kind_only() -> None:
    members = [m for group in PEERS.values() for m in group]
    assert all(canonical(m) == m for m in members), [m for m in members if canonical(m) != m]
    assert len(members) == len(set(members))
    assert peer_group("Google Cloud") == "cloud platform" and peer_group("SQL") is None


def test_a_three_cloud_choice_is_met_by_the_one_cloud_a_resume_names(engine: Engine) -> None:
    job = "Cloud Engineer\n\nRequirements:\n- Experience with AWS, Azure or GCP\n- Terraform\n"
    resume = (
        "Sam Ortiz\nCloud Engineer\nExperience\nCloud Engineer, Brightline, 2020 - Present\n"
        "- Ran workloads on Azure with Terraform\n"
    )
    result = engine.score_text(job, resume)
    (cloud,) = [r for r in result.requirements if r.label == "AWS, Azure or GCP"]
    assert cloud.verdict == "met"
    assert not any("AWS" in gap for gap in result.gaps)
