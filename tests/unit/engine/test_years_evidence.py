"""Years from dated roles held under a title, school dates, 'till date' on an old resume, and evidence that is not
evidence (a short term inside a compound, an employer's name, a section header, two figures for one thing)."""

from __future__ import annotations

import pytest

from skima.engine import Engine
from skima.engine.models import MatchResult, RequirementResult
from skima.engine.resume import company_names, dated_as_of, parse_resume


def _experience(result: MatchResult) -> list[RequirementResult]:
    return [r for r in result.requirements if r.kind == "experience"]


INTERPRETER_JOB = """Court Interpreter
Lakeside Language Services

Requirements:
- 4 years as an Interpreter
- Fluent Spanish and English
"""


@pytest.mark.parametrize(
    "career",
    [
        "Worked as an Interpreter for the period 2015-2019 at the county courthouse.",
        "Interpreter (2015 - 2019), Riverside Hospital",
        "Interpreter, 2015 to 2019, Metro Courts",
        "2015 - 2019 Interpreter, Harbor Clinic",
        "EXPERIENCE\nInterpreter\n2015 - 2019\nInterpreted hearings and depositions in Spanish and English.",
    ],
)
def test_years_as_a_title_are_met_from_roles_held_under_it(engine: Engine, career: str) -> None:
    resume = f"Lena Ortiz\nSpanish interpreter, fluent Spanish and English.\n{career}\n"
    (years,) = _experience(engine.score_text(INTERPRETER_JOB, resume))
    assert years.verdict == "met", years
    assert (years.years_found or 0) >= 4
    assert years.evidence == "2015-2019"


def test_years_as_a_title_held_too_briefly_are_a_gap_with_the_years_found(engine: Engine) -> None:
    resume = (
        "Lena Ortiz\nInterpreter (2017 - 2019), Riverside Hospital\n"
        "Interpreted consultations between Spanish-speaking patients and English-speaking doctors.\n"
    )
    result = engine.score_text(INTERPRETER_JOB, resume)
    (years,) = _experience(result)
    assert years.verdict == "missing" and years.years_found == 2.0
    assert any("4 years as an Interpreter" in gap and "about 2 yrs" in gap for gap in result.gaps), result.gaps


DANCE_JOB = """Dancer
Harbour Dance Theatre

## What we need
- 3+ years of Dancer experience
- 5+ years of professional experience
- Contemporary and ballet technique
"""


def test_years_of_title_experience_and_related_years_agree(engine: Engine) -> None:
    resume = (
        "Mia Chen\nProfessional dancer: contemporary and ballet technique.\n"
        "Dancer (2012 - 2016), City Ballet Company\nDancer, 2017 - 2018, Touring Productions\n"
    )
    result = engine.score_text(DANCE_JOB, resume)
    figures = {r.label: r.years_found for r in _experience(result)}
    assert figures["3+ years of Dancer experience"] == 5.0, figures
    # the same roles are the related experience: the result never says 5 years one place and fewer another
    assert set(figures.values()) == {5.0}, figures


@pytest.mark.parametrize(
    "school",
    [
        "SSC 2008 - 2010, Kendriya Vidyalaya",
        "HSC (2010-2012) Maharashtra Board, 78%",
        "Class XII 2006 - 2008, Delhi Public School",
        "High School Diploma 2001 - 2005, Lincoln High",
        "Graduation 2012-2015 with 7.9 CGPA",
        "St. Xavier's College 2009-2012",
    ],
)
def test_school_dates_are_never_career(school: str) -> None:
    text = f"Ravi Kumar\nSales Executive\n{school}\nSales Executive, Orbit Traders (2019 - 2021)\n"
    parsed = parse_resume(text, 2026.0)
    assert [(r.start, r.end) for r in parsed.roles] == [(2019.0, 2021.0)]
    assert parsed.total_years == 2.0


def test_a_school_teacher_is_still_a_job() -> None:
    parsed = parse_resume("Asha Rao\nSecondary School Teacher, 2012 - 2018, Hill View School\n", 2026.0)
    assert parsed.total_years == 6.0


def test_till_date_on_a_plainly_old_resume_ends_when_it_was_written() -> None:
    # '3 years of experience' beside 'Jan 2015 - till date', nothing dated since 2018: written around 2018
    old = [
        "Profile: Accounts assistant with 3 years of experience in Tally and GST.",
        "Accounts Assistant, Shree Traders, Jan 2015 - till date",
        "B.Com 2011 - 2014",
    ]
    as_of = dated_as_of(old, 2026.5, old[:2])
    assert 2018.0 <= as_of <= 2019.0
    parsed = parse_resume("\n".join(old), 2026.5)
    assert parsed.total_years <= 4.0, parsed.roles


