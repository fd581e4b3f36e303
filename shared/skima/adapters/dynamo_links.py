"""The LinksTable (share links, keyed by the SHA-256 of their token) and the shortlist's read of the ScoresTable.

Links table items:
- a link: `token_hash` (hex SHA-256, never the token), `link_id`, `job_id` (S, the by_job index), `job_title`,
  `created_at`, `expires_at` (epoch seconds, also the TTL attribute), `source`, `nonce_key` (per-link HMAC key
  for the form nonce), `hide_score`, `hide_gaps`, `revoked` + `revoked_at`, `announced_at`, `manager_name`
  (who the link was made for; absent when nobody was named).
- the job's share-tag marker: `token_hash = "tagshare#<job id>"` → `link_hash`, `claimed_at`; it has no
  `job_id`, so it stays out of the by_job index. Its conditional writes let one scorer invocation win a race.

The shortlist function reads scores here rather than through the scorer's adapter, because that one imports the
engine (numpy), which the shortlist function does not ship.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from botocore.exceptions import BotoCoreError, ClientError

from skima.adapters.dynamo_errors import conditional_check_failed, error_code
from skima.errors import DependencyUnavailable
from skima.shortlist.models import Evidence, LinkSource, ShareLink, ShortlistEntry
from skima.shortlist.tokens import signing_key_from_secret

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

TAG_SHARE_GRACE = timedelta(minutes=20)


def _epoch(moment: datetime) -> dict[str, str]:
    return {"N": str(int(moment.timestamp()))}


def _from_epoch(value: dict[str, Any] | None) -> datetime | None:
    if not value or "N" not in value:
        return None
    return datetime.fromtimestamp(int(value["N"]), tz=UTC)


def link_store_for_table(table_name: str) -> DynamoLinkStore:
    """For the admin CLI: a store on the default AWS session (AWS_PROFILE, AWS_ENDPOINT_URL... apply)."""
    import boto3  # noqa: PLC0415

    return DynamoLinkStore(boto3.client("dynamodb"), table_name)


def link_signing_key_for_secret(secret_id: str) -> bytes:
    """For the admin CLI: the link signing key from its Secrets Manager secret (default AWS session)."""
    import boto3  # noqa: PLC0415

    from skima.adapters.secrets import CachedSecret  # noqa: PLC0415

    return signing_key_from_secret(CachedSecret(boto3.client("secretsmanager"), secret_id).value())


class DynamoLinkStore:
    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._table = table_name
        self._clock = clock

    def put(self, link: ShareLink) -> None:
        item: dict[str, Any] = {
            "token_hash": {"S": link.token_hash},
            "link_id": {"S": link.link_id},
            "job_id": {"S": str(int(link.job_id))},
            "job_title": {"S": link.job_title},
            "created_at": _epoch(link.created_at),
            "expires_at": _epoch(link.expires_at),
            "source": {"S": link.source},
            "nonce_key": {"S": link.nonce_key},
            "hide_score": {"BOOL": link.hide_score},
            "hide_gaps": {"BOOL": link.hide_gaps},
            "revoked": {"BOOL": link.revoked_at is not None},
        }
        if link.revoked_at is not None:
            item["revoked_at"] = _epoch(link.revoked_at)
        if link.announced_at is not None:
            item["announced_at"] = _epoch(link.announced_at)
        if link.manager_name:
            item["manager_name"] = {"S": link.manager_name}
        try:
            self._client.put_item(
                TableName=self._table, Item=item, ConditionExpression="attribute_not_exists(token_hash)"
            )
        except (BotoCoreError, ClientError) as exc:
            raise DependencyUnavailable(f"links write: {type(exc).__name__}") from exc

    def get(self, token_hash: str) -> ShareLink | None:
        try:
            response = self._client.get_item(
                TableName=self._table, Key={"token_hash": {"S": token_hash}}, ConsistentRead=True
            )
        except (BotoCoreError, ClientError) as exc:
            raise DependencyUnavailable(f"links read: {type(exc).__name__}") from exc
        item = response.get("Item")
        return self._link(item) if item and "job_id" in item else None

    def for_job(self, job_id: int) -> list[ShareLink]:
        items: list[dict[str, Any]] = []
        start: dict[str, Any] | None = None
        while True:
            kwargs: dict[str, Any] = {
                "TableName": self._table,
                "IndexName": "by_job",
                "KeyConditionExpression": "job_id = :j",
                "ExpressionAttributeValues": {":j": {"S": str(int(job_id))}},
            }
            if start:
                kwargs["ExclusiveStartKey"] = start
            try:
                response = self._client.query(**kwargs)
            except (BotoCoreError, ClientError) as exc:
                raise DependencyUnavailable(f"links query: {type(exc).__name__}") from exc
            items.extend(response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start:
                break
        # The index is eventually consistent: re-read each row by key for its current state.
        links = [self.get(item["token_hash"]["S"]) for item in items]
        return [link for link in links if link is not None]

    def _update(self, token_hash: str, expression: str, condition: str, values: dict[str, Any]) -> bool:
        try:
            self._client.update_item(
                TableName=self._table,
                Key={"token_hash": {"S": token_hash}},
                UpdateExpression=expression,
                ConditionExpression=condition,
                ExpressionAttributeValues=values,
            )
        except ClientError as exc:
            if conditional_check_failed(exc):
                return False
            raise DependencyUnavailable(f"links update: {error_code(exc)}") from exc
        except BotoCoreError as exc:
            raise DependencyUnavailable(f"links update: {type(exc).__name__}") from exc
        return True

    def revoke(self, token_hash: str, at: datetime) -> bool:
        return self._update(
            token_hash,
            "SET revoked = :yes, revoked_at = :at",
            "attribute_exists(job_id) AND revoked = :no",
            {":yes": {"BOOL": True}, ":no": {"BOOL": False}, ":at": _epoch(at)},
        )

    def extend(self, token_hash: str, expires_at: datetime) -> bool:
        return self._update(
            token_hash,
            "SET expires_at = :exp",
            "attribute_exists(job_id) AND revoked = :no",
            {":no": {"BOOL": False}, ":exp": _epoch(expires_at)},
        )

    def mark_announced(self, token_hash: str, at: datetime) -> None:
        self._update(token_hash, "SET announced_at = :at", "attribute_exists(job_id)", {":at": _epoch(at)})

    def claim_tag_share(self, job_id: int, token_hash: str, previous_hash: str | None) -> bool:
        now = self._clock()
        condition = "attribute_not_exists(token_hash) OR claimed_at < :stale"
        values: dict[str, Any] = {":stale": _epoch(now - TAG_SHARE_GRACE)}
        if previous_hash is not None:
            condition += " OR link_hash = :previous"
            values[":previous"] = {"S": previous_hash}
        try:
            self._client.put_item(
                TableName=self._table,
                Item={
                    "token_hash": {"S": f"tagshare#{int(job_id)}"},
                    "link_hash": {"S": token_hash},
                    "claimed_at": _epoch(now),
                },
                ConditionExpression=condition,
                ExpressionAttributeValues=values,
            )
        except ClientError as exc:
            if conditional_check_failed(exc):
                return False
            raise DependencyUnavailable(f"links claim: {error_code(exc)}") from exc
        except BotoCoreError as exc:
            raise DependencyUnavailable(f"links claim: {type(exc).__name__}") from exc
        return True

    def release_tag_share(self, job_id: int) -> None:
        try:
            self._client.delete_item(TableName=self._table, Key={"token_hash": {"S": f"tagshare#{int(job_id)}"}})
        except (BotoCoreError, ClientError) as exc:
            raise DependencyUnavailable(f"links release: {type(exc).__name__}") from exc

    @staticmethod
    def _link(item: dict[str, Any]) -> ShareLink:
        return ShareLink(
            token_hash=item["token_hash"]["S"],
            link_id=item["link_id"]["S"],
            job_id=int(item["job_id"]["S"]),
            job_title=item.get("job_title", {}).get("S", ""),
            created_at=_from_epoch(item.get("created_at")) or datetime.fromtimestamp(0, tz=UTC),
            expires_at=_from_epoch(item.get("expires_at")) or datetime.fromtimestamp(0, tz=UTC),
            source=cast(LinkSource, item.get("source", {}).get("S", "admin")),
            nonce_key=item["nonce_key"]["S"],
            hide_score=bool(item.get("hide_score", {}).get("BOOL", False)),
            hide_gaps=bool(item.get("hide_gaps", {}).get("BOOL", False)),
            revoked_at=(
                _from_epoch(item.get("revoked_at")) or datetime.fromtimestamp(0, tz=UTC)
                if item.get("revoked", {}).get("BOOL")
                else None
            ),
            announced_at=_from_epoch(item.get("announced_at")),
            manager_name=item.get("manager_name", {}).get("S") or None,
        )


# ---------------------------------------------------------------------- the ScoresTable, read-only


def _strings(item: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(value["S"] for value in item.get(key, {}).get("L", []) if "S" in value)


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
    """The job's live top-10 from the ScoresTable's by_score index (item shape: skima.adapters.dynamo_scores)."""

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
            try:
                response = self._client.query(
                    TableName=self._table,
                    IndexName="by_score",
                    KeyConditionExpression="job_id = :j AND rank_key < :floor",
                    ExpressionAttributeValues={":j": {"S": str(int(job_id))}, ":floor": {"S": below_floor}},
                    ScanIndexForward=True,
                    Limit=_RANKED_PAGE,
                    **extra,
                )
            except (BotoCoreError, ClientError) as exc:
                raise DependencyUnavailable(f"scores query: {type(exc).__name__}") from exc
            yield from (self._entry(item) for item in response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start:
                return

    def entry(self, job_id: int, candidate_id: int) -> ShortlistEntry | None:
        try:
            response = self._client.get_item(
                TableName=self._table,
                Key={"job_id": {"S": str(int(job_id))}, "candidate_id": {"S": str(int(candidate_id))}},
            )
        except (BotoCoreError, ClientError) as exc:
            raise DependencyUnavailable(f"scores read: {type(exc).__name__}") from exc
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
            reasons=_strings(item, "reasons"),
            gaps=_strings(item, "gaps"),
            evidence=_evidence(item.get("result", {}).get("B")),
            updated_at=_from_epoch(item.get("scored_at")),
            job_title=item.get("job_title", {}).get("S", ""),
            placement_id=int(placement) if placement is not None else None,
            placement_status_name=item.get("placement_status_name", {}).get("S"),
            rediscovered=item.get("origin", {}).get("S") == "rediscovery",
        )


# ---------------------------------------------------------------------- wrong-token rate limit (StateTable)


class DynamoGuessLimiter:
    """Fixed windows per client in the guess-limit table: more than `limit` dead or made-up tokens from one client
    (an IPv4 address or IPv6 /64) in `window_seconds` → blocked until the window ends. Clients are stored hashed;
    every row is written with its TTL, so the table holds at most one row per guessing client per live window.

    The table is its own, not the state table: the public function must never reach the Tracker JWT kept there.
    Behind CloudFront, prefer a WAF rate-based rule (reliability.md §5.3); this keeps a bare Function URL from
    being an unlimited guessing oracle (and bounds what guessing costs)."""

    def __init__(
        self,
        client: DynamoDBClient,
        guess_table: str,
        *,
        limit: int = 30,
        window_seconds: int = 300,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._table = guess_table
        self._limit = limit
        self._window = window_seconds
        self._clock = clock

    def _key(self, client: str) -> tuple[dict[str, Any], int]:
        now = int(self._clock().timestamp())
        window = now - now % self._window
        digest = hashlib.sha256(f"shortlist-guess|{client}".encode()).hexdigest()[:32]
        return {"pk": {"S": f"guess#{digest}"}, "sk": {"S": str(window)}}, window

    def blocked(self, client: str) -> bool:
        key, _ = self._key(client)
        try:
            item = self._client.get_item(TableName=self._table, Key=key).get("Item")
        except (BotoCoreError, ClientError) as exc:
            raise DependencyUnavailable(f"guess limiter: {type(exc).__name__}") from exc
        return item is not None and int(item["misses"]["N"]) >= self._limit

    def record_miss(self, client: str) -> None:
        key, window = self._key(client)
        try:
            self._client.update_item(
                TableName=self._table,
                Key=key,
                UpdateExpression="ADD misses :one SET expires_at = :exp",
                ExpressionAttributeValues={":one": {"N": "1"}, ":exp": {"N": str(window + 2 * self._window)}},
            )
        except (BotoCoreError, ClientError) as exc:
            raise DependencyUnavailable(f"guess limiter: {type(exc).__name__}") from exc
