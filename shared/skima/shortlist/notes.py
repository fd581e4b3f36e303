"""Activity-note texts for Tracker (plain text, one field per line, the product brief's field names), their
idempotency keys, and the announcement of a new share link through the outbox.

Outbox discipline (as for score notes): a deterministic key per note; "attempted" is saved before calling
Tracker, "done" after; a retry that finds "attempted" asks Tracker for the marker before sending again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, Protocol

from skima.digests import sha256_hex
from skima.note_text import plain_line
from skima.shortlist.models import VERDICT_LABELS, CreatedLink, ShareLink, Verdict

if TYPE_CHECKING:
    from skima.tracker.api import TrackerApi
    from skima.tracker.timing import Deadline

NoteTarget = Literal["R", "O"]  # candidate (Resource) or job (Opportunity)


class NoteWriter(Protocol):
    def create_note(
        self,
        link_type: NoteTarget,
        record_id: int,
        *,
        subject: str,
        note: str,
        idempotency_key: str,
        check_existing: bool,
    ) -> int | None:
        """Create one activity note linked to one record; never twice for one idempotency key."""
        ...


class Outbox(Protocol):
    def status(self, key: str) -> Literal["attempted", "done"] | None: ...
    def mark_attempted(self, key: str) -> None: ...
    def mark_done(self, key: str, result: str = "") -> None: ...


class TrackerNoteWriter:
    """`NoteWriter` over the Tracker client (`skima.tracker.api.TrackerApi`): notes on jobs and on candidates.
    `deadline` (the invocation's, as the scorer passes it) bounds every call; without it the client's default."""

    def __init__(self, client: TrackerApi, deadline: Callable[[], Deadline] | None = None) -> None:
        self._client = client
        self._deadline = deadline

    def create_note(
        self,
        link_type: NoteTarget,
        record_id: int,
        *,
        subject: str,
        note: str,
        idempotency_key: str,
        check_existing: bool,
    ) -> int | None:
        return self._client.create_activity(
            link_type=link_type,
            link_id=record_id,
            subject=subject,
            note=note,
            idempotency_key=idempotency_key,
            check_existing=check_existing,
            deadline=self._deadline() if self._deadline is not None else None,
        )


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _job_line(job_id: int, job_title: str) -> str:
    title = plain_line(job_title)
    return f"Job: {job_id} {title}" if title else f"Job: {job_id}"


# ---------------------------------------------------------------------- the share link


def shortlist_link_note(link: ShareLink, url: str) -> tuple[str, str]:
    """(subject, text) of the `Shortlist Link` note written on the job and on each top-10 candidate."""
    title = plain_line(link.job_title) or f"job {link.job_id}"
    text = "\n".join(
        [
            f"Shortlist Link: {url}",
            f"Expires: {_stamp(link.expires_at)}",
            _job_line(link.job_id, link.job_title),
            f"Link id: {link.link_id} (revoke: remove the share tag from the job, or skima links revoke)",
        ]
    )
    return f"SKIMA Shortlist Link - {title}", text


def shortlist_link_note_key(link: ShareLink, target: NoteTarget, record_id: int) -> str:
    """Deterministic per (link, record): fits Tracker's 6-64 characters of A-Za-z0-9_-."""
    digest = sha256_hex(f"{link.token_hash}|{target}|{record_id}")[:16]
    return f"sl{link.job_id}-{target}{record_id}-{digest}"


def announce_link(created: CreatedLink, top10_candidate_ids: Sequence[int], writer: NoteWriter, outbox: Outbox) -> int:
    """Write the `Shortlist Link` note on the job and on each top-10 candidate, each exactly once.
    Returns how many notes this call sent. Call `ShareLinks.mark_announced(created.link)` afterwards."""
    subject, text = shortlist_link_note(created.link, created.url)
    targets: list[tuple[NoteTarget, int]] = [("O", created.link.job_id)]
    targets += [("R", candidate_id) for candidate_id in dict.fromkeys(top10_candidate_ids)]
    sent = 0
    for target, record_id in targets:
        key = shortlist_link_note_key(created.link, target, record_id)
        outbox_key = f"note#{key}"
        status = outbox.status(outbox_key)
        if status == "done":
            continue
        outbox.mark_attempted(outbox_key)
        activity_id = writer.create_note(
            target, record_id, subject=subject, note=text, idempotency_key=key, check_existing=status == "attempted"
        )
        outbox.mark_done(outbox_key, str(activity_id or "created"))
        sent += 1
    return sent


# ---------------------------------------------------------------------- the manager's feedback


def feedback_note(
    *,
    job_id: int,
    job_title: str,
    verdict: Verdict,
    comment: str,
    link_id: str,
    submitted_at: datetime,
    voter_name: str | None = None,
) -> tuple[str, str]:
    """(subject, text) of the `HM Feedback` note on the candidate. `voter_name`: who the link was made for."""
    lines = [f"HM Feedback: {VERDICT_LABELS[verdict]}"]
    if comment.strip():
        # One line: Tracker shows notes as plain text; the manager's line breaks are kept as " / ".
        lines.append("HM Comment: " + " / ".join(plain_line(part) for part in comment.splitlines() if part.strip()))
    lines.append(_job_line(job_id, job_title))
    voter = plain_line(voter_name or "")
    via = f"From {voter}, via shortlist link {link_id}," if voter else f"From shortlist link {link_id}"
    lines.append(f"{via} at {_stamp(submitted_at)}")
    title = plain_line(job_title) or f"job {job_id}"
    return f"HM Feedback {VERDICT_LABELS[verdict]} - {title}", "\n".join(lines)


def feedback_note_key(job_id: int, candidate_id: int, feedback_key: str) -> str:
    digest = sha256_hex(f"{job_id}|{candidate_id}|{feedback_key}")[:16]
    return f"hm{job_id}-{candidate_id}-{digest}"
