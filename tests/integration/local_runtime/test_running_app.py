"""running_app (for the e2e tests): a save in the simulator reaches the score queue through the built webhook."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from local.lambda_runtime.testing import running_app
from skima.models import QueueMessage, RecordChanged, RecordType


def test_simulator_save_lands_on_the_queue(built_app: Any, wait_until: Callable[..., Any]) -> None:
    with running_app(built_app.build_dir, sim_options={"candidates": 10}, functions=["WebhookFunction"]) as app:
        assert app.stack.environment("WebhookFunction")["TRACKER_REST_URL"] == app.sim.base_url
        opportunity_id = app.sim.ui_create_opportunity(name="Data Engineer", description="Python, SQL, AWS")

        def opportunity_messages() -> list[RecordChanged]:
            found = []
            for message in app.stack.receive_messages("ScoreQueue", delete=True):
                body = QueueMessage.model_validate_json(message["Body"]).root
                if isinstance(body, RecordChanged) and body.record_type is RecordType.OPPORTUNITY:
                    found.append(body)
            return [body for body in found if body.record_id == opportunity_id]

        (message,) = wait_until(opportunity_messages, timeout=15)
        assert message.source == "webhook"
        assert httpx.post(app.webhook_url, json={"recordType": "Resource", "recordId": 5}).status_code == 202
