"""eval.devdata: the real-data sets split by job occupation into tuning and held-out halves."""

from __future__ import annotations

import json
from pathlib import Path

from eval.devdata import SETS, SHORT_NAMES, TUNING_OCCUPATIONS, split
from skima_cli.evaluation import load_set


def _write_source(root: Path, name: str) -> None:
    folder = root / name
    (folder / "meta").mkdir(parents=True)
    tuned = sorted(TUNING_OCCUPATIONS)[0]
    jobs = [("j1", tuned), ("j2", "SALES"), ("j3", tuned)]
    (folder / "meta" / "jobs_meta.tsv").write_text(
        "job_id\tsource\tcategory\ttitle\n" + "".join(f"{j}\ts\t{c}\tT\n" for j, c in jobs)
    )
    (folder / "jobs.jsonl").write_text("".join(json.dumps({"id": j, "text": f"job {j}"}) + "\n" for j, _ in jobs))
    cands = ["c1", "c2", "c3"]
    (folder / "candidates.jsonl").write_text("".join(json.dumps({"id": c, "text": f"cv {c}"}) + "\n" for c in cands))
    qrels = [("j1", "c1"), ("j1", "c2"), ("j2", "c3"), ("j3", "c1")]
    (folder / "qrels.jsonl").write_text(
        "".join(json.dumps({"job_id": j, "candidate_id": c, "gain": 1, "missing": []}) + "\n" for j, c in qrels)
    )


def test_split_keeps_every_job_once_and_only_the_candidates_each_half_uses(tmp_path: Path) -> None:
    for name in SETS:
        _write_source(tmp_path / "src", name)
    folders = split(tmp_path / "src", tmp_path / "out")
    assert len(folders) == 3 * len(SETS)
    short = SHORT_NAMES[SETS[0]]
    whole, tune, held = (load_set(tmp_path / "out" / f"{short}{s}") for s in ("", "-tune", "-heldout"))
    assert whole.job_ids() == ["j1", "j2", "j3"]
    assert tune.job_ids() == ["j1", "j3"] and held.job_ids() == ["j2"]
    assert {c.id for c in tune.candidates} == {"c1", "c2"} and {c.id for c in held.candidates} == {"c3"}
    assert len(tune.qrels) + len(held.qrels) == len(whole.qrels)
