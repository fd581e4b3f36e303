"""A domain module's standard-library log record comes out of the handler's Powertools JSON handler, with the
Logger's keys and level, whether or not the service name is the package's (skima.logs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from local.harness.template import ROOT

# In a fresh interpreter: logging's handlers and Powertools' preconfigured loggers are process-wide state, and the
# handler writes to the sys.stdout it found when it was created.
SCRIPT = textwrap.dedent(
    """
    import logging
    from skima.logs import function_logger

    logger = function_logger()
    logger.append_keys(invocation="inv-1")

    from skima import polling  # a domain module: logging.getLogger(__name__), no Powertools

    polling.logger.info("domain record", extra={"job_id": 7})
    polling.logger.debug("below the level")
    logger.info("handler record")
    """
)


@pytest.mark.parametrize("service", ["skima", "skima-scorer"])
def test_a_domain_modules_record_is_written_as_json_by_the_handlers_logger(service: str) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "shared"),
        "POWERTOOLS_SERVICE_NAME": service,
        "POWERTOOLS_LOG_LEVEL": "INFO",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["message"] for record in records] == ["domain record", "handler record"]
    domain = records[0]
    assert domain["level"] == "INFO"
    assert domain["service"] == service
    assert domain["invocation"] == "inv-1"
    assert domain["job_id"] == 7
    assert done.stderr == ""  # not printed a second time by another handler
