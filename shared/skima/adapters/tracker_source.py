"""The scorer's view of Tracker (`skima.scoring.ports.TrackerSource`) and every write SKIMA makes there
(`skima.ports.TrackerWriter`), on top of `TrackerClient`.

Normalises Tracker's shapes for the use case (aware UTC stamps, the primary resume picked from the documents,
the record's own text fields joined) and passes every call the invocation's deadline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from skima.adapters.tracker_feed import TrackerTimezone, parse_tracker_time, tracker_instant
from skima.scoring.ports import Application, CandidateRecord, DocumentContent, JobRecord, ResumeDocument
from skima.tracker.api import LinkType
from skima.tracker.client import TrackerClient
from skima.tracker.errors import TrackerBadResponse, TrackerError
from skima.tracker.models import Opportunity, Resource, ResourceDocument
from skima.tracker.timing import Deadline

logger = logging.getLogger(__name__)

# Job statuses that mean "no longer hiring" (REST names and the Widget's).
_CLOSED_JOB_STATUSES = frozenset({"closed", "filled", "won", "lost", "cancelled", "canceled", "inactive"})


def resource_fields_text(resource: Resource) -> str:
    """The record's own resume-like text: headline, summary, job history, education, skills."""
    parts: list[str] = []
    if resource.job_title:
        parts.append(resource.job_title)
    if resource.summary:
        parts.append(resource.summary)
    if resource.employment_history:
        parts.append(resource.employment_history)
    for job in resource.job_history:
        line = " ".join(str(value) for value in job.values() if isinstance(value, str | int) and str(value).strip())
        if line:
            parts.append(line)
    if resource.education_summary:
        parts.append(resource.education_summary)
    skills = [ref.name for ref in resource.quick_skills if ref.name]
    if skills:
        parts.append("Skills: " + ", ".join(skills))
    return "\n\n".join(part.strip() for part in parts if part.strip())


def resource_display_name(resource: Resource) -> str | None:
    """The name Tracker shows for the candidate (displayAs), else first name and surname."""
    name = " ".join((resource.display_as or "").split())
    if not name:
        name = " ".join(" ".join(part for part in (resource.first_name, resource.surname) if part).split())
    return name[:200] or None


def _clean_name(name: str | None) -> str | None:
    cleaned = " ".join((name or "").split())
    return cleaned[:200] or None


def pick_primary_resume(documents: Sequence[ResourceDocument]) -> ResourceDocument | None:
    """The primary resume: a resume marked primary, else a resume, else a document marked primary."""
    resumes = [doc for doc in documents if doc.is_resume]
    for group in ([d for d in resumes if d.is_primary], resumes, [d for d in documents if d.is_primary]):
        if group:
            # Newest upload first when several qualify (ids grow with uploads).
            return max(group, key=lambda doc: doc.document_id)
    return None


def is_open_status(status: str | None) -> bool:
    return (status or "").strip().lower() not in _CLOSED_JOB_STATUSES


# How long one REST job read answers both job_description and job_tags: one message's handling, not a cache.
_REST_JOB_REUSE = timedelta(seconds=5)


