"""Resume -> evidence: lines, sections, spans to embed, roles with date ranges, years, skills, education."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from skima.engine.dates import find_ranges, merged_years
from skima.engine.lexicon import ALIAS_TO_CANONICAL, CASE_SENSITIVE, ROLE_NOUNS, WEAK_ALIASES, term_key
from skima.engine.models import Role, Span, SpanKind
from skima.engine.text import split_long_line

MAX_SPAN_WORDS = 24
MAX_SPANS = 40
SPAN_WORD_BUDGET = 320  # words embedded per resume: about as many tokens as one whole-document pass

_SECTION_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("education", ("education", "academic", "qualification", "degree")),
    ("certification", ("certif", "licen", "accreditation")),
    ("skills", ("skill", "competenc", "technolog", "tools", "expertise", "proficienc", "tech stack")),
    (
        "experience",
        (
            "experience",
            "employment",
            "work history",
            "career history",
            "company details",
            "professional background",
            "positions",
        ),
    ),
    ("summary", ("summary", "profile", "objective", "about", "overview", "headline")),
    ("projects", ("project",)),
    (
        "other",
        (
            "personal",
            "declaration",
            "hobbies",
            "interests",
            "languages",
            "references",
            "awards",
            "achievements",
            "strengths",
            "extra",
            "activities",
            "publications",
            "volunteer",
            "training",
        ),
    ),
]
_HEADER_MAX_WORDS = 5
# Job titles outside offices and IT end in nouns the lexicon's list leaves out ('Regional Driver', 'Bookkeeper',
# 'Journeyman Welder'); words that as often name things are left out ('message broker', 'Data Guard', 'estimator',
# 'hard worker').
TRADE_TITLE_NOUNS = (
    "driver",
    "chauffeur",
    "courier",
    "dispatcher",
    "bookkeeper",
    "cashier",
    "teller",
    "banker",
    "underwriter",
    "adjuster",
    "actuary",
    "inspector",
    "welder",
    "fitter",
    "machinist",
    "carpenter",
    "painter",
    "mason",
    "foreman",
    "draftsman",
    "drafter",
    "fabricator",
    "packer",
    "storekeeper",
    "housekeeper",
    "janitor",
    "porter",
    "concierge",
    "bartender",
    "barista",
    "waiter",
    "waitress",
    "cook",
    "baker",
    "butcher",
    "steward",
    "stewardess",
    "attendant",
    "caregiver",
    "aide",
    "nanny",
    "firefighter",
    "paramedic",
    "midwife",
    "dentist",
    "doctor",
    "surgeon",
    "hygienist",
    "phlebotomist",
    "radiographer",
    "sonographer",
    "optometrist",
    "psychologist",
    "physiotherapist",
    "practitioner",
    "veterinarian",
    "tutor",
    "lecturer",
    "professor",
    "librarian",
    "journalist",
    "copywriter",
    "photographer",
    "videographer",
    "animator",
    "stylist",
    "hairdresser",
    "barber",
    "beautician",
    "cosmetologist",
    "realtor",
    "merchandiser",
    "technologist",
    "telecaller",
    "farmer",
)
_TITLE_NOUNS = (*ROLE_NOUNS, *TRADE_TITLE_NOUNS)
_ROLE_NOUN_RE = re.compile(r"\b(?:" + "|".join(_TITLE_NOUNS) + r")s?\b", re.IGNORECASE)
_ROLE_NOUN_SINGULAR = re.compile(r"\b(?:" + "|".join(_TITLE_NOUNS) + r")\b", re.IGNORECASE)
_PHRASE_STOP = {
    "a",
    "an",
    "the",
    "as",
    "and",
    "or",
    "of",
    "in",
    "at",
    "for",
    "with",
    "to",
    "is",
    "was",
    "my",
    "our",
    "their",
    "they",
    "worked",
    "working",
    "role",
    "company",
    "details",
    "description",
}
# Degree words by level. Dotted or spelled-out forms match in any case; the bare two-letter forms ('BS', 'MS', 'BA')
# only in capitals and when followed by what follows a degree ('MS in', 'BS/MS', 'BE Mechanical'), so 'MS Office',
# 'Business Analyst (BA)' and 'Boston, MA' are not degrees. 'Graduate' alone is not one either ('Graduate Engineer').
_FIELD_AFTER = r"(?=\s*(?:[/,(]|[-–]\s|$|\s(?:in|of|hons?|degree)\b|\s(?!Office|Excel|Word|Project|Access|Dynamics|SQL|Teams|Outlook|PowerPoint|Visio|SharePoint|Exchange|Windows|Azure|Navision|CRM)[A-Z][a-z]))"  # noqa: E501
_BARE = r"(?<![\w.])(?<!,\s)(?:{forms})" + _FIELD_AFTER
_DEGREE_LEVELS: list[tuple[int, re.Pattern[str], re.Pattern[str] | None]] = [
    (4, re.compile(r"\b(?:ph\.?\s?d|doctorate|doctor of)\b", re.I), None),
    (
        3,
        re.compile(
            r"\b(?:master'?s\b|masters\b|master of\b|master degree|m\.\s?s\.?c?\b|msc\b|m\.?\s?tech\b|m\.\s?e\b|"
            r"mba\b|m\.\s?a\.|mca\b|m\.?\s?com\b|post[\s-]?graduat\w*|pg\s?d\w*|pgdm|pgdba|juris doctor|j\.\s?d\.|"
            r"ll\.?\s?m\b|msw\b|m\.?\s?pharm\b|m\.?\s?arch\b|m\.\s?ed\b|m\.?\s?phil\b)",
            re.I,
        ),
        re.compile(_BARE.format(forms="MS|MA|ME|MBA|MSc")),
    ),
    (
        2,
        re.compile(
            r"\b(?:bachelor'?s?\b|b\.\s?s\.?c?\b|bsc\b|b\.?\s?tech\b|b\.\s?e\b|b\.\s?a\.|bca\b|b\.?\s?com\b|bba\b|"
            r"b\.?\s?eng\b|b\.\s?f\.\s?a\.|bfa\b|undergraduate degree|graduate degree|degree in|ll\.?\s?b\b|"
            r"b\.?\s?pharm\b|b\.?\s?arch\b|b\.\s?ed\b|bbm\b|mbbs\b|bds\b|bsn\b)",
            re.I,
        ),
        re.compile(_BARE.format(forms="BS|BA|BE|BSc|BFA")),
    ),
    (
        1,
        re.compile(
            r"\b(?:diploma|associate'?s? degree|associate of (?:arts|science|applied)|a\.a\.s\.?|"
            r"certificate programme)\b",
            re.I,
        ),
        None,
    ),
    (0, re.compile(r"\b(?:high school|hsc|ssc|secondary school|12th|10th|intermediate|ged)\b", re.I), None),
]
_INSTITUTION = re.compile(r"\b(?:university|college|school|institute|academy|polytechnic|iit|nit)\b", re.I)
# a period stated: '3 years', '2 years and 6 months', '18 months' (groups: years, months after them, months alone)
_PERIOD = (
    r"(?:(\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:years?|yrs?)(?:\s*(?:and|&|,)?\s*(\d{1,2})\s*months?)?"
    r"|(\d{1,2})\s*months?)"
)
_STATED_TOTAL = re.compile(
    _PERIOD + r"'?\s+(?:of\s+)?(?:[\w/+#.-]+\s+){0,4}?(?:experience|exp\b)",
    re.IGNORECASE,
)
_STATED_TOTAL_FIELD = re.compile(
    r"(?:(?:total|overall|work|professional)\s*)?experience\s*[:\-]\s*" + _PERIOD,
    re.IGNORECASE,
)
_SKILL_DETAIL = re.compile(
    r"^\W*+(.{2,60}?)\s*[-:]\s*Ex\w*\s*[-:]\s*(less than 1 year|\d{1,3})\s*(months?|years?)?", re.IGNORECASE
)
_YEARS_OF_X = re.compile(
    r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)'?\s+(?:of\s+)?(?:hands[- ]on\s+|professional\s+|working\s+)?"
    r"(?:experience\s+)?(?:in|with|of|using|on)\s+([\w][\w/+#. -]{1,40}?)(?=[,;.()]|\s+and\s|\s+in\s|$)",
    re.IGNORECASE,
)
_X_YEARS = re.compile(
    r"([\w][\w/+#. -]{1,30}?)\s*[(:\-–]\s*(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b\)?", re.IGNORECASE
)
_PLACEHOLDER_ONLY = re.compile(r"^[\W\s]*(?:\[(?:name|email|phone|address|link|photo|masked|age|person)\][\W\s]*)+$")
_CASE_WORD = re.compile(r"(?<![\w.])(" + "|".join(CASE_SENSITIVE) + r")(?![\w+#])", re.IGNORECASE)


# a letter after or before one of these words is a label's, not a language ('Plan B', 'Grade C', 'C-level', 'class R')
_LETTER_LABEL_BEFORE = re.compile(
    r"\b(?:plan|grade|class|type|level|tier|group|section|part|phase|vitamin|hepatitis|category|division|block|unit|"
    r"schedule|form|model|series|size|option|step|stage|appendix|exhibit|item|building|floor|zone|band|shift|team|"
    r"rating|list|star|letter|an?|the)\s*$",
    re.I,
)
_LETTER_LABEL_AFTER = re.compile(r"^\s*(?:grade|level|suite|rating|list|average|student|team|class)\b", re.I)


def _stands_as_name(line: str, match: re.Match[str]) -> bool:
    """A one-letter name ('R', 'C') is the language only as a written word of its own, not a part of one ('R&D',
    'C-suite') nor a label's letter ('Plan B', 'Grade C', 'a C grade')."""
    before, after = line[: match.start()], line[match.end() :]
    alone = re.search(r"(?:^|[\s,;(/:|\[])$", before) and re.match(r"(?:$|[\s,;)/:|\]]|\.(?:\s|$))", after)
    return bool(alone) and not _LETTER_LABEL_BEFORE.search(before) and not _LETTER_LABEL_AFTER.match(after)


