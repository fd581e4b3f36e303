"""How long a hiring manager's vote takes to reach Tracker while `make dev` has a scoring backlog.

Each run starts a fresh dev loop (`python -m local.dev --no-build` on free ports, from the BUILT artifacts), waits
for its `Shortlist for JOB-...: <url>` line (the first poll's scoring of the seeded pipelines is then still going
on, spending the shared Tracker budget), puts `--backlog` extra scoring hints on the ScoreQueue (application
hints, `RecordChanged(OpportunityResource)` for the open jobs' pipeline entries, cycled: what a recruiter's bulk
pipeline edit pings), waits until the loop has run `--vote-after` seconds (default 90: the scorers have then
spent their share of a full sliding minute, the case where a vote could wait or meet Tracker's 429s), loads the
shortlist page over HTTP, posts the first card's vote form with the page's nonce (as a browser does:
form-encoded, same-origin), and times from the POST until the `HM Feedback` note is in the simulator's state.
Per run it prints the score queue's depth (visible + in flight + delayed) just before the POST, the Tracker calls
in the minute before it, the latency, and the 429s the simulator served (during the vote, and since the loop
started). The run's function and simulator logs are kept in `--log-dir`.

    export PYTHONPATH=$PWD/shared:$PWD
    .venv/bin/python -m local.measure_vote_latency [--runs 5] [--backlog 100] [--vote-after 90]
        [--build-dir .aws-sam/build] [--log-dir .dev/latency]

Needs `sam build` first (as `make dev`). A run takes about `--vote-after` plus 30 s.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import boto3
import httpx

from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.resources import FAKE_CREDENTIALS
from local.lambda_runtime.template import PseudoParameters
from local.trackerrms_sim.testing import SimHandle

SIM_API_TOKEN = "local-sim-api-token"  # what local.dev gives its simulator
HM_SUBJECT = "HM Feedback"
_SHORTLIST = re.compile(r"^Shortlist for JOB-\d+ .*: (http://127\.0\.0\.1:\d+/s/\S+)$")
_NONCE = re.compile(r'name="nonce" value="([^"]+)"')
_CANDIDATE = re.compile(r'name="candidate" value="(\d+)"')


@dataclass(frozen=True)
class RunResult:
    backlog_at_vote: int
    latency_seconds: float
    throttled_during_vote: int
    throttled_in_run: int
    tracker_calls_during_vote: int
    tracker_calls_minute_before_vote: int
    seconds_into_run: float
    log_file: Path


class DevLoop:
    """`python -m local.dev` as a child process, its printed lines collected."""

    def __init__(self, build_dir: Path, log_file: Path) -> None:
        command = [
            sys.executable, "-m", "local.dev", "--no-build", "--build-dir", str(build_dir),
            "--sim-port", "0", "--api-port", "0", "--url-port", "0", "--status-every", "10",
            "--log-file", str(log_file),
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": f"{REPO_ROOT / 'shared'}{os.pathsep}{REPO_ROOT}"}
        self.process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self._lines: queue.Queue[str] = queue.Queue()
        self.printed: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))

    def wait_for(self, prefix: str, timeout: float) -> str:
        """The rest of the first printed line starting with `prefix`."""
        deadline = time.monotonic() + timeout
        while True:
            while not self._lines.empty():
                self.printed.append(self._lines.get())
            found = next((line[len(prefix) :] for line in self.printed if line.startswith(prefix)), None)
            if found is not None:
                return found
            if self.process.poll() is not None:
                raise RuntimeError(f"local.dev exited ({self.process.returncode}): {self.printed[-10:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {prefix!r} line within {timeout:.0f} s: {self.printed[-10:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # Ctrl-C: local.dev stops its stack and simulator
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_until[T](probe: Callable[[], T | None], timeout: float, what: str, interval: float = 0.1) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def queue_backlog(sqs: Any, queue_url: str, sim: SimHandle, count: int) -> None:
    """`count` application hints for the open jobs' pipeline entries (cycled) on the score queue."""
    from skima.adapters.sqs import SqsMessageQueue  # noqa: PLC0415 (the dev loop's PYTHONPATH: this worktree)
    from skima.models import RecordChanged, RecordType  # noqa: PLC0415

    state = sim.state()
    open_jobs = {job["opportunityId"] for job in state["opportunities"] if job.get("state") == "open"}
    placements = sorted(int(p["opportunityResourceId"]) for p in state["placements"] if p["opportunityId"] in open_jobs)
    if not placements:
        raise RuntimeError("the simulator has no pipeline entries on open jobs")
    hints = [
        RecordChanged(
            source="webhook", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placements[n % len(placements)]
        )
        for n in range(count)
    ]
    SqsMessageQueue(sqs, queue_url).send_batch(hints)


def depth(sqs: Any, queue_url: str) -> int:
    names = [
        "ApproximateNumberOfMessages",
        "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed",
    ]
    attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=names)["Attributes"]
    return sum(int(attributes.get(name, 0)) for name in names)


def hm_notes(sim: SimHandle) -> list[dict[str, Any]]:
    return [a for a in sim.records("activity") if str(a.get("subject") or "").startswith(HM_SUBJECT)]


def throttled(sim: SimHandle) -> tuple[int, int]:
    """(429s served so far, Tracker API requests so far)."""
    stats = sim.stats()
    return int(stats["statuses"].get("429", 0)), int(stats["total"])


