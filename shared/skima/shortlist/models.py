"""What the shortlist use cases pass around. Nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Verdict = Literal["up", "down", "maybe"]
VERDICTS: tuple[Verdict, ...] = ("up", "down", "maybe")
VERDICT_LABELS: dict[Verdict, str] = {"up": "👍", "down": "👎", "maybe": "Maybe"}
VERDICT_WORDS: dict[Verdict, str] = {"up": "Yes", "down": "No", "maybe": "Maybe"}
MAX_COMMENT_CHARS = 500

LinkSource = Literal["tag", "admin"]
LinkState = Literal["active", "expired", "revoked"]


@dataclass(frozen=True)
class ShareLink:
    """A stored share link. The raw token is never stored: `token_hash` is its SHA-256 (hex)."""

    token_hash: str
    link_id: str  # short public id, safe to log and to name in notes
    job_id: int
    job_title: str
    created_at: datetime
    expires_at: datetime
    source: LinkSource
    nonce_key: str = field(repr=False)  # per-link server secret for the feedback form's nonce
    hide_score: bool = False
    hide_gaps: bool = False
    revoked_at: datetime | None = None
    announced_at: datetime | None = None  # when its URL was written into Tracker (tag links)
    # Who the link was made for (`skima links create --for`, or the job's contact for a tag link): the vote
    # note names them. None: nobody was named, and the note names the link only.
    manager_name: str | None = None

    def state(self, now: datetime) -> LinkState:
        if self.revoked_at is not None:
            return "revoked"
        # Enforced on read: DynamoDB's TTL may keep an expired row for days.
        if now >= self.expires_at:
            return "expired"
        return "active"

    def is_active(self, now: datetime) -> bool:
        return self.state(now) == "active"


@dataclass(frozen=True)
class CreatedLink:
    """A link as created: the only moment the raw token (inside `url`) exists."""

    link: ShareLink
    token: str = field(repr=False)
    url: str = field(repr=False)


@dataclass(frozen=True)
class Evidence:
    """One requirement and what the resume says about it."""

    label: str
    verdict: str  # met | partial | missing
    quote: str | None
    weight: float = 1.0  # the requirement's share of the score (which one separated two candidates)


@dataclass(frozen=True)
class ShortlistEntry:
    """One ranked candidate as the page shows it (read from the scorer's ScoresTable)."""

    job_id: int
    candidate_id: int
    display_name: str
    score: int | None
    status: str
    reasons: tuple[str, ...]
    gaps: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    updated_at: datetime | None
    job_title: str = ""
    placement_id: int | None = None
    placement_status_name: str | None = None
    rediscovered: bool = False


@dataclass(frozen=True)
class RecordedVerdict:
    """The manager's latest verdict on a candidate for a job."""

    verdict: Verdict
    comment: str
    submitted_at: datetime
    version: int


@dataclass(frozen=True)
class FeedbackSubmission:
    job_id: int
    candidate_id: int
    verdict: Verdict
    comment: str
    link_id: str
    render_id: str  # from the page's nonce: one submission per (page render, candidate)
    submitted_at: datetime

    @property
    def feedback_key(self) -> str:
        return f"v#{self.render_id}"
