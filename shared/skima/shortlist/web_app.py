"""The shortlist function's HTTP surface, free of Lambda and AWS: request in, response out.

GET  /s/<token>             the page (or the friendly "not available" page, 404, for any token not active)
POST /s/<token>/feedback    one verdict; 303 back to the page
GET  /robots.txt            keeps crawlers out of the capability URLs
Anything else: 404 (unknown path) or 405 (other methods). Every response carries the security headers.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from skima.errors import DependencyUnavailable, RejectedRequest
from skima.shortlist.feedback import MAX_FORM_BYTES, FeedbackService, parse_form, refuse_cross_site
from skima.shortlist.links import ShareLinks
from skima.shortlist.models import ShareLink
from skima.shortlist.page import ShortlistPage
from skima.shortlist.ports import GuessLimiter
from skima.shortlist.tokens import is_well_formed
from skima.web import LINK_UNAVAILABLE_MESSAGE, LINK_UNAVAILABLE_TITLE, SECURITY_HEADERS, message_page

logger = logging.getLogger(__name__)


class _Blocked(Exception):
    pass


def client_key(address: str) -> str:
    """Whom wrong-token guesses are counted against: an IPv4 address as it is, an IPv6 address by its /64 (one
    host or home is handed a whole /64, so counting single addresses would let it rotate past the limit)."""
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return address  # not an address (the caller passed something else): counted as given
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _safely[T](action: Callable[[], T], fallback: T) -> T:
    """Rate limiting fails open: a state-table hiccup must not lock managers out of their page."""
    try:
        return action()
    except DependencyUnavailable:
        logger.warning("guess limiter unavailable")
        return fallback


_ROUTE = re.compile(r"^/s/(?P<token>[^/]{1,512})(?P<feedback>/feedback)?/?$")
_HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class WebRequest:
    method: str
    path: str
    headers: Mapping[str, str]  # lower-case names
    body: bytes = b""
    query: Mapping[str, str] = field(default_factory=dict)
    client_ip: str = ""  # the caller's address (rate limiting of wrong tokens); empty: unknown


@dataclass(frozen=True)
class WebResponse:
    status: int
    body: str
    headers: dict[str, str]

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", _HTML)


def _response(status: int, body: str, content_type: str = _HTML, **extra: str) -> WebResponse:
    headers = {**SECURITY_HEADERS, "Content-Type": content_type}
    headers.update({name.replace("_", "-"): value for name, value in extra.items()})
    return WebResponse(status, body, headers)


def unavailable() -> WebResponse:
    """One answer for unknown, malformed, expired and revoked tokens alike."""
    return _response(404, message_page(LINK_UNAVAILABLE_TITLE, LINK_UNAVAILABLE_MESSAGE))


def own_origins(headers: Mapping[str, str]) -> frozenset[str]:
    """The origins this page is served from (the Host the browser used; the browser sets Origin truthfully)."""
    host = headers.get("host", "").strip().lower()
    return frozenset({f"https://{host}", f"http://{host}"}) if host else frozenset()


def too_many() -> WebResponse:
    return _response(
        429,
        message_page("Too many attempts", "Too many links that do not work came from your network. Try again later."),
        Retry_After="300",
    )


class ShortlistWeb:
    def __init__(
        self,
        links: ShareLinks,
        page: ShortlistPage,
        feedback: FeedbackService,
        limiter: GuessLimiter | None = None,
    ) -> None:
        self._links = links
        self._page = page
        self._feedback = feedback
        self._limiter = limiter

    def _resolve(self, request: WebRequest, token: str) -> ShareLink | None:
        """The active link, or None (then the miss counts against the caller's network). Raises _Blocked for a
        dead or made-up token from a network that already guessed too often. A live token is never blocked: a
        manager behind the same office NAT (or IPv6 /64) as a guesser still gets the page."""
        link = self._links.resolve(token)  # one lookup by hash for every token, well formed or not
        if link is not None and is_well_formed(token):
            return link
        if self._limiter is not None and request.client_ip:
            limiter, client = self._limiter, client_key(request.client_ip)
            if _safely(lambda: limiter.blocked(client), False):
                raise _Blocked  # no more counting: the window's row stops growing
            _safely(lambda: limiter.record_miss(client), None)
        return None

    def handle(self, request: WebRequest) -> WebResponse:
        try:
            return self._route(request)
        except DependencyUnavailable:
            logger.exception("shortlist dependency unavailable")
            return _response(503, message_page("Please try again", "The shortlist is briefly unavailable."))

    def _route(self, request: WebRequest) -> WebResponse:
        method = request.method.upper()
        if request.path == "/robots.txt" and method == "GET":
            return _response(200, "User-agent: *\nDisallow: /\n", "text/plain; charset=utf-8")
        match = _ROUTE.match(request.path)
        kind: Literal["page", "feedback"] | None = None
        if match:
            kind = "feedback" if match.group("feedback") else "page"
        allowed = {"page": "GET", "feedback": "POST", None: "GET"}[kind]
        if method != allowed:
            return _response(
                405, message_page("Not allowed", "This address does not accept that request."), Allow=allowed
            )
        if match is None:
            return _response(404, message_page(LINK_UNAVAILABLE_TITLE, LINK_UNAVAILABLE_MESSAGE))
        token = match.group("token")
        if kind == "feedback":
            return self._post_feedback(request, token)
        try:
            link = self._resolve(request, token)
        except _Blocked:
            return too_many()
        if link is None:
            return unavailable()
        saved = request.query.get("saved", "")
        saved_candidate = int(saved) if saved.isdigit() and len(saved) <= 15 else None
        return _response(200, self._page.render(link, token, saved_candidate))

    def _post_feedback(self, request: WebRequest, token: str) -> WebResponse:
        try:
            refuse_cross_site(request.headers, own_origins(request.headers))
        except RejectedRequest as exc:
            logger.info("feedback refused: cross-site")
            return _response(exc.status_code, message_page("Not accepted", exc.public_message))
        try:
            link = self._resolve(request, token)
        except _Blocked:
            return too_many()
        if link is None:
            return unavailable()
        back = f"/s/{token}"
        if len(request.body) > MAX_FORM_BYTES:
            return _response(413, message_page("Not accepted", "The form is too large.", back))
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return _response(415, message_page("Not accepted", "Send the form from the shortlist page.", back))
        try:
            result = self._feedback.submit(link, parse_form(request.body))
        except RejectedRequest as exc:
            return _response(exc.status_code, message_page("Not saved", exc.public_message, back))
        location = f"{back}?saved={result.candidate_id}#c-{result.candidate_id}"
        return _response(303, "", Location=location)
