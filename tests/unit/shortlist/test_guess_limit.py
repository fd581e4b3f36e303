"""Bursts of wrong tokens from one address are cut off with 429; everyone else is unaffected."""

from __future__ import annotations

from skima.errors import DependencyUnavailable
from skima.shortlist.tokens import new_token
from skima.shortlist.web_app import ShortlistWeb, WebRequest
from tests.unit.shortlist.conftest import build_app
from tests.unit.shortlist.fakes import CountingLimiter


def test_a_guessing_address_is_blocked_and_others_are_not() -> None:
    app = build_app()
    limiter = CountingLimiter(limit=3)
    web = ShortlistWeb(app.links, app.web._page, app.web._feedback, limiter)
    good = app.links.create(42).token

    def get(token: str, ip: str) -> int:
        return web.handle(WebRequest("GET", f"/s/{token}", {"host": "h"}, b"", {}, ip)).status

    assert [get(new_token(), "198.51.100.7") for _ in range(4)] == [404, 404, 404, 429]
    lookups = len(app.links_store.lookups)
    assert get(good, "198.51.100.7") == 429
    assert len(app.links_store.lookups) == lookups  # a blocked address gets no lookup at all
    assert get(good, "203.0.113.1") == 200  # the manager elsewhere is unaffected
    assert get(good, "") == 200  # unknown address: not limited
    assert limiter.misses == {"198.51.100.7": 3}


def test_the_limiter_fails_open() -> None:
    class Broken:
        def blocked(self, client: str) -> bool:
            raise DependencyUnavailable("state table down")

        def record_miss(self, client: str) -> None:
            raise DependencyUnavailable("state table down")

    app = build_app()
    web = ShortlistWeb(app.links, app.web._page, app.web._feedback, Broken())
    good = app.links.create(42).token
    assert web.handle(WebRequest("GET", f"/s/{good}", {}, b"", {}, "198.51.100.7")).status == 200
    assert web.handle(WebRequest("GET", f"/s/{new_token()}", {}, b"", {}, "198.51.100.7")).status == 404
