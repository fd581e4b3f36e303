"""The runtime contract, with a probe app whose functions report what they see (built into a temp dir)."""

from __future__ import annotations

import base64
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from local.lambda_runtime import FunctionUnavailable, LocalStack


@pytest.fixture(scope="module")
def probe_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("probe-output")


@pytest.fixture(scope="module")
def stack(probe_build: Path, probe_dir: Path) -> Iterator[LocalStack]:
    with LocalStack.start(
        probe_build,
        parameter_overrides={"ProbeDir": str(probe_dir)},
        resource_overrides={"WorkQueue": {"VisibilityTimeout": 2}},  # failed messages return fast
        schedule_speedup=60,  # rate(1 minute) → every second; each tick runs 1.5 s
    ) as running:
        yield running


@pytest.fixture
def api(stack: LocalStack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.api_url(), timeout=60, trust_env=False) as client:
        yield client


def test_worker_sees_only_the_build_dirs_and_the_stdlib(stack: LocalStack, probe_build: Path) -> None:
    seen = stack.invoke("ProbeFunction", {"action": "whoami"}).raise_for_error()
    shared_layer = (probe_build / "SharedLayer" / "python").resolve()
    assert Path(seen["app"]).resolve() == (probe_build / "ProbeFunction" / "app.py").resolve()
    assert Path(seen["skima"]).resolve().is_relative_to(shared_layer)  # skima from the SharedLayer artifact
    assert Path(seen["boto3"]).resolve().is_relative_to(shared_layer)  # the layer's own boto3
    assert seen["pytest_importable"] is False  # installed in the venv, invisible to the function
    for entry in seen["sys_path"]:  # the build dirs, else the interpreter's stdlib (never any site-packages)
        inside_build = entry.startswith(str(probe_build))
        assert inside_build or (entry.startswith(sys.base_prefix) and "site-packages" not in entry), entry
    assert seen["sys_path"][0] == str(probe_build / "ProbeFunction")  # /var/task first
    # A later layer sits on top of an earlier one, as when both are extracted into /opt.
    assert seen["layer_module_origin"] == "DataLayer"
    assert Path(seen["cwd"]).resolve() == (probe_build / "ProbeFunction").resolve()


def test_environment_maps_opt_and_var_task_and_adds_the_runtime_variables(stack: LocalStack, probe_build: Path) -> None:
    environment = stack.invoke("ProbeFunction", {"action": "whoami"}).raise_for_error()["env"]
    assert Path(environment["OPT_DATA"]) == probe_build / "DataLayer" / "data"
    assert Path(environment["OPT_DATA"], "model.txt").read_text() == "layer data"
    assert Path(environment["TASK_FILE"]) == probe_build / "ProbeFunction" / "app.py"
    assert environment["OWN_URL"] == stack.function_url("ProbeFunction")
    assert environment["WORK_QUEUE_URL"] == stack.queue_url("WorkQueue")
    assert environment["AWS_ENDPOINT_URL"] == stack.endpoint_url
    assert environment["AWS_LAMBDA_FUNCTION_NAME"] == stack.specs["ProbeFunction"].function_name
    assert environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256"
    assert environment["AWS_REGION"] == "us-east-1"
    assert environment["AWS_ACCESS_KEY_ID"] == "testing"
    assert "VIRTUAL_ENV" not in environment and "PYTHONPATH" not in environment


def test_context_object(stack: LocalStack) -> None:
    context = stack.invoke("ProbeFunction", {"action": "context"}).raise_for_error()
    spec = stack.specs["ProbeFunction"]
    assert context["function_name"] == spec.function_name
    assert context["invoked_function_arn"] == spec.function_arn
    assert context["memory_limit_in_mb"] == 256
    assert 0 < context["remaining_ms"] <= 3000
    assert len(context["aws_request_id"]) == 36


def test_workers_stay_warm_and_a_timeout_kills_and_replaces_the_worker(stack: LocalStack) -> None:
    first = stack.invoke("ProbeFunction", {"action": "pid"}).raise_for_error()
    assert stack.invoke("ProbeFunction", {"action": "pid"}).raise_for_error() == first
    result = stack.invoke("ProbeFunction", {"action": "sleep", "seconds": 30})
    assert not result.ok
    assert result.error_type == "Sandbox.Timedout"
    assert "Task timed out after 3.00 seconds" in result.error["errorMessage"]  # type: ignore[index]
    with pytest.raises(ProcessLookupError):
        os.kill(first, 0)
    replacement = stack.invoke("ProbeFunction", {"action": "pid"}).raise_for_error()
    assert replacement != first


