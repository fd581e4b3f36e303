"""Domain exceptions for talking to Tracker.

Messages name the operation and the HTTP status only: never the API token, the JWT, a request body or a
candidate's details, because callers log these messages.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base class for every failure the Tracker client reports."""

    def __init__(self, message: str, *, operation: str = "", status_code: int | None = None) -> None:
        super().__init__(message)
        self.operation = operation
        self.status_code = status_code


class TrackerAuthError(TrackerError):
    """The API token itself was refused (exchange answered 401/403) or the widget user is unknown/inactive.

    Not retryable: an admin has to generate a new token in Tracker.
    """


class TrackerNotFound(TrackerError):
    """The record does not exist (REST 404, or an empty widget result for a single-record read)."""


class TrackerRejected(TrackerError):
    """Tracker refused the request (400/403/409/422, or a widget status other than 0). Not retried."""

    def __init__(
        self,
        message: str,
        *,
        operation: str = "",
        status_code: int | None = None,
        widget_status: int | None = None,
    ) -> None:
        super().__init__(message, operation=operation, status_code=status_code)
        self.widget_status = widget_status


class TrackerBadResponse(TrackerError):
    """Tracker answered 2xx with a body we cannot read (not JSON, or not the expected shape)."""


class TrackerUnavailable(TrackerError):
    """Tracker could not be reached in the time budget (5xx, timeouts, 429s, or the budget ran out).

    Retryable later: an SQS consumer should report the record as a batch item failure.
    """


class TrackerRateLimited(TrackerUnavailable):
    """The request budget (ours or Tracker's 429) leaves no slot before the caller's deadline."""
