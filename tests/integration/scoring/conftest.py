"""The scorer stack fixtures (simulator, moto, real engine) shared by this folder's test modules."""

from tests.integration.scoring.test_scorer_function import model_dir, sim, stack

__all__ = ["model_dir", "sim", "stack"]
