"""Job description -> requirements: the role, skills, years, education, certifications, responsibilities,
each marked required or preferred."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from skima.engine.lexicon import (
    ALIAS_TO_CANONICAL,
    CERTIFICATIONS,
    ROLE_NOUNS,
    WEAK_ALIASES,
    forms_of,
    spelled_variants,
    term_key,
    term_roots,
)
from skima.engine.models import Requirement, RequirementKind
from skima.engine.resume import _protect_case, education_level
from skima.engine.text import clean_text


class JobTextError(ValueError):
    """The job description is empty or has nothing that can be matched."""


_SECTION_RULES: list[tuple[str, tuple[str, ...]]] = [
    (
        "ignore",
        (
            "about us",
            "about the company",
            "who we are",
            "benefit",
            "perks",
            "we offer",
            "compensation",
            "salary",
            "why join",
            "equal opportunit",
            "how to apply",
            "our company",
            "about the team",
            "what we offer",
            "location",
        ),
    ),
    (
        "preferred",
        (
            "preferred",
            "nice to have",
            "nice-to-have",
            "bonus",
            "plus",
            "desired",
            "desirable",
            "good to have",
            "advantage",
            "optional",
        ),
    ),
    (
        "responsibilities",
        (
            "responsibilit",
            "what you'll do",
            "what you will do",
            "duties",
            "the role",
            "day to day",
            "day-to-day",
            "your impact",
            "you will",
            "key tasks",
            "job description",
            "role overview",
            "about the role",
            "overview",
            "summary",
            "mission",
        ),
    ),
    ("education", ("education", "academic")),
    (
        "required",
        (
            "requirement",
            "qualification",
            "must have",
            "must-have",
            "what you bring",
            "looking for",
            "who you are",
            "required",
            "skill",
            "experience",
            "essential",
            "competenc",
            "you have",
            "technical",
            "tech stack",
            "tools",
            "certification",
            "need",
        ),
    ),
]
_TITLE_FIELD = re.compile(r"^\W*(?:job\s+title|title|position|role|job|opening|vacancy)\s*[:\-–]\s*(.+)$", re.I)
_SEEKING = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for|recruiting)\s+(?:an?\s+|our next\s+)?"
    r"(.{3,60}?)(?=\s+(?:to|who|with|at|in|for|that)\b|[.,;:!]|$)",
    re.I,
)
_ROLE_NOUN_RE = re.compile(r"\b(?:" + "|".join(ROLE_NOUNS) + r")s?\b", re.I)
_PREFERRED_MARK = re.compile(
    r"\b(?:preferred|preferably|nice to have|nice-to-have|a plus|is a plus|bonus|"
    r"ideally|desirable|advantageous|good to have|optional)\b",
    re.I,
)
_YEARS = re.compile(r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:-|–|to)?\s*(?:\d{1,2})?\s*\+?\s*(?:years?|yrs?)", re.I)
_LEAD_IN = re.compile(
    r"^(?:(?:must\s+have|should\s+have|required|you\s+have|you\s+bring|need|needs|we\s+need)\s*[:\-]?\s*)?"
    r"(?:(?:strong|solid|good|proven|excellent|deep|hands[- ]on|working|practical|expert|advanced|basic|"
    r"demonstrated|extensive|professional|some|prior)\s+)*"
    r"(?:(?:experience|expertise|proficiency|knowledge|understanding|familiarity|skills?|background|"
    r"exposure|fluency|command)\s*(?:in|with|of|using|on|:)?\s+)?"
    r"(?:(?:technical\s+skills|required\s+skills|skills|tools|tech\s+stack|stack|technologies)\s*[:\-]\s*)?",
    re.I,
)
_STOP_ITEMS = {
    "etc",
    "others",
    "other",
    "similar",
    "equivalent",
    "related",
    "tools",
    "technologies",
    "the like",
    "e g",
    "eg",
    "ie",
    "more",
    "any",
    "a",
    "an",
    "the",
}
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\]%])[.;!?]\s+(?=[A-Z(])")
# sentences about the employer rather than the work ("Acme is a growing fintech with 200 employees")
_ABOUT_EMPLOYER = re.compile(
    r"\b(?:we are an?|we're an?|our (?:team|company|mission|customers|clients|culture|people)|"
    r"is an? (?:[\w-]+\s){0,4}(?:company|firm|business|leader|provider|startup|organisation|organization|group)|"
    r"builds? products|is (?:expanding|growing)|\d+\s+(?:employees|people|staff)|people who care|"
    r"equal opportunity)\b",
    re.IGNORECASE,
)


def _about_employer(sentence: str) -> bool:
    return bool(_ABOUT_EMPLOYER.search(sentence)) and not _known_terms(sentence) and not _YEARS.search(sentence)


# Linear time: leading blanks only from where their run starts, and a bracket's content never holds another
# opening bracket (so a run of '(' without a closer is not rescanned from each one).
_TITLE_NOISE = re.compile(
    r"(?:(?<!\s)\s+)?[(\[][^()\[\]\n]*[)\]]|\b(?:job description|jd|urgent(?:ly)?|hiring|opening)\b[:\-]?", re.I
)
_SENIORITY = {
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "principal",
    "staff",
    "mid",
    "level",
    "i",
    "ii",
    "iii",
    "entry",
    "associate",
    "head",
    "chief",
    "intern",
    "trainee",
    "experienced",
}


@dataclass
class _Line:
    text: str
    section: str
    bullet: bool


def _classify_header(line: str) -> str | None:
    stripped = line.strip().lstrip("#").strip().rstrip(":").strip()
    words = stripped.split()
    if not words or len(words) > 7:
        return None
    is_header = (
        line.lstrip().startswith("#")
        or line.rstrip().endswith(":")
        or stripped.isupper()
        or (len(words) <= 4 and not stripped.endswith(".") and not line.startswith("•"))
    )
    if not is_header:
        return None
    lowered = stripped.lower()
    for section, keys in _SECTION_RULES:
        if any(key in lowered for key in keys):
            return section
    return None


def _raw_title(lines: list[str]) -> str:
    """The text the job's title is taken from, before clean-up (qualifiers and location still in it)."""
    for line in lines[:12]:
        match = _TITLE_FIELD.match(line)
        if match and len(match.group(1).split()) <= 12:
            return match.group(1)
    for line in lines[:6]:
        if line.lstrip().startswith("#") and _ROLE_NOUN_RE.search(line):
            return line.lstrip("# ")
    first = lines[0] if lines else ""
    if first and len(first.split()) <= 10 and not first.endswith(".") and _classify_header(first) != "ignore":
        return first.lstrip("# ")
    for line in lines[:10]:
        match = _SEEKING.search(line)
        if match and _ROLE_NOUN_RE.search(match.group(1)):
            return match.group(1)
    return first[:80]


