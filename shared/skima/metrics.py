"""Counters for conditions an operator should see (and alarm on), from code that knows no Lambda library.

Each count is one CloudWatch Embedded Metric Format line on stdout: in Lambda, CloudWatch Logs turns it into a
metric in the ``Skima`` namespace, with no API call and no dependency. Outside Lambda it is a harmless log line.
"""

from __future__ import annotations

import json
import sys
import time

NAMESPACE = "Skima"


def count(name: str, value: int = 1) -> None:
    """Add ``value`` to the metric ``name`` (unit Count, no dimensions)."""
    line = {
        "_aws": {
            "Timestamp": int(time.time() * 1000),
            "CloudWatchMetrics": [
                {"Namespace": NAMESPACE, "Dimensions": [[]], "Metrics": [{"Name": name, "Unit": "Count"}]}
            ],
        },
        name: value,
    }
    sys.stdout.write(json.dumps(line, separators=(",", ":")) + "\n")
    sys.stdout.flush()
