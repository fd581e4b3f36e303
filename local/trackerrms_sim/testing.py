"""Test fixture: run the simulator on 127.0.0.1 in a background thread and control it over HTTP.

with running_simulator(seed=7) as sim:
    httpx.post(f"{sim.base_url}/api/Auth/ExchangeToken", json={"bearerToken": sim.api_token})
    sim.set_fault("http_error", status=503, count=1)
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from .core import SimConfig
from .server import RunningServer


class SimHandle:
    """Thin wrappers over the `/_sim/...` control API (see README.md)."""

    def __init__(self, base_url: str, api_token: str, server: RunningServer | None = None) -> None:
        self.base_url = base_url
        self.api_token = api_token
        self.server = server  # in-process access for tests that need it; prefer the HTTP control API
        self._http = httpx.Client(base_url=base_url, timeout=10.0, trust_env=False)

    # --- plumbing ---------------------------------------------------------------------------------------
    def _call(self, method: str, path: str, json: Any = None) -> Any:
        response = self._http.request(method, path, json=json)
        if response.status_code >= 400:
            raise RuntimeError(f"simulator control {method} {path} -> {response.status_code}: {response.text}")
        return response.json()

    def close(self) -> None:
        self._http.close()

    # --- faults -----------------------------------------------------------------------------------------
    def set_fault(self, name: str, **params: Any) -> str | None:
        """Add a fault (see README "Faults"); returns its id. `invalidate_jwt` acts at once and returns None."""
        fault_id = self._call("POST", "/_sim/faults", {"name": name, **params}).get("id")
        return None if fault_id is None else str(fault_id)

    def remove_fault(self, fault_id: str) -> None:
        self._call("DELETE", f"/_sim/faults/{fault_id}")

    def clear_faults(self) -> None:
        self._call("DELETE", "/_sim/faults")

    def faults(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/_sim/faults"))

    # --- observation ------------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        return dict(self._call("GET", "/_sim/stats"))

    def reset_stats(self) -> None:
        self._call("DELETE", "/_sim/stats")

    def state(self) -> dict[str, Any]:
        return dict(self._call("GET", "/_sim/state"))

    def record(self, kind: str, record_id: int) -> dict[str, Any]:
        """Live record incl. private seed keys (`_field`, `_quality`); kind: resource|opportunity|placement|activity."""
        return dict(self._call("GET", f"/_sim/records/{kind}/{record_id}"))

    def records(self, kind: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/_sim/records/{kind}"))

    # --- recruiter actions in the "Tracker UI" (fire webhooks like any save) -----------------------------
    def ui_save_resource(self, resource_id: int, **changes: Any) -> dict[str, Any]:
        return dict(self._call("POST", f"/_sim/ui/resources/{resource_id}", changes))

    def ui_create_resource(self, **fields: Any) -> int:
        return int(self._call("POST", "/_sim/ui/resources", fields)["id"])

    def ui_attach_document(
        self,
        resource_id: int,
        filename: str,
        *,
        text: str | None = None,
        data: bytes | None = None,
        primary: bool = True,
        document_type: str = "resume",
    ) -> int:
        """Upload a file to a candidate as a recruiter would (saves the candidate, so it pings)."""
        body: dict[str, Any] = {"filename": filename, "primary": primary, "document_type": document_type}
        if data is not None:
            body["data_base64"] = base64.b64encode(data).decode()
        else:
            body["text"] = text or ""
        return int(self._call("POST", f"/_sim/ui/resources/{resource_id}/documents", body)["id"])

    def ui_save_opportunity(self, opportunity_id: int, **changes: Any) -> dict[str, Any]:
        return dict(self._call("POST", f"/_sim/ui/opportunities/{opportunity_id}", changes))

    def ui_create_opportunity(self, **fields: Any) -> int:
        return int(self._call("POST", "/_sim/ui/opportunities", fields)["id"])

    def ui_create_application(self, opportunity_id: int, resource_id: int, status_id: int = 1) -> int:
        body = {"opportunity_id": opportunity_id, "resource_id": resource_id, "status_id": status_id}
        return int(self._call("POST", "/_sim/ui/applications", body)["id"])

    def ui_update_application(self, application_id: int, status_id: int) -> dict[str, Any]:
        return dict(self._call("POST", f"/_sim/ui/applications/{application_id}", {"status_id": status_id}))

    def ui_delete(self, kind: str, record_id: int) -> None:
        """kind: resources | opportunities | applications."""
        self._call("POST", f"/_sim/ui/{kind}/{record_id}/delete", {})

    # --- webhooks ---------------------------------------------------------------------------------------
    def set_webhook(
        self,
        url: str | None,
        body_shape: str = "default",
        token: str | None = None,
        retries: int | None = None,
        record_types: list[str] | None = None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"url": url, "body_shape": body_shape}
        if token is not None:
            body["token"] = token
        if retries is not None:
            body["retries"] = retries
        if record_types is not None:
            body["record_types"] = record_types
        return dict(self._call("PUT", "/_sim/webhook", body))

    def delivered_webhooks(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/_sim/webhook/deliveries"))

    def wait_for_webhooks(self, n: int, timeout: float = 5.0, *, settled: bool = True) -> list[dict[str, Any]]:
        """Wait until at least n log entries exist and (if settled) none is still waiting for a first attempt."""
        deadline = time.monotonic() + timeout
        while True:
            log = self.delivered_webhooks()
            done = [e for e in log if e["dropped"] or e["attempts"] > 0]
            if len(log) >= n and (not settled or len(done) == len(log)):
                return log
            if time.monotonic() > deadline:
                raise TimeoutError(f"expected {n} webhook log entries, have {len(log)}: {log}")
            time.sleep(0.02)

    # --- clock, auth, config ----------------------------------------------------------------------------
    def advance_clock(self, seconds: float) -> str:
        return str(self._call("POST", "/_sim/clock", {"advance": seconds})["now"])

    def now(self) -> str:
        return str(self._call("GET", "/_sim/clock")["now"])

    def invalidate_jwts(self) -> int:
        return int(self._call("POST", "/_sim/auth/invalidate", {})["invalidated"])

    def rotate_api_token(self, new_token: str) -> None:
        self._call("POST", "/_sim/auth/rotate", {"api_token": new_token})
        self.api_token = new_token

    def configure(self, **options: Any) -> dict[str, Any]:
        return dict(self._call("PATCH", "/_sim/config", options))

    @property
    def shapes(self) -> str:
        """ "evidenced" (the default) or "guessed" (changeable with ``configure(shapes=...)``)."""
        return str(self._call("GET", "/_sim/config")["shapes"])

    @property
    def oauth_refresh_token(self) -> str:
        """The refresh token ``POST /oAuth2/Token`` accepts (the widget API's own OAuth2)."""
        return str(self._call("GET", "/_sim/config")["oauth_refresh_token"])

    def utc_now(self) -> str:
        """The simulator's clock in UTC (``now()`` is Tracker's tenant-local wall clock, as its stamps are)."""
        return str(self._call("GET", "/_sim/clock")["utc"])


@contextmanager
def running_simulator(
    *,
    seed: int = 7,
    api_token: str = "sim-api-token",
    candidates: int = 300,
    webhook_url: str | None = None,
    **options: Any,
) -> Iterator[SimHandle]:
    """Start a simulator on 127.0.0.1:<free port>; stop it (threads joined) on exit."""
    config = SimConfig.from_options(
        seed=seed, api_token=api_token, candidates=candidates, webhook_url=webhook_url, **options
    )
    server = RunningServer(config).start()
    handle = SimHandle(server.base_url, api_token, server)
    try:
        yield handle
    finally:
        handle.close()
        server.stop()


class WebhookReceiver:
    """A tiny HTTP endpoint on 127.0.0.1 that records what it receives (for webhook tests)."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.received: list[dict[str, Any]] = []
        self.statuses = list(statuses or [])  # consumed one per request; 200 once empty
        self._lock = threading.Lock()
        receiver = self

        class _Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver._lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    receiver.received.append(
                        {"path": self.path, "headers": dict(self.headers.items()), "body": body, "status": status}
                    )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/tracker/webhook"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.received)

    def wait_for(self, n: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.requests()) < n:
            if time.monotonic() > deadline:
                raise TimeoutError(f"expected {n} webhook requests, got {len(self.requests())}")
            time.sleep(0.02)
        return self.requests()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=2)


@contextmanager
def webhook_receiver(statuses: list[int] | None = None) -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver(statuses)
    try:
        yield receiver
    finally:
        receiver.close()
