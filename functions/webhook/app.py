"""Webhook function: Tracker's "record changed" ping → score queue, answered 202 within milliseconds."""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools import Metrics
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from skima.bootstrap import webhook as bootstrap
from skima.errors import DependencyUnavailable, RejectedRequest, Unauthorized
from skima.intake import InboundPing, WebhookIntake
from skima.logs import function_logger

logger = function_logger()
metrics = Metrics(namespace="Skima")
app = APIGatewayHttpResolver()


@app.post("/webhook/tracker")
def receive_ping() -> Response[str]:
    event = app.current_event
    ping = InboundPing(event.body, bool(event.is_base64_encoded), event.query_string_parameters or {})
    intake: WebhookIntake = app.context["intake"]
    result = intake.accept(ping)
    metrics.add_metric(name=f"Ping_{result.outcome}", unit=MetricUnit.Count, value=1)
    if result.outcome == "deferred":
        metrics.add_metric(name="EnqueueFailed", unit=MetricUnit.Count, value=1)
    logger.info("ping accepted", extra={"outcome": result.outcome, "records": len(result.records)})
    return _json(202, {"status": result.outcome, "records": len(result.records)})


@app.exception_handler(Unauthorized)  # type: ignore[untyped-decorator]
def wrong_token(exc: Unauthorized) -> Response[str]:
    # Nothing was enqueued. Public receivers answer 200 even here so Tracker never counts the hook as failing
    # and disables it (a rotated token would otherwise cost the webhook); the metric's alarm tells the operator.
    logger.warning("ping with a wrong or missing token ignored", extra={"reason": exc.public_message})
    metrics.add_metric(name="WebhookAuthRejected", unit=MetricUnit.Count, value=1)
    return _json(200, {"status": "ignored"})


@app.exception_handler(RejectedRequest)  # type: ignore[untyped-decorator]
def rejected(exc: RejectedRequest) -> Response[str]:
    logger.info("ping rejected", extra={"status": exc.status_code, "reason": exc.public_message})
    metrics.add_metric(name=f"PingRejected_{exc.status_code}", unit=MetricUnit.Count, value=1)
    return _json(exc.status_code, {"error": exc.public_message})


@app.exception_handler(DependencyUnavailable)  # type: ignore[untyped-decorator]
def unavailable(exc: DependencyUnavailable) -> Response[str]:
    logger.error("dependency unavailable", extra={"error": str(exc)})
    metrics.add_metric(name="DependencyUnavailable", unit=MetricUnit.Count, value=1)
    return _json(503, {"error": "temporarily unavailable"})


def _json(status: int, body: dict[str, Any]) -> Response[str]:
    return Response(status_code=status, content_type="application/json", body=json.dumps(body))


@logger.inject_lambda_context
@metrics.log_metrics
def lambda_handler(
    event: dict[str, Any], context: LambdaContext, intake: WebhookIntake | None = None
) -> dict[str, Any]:
    # Powertools' per-event context (cleared after each event): the route reads the intake from it.
    app.append_context(intake=intake or bootstrap.from_env())  # type: ignore[no-untyped-call]
    return app.resolve(event, context)
