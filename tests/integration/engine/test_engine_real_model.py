"""Calibration, ranking and the counterfactual (protected attributes) on the real model."""

import itertools
import json
import re
from pathlib import Path

import pytest

from skima.engine import Engine

JOB = """# Senior Backend Engineer
## Responsibilities
- Design and build REST APIs for the payments platform
- Mentor junior engineers
## Requirements
- 5+ years of experience with Java or Kotlin
- Spring Boot, PostgreSQL and Kafka
- Kubernetes
- Bachelor's degree in Computer Science
## Nice to have
- Terraform
"""

TEMPLATE = """# {name}
Senior Backend Engineer | {email} | {phone} | {address}
{photo}
Age: {age}
## Summary
Backend engineer with 8 years of experience building payment APIs in Java. {He} mentors junior engineers and
{his} team ships weekly; {first} is {age_words} years old.
## Experience
### Senior Backend Engineer, Acme (2018 - 2024)
- Built REST APIs for payments in Java and Spring Boot on Kubernetes (k8s)
- Led the migration to PostgreSQL; event streaming with Kafka
- Mentored four junior engineers
### Software Engineer, Beta Corp (Jan 2015 - Dec 2017)
- Developed Java services with Terraform-managed infrastructure
## Education
B.Sc. Computer Science, 2010 - 2014
"""

NEAR_MISS = {
    " on Kubernetes (k8s)": "",
    "; event streaming with Kafka": "",
    "2018 - 2024": "2022 - 2024",
    "Jan 2015 - Dec 2017": "Jan 2021 - Dec 2021",
    "8 years": "3 years",
}

DATA_ANALYST = """# {name}
Data Analyst | {email} | {phone}
{photo}
{address}
## Summary
{He} turns sales data into decisions with SQL, Excel and Tableau; {first}, {age_words} years old, enjoys it.
## Experience
### Data Analyst, RetailCo (Mar 2019 - Present)
- Built Tableau dashboards for 40 stores; automated weekly reports with SQL
"""

NURSE = """# {name}
Registered Nurse
{photo}
Address: {address}
## Summary
Compassionate registered nurse with 10 years of experience in intensive care. {He} trains new nurses; {his} age
is {age}.
## Experience
### ICU Nurse, City Hospital (2015 - 2025)
- Cared for critically ill patients, administered medications, coordinated with physicians
## Education
BSc Nursing, 2011 - 2015
"""

PEOPLE = [
    {
        "name": "Jane Q. Doe",
        "first": "Jane",
        "He": "She",
        "his": "her",
        "age": 34,
        "age_words": "34",
        "email": "jane.doe@mail.com",
        "phone": "+1 (415) 555-0199",
        "address": "12 Oak Street, Springfield, IL 62704",
        "photo": "Photo: smiling woman in a blue blazer",
    },
    {
        "name": "Mohammed Al-Rashid",
        "first": "Mohammed",
        "He": "He",
        "his": "his",
        "age": 58,
        "age_words": "58",
        "email": "m.alrashid@example.org",
        "phone": "(212) 555-7788",
        "address": "450 Lakeview Avenue, Chicago, IL 60601",
        "photo": "![Photo of an older man with a beard](p.jpg)",
    },
    {
        "name": "Wei Zhang",
        "first": "Wei",
        "He": "They",
        "his": "their",
        "age": 23,
        "age_words": "23",
        "email": "wz@example.com",
        "phone": "+44 20 7946 0958",
        "address": "7 Baker Street, London NW1 6XE",
        "photo": "[photo: young person in a hijab]",
    },
]


def render(template: str, person: dict[str, object], replacements: dict[str, str] | None = None) -> str:
    text = template.format(**person)
    for old, new in (replacements or {}).items():
        text = text.replace(old, new)
    return text


def _anonymised(text: str, person: dict[str, object]) -> str:
    for key, value in sorted(person.items(), key=lambda kv: -len(str(kv[1]))):
        for part in {str(value), *str(value).split()} if key == "name" else {str(value)}:
            text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", f"<{key}>", text)
    return text


