"""The stack's promises, read from template.yaml (decisions 0002 and 0003)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from local.harness.template import ROOT, properties, resource, template
from skima.config import (
    FeedbackSettings,
    PollerSettings,
    ScorerSettings,
    ShortlistSettings,
    TrackerConfig,
    WebhookSettings,
)
from tools.export_requirements import shared_layer_requirements

FUNCTIONS = ("WebhookFunction", "ScorerFunction", "PollerFunction", "ShortlistFunction", "FeedbackFunction")
TABLES = ("ScoresTable", "ProfilesTable", "LinksTable", "FeedbackTable", "StateTable")


def _refs(node: Any) -> set[str]:
    """Every name referenced by Ref, GetAtt, Sub or FindInMap anywhere under `node`."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref" and isinstance(value, str):
                found.add(value)
            elif key == "Fn::GetAtt":
                found.add(value[0] if isinstance(value, list) else value.split(".")[0])
            elif key == "Fn::Sub":
                text = value if isinstance(value, str) else value[0]
                found.update(name.split(".")[0] for name in re.findall(r"\$\{([^}!]+)\}", text))
            found |= _refs(value)
    elif isinstance(node, list):
        for item in node:
            found |= _refs(item)
    return found


def _if_true(value: Any) -> Any:
    """The value of an Fn::If when its condition holds (the default deployment)."""
    return value["Fn::If"][1] if isinstance(value, dict) and "Fn::If" in value else value


def test_runtime_is_python_312_everywhere() -> None:
    assert template()["Globals"]["Function"]["Runtime"] == "python3.12"
    assert (ROOT / ".python-version").read_text().strip().startswith("3.12")
    for layer in ("SharedLayer", "ModelLayer"):
        assert properties(layer)["CompatibleRuntimes"] == ["python3.12"]
        assert resource(layer)["Metadata"]["BuildMethod"] == "makefile"


def test_every_parameter_is_used() -> None:
    tpl = template()
    used = _refs({key: tpl[key] for key in ("Resources", "Outputs", "Globals", "Conditions") if key in tpl})
    unused = set(tpl["Parameters"]) - used
    assert not unused, f"parameters declared but never used: {sorted(unused)}"


QUEUES = [
    ("ScoreQueue", "ScoreDeadLetterQueue", "ScorerFunction", "DeadLetterAlarm"),
    ("FeedbackQueue", "FeedbackDeadLetterQueue", "FeedbackFunction", "FeedbackDeadLetterAlarm"),
]


@pytest.mark.parametrize(("queue_id", "dlq_id", "consumer", "alarm_id"), QUEUES)
def test_queue_visibility_redrive_retention_and_encryption(
    queue_id: str, dlq_id: str, consumer: str, alarm_id: str
) -> None:
    queue, dlq = properties(queue_id), properties(dlq_id)
    consumer_timeout = properties(consumer)["Timeout"]
    assert queue["VisibilityTimeout"] >= 6 * consumer_timeout
    assert queue["RedrivePolicy"]["maxReceiveCount"] >= 5
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": [dlq_id, "Arn"]}
    assert dlq["MessageRetentionPeriod"] > queue["MessageRetentionPeriod"]
    assert queue["SqsManagedSseEnabled"] and dlq["SqsManagedSseEnabled"]


@pytest.mark.parametrize(("queue_id", "dlq_id", "consumer", "alarm_id"), QUEUES)
def test_dead_letter_alarm_watches_the_dlq_depth(queue_id: str, dlq_id: str, consumer: str, alarm_id: str) -> None:
    alarm = properties(alarm_id)
    assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible"
    assert alarm["Dimensions"][0]["Value"] == {"Fn::GetAtt": [dlq_id, "QueueName"]}
    assert alarm["Threshold"] == 0 and alarm["ComparisonOperator"] == "GreaterThanThreshold"
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_votes_have_their_own_queue_and_a_consumer_without_the_model() -> None:
    feedback = properties("FeedbackFunction")
    source = feedback["Events"]["Votes"]
    assert source["Type"] == "SQS"
    assert source["Properties"]["Queue"] == {"Fn::GetAtt": ["FeedbackQueue", "Arn"]}
    assert source["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert source["Properties"]["MaximumBatchingWindowInSeconds"] == 0  # handed over as soon as received
    assert "Layers" not in feedback  # the shared layer only (Globals): no ONNX model to load before a note
    # Nothing else consumes the feedback queue, and the scorer does not consume it.
    consumers = [
        name
        for name, node in template()["Resources"].items()
        if node["Type"] == "AWS::Serverless::Function"
        and any(
            event["Properties"].get("Queue") == {"Fn::GetAtt": ["FeedbackQueue", "Arn"]}
            for event in node["Properties"].get("Events", {}).values()
        )
    ]
    assert consumers == ["FeedbackFunction"]


def test_the_feedback_function_may_do_exactly_what_a_vote_needs() -> None:
    policies = properties("FeedbackFunction")["Policies"]
    statements = [policy["Statement"] for policy in policies if "Statement" in policy]
    managed = [policy for policy in policies if "Statement" not in policy]
    # The outbox, the shared Tracker JWT and the request budget live in the state table: get, put, update only.
    assert statements == [
        [
            {
                "Effect": "Allow",
                "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"],
                "Resource": {"Fn::GetAtt": ["StateTable", "Arn"]},
            }
        ]
    ]
    # The Tracker API token; no queue to send to, no other table, not the link signing key.
    assert managed == [{"AWSSecretsManagerGetSecretValuePolicy": {"SecretArn": {"Ref": "TrackerApiTokenSecret"}}}]


