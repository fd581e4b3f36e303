"""SQS adapter for the score queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from skima.errors import QueueUnavailable
from skima.models import QueueMessage, QueueMessageBody

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient

_SQS_BATCH_LIMIT = 10


class SqsMessageQueue:
    def __init__(self, client: SQSClient, queue_url: str) -> None:
        self._client = client
        self._queue_url = queue_url

    def send_batch(self, messages: Sequence[QueueMessageBody]) -> list[str]:
        message_ids: list[str] = []
        for start in range(0, len(messages), _SQS_BATCH_LIMIT):
            chunk = messages[start : start + _SQS_BATCH_LIMIT]
            entries = [
                {"Id": str(index), "MessageBody": QueueMessage(message).model_dump_json()}
                for index, message in enumerate(chunk)
            ]
            try:
                response = self._client.send_message_batch(QueueUrl=self._queue_url, Entries=entries)  # type: ignore[arg-type]
            except (BotoCoreError, ClientError) as exc:
                raise QueueUnavailable(f"SendMessageBatch failed: {type(exc).__name__}") from exc
            if response.get("Failed"):
                codes = sorted({failure.get("Code", "?") for failure in response["Failed"]})
                raise QueueUnavailable(f"SendMessageBatch rejected {len(response['Failed'])} entries: {codes}")
            by_entry = {ok["Id"]: ok["MessageId"] for ok in response.get("Successful", [])}
            message_ids.extend(by_entry[str(index)] for index in range(len(chunk)))
        return message_ids
