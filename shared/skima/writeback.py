"""Write-back to Tracker: the activity note's text, when a note is worth writing, and the outbox that makes
retries safe.

Every side effect has a deterministic outbox key in the state table. The note's key is also its idempotency
marker in Tracker, derived from (job, candidate, inputs hash), so the same score can never produce two notes:
- status "attempted" is saved BEFORE calling Tracker, "done" after;
- a retry that finds "attempted" (a crash or timeout between the Tracker write and "done") asks the client to
  look for the marker in Tracker before sending (`check_existing=True`);
- a retry that finds "done" does nothing.
The tag and the stage move are idempotent by value (read-modify-write, set-to), so their outbox rows only save
requests.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from skima.digests import sha256_hex
from skima.note_text import plain_line
from skima.pipeline.ports import Outbox, OutboxStatus, ScoreRow, ShortlistLinks, TrackerSource, WrittenBack
from skima.score_note import note_idempotency_key, note_subject, note_text
from skima.stages import is_early_stage, known_past_early

logger = logging.getLogger(__name__)

# A note is rewritten only when the recruiter would see a real difference.
MATERIAL_SCORE_DELTA = 3


def note_written(row: ScoreRow) -> WrittenBack:
    """What a note written for this row said, kept to decide whether the next one is news."""
    return WrittenBack(score=row.score, status=row.status, reasons=tuple(row.reasons), content_key=row.content_key)


def is_material_change(previous: WrittenBack | None, row: ScoreRow) -> bool:
    """True when no note was written yet, the status changed, the score moved by >= 3 points, or the set of
    reasons changed (the reasons quote the resume, so new evidence is news even at the same score)."""
    if previous is None:
        return True
    if previous.status != row.status:
        return True
    if row.score is not None and previous.score is not None and abs(row.score - previous.score) >= MATERIAL_SCORE_DELTA:
        return True
    if previous.content_key and previous.content_key == row.content_key:
        # the same resume and job text: new wording comes from a new engine (or years grown by the calendar), which
        # is no news; otherwise every candidate would get a fresh note after each deploy
        return False
    return _reason_set(previous.reasons) != _reason_set(row.reasons)


def _reason_set(reasons: Sequence[str]) -> frozenset[str]:
    return frozenset(" ".join(reason.split()).lower() for reason in reasons)


class NoShortlistLinks:
    """No shortlist is shared (no base URL configured): notes carry no `Shortlist Link` line."""

    def link_for(self, job_id: int) -> str | None:
        return None


@dataclass(frozen=True)
class WriteBackPolicy:
    screened_tag: str = "SKIMA Screened"
    stage_status_id: int | None = None  # None: stage moves are off (the default)
    stage_min_score: int = 70


@dataclass
class WriteBackReport:
    note_written: bool = False
    tag_added: bool = False
    stage_moved: bool = False


class WriteBack:
    def __init__(self, tracker: TrackerSource, outbox: Outbox, links: ShortlistLinks, policy: WriteBackPolicy) -> None:
        self._tracker = tracker
        self._outbox = outbox
        self._links = links
        self._policy = policy

    def note(self, row: ScoreRow) -> bool:
        """Write the row's note once (ever) for its inputs. True when this call created or confirmed it."""
        key = note_idempotency_key(row.job_id, row.candidate_id, row.inputs_hash)
        outbox_key = f"note#{key}"
        status = self._outbox.outbox_status(outbox_key)
        if status == "done":
            return False
        self._outbox.outbox_attempted(outbox_key)
        activity_id = self._tracker.create_note(
            row.candidate_id,
            subject=note_subject(row),
            note=note_text(row, self._links.link_for(row.job_id)),
            idempotency_key=key,
            check_existing=status == "attempted",
        )
        self._outbox.outbox_done(outbox_key, str(activity_id or "created"))
        return True

    def job_too_thin(self, job_id: int, title: str, text_sha256: str, words: int) -> bool:
        """Tell the recruiter, once per job text, that the job cannot be scored until its description is filled
        in (rather than skipping its applicants in silence). True when this call wrote (or confirmed) the note."""
        key = f"skthin{job_id}-{text_sha256[:16]}"
        outbox_key = f"note#{key}"
        status = self._outbox.outbox_status(outbox_key)
        if status == "done":
            return False
        self._outbox.outbox_attempted(outbox_key)
        name = plain_line(title) or f"job {job_id}"
        activity_id = self._tracker.create_job_note(
            job_id,
            subject=f"SKIMA: job description too thin to score - {name}",
            note="\n".join(
                [
                    "SKIMA could not score this job's candidates: the job description is too thin to score "
                    f"({words} words, no requirements SKIMA can match).",
                    "Add the full description (duties, required skills, years of experience, qualifications) in "
                    "Tracker; SKIMA scores the pipeline again when the job is saved.",
                    f"Job: {job_id} {name}",
                ]
            ),
            idempotency_key=key,
            check_existing=status == "attempted",
        )
        self._outbox.outbox_done(outbox_key, str(activity_id or "created"))
        return True

    def resume_unreadable(self, candidate_id: int, document_key: str, reason: str, *, used_fields: bool) -> bool:
        """Tell the recruiter, once per document version (its cache key: id and upload time), that SKIMA could
        not read the candidate's resume and why. True when this call wrote (or confirmed) the note."""
        key = f"skread{candidate_id}-{sha256_hex(document_key)[:16]}"
        outbox_key = f"note#{key}"
        status = self._outbox.outbox_status(outbox_key)
        if status == "done":
            return False
        self._outbox.outbox_attempted(outbox_key)
        fallback = (
            "SKIMA scored this candidate from the record's own fields instead."
            if used_fields
            else "SKIMA cannot score this candidate until a readable resume (PDF, DOCX or text) is uploaded."
        )
        activity_id = self._tracker.create_note(
            candidate_id,
            subject="SKIMA could not read the resume",
            note="\n".join([f"SKIMA could not read the resume: {plain_line(reason)}", fallback]),
            idempotency_key=key,
            check_existing=status == "attempted",
        )
        self._outbox.outbox_done(outbox_key, str(activity_id or "created"))
        return True

    def tag(self, candidate_id: int, known_tags: Sequence[str] | None) -> bool:
        """Add the screened tag once; never clobbers other tags (read-modify-write in the adapter)."""
        tag = self._policy.screened_tag
        outbox_key = f"tag#{candidate_id}#{tag.lower()}"
        if self._outbox.outbox_status(outbox_key) == "done":
            return False
        if known_tags is not None and any(t.strip().lower() == tag.lower() for t in known_tags):
            self._outbox.outbox_done(outbox_key, "present")
            return False
        changed = self._tracker.add_tag(candidate_id, tag, known_tags)
        self._outbox.outbox_done(outbox_key, "added" if changed else "present")
        return changed

    def stage_eligible(self, row: ScoreRow, top10: Sequence[ScoreRow]) -> bool:
        """Only when enabled, only at or above the minimum score, only in the job's top-10, only from a stage not
        known to be past the early ones (`skima.stages`): never any move on a low score (no auto-rejection)."""
        target = self._policy.stage_status_id
        if target is None or row.status != "scored" or row.score is None or row.placement_id is None:
            return False
        if row.score < self._policy.stage_min_score:
            return False
        if row.candidate_id not in {r.candidate_id for r in top10}:
            return False
        if row.placement_status_id == target:
            return False
        return not known_past_early(row.placement_status_name)

    def stage(self, row: ScoreRow, top10: Sequence[ScoreRow]) -> bool:
        target = self._policy.stage_status_id
        if target is None or row.placement_id is None or not self.stage_eligible(row, top10):
            return False
        outbox_key = f"stage#{row.placement_id}#{target}"
        if self._outbox.outbox_status(outbox_key) == "done":
            return False
        # The stored status may be old (a recruiter moves people on): only the live stage says it is early.
        live = self._tracker.application(row.placement_id)
        if live.status_id == target or not is_early_stage(live.status_name):
            self._outbox.outbox_done(outbox_key, "not eligible at its live stage")
            return False
        self._tracker.set_stage(row.placement_id, target)
        self._outbox.outbox_done(outbox_key, str(row.score))
        return True


class OutboxView:
    """The outbox under the names `skima.shortlist` uses (status / mark_attempted / mark_done): the feedback
    notes share the scorer's outbox rows and keys (e.g. one `stage#<placement>#<status>` move, whoever does it)."""

    def __init__(self, outbox: Outbox) -> None:
        self._outbox = outbox

    def status(self, key: str) -> OutboxStatus | None:
        return self._outbox.outbox_status(key)

    def mark_attempted(self, key: str) -> None:
        self._outbox.outbox_attempted(key)

    def mark_done(self, key: str, result: str = "") -> None:
        self._outbox.outbox_done(key, result)
