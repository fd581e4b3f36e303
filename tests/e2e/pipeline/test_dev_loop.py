"""`make dev` (`python -m local.dev`) on the complete build shows a newcomer the product: the seeded pipelines are
scored by themselves (notes with scores and reasons, the tag) and a shortlist link is printed that opens; Ctrl-C
stops everything cleanly."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from local.lambda_runtime.build import REPO_ROOT
from local.trackerrms_sim.testing import SimHandle
from tests.e2e.pipeline.support import SCREENED_TAG, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _pump(process: subprocess.Popen[str], into: queue.Queue[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        into.put(line.rstrip("\n"))


def test_make_dev_scores_the_seeded_pipelines_and_prints_a_working_shortlist_link(build_dir: Path) -> None:
    command = [
        sys.executable, "-m", "local.dev", "--no-build", "--build-dir", str(build_dir), "--seconds", "170",
        "--sim-port", "0", "--api-port", "0", "--url-port", "0", "--candidates", "40", "--status-every", "10",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_pump, args=(process, lines), daemon=True).start()
    printed: list[str] = []

    def printed_line(prefix: str) -> str:
        while not lines.empty():
            printed.append(lines.get())
        assert process.poll() is None or any(line.startswith(prefix) for line in printed), printed
        return next((line[len(prefix) :] for line in printed if line.startswith(prefix)), "")

    try:
        sim_url = wait_until(lambda: printed_line("Tracker simulator: "), timeout=60, what="the simulator URL")
        shortlist_url = wait_until(lambda: printed_line("Shortlist: "), timeout=150, what="the shortlist link")

        sim = SimHandle(sim_url, "local-sim-api-token")
        state = sim.state()
        notes = [a for a in state["activities"] if str(a["subject"]).startswith("SKIMA Match Score")]
        assert notes and all("\nSKIMA Reasons:\n- " in str(note["note"]) for note in notes)
        tagged = any(SCREENED_TAG in (tags or "") for tags in state["tags"].values())
        assert tagged == (sim.shapes == "guessed")  # evidenced reads carry no tags: none is written blind
        page = httpx.get(f"{sim_url}/candidates/{notes[0]['linkRecordId']}", timeout=10)
        assert "SKIMA Match Score" in page.text  # what the recruiter sees
        assert (SCREENED_TAG in page.text) == tagged
        shortlist = httpx.get(shortlist_url, timeout=10)
        assert shortlist.status_code == 200
        assert '<ol class="cards"' in shortlist.text and shortlist.text.count('<li class="card"') >= 3
        sim.close()

        process.send_signal(signal.SIGINT)  # Ctrl-C
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    while not lines.empty():
        printed.append(lines.get())
    assert printed[-1] == "Stopped.", printed
