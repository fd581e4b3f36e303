"""`make dev`: the whole loop on one machine, from the BUILT artifacts.

moto server (AWS) + the resources of template.yaml + the Tracker simulator (seeded, its webhook pointed at the
local API with `?token=`) + the four functions with their event sources (HTTP API, Function URL, SQS poller,
schedule). Prints the URLs, then queue depths now and then. Ctrl-C (or SIGTERM, or --seconds N) stops everything.

At start it runs the poller once, which enqueues every open job (its pipeline re-check), so the seeded pipelines
are scored straight away: notes, reasons and tags appear on the simulator's pages within a minute or two (the
pace is Tracker's request budget, ~90 a minute). Once a job's pipeline is scored it creates a share link for that
job and prints `Shortlist: <url>`.

    python -m local.dev [--no-build] [--seconds N] [--sim-port 8765] [--api-port 3000] [--url-port 3001]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

from local.lambda_runtime.build import REPO_ROOT, sam_build
from local.lambda_runtime.logs import LogSink
from local.lambda_runtime.moto_server import MotoServer, free_port, wait_for_http
from local.lambda_runtime.stack import LocalStack
from local.trackerrms_sim.testing import SimHandle

_GUARD = REPO_ROOT / "local" / "lambda_runtime" / "orphan_guard.py"
WEBHOOK_API = "WebhookApi"
WEBHOOK_FUNCTION = "WebhookFunction"
SHORTLIST_FUNCTION = "ShortlistFunction"
POLLER_FUNCTION = "PollerFunction"
SCORER_FUNCTION = "ScorerFunction"
SIM_API_TOKEN = "local-sim-api-token"
TOP_N = 10
# How often the loop looks for a finished top-10 (cheap: one simulator read and a few DynamoDB queries).
_TICK_SECONDS = 2.0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m local.dev", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="use the existing build dir (skip sam build)")
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / ".aws-sam" / "build")
    parser.add_argument("--seconds", type=float, default=None, help="run N seconds, then stop cleanly")
    parser.add_argument("--sim-port", type=int, default=8765, help="Tracker simulator port (0 = any free port)")
    parser.add_argument("--api-port", type=int, default=3000, help="webhook HTTP API port (0 = any free port)")
    parser.add_argument("--url-port", type=int, default=3001, help="shortlist Function URL port (0 = any)")
    parser.add_argument("--moto-port", type=int, default=0, help="moto server port (0 = any free port)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument(
        "--schedule-speedup",
        type=float,
        default=1.0,
        help="run schedules N times faster (10: a 10-minute poll runs every minute). The default keeps the "
        "deployed pace: a poll re-enqueues the open jobs' unscored entries, so frequent polls during the first "
        "scoring (paced by Tracker's ~90 requests a minute) only queue duplicates",
    )
    parser.add_argument(
        "--visibility-timeout",
        type=int,
        default=None,
        help="override the score queue's VisibilityTimeout "
        "(seconds) so failed messages come back (and reach the DLQ) sooner",
    )
    parser.add_argument("--status-every", type=float, default=15.0, help="seconds between queue depth lines")
    parser.add_argument("--log-file", type=Path, default=None, help="also append function logs to this file")
    return parser.parse_args(argv)


def stack_options(sim_url: str, *, sim_api_token: str, webhook_token: str) -> dict[str, Any]:
    """LocalStack options that point the functions at a Tracker simulator (shared with the e2e tests):
    `LocalStack.start(build_dir, **stack_options(sim.base_url, sim_api_token=..., webhook_token=...))`."""
    return {
        "parameter_overrides": {"TrackerRestUrlOverride": sim_url, "TrackerWidgetUrlOverride": sim_url},
        "secret_values": {
            "TrackerApiTokenSecret": sim_api_token,
            "WebhookTokenSecret": json.dumps({"current": webhook_token, "previous": ""}),
        },
    }


def _say(text: str) -> None:
    print(text, flush=True)


def _start_simulator(
    args: argparse.Namespace, port: int, webhook_url: str, webhook_token: str, log: LogSink
) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, str(_GUARD), str(os.getpid()), "local.trackerrms_sim",
        "--port", str(port), "--seed", str(args.seed), "--candidates", str(args.candidates),
        f"--api-token={SIM_API_TOKEN}", f"--webhook-url={webhook_url}", f"--webhook-token={webhook_token}",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def pump() -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            log.write("TrackerSim", raw.decode("utf-8", "replace"))

    threading.Thread(target=pump, daemon=True).start()
    wait_for_http(f"http://127.0.0.1:{port}/_sim/clock", 60, process)
    return process


def _stop_process(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _queue_status(stack: LocalStack) -> str:
    parts = []
    for logical_id in stack.resources.queues:
        depth = stack.queue_depth(logical_id)
        parts.append(f"{logical_id} visible={depth.visible} in-flight={depth.in_flight}")
    return "Queues: " + "; ".join(parts)


def _kick_off(stack: LocalStack, stop: threading.Event) -> None:
    """Run the poller once now rather than at its first tick: its pipeline re-check enqueues every open job."""

    def run() -> None:
        try:
            result = stack.invoke(POLLER_FUNCTION, {"source": "local.dev", "detail-type": "kick-off"})
        except Exception as exc:  # stopping while it runs, or a runner error: the schedule still polls
            if not stop.is_set():
                _say(f"First poll failed ({type(exc).__name__}); the schedule will poll again")
            return
        if stop.is_set():
            return
        if result.ok and isinstance(result.payload, dict):
            jobs = result.payload.get("pipelines_checked", 0)
            _say(f"First poll: {jobs} open jobs queued for scoring (watch the notes arrive on the simulator)")
        else:
            _say(f"First poll failed: {result.error}")

    threading.Thread(target=run, name="kick-off poll", daemon=True).start()


class ShortlistAnnouncer:
    """Prints `Shortlist: <url>` once, for the first job whose top-10 is in: every pipeline entry scored (or ten
    of them, for a longer pipeline). Uses the simulator's control API for the pipelines (a dev tool may)."""

    def __init__(self, stack: LocalStack, sim: SimHandle) -> None:
        from skima.adapters.dynamo_links import DynamoLinkStore  # noqa: PLC0415 (boto3 only once the stack runs)
        from skima.adapters.dynamo_scores import DynamoScoreStore  # noqa: PLC0415
        from skima.shortlist.links import ShareLinks  # noqa: PLC0415

        dynamodb = stack.resources.client("dynamodb")
        self._scores = DynamoScoreStore(dynamodb, stack.resources.tables["ScoresTable"])
        self._links = ShareLinks(
            DynamoLinkStore(dynamodb, stack.resources.tables["LinksTable"]), stack.function_url(SHORTLIST_FUNCTION)
        )
        self._sim = sim
        self.url: str | None = None

    def check(self) -> str | None:
        """The link's URL the first time a job is ready (created then), else None."""
        if self.url is not None:
            return None
        state = self._sim.state()
        pipeline: dict[int, int] = {}
        for placement in state["placements"]:
            pipeline[placement["opportunityId"]] = pipeline.get(placement["opportunityId"], 0) + 1
        for job in state["opportunities"]:
            job_id = int(job["opportunityId"])
            if job.get("state") != "open" or not pipeline.get(job_id):
                continue
            top = self._scores.top10(job_id)
            if top and len(self._scores.candidates_of(job_id)) >= min(TOP_N, pipeline[job_id]):
                self.url = self._links.create(job_id, str(job.get("name") or "")).url
                return self.url
        return None


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    if not args.no_build:
        _say("sam build ...")
        try:
            sam_build(REPO_ROOT, args.build_dir, cached=True)
        except RuntimeError as exc:
            _say(str(exc))
            return 1
    log = LogSink.console(args.log_file)
    sim_port = args.sim_port or free_port()
    sim_url = f"http://127.0.0.1:{sim_port}"
    webhook_token = secrets.token_urlsafe(24)
    moto: MotoServer | None = None
    stack: LocalStack | None = None
    simulator: subprocess.Popen[bytes] | None = None
    try:
        moto = MotoServer(port=args.moto_port).start()
        overrides = {"ScoreQueue": {"VisibilityTimeout": args.visibility_timeout}} if args.visibility_timeout else {}
        stack = LocalStack.start(
            args.build_dir,
            endpoint_url=moto.endpoint_url,
            **stack_options(sim_url, sim_api_token=SIM_API_TOKEN, webhook_token=webhook_token),
            resource_overrides=overrides,
            ports={WEBHOOK_API: args.api_port, f"{SHORTLIST_FUNCTION}Url": args.url_port},
            log=log,
            schedule_speedup=args.schedule_speedup,
            prewarm=True,
        )
        webhook_url = stack.http_url(WEBHOOK_FUNCTION) + "/webhook/tracker"
        simulator = _start_simulator(args, sim_port, webhook_url, webhook_token, log)
        _say(f"Tracker simulator: {sim_url}")
        _say(f"Webhook: {webhook_url}?token=<redacted> (the simulator already has the token)")
        if SHORTLIST_FUNCTION in stack.function_urls:
            note = f" ({stack.unavailable[SHORTLIST_FUNCTION]})" if SHORTLIST_FUNCTION in stack.unavailable else ""
            _say(f"Shortlist base URL: {stack.function_url(SHORTLIST_FUNCTION)}{note}")
        _say(f"AWS (moto): {moto.endpoint_url}")
        for logical_id, queue in stack.resources.queues.items():
            _say(f"Queue {logical_id}: {queue.url}")
        for reason in stack.unavailable.values():
            _say(f"Not running: {reason}")
        _say(_queue_status(stack))

        def running(function: str) -> bool:
            return function in stack.pools and function not in stack.unavailable

        scoring = running(POLLER_FUNCTION) and running(SCORER_FUNCTION)
        if scoring:
            _kick_off(stack, stop)
        announcer = (
            ShortlistAnnouncer(stack, SimHandle(sim_url, SIM_API_TOKEN))
            if scoring and running(SHORTLIST_FUNCTION) and SHORTLIST_FUNCTION in stack.function_urls
            else None
        )
        _say("Ready. Ctrl-C stops everything.")
        deadline = None if args.seconds is None else time.monotonic() + args.seconds
        next_status = time.monotonic() + args.status_every
        while not stop.is_set():
            now = time.monotonic()
            wait = min(_TICK_SECONDS, next_status - now)
            if deadline is not None:
                wait = min(wait, deadline - now)
            if wait <= 0 and deadline is not None and now >= deadline:
                break
            if stop.wait(max(wait, 0)):
                break
            if simulator.poll() is not None:
                _say(f"the Tracker simulator exited with status {simulator.returncode}")
                return 1
            if announcer is not None and announcer.url is None:
                try:
                    url = announcer.check()
                except Exception as exc:  # the announcement must never end the dev loop; try next tick
                    log.write("local.dev", f"shortlist check failed: {type(exc).__name__}: {exc}")
                    url = None
                if url:
                    _say(f"Shortlist: {url}")
            if time.monotonic() >= next_status:
                next_status = time.monotonic() + args.status_every
                try:
                    _say(_queue_status(stack))
                except Exception as exc:  # a status line must never end the dev loop
                    _say(f"Queues: unavailable ({type(exc).__name__})")
        _say("Stopping ...")
        return 0
    except FileNotFoundError as exc:
        _say(f"error: {exc}")
        return 2
    except (OSError, RuntimeError, TimeoutError) as exc:  # a busy port, a simulator that would not start...
        _say(f"error: {exc} (busy port? pass --sim-port/--api-port/--url-port 0 for free ports)")
        return 2
    finally:
        _stop_process(simulator)
        if stack is not None:
            stack.close()
        if moto is not None:
            moto.stop()
        _say("Stopped.")


if __name__ == "__main__":
    sys.exit(main())
