"""Reading real-world postings: the title from any common field form, sections by their heading words, and clean
requirement labels. Every posting here is invented for the test."""

import pytest

from skima.engine import Engine
from skima.engine.models import Requirement
from skima.engine.requirements import extract_requirements, requirement_label


def read(posting: str) -> tuple[str, list[Requirement]]:
    return extract_requirements(posting)


def labels(posting: str) -> list[str]:
    return [r.label for r in extract_requirements(posting)[1] if r.kind != "role"]


def role(posting: str) -> Requirement:
    return next(r for r in extract_requirements(posting)[1] if r.kind == "role")


# --- the job title ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posting", "title"),
    [
        ("## Job title\nSenior Accountant\n\n## Requirements\n- CPA\n- Month-end close", "Senior Accountant"),
        ("Job Title: Payroll Clerk\nLocation: Leeds\n\nRequirements:\n- Sage Payroll", "Payroll Clerk"),
        ("Position:\nWarehouse Operative\n\nAbout us\nWe move parcels across the north.", "Warehouse Operative"),
        ("ROLE\nClinical Pharmacist\n\nRESPONSIBILITIES\nDispense medicines to ward patients", "Clinical Pharmacist"),
        ("**Title:** Data Engineer\n**Requirements:** Python, SQL", "Data Engineer"),
        ("Job Title - Marketing Coordinator\nWhat you'll bring: social media scheduling", "Marketing Coordinator"),
        ("JOB TITLE\nFORKLIFT DRIVER\nREQUIREMENTS\nCounterbalance licence", "Forklift Driver"),
        ("SENIOR STAFF ACCOUNTANT\n\nWe need someone who knows GAAP.", "Senior Staff Accountant"),
        ("Job Description\nHR Business Partner\n\nPartner with line managers on casework.", "HR Business Partner"),
        ("Overview\n\nWe are seeking a Forklift Driver to join the night shift at our depot.", "Forklift Driver"),
        ("# Position: Backend Developer\n## Skills\n- Go\n- PostgreSQL", "Backend Developer"),
        ("**JOB TITLE:** Dental Nurse\n**LOCATION:** Bristol", "Dental Nurse"),
    ],
)
def test_the_title_is_read_from_any_common_field_form(posting: str, title: str) -> None:
    found, _ = read(posting)
    assert found == title
    assert role(posting).confidence >= 0.7


def test_an_all_caps_title_keeps_its_acronyms_when_put_in_title_case() -> None:
    found, _ = read("HR MANAGER - IT SERVICES\n\nRequirements:\n- CIPD Level 5")
    assert found == "HR Manager"


@pytest.mark.parametrize(
    "posting",
    [
        "REQUIREMENTS\n- Excel\n- Word\n- Filing",
        "## About us\nBrightpath is a family-run removals firm.\n## Responsibilities\n- Pack fragile items",
        "Summary\nThis is a varied role in a friendly office.\nSkills: typing, filing",
    ],
)
def test_a_section_label_is_never_the_title_and_a_guess_is_marked_unsure(posting: str) -> None:
    found, _ = read(posting)
    assert found.lower() not in {"requirements", "about us", "summary", "responsibilities"}
    assert role(posting).confidence < 1.0


def test_the_employer_and_place_line_under_the_title_is_neither_title_nor_requirement() -> None:
    posting = "Line Cook\nThe Copper Kettle · Austin, TX\n\nWhat you'll bring:\n- Knife skills\n- Food handler card\n"
    found, _ = read(posting)
    assert found == "Line Cook"
    assert not any(word in label for label in labels(posting) for word in ("Copper", "Austin", "TX"))
    dashed = "Site Electrician\nVoltline Services – Reading, UK\n\nRequirements:\n- 18th Edition\n"
    assert read(dashed)[0] == "Site Electrician"
    assert not any("Reading" in label or "Voltline" in label for label in labels(dashed))
    lone_place = "Audit Senior\nSwindon\n\nRequirements:\n- ACA qualified\n"
    assert "Swindon" not in labels(lone_place)


