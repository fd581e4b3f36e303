"""Local HTTP front doors: API Gateway HTTP APIs and Lambda Function URLs, both with payload format 2.0.

Requests become the events AWS would send (rawPath, rawQueryString, comma-joined multi-value query parameters and
headers, lower-cased header names, cookies, base64 for non-text bodies, requestContext.http...), and the
function's answer is mapped back by the payload-v2 rules (a dict with statusCode is a response; any other JSON
value is a 200 application/json body). A function error answers like AWS: 500 {"message":"Internal Server
Error"} from an HTTP API, 502 from a Function URL. The access log never carries the query string (it may hold a
token), as the template's access log format does.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote

from local.lambda_runtime.functions import FunctionUnavailable, InvocationResult
from local.lambda_runtime.logs import LogSink

MAX_REQUEST_BYTES = 6 * 1024 * 1024  # Lambda's synchronous invocation payload limit
_TEXT_TYPES = ("application/json", "application/javascript", "application/xml", "application/yaml")

Invoker = Callable[[str, dict[str, Any]], InvocationResult]


@dataclass(frozen=True)
class HttpRoute:
    function: str
    method: str  # upper case, or ANY
    path: str  # "/webhook/tracker", "/items/{id}", "/{proxy+}", or "$default"

    @property
    def route_key(self) -> str:
        return "$default" if self.path == "$default" else f"{self.method} {self.path}"

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if self.method not in ("ANY", method):
            return None
        if self.path == "$default":
            return {}
        pattern = ""
        for part in re.split(r"(\{[^}]+\})", self.path):
            if part.startswith("{") and part.endswith("+}"):
                pattern += f"(?P<{_group(part[1:-2])}>.+)"
            elif part.startswith("{") and part.endswith("}"):
                pattern += f"(?P<{_group(part[1:-1])}>[^/]+)"
            else:
                pattern += re.escape(part)
        found = re.fullmatch(pattern, path)
        if found is None:
            return None
        names = re.findall(r"\{([^}+]+)\+?\}", self.path)
        return {name: unquote(found.group(_group(name))) for name in names}

    def specificity(self) -> tuple[int, int, int]:
        """API Gateway prefers exact paths over greedy ones, more literal segments, then a named method."""
        if self.path == "$default":
            return (-1, 0, 0)
        greedy = 0 if "+}" in self.path else 1
        literal = sum(1 for segment in self.path.split("/") if segment and not segment.startswith("{"))
        return (greedy, literal, 0 if self.method == "ANY" else 1)


def _group(name: str) -> str:
    return "p_" + re.sub(r"\W", "_", name)


def is_text(content_type: str | None) -> bool:
    if not content_type:
        return False
    main = content_type.split(";")[0].strip().lower()
    return main.startswith("text/") or main in _TEXT_TYPES or main.endswith(("+json", "+xml"))


def build_v2_event(
    *,
    method: str,
    raw_path: str,
    raw_query: str,
    headers: Sequence[tuple[str, str]],
    body: bytes,
    source_ip: str,
    route_key: str,
    path_parameters: dict[str, str] | None,
    api_id: str,
    domain_name: str,
    account_id: str,
) -> dict[str, Any]:
    joined: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in headers:
        key = name.lower()
        if key == "cookie":
            cookies.extend(part.strip() for part in value.split(";") if part.strip())
            continue
        joined[key] = f"{joined[key]},{value}" if key in joined else value
    query: dict[str, str] = {}
    for name, value in parse_qsl(raw_query, keep_blank_values=True):
        query[name] = f"{query[name]},{value}" if name in query else value
    now = datetime.now(UTC)
    request_id = base64.b32encode(uuid.uuid4().bytes).decode()[:16]
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": raw_path,
        "rawQueryString": raw_query,
        "headers": joined,
        "requestContext": {
            "accountId": account_id,
            "apiId": api_id,
            "domainName": domain_name,
            "domainPrefix": domain_name.split(".", maxsplit=1)[0],
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": joined.get("user-agent", ""),
            },
            "requestId": request_id,
            "routeKey": route_key,
            "stage": "$default",
            "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now.timestamp() * 1000),
        },
        "isBase64Encoded": False,
    }
    if cookies:
        event["cookies"] = cookies
    if query:
        event["queryStringParameters"] = query
    if path_parameters:
        event["pathParameters"] = path_parameters
    if body:
        text: str | None = None
        if is_text(joined.get("content-type")):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                text = None
        if text is None:
            event["body"] = base64.b64encode(body).decode("ascii")
            event["isBase64Encoded"] = True
        else:
            event["body"] = text
    return event


@dataclass
class HttpResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def map_v2_response(payload: Any) -> HttpResponse:
    """The function's return value → HTTP response, by the payload format 2.0 rules. ValueError if invalid."""
    if isinstance(payload, dict) and "statusCode" in payload:
        try:
            status = int(payload["statusCode"])
        except (TypeError, ValueError):
            raise ValueError(f"invalid statusCode {payload['statusCode']!r}") from None
        if not 100 <= status <= 599:
            raise ValueError(f"invalid statusCode {status}")
        headers = [(str(name), _header_value(value)) for name, value in (payload.get("headers") or {}).items()]
        for name, values in (payload.get("multiValueHeaders") or {}).items():
            headers.extend((str(name), _header_value(value)) for value in values)
        headers.extend(("Set-Cookie", str(cookie)) for cookie in payload.get("cookies") or [])
        raw_body = payload.get("body")
        if raw_body is None:
            body = b""
        elif not isinstance(raw_body, str):
            body = json.dumps(raw_body).encode()
        elif payload.get("isBase64Encoded"):
            try:
                body = base64.b64decode(raw_body, validate=True)
            except (binascii.Error, ValueError):
                raise ValueError("isBase64Encoded body is not base64") from None
        else:
            body = raw_body.encode("utf-8")
        return HttpResponse(status, headers, body)
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return HttpResponse(200, [("Content-Type", "application/json")], text.encode("utf-8"))


