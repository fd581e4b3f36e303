"""Per-requirement evidence, verdicts, the calibrated 0-100 score, reasons and gaps."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from pydantic import BaseModel

from skima.engine.dates import merged_years, year_label
from skima.engine.lexicon import (
    MAX_TERM_WORDS,
    ROOT_STOPWORDS,
    canonical,
    family_forms,
    forms_of,
    same_word,
    term_key,
    term_roots,
    word_root,
)
from skima.engine.masking import PLACEHOLDER, restore_quote
from skima.engine.models import (
    CandidateProfile,
    MatchResult,
    PreparedJob,
    Receipt,
    Requirement,
    RequirementResult,
    Verdict,
)
from skima.engine.occupations import CLOSE_CREDIT, OccupationView, kinship, occupation_name, title_occupations
from skima.engine.resume import (
    build_term_index,
    company_names,
    degree_in,
    education_level,
    is_education_line,
    is_title_noun,
    line_keys,
    section_of_header,
)
from skima.engine.seniority import CandidateLevel, Level, candidate_level, read_seniority, title_level
from skima.engine.signals import (
    BLEND_WEIGHTS,
    CALIBRATION_KNOTS,
    blend,
    calibrate,
    lexical_similarity,
    without_must_have,
)

ENGINE_VERSION = "skima-engine/1.7.0"
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
# occupation fit below which none of a career counts towards years asked without a skill, above which all does
CAREER_RELEVANCE_RAMP = (0.15, 0.6)
MAIN_OCCUPATION_WEIGHT = 0.3  # a job's occupations from this weight up are the ones its roles are judged against
OCCUPATION_SHARE = 5 / 6  # of the role requirement; the rest is the best title/headline match
# of the occupation fit, the share the taxonomy's reading takes when both sides are read with full confidence
# (the rest is the embedding similarity above, which also covers occupations outside the taxonomy); on pasted
# resumes full of borrowed skills and boilerplate the taxonomy's reading separates neighbours better than centroids
TAXONOMY_SHARE = 0.8
# a job title read from a field or a title-like line (not guessed from prose) is one whose level may be read
TITLE_CONFIDENT = 0.99


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
    derived: dict[str, Any] = field(default_factory=dict)  # reason/evidence helpers' per-profile values


@dataclass
class _JobView:
    """What matching needs from a prepared job, derived once per job."""

    weights: dict[str, float]
    rounded_weights: dict[str, float]
    matrix: np.ndarray
    query: np.ndarray
    title: np.ndarray
    occupation_label: str | None
    terms: dict[str, list[str]] = field(default_factory=dict)  # requirement id -> its terms, for quoting
    # the occupations the job is mostly about (when read with confidence), for judging each role a resume lists
    occupations: tuple[str, ...] = ()
    # the post's level read from its title (seniority.py), None when the title is not read with confidence
    level: Level | None = None


def _context(profile: CandidateProfile) -> _Context:
    memo = profile.memo()
    ctx = memo.get("ctx")
    if ctx is None:
        ctx = _Context(
            profile=profile,
            index=build_term_index(profile.lines),
            keys=[line_keys(line) for line in profile.lines],
            span_keys=[line_keys(span.text) for span in profile.spans],
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
        weights = effective_weights(job.requirements)
        view = _JobView(
            weights=weights,
            rounded_weights={k: round(v, 4) for k, v in weights.items()},
            matrix=matrix,
            query=job.query_array(),
            title=matrix[role] if role is not None else job.query_array(),
            occupation_label=(
                occupation_name(max(job.occupations, key=lambda o: (job.occupations[o], o)))
                if job.occupations and job.occupation_confidence >= 0.5
                else None
            ),
            terms={r.id: r.terms for r in job.requirements},
            occupations=(
                tuple(sorted(o for o, w in job.occupations.items() if w >= MAIN_OCCUPATION_WEIGHT))
                if job.occupation_confidence >= 0.5
                else ()
            ),
            level=title_level(job.title) if job.title_confidence >= TITLE_CONFIDENT else None,
        )
        memo["view"] = view
    return view


def _candidate_level(ctx: _Context, job_occupations: tuple[str, ...], occupation: float) -> CandidateLevel | None:
    fits = _ramp(occupation, *CAREER_RELEVANCE_RAMP) >= 0.5  # as years count a role (_role_counts)
    memo = ctx.derived.setdefault("level", {})  # per profile, job occupations and fit: the same few recur
    if (job_occupations, fits) not in memo:
        memo[(job_occupations, fits)] = candidate_level(ctx.profile.roles, job_occupations, resume_fits=fits)
    found: CandidateLevel | None = memo[(job_occupations, fits)]
    return found


def _ramp(value: float, low: float, high: float) -> float:
    return float(min(1.0, max(0.0, (value - low) / (high - low))))


def _find_term(ctx: _Context, terms: list[str]) -> int | None:
    """The first line with any of the terms, preferring one without a masked placeholder (a clearer quote); lines
    where a term is only a section header's word, part of an employer's name or of a hyphenated compound do not
    count (see _clean_line)."""
    lines = [line for t in terms if t in ctx.index and (line := _clean_line(ctx, t)) is not None]
    if not lines:
        return None
    first = min(lines)
    if not PLACEHOLDER.search(ctx.profile.lines[first]):
        return first
    padded = [f" {t} " for t in terms]
    keys = _line_info(ctx).keys
    for number in range(first + 1, len(keys)):
        if any(p in keys[number] for p in padded) and not PLACEHOLDER.search(ctx.profile.lines[number]):
            return number
    return first


# words of section headers: a term made only of them ('Technical skills', 'Work history') is not evidenced by the
# header that names the section
_SECTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        "skill technical professional experience work history employment summary education qualification profile "
        "objective career core competency key personal detail project achievement certification training language "
        "interest hobby reference declaration strength academic other additional information area expertise",
    )
)


@dataclass
class _LineInfo:
    """Per profile: the lines that are section headers, and each line's term keys with employers' names left out."""

    headers: frozenset[int]
    keys: list[str]
    changed: frozenset[int]  # lines whose keys differ from ctx.keys (an employer's name was left out)


def _line_info(ctx: _Context) -> _LineInfo:
    info: _LineInfo | None = ctx.derived.get("line_info")
    if info is None:
        keys = list(ctx.keys)
        changed: set[int] = set()
        for number, line in enumerate(ctx.profile.lines):
            spans = company_names(line)
            if spans:
                kept = line
                for start, end in reversed(spans):
                    kept = kept[:start] + " ; " + kept[end:]
                keys[number] = line_keys(kept)
                changed.add(number)
        headers = frozenset(n for n, line in enumerate(ctx.profile.lines) if section_of_header(line) is not None)
        info = _LineInfo(headers=headers, keys=keys, changed=frozenset(changed))
        ctx.derived["line_info"] = info
    return info


_SHORT_TERM = re.compile(r"[a-z]{2,3}")


def _counts_on(ctx: _Context, info: _LineInfo, term: str, number: int) -> bool:
    """Whether the term on this line is evidence: not a header's own words, not inside an employer's name, and a
    short term ('pan', 'ai') standing as a word of its own, not half of a hyphenated compound ('pan-India')."""
    if number in info.headers and all(w in _SECTION_WORDS for w in term.split()):
        return False
    padded = f" {term} "
    if number in info.changed and padded not in info.keys[number] and padded in ctx.keys[number]:
        return False
    if _SHORT_TERM.fullmatch(term):
        line = ctx.profile.lines[number]
        # standalone, or written in capitals as a compound's first half ('AI-driven', 'PAN-OS')
        # ('-ETL -Git' is a list whose bullets lost their spaces, not a compound)
        standalone = rf"(?<!\w-)(?<!\w)(?:(?i:{term}s?)(?!\w|-\w)|{term.upper()}S?(?!\w))"
        return bool(re.search(standalone, line)) or padded not in ctx.keys[number]
    return True


def _clean_line(ctx: _Context, term: str) -> int | None:
    """The first line where the term is evidence (see _counts_on), once per profile and term."""
    memo: dict[str, int | None] = ctx.derived.setdefault("clean_line", {})
    if term in memo:
        return memo[term]
    info = _line_info(ctx)
    first = ctx.index.get(term)
    found: int | None = None
    if first is not None:
        if _counts_on(ctx, info, term, first):
            found = first
        else:
            padded = f" {term} "
            found = next(
                (
                    n
                    for n in range(first + 1, len(ctx.keys))
                    if padded in ctx.keys[n] and _counts_on(ctx, info, term, n)
                ),
                None,
            )
    memo[term] = found
    return found


def _education_evidence(ctx: _Context) -> tuple[str, int] | None:
    """The resume's highest degree line (the first of equals, preferring one without placeholders), once per
    profile."""
    profile, memo = ctx.profile, ctx.derived
    if "education" not in memo:
        best: tuple[int, bool, int] | None = None
        for number, line in enumerate(profile.lines):
            level = education_level(line)
            if level >= 0 and is_education_line(line):
                rank = (-level, bool(PLACEHOLDER.search(line)), number)
                best = rank if best is None or rank < best else best
        memo["education"] = (profile.lines[best[2]], best[2]) if best else None
    found: tuple[str, int] | None = memo["education"]
    return found


def _line_roots(ctx: _Context) -> dict[str, dict[int, list[int]]]:
    """root -> line -> positions of that root among the line's content words, once per profile."""
    table: dict[str, dict[int, list[int]]] | None = ctx.derived.get("roots")
    if table is None:
        table = {}
        for number, keys in enumerate(ctx.keys):
            words = [w for w in keys.split() if w not in ROOT_STOPWORDS]
            for position, word in enumerate(words):
                table.setdefault(word_root(word), {}).setdefault(number, []).append(position)
        ctx.derived["roots"] = table
    return table


