"""Adapters: the only modules that talk to AWS, HTTP or ONNX Runtime."""
