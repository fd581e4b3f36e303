"""The hex sha256 of a text: content keys (a job's or resume's text, a score's inputs) and note idempotency keys.

Kept apart from everything else so any function may import it (the shortlist and feedback functions ship no numpy).
The engine has its own: it depends on nothing of the app.
"""

from __future__ import annotations

import hashlib


def sha256_hex(text: str) -> str:
    """sha256 of ``text`` as UTF-8, in hex (64 characters)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