def _find_near_term(ctx: _Context, terms: list[str]) -> int | None:
    """A line with every content word of a 2-3 word term side by side, in any order and inflection:
    'qualifying leads' for 'lead qualification', 'MIG/TIG Welder' for 'TIG welding'. Single words are left to the
    exact match, where a shared root is too often a different thing ('accounting', 'Account Executive')."""
    memo: dict[tuple[str, ...], int | None] = ctx.derived.setdefault("near", {})
    key = tuple(terms)
    if key not in memo:
        memo[key] = _near_line(_line_roots(ctx), terms)
    return memo[key]


def _near_line(table: dict[str, dict[int, list[int]]], terms: list[str]) -> int | None:
    found: list[int] = []
    for term in terms:
        roots = term_roots(term)
        if not 2 <= len(roots) <= 3 or len(set(roots)) < len(roots) or any(len(r) < 2 for r in roots):
            continue
        postings = [table.get(root) for root in roots]
        if not all(postings):
            continue
        common = set.intersection(*(set(p) for p in postings if p))
        for number in sorted(common):
            positions = [p[number] for p in postings if p]
            if any(max(c) - min(c) == len(roots) - 1 for c in _combinations(positions)):  # side by side
                found.append(number)
                break
    return min(found) if found else None


def _combinations(positions: list[list[int]]) -> list[tuple[int, ...]]:
    combos: list[tuple[int, ...]] = [()]
    for options in positions:
        combos = [(*c, p) for c in combos for p in options[:4]]
    return combos


# what a requirement's label wraps its core in: 'Strong knowledge of XSL', 'running a WMS', 'Exceptional
# interpersonal skills', 'ACLS certification', 'retail or CPG experience' (on term keys: lower case, plurals singular)
_CORE_LEAD = re.compile(
    r"^(?:(?:strong|solid|good|excellent|exceptional|great|proven|demonstrated|effective|sound|thorough|outstanding|"
    r"superb|very)\s+)*"
    r"(?:(?:(?:working|hands on|in depth|deep|advanced|basic|practical|prior|previous|relevant)\s+)?"
    r"(?:knowledge|understanding|experience|proficiency|familiarity|expertise|background|competence|command|"
    r"skill|ability)\s+(?:of|in|with|using|on|to)\s+)?"
)
_CORE_VERB = re.compile(
    r"^(?:running|using|operating|managing|maintaining|handling|working with|working on|administering|supporting|"
    r"reading|reporting|interpreting|performing|conducting|preparing)\s+(?:(?:a|an|the)\s+)?"
)
_CORE_TAIL = re.compile(
    r"(?:\s+(?:skill|ability|knowledge|experience|proficiency|competency|competence|expertise|certification|"
    r"certificate|certified|endorsement))+$"
)
# objects too common to stand for a requirement once its verb is gone ('managing teams' is not met by 'team')
_COMMON_OBJECTS = frozenset(
    re.findall(
        r"\S+",
        "team people staff data report customer client project task document record stakeholder meeting process "
        "system user employee operation account budget",
    )
)
MAX_CORE_WORDS = 3  # longer labels are competencies, judged by meaning


