"""What every DynamoDB adapter needs to tell a lost conditional write from a real failure."""

from __future__ import annotations

from botocore.exceptions import ClientError


def conditional_check_failed(exc: ClientError) -> bool:
    """True when DynamoDB refused a write because its condition did not hold (a race lost, not an outage)."""
    return exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


def error_code(exc: ClientError) -> str:
    """DynamoDB's error code (safe to log: it never carries item data)."""
    return str(exc.response.get("Error", {}).get("Code", ""))
