"""The ScoresTable (job_id, candidate_id): the scorer's rows (DynamoScoreStore) and the shortlist page's read of
them (DynamoShortlistSource).

- `rank_key = "<100 - score, 3 digits>#<candidate id, 12 digits>"` on scored rows only (a sparse by_score
  index): an ascending Query gives the best first, ties broken by the lower candidate id.
- A row is replaced only when its `content_version` is not older than the stored one, so a late, older event
  never overwrites a newer result. The written-back fields (`written_*`, `writeback_done_for`) are left alone
  by `put` and set by `mark_written` only while the row still holds the same inputs.
- Every `put` (re-scoring included) sets `expires_at` (DynamoDB TTL, epoch seconds) to now + the retention.
- `delete_candidate` removes a candidate's rows for every job (found through the by_candidate index).
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from skima.adapters.dynamo_errors import ConditionalWrite, DynamoErrors
from skima.config import DEFAULT_RETENTION_DAYS, retention_seconds
from skima.scoring.ports import ScoreRow, WrittenBack
from skima.shortlist.models import Evidence, ShortlistEntry
from skima.stages import is_closed_stage

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

TOP_N = 10


def rank_key(score: int, candidate_id: int) -> str:
    return f"{100 - max(0, min(100, score)):03d}#{int(candidate_id):012d}"


def _strings(values: Any) -> list[dict[str, Any]]:
    return [{"S": str(value)} for value in values]


def _read_strings(item: dict[str, Any], key: str) -> list[str]:
    return [value["S"] for value in item.get(key, {}).get("L", []) if "S" in value]


def _int(item: dict[str, Any], key: str) -> int | None:
    value = item.get(key, {}).get("N")
    return int(value) if value is not None else None


def _str(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key, {}).get("S")
    return str(value) if value is not None else None


class DynamoScoreStore:
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
        self._retention_seconds = retention_seconds(retention_days, "score")
        self._clock = clock

    def get(self, job_id: int, candidate_id: int) -> ScoreRow | None:
        with DynamoErrors("scores read"):
            response = self._client.get_item(
                TableName=self._table,
                Key={"job_id": {"S": str(int(job_id))}, "candidate_id": {"S": str(int(candidate_id))}},
                ConsistentRead=True,
            )
        item = response.get("Item")
        return self._row(item) if item else None

    def put(self, row: ScoreRow) -> bool:
        now = int(self._clock())
        values: dict[str, Any] = {
            ":status": {"S": row.status},
            ":reasons": {"L": _strings(row.reasons)},
            ":gaps": {"L": _strings(row.gaps)},
            ":receipt_id": {"S": row.receipt_id},
            ":receipt": {"S": row.receipt_json},
            ":result": {"B": zlib.compress(row.result_json.encode("utf-8"), 6)},
            ":version": {"S": row.content_version},
            ":inputs": {"S": row.inputs_hash},
            ":engine": {"S": row.engine_version},
            ":title": {"S": row.job_title},
            ":origin": {"S": row.origin},
            ":scored_at": {"N": str(now)},
            ":expires": {"N": str(now + self._retention_seconds)},
        }
        sets = [
            "#status = :status",
            "reasons = :reasons",
            "gaps = :gaps",
            "receipt_id = :receipt_id",
            "receipt = :receipt",
            "#result = :result",
            "content_version = :version",
            "inputs_hash = :inputs",
            "engine_version = :engine",
            "job_title = :title",
            "origin = :origin",
            "scored_at = :scored_at",
            "expires_at = :expires",
        ]
        removes: list[str] = []
        if row.status == "scored" and row.score is not None:
            values[":score"] = {"N": str(int(row.score))}
            values[":rank"] = {"S": rank_key(row.score, row.candidate_id)}
            sets += ["score = :score", "rank_key = :rank"]
        else:
            removes += ["score", "rank_key"]  # no number, and out of the ranking (sparse index)
        optional = {
            "placement_id": row.placement_id,
            "placement_status_id": row.placement_status_id,
        }
        for name, value in optional.items():
            if value is not None:
                values[f":{name}"] = {"N": str(int(value))}
                sets.append(f"{name} = :{name}")
        if row.placement_status_name is not None:
            values[":placement_status_name"] = {"S": row.placement_status_name}
            sets.append("placement_status_name = :placement_status_name")
        if row.candidate_name:
            # Only set when this write knows it: a row scored from cached data keeps the name stored earlier.
            values[":candidate_name"] = {"S": row.candidate_name}
            sets.append("candidate_name = :candidate_name")
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        with ConditionalWrite("scores write") as write:
            self._client.update_item(
                TableName=self._table,
                Key={"job_id": {"S": str(int(row.job_id))}, "candidate_id": {"S": str(int(row.candidate_id))}},
                UpdateExpression=expression,
                ConditionExpression="attribute_not_exists(content_version) OR content_version <= :version",
                ExpressionAttributeNames={"#status": "status", "#result": "result"},
                ExpressionAttributeValues=values,
            )
        return not write.refused

    def mark_written(self, job_id: int, candidate_id: int, inputs_hash: str, written: WrittenBack | None) -> bool:
        values: dict[str, Any] = {":inputs": {"S": inputs_hash}}
        sets = ["writeback_done_for = :inputs"]
        removes: list[str] = []
        if written is not None:
            values[":wstatus"] = {"S": written.status}
            values[":wreasons"] = {"L": _strings(written.reasons)}
            sets += ["written_status = :wstatus", "written_reasons = :wreasons"]
            if written.content_key is not None:
                values[":wcontent"] = {"S": written.content_key}
                sets.append("written_content_key = :wcontent")
            if written.score is not None:
                values[":wscore"] = {"N": str(int(written.score))}
                sets.append("written_score = :wscore")
            else:
                removes.append("written_score")
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        with ConditionalWrite("scores write") as write:
            self._client.update_item(
                TableName=self._table,
                Key={"job_id": {"S": str(int(job_id))}, "candidate_id": {"S": str(int(candidate_id))}},
                UpdateExpression=expression,
                ConditionExpression="inputs_hash = :inputs",
                ExpressionAttributeValues=values,
            )
        return not write.refused

    def jobs_of(self, candidate_id: int) -> list[int]:
        items = self._query(
            IndexName="by_candidate",
            KeyConditionExpression="candidate_id = :c",
            ExpressionAttributeValues={":c": {"S": str(int(candidate_id))}},
        )
        return sorted({int(item["job_id"]["S"]) for item in items})

    def delete_candidate(self, candidate_id: int) -> int:
        """Delete the candidate's row for every job; how many there were (0 when already gone)."""
        deleted = 0
        for job_id in self.jobs_of(candidate_id):
            with DynamoErrors("scores delete"):
                self._client.delete_item(
                    TableName=self._table,
                    Key={"job_id": {"S": str(job_id)}, "candidate_id": {"S": str(int(candidate_id))}},
                )
            deleted += 1
        return deleted

    def candidates_of(self, job_id: int) -> set[int]:
        items = self._query(
            KeyConditionExpression="job_id = :j",
            ExpressionAttributeValues={":j": {"S": str(int(job_id))}},
            ProjectionExpression="candidate_id",
        )
        return {int(item["candidate_id"]["S"]) for item in items}

    def top10(self, job_id: int) -> list[ScoreRow]:
        """The ten best live rows: an application whose stage is closed, or a row past its retention that TTL has
        not removed yet (up to 48 h), is passed over, so the index is read on until ten are found."""
        rows: list[ScoreRow] = []
        now = self._clock()
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": "by_score",
            "KeyConditionExpression": "job_id = :j",
            "ExpressionAttributeValues": {":j": {"S": str(int(job_id))}},
            "ScanIndexForward": True,
            "Limit": TOP_N * 2,
        }
        while len(rows) < TOP_N:
            with DynamoErrors("scores query"):
                response = self._client.query(**kwargs)
            for item in response.get("Items", []):
                expires_at = _int(item, "expires_at")
                row = self._row(item)
                if (expires_at is None or expires_at > now) and not is_closed_stage(row.placement_status_name):
                    rows.append(row)
            start = response.get("LastEvaluatedKey")
            if not start:
                break
            kwargs["ExclusiveStartKey"] = start
        return rows[:TOP_N]

    def _query(self, **kwargs: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        start: dict[str, Any] | None = None
        while True:
            if start is not None:
                kwargs["ExclusiveStartKey"] = start
            with DynamoErrors("scores query"):
                response = self._client.query(TableName=self._table, **kwargs)
            items.extend(response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start:
                return items

    @staticmethod
    def _row(item: dict[str, Any]) -> ScoreRow:
        written: WrittenBack | None = None
        if "written_status" in item:
            written = WrittenBack(
                score=_int(item, "written_score"),
                status=item["written_status"]["S"],
                reasons=tuple(_read_strings(item, "written_reasons")),
                content_key=_str(item, "written_content_key"),
            )
        result_blob = item.get("result", {}).get("B")
        status = _str(item, "status")
        origin = _str(item, "origin")
        return ScoreRow(
            job_id=int(item["job_id"]["S"]),
            candidate_id=int(item["candidate_id"]["S"]),
            status=cast(Literal["scored", "insufficient_evidence"], status or "insufficient_evidence"),
            score=_int(item, "score"),
            reasons=_read_strings(item, "reasons"),
            gaps=_read_strings(item, "gaps"),
            receipt_id=_str(item, "receipt_id") or "",
            receipt_json=_str(item, "receipt") or "{}",
            result_json=zlib.decompress(result_blob).decode("utf-8") if result_blob else "{}",
            content_version=_str(item, "content_version") or "",
            inputs_hash=_str(item, "inputs_hash") or "",
            engine_version=_str(item, "engine_version") or "",
            job_title=_str(item, "job_title") or "",
            placement_id=_int(item, "placement_id"),
            placement_status_id=_int(item, "placement_status_id"),
            placement_status_name=_str(item, "placement_status_name"),
            origin=cast(Literal["application", "rediscovery"], origin or "application"),
            written=written,
            writeback_done_for=_str(item, "writeback_done_for"),
            candidate_name=_str(item, "candidate_name"),
        )


# ---------------------------------------------------------------------- the shortlist page's read


def _from_epoch(seconds: int | None) -> datetime | None:
    return datetime.fromtimestamp(seconds, tz=UTC) if seconds is not None else None


def _evidence(result_blob: bytes | None) -> tuple[Evidence, ...]:
    """The requirement-by-requirement evidence from the stored MatchResult (zlib JSON); none if unreadable."""
    if not result_blob:
        return ()
    try:
        result = json.loads(zlib.decompress(result_blob))
        requirements = result.get("requirements", []) if isinstance(result, dict) else []
        return tuple(
            Evidence(
                label=str(req.get("label", "")),
                verdict=str(req.get("verdict", "")),
                quote=str(req["evidence"]) if req.get("evidence") else None,
                weight=_weight(req.get("weight")),
            )
            for req in requirements
            if isinstance(req, dict)
        )
    except (zlib.error, ValueError, TypeError, AttributeError):
        return ()


def _weight(value: object) -> float:
    try:
        weight = float(value) if isinstance(value, int | float | str) else 1.0
    except ValueError:
        return 1.0
    return weight if weight >= 0 else 1.0


# Ten live ones plus the next are usually in the first page; closed applications only make it read on.
_RANKED_PAGE = 25


class DynamoShortlistSource:
    """The shortlist page's read: the job's rows best first from the by_score index, and one row by key."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def ranked(self, job_id: int, min_score: int) -> Iterator[ShortlistEntry]:
        if not 0 <= min_score <= 100:
            raise ValueError(f"a score floor is from 0 to 100, not {min_score}")
        # rank_key starts with 100 - score (3 digits): every key of a score >= min_score sorts before this one.
        below_floor = f"{100 - min_score + 1:03d}"
        start: dict[str, Any] | None = None
        while True:
            extra: dict[str, Any] = {"ExclusiveStartKey": start} if start else {}
            with DynamoErrors("scores query"):
                response = self._client.query(
                    TableName=self._table,
                    IndexName="by_score",
                    KeyConditionExpression="job_id = :j AND rank_key < :floor",
                    ExpressionAttributeValues={":j": {"S": str(int(job_id))}, ":floor": {"S": below_floor}},
                    ScanIndexForward=True,
                    Limit=_RANKED_PAGE,
                    **extra,
                )
            yield from (self._entry(item) for item in response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start:
                return

    def entry(self, job_id: int, candidate_id: int) -> ShortlistEntry | None:
        with DynamoErrors("scores read"):
            response = self._client.get_item(
                TableName=self._table,
                Key={"job_id": {"S": str(int(job_id))}, "candidate_id": {"S": str(int(candidate_id))}},
            )
        item = response.get("Item")
        return self._entry(item) if item else None

    @staticmethod
    def _entry(item: dict[str, Any]) -> ShortlistEntry:
        candidate_id = int(item["candidate_id"]["S"])
        score = item.get("score", {}).get("N")
        placement = item.get("placement_id", {}).get("N")
        name = item.get("candidate_name", {}).get("S", "").strip()
        return ShortlistEntry(
            job_id=int(item["job_id"]["S"]),
            candidate_id=candidate_id,
            display_name=name or f"Candidate {candidate_id}",
            score=int(score) if score is not None else None,
            status=item.get("status", {}).get("S", "insufficient_evidence"),
            reasons=tuple(_read_strings(item, "reasons")),
            gaps=tuple(_read_strings(item, "gaps")),
            evidence=_evidence(item.get("result", {}).get("B")),
            updated_at=_from_epoch(_int(item, "scored_at")),
            job_title=item.get("job_title", {}).get("S", ""),
            placement_id=int(placement) if placement is not None else None,
            placement_status_name=item.get("placement_status_name", {}).get("S"),
            rediscovered=item.get("origin", {}).get("S") == "rediscovery",
        )