@lru_cache(maxsize=8192)
def core_phrases(label: str) -> tuple[str, ...]:
    """The phrases a requirement is about, without lead-ins and generic heads, any one enough: 'Exceptional
    interpersonal skills' -> 'interpersonal', 'running a WMS' -> 'wms', 'retail or CPG experience' -> 'retail',
    'cpg'; empty when nothing specific is left or too much is. (A compound without its own head, 'Epic' for 'Epic
    charting', was tried too: it lowered NDCG on structured-a.)"""
    core = _CORE_TAIL.sub("", _CORE_LEAD.sub("", term_key(label)))
    without_verb = _CORE_VERB.sub("", core)
    if without_verb != core and without_verb not in _COMMON_OBJECTS:
        core = without_verb
    phrases: list[str] = []
    for alternative in core.split(" or "):
        content = [w for w in alternative.split() if w not in ROOT_STOPWORDS]
        if content and len(content) <= MAX_CORE_WORDS and not all(w in _SECTION_WORDS for w in content):
            phrases.append(" ".join(content))
    return tuple(dict.fromkeys(phrases))


def _word_table(ctx: _Context) -> dict[str, list[tuple[int, int, str]]]:
    """Per profile: the content words of each line (employers' names left out), by their first four letters."""
    table: dict[str, list[tuple[int, int, str]]] | None = ctx.derived.get("word_table")
    if table is None:
        table = {}
        for number, keys in enumerate(_line_info(ctx).keys):
            for position, word in enumerate(w for w in keys.split() if w not in ROOT_STOPWORDS):
                table.setdefault(word[:4], []).append((number, position, word))
        ctx.derived["word_table"] = table
    return table


def _word_form_line(ctx: _Context, core: str) -> int | None:
    """The first line with every word of the core in some form of it, side by side in any order ('switching'
    for 'switch', 'exceptional interpersonal' for 'interpersonal skills', 'solved problems' for 'problem
    solving')."""
    words = [w for w in core.split() if w not in ROOT_STOPWORDS]
    table = _word_table(ctx)
    info = _line_info(ctx)
    generic = all(w in _SECTION_WORDS for w in words)
    # one word in another form on a job title's line is another thing ('accounting', 'Account Executive')
    titles = {r.line for r in ctx.profile.roles} if len(words) == 1 else set()
    per_word: list[dict[int, list[int]]] = []
    for word in words:
        found: dict[int, list[int]] = {}
        for number, position, other in table.get(word[:4], ()):
            if (
                same_word(word, other)
                and not (generic and number in info.headers)
                and (other == word or number not in titles)
                and (len(other) > 3 or _counts_on(ctx, info, other, number))
            ):
                found.setdefault(number, []).append(position)
        if not found:
            return None
        per_word.append(found)
    for number in sorted(set.intersection(*(set(f) for f in per_word))):
        positions = [f[number] for f in per_word]
        if any(max(c) - min(c) == len(words) - 1 for c in _combinations(positions)):  # side by side
            return number
    return None


def _verified_line(ctx: _Context, req: Requirement) -> int | None:
    """Before a skill is named a gap: the first line that evidences it after all, by its family (PostgreSQL for SQL,
    EC2 for AWS, GitHub for Git), its terms written solid or apart ('Visual Force' for Visualforce), the core of its
    label ('interpersonal' in 'Exceptional interpersonal' for 'Interpersonal skills'), or that core in another word
    form or order ('switching' for 'switch'). Once per profile and requirement."""
    memo: dict[tuple[str, tuple[str, ...]], int | None] = ctx.derived.setdefault("verified", {})
    key = (req.label, tuple(req.terms))
    if key not in memo:
        memo[key] = _verify(ctx, req)
    return memo[key]


def _verify(ctx: _Context, req: Requirement) -> int | None:
    family = [form for t in (req.label, *req.terms) for form in family_forms(t)]
    cores = list(core_phrases(req.label))
    solid = [t.replace(" ", "") for t in (*req.terms, *cores) if " " in t]
    found = _find_term(ctx, family + solid + cores)
    if found is None and cores:
        found = _find_near_term(ctx, cores)
    for core in cores:
        if found is None:
            found = _word_form_line(ctx, core)
    return found


# a licence named as someone else's ('worked alongside RNs', 'as directed by the RN') or as one being worked towards
_OTHERS_BEFORE = re.compile(
    r"\b(?:by|with|alongside|among|assist(?:ed|ing)?|support(?:ed|ing)?|help(?:ed|ing)?|under|liais(?:ed|ing)|"
    r"towards?|pursuing|studying|aspiring|future|becoming|train(?:ed|ing)|not)\s+(?:(?:an?|the|other|our|fellow|"
    r"senior|staff|for|as|of|\w+ing)\s+){0,2}$",
    re.I,
)
_LICENCE_WORDS = re.compile(r"licen[cs]|registration|registered|certified|\bpin\b|#|\bno\.|number", re.I)
_SCHOOL = re.compile(r"\b(?:college|university|school|institute|academy|polytechnic|program|programme|course)\b", re.I)
_NOT_HELD_AFTER = re.compile(
    r"^\W{0,3}(?:students?|programs?|programmes?|school|course|exam|candidates?|apprentices?)\b", re.I
)


def _licence_pattern(key: str) -> re.Pattern[str]:
    """A term key as written in a resume line: each word in any of its few inflected endings, an acronym in capitals."""
    words = key.split()
    if len(words) == 1 and len(key) <= 4:
        return re.compile(rf"(?<![\w-])(?:{re.escape(key.upper())})(?P<plural>s|'s)?(?![\w-])")
    body = r"[\s/.&'-]+".join(rf"{re.escape(w)}(?P<end{i}>[a-z]{{0,3}})" for i, w in enumerate(words))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.I)


def _held(line: str, key: str) -> bool:
    """Whether the line names the licence as the person's own: once at least, not a plural ('RNs', 'registered
    nurses'), not someone else's or one worked towards."""
    if is_education_line(line) and _SCHOOL.search(line) and not _LICENCE_WORDS.search(line):
        return False  # a course or school ('Pre-Nursing RN, Lawson State Community College') is no licence held
    last = key.rsplit(maxsplit=1)[-1]
    for found in _licence_pattern(key).finditer(line):
        groups = found.groupdict()
        ending = groups.get("plural") or groups.get(f"end{len(key.split()) - 1}") or ""
        if ending in ("s", "es", "'s") and not last.endswith("u"):  # 'statu' is 'status' as a term key
            continue
        if _OTHERS_BEFORE.search(line[: found.start()]) or _NOT_HELD_AFTER.match(line[found.end() :]):
            continue
        return True
    return False


