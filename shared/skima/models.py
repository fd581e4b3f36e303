"""Message shapes shared by producers and consumers (one source of truth).

The webhook and the poller produce `QueueMessage` bodies on the score queue; the scorer parses the same model. The
shortlist page produces `FeedbackGiven` bodies on the feedback queue, which the feedback function parses (votes
never wait behind the scoring backlog). Nothing here does I/O.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class RecordType(StrEnum):
    """Tracker record types we react to, by their REST entity names."""

    RESOURCE = "Resource"  # a candidate (Widget letter R)
    OPPORTUNITY = "Opportunity"  # a job (Widget letter O)
    OPPORTUNITY_RESOURCE = "OpportunityResource"  # an application / pipeline entry (Widget letter X)

    @property
    def widget_letter(self) -> WidgetLetter:
        return _WIDGET_LETTERS[self]


WidgetLetter = Literal["R", "O", "X"]

_WIDGET_LETTERS: dict[RecordType, WidgetLetter] = {
    RecordType.RESOURCE: "R",
    RecordType.OPPORTUNITY: "O",
    RecordType.OPPORTUNITY_RESOURCE: "X",
}

# Names Tracker (or a tenant's renamed entities, or the Widget API) may use for each record type.
_RECORD_TYPE_ALIASES: dict[str, RecordType] = {
    alias: record_type
    for record_type, aliases in {
        RecordType.RESOURCE: ("resource", "resources", "r", "candidate", "candidates"),
        RecordType.OPPORTUNITY: ("opportunity", "opportunities", "o", "job", "jobs", "vacancy", "vacancies"),
        RecordType.OPPORTUNITY_RESOURCE: (
            "opportunityresource",
            "opportunityresources",
            "x",
            "placement",
            "placements",
            "application",
            "applications",
            "shortlist",
            "longlist",
            "pipeline",
        ),
    }.items()
    for alias in aliases
}


def parse_record_type(value: object) -> RecordType | None:
    """The record type named by `value`, tolerant of case, spacing and aliases; None if unrecognised."""
    if not isinstance(value, str):
        return None
    key = "".join(ch for ch in value.lower() if ch.isalnum())
    return _RECORD_TYPE_ALIASES.get(key)


MessageSource = Literal["webhook", "poll", "backfill", "admin", "shortlist"]


class _Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1
    source: MessageSource
    received_at: AwareDatetime = Field(default_factory=lambda: datetime.now(UTC))


class RecordChanged(_Message):
    """A hint that a Tracker record changed. The scorer always re-reads the record; the hint is never trusted."""

    kind: Literal["record_changed"] = "record_changed"
    record_type: RecordType
    record_id: Annotated[int, Field(gt=0, lt=2**53)]
    action: Annotated[str, Field(max_length=32)] | None = None
    # Tracker's lastUpdatedDateTime when the poller saw the record (dedupe key part); None for webhook pings.
    last_updated: AwareDatetime | None = None

    @property
    def dedupe_key(self) -> str:
        stamp = self.last_updated.isoformat() if self.last_updated else "ping"
        return f"{self.record_type.value}#{self.record_id}#{stamp}"


class ReconcileRequest(_Message):
    """An authenticated ping we could not attribute to a record: ask for a poll instead of losing it."""

    kind: Literal["reconcile"] = "reconcile"
    reason: Annotated[str, Field(max_length=200)]


class FeedbackGiven(_Message):
    """A hiring manager's verdict from the shortlist page, the body of a feedback queue message: the feedback
    function writes it back to Tracker as a note (`skima.writeback.WriteBack.feedback`, through the
    outbox). The scorer still accepts one on the score queue (sent there before the feedback queue existed)."""

    source: MessageSource = "shortlist"
    kind: Literal["feedback"] = "feedback"
    job_id: Annotated[int, Field(gt=0, lt=2**53)]
    candidate_id: Annotated[int, Field(gt=0, lt=2**53)]
    verdict: Literal["up", "down", "maybe"]
    comment: Annotated[str, Field(max_length=500)] = ""
    link_id: Annotated[str, Field(min_length=1, max_length=32)]
    # The feedback table's sort key: one note per key, however often the message is delivered.
    feedback_key: Annotated[str, Field(min_length=1, max_length=64)]
    job_title: Annotated[str, Field(max_length=300)] = ""
    placement_id: Annotated[int, Field(gt=0, lt=2**53)] | None = None
    placement_status_name: Annotated[str, Field(max_length=100)] | None = None
    submitted_at: AwareDatetime
    # Who the link was made for (`skima links create --for`, or the job's contact in Tracker for a share-tag
    # link); None when nobody was named. Anyone holding the link can vote: the note says whose link it was.
    voter_name: Annotated[str, Field(min_length=1, max_length=100)] | None = None


QueueMessageBody = Annotated[RecordChanged | ReconcileRequest | FeedbackGiven, Field(discriminator="kind")]


class QueueMessage(RootModel[QueueMessageBody]):
    """The SQS body of the score queue: `QueueMessage.model_validate_json(body).root`."""


class FeedbackQueueMessage(RootModel[FeedbackGiven]):
    """The SQS body of the feedback queue (votes only): `FeedbackQueueMessage.model_validate_json(body).root`."""
