"""The score note a recruiter reads in Tracker: built to be read in five seconds.

    SKIMA Match Score: 65/100 (good match)
    SKIMA Reasons:
    - Recent role: "Python Developer" (2022-now)
    - 5 years of software development: 2.2 yrs found; asked 5+
    - Kubernetes: "Tuned Kubernetes queries, reducing p95 latency…"
    - AWS: not found
    ref: job 2001 | sk2001-1002-0851792a86fd4100 | receipt 0851792a86fd | skima-engine/1.4.0

The first two lines keep their start (`SKIMA Match Score: N`, `SKIMA Reasons:`): recruiters' filters key on them.
Every requirement the engine judged gets at most one line (met with a short quote, or not found), read from the
stored MatchResult (`ScoreRow.result_json`); a row stored without one (older rows) lists the engine's reasons.
Technical ids go to one last `ref:` line. This module reads JSON only: no numpy, so any function may import it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from skima.bands import band_for
from skima.digests import sha256_hex
from skima.note_text import plain_line
from skima.scoring.ports import ScoreRow

MAX_REQUIREMENT_LINES = 10
MAX_QUOTE_CHARS = 60
MAX_LABEL_CHARS = 48
# a responsibility quote shorter than this says nothing of the work ('AWS', 'Software Engineer')
MIN_WORK_QUOTE_WORDS = 4
# the engine's own threshold (matching.SKILL_GAP_SIMILARITY): a skill without its term below it is a gap
SKILL_GAP_SIMILARITY = 0.85

_ROLE_REASON = re.compile(r'^Role: "(?P<title>.*)"(?: \((?P<period>[^()]*)\))?$')
_YEARS_ASKED = re.compile(r"(\d+(?:\.\d+)?)\s*\+?\s*(?:(?:-|to)\s*\d+\+?\s*)?(?:years?|yrs?|(months?))\b", re.I)


@dataclass(frozen=True)
class RequirementView:
    """One judged requirement as the stored MatchResult has it (the fields the note needs)."""

    id: str
    kind: str
    label: str
    verdict: str
    evidence: str | None
    exact: bool
    similarity: float
    years_found: float | None
    weight: float
    order: int  # its place in the job's text, for ties

    @property
    def is_gap(self) -> bool:
        """The engine's rule (matching.match): missing, or a skill only paraphrased, never a responsibility."""
        if self.kind == "responsibility":
            return False
        if self.verdict == "missing":
            return True
        return self.kind in ("skill", "certification") and not self.exact and self.similarity < SKILL_GAP_SIMILARITY


def _stored_result(result_json: str) -> dict[str, Any]:
    """A stored MatchResult as a dict; empty when the row holds none or something unreadable."""
    try:
        result = json.loads(result_json or "{}")
    except json.JSONDecodeError:
        return {}
    return result if isinstance(result, dict) else {}


def requirement_views(result_json: str) -> list[RequirementView]:
    """The judged requirements of a stored MatchResult, heaviest first; empty when the row stored none."""
    return _views(_stored_result(result_json))


def _views(result: dict[str, Any]) -> list[RequirementView]:
    weights = (result.get("receipt") or {}).get("weights") or {}
    views = [
        _view(item, number, weights)
        for number, item in enumerate(result.get("requirements") or [])
        if isinstance(item, dict)
    ]
    return sorted(views, key=lambda v: (-v.weight, v.order))


def _view(item: dict[str, Any], number: int, weights: dict[str, Any]) -> RequirementView:
    years = item.get("years_found")
    return RequirementView(
        id=str(item.get("id", number)),
        kind=str(item.get("kind", "")),
        label=str(item.get("label", "")),
        verdict=str(item.get("verdict", "missing")),
        evidence=item.get("evidence") or None,
        exact=bool(item.get("exact")),
        similarity=float(item.get("similarity") or 0.0),
        years_found=float(years) if years is not None else None,
        weight=float(weights.get(str(item.get("id")), item.get("weight") or 0.0)),
        order=number,
    )


