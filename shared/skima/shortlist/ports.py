"""What the shortlist use cases need from the outside world. Adapters: `skima.adapters.dynamo_links`,
`skima.adapters.dynamo_feedback`, and `skima.shortlist.scores_view` over the scorer's score store."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from skima.shortlist.models import FeedbackSubmission, RecordedVerdict, ShareLink, ShortlistEntry


class LinkStore(Protocol):
    def put(self, link: ShareLink) -> None: ...

    def get(self, token_hash: str) -> ShareLink | None:
        """The stored link, whatever its state (the caller checks expiry and revocation)."""
        ...

    def for_job(self, job_id: int) -> list[ShareLink]: ...

    def revoke(self, token_hash: str, at: datetime) -> bool:
        """Mark revoked; False when no such link or already revoked."""
        ...

    def extend(self, token_hash: str, expires_at: datetime) -> bool:
        """Set a new expiry on a link that is not revoked; False otherwise."""
        ...

    def mark_announced(self, token_hash: str, at: datetime) -> None: ...

    def claim_tag_share(self, job_id: int, token_hash: str, previous_hash: str | None) -> bool:
        """Make this link the job's tag link, replacing `previous_hash` (None: there was none). False when the
        job's tag link is something else now (another invocation won a race)."""
        ...

    def release_tag_share(self, job_id: int) -> None: ...


class GuessLimiter(Protocol):
    """Counts requests with dead or made-up tokens per client, so a client guessing links is slowed down."""

    def blocked(self, client: str) -> bool: ...

    def record_miss(self, client: str) -> None: ...


class ShortlistSource(Protocol):
    def ranked(self, job_id: int, min_score: int) -> Iterable[ShortlistEntry]:
        """The job's scored candidates at or above `min_score`, best first (ties: the lower candidate id), read
        lazily: the page stops once it has enough live ones (`skima.shortlist.selection`)."""
        ...

    def entry(self, job_id: int, candidate_id: int) -> ShortlistEntry | None:
        """The candidate's scored entry for the job, None when not scored for it."""
        ...


RecordOutcome = Literal["recorded", "duplicate"]


@dataclass(frozen=True)
class RecordResult:
    outcome: RecordOutcome
    stored: FeedbackSubmission  # for a duplicate: what the first submission with this key said
    enqueued: bool  # whether its write-back message was already enqueued


class FeedbackStore(Protocol):
    def record(self, submission: FeedbackSubmission) -> RecordResult:
        """Keep the submission (history, never overwritten) and make it the current verdict (optimistic lock on
        a version). A repeated feedback key for the same candidate is a duplicate and changes nothing."""
        ...

    def mark_enqueued(self, submission: FeedbackSubmission) -> None: ...

    def latest(self, job_id: int, candidate_ids: Sequence[int]) -> dict[int, RecordedVerdict]: ...

    def history(self, job_id: int, candidate_id: int) -> list[FeedbackSubmission]:
        """Every verdict ever given, oldest first (the audit trail)."""
        ...