def _protect_case(line: str) -> str:
    """Ambiguous words ('go', 'r', 'spark') count as the tool only when written as its name ('Go', 'R'), and a
    one-letter name only when it stands as one (see _stands_as_name)."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        wanted = CASE_SENSITIVE[word.lower()]
        named = word in (wanted, wanted.upper()) and (len(word) > 1 or _stands_as_name(line, match))
        return word if named else "zz" + word.lower()

    return _CASE_WORD.sub(replace, line)


def line_keys(line: str) -> str:
    """A line's term keys joined by spaces, padded, for phrase containment tests."""
    return " " + term_key(_protect_case(line)) + " "


_CAPITAL_RUN = re.compile(r"\b[A-Z][a-zA-Z]+(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][a-zA-Z]+){2,5}\b")


def build_term_index(lines: list[str]) -> dict[str, int]:
    """Every 1-4 word term key (and each 2-word key written solid: 'power bi' -> 'powerbi') -> first line.

    Initialisms of capitalised phrases are indexed too, so 'Pediatric Advanced Life Support' evidences 'PALS'.
    """
    index: dict[str, int] = {}
    for number, line in enumerate(lines):
        for run in _CAPITAL_RUN.finditer(line):
            # an all-capitals word keeps its letters: 'SQL Server Integration Services' -> 'ssis'
            words = [w for w in run.group(0).split() if w[0].isupper()]
            initials = "".join(w[0] for w in words).lower()
            index.setdefault(initials, number)
            index.setdefault(term_key(initials), number)  # keyed as a job's 'SSIS' is: 'ssi'
        tokens = line_keys(line).split()
        # an ambiguous word is protected only on its own: inside a longer term ('lean manufacturing', 'spark
        # streaming') it is that term, whatever its case
        plain = term_key(line).split()
        for size in range(1, 5):
            for start in range(0, len(tokens) - size + 1):
                gram = " ".join(tokens[start : start + size])
                index.setdefault(gram, number)
                if size == 2:
                    index.setdefault(tokens[start] + tokens[start + 1], number)
            if size >= 2 and plain != tokens:
                for start in range(0, len(plain) - size + 1):
                    index.setdefault(" ".join(plain[start : start + size]), number)
    return index


