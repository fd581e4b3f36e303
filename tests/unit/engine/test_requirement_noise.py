"""What a real posting holds besides its requirements, and must never be scored as one: benefits, physical demands
and working conditions, notes and how to apply; headings, abbreviations and letters taken for skills; periods that
are not experience (a background check's reach, a degree's length) and general years read as years of a skill."""

from __future__ import annotations

import pytest

from skima.engine import Engine
from skima.engine.models import MatchResult, Requirement
from skima.engine.requirements import extract_requirements


def _requirements(text: str) -> list[Requirement]:
    return extract_requirements(text)[1]


def _labels(text: str) -> list[str]:
    return [r.label.lower() for r in _requirements(text)]


def _experience(text: str) -> list[Requirement]:
    return [r for r in _requirements(text) if r.kind == "experience"]


# one posting, three ways it reaches us: markdown, plain capitals with run-in values, and a flattened paste
BAKER_MARKDOWN = """# Pastry Baker
## Requirements
- Laminated doughs and viennoiserie
- Food hygiene certificate
## What we offer
- Annual reviews
- Paid time off
- Staff pension scheme
- Opportunities to grow
## Physical requirements
- Standing
- Climbing
- Hearing
- Lift/carry up to 25 lbs
"""

BAKER_CAPITALS = """Pastry Baker
QUALIFICATIONS: Laminated doughs and viennoiserie
Food hygiene certificate
WHAT WE OFFER: Competitive wages
Annual Reviews
Discounted meals
Opportunities to Grow
PHYSICAL REQUIREMENTS: Standing
Walking
Finger dexterity
Seeing
"""

BAKER_FLATTENED = (
    "Pastry Baker Requirements: Laminated doughs and viennoiserie. Food hygiene certificate. "
    "Physical Requirements: Prolonged periods of standing, kneeling and stooping near the ovens. "
    "Work Environment: Exposure to extreme heat in the bakehouse."
)


@pytest.mark.parametrize("posting", [BAKER_MARKDOWN, BAKER_CAPITALS, BAKER_FLATTENED])
def test_benefits_and_physical_demands_are_never_requirements(posting: str) -> None:
    labels = _labels(posting)
    assert any("laminated doughs" in label for label in labels), labels
    for word in ("annual review", "paid time off", "pension", "grow", "wages", "meals", "standing", "climbing"):
        assert not any(word in label for label in labels), (word, labels)
    for word in ("hearing", "walking", "seeing", "dexterity", "lift", "kneeling", "heat"):
        assert not any(word in label for label in labels), (word, labels)


def test_a_location_field_does_not_hide_the_lines_after_it() -> None:
    labels = _labels("Warehouse Operative\nLocation: Dundee\nForklift licence\nStock rotation\nPick and pack\n")
    assert "forklift licence" in labels and "stock rotation" in labels, labels


def test_notes_and_how_to_apply_are_not_requirements() -> None:
    posting = (
        "Landscape Architect\nQualifications:\n- Vectorworks\n- Planting design\nNotes:\n"
        "We value openness, craft and community in all we do.\n"
        "Send your portfolio and resume to the studio.\n"
    )
    labels = _labels(posting)
    assert "vectorworks" in labels and "planting design" in labels, labels
    for word in ("notes", "openness", "community", "portfolio", "resume"):
        assert not any(word in label for label in labels), (word, labels)


def test_pay_transparency_text_is_not_a_requirement() -> None:
    posting = (
        "Payroll Analyst\nRequirements:\n- Payroll reconciliations\nEstimated Compensation For This Role Is\n"
        "$60,000 - $70,000 per year\nThe range is an estimate and not guaranteed. Any offer of employment weighs "
        "education, skills, geographic location, internal equity and market data.\n"
    )
    labels = _labels(posting)
    assert any("payroll" in label for label in labels[1:]), labels
    for word in ("compensation", "guaranteed", "geographic", "equity", "market data"):
        assert not any(word in label for label in labels), (word, labels)


