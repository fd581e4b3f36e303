"""Domain exceptions raised at the edges; handlers map them to responses in one place."""

from __future__ import annotations


class RejectedRequest(Exception):
    """A request refused before anything was changed. `public_message` is safe to show the caller."""

    status_code = 400

    def __init__(self, public_message: str) -> None:
        super().__init__(public_message)
        self.public_message = public_message


class BadRequest(RejectedRequest):
    status_code = 400


class Unauthorized(RejectedRequest):
    status_code = 401


class PayloadTooLarge(RejectedRequest):
    status_code = 413


class DependencyUnavailable(Exception):
    """An infrastructure dependency (queue, secret store, table) failed; the caller may retry later."""


class WriteInProgress(DependencyUnavailable):
    """Another worker is making this very write-back right now; retry the message later (it will find it done)."""


class QueueUnavailable(DependencyUnavailable):
    pass


class SecretUnavailable(DependencyUnavailable):
    pass
