"""A per-minute Tracker request budget shared by every function (items ``pk="tracker#budget", sk=<window>``).

Each request adds one to the current window's counter with a conditional ``UpdateItem ADD`` (``count < limit``),
so concurrent functions together stay under Tracker's ~100 requests a minute. Windows expire through TTL.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from skima.adapters.dynamo_errors import conditional_check_failed

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


class DynamoRequestBudget:
    """``RequestBudget`` on the state table: fixed windows of ``window_seconds`` with ``limit`` requests each."""

    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        *,
        limit: int = 90,
        window_seconds: int = 60,
        wall_clock: Callable[[], float] = time.time,
        ttl_grace_seconds: int = 3600,
    ) -> None:
        if limit < 1 or window_seconds < 1:
            raise ValueError("limit and window_seconds must be >= 1")
        self._client = client
        self._table = table_name
        self._limit = limit
        self._window = window_seconds
        self._clock = wall_clock
        self._grace = ttl_grace_seconds

    def try_acquire(self) -> float:
        """0.0 when a request was counted in this window; else seconds until the next window opens.

        DynamoDB errors other than the spent-budget condition propagate; the client then carries on with its
        process-local limit only.
        """
        now = self._clock()
        window_start = int(math.floor(now / self._window) * self._window)
        try:
            self._client.update_item(
                TableName=self._table,
                Key={"pk": {"S": "tracker#budget"}, "sk": {"S": str(window_start)}},
                UpdateExpression="ADD #count :one SET #ttl = :ttl",
                ConditionExpression="attribute_not_exists(#count) OR #count < :limit",
                ExpressionAttributeNames={"#count": "request_count", "#ttl": "expires_at"},
                ExpressionAttributeValues={
                    ":one": {"N": "1"},
                    ":limit": {"N": str(self._limit)},
                    ":ttl": {"N": str(window_start + self._window + self._grace)},
                },
            )
        except ClientError as exc:
            if conditional_check_failed(exc):
                return max(window_start + self._window - now, 0.001)
            raise
        return 0.0
