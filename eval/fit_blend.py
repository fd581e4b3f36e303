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
median related pair there (same occupation) -> 70; on a graded set (gains 2 and 1), the median near-miss -> 86 and
the median strong candidate -> 94; 100 beyond. The printed constants go into signals.py by hand, so a change of
weights is a reviewed change of the engine (and of its version).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def knots(tuning: dict[str, list[PairSignals]], weights: dict[str, float]) -> list[tuple[float, float]]:
    def values(rows: list[PairSignals], gain: int) -> list[float]:
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
    return [(round(x, 2), y) for x, y in sorted(points)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tune", nargs="+", type=Path, required=True)
    parser.add_argument("--check", nargs="*", type=Path, default=[])
    parser.add_argument("--model-dir", default=None)
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
    print(f"calibration knots: {knots({p: rows[p] for p in args.tune}, best)}")
    print(f"{'set':<40} {'requirements only':>18} {'current blend':>14} {'fitted blend':>14}")
    for path in [*args.tune, *args.check]:
        role = "tune" if path in args.tune else "check"
        figures = [ndcg(sets[path], rows[path], w) for w in ({}, BLEND_WEIGHTS, best)]
        cells = " ".join(f"{n:8.3f} / {p:4.2f}" for n, p in figures)
        print(f"{path.name + ' (' + role + ')':<40} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
