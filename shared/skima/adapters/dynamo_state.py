"""The state table (design §5), one pk/sk table: leases, watermarks, dedupe keys, sync health, announced top-10s
and the write-back outbox (DynamoStateStore); the shared Tracker JWT (DynamoTokenCache) and request budget
(DynamoRequestBudget); the candidate backfill's cursor (DynamoBackfillCursor).

Every write is conditional where a race matters, so concurrent functions never both win a lease, a watermark
never moves backwards, and a dedupe key is claimed exactly once.
"""

from __future__ import annotations

import json
import math
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from skima.adapters.dynamo_errors import ConditionalWrite, DynamoErrors
from skima.errors import WriteInProgress
from skima.job_summary import AnnouncedTopTen, TopTenEntry
from skima.scoring.ports import BackfillCursor
from skima.tracker.errors import TrackerUnavailable
from skima.tracker.ports import CachedJwt, LockAttempt

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


_HEALTH_PK = "sync#health"
# Outbox rows outlive any retry by far; after expiry a side effect is re-checked, never blindly repeated.
_OUTBOX_TTL_SECONDS = 180 * 86400
# How long an "attempted" write-back belongs to the worker that started it: longer than one scorer invocation, so
# a concurrent duplicate of the same message never writes twice, and a crashed attempt is taken over afterwards.
OUTBOX_LEASE_SECONDS = 180
# Workers in this process (one Lambda container) share an owner: a retry here may resume its own attempt.
_PROCESS_OWNER = uuid.uuid4().hex
# A job's announced top-10 is forgotten after this long unscored: its next top-10 is a new baseline.
_TOP10_TTL_SECONDS = 90 * 86400


