"""Use case: create, resolve, list, revoke and renew share links, and follow a job's share tag.

A link is scoped to one job and expires (default 48 h); expiry and revocation are checked on every read, before
DynamoDB's TTL gets round to deleting the row. The raw token is never stored. With the link signing key
(`skima.shortlist.tokens.derive_token`) the scorer can rebuild a live link's URL from its stored link id, so later
score notes carry it (`link_for`); without the key, a URL exists only in the return value of `create`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from skima.note_text import plain_line
from skima.shortlist.models import CreatedLink, LinkSource, ShareLink
from skima.shortlist.ports import LinkStore
from skima.shortlist.tokens import derive_token, hash_token, new_link_id, new_nonce_key, new_token

DEFAULT_TTL = timedelta(hours=48)
# A tag link that was created but not yet announced (its notes not yet written) is left alone this long: another
# scorer invocation may be writing its notes right now. Older than this, it is taken as lost in a crash.
ANNOUNCE_GRACE = timedelta(minutes=20)


MAX_MANAGER_NAME_CHARS = 100


class LinkNotFound(Exception):
    pass


def manager_display_name(raw: str | None) -> str | None:
    """A person's name as a link stores it and a note quotes it: one plain line (no markup), at most 100
    characters; None when nothing is left."""
    name = plain_line(raw or "")[:MAX_MANAGER_NAME_CHARS].strip()
    return name or None


@dataclass(frozen=True)
class ShareSync:
    """What `sync_share_tag` did. `created` carries the new URL: write it into Tracker, then `mark_announced`."""

    action: Literal["created", "kept", "revoked", "none"]
    created: CreatedLink | None = None
    link: ShareLink | None = None
    revoked: int = 0

    @property
    def url(self) -> str | None:
        return self.created.url if self.created else None


class ShareLinks:
    def __init__(
        self,
        store: LinkStore,
        base_url: str,
        ttl: timedelta = DEFAULT_TTL,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        *,
        signing_key: bytes | None = None,
    ) -> None:
        self._store = store
        self._base_url = base_url.rstrip("/")
        self._ttl = ttl
        self._clock = clock
        self._signing_key = signing_key

    def url_for(self, token: str) -> str:
        return f"{self._base_url}/s/{token}"

    def url_of(self, link: ShareLink) -> str | None:
        """The link's URL rebuilt from its id, or None: no key or base URL here, or the link was not made with
        this key (a random token, or a rotated key). Checked against the stored hash, never assumed."""
        if self._signing_key is None or not self._base_url:
            return None
        token = derive_token(self._signing_key, link.link_id)
        return self.url_for(token) if hash_token(token) == link.token_hash else None

    def link_for(self, job_id: int) -> str | None:
        """The job's live shortlist URL for a score note, or None. Only active links (neither revoked nor expired,
        checked now); a share-tag link only once its own notes are written (before that it may be replaced).
        The tag link wins over admin links; then the one that lives longest."""
        now = self._clock()
        usable = [
            link
            for link in self._store.for_job(job_id)
            if link.is_active(now) and (link.source != "tag" or link.announced_at is not None)
        ]
        for link in sorted(usable, key=lambda link: (link.source == "tag", link.expires_at), reverse=True):
            url = self.url_of(link)
            if url is not None:
                return url
        return None

    # ------------------------------------------------------------------ admin operations
    def create(
        self,
        job_id: int,
        job_title: str = "",
        *,
        source: LinkSource = "admin",
        hide_score: bool = False,
        hide_gaps: bool = False,
        ttl: timedelta | None = None,
        manager_name: str | None = None,
    ) -> CreatedLink:
        """`manager_name`: who the link is for (named in their vote notes); cleaned by `manager_display_name`."""
        if job_id <= 0:
            raise ValueError("job_id must be a positive Tracker id")
        lifetime = ttl or self._ttl
        if lifetime <= timedelta(0):
            raise ValueError("a link's lifetime must be positive")
        now = self._clock()
        link_id = new_link_id()
        token = derive_token(self._signing_key, link_id) if self._signing_key is not None else new_token()
        link = ShareLink(
            token_hash=hash_token(token),
            link_id=link_id,
            job_id=job_id,
            job_title=" ".join(job_title.split())[:300],
            created_at=now,
            expires_at=now + lifetime,
            source=source,
            nonce_key=new_nonce_key(),
            hide_score=hide_score,
            hide_gaps=hide_gaps,
            manager_name=manager_display_name(manager_name),
        )
        self._store.put(link)
        return CreatedLink(link=link, token=token, url=self.url_for(token))

    def list(self, job_id: int) -> list[ShareLink]:
        return sorted(self._store.for_job(job_id), key=lambda link: link.created_at)

    def find(self, job_id: int, link_id: str) -> ShareLink:
        for link in self._store.for_job(job_id):
            if link.link_id == link_id:
                return link
        raise LinkNotFound(f"no link {link_id!r} for job {job_id}")

    def revoke(self, job_id: int, link_id: str) -> bool:
        return self._store.revoke(self.find(job_id, link_id).token_hash, self._clock())

    def revoke_token(self, token: str) -> bool:
        return self._store.revoke(hash_token(token), self._clock())

    def renew(self, job_id: int, link_id: str, ttl: timedelta | None = None) -> ShareLink:
        """Give a link that is not revoked a fresh lifetime from now (the same URL keeps working)."""
        link = self.find(job_id, link_id)
        expires_at = self._clock() + (ttl or self._ttl)
        if not self._store.extend(link.token_hash, expires_at):
            raise LinkNotFound(f"link {link_id!r} is revoked; create a new one")
        return replace(link, expires_at=expires_at)

    # ------------------------------------------------------------------ the page
    def resolve(self, token: str) -> ShareLink | None:
        """The active link for a token, else None. Always exactly one lookup by hash, whatever the token."""
        link = self._store.get(hash_token(token))
        if link is None or not link.is_active(self._clock()):
            return None
        return link

    # ------------------------------------------------------------------ the share tag (called by the scorer)
    def sync_share_tag(
        self,
        job_id: int,
        job_title: str,
        job_tags: Iterable[str],
        share_tag: str,
        *,
        manager_name: str | None = None,
    ) -> ShareSync:
        """Make the job's links follow its share tag: tag present → ensure one tag link exists (created only
        when none has been announced yet); tag absent → revoke every tag link. Expired tag links are not renewed
        automatically: removing and re-adding the tag (or `skima links renew`) does that. `manager_name`: the
        job's contact in Tracker, stored on a link created now (the person the recruiter shares it with)."""
        tagged = any(tag.strip().lower() == share_tag.strip().lower() for tag in job_tags)
        now = self._clock()
        tag_links = [link for link in self._store.for_job(job_id) if link.source == "tag" and link.revoked_at is None]
        if not tagged:
            revoked = sum(1 for link in tag_links if self._store.revoke(link.token_hash, now))
            if tag_links:
                self._store.release_tag_share(job_id)
            return ShareSync("revoked" if revoked else "none", revoked=revoked)
        announced = [link for link in tag_links if link.announced_at is not None]
        if announced:
            return ShareSync("kept", link=max(announced, key=lambda link: link.created_at))
        pending = sorted(tag_links, key=lambda link: link.created_at)
        if pending and now - pending[-1].created_at < ANNOUNCE_GRACE:
            return ShareSync("kept", link=pending[-1])  # another invocation is announcing it
        created = self.create(job_id, job_title, source="tag", manager_name=manager_name)
        previous = pending[-1].token_hash if pending else None
        if not self._store.claim_tag_share(job_id, created.link.token_hash, previous):
            self._store.revoke(created.link.token_hash, now)  # lost a race: never shown to anyone
            return ShareSync("kept")
        for stale in pending:  # created before a crash, never announced: nobody has these URLs
            self._store.revoke(stale.token_hash, now)
        return ShareSync("created", created=created, link=created.link)

    def mark_announced(self, link: ShareLink) -> None:
        """Call after the link's notes are written to Tracker (so a crash before that re-creates the link)."""
        self._store.mark_announced(link.token_hash, self._clock())
