"""Admin commands for the pipeline, hooked into `skima` by `register(subparsers)` and `run(args)`.

skima backfill [--limit N] [--restart] [--status]   cache every Tracker candidate's profile (resumable)
skima sync-health [--json]                          the state table's sync health (pings, polls, misses)

Tables and Tracker come from the same environment as the functions (STATE_TABLE, PROFILES_TABLE,
TRACKER_REST_URL, TRACKER_WIDGET_URL, TRACKER_API_TOKEN_SECRET_ARN), or from flags. boto3 reads AWS_PROFILE /
AWS_REGION / AWS_ENDPOINT_URL as usual (the last points it at the local moto server).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from skima.config import BackfillSettings

if TYPE_CHECKING:
    from skima.scoring.ports import BackfillCursor

COMMANDS = ("backfill", "sync-health")
# The backfill takes Tracker requests only while the shared per-minute count is under this, so the live
# pipeline (which stops at TRACKER_REQUESTS_PER_MINUTE, 90 by default) always keeps some headroom.
DEFAULT_BACKFILL_REQUESTS_PER_MINUTE = 60


def register(subparsers: Any) -> None:
    """Add this module's commands to the `skima` parser's subparsers."""
    backfill = subparsers.add_parser(
        "backfill",
        help="cache (parse + embed) every candidate in Tracker so rediscovery can find them; resumable",
        description="Walks Tracker's candidates by id (getRecords R, 100 per request), skipping those whose "
        "cached profile is current, within the shared request budget. Run it again to resume.",
    )
    backfill.add_argument("--profiles-table", help="ProfilesTable name (default $PROFILES_TABLE)")
    backfill.add_argument("--state-table", help="StateTable name (default $STATE_TABLE)")
    backfill.add_argument("--model-dir", help="model files (default: $MODEL_DIR, /opt/model or a local build)")
    backfill.add_argument(
        "--requests-per-minute",
        type=int,
        default=DEFAULT_BACKFILL_REQUESTS_PER_MINUTE,
        help="stop taking Tracker requests when the shared minute count reaches this "
        f"(default {DEFAULT_BACKFILL_REQUESTS_PER_MINUTE}: leaves headroom for the live pipeline)",
    )
    backfill.add_argument("--limit", type=int, default=None, help="process at most N candidates this run")
    backfill.add_argument("--restart", action="store_true", help="start again from the first candidate")
    backfill.add_argument("--status", action="store_true", help="print the saved cursor and exit")
    backfill.add_argument("--quiet", action="store_true", help="no progress line")

    health = subparsers.add_parser("sync-health", help="print the sync health the poller and scorer record")
    health.add_argument("--state-table", help="StateTable name (default $STATE_TABLE)")
    health.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    if args.command == "sync-health":
        return _sync_health(args)
    if args.command == "backfill":
        return _backfill(args)
    return 2


# ---------------------------------------------------------------------- sync-health


def _table(explicit: str | None, env_name: str) -> str:
    name = explicit or os.environ.get(env_name, "")
    if not name.strip():
        raise SystemExit(f"skima: no table name: pass --{env_name.lower().replace('_', '-')} or set {env_name}")
    return name.strip()


def _sync_health(args: argparse.Namespace) -> int:
    from skima.bootstrap import admin  # noqa: PLC0415 (boto3 only when really used)
    from skima.errors import DependencyUnavailable  # noqa: PLC0415

    read_health = admin.sync_health_reader(_table(args.state_table, "STATE_TABLE"))
    try:
        health = read_health()
    except DependencyUnavailable as exc:
        print(f"skima sync-health: cannot read the state table: {exc}", file=sys.stderr)
        return 1
    print(format_health(health, as_json=args.json))
    return 0


def format_health(health: dict[str, str | int], *, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(health, indent=2, sort_keys=True)
    if not health:
        return "no sync health recorded yet (no ping or poll has run)"
    width = max(len(key) for key in health)
    return "\n".join(f"{key.ljust(width)}  {health[key]}" for key in sorted(health))


# ---------------------------------------------------------------------- backfill


def format_cursor(cursor: BackfillCursor, requests: int | None = None, elapsed: float | None = None) -> str:
    parts = [
        f"page {cursor.page}",
        f"last id {cursor.last_id}",
        f"{cursor.seen} seen",
        f"{cursor.built} built",
        f"{cursor.confirmed} confirmed",
        f"{cursor.unchanged} unchanged",
        f"{cursor.gone} gone",
    ]
    if requests is not None:
        rate = f" ({requests / elapsed * 60:.0f}/min)" if elapsed else ""
        parts.append(f"{requests} Tracker requests{rate}")
    if cursor.complete:
        parts.append("complete")
    return "backfill: " + ", ".join(parts)


def _backfill(args: argparse.Namespace) -> int:
    from skima.bootstrap import backfill as bootstrap  # noqa: PLC0415 (the engine only when really used)
    from skima.errors import DependencyUnavailable  # noqa: PLC0415
    from skima.tracker.errors import TrackerError  # noqa: PLC0415
    from skima_cli.main import resolve_model_dir  # noqa: PLC0415

    state_table = _table(args.state_table, "STATE_TABLE")
    cursor_store = bootstrap.cursor_store(state_table)
    saved = cursor_store.load()
    if args.status:
        print(format_cursor(saved) if saved else "backfill: not started")
        return 0
    if saved is not None and saved.complete and not args.restart:
        print(format_cursor(saved))
        print("backfill: already complete; --restart walks the database again (cheap for cached candidates)")
        return 0
    if args.limit is not None and args.limit < 1:
        raise SystemExit("skima backfill: --limit must be at least 1")
    overrides = {
        "STATE_TABLE": state_table,
        "PROFILES_TABLE": _table(args.profiles_table, "PROFILES_TABLE"),
        "TRACKER_REQUESTS_PER_MINUTE": str(args.requests_per_minute),
        # The config type is shared with the functions; the backfill enqueues nothing.
        "SCORE_QUEUE_URL": os.environ.get("SCORE_QUEUE_URL") or "unused-by-backfill",
    }
    try:
        settings = BackfillSettings.model_validate({**os.environ, **overrides})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SystemExit(f"skima backfill: bad configuration: {problems}") from exc

    started = time.monotonic()
    first_count = 0

    def progress(cursor: BackfillCursor, requests: int) -> None:
        if not args.quiet:
            line = format_cursor(cursor, requests - first_count, time.monotonic() - started)
            end = "\r" if sys.stderr.isatty() else "\n"
            print(line.ljust(120), end=end, file=sys.stderr, flush=True)

    deps = bootstrap.build(settings, str(resolve_model_dir(args.model_dir)), cursor=cursor_store, progress=progress)
    first_count = deps.tracker_requests()
    backfill = deps.backfill
    try:
        cursor = backfill.run(restart=args.restart, max_candidates=args.limit)
    except (TrackerError, DependencyUnavailable) as exc:
        saved = cursor_store.load()
        where = f"after candidate {saved.last_id}" if saved and saved.last_id else "at the start"
        print(f"\nskima backfill: stopped {where} ({exc}); run it again to resume", file=sys.stderr)
        return 1
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    print(format_cursor(cursor, deps.tracker_requests() - first_count, time.monotonic() - started))
    return 0
