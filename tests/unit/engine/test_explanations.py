"""Explanations read as a recruiter would write them: the role quoted from a title the resume holds, requirement
labels in the posting's own words for one thing, and no requirement both a reason and a gap."""

import re
from datetime import date

import pytest

from skima.engine import Engine
from skima.engine.matching import _years_figure
from skima.engine.requirements import extract_requirements
from skima.engine.resume import parse_resume

from .conftest import HashingEmbedder

TRUCKING_JOB = """Regional Truck Driver
Requirements:
- Class A CDL
- 2+ years of tractor-trailer driving
- ELD logs
"""

TRUCKER = """Dana Ortiz
Charlotte, NC
Licenses: Class A CDL, tanker endorsement.
Experience
Regional driver, Blue Ridge Freight, 2019 - present: dry van loads across four states; ELD logs every trip.
Local delivery driver, City Beverage, 2017 - 2019.
CDL training: Piedmont Community College, 2017.
"""

BOOKKEEPING_JOB = """Staff Accountant
Requirements:
- Month-end close
- QuickBooks
- Account reconciliations
"""

BOOKKEEPER = """Ben Hale
Grand Rapids, MI
Bookkeeper, 5 years, small businesses.
Hale Bookkeeping (self-employed, 2020 - present): QuickBooks Online bookkeeping for 15 clients, invoicing.
Front desk and billing, Riverside Dental (2017 - 2020).
Certificate in Bookkeeping, Grand Rapids Community College
"""

PAYROLL_JOB = """Payroll Clerk
Requirements:
- Payroll processing
- Excel
"""

NO_TITLE = """Kim Park
Ran weekly payroll for local shops, with invoicing and bookkeeping every month.
Payroll course, Lakeside Community College, 2019.
"""


def role_reason(engine: Engine, job: str, resume: str) -> str:
    result = engine.score_text(job, resume)
    return next(r for r in result.reasons if r.startswith("Role: "))


def test_the_role_is_quoted_from_a_title_held_with_its_years_not_from_a_training_line(engine: Engine) -> None:
    reason = role_reason(engine, TRUCKING_JOB, TRUCKER)
    assert re.fullmatch(r'Role: "[^"]*[Dd]river" \(20\d\d-now\)', reason), reason


def test_the_role_is_quoted_from_a_headline_not_from_an_employer_line(engine: Engine) -> None:
    reason = role_reason(engine, BOOKKEEPING_JOB, BOOKKEEPER)
    assert reason.startswith('Role: "Bookkeeper"'), reason
    assert "self-employed" not in reason


def test_without_a_title_the_role_is_never_quoted_from_a_course_or_school_line(engine: Engine) -> None:
    result = engine.score_text(PAYROLL_JOB, NO_TITLE)
    role = next(r for r in result.requirements if r.kind == "role")
    assert role.evidence is not None and role.evidence.startswith("Ran weekly payroll"), role.evidence


def labels(posting: str) -> dict[str, str]:
    _, requirements = extract_requirements(posting)
    return {r.label: r.kind for r in requirements}


def test_a_skill_named_in_a_years_line_is_labelled_by_its_name_alone() -> None:
    found = labels("DevOps Engineer\nRequirements:\n- 2+ years of Kubernetes\n- 3+ yrs. of Terraform\n")
    assert found.get("Kubernetes") == "skill" and found.get("Terraform") == "skill"
    assert found.get("2+ years of Kubernetes") == "experience"
    assert [label for label, kind in found.items() if kind != "experience" and re.search(r"\d\+? years", label)] == []


def test_a_role_held_in_a_years_line_is_not_a_skill_of_its_own() -> None:
    found = labels("Data Analyst\nRequirements:\n- 3+ years as a data or business analyst\n- SQL\n")
    assert found.get("3+ years as a data or business analyst") == "experience"
    assert "business analyst" not in found
    assert found.get("SQL") == "skill"
    # a skill beside the role held is still a skill of its own
    kept = labels("Backend Engineer\nRequirements:\n- 6+ years as a backend engineer using Django\n")
    assert kept.get("Django") == "skill"
    kept = labels("Backend Engineer\nRequirements:\n- 5+ years of experience with Java as well as Python\n")
    assert kept.get("Python") == "skill"


