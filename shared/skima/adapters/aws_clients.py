"""boto3 clients for the composition roots that must not import `wiring` (it wires Tracker): the webhook and the
shortlist functions. A new client per call; their roots build once per container."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_secretsmanager import SecretsManagerClient
    from mypy_boto3_sqs import SQSClient


def dynamodb() -> DynamoDBClient:
    return boto3.client("dynamodb")


def sqs() -> SQSClient:
    return boto3.client("sqs")


def secretsmanager() -> SecretsManagerClient:
    return boto3.client("secretsmanager")
