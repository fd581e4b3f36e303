"""The ProfilesTable: parsed candidate profiles with their embeddings and prepared jobs (DynamoProfileCache), and
rediscovery's storage: the vector index (DynamoVectorStore), batch profile reads (DynamoProfileBatch) and the
rediscovery log (DynamoRediscoveryLog).

One table, key `candidate_id`:
- a candidate: `candidate_id = "<id>"`, `kind = "candidate"`;
- a prepared job: `candidate_id = "job#<id>"`, `kind = "job"` (rediscovery scans filter on `kind`).
- `vectors#<model>#<chunk>`: `kind="vectors"`, `ids` (int64 LE), `vectors` (float16 LE, one row per id, ids
  sorted), `version` (optimistic lock). A chunk holds candidates `chunk * CHUNK_SPAN ...` (skima.pipeline.
  rediscovery), so a chunk is bounded (128 x 776 B = 97 KB) and 100,000 candidates are ~800 items (77 MB), read
  with BatchGetItem in a few seconds.
- `vectors#<model>#manifest`: one attribute `c<chunk> = <version>` per chunk: a container's refresh reads this
  small item and fetches only the chunks whose version moved.
- `rediscovery#<job id>`: `done_for` = the job text hash (+ engine, model) the last completed rediscovery used.
`<model>` is a short hash of the embedding model id: vectors of another model are never compared.
The engine objects are stored as one binary attribute (`.to_bytes()`: zlib-compressed JSON); anything over
`MAX_BLOB_BYTES` is not cached (DynamoDB's item limit is 400 KB) and is simply rebuilt next time.
A candidate item carries `expires_at` (DynamoDB TTL, epoch seconds): its last write plus the retention; an
expired profile is simply rebuilt if the candidate comes back. Prepared jobs hold no personal data: no TTL.
(The candidate backfill's cursor is in the StateTable: `skima.adapters.dynamo_state.DynamoBackfillCursor`.)
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from skima.adapters.dynamo_errors import ConditionalWrite, DynamoErrors
from skima.config import DEFAULT_RETENTION_DAYS, retention_seconds
from skima.engine import CandidateProfile, PreparedJob
from skima.errors import DependencyUnavailable
from skima.scoring.ports import CachedJob, CachedProfile
from skima.scoring.vector_index import DIMS, Vector, VectorChunk, chunk_of

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

logger = logging.getLogger(__name__)

MAX_BLOB_BYTES = 350 * 1024


def _stamp(value: datetime | None) -> dict[str, Any]:
    return {"S": value.astimezone(UTC).isoformat()} if value is not None else {"NULL": True}


def _read_stamp(item: dict[str, Any], key: str) -> datetime | None:
    value = item.get(key, {}).get("S")
    return datetime.fromisoformat(value) if value else None


def cached_profile_from_item(item: dict[str, Any]) -> CachedProfile | None:
    """A ProfilesTable candidate item as a CachedProfile: the one reading of single and batch reads alike."""
    if "profile" not in item:
        return None
    candidate_id = int(item["candidate_id"]["S"])
    try:
        profile = CandidateProfile.from_bytes(item["profile"]["B"])
    except Exception:  # a blob from an older engine layout: rebuilt rather than fail the message
        logger.warning("cached profile of %s unreadable; rebuilding", candidate_id)
        return None
    return CachedProfile(
        candidate_id=candidate_id,
        profile=profile,
        source_key=item.get("source_key", {}).get("S", ""),
        candidate_stamp=_read_stamp(item, "candidate_stamp"),
        document_stamp=_read_stamp(item, "document_stamp"),
        tags=tuple(tag["S"] for tag in item.get("tags", {}).get("L", []) if "S" in tag),
        document_size=int(item["document_size"]["N"]) if "N" in item.get("document_size", {}) else None,
        confirmed_at=_read_stamp(item, "confirmed_at"),
        display_name=item.get("display_name", {}).get("S") or None,
    )


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
        return cached_profile_from_item(item) if item is not None else None

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


# ---------------------------------------------------------------------- rediscovery: vectors, batch reads, log

_BATCH_GET_KEYS = 100  # DynamoDB's BatchGetItem limit
_UNPROCESSED_RETRIES = 8
_WRITE_CONFLICT_RETRIES = 8


def model_namespace(model_id: str) -> str:
    return hashlib.sha256(model_id.encode("utf-8")).hexdigest()[:10]


def _batch_get(
    client: DynamoDBClient, table: str, keys: Sequence[str], *, consistent: bool = False
) -> list[dict[str, Any]]:
    """Every item of `keys` (<= 100), retrying DynamoDB's unprocessed keys with a short backoff."""
    items: list[dict[str, Any]] = []
    request: dict[str, Any] = {
        table: {"Keys": [{"candidate_id": {"S": key}} for key in keys], "ConsistentRead": consistent}
    }
    for attempt in range(_UNPROCESSED_RETRIES + 1):
        with DynamoErrors("profiles batch read"):
            response = client.batch_get_item(RequestItems=request)
        items.extend(response.get("Responses", {}).get(table, []))
        unprocessed: dict[str, Any] = dict(response.get("UnprocessedKeys") or {})
        if not unprocessed.get(table, {}).get("Keys"):
            return items
        request = unprocessed
        time.sleep(min(0.05 * 2**attempt, 1.0))
    raise DependencyUnavailable("profiles batch read: unprocessed keys after retries")


