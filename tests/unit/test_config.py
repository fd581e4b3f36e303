"""Settings read from the environment: defaults, bounds and clear errors."""

from __future__ import annotations

import ast

import pytest
from pydantic import ValidationError

from local.harness.template import ROOT
from skima.config import PollerSettings

BASE = {
    "TRACKER_REST_URL": "https://evoapi.tracker-rms.com",
    "TRACKER_WIDGET_URL": "https://evoglue.tracker-rms.com",
    "TRACKER_API_TOKEN_SECRET_ARN": "arn:aws:secretsmanager:eu-west-2:123456789012:secret:t",
    "STATE_TABLE": "state",
    "SCORE_QUEUE_URL": "http://127.0.0.1/queue",
}


def test_pipeline_checks_default_and_override() -> None:
    assert PollerSettings.from_env(BASE).poll_pipeline_checks == 50
    assert PollerSettings.from_env({**BASE, "POLL_PIPELINE_CHECKS": "0"}).poll_pipeline_checks == 0
    assert PollerSettings.from_env({**BASE, "POLL_PIPELINE_CHECKS": "120"}).poll_pipeline_checks == 120


@pytest.mark.parametrize("bad", ["-1", "501", "many"])
def test_pipeline_checks_out_of_range_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ValidationError, match="POLL_PIPELINE_CHECKS"):
        PollerSettings.from_env({**BASE, "POLL_PIPELINE_CHECKS": bad})


def test_tracker_activity_type_and_widget_auth_default_to_the_evidenced_choices() -> None:
    from skima.config import TrackerConfig  # noqa: PLC0415

    env = {
        "TRACKER_REST_URL": "https://rest.example.test",
        "TRACKER_WIDGET_URL": "https://widget.example.test",
        "TRACKER_API_TOKEN_SECRET_ARN": "arn:secret",
        "STATE_TABLE": "state",
        "SCORE_QUEUE_URL": "https://queue",
    }
    config = TrackerConfig.from_env(env)
    assert (config.activity_type, config.widget_auth) == ("Note", "auto")
    pinned = TrackerConfig.from_env({**env, "TRACKER_ACTIVITY_TYPE": "General", "TRACKER_WIDGET_AUTH": "oauth"})
    assert (pinned.activity_type, pinned.widget_auth) == ("General", "oauth")
    with pytest.raises(ValueError, match="TRACKER_WIDGET_AUTH"):
        TrackerConfig.from_env({**env, "TRACKER_WIDGET_AUTH": "magic"})


def test_tracker_secret_is_a_bare_token_or_json_with_the_widget_oauth() -> None:
    from skima.adapters.wiring import tracker_secret  # noqa: PLC0415
    from skima.errors import SecretUnavailable  # noqa: PLC0415

    assert tracker_secret("  tok-123\n").api_token == "tok-123"
    secret = tracker_secret('{"api_token": "tok", "widget_refresh_token": "rt", "widget_client_secret": ""}')
    assert (secret.api_token, secret.widget_refresh_token, secret.widget_client_secret) == ("tok", "rt", None)
    assert "rt" not in repr(secret) and "tok" not in repr(secret)
    keyed = tracker_secret('{"api_token": "tok", "widget_api_key": "wk", "widget_username": "ops@example.test"}')
    assert (keyed.widget_api_key, keyed.widget_username) == ("wk", "ops@example.test")
    with pytest.raises(SecretUnavailable):
        tracker_secret('{"widget_refresh_token": "rt"}')
    with pytest.raises(SecretUnavailable):
        tracker_secret("{not json")


def test_only_the_settings_read_the_environment() -> None:
    """Adapters, use cases and handlers get their values from skima.config, so template.yaml and the settings
    models name every variable a function reads (the `skima` command, in skima_cli, reads its own)."""
    allowed = {"shared/skima/config.py"}
    readers = set()
    for path in [*(ROOT / "shared" / "skima").rglob("*.py"), *(ROOT / "functions").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "environb"}:
                readers.add(path.relative_to(ROOT).as_posix())
    assert readers == allowed
