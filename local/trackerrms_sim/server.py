"""The simulator: routing, auth, rate limit, faults, stats, the control API, and the stdlib HTTP server."""

from __future__ import annotations

import base64
import contextlib
import email.utils
import json
import random
import re
import socket
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from . import html_view, rest, widget
from .core import KINDS, SHAPE_MODES, Auth, Clock, NotFound, SimConfig, Store, public
from .faults import Fault, FaultError, Faults
from .seed import STATUS_BY_ID, ts
from .webhooks import SHAPES, Webhooks
from .wire import BadJson, DropConnection, Request, Response, json_response, problem, unauthorized

Handler = Callable[["Simulator", Request], Response]


class Route:
    def __init__(self, method: str, template: str, handler: Handler, write: bool, unverified: bool = False) -> None:
        self.method = method
        self.template = template
        self.handler = handler
        self.write = write
        self.unverified = unverified  # not evidenced anywhere; only served with `unverified_routes=True`
        pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
        self.regex = re.compile(f"^{pattern}$", re.IGNORECASE)  # ASP.NET routes are case-insensitive


ROUTES: list[Route] = [
    Route("GET", "/api/v1/Resource/{id}", rest.get_resource, False),
    Route("PATCH", "/api/v1/Resource/{id}", rest.patch_resource, True),
    Route("POST", "/api/v1/Resource/Search", rest.search_resources, False),
    Route("POST", "/api/v1/Resource", rest.create_resource, True),
    Route("GET", "/api/v1/Resource/{id}/Documents", rest.list_documents, False),
    Route("GET", "/api/v1/Resource/{id}/Documents/{docId}/Download", rest.download_document, False),
    Route("GET", "/api/v1/Resource/{id}/Document/{docId}", rest.get_document, False),
    Route("GET", "/api/v1/Opportunity/{id}", rest.get_opportunity, False),
    Route("POST", "/api/v1/Opportunity/Search", rest.search_opportunities, False),
    Route("POST", "/api/v1/Opportunity/PagedSearch", rest.paged_search_opportunities, False),
    Route("POST", "/api/v1/OpportunityResource/Search", rest.search_placements, False),
    Route("GET", "/api/v1/OpportunityResource/{id}", rest.get_placement, False),
    Route("GET", "/api/v1/MetaData/Skills/Areas/{areaId}/Skills", rest.area_skills, False),
    Route("PATCH", "/api/v1/OpportunityResource/{id}", rest.patch_placement, True, unverified=True),
    Route("POST", "/api/v1/Activity", rest.create_activity, True, unverified=True),
]
API_PREFIXES = ("/api/v1/", "/api/widget/", "/api/auth/", "/oauth2/")


