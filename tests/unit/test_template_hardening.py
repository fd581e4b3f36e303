"""Least privilege for the public function, alarms on the silent failures, and log retention, as template.yaml
declares them (issue 11 items 4 and 6)."""

from __future__ import annotations

import ast
import json
from typing import Any

import pytest

from local.harness.template import ROOT, properties, resource, template

FUNCTIONS = ("WebhookFunction", "ScorerFunction", "PollerFunction", "ShortlistFunction", "FeedbackFunction")
# What only the Tracker-calling functions may reach: the JWT cache and lock (state table) and the API token.
CREDENTIAL_RESOURCES = {"StateTable", "TrackerApiTokenSecret"}


def _refs(node: Any) -> set[str]:
    text = json.dumps(node)
    return {name for name in template()["Resources"] if f'"{name}"' in text}


def _alarm(logical_id: str) -> dict[str, Any]:
    assert resource(logical_id)["Type"] == "AWS::CloudWatch::Alarm"
    return properties(logical_id)


def test_the_jwt_cache_lives_in_the_state_table() -> None:
    wiring = (ROOT / "shared" / "skima" / "adapters" / "wiring.py").read_text()
    assert "token_cache=DynamoTokenCache(dynamodb(), config.state_table)" in wiring


def test_the_shortlist_role_cannot_reach_tracker_credentials() -> None:
    shortlist = properties("ShortlistFunction")
    assert not _refs(shortlist["Policies"]) & CREDENTIAL_RESOURCES
    assert {"Statement"} & {key for policy in shortlist["Policies"] for key in policy} == set()  # no inline grants
    assert {"DynamoDBCrudPolicy": {"TableName": {"Ref": "GuessLimitTable"}}} in shortlist["Policies"]
    assert shortlist["Environment"]["Variables"]["GUESS_TABLE"] == {"Ref": "GuessLimitTable"}
    # ... while the Tracker-calling functions do reach them.
    for logical_id in ("ScorerFunction", "PollerFunction"):
        assert _refs(properties(logical_id)["Policies"]) >= CREDENTIAL_RESOURCES, logical_id


def _imports(source: str) -> set[str]:
    tree = ast.parse(source)
    return {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }


def test_the_shortlist_handler_wires_no_tracker_client() -> None:
    handler = (ROOT / "functions" / "shortlist" / "app.py").read_text()
    root = (ROOT / "shared" / "skima" / "bootstrap" / "shortlist.py").read_text()  # its composition root
    assert "skima.bootstrap" in _imports(handler)
    for source in (handler, root):
        imported = _imports(source)
        assert not {name for name in imported if name.startswith(("skima.tracker", "skima.adapters.wiring"))}
        assert "skima.adapters.dynamo_state" not in imported  # the Tracker JWT cache lives there
        assert "state_table" not in source
    assert "settings.guess_table" in root


def test_guess_counters_expire() -> None:
    table = properties("GuessLimitTable")
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}


def test_every_alarm_notifies_the_one_topic_and_the_email_is_optional() -> None:
    alarms = [name for name, node in template()["Resources"].items() if node["Type"] == "AWS::CloudWatch::Alarm"]
    assert {
        "DeadLetterAlarm",
        "WebhookAuthRejectedAlarm",
        "EnqueueFailedAlarm",
        "TrackerAuthFailedAlarm",
        "PollerSilentAlarm",
        "DocumentDownloadFallbackAlarm",
    } <= set(alarms)
    for name in alarms:
        assert properties(name)["AlarmActions"] == [{"Ref": "AlarmTopic"}], name
    assert "Condition" not in resource("AlarmTopic")
    subscription = resource("AlarmEmailSubscription")
    assert subscription["Condition"] == "HasAlarmEmail"
    assert subscription["Properties"]["Endpoint"] == {"Ref": "AlarmEmail"}
    assert template()["Parameters"]["AlarmEmail"]["Default"] == ""
    assert "KmsMasterKeyId" not in properties("AlarmTopic")  # CloudWatch cannot publish with the AWS-managed key


