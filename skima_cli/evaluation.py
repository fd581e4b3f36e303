"""Ranking evaluation for the match engine (decision 0001): load labelled sets, score reports.

A set is a folder with three JSON-lines files:

    jobs.jsonl        {"id": str, "text": str}
    candidates.jsonl  {"id": str, "text": str}
    qrels.jsonl       {"job_id": str, "candidate_id": str, "gain": int, "missing": [str, ...]}

Each job is ranked over exactly the candidates listed for it in qrels. The engine's output for a run is a
JSON-lines file of `ScoredPair`s (one per qrel); `evaluate` compares the two.

Conventions (fixed, so figures are comparable between runs):
- Ranking: score descending, ties broken by candidate_id ascending; pairs without a score (status
  `insufficient_evidence`, score null) rank below every scored pair.
- NDCG@k uses exponential gains (2^gain - 1) and log2(rank + 1) discounts; the ideal ranking sorts the job's
  qrel gains. Jobs whose candidates all have gain 0 are skipped for NDCG, P@1 and MRR (and counted).
- P@1: the top-ranked candidate has the job's maximum gain. MRR: 1 / rank of the first candidate with
  gain > 0.
- Pairwise accuracy: over all pairs of candidates of the same job with different gains, pooled over jobs
  (micro-average); a pair counts 1 when the higher-gain candidate has the strictly higher score, 0.5 on a tie.
  It uses raw scores, so ties count as ties here even though the ranking breaks them by id.
- Gap recall: share of qrel `missing` terms named in the pair's gaps (or reasons). Text is normalised
  (lowercase, accents folded, punctuation to spaces, plural "s" dropped) and the whole missing term must
  appear as a run of words inside one gap or reason. Naming a broader word ("skills") never matches a
  narrower term ("SQL skills"). Because recall rewards naming everything, the report also gives the false
  gaps on strong (gain 2) candidates, who meet every requirement.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

STRONG_GAIN = 2
NEAR_MISS_GAIN = 1


class EvalSetError(ValueError):
    """A set or a scored-pairs file is malformed, or the two do not fit together."""


class EvalJob(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, coerce_numbers_to_str=True)

    id: str = Field(min_length=1)
    text: str


class EvalCandidate(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, coerce_numbers_to_str=True)

    id: str = Field(min_length=1)
    text: str


class Qrel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, coerce_numbers_to_str=True)

    job_id: str = Field(min_length=1)
    candidate_id: str = Field(min_length=1)
    gain: int = Field(ge=0)
    missing: list[str] = Field(default_factory=list)


class ScoredPair(BaseModel):
    """One engine verdict, as written by `skima score-batch` (extra fields such as receipts are ignored)."""

    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)

    job_id: str = Field(min_length=1)
    candidate_id: str = Field(min_length=1)
    score: float | None = None
    status: str = "scored"
    reasons: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)


class EvalSet(BaseModel):
    name: str
    jobs: list[EvalJob]
    candidates: list[EvalCandidate]
    qrels: list[Qrel]

    def job_ids(self) -> list[str]:
        return [job.id for job in self.jobs]

    def qrels_by_job(self) -> dict[str, list[Qrel]]:
        """Qrels grouped by job, in job order; jobs without qrels map to an empty list."""
        grouped: dict[str, list[Qrel]] = {job.id: [] for job in self.jobs}
        for qrel in self.qrels:
            grouped[qrel.job_id].append(qrel)
        return grouped

    def job_texts(self) -> dict[str, str]:
        return {job.id: job.text for job in self.jobs}

    def candidate_texts(self) -> dict[str, str]:
        return {cand.id: cand.text for cand in self.candidates}


def _read_jsonl[ModelT: BaseModel](path: Path, model: type[ModelT]) -> list[ModelT]:
    if not path.is_file():
        raise EvalSetError(f"{path}: file not found")
    rows: list[ModelT] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise EvalSetError(f"{path}: not UTF-8 text ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalSetError(f"{path.name} line {number}: invalid JSON ({exc.msg})") from exc
        if not isinstance(raw, dict):
            raise EvalSetError(f"{path.name} line {number}: expected a JSON object")
        try:
            rows.append(model.model_validate(raw))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'line'}: {err['msg']}" for err in exc.errors()
            )
            raise EvalSetError(f"{path.name} line {number}: {problems}") from exc
    return rows


def _first_duplicate(values: Iterable[Any]) -> Any | None:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


def load_set(setdir: Path) -> EvalSet:
    """Read and cross-check a set folder; raise EvalSetError naming the file and line of any problem."""
    setdir = Path(setdir)
    if not setdir.is_dir():
        raise EvalSetError(f"{setdir}: not a directory")
    jobs = _read_jsonl(setdir / "jobs.jsonl", EvalJob)
    candidates = _read_jsonl(setdir / "candidates.jsonl", EvalCandidate)
    qrels = _read_jsonl(setdir / "qrels.jsonl", Qrel)

    if (dup := _first_duplicate(job.id for job in jobs)) is not None:
        raise EvalSetError(f"jobs.jsonl: duplicate job id {dup!r}")
    if (dup := _first_duplicate(cand.id for cand in candidates)) is not None:
        raise EvalSetError(f"candidates.jsonl: duplicate candidate id {dup!r}")
    if (dup := _first_duplicate((q.job_id, q.candidate_id) for q in qrels)) is not None:
        raise EvalSetError(f"qrels.jsonl: duplicate qrel for job {dup[0]!r} and candidate {dup[1]!r}")
    job_ids = {job.id for job in jobs}
    candidate_ids = {cand.id for cand in candidates}
    for number, qrel in enumerate(qrels, start=1):
        if qrel.job_id not in job_ids:
            raise EvalSetError(f"qrels.jsonl qrel {number}: unknown job id {qrel.job_id!r}")
        if qrel.candidate_id not in candidate_ids:
            raise EvalSetError(f"qrels.jsonl qrel {number}: unknown candidate id {qrel.candidate_id!r}")
    return EvalSet(name=setdir.name, jobs=jobs, candidates=candidates, qrels=qrels)


def load_scored(path: Path) -> list[ScoredPair]:
    """Read an engine run (JSON lines of ScoredPair); raise EvalSetError naming the line of any problem."""
    return _read_jsonl(Path(path), ScoredPair)


def dump_scored(pairs: Iterable[ScoredPair], path: Path) -> None:
    """Write an engine run in the format `load_scored` reads."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for pair in pairs:
            handle.write(pair.model_dump_json() + "\n")


