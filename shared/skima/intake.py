"""Use case: accept Tracker's "record changed" ping and enqueue it.

Tracker's webhook is undocumented and unsigned: the only credential is a secret `?token=` in the registered URL,
and the body shape is unknown. So we authenticate the token in constant time, cap the body, look for the record type
and id under any of the plausible names, and enqueue a small validated message. A ping we cannot attribute to a
record still asks for a reconcile (a poll) rather than being lost. The ping is only a hint: the scorer re-reads.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import parse_qsl

from skima.errors import BadRequest, PayloadTooLarge, QueueUnavailable, Unauthorized
from skima.models import (
    QueueMessageBody,
    ReconcileRequest,
    RecordChanged,
    RecordType,
    parse_record_type,
)
from skima.ports import MessageQueue, WebhookTokenSource

logger = logging.getLogger(__name__)

MAX_RECORDS_PER_PING = 10  # one SQS SendMessageBatch
_MAX_ID = 2**53

# Keys are compared after lower-casing and dropping non-alphanumerics ("record_id" == "RecordId").
_TYPE_KEYS = ("recordtype", "type", "entitytype", "entity", "objecttype", "entityname", "event", "eventtype")
_GENERIC_ID_KEYS = ("recordid", "id", "entityid", "objectid")
_SPECIFIC_ID_KEYS: tuple[tuple[str, RecordType], ...] = (
    ("opportunityresourceid", RecordType.OPPORTUNITY_RESOURCE),
    ("placementid", RecordType.OPPORTUNITY_RESOURCE),
    ("applicationid", RecordType.OPPORTUNITY_RESOURCE),
    ("resourceid", RecordType.RESOURCE),
    ("candidateid", RecordType.RESOURCE),
    ("opportunityid", RecordType.OPPORTUNITY),
    ("jobid", RecordType.OPPORTUNITY),
    ("vacancyid", RecordType.OPPORTUNITY),
)
_ACTION_KEYS = ("action", "operation", "changetype", "eventaction")


@dataclass(frozen=True)
class InboundPing:
    """The parts of an HTTP request the intake looks at."""

    body: str | None
    is_base64_encoded: bool
    query: Mapping[str, str]


@dataclass(frozen=True)
class IntakeResult:
    outcome: Literal["enqueued", "reconcile", "deferred"]
    records: tuple[tuple[RecordType, int], ...]
    message_ids: tuple[str, ...]


class WebhookIntake:
    def __init__(
        self,
        queue: MessageQueue,
        tokens: WebhookTokenSource,
        max_body_bytes: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._queue = queue
        self._tokens = tokens
        self._max_body_bytes = max_body_bytes
        self._clock = clock

    def accept(self, ping: InboundPing) -> IntakeResult:
        self._authenticate(ping.query.get("token"))
        body = self._body_bytes(ping)
        payload = parse_body(body)
        records = extract_records(payload, ping.query)
        now = self._clock()
        action = _find_action(payload)
        messages: list[QueueMessageBody]
        if records:
            messages = [
                RecordChanged(source="webhook", received_at=now, record_type=rtype, record_id=rid, action=action)
                for rtype, rid in records
            ]
        else:
            messages = [ReconcileRequest(source="webhook", received_at=now, reason=_describe(payload))]
        try:
            message_ids = self._queue.send_batch(messages)
        except QueueUnavailable:
            # Tracker's retry behaviour is unknown and it may disable a failing webhook, so we do not answer 5xx:
            # the poller picks the change up within one interval. The handler raises an alarm metric.
            logger.exception("enqueue failed; the poller will catch this change")
            return IntakeResult("deferred", tuple(records), ())
        outcome: Literal["enqueued", "reconcile"] = "enqueued" if records else "reconcile"
        return IntakeResult(outcome, tuple(records), tuple(message_ids))

    def _authenticate(self, presented: str | None) -> None:
        if not presented:
            raise Unauthorized("missing token")
        # Compare fixed-length digests so neither the content nor the length of a valid token leaks by timing,
        # and check every valid token (no early exit) so rotation does not change the timing either.
        presented_digest = hashlib.sha256(presented.encode("utf-8", "surrogatepass")).digest()
        matched = False
        for token in self._tokens.valid_tokens():
            if token:
                expected = hashlib.sha256(token.encode("utf-8")).digest()
                matched |= hmac.compare_digest(presented_digest, expected)
        if not matched:
            raise Unauthorized("invalid token")

    def _body_bytes(self, ping: InboundPing) -> bytes:
        raw = ping.body or ""
        # Refuse on the encoded size first, so an oversized body is never decoded.
        encoded_limit = self._max_body_bytes * 4 // 3 + 4 if ping.is_base64_encoded else self._max_body_bytes * 4
        if len(raw) > encoded_limit:
            raise PayloadTooLarge(f"body exceeds {self._max_body_bytes} bytes")
        if ping.is_base64_encoded:
            try:
                body = base64.b64decode(raw, validate=True)
            except (binascii.Error, ValueError) as exc:
                raise BadRequest("body is not valid base64") from exc
        else:
            body = raw.encode("utf-8", "surrogatepass")
        if len(body) > self._max_body_bytes:
            raise PayloadTooLarge(f"body exceeds {self._max_body_bytes} bytes")
        return body


def parse_body(body: bytes) -> object:
    """JSON or form-encoded body → Python value; empty → None. Anything else is a clear 400."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadRequest("body is not UTF-8") from exc
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise BadRequest("body is nested too deeply") from exc
    except ValueError:
        pass
    form = parse_qsl(text.strip(), keep_blank_values=True, strict_parsing=False)
    if form and all(key and key.replace("_", "").replace("-", "").isalnum() for key, _ in form):
        return dict(form)
    raise BadRequest("body is neither JSON nor form-encoded")


