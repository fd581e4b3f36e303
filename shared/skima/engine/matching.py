"""Per-requirement evidence, verdicts, the calibrated 0-100 score, reasons and gaps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import BaseModel

from skima.engine.dates import merged_years, year_label
from skima.engine.models import (
    CandidateProfile,
    MatchResult,
    PreparedJob,
    Receipt,
    Requirement,
    RequirementResult,
    Verdict,
)
from skima.engine.occupations import OccupationView, occupation_name

ENGINE_VERSION = "skima-engine/1.2.0"
# below this many content words a resume is too thin to judge; a short resume that names a title and a few
# skills ('Java Developer. Skills: JSP, Servlets, MySQL. 2 years at Genpact') is still scored
MIN_CONTENT_WORDS = 8
# words that carry no evidence of what a person does: function words, contact labels and resume boilerplate
_FILLER = (
    "a an and the of in on at to for from with by or as is are was be am i my me we our it its this that "
    "name email phone mobile tel address contact resume cv curriculum vitae profile details personal "
    "references available request upon date birth dob nationality gender male female marital status "
    "hard worker hardworking honest punctual sincere dedicated"
)
FILLER_WORDS = frozenset(_FILLER.split())
_WORD = re.compile(r"[^\W\d_]{2,}")  # a run of two or more letters: placeholders like '[name]' are skipped below
MAX_REASON_CHARS = 90

# Share of the score each kind of requirement carries (renormalised over the kinds a job has).
# The role carries most: on real resumes the occupation (job title and the job as a whole against the resume as a
# whole, plus its headline/designations) separates candidates far better than any single skill does.
GROUP_SHARES: dict[str, float] = {
    "role": 0.70,
    "skill": 0.25,
    "experience": 0.085,
    "education": 0.03,
    "responsibility": 0.035,
}
# a skill without its exact term: met by a near-verbatim paraphrase, named as a gap below this similarity
SKILL_MET_SIMILARITY = 0.82
SKILL_GAP_SIMILARITY = 0.85
# occupation fit: cosine of (job title, job centroid) with the resume's centroid, ramped to 0..1
OCCUPATION_RAMP = (0.3, 0.75)
OCCUPATION_SHARE = 5 / 6  # of the role requirement; the rest is the best title/headline match
# of the occupation fit, the share the taxonomy's reading takes when both sides are read with full confidence
# (the rest is the embedding similarity above, which also covers occupations outside the taxonomy); on pasted
# resumes full of borrowed skills and boilerplate the taxonomy's reading separates neighbours better than centroids
TAXONOMY_SHARE = 0.8
# raw (0..1) -> score: linear between these points, clipped
CALIBRATION = {"raw_low": 0.15, "raw_high": 1.0}  # no clipping at the top: full marks only when all is met


@dataclass
class _Context:
    """What matching needs from a profile, derived once per profile and reused for every job."""

    profile: CandidateProfile
    index: dict[str, int]
    keys: list[str]
    span_keys: list[str]
    span_matrix_t: np.ndarray
    doc: np.ndarray
    title_idx: list[int]
    occupations: OccupationView
    occupation_label: str | None


@dataclass
class _JobView:
    """What matching needs from a prepared job, derived once per job."""

    weights: dict[str, float]
    rounded_weights: dict[str, float]
    matrix: np.ndarray
    query: np.ndarray
    title: np.ndarray
    occupation_label: str | None


def _context(profile: CandidateProfile) -> _Context:
    memo = profile.memo()
    ctx = memo.get("ctx")
    if ctx is None:
        ctx = _Context(
            profile=profile,
            index=profile.term_index(),
            keys=profile.line_key_list(),
            span_keys=profile.span_key_list(),
            span_matrix_t=np.ascontiguousarray(profile.span_vectors().T),
            doc=profile.doc_array(),
            title_idx=profile.title_span_indices(),
            occupations=(occupations := OccupationView.of(profile.occupations)),
            occupation_label=occupation_name(occupations.top) if occupations.top else None,
        )
        memo["ctx"] = ctx
    return ctx


def _job_view(job: PreparedJob) -> _JobView:
    memo = job.memo()
    view = memo.get("view")
    if view is None:
        matrix = job.requirement_vectors()
        role = next((i for i, r in enumerate(job.requirements) if r.kind == "role"), None)
        view = _JobView(
            weights=job.weights(),
            rounded_weights=job.rounded_weights(),
            matrix=matrix,
            query=job.query_array(),
            title=matrix[role] if role is not None else job.query_array(),
            occupation_label=(
                occupation_name(max(job.occupations, key=lambda o: (job.occupations[o], o)))
                if job.occupations and job.occupation_confidence >= 0.5
                else None
            ),
        )
        memo["view"] = view
    return view


def _ramp(value: float, low: float, high: float) -> float:
    return float(min(1.0, max(0.0, (value - low) / (high - low))))


def _find_term(ctx: _Context, terms: list[str]) -> int | None:
    lines = [ctx.index[t] for t in terms if t in ctx.index]
    return min(lines) if lines else None


def _role_years(ctx: _Context, terms: list[str]) -> tuple[float, list[tuple[float, float]]]:
    """Years of the roles whose block mentions any of the terms (merged), and those roles' intervals."""
    intervals: list[tuple[float, float]] = []
    padded = [f" {t} " for t in terms]
    for role in ctx.profile.roles:
        block = "".join(ctx.keys[role.line : role.last_line + 1])
        if any(p in block for p in padded):
            intervals.append((role.start, role.end))
    return merged_years(intervals), intervals


