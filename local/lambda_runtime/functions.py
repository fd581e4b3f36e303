"""Function "containers": long-lived worker processes running the built artifacts, with Lambda's invoke contract.

A `FunctionPool` keeps warm workers (one invocation at a time each, like a Lambda execution environment) up to the
function's concurrency limit. A timed-out or crashed worker is killed and replaced on the next invoke.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from local.lambda_runtime.logs import LogSink

_WORKER_SCRIPT = Path(__file__).with_name("worker.py")
_EOF: dict[str, Any] = {"type": "eof"}


@dataclass(frozen=True)
class LayerSpec:
    logical_id: str
    directory: Path
    built: bool  # False: the built template still points at the source (sam build did not build it)

    @property
    def python_paths(self) -> list[Path]:
        """What Lambda puts on sys.path for a layer mounted at /opt."""
        return [self.directory / "python" / "lib" / "python3.12" / "site-packages", self.directory / "python"]


@dataclass(frozen=True)
class EventSpec:
    name: str
    type: str
    properties: dict[str, Any]


@dataclass
class FunctionSpec:
    logical_id: str
    function_name: str
    function_arn: str
    handler: str
    runtime: str
    timeout: int
    memory_mb: int
    code_dir: Path
    code_built: bool
    layers: list[LayerSpec]
    environment: dict[str, str]
    reserved_concurrency: int | None
    events: list[EventSpec] = field(default_factory=list)
    function_url: dict[str, Any] | None = None

    @property
    def unavailable_reason(self) -> str | None:
        """Why this function cannot run from the build dir (None when it can)."""
        if not self.code_built:
            return f"{self.logical_id} was not built (CodeUri still points at {self.code_dir}); run sam build"
        if not self.code_dir.is_dir():
            return f"{self.logical_id}: build dir {self.code_dir} does not exist"
        for layer in self.layers:
            if not layer.built or not layer.directory.is_dir():
                return f"{self.logical_id}: layer {layer.logical_id} was not built ({layer.directory})"
        return None

    def sys_path(self) -> list[str]:
        """/var/task first, then the layers; a later layer wins a clash, as when layers are extracted into /opt."""
        paths = [self.code_dir]
        for layer in reversed(self.layers):
            paths.extend(layer.python_paths)
        return [str(path) for path in paths]


@dataclass
class InvocationResult:
    request_id: str
    ok: bool
    payload: Any = None
    error: dict[str, Any] | None = None
    duration_ms: float = 0.0

    @property
    def error_type(self) -> str | None:
        return None if self.error is None else str(self.error.get("errorType"))

    def raise_for_error(self) -> Any:
        if not self.ok:
            raise FunctionError(self)
        return self.payload


class FunctionError(RuntimeError):
    def __init__(self, result: InvocationResult) -> None:
        error = result.error or {}
        trace = "\n".join(error.get("stackTrace") or [])
        super().__init__(f"{error.get('errorType')}: {error.get('errorMessage')}\n{trace}".rstrip())
        self.result = result


class FunctionUnavailable(RuntimeError):
    pass


class Worker:
    """One `python -I -S worker.py` process."""

    def __init__(
        self,
        spec: FunctionSpec,
        environment: Mapping[str, str],
        *,
        python: str,
        log: LogSink,
        index: int,
        pycache_dir: Path,
        init_timeout: float,
    ) -> None:
        self.spec = spec
        self.name = f"{spec.logical_id}#{index}"
        self._log = log
        self._responses: queue.Queue[dict[str, Any]] = queue.Queue()
        request_read, self._request_write_fd = os.pipe()
        response_read, response_write = os.pipe()
        config = {
            "request_fd": request_read,
            "response_fd": response_write,
            "parent_pid": os.getpid(),
            "path": spec.sys_path(),
            "task_root": str(spec.code_dir),
            "handler": spec.handler,
        }
        self.started = time.monotonic()
        try:
            self.process = subprocess.Popen(
                [python, "-I", "-S", "-X", f"pycache_prefix={pycache_dir}", str(_WORKER_SCRIPT), json.dumps(config)],
                env=dict(environment),
                cwd=str(spec.code_dir),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(request_read, response_write),
                start_new_session=True,  # Ctrl-C reaches the runner, which stops workers in order
            )
        finally:
            os.close(request_read)
            os.close(response_write)
        self._requests = os.fdopen(self._request_write_fd, "w", encoding="utf-8")
        responses = os.fdopen(response_read, "r", encoding="utf-8")
        threading.Thread(target=self._read_responses, args=(responses,), daemon=True).start()
        for stream in (self.process.stdout, self.process.stderr):
            assert stream is not None
            threading.Thread(target=self._pump_logs, args=(stream,), daemon=True).start()
        self.init_error: dict[str, Any] | None = None
        ready = self._next_response(init_timeout)
        if ready is None or ready.get("type") != "ready":
            self.kill()
            self.init_error = {
                "errorType": "Runtime.InitError",
                "errorMessage": "the execution environment did not start"
                if ready is None
                else f"Runtime exited during init with status {self.process.poll()}",
                "stackTrace": [],
            }
        else:
            self.init_error = ready.get("error")

    def _read_responses(self, stream: IO[str]) -> None:
        for line in stream:
            try:
                self._responses.put(json.loads(line))
            except ValueError:
                self._log.write(self.name, f"runner: unreadable response line {line[:200]!r}")
        self._responses.put(_EOF)

    def _pump_logs(self, stream: IO[bytes]) -> None:
        for raw in stream:
            self._log.write(self.spec.logical_id, raw.decode("utf-8", "replace"))

    def _next_response(self, timeout: float) -> dict[str, Any] | None:
        try:
            message = self._responses.get(timeout=timeout)
        except queue.Empty:
            return None
        return None if message is _EOF or message.get("type") == "eof" else message

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def invoke(self, event: Any, request_id: str, timeout: float, client_context: Any = None) -> InvocationResult:
        started = time.monotonic()
        deadline_epoch_ms = int((time.time() + timeout) * 1000)
        spec = self.spec
        request = {
            "event": event,
            "deadline_epoch_ms": deadline_epoch_ms,
            "context": {
                "function_name": spec.function_name,
                "invoked_function_arn": spec.function_arn,
                "memory_limit_in_mb": spec.memory_mb,
                "aws_request_id": request_id,
                "log_group_name": f"/aws/lambda/{spec.function_name}",
                "log_stream_name": self.log_stream_name,
                "client_context": client_context,
            },
        }
        try:
            self._requests.write(json.dumps(request) + "\n")
            self._requests.flush()
        except (BrokenPipeError, OSError):
            return InvocationResult(request_id, False, error=_exited(request_id, self.process.poll()))
        response = self._next_response(timeout)
        elapsed_ms = (time.monotonic() - started) * 1000
        if response is None:
            timed_out = self.alive
            self.kill()
            if timed_out:
                error: dict[str, Any] = {
                    "errorType": "Sandbox.Timedout",
                    "errorMessage": f"RequestId: {request_id} Error: Task timed out after {timeout:.2f} seconds",
                    "stackTrace": [],
                }
                self._log.write(spec.logical_id, str(error["errorMessage"]))
            else:
                error = _exited(request_id, self.process.poll())
            return InvocationResult(request_id, False, error=error, duration_ms=elapsed_ms)
        if response.get("ok"):
            return InvocationResult(request_id, True, payload=json.loads(response["payload"]), duration_ms=elapsed_ms)
        return InvocationResult(request_id, False, error=response.get("error"), duration_ms=elapsed_ms)

    @property
    def log_stream_name(self) -> str:
        return f"{time.strftime('%Y/%m/%d')}/[$LATEST]{self.process.pid:08x}"

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        with contextlib.suppress(OSError):
            self._requests.close()


def _exited(request_id: str, status: int | None) -> dict[str, Any]:
    return {
        "errorType": "Runtime.ExitError",
        "errorMessage": f"RequestId: {request_id} Error: Runtime exited with error: exit status {status}",
        "stackTrace": [],
    }


def lambda_environment(
    spec: FunctionSpec, *, endpoint_url: str, region: str, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """What a Lambda execution environment sees: the template's variables + the runtime's own + moto's endpoint."""
    environment = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "LAMBDA_TASK_ROOT": str(spec.code_dir),
        "LAMBDA_RUNTIME_DIR": str(spec.code_dir),
        "_HANDLER": spec.handler,
        "AWS_EXECUTION_ENV": f"AWS_Lambda_{spec.runtime}",
        "AWS_LAMBDA_FUNCTION_NAME": spec.function_name,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(spec.memory_mb),
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{spec.function_name}",
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        # Never the developer's own AWS config or credentials: everything goes to moto.
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_ENDPOINT_URL": endpoint_url,
        "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR",
        "TMPDIR": tempfile.gettempdir(),
    }
    environment.update(spec.environment)
    environment.update(extra or {})
    return environment