def extract_records(payload: object, query: Mapping[str, str]) -> list[tuple[RecordType, int]]:
    """Every (type, id) the ping names, looked for at the top level, then one level down, then in the query."""
    found: list[tuple[RecordType, int]] = []
    for candidate in _candidate_objects(payload):
        for record in _records_in(candidate):
            if record not in found:
                found.append(record)
        if len(found) >= MAX_RECORDS_PER_PING:
            break
    if not found:
        query_fields = {key: value for key, value in query.items() if _norm(key) != "token"}
        found = _records_in(query_fields)
    return found[:MAX_RECORDS_PER_PING]


def _candidate_objects(payload: object) -> Iterable[Mapping[str, object]]:
    """The top-level object(s) of the ping, then the objects nested one level inside them."""
    tops: list[Mapping[str, object]] = []
    if isinstance(payload, Mapping):
        tops = [payload]
    elif isinstance(payload, list):  # a batch of pings
        tops = [item for item in payload[:MAX_RECORDS_PER_PING] if isinstance(item, Mapping)]
    nested: list[Mapping[str, object]] = []
    for top in tops:
        for value in list(top.values())[:50]:
            if isinstance(value, Mapping):
                nested.append(value)
            elif isinstance(value, list):
                nested.extend(item for item in value[:MAX_RECORDS_PER_PING] if isinstance(item, Mapping))
    has_direct_records = any(_records_in(top) for top in tops)
    return tops if has_direct_records else [*tops, *nested]


def _records_in(obj: Mapping[str, object]) -> list[tuple[RecordType, int]]:
    fields = {_norm(key): value for key, value in list(obj.items())[:200] if isinstance(key, str)}
    record_type = _find_type(fields)
    generic_id = next((_as_id(fields[k]) for k in _GENERIC_ID_KEYS if _as_id(fields.get(k)) is not None), None)
    if record_type is not None and generic_id is not None:
        return [(record_type, generic_id)]
    specific = [(rtype, _as_id(fields.get(key))) for key, rtype in _SPECIFIC_ID_KEYS]
    named = [(rtype, rid) for rtype, rid in specific if rid is not None]
    # An application names its job and candidate too; re-reading the application covers both.
    applications = [item for item in named if item[0] is RecordType.OPPORTUNITY_RESOURCE]
    if applications:
        return applications[:1]
    if record_type is not None:
        typed = [item for item in named if item[0] is record_type]
        if typed:
            return typed[:1]
    result: list[tuple[RecordType, int]] = []
    for rtype, rid in named:
        if all(existing[0] is not rtype for existing in result):
            result.append((rtype, rid))
    return result


def _find_type(fields: Mapping[str, object]) -> RecordType | None:
    for key in _TYPE_KEYS:
        value = fields.get(key)
        if not isinstance(value, str):
            continue
        parsed = parse_record_type(value)
        if parsed is None:
            # "Opportunity.Updated", "resource_created", "candidate-updated"
            head = value.replace("_", ".").replace("-", ".").replace(":", ".").replace(" ", ".").split(".")[0]
            parsed = parse_record_type(head)
        if parsed is not None:
            return parsed
    return None


def _find_action(payload: object) -> str | None:
    if not isinstance(payload, Mapping):
        return None
    for key, value in payload.items():
        if isinstance(key, str) and _norm(key) in _ACTION_KEYS and isinstance(value, str):
            cleaned = "".join(ch for ch in value if ch.isalnum())[:32]
            return cleaned or None
    return None


def _as_id(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 16:
        number = int(value.strip())
    else:
        return None
    return number if 0 < number < _MAX_ID else None


def _norm(key: str) -> str:
    return "".join(ch for ch in key.lower() if ch.isalnum())


def _describe(payload: object) -> str:
    """A short, PII-free description of an unattributable ping: its shape, never its values."""
    if isinstance(payload, Mapping):
        keys = sorted(_norm(k) for k in payload if isinstance(k, str))[:10]
        return "unrecognised ping with keys: " + ",".join(keys)[:150] if keys else "empty object ping"
    if payload is None:
        return "empty ping"
    return f"unrecognised ping of type {type(payload).__name__}"


__all__: Sequence[str] = ["InboundPing", "IntakeResult", "WebhookIntake", "extract_records", "parse_body"]