def section_of_header(line: str) -> str | None:
    """The section a header line opens, or None when the line is not a header."""
    stripped = line.strip().lstrip("#").strip().rstrip(":").strip()
    words = stripped.split()
    if not words or _PLACEHOLDER_ONLY.match(stripped) or len(words) > _HEADER_MAX_WORDS or re.search(r"\d", stripped):
        return None
    looks_like_header = (
        line.lstrip().startswith("#")
        or line.rstrip().endswith(":")
        or stripped.isupper()
        or stripped.lower() in {"skill details", "company details", "education details"}
    )
    lowered = stripped.lower()
    for kind, keys in _SECTION_KINDS:
        if any(key in lowered for key in keys) and (looks_like_header or len(words) <= 3):
            return kind
    return "other" if looks_like_header and line.lstrip().startswith("#") and len(words) <= 3 else None


def degree_in(text: str) -> tuple[int, str]:
    """The highest degree a text names and the words naming it: (2, 'B.Sc'); (-1, '') when there is none.
    Levels: 4 doctorate, 3 master's, 2 bachelor's, 1 diploma or associate degree, 0 school."""
    for level, pattern, bare in _DEGREE_LEVELS:
        found = pattern.search(text) or (bare.search(text) if bare is not None else None)
        if found:
            return level, found.group(0)
    return -1, ""


