"""The sam-built ShortlistFunction (+ SharedLayer) run by the local Lambda runner, and headless Chromium.

The app is built from a temporary copy of the project (as tests/integration/local_runtime does), so the test
never races `make build`. SKIMA_TEST_BUILD_DIR reuses an existing build dir.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from local.lambda_runtime.build import REPO_ROOT, sam_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def shortlist_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reuse = os.environ.get("SKIMA_TEST_BUILD_DIR")
    if reuse:
        return Path(reuse).resolve()
    root = tmp_path_factory.mktemp("sam-shortlist")
    project = root / "project"
    project.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", ".pytest_cache")
    shutil.copy2(REPO_ROOT / "template.yaml", project / "template.yaml")
    for folder in ("functions", "shared", "layers"):
        shutil.copytree(REPO_ROOT / folder, project / folder, ignore=ignore)
    return sam_build(project, root / "build", ["ShortlistFunction"], cache_dir=root / "cache")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
        )

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=360,800",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
