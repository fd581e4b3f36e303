"""Required licences and registrations are must-haves (issue 9): read from several posting formats, required or
preferred as the posting says, met by what a reader accepts for them, never an employer's check; a missing one is
named first and keeps the score out of the strong band without reordering those who lack it. Bracketed examples
are evidence for the broad skill before them, not requirements of their own."""

from __future__ import annotations

import itertools

import pytest

from skima.engine import Engine
from skima.engine.models import Requirement
from skima.engine.requirements import extract_requirements
from skima.engine.signals import MUST_HAVE_PENALTY, STRONG_SCORE, calibrate, value_for_score, without_must_have


def _requirements(posting: str) -> list[Requirement]:
    return extract_requirements(posting)[1]


def _licences(posting: str) -> dict[str, bool]:
    """label -> required, for the licences a posting asks for."""
    return {r.label: r.required for r in _requirements(posting) if r.licence}


def _labels(posting: str) -> list[str]:
    return [r.label for r in _requirements(posting)]


# --- reading licences from postings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posting", "label"),
    [
        ("Ward Nurse\nRequirements:\n- Must hold current NMC registration\n- Wound care", "current NMC registration"),
        ("Night Nurse\nEssential:\n- RGN / RMN\n- Care planning experience", "RGN / RMN"),
        ("Truck Driver\nQualifications:\n- Valid Class A CDL\n- Clean driving record", "Valid Class A CDL"),
        ("Senior Accountant\nRequirements: CPA required; month-end close; NetSuite", "CPA"),
        ("ICU Nurse\nWhat you need\n* Active RN license in the state of Ohio\n* BLS", "Active RN license"),
        ("Heating Engineer\nRequirements\n- Gas Safe registered\n- Boiler servicing", "Gas Safe registered"),
        ("Door Supervisor\nRequirements:\n- SIA licence\n- Conflict management", "SIA licence"),
        ("Site Labourer\nMust have:\n- CSCS card\n- Manual handling", "CSCS card"),
        ("Maths Teacher\nPerson specification\n- QTS\n- KS3 and KS4 teaching", "QTS"),
    ],
)
def test_a_required_licence_is_read_in_the_postings_words(posting: str, label: str) -> None:
    assert _licences(posting) == {label: True}


def test_a_licence_in_a_paragraph_is_read_when_asked_for_not_when_named_as_the_work() -> None:
    asked = (
        "Staff Nurse\nA friendly care home in Leeds is looking for a nurse to join its day team on a permanent "
        "contract with paid breaks. All applicants will hold an RGN qualification with an active NMC pin."
    )
    assert list(_licences(asked).values()) == [True]
    named = (
        "Clinical Lead\nResponsibilities:\n- Supervise the RGNs on the ward and plan their rotas\n"
        "Requirements:\n- Leadership in a care setting"
    )
    assert _licences(named) == {}


@pytest.mark.parametrize(
    "posting",
    [
        "Accountant\nRequirements:\n- Month-end close\nNice to have:\n- CPA",
        "Accountant\nRequirements:\n- Month-end close\n- CPA credentials are desired",
        "Accountant\nRequirements:\n- Month-end close\n- MBA, CPA or CMA preferred",
        "Accountant\nRequirements:\n- Month-end close\n- Ideally a CPA",
        "Driver\nRequirements:\n- Ability to obtain a Class A CDL within 60 days of hire",
        "Accountant\nRequirements:\n- Month-end close\n- ACCA qualification or working towards it",
    ],
)
def test_a_preferred_licence_or_one_to_obtain_later_is_not_a_must_have(posting: str) -> None:
    licences = _licences(posting)
    assert licences, "the licence is still read, as a nice-to-have"
    assert not any(licences.values())


def test_a_licence_required_in_its_own_clause_stays_required_beside_a_preferred_one() -> None:
    posting = "Controller\nRequirements:\nBachelor's degree; Masters or equivalent preferred.CPA required; SAP"
    assert _licences(posting) == {"CPA": True}


def test_a_licence_named_twice_is_one_requirement_and_either_of_two_joined_by_or_meets_it() -> None:
    posting = (
        "Staff Nurse RGN\nRequirements:\n- RGN or RMN with a valid NMC pin\n- Dementia care\n"
        "Keywords: RGN, nursing home"
    )
    assert len(_licences(posting)) == 1
    either = _requirements("Triage Nurse\nRequirements:\n- Active RN or LPN license\n- Phone triage")
    licence = next(r for r in either if r.licence)
    assert {"rn", "lpn"} <= set(licence.terms)


@pytest.mark.parametrize(
    "line",
    [
        "Enhanced DBS check required",
        "Must pass a background check and drug screen",
        "Successful candidates will be subject to a criminal record check",
        "A clean driving licence",
    ],
)
def test_employer_checks_and_plain_driving_licences_are_not_must_haves(line: str) -> None:
    posting = f"Support Worker\nRequirements:\n- Personal care experience\n- {line}"
    assert _licences(posting) == {}
    assert not any(r.label.lower().startswith(("enhanced dbs", "drug screen")) for r in _requirements(posting))


