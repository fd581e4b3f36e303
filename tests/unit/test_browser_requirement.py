"""`make test` turns the browser test's skip into a failure when Chromium cannot run; a bare pytest run skips."""

from __future__ import annotations

import re

import pytest

from local.harness.template import ROOT
from tests.support.browser import REQUIRE_BROWSER, browser_unavailable


def test_without_the_requirement_a_missing_browser_skips() -> None:
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed"):
        browser_unavailable("chromium is not installed", {})
    with pytest.raises(pytest.skip.Exception):
        browser_unavailable("chromium is not installed", {REQUIRE_BROWSER: "0"})


def test_with_the_requirement_a_missing_browser_fails_visibly() -> None:
    with pytest.raises(pytest.fail.Exception, match="the browser test cannot run: Chromium did not start"):
        browser_unavailable("Chromium did not start", {REQUIRE_BROWSER: "1"})


def test_make_test_requires_the_browser() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in ("test", "test-e2e"):
        recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
        assert recipe is not None, target
        assert f"{REQUIRE_BROWSER}=1 $(PY) -m pytest tests" in recipe.group(1), target


def test_installing_the_project_raises_no_licence_warning() -> None:
    # setuptools >= 77 warns on every install about a `license = {text = ...}` table; an SPDX string does not.
    text = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^license = "LicenseRef-[A-Za-z0-9.-]+"$', text, re.MULTILINE)
    assert 'requires = ["setuptools>=77"' in text