class DynamoVectorStore:
    """`skima.scoring.vector_index.VectorStore` on the ProfilesTable (see the module doc for the item shapes)."""

    def __init__(self, client: DynamoDBClient, table_name: str, model_id: str, *, load_workers: int = 4) -> None:
        self._client = client
        self._table = table_name
        self._prefix = f"vectors#{model_namespace(model_id)}#"
        self._workers = load_workers

    def _chunk_key(self, chunk: int) -> str:
        return f"{self._prefix}{int(chunk)}"

    @property
    def manifest_key(self) -> str:
        return f"{self._prefix}manifest"

    def manifest(self) -> dict[int, int]:
        with DynamoErrors("vectors manifest read"):
            response = self._client.get_item(
                TableName=self._table, Key={"candidate_id": {"S": self.manifest_key}}, ConsistentRead=True
            )
        item = response.get("Item") or {}
        return {int(name[1:]): int(value["N"]) for name, value in item.items() if name.startswith("c") and "N" in value}

    def load_chunks(self, chunks: Sequence[int]) -> list[VectorChunk]:
        keys = [self._chunk_key(chunk) for chunk in chunks]
        groups = [keys[start : start + _BATCH_GET_KEYS] for start in range(0, len(keys), _BATCH_GET_KEYS)]
        if len(groups) <= 1:
            results = [_batch_get(self._client, self._table, group) for group in groups]
        else:  # boto3 clients are thread-safe; a cold load of ~800 chunks is network-bound
            with ThreadPoolExecutor(max_workers=self._workers) as pool:
                results = list(pool.map(lambda group: _batch_get(self._client, self._table, group), groups))
        return [self._decode(item) for items in results for item in items]

    @staticmethod
    def _decode(item: dict[str, Any]) -> VectorChunk:
        dims = int(item.get("dims", {}).get("N", DIMS))
        ids = np.frombuffer(item.get("ids", {}).get("B", b""), dtype="<i8").astype(np.int64)
        vectors = np.frombuffer(item.get("vectors", {}).get("B", b""), dtype="<f2").reshape(-1, dims)
        if len(ids) != len(vectors):
            raise DependencyUnavailable(f"vectors chunk {item['candidate_id']['S']} is inconsistent")
        return VectorChunk(
            chunk=int(item["chunk"]["N"]),
            version=int(item["version"]["N"]),
            ids=ids,
            vectors=vectors.astype(np.float16),
        )

    def upsert_many(self, vectors: Mapping[int, Vector]) -> int:
        by_chunk: dict[int, dict[int, Vector]] = {}
        for candidate_id, vector in vectors.items():
            by_chunk.setdefault(chunk_of(candidate_id), {})[int(candidate_id)] = vector
        return sum(1 for chunk, updates in sorted(by_chunk.items()) if self._write_chunk(chunk, updates))

    def remove_many(self, candidate_ids: Sequence[int]) -> int:
        by_chunk: dict[int, dict[int, Vector | None]] = {}
        for candidate_id in candidate_ids:
            by_chunk.setdefault(chunk_of(candidate_id), {})[int(candidate_id)] = None
        return sum(1 for chunk, updates in sorted(by_chunk.items()) if self._write_chunk(chunk, updates))

    def _write_chunk(self, chunk: int, updates: Mapping[int, Vector | None]) -> bool:
        """Read-modify-write with an optimistic version check (scorers and the backfill write concurrently).
        A None update removes that candidate's row."""
        key = self._chunk_key(chunk)
        for _ in range(_WRITE_CONFLICT_RETRIES):
            with DynamoErrors("vectors read"):
                response = self._client.get_item(
                    TableName=self._table, Key={"candidate_id": {"S": key}}, ConsistentRead=True
                )
            item = response.get("Item")
            rows: dict[int, np.ndarray[Any, np.dtype[np.float16]]] = {}
            version = 0
            if item is not None:
                current = self._decode(item)
                version = current.version
                rows = {int(i): v for i, v in zip(current.ids, current.vectors, strict=True)}
            changed = False
            for candidate_id, vector in updates.items():
                if vector is None:
                    changed = rows.pop(candidate_id, None) is not None or changed
                    continue
                row = np.asarray(vector, dtype=np.float32).reshape(DIMS).astype(np.float16)
                old = rows.get(candidate_id)
                if old is None or not np.array_equal(old, row):
                    rows[candidate_id] = row
                    changed = True
            if not changed:
                return False
            ids = np.array(sorted(rows), dtype="<i8")
            matrix = np.stack([rows[int(i)] for i in ids]).astype("<f2") if rows else np.zeros((0, DIMS), dtype="<f2")
            with ConditionalWrite("vectors write") as write:
                self._client.put_item(
                    TableName=self._table,
                    Item={
                        "candidate_id": {"S": key},
                        "kind": {"S": "vectors"},
                        "chunk": {"N": str(int(chunk))},
                        "version": {"N": str(version + 1)},
                        "dims": {"N": str(DIMS)},
                        "count": {"N": str(len(ids))},
                        "ids": {"B": ids.tobytes()},
                        "vectors": {"B": matrix.tobytes()},
                        "updated_at": {"S": datetime.now(UTC).isoformat()},
                    },
                    ConditionExpression="attribute_not_exists(version) OR version = :old",
                    ExpressionAttributeValues={":old": {"N": str(version)}},
                )
            if write.refused:
                continue  # another writer got there first: read again and merge
            self._publish(chunk, version + 1)
            return True
        raise DependencyUnavailable(f"vectors chunk {chunk}: too many concurrent writers")

    def _publish(self, chunk: int, version: int) -> None:
        """Tell every container the chunk moved on (never backwards: writers may publish out of order)."""
        # Refused when this version or a later one is published already: nothing to do.
        with ConditionalWrite("vectors manifest write"):
            self._client.update_item(
                TableName=self._table,
                Key={"candidate_id": {"S": self.manifest_key}},
                UpdateExpression="SET #c = :v, kind = :kind",
                ConditionExpression="attribute_not_exists(#c) OR #c < :v",
                ExpressionAttributeNames={"#c": f"c{int(chunk)}"},
                ExpressionAttributeValues={":v": {"N": str(version)}, ":kind": {"S": "vectors_manifest"}},
            )