def education_level(text: str) -> int:
    return degree_in(text)[0]


def is_role_line(line: str, as_of: float = 2100.0) -> bool:
    """A job held: a title with dates or an employer ('Graduate Software Engineer, Acme (2019 - 2021)'), no degree."""
    if not _ROLE_NOUN_RE.search(line) or education_level(line) >= 1:
        return False
    has_employer = bool(re.search(r"\s(?:at|@)\s|\s[|–—-]\s|,\s", line))
    return bool(find_ranges(line, as_of)) or has_employer or len(line.split()) <= 5


def is_education_line(line: str, section: str = "") -> bool:
    """A degree, school or qualification line (in or out of an Education section), not a job held."""
    if is_role_line(line):
        return False
    return education_level(line) >= 0 or bool(_INSTITUTION.search(line)) or section == "education"


# an employer's registered name: capitalised words ending in a legal form ('Teva API India Pvt Ltd', 'Acme Inc.');
# the words in it name the company, not a skill the person has
_COMPANY_NAME = re.compile(
    r"(?:(?<=^)|(?<=[\s,(|:@-]))(?:(?:[A-Z][\w&.'-]*|&|of|and|de)\s+){1,7}?"
    r"(?:Pvt\.?\s*Ltd|Private\s+Limited|Ltd|Limited|Inc|Incorporated|LLC|L\.L\.C|LLP|GmbH|Corp|Corporation|PLC|Plc|"
    r"Pty\s+Ltd)\b\.?"
)


def company_names(line: str) -> list[tuple[int, int]]:
    """Where a line names an employer by its legal form: [(start, end)]."""
    if not re.search(r"\b(?:Ltd|Limited|Inc|Incorporated|LLC|L\.L\.C|LLP|GmbH|Corp|Corporation|PLC|Plc)\b", line):
        return []
    return [m.span() for m in _COMPANY_NAME.finditer(line) if m.group(0)[:1].isupper()]


