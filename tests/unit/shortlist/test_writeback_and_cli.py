"""Notes to Tracker (share link, feedback) through the outbox, and the `skima links` command."""

from __future__ import annotations

import argparse
import io
import re
from dataclasses import replace
from datetime import timedelta

import pytest

from skima.models import FeedbackGiven, FeedbackQueueMessage, QueueMessage
from skima.ports import Outbox, TrackerWriter
from skima.scoring.ports import Application
from skima.shortlist.links import ShareLinks, manager_display_name
from skima.shortlist.notes import feedback_note, shortlist_link_note
from skima.tracker.errors import TrackerUnavailable
from skima.writeback import FeedbackWriteReport, WriteBack, WriteBackPolicy
from skima_cli import links as cli
from tests.fakes import T0, Clock, FakeLinkStore, FakeOutbox, FakeTrackerWriter


def live_stage(name: str | None) -> dict[int, Application]:
    """Placement 900 (the vote's) as Tracker has it now: at the stage of that name."""
    return {900: Application(900, 42, 7, status_id=1, status_name=name)}


def write_feedback(
    message: FeedbackGiven, tracker: TrackerWriter, outbox: Outbox, *, stage_status_id: int | None = None
) -> FeedbackWriteReport:
    """The vote write-back as the feedback function builds it (`skima.bootstrap.feedback`)."""
    return WriteBack(tracker, outbox, policy=WriteBackPolicy(stage_status_id=stage_status_id)).feedback(message)


def message(**changes: object) -> FeedbackGiven:
    fields: dict[str, object] = {
        "job_id": 42,
        "candidate_id": 7,
        "verdict": "up",
        "comment": "Ready for final interview",
        "link_id": "abcDEF123456",
        "feedback_key": "v#render-0000000001",
        "job_title": "Senior Java Developer",
        "placement_id": 900,
        "placement_status_name": "Applied",
        "submitted_at": T0,
    }
    fields.update(changes)
    return FeedbackGiven.model_validate(fields)


def test_feedback_message_round_trips_through_the_queue_body() -> None:
    original = message()
    parsed = QueueMessage.model_validate_json(QueueMessage(original).model_dump_json()).root
    assert parsed == original and parsed.kind == "feedback" and parsed.source == "shortlist"


def test_the_feedback_queue_takes_votes_only() -> None:
    original = message(voter_name="Dana Whitfield")
    # The shortlist page sends the same JSON either queue would carry; the feedback queue's model reads it back.
    body = QueueMessage(original).model_dump_json()
    assert FeedbackQueueMessage.model_validate_json(body).root == original
    ping = '{"kind": "record_changed", "source": "webhook", "record_type": "Resource", "record_id": 5}'
    with pytest.raises(ValueError):
        FeedbackQueueMessage.model_validate_json(ping)


@pytest.mark.parametrize(
    "bad",
    [{"verdict": "yes"}, {"comment": "x" * 501}, {"job_id": 0}, {"link_id": ""}, {"voter_name": ""}],
)
def test_feedback_message_rejects_bad_fields(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        message(**bad)


def test_feedback_note_text_uses_the_brief_field_names() -> None:
    subject, text = feedback_note(
        job_id=42,
        job_title="Senior Java Developer",
        verdict="up",
        comment="Ready\nfor final",
        link_id="L1",
        submitted_at=T0,
    )
    lines = text.splitlines()
    assert lines[0] == "HM Feedback: 👍"
    assert lines[1] == "HM Comment: Ready / for final"
    assert lines[2] == "Job: 42 Senior Java Developer"
    assert "L1" in lines[3] and "2026-11-28 09:00 UTC" in lines[3]
    assert subject.startswith("HM Feedback 👍")
    assert (
        "HM Comment"
        not in feedback_note(job_id=42, job_title="", verdict="maybe", comment="  ", link_id="L1", submitted_at=T0)[1]
    )


def test_the_vote_note_names_the_manager_the_link_was_made_for() -> None:
    _, named = feedback_note(
        job_id=42,
        job_title="Senior Java Developer",
        verdict="down",
        comment="",
        link_id="L1",
        submitted_at=T0,
        voter_name="Dana Whitfield",
    )
    assert named.splitlines()[-1] == "From Dana Whitfield, via shortlist link L1, at 2026-11-28 09:00 UTC"
    _, unnamed = feedback_note(
        job_id=42, job_title="", verdict="down", comment="", link_id="L1", submitted_at=T0, voter_name=None
    )
    assert unnamed.splitlines()[-1] == "From shortlist link L1 at 2026-11-28 09:00 UTC"
    tracker = FakeTrackerWriter()
    write_feedback(message(voter_name="Dana Whitfield"), tracker, FakeOutbox())
    (note,) = tracker.notes
    assert "From Dana Whitfield, via shortlist link abcDEF123456," in note.note


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  Dana   Whitfield ", "Dana Whitfield"),
        ("<b>Dana</b> <script>x</script>Whitfield", "Dana x Whitfield"),
        ("José Ñúñez-O'Brien", "José Ñúñez-O'Brien"),
        ("   ", None),
        (None, None),
    ],
)
def test_a_managers_name_is_one_plain_line(raw: str | None, stored: str | None) -> None:
    assert manager_display_name(raw) == stored


