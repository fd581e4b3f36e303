"""The feedback function's composition root: a vote → its note (and stage move) in Tracker, through the outbox.

The scorer uses `feedback_writer` too, for votes still arriving on the score queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from skima.adapters import wiring
from skima.adapters.tracker_source import TrackerRecordSource
from skima.config import FeedbackSettings, ScorerSettings
from skima.models import FeedbackGiven
from skima.tracker.timing import Deadline
from skima.writeback import FeedbackWriteReport, WriteBack, WriteBackPolicy

WriteFeedback = Callable[[FeedbackGiven, Deadline], FeedbackWriteReport]


@dataclass(frozen=True)
class FeedbackDeps:
    write_feedback: WriteFeedback
    """Writes one vote, every Tracker call bounded by the deadline."""
    forget_tracker_client: Callable[[], None]
    """After a TrackerAuthError: the admin may have put a new API token in the secret, read it next time."""


def feedback_writer(config: FeedbackSettings | ScorerSettings, *, calibrate_stamps: bool = False) -> WriteFeedback:
    """The vote write-back. `calibrate_stamps`: the notes it creates also calibrate Tracker's stamp offset (the
    scorer does; the feedback function leaves that to the scorer's own notes)."""

    def write(message: FeedbackGiven, deadline: Deadline) -> FeedbackWriteReport:
        timezone = wiring.tracker_timezone(config.state_table) if calibrate_stamps else None
        tracker = TrackerRecordSource(wiring.tracker_client(config), lambda: deadline, timezone)
        policy = WriteBackPolicy(stage_status_id=config.shortlist_stage_status_id)
        return WriteBack(tracker, wiring.state_store(config.state_table), policy=policy).feedback(message)

    return write


def build(config: FeedbackSettings) -> FeedbackDeps:
    return FeedbackDeps(feedback_writer(config), wiring.tracker_client.cache_clear)


@cache
def from_env() -> FeedbackDeps:
    return build(FeedbackSettings.from_env())
