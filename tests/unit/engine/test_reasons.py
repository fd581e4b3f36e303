"""Reasons read well: short, anchored on the matched term, cut between words, degrees quoted as education."""

import pytest

from skima.engine import Engine
from skima.engine.lexicon import spelled_variants, term_key
from skima.engine.masking import mask_protected
from skima.engine.matching import MAX_REASON_CHARS, _clip, _experience_subject, _fit, _locate, _quote
from skima.engine.requirements import extract_requirements
from skima.engine.resume import build_term_index, education_level, is_education_line, parse_resume
from skima.engine.text import clean_text


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("B.E in Computer Engineering", 2),
        ("BSc Nursing, 2011 - 2015", 2),
        ("B.Com", 2),
        ("B.A. Economics", 2),
        ("BEng Computer Systems, University of the Lakes, 2016", 2),
        ("Bachelor of Technology (B.Tech), JNTU", 2),
        ("MS in Computer Science", 3),
        ("MBA Finance", 3),
        ("Master's degree preferred", 3),
        ("PGDM (2011)", 3),
        ("Diploma in Mechanical Engineering", 1),
        ("Ph.D. in Physics", 4),
        ("Graduate Software Engineer", -1),
        ("MS Office, MS Excel", -1),
        ("Master Data Management", -1),
        ("Scrum Master", -1),
        ("Business Analyst (BA)", -1),
        ("Boston, MA", -1),
    ],
)
def test_degree_words_and_look_alikes(line: str, level: int) -> None:
    assert education_level(line) == level


@pytest.mark.parametrize(
    ("line", "education"),
    [
        ("Graduate Software Engineer, Acme Ltd (2019 - 2021)", False),
        ("Graduate Engineer Trainee at L&T, 2015 - 2016", False),
        ("Teacher at Lincoln High School (2018 - 2022)", False),
        ("Elementary School Teacher", False),
        ("B.Tech in Computer Science, VIT University, 2014", True),
        ("MBA, Symbiosis Institute of Business Management", True),
        ("Diploma in Civil Engineering, Government Polytechnic", True),
    ],
)
def test_a_job_held_is_not_education_and_a_degree_is(line: str, education: bool) -> None:
    assert is_education_line(line) is education


def test_a_job_title_under_education_is_not_quoted_as_education(engine: Engine) -> None:
    resume = (
        "# Sam Lee\nSoftware Engineer\n## Education\nGraduate Software Engineer, Acme (2019 - 2021)\n"
        "B.Sc. Computer Science, State University, 2019\n## Skills\nJava, Spring Boot, SQL"
    )
    parsed = parse_resume(mask_protected(clean_text(resume)), 2026.0)
    kinds = {span.text: span.kind for span in parsed.spans}
    assert kinds.get("Graduate Software Engineer, Acme (2019 - 2021)") != "education"
    job = "# Java Developer\n## Requirements\n- Java\n- Bachelor's degree in Computer Science"
    result = engine.score_text(job, resume)
    education = next(r for r in result.requirements if r.kind == "education")
    assert education.verdict == "met" and education.evidence is not None and "B.Sc" in education.evidence
    assert not any(r.startswith("Education:") and "Graduate Software" in r for r in result.reasons)


def test_a_degree_in_the_job_is_an_education_requirement_not_a_skill() -> None:
    _, requirements = extract_requirements("# Accountant\nRequirements:\n- Tally\nQualifications: B.Com.\n")
    assert [r.kind for r in requirements if "Com" in r.label] == ["education"]


def test_a_setting_is_matched_by_its_domain() -> None:
    _, requirements = extract_requirements(
        "# Android Developer\nNice to have: Experience in a insurance claims setting, Experience with Room.\n"
    )
    labels = {r.label: r for r in requirements if r.kind == "skill"}
    assert "insurance claims" in labels and "insurance claim" in labels["insurance claims"].terms


def test_acronyms_are_evidenced_by_their_expansion() -> None:
    assert "registered nurse" in spelled_variants(term_key("RN license"))
    assert "sarbane oxley" in spelled_variants(term_key("SOX compliance"))
    assert "e discovery" in spelled_variants(term_key("electronic discovery"))
    assert spelled_variants(term_key("Python")) == []


def test_terms_are_found_whatever_their_case_or_stemming() -> None:
    index = build_term_index(["key skills: lean manufacturing", "packages built on SQL Server Integration Services"])
    assert index[term_key("lean manufacturing")] == 0
    assert "lean" not in index  # alone, 'lean' is only the method when written 'Lean'
    assert index[term_key("SSIS")] == 1


def test_quote_is_anchored_on_the_matched_term_and_cut_between_words() -> None:
    line = (
        "Profile: Software Engineer, Platform APIs with 7+ years of experience, most recently in insurance claims. "
        "Strengths include Docker, SQL, Django and CI/CD. Detail-oriented and organised."
    )
    reason = _fit("CI/CD: ", line, anchor=_locate(line, [term_key("CI/CD")]))
    assert reason == 'CI/CD: "Strengths include Docker, SQL, Django and CI/CD."'
    listing = "Skills Ø Smoke Testing Ø Spring Ø Cucumber Ø Defect Tracking Ø JUnit Ø C++ Ø Java Ø Selenium " * 2
    quoted = _quote(listing, 60, _locate(listing, ["java"]))
    assert "Java" in quoted and "Ø" not in quoted and len(quoted) <= 60
    words = set(listing.replace("Ø", " ").split())
    assert all(w.strip("…") in words for w in quoted.replace("·", " ").split())