def is_title_noun(word: str) -> bool:
    """A word that heads a job title ('Interpreter', 'welders')."""
    return bool(_ROLE_NOUN_RE.fullmatch(word.strip(".,")))


_AS_LEAD = re.compile(r"\bas\s+(?:an?\s+)?(?=[A-Za-z.])", re.IGNORECASE)
# where a title ends and the employer, place or sentence goes on
_TITLE_END = re.compile(
    r"\s(?:in|at|with|for|from|since|during|under|to|having|who|where)\s.*$|[,;|(\[].*$|\s[-–—]\s.*$|[.:]\s.*$",
    re.IGNORECASE,
)
_ROLE_WORD = re.compile(r"(?:" + "|".join(_TITLE_NOUNS) + r")", re.IGNORECASE)


def title_phrase(text: str, *, running: bool = False) -> str:
    """The job title in a designation: 'Worked as Junior Advocate in Everest Ltd.' -> 'Junior Advocate',
    'Web Designer Cybage Industries' -> 'Web Designer'. Empty when there is no title-like phrase.

    running: the text is prose, so only capitalised words count as part of a title ('hard working professional'
    is not one)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:\[[a-z ]+\][\s,|-]*)+", "", text)  # a masked name before the title: '[name] Java Developer'
    text = re.sub(r"^[A-Za-z][\w ]{0,24}:\s+", "", text)  # 'Profile: Paralegal with ...'
    lead = _AS_LEAD.search(text)
    if lead and lead.start() < 80:
        text = text[lead.end() :]
    text = _TITLE_END.sub("", text).strip(" .:-•*#")
    words = text.split()[:8]
    last = max((i for i, w in enumerate(words) if _ROLE_WORD.fullmatch(w.strip(".,"))), default=-1)
    if last < 0:
        return ""
    words = words[: last + 1]
    while words and (
        any(ch.isdigit() for ch in words[0])
        or words[0].lower() in _PHRASE_STOP
        or (running and not words[0][:1].isupper() and words[0][:1] not in ".#")
    ):
        words = words[1:]
    words = words[-5:]
    if running and (len(words) < 2 or not any(w[:1].isupper() for w in words)):
        return ""
    return " ".join(words)


def _is_degree_title(phrase: str) -> bool:
    """A title-like phrase that ends in a degree's name: 'Juris Doctor' (not 'B.E Computer Science Data Scientist')."""
    level, degree = degree_in(phrase)
    return level >= 1 and phrase.rstrip(" .").lower().endswith(degree.rstrip(" .").lower())


def _role_title(text: str) -> str:
    """The title part of a role line with its dates removed: 'Senior Engineer, Acme (2016-2024)' -> ..."""
    parts = [p.strip(" ()[]#*•|,-–—:") for p in re.split(r"\s[|@–—]\s|\s-\s|,\s|\sat\s|\(|\)|\|", text)]
    parts = [p for p in parts if p and not _PLACEHOLDER_ONLY.match(p)]
    for part in parts:  # a part with a title in it ('Paralegal'), not an employer ('Clearwater & Associates')
        phrase = title_phrase(part) if len(part.split()) <= 12 else ""
        if phrase:
            return phrase
    for part in parts:  # singular: 'Synergy Associates' is an employer
        if _ROLE_NOUN_SINGULAR.search(part) and len(part.split()) <= 6:
            return part
    return ""


def role_phrases(text: str) -> list[str]:
    """Short title-like phrases ('Java Developer', 'SAP ABAP Consultant') found in running text."""
    phrases: list[str] = []
    for match in _ROLE_NOUN_SINGULAR.finditer(text):
        start = max(0, match.start() - 60)
        window = text[start : match.end()]
        # the clause the title sits in: after the last sentence or list break before it
        window = re.split(r"[.;:|•]\s|,\s|\s[-–—]\s", window)[-1]
        phrase = title_phrase(window, running=True)
        if phrase and phrase not in phrases:
            phrases.append(phrase)
    return phrases


