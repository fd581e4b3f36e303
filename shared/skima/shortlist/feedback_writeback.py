"""Write a hiring manager's verdict back to Tracker (run by the feedback function, off the feedback queue, and by
the scorer for a vote sent before that queue existed): one `HM Feedback` note on the candidate per submission,
and, only when enabled, a 👍 moves the candidate's pipeline entry to the configured stage from an early stage
(`skima.stages`), checked on the stage Tracker has now: the stage the message carries is the one stored when the
candidate was last scored, which a recruiter may have moved on since.

Retries are safe: the note's idempotency key comes from the submission's feedback key, "attempted" is saved
before calling Tracker and "done" after, and a retry that finds "attempted" asks Tracker for the marker first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from skima.models import FeedbackGiven
from skima.pipeline.ports import Application
from skima.shortlist.notes import Outbox, feedback_note, feedback_note_key
from skima.stages import is_early_stage, known_past_early
from skima.tracker.errors import TrackerNotFound


class FeedbackTracker(Protocol):
    """The Tracker calls this needs: the note, and the live stage read and the move (the scorer's Tracker adapter
    has all three)."""

    def application(self, placement_id: int) -> Application: ...

    def create_note(
        self, candidate_id: int, *, subject: str, note: str, idempotency_key: str, check_existing: bool
    ) -> int | None: ...

    def set_stage(self, placement_id: int, status_id: int) -> None: ...


@dataclass(frozen=True)
class FeedbackWriteReport:
    note_written: bool
    stage_moved: bool


def write_feedback(
    message: FeedbackGiven,
    tracker: FeedbackTracker,
    outbox: Outbox,
    *,
    stage_status_id: int | None = None,
) -> FeedbackWriteReport:
    """`stage_status_id`: the "Skima Shortlisted" status id when stage moves are enabled, else None (default)."""
    key = feedback_note_key(message.job_id, message.candidate_id, message.feedback_key)
    outbox_key = f"note#{key}"
    status = outbox.status(outbox_key)
    note_written = False
    if status != "done":
        subject, text = feedback_note(
            job_id=message.job_id,
            job_title=message.job_title,
            verdict=message.verdict,
            comment=message.comment,
            link_id=message.link_id,
            submitted_at=message.submitted_at,
            voter_name=message.voter_name,
        )
        outbox.mark_attempted(outbox_key)
        activity_id = tracker.create_note(
            message.candidate_id,
            subject=subject,
            note=text,
            idempotency_key=key,
            check_existing=status == "attempted",
        )
        outbox.mark_done(outbox_key, str(activity_id or "created"))
        note_written = True
    stage_moved = False
    if (
        message.verdict == "up"
        and stage_status_id is not None
        and message.placement_id is not None
        and not known_past_early(message.placement_status_name)
    ):
        # The same outbox key as the scorer's own stage move: whichever comes first, the move happens once.
        stage_key = f"stage#{message.placement_id}#{stage_status_id}"
        if outbox.status(stage_key) != "done":
            stage_moved = _move_from_live_stage(tracker, outbox, message, stage_status_id, stage_key)
    return FeedbackWriteReport(note_written, stage_moved)


def _move_from_live_stage(
    tracker: FeedbackTracker, outbox: Outbox, message: FeedbackGiven, stage_status_id: int, stage_key: str
) -> bool:
    assert message.placement_id is not None
    try:
        live = tracker.application(message.placement_id)
    except TrackerNotFound:
        outbox.mark_done(stage_key, "application gone")  # withdrawn from the job since the vote: nothing to move
        return False
    if live.status_id == stage_status_id or not is_early_stage(live.status_name):
        outbox.mark_done(stage_key, "not eligible at its live stage")
        return False
    tracker.set_stage(message.placement_id, stage_status_id)
    outbox.mark_done(stage_key, f"hm:{message.feedback_key}")
    return True
