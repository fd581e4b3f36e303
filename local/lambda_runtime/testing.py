"""For e2e tests: the built app + a Tracker simulator whose webhook points at the local API, in one `with`.

with running_app(build_dir, sim_options={"candidates": 50}) as app:
    app.sim.ui_save_resource(1, jobTitle="Engineer")        # pings the webhook → score queue → scorer
    app.stack.queue_depth("ScoreQueue")
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from local.dev import WEBHOOK_FUNCTION, stack_options
from local.lambda_runtime.stack import LocalStack
from local.trackerrms_sim.testing import SimHandle, running_simulator


@dataclass(frozen=True)
class RunningApp:
    stack: LocalStack
    sim: SimHandle
    webhook_token: str

    @property
    def webhook_url(self) -> str:
        """The URL Tracker would call, token included."""
        return f"{self.stack.http_url(WEBHOOK_FUNCTION)}/webhook/tracker?token={self.webhook_token}"


@contextmanager
def running_app(
    build_dir: Path | str,
    *,
    webhook_token: str = "e2e-webhook-token",
    sim_options: Mapping[str, Any] | None = None,
    **options: Any,
) -> Iterator[RunningApp]:
    """`options` go to LocalStack.start; their parameter_overrides/secret_values are merged over the simulator's."""
    with running_simulator(**dict(sim_options or {})) as sim:
        merged = stack_options(sim.base_url, sim_api_token=sim.api_token, webhook_token=webhook_token)
        for key in ("parameter_overrides", "secret_values"):
            merged[key] = {**merged[key], **dict(options.pop(key, None) or {})}
        with LocalStack.start(build_dir, **merged, **options) as stack:
            sim.set_webhook(f"{stack.http_url(WEBHOOK_FUNCTION)}/webhook/tracker", token=webhook_token)
            yield RunningApp(stack, sim, webhook_token)
