"""Fixtures: the app built once per session by `sam build`, and a tiny probe app "built" into a temp dir.

The app is built from a temporary COPY of the project (template.yaml, functions/, shared/, layers/model sources)
into a temporary build dir, so the tests never race `make build` or other people's edits, and can change the
copied sources to prove the runner only uses what was built. Set SKIMA_TEST_BUILD_DIR to reuse an existing build
dir instead (the source-change test is then skipped).
"""

from __future__ import annotations

import os
import shutil
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from local.lambda_runtime.build import REPO_ROOT, sam_build


@dataclass(frozen=True)
class BuiltApp:
    project_dir: Path | None  # the source copy that was built (None when SKIMA_TEST_BUILD_DIR is used)
    build_dir: Path


@pytest.fixture(scope="session")
def built_app(tmp_path_factory: pytest.TempPathFactory) -> BuiltApp:
    reuse = os.environ.get("SKIMA_TEST_BUILD_DIR")
    if reuse:
        return BuiltApp(None, Path(reuse).resolve())
    root = tmp_path_factory.mktemp("sam-app")
    project = root / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", ".pytest_cache")
    project.mkdir()
    shutil.copy2(REPO_ROOT / "template.yaml", project / "template.yaml")
    for folder in ("functions", "shared", "layers"):
        shutil.copytree(REPO_ROOT / folder, project / folder, ignore=ignore)
    build_dir = sam_build(project, root / "build", ["WebhookFunction"], cache_dir=root / "cache")
    return BuiltApp(project, build_dir)


PROBE_TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: A probe app laid out as `sam build` leaves it (template + one dir per function and layer).
Parameters:
  ProbeDir:
    Type: String
    Default: /tmp
  TickRateMinutes:
    Type: Number
    Default: 1
Globals:
  Function:
    Runtime: python3.12
    Handler: app.lambda_handler
    Timeout: 3
    MemorySize: 256
    Layers:
      - !Ref SharedLayer
    Environment:
      Variables:
        PROBE_DIR: !Ref ProbeDir
        WORK_QUEUE_URL: !Ref WorkQueue
Resources:
  SharedLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: SharedLayer
    Metadata:
      BuildMethod: makefile
  DataLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: DataLayer
    Metadata:
      BuildMethod: makefile
  WorkQueue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 600
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt WorkDeadLetterQueue.Arn
        maxReceiveCount: 2
  WorkDeadLetterQueue:
    Type: AWS::SQS::Queue
  ProbeFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ProbeFunction
      Layers:
        - !Ref DataLayer
      Environment:
        Variables:
          OPT_DATA: /opt/data
          TASK_FILE: /var/task/app.py
          OWN_URL: !GetAtt ProbeFunctionUrl.FunctionUrl
      Events:
        Anything:
          Type: HttpApi
          Properties:
            Path: /probe/{proxy+}
            Method: ANY
        Exact:
          Type: HttpApi
          Properties:
            Path: /probe/items/{item}
            Method: GET
      FunctionUrlConfig:
        AuthType: NONE
  BatchFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: BatchFunction
      Events:
        Work:
          Type: SQS
          Properties:
            Queue: !GetAtt WorkQueue.Arn
            BatchSize: 10
            FunctionResponseTypes: [ReportBatchItemFailures]
            ScalingConfig:
              MaximumConcurrency: 2
  TickFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: TickFunction
      Timeout: 10
      Events:
        Tick:
          Type: ScheduleV2
          Properties:
            ScheduleExpression: !Sub "rate(${TickRateMinutes} minute)"
            RetryPolicy:
              MaximumRetryAttempts: 0
  NoHandlerFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: NoHandlerFunction
  NotBuiltFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ../../some/source/dir
"""

PROBE_APP = """\
import base64
import importlib.util
import json
import os
import sys
import time

import boto3
import skima
import probe_layer_module


