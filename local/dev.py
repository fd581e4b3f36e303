"""`make dev`: the whole loop on one machine, from the BUILT artifacts.

moto server (AWS) + the resources of template.yaml + the Tracker simulator (seeded, its webhook pointed at the
local API with `?token=`) + the functions with their event sources (HTTP API, Function URL, SQS pollers,
schedule). Prints the URLs and where the function logs go (a file: the console stays quiet unless --verbose), then
one progress line (pairs scored of the open jobs' pipelines, queue depths, Tracker calls a minute), rewritten in
place on a terminal. Ctrl-C (or SIGTERM, or --seconds N) stops everything.

At start it runs the poller once, which enqueues every open job (its pipeline re-check), so the seeded pipelines
are scored straight away: notes, reasons and tags appear on the simulator's pages within a minute or two (the
pace is Tracker's request budget, ~90 a minute). Once a job's pipeline is scored it creates a share link for that
job and prints `Shortlist for JOB-2001 <job title>: <url>`.

    python -m local.dev [--no-build] [--seconds N] [--verbose] [--sim-port 8765] [--api-port 3000] [--url-port 3001]
    (busy ports: --sim-port 0 --api-port 0 --url-port 0 picks free ones)
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

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
LOG_DIR = REPO_ROOT / ".dev" / "logs"
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
    parser.add_argument(
        "--status-every",
        type=float,
        default=15.0,
        help="seconds between progress lines when the output is not a terminal (a terminal's line is live)",
    )
    parser.add_argument(
        "--log-file",
        type=Path,
        default=None,
        help="append the function and simulator logs to this file (default: a new file under .dev/logs/)",
    )
    parser.add_argument("--verbose", action="store_true", help="also stream the function logs to the console")
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


class Console:
    """What `make dev` prints: whole lines, and one progress line that a terminal shows live (rewritten in place)
    and a pipe or file gets now and then as a plain line."""

    def __init__(self, stream: TextIO = sys.stdout, *, live: bool | None = None) -> None:
        self._stream = stream
        self._live = stream.isatty() if live is None else live
        self._open = False  # a live line is on screen without its newline
        self._lock = threading.Lock()

    @property
    def live(self) -> bool:
        return self._live

    def say(self, text: str) -> None:
        with self._lock:
            if self._open:
                self._stream.write("\n")
                self._open = False
            self._stream.write(text + "\n")
            self._stream.flush()

    def progress(self, text: str) -> None:
        if not self._live:
            self.say(text)
            return
        with self._lock:
            self._stream.write("\r\033[K" + text)
            self._stream.flush()
            self._open = True


_console = Console()


def _say(text: str) -> None:
    _console.say(text)


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


def _status_or_reason(line: Callable[[], str]) -> str:
    try:
        return line()
    except Exception as exc:  # a status line must never end the dev loop
        return f"Progress: unavailable ({type(exc).__name__})"


def pipeline_pairs(state: dict[str, Any]) -> dict[int, set[int]]:
    """The candidates in each open job's pipeline, from the simulator's state (a dev tool may read it)."""
    open_jobs = {int(job["opportunityId"]) for job in state["opportunities"] if job.get("state") == "open"}
    pairs: dict[int, set[int]] = {}
    for placement in state["placements"]:
        job_id = int(placement["opportunityId"])
        if job_id in open_jobs:
            pairs.setdefault(job_id, set()).add(int(placement["resourceId"]))
    return pairs


class CallRate:
    """Tracker calls in the last minute (so far, during the first one), from the simulator's running request
    count. Counted, not extrapolated: the shared budget lets a burst through at the start of each minute."""

    def __init__(self, window_seconds: float = 60.0) -> None:
        self._window = window_seconds
        self._samples: collections.deque[tuple[float, int]] = collections.deque()

    def add(self, at: float, total: int) -> int:
        """Record the count at `at` (monotonic seconds); the calls made in the minute before it."""
        self._samples.append((at, total))
        # Keep the newest sample at least a minute old as the base.
        while len(self._samples) > 1 and at - self._samples[1][0] >= self._window:
            self._samples.popleft()
        return total - self._samples[0][1]


def progress_line(scored: int, pairs: int, depths: dict[str, Any], calls_last_minute: int) -> str:
    """`Progress: scored 57/312 | ScoreQueue 84 waiting, 19 in flight | ... | Tracker 88 calls/min`."""
    parts = [f"Progress: scored {scored}/{pairs}"]
    dead = 0
    for logical_id, depth in depths.items():
        if "DeadLetter" in logical_id:
            dead += depth.total
        else:
            parts.append(f"{logical_id} {depth.visible} waiting, {depth.in_flight} in flight")
    parts.append(f"dead letters {dead}")
    parts.append(f"Tracker {calls_last_minute} calls/min")
    return " | ".join(parts)


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
    """Prints `Shortlist for JOB-2001 <title>: <url>` once, for the first job whose top-10 is in: every pipeline
    entry scored (or ten of them, for a longer pipeline), and makes the progress line. Uses the simulator's control
    API for the pipelines and its request count (a dev tool may)."""

    def __init__(self, stack: LocalStack, sim: SimHandle) -> None:
        from skima.bootstrap import admin  # noqa: PLC0415 (boto3 only once the stack runs)
        from skima.shortlist.links import ShareLinks  # noqa: PLC0415

        dynamodb = stack.resources.client("dynamodb")  # the moto server's: this process's environment has no endpoint
        self._scores = admin.score_store(stack.resources.tables["ScoresTable"], dynamodb)
        self._links = ShareLinks(
            admin.link_store(stack.resources.tables["LinksTable"], dynamodb), stack.function_url(SHORTLIST_FUNCTION)
        )
        self._sim = sim
        self._calls = CallRate()
        self._calls.add(time.monotonic(), 0)  # the simulator started moments ago, with no call counted
        self.url: str | None = None
        self._queues = list(stack.resources.queues)
        self._stack = stack

    def check(self, state: dict[str, Any] | None = None) -> str | None:
        """`Shortlist for JOB-2001 <title>: <url>` the first time a job is ready (its link created then), else
        None."""
        if self.url is not None:
            return None
        state = state if state is not None else self.sim_state()
        pipeline = pipeline_pairs(state)
        for job in state["opportunities"]:
            job_id = int(job["opportunityId"])
            if job_id not in pipeline:
                continue
            top = self._scores.top10(job_id)
            if top and len(self._scores.candidates_of(job_id)) >= min(TOP_N, len(pipeline[job_id])):
                title = " ".join(str(job.get("name") or "").split())
                self.url = self._links.create(job_id, title).url
                reference = str(job.get("reference") or f"JOB-{job_id}")
                return f"Shortlist for {reference} {title}: {self.url}".replace("  ", " ")
        return None

    def sim_state(self) -> dict[str, Any]:
        return self._sim.state()

    def progress(self, state: dict[str, Any]) -> str:
        pipeline = pipeline_pairs(state)
        scored = sum(len(self._scores.candidates_of(job_id) & candidates) for job_id, candidates in pipeline.items())
        depths = {logical_id: self._stack.queue_depth(logical_id) for logical_id in self._queues}
        rate = self._calls.add(time.monotonic(), int(self._sim.stats()["total"]))
        return progress_line(scored, sum(len(c) for c in pipeline.values()), depths, rate)


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
    log_path = args.log_file or LOG_DIR / f"dev-{datetime.now(UTC):%Y%m%d-%H%M%S}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = LogSink(sys.stderr if args.verbose else None, log_path)
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
        _say(f"Function logs: {log_path}" + ("" if args.verbose else " (--verbose also prints them here)"))

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
        # A terminal's progress line is refreshed every tick; a pipe gets one line every --status-every seconds.
        status_every = _TICK_SECONDS if _console.live else args.status_every
        next_status = time.monotonic() + status_every
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
            status_due = time.monotonic() >= next_status
            if status_due:
                next_status = time.monotonic() + status_every
            if announcer is None or (announcer.url is not None and not status_due):
                if status_due:
                    _console.progress(_status_or_reason(lambda: _queue_status(stack)))
                continue
            try:
                state = announcer.sim_state()
                shortlist = announcer.check(state)
            except Exception as exc:  # the announcement must never end the dev loop; try next tick
                log.write("local.dev", f"shortlist check failed: {type(exc).__name__}: {exc}")
                continue
            if shortlist:
                _say(shortlist)
            if status_due:
                _console.progress(_status_or_reason(functools.partial(announcer.progress, state)))
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
        log.close()
        _say("Stopped.")


if __name__ == "__main__":
    sys.exit(main())