class FunctionPool:
    """Warm workers for one function, at most `max_concurrency` invocations at once (callers queue beyond)."""

    def __init__(
        self,
        spec: FunctionSpec,
        environment: Mapping[str, str],
        *,
        log: LogSink,
        max_concurrency: int,
        python: str = sys.executable,
        pycache_dir: Path | None = None,
        init_timeout: float = 60.0,
    ) -> None:
        self.spec = spec
        self.environment = dict(environment)
        self.max_concurrency = max_concurrency
        self._log = log
        self._python = python
        self._pycache_dir = pycache_dir or Path(tempfile.gettempdir()) / "skima-lambda-pycache"
        self._init_timeout = init_timeout
        self._slots = threading.BoundedSemaphore(max_concurrency)
        self._idle: list[Worker] = []
        self._all: list[Worker] = []
        self._lock = threading.Lock()
        self._spawned = 0
        self._closed = False
        self.invocations = 0

    def _spawn(self) -> Worker:
        with self._lock:
            self._spawned += 1
            index = self._spawned
        worker = Worker(
            self.spec,
            self.environment,
            python=self._python,
            log=self._log,
            index=index,
            pycache_dir=self._pycache_dir,
            init_timeout=self._init_timeout,
        )
        with self._lock:
            self._all.append(worker)
            if self._closed:
                worker.kill()
        return worker

    def prewarm(self) -> None:
        worker = self._spawn()
        with self._lock:
            self._idle.append(worker)

    def invoke(self, event: Any, *, timeout: float | None = None, client_context: Any = None) -> InvocationResult:
        reason = self.spec.unavailable_reason
        if reason:
            raise FunctionUnavailable(reason)
        if self._closed:
            raise FunctionUnavailable(f"{self.spec.logical_id}: the local stack is stopped")
        request_id = str(uuid.uuid4())
        limit = float(self.spec.timeout if timeout is None else timeout)
        with self._slots:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
                self.invocations += 1
            if worker is None or not worker.alive:
                worker = self._spawn()
            self._log.write(self.spec.logical_id, f"START RequestId: {request_id} Version: $LATEST")
            if worker.init_error is not None:
                result = InvocationResult(request_id, False, error=worker.init_error)
                worker.kill()
            else:
                result = worker.invoke(event, request_id, limit, client_context)
            self._log.write(self.spec.logical_id, f"END RequestId: {request_id}")
            self._log.write(
                self.spec.logical_id,
                f"REPORT RequestId: {request_id} Duration: {result.duration_ms:.2f} ms "
                f"Memory Size: {self.spec.memory_mb} MB" + ("" if result.ok else f" Status: {result.error_type}"),
            )
            with self._lock:
                if worker.alive and not self._closed:
                    self._idle.append(worker)
                else:
                    worker.kill()
                    if worker in self._all:
                        self._all.remove(worker)
        return result

    @property
    def worker_pids(self) -> Sequence[int]:
        with self._lock:
            return [worker.process.pid for worker in self._all if worker.alive]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all, self._idle = list(self._all), [], []
        for worker in workers:
            worker.kill()
