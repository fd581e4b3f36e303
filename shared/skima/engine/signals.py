"""Whole-document signals, blended with the per-requirement evidence into the score (issue 9, item 3).

Per-requirement evidence explains a score, but on real postings and resumes it misses what a reader sees at once:
that the resume as a whole is about the job. Three whole-document readings catch that, each cheap per pair:

- `head`: the job (its first 256 word pieces) against the first `HEAD_WORDS` words of the masked resume (its
  headline, summary and latest role), both embedded whole;
- `centroid`: the same job vector against the profile's centroid (the boilerplate-weighted mean of its spans);
- `lexical`: the cosine of sublinear term counts, stop words removed. A fixed stop list stands in for IDF, so a
  score never depends on which other documents a tenant holds (on our sets it ranks as well as TF-IDF fitted on
  the set itself).

`blend` adds them to the requirement score with the weights in `BLEND_WEIGHTS`; `calibrate` maps the sum to 0-100
through `CALIBRATION_KNOTS`. Both were fitted on labelled data by `eval/fit_blend.py` (its report says how) and
go into every receipt.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping

from skima.engine.lexicon import us_spelling
from skima.engine.masking import PLACEHOLDER

# How many words of the resume's start are embedded whole: its headline, summary and latest role. 96 words are about
# 128 word pieces, half the model's window, which ranked as well as the whole window at half the cost.
HEAD_WORDS = 96
# Weights of each signal in the blended value; the requirement score (0..1) has weight 1.
BLEND_WEIGHTS: dict[str, float] = {"head": 0.5, "centroid": 0.2, "lexical": 0.5}
# Blended value -> score, linear between knots (value, score), flat outside them; fitted by eval/fit_blend.py
# (--graded). The median hand-graded real strong pair sits at 80; above it, the generated set's near-miss and strong
# medians (86, 94). The hand-written set's adjacent titles (a title without the must-have) stay under 80: a test on
# the real model keeps them there.
CALIBRATION_KNOTS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (0.49, 20.0),
    (0.89, 70.0),
    (1.21, 80.0),
    (1.56, 86.0),
    (1.7, 94.0),
    (1.84, 100.0),
)
# Lexical terms kept per document (the most frequent): bounds the cached profile and the per-pair cost.
MAX_TERMS = 400

_TERM = re.compile(r"[a-z][a-z0-9+#]*[a-z0-9+#]")
# English function words, plus words every posting and resume uses whatever the occupation. Stands in for IDF.
_STOP = (
    "a about above after again against all also am an and any are as at be because been before being below between "
    "both but by can could did do does doing down during each few for from further had has have having he her here "
    "hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off "
    "on once only or other our ours ourselves out over own same she should so some such than that the their theirs "
    "them themselves then there these they this those through to too under until up very was we were what when where "
    "which while who whom why will with would you your yours yourself yourselves "
    "able ability including include includes within well work working works worked experience experienced years year "
    "new must may etc per using use used via across strong good excellent ensure ensuring job role position company "
    "team candidate candidates required requirements responsibilities skills skill please apply "
)
STOP_WORDS = frozenset(_STOP.split())


def terms(text: str) -> Counter[str]:
    """Content words of a text, lowercased and in US spelling; masked placeholders and stop words are left out."""
    words = _TERM.findall(PLACEHOLDER.sub(" ", text).lower())
    return Counter(us_spelling(word) for word in words if word not in STOP_WORDS)


def lexical_vector(text: str) -> dict[str, float]:
    """Sublinear term weights (1 + ln count), L2-normalised and rounded (a cached profile scores as a fresh one)."""
    counts = terms(text).most_common(MAX_TERMS)
    weights = {term: 1.0 + math.log(count) for term, count in counts}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    if not norm:
        return {}
    return {term: round(w / norm, 5) for term, w in sorted(weights.items())}


def lexical_similarity(job: Mapping[str, float], resume: Mapping[str, float]) -> float:
    small, large = (job, resume) if len(job) <= len(resume) else (resume, job)
    return float(sum(weight * large.get(term, 0.0) for term, weight in small.items()))


def head_text(masked_text: str) -> str:
    """The resume's first HEAD_WORDS words, masked placeholders left out."""
    return " ".join(PLACEHOLDER.sub(" ", masked_text).split()[:HEAD_WORDS])


def blend(requirements: float, signals: Mapping[str, float], weights: Mapping[str, float] = BLEND_WEIGHTS) -> float:
    return requirements + sum(weight * signals.get(name, 0.0) for name, weight in weights.items())


def calibrate(value: float, knots: tuple[tuple[float, float], ...] = CALIBRATION_KNOTS) -> int:
    """The 0-100 score of a blended value: piecewise linear through the knots."""
    if value <= knots[0][0]:
        return round(knots[0][1])
    for (x0, y0), (x1, y1) in itertools.pairwise(knots):
        if value <= x1:
            return round(y0 + (y1 - y0) * (value - x0) / (x1 - x0))
    return round(knots[-1][1])


# A required licence or registration the resume does not show (see Requirement.licence) takes this off the blended
# value, and what is left is eased under the value that scores STRONG_SCORE: such a candidate never reads as strong,
# yet keeps its place among others who lack it (the easing rises strictly, so it ties no one as a cap would).
# Fitted on the tuning halves and the hand-graded pairs (eval/graded_report.py).
MUST_HAVE_PENALTY = 0.15
STRONG_SCORE = 80
_EASING = 0.1  # how far below that value the easing starts


def value_for_score(score: float, knots: tuple[tuple[float, float], ...] = CALIBRATION_KNOTS) -> float:
    """The blended value `calibrate` maps to `score` (the inverse of the knots' line; the knots' scores rise)."""
    for (x0, y0), (x1, y1) in itertools.pairwise(knots):
        if y0 <= score <= y1 and y1 > y0:
            return x0 + (x1 - x0) * (score - y0) / (y1 - y0)
    return knots[-1][0] if score > knots[-1][1] else knots[0][0]


def without_must_have(value: float, penalty: float = MUST_HAVE_PENALTY) -> float:
    """The blended value of a pair that lacks a required licence: lowered by `penalty`, then eased below the value
    that rounds to STRONG_SCORE (strictly increasing in `value`, so the order among such pairs is kept)."""
    ceiling = value_for_score(STRONG_SCORE - 0.5)
    knee = ceiling - _EASING
    lowered = value - penalty
    if lowered <= knee:
        return lowered
    return ceiling - _EASING * math.exp(-(lowered - knee) / _EASING)
