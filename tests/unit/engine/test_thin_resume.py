"""Short resumes: one that names a title and a few skills is scored however short; an empty, contentless or
unreadable one is not."""

from __future__ import annotations

import pytest

from skima.engine import Engine
from skima.engine.matching import content_words

JOB = (
    "Java Developer\n\nRequirements:\n- 2+ years of Java and Spring Boot\n- JSP and Servlets\n- MySQL\n"
    "- B.E. in Computer Science"
)
UNRELATED_SHORT = (
    "Maria Lopez Staff Nurse Skills: IV therapy, wound care, BLS, patient education. 3 years at City Hospital."
)


@pytest.mark.parametrize(
    "resume",
    [
        "Kevin Williams Java Developer Skills: Postman, JSP, Servlets, MySQL 2.7 years experience at Genpact. "
        "B.E. Computer Science",
        "Java Developer\nSkills: Java, Spring Boot, JSP, Servlets, MySQL\nGenpact 2021 - 2024",
    ],
)
def test_a_short_resume_with_a_title_and_skills_is_scored(engine: Engine, resume: str) -> None:
    job = engine.prepare_job("j", JOB)
    result = engine.match(job, engine.build_profile("c", resume))
    assert result.status == "scored" and result.score is not None
    other = engine.match(job, engine.build_profile("o", UNRELATED_SHORT))
    assert other.score is not None and result.score > other.score


@pytest.mark.parametrize(
    "resume",
    [
        "",
        "   \n  ",
        "Resume",
        "Java Developer",
        "John Smith\nHard worker. References available on request.\n",
        "Curriculum Vitae\nName: Kevin Williams\nPhone: 555 0100\nEmail: kevin@example.com",
    ],
)
def test_an_empty_or_contentless_resume_is_insufficient_evidence(engine: Engine, resume: str) -> None:
    result = engine.match(engine.prepare_job("j", JOB), engine.build_profile("c", resume))
    assert result.status == "insufficient_evidence" and result.score is None
    assert result.reasons and result.reasons[0].startswith("Not scored:")


def test_content_words_skip_placeholders_filler_and_numbers(engine: Engine) -> None:
    profile = engine.build_profile("c", "Kevin Williams\nJava Developer at Genpact since 2021, phone 555 0100")
    # the name is masked to a placeholder; 'at' and 'phone' are filler; numbers are not words
    assert "Kevin" not in " ".join(profile.lines)
    assert content_words(profile) == 4  # java, developer, genpact, since
