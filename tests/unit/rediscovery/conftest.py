"""The `world` fixture: the scorer on in-memory fakes (tests/unit/scoring/fakes.py)."""

from __future__ import annotations

import pytest

from tests.unit.scoring.fakes import World, make_world


@pytest.fixture
def world() -> World:
    return make_world()
