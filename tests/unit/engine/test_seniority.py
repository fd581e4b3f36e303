"""The seniority direction reading (engine/seniority.py): levels from titles, the candidate's level from dated roles,
the gap, its adjustment of the blended value and the line that names it."""

from __future__ import annotations

import pytest

from skima.engine import Engine
from skima.engine.models import Role
from skima.engine.seniority import (
    DIRECTOR,
    ENTRY,
    EXECUTIVE,
    FLOOR,
    MANAGER,
    PRACTITIONER,
    SENIOR,
    STEP_PENALTY,
    candidate_level,
    read_seniority,
    title_level,
)
from skima.engine.signals import blend


@pytest.mark.parametrize(
    ("title", "level"),
    [
        # plain titles, with and without a place, a grade or an employer after them
        ("Payroll Accountant", PRACTITIONER),
        ("Warehouse Analyst II", PRACTITIONER),
        ("Dental Hygienist - Bristol, part time", PRACTITIONER),
        ("Backend Engineer at Northwind Traders", PRACTITIONER),
        # qualifiers move a plain title
        ("Junior Web Developer", ENTRY),
        ("Graduate Surveyor", ENTRY),
        ("Marketing Intern", ENTRY),
        ("Sr. Tax Accountant", SENIOR),
        ("Lead Data Engineer", SENIOR),
        ("Principal Structural Engineer", SENIOR),
        ("Team Lead", SENIOR),
        # managers, assistants to them, and heads
        ("Assistant Store Manager", SENIOR),
        ("Deputy Ward Manager", SENIOR),
        ("Store Manager", MANAGER),
        ("Night Shift Supervisor", MANAGER),
        ("Head of Procurement", DIRECTOR),
        ("Director of Nursing", DIRECTOR),
        ("Regional Sales Director", DIRECTOR),
        ("Associate Director, Clinical Operations", MANAGER),
        ("Chief Operating Officer", EXECUTIVE),
        ("VP Engineering", EXECUTIVE),
        ("Senior Vice President, Lending", EXECUTIVE),
        ("Managing Partner", EXECUTIVE),
        # the kitchen's own ladder
        ("Commis Chef", ENTRY),
        ("Prep Cook", PRACTITIONER),
        ("LINE COOK", PRACTITIONER),
        ("Demi Chef de Partie", PRACTITIONER),
        ("Chef de Partie - Grill", SENIOR),
        ("Sous Chef", MANAGER),
        ("Head Chef", DIRECTOR),
        ("Chef Manager", DIRECTOR),
        ("Executive Chef", EXECUTIVE),
        # words that mislead: plain titles in practice
        ("Account Executive", PRACTITIONER),
        ("Senior Account Executive", SENIOR),
        ("Executive Assistant to the CEO", PRACTITIONER),
        ("Credit Controller", PRACTITIONER),
        ("Finance Business Partner", PRACTITIONER),
        # two posts of one level
        ("Cook/Baker", PRACTITIONER),
    ],
)
def test_a_title_reads_as_one_level(title: str, level: int) -> None:
    assert title_level(title) == (level, level)


@pytest.mark.parametrize(
    ("title", "span"),
    [
        ("Project Manager", (PRACTITIONER, SENIOR)),  # manages a project, not people; some firms mean a senior one
        ("Key Account Manager", (PRACTITIONER, SENIOR)),
        ("Office Manager", (PRACTITIONER, SENIOR)),
        ("Case Manager", (PRACTITIONER, SENIOR)),
        ("Inventory Specialist", (PRACTITIONER, SENIOR)),
        ("Staff / Senior Accountant", (PRACTITIONER, SENIOR)),
        ("Executive Chef & General Manager", (MANAGER, EXECUTIVE)),
    ],
)
def test_a_title_a_firm_may_mean_two_ways_reads_as_a_span(title: str, span: tuple[int, int]) -> None:
    assert title_level(title) == span


@pytest.mark.parametrize(
    "title",
    [
        "",
        "Harrogate, full time",  # no title noun at all
        "Club Chef",  # a cook in one kitchen, the head of another
        "Creative Director",  # a director by trade, not by rank
        "Director",  # the head of a firm of one as often as of a large one
        "Owner",
        "Quality Manager",  # a specialist in one firm, a manager of people in another
        "Financial Controller",
        "Assistant Accountant",
        "Assistant Vice President",
        "School Principal",
        "Manager and Club Chef",  # one of its posts cannot be read
    ],
)
def test_a_title_read_with_doubt_has_no_level(title: str) -> None:
    assert title_level(title) is None


