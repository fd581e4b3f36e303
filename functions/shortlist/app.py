"""Shortlist function (Lambda Function URL): the hiring manager's no-login page.

The ranked page and the feedback form arrive with the shortlist issue; until links exist, every token is unknown
and gets the same friendly page, status and headers that unknown, expired and revoked links will always get.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import LambdaFunctionUrlResolver, Response
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima.web import LINK_UNAVAILABLE_MESSAGE, LINK_UNAVAILABLE_TITLE, SECURITY_HEADERS, message_page

logger = Logger()
app = LambdaFunctionUrlResolver()


def _page(status: int, title: str, message: str) -> Response[str]:
    return Response(
        status_code=status,
        content_type="text/html; charset=utf-8",
        body=message_page(title, message),
        headers=dict(SECURITY_HEADERS),
    )


@app.get("/s/<token>")
def shortlist(token: str) -> Response[str]:
    return _page(404, LINK_UNAVAILABLE_TITLE, LINK_UNAVAILABLE_MESSAGE)


@app.not_found
def not_found(_: Exception) -> Response[str]:
    return _page(404, LINK_UNAVAILABLE_TITLE, LINK_UNAVAILABLE_MESSAGE)


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