def lambda_handler(event, context):
    if "rawPath" in event:
        return http(event)
    action = event.get("action")
    if action == "whoami":
        return {
            "sys_path": sys.path,
            "app": __file__,
            "skima": skima.__file__,
            "boto3": boto3.__file__,
            "layer_module": probe_layer_module.__file__,
            "layer_module_origin": probe_layer_module.ORIGIN,
            "pytest_importable": importlib.util.find_spec("pytest") is not None,
            "cwd": os.getcwd(),
            "env": dict(os.environ),
        }
    if action == "context":
        return {
            "function_name": context.function_name,
            "memory_limit_in_mb": context.memory_limit_in_mb,
            "aws_request_id": context.aws_request_id,
            "invoked_function_arn": context.invoked_function_arn,
            "remaining_ms": context.get_remaining_time_in_millis(),
        }
    if action == "pid":
        return os.getpid()
    if action == "sleep":
        time.sleep(event["seconds"])
        return "woke up"
    if action == "print_and_wait":
        print(event["marker"])
        while not os.path.exists(event["release"]):
            time.sleep(0.05)
        return "released"
    if action == "raise":
        raise KeyError("boom")
    if action == "unserializable":
        return {1, 2}
    if action == "aws":
        sqs = boto3.client("sqs")
        sqs.send_message(QueueUrl=os.environ["WORK_QUEUE_URL"], MessageBody=json.dumps({"from": "probe"}))
        return "sent"
    return event


def http(event):
    path = event["rawPath"]
    if path.endswith("/raise"):
        raise ValueError("probe failure")
    if path.endswith("/custom"):
        return {"statusCode": 201, "headers": {"x-probe": "yes", "content-type": "text/plain"},
                "cookies": ["a=1; Path=/", "b=2"], "body": "created"}
    if path.endswith("/binary"):
        return {"statusCode": 200, "headers": {"content-type": "application/octet-stream"},
                "body": base64.b64encode(bytes(range(256))).decode(), "isBase64Encoded": True}
    if path.endswith("/plain"):
        return "just a string"
    if path.endswith("/dict"):
        return {"hello": "world"}
    if path.endswith("/bad"):
        return {"statusCode": "not-a-number"}
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(event)}
"""

BATCH_APP = """\
import json
import os


def lambda_handler(event, context):
    failures = []
    with open(os.path.join(os.environ["PROBE_DIR"], "batch.log"), "a") as log:
        for record in event["Records"]:
            body = json.loads(record["body"])
            log.write(json.dumps({"id": body["id"], "receive_count": record["attributes"]["ApproximateReceiveCount"],
                                  "source": record["eventSource"], "arn": record["eventSourceARN"]}) + "\\n")
            if body.get("crash"):
                raise RuntimeError("the batch function blew up")
            if body.get("fail"):
                failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
"""

TICK_APP = """\
import json
import os
import time


def lambda_handler(event, context):
    directory = os.environ["PROBE_DIR"]
    lock = os.path.join(directory, "tick.lock")
    log_path = os.path.join(directory, "tick.log")
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        with open(log_path, "a") as log:
            log.write("overlap\\n")
        return
    try:
        with open(log_path, "a") as log:
            log.write("start " + json.dumps({"source": event.get("source"), "detail-type": event.get("detail-type")})
                      + "\\n")
        time.sleep(1.5)
        with open(log_path, "a") as log:
            log.write("end\\n")
    finally:
        os.remove(lock)
"""


@pytest.fixture(scope="session")
def probe_build(built_app: BuiltApp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = tmp_path_factory.mktemp("probe-app") / "build"
    build.mkdir()
    (build / "template.yaml").write_text(PROBE_TEMPLATE)
    # The real, sam-built SharedLayer (skima + boto3 + pydantic...), linked in as this build's own layer.
    (build / "SharedLayer").symlink_to(built_app.build_dir / "SharedLayer", target_is_directory=True)
    data_layer = build / "DataLayer"
    (data_layer / "data").mkdir(parents=True)
    (data_layer / "data" / "model.txt").write_text("layer data")
    (data_layer / "python").mkdir()
    (data_layer / "python" / "probe_layer_module.py").write_text('ORIGIN = "DataLayer"\n')
    for name, source in {
        "ProbeFunction": PROBE_APP,
        "BatchFunction": BATCH_APP,
        "TickFunction": TICK_APP,
        "NoHandlerFunction": '"""A module without lambda_handler (like a stub function)."""\n',
    }.items():
        (build / name).mkdir()
        (build / name / "app.py").write_text(textwrap.dedent(source))
    return build


def _wait_until(predicate: Callable[[], Any], timeout: float = 30.0, interval: float = 0.2) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {timeout} s")
        time.sleep(interval)


@pytest.fixture(scope="session")
def wait_until() -> Callable[..., Any]:
    """wait_until(predicate, timeout=30): poll until truthy and return the value; fail the test on timeout."""
    return _wait_until
