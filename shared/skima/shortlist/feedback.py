"""Use case: the hiring manager's verdict on one candidate (POST from the shortlist page).

Checks, in order, each refusing before anything is written: cross-site request (403), the link (the same
friendly 404 as the page), the form's nonce bound to this link (403), the candidate in this job's scores (404),
the verdict and the comment (422). Then the verdict is stored (history kept, one write per nonce and candidate)
and a `FeedbackGiven` message is enqueued on the feedback queue (not behind the scoring backlog) for the feedback
function to write the Tracker note.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qs

from skima.errors import RejectedRequest
from skima.models import FeedbackGiven
from skima.ports import MessageQueue
from skima.shortlist.models import MAX_COMMENT_CHARS, VERDICTS, FeedbackSubmission, ShareLink, Verdict
from skima.shortlist.ports import FeedbackStore, ShortlistSource
from skima.shortlist.tokens import check_nonce

logger = logging.getLogger(__name__)

MAX_FORM_BYTES = 8 * 1024


class Forbidden(RejectedRequest):
    status_code = 403


class NotFound(RejectedRequest):
    status_code = 404


class Unprocessable(RejectedRequest):
    status_code = 422


@dataclass(frozen=True)
class FeedbackResult:
    candidate_id: int
    outcome: str  # recorded | duplicate


def refuse_cross_site(headers: Mapping[str, str], own_origins: frozenset[str]) -> None:
    """Fetch metadata and Origin (defence in depth behind the nonce). `headers` keys are lower-case.

    A same-origin form post under `Referrer-Policy: no-referrer` carries `Origin: null`, so "null" passes here
    and the nonce decides."""
    site = headers.get("sec-fetch-site", "").strip().lower()
    if site and site not in {"same-origin", "none"}:
        raise Forbidden("cross-site form posts are refused")
    origin = headers.get("origin", "").strip().lower()
    if origin and origin != "null" and origin not in own_origins:
        raise Forbidden("form posts from another site are refused")


def clean_comment(raw: str) -> str:
    """Normalise, drop control characters (keeping line breaks), trim."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    return text.strip()


def parse_form(body: bytes) -> dict[str, str]:
    if len(body) > MAX_FORM_BYTES:
        raise Unprocessable("the form is too large")
    try:
        text = body.decode("utf-8")
        fields = parse_qs(text, keep_blank_values=True, strict_parsing=False, max_num_fields=20)
    except (UnicodeDecodeError, ValueError) as exc:
        raise Unprocessable("the form could not be read") from exc
    if any(len(values) != 1 for values in fields.values()):
        raise Unprocessable("each form field must appear once")
    return {key: values[0] for key, values in fields.items()}


class FeedbackService:
    def __init__(
        self,
        source: ShortlistSource,
        store: FeedbackStore,
        queue: MessageQueue,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._source = source
        self._store = store
        self._queue = queue
        self._clock = clock

    def submit(self, link: ShareLink, form: Mapping[str, str]) -> FeedbackResult:
        """`link` is the active link the request's token resolved to (the caller turned anything else into
        the friendly 404 before reading the form)."""
        now = self._clock()
        check = check_nonce(form.get("nonce", ""), link.nonce_key, link.token_hash, now)
        if not check.ok:
            logger.info("feedback refused: nonce %s", check.reason, extra={"link_id": link.link_id})
            raise Forbidden("this form has expired; reload the page and try again")
        candidate_text = form.get("candidate", "").strip()
        if not candidate_text.isdigit() or len(candidate_text) > 15 or int(candidate_text) <= 0:
            raise Unprocessable("unknown candidate")
        candidate_id = int(candidate_text)
        entry = self._source.entry(link.job_id, candidate_id)
        if entry is None:  # scope: only candidates scored for this link's job
            raise NotFound("unknown candidate")
        verdict_text = form.get("verdict", "")
        if verdict_text not in VERDICTS:
            raise Unprocessable("choose 👍, 👎 or Maybe")
        verdict: Verdict = verdict_text
        comment = clean_comment(form.get("comment", ""))
        if len(comment) > MAX_COMMENT_CHARS:
            raise Unprocessable(f"the comment is longer than {MAX_COMMENT_CHARS} characters")
        submission = FeedbackSubmission(
            job_id=link.job_id,
            candidate_id=candidate_id,
            verdict=verdict,
            comment=comment,
            link_id=link.link_id,
            render_id=check.render_id,
            submitted_at=now,
        )
        result = self._store.record(submission)
        if not result.enqueued:
            # Also for a duplicate whose message never left (the first try failed after storing): send it now.
            stored = result.stored
            self._queue.send_batch(
                [
                    FeedbackGiven(
                        job_id=stored.job_id,
                        candidate_id=stored.candidate_id,
                        verdict=stored.verdict,
                        comment=stored.comment,
                        link_id=stored.link_id,
                        feedback_key=stored.feedback_key,
                        job_title=(entry.job_title or link.job_title)[:300],
                        placement_id=entry.placement_id,
                        placement_status_name=(entry.placement_status_name or "")[:100] or None,
                        submitted_at=stored.submitted_at,
                        voter_name=link.manager_name,
                    )
                ]
            )
            self._store.mark_enqueued(stored)
        logger.info(
            "feedback %s", result.outcome, extra={"link_id": link.link_id, "job_id": link.job_id, "verdict": verdict}
        )
        return FeedbackResult(candidate_id, result.outcome)
