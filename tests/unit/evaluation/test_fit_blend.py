"""The calibration knots eval.fit_blend reads from labelled score distributions."""

from __future__ import annotations

import pytest

from eval.fit_blend import PairSignals, knots
from skima.engine.signals import calibrate

NO_SIGNALS: dict[str, float] = {}


def _rows(gain: int, values: list[float]) -> list[PairSignals]:
    return [PairSignals(f"j{i}", f"c{gain}-{i}", gain, value, NO_SIGNALS) for i, value in enumerate(values)]


BINARY = _rows(0, [0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.5, 0.55, 0.6, 0.6]) + _rows(1, [0.8, 0.9, 1.0])
GENERATED = _rows(2, [1.7, 1.8, 1.9]) + _rows(1, [1.5, 1.6, 1.7])


def test_knots_from_binary_and_generated_graded_sets() -> None:
    assert knots({"dev": BINARY, "structured": GENERATED}, {}) == [
        (0.0, 0.0),
        (0.6, 20.0),
        (0.9, 70.0),
        (1.6, 86.0),
        (1.8, 94.0),
        (2.0, 100.0),
    ]


def test_the_median_real_strong_pair_is_mapped_to_80() -> None:
    real = _rows(3, [1.1, 1.2, 1.3]) + _rows(2, [1.0, 1.05])  # near-misses do not place a knot
    fitted = knots({"dev": BINARY, "structured": GENERATED}, {}, real)
    assert (1.2, 80.0) in fitted
    assert calibrate(1.2, tuple(fitted)) == 80
    assert [y for _, y in fitted] == sorted(y for _, y in fitted)


def test_a_real_strong_knot_that_would_not_rise_is_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    real = _rows(3, [1.65, 1.7, 1.75])  # above the generated near-miss median (1.6 -> 86)
    fitted = knots({"dev": BINARY, "structured": GENERATED}, {}, real)
    assert all(y != 80.0 for _, y in fitted)
    assert "dropped" in capsys.readouterr().err