def _licence_line(ctx: _Context, terms: list[str]) -> int | None:
    """The line that shows the person holds the licence by one of its terms (see _held), once per profile: one that
    says it is a licence ('Licenses: Class A CDL (NC)') before the first that merely names it (the headline 'Luis
    Alvarez - CDL-A Driver', which quotes a name and no licence)."""
    memo: dict[tuple[str, ...], int | None] = ctx.derived.setdefault("licence", {})
    key = tuple(terms)
    if key not in memo:
        keys = _line_info(ctx).keys
        lines = ctx.profile.lines
        held = [n for n in range(len(lines)) if any(f" {t} " in keys[n] and _held(lines[n], t) for t in terms)]
        memo[key] = min(held, key=lambda n: (not _LICENCE_WORDS.search(lines[n]), n), default=None)
    return memo[key]


def _display(ctx: _Context, text: str, line: int) -> str:
    """A quote from line `line` as the resume wrote it (names, places... that masking changed restored from
    CandidateProfile.originals), worked out once per profile and line."""
    memo = ctx.derived.setdefault("display", {})
    key = (text, line)
    if key not in memo:
        original = ctx.profile.originals.get(line)
        memo[key] = text if original is None else restore_quote(text, ctx.profile.lines[line], original)
    shown: str = memo[key]
    return shown


