"""``TrackerApi``: what use cases may ask of Tracker, without importing httpx.

``TrackerClient`` implements it; use-case tests can pass a hand-written fake.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Literal, Protocol, runtime_checkable

from skima.tracker.models import (
    ActivityRow,
    DownloadedDocument,
    Opportunity,
    OpportunityResource,
    Placement,
    RecordRow,
    Resource,
    ResourceDocument,
    Settings,
)
from skima.tracker.timing import Deadline

RecordType = Literal["R", "O", "X", "A"]
LinkType = Literal["R", "O"]


@runtime_checkable
class TrackerApi(Protocol):
    @property
    def request_count(self) -> int: ...

    def deadline(self, seconds: float | None = None) -> Deadline: ...

    def ensure_token(self, *, deadline: Deadline | None = None) -> None: ...

    def get_resource(self, resource_id: int, *, deadline: Deadline | None = None) -> Resource: ...

    def iter_resources(
        self,
        *,
        page_size: int = 50,
        max_pages: int | None = None,
        until_stable: bool = False,
        max_passes: int = 4,
        deadline: Deadline | None = None,
    ) -> Iterator[Resource]: ...

    def iter_resource_ids(
        self, *, updated_after: datetime | None = None, page_size: int = 100, deadline: Deadline | None = None
    ) -> Iterator[int]: ...

    def list_documents(self, resource_id: int, *, deadline: Deadline | None = None) -> list[ResourceDocument]: ...

    def download_document(
        self, resource_id: int, document_id: int, *, deadline: Deadline | None = None
    ) -> DownloadedDocument: ...

    def get_opportunity(self, opportunity_id: int, *, deadline: Deadline | None = None) -> Opportunity: ...

    def iter_opportunities(
        self,
        *,
        state: str = "open",
        updated_after: date | None = None,
        publish_online: bool | None = None,
        max_pages: int | None = None,
        deadline: Deadline | None = None,
    ) -> Iterator[Opportunity]: ...

    def get_opportunity_resource(
        self, opportunity_resource_id: int, *, deadline: Deadline | None = None
    ) -> OpportunityResource: ...

    def job_placements(self, opportunity_id: int, *, deadline: Deadline | None = None) -> list[Placement]: ...

    def get_job_with_placements(
        self, opportunity_id: int, *, deadline: Deadline | None = None
    ) -> tuple[Opportunity, list[Placement]]: ...

    def get_records(
        self,
        record_type: RecordType,
        *,
        updated_after: datetime | None = None,
        updated_before: datetime | None = None,
        state: str | None = None,
        page_size: int = 100,
        start_page: int = 0,
        max_pages: int | None = None,
        deadline: Deadline | None = None,
    ) -> Iterator[RecordRow]: ...

    def get_settings(self, *, deadline: Deadline | None = None) -> Settings: ...

    def find_activity(
        self,
        idempotency_key: str,
        *,
        link_type: LinkType | None = None,
        link_id: int | None = None,
        subject: str | None = None,
        deadline: Deadline | None = None,
    ) -> ActivityRow | None: ...

    def create_activity(
        self,
        *,
        link_type: LinkType,
        link_id: int,
        subject: str,
        note: str,
        idempotency_key: str,
        activity_type: str | None = None,
        status: str = "Completed",
        check_existing: bool = False,
        key_in_note: bool = False,
        deadline: Deadline | None = None,
    ) -> int | None: ...

    def add_tag(self, resource_id: int, tag: str, *, deadline: Deadline | None = None) -> bool: ...

    def add_tag_known(
        self, resource_id: int, tag: str, known_tags: list[str], *, deadline: Deadline | None = None
    ) -> bool: ...

    def remove_tag(self, resource_id: int, tag: str, *, deadline: Deadline | None = None) -> bool: ...

    def read_tags(self, resource_id: int, *, deadline: Deadline | None = None) -> list[str] | None: ...

    def set_placement_status(self, placement_id: int, status_id: int, *, deadline: Deadline | None = None) -> None: ...

    def resource_application(
        self,
        opportunity_id: int,
        resource_id: int,
        *,
        assign_to_list: Literal["short", "long"] = "short",
        shortlisted_by: Literal["user", "resource"] = "user",
        source: str | None = None,
        deadline: Deadline | None = None,
    ) -> bool: ...
