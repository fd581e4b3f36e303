"""The shared Tracker JWT in the DynamoDB state table (item ``pk="tracker#jwt", sk="current"``).

One item holds the JWT, its expiry and a refresh lease. The lease is taken with a conditional update so only one
function exchanges the API token at a time (Tracker keeps one valid JWT per token; see skima.tracker.auth).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from skima.adapters.dynamo_errors import ConditionalWrite, DynamoErrors
from skima.tracker.errors import TrackerUnavailable
from skima.tracker.ports import CachedJwt, LockAttempt

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_KEY = {"pk": {"S": "tracker#jwt"}, "sk": {"S": "current"}}
_NAMES = {
    "#jwt": "jwt",
    "#jwt_exp": "jwt_expires_at",
    "#owner": "lock_owner",
    "#until": "lock_until",
    "#ttl": "expires_at",
}
# An outage here is a Tracker outage to the client (it retries later). Raised `from None`, as the Tracker client's
# own errors are: nothing from a call that carried the JWT rides along in a logged chain.
_WHAT = "token cache unavailable"


class DynamoTokenCache:
    """``TokenCache`` on the state table. ``expires_at`` (TTL) lets DynamoDB drop the item a day after expiry."""

    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        *,
        wall_clock: Callable[[], float] = time.time,
        ttl_grace_seconds: int = 86400,
    ) -> None:
        self._client = client
        self._table = table_name
        self._clock = wall_clock
        self._grace = ttl_grace_seconds

    @staticmethod
    def _jwt_from(item: dict[str, Any] | None) -> CachedJwt | None:
        if not item or "jwt" not in item or "jwt_expires_at" not in item:
            return None
        try:
            return CachedJwt(token=item["jwt"]["S"], expires_at=float(item["jwt_expires_at"]["N"]))
        except (KeyError, TypeError, ValueError):
            return None

    def read(self) -> CachedJwt | None:
        with DynamoErrors(_WHAT, unavailable=TrackerUnavailable, keep_cause=False):
            response = self._client.get_item(TableName=self._table, Key=_KEY, ConsistentRead=True)
        return self._jwt_from(response.get("Item"))

    def try_lock(self, owner: str, lease_seconds: float) -> LockAttempt:
        now = self._clock()
        with ConditionalWrite(_WHAT, unavailable=TrackerUnavailable, keep_cause=False) as write:
            response = self._client.update_item(
                TableName=self._table,
                Key=_KEY,
                UpdateExpression="SET #owner = :owner, #until = :until, #ttl = if_not_exists(#ttl, :ttl)",
                ConditionExpression="attribute_not_exists(#owner) OR #owner = :owner OR #until < :now",
                ExpressionAttributeNames={"#owner": "lock_owner", "#until": "lock_until", "#ttl": "expires_at"},
                ExpressionAttributeValues={
                    ":owner": {"S": owner},
                    ":until": {"N": repr(now + lease_seconds)},
                    ":now": {"N": repr(now)},
                    ":ttl": {"N": str(int(now + lease_seconds + self._grace))},
                },
                ReturnValues="ALL_NEW",
            )
        if write.refused:
            return LockAttempt(acquired=False, current=self.read())
        return LockAttempt(acquired=True, current=self._jwt_from(response.get("Attributes")))

    def store_and_unlock(self, jwt: CachedJwt, owner: str) -> bool:
        with ConditionalWrite(_WHAT, unavailable=TrackerUnavailable, keep_cause=False) as write:
            self._client.update_item(
                TableName=self._table,
                Key=_KEY,
                UpdateExpression="SET #jwt = :jwt, #jwt_exp = :exp, #ttl = :ttl REMOVE #owner, #until",
                ConditionExpression="#owner = :owner",
                ExpressionAttributeNames=_NAMES,
                ExpressionAttributeValues={
                    ":jwt": {"S": jwt.token},
                    ":exp": {"N": repr(jwt.expires_at)},
                    ":ttl": {"N": str(int(jwt.expires_at + self._grace))},
                    ":owner": {"S": owner},
                },
            )
        return not write.refused

    def unlock(self, owner: str) -> None:
        # Refused when the lock is someone else's now: leave it alone.
        with ConditionalWrite(_WHAT, unavailable=TrackerUnavailable, keep_cause=False):
            self._client.update_item(
                TableName=self._table,
                Key=_KEY,
                UpdateExpression="REMOVE #owner, #until",
                ConditionExpression="#owner = :owner",
                ExpressionAttributeNames={"#owner": "lock_owner", "#until": "lock_until"},
                ExpressionAttributeValues={":owner": {"S": owner}},
            )