@dataclass
class ParsedResume:
    lines: list[str]
    sections: list[str]
    spans: list[Span]
    roles: list[Role]
    total_years: float
    skill_years: dict[str, float]
    education_level: int
    headline: str = ""
    titles: list[str] = field(default_factory=list)


def _add_years(table: dict[str, float], term: str, years: float) -> None:
    key = term_key(term)
    if key and 0 < years <= 50:
        table[key] = max(table.get(key, 0.0), round(years, 2))
        canonical = ALIAS_TO_CANONICAL.get(key)
        if canonical:
            ckey = term_key(canonical)
            table[ckey] = max(table.get(ckey, 0.0), round(years, 2))


# school and study words besides degrees: a dated line with one of them and no job title is schooling
_SCHOOLING = re.compile(
    r"\b(?:class\s+(?:x|xi|xii|ix|10|12)(?:th)?|std\.?\s+(?:x|xii|10|12)|matric\w*|sslc|puc|cbse|icse|gcse|"
    r"a[\s-]levels?|o[\s-]levels?|board|graduat\w*|schooling|semester|cgpa|gpa)\b",
    re.I,
)


def _is_schooling(line: str) -> bool:
    return education_level(line) >= 0 or bool(_SCHOOLING.search(line) or _INSTITUTION.search(line))


# a phone number's digits read as a year only make a resume look newer, never older
_YEAR = re.compile(r"(?<![\d.])(?:19[5-9]\d|20\d\d)(?![\d/])")
# a resume with no year written in this many years before the build date was written long ago
OLD_RESUME_YEARS = 10


def dated_as_of(lines: list[str], as_of: float, career: list[str] | None = None) -> float:
    """What 'present' / 'till date' means in this resume: the build date (as_of) unless the resume plainly dates from
    earlier. The strong sign is a stated total that ends years ago counted from the first dated job ('3 years of
    experience' beside 'Jan 2015 - till date' was written around 2018), when nothing is dated in the last three
    years; the weak one, no year written at all in the last OLD_RESUME_YEARS years. Then 'present' is the year
    after the latest year written (or after that total), never later than as_of. The latest year alone is not
    enough: a current resume with one open role and nothing else dated lately ('Jan 2017 - Present') is common,
    and would lose most of its years. career: the lines that may hold jobs (not schooling)."""
    years = [int(y) for line in lines for y in _YEAR.findall(line) if int(y) <= as_of]
    years += [int(start) for line in lines for start, _, _ in find_ranges(line, as_of)]  # '06/2019 - present'
    if not years:
        return as_of
    latest = float(max(years))
    written = as_of if latest >= as_of - OLD_RESUME_YEARS else latest + 1.0
    starts = [start for line in (lines if career is None else career) for start, _, _ in find_ranges(line, as_of)]
    # whole years only: a resume stating its total in months ('18 months of experience') is not dated by it
    stated = [float(m.group(1)) for line in lines for m in _STATED_TOTAL.finditer(line) if m.group(1)]
    if starts and stated and 0 < max(stated) <= 45 and latest < as_of - 3:
        by_total = min(starts) + max(stated) + 1.0  # whole years stated are rounded down
        if by_total < as_of - 2:
            written = max(by_total, latest + 1.0)
    return min(as_of, written)


def _stated_years(period: re.Match[str]) -> float:
    """The years a _PERIOD match states, months as a fraction of a year ('2 years and 6 months' -> 2.5)."""
    years, months, months_only = period.group(1, 2, 3)
    return round(float(years or 0) + int(months or months_only or 0) / 12, 2)


