from skima.engine.masking import mask_protected
from skima.engine.resume import build_term_index, parse_resume
from skima.engine.text import clean_text

from .conftest import STRONG


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_resume(mask_protected(clean_text(text)), 2026.0)


def test_roles_with_date_ranges_become_years() -> None:
    parsed = parse(STRONG)
    assert [r.title for r in parsed.roles] == ["Senior Backend Engineer", "Software Engineer"]
    assert parsed.roles[0].years == 6.0
    assert parsed.total_years == 8.92
    assert parsed.education_level == 2
    assert parsed.headline == "Senior Backend Engineer"


def test_dates_on_the_line_after_the_title() -> None:
    parsed = parse(
        "## Experience\n### Pediatric Registered Nurse — Crescent Health\nJul 2021–present\n"
        "* Taught parents about home care"
    )
    assert parsed.roles[0].title == "Pediatric Registered Nurse"
    assert parsed.roles[0].years == 4.5


def test_skill_details_table_and_stated_years() -> None:
    parsed = parse(
        "Skill Details \nJava- Exprience - 60 months\nSQL- Exprience - Less than 1 year months\n"
        "Summary\n7+ years of experience in software development; 3 years of Python"
    )
    assert parsed.skill_years["java"] == 5.0
    assert parsed.skill_years["sql"] == 0.5
    assert parsed.skill_years["python"] == 3.0
    assert parsed.total_years == 7.0


def test_education_dates_are_not_roles() -> None:
    parsed = parse("Education Details\nMay 2013 to May 2017 B.E UIT-RGPV\nData Scientist - Matelabs")
    assert parsed.roles == []


def test_layoutless_paste_yields_title_phrases_and_bounded_spans() -> None:
    blob = (
        "Skills Python, SQL, Tableau Education Details B.E Computer Science Data Scientist - Matelabs "
        + "Built models for churn and fraud. " * 60
    )
    parsed = parse(blob)
    assert any("Data Scientist" in t for t in parsed.titles)
    assert sum(len(s.text.split()) for s in parsed.spans) <= 420
    assert all(len(s.text.split()) <= 24 for s in parsed.spans)


def test_term_index_handles_aliases_case_and_initialisms() -> None:
    index = build_term_index(["Go, Power BI and Node.js", "go-to person", "Pediatric Advanced Life Support"])
    assert index["go"] == 0 and index["powerbi"] == 0 and index["nodej"] == 0
    assert index["pals"] == 2
    lower_only = build_term_index(["the go-to person"])
    assert "go" not in lower_only
