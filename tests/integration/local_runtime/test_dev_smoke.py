"""`python -m local.dev --seconds 20`: comes up, prints its URLs, a simulator save lands on the queue, exits 0."""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import boto3
import httpx

from local.lambda_runtime.build import REPO_ROOT
from local.trackerrms_sim.testing import SimHandle
from skima.models import QueueMessage, RecordChanged, RecordType


def _read_lines(process: subprocess.Popen[str], into: queue.Queue[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        into.put(line.rstrip("\n"))


def _refused(url: str) -> bool:
    try:
        httpx.get(url, timeout=2)
    except httpx.TransportError:
        return True
    return False


def test_dev_loop_smoke(built_app: Any, wait_until: Callable[..., Any], tmp_path: Path) -> None:
    scorer_runs = (built_app.build_dir / "ScorerFunction").is_dir()
    log_file = tmp_path / "dev.log"
    command = [
        sys.executable, "-m", "local.dev", "--no-build", "--build-dir", str(built_app.build_dir), "--seconds", "20",
        "--sim-port", "0", "--api-port", "0", "--url-port", "0", "--candidates", "30", "--status-every", "5",
        "--log-file", str(log_file),
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read_lines, args=(process, lines), daemon=True).start()
    printed: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while "Ready. Ctrl-C stops everything." not in printed:
            assert time.monotonic() < deadline, f"dev loop not ready: {printed}"
            try:
                printed.append(lines.get(timeout=1))
            except queue.Empty:
                assert process.poll() is None, f"dev loop exited early: {printed}"
        found = {key: value for line in printed if (match := re.match(r"^([\w ()]+): (\S+)", line))
                 for key, value in [match.groups()]}  # fmt: skip
        sim_url, webhook, moto_url = found["Tracker simulator"], found["Webhook"], found["AWS (moto)"]
        queue_url = found["Queue ScoreQueue"]
        assert webhook.endswith("/webhook/tracker?token=<redacted>")  # the token itself is never printed
        assert found["Shortlist base URL"].startswith("http://127.0.0.1:")

        sim = SimHandle(sim_url, "local-sim-api-token")
        resource_id = sim.ui_create_resource(firstName="Ada", surname="Lovelace")
        sim.ui_save_resource(resource_id, jobTitle="Analytical Engineer")
        sqs = boto3.client("sqs", endpoint_url=moto_url, region_name="us-east-1")

        def record_ids_on_queue() -> set[int]:
            messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
            found_ids = set()
            for message in messages.get("Messages", []):
                body = QueueMessage.model_validate_json(message["Body"]).root
                assert isinstance(body, RecordChanged) and body.source == "webhook"
                if body.record_type is RecordType.RESOURCE:
                    found_ids.add(body.record_id)
            return found_ids

        if not scorer_runs:  # else the scorer takes the messages (the access log below still proves the ping)
            assert resource_id in wait_until(record_ids_on_queue, timeout=15)
        sim.close()
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    while not lines.empty():
        printed.append(lines.get())
    assert printed[-1] == "Stopped.", printed
    assert any(line.startswith("Queues: ") for line in printed)
    # Nothing it started is left behind.
    assert _refused(sim_url) and _refused(moto_url) and _refused(webhook.split("/webhook")[0])
    assert json.dumps(printed).count("<redacted>") == 1
    access = [line for line in log_file.read_text().splitlines() if line.startswith("[WebhookApi]")]
    assert any('"POST /webhook/tracker" 202' in line for line in access), access
    assert all("token" not in line for line in access)  # the access log never carries the query string


def test_sigterm_stops_the_dev_loop_cleanly(built_app: Any) -> None:
    command = [
        sys.executable, "-m", "local.dev", "--no-build", "--build-dir", str(built_app.build_dir),
        "--sim-port", "0", "--api-port", "0", "--url-port", "0", "--candidates", "10",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read_lines, args=(process, lines), daemon=True).start()
    printed: list[str] = []
    try:
        while "Ready. Ctrl-C stops everything." not in printed:
            printed.append(lines.get(timeout=60))
        moto_url = next(line.split(": ", 1)[1] for line in printed if line.startswith("AWS (moto): "))
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert _refused(moto_url)