def extract_title(lines: list[str]) -> str:
    return _clean_title(_raw_title(lines))[:80]


def role_query(raw_title: str, title: str) -> str:
    """What the role is embedded as: the title plus the qualifiers that say which kind of it
    ('Software Engineer - Python/Django - Pune' -> 'Software Engineer (Python/Django)'). A qualifier counts when
    it is in brackets or names a known skill; other dash segments are usually a place and are left out."""
    segments = re.split(r"\s[|@–—-]\s|,\s", raw_title)
    qualifiers = [inner.strip() for inner in re.findall(r"\(([^)]{2,40})\)", segments[0])]
    for raw_segment in segments[1:]:
        segment = re.sub(r"\([^)]*\)", " ", raw_segment).strip()
        if segment and _known_terms(segment) and len(segment.split()) <= 4:
            qualifiers.append(segment)
    qualifiers = [q for q in qualifiers if q.lower() not in title.lower()]
    if not qualifiers:
        return title
    text = f"{title} ({', '.join(qualifiers)})"
    return text.title() if text.isupper() else text


def _clean_title(text: str) -> str:
    text = _TITLE_NOISE.sub(" ", text)
    parts = [p.strip() for p in re.split(r"\s[|@–—-]\s|,\s|\sat\s", text) if p.strip()]
    chosen = next((p for p in parts if _ROLE_NOUN_RE.search(p)), parts[0] if parts else text)
    return re.sub(r"\s+", " ", chosen).strip(" .:-")


def role_key(title: str) -> str:
    """A title's core for exact matching: 'Senior Backend Engineer (Remote)' -> 'backend engineer'."""
    return " ".join(w for w in term_key(title).split() if w not in _SENIORITY)


