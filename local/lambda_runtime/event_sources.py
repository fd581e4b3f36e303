"""Event sources as the template declares them: SQS event source mappings and EventBridge Scheduler schedules."""

from __future__ import annotations

import base64
import json
import math
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from local.lambda_runtime.functions import FunctionUnavailable, InvocationResult
from local.lambda_runtime.logs import LogSink
from local.lambda_runtime.resources import QueueInfo

Invoker = Callable[[str, Any], InvocationResult]


@dataclass
class SqsMappingConfig:
    batch_size: int = 10
    batching_window_seconds: float = 0.0
    report_batch_item_failures: bool = False
    maximum_concurrency: int = 2
    enabled: bool = True

    @classmethod
    def from_event(cls, properties: dict[str, Any], default_concurrency: int) -> SqsMappingConfig:
        scaling = properties.get("ScalingConfig") or {}
        return cls(
            batch_size=int(properties.get("BatchSize", 10)),
            batching_window_seconds=float(properties.get("MaximumBatchingWindowInSeconds", 0)),
            report_batch_item_failures="ReportBatchItemFailures" in (properties.get("FunctionResponseTypes") or []),
            maximum_concurrency=int(scaling.get("MaximumConcurrency", default_concurrency)),
            enabled=str(properties.get("Enabled", True)).lower() != "false",
        )


@dataclass
class SqsStats:
    batches: int = 0
    messages_received: int = 0
    messages_deleted: int = 0
    function_errors: int = 0
    item_failures: int = 0


class SqsEventSourceMapping:
    """Polls a queue like Lambda's SQS poller: batches, deletes what succeeded, leaves the rest to redrive."""

    def __init__(
        self,
        function: str,
        queue: QueueInfo,
        config: SqsMappingConfig,
        invoke: Invoker,
        *,
        sqs_client: Any,
        log: LogSink,
        region: str,
        poll_wait_seconds: int = 1,
    ) -> None:
        self.function = function
        self.queue = queue
        self.config = config
        self._invoke = invoke
        self._sqs = sqs_client
        self._log = log
        self._region = region
        self._poll_wait = poll_wait_seconds
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.stats = SqsStats()
        self._stats_lock = threading.Lock()
        self.name = f"{function}<-{queue.logical_id}"

    def start(self) -> None:
        if not self.config.enabled:
            return
        for index in range(max(1, self.config.maximum_concurrency)):
            thread = threading.Thread(target=self._run, name=f"{self.name}#{index}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self._poll_wait + 10)
        self._threads = []

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                messages = self._receive_batch()
                if messages:
                    self._process(messages)
            except FunctionUnavailable as exc:
                self._log.write(self.name, f"stopped: {exc}")
                return
            except Exception as exc:  # a moto hiccup must not kill the poller
                self._log.write(self.name, f"poll error: {type(exc).__name__}: {exc}")
                self._stop.wait(1.0)

    def _receive_batch(self) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = []
        window_ends: float | None = None
        while not self._stop.is_set() and len(messages) < self.config.batch_size:
            wait = self._poll_wait
            if window_ends is not None:
                remaining = window_ends - time.monotonic()
                if remaining <= 0:
                    break
                wait = min(wait, max(1, math.ceil(remaining)))
            response = self._sqs.receive_message(
                QueueUrl=self.queue.url,
                MaxNumberOfMessages=min(10, self.config.batch_size - len(messages)),
                WaitTimeSeconds=wait,
                AttributeNames=["All"],
                MessageAttributeNames=["All"],
            )
            received = response.get("Messages", [])
            messages.extend(received)
            if not messages:
                continue
            if window_ends is None:
                window_ends = time.monotonic() + self.config.batching_window_seconds
            if not received and time.monotonic() >= window_ends:
                break
            if self.config.batching_window_seconds <= 0:
                break
        return messages

    def _record(self, message: dict[str, Any]) -> dict[str, Any]:
        attributes = dict(message.get("Attributes", {}))
        message_attributes = {}
        for name, value in message.get("MessageAttributes", {}).items():
            message_attributes[name] = {
                "stringValue": value.get("StringValue"),
                "binaryValue": base64.b64encode(value["BinaryValue"]).decode() if "BinaryValue" in value else None,
                "stringListValues": value.get("StringListValues", []),
                "binaryListValues": value.get("BinaryListValues", []),
                "dataType": value.get("DataType"),
            }
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": attributes,
            "messageAttributes": message_attributes,
            "md5OfBody": message.get("MD5OfBody"),
            "eventSource": "aws:sqs",
            "eventSourceARN": self.queue.arn,
            "awsRegion": self._region,
        }

    def _process(self, messages: list[dict[str, Any]]) -> None:
        event = {"Records": [self._record(message) for message in messages]}
        with self._stats_lock:
            self.stats.batches += 1
            self.stats.messages_received += len(messages)
        result = self._invoke(self.function, event)
        if not result.ok:
            # The whole batch returns to the queue after its visibility timeout; redrive counts the receives.
            with self._stats_lock:
                self.stats.function_errors += 1
            self._log.write(self.name, f"batch of {len(messages)} failed: {result.error_type}; left for redelivery")
            return
        failed = self._failed_ids(result.payload, {message["MessageId"] for message in messages})
        if failed is None:
            self._log.write(self.name, "invalid batchItemFailures response: the whole batch is retried")
            with self._stats_lock:
                self.stats.function_errors += 1
            return
        done = [message for message in messages if message["MessageId"] not in failed]
        for start in range(0, len(done), 10):
            chunk = done[start : start + 10]
            self._sqs.delete_message_batch(
                QueueUrl=self.queue.url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(chunk)],
            )
        with self._stats_lock:
            self.stats.messages_deleted += len(done)
            self.stats.item_failures += len(failed)

    def _failed_ids(self, payload: Any, batch_ids: set[str]) -> set[str] | None:
        """Lambda's partial batch rules; None means "treat the whole batch as failed"."""
        if not self.config.report_batch_item_failures:
            return set()
        if payload is None or payload in ({}, []):
            return set()
        if not isinstance(payload, dict):
            return None
        failures = payload.get("batchItemFailures")
        if failures is None or failures == []:
            return set()
        if not isinstance(failures, list):
            return None
        failed: set[str] = set()
        for failure in failures:
            identifier = failure.get("itemIdentifier") if isinstance(failure, dict) else None
            if not identifier or identifier not in batch_ids:
                return None
            failed.add(str(identifier))
        return failed