def _header_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class LocalHttpServer:
    """A ThreadingHTTPServer on 127.0.0.1 that hands every request to `dispatch`."""

    def __init__(
        self,
        name: str,
        dispatch: Callable[[LocalHttpServer, BaseHTTPRequestHandler, bytes], HttpResponse],
        log: LogSink,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.name = name
        self._dispatch = dispatch
        self._log = log
        handler = _make_handler(self)
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self.host, self.port = str(self._server.server_address[0]), int(self._server.server_address[1])
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        started = time.monotonic()
        length_header = request.headers.get("Content-Length")
        if request.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body: bytes | None = _read_chunked(request)
        else:
            length = int(length_header) if length_header and length_header.isdigit() else 0
            body = request.rfile.read(length) if 0 < length <= MAX_REQUEST_BYTES else (b"" if length == 0 else None)
        if body is None or len(body) > MAX_REQUEST_BYTES:
            response = HttpResponse(413, [("Content-Type", "application/json")], b'{"message":"Request Too Large"}')
            request.close_connection = True
        else:
            try:
                response = self._dispatch(self, request, body)
            except Exception as exc:  # a runner bug must still answer, like a gateway's own 500
                self._log.write(self.name, f"gateway error: {type(exc).__name__}: {exc}")
                response = _json_response(500, "Internal Server Error")
        request.send_response(response.status)
        names = {name.lower() for name, _ in response.headers}
        for name, value in response.headers:
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                request.send_header(name, value)
        if "content-type" not in names and response.body:
            request.send_header("Content-Type", "text/plain; charset=utf-8")
        request.send_header("Content-Length", str(len(response.body)))
        request.end_headers()
        if request.command != "HEAD":
            request.wfile.write(response.body)
        path_only = request.path.split("?", 1)[0]
        elapsed_ms = (time.monotonic() - started) * 1000
        self._log.write(
            self.name,
            f'{request.client_address[0]} "{request.command} {path_only}" {response.status} '
            f"{len(response.body)}B {elapsed_ms:.0f}ms",
        )


def _read_chunked(request: BaseHTTPRequestHandler) -> bytes | None:
    chunks: list[bytes] = []
    total = 0
    while True:
        size_line = request.rfile.readline(65537)
        try:
            size = int(size_line.split(b";")[0].strip(), 16)
        except ValueError:
            return None
        if size == 0:
            while request.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)
        total += size
        if total > MAX_REQUEST_BYTES:
            return None
        chunks.append(request.rfile.read(size))
        request.rfile.readline(3)