class DynamoProfileBatch:
    """`ProfileBatchSource`: cached profiles read 100 at a time (BatchGetItem), for rediscovery's second stage."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def get_profiles(self, candidate_ids: Sequence[int]) -> dict[int, CachedProfile]:
        keys = [str(int(cid)) for cid in dict.fromkeys(candidate_ids)]
        found: dict[int, CachedProfile] = {}
        for start in range(0, len(keys), _BATCH_GET_KEYS):
            for item in _batch_get(self._client, self._table, keys[start : start + _BATCH_GET_KEYS]):
                cached = cached_profile_from_item(item)
                if cached is not None:
                    found[cached.candidate_id] = cached
        return found


class DynamoRediscoveryLog:
    """`RediscoveryLog` on the ProfilesTable (`rediscovery#<job id>`)."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def done_for(self, job_id: int) -> str | None:
        with DynamoErrors("rediscovery log read"):
            response = self._client.get_item(
                TableName=self._table, Key={"candidate_id": {"S": f"rediscovery#{int(job_id)}"}}, ConsistentRead=True
            )
        value = (response.get("Item") or {}).get("done_for", {}).get("S")
        return str(value) if value is not None else None

    def mark_done(self, job_id: int, key: str) -> None:
        with DynamoErrors("rediscovery log write"):
            self._client.put_item(
                TableName=self._table,
                Item={
                    "candidate_id": {"S": f"rediscovery#{int(job_id)}"},
                    "kind": {"S": "rediscovery"},
                    "done_for": {"S": key},
                    "updated_at": {"S": datetime.now(UTC).isoformat()},
                },
            )
