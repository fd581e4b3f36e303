"""Settings read from the environment: defaults, bounds and clear errors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

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