# ---------------------------------------------------------------------------------------------- metrics


def rank_candidates(pairs: Sequence[ScoredPair]) -> list[ScoredPair]:
    """Score descending, then candidate_id ascending; unscored (None) pairs last, by candidate_id."""
    return sorted(
        pairs,
        key=lambda p: (p.score is None, -(p.score if p.score is not None else 0.0), p.candidate_id),
    )


def dcg(gains: Sequence[int], k: int) -> float:
    """Discounted cumulative gain with exponential gains: sum of (2^g - 1) / log2(rank + 1)."""
    return sum((2.0**gain - 1.0) / math.log2(rank + 2) for rank, gain in enumerate(gains[:k]))


def ndcg(ranked_gains: Sequence[int], k: int = 10) -> float | None:
    """NDCG@k of gains listed in ranked order; None when no gain is positive (undefined)."""
    ideal = dcg(sorted(ranked_gains, reverse=True), k)
    if ideal == 0.0:
        return None
    return dcg(ranked_gains, k) / ideal


def ordered_credit(higher: Sequence[float], lower: Sequence[float]) -> float:
    """Credit over all (h, l) pairs: 1 when h > l, 0.5 when h == l (O(n log n) via bisection)."""
    lower_sorted = sorted(lower)
    credit = 0.0
    for score in higher:
        below = bisect.bisect_left(lower_sorted, score)
        ties = bisect.bisect_right(lower_sorted, score) - below
        credit += below + 0.5 * ties
    return credit


_WORD_RE = re.compile(r"[a-z0-9+#]+")


