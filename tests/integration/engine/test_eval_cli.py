"""`skima eval` on a committed set with the real model: the engine's report and the references beside it."""

from __future__ import annotations

from pathlib import Path

from skima_cli.main import run_eval

SETS = Path(__file__).resolve().parents[3] / "eval" / "sets"


def test_skima_eval_prints_the_engine_beside_tfidf_and_whole_document_minilm(model_dir: Path) -> None:
    text = run_eval(SETS / "handwritten", None, model_dir=str(model_dir), threads=2, quiet=True)
    assert text.startswith("set handwritten: 8 jobs")
    lines = text.splitlines()
    table = lines[lines.index(next(line for line in lines if "side by side" in line)) :]
    assert [line.split()[0] for line in table[1:4]] == ["engine", "TF-IDF", "whole-doc"]
    # TF-IDF ranks this small hand-written set perfectly too: a tie at the ceiling is the best anyone can do
    assert table[-1].startswith("  engine beats every reference on NDCG@10: yes")
    plain = run_eval(SETS / "handwritten", None, model_dir=str(model_dir), threads=2, quiet=True, references=False)
    assert "side by side" not in plain
