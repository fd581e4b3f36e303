"""template.yaml as data: the one source of truth for table keys, queues and environment names."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from cfn_flip import load_yaml

ROOT = Path(__file__).resolve().parents[2]


@cache
def template() -> dict[str, Any]:
    loaded: dict[str, Any] = load_yaml((ROOT / "template.yaml").read_text())
    return loaded


def resource(logical_id: str) -> dict[str, Any]:
    found: dict[str, Any] = template()["Resources"][logical_id]
    return found


def properties(logical_id: str) -> dict[str, Any]:
    props: dict[str, Any] = resource(logical_id).get("Properties", {})
    return props


def create_table(client: Any, logical_id: str, name: str | None = None) -> str:
    """Create a DynamoDB table (in moto) with exactly the keys and indexes the template declares."""
    props = properties(logical_id)
    table_name = name or logical_id
    kwargs: dict[str, Any] = {
        "TableName": table_name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": "PAY_PER_REQUEST",
    }
    if "GlobalSecondaryIndexes" in props:
        kwargs["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
    client.create_table(**kwargs)
    ttl = props.get("TimeToLiveSpecification")
    if ttl:
        client.update_time_to_live(
            TableName=table_name,
            TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
        )
    return table_name