def normalise_words(text: str) -> list[str]:
    """Lowercase, fold accents, split on punctuation (keeping + and # for C++ / C#), drop a plural 's'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = _WORD_RE.findall(folded)
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def term_named_in(term: str, texts: Sequence[str]) -> bool:
    """True when the whole normalised term appears as a run of words inside one of the texts."""
    needle = normalise_words(term)
    if not needle:
        return False
    padded_needle = " " + " ".join(needle) + " "
    return any(padded_needle in " " + " ".join(normalise_words(text)) + " " for text in texts)


class PairwiseStat(BaseModel):
    pairs: int
    correct: float
    accuracy: float | None


class EvalReport(BaseModel):
    set_name: str
    k: int
    gain_formula: str = "exponential: 2^gain - 1"
    jobs: int
    candidates: int
    scored_pairs: int
    jobs_ranked: int = Field(description="jobs with at least one positive gain (used for NDCG, P@1, MRR)")
    jobs_skipped_no_positive: int
    ndcg_at_k: float | None
    p_at_1: float | None
    mrr: float | None
    pairwise_accuracy: float | None
    pairwise_by_gain: dict[str, PairwiseStat]
    strong_above_near_miss: float | None = Field(description='pairwise accuracy on "2>1" pairs')
    missing_terms: int
    gap_recall: float | None = Field(description="share of qrel missing terms named in gaps or reasons")
    gap_recall_gaps_only: float | None
    strong_candidates: int
    false_gaps_per_strong: float | None = Field(description="mean number of gaps on gain-2 candidates")
    strong_with_any_gap: float | None
    near_miss_gaps: int
    gap_precision_near_miss: float | None = Field(
        description="share of gaps on gain-1 candidates (with known missing terms) naming one of them"
    )
    median_score_by_gain: dict[str, float | None]
    status_counts: dict[str, int]
    unscored_pairs: int = Field(description="pairs with a null score (ranked last)")
    extra_scored_pairs: int = Field(description="scored pairs not named in qrels (ignored)")

    def format(self) -> str:
        def fmt(value: float | None) -> str:
            return "   -  " if value is None else f"{value:6.3f}"

        lines = [
            f"set {self.set_name}: {self.jobs} jobs, {self.candidates} candidates, {self.scored_pairs} pairs"
            f" ({self.jobs_ranked} jobs ranked, {self.jobs_skipped_no_positive} skipped: no positive gain)",
            f"  NDCG@{self.k:<3} {fmt(self.ndcg_at_k)}   P@1 {fmt(self.p_at_1)}   MRR {fmt(self.mrr)}"
            f"   ({self.gain_formula})",
            f"  pairwise {fmt(self.pairwise_accuracy)}   strong>near-miss {fmt(self.strong_above_near_miss)}",
        ]
        for key, stat in self.pairwise_by_gain.items():
            lines.append(f"    {key:>6}  {fmt(stat.accuracy)}  over {stat.pairs} pairs")
        lines.append(
            f"  gap recall {fmt(self.gap_recall)} (gaps only {fmt(self.gap_recall_gaps_only)})"
            f" over {self.missing_terms} missing terms"
        )
        lines.append(
            f"  false gaps per strong candidate {fmt(self.false_gaps_per_strong)}"
            f"   strong with any gap {fmt(self.strong_with_any_gap)} (n={self.strong_candidates})"
        )
        lines.append(f"  near-miss gap precision {fmt(self.gap_precision_near_miss)} over {self.near_miss_gaps} gaps")
        medians = "  ".join(f"gain {g}: {fmt(v).strip()}" for g, v in self.median_score_by_gain.items())
        lines.append(f"  median score  {medians}")
        statuses = ", ".join(f"{status} {count}" for status, count in sorted(self.status_counts.items()))
        lines.append(f"  status  {statuses}")
        if self.unscored_pairs or self.extra_scored_pairs:
            lines.append(
                f"  unscored pairs {self.unscored_pairs}, extra scored pairs ignored {self.extra_scored_pairs}"
            )
        return "\n".join(lines)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def evaluate(eval_set: EvalSet, scored: Sequence[ScoredPair], *, k: int = 10) -> EvalReport:
    """Compare an engine run with a set's labels. Every qrel pair must be scored, else EvalSetError."""
    if k < 1:
        raise EvalSetError(f"k must be at least 1, got {k}")
    by_pair: dict[tuple[str, str], ScoredPair] = {}
    for pair in scored:
        key = (pair.job_id, pair.candidate_id)
        if key in by_pair:
            raise EvalSetError(f"scored pairs: duplicate pair job {key[0]!r} candidate {key[1]!r}")
        by_pair[key] = pair
    qrel_keys = {(q.job_id, q.candidate_id) for q in eval_set.qrels}
    unscored = [key for key in sorted(qrel_keys) if key not in by_pair]
    if unscored:
        shown = ", ".join(f"{job}/{cand}" for job, cand in unscored[:10])
        more = f" and {len(unscored) - 10} more" if len(unscored) > 10 else ""
        raise EvalSetError(f"{len(unscored)} qrel pairs have no scored pair: {shown}{more}")

    ndcgs: list[float] = []
    p1s: list[float] = []
    rrs: list[float] = []
    skipped = 0
    pair_totals: dict[tuple[int, int], list[float]] = {}  # (hi, lo) -> [credit, pairs]
    missing_total = 0
    recalled = 0
    recalled_gaps_only = 0
    strong_gap_counts: list[int] = []
    near_miss_gaps = 0
    near_miss_gaps_on_target = 0
    scores_by_gain: dict[int, list[float]] = {}
    statuses: Counter[str] = Counter()
    unscored_pairs = 0

    for job_id, qrels in eval_set.qrels_by_job().items():
        if not qrels:
            continue
        gain_of = {q.candidate_id: q.gain for q in qrels}
        pairs = [by_pair[(job_id, q.candidate_id)] for q in qrels]
        for qrel, pair in zip(qrels, pairs, strict=True):
            statuses[pair.status] += 1
            if pair.score is None:
                unscored_pairs += 1
            else:
                scores_by_gain.setdefault(qrel.gain, []).append(pair.score)
            for term in qrel.missing:
                missing_total += 1
                if term_named_in(term, pair.gaps):
                    recalled_gaps_only += 1
                    recalled += 1
                elif term_named_in(term, pair.reasons):
                    recalled += 1
            if qrel.gain == STRONG_GAIN:
                strong_gap_counts.append(len(pair.gaps))
            elif qrel.gain == NEAR_MISS_GAIN and qrel.missing:
                near_miss_gaps += len(pair.gaps)
                near_miss_gaps_on_target += sum(
                    1 for gap in pair.gaps if any(term_named_in(term, [gap]) for term in qrel.missing)
                )

        ranked_gains = [gain_of[p.candidate_id] for p in rank_candidates(pairs)]
        max_gain = max(ranked_gains)
        if max_gain <= 0:
            skipped += 1
        else:
            value = ndcg(ranked_gains, k)
            assert value is not None  # max_gain > 0 makes the ideal DCG positive
            ndcgs.append(value)
            p1s.append(1.0 if ranked_gains[0] == max_gain else 0.0)
            first = next(rank for rank, gain in enumerate(ranked_gains, start=1) if gain > 0)
            rrs.append(1.0 / first)

        scores_at_gain: dict[int, list[float]] = {}
        for qrel, pair in zip(qrels, pairs, strict=True):
            scores_at_gain.setdefault(qrel.gain, []).append(-math.inf if pair.score is None else pair.score)
        for g_hi, hi_scores in scores_at_gain.items():
            for g_lo, lo_scores in scores_at_gain.items():
                if g_hi > g_lo:
                    totals = pair_totals.setdefault((g_hi, g_lo), [0.0, 0])
                    totals[0] += ordered_credit(hi_scores, lo_scores)
                    totals[1] += len(hi_scores) * len(lo_scores)

    by_gain: dict[str, PairwiseStat] = {}
    credit_sum = 0.0
    pair_count = 0
    for (g_hi, g_lo), (credit, count) in sorted(pair_totals.items(), reverse=True):
        credit_sum += credit
        pair_count += int(count)
        by_gain[f"{g_hi}>{g_lo}"] = PairwiseStat(
            pairs=int(count), correct=credit, accuracy=credit / count if count else None
        )
    strong_vs_near = by_gain.get(f"{STRONG_GAIN}>{NEAR_MISS_GAIN}")
    gains_present = sorted({q.gain for q in eval_set.qrels}, reverse=True)

    return EvalReport(
        set_name=eval_set.name,
        k=k,
        jobs=len(eval_set.jobs),
        candidates=len(eval_set.candidates),
        scored_pairs=len(qrel_keys),
        jobs_ranked=len(ndcgs),
        jobs_skipped_no_positive=skipped,
        ndcg_at_k=_mean(ndcgs),
        p_at_1=_mean(p1s),
        mrr=_mean(rrs),
        pairwise_accuracy=credit_sum / pair_count if pair_count else None,
        pairwise_by_gain=by_gain,
        strong_above_near_miss=strong_vs_near.accuracy if strong_vs_near else None,
        missing_terms=missing_total,
        gap_recall=recalled / missing_total if missing_total else None,
        gap_recall_gaps_only=recalled_gaps_only / missing_total if missing_total else None,
        strong_candidates=len(strong_gap_counts),
        false_gaps_per_strong=_mean([float(n) for n in strong_gap_counts]),
        strong_with_any_gap=_mean([1.0 if n else 0.0 for n in strong_gap_counts]),
        near_miss_gaps=near_miss_gaps,
        gap_precision_near_miss=near_miss_gaps_on_target / near_miss_gaps if near_miss_gaps else None,
        median_score_by_gain={
            str(g): (statistics.median(scores_by_gain[g]) if scores_by_gain.get(g) else None) for g in gains_present
        },
        status_counts=dict(statuses),
        unscored_pairs=unscored_pairs,
        extra_scored_pairs=sum(1 for key in by_pair if key not in qrel_keys),
    )


