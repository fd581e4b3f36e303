"""`make rehearse`: a real `sam deploy` of the built stack onto LocalStack, smoke-tested, then `sam delete`.

    python -m local.rehearsal [--build-dir .aws-sam/build] [--timeout 900] [--keep-scratch]

1. Installs its tools if missing (`local/rehearsal/tools.py`: LocalStack, awslambdaric, DynamoDB Local).
2. Starts LocalStack in host mode (no containers; Lambda runs through the `process` executor plugin in
   `process_executor/`) and the Tracker simulator, both on 127.0.0.1, on free ports.
3. `sam deploy` of the `sam build` output, its Tracker URLs pointing at the simulator; then puts the simulator's API
   token into the deployed TrackerApiTokenSecret, as an operator does after the first deploy.
4. Smoke tests the DEPLOYED stack: a new application in the simulator; its real "record changed" ping, wrapped in
   an API Gateway HTTP API event with the deployed webhook token, invokes the webhook function (202) -> a message
   on the deployed queue -> the scorer, invoked by the deployed SQS event source mapping -> a score row in the
   deployed ScoresTable and a SKIMA note in the simulator -> a share link's page and the dead-link page, served by
   the shortlist function through its Function URL. The dead-letter queue stays empty.
5. The poller, invoked directly (schedules never fire in LocalStack), polls the simulator.
6. `sam delete`, then stops everything: always, also on failure or when the total timeout strikes.

What LocalStack's community edition does not rehearse: the HTTP API (API Gateway v2 is not in it: the webhook is
invoked with the event the HTTP API would send) and schedules (they never fire: the poller is invoked directly).
A failing step exits 1 with LocalStack's log tail and the functions' logs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from local.lambda_runtime.moto_server import free_port, wait_for_http
from local.rehearsal.tools import REPO_ROOT, ToolError, Tools, ensure_tools
from local.trackerrms_sim.testing import SimHandle

STACK_NAME = "skima-rehearsal"
REGION = "us-east-1"
ARTIFACT_BUCKET = "skima-rehearsal-artifacts"
SAM_CONFIG = Path(__file__).resolve().parent / "samconfig.toml"
WEBHOOK_EVENT = REPO_ROOT / "events" / "webhook_post.json"
POLL_EVENT = REPO_ROOT / "events" / "poll_schedule.json"
NOTE_SUBJECT_PREFIX = "SKIMA Match Score "


class RehearsalFailed(RuntimeError):
    """A step did not do what it must (the message says what was seen)."""


class RehearsalTimeout(RehearsalFailed):
    pass


def _say(text: str) -> None:
    print(text, flush=True)


def _wait_for[T](check: Callable[[], T | None], timeout: float, what: str, every: float = 1.0) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise RehearsalFailed(f"no {what} within {timeout:.0f} s")
        time.sleep(every)


def _tail(path: Path, lines: int) -> str:
    if not path.is_file():
        return f"({path} not written)"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def api_gateway_event(body: dict[str, Any], token: str, now: datetime) -> dict[str, Any]:
    """The API Gateway HTTP API (payload 2.0) event of a POST of `body` to /webhook/tracker?token=<token>: what the
    HTTP API, absent from LocalStack's community edition, would hand the webhook function."""
    event: dict[str, Any] = json.loads(WEBHOOK_EVENT.read_text())
    raw_body = json.dumps(body)
    event["rawQueryString"] = urllib.parse.urlencode({"token": token})
    event["queryStringParameters"] = {"token": token}
    event["headers"]["content-length"] = str(len(raw_body.encode()))
    event["body"] = raw_body
    event["requestContext"]["requestId"] = secrets.token_urlsafe(12)
    event["requestContext"]["time"] = now.strftime("%d/%b/%Y:%H:%M:%S +0000")
    event["requestContext"]["timeEpoch"] = int(now.timestamp() * 1000)
    return event