@pytest.mark.parametrize(
    "posting",
    [
        "Tennis Coach\nRequirements:\n- Group lessons, private lessons (exc. junior squads)\n- LTA Level 3\n",
        "Tennis Coach\nSkills: Group lessons; W9; LTA Level 3\n",
        "Tennis Coach\nKey Duties and Responsibilities 2\n- Group lessons\n- LTA Level 3\n",
    ],
)
def test_abbreviations_short_fragments_and_headings_are_not_skills(posting: str) -> None:
    labels = _labels(posting)
    assert "group lessons" in labels, labels
    for bad in ("exc", "w9", "key duties and responsibilities 2", "responsibilities 2"):
        assert bad not in labels, (bad, labels)


def test_one_letter_is_a_language_only_in_a_list_of_skills() -> None:
    assert "c" in _labels("Firmware Engineer\nSkills: C, Rust, Python\n")
    assert "c" not in _labels("Quality Inspector\nRequirements:\n- Check each batch against the C of C matrix\n")
    assert "r" in _labels("Data Scientist\nRequirements:\n- Python, R and SQL\n")


@pytest.mark.parametrize(
    "line",
    [
        "Willingness to undergo a 10-year criminal background check",
        "Must pass a 7-year employment history verification",
        "Consent to a 5 year background screening",
    ],
)
def test_a_check_period_is_not_experience(line: str) -> None:
    posting = f"Security Officer\nRequirements:\n- SIA licence\n- {line}\n"
    assert _experience(posting) == [], _experience(posting)


@pytest.mark.parametrize(
    "intro",
    [
        "Harbour Mills has been an industry leader for 40+ years.",
        "We have a 25 year legacy of milling specialty flours.",
        "A family-owned bakery, in business for over 15 years.",
    ],
)
def test_the_employers_own_years_are_not_experience(intro: str) -> None:
    assert _experience(f"Mill Operator\n{intro}\nRequirements:\n- Forklift licence\n") == []


def test_a_degree_length_is_not_experience_but_the_years_after_it_are() -> None:
    (years,) = _experience("Process Engineer\nRequirements:\n- 4-year engineering degree or 6+ years of experience\n")
    assert years.min_years == 6.0


@pytest.mark.parametrize(
    "line",
    [
        "2+ years relevant experience Advanced MS Excel skills",
        "2+ years of relevant experience; advanced Excel",
        "Minimum 2 years professional experience, strong Excel",
        "2 years experience in a busy finance office and advanced Excel skills",
    ],
)
def test_general_years_are_not_years_of_the_next_skill(line: str) -> None:
    posting = f"Budget Analyst\nWhat you need:\n- Bachelor's degree in finance\n- {line}\n"
    (years,) = _experience(posting)
    assert years.min_years == 2.0 and years.terms == [], years
    assert "excel" not in years.label.lower()
    assert any(r.kind == "skill" and "excel" in r.terms for r in _requirements(posting))


def test_a_preferred_aside_is_not_what_the_years_are_of() -> None:
    posting = "Motion Designer\nRequirements:\n- 3+ years of experience in motion design, preferably with Figma\n"
    (years,) = _experience(posting)
    assert years.terms == [] and years.min_years == 3.0, years


def _years(result: MatchResult) -> str:
    found = next(r for r in result.requirements if r.kind == "experience")
    return found.verdict


def test_years_in_the_jobs_discipline_are_met_by_roles_under_its_title(engine: Engine) -> None:
    job = (
        "Graphic Designer\nRequirements:\n- 3+ years of experience in graphic design, preferably with Figma\n"
        "- Typography and layout\n"
    )
    resume = (
        "Noor Haddad\nGraphic Designer, typography and layout for print and web.\n"
        "Graphic Designer, Lantern Studio (2018 - 2024)\nDesigned packaging, posters and brand identities.\n"
    )
    assert _years(engine.score_text(job, resume)) == "met"
