"""The committed evaluation sets: well formed, shaped like the hidden sets, and reproducible."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from eval import handwritten
from eval.generate import SEED_A, SEED_B
from eval.pasted import generate_pasted
from eval.structured import generate_structured, mentions_skill
from skima.evaluation import EvalSet, load_set, term_named_in

SETS = Path(__file__).resolve().parents[3] / "eval" / "sets"


@pytest.fixture(scope="module")
def sets() -> dict[str, EvalSet]:
    return {name: load_set(SETS / name) for name in ("structured-a", "structured-a-small", "pasted-b", "handwritten")}


def gains_by_job(eval_set: EvalSet) -> dict[str, Counter[int]]:
    out: dict[str, Counter[int]] = defaultdict(Counter)
    for q in eval_set.qrels:
        out[q.job_id][q.gain] += 1
    return out


def test_structured_sets_have_one_strong_one_near_miss_and_48_others(sets: dict[str, EvalSet]) -> None:
    for name, n_jobs in (("structured-a", 120), ("structured-a-small", 20)):
        eval_set = sets[name]
        assert len(eval_set.jobs) == n_jobs
        for counts in gains_by_job(eval_set).values():
            assert counts == Counter({0: 48, 1: 1, 2: 1})
        near_misses = [q for q in eval_set.qrels if q.gain == 1]
        assert all(1 <= len(q.missing) <= 3 for q in near_misses)


def test_near_miss_missing_terms_are_asked_for_by_the_job_and_absent_from_the_resume(
    sets: dict[str, EvalSet],
) -> None:
    for name in ("structured-a", "handwritten"):
        eval_set = sets[name]
        jobs, cands = eval_set.job_texts(), eval_set.candidate_texts()
        for q in eval_set.qrels:
            for term in q.missing:
                assert term_named_in(term, [jobs[q.job_id]]), (q.job_id, term)
                assert not term_named_in(term, [cands[q.candidate_id]]), (q.candidate_id, term)


def test_structured_strong_resumes_evidence_every_requirement() -> None:
    generated = generate_structured(seed=SEED_A, n_jobs=120)
    texts = {c["id"]: c["text"] for c in generated.candidates}
    for spec in generated.specs:
        strong_id, _ = generated.own[spec.id]
        missing = [s.name for s in spec.required if not mentions_skill(texts[strong_id], s)]
        assert missing == [], (spec.id, missing)


def test_structured_set_covers_many_occupations(sets: dict[str, EvalSet]) -> None:
    generated = generate_structured(seed=SEED_A, n_jobs=120)
    assert len({spec.role.key for spec in generated.specs}) >= 40
    assert len({spec.role.family for spec in generated.specs}) >= 12


def test_pasted_set_ranks_every_job_over_every_resume(sets: dict[str, EvalSet]) -> None:
    eval_set = sets["pasted-b"]
    assert len(eval_set.jobs) == 60
    assert len(eval_set.candidates) == 150
    per_job = Counter(q.job_id for q in eval_set.qrels)
    assert set(per_job.values()) == {150}
    assert all(counts[1] >= 3 for counts in gains_by_job(eval_set).values())
    texts = [c.text for c in eval_set.candidates]
    assert any("â€" in t or "â¢" in t for t in texts)  # pasted-from-PDF damage is present
    assert any("Skill Details" in t and "Exprience" in t for t in texts)
    lengths = sorted(len(t.split()) for t in texts)
    assert lengths[0] < 40 and lengths[-1] > 600


def test_handwritten_set_has_the_documented_shape(sets: dict[str, EvalSet]) -> None:
    eval_set = sets["handwritten"]
    assert len(eval_set.jobs) == 8
    for job_id, counts in gains_by_job(eval_set).items():
        assert counts == Counter({0: 7, 1: 1, 2: 1}), job_id
    assert all(q.missing for q in eval_set.qrels if q.gain == 1)


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_committed_sets_match_the_generators() -> None:
    """Regenerating gives byte-for-byte the committed data (fixed seeds, no hidden state)."""
    a = generate_structured(seed=SEED_A, n_jobs=120)
    assert read_jsonl(SETS / "structured-a" / "jobs.jsonl") == a.jobs
    assert read_jsonl(SETS / "structured-a" / "qrels.jsonl") == a.qrels
    b = generate_pasted(seed=SEED_B)
    assert read_jsonl(SETS / "pasted-b" / "candidates.jsonl") == b.candidates
    assert read_jsonl(SETS / "pasted-b" / "jobs.jsonl") == b.jobs
    hw_jobs, hw_cands, hw_qrels = handwritten.build()
    assert read_jsonl(SETS / "handwritten" / "jobs.jsonl") == hw_jobs
    assert read_jsonl(SETS / "handwritten" / "qrels.jsonl") == hw_qrels
    assert read_jsonl(SETS / "handwritten" / "candidates.jsonl") == hw_cands
