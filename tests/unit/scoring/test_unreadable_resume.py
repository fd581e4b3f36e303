"""A hostile or unreadable resume document (issue 11): one "could not read the resume" note per document version,
no failed record (so nothing reaches the DLQ), and a re-delivery writes nothing new."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from local.harness.handlers import FakeLambdaContext, load_handler
from skima.models import RecordChanged, RecordType
from skima.scoring.ports import ResumeDocument
from tests.fakes import T0
from tests.unit.engine import hostile
from tests.unit.scoring.test_handler import Calls, sqs_event
from tests.unit.scoring.world import STRONG_RESUME, World

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUBJECT = "SKIMA could not read the resume"


def application(placement_id: int) -> RecordChanged:
    return RecordChanged(source="webhook", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def candidate_hint(candidate_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.RESOURCE, record_id=candidate_id)


def upload(world: World, candidate_id: int, content: bytes, document_id: int, created: Any) -> None:
    ref = ResumeDocument(document_id, "cv.docx", DOCX_TYPE, len(content), created)
    world.tracker.documents[candidate_id] = (ref, content)


def unreadable_notes(world: World) -> list[str]:
    return [note.note for note in world.tracker.notes if note.subject == SUBJECT]


def test_a_zip_bomb_gets_one_note_per_document_version_and_no_failure(world: World) -> None:
    world.add_job(2001)
    world.add_job(2002, title="Platform Engineer")
    world.add_candidate(1001, None)
    upload(world, 1001, hostile.zip_bomb(400), 7001, T0 - timedelta(days=1))
    world.apply(3001, 2001, 1001)
    world.apply(3002, 2002, 1001)

    report = world.scorer().handle(application(3001))  # returns: the record is not failed, so never retried

    assert unreadable_notes(world) == [
        "SKIMA could not read the resume: the DOCX part word/document.xml expands to more than 10 MB\n"
        "SKIMA cannot score this candidate until a readable resume (PDF, DOCX or text) is uploaded."
    ]
    assert world.tracker.notes[0].record_id == 1001
    row = world.scores.get(2001, 1001)
    assert row is not None and row.status == "insufficient_evidence" and row.score is None
    assert report.notes_written == 2  # the resume note and the job's "could not judge" note

    # the same message again, and the candidate's other application: nothing new about the document
    before = len(world.tracker.calls)
    world.scorer().handle(application(3001))
    assert "create_note" not in world.tracker.calls[before:]
    world.scorer().handle(application(3002))
    assert len(unreadable_notes(world)) == 1

    # a new upload is a new document version: it is told once as well
    upload(world, 1001, hostile.billion_laughs(), 7002, T0)
    world.tracker.candidates[1001] = replace(world.tracker.candidates[1001], last_updated=T0)  # saved with it
    world.scorer().handle(candidate_hint(1001))
    world.scorer().handle(candidate_hint(1001))
    assert unreadable_notes(world)[1:] == [
        "SKIMA could not read the resume: the DOCX declares an XML DTD, which Word files never do\n"
        "SKIMA cannot score this candidate until a readable resume (PDF, DOCX or text) is uploaded."
    ]


def test_an_unreadable_document_falls_back_to_the_record_fields_and_says_so(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, None, fields_text=STRONG_RESUME)
    upload(world, 1001, hostile.deep_nesting(5_000), 7001, T0 - timedelta(days=1))
    world.apply(3001, 2001, 1001)

    world.scorer().handle(application(3001))

    assert unreadable_notes(world) == [
        "SKIMA could not read the resume: the DOCX is nested too deeply\n"
        "SKIMA scored this candidate from the record's own fields instead."
    ]
    row = world.scores.get(2001, 1001)
    assert row is not None and row.status == "scored"
    assert '"resume_source":"record_fields"' in row.receipt_json


def test_a_lost_note_response_is_retried_without_a_duplicate(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, None)
    upload(world, 1001, hostile.flate_bomb_pdf(300), 7001, T0 - timedelta(days=1))
    ref, content = world.tracker.documents[1001]
    world.tracker.documents[1001] = (
        ResumeDocument(7001, "cv.pdf", "application/pdf", len(content), ref.created),
        content,
    )
    world.apply(3001, 2001, 1001)
    world.tracker.lose_next_note_response = True

    with pytest.raises(Exception, match="response lost"):
        world.scorer().handle(application(3001))  # Tracker's answer lost: the record is retried by SQS
    world.scorer().handle(application(3001))

    assert unreadable_notes(world) == [
        "SKIMA could not read the resume: the PDF holds a stream that expands beyond the safety limit\n"
        "SKIMA cannot score this candidate until a readable resume (PDF, DOCX or text) is uploaded."
    ]


def test_a_long_resume_is_read_in_part_and_still_scored(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, STRONG_RESUME + "\nFiller line of the same resume." * 20_000)  # 640 KB of text
    world.apply(3001, 2001, 1001)

    world.scorer().handle(application(3001))

    cached = world.profiles.get_profile(1001)
    assert cached is not None and cached.profile.truncated == "only the first 200,000 characters were read"
    row = world.scores.get(2001, 1001)
    assert row is not None and row.status == "scored"
    assert not unreadable_notes(world)


def test_the_handler_reports_no_failed_item_for_a_hostile_document(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, None)
    upload(world, 1001, hostile.zip_bomb(400), 7001, T0 - timedelta(days=1))
    world.apply(3001, 2001, 1001)
    calls = Calls()
    deps = replace(calls.deps(), score=lambda message, deadline: world.scorer().handle(message))

    response = load_handler("scorer").lambda_handler(
        sqs_event(application(3001).model_dump_json()), FakeLambdaContext(), deps=deps
    )

    assert response["batchItemFailures"] == []
    assert len(unreadable_notes(world)) == 1