def test_feedback_write_back_is_written_once_whatever_retries() -> None:
    tracker, outbox = FakeTrackerWriter(lose_next_note_response=True), FakeOutbox()
    with pytest.raises(TrackerUnavailable):  # Tracker took it, the answer was lost
        write_feedback(message(), tracker, outbox)
    report = write_feedback(message(), tracker, outbox)  # the redelivered message
    assert report.note_written
    assert write_feedback(message(), tracker, outbox).note_written is False
    assert len(tracker.notes) == 1 and "find_note" in tracker.calls  # the retry looked for its marker first
    (note,) = tracker.notes
    assert (note.link_type, note.record_id) == ("R", 7) and note.note.startswith("HM Feedback: 👍")
    assert tracker.stage_moves == []  # stage moves are off by default


def test_thumbs_up_moves_the_stage_only_when_enabled_and_only_from_an_early_stage() -> None:
    tracker, outbox = FakeTrackerWriter(applications=live_stage("Applied")), FakeOutbox()
    assert write_feedback(message(), tracker, outbox, stage_status_id=55).stage_moved
    assert tracker.calls == ["create_note", "application", "move_stage"]
    assert not write_feedback(message(feedback_key="v#again"), tracker, outbox, stage_status_id=55).stage_moved
    assert tracker.stage_moves == [(900, 55)]
    assert tracker.calls.count("application") == 1  # the second vote finds the move done: no read
    for changes in (
        {"verdict": "maybe"},
        {"verdict": "down"},
        {"placement_status_name": "Offer"},
        {"placement_id": None},
    ):
        other = FakeTrackerWriter(applications=live_stage("Applied"))
        write_feedback(message(**changes), other, FakeOutbox(), stage_status_id=55)
        assert other.stage_moves == [], changes
        assert other.calls == ["create_note"], changes  # the note alone: a stored later stage spares the live read


def test_thumbs_up_never_moves_a_candidate_whose_live_stage_is_past_the_early_ones() -> None:
    # The message says "Applied" (the stage stored at the last scoring); a recruiter has moved them on since.
    tracker, outbox = FakeTrackerWriter(applications=live_stage("First Interview")), FakeOutbox()
    assert not write_feedback(message(), tracker, outbox, stage_status_id=55).stage_moved
    assert tracker.stage_moves == [] and tracker.calls.count("application") == 1
    assert not write_feedback(message(feedback_key="v#again"), tracker, outbox, stage_status_id=55).stage_moved
    assert tracker.calls.count("application") == 1  # settled for this placement and target


@pytest.mark.parametrize(
    ("stored", "live", "moved"),
    [
        (None, "Shortlisted", True),  # nothing stored: the live stage decides
        ("Applied", "  long   LIST ", True),
        ("Applied", "", False),  # a stage Tracker does not name may be past the early ones
        ("Applied", None, False),
        ("Applied", "Skima Shortlisted", False),
    ],
)
def test_the_live_stage_decides_a_thumbs_up_move(stored: str | None, live: str | None, moved: bool) -> None:
    tracker = FakeTrackerWriter(applications=live_stage(live))
    report = write_feedback(message(placement_status_name=stored), tracker, FakeOutbox(), stage_status_id=55)
    assert report.stage_moved is moved
    assert tracker.stage_moves == ([(900, 55)] if moved else [])


def test_thumbs_up_for_an_application_gone_from_tracker_writes_the_note_and_moves_nothing() -> None:
    tracker, outbox = FakeTrackerWriter(), FakeOutbox()
    report = write_feedback(message(), tracker, outbox, stage_status_id=55)
    assert report.note_written and not report.stage_moved
    assert tracker.stage_moves == [] and len(tracker.notes) == 1


