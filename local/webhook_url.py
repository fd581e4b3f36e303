"""`make webhook-url`: print the URL to paste into Tracker for a DEPLOYED stack, token included.

Reads the stack's outputs (WebhookUrl, WebhookTokenSecretArn) and the secret's current value. The stack name comes
from `--stack-name`, else samconfig.toml. Uses your normal AWS credentials and region; never runs in tests against
AWS (the tests use moto).

    python -m local.webhook_url [--stack-name NAME] [--region REGION] [--config-env default]
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import quote

import boto3
from botocore.exceptions import BotoCoreError, ClientError

REPO_ROOT = Path(__file__).resolve().parents[1]
URL_OUTPUT = "WebhookUrl"
SECRET_OUTPUT = "WebhookTokenSecretArn"


class WebhookUrlError(RuntimeError):
    pass


def stack_name_from_samconfig(path: Path = REPO_ROOT / "samconfig.toml", config_env: str = "default") -> str:
    """The stack name `sam deploy` uses: [env.deploy.parameters] wins over [env.global.parameters]."""
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise WebhookUrlError(f"cannot read {path}: {exc}; pass --stack-name") from exc
    environment = config.get(config_env, {})
    for command in ("deploy", "global"):
        name = environment.get(command, {}).get("parameters", {}).get("stack_name")
        if name:
            return str(name)
    raise WebhookUrlError(f"no stack_name in {path} [{config_env}]; pass --stack-name")


def current_token(secret_string: str) -> str:
    """The secret is {"current": ..., "previous": ...} (rotation), or a plain string."""
    try:
        parsed: Any = json.loads(secret_string)
    except ValueError:
        parsed = secret_string
    if isinstance(parsed, dict):
        parsed = parsed.get("current")
    if not isinstance(parsed, str) or not parsed.strip():
        raise WebhookUrlError("the webhook token secret has no current value")
    return parsed.strip()


def webhook_url(stack_name: str, cloudformation: Any, secretsmanager: Any) -> str:
    try:
        stacks = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
    except ClientError as exc:
        raise WebhookUrlError(f"stack {stack_name} not found or not readable: {exc}") from exc
    outputs = {output["OutputKey"]: output["OutputValue"] for output in stacks[0].get("Outputs", [])}
    missing = [key for key in (URL_OUTPUT, SECRET_OUTPUT) if key not in outputs]
    if missing:
        raise WebhookUrlError(f"stack {stack_name} has no output {', '.join(missing)} (is it this app?)")
    try:
        secret = secretsmanager.get_secret_value(SecretId=outputs[SECRET_OUTPUT])["SecretString"]
    except ClientError as exc:
        raise WebhookUrlError(f"cannot read the webhook token secret: {exc}") from exc
    base = outputs[URL_OUTPUT]
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}token={quote(current_token(secret), safe='')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.webhook_url", description=__doc__.split("\n\n")[0])
    parser.add_argument("--stack-name", default=None)
    parser.add_argument("--region", default=None)
    parser.add_argument("--config-env", default="default", help="samconfig.toml environment")
    args = parser.parse_args(argv)
    try:
        stack_name = args.stack_name or stack_name_from_samconfig(config_env=args.config_env)
        session = boto3.session.Session(region_name=args.region)
        url = webhook_url(stack_name, session.client("cloudformation"), session.client("secretsmanager"))
    except (WebhookUrlError, BotoCoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
