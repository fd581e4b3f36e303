"""Write-back to Tracker: when a note is worth writing, and the outbox that makes retries safe.

One component writes back for every writer: `WriteBack.apply` for the scorer and rediscovery, `WriteBack.feedback`
for a hiring manager's vote, `WriteBack.announce_link` for a new share link; all three run one sequence
(`WriteBack._write`): each note once, the tag, the stage move from the live stage, and last the mark that the work
is done. Every side effect has a deterministic outbox key in the state table (`skima.ports.Outbox`), shared by
every writer (and by the job summaries, `note_once`). A note's key is also its idempotency marker in Tracker,
derived from what the note is about (for a score: job, candidate, inputs hash), so nothing is noted twice
(`note_once`):
- status "attempted" is saved BEFORE calling Tracker, "done" after;
- a retry that finds "attempted" (a crash or timeout between the Tracker write and "done") asks the client to
  look for the marker in Tracker before sending (`check_existing=True`);
- a retry that finds "done" does nothing.
The tag and the stage move are idempotent by value (read-modify-write, set-to), so their outbox rows only save
requests; a stage move (`move_stage_once`) starts only from an early live stage (`skima.stages`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from skima.digests import sha256_hex
from skima.models import FeedbackGiven
from skima.note_text import plain_line
from skima.ports import NoteTarget, Outbox, TrackerWriter
from skima.score_note import note_idempotency_key, note_subject, note_text
from skima.scoring.ports import ScoreRow, ScoreStore, ShortlistLinks, WrittenBack
from skima.shortlist.models import CreatedLink
from skima.shortlist.notes import feedback_note, feedback_note_key, shortlist_link_note, shortlist_link_note_key
from skima.stages import is_early_stage, known_past_early
from skima.tracker.errors import TrackerNotFound

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


def note_once(
    tracker: TrackerWriter,
    outbox: Outbox,
    target: NoteTarget,
    record_id: int,
    *,
    key: str,
    compose: Callable[[], tuple[str, str]],
) -> bool:
    """Write one note (`compose()` gives its subject and text) on the record, once ever for `key`, its idempotency
    key in Tracker. True when this call created or confirmed it; False when the outbox had it done."""
    outbox_key = f"note#{key}"
    status = outbox.outbox_status(outbox_key)
    if status == "done":
        return False
    subject, text = compose()
    outbox.outbox_attempted(outbox_key)
    activity_id = tracker.create_note(
        target, record_id, subject=subject, note=text, idempotency_key=key, check_existing=status == "attempted"
    )
    outbox.outbox_done(outbox_key, str(activity_id or "created"))
    return True


def move_stage_once(tracker: TrackerWriter, outbox: Outbox, placement_id: int, status_id: int, result: str) -> bool:
    """Move the pipeline entry to `status_id`, once per (entry, status) whoever asks (the scorer, a 👍), and only
    from an early stage as Tracker has it now: the stage a score row or a vote carries may be old. `result` is
    kept in the outbox row (who moved it). True when this call moved it."""
    outbox_key = f"stage#{placement_id}#{status_id}"
    if outbox.outbox_status(outbox_key) == "done":
        return False
    try:
        live = tracker.application(placement_id)
    except TrackerNotFound:
        outbox.outbox_done(outbox_key, "application gone")  # left the job: nothing to move
        return False
    if live.status_id == status_id or not is_early_stage(live.status_name):
        outbox.outbox_done(outbox_key, "not eligible at its live stage")
        return False
    tracker.move_stage(placement_id, status_id)
    outbox.outbox_done(outbox_key, result)
    return True


class NoShortlistLinks:
    """No shortlist is shared (no base URL configured): notes carry no `Shortlist Link` line."""

    def link_for(self, job_id: int) -> str | None:
        return None


@dataclass(frozen=True)
class WriteBackPolicy:
    screened_tag: str = "SKIMA Screened"
    stage_status_id: int | None = None  # None: stage moves are off (the default)
    stage_min_score: int = 70


@dataclass(frozen=True)
class WriteBackReport:
    note_written: bool = False
    tag_added: bool = False
    stage_moved: bool = False


@dataclass(frozen=True)
class FeedbackWriteReport:
    note_written: bool
    stage_moved: bool


@dataclass(frozen=True)
class PendingNote:
    """A note to write once: on which record, under which idempotency key, and its (subject, text) when sent."""

    target: NoteTarget
    record_id: int
    key: str
    compose: Callable[[], tuple[str, str]]


@dataclass(frozen=True)
class StageMove:
    """A move a writer has earned, made only from an early live stage (`move_stage_once`)."""

    placement_id: int
    status_id: int
    result: str  # who moved it, kept in the outbox row


@dataclass(frozen=True)
class _Written:
    notes: int  # how many notes this call created or confirmed
    tag_added: bool
    stage_moved: bool


class WriteBack:
    """Every write-back to Tracker: a stored score's (`apply`, the scorer and rediscovery), a hiring manager's vote
    (`feedback`), a new share link's (`announce_link`), and the notes only the scorer writes. `scores` (the score
    store `apply` marks and reads the top-10 from) may be left out by a writer that never applies a score (the
    feedback function has no scores table)."""

    def __init__(
        self,
        tracker: TrackerWriter,
        outbox: Outbox,
        scores: ScoreStore | None = None,
        links: ShortlistLinks | None = None,
        policy: WriteBackPolicy | None = None,
    ) -> None:
        self._tracker = tracker
        self._outbox = outbox
        self._score_store = scores
        self._links: ShortlistLinks = links if links is not None else NoShortlistLinks()
        self._policy = policy if policy is not None else WriteBackPolicy()

    def _write(
        self,
        notes: Sequence[PendingNote],
        *,
        tag: Callable[[], bool] | None = None,
        stage: Callable[[], StageMove | None] | None = None,
        mark: Callable[[], object] | None = None,
    ) -> _Written:
        """The one sequence of every write-back, in this order: each note once through the outbox (`note_once`),
        the tag, the stage move earned (`stage`, None for none) made from the live stage (`move_stage_once`), and
        last `mark`, that the work is done. A retry after a failure part-way finds what was done in the outbox."""
        sent = sum(self._note(note) for note in notes)
        tag_added = tag() if tag is not None else False
        move = stage() if stage is not None else None
        stage_moved = move is not None and move_stage_once(
            self._tracker, self._outbox, move.placement_id, move.status_id, move.result
        )
        if mark is not None:
            mark()
        return _Written(sent, tag_added, stage_moved)

    def _note(self, note: PendingNote) -> bool:
        return note_once(self._tracker, self._outbox, note.target, note.record_id, key=note.key, compose=note.compose)

    def _scores(self) -> ScoreStore:
        if self._score_store is None:
            raise TypeError("this WriteBack was built without a score store: it cannot apply scores")
        return self._score_store

    def apply(
        self,
        row: ScoreRow,
        previous: WrittenBack | None,
        known_tags: Sequence[str] | None,
        *,
        tags_current: bool = True,
    ) -> WriteBackReport:
        """The whole write-back of a stored score, in this order: the note when it is news to the recruiter
        (`is_material_change` against `previous`, what the last note said), the screened tag (`known_tags`: the
        candidate's tags, None when unknown; see `tag`), the stage move when enabled and earned, and last the row
        marked written for its inputs. A retry after a failure part-way finds what was done in the outbox."""
        scores = self._scores()
        material = is_material_change(previous, row)
        written = note_written(row) if material else None
        scored = row.status == "scored"
        done = self._write(
            [self._score_note(row)] if material else [],
            tag=(lambda: self.tag(row.candidate_id, known_tags, tags_current=tags_current)) if scored else None,
            stage=(lambda: self._score_stage_move(row)) if scored else None,
            mark=lambda: scores.mark_written(row.job_id, row.candidate_id, row.inputs_hash, written),
        )
        return WriteBackReport(done.notes > 0, done.tag_added, done.stage_moved)

    def note(self, row: ScoreRow) -> bool:
        """Write the row's note once (ever) for its inputs. True when this call created or confirmed it."""
        return self._note(self._score_note(row))

    def _score_note(self, row: ScoreRow) -> PendingNote:
        return PendingNote(
            "R",
            row.candidate_id,
            note_idempotency_key(row.job_id, row.candidate_id, row.inputs_hash),
            lambda: (note_subject(row), note_text(row, self._links.link_for(row.job_id))),
        )

    def feedback(self, message: FeedbackGiven) -> FeedbackWriteReport:
        """A hiring manager's vote (run by the feedback function, off the feedback queue, and by the scorer for a
        vote sent before that queue existed): one `HM Feedback` note on the candidate per submission (its key comes
        from the submission's feedback key) and, only when stage moves are on, a 👍 moves the candidate's pipeline
        entry to the configured stage, from an early live stage: the stage the message carries is the one stored
        when the candidate was last scored, which a recruiter may have moved on since."""
        note = PendingNote(
            "R",
            message.candidate_id,
            feedback_note_key(message.job_id, message.candidate_id, message.feedback_key),
            lambda: feedback_note(
                job_id=message.job_id,
                job_title=message.job_title,
                verdict=message.verdict,
                comment=message.comment,
                link_id=message.link_id,
                submitted_at=message.submitted_at,
                voter_name=message.voter_name,
            ),
        )
        done = self._write([note], stage=lambda: self._vote_stage_move(message))
        return FeedbackWriteReport(done.notes > 0, done.stage_moved)

    def _vote_stage_move(self, message: FeedbackGiven) -> StageMove | None:
        target = self._policy.stage_status_id
        if message.verdict != "up" or target is None or message.placement_id is None:
            return None
        if known_past_early(message.placement_status_name):  # a later stage stored: no move, and no read
            return None
        # The same outbox row as the scorer's own move: whichever comes first, the move happens once.
        return StageMove(message.placement_id, target, f"hm:{message.feedback_key}")

    def announce_link(
        self, created: CreatedLink, top10_candidate_ids: Sequence[int], *, mark_announced: Callable[[], None]
    ) -> int:
        """Write the `Shortlist Link` note on the job and on each top-10 candidate, each exactly once, then
        `mark_announced` (the link's notes are written: `ShareLinks.mark_announced`). Returns how many notes this
        call sent."""
        subject, text = shortlist_link_note(created.link, created.url)
        targets: list[tuple[NoteTarget, int]] = [("O", created.link.job_id)]
        targets += [("R", candidate_id) for candidate_id in dict.fromkeys(top10_candidate_ids)]
        notes = [
            PendingNote(
                target, record_id, shortlist_link_note_key(created.link, target, record_id), lambda: (subject, text)
            )
            for target, record_id in targets
        ]
        return self._write(notes, mark=mark_announced).notes

    def job_too_thin(self, job_id: int, title: str, text_sha256: str, words: int) -> bool:
        """Tell the recruiter, once per job text, that the job cannot be scored until its description is filled
        in (rather than skipping its applicants in silence). True when this call wrote (or confirmed) the note."""
        name = plain_line(title) or f"job {job_id}"
        text = "\n".join(
            [
                "SKIMA could not score this job's candidates: the job description is too thin to score "
                f"({words} words, no requirements SKIMA can match).",
                "Add the full description (duties, required skills, years of experience, qualifications) in "
                "Tracker; SKIMA scores the pipeline again when the job is saved.",
                f"Job: {job_id} {name}",
            ]
        )
        subject = f"SKIMA: job description too thin to score - {name}"
        key = f"skthin{job_id}-{text_sha256[:16]}"
        return self._note(PendingNote("O", job_id, key, lambda: (subject, text)))

    def resume_unreadable(self, candidate_id: int, document_key: str, reason: str, *, used_fields: bool) -> bool:
        """Tell the recruiter, once per document version (its cache key: id and upload time), that SKIMA could
        not read the candidate's resume and why. True when this call wrote (or confirmed) the note."""
        fallback = (
            "SKIMA scored this candidate from the record's own fields instead."
            if used_fields
            else "SKIMA cannot score this candidate until a readable resume (PDF, DOCX or text) is uploaded."
        )
        text = "\n".join([f"SKIMA could not read the resume: {plain_line(reason)}", fallback])
        key = f"skread{candidate_id}-{sha256_hex(document_key)[:16]}"
        subject = "SKIMA could not read the resume"
        return self._note(PendingNote("R", candidate_id, key, lambda: (subject, text)))

    def tag(self, candidate_id: int, known_tags: Sequence[str] | None, *, tags_current: bool = True) -> bool:
        """Add the screened tag once; never clobbers other tags (read-modify-write in the adapter). `known_tags`
        that are not current (`tags_current=False`: cached at an earlier read) prove the tag is there, but not what
        else is there now, so a write re-reads them."""
        tag = self._policy.screened_tag
        outbox_key = f"tag#{candidate_id}#{tag.lower()}"
        if self._outbox.outbox_status(outbox_key) == "done":
            return False
        if known_tags is not None and any(t.strip().lower() == tag.strip().lower() for t in known_tags):
            self._outbox.outbox_done(outbox_key, "present")
            return False
        changed = self._tracker.add_tag(candidate_id, tag, known_tags if tags_current else None)
        self._outbox.outbox_done(outbox_key, "added" if changed else "present")
        return changed

    def stage_eligible(self, row: ScoreRow) -> bool:
        """Whether the row may earn a move, before the job's top-10 is read: only when enabled, only at or above
        the minimum score, only from a stage not known to be past the early ones (`skima.stages`). Never any move
        on a low score (no auto-rejection)."""
        target = self._policy.stage_status_id
        if target is None or row.status != "scored" or row.score is None or row.placement_id is None:
            return False
        if row.score < self._policy.stage_min_score or row.placement_status_id == target:
            return False
        return not known_past_early(row.placement_status_name)

    def stage(self, row: ScoreRow) -> bool:
        """Move an eligible row in the job's top-10 to the configured stage (from its live stage: `move_stage_once`)."""
        return self._write([], stage=lambda: self._score_stage_move(row)).stage_moved

    def _score_stage_move(self, row: ScoreRow) -> StageMove | None:
        target = self._policy.stage_status_id
        if target is None or row.placement_id is None or not self.stage_eligible(row):
            return None
        if row.candidate_id not in {r.candidate_id for r in self._scores().top10(row.job_id)}:
            return None
        return StageMove(row.placement_id, target, str(row.score))
