"""Tokens derived from the link signing key: the scorer can rebuild a live link's URL, the store keeps only the
token's SHA-256, and revoked, expired, unannounced or foreign links are never quoted."""

from __future__ import annotations

import argparse
import io
import re
from dataclasses import asdict, replace
from datetime import timedelta

import pytest

from skima.shortlist.links import ShareLinks
from skima.shortlist.tokens import derive_token, hash_token, is_well_formed, signing_key_from_secret
from skima_cli import links as cli
from tests.fakes import Clock, FakeLinkStore

KEY = b"K" * 64
BASE = "https://short.example/"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store() -> FakeLinkStore:
    return FakeLinkStore()


@pytest.fixture
def links(store: FakeLinkStore, clock: Clock) -> ShareLinks:
    return ShareLinks(store, BASE, clock=clock, signing_key=KEY)


def test_derived_tokens_are_256_bit_url_safe_and_differ_by_link_and_key() -> None:
    token = derive_token(KEY, "abcdefghijkl")
    assert is_well_formed(token) and len(token) == 43
    assert derive_token(KEY, "abcdefghijkl") == token
    assert derive_token(KEY, "abcdefghijkm") != token
    assert derive_token(b"L" * 64, "abcdefghijkl") != token


@pytest.mark.parametrize("secret", ["", "short", " " * 60, "x" * 42])
def test_a_signing_key_too_short_to_be_one_is_refused(secret: str) -> None:
    with pytest.raises(ValueError, match="at least 43"):
        signing_key_from_secret(secret)


def test_a_generated_secret_is_a_key() -> None:
    assert signing_key_from_secret("  " + "a1" * 32 + "\n") == ("a1" * 32).encode()


def test_created_url_is_rebuilt_from_the_stored_link_alone(links: ShareLinks, store: FakeLinkStore) -> None:
    created = links.create(42, "Engineer")
    (stored,) = store.links.values()
    assert created.token not in repr(asdict(stored))
    assert stored.token_hash == hash_token(created.token)
    assert links.url_of(stored) == created.url
    assert links.link_for(42) == created.url
    assert links.link_for(43) is None


def test_a_revoked_or_expired_link_is_never_quoted(links: ShareLinks, clock: Clock) -> None:
    revoked = links.create(42)
    links.revoke(42, revoked.link.link_id)
    assert links.link_for(42) is None
    expiring = links.create(42, ttl=timedelta(hours=1))
    assert links.link_for(42) == expiring.url
    clock.advance(hours=1)
    assert links.link_for(42) is None


def test_a_tag_link_is_quoted_only_once_announced_and_wins_over_admin_links(links: ShareLinks) -> None:
    admin = links.create(42, ttl=timedelta(hours=100))
    sync = links.sync_share_tag(42, "Engineer", ["SKIMA Share"], "SKIMA Share")
    assert sync.created is not None
    assert links.link_for(42) == admin.url  # the tag link may still be replaced before its notes are written
    links.mark_announced(sync.created.link)
    assert links.link_for(42) == sync.created.url


def test_links_from_another_key_or_a_random_token_are_not_quoted(store: FakeLinkStore, clock: Clock) -> None:
    ShareLinks(store, BASE, clock=clock).create(42)  # random token (no key)
    ShareLinks(store, BASE, clock=clock, signing_key=b"old" * 20).create(42)  # a rotated key
    links = ShareLinks(store, BASE, clock=clock, signing_key=KEY)
    assert links.link_for(42) is None
    forged = next(iter(store.links.values()))
    assert links.url_of(replace(forged, link_id="anything")) is None


def test_without_a_base_url_nothing_is_quoted(store: FakeLinkStore, clock: Clock) -> None:
    ShareLinks(store, BASE, clock=clock, signing_key=KEY).create(42)
    assert ShareLinks(store, "", clock=clock, signing_key=KEY).link_for(42) is None


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="skima")
    cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["links", "--links-table", "T", "--base-url", BASE, *argv])


def test_cli_links_made_with_the_signing_key_can_be_quoted_by_the_scorer(store: FakeLinkStore) -> None:
    out = io.StringIO()
    assert cli.run(parse("create", "--job", "42"), out, store, signing_key=KEY) == 0
    url = out.getvalue().splitlines()[0]
    assert re.fullmatch(r"https://short\.example/s/[A-Za-z0-9_-]{43}", url)
    assert ShareLinks(store, BASE, signing_key=KEY).link_for(42) == url
