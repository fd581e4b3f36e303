"""'R' and 'C' are languages only when written as names of their own: not the letters of 'R&D', 'C-suite', a grade
or a plan, in a resume or in a posting. Every posting and resume here is invented."""

import pytest

from skima.engine import Engine
from skima.engine.requirements import extract_requirements
from skima.engine.resume import build_term_index


@pytest.mark.parametrize(
    "line",
    [
        "Led R&D for a medical devices group",
        "Reported to the C-suite every quarter",
        "Briefed C-level executives on risk",
        "Wrote Plan B and Plan C for the store opening",
        "Passed with Grade A in maths and Grade R in art",
        "Finished with a C grade average",
        "Vitamin C supplement trials",
    ],
)
def test_a_letter_in_a_resume_that_is_not_a_name_is_not_the_language(line: str) -> None:
    index = build_term_index([line])
    assert "r" not in index and "c" not in index


@pytest.mark.parametrize(
    ("line", "letter"),
    [
        ("Languages: Python, R, SQL", "r"),
        ("Statistical modelling in R and Python", "r"),
        ("Firmware in C/C++ for sensors", "c"),
        ("R (ggplot2, dplyr)", "r"),
    ],
)
def test_a_letter_written_as_a_name_is_the_language(line: str, letter: str) -> None:
    assert letter in build_term_index([line])


def test_a_resume_with_r_and_d_does_not_meet_a_requirement_for_r(engine: Engine) -> None:
    job = "Data Analyst\n\nRequirements:\n- Python, R and SQL\n"
    resume = (
        "Kim Lee\nData Analyst\nExperience\nAnalyst, Northwind Labs, 2021 - Present\n"
        "- Built Python and SQL reports for the R&D team and the C-suite\n"
    )
    result = engine.score_text(job, resume)
    (r_language,) = [r for r in result.requirements if r.label == "R"]
    assert r_language.verdict == "missing"
    assert "not found in resume: R" in result.gaps


def test_a_posting_naming_r_and_d_does_not_ask_for_the_language() -> None:
    _, requirements = extract_requirements(
        "Lab Manager\n\nRequirements:\n- Experience running an R&D budget\n- Report to the C-suite, Python and SQL\n"
    )
    terms = {t for r in requirements for t in r.terms}
    assert "r" not in terms and "c" not in terms
