"""The `skima` command: engine evaluation and batch scoring (more subcommands can be added to `build_parser`).

skima score-batch SETDIR --out FILE.jsonl   score every (job, candidate) pair in SETDIR/qrels.jsonl
skima eval SETDIR [--scores FILE.jsonl]     print NDCG@10, P@1, MRR, pairwise accuracy, gap recall...
skima doctor --base-url URL                 what works against a Tracker tenant (auth, reads, documents)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from skima_cli import links as links_cli
from skima_cli import sync as pipeline_cli

if TYPE_CHECKING:
    from skima.engine import Engine

LOCAL_MODEL_DIRS = ("/opt/model", "layers/model/build/artifacts/model", ".aws-sam/build/ModelLayer/model")


def resolve_model_dir(explicit: str | None) -> Path:
    """--model-dir, else $MODEL_DIR, else the Lambda path, else a locally built layer."""
    if explicit:
        return Path(explicit)
    if os.environ.get("MODEL_DIR"):
        return Path(os.environ["MODEL_DIR"])
    for candidate in LOCAL_MODEL_DIRS:
        if (Path(candidate) / "model.onnx").is_file():
            return Path(candidate)
    raise SystemExit(
        "skima: no model found. Build the layer (make -C layers/model build-ModelLayer "
        "ARTIFACTS_DIR=$PWD/layers/model/build/artifacts) or set MODEL_DIR / --model-dir."
    )


def build_engine(model_dir: str | None, threads: int | None) -> Engine:
    from skima.bootstrap import evaluation  # noqa: PLC0415 (the engine only when really used)

    try:
        return evaluation.engine(resolve_model_dir(model_dir), threads)
    except evaluation.ModelFilesError as exc:
        raise SystemExit(f"skima: {exc}") from exc


def score_batch(
    setdir: Path, out: Path, *, model_dir: str | None = None, threads: int | None = None, quiet: bool = False
) -> int:
    """Score every qrel pair of a set into `out` (one JSON line per pair); returns the number of pairs."""
    from tqdm import tqdm  # noqa: PLC0415

    from skima.engine import JobTextError  # noqa: PLC0415
    from skima_cli.evaluation import EvalSetError, load_set  # noqa: PLC0415

    try:
        eval_set = load_set(setdir)
    except EvalSetError as exc:
        raise SystemExit(f"skima: {exc}") from exc
    engine = build_engine(model_dir, threads)
    job_texts = eval_set.job_texts()
    candidate_texts = eval_set.candidate_texts()
    used = list(dict.fromkeys(q.candidate_id for q in eval_set.qrels))
    jobs = {}
    job_errors: dict[str, str] = {}
    for job_id in tqdm(list(job_texts), desc="jobs", unit="job", file=sys.stderr, disable=quiet):
        try:
            jobs[job_id] = engine.prepare_job(job_id, job_texts[job_id])
        except JobTextError as exc:
            job_errors[job_id] = str(exc)
    profiles = {}
    batch = 16
    with tqdm(total=len(used), desc="resumes", unit="resume", file=sys.stderr, disable=quiet) as bar:
        for start in range(0, len(used), batch):
            ids = used[start : start + batch]
            for profile in engine.build_profiles([(cid, candidate_texts[cid]) for cid in ids]):
                profiles[profile.candidate_id] = profile
            bar.update(len(ids))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for qrel in tqdm(eval_set.qrels, desc="pairs", unit="pair", file=sys.stderr, disable=quiet):
            if qrel.job_id in job_errors:
                row = {
                    "job_id": qrel.job_id,
                    "candidate_id": qrel.candidate_id,
                    "score": None,
                    "status": "insufficient_evidence",
                    "reasons": [job_errors[qrel.job_id]],
                    "gaps": [],
                }
            else:
                result = engine.match(jobs[qrel.job_id], profiles[qrel.candidate_id])
                row = {
                    "job_id": qrel.job_id,
                    "candidate_id": qrel.candidate_id,
                    "score": result.score,
                    "status": result.status,
                    "reasons": result.reasons,
                    "gaps": result.gaps,
                }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(eval_set.qrels)


def run_eval(
    setdir: Path,
    scores: Path | None,
    *,
    model_dir: str | None = None,
    threads: int | None = None,
    quiet: bool = False,
    references: bool = True,
) -> str:
    """The engine's report on a set and, unless told otherwise, TF-IDF and whole-document MiniLM beside it."""
    from skima_cli.evaluation import (  # noqa: PLC0415
        EvalSetError,
        evaluate,
        load_scored,
        load_set,
        reference_scores,
        side_by_side,
        tfidf_vectors,
    )

    if scores is None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scores.jsonl"
            score_batch(setdir, path, model_dir=model_dir, threads=threads, quiet=quiet)
            scored = load_scored(path)
    else:
        scored = load_scored(scores)
    try:
        eval_set = load_set(setdir)
        report = evaluate(eval_set, scored)
        if not references:
            return report.format()
        reports = {
            "engine": report,
            "TF-IDF": evaluate(eval_set, reference_scores(eval_set, tfidf_vectors)),
            "whole-doc MiniLM": evaluate(
                eval_set, reference_scores(eval_set, build_engine(model_dir, threads).embedder.embed)
            ),
        }
    except EvalSetError as exc:
        raise SystemExit(f"skima: {exc}") from exc
    return report.format() + "\n" + side_by_side(reports)