class TrackerRecordSource:
    def __init__(
        self,
        client: TrackerClient,
        deadline: Callable[[], Deadline],
        timezone: TrackerTimezone | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._deadline = deadline
        self._timezone = timezone
        self._clock = clock
        # The last REST job read, reused by the other of job_description / job_tags within the same moment: a
        # first sight of a job needs both (a thin widget description, no tags) from one record.
        self._last_rest_job: tuple[int, datetime, Opportunity] | None = None

    def _rest_job(self, job_id: int) -> Opportunity:
        now = self._clock()
        last = self._last_rest_job
        if last is not None and last[0] == job_id and timedelta(0) <= now - last[1] <= _REST_JOB_REUSE:
            return last[2]
        opportunity = self._client.get_opportunity(job_id, deadline=self._deadline())
        self._last_rest_job = (job_id, now, opportunity)
        return opportunity

    @staticmethod
    def _time(value: str | None) -> datetime | None:
        # Read without the calibrated offset on purpose: these stamps key caches and order score versions, which
        # need them consistent (a re-calibration must not re-key every profile or reorder versions), not exact.
        return parse_tracker_time(value)

    def _instant(self, value: str | None) -> datetime | None:
        return tracker_instant(value, self._timezone.offset() if self._timezone is not None else None)

    @property
    def request_count(self) -> int:
        return self._client.request_count

    def application(self, placement_id: int) -> Application:
        entry = self._client.get_opportunity_resource(placement_id, deadline=self._deadline())
        if entry.opportunity_id is None or entry.resource_id is None:
            raise TrackerBadResponse(
                "Tracker OpportunityResource without a job or candidate id", operation="get_opportunity_resource"
            )
        return Application(
            placement_id=entry.opportunity_resource_id,
            job_id=entry.opportunity_id,
            candidate_id=entry.resource_id,
            status_id=entry.status_id,
            status_name=entry.status_name,
            candidate_name=_clean_name(entry.resource_display_as),
        )

    def job(self, job_id: int) -> JobRecord:
        opportunity, placements = self._client.get_job_with_placements(job_id, deadline=self._deadline())
        return JobRecord(
            job_id=opportunity.opportunity_id,
            title=opportunity.title,
            description=opportunity.description,
            is_open=is_open_status(opportunity.status),
            last_updated=self._time(opportunity.last_updated),
            pipeline=tuple(
                Application(
                    placement_id=placement.placement_id,
                    job_id=opportunity.opportunity_id,
                    candidate_id=placement.resource_id,
                    status_id=placement.status_id,
                    status_name=placement.status_name,
                    candidate_name=_clean_name(placement.candidate_name),
                )
                for placement in placements
                if placement.resource_id is not None
            ),
            tags=opportunity.tags,  # None when getIndividualRecord left the tag field out
            updated_utc=self._instant(opportunity.last_updated),
            contact_name=_clean_name(opportunity.contact_name),
        )

    def job_description(self, job_id: int) -> str:
        """The job's full text from the REST record: the widget's job read may carry only its name (evidence 12.6,
        decision 0007)."""
        return self._rest_job(job_id).description

    def job_tags(self, job_id: int) -> list[str]:
        """The job's tags from the REST record (`tagText`), for when the job read did not carry them."""
        return self._rest_job(job_id).tags or []

    def candidate(self, candidate_id: int) -> CandidateRecord:
        resource = self._client.get_resource(candidate_id, deadline=self._deadline())
        return CandidateRecord(
            candidate_id=resource.resource_id,
            last_updated=self._time(resource.last_updated),
            tags=tuple(resource.tags),
            tags_read=resource.tags_known,
            fields_text=resource_fields_text(resource),
            display_name=resource_display_name(resource),
            updated_utc=self._instant(resource.last_updated),
        )

    def primary_resume(self, candidate_id: int) -> ResumeDocument | None:
        document = pick_primary_resume(self._client.list_documents(candidate_id, deadline=self._deadline()))
        if document is None:
            return None
        return ResumeDocument(
            document_id=document.document_id,
            filename=document.filename,
            content_type=document.content_type,
            size=document.size_bytes,
            created=self._time(document.created),
        )

    def download(self, candidate_id: int, document: ResumeDocument) -> DocumentContent:
        downloaded = self._client.download_document(candidate_id, document.document_id, deadline=self._deadline())
        return DocumentContent(
            content=downloaded.content,
            filename=downloaded.filename or document.filename,
            content_type=downloaded.content_type or document.content_type,
        )

    def create_note(
        self,
        target: LinkType,
        record_id: int,
        *,
        subject: str,
        note: str,
        idempotency_key: str,
        check_existing: bool,
    ) -> int | None:
        return self._note(target, record_id, subject, note, idempotency_key, check_existing)

    def _note(  # noqa: PLR0917 - private
        self, link_type: LinkType, record_id: int, subject: str, note: str, key: str, check_existing: bool
    ) -> int | None:
        # A note that ends with its `ref:` line carrying the key (the score notes, skima.score_note) keeps a subject
        # of plain words: the key is looked for in the note. Any other note gets the key as a marker on its subject.
        last_line = note.rsplit("\n", 1)[-1]
        key_in_note = last_line.startswith("ref: ") and key in last_line
        sent_at = self._clock()
        activity_id = self._client.create_activity(
            link_type=link_type,
            link_id=record_id,
            subject=subject,
            note=note,
            idempotency_key=key,
            check_existing=check_existing,
            key_in_note=key_in_note,
            deadline=self._deadline(),
        )
        answered_at = self._clock()
        if self._timezone is not None and self._timezone.due():
            self._calibrate(link_type, record_id, key, subject if key_in_note else None, sent_at, answered_at)
        return activity_id

    def _calibrate(  # noqa: PLR0917 - private
        self,
        link_type: LinkType,
        record_id: int,
        key: str,
        subject: str | None,
        sent_at: datetime,
        answered_at: datetime,
    ) -> None:
        """Read our note back once (a day) to learn the offset of Tracker's stamps; never fails the write."""
        assert self._timezone is not None
        try:
            found = self._client.find_activity(
                key, link_type=link_type, link_id=record_id, subject=subject, deadline=self._deadline()
            )
        except TrackerError:
            logger.warning("tracker stamp calibration: reading our note back failed", exc_info=True)
            return
        if found is None:
            logger.info("tracker stamp calibration: our note is not searchable yet")
            return
        self._timezone.calibrate(found.last_updated, sent_at, answered_at)

    def add_tag(self, candidate_id: int, tag: str, known_tags: Sequence[str] | None) -> bool:
        if known_tags is None:
            return self._client.add_tag(candidate_id, tag, deadline=self._deadline())
        return self._client.add_tag_known(candidate_id, tag, list(known_tags), deadline=self._deadline())

    def move_stage(self, placement_id: int, status_id: int) -> None:
        self._client.set_placement_status(placement_id, status_id, deadline=self._deadline())
