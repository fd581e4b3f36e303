"""Score bands: the one place a 0-100 match score gets its words (notes, the shortlist page, the README table)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScoreBand:
    name: str  # "strong", "good", "partial", "weak": the word a recruiter reads after the score
    floor: int  # the lowest score in the band

    @property
    def label(self) -> str:
        return f"{self.name} match"


# Highest first; every score 0-100 falls in exactly one band.
SCORE_BANDS: tuple[ScoreBand, ...] = (
    ScoreBand("strong", 80),
    ScoreBand("good", 60),
    ScoreBand("partial", 40),
    ScoreBand("weak", 0),
)


def band_for(score: int) -> ScoreBand:
    """The band of a 0-100 score; a clear error for anything else."""
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
        raise ValueError(f"a match score is an integer from 0 to 100, not {score!r}")
    return next(band for band in SCORE_BANDS if score >= band.floor)
