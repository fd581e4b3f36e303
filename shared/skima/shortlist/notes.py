"""Activity-note texts for Tracker (plain text, one field per line, the product brief's field names) and their
idempotency keys. The write-back writes them, each once through the outbox (`skima.writeback.WriteBack`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from skima.digests import sha256_hex
from skima.note_text import plain_line
from skima.ports import NoteTarget
from skima.shortlist.models import VERDICT_LABELS, ShareLink, Verdict


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
