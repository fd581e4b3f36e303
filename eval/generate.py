"""Regenerate every generated set (deterministic; fixed seeds): `.venv/bin/python -m eval.generate`."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from eval import handwritten
from eval.pasted import generate_pasted
from eval.pasted_heldout import generate_heldout
from eval.structured import generate_structured

SETS_DIR = Path(__file__).parent / "sets"
SEED_A = 20261128
SEED_B = 1
SEED_B_HELDOUT = 1
SMALL_A_JOBS = 20


def write_jsonl(path: Path, rows: Iterable[Mapping[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_set(
    name: str,
    jobs: list[dict[str, str]],
    candidates: list[dict[str, str]],
    qrels: list[dict[str, object]],
    root: Path = SETS_DIR,
) -> None:
    folder = root / name
    used = {q["candidate_id"] for q in qrels}
    write_jsonl(folder / "jobs.jsonl", jobs)
    write_jsonl(folder / "candidates.jsonl", [c for c in candidates if c["id"] in used])
    write_jsonl(folder / "qrels.jsonl", qrels)
    print(f"{name}: {len(jobs)} jobs, {len(used)} candidates, {len(qrels)} qrels")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["structured-a", "pasted-b", "pasted-b-heldout", "handwritten"], default=None)
    parser.add_argument("--seed", type=int, default=None, help="another draw of the chosen set (with --only)")
    parser.add_argument("--sets-dir", type=Path, default=None, help="write there instead of eval/sets")
    args = parser.parse_args()
    if args.seed is not None and args.only in (None, "handwritten"):
        parser.error("--seed needs --only with a generated set")
    root: Path = args.sets_dir or SETS_DIR
    if args.only in (None, "structured-a"):
        a = generate_structured(seed=args.seed or SEED_A, n_jobs=120)
        write_set("structured-a", a.jobs, a.candidates, a.qrels, root=root)
        # the small set is the first jobs of the full set, with exactly their qrels
        small_jobs = a.jobs[:SMALL_A_JOBS]
        small_ids = {j["id"] for j in small_jobs}
        write_set(
            "structured-a-small", small_jobs, a.candidates, [q for q in a.qrels if q["job_id"] in small_ids], root=root
        )
    if args.only in (None, "handwritten"):
        write_set("handwritten", *handwritten.build(), root=root)
    if args.only in (None, "pasted-b"):
        b = generate_pasted(seed=args.seed or SEED_B)
        write_set("pasted-b", b.jobs, b.candidates, b.qrels, root=root)
    if args.only in (None, "pasted-b-heldout"):
        h = generate_heldout(seed=args.seed or SEED_B_HELDOUT)
        write_set("pasted-b-heldout", h.jobs, h.candidates, h.qrels, root=root)


if __name__ == "__main__":
    main()