@lru_cache(maxsize=4096)
def _root_forms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Every form of the terms (the lexicon's aliases too) as a padded sequence of word roots, so 'recruitment'
    meets 'full-cycle recruiting' and 'accounting' meets 'Staff Accountant'."""
    forms: list[str] = []
    for term in terms:
        name = canonical(term)
        for form in (term, *(forms_of(name) if name else ())):
            roots = term_roots(form)
            if roots:
                forms.append(" " + " ".join(roots) + " ")
    return tuple(dict.fromkeys(forms))


def _roots_line(key: str) -> str:
    return " " + " ".join(term_roots(key)) + " "


def _stated_years(ctx: _Context, terms: list[str]) -> float:
    """Years the resume states for any form of the terms ('Recruiting - 6 years', '6 years of recruiting')."""
    forms = _root_forms(tuple(terms))
    return max(
        (years for key, years in ctx.profile.skill_years.items() if any(f in _roots_line(key) for f in forms)),
        default=0.0,
    )


def _role_years(ctx: _Context, terms: list[str]) -> tuple[float, list[tuple[float, float]]]:
    """Years of the roles whose title or block mentions any form of the terms (merged), and those intervals."""
    forms = _root_forms(tuple(terms))
    blocks: list[str] | None = ctx.derived.get("role_roots")
    if blocks is None:  # once per profile
        blocks = []
        for role in ctx.profile.roles:
            blocks.append(_roots_line("".join(ctx.keys[role.line : role.last_line + 1]) + " " + term_key(role.title)))
        ctx.derived["role_roots"] = blocks
    intervals = [
        (role.start, role.end)
        for role, block in zip(ctx.profile.roles, blocks, strict=True)
        if any(f in block for f in forms)
    ]
    return merged_years(intervals), intervals


_QUOTE_LEAD = " \t•·-*#:|;,Ø"  # markdown marks, bullets and separators a quote need not start with
_QUOTE_TAIL = " \t•·-*:|;,Ø"  # ... nor end with ('C#' keeps its '#')


def _trim(text: str) -> str:
    return text.lstrip(_QUOTE_LEAD).rstrip(_QUOTE_TAIL)


# where a quote may start or stop without cutting a thought: sentence ends and list/bullet separators
_CLAUSE_BREAK = re.compile(r"(?<=[.;!?])\s+(?=\S)|(?<!\s)\s+[|•]\s+|(?<!\s)\s+-\s+(?=[A-Z\x00])")
_TERM_TOKEN = re.compile(r"[^\s,;|()/]+")


_cached_key = lru_cache(maxsize=65536)(term_key)  # the same resume lines are quoted against many jobs


def _locate(text: str, terms: list[str]) -> tuple[int, int] | None:
    """Where the first of the terms (term keys) is written in text: 'CI/CD' for 'ci cd', 'k8s' for 'k8s'."""
    return _locate_cached(text, tuple(terms)) if terms else None


@lru_cache(maxsize=8192)
def _locate_cached(text: str, terms: tuple[str, ...]) -> tuple[int, int] | None:
    term_key = _cached_key
    tokens = [t for t in _TERM_TOKEN.finditer(text) if term_key(t.group(0))]  # 'Ø', '-' are not words
    found: dict[str, tuple[int, int]] = {}
    for index in range(len(tokens)):
        for size in range(1, min(MAX_TERM_WORDS, len(tokens) - index) + 1):
            start, end = tokens[index].start(), tokens[index + size - 1].end()
            key = term_key(text[start:end])
            if key in terms and key not in found:
                while end > start and text[end - 1] in ".:":
                    end -= 1
                while start < end and not text[start].isalnum() and text[start] not in ".#":
                    start += 1  # 'ØCRM': a lost bullet glued to the word
                found[key] = (start, end)
    # the skill's own name before an alias ('Java' before 'J2EE')
    exact = next((found[t] for t in terms if t in found), None)
    if exact is not None:
        return exact
    roots = {root for t in terms for root in term_roots(t)}  # written another way ('qualifying leads')
    near = [t for t in tokens if term_key(t.group(0)) and word_root(term_key(t.group(0)).split()[0]) in roots]
    return (near[0].start(), near[-1].end()) if near and near[-1].end() - near[0].start() <= 40 else None


def _plain(marked: str) -> str:
    return marked.replace("\x00", "").replace("\x01", "")


def _quote(text: str, budget: int, anchor: tuple[int, int] | None = None) -> str:
    """At most `budget` characters of text, cut only between words: the clause holding the anchor (the matched
    term) when the whole does not fit, and a window around the anchor when the clause does not either."""
    marked = text  # the anchor rides along as two sentinel characters through the clean-up
    if anchor is not None and 0 <= anchor[0] < anchor[1] <= len(text):
        marked = f"{text[: anchor[0]]}\x00{text[anchor[0] : anchor[1]]}\x01{text[anchor[1] :]}"
    marked = re.sub(r"\s+", " ", marked)
    if len(re.findall(r"(?:^|\s)[Ø\uf0b7\uf0a7]", marked)) >= 2:  # a run of bullets that lost their glyph
        marked = re.sub(r"(^|\s)(\x00?)[Ø\uf0b7\uf0a7]\s*", r"\1\2· ", marked)
    marked = _trim(marked)
    if len(_plain(marked)) > budget:
        pieces = [_trim(p) for p in _CLAUSE_BREAK.split(marked)]
        if "\x00" in marked:
            holding = next((p for p in pieces if "\x00" in p and "\x01" in p), marked)
            # a clause that is one item of a list says little: show the item among its neighbours instead
            marked = holding if len(_plain(holding)) >= budget // 2 else marked
        elif pieces and len(pieces[0].split()) >= 4:  # not a lone header ('Skills - SEO - jQuery - ...')
            marked = pieces[0]
    plain = _plain(marked)
    if len(plain) <= budget:
        return plain
    anchor_at = anchor_end = 0
    if "\x00" in marked and "\x01" in marked:
        anchor_at, anchor_end = marked.index("\x00"), marked.index("\x01") - 1
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", plain)]
    first = 0
    if anchor_at > budget // 3:  # a little context before the anchor, as much after it as fits
        first = next((i for i, (_, end) in enumerate(words) if end > anchor_at - budget // 4), 0)
    last = first
    while last + 1 < len(words) and words[last + 1][1] - words[first][0] + 2 <= budget:
        last += 1
    while words[last][1] < anchor_end and last + 1 < len(words) and first < last:
        first, last = first + 1, last + 1  # the anchor must show: slide the window right
        while words[last][1] - words[first][0] + 2 > budget and first < last:
            first += 1
    body = plain[words[first][0] : words[last][1]].rstrip(",;:-–—|•·( ").lstrip(",;:-–—|•·) ")
    if len(body) > budget - 2:  # one word longer than the budget
        body = body[: budget - 2]
    return f"{'…' if first > 0 else ''}{body}{'…' if last < len(words) - 1 else ''}"


@lru_cache(maxsize=16384)  # the same line is quoted for the same skill against many jobs
def _fit(prefix: str, quote_text: str, suffix: str = "", anchor: tuple[int, int] | None = None) -> str:
    """'prefix "quote"suffix' in MAX_REASON_CHARS, shortening the quote (never cutting a word) and, if need be,
    the prefix."""
    if len(prefix) > 40:
        prefix = prefix[:38].rsplit(" ", 1)[0].rstrip(",:;-") + ": "
    budget = MAX_REASON_CHARS - len(prefix) - len(suffix) - 2
    return f'{prefix}"{_quote(quote_text, max(budget, 12), anchor)}"{suffix}'


def _construct[ModelT: BaseModel](cls: type[ModelT], values: dict[str, Any]) -> ModelT:
    """A model from values built (and typed) here, without validation: what model_construct does, minus its
    per-field bookkeeping, which dominated the cost of a match. `values` must name every field."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


# a line that lists credentials or skills rather than work: 'Licenses: Class A CDL', 'CDL training: ...',
# 'TECHNICAL SKILLS: R, Python', 'Core Competencies ...'
_CREDENTIAL = re.compile(
    r"^\W*+(?:[\w-]+\s){0,2}?(?:certifi\w*|licen[cs]\w*|training|courses?|skills?|competenc\w*)\b", re.I
)


def _role_evidence_span(ctx: _Context, sims: np.ndarray) -> int | None:
    """The span closest to the role among those that could say what the person does: no degree, school,
    course or licence line."""
    spans = ctx.profile.spans
    usable = [
        i
        for i, span in enumerate(spans)
        if span.kind != "skills" and not is_education_line(span.text) and not _CREDENTIAL.match(span.text)
    ]
    return max(usable, key=lambda i: (float(sims[i]), -i)) if usable else None


def _role_counts(title: str, job_occupations: tuple[str, ...], relevance: float) -> bool:
    """Whether a role's years count towards years asked without a skill: a title the taxonomy knows counts when it
    is the job's occupation or a close neighbour's ('Warehouse associate' is no truck-driving year); any other role
    counts as far as the resume as a whole is of the job's occupation."""
    held = title_occupations(title)
    if held and job_occupations:
        return max(kinship(h, j) for h in held for j in job_occupations) >= CLOSE_CREDIT
    return relevance >= 0.5


def _years_credit(years_found: float, wanted: float) -> tuple[float, Verdict]:
    share = max(0.0, min(1.0, years_found / wanted)) if wanted else 1.0
    verdict: Verdict = "met" if share >= 0.999 else "partial" if share >= 0.6 else "missing"
    return share**1.5, verdict


def _years_agree(job: PreparedJob, results: list[RequirementResult]) -> None:
    """One result, one count of years: the years held under a title the job asks for ('4 years as an Interpreter')
    are related experience too, so years asked without a subject are never fewer."""
    memo = job.memo()
    kinds: dict[str, tuple[bool, float]] | None = memo.get("years_kinds")
    if kinds is None:  # per job: requirement id -> (asked as a title's years, years asked), for subjectless years
        kinds = {
            r.id: (bool(_title_subject(r.label)), r.min_years or 0.0)
            for r in job.requirements
            if r.kind == "experience" and not r.terms
        }
        memo["years_kinds"] = kinds
    if not any(titled for titled, _ in kinds.values()):
        return
    titled = [r for r in results if r.id in kinds and kinds[r.id][0]]
    most = max(titled, key=lambda r: r.years_found or 0.0)
    years = most.years_found or 0.0
    for result in results:
        kind = kinds.get(result.id)
        if kind is None or kind[0] or (result.years_found or 0.0) >= years:
            continue
        result.years_found, result.evidence = years, most.evidence
        satisfaction, result.verdict = _years_credit(years, kind[1])
        result.satisfaction = round(satisfaction, 4)


def evaluate_requirement(
    req: Requirement,
    sims: np.ndarray,
    ctx: _Context,
    *,
    occupation: float = 0.0,
    job_occupations: tuple[str, ...] = (),
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
        # the reason quotes a title the resume holds; without one, the closest line that is not a degree,
        # course or licence ('CDL training: Central Piedmont Community College' says nothing of a role held)
        if top_title >= 0:
            evidence, evidence_line, similarity = spans[top_title].text, spans[top_title].line, title_sim
        else:
            held = _role_evidence_span(ctx, sims)
            evidence = spans[held].text if held is not None else None
            evidence_line = spans[held].line if held is not None else None
        verdict = "met" if satisfaction >= 0.75 else "partial" if satisfaction >= 0.35 else "missing"
        named = _clean_line(ctx, key) if verdict == "missing" and key else None
        if named is not None:  # the resume names the title itself: a weak fit, but never 'not found'
            verdict = "partial"
            if not exact:
                evidence, evidence_line = profile.lines[named], named
    elif req.licence:
        # held or not: only the licence itself or what a reader accepts for it counts, never a similar line
        line = _licence_line(ctx, req.terms)
        if line is not None:
            exact, verdict, satisfaction = True, "met", 1.0
            evidence, evidence_line = profile.lines[line], line
    elif req.kind in ("skill", "certification"):
        line = _find_term(ctx, req.terms)
        if line is None:
            line = _find_near_term(ctx, req.terms)
        if line is not None:
            exact, verdict, satisfaction = True, "met", 1.0
            evidence, evidence_line = profile.lines[line], line
        else:
            # no exact term: a close paraphrase ('Organised travel' for 'travel arrangements') counts in part
            satisfaction = 0.8 * _ramp(similarity, 0.5, 0.85)
            verdict = "met" if similarity >= SKILL_MET_SIMILARITY else "partial" if similarity >= 0.62 else "missing"
            verified = _verified_line(ctx, req)
            if verified is not None:
                # written another way: quoted and never 'not found', but the score is left as it was (counting it
                # in full lowered the held-out dev sets' NDCG under the fitted blend)
                exact, evidence, evidence_line = True, profile.lines[verified], verified
                verdict = "met" if verdict == "met" else "partial"
    elif req.kind == "experience":
        wanted = req.min_years or 0.0
        if req.terms:
            stated = _stated_years(ctx, req.terms)
            by_roles, intervals = _role_years(ctx, req.terms)
            present = _find_term(ctx, req.terms) is not None
            years_found = max(stated, by_roles)
            if years_found == 0.0 and present:
                # the skill is there but not tied to dated roles: the career length is an upper bound
                years_found = profile.total_years * 0.8
        else:
            # No skill to tie years to ('5+ years of professional software development', '3+ years experience'):
            # the career counts as far as the resume is of the job's occupation, so a recruiter's eight years are
            # not eight years of software development.
            relevance = _ramp(occupation, *CAREER_RELEVANCE_RAMP)
            memo = ctx.derived.setdefault("career", {})  # per profile: the same few occupations recur across jobs
            career_key = (job_occupations, relevance >= 0.5)
            if career_key not in memo:
                memo[career_key] = [
                    (r.start, r.end) for r in profile.roles if _role_counts(r.title, job_occupations, relevance)
                ]
            intervals = list(memo[career_key])
            if profile.roles and job_occupations:  # each role judged by its own title where the taxonomy knows it
                years_found = merged_years(intervals)
            else:
                years_found = round(profile.total_years * relevance, 1)
                intervals = intervals if relevance >= 1.0 else []
            title = _title_subject(req.label)
            if title:  # '4 years as an Interpreter': the roles held under that title count, whatever the occupation
                by_title, titled_roles = _role_years(ctx, [title])
                if by_title > years_found:
                    years_found, intervals = by_title, titled_roles
        satisfaction, verdict = _years_credit(years_found, wanted)
        if intervals:
            start, end = min(a for a, _ in intervals), max(b for _, b in intervals)
            evidence = year_label(start, end, profile.as_of)
        elif years_found:
            career = profile.total_years
            evidence = f"within a {career:.0f}-yr career" if years_found < career else "stated"
    elif req.kind == "education":
        wanted_level = req.education_level or 2
        level = profile.education_level
        satisfaction = 1.0 if level >= wanted_level else 0.5 if level == wanted_level - 1 else 0.0
        verdict = "met" if satisfaction == 1.0 else "partial" if satisfaction > 0 else "missing"
        found = _education_evidence(ctx) if level >= 0 else None
        # the degree line itself, never whatever span happens to be closest to 'Bachelor's degree in ...'
        evidence, evidence_line = found if found else (None, None)
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
            "licence": req.licence,
        },
    )