def _known_terms(text: str) -> list[tuple[str, str]]:
    """(surface text, canonical) for lexicon terms in text, longest first, no overlaps."""
    protected = _protect_case(text)
    tokens = term_key(protected).split()
    raw_words = re.findall(r"[^\s,;()]+", protected)
    found: list[tuple[str, str]] = []
    used: set[int] = set()
    for size in (4, 3, 2, 1):
        for start in range(0, len(tokens) - size + 1):
            span = set(range(start, start + size))
            if span & used:
                continue
            gram = " ".join(tokens[start : start + size])
            canonical = ALIAS_TO_CANONICAL.get(gram)
            if canonical and gram not in WEAK_ALIASES:
                used |= span
                surface = " ".join(raw_words[start : start + size]) if len(raw_words) == len(tokens) else canonical
                found.append((surface.strip(".:;"), canonical))
    return found


_MARKS = re.compile(
    r"\((?:required|preferred|a plus|nice to have|mandatory|must|essential|desired|optional)\)|"
    r"\b(?:is\s+)?(?:a\s+)?(?:plus|required|mandatory|preferred|desired)\s*$",
    re.I,
)
_TRAILER = re.compile(
    r"(?<!\s)\s+(?:experience|skills?|knowledge|expertise|background|proficiency|abilities|"
    r"certification|certificate|certified|license|licence|exposure)\s*$",
    re.I,
)
_LEAD_WORDS = re.compile(
    r"^(?:(?:proven|demonstrated|strong|solid|excellent|good|working|hands[- ]on|"
    r"practical|advanced|basic|deep|extensive|prior|current|valid|active|must hold an?|familiarity with|"
    r"comfortable (?:with|using)|familiar with|fluent in|"
    r"(?:experience|background|knowledge|proficiency|expertise|exposure|skills?|understanding)"
    r"\s+(?:with|in|of|using|on))\s+)",
    re.I,
)


# 'a insurance claims setting', 'the retail industry': the domain is the requirement, not the setting ('a
# fast-paced environment' is left alone: it names no domain)
_SETTING = re.compile(r"^(?:(?:an?|the)\s++)?(.+?)(?<!\s)\s+(?:setting|industry|sector)s?$", re.I)


def _domain(term: str) -> str:
    found = _SETTING.match(term.strip())
    return found.group(1).strip() if found else term


def requirement_label(item: str) -> str:
    """How a gap names a requirement: the job's own words less the lead-in ('Solid background in cash handling'
    -> 'cash handling'), keeping what kind of thing it is ('BLS certification', "driver's license")."""
    term = _MARKS.sub("", item).strip(" .:-")
    while _LEAD_WORDS.match(term) and not re.match(r"(?:valid|current|active)\b", term, re.I):
        term = _LEAD_WORDS.sub("", term, count=1)  # 'valid' stays: a valid license is the requirement
    term = _domain(re.sub(r"\s+skills?$", "", term, flags=re.I).strip())
    return term or item.strip()


def core_term(item: str) -> str:
    """'Proven pediatric nursing experience' -> 'pediatric nursing'; 'PALS certification' -> 'PALS'."""
    term = _MARKS.sub("", item).strip(" .:-")
    while _LEAD_WORDS.match(term):
        term = _LEAD_WORDS.sub("", term, count=1)
    stripped = _domain(_TRAILER.sub("", term).strip())
    return stripped or term


# '3+ years of', '2-4 yrs' and the experience words after them, as a list item may open
_YEARS_PHRASE = re.compile(
    r"^\s*\d{1,2}(?:\.\d)?\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\.?'?\s+"
    r"(?:of\s+)?(?:(?:hands[- ]on|professional|working|relevant)\s+)?(?:experience\s+)?(?:(?:in|with|of|using|on)\s+)?",
    re.I,
)
# 'as a ...' after the years, not 'such as' or 'as well as'
# (searched from the first years word only: the same match, without rescanning the line from every later one)
_YEARS_WORD = re.compile(r"\b(?:years?|yrs?)\b", re.I)
_HELD_AS = re.compile(
    r"(?<!such )(?<!well )\bas\s+(?!well\b)(?:an?\s+)?"
    r"([^,;.()\n]+?)(?=(?<!\s)\s+(?:using|with|in|at|for|on|including|building|working)\b|[,;.()\n]|$)",
    re.I,
)


def _held_as(content: str) -> str:
    """The role a years line says was held ('3+ years as a data or business analyst' -> 'data or business
    analyst'), lowercased; empty when it names none."""
    years = _YEARS_WORD.search(content)
    found = _HELD_AS.search(content, years.end()) if years is not None else None
    return found.group(1).lower() if found and _ROLE_NOUN_RE.search(found.group(1)) else ""


