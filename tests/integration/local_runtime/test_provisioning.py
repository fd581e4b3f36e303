"""create_resources_from_template: moto gets exactly the tables, queues and secrets the template declares."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from local.lambda_runtime import LocalResources, MotoServer, create_resources_from_template
from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.template import Template


@pytest.fixture(scope="module")
def provisioned() -> Iterator[LocalResources]:
    with MotoServer() as moto:
        yield create_resources_from_template(moto.endpoint_url)


def _template() -> Template:
    return Template.load(REPO_ROOT / "template.yaml")


def test_every_table_has_the_declared_keys_indexes_and_ttl(provisioned: LocalResources) -> None:
    dynamodb = provisioned.client("dynamodb")
    declared = _template().resources_of_type("AWS::DynamoDB::Table")
    assert set(provisioned.tables) == set(declared)
    for logical_id, resource in declared.items():
        properties = resource["Properties"]
        table = dynamodb.describe_table(TableName=provisioned.tables[logical_id])["Table"]
        assert table["KeySchema"] == properties["KeySchema"]
        assert sorted(table["AttributeDefinitions"], key=str) == sorted(properties["AttributeDefinitions"], key=str)
        assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
        indexes = {index["IndexName"]: index["KeySchema"] for index in table.get("GlobalSecondaryIndexes", [])}
        assert indexes == {
            index["IndexName"]: index["KeySchema"] for index in properties.get("GlobalSecondaryIndexes", [])
        }
        ttl = dynamodb.describe_time_to_live(TableName=table["TableName"])["TimeToLiveDescription"]
        if "TimeToLiveSpecification" in properties:
            assert ttl["TimeToLiveStatus"] == "ENABLED"
            assert ttl["AttributeName"] == properties["TimeToLiveSpecification"]["AttributeName"]
        else:
            assert ttl["TimeToLiveStatus"] == "DISABLED"
    scores = dynamodb.describe_table(TableName=provisioned.tables["ScoresTable"])["Table"]
    assert [key["AttributeName"] for key in scores["GlobalSecondaryIndexes"][0]["KeySchema"]] == ["job_id", "rank_key"]


def test_queues_have_their_redrive_and_timeouts(provisioned: LocalResources) -> None:
    sqs = provisioned.client("sqs")
    attributes: dict[str, Any] = sqs.get_queue_attributes(
        QueueUrl=provisioned.queue_url("ScoreQueue"), AttributeNames=["All"]
    )["Attributes"]
    assert attributes["VisibilityTimeout"] == "900"
    assert attributes["MessageRetentionPeriod"] == "345600"
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"] == provisioned.queues["ScoreDeadLetterQueue"].arn
    assert int(redrive["maxReceiveCount"]) == 5
    dlq = sqs.get_queue_attributes(QueueUrl=provisioned.queue_url("ScoreDeadLetterQueue"), AttributeNames=["All"])
    assert dlq["Attributes"]["MessageRetentionPeriod"] == "1209600"


def test_secrets_follow_generate_secret_string(provisioned: LocalResources) -> None:
    webhook = json.loads(provisioned.secret_value("WebhookTokenSecret"))
    assert webhook["previous"] == ""
    assert len(webhook["current"]) == 48 and webhook["current"].isalnum()
    api_token = provisioned.secret_value("TrackerApiTokenSecret")
    assert len(api_token) == 32 and api_token.isalnum()


def test_secret_values_and_resource_overrides_apply() -> None:
    with MotoServer() as moto:
        resources = create_resources_from_template(
            moto.endpoint_url,
            secret_values={"TrackerApiTokenSecret": "sim-api-token"},
            resource_overrides={"ScoreQueue": {"VisibilityTimeout": 2}},
            parameter_overrides={"TableDeletionProtection": "false"},
        )
        assert resources.secret_value("TrackerApiTokenSecret") == "sim-api-token"
        attributes = resources.client("sqs").get_queue_attributes(
            QueueUrl=resources.queue_url("ScoreQueue"), AttributeNames=["VisibilityTimeout", "RedrivePolicy"]
        )["Attributes"]
        assert attributes["VisibilityTimeout"] == "2"
        assert "maxReceiveCount" in attributes["RedrivePolicy"]  # the rest of the declaration is kept
