"""Fakes for unit tests of the Tracker client's logic: a fake clock and an in-process fake Tracker.

The fake Tracker is an ``httpx.MockTransport`` handler, so no socket is opened. Contract tests against the real
simulator over HTTP live in tests/integration/tracker_contract.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

API_TOKEN = "api-token-SECRET-123456"
CANDIDATE_EMAIL = "jane.selby@example.org"
CANDIDATE_NAME = "Zebulon"


class FakeTime:
    """One fake timeline for monotonic and wall clocks; ``sleep`` advances it and records the waits."""

    def __init__(self, start_wall: float = 1_800_000_000.0) -> None:
        self.now = 1000.0
        self.wall_offset = start_wall - self.now
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def wall(self) -> float:
        with self._lock:
            return self.now + self.wall_offset

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeTrackerApi:
    """Tracker's web API in one process (what the HTTP client talks to, unlike `tests.fakes.FakeTracker`, the
    port fake): one JWT valid at a time, resources with tags, activities, placements, settings.

    ``interceptors`` run first (in order); one returning a response (or raising) short-circuits the request.
    An interceptor that returns ``"commit-then-raise"`` lets the write happen and then raises a read timeout.
    """

    time: FakeTime
    api_token: str = API_TOKEN
    jwt_counter: int = 0
    valid_jwt: str | None = None
    resources: dict[int, dict[str, Any]] = field(default_factory=dict)
    activities: list[dict[str, Any]] = field(default_factory=list)
    activity_rows_carry_note: bool = True  # False: getRecords A rows without the note (getIndividualRecord A has it)
    placement_status: dict[int, int] = field(default_factory=dict)
    applications: set[tuple[int, int]] = field(default_factory=set)
    interceptors: list[Callable[[httpx.Request], Any]] = field(default_factory=list)
    requests: list[tuple[str, str, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.resources[7] = {
            "resourceId": 7,
            "firstName": CANDIDATE_NAME,
            "surname": "Selby",
            "email": CANDIDATE_EMAIL,
            "contactDetails": {"email": CANDIDATE_EMAIL},
            "tagText": "VIP, Java",
        }

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.requests]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        with self.lock:
            self.requests.append((request.method, path, self.time.monotonic()))
        commit_then_raise = False
        for interceptor in list(self.interceptors):
            outcome = interceptor(request)
            if outcome == "commit-then-raise":
                commit_then_raise = True
            elif outcome is not None:
                return outcome  # type: ignore[no-any-return]
        response = self._route(request)
        if commit_then_raise:
            raise httpx.ReadTimeout("lost", request=request)
        return response

    # -------------------------------------------------------------- routes
    def _route(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        body = json.loads(request.content) if request.content else None
        if path == "/api/Auth/ExchangeToken":
            if not body or body.get("bearerToken") != self.api_token:
                return httpx.Response(401)
            with self.lock:
                self.jwt_counter += 1
                self.valid_jwt = f"jwt-{self.jwt_counter}-SECRETJWT"
                token = self.valid_jwt
            return httpx.Response(200, json={"token": token, "expiration": "2030-01-01T00:00:00"})
        auth = request.headers.get("Authorization", "")
        if auth != f"Bearer {self.valid_jwt}":
            return httpx.Response(401)
        if path.startswith("/api/v1/Resource/") and request.method == "GET":
            rid = int(path.rsplit("/", 1)[1])
            if rid not in self.resources:
                return httpx.Response(404, json={"title": "Not Found", "status": 404})
            return httpx.Response(200, json=self.resources[rid])
        if path.startswith("/api/widget/"):
            op = path.rsplit("/", 1)[1]
            payload = body["trackerrms"][op]
            return getattr(self, f"_widget_{op}")(payload)
        return httpx.Response(404)

    def _widget_createActivity(self, payload: dict[str, Any]) -> httpx.Response:
        activity = payload["activity"]
        with self.lock:
            activity_id = 500 + len(self.activities)
            self.activities.append({"activityid": activity_id, **activity})
        return httpx.Response(
            200, json={"status": 0, "message": "created", "recordId": activity_id, "recordName": activity["subject"]}
        )

    def _widget_getRecords(self, payload: dict[str, Any]) -> httpx.Response:
        ins = payload["instructions"]
        assert ins["recordtype"] == "A"
        rows = [
            {
                "id": a["activityid"],
                "name": a["subject"],
                "details": {
                    "activityid": a["activityid"],
                    "subject": a["subject"],
                    **({"note": a["note"]} if self.activity_rows_carry_note else {}),
                    "resourceid": a["linkRecordId"] if a["linkRecordType"] == "R" else None,
                },
            }
            for a in reversed(self.activities)
        ]
        search = str(ins.get("searchtext") or "").lower()  # Tracker's search text filters on the record's name
        rows = [row for row in rows if search in str(row["name"]).lower()]
        size, page = ins["numrecords"], ins["pagenum"]
        return httpx.Response(200, json={"status": 0, "results": rows[page * size : (page + 1) * size]})

    def _widget_updateRecord(self, payload: dict[str, Any]) -> httpx.Response:
        ins = payload["instructions"]
        update = payload["updates"][0]
        if ins["recordtype"] == "R":
            if ins["recordid"] not in self.resources:
                return httpx.Response(200, json={"status": 99, "message": "Invalid request"})
            self.resources[ins["recordid"]]["tagText"] = update["value"]
        else:
            self.placement_status[ins["recordid"]] = int(update["value"])
        return httpx.Response(200, json={"status": 0, "message": "success"})

    def _widget_resourceApplication(self, payload: dict[str, Any]) -> httpx.Response:
        ins = payload["instructions"]
        pair = (int(ins["opportunityid"]), int(ins["resourceid"]))
        if pair in self.applications:
            return httpx.Response(200, json={"status": 3, "message": "exists"})
        self.applications.add(pair)
        return httpx.Response(200, json={"status": 0, "message": "created", "recordId": 900})

    def _widget_getIndividualRecord(self, payload: dict[str, Any]) -> httpx.Response:
        rid = payload["instructions"]["recordid"]
        if payload["instructions"]["recordtype"] == "A":
            found = [a for a in self.activities if a["activityid"] == rid]
            rows = [{"id": a["activityid"], "subject": a["subject"], "note": a["note"]} for a in found]
            return httpx.Response(200, json={"status": 0, "count": len(rows), "results": rows})
        if rid != 3111:
            return httpx.Response(200, json={"status": 0, "count": 0, "results": []})
        return httpx.Response(
            200,
            json={
                "status": 0,
                "count": 1,
                "results": [
                    {
                        "id": 3111,
                        "name": "Private Secretary",
                        "description": "Private Secretary",
                        "Placements": [{"PlacementId": 3000, "CandidateId": 188, "CandidateName": "Tasmin Brown"}],
                    }
                ],
            },
        )

    def _widget_checkLogon(self, payload: dict[str, Any]) -> httpx.Response:
        return httpx.Response(200, json={"status": 0, "message": "success"})

    def _widget_getSettingsData(self, payload: dict[str, Any]) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "status": 0,
                "placementStatuses": [{"Id": 4, "Name": "Skima"}],
                "taskTypes": [{"Id": 1, "Name": "Email"}],
            },
        )


def respond(
    status: int, *, times: int = 1, path: str | None = None, headers: dict[str, str] | None = None, body: Any = None
) -> Callable[[httpx.Request], httpx.Response | None]:
    """An interceptor answering ``status`` for the first ``times`` matching requests."""
    left = [times]

    def interceptor(request: httpx.Request) -> httpx.Response | None:
        if path is not None and path not in request.url.path:
            return None
        if left[0] <= 0:
            return None
        left[0] -= 1
        return httpx.Response(status, headers=headers, json=body)

    return interceptor


def raise_error(
    error: type[httpx.TransportError], *, times: int = 1, path: str | None = None
) -> Callable[[httpx.Request], None]:
    left = [times]

    def interceptor(request: httpx.Request) -> None:
        if (path is None or path in request.url.path) and left[0] > 0:
            left[0] -= 1
            raise error("injected", request=request)

    return interceptor


def lose_response(*, times: int = 1, path: str) -> Callable[[httpx.Request], str | None]:
    left = [times]

    def interceptor(request: httpx.Request) -> str | None:
        if path in request.url.path and left[0] > 0:
            left[0] -= 1
            return "commit-then-raise"
        return None

    return interceptor
