"""`entry()`: a shortlist entry for the shortlist use cases' tests (their ports' fakes are in tests/fakes.py)."""

from __future__ import annotations

from collections.abc import Sequence

from skima.shortlist.models import Evidence, ShortlistEntry
from tests.fakes import T0


def entry(
    candidate_id: int,
    score: int | None,
    *,
    job_id: int = 42,
    name: str | None = None,
    reasons: Sequence[str] = ("6 yrs Java (2018-2024, Acme)", "Led a team of 5"),
    gaps: Sequence[str] = ("Kubernetes: not found in resume",),
    evidence: Sequence[Evidence] = (
        Evidence("Java", "met", "Senior Java developer at Acme 2018-2024"),
        Evidence("Kubernetes", "missing", None),
    ),
    placement_id: int | None = None,
) -> ShortlistEntry:
    return ShortlistEntry(
        job_id=job_id,
        candidate_id=candidate_id,
        display_name=name if name is not None else f"Person {candidate_id}",
        score=score,
        status="scored" if score is not None else "insufficient_evidence",
        reasons=tuple(reasons),
        gaps=tuple(gaps),
        evidence=tuple(evidence),
        updated_at=T0,
        job_title="Senior Java Developer",
        placement_id=placement_id,
        placement_status_name="Applied",
    )