def _seniority_note(result: dict[str, Any]) -> str | None:
    """The engine's line for a clear seniority gap ('more senior than the post: Executive Chef (2014-2024)'), which
    lowered the score but is no requirement of the job; None when there is none."""
    seniority = (result.get("receipt") or {}).get("seniority") or {}
    note = seniority.get("note") if isinstance(seniority, dict) else None
    return plain_line(note) if isinstance(note, str) and note.strip() else None


def note_idempotency_key(job_id: int, candidate_id: int, inputs_hash: str) -> str:
    """Deterministic per (job, candidate, content): `sk<job>-<candidate>-<hash>` (fits Tracker's 6-64 chars)."""
    digest = sha256_hex(f"{job_id}|{candidate_id}|{inputs_hash}")[:16]
    return f"sk{job_id}-{candidate_id}-{digest}"


def note_subject(row: ScoreRow) -> str:
    """Human: `SKIMA Match Score 65/100 (good match) - Senior Python Backend Engineer` (ids are on the ref line)."""
    title = plain_line(row.job_title) or f"job {row.job_id}"
    if row.status == "scored" and row.score is not None:
        return f"SKIMA Match Score {row.score}/100 ({band_for(row.score).label}) - {title}"
    return f"SKIMA could not judge the resume - {title}"


def ref_line(row: ScoreRow, idempotency_key: str) -> str:
    """The one line of technical ids: the job, the note's idempotency key (what a retry looks for), the receipt."""
    return f"ref: job {row.job_id} | {idempotency_key} | receipt {row.receipt_id} | {row.engine_version}"


def note_text(row: ScoreRow, shortlist_link: str | None) -> str:
    """The activity note, plain text; its ref line carries the row's idempotency key."""
    lines: list[str] = []
    if row.status == "scored" and row.score is not None:
        lines.append(f"SKIMA Match Score: {row.score}/100 ({band_for(row.score).label})")
        lines.append("SKIMA Reasons:")
        result = _stored_result(row.result_json)
        views = _views(result)
        bullets = requirement_lines(views, row, weak=band_for(row.score).name == "weak") if views else None
        if bullets is None:  # a row stored without its requirements: the engine's own reasons
            bullets = [plain_line(reason) for reason in row.reasons]
        lines.extend(f"- {bullet}" for bullet in bullets)
        seniority = _seniority_note(result)
        if seniority and views:  # without views the bullets are the engine's reasons, which already carry it
            lines.append(f"- {seniority[0].upper()}{seniority[1:]}")
    else:
        # No number: an unreadable or too thin resume is not a verdict on the candidate.
        lines.append("SKIMA Match Score: not scored (the resume could not be judged)")
        lines.append("SKIMA Reasons:")
        why = [plain_line(reason) for reason in row.reasons] or ["the resume had too little readable text"]
        lines.extend(f"- {reason}" for reason in why)
        lines.append("- Please check the resume document or the candidate's record fields.")
    if row.origin == "rediscovery":
        lines.append("Found by talent rediscovery: already in Tracker, not an applicant to this job.")
    if shortlist_link:
        lines.append(f"Shortlist Link: {shortlist_link}")
    lines.append(ref_line(row, note_idempotency_key(row.job_id, row.candidate_id, row.inputs_hash)))
    return "\n".join(lines)


def requirement_lines(views: Sequence[RequirementView], row: ScoreRow, *, weak: bool) -> list[str]:
    """One line per requirement, heaviest first, never the same requirement twice. On a weak score only
    evidence that is exact (a term, a degree, years) reads as a positive: no 'related' or 'similar work' lines."""
    lines: list[str] = []
    seen: set[str] = set()
    hidden_met = hidden_gaps = 0
    for view in views:
        key = " ".join(view.label.lower().split())
        if not key or key in seen:
            continue
        line = requirement_line(view, row, weak=weak)
        if line is None:
            continue
        seen.add(key)
        if len(lines) >= MAX_REQUIREMENT_LINES:
            hidden_gaps += int(view.is_gap)
            hidden_met += int(not view.is_gap)
            continue
        lines.append(line)
    if hidden_met or hidden_gaps:
        lines.append(f"and {hidden_met + hidden_gaps} more: {hidden_met} met, {hidden_gaps} not found")
    return lines


