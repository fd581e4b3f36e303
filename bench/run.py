"""Engine benchmark: prints figures and writes bench/results.json (never asserted by tests).

    .venv/bin/python bench/run.py [--set eval/sets/structured-a-small] [--threads 2]

Measures, in one process: new resumes/s against one job from raw text (parse + mask + embed + match), cached
pairs/s (prepared job x stored profile), tokens embedded per resume, peak RSS; cold start (a fresh process from
start to its first score); model layer size; and the same for a whole-document embedding baseline.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "shared"))

from skima.adapters.onnx_embedder import OnnxEmbedder  # noqa: E402
from skima.engine import Engine  # noqa: E402
from skima_cli.main import resolve_model_dir  # noqa: E402

COLD_START = """
import sys, time
sys.path.insert(0, {shared!r})
from skima.adapters.onnx_embedder import OnnxEmbedder
from skima.engine import Engine
engine = Engine(OnnxEmbedder({model!r}, intra_op_threads={threads}))
result = engine.score_text({job!r}, {resume!r})
print("scored", result.score)
"""


def load_texts(setdir: Path) -> tuple[list[str], list[str]]:
    if not (setdir / "jobs.jsonl").is_file():
        raise SystemExit(f"{setdir}: no jobs.jsonl; --set takes a labelled set directory (eval/sets/...)")
    jobs = [json.loads(line)["text"] for line in (setdir / "jobs.jsonl").read_text().splitlines() if line]
    resumes = [json.loads(line)["text"] for line in (setdir / "candidates.jsonl").read_text().splitlines() if line]
    return jobs, resumes


def layer_size(model_dir: Path) -> dict[str, float]:
    report = model_dir / "layer-size.json"
    if report.is_file():
        sizes = json.loads(report.read_text())
        return {
            "layer_mb_unzipped": round(sizes["total_bytes"] / 1e6, 1),
            "runtime_mb": round(sizes["python_bytes"] / 1e6, 1),
            "model_files_mb": round(sizes["model_bytes"] / 1e6, 1),
        }
    total = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    return {"model_files_mb": round(total / 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=Path, default=ROOT / "eval/sets/structured-a-small")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--resumes", type=int, default=60)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results.json")
    args = parser.parse_args()
    model_dir = resolve_model_dir(None)
    jobs, resumes = load_texts(args.set)
    resumes = resumes[: args.resumes]

    started = time.perf_counter()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            COLD_START.format(
                shared=str(ROOT / "shared"), model=str(model_dir), threads=args.threads, job=jobs[0], resume=resumes[0]
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    cold_start = time.perf_counter() - started
    assert child.stdout.startswith("scored")

    embedder = OnnxEmbedder(model_dir, intra_op_threads=args.threads)
    engine = Engine(embedder)
    job = engine.prepare_job("job", jobs[0])
    engine.match(job, engine.build_profile("warm", resumes[0]))  # warm-up

    embedder.tokens_embedded = 0
    started = time.perf_counter()
    profiles = []
    for index, text in enumerate(resumes):
        profile = engine.build_profile(f"c{index}", text)
        engine.match(job, profile)
        profiles.append(profile)
    new_elapsed = time.perf_counter() - started
    tokens_per_resume = embedder.tokens_embedded / len(resumes)

    prepared = [engine.prepare_job(f"j{i}", text) for i, text in enumerate(jobs[:20])]
    pairs = 0
    started = time.perf_counter()
    while time.perf_counter() - started < 3.0:
        for prepared_job in prepared:
            for profile in profiles:
                engine.match(prepared_job, profile)
                pairs += 1
    cached_elapsed = time.perf_counter() - started
    profile_bytes = sorted(len(p.to_bytes()) for p in profiles)

    # baseline: one whole-document vector per resume (first 256 tokens), cosine with the job's vector
    embedder.tokens_embedded = 0
    job_vector = embedder.embed([jobs[0]])[0]
    started = time.perf_counter()
    doc_vectors = []
    for text in resumes:
        vector = embedder.embed([text])[0]
        _ = float(vector @ job_vector)
        doc_vectors.append(vector)
    base_new_elapsed = time.perf_counter() - started
    base_tokens = embedder.tokens_embedded / len(resumes)
    job_vectors = embedder.embed(jobs[:20])
    base_pairs = 0
    started = time.perf_counter()
    while time.perf_counter() - started < 1.0:
        for jv in job_vectors:
            for dv in doc_vectors:
                _ = round(100 * float(jv @ dv))
                base_pairs += 1
    base_cached_elapsed = time.perf_counter() - started

    engine_new = len(resumes) / new_elapsed
    base_new = len(resumes) / base_new_elapsed
    engine_cached = pairs / cached_elapsed
    base_cached = base_pairs / base_cached_elapsed
    results = {
        "threads": args.threads,
        "resumes": len(resumes),
        "set": str(args.set) if args.set and args.set.is_dir() else "built-in templates",
        "engine": {
            "new_resumes_per_s": round(engine_new, 1),
            "cached_pairs_per_s": round(engine_cached),
            "tokens_embedded_per_resume": round(tokens_per_resume),
            "cold_start_s": round(cold_start, 2),
            "profile_bytes_median": profile_bytes[len(profile_bytes) // 2],
            "profile_bytes_max": profile_bytes[-1],
        },
        "baseline_whole_document": {
            "new_resumes_per_s": round(base_new, 1),
            "cached_pairs_per_s": round(base_cached),
            "tokens_embedded_per_resume": round(base_tokens),
        },
        "ratio_engine_over_baseline": {
            "new_resumes_per_s": round(engine_new / base_new, 2),
            "cached_pairs_per_s": round(engine_cached / base_cached, 4),
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model_layer": layer_size(model_dir),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
