"""The score note read from the stored MatchResult: band, one line per requirement, roles, years, weak scores."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from skima.bands import band_for
from skima.score_note import MAX_REQUIREMENT_LINES, note_idempotency_key, note_subject, note_text
from skima.scoring.ports import ScoreRow


def requirement(
    rid: str, kind: str, label: str, verdict: str, evidence: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "id": rid,
        "kind": kind,
        "label": label,
        "required": True,
        "weight": 1.0,
        "verdict": verdict,
        "satisfaction": 1.0 if verdict == "met" else 0.0,
        "similarity": extra.pop("similarity", 0.5),
        "evidence": evidence,
        "evidence_line": 0 if evidence else None,
        "exact": extra.pop("exact", False),
        "years_found": extra.pop("years_found", None),
    }


def row_for(
    requirements: list[dict[str, Any]], weights: dict[str, float], *, score: int, reasons: list[str], title: str
) -> ScoreRow:
    result = {"score": score, "status": "scored", "requirements": requirements, "receipt": {"weights": weights}}
    return ScoreRow(
        job_id=3100,
        candidate_id=4200,
        status="scored",
        score=score,
        reasons=reasons,
        gaps=[],
        receipt_id="0f0e0d0c0b0a",
        receipt_json="{}",
        result_json=json.dumps(result),
        content_version="2026-12-01T10:00:00+00:00|skima-engine/1.4.0",
        inputs_hash="a" * 64,
        engine_version="skima-engine/1.4.0",
        job_title="Payroll Administrator",
    )


# A payroll job and a candidate who has done payroll for four years (invented).
PAYROLL = [
    requirement("r1", "role", "Payroll Administrator", "met", "Payroll Officer", similarity=0.8),
    requirement("r2", "experience", "5+ years of payroll processing", "partial", "2021-now", years_found=4.2),
    requirement(
        "r3", "skill", "Sage 50", "met", "• Ran weekly and monthly payroll for 300 staff in Sage 50", exact=True
    ),
    requirement("r4", "skill", "RTI submissions", "missing", "Payroll Officer", similarity=0.41),
    requirement(
        "r5", "skill", "pension auto-enrolment", "partial", "Handled workplace pension queries", similarity=0.7
    ),
    requirement("r6", "education", "CIPP Foundation Degree", "missing", None),
    requirement("r7", "responsibility", "Reconcile payroll to the general ledger", "met", "Excel", similarity=0.7),
    requirement("r8", "skill", "Sage 50", "met", "Sage 50 and Xero", exact=True),  # named twice by the job
]
PAYROLL_WEIGHTS = {"r1": 0.6, "r2": 0.1, "r3": 0.06, "r4": 0.06, "r5": 0.06, "r6": 0.04, "r7": 0.04, "r8": 0.04}
PAYROLL_REASONS = ['Role: "Payroll Officer" (2021-now)', "4 yrs payroll processing (2021-now); asked 5+"]


def payroll_row(score: int = 66) -> ScoreRow:
    return row_for(PAYROLL, PAYROLL_WEIGHTS, score=score, reasons=PAYROLL_REASONS, title="Payroll Administrator")


def test_the_first_two_lines_keep_their_start_and_gain_the_band() -> None:
    lines = note_text(payroll_row(), None).splitlines()
    assert lines[0] == "SKIMA Match Score: 66/100 (good match)"
    assert lines[0].startswith("SKIMA Match Score: 66")  # filters keyed on the old line still match
    assert lines[1] == "SKIMA Reasons:"
    for score in (0, 39, 40, 59, 60, 79, 80, 100):
        first = note_text(payroll_row(score), None).splitlines()[0]
        assert first == f"SKIMA Match Score: {score}/100 ({band_for(score).label})"


def test_one_line_per_requirement_heaviest_first_with_years_as_found_and_asked() -> None:
    text = note_text(payroll_row(), None)
    assert text.splitlines()[2:-1] == [
        '- Recent role: "Payroll Officer" (2021-now)',
        "- 5+ years of payroll processing: 4.2 yrs found; asked 5+",
        '- Sage 50: "Ran weekly and monthly payroll for 300 staff in Sage 50"',
        "- RTI submissions: not found",
        "- pension auto-enrolment: not found",  # only paraphrased: the engine names it a gap, so does the note
        "- CIPP Foundation Degree: not found",
    ]
    assert text.count("Sage 50:") == 1  # a requirement the job names twice still gets one line
    assert "not found in resume" not in text and "(about" not in text
    assert text.splitlines()[-1] == (
        f"ref: job 3100 | {note_idempotency_key(3100, 4200, 'a' * 64)} | receipt 0f0e0d0c0b0a | skima-engine/1.4.0"
    )
    assert note_subject(payroll_row()) == "SKIMA Match Score 66/100 (good match) - Payroll Administrator"


def test_experience_under_a_year_is_counted_in_months_as_asked() -> None:
    short = [
        requirement("r1", "role", "Line Cook", "met", "Line Cook", similarity=0.95),
        requirement("r2", "experience", "6 months experience as line cook", "partial", None, years_found=0.34),
        requirement("r3", "experience", "2+ years in a busy kitchen", "partial", None, years_found=0.75),
    ]
    row = replace(
        row_for(short, {"r1": 0.6, "r2": 0.2, "r3": 0.2}, score=62, reasons=[], title="Line Cook"),
        reasons=['Role: "Line Cook" (2025-now)'],
    )
    bullets = note_text(row, None).splitlines()[2:-1]
    assert "- 6 months experience as line cook: 4 months found; asked 6+ months" in bullets
    assert "- 2+ years in a busy kitchen: 9 months found; asked 2+" in bullets


def test_a_clear_seniority_gap_is_its_own_line_after_the_requirements() -> None:
    row = payroll_row()
    result = json.loads(row.result_json)
    result["receipt"]["seniority"] = {
        "job_level": "practitioner",
        "gap": 2,
        "adjustment": -0.1,
        "note": "more senior than the post: Head of Payroll (2015-now)",
    }
    lines = note_text(replace(row, result_json=json.dumps(result)), None).splitlines()
    assert lines[-2] == "- More senior than the post: Head of Payroll (2015-now)"
    assert "senior than the post" not in note_text(payroll_row(), None)  # no reading, no line


def test_a_wrong_role_reads_as_a_mismatch_never_as_a_reason() -> None:
    # an accountant for an account executive job: the closest title shares a word, not the job
    wrong = [
        requirement("r1", "role", "Account Executive", "partial", "Management Accountant", similarity=0.66),
        requirement("r2", "skill", "Salesforce", "missing", "Management Accountant", similarity=0.3),
    ]
    row = replace(
        row_for(wrong, {"r1": 0.8, "r2": 0.2}, score=31, reasons=[], title="Account Executive"),
        job_title="Account Executive",
        reasons=['Role: "Management Accountant" (2016-2023)', "not found in resume: Salesforce"],
    )
    lines = note_text(row, None).splitlines()
    assert lines[2] == '- Role mismatch: asked Account Executive; closest role "Management Accountant" (2016-2023)'
    assert not any(line.startswith(("- Role:", "- Recent role", "- Closest role")) for line in lines)


def test_a_role_not_held_now_is_the_closest_role() -> None:
    row = replace(payroll_row(), reasons=['Role: "Payroll Clerk" (2012-2016)'])
    assert note_text(row, None).splitlines()[2] == '- Closest role: "Payroll Clerk" (2012-2016)'


def test_a_weak_score_carries_no_related_or_similar_work_bullets() -> None:
    weak = [
        requirement("r1", "role", "Payroll Administrator", "missing", "Line Cook", similarity=0.2),
        requirement("r2", "skill", "Excel", "met", "Excel", exact=True),
        requirement("r3", "skill", "payroll reconciliation", "partial", "Reconciled the till nightly", similarity=0.9),
        requirement("r4", "responsibility", "Answer staff pay queries", "met", "Answered customer queries at the pass"),
        requirement("r5", "experience", "3+ years in payroll", "missing", None, years_found=0.0),
    ]
    row = replace(
        row_for(weak, {"r1": 0.7, "r2": 0.1, "r3": 0.1, "r4": 0.05, "r5": 0.05}, score=8, reasons=[], title=""),
        reasons=['Role: "Line Cook" (2019-now)'],
    )
    bullets = note_text(row, None).splitlines()[2:-1]
    assert bullets == [
        '- Role mismatch: asked Payroll Administrator; closest role "Line Cook" (2019-now)',
        '- Excel: "Excel"',  # true, and a requirement of this job
        "- 3+ years in payroll: 0 yrs found; asked 3+",
    ]
    # the same evidence on a good score is worth its line
    good = note_text(replace(row, score=70), None)
    assert '- payroll reconciliation: related - "Reconciled the till nightly"' in good
    assert '- Similar work to "Answer staff pay queries": "Answered customer queries at the pass"' in good


def test_similar_work_that_quotes_a_word_or_two_is_left_out() -> None:
    assert "Reconcile payroll" not in note_text(payroll_row(), None)  # quoted only "Excel": says nothing


def test_long_jobs_are_capped_with_a_count_of_the_rest() -> None:
    many = [requirement(f"s{i}", "skill", f"Skill {i}", "missing", None) for i in range(MAX_REQUIREMENT_LINES + 4)]
    many[-1] = requirement(many[-1]["id"], "skill", "Skill last", "met", "Skill last in daily use", exact=True)
    row = row_for(many, {r["id"]: 0.05 for r in many}, score=45, reasons=[], title="")
    bullets = note_text(row, None).splitlines()[2:-1]
    assert len(bullets) == MAX_REQUIREMENT_LINES + 1
    assert bullets[-1] == "- and 4 more: 1 met, 3 not found"


def test_quotes_are_short_and_show_the_requirement() -> None:
    long_line = (
        "Responsible for a wide range of office duties across three sites, including month-end close and "
        "processing of expenses, and ran payroll in Sage 50 for 300 staff"
    )
    reqs = [requirement("r1", "skill", "Sage 50", "met", long_line, exact=True)]
    bullet = note_text(row_for(reqs, {"r1": 1.0}, score=70, reasons=[], title=""), None).splitlines()[2]
    assert "Sage 50" in bullet and len(bullet) <= 100 and bullet.startswith('- Sage 50: "…')


def test_markup_in_requirements_and_quotes_is_inert() -> None:
    reqs = [requirement("r1", "skill", "<b>Sage</b>", "met", "<script>x</script> Sage <i>50</i>", exact=True)]
    text = note_text(row_for(reqs, {"r1": 1.0}, score=70, reasons=[], title=""), None)
    assert "<" not in text and ">" not in text
