"""Request/response types shared by the route modules, and small JSON helpers."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs


class DropConnection(Exception):
    """Close the connection without any response, optionally after stalling."""

    def __init__(self, stall_seconds: float = 0.0) -> None:
        super().__init__(stall_seconds)
        self.stall_seconds = stall_seconds


class StreamBody(Exception):
    """Answer 200 with ``size`` filler bytes, streamed; with ``declare`` the Content-Length says so up front,
    without it the body is chunked (its size unknown until it ends)."""

    def __init__(self, size: int, content_type: str, *, declare: bool) -> None:
        super().__init__(size)
        self.size = size
        self.content_type = content_type
        self.declare = declare


class BadJson(Exception):
    pass


@dataclass
class Request:
    method: str
    path: str
    query_string: str
    headers: dict[str, str]  # lower-cased names
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # path parameters
    _json: Any = None

    @property
    def query(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.query_string).items()}

    def json(self) -> Any:
        if self._json is None:
            if not self.body.strip():
                self._json = {}
            else:
                try:
                    self._json = json.loads(self.body)
                except (ValueError, UnicodeDecodeError) as exc:
                    raise BadJson(str(exc)) from exc
        return self._json

    def bearer(self) -> str | None:
        value = self.headers.get("authorization", "")
        if value[:7].lower() == "bearer ":
            return value[7:].strip()
        return None


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    widget_status: int | None = None  # Widget API application-level status, for "did the write succeed"


def json_response(data: Any, status: int = 200, headers: list[tuple[str, str]] | None = None) -> Response:
    return Response(status, json.dumps(data).encode(), "application/json; charset=utf-8", headers or [])


def problem(status: int, title: str, detail: str | None = None) -> Response:
    """ASP.NET-style ProblemDetails [INF]."""
    body: dict[str, Any] = {
        "type": f"https://tools.ietf.org/html/rfc9110#section-15.{5 if status < 500 else 6}.{status % 100 + 1}",
        "title": title,
        "status": status,
        "traceId": f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-00",
    }
    if detail:
        body["detail"] = detail
    return Response(status, json.dumps(body).encode(), "application/problem+json; charset=utf-8")


def unauthorized() -> Response:
    return Response(401, b"", None, [("WWW-Authenticate", 'Bearer error="invalid_token"')])
