"""Fit the score blend and its calibration (skima.engine.signals) on labelled sets, and report held-out figures.

    .venv/bin/python -m eval.devdata                       # the real-data halves, written outside the repo
    .venv/bin/python -m eval.fit_blend \\
        --tune /tmp/skima-devsets/dev-linkedin-tune /tmp/skima-devsets/dev-adzuna-tune eval/sets/structured-a \\
        --check /tmp/skima-devsets/dev-linkedin-heldout /tmp/skima-devsets/dev-adzuna-heldout \\
                eval/sets/pasted-b-heldout

How: every pair is scored once by the engine; its receipt carries the requirement score and the whole-document
signals. The blend weights are the point of a fixed grid with the best mean NDCG@10 over the tuning sets (each set
counts once, whatever its size); the check sets are only reported. The calibration knots are read from the tuning
sets' score distributions: 0 -> 0; the 90th percentile of unrelated (gain 0) pairs on the real-data sets -> 20; the
median related pair there (same occupation) -> 70; with `--graded` (hand-graded real pairs of the tuning halves,
eval/graded/), the median real strong pair -> 80, issue 9's floor for a strong match on real text; on a generated
graded set (gains 2 and 1), the median near-miss -> 86 and the median strong candidate -> 94; 100 beyond. A knot
that would not rise with the blend (a real-strong median above a generated near-miss median) is dropped, and the
report says so. The printed constants go into signals.py by hand, so a change of
weights is a reviewed change of the engine (and of its version).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eval.graded_report import GRADES_FILE, load_grades
from skima.engine.signals import BLEND_WEIGHTS, blend
from skima_cli.evaluation import EvalSet, ScoredPair, evaluate, load_set

GRID = (0.0, 0.1, 0.2, 0.3, 0.5, 0.8)


@dataclass(frozen=True)
class PairSignals:
    job_id: str
    candidate_id: str
    gain: int
    requirements: float | None  # None: not scored (insufficient evidence)
    signals: dict[str, float]


_ENGINES: dict[str | None, Any] = {}
_PROFILES: dict[str, Any] = {}  # resume text -> profile: the real-data halves share their candidates


def collect(eval_set: EvalSet, model_dir: str | None) -> list[PairSignals]:
    from skima_cli.main import build_engine  # noqa: PLC0415

    engine = _ENGINES.get(model_dir) or _ENGINES.setdefault(model_dir, build_engine(model_dir, None))
    jobs = {job.id: engine.prepare_job(job.id, job.text) for job in eval_set.jobs}
    texts = eval_set.candidate_texts()
    used = list(dict.fromkeys(q.candidate_id for q in eval_set.qrels))
    todo = list(dict.fromkeys(texts[c] for c in used if texts[c] not in _PROFILES))
    for start in range(0, len(todo), 16):
        chunk = todo[start : start + 16]
        for text, profile in zip(chunk, engine.build_profiles([(str(i), t) for i, t in enumerate(chunk)]), strict=True):
            _PROFILES[text] = profile
    profiles = {c: _PROFILES[texts[c]] for c in used}
    rows = []
    for qrel in eval_set.qrels:
        result = engine.match(jobs[qrel.job_id], profiles[qrel.candidate_id])
        scored = result.status == "scored"
        rows.append(
            PairSignals(
                qrel.job_id,
                qrel.candidate_id,
                qrel.gain,
                result.receipt.raw_score if scored else None,
                result.receipt.signals,
            )
        )
    return rows


def ndcg(eval_set: EvalSet, rows: Sequence[PairSignals], weights: dict[str, float]) -> tuple[float, float]:
    scored = [
        ScoredPair(
            job_id=r.job_id,
            candidate_id=r.candidate_id,
            score=None if r.requirements is None else blend(r.requirements, r.signals, weights),
        )
        for r in rows
    ]
    report = evaluate(eval_set, scored)
    return report.ndcg_at_k or 0.0, report.p_at_1 or 0.0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


REAL_STRONG_GRADE = 3  # eval/graded: 3 strong, 2 near-miss, 1 adjacent, 0 unrelated
REAL_STRONG_SCORE = 80.0


def collect_graded(grades_file: Path, devsets: Path, model_dir: str | None) -> list[PairSignals]:
    """The hand-graded real pairs with their grade as `gain`, scored like every other pair."""
    rows: list[PairSignals] = []
    grades = load_grades(grades_file)
    for source in dict.fromkeys(pair.source for pair in grades):
        wanted = {(p.job_id, p.candidate_id): p.grade for p in grades if p.source == source}
        scored = {(r.job_id, r.candidate_id): r for r in collect(load_set(devsets / source), model_dir)}
        rows += [replace(scored[key], gain=grade) for key, grade in wanted.items()]
    return rows


def knots(
    tuning: dict[str, list[PairSignals]], weights: dict[str, float], real_graded: Sequence[PairSignals] = ()
) -> list[tuple[float, float]]:
    def values(rows: Sequence[PairSignals], gain: int) -> list[float]:
        return [
            blend(r.requirements, r.signals, weights) for r in rows if r.gain == gain and r.requirements is not None
        ]

    binary = [rows for rows in tuning.values() if max(r.gain for r in rows) == 1]
    graded = [rows for rows in tuning.values() if max(r.gain for r in rows) == 2]
    points = [(0.0, 0.0)]
    if binary:
        points.append((_percentile([v for rows in binary for v in values(rows, 0)], 0.9), 20.0))
        points.append((statistics.median([v for rows in binary for v in values(rows, 1)]), 70.0))
    if graded:
        near = statistics.median([v for rows in graded for v in values(rows, 1)])
        strong = statistics.median([v for rows in graded for v in values(rows, 2)])
        points += [(near, 86.0), (strong, 94.0), (strong + (strong - near), 100.0)]
    if values(real_graded, REAL_STRONG_GRADE):
        points.append((statistics.median(values(real_graded, REAL_STRONG_GRADE)), REAL_STRONG_SCORE))
    ordered = sorted(points)
    rising = [point for i, point in enumerate(ordered) if all(point[1] > y for _, y in ordered[:i])]
    for dropped in sorted(set(ordered) - set(rising)):
        print(f"knot {dropped} dropped: it would not rise with the blend", file=sys.stderr)
    return [(round(x, 2), y) for x, y in rising]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tune", nargs="+", type=Path, required=True)
    parser.add_argument("--check", nargs="*", type=Path, default=[])
    parser.add_argument("--model-dir", default=None)
    parser.add_argument(
        "--graded", nargs="?", type=Path, const=GRADES_FILE, default=None, help="hand-graded real pairs (default file)"
    )
    parser.add_argument("--devsets", type=Path, default=Path("/tmp/skima-devsets"), help="eval.devdata --out folder")
    parser.add_argument(
        "--weights", default=None, help="skip the grid: report these weights, e.g. head=0.5,centroid=0.2,lexical=0.5"
    )
    args = parser.parse_args(argv)
    sets = {path: load_set(path) for path in [*args.tune, *args.check]}
    rows = {path: collect(eval_set, args.model_dir) for path, eval_set in sets.items()}
    names = sorted(BLEND_WEIGHTS)
    results = []
    grid: Iterator[tuple[float, ...]] = itertools.product(GRID, repeat=len(names))
    if args.weights:
        given = dict(item.split("=") for item in args.weights.split(","))
        grid = iter([tuple(float(given[name]) for name in names)])
    for point in grid:
        weights = dict(zip(names, point, strict=True))
        tuned = statistics.mean(ndcg(sets[p], rows[p], weights)[0] for p in args.tune)
        results.append((tuned, weights))
    results.sort(key=lambda item: (-item[0], sorted(item[1].items())))
    best = results[0][1]
    print(
        f"{'given' if args.weights else 'best'} blend weights on the tuning sets: {best} (requirement score weight 1)"
    )
    real_graded = collect_graded(args.graded, args.devsets, args.model_dir) if args.graded else []
    print(f"calibration knots: {knots({p: rows[p] for p in args.tune}, best, real_graded)}")
    print(f"{'set':<40} {'requirements only':>18} {'current blend':>14} {'fitted blend':>14}")
    for path in [*args.tune, *args.check]:
        role = "tune" if path in args.tune else "check"
        figures = [ndcg(sets[path], rows[path], w) for w in ({}, BLEND_WEIGHTS, best)]
        cells = " ".join(f"{n:8.3f} / {p:4.2f}" for n, p in figures)
        print(f"{path.name + ' (' + role + ')':<40} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
