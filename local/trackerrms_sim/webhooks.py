"""Outbound "record changed" pings (§6), delivered from one background thread, with drop/duplicate/delay faults."""

from __future__ import annotations

import heapq
import itertools
import json
import threading
import time
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import httpx

from .core import WEBHOOK_TYPES, SimConfig
from .faults import Faults

SHAPES = ("default", "id_type", "nested", "query")


def ping_body(shape: str, record_type: str, action: str, record_id: int) -> dict[str, Any]:
    if shape == "id_type":
        return {"Id": record_id, "Type": record_type}
    if shape == "nested":
        return {"data": {"id": record_id, "type": record_type, "event": action}}
    if shape == "query":
        return {}
    return {"recordType": record_type, "action": action, "recordId": record_id}


def _with_query(url: str, extra: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = parts.query + ("&" if parts.query else "") + urlencode(extra)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


class Webhooks:
    def __init__(self, config: SimConfig, faults: Faults) -> None:
        self.config = config
        self.faults = faults
        self._initial_token = config.webhook_token
        self._initial_retries = config.webhook_retries
        self._initial_record_types = list(config.webhook_record_types)
        self.log: list[dict[str, Any]] = []
        self._queue: list[tuple[float, int, dict[str, Any]]] = []
        self._seq = itertools.count(1)
        self._cond = threading.Condition()
        self._stop = False
        self._client = httpx.Client(timeout=config.webhook_timeout, trust_env=False)
        self._thread = threading.Thread(target=self._run, name="sim-webhooks", daemon=True)
        self._thread.start()

    def configure(
        self,
        url: str | None,
        body_shape: str = "default",
        token: str | None = None,
        retries: int | None = None,
        record_types: list[str] | None = None,
    ) -> None:
        """Replace the whole webhook registration; what is not given goes back to its start-up value."""
        if body_shape not in SHAPES:
            raise ValueError(f"body_shape must be one of {SHAPES}")
        with self._cond:
            self.config.webhook_url = url
            self.config.webhook_shape = body_shape
            self.config.webhook_token = self._initial_token if token is None else token
            self.config.webhook_retries = self._initial_retries if retries is None else int(retries)
            self.config.webhook_record_types = list(
                self._initial_record_types if record_types is None else record_types
            )

    def on_save(self, kind: str, action: str, record_id: int) -> None:
        """Store listener: called after every save of a record."""
        record_type = WEBHOOK_TYPES.get(kind)
        if record_type is None or not self.config.webhook_url:
            return
        if record_type not in self.config.webhook_record_types:
            return
        body = ping_body(self.config.webhook_shape, record_type, action, record_id)
        query = {"token": self.config.webhook_token}
        if self.config.webhook_shape == "query":
            query["id"] = str(record_id)
        entry: dict[str, Any] = {
            "seq": next(self._seq),
            "recordType": record_type,
            "action": action,
            "recordId": record_id,
            "url": _with_query(self.config.webhook_url, query),
            "body": body,
            "status": None,
            "attempts": 0,
            "dropped": False,
            "duplicate": False,
            "delivered": False,
            "error": None,
        }
        delay = 0.0
        for fault in self.faults.fire({"webhook_delay"}, record_type=record_type):
            delay = max(delay, float(fault.params.get("seconds", 1.0)))
        dropped = bool(self.faults.fire({"webhook_drop"}, record_type=record_type))
        duplicated = bool(self.faults.fire({"webhook_duplicate"}, record_type=record_type))
        with self._cond:
            self.log.append(entry)
            if dropped:
                entry["dropped"] = True
            else:
                heapq.heappush(self._queue, (time.monotonic() + delay, entry["seq"], entry))
            if duplicated and not dropped:
                twin = dict(entry, seq=next(self._seq), duplicate=True)
                self.log.append(twin)
                heapq.heappush(self._queue, (time.monotonic() + delay + 0.01, twin["seq"], twin))
            self._cond.notify()

    def deliveries(self) -> list[dict[str, Any]]:
        with self._cond:
            return [dict(e) for e in self.log]

    def pending(self) -> int:
        with self._cond:
            return len(self._queue)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stop and (not self._queue or self._queue[0][0] > time.monotonic()):
                    timeout = None if not self._queue else max(0.0, self._queue[0][0] - time.monotonic())
                    self._cond.wait(timeout=timeout if timeout is not None else 0.5)
                if self._stop:
                    return
                _, _, entry = heapq.heappop(self._queue)
            self._deliver(entry)

    def _deliver(self, entry: dict[str, Any]) -> None:
        status: int | None = None
        error: str | None = None
        try:
            response = self._client.post(
                entry["url"],
                content=json.dumps(entry["body"]).encode(),
                headers={"Content-Type": "application/json", "User-Agent": "TrackerRMS-Webhook/1.0 (simulator)"},
            )
            status = response.status_code
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        with self._cond:  # update the log entry in one step so readers never see a half-finished attempt
            entry["attempts"] += 1
            entry["status"] = status
            entry["error"] = error
            entry["delivered"] = status is not None and 200 <= status < 300
            if not entry["delivered"] and entry["attempts"] <= self.config.webhook_retries and not self._stop:
                due = time.monotonic() + self.config.webhook_retry_delay * entry["attempts"]
                heapq.heappush(self._queue, (due, entry["seq"], entry))
                self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._thread.join(timeout=2)
        self._client.close()
