"""Tokens (256 bits, only the hash stored), expiry on read, revocation, renewal, and the share tag."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict
from datetime import timedelta

import pytest

from skima.shortlist.links import ANNOUNCE_GRACE, LinkNotFound, ShareLinks
from skima.shortlist.tokens import check_nonce, hash_token, is_well_formed, make_nonce, new_link_id, new_token
from tests.fakes import T0, Clock, FakeLinkStore


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store() -> FakeLinkStore:
    return FakeLinkStore()


@pytest.fixture
def links(store: FakeLinkStore, clock: Clock) -> ShareLinks:
    return ShareLinks(store, "https://short.example/", clock=clock)


def test_tokens_are_256_bit_url_safe_and_unique() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(is_well_formed(token) and len(token) == 43 for token in tokens)


def test_link_ids_are_safe_to_type_after_an_option() -> None:
    # A token_urlsafe id once began with "-" and `--link-id -Xy...` became an unknown option (a CI flake).
    ids = {new_link_id() for _ in range(2_000)}
    assert len(ids) == 2_000
    assert all(re.fullmatch(r"[A-Za-z0-9]{12}", link_id) for link_id in ids)


def test_only_the_sha256_of_the_token_is_stored(links: ShareLinks, store: FakeLinkStore) -> None:
    created = links.create(42, "Engineer")
    assert created.url == f"https://short.example/s/{created.token}"
    stored = store.links[hashlib.sha256(created.token.encode()).hexdigest()]
    assert created.token not in repr(asdict(stored))
    assert created.token not in repr(created)  # never in logs by accident either


def test_link_expires_on_read_at_its_expiry_even_before_ttl(links: ShareLinks, clock: Clock) -> None:
    created = links.create(42, "Engineer")
    clock.now = created.link.expires_at - timedelta(seconds=1)
    assert links.resolve(created.token) is not None
    clock.now = created.link.expires_at
    assert links.resolve(created.token) is None
    clock.now = created.link.expires_at + timedelta(seconds=1)
    assert links.resolve(created.token) is None


def test_default_lifetime_is_48_hours_and_configurable(store: FakeLinkStore, clock: Clock) -> None:
    assert ShareLinks(store, "https://x", clock=clock).create(1).link.expires_at == T0 + timedelta(hours=48)
    short = ShareLinks(store, "https://x", ttl=timedelta(hours=2), clock=clock)
    assert short.create(1).link.expires_at == T0 + timedelta(hours=2)


def test_revoked_link_fails_on_the_next_request(links: ShareLinks) -> None:
    created = links.create(42)
    assert links.revoke(42, created.link.link_id)
    assert links.resolve(created.token) is None
    assert not links.revoke(42, created.link.link_id)


def test_renew_extends_a_live_or_expired_link_but_not_a_revoked_one(links: ShareLinks, clock: Clock) -> None:
    created = links.create(42)
    clock.advance(hours=50)
    assert links.resolve(created.token) is None
    renewed = links.renew(42, created.link.link_id)
    assert renewed.expires_at == clock.now + timedelta(hours=48)
    assert links.resolve(created.token) is not None
    links.revoke(42, created.link.link_id)
    with pytest.raises(LinkNotFound):
        links.renew(42, created.link.link_id)


def test_links_are_scoped_to_one_job(links: ShareLinks) -> None:
    a = links.create(1)
    links.create(2)
    assert [link.link_id for link in links.list(1)] == [a.link.link_id]
    with pytest.raises(LinkNotFound):
        links.revoke(2, a.link.link_id)


@pytest.mark.parametrize("token", ["", "x", "A" * 42, "A" * 44, "A" * 10_000, "../../etc", "é" * 43, "\x00" * 43])
def test_any_string_is_one_lookup_and_no_link(links: ShareLinks, store: FakeLinkStore, token: str) -> None:
    links.create(42)
    assert links.resolve(token) is None
    assert store.lookups == [hash_token(token)]


def test_share_tag_creates_one_link_keeps_it_and_revokes_it_when_removed(
    links: ShareLinks, store: FakeLinkStore, clock: Clock
) -> None:
    first = links.sync_share_tag(42, "Engineer", ["Hot", "skima share "], "SKIMA Share")
    assert first.action == "created" and first.url and first.created
    links.mark_announced(first.created.link)
    again = links.sync_share_tag(42, "Engineer", ["SKIMA Share"], "SKIMA Share")
    assert again.action == "kept" and again.url is None
    assert len(store.links) == 1
    removed = links.sync_share_tag(42, "Engineer", ["Hot"], "SKIMA Share")
    assert removed.action == "revoked" and removed.revoked == 1
    assert links.resolve(first.created.token) is None
    assert links.sync_share_tag(42, "Engineer", [], "SKIMA Share").action == "none"
    readded = links.sync_share_tag(42, "Engineer", ["SKIMA Share"], "SKIMA Share")
    assert readded.action == "created" and readded.url != first.url


def test_share_tag_leaves_admin_links_alone(links: ShareLinks) -> None:
    admin = links.create(42)
    links.sync_share_tag(42, "Engineer", [], "SKIMA Share")
    assert links.resolve(admin.token) is not None


def test_unannounced_tag_link_is_replaced_after_a_crash_but_not_during_the_grace(
    links: ShareLinks, clock: Clock
) -> None:
    lost = links.sync_share_tag(42, "Engineer", ["SKIMA Share"], "SKIMA Share")
    assert lost.created
    # Another invocation within the grace period: it may still be writing the notes, so leave it.
    assert links.sync_share_tag(42, "Engineer", ["SKIMA Share"], "SKIMA Share").action == "kept"
    clock.now += ANNOUNCE_GRACE + timedelta(seconds=1)
    retry = links.sync_share_tag(42, "Engineer", ["SKIMA Share"], "SKIMA Share")
    assert retry.action == "created" and retry.created
    assert links.resolve(lost.created.token) is None  # nobody ever received the lost URL
    assert links.resolve(retry.created.token) is not None


def test_share_tag_race_loser_creates_nothing_usable(links: ShareLinks, store: FakeLinkStore) -> None:
    store.tag_shares[42] = "someone-else"
    result = links.sync_share_tag(42, "Engineer", ["SKIMA Share"], "SKIMA Share")
    assert result.action == "kept" and result.url is None
    assert all(link.revoked_at is not None for link in store.links.values())


def test_nonce_is_bound_to_the_link_and_expires() -> None:
    nonce = make_nonce("key-a", "hash-a", T0)
    assert check_nonce(nonce, "key-a", "hash-a", T0).ok
    assert not check_nonce(nonce, "key-b", "hash-a", T0).ok  # another link's key
    assert not check_nonce(nonce, "key-a", "hash-b", T0).ok  # another token
    assert not check_nonce(nonce, "key-a", "hash-a", T0 + timedelta(hours=13)).ok
    render, issued, mac = nonce.split(".")
    assert not check_nonce(f"{render}.{int(issued) + 1}.{mac}", "key-a", "hash-a", T0).ok
    for garbage in ["", "...", "a.b.c", nonce + ".x", "x" * 500]:
        assert not check_nonce(garbage, "key-a", "hash-a", T0).ok
