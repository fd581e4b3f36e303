"""The HTML view, clean shutdown, and the standalone command."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import httpx
import pytest

from local.trackerrms_sim.testing import running_simulator

from .conftest import START, Api


def test_html_pages_render_and_escape(fresh_sim, fresh_api):
    fresh_sim.ui_save_resource(1001, tagText="<script>alert(1)</script>, SKIMA Screened")
    fresh_api.widget(
        "createActivity",
        {
            "activity": {
                "subject": "SKIMA Match Score: 91 <b>",
                "note": "a & b",
                "linkRecordType": "R",
                "linkRecordId": 1001,
            }
        },
    )
    fresh_api.widget(
        "createActivity",
        {"activity": {"subject": "Newest note", "note": "later", "linkRecordType": "R", "linkRecordId": 1001}},
    )
    with httpx.Client(base_url=fresh_sim.base_url) as client:
        index = client.get("/")
        assert index.status_code == 200 and "text/html" in index.headers["Content-Type"]
        assert "Senior Python Backend Engineer" in index.text
        candidate = client.get("/candidates/1001").text
        assert "<script>alert(1)</script>" not in candidate
        assert "&lt;script&gt;" in candidate and "SKIMA Screened" in candidate
        assert "SKIMA Match Score: 91 &lt;b&gt;" in candidate and "a &amp; b" in candidate
        assert candidate.index("Newest note") < candidate.index("SKIMA Match Score: 91")  # newest first
        job = client.get("/jobs/2001").text
        assert "Pipeline" in job and "Requirements" in job
        listing = client.get("/candidates", params={"q": "skima"}).text
        assert "/candidates/1001" in listing
        assert client.get("/jobs/1").status_code == 404
        assert client.get("/nothing-here").status_code == 404
        docs = fresh_api.get("/api/v1/Resource/1001/Documents").json()
        if docs:
            assert client.get(f"/candidates/1001/documents/{docs[0]['documentId']}").status_code == 200
        assert "<a" in client.get("/candidates").text


def test_html_and_control_routes_are_not_counted_or_faulted(fresh_sim):
    fresh_sim.set_fault("http_error", status=500)
    with httpx.Client(base_url=fresh_sim.base_url) as client:
        assert client.get("/").status_code == 200
    assert fresh_sim.stats()["total"] == 0


def test_shutdown_joins_all_threads_even_with_stalled_and_idle_connections():
    before = set(threading.enumerate())
    with running_simulator(shapes="guessed", candidates=10, start_time=START) as sim:
        client = Api(sim)  # keep-alive connection left open
        sim.set_fault("timeout", seconds=60)
        with pytest.raises(httpx.ReadTimeout):
            client.http.get("/api/v1/Resource/1001", headers=client.auth, timeout=0.2)
        assert client.http.get("/_sim/stats").status_code == 200  # a fresh keep-alive on the control API
    leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert leaked == []
    client.close()


def test_unknown_option_is_rejected():
    with pytest.raises(TypeError, match="unknown simulator options"), running_simulator(colour="blue"):
        pass


def test_standalone_command_prints_its_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "local.trackerrms_sim", "--port", str(port), "--candidates", "10", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}" in line
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            token = client.post("/api/Auth/ExchangeToken", json={"bearerToken": "sim-api-token"})
            assert token.status_code == 200
            config = client.get("/_sim/config").json()
            assert config["rate_limit_per_minute"] == 100  # on by default when run standalone
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_html_auto_refresh_option(sim):
    with httpx.Client(base_url=sim.base_url) as client:
        assert "http-equiv='refresh' content='7'" in client.get("/candidates/1001", params={"refresh": "7"}).text
        assert "http-equiv" not in client.get("/candidates/1001").text
