"""The real, sam-built WebhookFunction behind the local HTTP API, against moto."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from local.lambda_runtime import FunctionUnavailable, LocalStack
from local.lambda_runtime.build import REPO_ROOT
from skima.models import QueueMessage, RecordChanged, RecordType

TOKEN = "local-webhook-token"  # the token in events/webhook_post.json
SIM_URL = "http://127.0.0.1:9"


def _secret(token: str) -> str:
    return json.dumps({"current": token, "previous": ""})


@pytest.fixture(scope="module")
def stack(built_app: Any) -> Iterator[LocalStack]:
    with LocalStack.start(
        built_app.build_dir,
        secret_values={"WebhookTokenSecret": _secret(TOKEN)},
        parameter_overrides={"TrackerRestUrlOverride": SIM_URL, "TrackerWidgetUrlOverride": SIM_URL},
    ) as running:
        yield running


@pytest.fixture
def api(stack: LocalStack) -> Iterator[httpx.Client]:
    while stack.receive_messages("ScoreQueue", wait_seconds=0, delete=True):
        pass  # each test starts with an empty queue (PurgeQueue allows one call a minute)
    with httpx.Client(base_url=stack.http_url("WebhookFunction"), timeout=60, trust_env=False) as client:
        yield client


def test_environment_is_the_template_resolved_against_local_resources(stack: LocalStack) -> None:
    environment = stack.environment("WebhookFunction")
    assert environment["STATE_TABLE"] == stack.resources.tables["StateTable"]
    assert environment["SCORE_QUEUE_URL"] == stack.queue_url("ScoreQueue")
    assert environment["SCORE_QUEUE_URL"].startswith(stack.endpoint_url)
    assert environment["WEBHOOK_TOKEN_SECRET_ARN"] == stack.resources.secrets["WebhookTokenSecret"]
    assert environment["TRACKER_API_TOKEN_SECRET_ARN"] == stack.resources.secrets["TrackerApiTokenSecret"]
    assert environment["WEBHOOK_MAX_BODY_BYTES"] == "65536"
    assert environment["TRACKER_REST_URL"] == SIM_URL
    assert environment["POWERTOOLS_SERVICE_NAME"] == "skima"
    spec = stack.specs["WebhookFunction"]
    assert (spec.timeout, spec.memory_mb) == (10, 256)
    assert spec.code_dir == stack.build_dir / "WebhookFunction"
    assert [layer.logical_id for layer in spec.layers] == ["SharedLayer"]


def test_functions_that_were_not_built_do_not_run(stack: LocalStack) -> None:
    assert "WebhookFunction" not in stack.unavailable
    if (stack.build_dir / "ScorerFunction").is_dir():
        pytest.skip("this build dir has every function")
    assert "not built" in stack.unavailable["ScorerFunction"]
    with pytest.raises(FunctionUnavailable):
        stack.invoke("ScorerFunction", {"Records": []})


def test_good_token_is_202_and_exactly_one_message(stack: LocalStack, api: httpx.Client) -> None:
    response = api.post(f"/webhook/tracker?token={TOKEN}", json={"recordType": "Resource", "recordId": 4321})
    assert response.status_code == 202, response.text
    assert response.json() == {"status": "enqueued", "records": 1}
    messages = stack.receive_messages("ScoreQueue", delete=True)
    assert len(messages) == 1
    body = QueueMessage.model_validate_json(messages[0]["Body"]).root
    assert isinstance(body, RecordChanged)
    assert (body.record_type, body.record_id, body.source) == (RecordType.RESOURCE, 4321, "webhook")
    assert stack.queue_depth("ScoreQueue").total == 0


def test_form_encoded_ping_arrives_base64_encoded_and_is_accepted(stack: LocalStack, api: httpx.Client) -> None:
    response = api.post(
        f"/webhook/tracker?token={TOKEN}",
        content=b"recordType=Opportunity&recordId=77",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 202, response.text
    (message,) = stack.receive_messages("ScoreQueue", delete=True)
    body = QueueMessage.model_validate_json(message["Body"]).root
    assert isinstance(body, RecordChanged) and (body.record_type, body.record_id) == (RecordType.OPPORTUNITY, 77)


@pytest.mark.parametrize("query", ["?token=wrong", "", "?token="])
def test_bad_or_missing_token_is_a_neutral_200_and_nothing_enqueued(
    stack: LocalStack, api: httpx.Client, query: str
) -> None:
    response = api.post(f"/webhook/tracker{query}", json={"recordType": "Resource", "recordId": 1})
    assert response.status_code == 200
    assert response.json() == {"status": "ignored"}
    assert stack.queue_depth("ScoreQueue").total == 0


@pytest.mark.parametrize(("method", "path"), [("POST", "/webhook/other"), ("GET", "/webhook/tracker"), ("GET", "/")])
def test_unknown_route_is_404_like_api_gateway(api: httpx.Client, method: str, path: str) -> None:
    response = api.request(method, f"{path}?token={TOKEN}")
    assert response.status_code == 404
    assert response.json() == {"message": "Not Found"}


def test_sample_event_invokes_directly(stack: LocalStack) -> None:
    event = json.loads((REPO_ROOT / "events" / "webhook_post.json").read_text())
    result = stack.invoke("WebhookFunction", event)
    assert result.ok, result.error
    assert result.payload["statusCode"] == 202
    (message,) = stack.receive_messages("ScoreQueue", delete=True)
    assert json.loads(message["Body"])["record_id"] == 1234


def test_a_source_change_that_was_not_rebuilt_is_not_seen(built_app: Any) -> None:
    if built_app.project_dir is None:
        pytest.skip("SKIMA_TEST_BUILD_DIR given: no private source copy to change")
    broken = "\nraise RuntimeError('the SOURCE tree was imported')\n"
    changed: dict[Path, str] = {}
    for relative in ("functions/webhook/app.py", "shared/skima/intake.py", "shared/skima/__init__.py"):
        path = built_app.project_dir / relative
        changed[path] = path.read_text()
        path.write_text(changed[path] + broken)
    try:
        with LocalStack.start(
            built_app.build_dir, functions=["WebhookFunction"], secret_values={"WebhookTokenSecret": _secret(TOKEN)}
        ) as fresh:
            event = json.loads((REPO_ROOT / "events" / "webhook_post.json").read_text())
            result = fresh.invoke("WebhookFunction", event)
            assert result.ok, result.error
            assert result.payload["statusCode"] == 202
    finally:
        for path, text in changed.items():
            path.write_text(text)


def test_invoke_command_runs_a_sample_event(built_app: Any) -> None:
    completed = subprocess.run(
        [
            sys.executable, "-m", "local.lambda_runtime", "invoke", "WebhookFunction",
            "-e", str(REPO_ROOT / "events" / "webhook_post.json"), "--build-dir", str(built_app.build_dir),
            "--secret", f"WebhookTokenSecret={_secret(TOKEN)}",
        ],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["statusCode"] == 202
    assert "[WebhookFunction] START RequestId:" in completed.stderr