def through_gateway(url: str, gateway: str) -> tuple[str, str]:
    """(URL, Host header) reaching `url` through LocalStack's gateway: a Function URL's host name
    (<id>.lambda-url.<region>.localhost.localstack.cloud:<port>) routes there, but resolves to no address here."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(("http", gateway, parts.path, parts.query, "")), parts.netloc


class Rehearsal:
    def __init__(self, build_dir: Path, scratch: Path) -> None:
        self.build_dir = build_dir
        self.scratch = scratch
        self.timings: list[tuple[str, float]] = []
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.localstack: subprocess.Popen[bytes] | None = None
        self.simulator: subprocess.Popen[bytes] | None = None
        self.sim: SimHandle | None = None
        self.deployed = False
        self.resources: dict[str, str] = {}
        self.outputs: dict[str, str] = {}

    # ------------------------------------------------------------------ plumbing
    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        _say(f"==> {name}")
        started = time.monotonic()
        try:
            yield
        except RehearsalFailed as exc:
            raise RehearsalFailed(f"{name}: {exc}") from exc
        finally:
            self.timings.append((name, time.monotonic() - started))
        _say(f"    ok ({time.monotonic() - started:.1f} s)")

    def aws_environment(self) -> dict[str, str]:
        """For sam: LocalStack's endpoint and dummy credentials, never a developer's real profile."""
        environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
        environment.update(
            AWS_ENDPOINT_URL=self.endpoint,
            AWS_ACCESS_KEY_ID="test",
            AWS_SECRET_ACCESS_KEY="test",
            AWS_DEFAULT_REGION=REGION,
            AWS_REGION=REGION,
            AWS_CONFIG_FILE=str(self.scratch / "aws-config"),
            AWS_SHARED_CREDENTIALS_FILE=str(self.scratch / "aws-credentials"),
            SAM_CLI_TELEMETRY="0",
        )
        return environment

    def client(self, service: str) -> Any:
        import boto3  # noqa: PLC0415 (only once LocalStack runs)
        from botocore.config import Config  # noqa: PLC0415

        return boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=REGION).client(
            service, endpoint_url=self.endpoint, config=Config(read_timeout=180, retries={"max_attempts": 2})
        )

    def run(self, command: list[str], timeout: float, log_name: str) -> str:
        log = self.scratch / log_name
        with log.open("wb") as sink:
            result = subprocess.run(
                command, cwd=REPO_ROOT, env=self.aws_environment(), stdin=subprocess.DEVNULL, stdout=sink,
                stderr=subprocess.STDOUT, timeout=timeout, check=False,
            )  # fmt: skip
        if result.returncode != 0:
            raise RehearsalFailed(f"{command[0]} {command[1]} exited {result.returncode}:\n{_tail(log, 40)}")
        return log.read_text(errors="replace")

    # ------------------------------------------------------------------ services
    def start_localstack(self, tools: Tools) -> None:
        volume = self.scratch / "localstack"
        # LocalStack's package folders (host mode: under FILESYSTEM_ROOT): DynamoDB Local (bundled by npm) and
        # "Java 21" (Debian's 17 is enough), so it downloads neither.
        libs = self.scratch / "fs" / "var" / "lib" / "localstack" / "lib"
        (libs / "dynamodb-local").mkdir(parents=True)
        (libs / "dynamodb-local" / "2").symlink_to(tools.dynamodb_local_dir)
        (libs / "java").mkdir()
        (libs / "java" / "21").symlink_to(tools.java_home)
        for folder in (volume, self.scratch / "tmp"):
            folder.mkdir()
        environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
        environment.update(
            OVERRIDE_IN_DOCKER="0",  # this machine looks like a container to LocalStack
            GATEWAY_LISTEN=f"127.0.0.1:{self.port}",
            LOCALSTACK_VOLUME_DIR=str(volume),
            FILESYSTEM_ROOT=str(self.scratch / "fs"),
            TMPDIR=str(self.scratch / "tmp"),
            DNS_ADDRESS="0",
            SKIP_SSL_CERT_DOWNLOAD="1",
            DISABLE_EVENTS="1",
            # The default engine rejects GetAtt to resources the SAM transform creates (ShortlistFunctionUrl).
            PROVIDER_OVERRIDE_CLOUDFORMATION="engine-legacy",
            LAMBDA_RUNTIME_EXECUTOR="process",
            LAMBDA_PROCESS_PYTHON=str(tools.lambda_python),
            LAMBDA_PROCESS_RUNTIME_PATH=str(tools.lambda_runtime_path),
        )
        with (self.scratch / "localstack.log").open("wb") as log:
            self.localstack = subprocess.Popen(
                [str(tools.localstack_python), "-m", "localstack.runtime.main"],
                cwd=self.scratch, env=environment, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: DynamoDB Local and the function runtimes too
            )  # fmt: skip
        wait_for_http(f"{self.endpoint}/_localstack/health", 90, self.localstack)
        # DynamoDB Local starts at the first DynamoDB call: a broken one fails here, not minutes into the deploy.
        self.client("dynamodb").list_tables()
        _say(f"    LocalStack on {self.endpoint} (DynamoDB Local answers)")

    def start_simulator(self) -> None:
        sim_port = free_port()
        token = f"rehearsal-{secrets.token_hex(8)}"
        # Pings go nowhere (nothing listens on that port; the simulator records them): the webhook is invoked
        # with each ping's body, as the HTTP API would.
        nowhere = f"http://127.0.0.1:{free_port()}/webhook/tracker"
        with (self.scratch / "simulator.log").open("wb") as log:
            self.simulator = subprocess.Popen(
                [sys.executable, "-m", "local.trackerrms_sim", "--port", str(sim_port), "--api-token", token,
                 "--candidates", "40", "--webhook-url", nowhere, "--quiet"],
                cwd=REPO_ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        base_url = f"http://127.0.0.1:{sim_port}"
        wait_for_http(f"{base_url}/_sim/clock", 60, self.simulator)
        self.sim = SimHandle(base_url, token)
        _say(f"    Tracker simulator on {base_url}")

    # ------------------------------------------------------------------ deploy
    def deploy(self, sam: str) -> None:
        self.client("s3").create_bucket(Bucket=ARTIFACT_BUCKET)
        assert self.sim is not None
        overrides = [
            f"TrackerRestUrlOverride={self.sim.base_url}",
            f"TrackerWidgetUrlOverride={self.sim.base_url}",
            "PollPipelineChecks=0",  # see poller_runs
        ]
        self.deployed = True  # from here on, cleanup runs `sam delete`
        self.run(
            [sam, "deploy", "--config-file", str(SAM_CONFIG), "--template-file", str(self.build_dir / "template.yaml"),
             "--stack-name", STACK_NAME, "--region", REGION, "--s3-bucket", ARTIFACT_BUCKET,
             "--capabilities", "CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND", "--no-confirm-changeset",
             "--no-progressbar", "--parameter-overrides", *overrides],
            timeout=420, log_name="sam-deploy.log",
        )  # fmt: skip
        cloudformation = self.client("cloudformation")
        stack = cloudformation.describe_stacks(StackName=STACK_NAME)["Stacks"][0]
        if stack["StackStatus"] != "CREATE_COMPLETE":
            raise RehearsalFailed(f"stack is {stack['StackStatus']}")
        self.outputs = {output["OutputKey"]: output["OutputValue"] for output in stack.get("Outputs", [])}
        pages = cloudformation.get_paginator("list_stack_resources").paginate(StackName=STACK_NAME)
        summaries = [resource for page in pages for resource in page["StackResourceSummaries"]]
        self.resources = {
            resource["LogicalResourceId"]: resource["PhysicalResourceId"]
            for resource in summaries
            if resource.get("PhysicalResourceId")
        }
        unnamed = sorted(r["LogicalResourceId"] for r in summaries if not r.get("PhysicalResourceId"))
        _say(f"    {stack['StackStatus']}: {len(summaries)} resources, without a physical id: {unnamed or 'none'}")
        try:
            apis = len(self.client("apigatewayv2").get_apis()["Items"])
        except Exception as exc:  # LocalStack answers 501 for services outside its community edition
            _say(f"    HTTP API not rehearsed (API Gateway v2: {type(exc).__name__})")
        else:
            _say(f"    HTTP APIs: {apis}")
        # What an operator does after the first deploy (README): the Tracker API token into its secret.
        self.client("secretsmanager").put_secret_value(
            SecretId=self.outputs["TrackerApiTokenSecretArn"], SecretString=self.sim.api_token
        )

    # ------------------------------------------------------------------ smoke tests
    def new_application(self) -> tuple[int, int, str, list[dict[str, Any]]]:
        """A seeded candidate applies to an open job: (job id, candidate id, job title, the pings it caused)."""
        assert self.sim is not None
        sim = self.sim
        state = sim.state()
        job = next(o for o in state["opportunities"] if o["state"] == "open")
        job_id = int(job["opportunityId"])
        in_pipeline = {p["resourceId"] for p in state["placements"] if p["opportunityId"] == job_id}
        candidate = min(
            (r for r in state["resources"] if r["resourceId"] not in in_pipeline and r["documents"] > 0),
            key=lambda r: (r["field"] != job["field"], r["resourceId"]),
        )
        candidate_id = int(candidate["resourceId"])
        before = {d["seq"] for d in sim.delivered_webhooks()}
        sim.ui_create_application(job_id, candidate_id)
        pings = _wait_for(
            lambda: [d for d in sim.delivered_webhooks() if d["seq"] not in before and d["attempts"] > 0],
            timeout=15,
            what="ping from the simulator",
            every=0.2,
        )
        return job_id, candidate_id, str(job["name"]), pings

    def invoke(self, logical_id: str, event: dict[str, Any]) -> Any:
        answer = self.client("lambda").invoke(
            FunctionName=self.resources[logical_id], Payload=json.dumps(event).encode()
        )
        payload = json.loads(answer["Payload"].read() or b"null")
        if answer.get("FunctionError"):
            raise RehearsalFailed(f"{logical_id} failed: {json.dumps(payload)[:2000]}")
        return payload

    def webhook_to_score(self) -> tuple[int, int, str]:
        job_id, candidate_id, job_title, pings = self.new_application()
        secret = self.client("secretsmanager").get_secret_value(SecretId=self.outputs["WebhookTokenSecretArn"])
        token = json.loads(secret["SecretString"])["current"]
        for ping in pings:
            response = self.invoke("WebhookFunction", api_gateway_event(ping["body"], token, datetime.now(UTC)))
            # A wrong token answers 200 "ignored", a failed enqueue 202 "deferred": neither will do.
            answer = json.loads(response.get("body") or "{}") if isinstance(response, dict) else {}
            if response.get("statusCode") != 202 or answer.get("status") != "enqueued":
                raise RehearsalFailed(f"webhook answered {response!r}, not 202 enqueued")
        _say(f"    webhook: {len(pings)} ping(s) of candidate {candidate_id} applying to job {job_id} -> 202 enqueued")

        dynamodb = self.client("dynamodb")
        key = {"job_id": {"S": str(job_id)}, "candidate_id": {"S": str(candidate_id)}}

        def score_row() -> dict[str, Any] | None:
            answer = dynamodb.get_item(TableName=self.resources["ScoresTable"], Key=key)
            item: dict[str, Any] | None = answer.get("Item")
            return item if item and "score" in item else None

        row = _wait_for(score_row, timeout=240, what="score row in the deployed ScoresTable", every=2)
        _say(f"    scorer (via the SQS event source mapping): score {row['score']['N']} stored")

        def note() -> dict[str, Any] | None:
            assert self.sim is not None
            return next(
                (
                    activity
                    for activity in self.sim.state()["activities"]
                    if int(activity.get("linkRecordId") or 0) == candidate_id
                    and str(activity.get("subject") or "").startswith(NOTE_SUBJECT_PREFIX)
                    and f"\nref: job {job_id} | " in str(activity.get("note") or "")
                ),
                None,
            )

        written = _wait_for(note, timeout=120, what="SKIMA note on the candidate in the simulator", every=2)
        _say(f"    note in the simulator: {written['subject']!r}")
        return job_id, candidate_id, job_title

    def shortlist_pages(self, job_id: int, job_title: str) -> None:
        from skima.bootstrap import admin  # noqa: PLC0415 (boto3 only once LocalStack runs)
        from skima.shortlist.links import ShareLinks  # noqa: PLC0415

        # http://<url id>.lambda-url.<region>.localhost.localstack.cloud:<port>/
        base_url = self.outputs["ShortlistBaseUrl"]
        links = ShareLinks(admin.link_store(self.resources["LinksTable"], self.client("dynamodb")), base_url)
        link = links.create(job_id, job_title)
        status, page = self.get_function_url(link.url)
        if status != 200 or job_title not in page:
            raise RehearsalFailed(f"the shortlist link answered {status}: {page[:500]}")
        _say(f"    shortlist link page: 200, {len(page)} bytes, shows {job_title!r}")
        status, page = self.get_function_url(f"{base_url.rstrip('/')}/s/{secrets.token_urlsafe(24)}")
        if status != 404 or "not available" not in page:
            raise RehearsalFailed(f"an unknown link answered {status}: {page[:500]}")
        _say("    unknown link: 404, the friendly dead-link page")

    def get_function_url(self, url: str) -> tuple[int, str]:
        target, host = through_gateway(url, f"127.0.0.1:{self.port}")
        request = urllib.request.Request(target, headers={"Host": host})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return int(response.status), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return int(exc.code), exc.read().decode("utf-8", "replace")

    def queues_settled(self) -> None:
        sqs = self.client("sqs")
        attributes = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]

        def depth(url: str) -> int:
            values = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=attributes)["Attributes"]
            return sum(int(values[name]) for name in attributes)

        _wait_for(lambda: depth(self.outputs["ScoreQueueUrl"]) == 0 or None, 120, "empty score queue", every=2)
        dead = depth(self.outputs["ScoreDeadLetterQueueUrl"])
        if dead:
            raise RehearsalFailed(f"{dead} message(s) in the dead-letter queue")
        _say("    score queue drained, dead-letter queue empty")

    def poller_runs(self) -> None:
        """The poller, invoked as its schedule would invoke it (schedules never fire here): it authenticates to
        Tracker, reads the changes of every record type and records its watermarks in the deployed StateTable. The
        stack is deployed with PollPipelineChecks=0: a first poll's re-check would otherwise queue every open job's
        pipeline, minutes of scoring at Tracker's request pace (the queue path is proven by the webhook above)."""
        report = self.invoke("PollerFunction", json.loads(POLL_EVENT.read_text()))
        if not report.get("ran") or set(report.get("found") or {}) != {
            "Opportunity",
            "Resource",
            "OpportunityResource",
        }:
            raise RehearsalFailed(f"the poller did not poll: {report}")
        _say(f"    poller: ran; changes found {report['found']}, {report['enqueued']} queued")

    # ------------------------------------------------------------------ teardown
    def delete(self, sam: str) -> None:
        self.run(
            [sam, "delete", "--stack-name", STACK_NAME, "--region", REGION, "--no-prompts"],
            timeout=180, log_name="sam-delete.log",
        )  # fmt: skip
        self.deployed = False
        cloudformation = self.client("cloudformation")

        def gone() -> bool:
            try:
                stacks = cloudformation.describe_stacks(StackName=STACK_NAME)["Stacks"]
            except cloudformation.exceptions.ClientError:
                return True
            return not stacks or stacks[0]["StackStatus"] == "DELETE_COMPLETE"

        _wait_for(gone, 120, "stack deletion", every=1)
        functions = self.client("lambda").list_functions()["Functions"]
        if functions:
            raise RehearsalFailed(f"functions left after delete: {[f['FunctionName'] for f in functions]}")
        retained = self.client("dynamodb").list_tables()["TableNames"]
        # On AWS the tables with DeletionPolicy: Retain outlive the stack; LocalStack's legacy engine ignores it.
        _say(f"    stack gone; {len(retained)} DynamoDB tables left")

    def function_logs(self, lines: int = 40) -> str:
        """The functions' output. LocalStack writes it to /aws/lambda/<function name>, not to the template's
        LoggingConfig groups."""
        logs = self.client("logs")
        out = []
        for group in logs.describe_log_groups(logGroupNamePrefix="/aws/lambda/")["logGroups"]:
            name = group["logGroupName"]
            events = logs.filter_log_events(logGroupName=name, limit=10000)["events"]
            text = "".join(event["message"] for event in events).splitlines()[-lines:]
            out.append(f"--- {name} (last {len(text)} lines)\n" + "\n".join(text))
        return "\n".join(out) or "--- no function logs"

    def stop(self) -> None:
        for process in (self.simulator, self.localstack):
            if process is None or process.poll() is not None:
                continue
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if self.localstack is not None:
            # LocalStack may leave DynamoDB Local or a function runtime behind in its group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.localstack.pid, signal.SIGKILL)