def _role(title: str, start: float, end: float) -> Role:
    return Role(title=title, start=start, end=end, years=end - start, line=0, last_line=0)


def test_the_candidates_level_is_their_current_roles_and_their_highest_of_recent_years() -> None:
    roles = [
        _role("Prep Cook", 2022.0, 2025.0),
        _role("Line Cook", 2021.0, 2024.5),
        _role("Sous Chef", 2019.0, 2021.0),  # recent, not current
        _role("Executive Chef", 2001.0, 2012.0),  # neither
    ]
    found = candidate_level(roles)
    assert found is not None
    assert (found.current_low, found.current_low_role.title) == (PRACTITIONER, "Prep Cook")
    assert (found.recent_high, found.recent_high_role.title) == (MANAGER, "Sous Chef")


def test_without_a_readable_current_role_there_is_no_candidate_level() -> None:
    assert candidate_level([]) is None
    assert candidate_level([_role("Club Chef", 2020.0, 2025.0), _role("Sous Chef", 2015.0, 2019.0)]) is None
    assert candidate_level([_role("", 2020.0, 2025.0)]) is None


def _reading(job_title: str, roles: list[Role], blended: float = 1.3):
    return read_seniority(title_level(job_title), candidate_level(roles), 2025.0, blended)


def test_a_much_more_senior_candidate_is_named_and_lowered() -> None:
    reading = _reading("Line Cook", [_role("Executive Chef", 2015.0, 2024.0)])
    assert reading is not None
    assert reading.gap == EXECUTIVE - PRACTITIONER
    assert reading.note == "more senior than the post: Executive Chef (2015-2024)"
    assert reading.adjustment == pytest.approx(-2 * STEP_PENALTY)  # at most two levels count
    assert (reading.job_level, reading.resume_level) == ("practitioner", "executive")


def test_two_levels_over_takes_one_step() -> None:
    reading = _reading("Financial Analyst", [_role("Finance Manager", 2012.0, 2025.0)])
    assert reading is not None and reading.gap == 2
    assert reading.adjustment == pytest.approx(-STEP_PENALTY)


def test_a_much_less_senior_candidate_is_named_and_lowered() -> None:
    roles = [_role("Accounts Intern", 2024.0, 2025.0), _role("Junior Bookkeeper", 2023.0, 2024.0)]
    reading = _reading("Senior Accountant", roles)
    assert reading is not None and reading.gap == -2
    assert reading.note == "less senior than the post: Accounts Intern (2024-now)"
    assert reading.adjustment == pytest.approx(-STEP_PENALTY)


def test_a_senior_role_of_recent_years_keeps_a_candidate_from_reading_as_junior() -> None:
    roles = [_role("Accountant", 2024.0, 2025.0), _role("Senior Accountant", 2021.0, 2024.0)]
    reading = _reading("Finance Manager", roles)
    assert reading is not None and reading.gap == 0 and reading.adjustment == 0.0 and reading.note is None


@pytest.mark.parametrize(
    ("job_title", "held"),
    [
        ("Sous Chef", "Chef de Partie"),  # one step up
        ("Senior Financial Analyst", "Financial Analyst"),
        ("Store Manager", "Assistant Store Manager"),
        ("Chef de Partie", "Sous Chef"),  # one step down
        ("Sales Associate", "Account Executive"),  # not an executive
        ("Personal Assistant", "Executive Assistant"),  # not senior
        ("Operations Manager", "Senior Operations Analyst"),
        ("Sales Manager", "Account Manager"),  # a span: one step at most
        ("Project Coordinator", "Project Manager"),
    ],
)
def test_an_ordinary_career_step_changes_nothing(job_title: str, held: str) -> None:
    reading = _reading(job_title, [_role(held, 2018.0, 2025.0)])
    assert reading is not None
    assert reading.gap == 0 and reading.adjustment == 0.0 and reading.note is None


def test_an_unreadable_title_on_either_side_changes_nothing() -> None:
    assert _reading("Phone triage, nights", [_role("Executive Chef", 2015.0, 2025.0)]) is None
    assert _reading("Creative Director", [_role("Junior Designer", 2023.0, 2025.0)]) is None
    only_job = _reading("Line Cook", [_role("Club Chef", 2015.0, 2025.0)])
    assert only_job is not None and only_job.resume_level is None and only_job.adjustment == 0.0


