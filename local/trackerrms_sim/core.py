"""Simulator state: configuration, clock, auth, and the record store (with history for search-index lag)."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import itertools
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from . import seed as seedmod
from .documents import content_type_for, render_cover_letter, render_resume

KINDS = ("resource", "opportunity", "placement", "activity")
WEBHOOK_TYPES = {"resource": "Resource", "opportunity": "Opportunity", "placement": "OpportunityResource"}


@dataclass
class SimConfig:
    seed: int = 7
    api_token: str = "sim-api-token"
    candidates: int = 300
    webhook_url: str | None = None
    webhook_token: str = "sim-webhook-token"
    webhook_shape: str = "default"
    webhook_retries: int = 0
    webhook_retry_delay: float = 0.2
    webhook_timeout: float = 2.0
    webhook_record_types: list[str] = field(default_factory=lambda: ["Resource", "Opportunity", "OpportunityResource"])
    single_jwt: bool = True
    jwt_ttl_seconds: int = 7 * 24 * 3600
    rate_limit_per_minute: int | None = None
    patch_status: int | None = None
    start_time: datetime | None = None
    history_depth: int = 50
    unverified_routes: bool = False  # PATCH OpportunityResource/{id}, POST Activity: guesses, off by default
    # "evidenced" (default): the shapes of the 2026-12 evidence (§12); "guessed": the earlier guesses.
    shapes: str = "evidenced"
    # Tracker's stamps are naive tenant-local times (zone unknown, §12): minutes ahead of UTC. None: -300 (US
    # Eastern, a tenant a 3-hour lookback misses) with evidenced shapes, 0 (UTC) with guessed ones.
    tenant_utc_offset_minutes: int | None = None
    # The widget API's own OAuth2 (§2.2): POST /oAuth2/Token grant_type=refresh_token with this refresh token.
    oauth_refresh_token: str = "sim-refresh-token"
    oauth_client_id: str = "EvoApi_1.0"
    oauth_token_ttl_seconds: int = 3600

    @classmethod
    def from_options(cls, **options: Any) -> SimConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(options) - known
        if unknown:
            raise TypeError(f"unknown simulator options: {sorted(unknown)}; known: {sorted(known)}")
        config = cls(**options)
        if config.shapes not in SHAPE_MODES:
            raise TypeError(f"shapes must be one of {SHAPE_MODES}")
        return config

    @property
    def evidenced(self) -> bool:
        return self.shapes == "evidenced"

    @property
    def utc_offset(self) -> timedelta:
        minutes = self.tenant_utc_offset_minutes
        if minutes is None:
            minutes = -300 if self.evidenced else 0
        return timedelta(minutes=minutes)


SHAPE_MODES = ("evidenced", "guessed")


class Clock:
    """Real time plus an offset tests can advance (so tests never sleep for expiry, lag or rate windows).

    ``now()`` is Tracker's wall clock: the tenant's local time, naive, ``utc_offset`` ahead of UTC (every stamp
    and every time filter uses it); ``utc_now()`` is the same instant in UTC (for HTTP dates and JWT expiry).
    """

    def __init__(self, start: datetime | None, utc_offset: timedelta = timedelta(0)) -> None:
        base = start if start is not None else datetime.now(UTC).replace(tzinfo=None)
        if base.tzinfo is not None:
            base = base.astimezone(UTC).replace(tzinfo=None)
        self.utc_offset = utc_offset
        self._base = base + utc_offset
        self._t0 = time.monotonic()
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._base + timedelta(seconds=time.monotonic() - self._t0 + self._offset)

    def utc_now(self) -> datetime:
        return self.now() - self.utc_offset

    def now_seconds(self) -> datetime:
        return self.now().replace(microsecond=0)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += seconds


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Auth:
    """API token -> JWT exchange with the one-valid-JWT-per-token rule (§2.1)."""

    def __init__(self, config: SimConfig, clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self.api_tokens = {config.api_token}
        self._jwts: dict[str, tuple[str, datetime]] = {}
        self._oauth: dict[str, datetime] = {}
        self._serial = itertools.count(1)
        self._secret = hashlib.sha256(f"sim-secret-{config.seed}".encode()).digest()
        self._lock = threading.Lock()

    def exchange(self, bearer: str) -> tuple[str, datetime] | None:
        with self._lock:
            if bearer not in self.api_tokens:
                return None
            now = self.clock.now_seconds()
            exp = now + timedelta(seconds=self.config.jwt_ttl_seconds)
            header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
            payload = _b64(
                json.dumps(
                    {
                        "sub": "api-user",
                        "jti": next(self._serial),
                        "iat": int(now.replace(tzinfo=UTC).timestamp()),
                        "exp": int(exp.replace(tzinfo=UTC).timestamp()),
                    }
                ).encode()
            )
            signature = _b64(hmac.new(self._secret, f"{header}.{payload}".encode(), hashlib.sha256).digest())
            token = f"{header}.{payload}.{signature}"
            if self.config.single_jwt:
                for old in [j for j, (t, _) in self._jwts.items() if t == bearer]:
                    del self._jwts[old]
            self._jwts[token] = (bearer, exp)
            return token, exp

    def check(self, jwt: str) -> str | None:
        """The API token behind a valid, unexpired JWT, else None."""
        with self._lock:
            entry = self._jwts.get(jwt)
            if entry is None:
                return None
            api_token, exp = entry
            if self.clock.now() >= exp or api_token not in self.api_tokens:
                return None
            return api_token

    def oauth_token(self, refresh_token: str, client_id: str) -> tuple[str, int] | None:
        """The widget's own bearer for a valid refresh token (§2.2): (access token, lifetime seconds)."""
        with self._lock:
            if refresh_token != self.config.oauth_refresh_token or client_id != self.config.oauth_client_id:
                return None
            token = str(
                uuid.UUID(bytes=hashlib.sha256(f"oauth-{next(self._serial)}-{self.config.seed}".encode()).digest()[:16])
            )
            ttl = self.config.oauth_token_ttl_seconds
            self._oauth[token] = self.clock.now() + timedelta(seconds=ttl)
            return token, ttl

    def check_oauth(self, token: str) -> bool:
        with self._lock:
            expires = self._oauth.get(token)
            return expires is not None and self.clock.now() < expires

    def invalidate_all(self) -> int:
        with self._lock:
            n = len(self._jwts) + len(self._oauth)
            self._jwts.clear()
            self._oauth.clear()
            return n

    def rotate(self, new_token: str) -> None:
        with self._lock:
            self.api_tokens = {new_token}
            self._jwts.clear()
            self.config.api_token = new_token


