"""Typed configuration, read from the environment once per container.

Every variable a function reads is named here and declared in template.yaml (a unit test keeps the two in step).
Adapters and use cases take their values from these models, never from `os.environ`; the developer CLIs
(`skima_cli.main`, `skima_cli.links`, `skima_cli.sync`) are the only other readers, for their options' defaults
(MODEL_DIR, LINKS_TABLE...), and Powertools reads its own POWERTOOLS_* variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Annotated, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl

# Scores, cached profiles and feedback expire (DynamoDB TTL `expires_at`) this long after their last write, unless
# the template's ScoreRetentionDays / FeedbackRetentionDays say otherwise.
DEFAULT_RETENTION_DAYS = 730
# The shortlist page leaves out candidates scoring below this (the floor of a "partial match", skima.bands), unless
# the template's ShortlistMinScore says otherwise.
DEFAULT_SHORTLIST_MIN_SCORE = 40


def retention_seconds(days: int, what: str) -> int:
    """A retention in days as the seconds a DynamoDB TTL adds; refuses a retention that would expire on write."""
    if days <= 0:
        raise ValueError(f"{what} retention must be at least one day, not {days}")
    return days * 86400


RetentionDays = Annotated[int, Field(gt=0, le=3650)]


class _Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        return cls.model_validate(dict(os.environ if environ is None else environ))


def _empty_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


class WebhookSettings(_Settings):
    score_queue_url: Annotated[str, Field(alias="SCORE_QUEUE_URL", min_length=1)]
    webhook_token_secret_arn: Annotated[str, Field(alias="WEBHOOK_TOKEN_SECRET_ARN", min_length=1)]
    max_body_bytes: Annotated[int, Field(alias="WEBHOOK_MAX_BODY_BYTES", gt=0, le=256 * 1024)] = 64 * 1024


class TrackerConfig(_Settings):
    """Where Tracker is, where its API token lives, and the state every function shares (JWT, request budget)."""

    rest_url: Annotated[HttpUrl, Field(alias="TRACKER_REST_URL")]
    widget_url: Annotated[HttpUrl, Field(alias="TRACKER_WIDGET_URL")]
    api_token_secret_arn: Annotated[str, Field(alias="TRACKER_API_TOKEN_SECRET_ARN", min_length=1)]
    requests_per_minute: Annotated[int, Field(alias="TRACKER_REQUESTS_PER_MINUTE", gt=0, le=600)] = 90
    # The activity type of every note (tenant-configurable; "Email" would pollute email activity reports).
    activity_type: Annotated[str, Field(alias="TRACKER_ACTIVITY_TYPE", min_length=1, max_length=50)] = "Note"
    # How widget calls authenticate: auto (probe once per cold start), oauth, credentials, rest_jwt.
    widget_auth: Annotated[Literal["auto", "oauth", "credentials", "rest_jwt"], Field(alias="TRACKER_WIDGET_AUTH")] = (
        "auto"
    )
    state_table: Annotated[str, Field(alias="STATE_TABLE", min_length=1)]
    score_queue_url: Annotated[str, Field(alias="SCORE_QUEUE_URL", min_length=1)]
    # Requests a minute of the shared budget kept free for hiring managers' votes: the scorer and the poller stop
    # this far below the limit, so a scoring backlog that spends its whole share never makes a vote wait a minute.
    feedback_reserved_requests: Annotated[int, Field(alias="TRACKER_FEEDBACK_RESERVED_REQUESTS", ge=0, le=60)] = 5

    def request_ceiling(self) -> int:
        """How many of the minute's shared requests this function may count up to (`requests_per_minute` less
        the votes' reserve, never below 1)."""
        return max(1, self.requests_per_minute - self.feedback_reserved_requests)


class FeedbackSettings(TrackerConfig):
    """The feedback function: votes off the feedback queue, written to Tracker as notes. No model, no tables but
    the state table (outbox, Tracker JWT, request budget)."""

    # Empty (the default) never moves a stage.
    shortlist_stage_status_id: Annotated[
        int | None, Field(alias="SHORTLIST_STAGE_STATUS_ID", gt=0), BeforeValidator(_empty_to_none)
    ] = None

    def request_ceiling(self) -> int:
        """Votes may use the whole budget, the reserve included."""
        return self.requests_per_minute


