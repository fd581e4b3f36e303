"""Use case: talent rediscovery. A new or changed job is matched against every candidate already known.

It runs in two stages and never reads Tracker (the profiles are cached, with their embeddings):
1. First stage: the job's query vector against every known profile's document vector, in memory
   (`skima.scoring.vector_index`), refreshed from the store's manifest (only changed chunks).
2. Second stage: the full engine on the best `first_stage_size` (200) candidates not in the job's pipeline, whose
   cached profiles are read in batch.
Rediscovered candidates who make the job's top-10 (and score at least `min_score`) are stored with
`origin="rediscovery"` and written back (note + tag) exactly as the scorer does; nobody else gets a note, a
stored row or a stage move (no auto-rejection, no flooding Tracker). Rows this job already holds from an earlier
rediscovery are re-scored with the new text, so a stale score never lingers in the ranking.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from skima.engine import ENGINE_VERSION, Engine
from skima.scoring.ports import CachedJob, CachedProfile, ProfileBatchSource, RediscoveryLog, ScoreRow, ScoreStore
from skima.scoring.profiles import profile_is_current
from skima.scoring.scorer import inputs_hash, score_row
from skima.scoring.vector_index import LiveVectorIndex
from skima.writeback import WriteBack

logger = logging.getLogger(__name__)

FIRST_STAGE_SIZE = 200
TOP_N = 10
# A rediscovered candidate must be qualified to be put in front of a recruiter: the engine's calibration puts
# "meets every requirement" at 80+ and "unrelated" under 30.
MIN_REDISCOVERY_SCORE = 60


@dataclass
class RediscoveryReport:
    job_id: int
    outcome: str = ""
    indexed: int = 0  # candidates in the first stage
    first_stage_ms: float = 0.0
    second_stage_ms: float = 0.0
    shortlisted: int = 0  # candidates taken to the second stage
    matched: int = 0  # engine runs
    missing_profiles: int = 0
    stale_profiles: int = 0  # cached by another engine or model version: rebuilt when the candidate next changes
    stored: int = 0
    notes_written: int = 0
    tags_added: int = 0
    entered_top: list[int] = field(default_factory=list)


class TalentRediscovery:
    """`skima.scoring.ports.Rediscovery`: told by the scorer when a job is new or its text changed."""

    def __init__(
        self,
        *,
        engine: Engine,
        index: LiveVectorIndex,
        profiles: ProfileBatchSource,
        scores: ScoreStore,
        writeback: WriteBack,
        log: RediscoveryLog,
        first_stage_size: int = FIRST_STAGE_SIZE,
        top_n: int = TOP_N,
        min_score: int = MIN_REDISCOVERY_SCORE,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._engine = engine
        self._index = index
        self._profiles = profiles
        self._scores = scores
        self._writeback = writeback
        self._log = log
        self._first_stage_size = first_stage_size
        self._top_n = top_n
        self._min_score = min_score
        self._clock = clock

    def job_prepared(self, job: CachedJob, in_pipeline: Collection[int] = ()) -> None:
        report = self.rediscover(job, in_pipeline)
        logger.info(
            "rediscovery job %s: %s; %d indexed, first stage %.0f ms, %d matched in %.0f ms, top entered by %s",
            job.job_id,
            report.outcome,
            report.indexed,
            report.first_stage_ms,
            report.matched,
            report.second_stage_ms,
            report.entered_top,
        )

    def done_key(self, job: CachedJob) -> str:
        text = job.prepared.text_sha256 if job.prepared is not None else "-"
        return f"{text}|{ENGINE_VERSION}|{self._engine.embedder.model_id}"

    def rediscover(self, job: CachedJob, in_pipeline: Collection[int] = ()) -> RediscoveryReport:
        """`in_pipeline`: candidates the job's pipeline holds (scored by their application instead)."""
        report = RediscoveryReport(job_id=job.job_id)
        prepared = job.prepared
        if not job.is_open or prepared is None:
            report.outcome = "job closed or without requirements"
            return report
        key = self.done_key(job)
        if self._log.done_for(job.job_id) == key:
            report.outcome = "already done for this text"
            return report

        started = self._clock()
        self._index.refresh()
        rows = {
            cid: row for cid in self._scores.candidates_of(job.job_id) if (row := self._scores.get(job.job_id, cid))
        }
        applicants = set(in_pipeline) | {cid for cid, row in rows.items() if row.origin != "rediscovery"}
        shortlist = self._index.index.top_k(prepared.query_array(), self._first_stage_size, exclude=applicants)
        report.indexed = len(self._index.index)
        report.shortlisted = len(shortlist)
        middle = self._clock()
        report.first_stage_ms = (middle - started) * 1000

        # Earlier rediscoveries of this job are re-scored too, so their old scores leave the ranking.
        earlier = [cid for cid, row in rows.items() if row.origin == "rediscovery" and cid not in applicants]
        wanted = list(dict.fromkeys([cid for cid, _ in shortlist] + earlier))
        cached = self._profiles.get_profiles(wanted)
        fresh: dict[int, tuple[ScoreRow, CachedProfile]] = {}
        for candidate_id in wanted:
            profile = cached.get(candidate_id)
            if profile is None:
                report.missing_profiles += 1
                continue
            if not profile_is_current(profile.profile, self._engine.embedder.model_id):
                report.stale_profiles += 1
                continue
            fresh[candidate_id] = (self._score(job, profile, rows.get(candidate_id), report), profile)

        ranking = [
            (row.score, cid)
            for cid, row in rows.items()
            if cid in applicants and row.status == "scored" and row.score is not None
        ]
        ranking += [
            (row.score, cid)
            for cid, (row, _) in fresh.items()
            if row.status == "scored" and row.score is not None and row.score >= self._min_score
        ]
        top = {cid for _, cid in sorted(ranking, key=lambda pair: (-pair[0], pair[1]))[: self._top_n]}

        for candidate_id, (row, profile) in sorted(fresh.items()):
            existing = rows.get(candidate_id)
            in_top = candidate_id in top
            if existing is None and not in_top:
                continue  # never stored: nothing of it reaches the ranking, the shortlist or Tracker
            if existing is None or existing.inputs_hash != row.inputs_hash:
                if not self._scores.put(row):
                    continue  # a newer score is stored meanwhile
                report.stored += 1
            if in_top:
                report.entered_top.append(candidate_id)
                if existing is None or existing.writeback_done_for != row.inputs_hash:
                    self._write_back(row, existing, profile, report)
        self._log.mark_done(job.job_id, key)
        report.second_stage_ms = (self._clock() - middle) * 1000
        report.outcome = "rediscovered"
        return report

    def _score(
        self, job: CachedJob, cached: CachedProfile, existing: ScoreRow | None, report: RediscoveryReport
    ) -> ScoreRow:
        assert job.prepared is not None
        wanted_hash = inputs_hash(job.prepared.text_sha256, cached.profile)
        if existing is not None and existing.inputs_hash == wanted_hash:
            return existing
        result = self._engine.match(job.prepared, cached.profile)
        report.matched += 1
        return score_row(job, cached, result, wanted_hash, origin="rediscovery", candidate_name=cached.display_name)

    def _write_back(
        self, row: ScoreRow, existing: ScoreRow | None, cached: CachedProfile, report: RediscoveryReport
    ) -> None:
        # No candidate read here: the tags are the cached ones.
        done = self._writeback.apply(row, existing.written if existing else None, cached.tags, tags_current=False)
        report.notes_written += int(done.note_written)
        report.tags_added += int(done.tag_added)
