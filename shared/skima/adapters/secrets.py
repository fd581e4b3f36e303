"""Secrets Manager adapters (values cached per container, refreshed so rotation needs no redeploy)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from skima.errors import SecretUnavailable

if TYPE_CHECKING:
    from mypy_boto3_secretsmanager import SecretsManagerClient


class CachedSecret:
    """One secret's string value, re-read at most every `max_age_seconds`."""

    def __init__(
        self,
        client: SecretsManagerClient,
        secret_id: str,
        max_age_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._secret_id = secret_id
        self._max_age = max_age_seconds
        self._clock = clock
        self._value: str | None = None
        self._fetched_at = 0.0

    def value(self) -> str:
        now = self._clock()
        if self._value is None or now - self._fetched_at >= self._max_age:
            try:
                response = self._client.get_secret_value(SecretId=self._secret_id)
            except (BotoCoreError, ClientError) as exc:
                if self._value is not None:
                    return self._value  # a stale secret beats an outage; refreshed on the next call
                raise SecretUnavailable(f"cannot read secret: {type(exc).__name__}") from exc
            self._value = response.get("SecretString") or ""
            self._fetched_at = now
        return self._value


class SecretsManagerWebhookTokens:
    """Webhook URL tokens from a secret shaped {"current": "...", "previous": "..."} (or a plain string)."""

    def __init__(self, secret: CachedSecret) -> None:
        self._secret = secret

    def valid_tokens(self) -> Sequence[str]:
        raw = self._secret.value()
        try:
            parsed = json.loads(raw)
        except ValueError:
            return [raw.strip()] if raw.strip() else []
        if isinstance(parsed, str):
            return [parsed] if parsed else []
        if not isinstance(parsed, dict):
            return []
        return [str(parsed[key]) for key in ("current", "previous") if isinstance(parsed.get(key), str) and parsed[key]]