def _list_items(text: str) -> list[str]:
    """Items of a skills list: 'Experience with Python, Django and PostgreSQL' -> 3 items."""
    body = _LEAD_IN.sub("", _MARKS.sub("", text.strip(" •-*"))).strip()
    body = re.sub(r"\((?:e\.?g\.?|such as|like|incl\.?|including)\s*", ", ", body, flags=re.I)
    body = re.sub(r"\b(?:such as|including|like|e\.g\.)\s+", ", ", body, flags=re.I)
    body = body.replace(")", ",").replace("(", ",")
    items = []
    for piece in re.split(r",|;|\band\b|\s&\s|\s\+\s", body):
        item = piece.strip(" .:-•*")
        if re.match(r"(?:other|similar|related|any)\s", item, re.I):
            continue  # 'MS Excel and other office tools': the rest is not a requirement of its own
        if re.match(r"(?:or|and/or|nor)\s", item, re.I):
            continue  # 'RN license (or compact license)': an alternative to the item before, met by meeting that
        if item and item.lower() not in _STOP_ITEMS:
            items.append(item)
    return items


# a nice-to-have counts a quarter of a must-have: candidates written for another job of the same occupation share
# most duties, and what tells them apart is which required skills they have
PREFERRED_WEIGHT = 0.25


def _is_termlike(item: str) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 4 or len(item) > 40:
        return False
    if re.search(
        r"\b(?:ability|able|willing|strong|excellent|good|team|work|working|environment|years?|"
        r"degree|you|we|our|must|should|will|including|related|field|similar|equivalent)\b",
        item,
        re.I,
    ):
        return False
    return bool(re.search(r"[A-Za-z]", item))


class _Builder:
    def __init__(self) -> None:
        self.items: list[Requirement] = []
        self.skill_keys: dict[str, int] = {}

    def add(
        self,
        kind: RequirementKind,
        label: str,
        query: str,
        *,
        terms: list[str] | None = None,
        required: bool = True,
        min_years: float | None = None,
        level: int | None = None,
    ) -> None:
        self.items.append(
            Requirement(
                id=f"r{len(self.items) + 1}",
                kind=kind,
                label=label.strip()[:80],
                query=query.strip()[:300],
                terms=terms or [],
                required=required,
                min_years=min_years,
                education_level=level,
                weight=1.0 if required else PREFERRED_WEIGHT,
            )
        )

    def add_skill(
        self, surface: str, canonical: str | None, required: bool, context: str = "", label: str | None = None
    ) -> None:
        core = context or surface
        keys = list(forms_of(canonical)) if canonical else [term_key(core)]
        capitalised = all(w[:1].isupper() for w in re.findall(r"[A-Za-z][\w'-]*", core) if len(w) > 3)
        if not canonical and len(core.split()) >= 2 and capitalised and education_level(core) < 0:
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", core) if w[0].isalpha()).lower()
            if len(initials) >= 3:
                keys.append(initials)  # 'Pediatric Advanced Life Support' is evidenced by 'PALS'
        if not canonical and core.isupper() and 3 <= len(core) <= 6:
            keys.append(core.lower())
        keys += [variant for key in list(keys) for variant in spelled_variants(key)]
        main = keys[0] if keys else ""
        if not main:
            return
        if main in self.skill_keys:
            existing = self.items[self.skill_keys[main]]
            if required and not existing.required:
                existing.required, existing.weight = True, 1.0
            return
        kind: RequirementKind = "certification" if canonical in CERTIFICATIONS else "skill"
        self.skill_keys[main] = len(self.items)
        self.add(
            kind,
            label or surface,
            core if not canonical else surface,
            terms=list(dict.fromkeys(keys)),
            required=required,
        )

    def add_alternatives(self, label: str, names: list[str], required: bool) -> None:
        keys: list[str] = []
        for name in names:
            canonical = ALIAS_TO_CANONICAL.get(term_key(name))
            keys += list(forms_of(canonical)) if canonical else [term_key(name)]
            self.skill_keys.setdefault(keys[0] if keys else name, len(self.items))
        self.add("skill", label, label, terms=list(dict.fromkeys(keys)), required=required)


def _alternatives(content: str, known: list[tuple[str, str]]) -> dict[str, list[str]]:
    """'Java or Kotlin' -> {'Java or Kotlin': ['Java', 'Kotlin']} (either one meets the requirement)."""
    groups: dict[str, list[str]] = {}
    surfaces = list(dict.fromkeys(s for s, _ in known))  # a surface named many times is one alternative
    for first in surfaces:
        for second in surfaces:
            if first == second:
                continue
            pattern = rf"{re.escape(first)}\s*(?:,\s*)?(?:or|/)\s*{re.escape(second)}"
            if re.search(pattern, content, re.I):
                label = f"{first} or {second}"
                groups[label] = [first, second]
    # each surface belongs to at most one group
    result: dict[str, list[str]] = {}
    used: set[str] = set()
    for label, names in groups.items():
        if not used & set(names):
            result[label] = names
            used |= set(names)
    return {name: result[label] for label in result for name in [label]} | {n: [] for n in used}


