"""Ranking metrics and set loading (skima_cli.evaluation), with hand-computed figures."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skima_cli.evaluation import (
    EvalCandidate,
    EvalJob,
    EvalSet,
    EvalSetError,
    Qrel,
    ScoredPair,
    dump_scored,
    evaluate,
    load_scored,
    load_set,
    ndcg,
    rank_candidates,
    reference_scores,
    side_by_side,
    term_named_in,
    tfidf_vectors,
)


def make_set(gains: dict[str, dict[str, int]], missing: dict[tuple[str, str], list[str]] | None = None) -> EvalSet:
    missing = missing or {}
    cand_ids = sorted({c for per_job in gains.values() for c in per_job})
    return EvalSet(
        name="t",
        jobs=[EvalJob(id=j, text=f"job {j}") for j in gains],
        candidates=[EvalCandidate(id=c, text=f"resume {c}") for c in cand_ids],
        qrels=[
            Qrel(job_id=j, candidate_id=c, gain=g, missing=missing.get((j, c), []))
            for j, per_job in gains.items()
            for c, g in per_job.items()
        ],
    )


def scores(job: str, values: dict[str, float | None], **extra: dict[str, list[str]]) -> list[ScoredPair]:
    gaps = extra.get("gaps", {})
    reasons = extra.get("reasons", {})
    return [
        ScoredPair(
            job_id=job,
            candidate_id=c,
            score=s,
            status="scored" if s is not None else "insufficient_evidence",
            gaps=gaps.get(c, []),
            reasons=reasons.get(c, []),
        )
        for c, s in values.items()
    ]


# --------------------------------------------------------------------------------------- ranking metrics


def test_hand_computed_metrics_for_one_job() -> None:
    # Ranked: c (0), a (2), b (1), d (0).
    eval_set = make_set({"j": {"a": 2, "b": 1, "c": 0, "d": 0}})
    report = evaluate(eval_set, scores("j", {"a": 80, "b": 70, "c": 90, "d": 10}))

    dcg = 3 / math.log2(3) + 1 / math.log2(4)
    idcg = 3 / math.log2(2) + 1 / math.log2(3)
    assert report.ndcg_at_k == pytest.approx(dcg / idcg)
    assert report.ndcg_at_k == pytest.approx(0.65900, abs=1e-5)
    assert report.p_at_1 == 0.0
    assert report.mrr == 0.5
    assert report.pairwise_by_gain["2>1"].accuracy == 1.0
    assert report.pairwise_by_gain["2>0"].accuracy == 0.5
    assert report.pairwise_by_gain["1>0"].accuracy == 0.5
    assert report.pairwise_by_gain["2>0"].pairs == 2
    assert report.pairwise_accuracy == pytest.approx(3 / 5)
    assert report.strong_above_near_miss == 1.0
    assert report.median_score_by_gain == {"2": 80, "1": 70, "0": 50}
    assert report.status_counts == {"scored": 4}


def test_metrics_average_over_jobs_and_pairwise_pools_pairs() -> None:
    eval_set = make_set({"j1": {"a": 1, "b": 0}, "j2": {"a": 0, "b": 1, "c": 0}})
    run = scores("j1", {"a": 9, "b": 1}) + scores("j2", {"a": 5, "b": 4, "c": 3})
    report = evaluate(eval_set, run)
    # j1 perfect; j2 ranks b second: NDCG = (1/log2 3) / 1, P@1 0, RR 1/2.
    assert report.ndcg_at_k == pytest.approx((1 + 1 / math.log2(3)) / 2)
    assert report.p_at_1 == 0.5
    assert report.mrr == 0.75
    # pairs: j1 (a>b) ok; j2 (b>a) wrong, (b>c) ok -> 2/3 pooled.
    assert report.pairwise_accuracy == pytest.approx(2 / 3)
    assert report.strong_above_near_miss is None


def test_ties_are_broken_by_candidate_id_for_ranking_and_count_half_for_pairs() -> None:
    eval_set = make_set({"j": {"b": 1, "a": 0}})
    report = evaluate(eval_set, scores("j", {"a": 50, "b": 50}))
    assert [p.candidate_id for p in rank_candidates(scores("j", {"b": 50, "a": 50}))] == ["a", "b"]
    assert report.p_at_1 == 0.0
    assert report.mrr == 0.5
    assert report.pairwise_accuracy == 0.5


def test_unscored_pairs_rank_last_and_lose_pairs() -> None:
    eval_set = make_set({"j": {"a": 1, "b": 0, "c": 0}})
    report = evaluate(eval_set, scores("j", {"a": None, "b": 3, "c": None}))
    assert report.mrr == 0.5  # b, then a and c by id
    assert report.pairwise_by_gain["1>0"].correct == 0.5  # a<b: 0, a=c (both unscored): 0.5
    assert report.unscored_pairs == 2
    assert report.status_counts == {"scored": 1, "insufficient_evidence": 2}
    assert report.median_score_by_gain == {"1": None, "0": 3}


def test_ndcg_is_cut_at_k() -> None:
    gains = [0] * 10 + [1]
    assert ndcg(gains, k=10) == 0.0
    assert ndcg(gains, k=11) == pytest.approx((1 / math.log2(12)) / 1.0)
    assert ndcg([0, 0], k=10) is None


def test_jobs_without_positive_gain_are_skipped_and_counted() -> None:
    eval_set = make_set({"j1": {"a": 1, "b": 0}, "j2": {"a": 0, "b": 0}})
    report = evaluate(eval_set, scores("j1", {"a": 2, "b": 1}) + scores("j2", {"a": 1, "b": 2}))
    assert report.jobs_ranked == 1
    assert report.jobs_skipped_no_positive == 1
    assert report.ndcg_at_k == 1.0
    assert report.p_at_1 == 1.0


def test_missing_scored_pairs_are_an_error_naming_them() -> None:
    eval_set = make_set({"j": {"a": 1, "b": 0, "c": 0}})
    with pytest.raises(EvalSetError, match=r"2 qrel pairs have no scored pair: j/b, j/c"):
        evaluate(eval_set, scores("j", {"a": 1}))


def test_duplicate_scored_pairs_are_an_error() -> None:
    eval_set = make_set({"j": {"a": 1}})
    with pytest.raises(EvalSetError, match="duplicate pair"):
        evaluate(eval_set, scores("j", {"a": 1}) + scores("j", {"a": 2}))


def test_extra_scored_pairs_are_ignored_and_counted() -> None:
    eval_set = make_set({"j": {"a": 1, "b": 0}})
    report = evaluate(eval_set, scores("j", {"a": 2, "b": 1, "zzz": 99}))
    assert report.extra_scored_pairs == 1
    assert report.p_at_1 == 1.0


def test_empty_set_gives_an_empty_report() -> None:
    report = evaluate(EvalSet(name="empty", jobs=[], candidates=[], qrels=[]), [])
    assert report.jobs == 0
    assert report.ndcg_at_k is None
    assert report.p_at_1 is None
    assert report.pairwise_accuracy is None
    assert report.gap_recall is None
    assert "set empty" in report.format()
    json.dumps(report.model_dump())


# ------------------------------------------------------------------------------------------ gap metrics


def test_gap_recall_counts_terms_named_in_gaps_or_reasons() -> None:
    eval_set = make_set(
        {"j": {"strong": 2, "near": 1}},
        missing={("j", "near"): ["Kubernetes", "C++", "Node.js", "SQL Server"]},
    )
    run = scores(
        "j",
        {"strong": 90, "near": 60},
        gaps={"strong": ["Terraform: not found in resume"], "near": ["KUBERNETES not found in resume", "Go"]},
        reasons={"near": ["C++ was not found in the resume", "node-js: no evidence", "5 yrs SQL"]},
    )
    report = evaluate(eval_set, run)
    assert report.missing_terms == 4
    assert report.gap_recall == 0.75  # SQL Server is not named (only "SQL")
    assert report.gap_recall_gaps_only == 0.25
    assert report.false_gaps_per_strong == 1.0
    assert report.strong_with_any_gap == 1.0
    assert report.gap_precision_near_miss == 0.5


@pytest.mark.parametrize(
    ("term", "text", "named"),
    [
        ("Kubernetes", "Kubernetes (K8s) not found in resume", True),
        ("kubernetes", "KUBERNETES.", True),
        ("Node.js", "node js", True),
        ("CI/CD pipelines", "ci cd pipeline: not found", True),
        ("Café management", "cafe management", True),
        ("C++", "C not found", False),
        ("AWS", "laws and regulations", False),
        ("SQL skills", "skills", False),
        ("project management", "management", False),
        ("", "anything", False),
    ],
)
def test_term_matching_is_tolerant_but_needs_the_whole_term(term: str, text: str, named: bool) -> None:
    assert term_named_in(term, [text]) is named


def test_naming_a_generic_word_everywhere_earns_no_recall() -> None:
    eval_set = make_set({"j": {"near": 1}}, missing={("j", "near"): ["Salesforce CRM", "Spanish"]})
    run = scores("j", {"near": 50}, gaps={"near": ["skills", "experience", "CRM", "language"]})
    assert evaluate(eval_set, run).gap_recall == 0.0


# -------------------------------------------------------------------------------------------- loading


def write_set(folder: Path, jobs: list[str], cands: list[str], qrels: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "jobs.jsonl").write_text("\n".join(jobs) + "\n")
    (folder / "candidates.jsonl").write_text("\n".join(cands) + "\n")
    (folder / "qrels.jsonl").write_text("\n".join(qrels) + "\n")
    return folder


GOOD_JOB = '{"id": "j1", "text": "Nurse"}'
GOOD_CAND = '{"id": "c1", "text": "RN, 5 years"}'
GOOD_QREL = '{"job_id": "j1", "candidate_id": "c1", "gain": 2, "missing": []}'


def test_load_set_reads_a_valid_set(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "mini", [GOOD_JOB, ""], [GOOD_CAND], [GOOD_QREL])
    loaded = load_set(folder)
    assert loaded.name == "mini"
    assert loaded.qrels_by_job() == {"j1": [Qrel(job_id="j1", candidate_id="c1", gain=2)]}


@pytest.mark.parametrize(
    ("jobs", "cands", "qrels", "message"),
    [
        ([GOOD_JOB, "{not json"], [GOOD_CAND], [GOOD_QREL], r"jobs.jsonl line 2: invalid JSON"),
        ([GOOD_JOB], ['{"id": "c1"}'], [GOOD_QREL], r"candidates.jsonl line 1: text: Field required"),
        ([GOOD_JOB], [GOOD_CAND], ['{"job_id": "j1", "candidate_id": "c1", "gain": -1}'], r"line 1: gain"),
        ([GOOD_JOB], [GOOD_CAND], ["[1, 2]"], r"qrels.jsonl line 1: expected a JSON object"),
        ([GOOD_JOB, GOOD_JOB], [GOOD_CAND], [GOOD_QREL], r"duplicate job id 'j1'"),
        ([GOOD_JOB], [GOOD_CAND, GOOD_CAND], [GOOD_QREL], r"duplicate candidate id 'c1'"),
        ([GOOD_JOB], [GOOD_CAND], [GOOD_QREL, GOOD_QREL], r"duplicate qrel for job 'j1' and candidate 'c1'"),
        ([GOOD_JOB], [GOOD_CAND], [GOOD_QREL.replace('"j1"', '"j9"')], r"unknown job id 'j9'"),
        ([GOOD_JOB], [GOOD_CAND], [GOOD_QREL.replace('"c1"', '"c9"')], r"unknown candidate id 'c9'"),
    ],
)
def test_load_set_rejects_malformed_sets_with_file_and_line(
    tmp_path: Path, jobs: list[str], cands: list[str], qrels: list[str], message: str
) -> None:
    with pytest.raises(EvalSetError, match=message):
        load_set(write_set(tmp_path / "bad", jobs, cands, qrels))


def test_numeric_ids_are_read_as_strings(tmp_path: Path) -> None:
    folder = write_set(
        tmp_path / "n",
        ['{"id": 7, "text": "Nurse"}'],
        ['{"id": 12, "text": "RN"}'],
        ['{"job_id": 7, "candidate_id": 12, "gain": 1}'],
    )
    assert load_set(folder).qrels == [Qrel(job_id="7", candidate_id="12", gain=1)]


def test_load_set_names_a_missing_file(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "s", [GOOD_JOB], [GOOD_CAND], [GOOD_QREL])
    (folder / "qrels.jsonl").unlink()
    with pytest.raises(EvalSetError, match=r"qrels.jsonl: file not found"):
        load_set(folder)
    with pytest.raises(EvalSetError, match="not a directory"):
        load_set(tmp_path / "nope")


def test_scored_pairs_round_trip_and_ignore_extra_fields(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    pairs = [ScoredPair(job_id="j", candidate_id="c", score=81, reasons=["6 yrs Java"], gaps=["Go"])]
    dump_scored(pairs, path)
    assert load_scored(path) == pairs
    path.write_text('{"job_id": "j", "candidate_id": "c", "score": 7, "receipt": {"v": 1}}\n\n')
    assert load_scored(path) == [ScoredPair(job_id="j", candidate_id="c", score=7)]
    path.write_text('{"job_id": "j", "candidate_id": "c", "score": "high"}\n')
    with pytest.raises(EvalSetError, match=r"run.jsonl line 1: score"):
        load_scored(path)


def test_report_formats_and_dumps(tmp_path: Path) -> None:
    eval_set = make_set({"j": {"a": 2, "b": 1, "c": 0}}, missing={("j", "b"): ["Python"]})
    report = evaluate(eval_set, scores("j", {"a": 3, "b": 2, "c": 1}, gaps={"b": ["Python"]}))
    text = report.format()
    assert "NDCG@10" in text
    assert "strong>near-miss  1.000" in text
    dumped = json.loads(json.dumps(report.model_dump()))
    assert dumped["ndcg_at_k"] == 1.0
    assert dumped["pairwise_by_gain"]["2>1"]["pairs"] == 1


# ------------------------------------------------------------------------------------------ properties

gain_lists = st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=30).filter(
    lambda gains: max(gains) > 0
)


def run_in_order(gains: list[int]) -> tuple[EvalSet, list[ScoredPair]]:
    """A job whose candidates are scored in the given order (first = highest score)."""
    ids = [f"c{i:03d}" for i in range(len(gains))]
    eval_set = make_set({"j": dict(zip(ids, gains, strict=True))})
    run = scores("j", {cid: float(len(ids) - i) for i, cid in enumerate(ids)})
    return eval_set, run


@given(gain_lists)
def test_a_perfect_ranking_scores_one(gains: list[int]) -> None:
    report = evaluate(*run_in_order(sorted(gains, reverse=True)))
    assert report.ndcg_at_k == pytest.approx(1.0)
    assert report.p_at_1 == 1.0
    assert report.mrr == 1.0
    assert report.pairwise_accuracy in (None, 1.0)


@given(gain_lists)
def test_reversing_a_ranking_never_improves_ndcg(gains: list[int]) -> None:
    forward = evaluate(*run_in_order(gains))
    backward = evaluate(*run_in_order(list(reversed(gains))))
    perfect = evaluate(*run_in_order(sorted(gains, reverse=True)))
    reversed_perfect = evaluate(*run_in_order(sorted(gains)))
    assert forward.ndcg_at_k is not None and backward.ndcg_at_k is not None
    assert 0.0 <= forward.ndcg_at_k <= 1.0 + 1e-9
    assert reversed_perfect.ndcg_at_k is not None and perfect.ndcg_at_k is not None
    assert reversed_perfect.ndcg_at_k <= perfect.ndcg_at_k + 1e-9
    if forward.pairwise_accuracy is not None and backward.pairwise_accuracy is not None:
        assert forward.pairwise_accuracy + backward.pairwise_accuracy == pytest.approx(1.0)


@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 5)), min_size=2, max_size=25))
def test_pairwise_matches_a_brute_force_count(rows: list[tuple[int, int]]) -> None:
    ids = [f"c{i:03d}" for i in range(len(rows))]
    eval_set = make_set({"j": {cid: gain for cid, (gain, _) in zip(ids, rows, strict=True)}})
    report = evaluate(eval_set, scores("j", {cid: float(s) for cid, (_, s) in zip(ids, rows, strict=True)}))
    credit = 0.0
    count = 0
    for i, (gi, si) in enumerate(rows):
        for gj, sj in rows[i + 1 :]:
            if gi == gj:
                continue
            hi, lo = (si, sj) if gi > gj else (sj, si)
            credit += 1.0 if hi > lo else 0.5 if hi == lo else 0.0
            count += 1
    if count == 0:
        assert report.pairwise_accuracy is None
    else:
        assert report.pairwise_accuracy == pytest.approx(credit / count)


# --------------------------------------------------------------------------------------- references side by side


def test_tfidf_reference_ranks_by_shared_rare_words() -> None:
    eval_set = EvalSet(
        name="refs",
        jobs=[EvalJob(id="j", text="Pastry chef: laminated doughs, viennoiserie, sugar work")],
        candidates=[
            EvalCandidate(id="chef", text="Pastry chef. Viennoiserie and laminated doughs every morning."),
            EvalCandidate(id="clerk", text="Accounts clerk. Invoices, ledgers, month-end work."),
        ],
        qrels=[Qrel(job_id="j", candidate_id="chef", gain=1), Qrel(job_id="j", candidate_id="clerk", gain=0)],
    )
    by_id = {p.candidate_id: p.score for p in reference_scores(eval_set, tfidf_vectors)}
    assert by_id["chef"] is not None and by_id["clerk"] is not None
    assert by_id["chef"] > by_id["clerk"] >= 0
    assert evaluate(eval_set, reference_scores(eval_set, tfidf_vectors)).ndcg_at_k == 1.0


def test_side_by_side_says_whether_the_engine_beats_every_reference() -> None:
    eval_set = make_set({"j": {"a": 1, "b": 0, "c": 0}})
    good = evaluate(eval_set, scores("j", {"a": 3, "b": 2, "c": 1}))
    bad = evaluate(eval_set, scores("j", {"a": 1, "b": 2, "c": 3}))
    ahead = side_by_side({"engine": good, "TF-IDF": bad})
    assert "engine beats every reference on NDCG@10: yes" in ahead
    assert ahead.count("\n") == 3
    behind = side_by_side({"engine": bad, "TF-IDF": good, "whole-doc MiniLM": bad})
    assert "NO (not ahead of TF-IDF, whole-doc MiniLM)" in behind  # a tie is not ahead
    at_ceiling = side_by_side({"engine": good, "TF-IDF": good, "whole-doc MiniLM": bad})
    assert at_ceiling.endswith("yes (TF-IDF also at 1.000)")  # nothing can be ahead of a perfect ranking