def test_a_gap_never_takes_a_pair_below_a_fair_match() -> None:
    roles = [_role("Executive Chef", 2015.0, 2024.0)]
    near = _reading("Line Cook", roles, blended=FLOOR + 0.03)
    assert near is not None and near.adjustment == pytest.approx(-0.03)
    weak = _reading("Line Cook", roles, blended=FLOOR - 0.2)
    assert weak is not None and weak.adjustment == 0.0
    assert weak.note is not None  # still said: the reading holds whatever the score


LINE_COOK_JOB = """Line Cook
Harbour Kitchen, Leeds

We need a line cook for our busy brasserie.

Requirements:
- 1+ years of experience on a grill or saute station
- Food hygiene certificate
- Knife skills and prep
"""

EXECUTIVE_CHEF = """Morgan Vale
Executive chef, 20 years in hotel and restaurant kitchens.

Experience
Executive Chef, Grand Quay Hotel (2014 - 2024)
- Ran a brigade of 30 across three outlets; menus, costing, suppliers
- Grill and saute stations, knife skills training, food hygiene audits
Head Chef, The Old Mill (2008 - 2014)
- Seasonal menus, kitchen team of 8, prep and ordering
"""

LINE_COOK = """Sam Reyes
Line cook with grill and saute experience.

Experience
Line Cook, Dockside Grill (2019 - 2024)
- Grill and saute stations on busy services; knife skills and daily prep
- Food hygiene certificate, kept station logs
Prep Cook, Corner Cafe (2017 - 2019)
- Prep and cleaning
"""


def test_the_match_names_the_gap_and_records_the_reading(engine: Engine) -> None:
    job = engine.prepare_job("j", LINE_COOK_JOB)
    over = engine.match(job, engine.build_profile("over", EXECUTIVE_CHEF))
    assert over.receipt.seniority is not None
    assert over.receipt.seniority.gap == EXECUTIVE - PRACTITIONER
    note = "more senior than the post: Executive Chef (2014-2024)"
    assert over.receipt.seniority.note == note
    assert note in over.gaps and note in over.reasons
    receipt = over.receipt
    assert receipt.blended == pytest.approx(
        blend(receipt.raw_score, receipt.signals) + receipt.seniority.adjustment, abs=1e-3
    )

    same = engine.match(job, engine.build_profile("same", LINE_COOK))
    assert same.receipt.seniority is not None and same.receipt.seniority.gap == 0
    assert not any("senior than the post" in line for line in same.gaps + same.reasons)


def _reading_for(job_title: str, job_occupations: tuple[str, ...], roles: list[Role]):
    return read_seniority(title_level(job_title), candidate_level(roles, job_occupations), 2025.0, 1.3)


def test_a_role_of_another_occupation_says_nothing_about_the_posts_level() -> None:
    # a bank's branch manager for a surveying post: the occupation is the gap, not the level
    reading = _reading_for("Quantity Surveyor", ("civil_engineer",), [_role("Branch Manager", 2015.0, 2025.0)])
    assert reading is not None and reading.note is None and reading.gap == 0
    reading = _reading_for("Nurse", ("registered_nurse",), [_role("Store Manager", 2015.0, 2025.0)])
    assert reading is not None and reading.note is None


def test_a_role_of_the_posts_occupation_still_reads_its_level() -> None:
    reading = _reading_for("Line Cook", ("chef",), [_role("Executive Chef", 2015.0, 2024.0)])
    assert reading is not None and reading.gap == EXECUTIVE - PRACTITIONER
    reading = _reading_for("Financial Analyst", ("financial_analyst",), [_role("Finance Manager", 2012.0, 2025.0)])
    assert reading is not None and reading.gap == 2 and reading.note is not None


def test_an_unread_title_counts_when_the_resume_is_of_the_posts_occupation_or_that_is_unknown() -> None:
    roles = [_role("Branch Manager", 2015.0, 2025.0)]
    assert candidate_level(roles, ("civil_engineer",)) is None  # a resume of another occupation: not read
    found = candidate_level(roles, ("civil_engineer",), resume_fits=True)  # a surveying firm's branch
    assert found is not None and found.current_low == MANAGER
    found = candidate_level(roles, ())
    assert found is not None and found.current_low == MANAGER
