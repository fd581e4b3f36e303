"""`make dev` (`python -m local.dev`) on the complete build shows a newcomer the product: the seeded pipelines are
scored by themselves (notes with scores and reasons, the tag) and a shortlist link is printed, naming its job, that
opens; the console stays quiet (function logs go to a file, whose path is printed; a progress line says how far
scoring is); Ctrl-C stops everything cleanly."""

from __future__ import annotations

import queue
import re
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


PROGRESS = re.compile(
    r"^Progress: scored (\d+)/(\d+) \| ScoreQueue \d+ waiting, \d+ in flight"
    r" \| FeedbackQueue \d+ waiting, \d+ in flight \| dead letters \d+ \| Tracker (\d+) calls/min$"
)
SHORTLIST = re.compile(r"^Shortlist for JOB-(\d+) (.+): (http://127\.0\.0\.1:\d+/s/\S+)$")


def test_make_dev_scores_the_seeded_pipelines_and_prints_a_working_shortlist_link(
    build_dir: Path, tmp_path: Path
) -> None:
    log_file = tmp_path / "functions.log"
    command = [
        sys.executable, "-m", "local.dev", "--no-build", "--build-dir", str(build_dir), "--seconds", "170",
        "--sim-port", "0", "--api-port", "0", "--url-port", "0", "--candidates", "40", "--status-every", "10",
        "--log-file", str(log_file),
    ]  # fmt: skip
    # stderr too: everything a newcomer would see in their terminal.
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
        announced = wait_until(lambda: printed_line("Shortlist for "), timeout=150, what="the shortlist link")
        shortlist = SHORTLIST.match("Shortlist for " + announced)
        assert shortlist is not None, announced
        job_id, job_title, shortlist_url = int(shortlist[1]), shortlist[2], shortlist[3]

        sim = SimHandle(sim_url, "local-sim-api-token")
        state = sim.state()
        (job,) = [job for job in state["opportunities"] if int(job["opportunityId"]) == job_id]
        assert job_title == job["name"] and job_title in httpx.get(shortlist_url, timeout=10).text
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
    # Quiet: no function log line on the console, only what a person reads (the old console had ~1,900 lines of
    # JSON in 10 minutes); the logs are in the file the console names.
    assert f"Function logs: {log_file} (--verbose also prints them here)" in printed
    assert not [line for line in printed if line.startswith(("{", "[")) or '"level"' in line], printed
    assert len(printed) <= 40, printed
    logged = log_file.read_text()
    assert "[ScorerFunction]" in logged and '"message scored"' in logged
    progress = [match for line in printed if (match := PROGRESS.match(line))]
    assert len(progress) >= 2, printed  # one every --status-every 10 s until the link is out
    scored = [int(match[1]) for match in progress]
    assert scored == sorted(scored) and scored[-1] > 0 and all(int(match[2]) >= scored[-1] for match in progress)
    assert max(int(match[3]) for match in progress) > 0
