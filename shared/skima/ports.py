"""Ports: what the use cases need from the outside world, as Protocols. Adapters implement them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from skima.models import QueueMessageBody


class MessageQueue(Protocol):
    def send_batch(self, messages: Sequence[QueueMessageBody]) -> list[str]:
        """Enqueue every message or raise QueueUnavailable; returns the queue's message ids."""
        ...


class WebhookTokenSource(Protocol):
    def valid_tokens(self) -> Sequence[str]:
        """The webhook URL tokens accepted now (current, and the previous one during rotation)."""
        ...
