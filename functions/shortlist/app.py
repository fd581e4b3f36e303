"""Shortlist function (Lambda Function URL): the hiring manager's no-login page and feedback form.

Thin: the Function URL event becomes a `WebRequest`; `skima.shortlist.web_app.ShortlistWeb` (composed in
`skima.bootstrap.shortlist`, which reaches neither Tracker nor the state table) does the rest.
Never logs the path or the query (the path carries the capability token).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any
from urllib.parse import parse_qsl

from aws_lambda_powertools.utilities.typing import LambdaContext

from skima.bootstrap import shortlist as bootstrap
from skima.logs import function_logger
from skima.shortlist.web_app import ShortlistWeb, WebRequest, WebResponse, unavailable

logger = function_logger()


def to_request(event: dict[str, Any]) -> WebRequest:
    headers = {str(key).lower(): str(value) for key, value in (event.get("headers") or {}).items()}
    raw_body = event.get("body") or ""
    body: bytes
    if event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(raw_body, validate=False)
        except (binascii.Error, ValueError):
            body = b"\xff"  # undecodable: the form parser refuses it with 422
    else:
        body = raw_body.encode("utf-8", "surrogatepass")
    query = dict(parse_qsl(event.get("rawQueryString") or "", keep_blank_values=True, max_num_fields=20))
    http = (event.get("requestContext") or {}).get("http") or {}
    return WebRequest(
        method=str(http.get("method") or "GET"),
        path=str(event.get("rawPath") or "/"),
        headers=headers,
        body=body,
        query=query,
        client_ip=str(http.get("sourceIp") or ""),
    )


def to_lambda(response: WebResponse) -> dict[str, Any]:
    return {"statusCode": response.status, "headers": response.headers, "body": response.body}


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext, web: ShortlistWeb | None = None) -> dict[str, Any]:
    try:
        request = to_request(event)
    except ValueError:  # e.g. too many query fields
        return to_lambda(unavailable())
    response = (web or bootstrap.from_env()).handle(request)
    logger.info("shortlist request", extra={"method": request.method, "status": response.status})
    return to_lambda(response)