class NotFound(Exception):
    pass


Listener = Callable[[str, str, int], None]  # (kind, action, id)


class Store:
    """All records, guarded by one lock. Every save records a version so searches can see a lagged snapshot."""

    def __init__(self, config: SimConfig, clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self.lock = threading.RLock()
        data = seedmod.generate(config.seed, config.candidates, clock.now())
        self.seed_data = data
        self.records: dict[str, dict[int, dict[str, Any]]] = {
            "resource": data.resources,
            "opportunity": data.opportunities,
            "placement": data.placements,
            "activity": data.activities,
        }
        self.documents = data.documents
        self.resumes = data.resumes
        self.skills = data.skills
        self.skill_areas = data.skill_areas
        self._doc_bytes: dict[int, bytes] = {}
        self._next_ids = {
            kind: max(recs, default=start - 1) + 1
            for kind, recs, start in (
                ("resource", data.resources, seedmod.RESOURCE_ID_START),
                ("opportunity", data.opportunities, seedmod.OPPORTUNITY_ID_START),
                ("placement", data.placements, seedmod.PLACEMENT_ID_START),
                ("activity", data.activities, seedmod.ACTIVITY_ID_START),
            )
        }
        self._next_doc = max(self.documents, default=seedmod.DOCUMENT_ID_START - 1) + 1
        # history: (kind, id) -> [(saved_at, snapshot or None if deleted)]; seed records were saved at their
        # own lastUpdatedDateTime.
        self.history: dict[tuple[str, int], list[tuple[datetime, dict[str, Any] | None]]] = {}
        for kind, recs in self.records.items():
            for rid, rec in recs.items():
                self.history[(kind, rid)] = [(datetime.fromisoformat(rec["lastUpdatedDateTime"]), copy.deepcopy(rec))]
        self.listeners: list[Listener] = []

    # --- reads -------------------------------------------------------------------------------------------
    def get(self, kind: str, rid: int) -> dict[str, Any]:
        with self.lock:
            rec = self.records[kind].get(rid)
            if rec is None:
                raise NotFound(f"{kind} {rid}")
            return copy.deepcopy(rec)

    def find(self, kind: str, rid: int) -> dict[str, Any] | None:
        with self.lock:
            rec = self.records[kind].get(rid)
            return copy.deepcopy(rec) if rec is not None else None

    def all(self, kind: str, lag_seconds: float = 0.0) -> list[dict[str, Any]]:
        """Records sorted by id; with a lag, as they were `lag_seconds` ago (the search index view)."""
        with self.lock:
            if lag_seconds <= 0:
                return [copy.deepcopy(self.records[kind][k]) for k in sorted(self.records[kind])]
            cutoff = self.clock.now() - timedelta(seconds=lag_seconds)
            out = []
            for (k, _rid), versions in self.history.items():
                if k != kind:
                    continue
                visible = [snap for saved_at, snap in versions if saved_at <= cutoff]
                if visible and visible[-1] is not None:
                    out.append(copy.deepcopy(visible[-1]))
            out.sort(key=lambda r: _id_of(kind, r))
            return out

    # --- writes ------------------------------------------------------------------------------------------
    def new_id(self, kind: str) -> int:
        with self.lock:
            nid = self._next_ids[kind]
            self._next_ids[kind] = nid + 1
            return nid

    def save(self, kind: str, rid: int, record: dict[str, Any], action: str = "Updated") -> dict[str, Any]:
        """Store the record, bump lastUpdatedDateTime, record a version, notify listeners (webhooks)."""
        with self.lock:
            now = self.clock.now()
            record["lastUpdatedDateTime"] = seedmod.ts(now)
            if kind == "opportunity" and record.get("publishOnline"):
                record["publishDate"] = seedmod.ts(now)  # "Tracker bumps publishDate when a live record is saved"
            self.records[kind][rid] = record
            versions = self.history.setdefault((kind, rid), [])
            versions.append((now, copy.deepcopy(record)))
            del versions[: -self.config.history_depth]
            snapshot = copy.deepcopy(record)
        for listener in self.listeners:
            listener(kind, action, rid)
        return snapshot

    def update(self, kind: str, rid: int, changes: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        with self.lock:
            rec = self.records[kind].get(rid)
            if rec is None:
                raise NotFound(f"{kind} {rid}")
            rec = copy.deepcopy(rec)
            changes(rec)
            return self.save(kind, rid, rec)

    def delete(self, kind: str, rid: int) -> None:
        with self.lock:
            if self.records[kind].pop(rid, None) is None:
                raise NotFound(f"{kind} {rid}")
            self.history.setdefault((kind, rid), []).append((self.clock.now(), None))
        for listener in self.listeners:
            listener(kind, "Deleted", rid)

    # --- documents ---------------------------------------------------------------------------------------
    def documents_for(self, resource_id: int) -> list[dict[str, Any]]:
        with self.lock:
            return [copy.deepcopy(d) for d in self.documents.values() if d["resourceId"] == resource_id]

    def add_document(self, resource_id: int, filename: str, document_type: str, primary: bool, data: bytes) -> int:
        with self.lock:
            doc_id = self._next_doc
            self._next_doc += 1
            if primary:
                for d in self.documents.values():
                    if d["resourceId"] == resource_id:
                        d["isPrimary"] = False
            self.documents[doc_id] = {
                "documentId": doc_id,
                "resourceId": resource_id,
                "filename": filename,
                "documentType": document_type,
                "isPrimary": primary,
                "dateCreated": seedmod.ts(self.clock.now()),
                "_source": "upload",
            }
            self._doc_bytes[doc_id] = data
            return doc_id

    def document_bytes(self, doc_id: int) -> tuple[dict[str, Any], bytes]:
        """Metadata and bytes; seeded resumes are rendered on first download and cached."""
        with self.lock:
            meta = self.documents.get(doc_id)
            if meta is None:
                raise NotFound(f"document {doc_id}")
            meta = copy.deepcopy(meta)
            cached = self._doc_bytes.get(doc_id)
        if cached is None:
            resume = self.resumes[meta["resourceId"]]
            if meta["_source"] == "cover":
                cached = render_cover_letter(resume)
            else:
                cached = render_resume(
                    resume, meta["filename"].rsplit(".", 1)[-1], datetime.fromisoformat(meta["dateCreated"])
                )
            with self.lock:
                self._doc_bytes.setdefault(doc_id, cached)
        return meta, cached

    def document_public(self, meta: dict[str, Any]) -> dict[str, Any]:
        size = len(self._doc_bytes[meta["documentId"]]) if meta["documentId"] in self._doc_bytes else None
        return {
            "documentId": meta["documentId"],
            "filename": meta["filename"],
            "documentType": meta["documentType"],
            "isPrimary": meta["isPrimary"],
            "dateCreated": meta["dateCreated"],
            "fileSize": size,
            "contentType": content_type_for(meta["filename"]),
        }


def _id_of(kind: str, record: dict[str, Any]) -> int:
    key = {
        "resource": "resourceId",
        "opportunity": "opportunityId",
        "placement": "opportunityResourceId",
        "activity": "activityId",
    }[kind]
    return int(record[key])


def public(record: dict[str, Any]) -> dict[str, Any]:
    """Strip the simulator's private keys (seed ground truth) from a record."""
    return {k: v for k, v in record.items() if not k.startswith("_")}
