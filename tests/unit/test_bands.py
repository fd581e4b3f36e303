from __future__ import annotations

import pytest

from skima.bands import SCORE_BANDS, band_for


@pytest.mark.parametrize(
    ("score", "name"),
    [
        (100, "strong"),
        (80, "strong"),
        (79, "good"),
        (60, "good"),
        (59, "partial"),
        (40, "partial"),
        (39, "weak"),
        (0, "weak"),
    ],
)
def test_each_score_has_the_band_of_its_range(score: int, name: str) -> None:
    assert band_for(score).name == name
    assert band_for(score).label == f"{name} match"


def test_bands_cover_0_to_100_once_and_highest_first() -> None:
    floors = [band.floor for band in SCORE_BANDS]
    assert floors == sorted(floors, reverse=True) and floors[-1] == 0
    assert all(sum(1 for band in SCORE_BANDS if band is band_for(s)) == 1 for s in range(101))


@pytest.mark.parametrize("bad", [-1, 101, 65.5, True, "65", None])
def test_anything_but_a_0_to_100_integer_is_a_clear_error(bad: object) -> None:
    with pytest.raises(ValueError, match="0 to 100"):
        band_for(bad)  # type: ignore[arg-type]