def _sam() -> str:
    found = shutil.which("sam") or str(Path(sys.executable).parent / "sam")
    if not Path(found).is_file():
        raise ToolError("sam not found: install the project's dev extras (aws-sam-cli, pinned in pyproject.toml)")
    return found


def _on_timeout(seconds: int) -> Callable[[int, FrameType | None], None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        raise RehearsalTimeout(f"the rehearsal took longer than its {seconds} s limit")

    return handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.rehearsal", description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / ".aws-sam" / "build")
    parser.add_argument("--timeout", type=int, default=900, help="seconds for the whole rehearsal, setup included")
    parser.add_argument("--keep-scratch", action="store_true", help="keep the logs and LocalStack's data folder")
    args = parser.parse_args(argv)
    if not (args.build_dir / "template.yaml").is_file():
        _say(f"{args.build_dir}/template.yaml not found: run `make build` (sam build) first")
        return 2

    started = time.monotonic()
    signal.signal(signal.SIGALRM, _on_timeout(args.timeout))
    signal.alarm(args.timeout)
    scratch = Path(tempfile.mkdtemp(prefix="skima-rehearsal-"))
    rehearsal = Rehearsal(args.build_dir.resolve(), scratch)
    failure: BaseException | None = None
    try:
        with rehearsal.step("tools (installed once, pinned)"):
            tools = ensure_tools()
            sam = _sam()
        with rehearsal.step("start LocalStack (host mode) and the Tracker simulator"):
            rehearsal.start_localstack(tools)
            rehearsal.start_simulator()
        with rehearsal.step(f"sam deploy --stack-name {STACK_NAME}"):
            rehearsal.deploy(sam)
        with rehearsal.step("webhook -> queue -> scorer -> ScoresTable + Tracker note"):
            job_id, _, job_title = rehearsal.webhook_to_score()
        with rehearsal.step("shortlist Function URL pages"):
            rehearsal.shortlist_pages(job_id, job_title)
        with rehearsal.step("poller (invoked: schedules never fire in LocalStack)"):
            rehearsal.poller_runs()
        with rehearsal.step("queues"):
            rehearsal.queues_settled()
        with rehearsal.step("sam delete"):
            rehearsal.delete(sam)
    except (Exception, RehearsalTimeout) as exc:  # reported below, then cleaned up
        failure = exc
    finally:
        signal.alarm(0)
        if failure is not None:
            _say(f"\nREHEARSAL FAILED: {type(failure).__name__}: {failure}")
            _say(f"\n--- LocalStack log (last 60 lines of {scratch / 'localstack.log'})")
            _say(_tail(scratch / "localstack.log", 60))
            if rehearsal.localstack is not None and rehearsal.localstack.poll() is None:
                try:
                    _say(rehearsal.function_logs())
                except Exception as exc:  # diagnostics only: say why there is nothing
                    _say(f"--- function logs unavailable: {type(exc).__name__}: {exc}")
            _say(f"--- simulator log (last 10 lines)\n{_tail(scratch / 'simulator.log', 10)}")
        if rehearsal.deployed and rehearsal.localstack is not None and rehearsal.localstack.poll() is None:
            with rehearsal.step("cleanup: sam delete"), contextlib.suppress(Exception):
                rehearsal.delete(sam)
        with rehearsal.step("stop LocalStack and the simulator"):
            rehearsal.stop()
        if args.keep_scratch or failure is not None:
            _say(f"Logs kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    _say("\nTimings:")
    for name, seconds in rehearsal.timings:
        _say(f"  {seconds:7.1f} s  {name}")
    _say(f"  {time.monotonic() - started:7.1f} s  total")
    _say("Rehearsal FAILED" if failure is not None else "Rehearsal passed: deployed, smoke-tested, deleted")
    return 1 if failure is not None else 0


if __name__ == "__main__":
    sys.exit(main())