class DynamoStateStore:
    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._table = table_name
        self._clock = clock

    # ------------------------------------------------------------------ leases
    def acquire_lease(self, name: str, owner: str, ttl_seconds: int) -> bool:
        """Take the named lease for `ttl_seconds` unless someone else holds an unexpired one."""
        now = int(self._clock().timestamp())
        with ConditionalWrite(f"lease {name}") as write:
            self._client.put_item(
                TableName=self._table,
                Item={
                    "pk": {"S": f"lease#{name}"},
                    "sk": {"S": "lease"},
                    "owner": {"S": owner},
                    "expires_at": {"N": str(now + ttl_seconds)},
                },
                ConditionExpression="attribute_not_exists(pk) OR expires_at < :now OR #owner = :owner",
                ExpressionAttributeNames={"#owner": "owner"},
                ExpressionAttributeValues={":now": {"N": str(now)}, ":owner": {"S": owner}},
            )
        return not write.refused

    def release_lease(self, name: str, owner: str) -> None:
        # Refused when someone else holds the lease now: leave it alone.
        with ConditionalWrite(f"release {name}"):
            self._client.delete_item(
                TableName=self._table,
                Key={"pk": {"S": f"lease#{name}"}, "sk": {"S": "lease"}},
                ConditionExpression="#owner = :owner",
                ExpressionAttributeNames={"#owner": "owner"},
                ExpressionAttributeValues={":owner": {"S": owner}},
            )

    # ------------------------------------------------------------------ watermarks
    def get_watermark(self, name: str) -> datetime | None:
        item = self._get(f"watermark#{name}", "watermark")
        if not item:
            return None
        return datetime.fromisoformat(item["value"]["S"])

    def advance_watermark(self, name: str, value: datetime) -> bool:
        """Move the watermark forward to `value`; never backwards (returns False if it is already later)."""
        stamp = value.astimezone(UTC).isoformat()
        with ConditionalWrite(f"watermark {name}") as write:
            self._client.put_item(
                TableName=self._table,
                Item={"pk": {"S": f"watermark#{name}"}, "sk": {"S": "watermark"}, "value": {"S": stamp}},
                # ISO-8601 UTC strings of one format sort as time does.
                ConditionExpression="attribute_not_exists(pk) OR #value <= :value",
                ExpressionAttributeNames={"#value": "value"},
                ExpressionAttributeValues={":value": {"S": stamp}},
            )
        return not write.refused

    # ------------------------------------------------------------------ dedupe
    def claim(self, key: str, ttl_seconds: int) -> bool:
        """True the first time `key` is claimed within its lifetime, False for every repeat."""
        now = int(self._clock().timestamp())
        with ConditionalWrite("claim") as write:
            self._client.put_item(
                TableName=self._table,
                Item={"pk": {"S": f"dedupe#{key}"}, "sk": {"S": "dedupe"}, "expires_at": {"N": str(now + ttl_seconds)}},
                # An expired key that TTL has not deleted yet counts as absent.
                ConditionExpression="attribute_not_exists(pk) OR expires_at < :now",
                ExpressionAttributeValues={":now": {"N": str(now)}},
            )
        return not write.refused

    def is_claimed(self, key: str) -> bool:
        item = self._get(f"dedupe#{key}", "dedupe")
        if item is None:
            return False
        return int(item["expires_at"]["N"]) >= int(self._clock().timestamp())

    def release_claim(self, key: str) -> None:
        """Forget a claim whose work failed, so a retry may claim it again."""
        with DynamoErrors("claim release"):
            self._client.delete_item(TableName=self._table, Key={"pk": {"S": f"dedupe#{key}"}, "sk": {"S": "dedupe"}})

    # ------------------------------------------------------------------ pings seen per record
    def record_ping(self, record_type: str, record_id: int, received_at: datetime, ttl_seconds: int) -> None:
        """Remember when a webhook last announced this record (the poller counts what no ping announced)."""
        with DynamoErrors("ping record"):
            self._client.put_item(
                TableName=self._table,
                Item={
                    "pk": {"S": f"ping#{record_type}#{record_id}"},
                    "sk": {"S": "ping"},
                    "received_at": {"S": received_at.astimezone(UTC).isoformat()},
                    "expires_at": {"N": str(int(received_at.timestamp()) + ttl_seconds)},
                },
            )

    def last_ping(self, record_type: str, record_id: int) -> datetime | None:
        item = self._get(f"ping#{record_type}#{record_id}", "ping")
        return datetime.fromisoformat(item["received_at"]["S"]) if item else None

    # ------------------------------------------------------------------ sync health
    def record_health(self, **fields: str | int) -> None:
        """Set sync-health fields (last ping seen, last poll, counts); numbers given as ints are added."""
        sets: list[str] = []
        adds: list[str] = []
        names: dict[str, str] = {}
        values: dict[str, Any] = {}
        for index, (field, value) in enumerate(sorted(fields.items())):
            names[f"#f{index}"] = field
            if isinstance(value, int):
                adds.append(f"#f{index} :v{index}")
                values[f":v{index}"] = {"N": str(value)}
            else:
                sets.append(f"#f{index} = :v{index}")
                values[f":v{index}"] = {"S": value}
        expression = " ".join(
            part
            for part in (
                "SET " + ", ".join(sets) if sets else "",
                "ADD " + ", ".join(adds) if adds else "",
            )
            if part
        )
        if not expression:
            return
        with DynamoErrors("sync health"):
            self._client.update_item(
                TableName=self._table,
                Key={"pk": {"S": _HEALTH_PK}, "sk": {"S": "current"}},
                UpdateExpression=expression,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
            )

    def read_health(self) -> dict[str, str | int]:
        item = self._get(_HEALTH_PK, "current") or {}
        health: dict[str, str | int] = {}
        for key, value in item.items():
            if key in {"pk", "sk"}:
                continue
            health[key] = int(value["N"]) if "N" in value else value.get("S", "")
        return health

    def _get(self, pk: str, sk: str) -> dict[str, Any] | None:
        with DynamoErrors("state read"):
            response = self._client.get_item(
                TableName=self._table, Key={"pk": {"S": pk}, "sk": {"S": sk}}, ConsistentRead=True
            )
        item: dict[str, Any] | None = response.get("Item")
        return item

    # ------------------------------------------------------------------ job summaries (skima.job_summary)
    def announced_top10(self, job_id: int) -> AnnouncedTopTen | None:
        item = self._get(f"top10#{int(job_id)}", "top10")
        if item is None:
            return None
        entries = tuple(TopTenEntry(int(c), int(s)) for c, s in json.loads(item["entries"]["S"]))
        stamp = item.get("announced_at", {}).get("S")
        return AnnouncedTopTen(entries, datetime.fromisoformat(stamp) if stamp else None)

    def remember_top10(self, job_id: int, announced: AnnouncedTopTen) -> None:
        now = int(self._clock().timestamp())
        item: dict[str, Any] = {
            "pk": {"S": f"top10#{int(job_id)}"},
            "sk": {"S": "top10"},
            "entries": {"S": json.dumps([[e.candidate_id, e.score] for e in announced.entries])},
            "expires_at": {"N": str(now + _TOP10_TTL_SECONDS)},
        }
        if announced.announced_at is not None:
            item["announced_at"] = {"S": announced.announced_at.astimezone(UTC).isoformat()}
        with DynamoErrors("top-10 memory"):
            self._client.put_item(TableName=self._table, Item=item)

    # ------------------------------------------------------------------ write-back outbox
    def outbox_status(self, key: str) -> Literal["attempted", "done"] | None:
        """The state of one write-back side effect: None (never tried), "attempted" (may have landed), "done"."""
        item = self._get(f"outbox#{key}", "outbox")
        if item is None:
            return None
        return "done" if item.get("status", {}).get("S") == "done" else "attempted"

    def outbox_attempted(self, key: str) -> None:
        """Saved BEFORE the Tracker call. Raises WriteInProgress (retry later) when the write is already "done" or
        another worker's attempt is younger than the lease (two deliveries of one message at once)."""
        now = int(self._clock().timestamp())
        with ConditionalWrite("outbox") as write:
            self._client.put_item(
                TableName=self._table,
                Item={
                    "pk": {"S": f"outbox#{key}"},
                    "sk": {"S": "outbox"},
                    "status": {"S": "attempted"},
                    "owner": {"S": _PROCESS_OWNER},
                    "updated_at": {"N": str(now)},
                    "expires_at": {"N": str(now + _OUTBOX_TTL_SECONDS)},
                },
                ConditionExpression=(
                    "attribute_not_exists(pk)"
                    " OR (#status = :attempted AND #owner = :me)"
                    " OR (#status = :attempted AND updated_at < :stale)"
                ),
                ExpressionAttributeNames={"#status": "status", "#owner": "owner"},
                ExpressionAttributeValues={
                    ":attempted": {"S": "attempted"},
                    ":me": {"S": _PROCESS_OWNER},
                    ":stale": {"N": str(now - OUTBOX_LEASE_SECONDS)},
                },
            )
        if write.refused:
            # Another worker is writing it now, or has just finished: never write twice; the retry will see "done".
            raise WriteInProgress(
                f"outbox {key.split('#', maxsplit=1)[0]}: another worker is writing it"
            ) from write.refusal

    def outbox_done(self, key: str, result: str = "") -> None:
        """Saved AFTER the Tracker call succeeded (result: e.g. the activity id)."""
        now = int(self._clock().timestamp())
        with DynamoErrors("outbox"):
            self._client.put_item(
                TableName=self._table,
                Item={
                    "pk": {"S": f"outbox#{key}"},
                    "sk": {"S": "outbox"},
                    "status": {"S": "done"},
                    "result": {"S": result},
                    "updated_at": {"N": str(now)},
                    "expires_at": {"N": str(now + _OUTBOX_TTL_SECONDS)},
                },
            )


