"""Reasons and evidence quote the resume as written; the score is decided on masked text only."""

from skima.engine import Engine
from skima.engine.masking import PLACEHOLDER, mask_protected, original_lines, restore_quote
from skima.engine.resume import parse_resume
from skima.engine.text import clean_text

JOB = """# Senior Java Developer
## Requirements
- Java
- Spring Boot
- Kafka
- 5+ years of experience with Java
"""

RESUME = """# Priya Parker
Senior Java Developer | priya.parker@mail.com | +1 (415) 555-0199

## Experience
### Senior Java Developer at Parker Ltd (2016 - 2024)
- She built Java and Spring Boot services at 12 Oak Street, Springfield, IL 62704 for Parker Ltd
- Event streaming with Kafka; priya.parker@mail.com was the team's alias
- Reviewed Java code for the payments team
"""


def test_masked_lines_map_back_to_the_resume_words() -> None:
    cleaned = clean_text(RESUME)
    parsed = parse_resume(mask_protected(cleaned), 2026.0)
    originals = original_lines(parsed.lines, cleaned)
    role_line = next(i for i, line in enumerate(parsed.lines) if "Ltd (2016" in line)
    assert "[name] Ltd" in parsed.lines[role_line]
    assert originals[role_line] == "### Senior Java Developer at Parker Ltd (2016 - 2024)"
    # only what masking changed is kept, and never a line that is nothing but placeholders
    assert all(PLACEHOLDER.search(parsed.lines[i]) or "they" in parsed.lines[i] for i in originals)
    assert "## Experience" not in originals.values()


def test_a_quote_from_part_of_a_line_restores_just_that_part() -> None:
    masked = "• they built Java services at [address] for [name] Ltd"
    original = "• She built Java services at 12 Oak Street, Springfield, IL 62704 for Parker Ltd"
    assert restore_quote("for [name] Ltd", masked, original) == "for Parker Ltd"
    assert restore_quote("they built Java services", masked, original) == "She built Java services"
    assert restore_quote("not in the line", masked, original) == "not in the line"


def test_reasons_quote_the_original_words_and_the_score_ignores_them(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    profile = engine.build_profile("c", RESUME)
    result = engine.match(job, profile)
    assert result.reasons and not any(PLACEHOLDER.search(r) for r in result.reasons)
    assert any("Parker Ltd" in (r.evidence or "") for r in result.requirements) or any(
        "She built" in (r.evidence or "") for r in result.requirements
    )
    # the masked-only path (no originals kept) gives the very same score and verdicts
    masked_only = profile.model_copy(update={"originals": {}})
    plain = engine.match(job, masked_only)
    assert plain.score == result.score
    assert [r.verdict for r in plain.requirements] == [r.verdict for r in result.requirements]
    assert any(PLACEHOLDER.search(r.evidence or "") for r in plain.requirements)
    # another name, company-like surname and address: same score
    other = RESUME.replace("Priya", "Wei").replace("Parker", "Zhang").replace("12 Oak Street", "7 Baker Street")
    assert engine.match(job, engine.build_profile("d", other)).score == result.score


def test_a_term_is_quoted_from_a_line_without_placeholders_when_there_is_one(engine: Engine) -> None:
    job = engine.prepare_job("j", JOB)
    result = engine.match(job, engine.build_profile("c", RESUME))
    java = next(r for r in result.requirements if r.label == "Java")
    assert java.verdict == "met"
    assert java.evidence == "• Reviewed Java code for the payments team"


def test_the_cached_profile_keeps_the_originals(engine: Engine) -> None:
    profile = engine.build_profile("c", RESUME)
    again = type(profile).from_bytes(profile.to_bytes())
    assert again.originals == profile.originals and again.originals


def test_contact_details_are_never_restored_nor_cached(engine: Engine) -> None:
    profile = engine.build_profile("c", RESUME)
    kept = " ".join(profile.originals.values())
    assert "@" not in kept and "555" not in kept  # the email and the phone number stay out of the cached profile
    assert "Parker Ltd" in kept  # a company masking took for a surname is restored for quotes
