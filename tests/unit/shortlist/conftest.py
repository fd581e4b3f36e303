"""A shortlist web app on in-memory fakes, with a controllable clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest

from skima.shortlist.feedback import FeedbackService
from skima.shortlist.links import ShareLinks
from skima.shortlist.page import ShortlistPage
from skima.shortlist.web_app import ShortlistWeb, WebRequest, WebResponse
from tests.fakes import Clock, FakeFeedbackStore, FakeLinkStore, FakeQueue, FakeShortlistSource
from tests.unit.shortlist.builders import entry

HOST = "abc123.lambda-url.eu-west-2.on.aws"
ORIGIN = f"https://{HOST}"


@dataclass
class App:
    clock: Clock
    links_store: FakeLinkStore
    feedback_store: FakeFeedbackStore
    source: FakeShortlistSource
    queue: FakeQueue
    links: ShareLinks
    web: ShortlistWeb
    headers: dict[str, str] = field(default_factory=lambda: {"host": HOST})

    def get(self, path: str, query: dict[str, str] | None = None, **headers: str) -> WebResponse:
        return self.web.handle(WebRequest("GET", path, {**self.headers, **headers}, b"", query or {}))

    def post(self, path: str, form: dict[str, str] | bytes, **headers: str) -> WebResponse:
        body = form if isinstance(form, bytes) else urlencode(form).encode()
        merged = {
            **self.headers,
            "content-type": "application/x-www-form-urlencoded",
            "origin": ORIGIN,
            "sec-fetch-site": "same-origin",
            **{k.replace("_", "-"): v for k, v in headers.items()},
        }
        return self.web.handle(WebRequest("POST", path, merged, body, {}))


def build_app(entries: list | None = None, min_score: int = 40) -> App:  # type: ignore[type-arg]
    clock = Clock()
    links_store = FakeLinkStore()
    feedback_store = FakeFeedbackStore()
    source = FakeShortlistSource(entries if entries is not None else [entry(100 + i, 95 - 3 * i) for i in range(12)])
    queue = FakeQueue()
    links = ShareLinks(links_store, f"{ORIGIN}/", clock=clock)
    web = ShortlistWeb(
        links,
        ShortlistPage(source, feedback_store, clock=clock, min_score=min_score),
        FeedbackService(source, feedback_store, queue, clock=clock),
    )
    return App(clock, links_store, feedback_store, source, queue, links, web)


@pytest.fixture
def app() -> App:
    return build_app()