def test_logs_stream_while_the_function_runs(stack: LocalStack, tmp_path: Path, wait_until: Callable[..., Any]) -> None:
    release = tmp_path / "release"
    event = {"action": "print_and_wait", "marker": "streamed-marker-42", "release": str(release)}
    results: list[Any] = []
    invocation = threading.Thread(target=lambda: results.append(stack.invoke("ProbeFunction", event)))
    invocation.start()
    wait_until(lambda: "streamed-marker-42" in stack.logs("ProbeFunction"), timeout=2.5)  # before the 3 s timeout
    release.touch()
    invocation.join(timeout=10)
    assert results[0].payload == "released"


def test_errors_come_back_like_lambda_reports_them(stack: LocalStack, wait_until: Callable[..., Any]) -> None:
    raised = stack.invoke("ProbeFunction", {"action": "raise"})
    assert raised.error is not None
    assert raised.error["errorType"] == "KeyError"
    assert raised.error["errorMessage"] == "'boom'"
    assert any("lambda_handler" in line for line in raised.error["stackTrace"])
    # Logs travel on their own pipe, like CloudWatch Logs beside the invoke response: they may land just after it.
    wait_until(lambda: any("[ERROR] KeyError" in line for line in stack.logs("ProbeFunction")), timeout=5)
    assert stack.invoke("ProbeFunction", {"action": "unserializable"}).error_type == "Runtime.MarshalError"
    assert stack.invoke("NoHandlerFunction", {}).error_type == "Runtime.HandlerNotFound"
    with pytest.raises(FunctionUnavailable, match="not built"):
        stack.invoke("NotBuiltFunction", {})


def test_http_api_builds_payload_v2_events(api: httpx.Client) -> None:
    response = api.get(
        "/probe/items/42?a=1&a=2&b=x%20y",
        headers=[("X-Multi", "one"), ("X-Multi", "two"), ("Cookie", "c1=v1; c2=v2")],
    )
    assert response.status_code == 200
    event = response.json()
    assert event["version"] == "2.0"
    assert event["routeKey"] == "GET /probe/items/{item}"  # the exact route beats the greedy one
    assert event["rawPath"] == "/probe/items/42"
    assert event["rawQueryString"] == "a=1&a=2&b=x%20y"
    assert event["queryStringParameters"] == {"a": "1,2", "b": "x y"}
    assert event["pathParameters"] == {"item": "42"}
    assert event["headers"]["x-multi"] == "one,two"
    assert event["cookies"] == ["c1=v1", "c2=v2"]
    assert event["requestContext"]["http"]["method"] == "GET"
    assert event["requestContext"]["http"]["sourceIp"] == "127.0.0.1"
    assert event["requestContext"]["stage"] == "$default"
    assert "body" not in event and event["isBase64Encoded"] is False

    greedy = api.post("/probe/deeper/path", json={"k": "v"}).json()
    assert greedy["routeKey"] == "ANY /probe/{proxy+}"
    assert greedy["pathParameters"] == {"proxy": "deeper/path"}
    assert json.loads(greedy["body"]) == {"k": "v"} and greedy["isBase64Encoded"] is False

    binary = api.put("/probe/blob", content=bytes(range(256)), headers={"Content-Type": "application/octet-stream"})
    sent = binary.json()
    assert sent["isBase64Encoded"] is True
    assert base64.b64decode(sent["body"]) == bytes(range(256))


def test_http_api_maps_responses_by_the_v2_rules(api: httpx.Client) -> None:
    custom = api.get("/probe/custom")
    assert custom.status_code == 201
    assert custom.headers["x-probe"] == "yes"
    assert custom.headers.get_list("set-cookie") == ["a=1; Path=/", "b=2"]
    assert custom.text == "created"
    assert api.get("/probe/binary").content == bytes(range(256))
    plain = api.get("/probe/plain")
    assert (plain.status_code, plain.text) == (200, "just a string")
    as_dict = api.get("/probe/dict")
    assert as_dict.status_code == 200 and as_dict.json() == {"hello": "world"}
    assert as_dict.headers["content-type"] == "application/json"


