"""Ports: what the use cases need from the outside world, as Protocols. Adapters implement them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from skima.models import QueueMessageBody
from skima.scoring.ports import Application


class MessageQueue(Protocol):
    def send_batch(self, messages: Sequence[QueueMessageBody]) -> list[str]:
        """Enqueue every message or raise QueueUnavailable; returns the queue's message ids."""
        ...


class WebhookTokenSource(Protocol):
    def valid_tokens(self) -> Sequence[str]:
        """The webhook URL tokens accepted now (current, and the previous one during rotation)."""
        ...


# ---------------------------------------------------------------------- write-back to Tracker

OutboxStatus = Literal["attempted", "done"]


class Outbox(Protocol):
    """One row per side effect in Tracker, under a deterministic key: "attempted" is saved before the Tracker call,
    "done" after. Every writer shares it (the scorer, rediscovery, the feedback and the share-link notes), so a
    side effect two of them could cause (a stage move) happens once. Adapter: `DynamoStateStore`."""

    def outbox_status(self, key: str) -> OutboxStatus | None: ...
    def outbox_attempted(self, key: str) -> None: ...
    def outbox_done(self, key: str, result: str = "") -> None: ...


NoteTarget = Literal["R", "O"]  # the record a note is on: a candidate (Resource) or a job (Opportunity)


class TrackerWriter(Protocol):
    """Every write SKIMA makes in Tracker, and the one read a write needs. Adapter: `TrackerRecordSource`. Every
    call may raise the tracker errors (TrackerNotFound for a record gone, TrackerUnavailable to fail the message)."""

    def create_note(
        self,
        target: NoteTarget,
        record_id: int,
        *,
        subject: str,
        note: str,
        idempotency_key: str,
        check_existing: bool,
    ) -> int | None:
        """One activity note on the record; never twice for one idempotency key (`check_existing`: look for it
        first, after an attempt whose answer was lost)."""
        ...

    def add_tag(self, candidate_id: int, tag: str, known_tags: Sequence[str] | None) -> bool:
        """Add a tag keeping every other tag; `known_tags` (just read) saves a request. True if Tracker changed."""
        ...

    def application(self, placement_id: int) -> Application:
        """The pipeline entry as Tracker has it now: its live stage, read just before a stage move."""
        ...

    def move_stage(self, placement_id: int, status_id: int) -> None: ...