def test_a_flattened_posting_still_gives_its_title_and_sections() -> None:
    posting = (
        "Senior Staff Accountant Ridgeway Foods is seeking an experienced accountant to own the month-end close. "
        "Requirements: CPA, 5+ years of general ledger experience, NetSuite. Benefits: pension, 25 days holiday, "
        "learning budget. Ridgeway Foods is an equal opportunity employer."
    )
    found, requirements = read(posting)
    assert found == "Senior Staff Accountant"
    found_labels = [r.label for r in requirements]
    assert "CPA" in found_labels and "NetSuite" in found_labels
    assert any(r.kind == "experience" and r.min_years == 5 for r in requirements)
    assert not any(word in label.lower() for label in found_labels for word in ("pension", "holiday", "equal"))


def test_an_unsure_title_is_exposed_on_the_prepared_job(engine: Engine) -> None:
    sure = engine.prepare_job("a", "Job Title: Payroll Clerk\n\nRequirements:\n- Sage Payroll\n- Excel")
    unsure = engine.prepare_job("b", "REQUIREMENTS\n- Sage Payroll\n- Excel\n- Filing")
    assert sure.title_confidence == 1.0
    assert unsure.title_confidence < 0.5


# --- sections --------------------------------------------------------------------------------------------------

MARKDOWN_POSTING = """# Support Engineer

## About the company
Northwind Cloud is a fast-growing hosting company with 200 employees.

## What you'll bring
- Linux administration
- Bash scripting

## Perks
- Private health insurance
- Cycle to work scheme

## Equal opportunity
We welcome applicants of every background and are an equal opportunity employer.

## How to apply
Send your CV to the hiring team.
"""

CAPS_POSTING = """PAYROLL ADMINISTRATOR
ABOUT US
Ledgerline has run payroll bureaus since 1998 and is one of the region's leading providers.
WHO YOU ARE
Confident with Sage Payroll
Comfortable with pensions auto-enrolment
WHAT WE OFFER
Hybrid working
22 days holiday plus bank holidays
SALARY
£28,000 - £31,000 per annum
"""

FLAT_POSTING = (
    "Maintenance Technician Company DescriptionHarbourline Foods is a leading supplier of chilled desserts. "
    "ESSENTIAL FUNCTIONS:The technician keeps the production lines running and carries out planned maintenance. "
    "QualificationsPLC fault finding, pneumatics, 17th Edition wiring regulations. "
    "Benefits:Company pension, free parking, 25 days holiday."
)


def test_benefits_company_intro_eeo_and_apply_text_are_never_requirements_in_markdown() -> None:
    found = labels(MARKDOWN_POSTING)
    assert "Linux" in found and "Bash" in found
    text = " ".join(found).lower()
    for word in ("northwind", "health insurance", "cycle", "equal", "cv", "200 employees"):
        assert word not in text


def test_all_caps_headings_open_their_sections() -> None:
    _, requirements = read(CAPS_POSTING)
    found = " ".join(r.label for r in requirements).lower()
    assert "sage payroll" in found
    for word in ("ledgerline", "hybrid", "holiday", "28,000", "per annum"):
        assert word not in found


def test_headings_run_into_flattened_text_are_recognised() -> None:
    found_title, requirements = read(FLAT_POSTING)
    assert found_title == "Maintenance Technician"
    text = " ".join(r.label for r in requirements).lower()
    assert "plc fault finding" in text or "plc" in text
    assert "pneumatics" in text
    for word in ("harbourline", "pension", "parking", "holiday"):
        assert word not in text
    responsibilities = [r for r in requirements if r.kind == "responsibility"]
    assert any("planned maintenance" in r.query for r in responsibilities)


def test_joined_words_are_split_but_brand_names_written_that_way_are_kept() -> None:
    posting = "Office Administrator\nRequirements:\n- Microsoft Excel and PowerPoint experienceAbility to type 60 wpm"
    found = labels(posting)
    assert any("Excel" in label for label in found)
    assert not any("experienceAbility" in label for label in found)
    assert "JavaScript" in labels("Web Developer\nSkills: JavaScript, TypeScript")


