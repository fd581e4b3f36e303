"""Where hand-graded real pairs land on the 0-100 scale (issue 9, calibration).

The dev sets only say "same occupation" or not; eval/graded/dev-tune-grades.jsonl grades a few tuning-half pairs
by reading both texts (3 strong, 2 near-miss, 1 adjacent, 0 unrelated; see eval/graded/README.md). This scores
those pairs with the engine and prints, per grade, the count and the median, min and max score, and how often a
higher grade outscores a lower one. The handwritten set is graded the same way from its labels and ids.

    PYTHONPATH=shared:. MODEL_DIR=... python -m eval.graded_report [--devsets /tmp/skima-devsets] [--receipts]
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from skima_cli.evaluation import load_set, ordered_credit

GRADES_FILE = Path(__file__).parent / "graded" / "dev-tune-grades.jsonl"
HANDWRITTEN_SET = Path(__file__).parent / "sets" / "handwritten"
GRADE_NAMES = {3: "strong", 2: "near-miss", 1: "adjacent", 0: "unrelated"}
ORDERINGS = ((3, 2), (2, 1), (3, 1), (1, 0))
STRONG_TARGET = 80  # issue 9: a strong same-occupation match scores at least this


class GradesError(ValueError):
    """The grades file is malformed: a bad line, a duplicate pair or an unknown source."""


class GradedPair(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # only tuning halves: held-out halves are never read pair by pair
    source: Literal["dev-linkedin-tune", "dev-adzuna-tune"]
    job_id: str = Field(min_length=1)
    candidate_id: str = Field(min_length=1)
    grade: int = Field(ge=0, le=3)
    why: str = Field(min_length=3, max_length=300)


class GradeStats(BaseModel):
    grade: int
    count: int
    median: float
    low: float
    high: float
    at_least_target: int  # how many score >= STRONG_TARGET


def load_grades(path: Path) -> list[GradedPair]:
    """The graded pairs of a JSONL file; GradesError names the first bad line or duplicate pair."""
    pairs: list[GradedPair] = []
    seen: set[tuple[str, str, str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            pair = GradedPair.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise GradesError(f"{path}:{number}: {exc}") from exc
        key = (pair.source, pair.job_id, pair.candidate_id)
        if key in seen:
            raise GradesError(f"{path}:{number}: pair graded twice: {key}")
        seen.add(key)
        pairs.append(pair)
    if not pairs:
        raise GradesError(f"{path}: no graded pairs")
    return pairs


def handwritten_grade(gain: int, candidate_id: str) -> int:
    """The handwritten set on the same scale: gain 2 strong, gain 1 near-miss, its '-adjacent' resumes adjacent."""
    if gain >= 2:
        return 3
    if gain == 1:
        return 2
    return 1 if candidate_id.endswith("-adjacent") else 0


def summarise(graded_scores: Iterable[tuple[int, float]]) -> list[GradeStats]:
    """Per grade present, highest first: count, median, min, max and how many reach STRONG_TARGET."""
    by_grade: dict[int, list[float]] = {}
    for grade, score in graded_scores:
        by_grade.setdefault(grade, []).append(score)
    return [
        GradeStats(
            grade=grade,
            count=len(scores),
            median=statistics.median(scores),
            low=min(scores),
            high=max(scores),
            at_least_target=sum(score >= STRONG_TARGET for score in scores),
        )
        for grade, scores in sorted(by_grade.items(), reverse=True)
    ]


def ordering_accuracy(higher: Sequence[float], lower: Sequence[float]) -> float | None:
    """Share of (h, l) pairs with h > l, a tie counting half; None when either side is empty."""
    if not higher or not lower:
        return None
    return ordered_credit(higher, lower) / (len(higher) * len(lower))


def format_report(title: str, graded_scores: Sequence[tuple[int, float]]) -> str:
    lines = [title, f"  {'grade':<13}{'n':>4}{'median':>8}{'min':>6}{'max':>6}{f'>={STRONG_TARGET}':>6}"]
    for stats in summarise(graded_scores):
        name = f"{stats.grade} {GRADE_NAMES[stats.grade]}"
        lines.append(
            f"  {name:<13}{stats.count:>4}{stats.median:>8.1f}{stats.low:>6.0f}{stats.high:>6.0f}{stats.at_least_target:>6}"
        )
    by_grade: dict[int, list[float]] = {}
    for grade, score in graded_scores:
        by_grade.setdefault(grade, []).append(score)
    orderings = []
    for high, low in ORDERINGS:
        accuracy = ordering_accuracy(by_grade.get(high, []), by_grade.get(low, []))
        if accuracy is not None:
            orderings.append(f"{high}>{low} {accuracy:.2f}")
    lines.append("  ordering: " + ("  ".join(orderings) if orderings else "n/a"))
    return "\n".join(lines)


def _score_pairs(engine: Any, setdir: Path, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    """MatchResults of the given (job, candidate) pairs of one set, as skima_cli.main.score_batch scores them."""

    eval_set = load_set(setdir)
    job_texts = eval_set.job_texts()
    candidate_texts = eval_set.candidate_texts()
    missing = [pair for pair in pairs if pair[0] not in job_texts or pair[1] not in candidate_texts]
    if missing:
        raise GradesError(f"{setdir}: graded pairs not in the set: {missing[:3]}")
    jobs = {job_id: engine.prepare_job(job_id, job_texts[job_id]) for job_id in dict.fromkeys(j for j, _ in pairs)}
    candidate_ids = list(dict.fromkeys(c for _, c in pairs))
    profiles = {
        profile.candidate_id: profile
        for profile in engine.build_profiles([(cid, candidate_texts[cid]) for cid in candidate_ids])
    }
    return {(job_id, cid): engine.match(jobs[job_id], profiles[cid]) for job_id, cid in pairs}


def _receipt_line(pair: GradedPair, result: Any) -> str:
    receipt = result.receipt
    signals = " ".join(f"{name}={value:.2f}" for name, value in sorted(receipt.signals.items()))
    missed = [r.label for r in result.requirements if r.verdict != "met"]
    return (
        f"  {pair.source} {pair.job_id} {pair.candidate_id} grade={pair.grade} score={result.score} "
        f"raw={receipt.raw_score:.2f} blended={receipt.blended} occ={receipt.job_occupation}/{receipt.resume_occupation}\n"
        f"    signals: {signals}\n    not met: {missed}\n    gaps: {result.gaps}"
    )


def _pair_line(label: str, grade: int, result: Any) -> str:
    """One scored pair with the numbers behind its score (for seeing where a grade sits on the blend)."""
    receipt = result.receipt
    signals = " ".join(f"{name}={value:.2f}" for name, value in sorted(receipt.signals.items()))
    blended = f"{receipt.blended:.2f}" if receipt.blended is not None else "-"
    same = "same-occ" if receipt.job_occupation and receipt.job_occupation == receipt.resume_occupation else "other-occ"
    return f"  {grade} {result.score!s:>4} raw={receipt.raw_score:.2f} blended={blended} {signals} {same}  {label}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="eval.graded_report", description=__doc__.splitlines()[0])
    parser.add_argument("--grades", type=Path, default=GRADES_FILE)
    parser.add_argument("--devsets", type=Path, default=Path("/tmp/skima-devsets"), help="eval.devdata --out folder")
    parser.add_argument("--handwritten", type=Path, default=HANDWRITTEN_SET)
    parser.add_argument("--model-dir", default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument(
        "--receipts", action="store_true", help=f"print the receipts of strong pairs under {STRONG_TARGET}"
    )
    parser.add_argument("--pairs", action="store_true", help="print every pair's score, raw score, blend and signals")
    args = parser.parse_args(argv)

    from skima_cli.main import build_engine  # noqa: PLC0415

    try:
        grades = load_grades(args.grades)
    except (GradesError, OSError) as exc:
        raise SystemExit(f"graded_report: {exc}") from exc
    engine = build_engine(args.model_dir, args.threads)
    results: dict[tuple[str, str, str], Any] = {}
    for source in dict.fromkeys(pair.source for pair in grades):
        wanted = [(p.job_id, p.candidate_id) for p in grades if p.source == source]
        for (job_id, cid), result in _score_pairs(engine, args.devsets / source, wanted).items():
            results[(source, job_id, cid)] = result
    scored = [(p, results[(p.source, p.job_id, p.candidate_id)]) for p in grades]
    unscored = [p for p, r in scored if r.score is None]
    print(
        format_report(
            f"hand-graded tuning pairs ({args.grades.name})",
            [(p.grade, r.score) for p, r in scored if r.score is not None],
        )
    )
    if unscored:
        print(f"  not scored (insufficient evidence): {len(unscored)}")
    for source in dict.fromkeys(p.source for p in grades):
        rows = [(p.grade, r.score) for p, r in scored if p.source == source and r.score is not None]
        print(format_report(f"  of which {source}", rows))
    if args.receipts:
        print(f"strong pairs under {STRONG_TARGET}:")
        for pair, result in scored:
            if pair.grade == 3 and (result.score or 0) < STRONG_TARGET:
                print(_receipt_line(pair, result))
    if args.pairs:
        print("graded pairs (grade, score, raw, blended, signals):")
        for pair, result in sorted(scored, key=lambda item: (-item[0].grade, -(item[1].score or 0))):
            print(_pair_line(f"{pair.source} {pair.job_id} {pair.candidate_id}", pair.grade, result))
    handwritten = load_set(args.handwritten)
    hw_pairs = [(q.job_id, q.candidate_id) for q in handwritten.qrels]
    hw_results = _score_pairs(engine, args.handwritten, hw_pairs)
    rows = [
        (handwritten_grade(q.gain, q.candidate_id), hw_results[(q.job_id, q.candidate_id)].score)
        for q in handwritten.qrels
        if hw_results[(q.job_id, q.candidate_id)].score is not None
    ]
    print(format_report("handwritten set (gain 2 -> 3, gain 1 -> 2, '-adjacent' -> 1, other -> 0)", rows))
    if args.pairs:
        for qrel in handwritten.qrels:
            grade = handwritten_grade(qrel.gain, qrel.candidate_id)
            if grade > 0:
                print(
                    _pair_line(
                        f"{qrel.job_id} {qrel.candidate_id}", grade, hw_results[(qrel.job_id, qrel.candidate_id)]
                    )
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
