"""LocalStack Lambda runtime executor `process`: each execution environment is a host process.

LocalStack's community runtime starts every execution environment in a container with an init binary it downloads
from GitHub; neither is available where we rehearse deploys. With `LAMBDA_RUNTIME_EXECUTOR=process` an execution
environment is instead:

- a Lambda Runtime API server (the 2018-06-01 routes that awslambdaric calls) on a free 127.0.0.1 port, inside
  LocalStack;
- `$LAMBDA_PROCESS_PYTHON -m awslambdaric <handler>`, cwd = the function's unzipped code (its /var/task),
  PYTHONPATH = that code, then each layer's `python/` (the later layer first: it wins a clash, as when Lambda
  extracts layers into /opt in order), then `$LAMBDA_PROCESS_RUNTIME_PATH` (awslambdaric, installed there for the
  function's Python). Environment values under `/opt/` and `/var/task` are rewritten into those folders
  (`MODEL_DIR=/opt/model` -> `<model layer>/model`).

An invocation is handed to the runtime's waiting `next` call; its response or error comes back as LocalStack's
InvocationResult, with the process output written meanwhile as its logs. A run past the function's timeout kills
the process and answers `Sandbox.Timedout`; the next invocation then starts a fresh process, as Lambda does. Python
runtimes only; no extensions, no SnapStart, no sandbox (the process runs as LocalStack's user, without a memory cap).

Registered through its package's entry point (`localstack.lambda.runtime_executor`: `process`), so it must be
installed (not editable) into LocalStack's own venv; `local/rehearsal/tools.py` does that.

Settings, in LocalStack's environment: LAMBDA_PROCESS_PYTHON (default `python3.12`), LAMBDA_PROCESS_RUNTIME_PATH
(required: a folder holding awslambdaric, e.g. `pip install --target DIR awslambdaric`).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, InvocationResult
from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin
from localstack.services.lambda_.invocation.runtime_executor import LambdaRuntimeException, RuntimeExecutor

LOG = logging.getLogger(__name__)
API = "/2018-06-01/runtime"
_PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


class ProcessRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "process"

    def load(self, *args: object, **kwargs: object) -> type[RuntimeExecutor]:
        return ProcessRuntimeExecutor


class _RuntimeApi(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _RuntimeApiHandler)
        self.invocations: queue.Queue[dict[str, str]] = queue.Queue()
        self.results: queue.Queue[tuple[bool, bytes]] = queue.Queue()
        self.ready = threading.Event()
        self.init_error: bytes | None = None
        self.stopped = False
        self.timeout_seconds = 3


class _RuntimeApiHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # awslambdaric keeps its connection open
    server: _RuntimeApi

    def log_message(self, format: str, *args: object) -> None:
        LOG.debug("runtime api: " + format, *args)

    def _answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path != f"{API}/invocation/next":
            return self._answer(404)
        self.server.ready.set()
        while not self.server.stopped:  # the runtime waits here between invocations
            try:
                invocation = self.server.invocations.get(timeout=0.5)
            except queue.Empty:
                continue
            deadline_ms = int(time.time() * 1000) + self.server.timeout_seconds * 1000
            return self._answer(
                200,
                invocation["payload"].encode(),
                {
                    "Content-Type": "application/json",
                    "Lambda-Runtime-Aws-Request-Id": invocation["invoke-id"],
                    "Lambda-Runtime-Deadline-Ms": str(deadline_ms),
                    "Lambda-Runtime-Invoked-Function-Arn": invocation["invoked-function-arn"],
                    "Lambda-Runtime-Trace-Id": invocation.get("trace-id", ""),
                },
            )

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == f"{API}/init/error":
            self.server.init_error = body
            self.server.ready.set()
        elif self.path.startswith(f"{API}/invocation/") and self.path.endswith(("/response", "/error")):
            self.server.results.put((self.path.endswith("/error"), body))
        else:
            return self._answer(404)
        self._answer(202, b'{"status":"OK"}', {"Content-Type": "application/json"})


class ProcessRuntimeExecutor(RuntimeExecutor):
    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id, function_version)
        self._api: _RuntimeApi | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._command: list[str] = []
        self._cwd = Path()
        self._process_env: dict[str, str] = {}
        self._output: list[str] = []
        self._output_lock = threading.Lock()

    def _folders(self) -> tuple[Path, list[Path]]:
        config = self.function_version.config
        config.code.prepare_for_execution()
        for layer in config.layers:
            layer.code.prepare_for_execution()
        return config.code.get_unzipped_code_location(), [
            layer.code.get_unzipped_code_location() for layer in config.layers
        ]

    def _environment(self, env_vars: dict[str, str], code: Path, layers: list[Path], api_port: int) -> dict[str, str]:
        def local_path(value: str) -> str:
            if value == "/var/task" or value.startswith("/var/task/"):
                return str(code) + value.removeprefix("/var/task")
            if value.startswith("/opt/"):
                for layer in reversed(layers):
                    if (layer / value.removeprefix("/opt/")).exists():
                        return str(layer / value.removeprefix("/opt/"))
            return value

        environment = {name: os.environ[name] for name in _PASSED_THROUGH if name in os.environ}
        environment.update({name: local_path(str(value)) for name, value in env_vars.items()})
        runtime_path = os.environ["LAMBDA_PROCESS_RUNTIME_PATH"]
        python_paths = [str(code), *(str(layer / "python") for layer in reversed(layers)), runtime_path]
        environment.update(
            AWS_LAMBDA_RUNTIME_API=f"127.0.0.1:{api_port}",
            LAMBDA_TASK_ROOT=str(code),
            PYTHONPATH=os.pathsep.join(python_paths),
            PYTHONUNBUFFERED="1",
        )
        return environment

    def _pump_output(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            with self._output_lock:
                self._output.append(raw.decode("utf-8", "replace"))

    def _output_since(self, mark: int) -> str:
        with self._output_lock:
            return "".join(self._output[mark:])

    def start(self, env_vars: dict[str, str]) -> None:
        code, layers = self._folders()
        self._api = api = _RuntimeApi()
        api.timeout_seconds = int(env_vars.get("AWS_LAMBDA_FUNCTION_TIMEOUT") or 3)
        threading.Thread(target=api.serve_forever, name=f"runtime-api-{self.id}", daemon=True).start()
        self._command = [
            os.environ.get("LAMBDA_PROCESS_PYTHON", "python3.12"), "-m", "awslambdaric",
            self.function_version.config.handler,
        ]  # fmt: skip
        self._cwd = code
        self._process_env = self._environment(env_vars, code, layers, api.server_address[1])
        self._spawn(api)

    def _spawn(self, api: _RuntimeApi) -> subprocess.Popen[bytes]:
        """Start the runtime and wait for its first `next` call (its init done), as Lambda's init phase."""
        api.ready.clear()
        api.init_error = None
        self._process = process = subprocess.Popen(
            self._command,
            cwd=self._cwd,
            env=self._process_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )  # in LocalStack's process group: whoever stops LocalStack's group stops the runtimes too
        threading.Thread(target=self._pump_output, args=(process,), daemon=True).start()
        while not api.ready.wait(0.1):  # LocalStack's own startup timer stops a runtime that never asks
            if process.poll() is not None:
                raise LambdaRuntimeException(f"runtime exited with {process.returncode}: {self.get_logs()[-2000:]}")
        if api.init_error is not None:
            raise LambdaRuntimeException(f"runtime init failed: {api.init_error.decode(errors='replace')}")
        return process

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)
        if self._api is not None:
            self._api.stopped = True
            self._api.shutdown()
            self._api.server_close()

    def get_address(self) -> str:
        return "127.0.0.1"

    def get_endpoint_from_executor(self) -> str:
        return "127.0.0.1"

    def get_runtime_endpoint(self) -> str:
        # Only LocalStack's init binary calls back there; our runtime API lives in this process.
        return f"http://127.0.0.1/_localstack_lambda/{self.id}"

    def invoke(self, payload: dict[str, str]) -> InvocationResult:
        api, process = self._api, self._process
        if api is None or process is None:
            raise LambdaRuntimeException(f"execution environment {self.id} is not started")
        if process.poll() is not None:  # timed out or crashed last time: a fresh init, as Lambda resets its sandbox
            process = self._spawn(api)
        mark = len(self._output)
        started = time.monotonic()
        api.invocations.put(payload)
        while True:
            try:
                is_error, body = api.results.get(timeout=0.2)
                break
            except queue.Empty:
                pass
            if process.poll() is not None:
                is_error, body = True, _error("Runtime.ExitError", f"Runtime exited with {process.returncode}")
                break
            if time.monotonic() - started > api.timeout_seconds:
                process.kill()
                message = f"Task timed out after {api.timeout_seconds:.2f} seconds"
                is_error, body = True, _error("Sandbox.Timedout", message)
                break
        time.sleep(0.05)  # lets the pump catch the last lines the handler printed
        return InvocationResult(payload["invoke-id"], body, is_error=is_error, logs=self._output_since(mark))

    def get_logs(self) -> str:
        return self._output_since(0)

    @classmethod
    def prepare_version(cls, function_version: FunctionVersion) -> None:
        if function_version.config.code:
            function_version.config.code.prepare_for_execution()

    @classmethod
    def cleanup_version(cls, function_version: FunctionVersion) -> None:
        pass

    @classmethod
    def validate_environment(cls) -> bool:
        if not os.environ.get("LAMBDA_PROCESS_RUNTIME_PATH"):
            LOG.error("LAMBDA_RUNTIME_EXECUTOR=process needs LAMBDA_PROCESS_RUNTIME_PATH (a folder with awslambdaric)")
            return False
        return True


def _error(error_type: str, message: str) -> bytes:
    return json.dumps({"errorType": error_type, "errorMessage": message}).encode()
