"""The committed evaluation sets: well formed, shaped like the hidden sets, and reproducible."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from eval import handwritten
from eval.generate import SEED_A, SEED_B, SEED_B_HELDOUT
from eval.pasted import generate_pasted
from eval.pasted_heldout import generate_heldout
from eval.pasted_heldout_data import OCCUPATIONS as HELDOUT_OCCUPATIONS
from eval.structured import generate_structured, mentions_skill
from skima_cli.evaluation import EvalSet, load_set, term_named_in

SETS = Path(__file__).resolve().parents[3] / "eval" / "sets"


@pytest.fixture(scope="module")
def sets() -> dict[str, EvalSet]:
    return {
        name: load_set(SETS / name)
        for name in ("structured-a", "structured-a-small", "pasted-b", "pasted-b-heldout", "handwritten")
    }


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


def test_structured_near_miss_missing_lists_exactly_the_skills_it_lost(sets: dict[str, EvalSet]) -> None:
    """Scans the committed set: a near-miss shows no `missing` skill in any wording (name or synonym), and
    every job skill the strong resume shows but the near-miss does not is listed in `missing`."""
    generated = generate_structured(seed=SEED_A, n_jobs=120)
    eval_set = sets["structured-a"]
    texts = eval_set.candidate_texts()
    missing_of = {(q.job_id, q.candidate_id): set(q.missing) for q in eval_set.qrels if q.gain == 1}
    survivors, unlisted = [], []
    for spec in generated.specs:
        strong_id, near_id = generated.own[spec.id]
        missing = missing_of[(spec.id, near_id)]
        for skill in [*spec.required, *spec.preferred]:
            in_near = mentions_skill(texts[near_id], skill)
            if skill.name in missing and in_near:
                survivors.append((spec.id, skill.name))
            if skill.name not in missing and not in_near and mentions_skill(texts[strong_id], skill):
                unlisted.append((spec.id, skill.name))
    assert survivors == []
    assert unlisted == []


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


def test_heldout_set_ranks_every_posting_over_every_resume(sets: dict[str, EvalSet]) -> None:
    eval_set = sets["pasted-b-heldout"]
    assert len(eval_set.jobs) == 50
    assert len(eval_set.candidates) == 120
    per_job = Counter(q.job_id for q in eval_set.qrels)
    assert set(per_job.values()) == {120}
    assert all(2 <= counts[1] <= 8 for counts in gains_by_job(eval_set).values())
    generated = generate_heldout(seed=SEED_B_HELDOUT)
    occupations = Counter(generated.occupation_of[j.id] for j in eval_set.jobs)
    assert occupations == Counter({occ.name: 2 for occ in HELDOUT_OCCUPATIONS})
    texts = [c.text for c in eval_set.candidates]
    assert any("ï‚§" in t or "\uf0b7" in t or "Ã¢â‚¬â€œ" in t for t in texts)  # pasted-from-PDF bullets
    assert any("Career change" in t or "Transitioning from" in t or "now seeking" in t for t in texts)
    lengths = sorted(len(t.split()) for t in texts)
    assert lengths[0] < 30 and lengths[-1] > 450
    assert sum("\n" not in t for t in texts) > len(texts) / 2  # most pastes lost their line breaks


def test_heldout_generator_does_not_use_pasted_b_vocabulary() -> None:
    """The held-out set is an overfitting check only while it shares no vocabulary source with pasted-b."""
    root = SETS.parent
    for module in ("pasted_heldout.py", "pasted_heldout_data.py"):
        source = (root / module).read_text(encoding="utf-8")
        assert "pasted_data" not in source.replace("eval/pasted_data.py", "")
        assert "from eval.pasted import" not in source and "textkit" not in source


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
    h = generate_heldout(seed=SEED_B_HELDOUT)
    assert read_jsonl(SETS / "pasted-b-heldout" / "candidates.jsonl") == h.candidates
    assert read_jsonl(SETS / "pasted-b-heldout" / "jobs.jsonl") == h.jobs
    assert read_jsonl(SETS / "pasted-b-heldout" / "qrels.jsonl") == h.qrels
    hw_jobs, hw_cands, hw_qrels = handwritten.build()
    assert read_jsonl(SETS / "handwritten" / "jobs.jsonl") == hw_jobs
    assert read_jsonl(SETS / "handwritten" / "qrels.jsonl") == hw_qrels
    assert read_jsonl(SETS / "handwritten" / "candidates.jsonl") == hw_cands
