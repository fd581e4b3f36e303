"""`make webhook-url` logic against moto's CloudFormation and Secrets Manager (never real AWS)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from local.webhook_url import WebhookUrlError, current_token, main, stack_name_from_samconfig, webhook_url

API_URL = "https://abc123.execute-api.us-east-1.amazonaws.com/webhook/tracker"


@pytest.fixture
def aws() -> Iterator[tuple[Any, Any]]:
    with mock_aws():
        yield (
            boto3.client("cloudformation", region_name="us-east-1"),
            boto3.client("secretsmanager", region_name="us-east-1"),
        )


def _deploy(cloudformation: Any, secret_arn: str, name: str = "skima-trackerrms") -> None:
    template = {
        "Resources": {"Placeholder": {"Type": "AWS::SQS::Queue"}},
        "Outputs": {"WebhookUrl": {"Value": API_URL}, "WebhookTokenSecretArn": {"Value": secret_arn}},
    }
    cloudformation.create_stack(StackName=name, TemplateBody=json.dumps(template))


def test_prints_the_url_with_the_current_token(aws: tuple[Any, Any]) -> None:
    cloudformation, secrets = aws
    arn = secrets.create_secret(Name="hook", SecretString=json.dumps({"current": "a b/c", "previous": "old"}))["ARN"]
    _deploy(cloudformation, arn)
    assert webhook_url("skima-trackerrms", cloudformation, secrets) == f"{API_URL}?token=a%20b%2Fc"


def test_main_reads_the_stack_name_and_prints(aws: tuple[Any, Any], capsys: pytest.CaptureFixture[str]) -> None:
    cloudformation, secrets = aws
    arn = secrets.create_secret(Name="hook", SecretString="plain-token")["ARN"]
    _deploy(cloudformation, arn, name="my-stack")
    assert main(["--stack-name", "my-stack", "--region", "us-east-1"]) == 0
    assert capsys.readouterr().out.strip() == f"{API_URL}?token=plain-token"


def test_missing_stack_or_outputs_are_clear_errors(aws: tuple[Any, Any], capsys: pytest.CaptureFixture[str]) -> None:
    cloudformation, secrets = aws
    assert main(["--stack-name", "nope", "--region", "us-east-1"]) == 1
    assert "nope" in capsys.readouterr().err
    cloudformation.create_stack(
        StackName="other", TemplateBody=json.dumps({"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}})
    )
    with pytest.raises(WebhookUrlError, match="WebhookUrl"):
        webhook_url("other", cloudformation, secrets)


@pytest.mark.parametrize("secret", ['{"current": "", "previous": "x"}', "", "  ", '{"previous": "x"}'])
def test_a_secret_without_a_current_token_is_refused(secret: str) -> None:
    with pytest.raises(WebhookUrlError):
        current_token(secret)


def test_stack_name_comes_from_samconfig(tmp_path: Path) -> None:
    config = tmp_path / "samconfig.toml"
    config.write_text('version = 0.1\n[default.global.parameters]\nstack_name = "from-global"\n')
    assert stack_name_from_samconfig(config) == "from-global"
    config.write_text(config.read_text() + '[default.deploy.parameters]\nstack_name = "from-deploy"\n')
    assert stack_name_from_samconfig(config) == "from-deploy"
    with pytest.raises(WebhookUrlError):
        stack_name_from_samconfig(tmp_path / "missing.toml")
    assert stack_name_from_samconfig() == "skima-trackerrms"  # the repository's samconfig.toml
