"""Share-link tokens and the feedback form's nonce.

A token is 256 bits (43 URL-safe characters). Only its SHA-256 is stored; lookups are by hash, so an unknown,
malformed, expired or revoked token costs the same one lookup.

With a link signing key (a Secrets Manager secret only the scorer and the admin CLI read), a token is
HMAC-SHA256(key, link id): the scorer can rebuild a live link's URL for later score notes from the stored link id,
while the table still holds only the token's SHA-256 (a table dump without the key yields no URL). Without a key,
the token is 256 random bits from `secrets` and its URL exists only once, at creation.

The nonce binds a form to one link and one page render: `<render_id>.<issued_at>.<mac>`, where mac is an HMAC
(key: the link's own secret) over the link's token hash, the render id and the issue time. It is stateless (GET
never writes anything); the feedback table's conditional write on the render id makes "the same nonce twice"
write once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import string
from dataclasses import dataclass
from datetime import UTC, datetime

TOKEN_BYTES = 32
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")
# Hashing is capped so a megabyte "token" costs no more than a real one; anything longer is unknown anyway.
_MAX_HASHED_CHARS = 256
NONCE_MAX_AGE_SECONDS = 12 * 3600
_RENDER_ID = re.compile(r"^[A-Za-z0-9_-]{16}$")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


MIN_SIGNING_KEY_CHARS = 43  # as many characters as a 256-bit token: a generated secret is far longer


def signing_key_from_secret(secret_value: str) -> bytes:
    """The signing key from its secret's text; a clear error when it is too short to be one."""
    key = secret_value.strip()
    if len(key) < MIN_SIGNING_KEY_CHARS:
        raise ValueError(f"the link signing key must be at least {MIN_SIGNING_KEY_CHARS} characters")
    return key.encode("utf-8")


def derive_token(signing_key: bytes, link_id: str) -> str:
    """The link's token: HMAC-SHA256(signing key, link id), URL-safe base64 without padding (43 characters)."""
    digest = hmac.new(signing_key, f"skima-share-link/v1|{link_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


_LINK_ID_ALPHABET = string.ascii_letters + string.digits
LINK_ID_CHARS = 12


def new_link_id() -> str:
    """A public name for the link: 12 letters and digits (71 bits). No '-' or '_', so a recruiter can paste it
    after `--link-id` without the shell or argparse reading it as an option."""
    return "".join(secrets.choice(_LINK_ID_ALPHABET) for _ in range(LINK_ID_CHARS))


def new_nonce_key() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """SHA-256 (hex) of the token as given; never raises, whatever the input."""
    return hashlib.sha256(token[:_MAX_HASHED_CHARS].encode("utf-8", "surrogatepass")).hexdigest()


def is_well_formed(token: str) -> bool:
    return bool(TOKEN_PATTERN.match(token))


def _mac(nonce_key: str, token_hash: str, render_id: str, issued: int) -> str:
    digest = hmac.new(nonce_key.encode(), f"{token_hash}|{render_id}|{issued}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def make_nonce(nonce_key: str, token_hash: str, issued_at: datetime, render_id: str | None = None) -> str:
    render = render_id or secrets.token_urlsafe(12)
    issued = int(issued_at.timestamp())
    return f"{render}.{issued}.{_mac(nonce_key, token_hash, render, issued)}"


@dataclass(frozen=True)
class NonceCheck:
    ok: bool
    render_id: str = ""
    reason: str = ""


def check_nonce(
    nonce: str, nonce_key: str, token_hash: str, now: datetime, max_age_seconds: int = NONCE_MAX_AGE_SECONDS
) -> NonceCheck:
    parts = nonce.split(".")
    if len(nonce) > 200 or len(parts) != 3 or not _RENDER_ID.match(parts[0]) or not parts[1].isdigit():
        return NonceCheck(False, reason="malformed")
    render_id, issued_text, mac = parts
    issued = int(issued_text[:12])
    if not hmac.compare_digest(mac.encode(), _mac(nonce_key, token_hash, render_id, issued).encode()):
        return NonceCheck(False, reason="bad mac")
    age = now.astimezone(UTC).timestamp() - issued
    if age > max_age_seconds or age < -300:
        return NonceCheck(False, reason="stale")
    return NonceCheck(True, render_id=render_id)