def test_a_check_line_is_no_requirement_at_all() -> None:
    posting = "Support Worker\nRequirements:\n- Personal care experience\n- Enhanced DBS check required"
    assert not any("DBS" in r.label for r in _requirements(posting))


# --- bracketed examples ------------------------------------------------------------------------------------------


def test_bracketed_examples_are_evidence_for_the_broad_skill_not_requirements_of_their_own() -> None:
    posting = (
        "DevOps Engineer\nRequirements:\n- Experience with CI/CD (Jenkins, GitHub Actions)\n"
        "- Message queues (e.g. RabbitMQ or Kafka)\n- Python"
    )
    requirements = _requirements(posting)
    labels = [r.label for r in requirements]
    assert "CI/CD (Jenkins, GitHub Actions)" in labels
    assert "Message queues (RabbitMQ or Kafka)" in labels
    for example in ("Jenkins", "GitHub Actions", "RabbitMQ", "Kafka"):
        assert example not in labels
    queues = next(r for r in requirements if r.label.startswith("Message queues"))
    assert {"message queue", "rabbitmq", "kafka"} <= set(queues.terms)


@pytest.mark.parametrize(
    "line",
    ["Python (3+ years)", "SQL (PostgreSQL preferred)", "Excel (advanced level)", "Git (or similar)"],
)
def test_brackets_that_qualify_rather_than_exemplify_are_left_alone(line: str) -> None:
    labels = _labels(f"Developer\nRequirements:\n- {line}\n- Git")
    assert not any("(" in label for label in labels)


def test_a_dotnet_line_is_dotnet_not_net() -> None:
    labels = _labels("Developer\nRequirements:\n- .NET\n- C#")
    assert ".NET" in labels
    assert "NET" not in labels


@pytest.mark.parametrize("written", ["CI/CD pipelines for releases", "Jenkins jobs", "GitHub Actions workflows"])
def test_any_example_or_the_broad_skill_itself_meets_it(engine: Engine, written: str) -> None:
    posting = "Platform Engineer\nRequirements:\n- CI/CD (Jenkins, GitHub Actions)\n- Linux administration"
    resume = (
        "Sam Rivera\nPlatform Engineer, Northwind (2018 - 2024)\n"
        f"- Built and ran {written} and administered Linux servers for the finance team\n"
    )
    result = engine.score_text(posting, resume)
    group = next(r for r in result.requirements if r.label.startswith("CI/CD"))
    assert group.verdict == "met"
    assert not any("Jenkins" in gap or "GitHub" in gap for gap in result.gaps)


# --- matching: equivalents, gaps, the score -------------------------------------------------------------------

UK_NURSE_POSTING = """Staff Nurse
Requirements:
- Must hold current NMC registration (RGN)
- Experience in elderly care and dementia
- Medication administration and care planning
"""


def _nurse_resume(headline: str, *extra: str) -> str:
    return "\n".join(
        [
            "Alex Morgan",
            headline,
            "Nurse, Sunrise Care Home (2016 - 2024)",
            "- Elderly care and dementia support for thirty residents",
            "- Medication administration, care planning and wound care",
            *extra,
        ]
    )


@pytest.mark.parametrize(
    "evidence",
    ["Registered Nurse", "RN, BSN", "RGN with a live NMC pin", "Licenses: Registered Nurse, State of Ohio"],
)
def test_equivalents_a_reader_accepts_meet_the_registration(engine: Engine, evidence: str) -> None:
    result = engine.score_text(UK_NURSE_POSTING, _nurse_resume(evidence))
    licence = next(r for r in result.requirements if r.licence)
    assert licence.verdict == "met"
    assert result.receipt.must_have_missing == []
    assert result.receipt.must_have_penalty == 0.0


@pytest.mark.parametrize(
    "mention",
    [
        "- Worked alongside registered nurses on every shift",
        "- Observations as directed by the RN",
        "Pre-Nursing RN, Lakeside Community College",
        "- Studying towards RGN registration",
    ],
)
def test_someone_elses_licence_or_one_being_studied_for_is_not_held(engine: Engine, mention: str) -> None:
    result = engine.score_text(UK_NURSE_POSTING, _nurse_resume("Licensed Practical Nurse", mention))
    licence = next(r for r in result.requirements if r.licence)
    assert licence.verdict == "missing"
    assert result.gaps[0] == f"not found in resume: {licence.label}"
    assert result.receipt.must_have_missing == [licence.label]
    assert result.receipt.must_have_penalty > 0


