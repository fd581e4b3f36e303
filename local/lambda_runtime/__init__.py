"""Runs the BUILT SAM artifacts locally against moto server, wired as template.yaml says (see README.md)."""

from local.lambda_runtime.functions import FunctionError, FunctionUnavailable, InvocationResult
from local.lambda_runtime.logs import LogSink
from local.lambda_runtime.moto_server import MotoServer
from local.lambda_runtime.resources import LocalResources, QueueInfo, create_resources_from_template
from local.lambda_runtime.stack import LocalStack, QueueDepth
from local.lambda_runtime.template import Template, TemplateError

__all__ = [
    "FunctionError",
    "FunctionUnavailable",
    "InvocationResult",
    "LocalResources",
    "LocalStack",
    "LogSink",
    "MotoServer",
    "QueueDepth",
    "QueueInfo",
    "Template",
    "TemplateError",
    "create_resources_from_template",
]
