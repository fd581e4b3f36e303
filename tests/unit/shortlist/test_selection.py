"""Who is on the shortlist page and what each card says (invented rows, several gap and stage wordings)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from skima.shortlist.models import Evidence, ShortlistEntry
from skima.shortlist.selection import (
    Gap,
    Separation,
    card_points,
    deciding_requirement,
    parse_gap,
    select_shortlist,
)
from skima.stages import CLOSED_STAGE_WORDS, is_closed_stage
from tests.unit.shortlist.builders import entry


def staged(candidate_id: int, score: int | None, stage: str | None) -> ShortlistEntry:
    return replace(entry(candidate_id, score), placement_status_name=stage)


@pytest.mark.parametrize(
    "stage",
    ["Withdrawn", "Candidate withdrew", "Declined", "Offer declined", "Rejected - CV", "CLIENT REJECTED",
     "Placed elsewhere", "Placed  Elsewhere", "Not progressed", "Unsuccessful", "Reject", "Withdraw"],
)  # fmt: skip
def test_closed_stages_in_a_tenants_own_words(stage: str) -> None:
    assert is_closed_stage(stage)


@pytest.mark.parametrize(
    "stage",
    [None, "", "Applied", "Longlisted", "Skima Shortlisted", "CV Sent", "Offer Made", "Placed Perm", "Projected start"],
)
def test_live_and_unknown_stages(stage: str | None) -> None:
    assert not is_closed_stage(stage)


def test_every_closed_word_is_lower_case_so_it_matches_after_lowering() -> None:
    assert all(word == word.lower() and word.strip() == word for word in CLOSED_STAGE_WORDS)


def test_closed_applications_and_scores_below_the_floor_are_left_out() -> None:
    ranked = [
        staged(1, 96, "Withdrawn"),
        staged(2, 90, "Applied"),
        staged(3, 88, "Declined"),
        staged(4, 70, None),  # unknown stage: live
        replace(staged(5, None, "Applied"), status="insufficient_evidence"),
        staged(6, 39, "Applied"),
        staged(7, 0, "Applied"),
    ]
    shortlist = select_shortlist(ranked, min_score=40)
    assert [e.candidate_id for e in shortlist.entries] == [2, 4]
    assert shortlist.next_in_line is None


def test_the_floor_itself_is_in_and_the_next_live_one_is_kept_for_the_line_below() -> None:
    ranked = [staged(i, 95 - 5 * i, "Withdrawn" if i == 3 else "Applied") for i in range(12)]
    shortlist = select_shortlist(ranked, min_score=45, size=10)
    assert [e.candidate_id for e in shortlist.entries] == [0, 1, 2, 4, 5, 6, 7, 8, 9, 10]
    assert shortlist.entries[-1].score == 45
    assert shortlist.next_in_line is None  # #11 scored 40, under the floor: nobody "missed the cut"
    assert select_shortlist(ranked, min_score=40).next_in_line == ranked[11]


def test_the_ranking_is_read_only_as_far_as_needed() -> None:
    read: list[int] = []

    def lazily() -> Iterator[ShortlistEntry]:
        for i in range(1000):
            read.append(i)
            yield staged(i, 90, "Applied")

    select_shortlist(lazily(), min_score=40, size=3)
    assert read == [0, 1, 2, 3]


def test_a_shortlist_needs_a_place() -> None:
    with pytest.raises(ValueError, match="at least one place"):
        select_shortlist([], min_score=40, size=0)


@pytest.mark.parametrize(
    ("line", "gap"),
    [
        ("not found in resume: Kubernetes", Gap("Kubernetes")),
        ("Not found in resume: 5+ years Go (about 2.3 yrs found)", Gap("5+ years Go", "about 2.3 yrs found")),
        ("Terraform: not found in resume", Gap("Terraform")),
        ("Led a team of 4", None),
        ("not found in resume: ", None),
    ],
)
def test_gap_lines_in_the_engines_wordings(line: str, gap: Gap | None) -> None:
    assert parse_gap(line) == gap


def test_each_gap_once_with_its_years_never_a_benefit_never_against_a_quote() -> None:
    card = replace(
        entry(1, 72),
        reasons=(
            "8 yrs Rust (2016-2024, Ferrous Ltd)",
            "Did similar work: \u201cran the on-call rota\u201d",
            "not found in resume: 6+ years Rust",  # the engine's strongest gap, again among the reasons
            "not found in resume: GraphQL",
        ),
        gaps=(
            "not found in resume: 6+ years Rust (about 4.5 yrs found)",
            "not found in resume: GraphQL",
            "not found in resume: Private health insurance",  # a benefit that slipped through as a requirement
            "not found in resume: Postgres",  # quoted as met below: not a gap
            "not found in resume: Kafka",  # a partial quote below: shown as evidence, not as a gap
            "not found in resume: Helm",
            "not found in resume: helm",
        ),
        evidence=(
            Evidence("Postgres", "met", "Tuned Postgres for a 2 TB ledger"),
            Evidence("Kafka", "partial", "Event streaming with Pulsar"),
            Evidence("GraphQL", "missing", None),
        ),
    )
    points = card_points(card)
    assert points.reasons == (
        "8 yrs Rust (2016-2024, Ferrous Ltd)",
        "Did similar work: \u201cran the on-call rota\u201d",
    )
    assert points.gaps == (Gap("6+ years Rust", "about 4.5 yrs found"), Gap("GraphQL"), Gap("Helm"))
    assert points.gaps[0].text == "6+ years Rust (about 4.5 yrs found)"


def test_a_gap_in_no_known_wording_is_still_shown_once() -> None:
    points = card_points(replace(entry(1, 60), reasons=("Python",), gaps=("Security clearance", "Security clearance")))
    assert points.gaps == (Gap("Security clearance"),)


def test_a_gap_the_engine_also_lists_among_its_reasons_is_shown_as_a_gap_only() -> None:
    senior = "more senior than the post: Executive Chef (2014-2024)"
    points = card_points(replace(entry(1, 74), reasons=("Knife skills", senior), gaps=(senior,)))
    assert points.reasons == ("Knife skills",)
    assert points.gaps == (Gap(senior),)


def _with(candidate_id: int, *verdicts: tuple[str, str, float]) -> ShortlistEntry:
    return replace(
        entry(candidate_id, 60),
        evidence=tuple(Evidence(label, v, "quote" if v != "missing" else None, w) for label, v, w in verdicts),
    )


def test_the_heaviest_requirement_the_next_one_lacks_separates_them() -> None:
    last_in = _with(10, ("Java", "met", 0.3), ("Kubernetes", "met", 0.2), ("Kafka", "met", 0.1), ("Go", "partial", 1))
    next_one = _with(11, ("Java", "met", 0.3), ("Kubernetes", "missing", 0.2), ("Kafka", "partial", 0.1))
    assert deciding_requirement(last_in, next_one) == Separation("Kubernetes", "met", "missing")


def test_no_separation_when_the_next_one_is_as_good_on_every_requirement() -> None:
    last_in = _with(10, ("Java", "met", 0.3), ("Pension scheme", "met", 0.9))
    next_one = _with(11, ("Java", "met", 0.3), ("Pension scheme", "missing", 0.9))  # a benefit never decides
    assert deciding_requirement(last_in, next_one) is None
