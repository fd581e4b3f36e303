"""The LinksTable: share links, keyed by the SHA-256 of their token.

Links table items:
- a link: `token_hash` (hex SHA-256, never the token), `link_id`, `job_id` (S, the by_job index), `job_title`,
  `created_at`, `expires_at` (epoch seconds, also the TTL attribute), `source`, `nonce_key` (per-link HMAC key
  for the form nonce), `hide_score`, `hide_gaps`, `revoked` + `revoked_at`, `announced_at`, `manager_name`
  (who the link was made for; absent when nobody was named).
- the job's share-tag marker: `token_hash = "tagshare#<job id>"` → `link_hash`, `claimed_at`; it has no
  `job_id`, so it stays out of the by_job index. Its conditional writes let one scorer invocation win a race.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from skima.adapters.dynamo_errors import ConditionalWrite, DynamoErrors
from skima.shortlist.models import LinkSource, ShareLink

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

TAG_SHARE_GRACE = timedelta(minutes=20)


def _epoch(moment: datetime) -> dict[str, str]:
    return {"N": str(int(moment.timestamp()))}


def _from_epoch(value: dict[str, Any] | None) -> datetime | None:
    if not value or "N" not in value:
        return None
    return datetime.fromtimestamp(int(value["N"]), tz=UTC)


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
        with DynamoErrors("links write"):
            self._client.put_item(
                TableName=self._table, Item=item, ConditionExpression="attribute_not_exists(token_hash)"
            )

    def get(self, token_hash: str) -> ShareLink | None:
        with DynamoErrors("links read"):
            response = self._client.get_item(
                TableName=self._table, Key={"token_hash": {"S": token_hash}}, ConsistentRead=True
            )
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
            with DynamoErrors("links query"):
                response = self._client.query(**kwargs)
            items.extend(response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start:
                break
        # The index is eventually consistent: re-read each row by key for its current state.
        links = [self.get(item["token_hash"]["S"]) for item in items]
        return [link for link in links if link is not None]

    def _update(self, token_hash: str, expression: str, condition: str, values: dict[str, Any]) -> bool:
        with ConditionalWrite("links update") as write:
            self._client.update_item(
                TableName=self._table,
                Key={"token_hash": {"S": token_hash}},
                UpdateExpression=expression,
                ConditionExpression=condition,
                ExpressionAttributeValues=values,
            )
        return not write.refused

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
        with ConditionalWrite("links claim") as write:
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
        return not write.refused

    def release_tag_share(self, job_id: int) -> None:
        with DynamoErrors("links release"):
            self._client.delete_item(TableName=self._table, Key={"token_hash": {"S": f"tagshare#{int(job_id)}"}})

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
