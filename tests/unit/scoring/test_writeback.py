"""The note's exact text, the materiality rule, the idempotency key, and each side effect once through the outbox."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from skima.models import FeedbackGiven
from skima.score_note import note_idempotency_key, note_subject, note_text
from skima.scoring.ports import Application, ScoreRow, WrittenBack
from skima.tracker.errors import TrackerUnavailable
from skima.writeback import (
    NoShortlistLinks,
    WriteBack,
    WriteBackPolicy,
    WriteBackReport,
    is_material_change,
    note_once,
    note_written,
)
from tests.fakes import FakeOutbox, FakeScoreStore, FakeTrackerWriter

ROW = ScoreRow(
    job_id=2001,
    candidate_id=1001,
    status="scored",
    score=89,
    reasons=[
        "6 yrs Java (2018-2024, Acme)",
        "Kubernetes: 'Built REST APIs on Kubernetes'",
        "Kafka not found in resume",
    ],
    gaps=["Kafka"],
    receipt_id="a1b2c3d4e5f6",
    receipt_json="{}",
    result_json="{}",
    content_version="2026-11-28T09:00:00+00:00|skima-engine/1.0.0",
    inputs_hash="h" * 64,
    engine_version="skima-engine/1.0.0",
    job_title="Senior Backend Engineer",
    placement_id=3001,
)


KEY = note_idempotency_key(2001, 1001, "h" * 64)
REF = f"ref: job 2001 | {KEY} | receipt a1b2c3d4e5f6 | skima-engine/1.0.0"


def test_a_row_stored_without_its_requirements_lists_the_engines_reasons() -> None:
    assert note_text(ROW, None) == (
        "SKIMA Match Score: 89/100 (strong match)\n"
        "SKIMA Reasons:\n"
        "- 6 yrs Java (2018-2024, Acme)\n"
        "- Kubernetes: 'Built REST APIs on Kubernetes'\n"
        "- Kafka not found in resume\n" + REF
    )


def test_the_subject_is_words_and_the_ids_are_on_the_last_line() -> None:
    assert note_subject(ROW) == "SKIMA Match Score 89/100 (strong match) - Senior Backend Engineer"
    assert note_subject(replace(ROW, score=65)) == "SKIMA Match Score 65/100 (good match) - Senior Backend Engineer"
    assert note_subject(replace(ROW, score=12)) == "SKIMA Match Score 12/100 (weak match) - Senior Backend Engineer"
    assert KEY not in note_subject(ROW) and "a1b2c3d4e5f6" not in note_subject(ROW)
    lines = note_text(ROW, None).splitlines()
    assert [line for line in lines if KEY in line or "a1b2c3d4e5f6" in line] == [lines[-1]] == [REF]


def test_note_text_carries_the_shortlist_link_once_one_exists() -> None:
    lines = note_text(ROW, "https://x.example/s/tok").splitlines()
    assert lines[-2] == "Shortlist Link: https://x.example/s/tok"
    assert lines[-1] == REF


def test_an_insufficient_evidence_note_has_no_number_as_a_verdict() -> None:
    row = replace(ROW, status="insufficient_evidence", score=None, reasons=["Not scored: the resume is empty"])
    assert note_text(row, None) == (
        "SKIMA Match Score: not scored (the resume could not be judged)\n"
        "SKIMA Reasons:\n"
        "- Not scored: the resume is empty\n"
        "- Please check the resume document or the candidate's record fields.\n" + REF
    )
    assert "89" not in note_subject(row)
    assert note_subject(row) == "SKIMA could not judge the resume - Senior Backend Engineer"


def test_reasons_spanning_lines_stay_on_one_line() -> None:
    row = replace(ROW, reasons=["first\nsecond  third"])
    assert "- first second third" in note_text(row, None).splitlines()


def test_material_change_rules() -> None:
    written = WrittenBack(score=89, status="scored", reasons=tuple(ROW.reasons))
    assert is_material_change(None, ROW)
    assert not is_material_change(written, replace(ROW, score=91))
    assert not is_material_change(written, replace(ROW, score=87))
    assert is_material_change(written, replace(ROW, score=92))
    assert is_material_change(written, replace(ROW, score=86))
    assert is_material_change(written, replace(ROW, reasons=[*ROW.reasons[:2], "Kafka: 'Kafka streams'"]))
    assert not is_material_change(written, replace(ROW, reasons=list(reversed(ROW.reasons))))
    assert is_material_change(written, replace(ROW, status="insufficient_evidence", score=None))


def test_the_same_resume_and_job_reworded_by_a_new_engine_write_no_new_note() -> None:
    # After a deploy every re-scored pair has new wording; the same resume and job need no second note...
    scored = replace(ROW, content_key="c" * 64)
    written = WrittenBack(score=89, status="scored", reasons=tuple(ROW.reasons), content_key=scored.content_key)
    upgraded = replace(scored, engine_version="skima-engine/1.3.0", reasons=["Role: reworded", "Python"])
    assert not is_material_change(written, upgraded)
    assert not is_material_change(written, replace(upgraded, score=91))
    # ... unless the score or the status moved as much as any other change needs
    assert is_material_change(written, replace(upgraded, score=93))
    assert is_material_change(written, replace(upgraded, status="insufficient_evidence", score=None))
    # a changed resume or job is news, as is anything under a note stored without the key
    assert is_material_change(written, replace(upgraded, content_key="d" * 64))
    assert is_material_change(replace(written, content_key=None), upgraded)


def test_idempotency_key_is_deterministic_and_fits_trackers_marker_rules() -> None:
    key = note_idempotency_key(2001, 1001, "h" * 64)
    assert key == note_idempotency_key(2001, 1001, "h" * 64)
    assert key != note_idempotency_key(2001, 1001, "g" * 64)
    assert key != note_idempotency_key(2002, 1001, "h" * 64)
    assert re.fullmatch(r"[A-Za-z0-9_-]{6,64}", key)
    assert re.fullmatch(r"[A-Za-z0-9_-]{6,64}", note_idempotency_key(2**53 - 1, 2**53 - 1, "h" * 64))


def test_a_rediscovered_candidates_note_says_so() -> None:
    lines = note_text(replace(ROW, origin="rediscovery"), None).splitlines()
    assert "Found by talent rediscovery: already in Tracker, not an applicant to this job." in lines
    assert not any("rediscovery" in line for line in note_text(ROW, None).splitlines())


def test_markup_quoted_from_a_resume_is_inert_in_the_note() -> None:
    row = replace(
        ROW,
        reasons=[
            "Java: '<b>Led</b> the <a href=\"javascript:alert(1)\">payments</a> team'",
            "Security: '<script>fetch(\"//evil.example\")</script>'",
            "<img src=x onerror=alert(1)>Kotlin <!-- hidden --> at Acme",
            "Experience: <3 years of Go, C# > Java",
        ],
        job_title="<i>Senior</i> Backend Engineer",
    )
    text, subject = note_text(row, None), note_subject(row)
    for written in (text, subject):
        assert "<" not in written and ">" not in written
    assert "- Java: 'Led the payments team'" in text
    assert "- Security: ' fetch(\"//evil.example\") '" in text  # a script's text is inert text
    assert "- Kotlin at Acme" in text
    assert "- Experience: \u20393 years of Go, C# \u203a Java" in text  # brackets that open no tag still read
    assert text.splitlines()[-1] == REF and subject.endswith("- Senior Backend Engineer")


def test_an_unjudged_resumes_reasons_are_inert_too() -> None:
    row = replace(ROW, status="unreadable", score=None, reasons=["could not read <iframe src=//x>the file</iframe>"])
    assert "- could not read the file" in note_text(row, None)


def test_neutralising_markup_is_linear_on_hostile_input() -> None:
    from time import perf_counter  # noqa: PLC0415

    from skima.note_text import plain_line  # noqa: PLC0415

    for hostile in ("<a" * 200_000, "<" * 400_000, "<!" + "-" * 400_000, "<a " + "x" * 400_000):
        started = perf_counter()
        assert "<" not in plain_line(hostile)
        assert perf_counter() - started < 1.0, hostile[:10]


def test_a_stage_move_happens_once_whoever_asks_first_the_scorer_or_a_thumbs_up() -> None:
    tracker = FakeTrackerWriter(applications={3001: Application(3001, 2001, 1001, 1, "Applied")})
    outbox, scores = FakeOutbox(), FakeScoreStore()
    scores.put(replace(ROW, placement_status_name="Applied"))
    policy = WriteBackPolicy(stage_status_id=4, stage_min_score=70)
    writeback = WriteBack(tracker, outbox, scores, NoShortlistLinks(), policy)
    assert writeback.stage(replace(ROW, placement_status_name="Applied"))
    vote = FeedbackGiven(
        job_id=2001,
        candidate_id=1001,
        verdict="up",
        link_id="L1",
        feedback_key="v#1",
        placement_id=3001,
        placement_status_name="Applied",
        submitted_at=datetime(2026, 11, 28, 9, tzinfo=UTC),
    )
    # the feedback function's write-back: its own WriteBack, the same outbox
    assert not WriteBack(tracker, outbox, policy=WriteBackPolicy(stage_status_id=4)).feedback(vote).stage_moved
    assert tracker.stage_moves == [(3001, 4)]
    assert tracker.calls.count("application") == 1  # the vote found the move done: no live read


def test_a_note_is_composed_and_sent_once_and_a_lost_answer_is_looked_for_not_resent() -> None:
    tracker, outbox = FakeTrackerWriter(lose_next_note_response=True), FakeOutbox()
    composed: list[int] = []

    def compose() -> tuple[str, str]:
        composed.append(1)
        return "Subject", "Text"

    with pytest.raises(TrackerUnavailable):
        note_once(tracker, outbox, "O", 2001, key="skthin2001-abc", compose=compose)
    assert note_once(tracker, outbox, "O", 2001, key="skthin2001-abc", compose=compose)
    assert not note_once(tracker, outbox, "O", 2001, key="skthin2001-abc", compose=compose)
    assert tracker.calls == ["create_note", "find_note"] and len(tracker.notes) == 1
    assert len(composed) == 2  # never for a note already done
    assert outbox.items == {"note#skthin2001-abc": "done"}


def test_apply_notes_news_then_tags_then_moves_then_marks_the_row_written() -> None:
    row = replace(ROW, placement_status_name="Applied")
    tracker = FakeTrackerWriter(applications={3001: Application(3001, 2001, 1001, 1, "Applied")})
    scores = FakeScoreStore()
    scores.put(row)
    policy = WriteBackPolicy(stage_status_id=4, stage_min_score=70)
    writeback = WriteBack(tracker, FakeOutbox(), scores, NoShortlistLinks(), policy)

    assert writeback.apply(row, None, known_tags=()) == WriteBackReport(True, True, True)
    assert tracker.calls == ["create_note", "add_tag", "application", "move_stage"]
    stored = scores.get(2001, 1001)
    assert stored is not None and stored.writeback_done_for == row.inputs_hash
    assert stored.written == note_written(row)

    # The same score again (a redelivered message): no news, and the outbox has the tag and the move.
    assert writeback.apply(row, stored.written, known_tags=None) == WriteBackReport()
    assert len(tracker.calls) == 4


def test_apply_to_an_unjudged_row_notes_it_but_neither_tags_nor_moves() -> None:
    row = replace(ROW, status="insufficient_evidence", score=None, placement_status_name="Applied")
    tracker, scores = FakeTrackerWriter(), FakeScoreStore()
    scores.put(row)
    writeback = WriteBack(tracker, FakeOutbox(), scores, NoShortlistLinks(), WriteBackPolicy(stage_status_id=4))
    assert writeback.apply(row, None, known_tags=()) == WriteBackReport(note_written=True)
    assert tracker.calls == ["create_note"]
    stored = scores.get(2001, 1001)
    assert stored is not None and stored.writeback_done_for == row.inputs_hash


def test_cached_tags_prove_the_screened_tag_is_there_but_a_write_rereads_the_rest() -> None:
    tracker, scores = FakeTrackerWriter(), FakeScoreStore()
    scores.put(ROW)
    writeback = WriteBack(tracker, FakeOutbox(), scores, NoShortlistLinks(), WriteBackPolicy())
    assert writeback.tag(1003, ["SKIMA Screened "], tags_current=False) is False
    assert tracker.calls == []  # present: no Tracker call
    assert writeback.apply(ROW, None, ["Python"], tags_current=False).tag_added
    assert tracker.add_tag_known == [None]  # cached tags may be stale: the adapter reads the live ones
    assert writeback.tag(1002, ["Python"]) and tracker.add_tag_known == [None, ["Python"]]  # just read: used as is


def test_a_write_back_built_without_a_score_store_refuses_a_score_before_writing_anything() -> None:
    tracker, outbox = FakeTrackerWriter(), FakeOutbox()
    writeback = WriteBack(tracker, outbox, policy=WriteBackPolicy(stage_status_id=4))  # as the feedback function's
    with pytest.raises(TypeError, match="without a score store"):
        writeback.apply(ROW, None, None)
    assert tracker.calls == [] and outbox.items == {}
