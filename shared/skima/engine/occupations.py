"""Which occupations a resume or a job is about, read with the taxonomy (``taxonomy.py``).

A resume's headline, titles and designations say what the person does far better than its skills list (a tester
lists Java; a Java developer lists SQL), so title evidence weighs most; skills and tools add evidence weighed by
their specificity (a term listed for one occupation says more than one listed for five) and counted sublinearly
(a pasted resume that repeats 'Java' twenty times is not twenty times more of a Java developer).

The result is a small dict occupation id -> evidence, stored in the profile (it is cached) and in the prepared job.
Matching compares the two with a few dict look-ups per pair (``OccupationView.fit``, a cosine); a neighbour in
the same family gets part of the credit. When either side has little or no evidence the caller falls back to the
embedding similarity, so occupations outside the taxonomy are still matched.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from skima.engine.lexicon import term_key
from skima.engine.taxonomy import CLOSE, OCCUPATIONS, Occupation, occupations_by_id

# share of a family's evidence a neighbouring occupation gets ('Java Developer' evidence counts 0.3 towards
# 'Python Developer'); kept well below 1 so that the job's own occupation still ranks first
FAMILY_CREDIT = 0.3
CLOSE_CREDIT = 0.6  # what a close neighbour's evidence counts (taxonomy.CLOSE)
# evidence at which a resume's reading counts fully (a headline title alone is about this much)
RESUME_CONFIDENT = 5.0
# evidence at which a job's reading counts fully when its title names no known occupation
JOB_CONFIDENT = 4.0
# a job's reading: a title naming an occupation, a distinctive term in the title ('C# Software Engineer',
# 'Backend Engineer (JVM)': the term says which kind), and the body's evidence, which tips the balance and can
# question a broad or ambiguous title
JOB_TITLE_WEIGHT = 6.0
JOB_TITLE_TERM_WEIGHT = 4.0
JOB_BODY_WEIGHT = 0.35
TITLE_TERM_DECISIVE = 0.6  # a title term at least this specific (shared by at most two occupations) names a kind
JOB_BROAD_TITLE_KEEP = 0.3  # what a broad title keeps when a term in it names the kind
JOB_BODY_DECISIVE = 1.5  # body evidence from which the body can question the title
JOB_TITLE_FLOOR = 0.25  # share of its weight a title keeps when the body says nothing about its occupation
TERM_CAP = 10.0  # term evidence saturates here, so a long skills list cannot outweigh the titles
KEEP = 12  # occupations kept per profile
# the fit is the cosine between the job's occupations and the resume's (smoothed) evidence: a resume whose evidence
# is spread over many occupations (borrowed skills, keyword stuffing, a career across fields) is less about any one
# of them than a focused resume with the same top occupation. A focused resume's cosine with its own occupation
# is about this much or more (the smoothing spreads some evidence to neighbours), and counts fully
COSINE_FULL = 0.6
# words that are at least as often hobbies as occupations: weak evidence wherever they appear
HOBBY_PRONE = frozenset(
    term_key(word)
    for word in (
        "cooking",
        "music",
        "dance",
        "painting",
        "sketching",
        "yoga",
        "sports",
        "travel",
        "photography",
        "fitness",
        "gym",
        "meditation",
        "exercise",
        "singing",
        "reading",
        "crafts",
        "art and craft",
        "guitar",
        "piano",
        "swimming",
        "cricket",
        "football",
        "baking",
        "drama",
        "theatre",
        "blogs",
    )
)
HOBBY_WEIGHT = 0.25


@dataclass(frozen=True)
class _Phrase:
    titles: tuple[int, ...]  # occupations this phrase is a title of
    terms: tuple[int, ...]  # occupations this phrase is a term of
    specificity: float  # weight of one term hit: fewer occupations sharing the term -> higher


@dataclass(frozen=True)
class _Index:
    occupations: tuple[Occupation, ...]
    phrases: dict[str, _Phrase]
    longest: int
    family_of: dict[str, str]
    close: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def _index() -> _Index:
    titles: dict[str, set[int]] = {}
    terms: dict[str, set[int]] = {}
    for number, occupation in enumerate(OCCUPATIONS):
        for title in occupation.titles:
            key = term_key(title)
            if key:
                titles.setdefault(key, set()).add(number)
        for term in occupation.terms:
            key = term_key(term)
            if key:
                terms.setdefault(key, set()).add(number)
    phrases: dict[str, _Phrase] = {}
    for key in titles.keys() | terms.keys():
        sharing = terms.get(key, set())
        specificity = (1.0 / len(sharing) ** 0.7) if sharing else 0.0
        if key in HOBBY_PRONE:
            specificity *= HOBBY_WEIGHT
        phrases[key] = _Phrase(
            titles=tuple(sorted(titles.get(key, ()))),
            terms=tuple(sorted(sharing)),
            specificity=round(specificity, 4),
        )
    return _Index(
        occupations=OCCUPATIONS,
        phrases=phrases,
        longest=max(len(key.split()) for key in phrases),
        family_of={o.id: o.family for o in OCCUPATIONS},
        close={
            o.id: tuple(sorted({b for a, b in CLOSE if a == o.id} | {a for a, b in CLOSE if b == o.id}))
            for o in OCCUPATIONS
        },
    )


@dataclass
class _Hits:
    title_counts: dict[int, int]
    term_evidence: dict[int, float]


def _scan(texts: Iterable[str]) -> _Hits:
    """Greedy longest-phrase matching ('sap abap developer' before 'abap'), counting hits per occupation."""
    index = _index()
    phrase_counts: dict[str, int] = {}
    for text in texts:
        tokens = term_key(text).split()
        position = 0
        while position < len(tokens):
            for size in range(min(index.longest, len(tokens) - position), 0, -1):
                key = " ".join(tokens[position : position + size])
                if key in index.phrases:
                    phrase_counts[key] = phrase_counts.get(key, 0) + 1
                    position += size
                    break
            else:
                position += 1
    title_counts: dict[int, int] = {}
    term_evidence: dict[int, float] = {}
    for key, count in phrase_counts.items():
        phrase = index.phrases[key]
        for number in phrase.titles:
            title_counts[number] = title_counts.get(number, 0) + count
        if phrase.specificity:
            weight = phrase.specificity * (1.0 + math.log(count))
            for number in phrase.terms:
                term_evidence[number] = term_evidence.get(number, 0.0) + weight
    return _Hits(title_counts, term_evidence)


def _saturate(value: float, cap: float) -> float:
    return cap * (1.0 - math.exp(-value / cap))


def _title_occupations(phrases: Sequence[str]) -> dict[int, int]:
    return _scan(phrases).title_counts


def resume_occupations(headline: str, titles: Sequence[str], lines: Sequence[str]) -> dict[str, float]:
    """Evidence per occupation id (top KEEP, rounded): a title in the headline counts most, then the resume's
    role titles, then titles anywhere in the text (designations in pasted resumes), then skills and terms."""
    index = _index()
    body = _scan(lines)
    in_headline = _title_occupations([headline]) if headline else {}
    in_titles = _title_occupations(titles)
    scores: dict[int, float] = {}
    for number in body.title_counts.keys() | body.term_evidence.keys() | in_headline.keys() | in_titles.keys():
        mentions = body.title_counts.get(number, 0)
        title_score = (
            (1.5 * (1.0 + math.log(mentions)) if mentions else 0.0)
            + (3.0 if number in in_headline else 0.0)
            + 1.5 * min(in_titles.get(number, 0), 3)
        )
        scores[number] = title_score + _saturate(body.term_evidence.get(number, 0.0), TERM_CAP)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:KEEP]
    return {index.occupations[n].id: round(s, 2) for n, s in ranked if s >= 0.3}


def job_occupations(title: str, text: str) -> tuple[dict[str, float], float]:
    """The job's occupations as weights summing to 1, and how sure the reading is (0..1).

    The title decides when it names a known occupation; the body (requirements, duties) adds a little and decides
    alone, with less confidence, when the title is unknown ('Associate, Team Alpha')."""
    index = _index()
    head = _scan([title]) if title else _Hits({}, {})
    title_key = term_key(title)
    body = _scan([line for line in text.split("\n") if not title_key or title_key not in term_key(line)])
    body_evidence: dict[int, float] = {}
    for number in body.title_counts.keys() | body.term_evidence.keys():
        mentions = body.title_counts.get(number, 0)
        body_evidence[number] = (1.0 + math.log(mentions) if mentions else 0.0) + _saturate(
            body.term_evidence.get(number, 0.0), TERM_CAP
        )
    # a title can name a broad or an ambiguous occupation ('Quality Engineer', 'Software Engineer'): when the body
    # says little about it but much about another, the title counts less and the body's reading more
    body_top = max(body_evidence.values(), default=0.0)
    body_view = OccupationView.of({index.occupations[n].id: e for n, e in body_evidence.items()})
    scores: dict[int, float] = {}
    for number in head.title_counts:
        agreement = 1.0
        if body_top >= JOB_BODY_DECISIVE:
            agreement = min(1.0, body_view.smoothed(index.occupations[number].id) / body_top)
        scores[number] = JOB_TITLE_WEIGHT * (JOB_TITLE_FLOOR + (1.0 - JOB_TITLE_FLOOR) * agreement)
    # a distinctive term in a broad title says which kind of that occupation is meant ('Python Software Developer',
    # 'C# Software Engineer', 'Software Developer (Spring)'): the kind takes the title's weight, the broad title
    # keeps a little
    family_of = index.family_of
    for number, evidence in head.term_evidence.items():
        term_score = min(JOB_TITLE_TERM_WEIGHT * evidence, JOB_TITLE_WEIGHT)
        oid = index.occupations[number].id
        broader = [
            t
            for t in head.title_counts
            if t != number and number not in head.title_counts and family_of[index.occupations[t].id] == family_of[oid]
        ]
        if broader and evidence >= TITLE_TERM_DECISIVE:
            term_score = max(term_score, *(scores[t] for t in broader))
            for t in broader:
                scores[t] *= JOB_BROAD_TITLE_KEEP
        scores[number] = scores.get(number, 0.0) + term_score
    for number, evidence in body_evidence.items():
        scores[number] = scores.get(number, 0.0) + JOB_BODY_WEIGHT * evidence
    if not scores:
        return {}, 0.0
    top = max(scores.values())
    kept = {n: s for n, s in scores.items() if s >= 0.3 * top}
    total = sum(kept.values())
    weights = {index.occupations[n].id: round(s / total, 3) for n, s in sorted(kept.items())}
    confidence = 1.0 if head.title_counts else min(1.0, top / JOB_CONFIDENT)
    return weights, round(confidence, 3)


@lru_cache(maxsize=8192)
def title_occupations(title: str) -> tuple[str, ...]:
    """The occupation ids a job title names ('Regional driver' -> ('truck_driver',)); empty when it names none."""
    if not title.strip():
        return ()
    index = _index()
    return tuple(sorted(index.occupations[n].id for n in _title_occupations([title])))


def kinship(first: str, second: str) -> float:
    """1 for the same occupation, CLOSE_CREDIT for close neighbours, FAMILY_CREDIT within a family, else 0."""
    if first == second:
        return 1.0
    index = _index()
    if second in index.close.get(first, ()) or first in index.close.get(second, ()):
        return CLOSE_CREDIT
    family = index.family_of.get(first)
    return FAMILY_CREDIT if family is not None and family == index.family_of.get(second) else 0.0


def occupation_name(occupation_id: str) -> str:
    found = occupations_by_id().get(occupation_id)
    return found.name if found else occupation_id


@dataclass
class OccupationView:
    """A resume's occupation evidence prepared for matching against many jobs (built once per profile)."""

    scores: dict[str, float]
    family_sums: dict[str, float]
    length: float  # Euclidean length of the smoothed evidence over all occupations
    confidence: float
    top: str | None
    _smoothed: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, scores: dict[str, float]) -> OccupationView:
        family_of = _index().family_of
        family_sums: dict[str, float] = {}
        for oid, score in scores.items():
            family = family_of.get(oid, oid)
            family_sums[family] = family_sums.get(family, 0.0) + score
        view = cls(scores=scores, family_sums=family_sums, length=1.0, confidence=0.0, top=None)
        best = max((view.smoothed(oid) for oid in scores), default=0.0)
        view.length = math.sqrt(sum(view.smoothed(o.id) ** 2 for o in _index().occupations)) or 1.0
        view.confidence = min(1.0, best / RESUME_CONFIDENT)
        view.top = min(scores, key=lambda oid: (-scores[oid], oid)) if scores else None
        return view

    def smoothed(self, occupation_id: str) -> float:
        """The occupation's own evidence plus part of its close neighbours' and its family's (memoised: a profile
        is matched against many jobs of few occupations)."""
        cached = self._smoothed.get(occupation_id)
        if cached is None:
            index = _index()
            family_of = index.family_of
            own = self.scores.get(occupation_id, 0.0)
            close = index.close.get(occupation_id, ())
            close_sum = sum(self.scores.get(other, 0.0) for other in close)
            close_in_family = sum(
                self.scores.get(other, 0.0) for other in close if family_of.get(other) == family_of.get(occupation_id)
            )
            family = self.family_sums.get(family_of.get(occupation_id, occupation_id), 0.0)
            cached = own + CLOSE_CREDIT * close_sum + FAMILY_CREDIT * (family - own - close_in_family)
            self._smoothed[occupation_id] = cached
        return cached

    def fit(self, job: dict[str, float]) -> float:
        """0..1: how much the resume is about the job's occupations (a cosine, see COSINE_FULL)."""
        if not self.scores or not job:
            return 0.0
        dot = sum(weight * self.smoothed(oid) for oid, weight in job.items())
        cosine = dot / (self.length * math.sqrt(sum(weight * weight for weight in job.values())))
        return min(1.0, cosine / COSINE_FULL)