def vote(http: httpx.Client, shortlist_url: str) -> int:
    """Loads the page and posts its first card's form (a thumbs-up); returns the candidate voted on."""
    page = http.get(shortlist_url)
    page.raise_for_status()
    nonce, candidate = _NONCE.search(page.text), _CANDIDATE.search(page.text)
    if nonce is None or candidate is None:
        raise RuntimeError("the shortlist page has no vote form")
    parts = urlsplit(shortlist_url)
    answer = http.post(
        f"{shortlist_url}/feedback",
        data={"nonce": nonce[1], "candidate": candidate[1], "verdict": "up", "comment": "Latency probe"},
        headers={"Origin": f"{parts.scheme}://{parts.netloc}", "Sec-Fetch-Site": "same-origin"},
    )
    if answer.status_code != 303:
        raise RuntimeError(f"the vote was not accepted: {answer.status_code} {answer.text[:200]}")
    return int(candidate[1])


def calls_in_last_minute_at(sim: SimHandle, until: float) -> int:
    """Samples the simulator's request count once a second until `until` (monotonic); the calls in the last
    minute of that (or since the first sample, when shorter)."""
    samples: list[tuple[float, int]] = []
    while True:
        now = time.monotonic()
        samples.append((now, throttled(sim)[1]))
        if now >= until:
            break
        time.sleep(min(1.0, until - now))
    base = next((count for at, count in samples if at >= samples[-1][0] - 60), samples[0][1])
    return samples[-1][1] - base


def one_run(build_dir: Path, log_file: Path, backlog: int, vote_after: float, note_timeout: float) -> RunResult:
    loop = DevLoop(build_dir, log_file)
    loop_started = time.monotonic()
    try:
        sim = SimHandle(loop.wait_for("Tracker simulator: ", 120), SIM_API_TOKEN)
        moto_url = loop.wait_for("AWS (moto): ", 10)
        score_queue = loop.wait_for("Queue ScoreQueue: ", 10)
        shortlist_url = _SHORTLIST.match("Shortlist for " + loop.wait_for("Shortlist for ", 300))
        if shortlist_url is None:
            raise RuntimeError(f"unexpected shortlist line: {loop.printed[-1]}")
        sqs = boto3.client("sqs", endpoint_url=moto_url, region_name=PseudoParameters().region, **FAKE_CREDENTIALS)  # type: ignore[call-overload]
        queue_backlog(sqs, score_queue, sim, backlog)
        calls_minute_before = calls_in_last_minute_at(sim, loop_started + vote_after)
        with httpx.Client(timeout=30, trust_env=False, follow_redirects=False) as http:
            before = len(hm_notes(sim))
            backlog_at_vote = depth(sqs, score_queue)
            throttled_before, calls_before = throttled(sim)
            started = time.monotonic()
            seconds_into_run = started - loop_started
            candidate = vote(http, shortlist_url[1])
            wait_until(
                lambda: True if len(hm_notes(sim)) > before else None,
                timeout=note_timeout,
                what=f"the HM Feedback note on candidate {candidate}",
            )
            latency = time.monotonic() - started
        throttled_after, calls_after = throttled(sim)
        sim.close()
        return RunResult(
            backlog_at_vote=backlog_at_vote,
            latency_seconds=latency,
            throttled_during_vote=throttled_after - throttled_before,
            throttled_in_run=throttled_after,
            tracker_calls_during_vote=calls_after - calls_before,
            tracker_calls_minute_before_vote=calls_minute_before,
            seconds_into_run=seconds_into_run,
            log_file=log_file,
        )
    finally:
        loop.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.measure_vote_latency", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh dev loops, one vote each")
    parser.add_argument("--backlog", type=int, default=100, help="extra scoring hints queued before the vote")
    parser.add_argument(
        "--vote-after",
        type=float,
        default=90.0,
        help="vote once the dev loop has run this many seconds (or at once when the shortlist comes later)",
    )
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / ".aws-sam" / "build")
    parser.add_argument("--log-dir", type=Path, default=REPO_ROOT / ".dev" / "latency")
    parser.add_argument("--note-timeout", type=float, default=180.0, help="seconds to wait for the note")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.backlog < 0:
        parser.error("--runs must be >= 1 and --backlog >= 0")
    args.log_dir.mkdir(parents=True, exist_ok=True)
    results: list[RunResult] = []
    for run in range(1, args.runs + 1):
        log_file = args.log_dir / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{run}.log"
        result = one_run(args.build_dir, log_file, args.backlog, args.vote_after, args.note_timeout)
        results.append(result)
        print(
            f"run {run}: vote at {result.seconds_into_run:.0f} s | backlog at vote {result.backlog_at_vote} | "
            f"Tracker calls in the minute before {result.tracker_calls_minute_before_vote} | "
            f"vote -> note {result.latency_seconds:.2f} s | "
            f"429s during the vote {result.throttled_during_vote} (in the run {result.throttled_in_run}) | "
            f"Tracker calls during the vote {result.tracker_calls_during_vote} | log {result.log_file}",
            flush=True,
        )
    latencies = [r.latency_seconds for r in results]
    print(
        json.dumps(
            {
                "latencies_s": [round(x, 2) for x in latencies],
                "median_s": round(statistics.median(latencies), 2),
                "max_s": round(max(latencies), 2),
                "backlog_at_vote": [r.backlog_at_vote for r in results],
                "calls_minute_before_vote": [r.tracker_calls_minute_before_vote for r in results],
                "throttled_during_vote": [r.throttled_during_vote for r in results],
                "throttled_in_run": [r.throttled_in_run for r in results],
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