def test_new_link_is_announced_on_the_job_and_each_top10_candidate_once() -> None:
    links = ShareLinks(FakeLinkStore(), "https://short.example", clock=Clock())
    created = links.create(42, "Senior Java Developer", source="tag")
    tracker, outbox = FakeTrackerWriter(), FakeOutbox()
    marked: list[int] = []  # the link marked announced, after its notes
    writeback = WriteBack(tracker, outbox)
    assert writeback.announce_link(created, [7, 8, 8, 9], mark_announced=lambda: marked.append(len(tracker.notes))) == 4
    assert writeback.announce_link(created, [7, 8, 9], mark_announced=lambda: marked.append(len(tracker.notes))) == 0
    assert marked == [4, 4]
    targets = sorted((n.link_type, n.record_id) for n in tracker.notes)
    assert targets == [("O", 42), ("R", 7), ("R", 8), ("R", 9)]
    _, text = shortlist_link_note(created.link, created.url)
    assert text.splitlines()[0] == f"Shortlist Link: {created.url}"
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{6,64}", note.key) for note in tracker.notes)


# ---------------------------------------------------------------------- CLI


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="skima")
    cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["links", "--links-table", "T", "--base-url", "https://short.example", *argv])


def test_cli_create_list_revoke_renew() -> None:
    store = FakeLinkStore()
    out = io.StringIO()
    assert cli.run(parse("create", "--job", "42", "--hide-gaps", "--ttl-hours", "2"), out, store) == 0
    url = out.getvalue().splitlines()[0]
    assert re.fullmatch(r"https://short\.example/s/[A-Za-z0-9_-]{43}", url)
    (link,) = store.links.values()
    assert link.hide_gaps and not link.hide_score and link.expires_at - link.created_at == timedelta(hours=2)
    out = io.StringIO()
    cli.run(parse("list", "--job", "42"), out, store)
    assert link.link_id in out.getvalue() and "active" in out.getvalue() and "hide-gaps" in out.getvalue()
    assert url.rsplit("/", 1)[1] not in out.getvalue()
    assert cli.run(parse("renew", "--job", "42", "--link-id", link.link_id), io.StringIO(), store) == 0
    out = io.StringIO()
    assert cli.run(parse("revoke", "--url", url), out, store) == 0
    assert out.getvalue().strip() == "revoked"
    assert cli.run(parse("renew", "--job", "42", "--link-id", link.link_id), io.StringIO(), store) == 1
    assert cli.run(parse("revoke", "--job", "42", "--link-id", "nope"), io.StringIO(), store) == 1


def test_cli_create_for_a_named_manager_stores_and_lists_the_name() -> None:
    store = FakeLinkStore()
    out = io.StringIO()
    assert cli.run(parse("create", "--job", "42", "--for", "Priya  Raman"), out, store) == 0
    (link,) = store.links.values()
    assert link.manager_name == "Priya Raman"
    assert ", for Priya Raman," in out.getvalue().splitlines()[1]
    out = io.StringIO()
    cli.run(parse("list", "--job", "42"), out, store)
    assert "for Priya Raman" in out.getvalue()


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_cli_create_refuses_an_empty_or_overlong_manager_name(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = FakeLinkStore()
    assert cli.run(parse("create", "--job", "42", "--for", name), io.StringIO(), store) == 1
    assert "--for takes a name of 1-100 characters" in capsys.readouterr().err
    assert store.links == {}


def test_cli_takes_an_older_link_id_that_begins_with_a_dash() -> None:
    # Links made before ids were letters and digits only may begin with "-"; `--link-id=ID` still reaches them.
    store = FakeLinkStore()
    cli.run(parse("create", "--job", "42"), io.StringIO(), store)
    (link,) = store.links.values()
    store.links[link.token_hash] = replace(link, link_id="-Ab3_x9Qz0Lm")
    assert cli.run(parse("renew", "--job", "42", "--link-id=-Ab3_x9Qz0Lm"), io.StringIO(), store) == 0


def test_a_hiring_managers_markup_is_inert_in_the_feedback_note() -> None:
    subject, text = feedback_note(
        job_id=42,
        job_title="Data <u>Engineer</u>",
        verdict="up",
        comment="Great fit <script>alert(document.cookie)</script>\n<b>call</b> her > soon",
        link_id="L1",
        submitted_at=T0,
    )
    assert "<" not in text + subject and ">" not in text + subject
    assert "HM Comment: Great fit alert(document.cookie) / call her \u203a soon" in text
    assert subject.endswith("Data Engineer")
