"""Job-level summary: when a job's top-10 changes materially, one note on the job (the Opportunity record) says who
entered, who left and why (score and the deciding requirement), at most once an hour per job.

- Material: someone entered or left the top-10. A reordering or a score that moves within it is not news.
- The first top-10 seen for a job is remembered as the baseline, not announced: each candidate's own note covers it.
- Hourly: a change within the hour after the last summary waits; the next scoring of the job after the hour
  announces everything since the last summary (compared with the top-10 last announced, not the last one seen).
- Retries write once: the note's key is derived from (job, the top-10 it announces); the outbox row is "attempted"
  before the Tracker call and "done" after, and a retry that finds "attempted" asks Tracker for the key first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from skima.bands import band_for
from skima.digests import sha256_hex
from skima.note_text import plain_line
from skima.ports import Outbox, TrackerWriter
from skima.score_note import RequirementView, requirement_line, requirement_views
from skima.scoring.ports import ScoreRow, ScoreStore
from skima.writeback import note_once

SUMMARY_INTERVAL = timedelta(hours=1)
SUMMARY_SUBJECT = "SKIMA top-10 changed - "  # then the job's title


@dataclass(frozen=True)
class TopTenEntry:
    candidate_id: int
    score: int


@dataclass(frozen=True)
class AnnouncedTopTen:
    """The top-10 last announced (or the baseline), and when."""

    entries: tuple[TopTenEntry, ...]
    announced_at: datetime | None  # None: a baseline, never announced


class TopTenMemory(Protocol):
    """Per job, the top-10 the last summary announced. Adapter: `DynamoStateStore` (the state table)."""

    def announced_top10(self, job_id: int) -> AnnouncedTopTen | None: ...
    def remember_top10(self, job_id: int, announced: AnnouncedTopTen) -> None: ...


@dataclass(frozen=True)
class TopTenChange:
    entered: tuple[ScoreRow, ...]
    left: tuple[int, ...]  # candidate ids

    @property
    def material(self) -> bool:
        return bool(self.entered or self.left)


def top10_change(previous: Sequence[TopTenEntry], current: Sequence[ScoreRow]) -> TopTenChange:
    """Who entered and who left, in the order of the current ranking (leavers in their old order)."""
    before = [entry.candidate_id for entry in previous]
    now = {row.candidate_id for row in current}
    return TopTenChange(
        entered=tuple(row for row in current if row.candidate_id not in set(before)),
        left=tuple(candidate for candidate in before if candidate not in now),
    )


def summary_key(job_id: int, current: Sequence[ScoreRow]) -> str:
    ranking = ",".join(f"{row.candidate_id}:{row.score}" for row in current)
    return f"sktop{job_id}-{sha256_hex(ranking)[:16]}"


class JobSummary:
    def __init__(
        self,
        tracker: TrackerWriter,
        outbox: Outbox,
        scores: ScoreStore,
        memory: TopTenMemory,
        clock: Callable[[], datetime],
    ) -> None:
        self._tracker = tracker
        self._outbox = outbox
        self._scores = scores
        self._memory = memory
        self._clock = clock

    def job_scored(self, job_id: int, job_title: str) -> bool:
        """Called after a score of the job was stored. True when this call wrote (or confirmed) a summary note."""
        current = [row for row in self._scores.top10(job_id) if row.status == "scored" and row.score is not None]
        previous = self._memory.announced_top10(job_id)
        now = self._clock()
        if previous is None:
            self._memory.remember_top10(job_id, AnnouncedTopTen(_entries(current), None))
            return False
        change = top10_change(previous.entries, current)
        if not change.material:
            return False
        if previous.announced_at is not None and now - previous.announced_at < SUMMARY_INTERVAL:
            return False
        key = summary_key(job_id, current)
        written = note_once(
            self._tracker,
            self._outbox,
            "O",
            job_id,
            key=key,
            compose=lambda: (
                f"{SUMMARY_SUBJECT}{plain_line(job_title) or f'job {job_id}'}",
                self.summary_text(job_id, change, current, key),
            ),
        )
        self._memory.remember_top10(job_id, AnnouncedTopTen(_entries(current), now))
        return written

    def summary_text(self, job_id: int, change: TopTenChange, current: Sequence[ScoreRow], key: str) -> str:
        lines = [f"SKIMA top-10 changed: {len(change.entered)} entered, {len(change.left)} left."]
        if change.entered:
            lines.append("Entered:")
            for row in change.entered:
                lines.append(f"- {_who(row)} #{current.index(row) + 1}: {_why(row, entered=True)}")
        if change.left:
            lines.append("Left:")
            for candidate_id in change.left:
                gone = self._scores.get(job_id, candidate_id)
                if gone is None:
                    lines.append(f"- candidate {candidate_id}: no longer scored for this job")
                else:
                    lines.append(f"- {_who(gone)}: {_why(gone, entered=False)}")
        lines.append(f"ref: job {job_id} | {key}")
        return "\n".join(lines)


def _entries(rows: Sequence[ScoreRow]) -> tuple[TopTenEntry, ...]:
    return tuple(TopTenEntry(row.candidate_id, row.score) for row in rows if row.score is not None)


def _who(row: ScoreRow) -> str:
    name = plain_line(row.candidate_name or "")
    return f"{name} ({row.candidate_id})" if name else f"candidate {row.candidate_id}"


def _why(row: ScoreRow, *, entered: bool) -> str:
    """The score and the deciding requirement: the heaviest one in the candidate's favour for an entrant (the role
    first, it carries most of the score), the heaviest against them for a leaver; the other kind when there is none
    (a weak candidate enters a top-10 that is not full yet)."""
    if row.score is None:
        return "no longer scored"
    score = f"{row.score}/100 ({band_for(row.score).label})"
    weak = band_for(row.score).name == "weak"
    views = requirement_views(row.result_json)
    wanted = [view for view in views if _against(view) != entered]
    others = [view for view in views if _against(view) == entered]
    for view in (*wanted, *others):
        line = requirement_line(view, row, weak=weak)
        if line is not None:
            return f"{score}; {line}"
    return score


def _against(view: RequirementView) -> bool:
    """Whether the requirement counts against the candidate: a gap, or a role that is not the job's."""
    return view.is_gap or (view.kind == "role" and view.verdict != "met")
