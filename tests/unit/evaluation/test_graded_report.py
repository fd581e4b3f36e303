"""eval.graded_report: the grades file is validated, and the per-grade summary and orderings are right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.graded_report import (
    GRADES_FILE,
    GradesError,
    format_report,
    handwritten_grade,
    load_grades,
    ordering_accuracy,
    summarise,
)


def _row(**overrides: object) -> str:
    row: dict[str, object] = {
        "source": "dev-linkedin-tune",
        "job_id": "j1",
        "candidate_id": "c1",
        "grade": 3,
        "why": "meets the title, years and licence",
    }
    row.update(overrides)
    return json.dumps(row)


def test_a_valid_file_loads_every_pair(tmp_path: Path) -> None:
    path = tmp_path / "grades.jsonl"
    path.write_text(_row() + "\n\n" + _row(candidate_id="c2", grade=0, source="dev-adzuna-tune") + "\n")
    pairs = load_grades(path)
    assert [(p.source, p.candidate_id, p.grade) for p in pairs] == [
        ("dev-linkedin-tune", "c1", 3),
        ("dev-adzuna-tune", "c2", 0),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (_row(grade=4), "2:"),
        (_row(source="dev-linkedin-heldout"), "2:"),  # held-out halves are never graded pair by pair
        (_row(why=""), "2:"),
        (_row(extra="x"), "2:"),
        ("{not json", "2:"),
        (_row(), "graded twice"),
    ],
)
def test_a_bad_line_or_a_duplicate_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "grades.jsonl"
    path.write_text(_row() + "\n" + line + "\n")
    with pytest.raises(GradesError, match=message):
        load_grades(path)


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "grades.jsonl"
    path.write_text("\n")
    with pytest.raises(GradesError, match="no graded pairs"):
        load_grades(path)


def test_the_shipped_grades_file_loads_with_enough_strong_pairs() -> None:
    pairs = load_grades(GRADES_FILE)
    assert sum(p.grade == 3 for p in pairs) >= 10
    assert {p.grade for p in pairs} == {0, 1, 2, 3}


def test_summary_per_grade_highest_first() -> None:
    stats = summarise([(3, 90.0), (3, 70.0), (3, 80.0), (1, 40.0), (1, 50.0)])
    assert [(s.grade, s.count, s.median, s.low, s.high, s.at_least_target) for s in stats] == [
        (3, 3, 80.0, 70.0, 90.0, 2),
        (1, 2, 45.0, 40.0, 50.0, 0),
    ]


def test_ordering_accuracy_counts_ties_half_and_is_none_without_a_side() -> None:
    assert ordering_accuracy([80.0, 60.0], [70.0, 60.0]) == pytest.approx((1 + 1 + 0 + 0.5) / 4)
    assert ordering_accuracy([90.0], [10.0]) == 1.0
    assert ordering_accuracy([], [10.0]) is None


def test_handwritten_labels_map_onto_the_grade_scale() -> None:
    assert handwritten_grade(2, "hw-cand-python-strong") == 3
    assert handwritten_grade(1, "hw-cand-python-near") == 2
    assert handwritten_grade(0, "hw-cand-python-adjacent") == 1
    assert handwritten_grade(0, "hw-cand-icu-strong") == 0


def test_report_lists_grades_and_orderings() -> None:
    text = format_report("t", [(3, 85.0), (2, 70.0), (1, 75.0)])
    assert "3 strong" in text and "2 near-miss" in text and "1 adjacent" in text
    assert "3>2 1.00" in text and "2>1 0.00" in text and "3>1 1.00" in text
