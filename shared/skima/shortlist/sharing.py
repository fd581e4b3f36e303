"""Use case: a job's share tag, as the scorer sees the job (`skima.scoring.ports.JobSharing`).

Every read of a job ends here. Tag present → one share link exists, announced by a `Shortlist Link` note on the
job and on each current top-10 candidate (each note once: `WriteBack.announce_link`); tag gone → its links are revoked.

Tracker budget: a job read that carries the tag field costs nothing more. When it does not (Tracker's
getIndividualRecord O may leave tags out), the tags are read once per job version: the job's last-updated stamp
is remembered in the outbox once followed, so an unchanged job (our own notes, repeated pings) costs no extra
call, and a recruiter's tag change, which saves the job and moves its stamp, is always seen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from skima.ports import Outbox
from skima.scoring.ports import JobRecord
from skima.shortlist.links import ShareLinks, ShareSync
from skima.stamps import stamp_settled
from skima.writeback import WriteBack

logger = logging.getLogger(__name__)


def _followed_key(job: JobRecord) -> str | None:
    if job.last_updated is None:
        return None
    return f"sharetag#{job.job_id}#{job.last_updated.astimezone(UTC).isoformat(timespec='seconds')}"


def _settled(sync: ShareSync) -> bool:
    """Whether nothing is left to do for this job version (a link another invocation is still announcing, or a
    lost race, must be looked at again on the next read)."""
    if sync.action == "kept":
        return sync.link is not None and sync.link.announced_at is not None
    return True


class ShareTagFollower:
    def __init__(
        self,
        links: ShareLinks,
        writeback: WriteBack,
        outbox: Outbox,
        *,
        share_tag: str,
        job_tags: Callable[[int], Sequence[str]],
        top10: Callable[[int], Sequence[int]],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._links = links
        self._writeback = writeback
        self._outbox = outbox
        self._share_tag = share_tag
        self._job_tags = job_tags
        self._top10 = top10
        self._clock = clock

    def job_seen(self, job: JobRecord) -> str:
        tags = job.tags
        followed_key: str | None = None
        if tags is None:
            followed_key = _followed_key(job)
            if followed_key is not None and self._outbox.outbox_status(followed_key) == "done":
                return "unchanged"
            tags = self._job_tags(job.job_id)  # the one extra Tracker read, once per job version
        sync = self._links.sync_share_tag(job.job_id, job.title, tags, self._share_tag, manager_name=job.contact_name)
        created = sync.created
        if created is not None:
            sent = self._writeback.announce_link(
                created, self._top10(job.job_id), mark_announced=lambda: self._links.mark_announced(created.link)
            )
            logger.info("job %s shared: link %s announced in %d notes", job.job_id, created.link.link_id, sent)
        elif sync.action == "revoked":
            logger.info("job %s: share tag removed, %d link(s) revoked", job.job_id, sync.revoked)
        # A stamp proves "this version was followed" only when our read came well after its second.
        trusted = stamp_settled(self._clock(), job.last_updated, job.updated_utc)
        if followed_key is not None and trusted and _settled(sync):
            self._outbox.outbox_done(followed_key, sync.action)
        return sync.action