# ---------------------------------------------------------------------- the Tracker JWT (skima.tracker TokenCache)
# One item (pk="tracker#jwt", sk="current") holds the JWT, its expiry and a refresh lease. The lease is taken with a
# conditional update so only one function exchanges the API token at a time (Tracker keeps one valid JWT per token;
# see skima.tracker.auth).

_JWT_KEY = {"pk": {"S": "tracker#jwt"}, "sk": {"S": "current"}}
_JWT_NAMES = {
    "#jwt": "jwt",
    "#jwt_exp": "jwt_expires_at",
    "#owner": "lock_owner",
    "#until": "lock_until",
    "#ttl": "expires_at",
}
# An outage here is a Tracker outage to the client (it retries later). Raised `from None`, as the Tracker client's
# own errors are: nothing from a call that carried the JWT rides along in a logged chain.
_JWT_WHAT = "token cache unavailable"


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
        with DynamoErrors(_JWT_WHAT, unavailable=TrackerUnavailable, keep_cause=False):
            response = self._client.get_item(TableName=self._table, Key=_JWT_KEY, ConsistentRead=True)
        return self._jwt_from(response.get("Item"))

    def try_lock(self, owner: str, lease_seconds: float) -> LockAttempt:
        now = self._clock()
        with ConditionalWrite(_JWT_WHAT, unavailable=TrackerUnavailable, keep_cause=False) as write:
            response = self._client.update_item(
                TableName=self._table,
                Key=_JWT_KEY,
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
        with ConditionalWrite(_JWT_WHAT, unavailable=TrackerUnavailable, keep_cause=False) as write:
            self._client.update_item(
                TableName=self._table,
                Key=_JWT_KEY,
                UpdateExpression="SET #jwt = :jwt, #jwt_exp = :exp, #ttl = :ttl REMOVE #owner, #until",
                ConditionExpression="#owner = :owner",
                ExpressionAttributeNames=_JWT_NAMES,
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
        with ConditionalWrite(_JWT_WHAT, unavailable=TrackerUnavailable, keep_cause=False):
            self._client.update_item(
                TableName=self._table,
                Key=_JWT_KEY,
                UpdateExpression="REMOVE #owner, #until",
                ConditionExpression="#owner = :owner",
                ExpressionAttributeNames={"#owner": "lock_owner", "#until": "lock_until"},
                ExpressionAttributeValues={":owner": {"S": owner}},
            )


# ---------------------------------------------------------------------- the Tracker request budget (RequestBudget)
# Shared by every function, counted over any sliding minute (items pk="tracker#budget", sk=<slice start, 12 digits>).
# Tracker's limit (~100 requests a minute) slides: a fixed per-minute counter lets 90 requests at the end of one
# minute and 90 at the start of the next land within seconds of each other, 180 in one sliding minute, and every
# integration on the tenant then gets 429s. So the minute is cut into short slices: a request is counted in its
# slice with a conditional UpdateItem ADD that allows it only while this slice's count stays under the limit less
# what the slices of the minute before already spent (one Query per slice and container: those slices are
# closed). Any 60 s then holds at most `limit` requests. Slices expire through TTL.

_BUDGET_PK = "tracker#budget"


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
                Key={"pk": {"S": _BUDGET_PK}, "sk": {"S": slice_key(current)}},
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
                    ":pk": {"S": _BUDGET_PK},
                    ":first": {"S": slice_key(first_slice)},
                    ":last": {"S": slice_key(last_slice)},
                },
                ProjectionExpression="request_count",
                ConsistentRead=True,
            )
        return sum(int(item.get("request_count", {}).get("N", "0")) for item in response.get("Items", []))


