"""A Tracker request budget shared by every function, counted over any sliding minute (items
``pk="tracker#budget", sk=<slice start, 12 digits>``).

Tracker's limit (~100 requests a minute) slides: a fixed per-minute counter lets 90 requests at the end of one
minute and 90 at the start of the next land within seconds of each other, 180 in one sliding minute, and every
integration on the tenant then gets 429s. So the minute is cut into short slices: a request is counted in its
slice with a conditional ``UpdateItem ADD`` that allows it only while this slice's count stays under the limit less
what the slices of the minute before already spent (one ``Query`` per slice and container: those slices are
closed). Any 60 s then holds at most ``limit`` requests. Slices expire through TTL.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from skima.adapters.dynamo_errors import ConditionalWrite, DynamoErrors

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_PK = "tracker#budget"


def slice_key(slice_start: int) -> str:
    """Zero-padded, so the slices of a minute sort (and are queried) in time order."""
    return f"{slice_start:012d}"


class DynamoRequestBudget:
    """``RequestBudget`` on the state table: at most ``limit`` requests in any ``window_seconds``."""

    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        *,
        limit: int = 90,
        window_seconds: int = 60,
        slice_seconds: int = 5,
        wall_clock: Callable[[], float] = time.time,
        ttl_grace_seconds: int = 3600,
    ) -> None:
        if limit < 1 or window_seconds < 1 or slice_seconds < 1 or window_seconds % slice_seconds:
            raise ValueError("limit, window_seconds and slice_seconds must be >= 1, the window whole slices")
        self._client = client
        self._table = table_name
        self._limit = limit
        self._window = window_seconds
        self._slice = slice_seconds
        self._clock = wall_clock
        self._grace = ttl_grace_seconds
        # (slice start, what the minute before it spent): earlier slices are closed, so one Query per slice does.
        self._spent_before: tuple[int, int] | None = None

    def try_acquire(self) -> float:
        """0.0 when a request was counted; else seconds until the next slice (when the oldest counted slice of
        the minute drops out).

        DynamoDB errors other than the spent-budget condition propagate (as DependencyUnavailable); the client then
        carries on with its process-local limit only.
        """
        now = self._clock()
        current = int(math.floor(now / self._slice) * self._slice)
        wait = max(current + self._slice - now, 0.001)
        # Every slice a minute ending in this one can touch: the window's slices before this one.
        if self._spent_before is None or self._spent_before[0] != current:
            self._spent_before = (current, self._spent_between(current - self._window, current - self._slice))
        allowed = self._limit - self._spent_before[1]
        if allowed <= 0:
            return wait
        with ConditionalWrite("request budget") as write:
            self._client.update_item(
                TableName=self._table,
                Key={"pk": {"S": _PK}, "sk": {"S": slice_key(current)}},
                UpdateExpression="ADD #count :one SET #ttl = :ttl",
                ConditionExpression="attribute_not_exists(#count) OR #count < :allowed",
                ExpressionAttributeNames={"#count": "request_count", "#ttl": "expires_at"},
                ExpressionAttributeValues={
                    ":one": {"N": "1"},
                    ":allowed": {"N": str(allowed)},
                    ":ttl": {"N": str(current + self._window + self._slice + self._grace)},
                },
            )
        return wait if write.refused else 0.0

    def _spent_between(self, first_slice: int, last_slice: int) -> int:
        with DynamoErrors("request budget"):
            response = self._client.query(
                TableName=self._table,
                KeyConditionExpression="pk = :pk AND sk BETWEEN :first AND :last",
                ExpressionAttributeValues={
                    ":pk": {"S": _PK},
                    ":first": {"S": slice_key(first_slice)},
                    ":last": {"S": slice_key(last_slice)},
                },
                ProjectionExpression="request_count",
                ConsistentRead=True,
            )
        return sum(int(item.get("request_count", {}).get("N", "0")) for item in response.get("Items", []))