def _group(kind: str) -> str:
    return "skill" if kind == "certification" else kind


def effective_weights(requirements: list[Requirement]) -> dict[str, float]:
    """Each requirement's share of the score (sums to 1 with the 'overall' similarity share)."""
    groups: dict[str, float] = {}
    for req in requirements:
        groups[_group(req.kind)] = groups.get(_group(req.kind), 0.0) + req.weight
    # a title the job reading only guessed (see Requirement.confidence) carries less of the score; never none of it
    role_confidence = min((r.confidence for r in requirements if r.kind == "role"), default=1.0)
    present = {g: GROUP_SHARES[g] * (max(role_confidence, 0.2) if g == "role" else 1.0) for g in groups}
    total_share = sum(present.values())
    return {
        req.id: present[_group(req.kind)] / total_share * req.weight / groups[_group(req.kind)] for req in requirements
    }


def document_signals(job: PreparedJob, profile: CandidateProfile) -> dict[str, float]:
    """The whole-document signals of a pair (see signals.py), rounded as the receipt shows them."""
    job_doc = job.doc_array()
    return {
        "head": round(float(job_doc @ profile.head_array()), 4),
        "centroid": round(float(job_doc @ profile.doc_array()), 4),
        "lexical": round(lexical_similarity(job.lexical, profile.lexical), 4),
    }


_YEARS_LEAD = re.compile(
    r"^\D{0,12}?(\d+(?:\.\d+)?)\s*\+?\s*(?:(?:-|to)\s*\d+\+?\s*)?(?:years?|yrs?|(months?))'?\s*(?:of\s+)?", re.I
)
_DANGLING = re.compile(
    r"(?<!\s)(?:\s+(?:or|and|a|an|the|of|in|with|as|at|for|to|similar|related|equivalent|role))+\s*$", re.I
)
_DANGLING_TAIL = 200


def _experience_subject(label: str) -> str:
    """'6+ years of experience as a backend engineer or similar role' -> 'experience as a backend engineer'."""
    subject = _YEARS_LEAD.sub("", label)
    subject = re.sub(r"(?<!\s)\s+or\s+(?:a\s+)?(?:similar|related|equivalent)\b.*$", "", subject, flags=re.I)
    # only the tail is searched: from every word of a long run of fillers the pattern would rescan the run
    dangling = _DANGLING.search(subject, max(0, len(subject) - _DANGLING_TAIL))
    if dangling is not None:
        subject = subject[: dangling.start()]
    return subject.strip(" ,.;:") or "experience"