# ---------------------------------------------------------------------- the candidate backfill (pipeline cli)

_CURSOR_KEY = {"pk": {"S": "backfill#candidates"}, "sk": {"S": "cursor"}}
_CURSOR_COUNTS = ("page", "last_id", "seen", "built", "confirmed", "unchanged", "gone")


class DynamoBackfillCursor:
    """`skima.scoring.ports.BackfillCursorStore`: the candidate backfill's progress (one item)."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def load(self) -> BackfillCursor | None:

        with DynamoErrors("backfill cursor read"):
            response = self._client.get_item(TableName=self._table, Key=_CURSOR_KEY, ConsistentRead=True)
        item = response.get("Item")
        if not item:
            return None
        counts = {name: int(item.get(name, {}).get("N", "0")) for name in _CURSOR_COUNTS}
        return BackfillCursor(
            **counts,
            complete=bool(item.get("complete", {}).get("BOOL", False)),
            updated_at=item.get("updated_at", {}).get("S", ""),
        )

    def save(self, cursor: BackfillCursor) -> None:
        item: dict[str, Any] = {**_CURSOR_KEY}
        for name in _CURSOR_COUNTS:
            item[name] = {"N": str(int(getattr(cursor, name)))}
        item["complete"] = {"BOOL": cursor.complete}
        item["updated_at"] = {"S": cursor.updated_at}
        with DynamoErrors("backfill cursor write"):
            self._client.put_item(TableName=self._table, Item=item)