@pytest.mark.parametrize(
    "line",
    ["Active Ohio RN license (or compact license)", "Class A CDL (or Class B with tanker endorsement)"],
)
def test_an_alternative_in_brackets_is_not_a_requirement_of_its_own(line: str) -> None:
    found = labels(f"Registered Nurse\nRequirements:\n- {line}\n- Current BLS\n")
    assert [label for label in found if re.match(r"(?:or|and|nor)\b", label, re.I)] == []


def test_a_requirement_named_as_a_gap_is_not_also_a_reason(engine: Engine) -> None:
    job = "Chef\nRequirements:\n- Menu costing\n- Food safety\n"
    resume = (
        "Pat Lee\nChef, Acme Ltd (2018 - 2024)\nMenu price costing.\nFood safety checks daily for the kitchen team.\n"
    )
    result = engine.score_text(job, resume)
    assert "not found in resume: Menu costing" in result.gaps
    assert not [r for r in result.reasons if "Menu costing:" in r], result.reasons


def test_years_of_a_skill_are_not_claimed_from_the_title_and_the_skill_is_named_once(engine: Engine) -> None:
    job = "Software Developer\nRequirements:\n- 3+ years of commercial C# development\n- SQL\n"
    resume = (
        "Ann Roe\nSoftware Developer, Acme Ltd (2018 - 2024)\n"
        "Built sales reports in SQL and Java for the finance team every month.\n"
    )
    result = engine.score_text(job, resume)
    assert not [r for r in result.reasons if "C#" in r and not r.startswith("not found")], result.reasons
    assert [g for g in result.gaps if "C#" in g] == ["not found in resume: 3+ years of commercial C# development"]


def test_years_asked_without_a_skill_are_not_claimed_as_years_of_it(engine: Engine) -> None:
    job = "Registered Nurse\nRequirements:\n- 2+ years of critical care experience as an RN\n"
    resume = "Lee Park\nRegistered Nurse, City Hospital (2016 - 2024)\nPatient care on a surgical ward.\n"
    result = engine.score_text(job, resume)
    years = [r for r in result.reasons if re.match(r"\d+ yrs ", r)]
    assert years and all("critical care" not in r for r in years), result.reasons
    assert years[0].startswith("8 yrs related experience")


@pytest.mark.parametrize(
    ("first_lines", "headline"),
    [
        ("[name] Noida Senior Java Developer SKILLS", "Noida Senior Java Developer"),
        ("Synergy Associates\nData Analyst", "Data Analyst"),
        ("Juris Doctor\nCorporate Paralegal", "Corporate Paralegal"),
    ],
)
def test_the_headline_is_a_title_not_a_name_an_employer_or_a_degree(first_lines: str, headline: str) -> None:
    assert parse_resume(f"{first_lines}\nWorked on reports.\n", 2026.0).headline == headline


@pytest.mark.parametrize(
    ("years", "short", "shown"),
    [
        (8.0, True, "8"),
        (7.92, True, "7.9"),
        (7.999, True, "7.9"),
        (2.34, True, "2.3"),
        (0.5, True, "0.5"),
        (12.8, True, "12"),
        (9.93, False, "10"),
        (2.34, False, "2"),
        (0.5, False, "0.5"),
    ],
)
def test_a_years_figure_short_of_its_ask_is_never_rounded_up(years: float, short: bool, shown: str) -> None:
    assert _years_figure(years, short=short) == shown


def test_years_just_short_of_the_ask_do_not_read_as_the_ask(fake_embedder: HashingEmbedder) -> None:
    engine = Engine(fake_embedder, as_of=date(2026, 12, 1))  # Jan 2019 - Present is 7.9 years
    job = "Marketing Coordinator\nRequirements:\n- 8+ years of experience as a Marketing Coordinator\n"
    resume = (
        "Jo Lee\nMarketing Coordinator\nMarketing Coordinator, Acme Corp, Jan 2019 - Present\n"
        "Ran email campaigns and regional events for the sales team.\n"
    )
    result = engine.score_text(job, resume)
    years = next(r for r in result.reasons if " yrs " in r)
    assert years.startswith("7.9 yrs ") and "asked 8+" in years, result.reasons