_GENERIC_EXPERIENCE = re.compile(
    r"(?:(?:professional|relevant|related|work|working|industry|overall|total|hands-on|practical)\s+)*"
    r"(?:work\s+)?experience",
    re.I,
)
_EDUCATION_LABEL = re.compile(r"\b(?:education|qualifications?|academics?)(?:\s+details)?\s*[:\-]?\s*", re.I)


_AS_TITLE = re.compile(r"(?:^|\s)as\s+(?:an?\s+|the\s+)?(?P<title>[\w/&. -]{2,40}?)$", re.I)
_TITLE_EXPERIENCE = re.compile(r"^(?P<title>[\w/&. -]{2,40}?)\s+(?:work\s+)?experience$", re.I)
_TITLE_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ee)$", re.I)


@lru_cache(maxsize=4096)
def _title_subject(label: str) -> str:
    """The title years are asked in, as a term key: '4 years as an Interpreter' -> 'interpreter', '5+ years of
    Dancer experience' -> 'dancer'; empty when the years are of something else ('3 years of sales experience')."""
    subject = _experience_subject(label)
    if _GENERIC_EXPERIENCE.fullmatch(subject):
        return ""
    held = _AS_TITLE.search(subject)
    if held:
        title = held.group("title")
    else:
        named = _TITLE_EXPERIENCE.match(subject)
        title = named.group("title") if named else ""
        last = title.split()[-1] if title else ""
        if not (is_title_noun(last) or _TITLE_ENDING.search(last)):
            return ""
    key = term_key(title)
    return key if 1 <= len(key.split()) <= 4 and not _GENERIC_EXPERIENCE.fullmatch(title) else ""


def _head_noun(title: str) -> str:
    """The root of a title's last word, what kind of job it names: 'Local delivery driver' -> 'driver'."""
    words = term_key(title).split()
    return word_root(words[-1]) if words else ""


def _years_figure(years: float, *, short: bool) -> str:
    """Whole years for a requirement met ('10' for 9.9); for one short of its ask, tenths rounded down ('7.9' beside
    'asked 8+', never '8'), and whole years only from ten."""
    if not short:
        return str(max(1, round(years))) if years >= 0.95 else f"{math.floor(years * 10 + 1e-9) / 10:.1f}"
    if years >= 10:
        return str(math.floor(years))
    tenths = math.floor(years * 10 + 1e-9)
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths / 10:.1f}"


def _period_figure(years: float, *, short: bool) -> str:
    """Years found as a reason or a gap words them: '2.3 yrs', or months under a year ('4 months', not '0.3 yrs')."""
    if years >= 1 - 1e-9 or years <= 0:
        figure = _years_figure(years, short=short)
        return f"{figure} {'yr' if figure == '1' else 'yrs'}"
    months = max(1, math.floor(years * 12 + 1e-9) if short else round(years * 12))
    return f"{months} month{'s' if months > 1 else ''}"


def _reason(result: RequirementResult, profile: CandidateProfile, terms: list[str] | None = None) -> str:
    label = result.label
    if result.kind == "experience":
        years = result.years_found or 0.0
        subject = _experience_subject(label)
        if not terms and not _GENERIC_EXPERIENCE.fullmatch(subject):
            # years asked without a skill count the career as far as it is of the job's occupation: they are
            # related years, not years of what the posting names ('critical care experience as an RN')
            subject = "related experience"
        evidence = f" ({result.evidence})" if result.evidence else ""
        figure = _period_figure(years, short=result.verdict != "met")
        text = f"{figure} {subject}{evidence}"
        asked = _YEARS_LEAD.match(label)
        if result.verdict != "met" and asked:
            text += f"; asked {asked.group(1)}+{' months' if asked.group(2) else ''}"
        if len(text) > MAX_REASON_CHARS:
            text = f"{figure} {subject}"[: MAX_REASON_CHARS - len(evidence)].rsplit(" ", 1)[0] + evidence
        return text[:MAX_REASON_CHARS]
    quote = result.evidence or ""
    if result.kind == "role":
        held = [r for r in profile.roles if r.line == result.evidence_line or r.title.lower() == quote.lower()]
        if not held and quote:
            # a headline ('CDL-A Driver') is dated by the roles held under the same kind of title ('Regional driver'),
            # when the latest role is one of them (a headline says what the person does now)
            head = _head_noun(quote)
            held = [r for r in profile.roles if head and _head_noun(r.title) == head]
            latest = max(profile.roles, key=lambda r: (r.end, r.start), default=None)
            held = held if latest in held else []
        suffix = f" ({year_label(min(r.start for r in held), max(r.end for r in held), profile.as_of)})" if held else ""
        return _fit("Role: ", quote, suffix)
    if result.kind in ("skill", "certification"):
        prefix = f"{label}: " if result.exact else f"Related to {label}: "
        anchor = _locate(quote, terms or []) if result.exact else None
        if anchor is None:
            position = quote.lower().find(label.lower())
            anchor = (position, position + len(label)) if position >= 0 else None
        return _fit(prefix, quote, anchor=anchor)
    if result.kind == "education":
        _, degree = degree_in(quote)
        # start at the degree's own label when a pasted line runs into it ('... TensorFlow Education: B.Tech ...')
        labels = list(_EDUCATION_LABEL.finditer(quote[: quote.find(degree)] if degree else quote))
        if labels:
            quote = quote[labels[-1].end() :]
        position = quote.find(degree) if degree else -1
        return _fit("Education: ", quote, anchor=(position, position + len(degree)) if position >= 0 else None)
    return _fit("Did similar work: ", quote)


def _gap(result: RequirementResult) -> str:
    if result.kind == "experience" and result.years_found:
        found = _period_figure(result.years_found, short=True)
        return f"not found in resume: {result.label} (about {found} found)"[:120]
    return f"not found in resume: {result.label}"