def test_a_resume_with_no_recent_year_at_all_is_dated_by_its_latest() -> None:
    lines = ["Stock clerk, Metro Mart, 2004 - present", "GED 2003"]
    assert dated_as_of(lines, 2026.0, lines[:1]) == 2005.0


@pytest.mark.parametrize(
    "lines",
    [
        ["Python Developer, Brightwave Software, Jan 2017 - Present"],  # one open role, nothing else: counts to today
        ["Analyst, Acme (2016 - Present)", "9 years of experience in analytics"],  # the total agrees with today
        ["Nurse, Mercy (2012 - till date)", "5 years of ICU experience", "BLS renewed 2025"],  # dated lately
    ],
)
def test_present_on_a_current_resume_is_today(lines: list[str]) -> None:
    assert dated_as_of(lines, 2026.0, lines) == 2026.0


def test_a_short_term_inside_a_hyphenated_compound_is_no_evidence(engine: Engine) -> None:
    job = "KYC Analyst\nRequirements:\n- PAN\n- AI\n- Customer due diligence\n"
    career = "Tom Das\nKYC Analyst, Finserve (2019 - 2024)\nCustomer due diligence for retail banking clients.\n"
    compound = engine.score_text(job, career + "Led pan-India onboarding and re-KYC drives.\n")
    written = engine.score_text(job, career + "Checked PAN and Aadhaar documents for every account.\n")
    capitals = engine.score_text(job, career + "Used AI-driven screening of adverse media.\n")

    def verdict(result: MatchResult, label: str) -> str:
        return next(r.verdict for r in result.requirements if r.label == label)

    assert verdict(compound, "PAN") != "met"
    assert "not found in resume: PAN" in compound.gaps
    assert verdict(written, "PAN") == "met"
    assert verdict(capitals, "AI") == "met"  # a capitalised short term leading a compound is the term
    # a list whose bullets lost their spaces is no compound
    glued = engine.score_text(job, career + "Tools -PAN -Excel -AI -SQL\n")
    assert verdict(glued, "PAN") == "met" and verdict(glued, "AI") == "met"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Teva API India Pvt Ltd, Hyderabad (2015 - 2018)", ["Teva API India Pvt Ltd"]),
        ("QA Chemist at Sun Pharma Industries Limited", ["Sun Pharma Industries Limited"]),
        ("Senior Engineer, Acme Inc. (2018-2024)", ["Acme Inc."]),
        ("Built REST APIs in Java for the billing team", []),
        ("Data Engineer | Northwind Data GmbH | 2020 - 2023", ["Northwind Data GmbH"]),
    ],
)
def test_company_names_are_found_by_their_legal_form(line: str, names: list[str]) -> None:
    assert [line[a:b] for a, b in company_names(line)] == names


def test_an_employers_name_is_not_skill_evidence(engine: Engine) -> None:
    job = "Regulatory Affairs Associate\nRequirements:\n- API\n- Dossier preparation\n"
    only_company = (
        "Nina Shah\nRegulatory Affairs Associate\nTeva API India Pvt Ltd, Hyderabad (2015 - 2018)\n"
        "Prepared dossiers for submissions.\n"
    )
    both = only_company + "Compiled API stability data for the drug master file.\n"

    def api(result: MatchResult) -> RequirementResult:
        return next(r for r in result.requirements if r.label == "API")

    assert api(engine.score_text(job, only_company)).verdict != "met"
    found = api(engine.score_text(job, both))
    assert found.verdict == "met" and found.evidence is not None and "stability" in found.evidence


@pytest.mark.parametrize("header", ["TECHNICAL SKILLS", "Technical Skills:", "## Technical skills"])
def test_a_section_header_is_never_evidence(engine: Engine, header: str) -> None:
    job = "IT Support Technician\nRequirements:\n- Technical skills\n- Ticketing\n"
    resume = f"Joe Park\nIT Support Technician, Acme (2019 - 2024)\n{header}\nTicketing in Zendesk, printers\n"
    result = engine.score_text(job, resume)
    for requirement in result.requirements:
        assert (requirement.evidence or "").strip(" #:").lower() != "technical skills", requirement
    assert not [r for r in result.reasons if r.rstrip('"').lower().endswith("technical skills")], result.reasons


def test_a_weak_alias_is_no_evidence_even_inside_a_product_name(engine: Engine) -> None:
    # 'web services' is listed as too weak to stand for REST APIs: 'Amazon Web Services' is AWS, not REST
    job = "Backend Developer\nRequirements:\n- REST APIs\n- AWS\n"
    resume = (
        "Ivy Lim\nBackend Developer, Cloudline (2018 - 2024)\nRan the billing services on Amazon Web Services.\n"
        "Wrote batch jobs in Python for the finance team.\n"
    )
    result = engine.score_text(job, resume)
    verdicts = {r.label: r.verdict for r in result.requirements}
    assert verdicts["AWS"] == "met"
    assert "not found in resume: REST APIs" in result.gaps, result.gaps