class PollerSettings(TrackerConfig):
    poll_rate_minutes: Annotated[int, Field(alias="POLL_RATE_MINUTES", gt=0, le=60)] = 10
    poll_lookback_minutes: Annotated[int, Field(alias="POLL_LOOKBACK_MINUTES", ge=0)] = 180
    # Open jobs whose pipeline each poll re-reads (one Tracker request each); 0 turns the re-check off.
    poll_pipeline_checks: Annotated[int, Field(alias="POLL_PIPELINE_CHECKS", ge=0, le=500)] = 50


class ScorerSettings(PollerSettings):
    """The scorer also runs a poll on demand (a reconcile request from an unattributable ping)."""

    model_dir: Annotated[str, Field(alias="MODEL_DIR", min_length=1)] = "/opt/model"
    scores_table: Annotated[str, Field(alias="SCORES_TABLE", min_length=1)]
    profiles_table: Annotated[str, Field(alias="PROFILES_TABLE", min_length=1)]
    links_table: Annotated[str, Field(alias="LINKS_TABLE", min_length=1)]
    feedback_table: Annotated[str, Field(alias="FEEDBACK_TABLE", min_length=1)]
    screened_tag: Annotated[str, Field(alias="SCREENED_TAG", min_length=1, pattern=r"^[^,]+$")] = "SKIMA Screened"
    share_tag: Annotated[str, Field(alias="SHARE_TAG", min_length=1)] = "SKIMA Share"
    # Empty (the default) never moves a stage.
    shortlist_stage_status_id: Annotated[
        int | None, Field(alias="SHORTLIST_STAGE_STATUS_ID", gt=0), BeforeValidator(_empty_to_none)
    ] = None
    shortlist_stage_min_score: Annotated[int, Field(alias="SHORTLIST_STAGE_MIN_SCORE", ge=0, le=100)] = 70
    share_link_ttl_hours: Annotated[int, Field(alias="SHARE_LINK_TTL_HOURS", gt=0)] = 48
    score_retention_days: Annotated[RetentionDays, Field(alias="SCORE_RETENTION_DAYS")] = DEFAULT_RETENTION_DAYS
    shortlist_base_url: Annotated[str, Field(alias="SHORTLIST_BASE_URL")] = ""
    # The key share-link tokens are derived from (HMAC), so score notes can carry a live link's URL while the
    # links table stores only the token's SHA-256. Empty: random tokens, and notes never carry a link.
    link_signing_key_secret_arn: Annotated[str, Field(alias="LINK_SIGNING_KEY_SECRET_ARN")] = ""
    # A record is started only with at least this much of the invocation left; the rest of the batch is reported
    # as failed items (redelivered later), so one slow resume cannot make its batch-mates time out with it.
    min_remaining_ms: Annotated[int, Field(alias="SCORER_MIN_REMAINING_MS", ge=0)] = 45_000


class BackfillSettings(TrackerConfig):
    """`skima backfill`: Tracker's candidates → cached profiles and the vector index, within the shared budget."""

    profiles_table: Annotated[str, Field(alias="PROFILES_TABLE", min_length=1)]
    score_retention_days: Annotated[RetentionDays, Field(alias="SCORE_RETENTION_DAYS")] = DEFAULT_RETENTION_DAYS


class ShortlistSettings(_Settings):
    """The shortlist function: reads scores and links, writes feedback, enqueues feedback write-backs."""

    scores_table: Annotated[str, Field(alias="SCORES_TABLE", min_length=1)]
    links_table: Annotated[str, Field(alias="LINKS_TABLE", min_length=1)]
    feedback_table: Annotated[str, Field(alias="FEEDBACK_TABLE", min_length=1)]
    # Wrong-token counters; not the state table, which holds the Tracker JWT this public function must not read.
    guess_table: Annotated[str, Field(alias="GUESS_TABLE", min_length=1)]
    feedback_retention_days: Annotated[RetentionDays, Field(alias="FEEDBACK_RETENTION_DAYS")] = DEFAULT_RETENTION_DAYS
    # Votes go on their own queue, so they never wait behind the scoring backlog.
    feedback_queue_url: Annotated[str, Field(alias="FEEDBACK_QUEUE_URL", min_length=1)]
    shortlist_min_score: Annotated[int, Field(alias="SHORTLIST_MIN_SCORE", ge=0, le=100)] = DEFAULT_SHORTLIST_MIN_SCORE
