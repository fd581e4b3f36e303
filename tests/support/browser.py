"""Whether a browser test may skip: `make test` sets SKIMA_REQUIRE_BROWSER=1, so a machine where Chromium cannot
run fails the browser test visibly instead of passing with a skip nobody reads."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NoReturn

import pytest

REQUIRE_BROWSER = "SKIMA_REQUIRE_BROWSER"


def browser_unavailable(reason: str, environ: Mapping[str, str] | None = None) -> NoReturn:
    """Skip the test for `reason`, or fail it when the environment requires the browser."""
    if (os.environ if environ is None else environ).get(REQUIRE_BROWSER, "").strip() not in {"", "0"}:
        pytest.fail(f"the browser test cannot run: {reason} ({REQUIRE_BROWSER} is set, as `make test` sets it)")
    pytest.skip(reason)