def test_a_missing_required_licence_is_the_first_gap_and_named_in_the_reasons(engine: Engine) -> None:
    posting = "Class A Driver\nRequirements:\n- Route planning\n- Forklift\n- Valid Class A CDL\n- ELD logs"
    resume = (
        "Chris Lee\nDelivery Driver, Quick Freight (2017 - 2024)\n"
        "- Planned routes for local deliveries across the county\n- Kept daily logs"
    )
    result = engine.score_text(posting, resume)
    assert result.gaps[0] == "not found in resume: Valid Class A CDL"
    assert "not found in resume: Valid Class A CDL" in result.reasons


def test_a_preferred_licence_missing_takes_nothing_off(engine: Engine) -> None:
    posting = "Accountant\nRequirements:\n- Month-end close\n- Reconciliations\nNice to have:\n- CPA"
    resume = "Jo Park\nAccountant, Ledger Co (2015 - 2024)\n- Month-end close and bank reconciliations"
    result = engine.score_text(posting, resume)
    assert result.receipt.must_have_missing == []
    assert result.receipt.must_have_penalty == 0.0


def test_the_receipt_explains_the_score_of_a_pair_lacking_a_licence(engine: Engine) -> None:
    result = engine.score_text(UK_NURSE_POSTING, _nurse_resume("Care Assistant"))
    receipt = result.receipt
    assert receipt.blended is not None
    assert result.score == calibrate(receipt.blended)
    assert receipt.must_have_missing == ["current NMC registration"]
    assert without_must_have(receipt.blended + receipt.must_have_penalty) == pytest.approx(receipt.blended, abs=2e-4)


# --- the penalty's shape -------------------------------------------------------------------------------------------


def test_without_a_required_licence_no_blended_value_reaches_strong() -> None:
    for step in range(0, 400):
        value = step / 100
        assert calibrate(without_must_have(value)) < STRONG_SCORE


def test_the_penalty_keeps_the_order_among_those_who_lack_the_licence() -> None:
    values = [step / 200 for step in range(0, 800)]
    lowered = [without_must_have(v) for v in values]
    assert all(b > a for a, b in itertools.pairwise(lowered))


def test_below_the_strong_band_the_penalty_is_a_plain_subtraction() -> None:
    low = value_for_score(50)
    assert low - without_must_have(low) == pytest.approx(MUST_HAVE_PENALTY)
    assert calibrate(value_for_score(70)) == 70  # the inverse of the knots, whatever they are


@pytest.mark.parametrize(
    ("posting", "resume_line", "verdict"),
    [
        ("Home Health Nurse\nRequirements:\n- Licensed in the state of Ohio\n- Wound care", "Registered Nurse", "met"),
        (
            "Tax Accountant\nRequirements:\n- Current state licensure\n- Tax returns",
            "Certified Public Accountant",
            "met",
        ),
        (
            "Home Health Nurse\nRequirements:\n- Licensed in the state of Ohio\n- Wound care",
            "Home health aide",
            "missing",
        ),
    ],
)
def test_a_licence_asked_for_by_state_is_the_titles_licence(
    engine: Engine, posting: str, resume_line: str, verdict: str
) -> None:
    assert list(_licences(posting).values()) == [True]
    resume = f"Robin Shaw\n{resume_line}\nVisiting care, Bluebell Health (2017 - 2024)\n- Wound care and tax returns"
    licence = next(r for r in engine.score_text(posting, resume).requirements if r.licence)
    assert licence.verdict == verdict


def test_a_state_licence_for_a_title_without_one_is_not_guessed() -> None:
    assert _licences("Sales Associate\nRequirements:\n- Licensed in the state of Ohio\n- Retail sales") == {}


def test_a_missing_licence_is_named_even_when_another_gap_holds_its_words(engine: Engine) -> None:
    posting = "Audit Senior\nRequirements:\n- CPA\n- CPA firm audit experience\n- External audit"
    resume = "Dana Cole\nAccountant, Ledger Co (2016 - 2024)\n- Month-end close and reconciliations for clients"
    result = engine.score_text(posting, resume)
    assert result.gaps[0] == "not found in resume: CPA"


def test_a_licence_is_quoted_from_the_line_that_says_it_is_one_not_the_headline(engine: Engine) -> None:
    posting = "Regional Truck Driver\nRequirements:\n- Valid Class A CDL\n- Reefer loads\n"
    resume = (
        "Dana Whitfield - CDL-A Driver\nRaleigh, NC\n\nLicenses: Class A CDL (NC), tanker endorsement.\n\n"
        "Experience\nRegional driver, Piedmont Freight, 2018 - present: reefer loads across the Southeast.\n"
    )
    result = engine.score_text(posting, resume)
    licence = next(r for r in result.requirements if r.licence)
    assert licence.verdict == "met"
    assert licence.evidence is not None and licence.evidence.startswith("Licenses: Class A CDL")
