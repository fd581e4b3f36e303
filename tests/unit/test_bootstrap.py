"""The composition roots in skima.bootstrap: what each builds without touching AWS or Tracker (the clients are
made on first use), and the one cached Tracker client every function forgets after an auth failure."""

from __future__ import annotations

from typing import Any

from skima.adapters import wiring
from skima.bootstrap import feedback, poller, scorer
from skima.config import FeedbackSettings, PollerSettings, ScorerSettings
from tests.unit.test_config import BASE

SCORER_ENV = {
    **BASE,
    "SCORES_TABLE": "scores",
    "PROFILES_TABLE": "profiles",
    "LINKS_TABLE": "links",
    "FEEDBACK_TABLE": "feedback",
}


def test_every_tracker_calling_function_forgets_the_one_cached_tracker_client() -> None:
    roots: list[Any] = [
        scorer.build(ScorerSettings.from_env(SCORER_ENV)),
        poller.build(PollerSettings.from_env(BASE)),
        feedback.build(FeedbackSettings.from_env(BASE)),
    ]
    assert all(deps.forget_tracker_client == wiring.tracker_client.cache_clear for deps in roots)


def test_building_the_scorer_loads_no_engine() -> None:
    loaded: list[str] = []

    def engine(model_dir: str) -> Any:
        loaded.append(model_dir)
        raise AssertionError("the engine is built for a record-changed message only")

    deps = scorer.build(ScorerSettings.from_env(SCORER_ENV), engine=engine)
    assert deps.min_remaining_ms == ScorerSettings.from_env(SCORER_ENV).min_remaining_ms
    assert loaded == []