class RateLimiter:
    """A real sliding-window limit per API token, on the simulator clock."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str, limit: int) -> int | None:
        """None if allowed (and counted), else seconds until a slot frees up."""
        now = self.clock.now().timestamp()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - 60:
                hits.popleft()
            if len(hits) >= limit:
                return max(1, int(hits[0] + 60 - now + 0.999))
            hits.append(now)
            return None

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


class Simulator:
    def __init__(self, config: SimConfig) -> None:
        self.config = config
        self.clock = Clock(config.start_time, config.utc_offset)
        self.store = Store(config, self.clock)
        self.auth = Auth(config, self.clock)
        self.faults = Faults(config.seed)
        self.webhooks = Webhooks(config, self.faults)
        self.store.listeners.append(self.webhooks.on_save)
        self.limiter = RateLimiter(self.clock)
        self.stop_event = threading.Event()
        self._rng = random.Random(config.seed ^ 0x5EED)
        self._rng_lock = threading.Lock()
        self._stats_lock = threading.Lock()
        self.reset_stats()

    # --- helpers used by the route modules -------------------------------------------------------------
    def now_ts(self) -> str:
        return ts(self.clock.now())

    def choose_patch_status(self) -> int:
        with self._rng_lock:
            return self._rng.choice((200, 204))

    def search_lag(self, req: Request) -> float:
        fault = self.faults.active("search_lag", path=req.path, method=req.method)
        return float(fault.params.get("seconds", 60)) if fault else 0.0

    def unstable_page(self, rows: list[Any], page: int, fault: Fault) -> list[Any]:
        """Overlapping, shifting, sometimes repeated pages (§5.1 'overlapping/non-monotonic')."""
        overlap = int(fault.params.get("overlap", 3))
        repeat = float(fault.params.get("repeat_probability", 0.2))
        with self._rng_lock:
            if page > 1 and self._rng.random() < repeat:
                page -= 1
            shift = self._rng.randint(0, overlap) if page > 1 else 0
        start = max(0, (page - 1) * rest.PAGE_SIZE - shift)
        return rows[start : start + rest.PAGE_SIZE]

    def create_placement(self, opportunity_id: int, resource_id: int, status_id: int, source: str = "") -> int:
        pid = self.store.new_id("placement")
        now = self.now_ts()
        self.store.save(
            "placement",
            pid,
            {
                "opportunityResourceId": pid,
                "opportunityId": opportunity_id,
                "resourceId": resource_id,
                "statusId": status_id,
                "dateAssigned": now,
                "startDate": None,
                "endDate": None,
                "payRate": 0.0,
                "chargeRate": 0.0,
                "activeRecord": "y",
                "source": source,
                "lastUpdatedDateTime": now,
            },
            action="Created",
        )
        return pid

    # --- stats -----------------------------------------------------------------------------------------
    def reset_stats(self) -> None:
        with self._stats_lock:
            self._requests: Counter[str] = Counter()
            self._statuses: Counter[str] = Counter()
            self._reads = 0
            self._writes = 0
        self.faults.fired.clear()

    def _count(self, key: str, write: bool) -> None:
        with self._stats_lock:
            self._requests[key] += 1
            if write:
                self._writes += 1
            else:
                self._reads += 1

    def _count_status(self, status: int | str) -> None:
        with self._stats_lock:
            self._statuses[str(status)] += 1

    def stats(self) -> dict[str, Any]:
        with self._stats_lock:
            return {
                "requests": dict(self._requests),
                "reads": self._reads,
                "writes": self._writes,
                "total": self._reads + self._writes,
                "statuses": dict(self._statuses),
                "faults_fired": dict(self.faults.fired),
            }

    # --- dispatch --------------------------------------------------------------------------------------
    def dispatch(self, req: Request) -> Response:
        if req.path.startswith("/_sim/") or req.path == "/_sim":
            try:
                return self.control(req)
            except BadJson as exc:
                return json_response({"error": f"invalid JSON: {exc}"}, 400)
            except (FaultError, ValueError, TypeError, KeyError) as exc:
                return json_response({"error": str(exc)}, 400)
        if not req.path.lower().startswith(API_PREFIXES):
            return html_view.render(self, req)
        try:
            response = self._api(req)
        except DropConnection:
            self._count_status("dropped")
            raise
        self._count_status(response.status)
        return response

    def _match(self, req: Request) -> tuple[str, bool, Callable[[], Response]] | None:
        path = req.path
        if path.lower() == "/api/auth/exchangetoken" and req.method == "POST":
            return "POST /api/Auth/ExchangeToken", False, lambda: self.exchange(req)
        if path.lower() == "/oauth2/token" and req.method == "POST":
            return "POST /oAuth2/Token", False, lambda: self.oauth_token(req)
        m = re.match(r"^/api/widget/(\w+)$", path, re.IGNORECASE)
        if m and req.method == "POST":
            op = next((o for o in widget.OPERATIONS if o.lower() == m.group(1).lower()), None)
            if op is None:
                return None
            return f"POST /api/widget/{op}", widget.OPERATIONS[op][1], lambda: widget.handle(self, req, op)
        for route in ROUTES:
            if route.method == req.method and (self.config.unverified_routes or not route.unverified):
                rm = route.regex.match(path)
                if rm:
                    req.params = rm.groupdict()
                    return f"{route.method} {route.template}", route.write, lambda r=route: self._rest(r, req)
        return None

    def _rest(self, route: Route, req: Request) -> Response:
        bearer = req.bearer()
        if bearer is None or self.auth.check(bearer) is None:
            return unauthorized()
        try:
            return route.handler(self, req)
        except BadJson:
            return problem(400, "One or more validation errors occurred.", "The request body is not valid JSON.")

    def _rate_key(self, req: Request) -> str:
        bearer = req.bearer()
        if bearer:
            if self.auth.check_oauth(bearer):
                return self.config.api_token  # the same tenant's budget
            return self.auth.check(bearer) or f"jwt:{bearer[-16:]}"
        try:
            body = req.json()
        except BadJson:
            body = None
        if isinstance(body, dict):
            if isinstance(body.get("bearerToken"), str):
                return str(body["bearerToken"])
            envelope = body.get("trackerrms")
            if isinstance(envelope, dict):
                for inner in envelope.values():
                    creds = inner.get("credentials") if isinstance(inner, dict) else None
                    if isinstance(creds, dict) and creds.get("apikey"):
                        return str(creds["apikey"])
        return "anonymous"

    def _api(self, req: Request) -> Response:
        matched = self._match(req)
        if matched is None:
            self._count(f"{req.method} (unknown route)", False)
            return problem(404, "Not Found")
        key, write, call = matched
        self._count(key, write)
        limit = self.config.rate_limit_per_minute
        if limit:
            wait = self.limiter.check(self._rate_key(req), limit)
            if wait is not None:
                return json_response({"message": "Too many requests"}, 429, [("Retry-After", str(wait))])
        path, method = req.path, req.method
        for fault in self.faults.fire(
            {"drop_connection", "timeout", "delay", "http_error", "rate_limit", "unauthorized", "bad_body"},
            path=path,
            method=method,
        ):
            if fault.name == "drop_connection":
                raise DropConnection(0)
            if fault.name == "timeout":
                raise DropConnection(float(fault.params.get("seconds", 30)))
            if fault.name == "delay":
                self.stop_event.wait(float(fault.params.get("seconds", 1)))
                continue
            if fault.name == "http_error":
                status = int(fault.params.get("status", 500))
                return Response(
                    status,
                    str(fault.params.get("body", "")).encode()
                    or {
                        500: b"Internal Server Error",
                        502: b"Bad Gateway",
                        503: b"Service Unavailable",
                        504: b"Gateway Timeout",
                    }.get(status, b"Error"),
                    "text/plain",
                )
            if fault.name == "rate_limit":
                return self._fault_429(fault)
            if fault.name == "bad_body":  # "Non-JSON or empty body is possible on odd ids" (C3)
                return Response(200, str(fault.params.get("body", "")).encode(), "text/html; charset=utf-8")
            if fault.name == "unauthorized" and not path.lower().startswith("/api/auth/"):
                return unauthorized()
        response = call()
        if write and response.status < 400 and response.widget_status in (None, 0):
            for fault in self.faults.fire({"lost_response"}, path=path, method=method):
                stall = float(fault.params.get("seconds", 30)) if fault.params.get("mode") == "stall" else 0.0
                raise DropConnection(stall)
        return response

    def _fault_429(self, fault: Fault) -> Response:
        fmt = str(fault.params.get("retry_after_format", "seconds"))
        seconds = int(fault.params.get("retry_after", 2))
        headers: list[tuple[str, str]] = []
        if fmt == "seconds":
            headers.append(("Retry-After", str(seconds)))
        elif fmt == "http-date":
            when = self.clock.utc_now().replace(tzinfo=UTC).timestamp() + seconds
            headers.append(("Retry-After", email.utils.formatdate(when, usegmt=True)))
        return json_response({"message": "Too many requests"}, 429, headers)

    def exchange(self, req: Request) -> Response:
        try:
            body = req.json()
        except BadJson:
            return problem(400, "One or more validation errors occurred.", "The request body is not valid JSON.")
        bearer = body.get("bearerToken") if isinstance(body, dict) else None
        if not isinstance(bearer, str) or not bearer:
            return problem(400, "One or more validation errors occurred.", "bearerToken is required")
        issued = self.auth.exchange(bearer)
        if issued is None:
            return Response(401, b"", None)
        token, exp = issued
        return json_response({"token": token, "expiration": (exp - self.clock.utc_offset).isoformat() + "Z"})

    def oauth_token(self, req: Request) -> Response:
        """``POST /oAuth2/Token`` (form-urlencoded, §2.2): only grant_type=refresh_token is simulated."""
        form = {k: v[-1] for k, v in parse_qs(req.body.decode("utf-8", "replace")).items()}
        if form.get("grant_type") != "refresh_token":
            return json_response({"error": "unsupported_grant_type"}, 400)
        issued = self.auth.oauth_token(form.get("refresh_token", ""), form.get("client_id", ""))
        if issued is None:
            return json_response({"error": "invalid_grant"}, 400)
        token, ttl = issued
        return json_response(
            {"access_token": token, "token_type": "bearer", "expires_in": ttl, "refresh_token": form["refresh_token"]}
        )

    # --- control API (/_sim/...), not part of Tracker ------------------------------------------------------
    def control(self, req: Request) -> Response:
        path, method = req.path.rstrip("/"), req.method
        body = req.json() if method in ("POST", "PUT", "PATCH") else {}
        if not isinstance(body, dict):
            raise ValueError("body must be a JSON object")
        if path == "/_sim/faults":
            if method == "POST":
                name = str(body.pop("name", ""))
                if name == "invalidate_jwt":
                    return json_response({"id": None, "invalidated": self.auth.invalidate_all()})
                return json_response({"id": self.faults.add(name, body).id}, 201)
            if method == "DELETE":
                self.faults.clear()
                return json_response({"ok": True})
            return json_response(self.faults.describe())
        m = re.match(r"^/_sim/faults/(\w+)$", path)
        if m and method == "DELETE":
            return json_response({"removed": self.faults.remove(m.group(1))})
        if path == "/_sim/stats":
            if method == "DELETE":
                self.reset_stats()
                return json_response({"ok": True})
            return json_response(self.stats())
        if path == "/_sim/state":
            return json_response(self.state())
        if path == "/_sim/clock":
            if method == "POST":
                self.clock.advance(float(body.get("advance", 0)))
            return json_response({"now": ts(self.clock.now()), "utc": ts(self.clock.utc_now())})
        if path == "/_sim/auth/rotate" and method == "POST":
            self.auth.rotate(str(body["api_token"]))
            return json_response({"ok": True})
        if path == "/_sim/auth/invalidate" and method == "POST":
            return json_response({"invalidated": self.auth.invalidate_all()})
        if path == "/_sim/config":
            if method == "PATCH":
                for key, value in body.items():
                    if key not in (
                        "rate_limit_per_minute",
                        "single_jwt",
                        "patch_status",
                        "jwt_ttl_seconds",
                        "webhook_retries",
                        "webhook_retry_delay",
                        "shapes",
                    ):
                        raise ValueError(f"option {key} cannot be changed at run time")
                    if key == "shapes" and value not in SHAPE_MODES:
                        raise ValueError(f"shapes must be one of {SHAPE_MODES}")
                    setattr(self.config, key, value)
                if "rate_limit_per_minute" in body:
                    self.limiter.reset()
            return json_response({k: (str(v) if k == "start_time" else v) for k, v in vars(self.config).items()})
        if path == "/_sim/webhook":
            if method == "PUT":
                shape = str(body.get("body_shape", "default"))
                if shape not in SHAPES:
                    raise ValueError(f"body_shape must be one of {SHAPES}")
                self.webhooks.configure(
                    body.get("url"), shape, body.get("token"), body.get("retries"), body.get("record_types")
                )
            return json_response(
                {
                    "url": self.config.webhook_url,
                    "body_shape": self.config.webhook_shape,
                    "token": self.config.webhook_token,
                    "retries": self.config.webhook_retries,
                    "record_types": self.config.webhook_record_types,
                }
            )
        if path == "/_sim/webhook/deliveries":
            return json_response(self.webhooks.deliveries())
        m = re.match(r"^/_sim/records/(\w+)/(\d+)$", path)
        if m:
            kind = m.group(1)
            if kind not in KINDS:
                raise ValueError(f"kind must be one of {KINDS}")
            rec = self.store.find(kind, int(m.group(2)))
            return json_response(rec) if rec is not None else json_response({"error": "not found"}, 404)
        m = re.match(r"^/_sim/records/(\w+)$", path)
        if m and m.group(1) in KINDS:
            return json_response(self.store.all(m.group(1)))
        if path.startswith("/_sim/ui/"):
            return self.ui(path, method, body)
        return json_response({"error": f"no control route {method} {path}"}, 404)

    def state(self) -> dict[str, Any]:
        activities = sorted(self.store.all("activity"), key=lambda a: a["activityId"])
        placements = []
        for p in self.store.all("placement"):
            name, group = STATUS_BY_ID.get(p["statusId"], ("Unknown", ""))
            placements.append(dict(p, statusName=name, statusGroup=group))
        return {
            "now": ts(self.clock.now()),
            "activities": activities,
            "tags": {str(r["resourceId"]): r.get("tagText", "") for r in self.store.all("resource")},
            "opportunity_tags": {str(o["opportunityId"]): o.get("tagText", "") for o in self.store.all("opportunity")},
            "placements": placements,
            "opportunities": [
                {
                    "opportunityId": o["opportunityId"],
                    "name": o["name"],
                    "state": o["state"],
                    "publishOnline": o["publishOnline"],
                    "field": o.get("_field"),
                    "lastUpdatedDateTime": o["lastUpdatedDateTime"],
                }
                for o in self.store.all("opportunity")
            ],
            "resources": [
                {
                    "resourceId": r["resourceId"],
                    "name": r.get("displayAs"),
                    "field": r.get("_field"),
                    "quality": r.get("_quality"),
                    "lastUpdatedDateTime": r["lastUpdatedDateTime"],
                    "documents": len(self.store.documents_for(r["resourceId"])),
                }
                for r in self.store.all("resource")
            ],
        }

    def ui(self, path: str, method: str, body: dict[str, Any]) -> Response:
        """Recruiter actions in the Tracker UI: they save records (and so fire webhooks) without the API."""
        if method != "POST":
            raise ValueError("UI actions are POST")
        doc = re.match(r"^/_sim/ui/resources/(\d+)/documents$", path)
        if doc:
            return self._ui_attach_document(int(doc.group(1)), body)
        m = re.match(r"^/_sim/ui/(resources|opportunities|applications)(?:/(\d+))?(/delete)?$", path)
        if not m:
            return json_response({"error": f"no UI route {path}"}, 404)
        what, rid_text, delete = m.group(1), m.group(2), m.group(3)
        kind = {"resources": "resource", "opportunities": "opportunity", "applications": "placement"}[what]
        if delete and rid_text:
            self.store.delete(kind, int(rid_text))
            return json_response({"ok": True})
        if rid_text:
            rid = int(rid_text)
            try:
                if kind == "placement":
                    status_id = int(body["status_id"])
                    if status_id not in STATUS_BY_ID:
                        raise ValueError("unknown status_id")
                    saved = self.store.update(kind, rid, lambda r: r.update(statusId=status_id))
                else:
                    body.pop("resourceId", None)
                    body.pop("opportunityId", None)
                    saved = self.store.update(kind, rid, lambda r: r.update(body))
            except NotFound:
                return json_response({"error": "not found"}, 404)
            return json_response(public(saved))
        if kind == "placement":
            oid, resid = int(body["opportunity_id"]), int(body["resource_id"])
            if self.store.find("opportunity", oid) is None or self.store.find("resource", resid) is None:
                return json_response({"error": "not found"}, 404)
            status_id = int(body.get("status_id", 1))
            if status_id not in STATUS_BY_ID:
                raise ValueError("unknown status_id")
            return json_response({"id": self.create_placement(oid, resid, status_id)}, 201)
        if kind == "resource":
            return json_response({"id": self._ui_create_resource(body)}, 201)
        return json_response({"id": self._ui_create_opportunity(body)}, 201)

    def _ui_attach_document(self, resource_id: int, body: dict[str, Any]) -> Response:
        """A recruiter uploads a file to a candidate: stored as given, and the candidate is saved."""
        if self.store.find("resource", resource_id) is None:
            return json_response({"error": "not found"}, 404)
        if "data_base64" in body:
            data = base64.b64decode(str(body["data_base64"]))
        else:
            data = str(body.get("text", "")).encode("utf-8")
        filename = str(body.get("filename") or "CV.txt")
        doc_id = self.store.add_document(
            resource_id, filename, str(body.get("document_type", "resume")), bool(body.get("primary", True)), data
        )
        self.store.update("resource", resource_id, lambda rec: None)
        return json_response({"id": doc_id}, 201)

    def _ui_create_resource(self, body: dict[str, Any]) -> int:
        rid = self.store.new_id("resource")
        now = self.now_ts()
        resume_text = body.pop("resumeText", None)
        first, last = str(body.get("firstName", "New")), str(body.get("surname", "Candidate"))
        rec: dict[str, Any] = {
            "resourceId": rid,
            "firstName": first,
            "surname": last,
            "displayAs": f"{first} {last}",
            "jobTitle": "",
            "currentClient": None,
            "workTypes": [],
            "quickSkills": [],
            "contactDetails": {"email": body.get("email")},
            "email": body.get("email"),
            "source": "Manual",
            "resourceStatus": "Active",
            "availableForWork": True,
            "note": "",
            "tagText": "",
            "location": "",
            "employmentHistory": "",
            "educationSummary": "",
            "text": "",
            "dateCreated": now,
            "lastUpdatedDateTime": now,
            "_field": str(body.pop("field", "ui")),
            "_quality": "unknown",
        }
        rec.update({k: v for k, v in body.items() if k != "resourceId"})
        if resume_text:
            self.store.add_document(rid, f"{first}_{last}_CV.txt", "resume", True, str(resume_text).encode())
        self.store.save("resource", rid, rec, action="Created")
        return rid

    def _ui_create_opportunity(self, body: dict[str, Any]) -> int:
        oid = self.store.new_id("opportunity")
        now = self.now_ts()
        rec: dict[str, Any] = {
            "opportunityId": oid,
            "name": str(body.pop("name", "New Job")),
            "reference": f"JOB-{oid}",
            "clientId": 7999,
            "clientName": "Walk-in Client Ltd",
            "contactId": 7998,
            "contactName": "Pat Client",
            "department": "GENERAL",
            "workType": "Permanent",
            "location": "London",
            "locationCity": "London",
            "state": "open",
            "publishOnline": True,
            "advertStatus": "A",
            "salaryFrom": None,
            "salaryTo": None,
            "salaryPer": "Annum",
            "currencyCode": "GBP",
            "description": "",
            "ownerId": 21,
            "dateOpened": now,
            "creationDate": now,
            "publishDate": now,
            "lastUpdatedDateTime": now,
            "tagText": "",
            "note": "",
            "_field": str(body.pop("field", "ui")),
        }
        rec.update({k: v for k, v in body.items() if k != "opportunityId"})
        self.store.save("opportunity", oid, rec, action="Created")
        return oid

    def close(self) -> None:
        self.stop_event.set()
        self.webhooks.stop()


# --- HTTP server -----------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-IIS/10.0"  # [INF] Tracker runs on Azure/IIS; purely cosmetic
    sys_version = ""
    server: SimHTTPServer

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes; without this, Nagle + delayed ACK add ~40 ms a request
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _handle(self) -> None:
        sim = self.server.sim
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        path, _, query = self.path.partition("?")
        req = Request(self.command, path, query, {k.lower(): v for k, v in self.headers.items()}, body)
        try:
            response = sim.dispatch(req)
        except DropConnection as drop:
            if drop.stall_seconds:
                sim.stop_event.wait(drop.stall_seconds)
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        except Exception as exc:  # a bug in the simulator must not look like a dropped connection
            response = Response(500, f"simulator error: {type(exc).__name__}: {exc}".encode(), "text/plain")
        self.send_response(response.status)
        if response.content_type:
            self.send_header("Content-Type", response.content_type)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. its timeout)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = _handle


class SimHTTPServer(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], sim: Simulator, verbose: bool = False) -> None:
        self.sim = sim
        self.verbose = verbose
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if self.verbose:
            super().handle_error(request, client_address)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_all_connections(self) -> None:
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class RunningServer:
    """A simulator served on a background thread. `stop()` returns within about a second."""

    def __init__(self, config: SimConfig, host: str = "127.0.0.1", port: int = 0, verbose: bool = False) -> None:
        self.sim = Simulator(config)
        self.httpd = SimHTTPServer((host, port), self.sim, verbose=verbose)
        address = self.httpd.server_address
        self.host, self.port = str(address[0]), int(address[1])
        self._thread = threading.Thread(
            target=self.httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"trackerrms-sim-{self.port}",
            daemon=True,
        )

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> RunningServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.sim.stop_event.set()  # wakes stalled/delayed handlers
        self.httpd.shutdown()
        self.httpd.close_all_connections()  # wakes keep-alive handlers blocked on read
        self.httpd.server_close()  # joins handler threads
        self._thread.join(timeout=2)
        self.sim.close()


def serve_forever(config: SimConfig, host: str, port: int, verbose: bool = True) -> None:
    server = RunningServer(config, host, port, verbose=verbose)
    print(f"TrackerRMS simulator on {server.base_url}  (API token: {config.api_token})", flush=True)
    print(f"  HTML view: {server.base_url}/   control API: {server.base_url}/_sim/state", flush=True)
    server.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


def _json_dumps(data: Any) -> str:  # for html_view debug blocks
    return json.dumps(data, indent=2, default=str)
