"""The GuessLimitTable: the shortlist's wrong-token rate limit (items `pk = "guess#<hashed client>"`,
`sk = <window start>`, `misses`, `expires_at` (TTL))."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from skima.adapters.dynamo_errors import DynamoErrors

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


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
        with DynamoErrors("guess limiter"):
            item = self._client.get_item(TableName=self._table, Key=key).get("Item")
        return item is not None and int(item["misses"]["N"]) >= self._limit

    def record_miss(self, client: str) -> None:
        key, window = self._key(client)
        with DynamoErrors("guess limiter"):
            self._client.update_item(
                TableName=self._table,
                Key=key,
                UpdateExpression="ADD misses :one SET expires_at = :exp",
                ExpressionAttributeValues={":one": {"N": "1"}, ":exp": {"N": str(window + 2 * self._window)}},
            )