def test_counterfactual_protected_attributes_never_move_a_score(real_engine: Engine) -> None:
    job = real_engine.prepare_job("job", JOB)
    resumes = [(TEMPLATE, None), (TEMPLATE, NEAR_MISS), (DATA_ANALYST, None), (NURSE, None)]
    for template, replacements in resumes:
        profiles = [real_engine.build_profile("c", render(template, p, replacements)) for p in PEOPLE]
        results = [real_engine.match(job, profile) for profile in profiles]
        for (a, person_a), (b, person_b) in itertools.pairwise(zip(results, PEOPLE, strict=True)):
            assert a.score == b.score
            # reasons quote the resume as written (see matching._display): the same but for the person
            assert [_anonymised(r, person_a) for r in a.reasons] == [_anonymised(r, person_b) for r in b.reasons]
            assert a.gaps == b.gaps
        # what was embedded is identical too (the raw text differs, so its hash does)
        for a_profile, b_profile in itertools.pairwise(profiles):
            assert a_profile.spans == b_profile.spans
            assert a_profile.vectors == b_profile.vectors


def test_calibration_strong_high_near_miss_between_unrelated_low(real_engine: Engine) -> None:
    job = real_engine.prepare_job("job", JOB)
    person = PEOPLE[0]
    strong = real_engine.match(job, real_engine.build_profile("s", render(TEMPLATE, person)))
    near = real_engine.match(job, real_engine.build_profile("n", render(TEMPLATE, person, NEAR_MISS)))
    analyst = real_engine.match(job, real_engine.build_profile("a", render(DATA_ANALYST, person)))
    nurse = real_engine.match(job, real_engine.build_profile("u", render(NURSE, person)))
    assert strong.score is not None and strong.score >= 80
    assert near.score is not None and 30 < near.score < strong.score
    assert analyst.score is not None and analyst.score <= 30
    assert nurse.score is not None and nurse.score <= 30
    assert "not found in resume: Kubernetes" in near.gaps


@pytest.mark.parametrize("title", ["Java Developer", "Python Developer", "HR Manager", "Sales Executive"])
def test_role_title_ranks_the_matching_occupation_first(real_engine: Engine, title: str) -> None:
    resumes = {
        "Java Developer": "Java Developer - Infosys. Skills: Java, Spring, Hibernate, J2EE, REST web services. "
        "Developed banking modules; wrote unit tests and fixed production issues for 4 years.",
        "Python Developer": "Python Developer - TCS. Skills: Python, Django, Flask, Pandas. Built REST APIs "
        "and data pipelines; automated reports with scripts for 3 years.",
        "HR Manager": "HR Manager - Reliance. Recruitment, onboarding, payroll, employee relations and "
        "performance appraisals for 400 staff over 6 years; labour law compliance.",
        "Sales Executive": "Sales Executive - Bajaj. Field sales, lead generation, client visits, negotiation "
        "and closing deals; achieved 120% of target for 3 consecutive years.",
    }
    job = real_engine.prepare_job("job", f"{title}\nWe are hiring a {title} to join our team.")
    profiles = {name: real_engine.build_profile(name, text * 2) for name, text in resumes.items()}
    scores = {name: real_engine.match(job, p).score or 0 for name, p in profiles.items()}
    assert max(scores, key=lambda k: scores[k]) == title


def test_bands_on_the_handwritten_set_keep_an_adjacent_title_below_strong(real_engine: Engine) -> None:
    """The calibration's guard: on the hand-written set every strong candidate reads 'strong' (80+), and a candidate
    with only an adjacent title (a package-car driver without the CDL, a medical-surgical nurse for ICU) reads at
    most 'good'. A draft of engine 1.5 mapped the best real same-occupation resumes to 84 and lifted these to 84-86:
    on the blend, the two are the same height, so real-data medians alone cannot set the top knots."""
    sets = Path(__file__).resolve().parents[3] / "eval" / "sets" / "handwritten"
    read = lambda name: [json.loads(line) for line in (sets / name).read_text().splitlines() if line.strip()]  # noqa: E731
    jobs = {row["id"]: real_engine.prepare_job(row["id"], row["text"]) for row in read("jobs.jsonl")}
    resumes = {row["id"]: row["text"] for row in read("candidates.jsonl")}
    scores: dict[str, list[int]] = {"strong": [], "adjacent": []}
    for qrel in read("qrels.jsonl"):
        kind = "strong" if qrel["gain"] == 2 else "adjacent" if qrel["candidate_id"].endswith("-adjacent") else None
        if kind:
            profile = real_engine.build_profile("c", resumes[qrel["candidate_id"]])
            result = real_engine.match(jobs[qrel["job_id"]], profile)
            assert result.score is not None
            scores[kind].append(result.score)
    assert len(scores["strong"]) == 8 and len(scores["adjacent"]) >= 6, scores
    assert min(scores["strong"]) >= 80, scores
    assert max(scores["adjacent"]) < 80, scores
