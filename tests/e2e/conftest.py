"""e2e tests run what `sam build` produced (.aws-sam/build), never the source tree: `make test` builds it first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cfn_flip import load_yaml

from local.lambda_runtime.build import REPO_ROOT, sam_build

FUNCTIONS = ("WebhookFunction", "ScorerFunction", "PollerFunction", "ShortlistFunction", "FeedbackFunction")
LAYERS = ("SharedLayer", "ModelLayer")


def _is_complete(build_dir: Path) -> bool:
    built_template = build_dir / "template.yaml"
    if not built_template.exists():
        return False
    resources = load_yaml(built_template.read_text())["Resources"]
    for logical_id in FUNCTIONS:
        code_uri = resources.get(logical_id, {}).get("Properties", {}).get("CodeUri")
        if code_uri != logical_id:  # an unbuilt function still points at its source folder
            return False
    return all((build_dir / layer / "python").is_dir() for layer in LAYERS)


@pytest.fixture(scope="session")
def build_dir() -> Path:
    """The complete build of the stack; built here (sam build, cached) when `make build` has not made one."""
    configured = os.environ.get("SKIMA_E2E_BUILD_DIR")
    build = Path(configured) if configured else REPO_ROOT / ".aws-sam" / "build"
    if not _is_complete(build):
        sam_build(REPO_ROOT, build, cached=True)
    assert _is_complete(build), f"incomplete sam build in {build}"
    return build
