"""The webhook function's composition root: the intake, with the score queue and the webhook token secret."""

from __future__ import annotations

from functools import cache

from skima.adapters import aws_clients
from skima.adapters.secrets import CachedSecret, SecretsManagerWebhookTokens
from skima.adapters.sqs import SqsMessageQueue
from skima.config import WebhookSettings
from skima.intake import WebhookIntake


def build(settings: WebhookSettings) -> WebhookIntake:
    return WebhookIntake(
        queue=SqsMessageQueue(aws_clients.sqs(), settings.score_queue_url),
        tokens=SecretsManagerWebhookTokens(
            CachedSecret(aws_clients.secretsmanager(), settings.webhook_token_secret_arn)
        ),
        max_body_bytes=settings.max_body_bytes,
    )


@cache
def from_env() -> WebhookIntake:
    return build(WebhookSettings.from_env())
