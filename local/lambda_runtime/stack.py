"""`LocalStack`: the built SAM application running on one machine, wired exactly as its template says.

    with LocalStack.start(".aws-sam/build", parameter_overrides={...}) as stack:
        stack.invoke("WebhookFunction", event)          # InvocationResult
        httpx.post(stack.http_url("WebhookFunction") + "/webhook/tracker?token=...")
        stack.queue_depth("ScoreQueue")                 # QueueDepth(visible, in_flight, delayed)

Functions run from `.aws-sam/build/<LogicalId>/` with their layers from `.aws-sam/build/<Layer>/`; AWS is a moto
server on 127.0.0.1; HttpApi, Function URL, SQS and schedule event sources run as declared.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from local.lambda_runtime.event_sources import Schedule, SqsEventSourceMapping, SqsMappingConfig, rate_seconds
from local.lambda_runtime.functions import (
    EventSpec,
    FunctionPool,
    FunctionSpec,
    FunctionUnavailable,
    InvocationResult,
    LayerSpec,
    lambda_environment,
)
from local.lambda_runtime.http_gateway import FunctionUrlServer, HttpApiGateway, HttpRoute, LocalHttpServer
from local.lambda_runtime.logs import LogSink
from local.lambda_runtime.moto_server import MotoServer
from local.lambda_runtime.resources import LocalResources, Provisioner
from local.lambda_runtime.template import (
    FUNCTION_TYPES,
    LAYER_TYPES,
    SERVERLESS_FUNCTION,
    PseudoParameters,
    Template,
    TemplateError,
    function_properties,
    stringify,
)

IMPLICIT_HTTP_API = "ServerlessHttpApi"


@dataclass(frozen=True)
class QueueDepth:
    visible: int
    in_flight: int
    delayed: int

    @property
    def total(self) -> int:
        return self.visible + self.in_flight + self.delayed


def _inside(path: Path, directory: Path) -> bool:
    """Lexically inside (symlinks are not resolved: a linked artifact still counts as part of the build)."""
    path_text = os.path.normpath(os.path.abspath(path))
    directory_text = os.path.normpath(os.path.abspath(directory))
    return path_text == directory_text or path_text.startswith(directory_text + os.sep)


class LocalStack:
    def __init__(
        self,
        build_dir: Path | str,
        *,
        parameter_overrides: Mapping[str, str] | None = None,
        secret_values: Mapping[str, str] | None = None,
        resource_overrides: Mapping[str, Mapping[str, Any]] | None = None,
        functions: Collection[str] | None = None,
        event_sources: bool | Collection[str] = True,
        endpoint_url: str | None = None,
        stack_name: str = "skima-local",
        region: str = "us-east-1",
        log: LogSink | None = None,
        python: str = sys.executable,
        ports: Mapping[str, int] | None = None,
        schedule_speedup: float = 1.0,
        schedule_intervals: Mapping[str, float] | None = None,
        run_schedules_immediately: bool = False,
        sqs_batching_window: float | None = None,
        sqs_poll_wait_seconds: int = 1,
        default_concurrency: int = 4,
        prewarm: bool = False,
        moto_log: Path | None = None,
        extra_environment: Mapping[str, str] | None = None,
    ) -> None:
        """Options:
        - parameter_overrides: template parameters (like `sam deploy --parameter-overrides`).
        - secret_values: SecretString per secret logical id (else generated per GenerateSecretString).
        - resource_overrides: property overrides per logical id before creation, e.g. a short visibility
          timeout for tests: {"ScoreQueue": {"VisibilityTimeout": 2}}.
        - functions: logical ids to run (default: every function); event_sources: True/False or the function ids
          whose event sources (HTTP API routes, Function URL, SQS, schedules) start.
        - ports: fixed ports by name (an HttpApi logical id, or "<Function>Url"); default free ports.
        - schedule_speedup: rate(10 minutes) with speedup 60 runs every 10 s; schedule_intervals overrides
          seconds per "<Function>.<EventName>"; sqs_batching_window overrides MaximumBatchingWindowInSeconds.
        - default_concurrency: workers per function without ReservedConcurrentExecutions.
        """
        self.build_dir = Path(build_dir).resolve()
        self._owns_log = log is None
        self.log = log or LogSink()
        self._parameter_overrides = dict(parameter_overrides or {})
        self._secret_values = dict(secret_values or {})
        self._resource_overrides = {key: dict(value) for key, value in (resource_overrides or {}).items()}
        self._wanted = set(functions) if functions is not None else None
        self._event_sources = event_sources
        self._endpoint_url = endpoint_url
        self._pseudo = PseudoParameters(region=region, stack_name=stack_name)
        self._python = python
        self._ports = dict(ports or {})
        self._schedule_speedup = schedule_speedup
        self._schedule_intervals = dict(schedule_intervals or {})
        self._run_schedules_immediately = run_schedules_immediately
        self._sqs_batching_window = sqs_batching_window
        self._sqs_poll_wait = sqs_poll_wait_seconds
        self._default_concurrency = default_concurrency
        self._prewarm = prewarm
        self._moto_log = moto_log
        self._extra_environment = dict(extra_environment or {})
        self._moto: MotoServer | None = None
        self.template: Template
        self.resources: LocalResources
        self.specs: dict[str, FunctionSpec] = {}
        self.pools: dict[str, FunctionPool] = {}
        self.unavailable: dict[str, str] = {}
        self.apis: dict[str, HttpApiGateway] = {}
        self.function_urls: dict[str, FunctionUrlServer] = {}
        self.sqs_mappings: dict[str, list[SqsEventSourceMapping]] = {}
        self.schedules: dict[str, list[Schedule]] = {}
        self._started = False

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def start(cls, build_dir: Path | str, **options: Any) -> LocalStack:
        stack = cls(build_dir, **options)
        try:
            stack._start()
        except BaseException:
            stack.close()
            raise
        return stack

    def __enter__(self) -> LocalStack:
        if not self._started:
            try:
                self._start()
            except BaseException:
                self.close()
                raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _start(self) -> None:
        self._started = True
        template_path = self.build_dir / "template.yaml"
        if not template_path.is_file():
            raise FileNotFoundError(f"{template_path} not found: run sam build first")
        self.template = Template.load(template_path, self._parameter_overrides, self._pseudo)
        if self._endpoint_url is None:
            self._moto = MotoServer(python=self._python, log_path=self._moto_log).start()
            self._endpoint_url = self._moto.endpoint_url
        provisioner = Provisioner(
            self.template,
            self._endpoint_url,
            secret_values=self._secret_values,
            resource_overrides=self._resource_overrides,
        )
        self.resources = provisioner.provision_all()
        functions = self.template.resources_of_type(*FUNCTION_TYPES)
        region = self._pseudo.region
        unknown = sorted((self._wanted or set()) - set(functions))
        if unknown:
            raise TemplateError(f"no such functions in the template: {', '.join(unknown)}")
        selected = [lid for lid in functions if self._wanted is None or lid in self._wanted]
        properties = {lid: function_properties(self.template, lid) for lid in selected}

        # Bind the HTTP front doors first: function environments may name their URLs (!GetAtt FnUrl.FunctionUrl).
        for lid, resource in functions.items():
            if lid not in selected and (resource.get("Properties") or {}).get("FunctionUrlConfig"):
                url_id = provisioner.ref(lid).lower().replace("_", "-")[:32]
                provisioner.register(f"{lid}Url", "FunctionUrl", f"https://{url_id}.lambda-url.{region}.on.aws/")
        for lid in selected:
            if properties[lid].get("FunctionUrlConfig"):
                server = FunctionUrlServer(
                    lid,
                    provisioner.ref(lid).lower().replace("_", "-")[:32],
                    self._invoke_for_event_source,
                    self.log,
                    region=self._pseudo.region,
                    port=self._ports.get(f"{lid}Url", 0),
                )
                self.function_urls[lid] = server
                provisioner.register(f"{lid}Url", "FunctionUrl", server.base_url)
        routes: dict[str, list[HttpRoute]] = {}
        for lid in selected:
            for event in (properties[lid].get("Events") or {}).values():
                if event.get("Type") != "HttpApi":
                    continue
                event_properties = event.get("Properties") or {}
                api = self._api_logical_id(event_properties.get("ApiId"))
                method = str(event_properties.get("Method", "ANY")).upper()
                path = str(event_properties.get("Path", "$default"))
                routes.setdefault(api, []).append(HttpRoute(lid, method, path))
        for api, api_routes in routes.items():
            gateway = HttpApiGateway(
                api,
                str(provisioner.ref(api)),
                api_routes,
                self._invoke_for_event_source,
                self.log,
                account_id=self._pseudo.account_id,
                region=self._pseudo.region,
                port=self._ports.get(api, 0),
            )
            self.apis[api] = gateway
            provisioner.register(api, "ApiEndpoint", gateway.base_url)

        for lid in selected:
            spec = self._function_spec(lid, properties[lid], provisioner)
            self.specs[lid] = spec
            reason = spec.unavailable_reason
            if reason:
                self.unavailable[lid] = reason
                self.log.write("local-stack", f"{lid} is not available: {reason}")
            concurrency = spec.reserved_concurrency or self._default_concurrency
            environment = lambda_environment(
                spec, endpoint_url=self._endpoint_url, region=self._pseudo.region, extra=self._extra_environment
            )
            self.pools[lid] = FunctionPool(
                spec, environment, log=self.log, max_concurrency=max(1, concurrency), python=self._python
            )

        for front_door in self._front_doors():
            front_door.start()
        for lid in selected:
            if lid in self.unavailable or not self._sources_enabled(lid):
                continue
            self._start_event_sources(self.specs[lid])
        if self._prewarm:
            for lid, pool in self.pools.items():
                if lid not in self.unavailable:
                    pool.prewarm()

    def _front_doors(self) -> list[LocalHttpServer]:
        return [url.server for url in self.function_urls.values()] + [api.server for api in self.apis.values()]

    def _sources_enabled(self, function: str) -> bool:
        if isinstance(self._event_sources, bool):
            return self._event_sources
        return function in self._event_sources

    def _api_logical_id(self, api_id: Any) -> str:
        if api_id is None:
            return IMPLICIT_HTTP_API
        if isinstance(api_id, dict) and "Ref" in api_id:
            return str(api_id["Ref"])
        raise TemplateError(f"HttpApi ApiId must be a !Ref to an HttpApi in the template, got {api_id!r}")

    def _function_spec(self, lid: str, raw: dict[str, Any], provisioner: Provisioner) -> FunctionSpec:
        resource_type = self.template.resources[lid]["Type"]
        evaluated_keys = (
            "Handler",
            "Runtime",
            "Timeout",
            "MemorySize",
            "Environment",
            "Layers",
            "ReservedConcurrentExecutions",
            "CodeUri",
            "Code",
            "FunctionName",
            "FunctionUrlConfig",
        )
        props = self.template.evaluate({key: raw[key] for key in evaluated_keys if key in raw}, provisioner)
        code = props.get("CodeUri") if resource_type == SERVERLESS_FUNCTION else props.get("Code")
        if not isinstance(code, str):
            raise TemplateError(f"{lid}: only a local CodeUri/Code path can run locally, got {code!r}")
        code_dir = (self.template.directory / code).resolve()
        reverse_refs = {value: key for key, value in self.resources.refs.items() if isinstance(value, str)}
        layers: list[LayerSpec] = []
        for layer_ref in props.get("Layers") or []:
            layer_lid = reverse_refs.get(str(layer_ref))
            if layer_lid is None or self.template.resources[layer_lid].get("Type") not in LAYER_TYPES:
                layers.append(LayerSpec(str(layer_ref), Path("/nonexistent-layer"), built=False))
                continue
            layer = self.template.resources[layer_lid]
            content = (layer.get("Properties") or {}).get("ContentUri") or (layer.get("Properties") or {}).get(
                "Content"
            )
            if not isinstance(content, str):
                layers.append(LayerSpec(layer_lid, Path("/nonexistent-layer"), built=False))
                continue
            directory = self.template.directory / content
            needs_build = bool((layer.get("Metadata") or {}).get("BuildMethod"))
            built = _inside(directory, self.build_dir) if needs_build else True
            layers.append(LayerSpec(layer_lid, Path(os.path.normpath(os.path.abspath(directory))), built))
        variables = ((props.get("Environment") or {}).get("Variables")) or {}
        environment = {key: self._map_opt(stringify(value), code_dir, layers) for key, value in variables.items()}
        reserved = props.get("ReservedConcurrentExecutions")
        events = []
        for name, event in (raw.get("Events") or {}).items():
            event_properties = event.get("Properties") or {}
            if event.get("Type") in ("HttpApi", "Api"):
                resolved = {key: value for key, value in event_properties.items() if key != "ApiId"}
            else:
                resolved = self.template.evaluate(event_properties, provisioner)
            events.append(EventSpec(name, str(event.get("Type")), resolved))
        return FunctionSpec(
            logical_id=lid,
            function_name=str(provisioner.ref(lid)),
            function_arn=str(provisioner.get_att(lid, "Arn")),
            handler=str(props.get("Handler", "app.lambda_handler")),
            runtime=str(props.get("Runtime", "python3.12")),
            timeout=int(props.get("Timeout", 3)),
            memory_mb=int(props.get("MemorySize", 128)),
            code_dir=code_dir,
            code_built=_inside(self.template.directory / code, self.build_dir),
            layers=layers,
            environment=environment,
            reserved_concurrency=int(reserved) if reserved is not None else None,
            events=events,
            function_url=props.get("FunctionUrlConfig"),
        )

    @staticmethod
    def _map_opt(value: str, code_dir: Path, layers: list[LayerSpec]) -> str:
        """/opt/... (layers, later ones on top) and /var/task/... point into the build dir, as mounted in Lambda."""
        if value == "/var/task" or value.startswith("/var/task/"):
            return str(code_dir) + value[len("/var/task") :]
        if not (value == "/opt" or value.startswith("/opt/")) or not layers:
            return value
        suffix = value[len("/opt/") :] if value.startswith("/opt/") else ""
        for layer in reversed(layers):
            if (layer.directory / suffix).exists():
                return str(layer.directory / suffix)
        return str(layers[-1].directory / suffix)

    def _start_event_sources(self, spec: FunctionSpec) -> None:
        for event in spec.events:
            if event.type == "SQS":
                config = SqsMappingConfig.from_event(event.properties, default_concurrency=2)
                if self._sqs_batching_window is not None:
                    config.batching_window_seconds = self._sqs_batching_window
                queue = self.resources.queue_by_arn(str(event.properties["Queue"]))
                mapping = SqsEventSourceMapping(
                    spec.logical_id,
                    queue,
                    config,
                    self._invoke_for_event_source,
                    sqs_client=self.resources.client("sqs"),
                    log=self.log,
                    region=self._pseudo.region,
                    poll_wait_seconds=self._sqs_poll_wait,
                )
                self.sqs_mappings.setdefault(spec.logical_id, []).append(mapping)
                mapping.start()
            elif event.type in ("ScheduleV2", "Schedule"):
                key = f"{spec.logical_id}.{event.name}"
                expression = str(event.properties.get("ScheduleExpression", ""))
                seconds = self._schedule_intervals.get(key)
                if seconds is None:
                    rate = rate_seconds(expression)
                    if rate is None:
                        self.log.write("local-stack", f"{key}: {expression!r} is not emulated (use schedule_intervals)")
                        continue
                    seconds = rate / self._schedule_speedup
                schedule = Schedule(
                    spec.logical_id,
                    event.name,
                    event.properties,
                    self._invoke_for_event_source,
                    self.log,
                    interval_seconds=seconds,
                    schedule_arn=f"arn:aws:scheduler:{self._pseudo.region}:{self._pseudo.account_id}:schedule/"
                    f"default/{self._pseudo.stack_name}-{spec.logical_id}-{event.name}",
                    account_id=self._pseudo.account_id,
                    region=self._pseudo.region,
                    run_immediately=self._run_schedules_immediately,
                )
                self.schedules.setdefault(spec.logical_id, []).append(schedule)
                schedule.start()
            elif event.type not in ("HttpApi",):
                self.log.write("local-stack", f"{spec.logical_id}.{event.name}: event type {event.type} not emulated")

    def close(self) -> None:
        """Stop event sources, HTTP servers, workers and moto (idempotent; no process outlives it)."""
        for mappings in self.sqs_mappings.values():
            for mapping in mappings:
                mapping._stop.set()
        for schedules in self.schedules.values():
            for schedule in schedules:
                schedule._stop.set()
        for pool in self.pools.values():
            pool.close()
        for mappings in self.sqs_mappings.values():
            for mapping in mappings:
                mapping.stop()
        for schedules in self.schedules.values():
            for schedule in schedules:
                schedule.stop()
        for front_door in self._front_doors():
            front_door.stop()
        self.function_urls, self.apis = {}, {}
        if self._moto is not None:
            self._moto.stop()
            self._moto = None
        if self._owns_log:
            self.log.close()

    # ------------------------------------------------------------------ use
    def _invoke_for_event_source(self, function: str, event: Any) -> InvocationResult:
        return self.invoke(function, event)

    def invoke(self, function: str, event: Any, *, timeout: float | None = None) -> InvocationResult:
        """Synchronous (RequestResponse) invoke; errors come back in the result as Lambda reports them."""
        if function not in self.pools:
            raise FunctionUnavailable(f"{function} is not running in this local stack")
        return self.pools[function].invoke(event, timeout=timeout)

    @property
    def endpoint_url(self) -> str:
        assert self._endpoint_url is not None
        return self._endpoint_url

    def environment(self, function: str) -> dict[str, str]:
        """The function's template variables, resolved against the local resources."""
        return dict(self.specs[function].environment)

    def api_url(self, api: str | None = None) -> str:
        """Base URL of an HttpApi (the only one when `api` is None)."""
        if api is None:
            if len(self.apis) != 1:
                raise KeyError(f"name one of the APIs: {sorted(self.apis)}")
            return next(iter(self.apis.values())).base_url
        return self.apis[api].base_url

    def function_url(self, function: str) -> str:
        return self.function_urls[function].base_url

    def http_url(self, function: str) -> str:
        """The function's Function URL (ends with "/"), else the base URL of the HttpApi that routes to it."""
        if function in self.function_urls:
            return self.function_url(function)
        for gateway in self.apis.values():
            if any(route.function == function for route in gateway.routes):
                return gateway.base_url
        raise KeyError(f"{function} has no HTTP event source")

    def queue_url(self, queue: str) -> str:
        return self.resources.queue_url(queue)

    def queue_depth(self, queue: str) -> QueueDepth:
        attributes = self.resources.client("sqs").get_queue_attributes(
            QueueUrl=self.queue_url(queue),
            AttributeNames=[
                "ApproximateNumberOfMessages",
                "ApproximateNumberOfMessagesNotVisible",
                "ApproximateNumberOfMessagesDelayed",
            ],
        )["Attributes"]
        return QueueDepth(
            int(attributes.get("ApproximateNumberOfMessages", 0)),
            int(attributes.get("ApproximateNumberOfMessagesNotVisible", 0)),
            int(attributes.get("ApproximateNumberOfMessagesDelayed", 0)),
        )

    def receive_messages(
        self, queue: str, *, max_messages: int = 10, wait_seconds: int = 1, delete: bool = False
    ) -> list[dict[str, Any]]:
        """Messages as SQS returns them (counts as a receive for redrive unless deleted)."""
        client = self.resources.client("sqs")
        messages: list[dict[str, Any]] = client.receive_message(
            QueueUrl=self.queue_url(queue),
            MaxNumberOfMessages=max_messages,
            WaitTimeSeconds=wait_seconds,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if delete:
            for message in messages:
                client.delete_message(QueueUrl=self.queue_url(queue), ReceiptHandle=message["ReceiptHandle"])
        return messages

    def secret_value(self, secret: str) -> str:
        return self.resources.secret_value(secret)

    def logs(self, source: str | None = None) -> list[str]:
        return self.log.lines(source)