def parse_resume(masked_text: str, as_of: float) -> ParsedResume:
    lines: list[str] = []
    for raw in masked_text.split("\n"):
        lines.extend(split_long_line(raw))
    sections: list[str] = []
    current = "summary"
    headers: set[int] = set()
    for number, line in enumerate(lines):
        kind = section_of_header(line)
        if kind is not None:
            current = kind
            headers.add(number)
        sections.append(current)

    # roles: lines with a date range outside education; school years (SSC 2008-2010, 'Class XII', a college's
    # dates) are no career, and 'present' means when the resume was written (see dated_as_of)
    career = [
        line
        for number, line in enumerate(lines)
        if sections[number] not in ("education", "certification") and not _is_schooling(line)
    ]
    as_of = dated_as_of(lines, as_of, career)
    roles: list[Role] = []
    for number, line in enumerate(lines):
        if sections[number] in ("education", "certification") or number in headers:
            continue
        ranges = find_ranges(line, as_of)
        if not ranges or (_is_schooling(line) and not _ROLE_NOUN_RE.search(line)):
            continue
        start, end, matched = ranges[0]
        title = _role_title(line.replace(matched, " "))
        if not title and number > 0 and not find_ranges(lines[number - 1], as_of):
            title = _role_title(lines[number - 1])
        roles.append(
            Role(
                title=title,
                start=round(start, 3),
                end=round(end, 3),
                years=round(end - start, 2),
                line=number,
                last_line=number,
            )
        )
    for index, role in enumerate(roles):
        stop = roles[index + 1].line - 1 if index + 1 < len(roles) else len(lines) - 1
        for number in range(role.line + 1, stop + 1):
            if number in headers or (number > role.line and sections[number] != sections[role.line]):
                break
            role.last_line = number

    role_years = merged_years([(r.start, r.end) for r in roles])
    stated = 0.0
    for line in lines:
        for match in (*_STATED_TOTAL.finditer(line), *_STATED_TOTAL_FIELD.finditer(line)):
            stated = max(stated, _stated_years(match))
    total_years = round(max(role_years, stated if stated <= 45 else 0.0), 2)

    skill_years: dict[str, float] = {}
    for line in lines:
        detail = _SKILL_DETAIL.match(line)
        if detail:
            amount = detail.group(2).lower()
            unit = (detail.group(3) or "months").lower()
            years = 0.5 if amount.startswith("less") else float(amount) / (1 if unit.startswith("year") else 12)
            for term in re.split(r",|/|\band\b", detail.group(1)):
                _add_years(skill_years, term.strip(), years)
            continue
        for match in _YEARS_OF_X.finditer(line):
            if match.group(2).lower().startswith(("experience", "exp ")):
                continue
            for term in re.split(r",|/|\band\b|&", match.group(2)):
                _add_years(skill_years, term.strip(), float(match.group(1)))
        for match in _X_YEARS.finditer(line):
            _add_years(skill_years, match.group(1).strip(), float(match.group(2)))

    level = -1
    for number, line in enumerate(lines):
        if (sections[number] == "education" or education_level(line) >= 1) and not is_role_line(line):
            level = max(level, education_level(line))

    headline = ""
    for number, line in enumerate(lines[:6]):
        if number in headers or _PLACEHOLDER_ONLY.match(line):
            continue
        for part in re.split(r"\s*\|\s*|\s[–—-]\s", line.lstrip("# ")):
            if not _ROLE_NOUN_SINGULAR.search(part) or find_ranges(part, as_of) or _is_degree_title(part):
                continue  # an employer ('Synergy Associates') or a degree ('Juris Doctor') is no headline
            if len(part.split()) <= 10:
                headline = title_phrase(part) or part.strip()
                break
            # a summary sentence that opens with the title: 'Profile: Paralegal with 5+ years of ...'
            phrase = title_phrase(part)
            if phrase and all(w[:1].isupper() or not w[:1].isalpha() for w in phrase.split()):
                headline = phrase
                break
        if headline:
            break

    titles: list[str] = []
    for candidate in [headline] + [r.title for r in roles]:
        if candidate and candidate.lower() not in {t.lower() for t in titles}:
            titles.append(candidate)
    if len(titles) < 4:
        # layout-less pastes: take title-like phrases from the text, earliest first
        for line in lines[:80]:
            for phrase in role_phrases(line):
                if _is_degree_title(phrase):
                    continue
                if phrase.lower() not in {t.lower() for t in titles}:
                    titles.append(phrase)
            if len(titles) >= 6:
                break

    spans = _select_spans(lines, sections, headers, titles, as_of)
    return ParsedResume(
        lines=lines,
        sections=sections,
        spans=spans,
        roles=roles,
        total_years=total_years,
        skill_years=skill_years,
        education_level=level,
        headline=headline,
        titles=titles[:6],
    )