def test_only_the_scorers_and_poller_count_below_the_votes_reserve() -> None:
    env = {
        "TRACKER_REST_URL": "https://t.example",
        "TRACKER_WIDGET_URL": "https://w.example",
        "TRACKER_API_TOKEN_SECRET_ARN": "arn",
        "STATE_TABLE": "s",
        "SCORE_QUEUE_URL": "q",
        "TRACKER_REQUESTS_PER_MINUTE": "90",
        "TRACKER_FEEDBACK_RESERVED_REQUESTS": "5",
    }
    assert template()["Globals"]["Function"]["Environment"]["Variables"]["TRACKER_FEEDBACK_RESERVED_REQUESTS"] == 5
    assert PollerSettings.from_env(env).request_ceiling() == 85
    assert FeedbackSettings.from_env(env).request_ceiling() == 90
    assert PollerSettings.from_env({**env, "TRACKER_REQUESTS_PER_MINUTE": "3"}).request_ceiling() == 1
    with pytest.raises(ValueError):
        FeedbackSettings.from_env({**env, "TRACKER_FEEDBACK_RESERVED_REQUESTS": "-1"})


def test_wrong_webhook_tokens_raise_an_alarm_on_the_handlers_metric() -> None:
    alarm = properties("WebhookAuthRejectedAlarm")
    handler = (ROOT / "functions" / "webhook" / "app.py").read_text()
    assert alarm["Namespace"] == "Skima" and alarm["MetricName"] == "WebhookAuthRejected"
    assert 'name="WebhookAuthRejected"' in handler and 'Metrics(namespace="Skima")' in handler
    # powertools adds the service dimension from POWERTOOLS_SERVICE_NAME
    service = template()["Globals"]["Function"]["Environment"]["Variables"]["POWERTOOLS_SERVICE_NAME"]
    assert alarm["Dimensions"] == [{"Name": "service", "Value": service}]
    assert alarm["Threshold"] == 0 and alarm["ComparisonOperator"] == "GreaterThanThreshold"
    assert alarm["TreatMissingData"] == "notBreaching"


def test_activity_type_and_widget_auth_are_parameters_with_evidenced_defaults() -> None:
    parameters = template()["Parameters"]
    assert parameters["TrackerActivityType"]["Default"] == "Note"
    assert parameters["TrackerWidgetAuth"]["Default"] == "auto"
    assert set(parameters["TrackerWidgetAuth"]["AllowedValues"]) == {"auto", "oauth", "credentials", "rest_jwt"}
    env = template()["Globals"]["Function"]["Environment"]["Variables"]
    assert env["TRACKER_ACTIVITY_TYPE"] == {"Ref": "TrackerActivityType"}
    assert env["TRACKER_WIDGET_AUTH"] == {"Ref": "TrackerWidgetAuth"}
    samconfig = (ROOT / "samconfig.toml").read_text()
    assert 'TrackerActivityType=\\"Note\\"' in samconfig


def test_scorer_reports_partial_batch_failures_with_bounded_concurrency() -> None:
    scorer = properties("ScorerFunction")
    source = scorer["Events"]["ScoreRequests"]["Properties"]
    assert source["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert source["ScalingConfig"]["MaximumConcurrency"] == {"Ref": "ScorerMaxConcurrency"}
    # MaximumConcurrency must not exceed the reserved concurrency, or SQS throttles into retries.
    assert _if_true(scorer["ReservedConcurrentExecutions"]) == {"Ref": "ScorerMaxConcurrency"}
    assert {"Ref": "ModelLayer"} in scorer["Layers"]


def test_poller_runs_on_a_schedule_from_the_poll_rate_parameter() -> None:
    event = properties("PollerFunction")["Events"]["PollSchedule"]
    assert event["Type"] == "ScheduleV2"
    assert event["Properties"]["ScheduleExpression"] == {"Fn::Sub": "rate(${PollRateMinutes} minutes)"}
    assert template()["Parameters"]["PollRateMinutes"]["Default"] == 10


def test_shortlist_function_has_a_public_function_url() -> None:
    assert properties("ShortlistFunction")["FunctionUrlConfig"]["AuthType"] == "NONE"


@pytest.mark.parametrize("logical_id", TABLES)
def test_tables_are_on_demand_encrypted_recoverable_and_protected(logical_id: str) -> None:
    table = properties(logical_id)
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}
    assert table["DeletionProtectionEnabled"] == {"Fn::If": ["ProtectTables", True, False]}
    assert resource(logical_id)["DeletionPolicy"] == "Retain"