# --- the reference rankers printed beside the engine (issue 9: the engine must beat both on every set) ---

_REFERENCE_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def tfidf_vectors(texts: Sequence[str]) -> Any:
    """TF-IDF rows (L2-normalised) as scikit-learn's TfidfVectorizer defaults make them: lowercase, tokens of 2+ word
    characters, raw counts, smooth idf = ln((1 + n) / (1 + df)) + 1; fitted on `texts` themselves."""
    import numpy as np  # noqa: PLC0415 - only the evaluation CLI needs it; the handlers never import this module

    docs = [Counter(_REFERENCE_TOKEN.findall(text.lower())) for text in texts]
    vocab = {term: i for i, term in enumerate(sorted({term for doc in docs for term in doc}))}
    matrix = np.zeros((len(docs), len(vocab)), dtype=np.float64)
    for row, doc in enumerate(docs):
        for term, count in doc.items():
            matrix[row, vocab[term]] = count
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(docs)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def reference_scores(eval_set: EvalSet, vectorise: Any) -> list[ScoredPair]:
    """Score every qrel pair by the cosine of `vectorise`'s rows for the job and the candidate (x 100): with
    `tfidf_vectors` the TF-IDF reference, with an embedder's `embed` the whole-document embedding reference (each
    text truncated to the model's window)."""
    used = list(dict.fromkeys(q.candidate_id for q in eval_set.qrels))
    texts = eval_set.candidate_texts()
    vectors = vectorise([job.text for job in eval_set.jobs] + [texts[c] for c in used])
    row = {job.id: i for i, job in enumerate(eval_set.jobs)}
    row.update({c: len(eval_set.jobs) + i for i, c in enumerate(used)})
    return [
        ScoredPair(
            job_id=q.job_id,
            candidate_id=q.candidate_id,
            score=round(float(vectors[row[q.job_id]] @ vectors[row[q.candidate_id]]) * 100, 4),
        )
        for q in eval_set.qrels
    ]