def test_a_list_item_is_quoted_with_its_neighbours() -> None:
    line = ": Linux, Maven, Kubernetes, Checkpoint, RMAN, Git, Network Security, AWS, VPN, CCNA, TCP/IP, Windows"
    quoted = _quote(line, 50, _locate(line, ["vpn"]))
    assert "VPN" in quoted and not quoted.startswith(":") and quoted.startswith("…")


def test_the_experience_subject_drops_dangling_words() -> None:
    assert _experience_subject("6+ years of experience as a backend engineer or similar role") == (
        "experience as a backend engineer"
    )
    assert _experience_subject("6+ years of experience as a quality engineer or") == "experience as a quality engineer"


def test_skills_on_one_line_share_one_bullet_and_no_reason_is_too_long(engine: Engine) -> None:
    job = "# Backend Engineer\n## Requirements\n- Docker\n- Django\n- CI/CD\n- Kubernetes\n- Kafka\n- Terraform"
    resume = (
        "# Lee Park\nBackend Engineer\n## Summary\nStrengths include Docker, SQL, Django and CI/CD. Organised.\n"
        "## Experience\n### Backend Engineer, Acme (2018 - 2024)\n- Ran services on Kubernetes\n"
    )
    result = engine.score_text(job, resume)
    assert all(len(r) <= MAX_REASON_CHARS for r in result.reasons)
    shared = [r for r in result.reasons if "Strengths include" in r]
    assert len(shared) == 1 and "Docker" in shared[0].split(":")[0] and "Django" in shared[0].split(":")[0]
    assert any(r.startswith("not found in resume:") for r in result.reasons)


def test_masking_keeps_skill_lists_and_company_names() -> None:
    out = mask_protected(
        clean_text("Core Competencies Problem Solving | Sales | Team Work\nHR Trainee Pinnacle Industries")
    )
    assert "Problem Solving" in out and "Pinnacle Industries" in out


def test_lone_mojibake_lead_bytes_are_dropped() -> None:
    assert "â" not in clean_text("description - \u00e2\u00e2\u20ac\u201c\u00aa Actively created reports")


@pytest.mark.parametrize(
    ("skill", "line", "met"),
    [
        ("lead qualification", "Used qualifying leads (BANT) to research target accounts", True),
        ("TIG welding", "MIG/TIG Welder, Harbor Electric (2019 - 2023)", True),
        ("cost control", "Controlled food costs and waste", False),  # not side by side
        ("electrical troubleshooting", "Rebuilt conveyors - key skills: troubleshooting electrical faults", True),
        ("incident response", "Led the response to phishing and malware incidents", False),  # too far apart
        ("data analysis", "Analysed sales figures; migrated data to the cloud", False),
    ],
)
def test_a_term_written_in_another_order_or_inflection_is_found(
    engine: Engine, skill: str, line: str, met: bool
) -> None:
    job = f"# Specialist\n## Requirements\n- {skill}\n- Excel"
    resume = f"# Sam Lee\nSpecialist\n## Experience\n- {line}\n- Kept records in Excel for the team"
    result = engine.score_text(job, resume)
    found = next(r for r in result.requirements if r.label == skill)
    assert (found.verdict == "met" and found.exact) is met


def test_bullets_that_lost_their_glyph_are_shown_as_bullets() -> None:
    text = "Skills ØTarget Achievement ØMS Excel ØNegotiation ØClient Relationship ØOnboarding ØCold Calling ØCRM ØLead"
    quoted = _quote(text, 50, _locate(text, ["crm"]))
    assert "CRM" in quoted and "Ø" not in quoted
    assert _quote("Søren Østergaard built Java apps", 60) == "Søren Østergaard built Java apps"


def test_a_quote_keeps_the_hash_of_csharp_and_drops_markdown() -> None:
    assert _quote("### Built REST APIs in C#", 60) == "Built REST APIs in C#"


def test_years_inferred_from_the_career_say_so(engine: Engine) -> None:
    job = "# Python Developer\n## Requirements\n- 5+ years of Python\n- Django"
    resume = (
        "# Sam Lee\nPython Developer\n## Summary\nDeveloper with 10 years of experience.\n## Skills\nPython, Django"
    )
    result = engine.score_text(job, resume)
    years = next(r for r in result.reasons if " yrs " in r)
    assert years == "8 yrs Python (within a 10-yr career)"


def test_a_quote_is_never_just_a_header() -> None:
    text = "Skills - SEO - jQuery - UI Design - Java - Dreamweaver - Team Work - Photoshop - Illustrator - HTML"
    assert _quote(text, 50).startswith("Skills - SEO - jQuery")


def test_a_long_gap_reason_drops_the_years_found_before_cutting_words() -> None:
    gap = "not found in resume: 5 years of professional software development experience (about 2.3 yrs found)"
    assert _clip(gap) == "not found in resume: 5 years of professional software development experience"
    short = "not found in resume: 5+ years Python (about 2.3 yrs found)"
    assert _clip(short) == short