def test_enqueue_failures_alarm_on_the_webhooks_metric() -> None:
    alarm = _alarm("EnqueueFailedAlarm")
    handler = (ROOT / "functions" / "webhook" / "app.py").read_text()
    assert 'name="EnqueueFailed"' in handler and 'Metrics(namespace="Skima")' in handler
    service = template()["Globals"]["Function"]["Environment"]["Variables"]["POWERTOOLS_SERVICE_NAME"]
    assert (alarm["Namespace"], alarm["MetricName"]) == ("Skima", "EnqueueFailed")
    assert alarm["Dimensions"] == [{"Name": "service", "Value": service}]
    assert (alarm["Threshold"], alarm["ComparisonOperator"]) == (0, "GreaterThanThreshold")


@pytest.mark.parametrize(
    ("alarm_id", "metric", "emitters"),
    [
        (
            "TrackerAuthFailedAlarm",
            "TrackerAuthFailed",
            ("functions/scorer/app.py", "functions/poller/app.py", "functions/feedback/app.py"),
        ),
        ("PollerSilentAlarm", "PollSucceeded", ("functions/poller/app.py",)),
        ("DocumentDownloadFallbackAlarm", "DocumentDownloadFallback", ("shared/skima/scoring/profiles.py",)),
    ],
)
def test_metric_alarms_watch_a_metric_the_code_emits(alarm_id: str, metric: str, emitters: tuple[str, ...]) -> None:
    alarm = _alarm(alarm_id)
    # skima.metrics.count writes EMF with no dimensions, so the alarm must have none either
    assert (alarm["Namespace"], alarm["MetricName"], alarm.get("Dimensions")) == ("Skima", metric, None)
    for path in emitters:
        assert f'metrics.count("{metric}")' in (ROOT / path).read_text(), path


def test_poller_silence_breaches_on_missing_data() -> None:
    alarm = _alarm("PollerSilentAlarm")
    parameters = template()["Parameters"]
    assert alarm["TreatMissingData"] == "breaching"  # a poller that never runs emits nothing at all
    assert (alarm["Statistic"], alarm["Threshold"], alarm["ComparisonOperator"]) == ("Sum", 1, "LessThanThreshold")
    assert alarm["Period"] == 60
    assert alarm["EvaluationPeriods"] == alarm["DatapointsToAlarm"] == {"Ref": "PollSilenceMinutes"}
    assert parameters["PollSilenceMinutes"]["Default"] >= 3 * parameters["PollRateMinutes"]["Default"]


def test_download_fallbacks_alarm_over_an_hour_at_a_parameter() -> None:
    alarm = _alarm("DocumentDownloadFallbackAlarm")
    assert alarm["Threshold"] == {"Ref": "DownloadFallbackAlarmThreshold"}
    assert (alarm["Period"], alarm["ComparisonOperator"]) == (3600, "GreaterThanOrEqualToThreshold")


@pytest.mark.parametrize("logical_id", FUNCTIONS)
def test_every_function_logs_to_a_group_with_retention(logical_id: str) -> None:
    group_id = properties(logical_id)["LoggingConfig"]["LogGroup"]["Ref"]
    group = resource(group_id)
    assert group["Type"] == "AWS::Logs::LogGroup"
    assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}


def test_every_log_group_has_the_retention_parameter_default_30() -> None:
    groups = [name for name, node in template()["Resources"].items() if node["Type"] == "AWS::Logs::LogGroup"]
    assert len(groups) >= len(FUNCTIONS) + 1  # the functions' and the webhook access log
    for name in groups:
        assert properties(name)["RetentionInDays"] == {"Ref": "LogRetentionDays"}, name
    assert template()["Parameters"]["LogRetentionDays"]["Default"] == 30