_KIND_PRIORITY: dict[str, SpanKind] = {
    "summary": "summary",
    "experience": "bullet",
    "projects": "bullet",
    "skills": "skills",
    "education": "education",
    "certification": "certification",
    "other": "other",
}


def _select_spans(
    lines: list[str], sections: list[str], headers: set[int], titles: list[str], as_of: float
) -> list[Span]:
    """The short spans worth embedding, by priority, within a fixed word budget."""
    chosen: list[Span] = []
    seen: set[str] = set()
    budget = SPAN_WORD_BUDGET

    def add(text: str, kind: SpanKind, line: int, single: bool = False) -> None:
        nonlocal budget
        words = text.split()[:MAX_SPAN_WORDS]
        clipped = " ".join(words).strip(" •-*#:")
        key = clipped.lower()
        if (
            len(words) < (1 if single else 2)
            or not clipped
            or key in seen
            or len(chosen) >= MAX_SPANS
            or budget - len(words) < 0
        ):
            return
        if _PLACEHOLDER_ONLY.match(clipped):
            return
        seen.add(key)
        budget -= len(words)
        chosen.append(Span(text=clipped, kind=kind, line=line))

    title_lines = {t.lower(): next((i for i, ln in enumerate(lines) if t.lower() in ln.lower()), 0) for t in titles}
    for index, title in enumerate(titles[:6]):
        add(title, "headline" if index == 0 else "title", title_lines.get(title.lower(), 0), single=True)
    order = {"summary": 0, "experience": 1, "projects": 2, "skills": 3, "certification": 4, "education": 5, "other": 6}
    candidates = sorted(
        (i for i in range(len(lines)) if i not in headers),
        key=lambda i: (order.get(sections[i], 6), i),
    )
    per_section: dict[str, int] = {}
    for number in candidates:
        section = sections[number]
        per_section[section] = per_section.get(section, 0) + 1
        if section in ("other",) and per_section[section] > 4:
            continue
        if section == "summary" and per_section[section] > 6:
            continue
        if section == "skills" and ("," in lines[number] or ";" in lines[number]):
            # a skills list: each item is its own short span, so 'Epic charting' can meet 'EHR documentation'
            for item in re.split(r"[,;|]", lines[number]):
                add(item, "skills", number, single=True)
            continue
        add(lines[number], _span_kind(lines[number], section), number)
    return sorted(chosen, key=lambda s: s.line)


def _span_kind(line: str, section: str) -> SpanKind:
    """What a line is evidence of: a job held under 'Education' is not education, a degree outside it is."""
    if section == "education":
        return "education" if is_education_line(line, section) else "bullet"
    if education_level(line) >= 1 and is_education_line(line):
        return "education"
    return _KIND_PRIORITY.get(section, "other")


def skills_in(index: dict[str, int]) -> dict[str, int]:
    """Lexicon skills present in a term index: canonical name -> first line."""
    found: dict[str, int] = {}
    for gram, line in index.items():
        canonical = ALIAS_TO_CANONICAL.get(gram)
        if canonical and gram not in WEAK_ALIASES and (canonical not in found or line < found[canonical]):
            found[canonical] = line
    return found
