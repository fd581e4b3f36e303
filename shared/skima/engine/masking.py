"""Protected attributes are masked before anything is parsed, matched or embedded (decision 0001).

Name, email, phone, address, photo captions, date of birth, age, gender words and pronouns, nationality and
marital status are replaced by neutral placeholders, so two resumes that differ only in these get the same
profile text, hence the same score.
"""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher

from skima.engine.text import SECTION_WORDS

# Linear time on any input: the lookbehind lets a local part start only where its run of local-part characters
# starts (the same matches: the leftmost start is always the run's), so a long run without '@' is scanned once, not
# once from each of its characters.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github|facebook|twitter|instagram)\.com/\S*", re.I)
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{7,}\d(?![\w/])")
_DATE_TOKEN = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}[-/.]\d{1,2}|\d{1,2}[-/.](?:19|20)\d{2}|(?:19|20)\d{2})(?!\d)")
_YEARISH = re.compile(r"^(?:\(?(?:19|20)\d{2}\)?[\s./-]*){1,3}$")

_FIELD_KEYS = (
    r"(?:full\s+)?name|candidate(?:\s+name)?|father'?s?\s+name|mother'?s?\s+name|spouse(?:'s)?\s+name|"
    r"address|permanent\s+address|current\s+address|present\s+address|residential\s+address|location|"
    r"current\s+location|city|residence|hometown|home\s+town|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|"
    r"birthday|age|gender|sex|nationality|citizenship|marital\s+status|religion|caste|passport(?:\s+no\.?)?|"
    r"photo|photograph|picture|pronouns|languages\s+known|contact|phone|mobile|e-?mail|linkedin"
)
_FIELD_LINE = re.compile(rf"^(\W*)({_FIELD_KEYS})\s*[:\-–]\s*(.+)$", re.IGNORECASE)
_FIELD_INLINE = re.compile(
    r"\b(date\s+of\s+birth|d\.o\.b\.?|dob|nationality|marital\s+status|gender|sex|religion|age)\s*[:\-–]\s*"
    r"([^|•\n,;]{1,40})",
    re.IGNORECASE,
)
_PHOTO_LINE = re.compile(
    r"^\W*(?:!\[[^\]]*\]\([^)]*\)|\[?(?:photo|image|picture|headshot|portrait)\b.*)$", re.IGNORECASE
)
_AGE = re.compile(r"\b(?:aged?\s*:?\s*\d{2}|\d{2}\s*(?:years?|yrs?)[\s-]*old|\d{2}\s*y/?o)\b", re.IGNORECASE)
_AGE_PHRASE = re.compile(r"\bage[ \t]*(?:\n[ \t]*)?(?:is|of)?[ \t]*[:\-]?[ \t]*(?:\n[ \t]*)?\d{2}\b", re.I)
_BORN = re.compile(r"\bborn\s+(?:on|in)?\s*[^,.;\n|]{1,40}", re.IGNORECASE)
_STREET = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|"
    r"Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Parkway|Square|Sq|Highway|Hwy|Nagar|Marg)\b\.?"
    r"(?:[^\n|•]{0,60}?\b\d{5}(?:-\d{4})?\b|[^\n|•]{0,40}?\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b)?"
)
_CITY_ZIP = re.compile(r"\b[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_PIN = re.compile(r"\b(?:pin(?:code)?|zip(?:code)?|postcode|postal code)\b\s*[:\-]?\s*[\w ]{3,10}", re.I)

# Pronouns become "they"-forms; gendered words become a neutral placeholder.
_PRONOUNS = {
    "he": "they",
    "she": "they",
    "him": "them",
    "his": "their",
    "hers": "theirs",
    "her": "their",
    "himself": "themselves",
    "herself": "themselves",
    "mr": "",
    "mrs": "",
    "ms": "",
    "miss": "",
    "mx": "",
    "sir": "",
    "madam": "",
    "they": "they",
    "them": "them",
    "their": "their",
    "theirs": "theirs",
    "themselves": "themselves",
}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx"}
# honorifics only with their dot ("Ms. Rao"), so "MS Project" and "MS Office" stay
_PRONOUN_RE = re.compile(
    r"\b(?:(" + "|".join(w for w in _PRONOUNS if w not in _HONORIFICS) + r")\b|(" + "|".join(_HONORIFICS) + r")\.)",
    re.IGNORECASE,
)
_GENDER_WORDS = re.compile(
    r"\b(?:male|female|man|woman|men|women|boy|girl|husband|wife|son|daughter|mother|father|"
    r"married|unmarried|divorced|widowed|widow|widower|bachelorette|non-binary|transgender)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:['\-][A-Z]?[a-z]+)*$|^[A-Z]\.$|^[A-Z]{2,20}$")
_NOT_NAME = re.compile(
    r"\b(?:resume|curriculum|vitae|cv|profile|summary|engineer|developer|manager|analyst|consultant|"
    r"experience|skills|education|objective|contact|details|scientist|designer|specialist|lead|senior|"
    r"junior|intern|executive|officer|director|tester|administrator|architect|sales|data|software|hr|sap|"
    r"engineering|designing|design|web|testing|development|science|operations|business|network|security|"
    r"database|mechanical|civil|electrical|health|fitness|arts?|automation|management|marketing|finance|"
    r"accounting|legal|technology|information|computer|student|graduate|fresher|career|personal|key)\b",
    re.IGNORECASE,
)
_SECTION_WORDS = {word for header in SECTION_WORDS for word in header.split()} | {"areas", "interest", "core"}
# [^\w\n]: the leading junk stays on its own line (\W would scan every later line from every line start)
_NAME_LABEL = re.compile(r"^[^\w\n]*(?:full\s+)?name\s*[:\-–]\s*(.+)$", re.IGNORECASE | re.MULTILINE)


def _is_vocabulary(word: str) -> bool:
    """Job, section and skill words are never taken for a name."""
    from skima.engine.lexicon import ALIAS_TO_CANONICAL, ROLE_NOUNS, term_key  # noqa: PLC0415

    lowered = word.lower().strip(".")
    return lowered in ROLE_NOUNS or term_key(word) in ALIAS_TO_CANONICAL or lowered in _COMMON_WORDS


_COMMON_WORDS = {
    "experience",
    "skills",
    "skill",
    "details",
    "summary",
    "profile",
    "education",
    "company",
    "registered",
    "senior",
    "junior",
    "technical",
    "professional",
    "career",
    "objective",
    "project",
    "projects",
    "work",
    "resume",
    "curriculum",
    "vitae",
    "contact",
    "information",
    "personal",
}


def _is_section_or_degree(word: str) -> bool:
    """'Qualification', 'Diploma', 'B.Tech' open a section or name a degree: never a name."""
    from skima.engine.resume import education_level  # noqa: PLC0415

    lowered = word.lower()
    return lowered in _SECTION_WORDS or lowered + "s" in _SECTION_WORDS or education_level(word) >= 0


def _name_tokens(lines: list[str]) -> set[str]:
    """Words of the candidate's name: a 'Name:' field, or a name-like first line ('# Jane Q. Doe')."""
    tokens: set[str] = set()
    for match in _NAME_LABEL.finditer("\n".join(lines[:40])):
        tokens.update(w.strip(".,") for w in match.group(1).split()[:4] if len(w.strip(".,")) > 1)
    for line in lines[:2]:
        head = re.split(r"\s[|–—,]\s|\s-\s|[|,]", line.lstrip("# ").strip())[0].strip()
        candidate = [w for w in head.split() if w]
        if (
            2 <= len(candidate) <= 4
            and all(_NAME_WORD.match(w) for w in candidate)
            and not _NOT_NAME.search(head)
            and not any(_is_vocabulary(w) or _is_section_or_degree(w) for w in candidate)
            and not any(_is_vocabulary(f"{a} {b}") for a, b in itertools.pairwise(candidate))
        ):
            tokens.update(w if len(w.strip(".")) == 1 else w.strip(".") for w in candidate)
            break
    if not tokens and lines:
        # a paste with no line breaks often starts with the name: 'Priya Sharma Pune Skill Details ...'
        lead = lines[0].lstrip("# ").split()[:2]
        rest = " ".join(lines)[len(" ".join(lead)) :]
        if (
            len(lead) == 2
            and all(re.match(r"^[A-Z][a-z]+$", w) for w in lead)
            and not _NOT_NAME.search(" ".join(lead))
            and not any(_is_vocabulary(w) or _is_section_or_degree(w) for w in lead)
            and not _is_vocabulary(" ".join(lead))  # 'Problem Solving ...' opens a skills list, not a name
            # a common word shows up in lower case somewhere else; a name does not
            and not any(re.search(rf"\b{w.lower()}\b", rest) for w in lead)
        ):
            tokens.update(lead)
    return tokens


def _mask_phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if digits < 9 or _YEARISH.match(text.strip()):
        return text
    # date ranges such as "01/2018 - 03/2021" or "2021-03 - 2023-11" are not phone numbers
    if re.search(r"(?:19|20)\d{2}\s*[-–]\s*(?:\d{1,2}[/.])?(?:19|20)\d{2}", text):
        return text
    if not any(ch.isdigit() for ch in _DATE_TOKEN.sub("", text)):
        return text  # nothing but dates: "2021-03 - 2023-11", "03.2019 – 11.2021"
    return " [phone] "


def _pronoun(match: re.Match[str]) -> str:
    return _PRONOUNS[(match.group(1) or match.group(2)).lower()]


def mask_protected(text: str) -> str:
    """Text with protected attributes replaced by placeholders (applied to cleaned resume text)."""
    text = _AGE_PHRASE.sub("[age]", text)
    lines = text.split("\n")
    names = _name_tokens(lines)
    masked: list[str] = []
    for original in lines:
        line = original
        if _PHOTO_LINE.match(line):
            masked.append("[photo]")
            continue
        field = _FIELD_LINE.match(line)
        if field:
            masked.append(f"{field.group(1)}{field.group(2)}: [masked]")
            continue
        line = _EMAIL.sub(" [email] ", line)
        line = _URL.sub(" [link] ", line)
        line = _PHONE.sub(_mask_phone, line)
        line = _FIELD_INLINE.sub(lambda m: f"{m.group(1)}: [masked]", line)
        line = _STREET.sub(" [address] ", line)
        line = _CITY_ZIP.sub(" [address] ", line)
        line = _PIN.sub(" [address] ", line)
        line = _AGE.sub(" [age] ", line)
        line = _BORN.sub(" [born] ", line)
        line = _PRONOUN_RE.sub(_pronoun, line)
        line = _GENDER_WORDS.sub("[person]", line)
        masked.append(line)
    out = "\n".join(masked)
    if names:
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        out = pattern.sub("[name]", out)
    out = re.sub(r"(?:\[name\][ \t.]*){2,}", "[name] ", out)
    out = re.sub(r"[ \t]{2,}", " ", out)
    return "\n".join(line.strip() for line in out.split("\n") if line.strip())


# --- showing evidence as the resume wrote it ------------------------------------------------------------------------
# Matching sees only masked text. A quote shown to a recruiter, though, should read as the resume does (a recruiter
# reading 'Senior Java Developer at [name] Ltd' stops trusting the engine), so the profile keeps the original text of
# the few lines masking changed, and a quote from such a line is mapped back word by word for display only.

PLACEHOLDER = re.compile(r"\[(?:name|email|phone|address|link|photo|masked|age|person|born)\]")
# never shown, not even in a quote: what a recruiter does not need to read a match (birth dates, ages, gender,
# photos) and contact details, which the profile cache then never holds
_KEEP_MASKED = re.compile(r"\[(?:photo|masked|age|person|born|email|phone|link)\]")


def _alnum(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _token_map(masked: list[str], original: list[str]) -> list[tuple[int, int]]:
    """For each masked token, the range of original tokens it stands for (word-level alignment)."""
    spans: list[tuple[int, int]] = [(0, 0)] * len(masked)
    matcher = SequenceMatcher(None, masked, original, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for offset in range(i2 - i1):
                spans[i1 + offset] = (j1 + offset, j1 + offset + 1)
        elif op in ("replace", "delete"):
            count = i2 - i1
            for offset in range(count):  # proportional: '[name]' -> 'Jane Q. Doe', 'they' -> 'she'
                start = j1 + (j2 - j1) * offset // count
                end = j1 + (j2 - j1) * (offset + 1) // count
                spans[i1 + offset] = (start, end)
    return spans


def original_lines(masked_lines: list[str], original_text: str) -> dict[int, str]:
    """line number -> the original text of each masked line that masking changed (placeholders, pronouns).

    Only changed lines are kept, and lines that are nothing but placeholders (contact lines) are left out: they are
    never quoted, and the profile (which is cached) should carry as little personal data as it can."""
    if _alnum("".join(masked_lines)) == _alnum(original_text):
        return {}
    masked_tokens: list[str] = []
    line_of: list[int] = []
    for number, line in enumerate(masked_lines):
        tokens = line.split()
        masked_tokens.extend(tokens)
        line_of.extend([number] * len(tokens))
    original_tokens = original_text.split()
    spans = _token_map(masked_tokens, original_tokens)
    bounds: dict[int, tuple[int, int]] = {}
    for index, number in enumerate(line_of):
        start, end = spans[index]
        low, high = bounds.get(number, (start, end))
        bounds[number] = (min(low, start), max(high, end))
    first_token: dict[int, int] = {}
    for index, number in enumerate(line_of):
        first_token.setdefault(number, index)
    restored: dict[int, str] = {}
    for number, (start, end) in bounds.items():
        line = masked_lines[number]
        if _KEEP_MASKED.search(line):
            # birth dates, ages, gender and the like stay masked even for display: rebuild the line token by token
            shown: list[str] = []
            emitted = start
            for index in range(first_token[number], first_token[number] + len(line.split())):
                token_start, token_end = spans[index]
                if _KEEP_MASKED.search(masked_tokens[index]):
                    shown.append(_KEEP_MASKED.sub("…", masked_tokens[index]))
                else:
                    shown.extend(original_tokens[max(token_start, emitted) : token_end])
                emitted = max(emitted, token_end)
            original = " ".join(shown)
        else:
            original = " ".join(original_tokens[start:end])
        words_left = PLACEHOLDER.sub(" ", line)
        if original and _alnum(original) != _alnum(line) and re.search(r"[A-Za-z]{2}", words_left):
            restored[number] = original
    return restored


def restore_quote(fragment: str, masked_line: str, original_line: str) -> str:
    """The original words of `fragment`, a piece of `masked_line` (whose original is `original_line`)."""
    position = masked_line.find(fragment)
    if position < 0:
        return fragment
    first = len(masked_line[:position].split())
    if position and not masked_line[position - 1].isspace():
        first -= 1  # the fragment starts inside a token ('[name]Ltd' cannot happen, 'x:[phone]' can)
    last = len(masked_line[: position + len(fragment)].split())
    masked_tokens = masked_line.split()
    original_tokens = original_line.split()
    spans = _token_map(masked_tokens, original_tokens)[max(first, 0) : last]
    if not spans:
        return fragment
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    # keep whatever the fragment trimmed off its ends ('• ', ':') trimmed off the original too
    restored = " ".join(original_tokens[start:end]).strip(" •-*#:")
    return restored or fragment
