"""Every pattern on the engine's text path runs in linear time on long adversarial inputs (issue 11): runs without
spaces, repeated '@', dots, digits, blanks, brackets. Before the fix a 200 KB run without spaces took > 350 s in the
email pattern alone; the inputs here are 200-500 KB, so a quadratic pattern would hit the hang guard.

The guard is pytest-timeout (a generous 60 s per test); the tests assert what the patterns do, never how fast."""

from __future__ import annotations

import hashlib
import re
from datetime import date

import pytest

from skima.engine import Engine, ResumeInput
from skima.engine.engine import MAX_JOB_CHARS, cap_job_text
from skima.engine.masking import _EMAIL, _NAME_LABEL, mask_protected
from skima.engine.matching import _CLAUSE_BREAK, _CREDENTIAL, _DANGLING, _experience_subject
from skima.engine.requirements import _SETTING, _TITLE_NOISE, _TRAILER, _domain, _held_as, core_term
from skima.engine.resume import _SKILL_DETAIL, _STATED_TOTAL_FIELD, parse_resume
from skima.engine.text import clean_text
from tests.unit.engine.conftest import HashingEmbedder

pytestmark = pytest.mark.timeout(60)

SIZE = 300_000  # one pattern at a time
PATH_SIZE = 200_000  # the whole resume text path

# name -> a long run no real resume has, built to make a backtracking pattern rescan it from every character
ADVERSARIAL = {
    "no spaces": "a" * PATH_SIZE,
    "repeated at": "@" * PATH_SIZE,
    "letter at": "a@" * (PATH_SIZE // 2),
    "dots": "." * PATH_SIZE,
    "letter dot": "a." * (PATH_SIZE // 2),
    "digits": "1" * PATH_SIZE,
    "digit dot": "1." * (PATH_SIZE // 2),
    "digit dash": "1-" * (PATH_SIZE // 2),
    "email-ish": "x.y+z-" * (PATH_SIZE // 6),
    "underscores": "_" * PATH_SIZE,
    "mojibake leads": "Ã" * PATH_SIZE,
    "years and dashes": "2019-" * (PATH_SIZE // 5),
    "camel": "Aa" * (PATH_SIZE // 2),
    "dashes": "-" * PATH_SIZE,
    "open brackets": "(" * PATH_SIZE,
    "punctuation lines": ".\n" * (PATH_SIZE // 2),
    "odd blanks": "a" + "\u2028\x85" * (PATH_SIZE // 2) + "a",
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_the_resume_text_path_finishes_on_long_adversarial_runs(name: str) -> None:
    text = ADVERSARIAL[name]
    cleaned = clean_text(text)
    masked = mask_protected(cleaned)
    parsed = parse_resume(masked, 2026.0)
    assert "[email]" not in masked  # none of these holds an address
    assert len(parsed.lines) <= len(cleaned.split("\n"))


def test_a_whole_profile_and_match_finish_on_a_500_kb_run_without_spaces() -> None:
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1), isolate_documents=False)
    job = engine.prepare_job("j", "## Requirements\n- 5+ years of Python\n- Kubernetes")
    profile = engine.build_profile("c", ResumeInput.from_document(b"x" * 500_000, "cv.txt"))
    assert profile.truncated == "only the first 200,000 characters were read"
    assert engine.match(job, profile).status == "insufficient_evidence"


def test_the_email_pattern_still_finds_whole_addresses() -> None:
    text = "mail: jane.doe+cv@mail.example.co.uk, old-box_2@x.org; not@anaddress"
    assert [m.group(0) for m in _EMAIL.finditer(text)] == ["jane.doe+cv@mail.example.co.uk", "old-box_2@x.org"]
    assert _EMAIL.search("a" * SIZE) is None
    assert _EMAIL.search("a" * SIZE + "@example.com").span() == (0, SIZE + len("@example.com"))  # type: ignore[union-attr]


# pattern, adversarial input, what it must find there
DIRECT: list[tuple[str, re.Pattern[str], str, int]] = [
    ("email on word runs", _EMAIL, "a1_" * (SIZE // 3), 0),
    ("name label on punctuation lines", _NAME_LABEL, ".\n" * (SIZE // 2), 0),
    ("stated total on blanks", _STATED_TOTAL_FIELD, " " * SIZE + "x", 0),
    ("clause breaks on blanks", _CLAUSE_BREAK, "a" + " " * SIZE + "b", 0),
    ("dangling fillers on blanks", _DANGLING, "a" + " " * SIZE + "x", 0),
    ("job trailer on blanks", _TRAILER, "a" + " " * SIZE + "x", 0),
    ("title noise on open brackets", _TITLE_NOISE, "(" * SIZE, 0),
    ("title noise on blanks", _TITLE_NOISE, "a" + " " * SIZE + "b", 0),
]


@pytest.mark.parametrize(("name", "pattern", "text", "expected"), DIRECT, ids=[d[0] for d in DIRECT])
def test_each_fixed_pattern_scans_an_adversarial_run_once(
    name: str, pattern: re.Pattern[str], text: str, expected: int
) -> None:
    assert sum(1 for _ in pattern.finditer(text)) == expected


def test_anchored_patterns_finish_on_adversarial_lines() -> None:
    assert _SKILL_DETAIL.match(" " * SIZE) is None
    assert _SKILL_DETAIL.match("• Python - Exprience - 5 years").group(1) == "Python"  # type: ignore[union-attr]
    assert _CREDENTIAL.match("-" * SIZE) is None
    assert _CREDENTIAL.match("- AWS certification") is not None
    assert _SETTING.match("a" + " " * SIZE + "b") is None
    assert _domain("the retail industry") == "retail"
    assert core_term("Proven pediatric nursing experience") == "pediatric nursing"
    assert core_term("x" + " " * SIZE + "y") == "x" + " " * SIZE + "y"


def test_held_as_and_dangling_finish_on_repeated_words() -> None:
    assert _held_as("years " * (SIZE // 6)) == ""
    assert _held_as("3+ years as a data or business analyst using SQL") == "data or business analyst"
    assert _experience_subject("5 years" + " or" * (SIZE // 3) + " x") != ""
    assert _experience_subject("6+ years of experience as a backend engineer or similar role") == (
        "experience as a backend engineer"
    )


def test_a_huge_job_text_is_read_to_its_cap_whole_words_and_keyed_by_its_whole_text(engine: Engine) -> None:
    head = "Senior Data Engineer\n## Requirements\n- 5+ years of Python\n- Kubernetes\n"
    padding = " ".join(f"Skill{index} Java" for index in range(20_000))  # ~240 KB, past the cap
    text = head + padding
    job = engine.prepare_job("j", text)
    assert job.text_sha256 == hashlib.sha256(text.encode()).hexdigest()  # a change past the cap is still a change
    assert any("Python" in requirement.label for requirement in job.requirements)
    capped = cap_job_text(text)
    assert len(capped) <= MAX_JOB_CHARS and text.startswith(capped) and text[len(capped)] == " "
    assert cap_job_text(head) == head