def run_doctor(args: argparse.Namespace) -> int:
    """Print each check's outcome; exit 1 when a required one failed."""
    from pydantic import SecretStr  # noqa: PLC0415

    from skima.bootstrap import admin  # noqa: PLC0415
    from skima.tracker import TrackerSettings  # noqa: PLC0415
    from skima_cli.doctor import diagnose  # noqa: PLC0415

    token = args.api_token or os.environ.get("TRACKER_API_TOKEN")
    if not token:
        raise SystemExit("skima doctor: give --api-token or set TRACKER_API_TOKEN")
    refresh = args.refresh_token or os.environ.get("TRACKER_WIDGET_REFRESH_TOKEN")
    settings = TrackerSettings(
        rest_base_url=args.base_url,
        widget_base_url=args.widget_url,
        api_token=SecretStr(token),
        widget_oauth_refresh_token=SecretStr(refresh) if refresh else None,
        widget_oauth_client_secret=SecretStr(args.client_secret) if args.client_secret else None,
    )
    with admin.doctor_tracker_client(settings) as tracker:
        checks = diagnose(tracker, resource_id=args.resource_id)
    for check in checks:
        print(check.line())
    return 0 if all(check.ok or not check.required for check in checks) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="skima", description="skima: explainable candidate matching")
    commands = parser.add_subparsers(dest="command", required=True)

    def engine_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--model-dir", help="model files (default: $MODEL_DIR, /opt/model or a local build)")
        sub.add_argument("--threads", type=int, default=None, help="onnxruntime intra-op threads (0 = all)")
        sub.add_argument("--quiet", action="store_true", help="no progress bar")

    batch = commands.add_parser("score-batch", help="score every pair listed in SETDIR/qrels.jsonl")
    batch.add_argument("setdir", type=Path)
    batch.add_argument("--out", type=Path, required=True)
    engine_options(batch)

    evaluation = commands.add_parser("eval", help="score a set and print ranking and explanation metrics")
    evaluation.add_argument("setdir", type=Path)
    evaluation.add_argument("--scores", type=Path, default=None, help="evaluate this score-batch output instead")
    evaluation.add_argument(
        "--no-references", action="store_true", help="skip the TF-IDF and whole-document MiniLM references"
    )
    engine_options(evaluation)

    doctor = commands.add_parser(
        "doctor", help="check what works against a Tracker tenant or the simulator (read-only)"
    )
    doctor.add_argument("--base-url", required=True, help="REST API base URL (e.g. https://evoglapi.tracker-rms.com)")
    doctor.add_argument("--widget-url", default=None, help="Widget API base URL (default: the REST base URL)")
    doctor.add_argument("--api-token", default=None, help="API token (default: $TRACKER_API_TOKEN)")
    doctor.add_argument(
        "--refresh-token", default=None, help="widget OAuth2 refresh token ($TRACKER_WIDGET_REFRESH_TOKEN)"
    )
    doctor.add_argument("--client-secret", default=None, help="widget OAuth2 client secret, if issued")
    doctor.add_argument("--resource-id", type=int, default=None, help="a candidate with a resume (default: search)")

    # Admin commands against the deployed tables (or moto): shortlist links, backfill, sync health.
    links_cli.register(commands)
    pipeline_cli.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "score-batch":
        count = score_batch(args.setdir, args.out, model_dir=args.model_dir, threads=args.threads, quiet=args.quiet)
        print(f"wrote {count} scored pairs to {args.out}", file=sys.stderr)
        return 0
    if args.command == "eval":
        print(
            run_eval(
                args.setdir,
                args.scores,
                model_dir=args.model_dir,
                threads=args.threads,
                quiet=args.quiet,
                references=not args.no_references,
            )
        )
        return 0
    if args.command == "doctor":
        return run_doctor(args)
    if args.command == "links":
        return links_cli.run(args)
    if args.command in pipeline_cli.COMMANDS:
        return pipeline_cli.run(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
