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

from skima.models import FeedbackGiven
from skima.ports import Outbox, TrackerWriter
from skima.shortlist.notes import feedback_note, feedback_note_key
from skima.stages import known_past_early
from skima.writeback import move_stage_once, note_once


@dataclass(frozen=True)
class FeedbackWriteReport:
    note_written: bool
    stage_moved: bool


def write_feedback(
    message: FeedbackGiven,
    tracker: TrackerWriter,
    outbox: Outbox,
    *,
    stage_status_id: int | None = None,
) -> FeedbackWriteReport:
    """`stage_status_id`: the "Skima Shortlisted" status id when stage moves are enabled, else None (default)."""
    note_written = note_once(
        tracker,
        outbox,
        "R",
        message.candidate_id,
        key=feedback_note_key(message.job_id, message.candidate_id, message.feedback_key),
        compose=lambda: feedback_note(
            job_id=message.job_id,
            job_title=message.job_title,
            verdict=message.verdict,
            comment=message.comment,
            link_id=message.link_id,
            submitted_at=message.submitted_at,
            voter_name=message.voter_name,
        ),
    )
    stage_moved = (
        message.verdict == "up"
        and stage_status_id is not None
        and message.placement_id is not None
        and not known_past_early(message.placement_status_name)  # a later stage stored: no move, and no read
        # The same outbox row as the scorer's own move: whichever comes first, the move happens once.
        and move_stage_once(tracker, outbox, message.placement_id, stage_status_id, f"hm:{message.feedback_key}")
    )
    return FeedbackWriteReport(note_written, stage_moved)
