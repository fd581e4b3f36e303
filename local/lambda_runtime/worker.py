"""One Lambda execution environment: runs in `python -I -S`, so only the stdlib and the paths we add are importable.

Started by `functions.Worker` as `python -I -S -X pycache_prefix=... worker.py <config json>`. sys.path becomes the
function's build dir (= /var/task) then each layer's python dirs (= /opt/python), like the Lambda Python runtime
(minus /var/runtime: the built artifacts must carry everything they import). Requests and responses travel as JSON
lines on two inherited pipes, so the function's own stdout and stderr stay pure logs.

Stdlib only: this file must not import anything the function's artifacts might shadow or lack.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import threading
import time
import traceback
from typing import Any


class LambdaContext:
    """The attributes of the Python runtime's context object that handlers and Powertools use."""

    def __init__(self, fields: dict[str, Any], deadline_epoch_ms: int) -> None:
        self.function_name: str = fields["function_name"]
        self.function_version: str = fields.get("function_version", "$LATEST")
        self.invoked_function_arn: str = fields["invoked_function_arn"]
        self.memory_limit_in_mb: int = int(fields["memory_limit_in_mb"])
        self.aws_request_id: str = fields["aws_request_id"]
        self.log_group_name: str = fields["log_group_name"]
        self.log_stream_name: str = fields["log_stream_name"]
        self.identity: Any = None
        self.client_context: Any = fields.get("client_context")
        self.tenant_id: Any = None
        self._deadline_epoch_ms = deadline_epoch_ms

    def get_remaining_time_in_millis(self) -> int:
        return max(0, self._deadline_epoch_ms - int(time.time() * 1000))

    def log(self, message: str) -> None:
        sys.stdout.write(message)
        sys.stdout.flush()


def _error(error_type: str, message: str, exc: BaseException | None = None) -> dict[str, Any]:
    stack = traceback.format_list(traceback.extract_tb(exc.__traceback__)) if exc is not None else []
    return {"errorMessage": message, "errorType": error_type, "stackTrace": [line.rstrip("\n") for line in stack]}


def _load_handler(handler: str) -> tuple[Any, dict[str, Any] | None]:
    module_name, _, function_name = handler.rpartition(".")
    module_name = module_name.replace("/", ".")
    if not module_name or not function_name:
        return None, _error("Runtime.MalformedHandlerName", f"Bad handler '{handler}': not enough values to unpack")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        return None, _error("Runtime.ImportModuleError", f"Unable to import module '{module_name}': {exc}", exc)
    except SyntaxError as exc:
        return None, _error("Runtime.UserCodeSyntaxError", f"Syntax error in module '{module_name}': {exc}", exc)
    except Exception as exc:
        return None, _error(type(exc).__name__, str(exc), exc)
    function = getattr(module, function_name, None)
    if function is None:
        return None, _error("Runtime.HandlerNotFound", f"Handler '{function_name}' missing on module '{module_name}'")
    return function, None


def _watch_parent(parent_pid: int) -> None:
    """The runner died without stopping us: exit instead of lingering as an orphan."""
    while True:
        if os.getppid() != parent_pid:
            os._exit(0)
        time.sleep(0.5)


def _log_error(error: dict[str, Any]) -> None:
    # The Python runtime logs an uncaught error like this before reporting it.
    lines = [f"[ERROR] {error['errorType']}: {error['errorMessage']}"]
    if error["stackTrace"]:
        lines.append("Traceback (most recent call last):")
        lines.extend(f"  {line.strip()}" for line in error["stackTrace"])
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()


def main() -> None:
    config = json.loads(sys.argv[1])
    # Lines reach the runner (and the console) as they are printed, like CloudWatch Logs, not at exit.
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    requests = os.fdopen(config["request_fd"], "r", encoding="utf-8")
    responses = os.fdopen(config["response_fd"], "w", encoding="utf-8")
    threading.Thread(target=_watch_parent, args=(config["parent_pid"],), daemon=True).start()
    sys.path[:0] = config["path"]
    os.chdir(config["task_root"])

    def send(message: dict[str, Any]) -> None:
        responses.write(json.dumps(message) + "\n")
        responses.flush()

    handler, init_error = _load_handler(config["handler"])
    if init_error is not None:
        _log_error(init_error)
    send({"type": "ready", "error": init_error})

    for line in requests:
        request = json.loads(line)
        if init_error is not None:
            # Lambda reports the init failure on the invoke, then starts a fresh environment for the next one.
            send({"type": "result", "ok": False, "error": init_error})
            return
        context = LambdaContext(request["context"], request["deadline_epoch_ms"])
        try:
            result = handler(request["event"], context)
        except Exception as exc:
            error = _error(type(exc).__name__, str(exc), exc)
            _log_error(error)
            send({"type": "result", "ok": False, "error": error})
            continue
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        try:
            payload = json.dumps(result)
        except (TypeError, ValueError) as exc:
            error = _error("Runtime.MarshalError", f"Unable to marshal response: {exc}", exc)
            _log_error(error)
            send({"type": "result", "ok": False, "error": error})
            continue
        send({"type": "result", "ok": True, "payload": payload})


if __name__ == "__main__":
    main()