# --- requirement labels ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "label"),
    [
        ("4. Knowledge of ledger reconciliation", "ledger reconciliation"),
        ("Conversant with JBoss", "JBoss"),
        ("Functional knowledge of MVC", "MVC"),
        ("SSL is demanded", "SSL"),
        ("Proficiency in Tableau", "Tableau"),
        ("Experience with Salesforce CPQ", "Salesforce CPQ"),
        ("Demonstrated ability to lead audits", "lead audits"),
        ("Jira would be an advantage", "Jira"),
        ("b) Strong stakeholder management", "stakeholder management"),
        ("Possesses skills in rope access", "rope access"),
    ],
)
def test_lead_ins_numbering_and_trailing_marks_are_stripped(item: str, label: str) -> None:
    assert requirement_label(item) == label


NUMBERED_POSTING = """Java Developer
Requirements:
1. Conversant with JBoss
2. Functional knowledge of MVC
3. SSL is demanded
4. Furthermore
-
a) analyze
b) SQL (PostgreSQL or MySQL)
c) roles
"""


def test_numbered_items_give_clean_labels_and_fragments_are_dropped() -> None:
    found = labels(NUMBERED_POSTING)
    # bracketed examples are evidence for the skill before them, not requirements of their own
    assert {"JBoss", "MVC", "SSL", "SQL (PostgreSQL or MySQL)"} <= set(found)
    for junk in ("Furthermore", "-", "analyze", "roles"):
        assert junk not in found
    assert not any(label[:1].isdigit() or label.startswith(("a)", "b)")) for label in found)


def test_a_company_blurb_in_the_requirements_is_not_a_requirement() -> None:
    posting = (
        "Site Supervisor\nRequirements:\n"
        "- An ambitious construction company is seeking a supervisor for its Leeds sites.\n"
        "- SMSTS certificate\n- CSCS card\n"
    )
    found = labels(posting)
    assert not any("ambitious" in label for label in found)
    assert any("SMSTS" in label for label in found)


def test_preferably_makes_only_its_own_clause_preferred() -> None:
    _, requirements = read(
        "Data Engineer\nRequirements:\n- Python, ideally with Django\n- SQL (PostgreSQL preferred), Docker\n"
        "- Kafka and Spark preferred\n- Kubernetes is a plus; Terraform required\n"
    )
    required = {r.label: r.required for r in requirements}
    assert required["Python"] and required["SQL"] and required["Docker"] and required["Terraform"]
    assert not required["Django"] and not required["PostgreSQL"]
    assert not required["Kafka"] and not required["Spark"] and not required["Kubernetes"]


@pytest.mark.parametrize(
    ("posting", "title"),
    [
        ("Line Cook  Harrogate, North Yorkshire\nFells Kitchen – Harrogate\n\nPrep and cook.", "Line Cook"),
        (
            "Service Desk  Project Coordinator\nBrightline – Leeds\n\nCoordinate service desk projects.",
            "Service Desk Project Coordinator",
        ),
        (
            "CHEF DE PARTIE  **** ROSETTE KITCHEN  LIVE IN\nOakhurst Hotels – York\n\nRun the sauce section.",
            "Chef de Partie",
        ),
    ],
)
def test_a_run_of_spaces_in_a_title_line_separates_the_place_not_the_role(posting: str, title: str) -> None:
    assert read(posting)[0] == title


def test_two_letter_acronyms_are_requirements_and_state_codes_are_places() -> None:
    _, requirements = extract_requirements(
        "Data Analyst\nRequirements:\n- AI\n- QA\n- BI\n- CA\n- TX\n- Interpersonal skills\n"
    )
    labels = {r.label for r in requirements if r.kind != "role"}
    assert {"AI", "QA", "BI", "CA"} <= labels
    assert "TX" not in labels
    assert any(label.lower().startswith("interpersonal") for label in labels)
