"""The `world` fixture: the scorer on in-memory fakes (tests/unit/scoring/world.py)."""

from __future__ import annotations

import pytest

from tests.unit.scoring.world import World, make_world


@pytest.fixture
def world() -> World:
    return make_world()
