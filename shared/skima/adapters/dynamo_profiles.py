"""The ProfilesTable: parsed candidate profiles with their embeddings, and prepared jobs.

One table, key `candidate_id`:
- a candidate: `candidate_id = "<id>"`, `kind = "candidate"`;
- a prepared job: `candidate_id = "job#<id>"`, `kind = "job"` (rediscovery scans filter on `kind`).
The engine objects are stored as one binary attribute (`.to_bytes()`: zlib-compressed JSON); anything over
`MAX_BLOB_BYTES` is not cached (DynamoDB's item limit is 400 KB) and is simply rebuilt next time.
A candidate item carries `expires_at` (DynamoDB TTL, epoch seconds): its last write plus the retention; an
expired profile is simply rebuilt if the candidate comes back. Prepared jobs hold no personal data: no TTL.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from skima.adapters.dynamo_errors import DynamoErrors
from skima.config import DEFAULT_RETENTION_DAYS, retention_seconds
from skima.engine import CandidateProfile, PreparedJob
from skima.pipeline.ports import CachedJob, CachedProfile

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

logger = logging.getLogger(__name__)

MAX_BLOB_BYTES = 350 * 1024


def _stamp(value: datetime | None) -> dict[str, Any]:
    return {"S": value.astimezone(UTC).isoformat()} if value is not None else {"NULL": True}


def _read_stamp(item: dict[str, Any], key: str) -> datetime | None:
    value = item.get(key, {}).get("S")
    return datetime.fromisoformat(value) if value else None


class DynamoProfileCache:
    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        *,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._table = table_name
        self._retention_seconds = retention_seconds(retention_days, "profile")
        self._clock = clock

    # ------------------------------------------------------------------ candidates
    def get_profile(self, candidate_id: int) -> CachedProfile | None:
        item = self._get(str(int(candidate_id)))
        if item is None or "profile" not in item:
            return None
        try:
            profile = CandidateProfile.from_bytes(item["profile"]["B"])
        except Exception:  # a blob from an older engine layout: rebuild rather than fail the message
            logger.warning("cached profile of %s unreadable; rebuilding", candidate_id)
            return None
        tags = item.get("tags", {}).get("L", [])
        return CachedProfile(
            candidate_id=int(candidate_id),
            profile=profile,
            source_key=item.get("source_key", {}).get("S", ""),
            candidate_stamp=_read_stamp(item, "candidate_stamp"),
            document_stamp=_read_stamp(item, "document_stamp"),
            tags=tuple(tag["S"] for tag in tags if "S" in tag),
            document_size=int(item["document_size"]["N"]) if "N" in item.get("document_size", {}) else None,
            confirmed_at=_read_stamp(item, "confirmed_at"),
            display_name=item.get("display_name", {}).get("S") or None,
        )

    def put_profile(self, cached: CachedProfile) -> None:
        blob = cached.profile.to_bytes()
        if len(blob) > MAX_BLOB_BYTES:
            logger.warning("profile of %s is %d bytes compressed; not cached", cached.candidate_id, len(blob))
            return
        self._put(
            {
                "candidate_id": {"S": str(int(cached.candidate_id))},
                "kind": {"S": "candidate"},
                "profile": {"B": blob},
                "source_key": {"S": cached.source_key},
                "candidate_stamp": _stamp(cached.candidate_stamp),
                "confirmed_at": _stamp(cached.confirmed_at),
                "document_stamp": _stamp(cached.document_stamp),
                "text_sha256": {"S": cached.profile.text_sha256},
                "profile_sha256": {"S": cached.profile.profile_sha256},
                "resume_source": {"S": cached.profile.source},
                "engine_version": {"S": cached.profile.engine_version},
                "model_id": {"S": cached.profile.model_id},
                "tags": {"L": [{"S": tag} for tag in cached.tags]},
                "document_size": (
                    {"N": str(cached.document_size)} if cached.document_size is not None else {"NULL": True}
                ),
                "updated_at": {"S": datetime.now(UTC).isoformat()},
                "expires_at": {"N": str(int(self._clock()) + self._retention_seconds)},
                **({"display_name": {"S": cached.display_name}} if cached.display_name else {}),
            }
        )

    def delete_profile(self, candidate_id: int) -> bool:
        """Forget the candidate's cached profile; False when there was none."""
        with DynamoErrors("profiles delete"):
            response = self._client.delete_item(
                TableName=self._table, Key={"candidate_id": {"S": str(int(candidate_id))}}, ReturnValues="ALL_OLD"
            )
        return bool(response.get("Attributes"))

    # ------------------------------------------------------------------ jobs
    def get_job(self, job_id: int) -> CachedJob | None:
        item = self._get(f"job#{int(job_id)}")
        if item is None:
            return None
        prepared: PreparedJob | None = None
        if "prepared" in item:
            try:
                prepared = PreparedJob.from_bytes(item["prepared"]["B"])
            except Exception:  # an older engine layout: prepare again
                logger.warning("cached job %s unreadable; preparing again", job_id)
                return None
        return CachedJob(
            job_id=int(job_id),
            title=item.get("title", {}).get("S", ""),
            description_sha256=item.get("description_sha256", {}).get("S", ""),
            is_open=bool(item.get("is_open", {}).get("BOOL", False)),
            job_stamp=_read_stamp(item, "job_stamp"),
            prepared=prepared,
        )

    def put_job(self, cached: CachedJob) -> None:
        item: dict[str, Any] = {
            "candidate_id": {"S": f"job#{int(cached.job_id)}"},
            "kind": {"S": "job"},
            "title": {"S": cached.title},
            "description_sha256": {"S": cached.description_sha256},
            "is_open": {"BOOL": cached.is_open},
            "job_stamp": _stamp(cached.job_stamp),
            "updated_at": {"S": datetime.now(UTC).isoformat()},
        }
        if cached.prepared is not None:
            blob = cached.prepared.to_bytes()
            if len(blob) > MAX_BLOB_BYTES:
                logger.warning("prepared job %s is %d bytes compressed; not cached", cached.job_id, len(blob))
                return
            item["prepared"] = {"B": blob}
            item["engine_version"] = {"S": cached.prepared.engine_version}
        self._put(item)

    # ------------------------------------------------------------------ plumbing
    def _get(self, key: str) -> dict[str, Any] | None:
        with DynamoErrors("profiles read"):
            response = self._client.get_item(TableName=self._table, Key={"candidate_id": {"S": key}})
        item: dict[str, Any] | None = response.get("Item")
        return item

    def _put(self, item: dict[str, Any]) -> None:
        with DynamoErrors("profiles write"):
            self._client.put_item(TableName=self._table, Item=item)
