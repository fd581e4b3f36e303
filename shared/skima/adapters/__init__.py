"""Adapters: the ports implemented on AWS (DynamoDB, SQS, Secrets Manager) and ONNX Runtime, Tracker's client
adapted to the use cases' ports (`tracker_source`, `tracker_feed`), and the composition roots that wire them.

Only these modules and the handlers (which create the boto3 clients they pass in) import boto3 or onnxruntime; ruff's
banned-api rule and the import contracts in pyproject.toml enforce it. Tracker's HTTP API itself is spoken by
`skima.tracker`, whose client takes an httpx client from its caller (`wiring` makes it).
"""