@pytest.mark.parametrize("path", ["/probe/raise", "/probe/bad"])
def test_function_error_or_invalid_response_is_500_from_the_api(api: httpx.Client, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 500
    assert response.json() == {"message": "Internal Server Error"}


def test_function_url_sends_every_path_and_method_to_the_function(stack: LocalStack) -> None:
    url = stack.function_url("ProbeFunction")
    assert url.endswith("/")
    with httpx.Client(base_url=url, timeout=60, trust_env=False) as client:
        event = client.delete("anything/at/all?x=1").json()
        assert event["routeKey"] == "$default"
        assert event["rawPath"] == "/anything/at/all"
        assert event["requestContext"]["http"]["method"] == "DELETE"
        assert event["queryStringParameters"] == {"x": "1"}
        assert client.get("custom").status_code == 201
        assert client.get("raise").status_code == 502


def test_sqs_poller_honours_batch_item_failures_and_redrives_to_the_dlq(
    stack: LocalStack, probe_dir: Path, wait_until: Callable[..., Any]
) -> None:
    sqs = stack.resources.client("sqs")
    sqs.send_message(QueueUrl=stack.queue_url("WorkQueue"), MessageBody=json.dumps({"id": "good"}))
    sqs.send_message(QueueUrl=stack.queue_url("WorkQueue"), MessageBody=json.dumps({"id": "bad", "fail": True}))

    def dead_letters() -> Any:
        return sqs.receive_message(QueueUrl=stack.queue_url("WorkDeadLetterQueue"), WaitTimeSeconds=1).get(
            "Messages", []
        )

    (dead,) = wait_until(dead_letters, timeout=40)
    assert json.loads(dead["Body"])["id"] == "bad"
    wait_until(lambda: stack.queue_depth("WorkQueue").total == 0, timeout=10)
    seen = [json.loads(line) for line in (probe_dir / "batch.log").read_text().splitlines()]
    good = [entry for entry in seen if entry["id"] == "good"]
    bad = [entry for entry in seen if entry["id"] == "bad"]
    assert [entry["receive_count"] for entry in good] == ["1"]  # deleted after its batch: never redelivered
    assert [entry["receive_count"] for entry in bad] == ["1", "2"]  # maxReceiveCount 2, then the DLQ
    assert {entry["source"] for entry in seen} == {"aws:sqs"}
    assert {entry["arn"] for entry in seen} == {stack.resources.queues["WorkQueue"].arn}
    (mapping,) = stack.sqs_mappings["BatchFunction"]
    assert mapping.config.report_batch_item_failures and mapping.config.maximum_concurrency == 2


def test_a_raising_function_leaves_the_batch_for_redrive_and_the_poller_keeps_going(
    stack: LocalStack, probe_dir: Path, wait_until: Callable[..., Any]
) -> None:
    sqs = stack.resources.client("sqs")
    (mapping,) = stack.sqs_mappings["BatchFunction"]
    errors_before = mapping.stats.function_errors
    sqs.send_message(QueueUrl=stack.queue_url("WorkQueue"), MessageBody=json.dumps({"id": "crash", "crash": True}))

    def dead_letter_ids() -> set[str]:
        messages = sqs.receive_message(QueueUrl=stack.queue_url("WorkDeadLetterQueue"), WaitTimeSeconds=1)
        return {json.loads(message["Body"])["id"] for message in messages.get("Messages", [])}

    assert "crash" in wait_until(dead_letter_ids, timeout=40)
    assert mapping.stats.function_errors - errors_before == 2
    sqs.send_message(QueueUrl=stack.queue_url("WorkQueue"), MessageBody=json.dumps({"id": "after"}))
    wait_until(lambda: '"after"' in (probe_dir / "batch.log").read_text(), timeout=20)


def test_schedule_never_overlaps_runs(stack: LocalStack, probe_dir: Path, wait_until: Callable[..., Any]) -> None:
    log = probe_dir / "tick.log"

    def finished_runs() -> int:
        return log.read_text().count("end\n") if log.exists() else 0

    wait_until(lambda: finished_runs() >= 3, timeout=30)
    lines = log.read_text().splitlines()
    assert "overlap" not in lines
    starts = [json.loads(line[len("start ") :]) for line in lines if line.startswith("start ")]
    assert starts[0] == {"source": "aws.scheduler", "detail-type": "Scheduled Event"}
    (schedule,) = stack.schedules["TickFunction"]
    assert schedule.interval == 1.0
    assert schedule.runs.skipped_ticks >= 1  # runs outlast the interval, yet never run side by side