def _gaps(missing: list[RequirementResult], job: PreparedJob) -> list[str]:
    """Gap lines, strongest first; the halves of an 'X and Y' requirement missing together are named as one, and
    a requirement named inside another's gap ('C#' in '3+ years of commercial C# development') is not repeated."""
    gaps = _joined_gaps(missing, job)
    if len(gaps) < 2:
        return gaps
    padded = [f" {_quote_key(gap.removeprefix(_GAP_PREFIX).split(' (about ')[0])} " for gap in gaps]
    # one search per gap over all labels: a label found more than once is inside another (gaps are distinct)
    every = "\n".join(padded)
    # a required licence is always named, even when another gap's words hold it ('CPA' in 'CPA firm experience')
    must_have = {_gap(r) for r in missing if r.licence and r.required}
    return [gap for gap, label in zip(gaps, padded, strict=True) if gap in must_have or every.count(label) < 2]


_GAP_PREFIX = "not found in resume: "


def _joined_gaps(missing: list[RequirementResult], job: PreparedJob) -> list[str]:
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


def _clip(text: str) -> str:
    if len(text) <= MAX_REASON_CHARS:
        return text
    if text.startswith(_GAP_PREFIX) and " (about " in text:  # the gap itself matters more than the years found
        return _clip(text.split(" (about ", maxsplit=1)[0])
    return text[: MAX_REASON_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:-(") + "…"


def _usage_line(result: RequirementResult, terms: list[str], ctx: _Context) -> None:
    """Quote a skill from where it was used (a bullet under a dated role) rather than from a list or the summary,
    when the resume has both; lines with a masked placeholder come last."""
    memo = ctx.derived.setdefault("usage", {})
    key = tuple(terms)
    if key not in memo:
        info = _line_info(ctx)
        lines = [
            n
            for n, keys in enumerate(info.keys)
            if any(f" {t} " in keys and _counts_on(ctx, info, t, n) for t in terms)
        ]
        in_role = {n for r in ctx.profile.roles for n in range(r.line + 1, r.last_line + 1)}
        rank = {n: (bool(PLACEHOLDER.search(ctx.profile.lines[n])), n not in in_role, n) for n in lines}
        memo[key] = min(lines, key=rank.__getitem__) if len(lines) >= 2 else None
    best: int | None = memo[key]
    if best is None:
        return
    if best != result.evidence_line:
        result.evidence, result.evidence_line = _display(ctx, ctx.profile.lines[best], best), best


@lru_cache(maxsize=16384)
def _quote_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _positive_reasons(ranked: list[RequirementResult], job: PreparedJob, ctx: _Context) -> list[str]:
    """Up to 5 reasons, strongest first; skills quoted from the same line share one bullet, and a quote already
    shown (the role's title, say) is not shown again."""
    terms_of = _job_view(job).terms
    reasons: list[str] = []
    skills_on_line: dict[int, tuple[int, list[RequirementResult]]] = {}
    quoted: set[str] = set()
    for result in ranked:
        exact_skill = result.kind in ("skill", "certification") and result.exact
        if exact_skill and not result.licence:  # a licence is quoted where it is shown held (see _held)
            _usage_line(result, terms_of.get(result.id, []), ctx)
        line = result.evidence_line
        if exact_skill and line is not None and line in skills_on_line:
            slot, group = skills_on_line[line]
            labels = ", ".join(r.label for r in [*group, result])
            if len(labels) <= 36:
                group.append(result)
                merged = group[0].model_copy(update={"label": labels})
                reasons[slot] = _reason(merged, ctx.profile, terms_of.get(group[0].id, []))
            continue
        key = _quote_key(result.evidence or "")
        if result.kind != "experience" and key in quoted:
            continue
        reason = _reason(result, ctx.profile, terms_of.get(result.id, []))
        if not reason or reason in reasons:
            continue
        quoted.add(key)
        if exact_skill and line is not None:
            skills_on_line[line] = (len(reasons), [result])
        reasons.append(reason)
        if len(reasons) >= 5:
            break
    return reasons


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
        "calibration": {f"{value:g}": score for value, score in CALIBRATION_KNOTS},
        "blend_weights": dict(BLEND_WEIGHTS),
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
        evaluate_requirement(
            req,
            sims[i],
            ctx,
            occupation=occupation,
            job_occupations=view.occupations,
            best=bests[i],
            best_similarity=best_sims[i],
        )
        for i, req in enumerate(job.requirements)
    ]
    _years_agree(job, results)
    raw = sum(weights[r.id] * r.satisfaction for r in results)
    signals = document_signals(job, profile)
    blended = blend(raw, signals)
    seniority = read_seniority(view.level, _candidate_level(ctx, view.occupations, occupation), profile.as_of, blended)
    blended += seniority.adjustment if seniority else 0.0
    # last, so that nothing lifts a pair that lacks a required licence back into 'strong'
    lacking = [r.label for r in results if r.licence and r.required and r.verdict == "missing"]
    penalty = 0.0
    if lacking:
        lowered = without_must_have(blended)
        penalty, blended = blended - lowered, lowered
    score = calibrate(blended)
    if profile.originals:  # the score is settled on masked text; what is shown quotes the resume itself
        for result in results:
            line = result.evidence_line
            if result.evidence and line is not None and line in profile.originals:
                result.evidence = _display(ctx, result.evidence, line)

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
        # a missing licence the job requires is named first: no other gap matters as much
        key=lambda r: (not (r.licence and r.required), -weights[r.id], r.id),
    )
    gap_list = _gaps([r for r in missing if r.kind != "responsibility"], job)
    if seniority and seniority.note:  # what lowered the score is shown, after the strongest missing requirement
        gap_list.insert(min(1, len(gap_list)), seniority.note)
    # a requirement named as a gap is not also a reason ('Related to JavaScript: "jQuery"' beside the gap)
    gap_ids = {r.id for r in missing if r.kind != "responsibility"}
    positives = _positive_reasons([r for r in ranked if r.id not in gap_ids], job, ctx)
    shown = gap_list[: 2 if seniority and seniority.note in gap_list[:2] else 1]
    reasons = positives[: 5 - len(shown)] + [_clip(gap) for gap in shown]
    extra = iter(gap_list[len(shown) :] + positives[5 - len(shown) :])
    while len(reasons) < 3:
        item = next(extra, None)
        if item is None:
            break
        reasons.append(_clip(item))
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
            "receipt": _construct(
                Receipt,
                {
                    **receipt_base,
                    "raw_score": round(raw, 4),
                    "signals": signals,
                    "blended": round(blended, 4),
                    "must_have_missing": lacking,
                    "must_have_penalty": round(penalty, 4),
                    "seniority": seniority,
                },
            ),
        },
    )