def _quote(text: str, budget: int, around: str | None = None) -> str:
    text = re.sub(r"\s+", " ", text).strip(" •-*#")
    if len(text) <= budget:
        return text
    if around:
        position = text.lower().find(around.lower())
        if position > budget // 2:
            start = max(0, position - budget // 3)
            text = "…" + text[start:].split(" ", 1)[-1] if start else text
    return text[: budget - 1].rsplit(" ", 1)[0] + "…"


def _fit(prefix: str, quote_text: str, suffix: str = "", around: str | None = None) -> str:
    budget = MAX_REASON_CHARS - len(prefix) - len(suffix) - 2
    return f'{prefix}"{_quote(quote_text, max(budget, 12), around)}"{suffix}'[:MAX_REASON_CHARS]


def _construct[ModelT: BaseModel](cls: type[ModelT], values: dict[str, Any]) -> ModelT:
    """A model from values built (and typed) here, without validation: what model_construct does, minus its
    per-field bookkeeping, which dominated the cost of a match. `values` must name every field."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def evaluate_requirement(
    req: Requirement,
    sims: np.ndarray,
    ctx: _Context,
    *,
    occupation: float = 0.0,
    best: int | None = None,
    best_similarity: float | None = None,
) -> RequirementResult:
    profile = ctx.profile
    spans = profile.spans
    if best is None:
        best = int(np.argmax(sims)) if sims.size else -1
    if best_similarity is None:
        best_similarity = float(sims[best]) if best >= 0 else 0.0
    similarity = best_similarity
    evidence = spans[best].text if best >= 0 else None
    evidence_line = spans[best].line if best >= 0 else None
    verdict: Verdict = "missing"
    satisfaction = 0.0
    exact = False
    years_found: float | None = None

    if req.kind == "role":
        title_idx = ctx.title_idx
        top_title = title_idx[int(np.argmax(sims[title_idx]))] if title_idx else -1
        title_sim = float(sims[top_title]) if top_title >= 0 else 0.0
        key = req.terms[0] if req.terms else ""
        title_keys = [ctx.span_keys[i] for i in title_idx]
        exact = bool(key) and any(f" {key} " in k for k in title_keys)
        title_fit = max(1.0 if exact else 0.0, _ramp(title_sim, 0.42, 0.82), 0.6 * _ramp(similarity, 0.45, 0.85))
        satisfaction = OCCUPATION_SHARE * occupation + (1 - OCCUPATION_SHARE) * title_fit
        if top_title >= 0 and (exact or title_sim >= similarity - 0.1):
            evidence, evidence_line, similarity = spans[top_title].text, spans[top_title].line, title_sim
        verdict = "met" if satisfaction >= 0.75 else "partial" if satisfaction >= 0.35 else "missing"
    elif req.kind in ("skill", "certification"):
        line = _find_term(ctx, req.terms)
        if line is not None:
            exact, verdict, satisfaction = True, "met", 1.0
            evidence, evidence_line = profile.lines[line], line
        else:
            # no exact term: a close paraphrase ('Organised travel' for 'travel arrangements') counts in part
            satisfaction = 0.8 * _ramp(similarity, 0.5, 0.85)
            verdict = "met" if similarity >= SKILL_MET_SIMILARITY else "partial" if similarity >= 0.62 else "missing"
    elif req.kind == "experience":
        wanted = req.min_years or 0.0
        if req.terms:
            stated = max((profile.skill_years.get(t, 0.0) for t in req.terms), default=0.0)
            by_roles, intervals = _role_years(ctx, req.terms)
            present = _find_term(ctx, req.terms) is not None
            years_found = max(stated, by_roles)
            if years_found == 0.0 and present:
                # the skill is there but not tied to dated roles: the career length is an upper bound
                years_found = profile.total_years * 0.8
        else:
            years_found = profile.total_years
            intervals = [(r.start, r.end) for r in profile.roles]
        satisfaction = min(1.0, years_found / wanted) if wanted else 1.0
        verdict = "met" if satisfaction >= 0.999 else "partial" if satisfaction >= 0.6 else "missing"
        satisfaction = satisfaction**1.5
        if intervals:
            start, end = min(a for a, _ in intervals), max(b for _, b in intervals)
            evidence = year_label(start, end, profile.as_of)
        elif years_found:
            evidence = f"{years_found:g} years stated"
    elif req.kind == "education":
        wanted_level = req.education_level or 2
        level = profile.education_level
        satisfaction = 1.0 if level >= wanted_level else 0.5 if level == wanted_level - 1 else 0.0
        verdict = "met" if satisfaction == 1.0 else "partial" if satisfaction > 0 else "missing"
        edu = next((i for i, s in enumerate(spans) if s.kind == "education"), -1)
        if edu >= 0 and level >= 0:
            evidence, evidence_line = spans[edu].text, spans[edu].line
    else:  # responsibility
        satisfaction = _ramp(similarity, 0.35, 0.9)  # near-verbatim evidence beats merely related work
        verdict = "met" if similarity >= 0.6 else "partial" if similarity >= 0.45 else "missing"

    return _construct(
        RequirementResult,
        {
            "id": req.id,
            "kind": req.kind,
            "label": req.label,
            "required": req.required,
            "weight": req.weight,
            "verdict": verdict,
            "satisfaction": round(satisfaction, 4),
            "similarity": round(similarity, 4),
            "evidence": evidence,
            "evidence_line": evidence_line,
            "exact": exact,
            "years_found": round(years_found, 1) if years_found is not None else None,
        },
    )


def _group(kind: str) -> str:
    return "skill" if kind == "certification" else kind


def effective_weights(requirements: list[Requirement]) -> dict[str, float]:
    """Each requirement's share of the score (sums to 1 with the 'overall' similarity share)."""
    groups: dict[str, float] = {}
    for req in requirements:
        groups[_group(req.kind)] = groups.get(_group(req.kind), 0.0) + req.weight
    present = {g: GROUP_SHARES[g] for g in groups}
    total_share = sum(present.values())
    return {
        req.id: present[_group(req.kind)] / total_share * req.weight / groups[_group(req.kind)] for req in requirements
    }


def calibrate(raw: float) -> int:
    low, high = CALIBRATION["raw_low"], CALIBRATION["raw_high"]
    return round(100 * min(1.0, max(0.0, (raw - low) / (high - low))))


def _reason(result: RequirementResult, profile: CandidateProfile) -> str:
    label = result.label
    if result.kind == "experience":
        years = result.years_found or 0.0
        subject = re.sub(r"^\d+(?:\.\d+)?\s*\+?\s*(?:-|to)?\s*\d*\+?\s*(?:years?|yrs?)'?\s*(?:of\s+)?", "", label)
        subject = subject or "experience"
        text = f"{years:.0f} yrs {subject}" + (f" ({result.evidence})" if result.evidence else "")
        if result.verdict != "met":
            text += f"; asked {label.split(' ')[0]}"
        return text[:MAX_REASON_CHARS]
    quote = result.evidence or ""
    if result.kind == "role":
        held = [r for r in profile.roles if r.line == result.evidence_line or r.title.lower() == quote.lower()]
        suffix = f" ({year_label(min(r.start for r in held), max(r.end for r in held), profile.as_of)})" if held else ""
        return _fit("Role: ", quote, suffix)
    if result.kind in ("skill", "certification"):
        prefix = f"{label}: " if result.exact else f"Related to {label}: "
        return _fit(prefix, quote, around=label)
    if result.kind == "education":
        return _fit("Education: ", re.sub(r"^\W*education\w*\s*[:\-]\s*", "", quote, flags=re.I))
    return _fit("Did similar work: ", quote)


def _gap(result: RequirementResult) -> str:
    if result.kind == "experience" and result.years_found:
        return f"not found in resume: {result.label} (about {result.years_found:g} yrs found)"[:120]
    return f"not found in resume: {result.label}"


def _gaps(missing: list[RequirementResult], job: PreparedJob) -> list[str]:
    """Gap lines, strongest first; the halves of an 'X and Y' requirement missing together are named as one."""
    joint = {r.id: r.joint_label for r in job.requirements if r.joint_label}
    if not joint:
        return [_gap(r) for r in missing]
    missing_ids = {r.id for r in missing}
    whole = {label for label in joint.values() if all(i in missing_ids for i, j in joint.items() if j == label)}
    gaps: list[str] = []
    for result in missing:
        label = joint.get(result.id)
        text = f"not found in resume: {label}" if label in whole else _gap(result)
        if text not in gaps:
            gaps.append(text)
    return gaps


def _occupation_fit(job: PreparedJob, view: _JobView, ctx: _Context) -> float:
    """0..1: how much the resume as a whole is about this job's occupation.

    Two readings: the embedding one (the job's title and centroid, each against the centroid of the resume's spans;
    centroids average out borrowed skills and boilerplate) and the taxonomy's (the occupations named by the job's
    title against those the resume's titles, designations and distinctive terms point to; see occupations.py).
    The taxonomy's counts as far as both sides were read with confidence, so a job or resume outside it falls
    back to the embedding reading."""
    embedded = _ramp(float((view.title @ ctx.doc + view.query @ ctx.doc) / 2), *OCCUPATION_RAMP)
    share = TAXONOMY_SHARE * job.occupation_confidence * ctx.occupations.confidence
    if share <= 0.0:
        return embedded
    return (1.0 - share) * embedded + share * ctx.occupations.fit(job.occupations)


def content_words(profile: CandidateProfile) -> int:
    """Words that could say what the person does: letters only, neither filler nor a masking placeholder."""
    memo = profile.memo()
    count = memo.get("content_words")
    if count is None:
        count = sum(
            1
            for line in profile.lines
            for word in _WORD.findall(re.sub(r"\[[a-z ]+\]", " ", line))
            if word.lower() not in FILLER_WORDS
        )
        memo["content_words"] = count
    return int(count)


def match(job: PreparedJob, profile: CandidateProfile, model_sha256: str) -> MatchResult:
    view = _job_view(job)
    weights = view.weights
    receipt_base: dict[str, Any] = {
        "engine_version": ENGINE_VERSION,
        "model_id": job.model_id,
        "model_sha256": model_sha256,
        "job_text_sha256": job.text_sha256,
        "profile_sha256": profile.profile_sha256,
        "resume_source": profile.source,
        "as_of": profile.as_of,
        "weights": dict(view.rounded_weights),
        "calibration": dict(CALIBRATION),
        "job_occupation": view.occupation_label,
        "resume_occupation": None,
    }
    if not profile.spans or content_words(profile) < MIN_CONTENT_WORDS:
        why = profile.read_error or f"resume too short to judge ({profile.word_count} words)"
        return MatchResult(
            job_id=job.job_id,
            candidate_id=profile.candidate_id,
            score=None,
            status="insufficient_evidence",
            reasons=[f"Not scored: {why}"[:MAX_REASON_CHARS]],
            gaps=[],
            requirements=[],
            receipt=Receipt(**receipt_base, raw_score=0.0),
        )
    ctx = _context(profile)
    sims = view.matrix @ ctx.span_matrix_t
    occupation = _occupation_fit(job, view, ctx)
    receipt_base["resume_occupation"] = ctx.occupation_label
    count = len(job.requirements)
    bests: list[int] = sims.argmax(axis=1).tolist() if sims.size else [-1] * count
    best_sims: list[float] = sims.max(axis=1).tolist() if sims.size else [0.0] * count
    results = [
        evaluate_requirement(req, sims[i], ctx, occupation=occupation, best=bests[i], best_similarity=best_sims[i])
        for i, req in enumerate(job.requirements)
    ]
    raw = sum(weights[r.id] * r.satisfaction for r in results)
    score = calibrate(raw)

    ranked = sorted(
        (r for r in results if r.verdict != "missing" and r.evidence),
        key=lambda r: (-(weights[r.id] * r.satisfaction), r.id),
    )
    missing = sorted(
        (
            r
            for r in results
            if r.verdict == "missing"
            or (r.kind in ("skill", "certification") and not r.exact and r.similarity < SKILL_GAP_SIMILARITY)
        ),
        key=lambda r: (-weights[r.id], r.id),
    )
    gap_list = _gaps([r for r in missing if r.kind != "responsibility"], job)
    positives: list[str] = []
    for result in ranked:  # only as many reasons as can be shown are written
        reason = _reason(result, profile)
        if reason and reason not in positives:
            positives.append(reason)
        if len(positives) >= 5:
            break
    reasons = positives[: 4 if gap_list else 5]
    if gap_list:
        reasons.append(gap_list[0][:MAX_REASON_CHARS])
    extra = iter(gap_list[1:] + positives[4:])
    while len(reasons) < 3:
        item = next(extra, None)
        if item is None:
            break
        reasons.append(item[:MAX_REASON_CHARS])
    return _construct(
        MatchResult,
        {
            "job_id": job.job_id,
            "candidate_id": profile.candidate_id,
            "score": score,
            "status": "scored",
            "reasons": reasons,
            "gaps": gap_list,
            "requirements": results,
            "receipt": _construct(Receipt, {**receipt_base, "raw_score": round(raw, 4)}),
        },
    )
