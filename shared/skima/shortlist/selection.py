"""Who is on the shortlist page and what each card says. Pure: no I/O, no HTML.

- Only live applications scoring at least the floor: a closed stage (`skima.stages`) or a score below the
  floor is left out; an unknown stage counts as live.
- One place per gap: the engine names its strongest gap among the reasons too, and years found ride on the gap
  line; here each missing requirement becomes one `Gap`, never repeated, never a benefit, never contradicted by a
  quote from the resume on the same card.
- The line under the list: who came next, and the one requirement that separated them from the last one in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from skima.benefits import names_a_benefit
from skima.shortlist.models import Evidence, ShortlistEntry
from skima.stages import is_closed_stage

SHORTLIST_SIZE = 10
SHOWN_REASONS = 3
SHOWN_GAPS = 3

_NOT_FOUND = "not found in resume"
_YEARS_FOUND = re.compile(r"\s*\((about [^()]*(?:yrs?|months?) found)\)\s*$", re.I)
_VERDICT_RANK = {"met": 2, "partial": 1, "missing": 0}


def requirement_key(label: str) -> str:
    """Labels as the same requirement whatever their case and punctuation ('Node.js' and 'node js')."""
    return " ".join(re.findall(r"[a-z0-9+#]+", label.lower()))


def is_shortlisted(entry: ShortlistEntry, min_score: int) -> bool:
    return (
        entry.status == "scored"
        and entry.score is not None
        and entry.score >= min_score
        and not is_closed_stage(entry.placement_status_name)
    )


@dataclass(frozen=True)
class Shortlist:
    entries: tuple[ShortlistEntry, ...]  # best first, at most SHORTLIST_SIZE
    next_in_line: ShortlistEntry | None  # the best one left out by the size (not by the stage or the floor)


def select_shortlist(ranked: Iterable[ShortlistEntry], min_score: int, size: int = SHORTLIST_SIZE) -> Shortlist:
    """`ranked` is best first; it is read only as far as the page needs (size + 1 shortlisted entries)."""
    if size < 1:
        raise ValueError(f"a shortlist has at least one place, not {size}")
    picked = list(islice((entry for entry in ranked if is_shortlisted(entry, min_score)), size + 1))
    return Shortlist(tuple(picked[:size]), picked[size] if len(picked) > size else None)


@dataclass(frozen=True)
class Gap:
    label: str
    years_found: str = ""  # "about 2.3 yrs found" when the resume shows some, not enough

    @property
    def text(self) -> str:
        return f"{self.label} ({self.years_found})" if self.years_found else self.label


def parse_gap(line: str) -> Gap | None:
    """A gap line in the engine's words ('not found in resume: X (about N yrs found)', or the older
    'X: not found in resume') as a `Gap`; None for a line that is not about something missing."""
    text = " ".join(line.split())
    lowered = text.lower()
    if lowered.startswith(_NOT_FOUND):
        label = text[len(_NOT_FOUND) :].lstrip(" :")
    elif lowered.endswith(_NOT_FOUND):
        label = text[: -len(_NOT_FOUND)].rstrip(" :")
    else:
        return None
    years = _YEARS_FOUND.search(label)
    found = years.group(1) if years else ""
    label = label[: years.start()].strip() if years else label
    return Gap(label, found) if label else None


@dataclass(frozen=True)
class CardPoints:
    reasons: tuple[str, ...]  # what the resume shows, strongest first
    gaps: tuple[Gap, ...]  # what it does not, strongest first, each once


def card_points(entry: ShortlistEntry) -> CardPoints:
    quoted = {
        requirement_key(item.label)
        for item in entry.evidence
        if item.quote and item.verdict in ("met", "partial") and item.label
    }
    reasons: list[str] = []
    gaps: dict[str, Gap] = {}
    # a gap in other words ('more senior than the post: ...') that the engine also lists among its reasons is a gap
    gap_lines = {" ".join(gap.split()) for gap in entry.gaps}
    lines = [(reason, False) for reason in entry.reasons] + [(gap, True) for gap in entry.gaps]
    for line, from_gaps in lines:
        gap = parse_gap(line)
        if gap is None:
            if from_gaps:
                gap = Gap(" ".join(line.split()))
            elif " ".join(line.split()) in gap_lines:
                continue
            else:
                reasons.append(line)
                continue
        key = requirement_key(gap.label)
        if not key or key in quoted or names_a_benefit(gap.label):
            continue
        known = gaps.get(key)
        if known is None or (gap.years_found and not known.years_found):
            gaps[key] = gap  # keeps its first place; the version with the years found wins
    return CardPoints(tuple(dict.fromkeys(reasons)), tuple(gaps.values()))


@dataclass(frozen=True)
class Separation:
    label: str
    last_in: str  # "met" | "partial": how the last one in shows it
    next_in_line: str  # "partial" | "missing": how the next one does


def deciding_requirement(last_in: ShortlistEntry, next_in_line: ShortlistEntry) -> Separation | None:
    """The requirement the last one in shows better than the next one, the heaviest first (then the job's
    order); None when the next one is as good on every requirement (the score alone separated them)."""
    theirs = {requirement_key(item.label): item.verdict for item in next_in_line.evidence}
    best: tuple[float, int, Evidence] | None = None
    for position, item in enumerate(last_in.evidence):
        key = requirement_key(item.label)
        if not key or names_a_benefit(item.label) or key not in theirs:
            continue
        lead = _VERDICT_RANK.get(item.verdict, 0) - _VERDICT_RANK.get(theirs[key], 0)
        if lead <= 0:
            continue
        candidate = (item.weight * lead, -position, item)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        return None
    item = best[2]
    return Separation(item.label, item.verdict, theirs[requirement_key(item.label)])
