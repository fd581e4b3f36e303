"""The engine on the hashing fake embedder (tests/fakes.py) for its pure logic (the real model is tested in
integration)."""

from __future__ import annotations

from datetime import date

import pytest

from skima.engine import Engine
from tests.fakes import HashingEmbedder


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def engine(fake_embedder: HashingEmbedder) -> Engine:
    return Engine(fake_embedder, as_of=date(2026, 1, 1))


JOB = """# Senior Backend Engineer
Acme Payments · Remote

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

## Benefits
- Free lunch
"""

STRONG = """# Jane Q. Doe
Senior Backend Engineer | jane.doe@mail.com | +1 (415) 555-0199 | 12 Oak Street, Springfield, IL 62704

## Summary
Backend engineer with 8 years of experience building payment APIs in Java. She mentors junior engineers.

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

UNRELATED = """# John Smith
Registered Nurse

## Summary
Compassionate registered nurse with 10 years of experience in intensive care units and emergency departments.

## Experience
### ICU Nurse, City Hospital (2015 - 2025)
- Cared for critically ill patients, administered medications, coordinated with physicians
- Trained new nurses on patient safety protocols and electronic health records

## Education
BSc Nursing, 2011 - 2015
"""


def near_miss(text: str = STRONG) -> str:
    return (
        text.replace(" on Kubernetes (k8s)", "")
        .replace("; event streaming with Kafka", "")
        .replace("2018 - 2024", "2022 - 2024")
        .replace("Jan 2015 - Dec 2017", "Jan 2021 - Dec 2021")
        .replace("8 years", "3 years")
    )
