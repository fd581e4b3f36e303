"""Local stack: the Tracker simulator, the local runner of the built SAM artifacts, and the in-process harness the
tests and the benchmarks share."""