_RATE = re.compile(r"rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)")
_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


def rate_seconds(expression: str) -> float | None:
    """Seconds between runs of a rate() expression; None for cron()/at() (not emulated)."""
    found = _RATE.fullmatch(expression.strip())
    if found is None:
        return None
    return int(found.group(1)) * _UNIT_SECONDS[found.group(2).rstrip("s")]


@dataclass
class ScheduleRuns:
    started: list[float] = field(default_factory=list)
    finished: list[float] = field(default_factory=list)
    errors: int = 0
    skipped_ticks: int = 0


class Schedule:
    """An EventBridge Scheduler schedule (ScheduleV2) or rule (Schedule) that invokes one function.

    Runs one invocation at a time: a run that outlasts the interval makes the schedule skip the ticks it missed
    (the poller's watermark catches up), so two runs never overlap. Function errors are retried up to the
    RetryPolicy's MaximumRetryAttempts (capped locally at 2).
    """

    def __init__(
        self,
        function: str,
        event_name: str,
        properties: dict[str, Any],
        invoke: Invoker,
        log: LogSink,
        *,
        interval_seconds: float,
        schedule_arn: str,
        account_id: str,
        region: str,
        run_immediately: bool = False,
    ) -> None:
        self.function = function
        self.event_name = event_name
        self.interval = interval_seconds
        self._properties = properties
        self._invoke = invoke
        self._log = log
        self._arn = schedule_arn
        self._account_id = account_id
        self._region = region
        self._run_immediately = run_immediately
        retry = properties.get("RetryPolicy") or {}
        self.retries = min(2, int(retry.get("MaximumRetryAttempts", 0)))
        self.enabled = (
            str(properties.get("State", "ENABLED")).upper() != "DISABLED"
            and str(properties.get("Enabled", True)).lower() != "false"
        )
        self.runs = ScheduleRuns()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.name = f"{function}.{event_name}"

    def event(self, scheduled_time: datetime) -> Any:
        stamp = scheduled_time.strftime("%Y-%m-%dT%H:%M:%SZ")
        if "Input" in self._properties:
            text = str(self._properties["Input"])
            for key, value in {
                "<aws.scheduler.scheduled-time>": stamp,
                "<aws.scheduler.schedule-arn>": self._arn,
                "<aws.scheduler.execution-id>": str(uuid.uuid4()),
                "<aws.scheduler.attempt-number>": "1",
            }.items():
                text = text.replace(key, value)
            return json.loads(text)
        return {
            "version": "0",
            "id": str(uuid.uuid4()),
            "detail-type": "Scheduled Event",
            "source": "aws.scheduler",
            "account": self._account_id,
            "time": stamp,
            "region": self._region,
            "resources": [self._arn],
            "detail": {},
        }

    def start(self) -> None:
        if not self.enabled:
            return
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def run_once(self) -> InvocationResult:
        self.runs.started.append(time.monotonic())
        try:
            for attempt in range(self.retries + 1):
                result = self._invoke(self.function, self.event(datetime.now(UTC)))
                if result.ok:
                    return result
                self.runs.errors += 1
                self._log.write(self.name, f"run failed ({result.error_type}), attempt {attempt + 1}")
            return result
        finally:
            self.runs.finished.append(time.monotonic())

    def _run(self) -> None:
        next_run = time.monotonic() + (0 if self._run_immediately else self.interval)
        while not self._stop.wait(max(0.0, next_run - time.monotonic())):
            try:
                self.run_once()
            except FunctionUnavailable as exc:
                self._log.write(self.name, f"stopped: {exc}")
                return
            next_run += self.interval
            now = time.monotonic()
            while next_run <= now:
                next_run += self.interval
                self.runs.skipped_ticks += 1
