"""UK postings and US resumes spell the same words differently ('adviser', 'organisational', 'paediatric'): both
are keyed in US spelling, so neither a requirement, a title nor the lexical signal misses for spelling alone."""

from __future__ import annotations

import pytest

from skima.engine import Engine
from skima.engine.lexicon import term_key, us_spelling
from skima.engine.occupations import title_occupations
from skima.engine.signals import terms

GAP = "not found in resume: "


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Organisational skills", "organizational skills"),
        ("Specialisations", "specializations"),
        ("prioritised", "prioritized"),
        ("Analysing trends", "analyzing trends"),
        ("Paediatric nursing", "pediatric nursing"),
        ("Orthopaedic ward", "orthopedic ward"),
        ("Haematology", "hematology"),
        ("Anaesthetics", "anesthetics"),
        ("Behavioural therapy", "behavioral therapy"),
        ("Labour law", "labor law"),
        ("Financial modelling", "financial modeling"),
        ("Counselling", "counseling"),
        ("Driving licence", "driving license"),
        ("Call centre", "call center"),
        ("HR Adviser", "HR Advisor"),
        ("Fulfilment centre", "fulfillment center"),
        ("Jewellery", "jewelry"),
    ],
)
def test_british_and_american_spellings_share_a_key(british: str, american: str) -> None:
    assert term_key(british) == term_key(american)


@pytest.mark.parametrize(
    "word",
    [
        "expertise",
        "franchise",
        "exercise",
        "enterprise",
        "advertise",
        "supervise",
        "hour",
        "tour",
        "genre",
        "acre",
        "selling",
        "spelling",
        "compelling",
        "analysis",
        "premise",
        "raise",
    ],
)
def test_words_that_only_look_british_are_left_alone(word: str) -> None:
    assert us_spelling(word) == word


@pytest.mark.parametrize(
    ("title", "occupation"),
    [
        ("HR Adviser", "hr_generalist"),
        ("Payroll Administrator", "payroll_specialist"),
        ("IT Support Analyst", "it_support"),
        ("Head of IT", "it_manager"),
        ("Independent Financial Adviser", "financial_advisor"),
        ("Retail Sales Assistant", "retail_associate"),
        ("Nursery Nurse", "childcare_worker"),
        ("Early Years Practitioner", "childcare_worker"),
    ],
)
def test_common_uk_titles_name_their_occupation(title: str, occupation: str) -> None:
    assert title_occupations(title) == (occupation,)


def test_a_nursery_nurse_is_not_a_registered_nurse() -> None:
    assert "registered_nurse" not in title_occupations("Nursery Nurse")
    assert title_occupations("Staff Nurse") == ("registered_nurse",)


def test_the_lexical_signal_counts_both_spellings_as_one_word() -> None:
    assert terms("organisational behaviour, paediatric centre") == terms("organizational behavior, pediatric center")


def test_a_uk_requirement_is_met_by_a_us_resume(engine: Engine) -> None:
    job = "Care Coordinator\nRequirements:\n- Paediatric nursing\n- Organisational skills\n- Rota planning\n"
    resume = "\n".join(
        [
            "Jordan Lee",
            "Care Coordinator, Riverside Clinic (2017 - 2024)",
            "Coordinated pediatric nursing schedules for three wards.",
            "Known for strong organizational skills and calm under pressure.",
        ]
    )
    result = engine.score_text(job, resume)
    asked = [r for r in result.requirements if r.label.startswith(("Paediatric", "Organisational"))]
    assert len(asked) == 2 and all(r.verdict != "missing" for r in asked), result.requirements
    assert not [g for g in result.gaps if "Paediatric" in g or "Organisational" in g], result.gaps