def _make_handler(server: LocalHttpServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "skima-local"

        def _serve(self) -> None:
            server.handle(self)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the access log is written by LocalHttpServer.handle, without the query string

    return Handler


def _json_response(status: int, message: str) -> HttpResponse:
    return HttpResponse(status, [("Content-Type", "application/json")], json.dumps({"message": message}).encode())


class HttpApiGateway:
    """One AWS::Serverless::HttpApi: routes from the template's HttpApi events, payload format 2.0."""

    def __init__(
        self,
        logical_id: str,
        api_id: str,
        routes: Sequence[HttpRoute],
        invoke: Invoker,
        log: LogSink,
        *,
        account_id: str,
        region: str,
        port: int = 0,
    ) -> None:
        self.logical_id = logical_id
        self.api_id = api_id
        self.routes = sorted(routes, key=lambda route: route.specificity(), reverse=True)
        self._invoke = invoke
        self._account_id = account_id
        self._domain = f"{api_id}.execute-api.{region}.amazonaws.com"
        self.server = LocalHttpServer(logical_id, self._dispatch, log, port=port)

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def _dispatch(self, server: LocalHttpServer, request: BaseHTTPRequestHandler, body: bytes) -> HttpResponse:
        raw_path, _, raw_query = request.path.partition("?")
        method = request.command.upper()
        for route in self.routes:
            parameters = route.match(method, raw_path)
            if parameters is not None:
                break
        else:
            return _json_response(404, "Not Found")
        event = build_v2_event(
            method=method,
            raw_path=raw_path,
            raw_query=raw_query,
            headers=list(request.headers.items()),
            body=body,
            source_ip=request.client_address[0],
            route_key=route.route_key,
            path_parameters=parameters or None,
            api_id=self.api_id,
            domain_name=self._domain,
            account_id=self._account_id,
        )
        return _call(self._invoke, route.function, event, error_status=500)


class FunctionUrlServer:
    """A function's FunctionUrlConfig: every path and method goes to the function."""

    def __init__(
        self, function: str, url_id: str, invoke: Invoker, log: LogSink, *, region: str, port: int = 0
    ) -> None:
        self.function = function
        self.url_id = url_id
        self._invoke = invoke
        self._domain = f"{url_id}.lambda-url.{region}.on.aws"
        self.server = LocalHttpServer(f"{function}Url", self._dispatch, log, port=port)

    @property
    def base_url(self) -> str:
        return self.server.base_url + "/"  # AWS function URLs end with a slash

    def _dispatch(self, server: LocalHttpServer, request: BaseHTTPRequestHandler, body: bytes) -> HttpResponse:
        raw_path, _, raw_query = request.path.partition("?")
        event = build_v2_event(
            method=request.command.upper(),
            raw_path=raw_path,
            raw_query=raw_query,
            headers=list(request.headers.items()),
            body=body,
            source_ip=request.client_address[0],
            route_key="$default",
            path_parameters=None,
            api_id=self.url_id,
            domain_name=self._domain,
            account_id="anonymous",
        )
        return _call(self._invoke, self.function, event, error_status=502)


def _call(invoke: Invoker, function: str, event: dict[str, Any], *, error_status: int) -> HttpResponse:
    try:
        result = invoke(function, event)
    except FunctionUnavailable:
        return _json_response(error_status, "Internal Server Error")
    if not result.ok:
        return _json_response(error_status, "Internal Server Error")
    try:
        return map_v2_response(result.payload)
    except ValueError:
        return _json_response(error_status, "Internal Server Error")