def side_by_side(reports: dict[str, EvalReport], engine: str = "engine") -> str:
    """The engine's headline figures beside the references', and whether it beats every one on NDCG@k."""

    def fmt(value: float | None) -> str:
        return "   -  " if value is None else f"{value:6.3f}"

    first = next(iter(reports.values()))
    lines = [f"  side by side          NDCG@{first.k:<3} P@1     MRR     pairwise"]
    for name, report in reports.items():
        lines.append(
            f"    {name:<18} {fmt(report.ndcg_at_k)}  {fmt(report.p_at_1)}  {fmt(report.mrr)}"
            f"  {fmt(report.pairwise_accuracy)}"
        )
    mine = round(reports[engine].ndcg_at_k or 0.0, 3)
    others = {name: round(r.ndcg_at_k or 0.0, 3) for name, r in reports.items() if name != engine}
    # a tie counts as not ahead, except at the ceiling, where nothing can be ahead
    tied_at_top = [name for name, value in others.items() if value == mine == 1.0]
    behind = [name for name, value in others.items() if value >= mine and name not in tied_at_top]
    verdict = f"NO (not ahead of {', '.join(behind)})" if behind else "yes"
    if tied_at_top and not behind:
        verdict += f" ({', '.join(tied_at_top)} also at 1.000)"
    lines.append(f"  {engine} beats every reference on NDCG@{first.k}: {verdict}")
    return "\n".join(lines)
