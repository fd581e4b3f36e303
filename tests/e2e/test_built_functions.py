"""Every function, as built, cold-starts from its own artifacts and layers and handles its sample event."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from local.harness.template import ROOT
from local.lambda_runtime.testing import RunningApp, running_app


def sample_event(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((ROOT / "events" / name).read_text())
    return event


@pytest.fixture(scope="module")
def app(build_dir: Path) -> Iterator[RunningApp]:
    with running_app(
        build_dir,
        webhook_token="local-webhook-token",
        sim_options={"candidates": 40},
        event_sources=False,
        sqs_batching_window=0,
    ) as running:
        yield running


@pytest.mark.parametrize(
    ("function", "event_file"),
    [
        ("WebhookFunction", "webhook_post.json"),
        ("ScorerFunction", "score_batch.json"),
        ("PollerFunction", "poll_schedule.json"),
        ("ShortlistFunction", "shortlist_get.json"),
        ("FeedbackFunction", "feedback_batch.json"),
    ],
)
def test_each_built_function_handles_its_sample_event(app: RunningApp, function: str, event_file: str) -> None:
    result = app.stack.invoke(function, sample_event(event_file))
    assert result.ok, result.error
    assert function not in app.stack.unavailable


def test_the_webhook_answers_a_real_http_ping_with_202(app: RunningApp) -> None:
    response = httpx.post(app.webhook_url, json={"recordType": "Resource", "action": "Updated", "recordId": 1})
    assert response.status_code == 202
    assert response.json() == {"status": "enqueued", "records": 1}


def test_the_poller_reads_tracker_and_enqueues_changes(app: RunningApp) -> None:
    result = app.stack.invoke("PollerFunction", sample_event("poll_schedule.json"))
    assert result.ok, result.error
    assert result.payload["ran"] in {True, False}