def requirement_line(view: RequirementView, row: ScoreRow, *, weak: bool) -> str | None:
    """The requirement's one line, or None when it has nothing true and useful to say."""
    label = _clip(plain_line(view.label), MAX_LABEL_CHARS)
    if view.kind == "role":
        return _role_line(view, row)
    if view.kind == "experience":
        return f"{label}: {_years(view)}"
    if view.is_gap:
        return f"{label}: not found"
    quote = _quote(view.evidence or "", view.label)
    if view.kind == "responsibility":
        # what the work was, with what the resume says; a verdict short of 'met' or a quote of a word or two says
        # nothing a recruiter can use (the old 'Did similar work: "AWS"')
        if weak or view.verdict != "met" or len(quote.split()) < MIN_WORK_QUOTE_WORDS:
            return None
        return f'Similar work to "{label}": "{quote}"'
    if not quote:
        return None if weak else f"{label}: met"
    if view.kind == "education":  # the degree line itself: met, or a degree a level below the one asked
        return f'{label}: "{quote}"' if view.verdict == "met" else f'{label}: partly met - "{quote}"'
    if view.exact:
        return f'{label}: "{quote}"'
    return None if weak else f'{label}: related - "{quote}"'


def _role_line(view: RequirementView, row: ScoreRow) -> str:
    """'Recent role' (held now) or 'Closest role': the resume's title most like the job's (the engine quotes that
    title); a role that does not fit the job reads as a mismatch, never as a reason."""
    title, period = _role_title(view, row)
    job = plain_line(row.job_title) or view.label
    if not title:
        return f"Role: no {job} role found"
    held_now = period.endswith("now")
    dated = f" ({period})" if period else ""
    if view.verdict == "met":
        return f'{"Recent" if held_now else "Closest"} role: "{title}"{dated}'
    return f'Role mismatch: asked {job}; closest role "{title}"{dated}'


def _role_title(view: RequirementView, row: ScoreRow) -> tuple[str, str]:
    for reason in row.reasons:  # the engine's role reason carries the dates it found for that title
        found = _ROLE_REASON.match(reason)
        if found:
            return plain_line(found.group("title")), found.group("period") or ""
    return _clip(plain_line(view.evidence or ""), MAX_QUOTE_CHARS), ""


def _years(view: RequirementView) -> str:
    """'4.2 yrs found; asked 5+'; under a year in months, as the engine words it ('4 months found; asked 6+ months')."""
    found = view.years_found or 0.0
    asked = _YEARS_ASKED.search(view.label)
    wanted = f"; asked {asked.group(1)}+{' months' if asked.group(2) else ''}" if asked else ""
    if 0 < found < 1:
        months = max(1, math.floor(found * 12 + 1e-9))
        return f"{months} month{'s' if months > 1 else ''} found{wanted}"
    return f"{found:g} {'yr' if found == 1 else 'yrs'} found{wanted}"


def _quote(evidence: str, label: str) -> str:
    """A short quote around where the resume names the requirement (its start when it does not)."""
    text = plain_line(evidence).lstrip("•·-*#:|;, ").rstrip()
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    at = _anchor(text, label)
    start = 0 if at < MAX_QUOTE_CHARS // 3 else text.rfind(" ", 0, at - MAX_QUOTE_CHARS // 4) + 1
    window = text[start : start + MAX_QUOTE_CHARS]
    if start + MAX_QUOTE_CHARS < len(text):
        window = window.rsplit(" ", 1)[0].rstrip(",;:-(") + "…"
    return ("…" + window) if start > 0 else window


def _anchor(text: str, label: str) -> int:
    """Where the resume line names the requirement: the whole label, else its longest word; -1 when neither."""
    lowered = text.lower()
    at = lowered.find(label.lower())
    if at >= 0:
        return at
    for word in sorted(re.findall(r"[\w#+.]{3,}", label.lower()), key=len, reverse=True):
        found = re.search(rf"(?<!\w){re.escape(word)}", lowered)
        if found:
            return found.start()
    return -1


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-(") + "…"
