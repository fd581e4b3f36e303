"""One in-memory fake per write-back port (`skima.ports`): the outbox and Tracker's writes. Every use case that writes
to Tracker is tested on these (the scorer's fake Tracker, tests/unit/scoring/fakes.py, adds the reads on top)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from skima.ports import NoteTarget, OutboxStatus
from skima.scoring.ports import Application
from skima.tracker.errors import TrackerNotFound, TrackerUnavailable


class FakeOutbox:
    """`skima.ports.Outbox` in memory: each key's status and the result its "done" kept."""

    def __init__(self) -> None:
        self.items: dict[str, OutboxStatus] = {}
        self.results: dict[str, str] = {}
        self.crash_on_done = False

    def outbox_status(self, key: str) -> OutboxStatus | None:
        return self.items.get(key)

    def outbox_attempted(self, key: str) -> None:
        if self.items.get(key) != "done":
            self.items[key] = "attempted"

    def outbox_done(self, key: str, result: str = "") -> None:
        if self.crash_on_done:
            self.crash_on_done = False
            raise RuntimeError("crashed before the outbox row was completed")
        self.items[key] = "done"
        self.results[key] = result


@dataclass
class Note:
    activity_id: int
    record_id: int  # the candidate's id, or the job's for link_type "O"
    subject: str
    note: str
    key: str
    link_type: NoteTarget = "R"
    check_existing: bool = False


@dataclass
class FakeTrackerWriter:
    """`skima.ports.TrackerWriter` in memory. Every call is counted by name in `calls`; a note asked to check for
    its key first (`check_existing`) is found rather than written twice, as the real client does."""

    applications: dict[int, Application] = field(default_factory=dict)  # pipeline entries as Tracker has them now
    notes: list[Note] = field(default_factory=list)
    tags: dict[int, list[str]] = field(default_factory=dict)
    stage_moves: list[tuple[int, int]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    lose_next_note_response: bool = False  # True: the next note lands in Tracker, and its answer is lost
    tags_readable: bool = True  # False: candidate reads carry no tag field (public reads, evidence 12.7, decision 0007)
    add_tag_known: list[Sequence[str] | None] = field(default_factory=list)

    @property
    def request_count(self) -> int:
        return len(self.calls)

    def writes(self) -> list[str]:
        return [c for c in self.calls if c in {"create_note", "find_note", "add_tag", "move_stage"}]

    def application(self, placement_id: int) -> Application:
        self.calls.append("application")
        if placement_id not in self.applications:
            raise TrackerNotFound("gone")
        return self.applications[placement_id]

    def create_note(
        self,
        target: NoteTarget,
        record_id: int,
        *,
        subject: str,
        note: str,
        idempotency_key: str,
        check_existing: bool,
    ) -> int:
        if check_existing:
            self.calls.append("find_note")
            for existing in self.notes:
                if existing.key == idempotency_key:
                    return existing.activity_id
        self.calls.append("create_note")
        activity = Note(5001 + len(self.notes), record_id, subject, note, idempotency_key, target, check_existing)
        self.notes.append(activity)
        if self.lose_next_note_response:
            self.lose_next_note_response = False
            raise TrackerUnavailable("response lost after the write landed")
        return activity.activity_id

    def add_tag(self, candidate_id: int, tag: str, known_tags: Sequence[str] | None) -> bool:
        self.calls.append("add_tag")
        self.add_tag_known.append(known_tags)
        if known_tags is None and not self.tags_readable:
            return False  # the real client skips a tag set it could not read
        current = list(self.tags.get(candidate_id, [])) if known_tags is None else list(known_tags)
        if any(t.lower() == tag.lower() for t in current):
            return False
        self.tags[candidate_id] = [*current, tag]
        return True

    def move_stage(self, placement_id: int, status_id: int) -> None:
        self.calls.append("move_stage")
        self.stage_moves.append((placement_id, status_id))