def _drop_members(groups: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in groups.items() if v}


def extract_requirements(text: str) -> tuple[str, list[Requirement]]:
    """The job's title and requirements; raises JobTextError when nothing usable is found."""
    cleaned = clean_text(text or "")
    raw_lines = [line for line in cleaned.split("\n") if line.strip()]
    if not raw_lines or len(cleaned.split()) < 2:
        raise JobTextError("the job description is empty")
    title = extract_title(raw_lines)
    builder = _Builder()
    query = role_query(_raw_title(raw_lines), title)
    builder.add("role", title, query, terms=[role_key(title)] if role_key(title) else [])

    lines: list[_Line] = []
    section = "intro"
    for index, line in enumerate(raw_lines):
        if index == 0 and title and title.lower() in line.lower() and len(line.split()) <= 10:
            continue  # the title line, even when it reads like a header ('TECHNICAL RECRUITER')
        header = _classify_header(line)
        if header is not None:
            section = header
            # "Requirements: Python, SQL" carries content after the colon
            after = line.split(":", 1)[1].strip() if ":" in line and not line.rstrip().endswith(":") else ""
            if after:
                lines.append(_Line(after, section, True))
            continue
        field = re.match(r"^\W*([A-Za-z][\w /&'-]{2,40}?)\s*:\s*(.+)$", line)
        if field:
            label = field.group(1).lower()
            sub = _classify_header(field.group(1) + ":")
            if sub in ("required", "preferred", "education") or "skill" in label:
                lines.append(_Line(field.group(2), sub or "required", True))
                continue
            if sub == "ignore":
                continue
        if len(line.split()) > 20:
            # a paragraph: one requirement per sentence, and the employer's self-description left out
            for sentence in _SENTENCE_BREAK.split(line):
                if sentence.strip() and not _about_employer(sentence):
                    lines.append(_Line(sentence.strip(), section, False))
            continue
        if section == "intro" and _about_employer(line):
            continue
        lines.append(_Line(line, section, line.startswith("•")))

    has_requirement_section = any(ln.section in ("required", "preferred", "education") for ln in lines)
    responsibilities = 0
    for ln in lines:
        if ln.section == "ignore":
            continue
        content = ln.text.strip(" •-*")
        first_new = len(builder.items)
        required = ln.section != "preferred" and not _PREFERRED_MARK.search(content)
        in_requirements = ln.section in ("required", "preferred", "education") or (
            not has_requirement_section and ln.section == "intro"
        )
        found_any = False

        years = _YEARS.search(content)
        if years and in_requirements | (ln.section == "intro"):
            amount = float(years.group(1))
            duplicate = any(r.kind == "experience" and r.min_years == amount and not r.terms for r in builder.items)
            if 0 < amount <= 30 and not (duplicate and not _known_terms(content[years.end() :])):
                # the skills the years are of sit in the same clause: in 'You have: 3+ years of test automation;
                # excellent communication' they are not of communication
                subject = re.split(r";|\.\s", content[years.end() :].lstrip(" .'"))[0]
                known = _known_terms(subject)
                # the job's own words, so the gap can be checked against the posting ('5+ years of Python')
                phrase = re.split(r"[,;()]|\.\s|\s(?:and|with|in a|including|preferably)\s", content[years.start() :])[
                    0
                ]
                phrase = re.sub(r"(?<!\s)\s+or\s+(?:a\s+)?(?:similar|related|equivalent)\b.*$", "", phrase, flags=re.I)
                words = phrase.strip(" .:").split()
                label = " ".join(words[:12]) if len(words) >= 3 else f"{amount:g}+ years experience"
                label = re.sub(r"(?:\s+(?:or|and|a|an|the|of|in|with|as|at|for|to))+$", "", label, flags=re.I)
                terms = [forms_of(c)[0] for _, c in known[:3]]
                # years 'as a data or business analyst' in a Data Analyst posting: roles held under the posting's
                # title count besides the named skill (with no skill named, the whole career in the job's occupation
                # counts anyway)
                role = next((r for r in builder.items if r.kind == "role" and r.terms), None)
                role_roots = set(term_roots(role.terms[0])) if role is not None else set()
                # ... but years of a skill apart from the title ('3+ years of C# development' for a Software
                # Developer) are years of that skill, not of any role under the title
                of_other_skill = not _held_as(content) and any(not set(term_roots(t)) & role_roots for t in terms)
                if (
                    terms
                    and role is not None
                    and not of_other_skill
                    and set(term_roots(role.terms[0])[-1:]) & set(term_roots(term_key(subject)))
                ):
                    terms.append(role.terms[0])
                builder.add(
                    "experience",
                    label,
                    content,
                    terms=list(dict.fromkeys(terms)),
                    required=required,
                    min_years=amount,
                )
                found_any = True

        level = education_level(content)
        is_education = False
        if level >= 1:  # education_level only knows degrees when written as degrees ('MS Office' is not one)
            builder.add("education", _short(content), content, required=required, level=level)
            found_any = is_education = True

        if in_requirements or ln.section in ("responsibilities", "intro"):
            core_section = in_requirements
            known = _known_terms(content)
            alternatives = _alternatives(content, known)
            # a known term inside a short phrase is named by the phrase ('team leadership', not 'Leadership')
            phrase_of: dict[str, str] = {}
            # a degree line's field ('accounting' in "Bachelor's degree in accounting") is a skill of its own name:
            # named by the whole line, it would read as the degree met or missing twice
            for item in [] if is_education else _list_items(content):
                inside = _known_terms(item)
                # the years are the experience requirement's: '2+ years of Kubernetes' names the skill 'Kubernetes'
                phrase = requirement_label(_YEARS_PHRASE.sub("", item))
                if len(inside) == 1 and 2 <= len(phrase.split()) <= 4 and phrase.lower().endswith(inside[0][0].lower()):
                    phrase_of[inside[0][0]] = phrase
            held_as = _held_as(content) if years else ""
            for surface, canonical in known:
                if surface in alternatives:
                    continue
                if surface.lower() in held_as:
                    continue  # '3+ years as a data or business analyst': a role held, counted by the years above
                builder.add_skill(surface, canonical, required and core_section, label=phrase_of.get(surface))
                found_any = True
            for label, names in _drop_members(alternatives).items():
                builder.add_alternatives(label, names, required and core_section)
                found_any = True
            if in_requirements and not years and not is_education:  # the degree is matched as education
                items = _list_items(content)
                for item in items:
                    core = core_term(item)
                    if len(items) == 1 and len(core.split()) > 3:
                        continue  # a lone phrase is a competency, matched by meaning below
                    if _is_termlike(core) and ALIAS_TO_CANONICAL.get(term_key(item)) is None:
                        if any(term_key(item) == term_key(s) for s, _ in _known_terms(item)):
                            continue
                        if _known_terms(item) and len(item.split()) > 1:
                            continue
                        builder.add_skill(requirement_label(item), None, required, core)
                        found_any = True
            if (
                not found_any
                and re.search(r"\bcertifi", content, re.I)
                and not any(r.kind == "certification" for r in builder.items[-3:])
            ):
                builder.add("certification", _short(content), content, required=required)
                found_any = True

        _mark_joint(builder.items[first_new:], content)
        is_sentence = len(content.split()) >= 3
        if is_sentence and (ln.section == "responsibilities" or (in_requirements and not found_any)):  # noqa: SIM102
            if responsibilities < 8:
                responsibilities += 1
                builder.add(
                    "responsibility", _short(content), content, required=required and ln.section != "responsibilities"
                )

    if len(builder.items) == 1 and len(cleaned.split()) < 3:
        raise JobTextError("the job description has no requirements to match")
    return title, builder.items


def _mark_joint(added: list[Requirement], content: str) -> None:
    """'HTML and CSS' is matched as two skills; both keep the phrase, so that when both are missing the gap names
    the phrase the posting used rather than two halves of it."""
    skills = [r for r in added if r.kind in ("skill", "certification")]
    for first, second in pairwise(skills):
        if len(first.label.split()) > 1 or len(first.label.split()) + len(second.label.split()) > 4:
            continue  # 'HTML and CSS', 'door and window installation'; not two clauses joined by 'and'
        found = re.search(rf"{re.escape(first.label)}\s*(?:and|&)\s*{re.escape(second.label)}", content, re.I)
        if found:
            first.joint_label = second.joint_label = found.group(0)


def _short(text: str, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip(" •-*.")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
