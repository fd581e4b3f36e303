"""The template loader: short tags, parameters, conditions, mappings, Globals, intrinsics (no processes)."""

from __future__ import annotations

from typing import Any

import pytest

from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.template import Template, TemplateError, function_properties, merge_globals

SOURCE = REPO_ROOT / "template.yaml"


class FakeResources:
    def ref(self, logical_id: str) -> Any:
        return f"ref:{logical_id}"

    def get_att(self, logical_id: str, attribute: str) -> Any:
        return f"att:{logical_id}.{attribute}"


def env(template: Template, function: str) -> dict[str, Any]:
    variables = function_properties(template, function)["Environment"]["Variables"]
    resolved: dict[str, Any] = template.evaluate(variables, FakeResources())
    return resolved


def test_short_tags_become_long_form_and_defaults_apply() -> None:
    template = Template.load(SOURCE)
    assert template.resources["ScoreQueue"]["Properties"]["RedrivePolicy"]["deadLetterTargetArn"] == {
        "Fn::GetAtt": ["ScoreDeadLetterQueue", "Arn"]
    }
    assert template.parameters["TrackerRegion"] == "UK"
    assert template.condition("ReserveConcurrency") is True
    assert template.condition("HasRestOverride") is False


def test_environment_merges_globals_and_resolves_mappings_and_conditions() -> None:
    variables = env(Template.load(SOURCE), "WebhookFunction")
    assert variables["STATE_TABLE"] == "ref:StateTable"  # from Globals
    assert variables["SCORE_QUEUE_URL"] == "ref:ScoreQueue"
    assert variables["WEBHOOK_TOKEN_SECRET_ARN"] == "ref:WebhookTokenSecret"  # the function's own
    assert variables["TRACKER_REST_URL"] == "https://evoglapi.tracker-rms.com"  # FindInMap UK


def test_overrides_switch_conditions_and_mappings() -> None:
    template = Template.load(SOURCE, {"TrackerRegion": "US", "TrackerWidgetUrlOverride": "http://127.0.0.1:9"})
    variables = env(template, "PollerFunction")
    assert variables["TRACKER_REST_URL"] == "https://evousapi.tracker-rms.com"
    assert variables["TRACKER_WIDGET_URL"] == "http://127.0.0.1:9"


@pytest.mark.parametrize(
    "overrides",
    [{"TrackerRegion": "EU"}, {"PollRateMinutes": "0"}, {"ShortlistStageStatusId": "abc"}, {"NoSuchParameter": "1"}],
)
def test_invalid_parameters_are_a_clear_error(overrides: dict[str, str]) -> None:
    with pytest.raises(TemplateError):
        Template.load(SOURCE, overrides)


def test_layers_from_globals_come_first() -> None:
    layers = function_properties(Template.load(SOURCE), "ScorerFunction")["Layers"]
    assert layers == [{"Ref": "SharedLayer"}, {"Ref": "ModelLayer"}]


def test_sub_and_no_value() -> None:
    template = Template.load(SOURCE, {"PollRateMinutes": "15"})
    poller = template.resources["PollerFunction"]["Properties"]["Events"]["PollSchedule"]["Properties"]
    assert template.evaluate(poller["ScheduleExpression"], FakeResources()) == "rate(15 minutes)"
    scorer = template.resources["ScorerFunction"]["Properties"]
    assert template.evaluate(scorer["ReservedConcurrentExecutions"], FakeResources()) == "2"
    evaluated = template.evaluate(
        {"ReservedConcurrentExecutions": scorer["ReservedConcurrentExecutions"]}, FakeResources()
    )
    assert evaluated == {"ReservedConcurrentExecutions": "2"}
    unreserved = Template.load(SOURCE, {"UseReservedConcurrency": "false"})
    assert unreserved.evaluate({"R": scorer["ReservedConcurrentExecutions"]}, FakeResources()) == {}
    webhook_url = template.body["Outputs"]["WebhookUrl"]["Value"]
    assert template.evaluate(webhook_url, FakeResources()) == (
        "https://ref:WebhookApi.execute-api.us-east-1.amazonaws.com/webhook/tracker"
    )


def test_built_template_is_read_the_same_way(built_app: Any) -> None:
    built = Template.load(built_app.build_dir / "template.yaml")
    source = Template.load((built_app.project_dir or REPO_ROOT) / "template.yaml")  # the source that was built
    for function in ("WebhookFunction", "ScorerFunction", "PollerFunction", "ShortlistFunction"):
        assert env(built, function) == env(source, function)
    assert built.resources["ScoresTable"]["Properties"] == source.resources["ScoresTable"]["Properties"]


def test_merge_globals_rules() -> None:
    merged = merge_globals(
        {"Timeout": 30, "Layers": ["a"], "Environment": {"Variables": {"A": "1", "B": "1"}}},
        {"Timeout": 10, "Layers": ["b"], "Environment": {"Variables": {"B": "2"}}},
    )
    assert merged == {"Timeout": 10, "Layers": ["a", "b"], "Environment": {"Variables": {"A": "1", "B": "2"}}}