@pytest.mark.parametrize("logical_id", ["LinksTable", "StateTable"])
def test_expiring_data_has_ttl(logical_id: str) -> None:
    assert properties(logical_id)["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}


def test_top10_is_one_query_on_the_by_score_index() -> None:
    index = properties("ScoresTable")["GlobalSecondaryIndexes"][0]
    assert index["IndexName"] == "by_score"
    assert [key["AttributeName"] for key in index["KeySchema"]] == ["job_id", "rank_key"]


def test_tracker_token_lives_in_secrets_manager_not_in_environment() -> None:
    env = template()["Globals"]["Function"]["Environment"]["Variables"]
    assert env["TRACKER_API_TOKEN_SECRET_ARN"] == {"Ref": "TrackerApiTokenSecret"}
    assert resource("TrackerApiTokenSecret")["Type"] == "AWS::SecretsManager::Secret"
    for logical_id in FUNCTIONS:
        variables = properties(logical_id).get("Environment", {}).get("Variables", {})
        for name, value in {**env, **variables}.items():
            assert "TOKEN" not in name or name.endswith("SECRET_ARN"), name
            assert not isinstance(value, str) or "bearer" not in value.lower()


def test_policies_are_scoped_to_named_resources() -> None:
    for logical_id in FUNCTIONS:
        for policy in properties(logical_id).get("Policies", []):
            assert isinstance(policy, dict), f"{logical_id} uses a managed policy: {policy}"
            if "Statement" in policy:  # an inline statement: named actions on named resources
                for statement in policy["Statement"]:
                    assert "*" not in json.dumps(statement), f"{logical_id}: wildcard in {statement}"
                    assert isinstance(statement["Resource"], dict), f"{logical_id}: {statement}"
                continue
            ((template_name, args),) = policy.items()
            assert template_name.endswith("Policy") and args, f"{logical_id}: {policy}"
            assert "*" not in json.dumps(args), f"{logical_id}: wildcard in {policy}"


def test_webhook_function_only_sends_to_the_queue_and_reads_its_secret() -> None:
    names = [next(iter(policy)) for policy in properties("WebhookFunction")["Policies"]]
    assert sorted(names) == ["AWSSecretsManagerGetSecretValuePolicy", "SQSSendMessagePolicy"]


def test_outputs_give_the_webhook_and_shortlist_urls() -> None:
    outputs = template()["Outputs"]
    assert "/webhook/tracker" in outputs["WebhookUrl"]["Value"]["Fn::Sub"]
    assert outputs["ShortlistBaseUrl"]["Value"] == {"Fn::GetAtt": ["ShortlistFunctionUrl", "FunctionUrl"]}
    route = properties("WebhookFunction")["Events"]["TrackerPing"]["Properties"]
    assert (route["Path"], route["Method"]) == ("/webhook/tracker", "POST")


def test_environment_names_match_the_settings_models() -> None:
    """Every variable a settings model reads is declared in template.yaml for the function that reads it."""
    global_env = set(template()["Globals"]["Function"]["Environment"]["Variables"])
    webhook_env = global_env | set(properties("WebhookFunction")["Environment"]["Variables"])
    poller_env = global_env | set(properties("PollerFunction")["Environment"]["Variables"])
    scorer_env = global_env | set(properties("ScorerFunction")["Environment"]["Variables"])
    feedback_env = global_env | set(properties("FeedbackFunction")["Environment"]["Variables"])
    shortlist_env = global_env | set(properties("ShortlistFunction")["Environment"]["Variables"])
    pairs = (
        (WebhookSettings, webhook_env),
        (TrackerConfig, global_env),
        (PollerSettings, poller_env),
        (ScorerSettings, scorer_env),
        (FeedbackSettings, feedback_env),
        (ShortlistSettings, shortlist_env),
    )
    for settings, declared in pairs:
        aliases = {field.alias for field in settings.model_fields.values()}
        assert aliases <= declared, f"{settings.__name__} reads undeclared variables: {aliases - declared}"


def test_shared_layer_requirements_are_generated_from_pyproject() -> None:
    assert (ROOT / "shared" / "requirements.txt").read_text() == shared_layer_requirements()


def test_handlers_exist_where_the_template_points() -> None:
    handler = template()["Globals"]["Function"]["Handler"]
    module, function = handler.split(".")
    for logical_id in FUNCTIONS:
        source = Path(ROOT, properties(logical_id)["CodeUri"], f"{module}.py").read_text()
        assert f"def {function}(" in source, logical_id


def test_model_layer_pins_the_versions_pyproject_declares() -> None:
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["model"])
    lines = (ROOT / "layers" / "model" / "requirements-runtime.txt").read_text().splitlines()
    pinned = {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}
    assert pinned == declared
