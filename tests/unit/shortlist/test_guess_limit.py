"""Bursts of wrong tokens from one address are cut off with 429; everyone else is unaffected."""

from __future__ import annotations

import pytest

from skima.shortlist.tokens import new_token
from skima.shortlist.web_app import ShortlistWeb, WebRequest, client_key
from tests.fakes import FakeGuessLimiter
from tests.unit.shortlist.conftest import build_app


def test_a_guessing_address_is_blocked_and_others_are_not() -> None:
    app = build_app()
    limiter = FakeGuessLimiter(limit=3)
    web = ShortlistWeb(app.links, app.web._page, app.web._feedback, limiter)
    good = app.links.create(42).token

    def get(token: str, ip: str) -> int:
        return web.handle(WebRequest("GET", f"/s/{token}", {"host": "h"}, b"", {}, ip)).status

    assert [get(new_token(), "198.51.100.7") for _ in range(5)] == [404, 404, 404, 429, 429]
    assert get(good, "198.51.100.7") == 200  # a live token is never blocked: the manager behind the same NAT
    assert get(good, "203.0.113.1") == 200  # the manager elsewhere is unaffected
    assert get(good, "") == 200  # unknown address: not limited
    assert limiter.misses == {"198.51.100.7": 3}  # blocked requests are not counted on: the row stops growing


def test_an_ipv6_network_is_limited_by_its_64_and_ipv4_by_its_address() -> None:
    app = build_app()
    limiter = FakeGuessLimiter(limit=3)
    web = ShortlistWeb(app.links, app.web._page, app.web._feedback, limiter)

    def get(ip: str) -> int:
        return web.handle(WebRequest("GET", f"/s/{new_token()}", {"host": "h"}, b"", {}, ip)).status

    rotating = [get(f"2001:db8:aa:bb:{index:x}::1") for index in range(4)]  # one host walking its /64
    assert rotating == [404, 404, 404, 429]
    assert get("2001:db8:aa:bc::1") == 404  # the neighbouring /64 is another client
    assert get("::ffff:198.51.100.9") == 404 and get("198.51.100.9") == 404  # IPv4-mapped is the IPv4 address
    assert limiter.misses == {"2001:db8:aa:bb::/64": 3, "2001:db8:aa:bc::/64": 1, "198.51.100.9": 2}


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:DB8:0:0:1234:5678:9abc:def0", "2001:db8::/64"),
        ("2001:db8::1", "2001:db8::/64"),
        ("::ffff:203.0.113.5", "203.0.113.5"),
        ("not-an-address", "not-an-address"),
    ],
)
def test_client_key(address: str, key: str) -> None:
    assert client_key(address) == key


def test_the_limiter_fails_open() -> None:
    app = build_app()
    web = ShortlistWeb(app.links, app.web._page, app.web._feedback, FakeGuessLimiter(down=True))
    good = app.links.create(42).token
    assert web.handle(WebRequest("GET", f"/s/{good}", {}, b"", {}, "198.51.100.7")).status == 200
    assert web.handle(WebRequest("GET", f"/s/{new_token()}", {}, b"", {}, "198.51.100.7")).status == 404
