"""The FeedbackTable: every verdict a hiring manager gave, and the current one per (job, candidate).

Items under `job_candidate = "<job id>#<candidate id>"`:
- `feedback_key = "v#<render id>"`: one per submission, written once (a repeated nonce is a duplicate), never
  changed afterwards except for its `enqueued` flag. This is the audit trail: a changed mind adds an item.
- `feedback_key = "current"`: the latest verdict, with a `version` for optimistic locking, so two concurrent
  submissions cannot both believe they are the latest.
Both are written in one transaction. Both carry `expires_at` (DynamoDB TTL, epoch seconds): the submission's time
plus the feedback retention (FeedbackRetentionDays, set to what the customer's law requires). A candidate deleted
in Tracker keeps their feedback (the audit trail) until then.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from skima.adapters.dynamo_errors import ConditionalTransaction, DynamoErrors
from skima.config import DEFAULT_RETENTION_DAYS, retention_seconds
from skima.errors import DependencyUnavailable
from skima.shortlist.models import FeedbackSubmission, RecordedVerdict, Verdict
from skima.shortlist.ports import RecordResult

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_MAX_ATTEMPTS = 5


def _pk(job_id: int, candidate_id: int) -> dict[str, str]:
    return {"S": f"{int(job_id)}#{int(candidate_id)}"}


class DynamoFeedbackStore:
    def __init__(
        self, client: DynamoDBClient, table_name: str, *, retention_days: int = DEFAULT_RETENTION_DAYS
    ) -> None:
        self._client = client
        self._table = table_name
        self._retention_seconds = retention_seconds(retention_days, "feedback")

    def record(self, submission: FeedbackSubmission) -> RecordResult:
        pk = _pk(submission.job_id, submission.candidate_id)
        history = {
            "job_candidate": pk,
            "feedback_key": {"S": submission.feedback_key},
            "job_id": {"N": str(submission.job_id)},
            "candidate_id": {"N": str(submission.candidate_id)},
            "verdict": {"S": submission.verdict},
            "comment": {"S": submission.comment},
            "link_id": {"S": submission.link_id},
            "render_id": {"S": submission.render_id},
            "submitted_at": {"S": submission.submitted_at.isoformat()},
            "enqueued": {"BOOL": False},
            "expires_at": {"N": str(int(submission.submitted_at.timestamp()) + self._retention_seconds)},
        }
        for _ in range(_MAX_ATTEMPTS):
            current = self._get(pk, "current")
            version = int(current["version"]["N"]) if current else 0
            newer_exists = current is not None and current["submitted_at"]["S"] > submission.submitted_at.isoformat()
            actions: list[dict[str, Any]] = [
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": history,
                        "ConditionExpression": "attribute_not_exists(feedback_key)",
                    }
                }
            ]
            if not newer_exists:  # a late, older submission joins the history but does not become current
                actions.append(
                    {
                        "Put": {
                            "TableName": self._table,
                            "Item": {
                                **{key: history[key] for key in ("job_candidate", "verdict", "comment", "link_id")},
                                **{
                                    key: history[key]
                                    for key in ("submitted_at", "job_id", "candidate_id", "expires_at")
                                },
                                "feedback_key": {"S": "current"},
                                "source_key": {"S": submission.feedback_key},
                                "version": {"N": str(version + 1)},
                            },
                            "ConditionExpression": (
                                "attribute_not_exists(feedback_key)" if current is None else "version = :v"
                            ),
                            **({} if current is None else {"ExpressionAttributeValues": {":v": {"N": str(version)}}}),
                        }
                    }
                )
            with ConditionalTransaction("feedback write") as write:
                self._client.transact_write_items(TransactItems=actions)  # type: ignore[arg-type]
            if not write.refused:
                return RecordResult("recorded", submission, enqueued=False)
            existing = self._get(pk, submission.feedback_key)
            if existing is not None:
                return RecordResult("duplicate", self._submission(existing), bool(existing["enqueued"]["BOOL"]))
            # Otherwise the version moved under us (a concurrent verdict): read again and retry.
        raise DependencyUnavailable("feedback write: too much contention")

    def mark_enqueued(self, submission: FeedbackSubmission) -> None:
        with DynamoErrors("feedback write"):
            self._client.update_item(
                TableName=self._table,
                Key={
                    "job_candidate": _pk(submission.job_id, submission.candidate_id),
                    "feedback_key": {"S": submission.feedback_key},
                },
                UpdateExpression="SET enqueued = :yes",
                ExpressionAttributeValues={":yes": {"BOOL": True}},
            )

    def latest(self, job_id: int, candidate_ids: Sequence[int]) -> dict[int, RecordedVerdict]:
        keys = [
            {"job_candidate": _pk(job_id, cid), "feedback_key": {"S": "current"}}
            for cid in dict.fromkeys(candidate_ids)
        ]
        found: dict[int, RecordedVerdict] = {}
        for start in range(0, len(keys), 100):
            request: dict[str, Any] = {self._table: {"Keys": keys[start : start + 100], "ConsistentRead": True}}
            for _ in range(_MAX_ATTEMPTS):
                with DynamoErrors("feedback read"):
                    response = self._client.batch_get_item(RequestItems=request)
                for item in response.get("Responses", {}).get(self._table, []):
                    found[int(item["candidate_id"]["N"])] = RecordedVerdict(
                        verdict=cast(Verdict, item["verdict"]["S"]),
                        comment=item.get("comment", {}).get("S", ""),
                        submitted_at=datetime.fromisoformat(item["submitted_at"]["S"]),
                        version=int(item["version"]["N"]),
                    )
                request = cast(dict[str, Any], response.get("UnprocessedKeys") or {})
                if not request:
                    break
        return found

    def history(self, job_id: int, candidate_id: int) -> list[FeedbackSubmission]:
        with DynamoErrors("feedback read"):
            response = self._client.query(
                TableName=self._table,
                KeyConditionExpression="job_candidate = :pk AND begins_with(feedback_key, :v)",
                ExpressionAttributeValues={":pk": _pk(job_id, candidate_id), ":v": {"S": "v#"}},
                ConsistentRead=True,
            )
        return sorted((self._submission(item) for item in response.get("Items", [])), key=lambda s: s.submitted_at)

    def _get(self, pk: dict[str, str], feedback_key: str) -> dict[str, Any] | None:
        with DynamoErrors("feedback read"):
            response = self._client.get_item(
                TableName=self._table,
                Key={"job_candidate": pk, "feedback_key": {"S": feedback_key}},
                ConsistentRead=True,
            )
        item: dict[str, Any] | None = response.get("Item")
        return item

    @staticmethod
    def _submission(item: dict[str, Any]) -> FeedbackSubmission:
        return FeedbackSubmission(
            job_id=int(item["job_id"]["N"]),
            candidate_id=int(item["candidate_id"]["N"]),
            verdict=cast(Verdict, item["verdict"]["S"]),
            comment=item.get("comment", {}).get("S", ""),
            link_id=item.get("link_id", {}).get("S", ""),
            render_id=item.get("render_id", {}).get("S", ""),
            submitted_at=datetime.fromisoformat(item["submitted_at"]["S"]),
        )
