"""In-memory fakes of the shortlist ports, for unit tests of the use cases (the DynamoDB adapters have their own
integration tests against moto)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from skima.errors import QueueUnavailable
from skima.models import QueueMessageBody
from skima.shortlist.models import Evidence, FeedbackSubmission, RecordedVerdict, ShareLink, ShortlistEntry
from skima.shortlist.ports import RecordResult

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class InMemoryLinkStore:
    def __init__(self) -> None:
        self.links: dict[str, ShareLink] = {}
        self.tag_shares: dict[int, str] = {}
        self.lookups: list[str] = []

    def put(self, link: ShareLink) -> None:
        assert link.token_hash not in self.links
        self.links[link.token_hash] = link

    def get(self, token_hash: str) -> ShareLink | None:
        self.lookups.append(token_hash)
        return self.links.get(token_hash)

    def for_job(self, job_id: int) -> list[ShareLink]:
        return [link for link in self.links.values() if link.job_id == job_id]

    def revoke(self, token_hash: str, at: datetime) -> bool:
        link = self.links.get(token_hash)
        if link is None or link.revoked_at is not None:
            return False
        self.links[token_hash] = replace(link, revoked_at=at)
        return True

    def extend(self, token_hash: str, expires_at: datetime) -> bool:
        link = self.links.get(token_hash)
        if link is None or link.revoked_at is not None:
            return False
        self.links[token_hash] = replace(link, expires_at=expires_at)
        return True

    def mark_announced(self, token_hash: str, at: datetime) -> None:
        self.links[token_hash] = replace(self.links[token_hash], announced_at=at)

    def claim_tag_share(self, job_id: int, token_hash: str, previous_hash: str | None) -> bool:
        if self.tag_shares.get(job_id) not in (None, previous_hash):
            return False
        self.tag_shares[job_id] = token_hash
        return True

    def release_tag_share(self, job_id: int) -> None:
        self.tag_shares.pop(job_id, None)


class InMemoryFeedbackStore:
    def __init__(self) -> None:
        self.items: dict[tuple[int, int, str], FeedbackSubmission] = {}
        self.enqueued: set[tuple[int, int, str]] = set()
        self.current: dict[tuple[int, int], RecordedVerdict] = {}

    def record(self, submission: FeedbackSubmission) -> RecordResult:
        key = (submission.job_id, submission.candidate_id, submission.feedback_key)
        if key in self.items:
            return RecordResult("duplicate", self.items[key], key in self.enqueued)
        self.items[key] = submission
        pair = (submission.job_id, submission.candidate_id)
        previous = self.current.get(pair)
        if previous is None or previous.submitted_at <= submission.submitted_at:
            self.current[pair] = RecordedVerdict(
                submission.verdict,
                submission.comment,
                submission.submitted_at,
                (previous.version if previous else 0) + 1,
            )
        return RecordResult("recorded", submission, False)

    def mark_enqueued(self, submission: FeedbackSubmission) -> None:
        self.enqueued.add((submission.job_id, submission.candidate_id, submission.feedback_key))

    def latest(self, job_id: int, candidate_ids: Sequence[int]) -> dict[int, RecordedVerdict]:
        return {cid: self.current[(job_id, cid)] for cid in candidate_ids if (job_id, cid) in self.current}

    def history(self, job_id: int, candidate_id: int) -> list[FeedbackSubmission]:
        found = [s for (j, c, _), s in self.items.items() if (j, c) == (job_id, candidate_id)]
        return sorted(found, key=lambda s: s.submitted_at)


class FakeSource:
    def __init__(self, entries: Sequence[ShortlistEntry] = ()) -> None:
        self.entries = list(entries)

    def ranked(self, job_id: int, min_score: int) -> list[ShortlistEntry]:
        ranked = [e for e in self.entries if e.job_id == job_id and e.score is not None and e.score >= min_score]
        return sorted(ranked, key=lambda e: (-(e.score or 0), e.candidate_id))

    def entry(self, job_id: int, candidate_id: int) -> ShortlistEntry | None:
        return next((e for e in self.entries if (e.job_id, e.candidate_id) == (job_id, candidate_id)), None)


class RecordingQueue:
    def __init__(self, fail: int = 0) -> None:
        self.sent: list[QueueMessageBody] = []
        self.fail = fail

    def send_batch(self, messages: Sequence[QueueMessageBody]) -> list[str]:
        if self.fail:
            self.fail -= 1
            raise QueueUnavailable("queue down")
        self.sent.extend(messages)
        return [str(len(self.sent))]


def entry(
    candidate_id: int,
    score: int | None,
    *,
    job_id: int = 42,
    name: str | None = None,
    reasons: Sequence[str] = ("6 yrs Java (2018-2024, Acme)", "Led a team of 5"),
    gaps: Sequence[str] = ("Kubernetes: not found in resume",),
    evidence: Sequence[Evidence] = (
        Evidence("Java", "met", "Senior Java developer at Acme 2018-2024"),
        Evidence("Kubernetes", "missing", None),
    ),
    placement_id: int | None = None,
) -> ShortlistEntry:
    return ShortlistEntry(
        job_id=job_id,
        candidate_id=candidate_id,
        display_name=name if name is not None else f"Person {candidate_id}",
        score=score,
        status="scored" if score is not None else "insufficient_evidence",
        reasons=tuple(reasons),
        gaps=tuple(gaps),
        evidence=tuple(evidence),
        updated_at=T0,
        job_title="Senior Java Developer",
        placement_id=placement_id,
        placement_status_name="Applied",
    )


class CountingLimiter:
    def __init__(self, limit: int = 3) -> None:
        self.limit = limit
        self.misses: dict[str, int] = {}

    def blocked(self, client: str) -> bool:
        return self.misses.get(client, 0) >= self.limit

    def record_miss(self, client: str) -> None:
        self.misses[client] = self.misses.get(client, 0) + 1
