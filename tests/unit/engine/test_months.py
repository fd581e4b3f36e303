"""Experience asked or stated in months ('Six months experience as line cook', '18 months of experience in ...') is
a fraction of a year, and under a year the reasons and gaps say months. Every posting and resume here is invented."""

import pytest

from skima.engine import Engine
from skima.engine.matching import _period_figure
from skima.engine.requirements import extract_requirements
from skima.engine.resume import parse_resume
from skima.engine.text import clean_text
from skima.shortlist.selection import Gap, parse_gap


def _experience(line: str) -> list[tuple[str, float | None, list[str]]]:
    _, requirements = extract_requirements(f"Line Cook\n\nRequirements:\n{line}\n- Food safety\n")
    return [(r.label, r.min_years, r.terms) for r in requirements if r.kind == "experience"]


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("- Six months experience as line cook", 0.5),
        ("- 6 months' experience on a grill station", 0.5),
        ("- Eighteen months of experience in a busy kitchen", 1.5),
        ("- 9+ months of hands-on experience", 0.75),
        ("- 2+ years of experience as a cook", 2.0),
    ],
)
def test_months_of_experience_asked_are_a_fraction_of_a_year(line: str, years: float) -> None:
    (found,) = _experience(line)
    assert found[1] == years


def test_months_asked_of_a_skill_keep_the_skill() -> None:
    (found,) = _experience("- 18 months of experience in customer service")
    assert found[1] == 1.5 and "customer service" in found[2]
    assert found[0] == "18 months of experience in customer service"


@pytest.mark.parametrize(
    "line",
    ["- Open to a 6-month contract", "- Complete a food hygiene course within 3 months of hire", "- 12 month lease"],
)
def test_months_that_are_no_experience_are_not_asked_as_years(line: str) -> None:
    assert _experience(line) == []


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("Cook with six months experience in busy kitchens", 0.5),
        ("Total experience: 2 years and 6 months", 2.5),
        ("Experience: 8 months", 0.67),
        ("18 months of experience as a barista", 1.5),
        ("4 years of experience in retail", 4.0),
    ],
)
def test_a_resume_stating_months_of_experience_states_that_share_of_a_year(line: str, years: float) -> None:
    assert parse_resume(clean_text(f"Jo Park\n{line}"), 2026.0).total_years == years


def test_under_a_year_the_reason_and_the_gap_say_months(engine: Engine) -> None:
    job = "Line Cook\n\nRequirements:\n- Six months experience as line cook\n- Food safety\n"
    resume = (
        "Ana Diaz\nLine Cook\nExperience\nLine Cook, Harbor Grill, Aug 2025 - Present\n"
        "- Prepped and cooked on the grill station\n"
    )
    result = engine.score_text(job, resume)
    (asked,) = [r for r in result.requirements if r.kind == "experience"]
    assert asked.label == "6 months experience as line cook" and asked.verdict != "met"
    assert any("4 months" in reason and "asked 6+ months" in reason for reason in result.reasons)
    assert not any("0.3 yrs" in text for text in (*result.reasons, *result.gaps))


def test_a_gap_in_months_is_parsed_like_one_in_years() -> None:
    gap = parse_gap("not found in resume: 6 months experience as line cook (about 4 months found)")
    assert gap == Gap("6 months experience as line cook", "about 4 months found")


def test_a_months_gap_says_the_months_found(engine: Engine) -> None:
    job = "Line Cook\n\nRequirements:\n- Eighteen months of experience as line cook\n- Food safety\n"
    resume = (
        "Ana Diaz\nLine Cook\nExperience\nLine Cook, Harbor Grill, Aug 2025 - Present\n"
        "- Prepped and cooked on the grill station\n"
    )
    gaps = engine.score_text(job, resume).gaps
    assert "not found in resume: 18 months of experience as line cook (about 4 months found)" in gaps


def test_an_old_resume_stating_months_is_read_and_dated_by_its_years() -> None:
    text = "Jo Park\nBarista with 18 months of experience\nBarista, Bean Co, 2014 - 2015\nCashier, Till, 2012 - 2013"
    parsed = parse_resume(clean_text(text), 2026.0)
    assert parsed.total_years >= 1.5 and len(parsed.roles) == 2


def test_one_year_is_one_yr_not_one_yrs() -> None:
    assert _period_figure(1.0, short=False) == "1 yr"
    assert _period_figure(2.0, short=False) == "2 yrs"
    assert _period_figure(1.5, short=True) == "1.5 yrs"
