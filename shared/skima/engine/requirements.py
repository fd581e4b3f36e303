"""Job description -> requirements: the role, skills, years, education, certifications, responsibilities,
each marked required or preferred."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from itertools import pairwise

from skima.benefits import BENEFIT_PATTERN
from skima.engine.lexicon import (
    ALIAS_TO_CANONICAL,
    BARE_TOOL_NAMES,
    CERTIFICATIONS,
    LICENCES,
    ROLE_NOUNS,
    WEAK_ALIASES,
    Licence,
    canonical,
    forms_of,
    peer_group,
    spelled_variants,
    term_key,
    term_roots,
)
from skima.engine.models import Requirement, RequirementKind
from skima.engine.resume import _protect_case, education_level
from skima.engine.text import clean_text


class JobTextError(ValueError):
    """The job description is empty or has nothing that can be matched."""


# Heading words of each kind of section, checked in this order (the first kind whose words a heading holds wins:
# 'About the role' is the work, 'About us' the employer). 'ignore' sections (employer, benefits, pay, legal, how to
# apply) are never requirements.
_SECTION_RULES: list[tuple[str, tuple[str, ...]]] = [
    (
        "responsibilities",
        ("about the role", "about the job", "about this role", "about the position", "about this job", "the role"),
    ),
    ("required", ("about you", "who you are", "what you'll bring", "what you will bring", "what you bring")),
    (
        "ignore",
        (
            "about us",
            "about the company",
            "about the client",
            "about our",
            "about ",
            "company description",
            "company overview",
            "company profile",
            "the company",
            "our client",
            "who we are",
            "benefit",
            "perks",
            "we offer",
            "in it for you",
            "why you'll love",
            "why work",
            "why join",
            "compensation",
            "salary",
            "pay range",
            "pay rate",
            "wage",
            "rewards",
            "equal opportunit",
            "equal employment",
            "eeo",
            "diversity",
            "inclusion",
            "accommodation",
            "how to apply",
            "to apply",
            "application process",
            "next steps",
            "our company",
            "our culture",
            "our mission",
            "our values",
            "about the team",
            "location",
            "job type",
            "schedule",
            "working hours",
            "contract type",
            "disclaimer",
            "privacy",
            # the body the work asks for and where it is done: every holder of the job meets them, no resume says so
            "physical",
            "work environment",
            "working environment",
            "working conditions",
            "work conditions",
            "notes",
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
            "ideally",
        ),
    ),
    (
        "responsibilities",
        (
            "responsibilit",
            "what you'll do",
            "what you will do",
            "duties",
            "functions",
            "day to day",
            "day-to-day",
            "your impact",
            "your role",
            "you will",
            "you'll",
            "key tasks",
            "tasks",
            "job description",
            "role description",
            "position description",
            "role overview",
            "overview",
            "summary",
            "mission",
            "expectations",
            "accountabilit",
            "the opportunity",
            "the position",
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
            "looking for",
            "skill",
            "experience",
            "essential",
            "competenc",
            "you have",
            "you need",
            "you'll need",
            "you will need",
            "your profile",
            "ideal candidate",
            "candidate profile",
            "person specification",
            "criteria",
            "technical",
            "tech stack",
            "tools",
            "certification",
            "licens",
            "need",
        ),
    ),
]
_SEEKING = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for|recruiting)\s+(?:an?\s+|our next\s+)?"
    r"(.{3,60}?)(?=\s+(?:to|who|with|at|in|for|that)\b|[.,;:!]|$)",
    re.I,
)
# besides the lexicon's role nouns, the heads of trade and service titles a posting may open with
_TITLE_NOUNS = (
    *ROLE_NOUNS,
    "driver",
    "operative",
    "worker",
    "cook",
    "cleaner",
    "carer",
    "caregiver",
    "aide",
    "cashier",
    "handler",
    "porter",
    "installer",
    "fitter",
    "welder",
    "machinist",
    "estimator",
    "bookkeeper",
    "dentist",
    "hygienist",
    "physiotherapist",
    "pharmacist",
    "paramedic",
    "midwife",
    "practitioner",
    "server",
    "bartender",
    "barista",
    "housekeeper",
    "attendant",
    "guard",
    "courier",
    "labourer",
    "laborer",
    "tutor",
    "lecturer",
    "librarian",
    "chemist",
    "biologist",
    "veterinarian",
    "stylist",
    "photographer",
    "translator",
    "interpreter",
    "dancer",
    "solicitor",
    "underwriter",
    "broker",
    "salesperson",
    "merchandiser",
    "dispatcher",
    "scheduler",
    "inspector",
    "foreman",
    "superintendent",
    "apprentice",
    "graduate",
    "doctor",
    "physiologist",
    "radiographer",
    "sonographer",
    "copywriter",
    "banker",
    "pilot",
    "videographer",
    "creator",
    "rep",
    "telesales",
    "rgn",
    "rmn",
    "hygienist",
    "optometrist",
    "psychologist",
    "surgeon",
    "radiologist",
    "cook",
)
_ROLE_NOUN_RE = re.compile(r"\b(?:" + "|".join(_TITLE_NOUNS) + r")s?\b", re.I)
_PREFERRED_MARK = re.compile(
    r"\b(?:preferred|preferably|nice to have|nice-to-have|a plus|is a plus|bonus|"
    r"ideally|desirable|advantageous|good to have|optional)\b",
    re.I,
)
# years asked, or months when experience follows ('6 months experience as line cook', '18 months of experience in');
# months alone are too often a contract's or a probation's ('a 6-month contract', 'within 3 months')
_YEARS = re.compile(
    r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:-|–|to)?\s*(?:\d{1,2})?\s*\+?\s*(?:years?|yrs?|"
    r"(months?)(?='?\s+(?:(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:experience|exp)\b|as\s)))",
    re.I,
)


def _asked_years(years: re.Match[str]) -> float:
    """The years a _YEARS match asks for: months as a fraction of a year (18 months -> 1.5)."""
    amount = float(years.group(1))
    return round(amount / 12, 2) if years.group(2) else amount


_LEAD_IN = re.compile(
    r"^(?:(?:must\s+have|should\s+have|required|you\s+have|you\s+bring|need|needs|we\s+need)\s*[:\-]?\s*)?"
    r"(?:(?:strong|solid|good|proven|excellent|deep|hands[- ]on|working|practical|expert|advanced|basic|"
    r"demonstrated|extensive|professional|some|prior)\s+)*"
    r"(?:(?:functional|working|thorough|sound)\s+)?"
    r"(?:(?:conversant|proficient|skilled|experienced|competent)\s+(?:with|in|at)\s+|possess(?:es)?\s+)?"
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


# Sentences that are never requirements, wherever they stand: equal-opportunity and legal text, benefits, pay,
# how to apply, and the employer's description of itself
_NOT_A_REQUIREMENT = re.compile(
    r"\b(?:equal (?:employment )?opportunit|affirmative action|regardless of|without regard to|protected veteran|"
    r"sexual orientation|gender identity|national origin|e-verify|reasonable accommodation|eeo\b|"
    + BENEFIT_PATTERN
    + r"|laid[- ]back|privately owned|we offer|you'll get|"
    r"perks include|salary (?:range|of|is|up to|:)|pay (?:range|rate)|per (?:hour|annum|year|hr)\b|/\s?(?:hr|hour)\b|"
    r"to apply|apply (?:now|today|online|via|through|here)|click apply|send (?:us )?(?:your )?(?:cv|resume)|"
    r"(?:welcomes?|encourages?) (?:all )?applica|all (?:qualified )?applicants|learn more at|\u00a9|\(c\) \d{4}|"
    r"m/f/d|m/f/disability|salary\b(?=[^.]{0,30}(?:[$£€]|\d|negotiable|depend|doe\b|competitive))|"
    r"income potential|commission pay|compensation (?:range|package|is|will|for)|commensurate with|"
    r"(?:employment|job) offer is|offer of employment|"
    r"depend(?:s|ing)? on (?:experience|qualifications)|not guaranteed|offers? (?:a|an) (?:remote|hybrid|flexible)|"
    r"submit your|only shortlisted|send (?:in )?your (?:cv|resume|application)|we regret|please (?:contact|visit|call)|"
    r"current vacancies|in return(?: for)?\b|(?:great|exciting|fantastic) opportunity|"
    r"\b(?:doe|ote)\b|uncapped|commission (?:pay|structure|scheme)|apply online|"
    r"(?:is|are) (?:currently )?(?:recruiting|hiring)\b|employment agency|recruitment agency|we will be in touch|"
    r"our client(?:s)? (?:is|are) (?:a|an|the|seeking|looking|recruiting)|"
    r"(?:an|a) (?:[\w-]+ ){0,3}(?:company|firm|business|organisation|organization|client) (?:is|are) "
    r"(?:seeking|looking|recruiting|hiring))",
    re.I,
)
# ... unless it asks something of the candidate ('3+ years ...', 'you must ...')
_ASKS_OF_CANDIDATE = re.compile(
    r"\b(?:you (?:must|should|will need)|you have (?:at least|\d|experience|a |an |proven|strong|solid|good)|"
    r"must (?:have|be|hold)|required|candidates? (?:must|should)|"
    r"(?:applicants?|candidates?) will (?:hold|have|possess|be (?:\w+ )?(?:qualified|registered|licensed|certified))|"
    r"\d+\+?\s*(?:years?|yrs?) (?:of )?(?:experience|exp))\b",
    re.I,
)


# the employer describing itself: the strong phrases always, the weak ones ('join our team') when no skill is named
_BLURB = re.compile(
    r"\b(?:is one of the|is a (?:leading|global|growing|well[- ]established|fast[- ]growing|market[- ]leading)|"
    r"world.s (?:first|largest|leading)|leading (?:provider|supplier|distributor|manufacturer)|founded in|"
    r"headquartered|with offices in|award[- ]winning|we pride ourselves)",
    re.I,
)
_WEAK_BLURB = re.compile(
    r"^\W*(?:we|we're|we.re|our|at [A-Z]\w+,)\s|"
    r"\b(?:we are (?:a|an|the|proud|committed)|we're (?:a|an)|our mission|we believe|my client|the company (?:is|are)|"
    r"join (?:our|a) (?:growing |great |dynamic )?team)",
    re.I,
)


# a physical demand on its own ('Lift up to 50 lbs', 'Stand for long periods', 'Bending, stooping and kneeling'),
# also without a physical heading: every holder of the job meets it and no resume says so
_BODY_MOVES = r"(?:bend|stoop|kneel|crouch|climb|twist|squat|reach|crawl)(?:ing)?"
_PHYSICAL_DEMAND = re.compile(
    r"^\W*(?:(?:must\s+)?(?:be\s+)?(?:physically\s+)?(?:able|ability|capable)\s+(?:to|of)\s+|"
    r"(?:you\s+)?(?:can|will|must)\s+|(?:willing|prepared)\s+to\s+|comfortable\s+)?"
    r"(?:(?:lift|carry|push|pull|move|handle)(?:ing)?\b[\w/ ,-]{0,30}?\d+\s*(?:lbs?|pounds|kgs?|kilos?|kilograms)\b|"
    r"(?:stand|sit|walk|be on (?:your|their) feet)(?:ing)?\b[\w/ ,-]{0,30}?\b(?:long|extended|prolonged|entire|full|"
    r"\d+)\b[\w ]{0,12}?\b(?:periods?|hours?|shifts?|day)\b|"
    r"(?:long|extended|prolonged)\s+periods\s+of\s+(?:standing|sitting|walking)\b|"
    rf"{_BODY_MOVES}(?:\s*(?:,|/|\band\b|\bor\b)\s*{_BODY_MOVES})+\b)"
    r"[^.;]{0,60}$",
    re.I,
)


def _never_a_requirement(sentence: str) -> bool:
    if len(sentence.split()) <= 20 and _PHYSICAL_DEMAND.search(sentence) and not _known_terms(sentence):
        return True
    if _ASKS_OF_CANDIDATE.search(sentence) or len(sentence.split()) > 40:
        return False  # a long run of text with no sentence breaks holds more than the phrase that matched
    if _NOT_A_REQUIREMENT.search(sentence) or _BLURB.search(sentence):
        return True
    return bool(_WEAK_BLURB.search(sentence)) and not _known_terms(sentence)


# list numbering and letters a posting's items open with ('4. ', 'a) ', '(ii) ', '1-')
_NUMBERING = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-hA-H]|[ivxIVX]{1,4})[.):]|\d{1,2}\s?-)\s+")


def _words(text: str) -> set[str]:
    return set(text.split())


# words that open or join sentences but name nothing ('Furthermore', 'Additionally')
_DISCOURSE = {
    "furthermore",
    "additionally",
    "moreover",
    "however",
    "also",
    "please",
    "note",
    "therefore",
    "overall",
    "finally",
    "lastly",
    "plus",
    "etc",
    "other",
    "others",
    "misc",
    "various",
    "general",
    "roles",
    "role",
    "duties",
    "tasks",
    "work",
    "job",
    "position",
    "candidate",
    "candidates",
    "notes",
    # abbreviations cut from their sentence ('(exc. evening classes)', 'incl. weekends')
    "exc",
    "excl",
    "excluding",
    "incl",
    "including",
    "inc",
    "approx",
    "n/a",
    "tbc",
    "tbd",
}
# US state codes, less those that are also a requirement on their own (CA, PA, MA, MS, OR, ID...): any two capitals
# would drop AI, QA, BI, UX
_PLACES = re.compile(
    r"^(?:AL|AK|AZ|AR|CO|CT|FL|GA|IL|IA|KS|KY|MD|MI|MN|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|RI|SC|SD|TN|TX|UT|VT|VA|"
    r"WA|WV|WI|WY|DC|USA?|UK|United (?:States|Kingdom)|England|Scotland|Wales|Remote|Hybrid|On-?site|"
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New \w+|North \w+|South \w+|Ohio|Oklahoma|Oregon|"
    r"Pennsylvania|Rhode Island|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Washington|Wisconsin|"
    r"Wyoming|London|\w+ County|(?:the )?(?:United )?Arab Emirates|UAE|Australia|Brazil|China|India|Canada|Mexico|"
    r"Germany|France|Spain|Italy|Ireland|Netherlands|Singapore|Japan|Norway|Nigeria|South Africa|Middle East|"
    r"Europe|Asia|Africa|EMEA|APAC|Worldwide|Nationwide)$"
)
_GENERIC_WORDS = _words(
    "analyze analyse analyzing analysing manage managing support supporting assist assisting develop "
    "developing maintain maintaining ensure ensuring provide providing perform performing processing "
    "interpreting handle handling review reviewing prepare preparing create creating coordinate "
    "coordinating monitor monitoring customers clients state local federal teams team people staff others "
    "colleagues stakeholders vendors management operations activities projects issues problems results "
    "needs requirements standards policies procedures tools systems processes solutions services products "
    "information data reports documents organizational verbal written oral motivated driven "
    "proactive flexible reliable efficient effective accurate detail-oriented organized organised "
    "responsible excellent strong good building establishing executing delivering implementing identifying "
    "generating growing "
)
_HEADING_VOCABULARY = _words(
    "requirements requirement qualifications qualification skills skill experience technical "
    "responsibilities about us you you'll bring who are key required preferred desired education duties "
    "summary overview description job role company the our essential functions nice to have must minimum "
    "basic what we offer benefits perks additional desirable criteria profile your ideal candidate person "
    "specification and notes main activities functions non-essential physical demands "
)
_PLAIN_HEADING_WORDS = _HEADING_VOCABULARY | _words(
    "key main core day-to-day day in life role's position team culture values mission compensation salary pay "
    "location schedule working hours perks benefit benefits responsibility responsibilities duty apply how "
    "equal opportunity employment employer eeo diversity inclusion overview summary expectations tasks "
    "qualifications certifications licenses licences tools stack tech technologies good plus bonus points "
    "preferred desirable requirements need needs looking for offer get will you'll be doing do impact "
    "the a an of in with at on why join life at qualifications: competencies competency knowledge abilities "
    "experience: background education: training application process next steps contract type hybrid remote "
    "package rewards disclaimer privacy client clients notes physical demands environment conditions activities "
    "non-essential involves"
)
_FUNCTION_WORD = re.compile(
    r"^(?:in|on|at|to|for|with|of|by|from|when|where|if|as|both|either|all|any|our|your|their|this|these|that|"
    r"which|who|and|or|but|so|etc|via|per|than|then|into|within|across|who|while)\b|^[^\w(]",
    re.I,
)
_SENTENCE_WORDS = re.compile(r"\b(?:is|are|was|were|will|we|you|us|be|been|can|may|must|should|would)\b", re.I)


def _is_fragment(label: str) -> bool:
    """A piece of a sentence rather than a named requirement: a lone '-', one generic lowercase word ('analyze',
    'roles'), a discourse word, a heading, a place, or words that open or close mid-phrase ('in day-to-day')."""
    text = label.strip(" .,;:-•*[]")
    words = text.split()
    if len(text) < 2 or not re.search(r"[A-Za-z]", text) or len(words) > 8 or re.search(r"[$£€]\s?\d", text):
        return True
    if len(text) == 2 and re.search(r"\d", text):
        return True  # 'W9', 'P4': a form or a grade's code, not a skill (two letters, 'QA', 'BI', are kept)
    if text.lower() in _DISCOURSE or _PLACES.match(text):
        return True
    # a heading ('Technical skills', 'Requirements', 'Main Activities and Responsibilities 1')
    if all(w.lower().strip("'") in _HEADING_VOCABULARY or w.isdigit() for w in words):
        return True
    if _FUNCTION_WORD.match(text) or re.search(r"\b(?:and|or|of|the|a|an|to|with|in|for|other|our)$", text, re.I):
        return True
    if _SENTENCE_WORDS.search(text):
        return True
    # one generic lowercase word ('analyze', 'processing', 'customers'): a verb or a noun of any job, not a skill
    # ('pneumatics', 'welding' are kept)
    return len(words) == 1 and (text.lower() in _GENERIC_WORDS or text.lower().endswith("ly"))


# Headings a flattened posting runs into its text ('... close. Requirements: CPA ...', 'ESSENTIAL FUNCTIONS:The
# primary ...', 'Company DescriptionAcme is ...'): they are put back on lines of their own.
_HEADING_WORDS = (
    r"(?:(?:key|core|main|primary|essential|minimum|preferred|required|basic|additional|desired|technical|job|"
    r"position|role|company|soft|other|your|our|general|specific|physical)\s+){0,2}"
    r"(?:requirements?|qualifications?|responsibilities|duties|functions|skills(?:\s+(?:and|&)\s+experience)?|"
    r"experience|education|benefits|perks|description|summary|overview|expectations|"
    r"certifications?|licen[cs]es?|about\s+(?:us|you|the\s+(?:role|company|job|team|client))|who\s+you\s+are|"
    r"what\s+(?:you'll|you\s+will|we)\s+(?:do|bring|need|offer)|nice\s+to\s+have|how\s+to\s+apply|"
    r"equal\s+opportunity(?:\s+employer)?|compensation(?:\s+(?:and|&)\s+benefits)?|salary\s+(?:and|&)\s+benefits|"
    r"physical\s+demands|work(?:ing)?\s+(?:environment|conditions))"
)
_INLINE_HEADING = re.compile(
    r"(?:(?<=[^\s:])|^)[ \t]*(" + _HEADING_WORDS + r")(?:[ \t]*(:)[ \t]*|(?=[A-Z][a-z])|[ \t]+(?=[A-Z]))", re.I | re.M
)
# 'standards.Collaborate', 'required.A desire', '(Required)Phenom 300', 'Total Time500 Hours'
_JOINED_SENTENCES = re.compile(
    r"(?<=[a-z)][a-z)])\.(?=[A-Z](?:[a-z]|\s))|(?<=\))(?=[A-Z][a-z])|(?<=[a-z]{3})(?=\d{3,}\b)"
)
# two words joined where a line break was lost ('experienceAbility to ...'); brand names written that way stay
_JOINED_WORDS = re.compile(r"\b([A-Za-z]*?[a-z]{3})([A-Z][a-z]{2,})")
_CAMEL_NAMES = {
    "powerpoint",
    "sharepoint",
    "wordpress",
    "peoplesoft",
    "mailchimp",
    "zoominfo",
    "salesforce",
    "smartsheet",
    "quickbase",
    "servicetitan",
    "solarwinds",
    "autodesk",
    "blackberry",
    "playstation",
    "successfactors",
    "workday",
    "paycom",
    "bamboohr",
    "clickup",
    "freshdesk",
    "livechat",
    "openshift",
    "cloudformation",
    "elasticsearch",
    "rabbitmq",
    "graphql",
}


def _restore_breaks(text: str) -> str:
    """Line breaks a paste lost, put back before headings and between joined words, so each heading opens its
    section again and each item is its own line."""

    def inline(match: re.Match[str]) -> str:
        heading, colon = match.group(1), match.group(2)
        # a heading reads as one when capitalised and closed by a colon, or in capitals, or run into the next
        # word ('DescriptionAcme'); 'strong skills: ...' and 'the Experience Team' are left alone
        run_into = not colon and not match.group(0).endswith((" ", "\t"))
        if not heading[:1].isupper() or not (colon or (heading.isupper() and len(heading) > 3) or run_into):
            return match.group(0)
        # the heading and its text stay one line, read as a field ('Benefits: ...'): a flattened posting has no
        # line breaks to end a section, so a section opened here would run on to the end of the text
        return f"\n{heading}: "

    def joined(match: re.Match[str]) -> str:
        whole = match.group(1) + match.group(2)
        if whole.lower() in _CAMEL_NAMES or ALIAS_TO_CANONICAL.get(term_key(whole)):
            return whole
        return match.group(1) + "\n" + match.group(2)

    text = _INLINE_HEADING.sub(inline, text)
    text = _JOINED_SENTENCES.sub(lambda m: ".\n" if m.group(0) == "." else "\n", text)

    return _JOINED_WORDS.sub(joined, text)


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


def _classify_header(line: str, plain_words: int = 4) -> str | None:
    """The kind of section a heading line opens ('## What you'll bring', 'BENEFITS', 'About us:'), or None when
    the line is not a heading of a kind we know."""
    stripped = _HEADING_MARKUP.sub("", line).strip().rstrip(":").strip(" *_")
    words = stripped.split()
    if not words or len(words) > 7:
        return None
    marked = (
        line.lstrip().startswith(("#", "**", "__"))
        or line.rstrip(" *_").endswith(":")
        or (stripped.isupper() and len(stripped) > 3)
    )
    # a short unmarked line is a heading only when it names no skill ('Technical skills' is, 'SQL skills' is not)
    plain = (
        len(words) <= plain_words
        and not stripped.endswith(".")
        and ":" not in stripped  # 'Location: Leeds' is a field, read as one below
        and not line.startswith("•")
        and not _known_terms(stripped)
        # every word a heading word: '500 Hours Multi-engine' is an item, 'Key responsibilities' a heading
        and all(w.strip("'&/-,.").lower() in _PLAIN_HEADING_WORDS for w in words)
    )
    if not (marked or plain):
        return None
    lowered = stripped.lower().replace("’", "'")
    for section, keys in _SECTION_RULES:
        if any(key in lowered for key in keys):
            return section
    return None


_HEADING_MARKUP = re.compile(r"^[#>\s*_]+")
# labels of one field, not of a section: the lines after 'Location: Leeds' are not about the location
_ONE_LINE_FIELD = re.compile(
    r"location|job type|schedule|hours|contract|salary|pay\b|wage|rate|shift|start date|closing|reference|remote"
)


# a field label for the title, alone or before its value: 'Job Title:', '## Position', '**Role:**', 'JOB TITLE'
_TITLE_LABEL = (
    r"(?:job\s+title|position\s+title|role\s+title|job\s+role|title|position|role|job|opening|vacancy|designation)"
)
_TITLE_FIELD = re.compile(r"^[#*_\s>•]*" + _TITLE_LABEL + r"[*_\s]*(?:[:|]|\s[-–—]\s?)[*_\s]*(\S.*)$", re.I)
_TITLE_LABEL_ALONE = re.compile(r"^[#*_\s>•]*" + _TITLE_LABEL + r"[*_\s]*:?[*_\s]*$", re.I)
# in a flattened posting the value runs on into the next field ('Job Title: Nurse Location: Leeds ...')
_NEXT_FIELD = re.compile(r"\s+(?:[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,2}\s*:|[-|•]\s|(?:We|You|Our|The|This|As)\s[a-z])")
# a line under the title naming the employer and place ('Acme Ltd · Leeds, UK', 'Springfield, IL', 'Remote')
_PLACE_LINE = re.compile(
    r"\s[·•|–—]\s|"
    r",\s*(?:[A-Z]{2}|UK|USA|United States|United Kingdom|England|Scotland|Wales)\.?\s*(?:\(|$|\s[-–(]|\s+\d)|"
    r"^(?i:remote|hybrid|on-?site|full[- ]time|part[- ]time)\b(?:\s*[-|(,/].*)?$"
)
# words of a title kept in capitals when an ALL-CAPS title is put in title case
_ACRONYM_OK = {
    "it",
    "qa",
    "ux",
    "ui",
    "hr",
    "ai",
    "ml",
    "bi",
    "vp",
    "ceo",
    "cfo",
    "cto",
    "coo",
    "cio",
    "erp",
    "sap",
    "aws",
}
_MINOR_WORDS = {"of", "and", "the", "for", "to", "in", "at", "on", "or", "a", "an", "with", "de", "du", "la"}


def _display_case(title: str) -> str:
    """'SENIOR STAFF ACCOUNTANT' -> 'Senior Staff Accountant'; 'HR MANAGER' keeps 'HR'. Mixed case is left as is."""
    letters = re.sub(r"[^A-Za-z]", "", title)
    if not letters or not letters.isupper() or len(letters) <= 4:
        return title
    words = []
    for index, word in enumerate(title.split()):
        bare = re.sub(r"[^A-Za-z]", "", word).lower()
        if bare in _ACRONYM_OK or (bare and len(bare) <= 4 and not re.search(r"[aeiouy]", bare)):
            words.append(word)
        elif index and bare in _MINOR_WORDS:
            words.append(word.lower())
        else:
            words.append(word.capitalize() if "-" not in word else "-".join(w.capitalize() for w in word.split("-")))
    return " ".join(words)


def _strip_markup(line: str) -> str:
    return re.sub(r"^[#>•\s]+", "", line).replace("**", "").replace("__", "").strip(" *_:")


def _titlelike(line: str) -> bool:
    """Short, not a sentence, not a section label, not the employer/place line."""
    text = _strip_markup(line)
    # '(Remote)', '( Test Engineer / QA )', and what follows the first ' | ' ('Chef | Rosette kitchen | Live in')
    words = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", text).split(" | ")[0].split()
    return (
        0 < len(words) <= 10
        and not text.endswith((".", "!", "?"))
        # a section label is never the title, unless it names a kind of worker ('TECHNICAL RECRUITER')
        and (
            _ROLE_NOUN_RE.search(text) is not None
            or (_classify_header(line) is None and _classify_header(text + ":") is None)
        )
        and not line.lstrip().startswith("•")
        and bool(re.search(r"[A-Za-z]{2}", text))
    )


def _is_place_line(line: str) -> bool:
    head = re.split(r"\s[|·•–—-]\s|,", line)[0]
    return (
        len(line.split()) <= 12
        and not line.rstrip().endswith(".")
        and bool(_PLACE_LINE.search(line))
        and not _ROLE_NOUN_RE.search(head)  # 'Trainee Advisor | East Midlands' is the title line
    )


def read_title(lines: list[str]) -> tuple[str, float]:
    """The text the job's title is taken from, before clean-up (qualifiers and location still in it), and how
    sure that reading is (1: a labelled field or a title-like first line naming a kind of worker; lower for a
    guess from prose or a first line that names no role)."""
    first_line = lines[0] if lines else ""
    if _titlelike(first_line) and _ROLE_NOUN_RE.search(first_line) and not _TITLE_FIELD.match(first_line):
        # a posting headed by its title: a 'Title:' field further down is usually a longer variant of it
        return _strip_markup(first_line), 1.0
    for index, line in enumerate(lines[:12]):
        if _TITLE_LABEL_ALONE.match(line) and index + 1 < len(lines):
            value = _strip_markup(lines[index + 1])
            named = _classify_header(lines[index + 1]) is None or _ROLE_NOUN_RE.search(value)
            if value and len(value.split()) <= 12 and named:  # 'TECHNICAL RECRUITER' reads like a heading too
                return value, 1.0
        match = _TITLE_FIELD.match(line)
        if match:
            value = _NEXT_FIELD.split(match.group(1).replace("**", ""), maxsplit=1)[0].strip(" *_")
            if value and len(value.split()) <= 12 and not _TITLE_LABEL_ALONE.match(value):
                return value, 1.0
    for line in lines[:6]:
        if line.lstrip().startswith("#") and _ROLE_NOUN_RE.search(line) and _titlelike(line):
            return _strip_markup(line), 1.0
    # the first title-like line, past any section label ('Job Description', 'Overview') or place line above it
    for line in lines[:4]:
        if _titlelike(line) and not _is_place_line(line):
            return _strip_markup(line), 1.0 if _ROLE_NOUN_RE.search(line) else 0.6
        if len(line.split()) > 10:
            break  # prose has started: the title, if any, is inside it
    content = [line for line in lines if _classify_header(line) is None] or lines
    first = _strip_markup(content[0])
    # a flattened posting opening with its title ('Senior Staff Accountant Ridgeway Foods is seeking ...'): the
    # capitalised words up to the first role noun
    capitalised = list(itertools.takewhile(lambda w: w[:1].isupper() or w in _MINOR_WORDS, first.split()[:8]))
    heads = [i for i, word in enumerate(capitalised) if _ROLE_NOUN_RE.fullmatch(word.strip(",.:;()"))]
    if heads:  # up to the last role noun: 'Associate Software Test Engineer', not 'Associate'
        return " ".join(capitalised[: heads[-1] + 1]), 0.8
    for line in lines[:10]:
        match = _SEEKING.search(line)
        if match and _ROLE_NOUN_RE.search(match.group(1)):
            return match.group(1), 0.7
    return " ".join(first.split()[:8]), 0.2


def _is_title_block(line: str, raw_title: str) -> bool:
    """A line of the posting's head that is not content: the title label, the title itself (even when it reads
    like a header, 'TECHNICAL RECRUITER'), or the employer/place line under it."""
    text = _strip_markup(line)
    if _TITLE_LABEL_ALONE.match(line) or _TITLE_FIELD.match(line) or _is_place_line(line):
        return True
    if not raw_title or line.lstrip().startswith("•") or len(text.split()) > 14:
        return False
    return text.lower().startswith(raw_title.lower()) or raw_title.lower().startswith(text.lower())


def _is_name_line(line: str) -> bool:
    """A short line of capitalised words naming no skill: an employer or a place."""
    words = line.split()
    return (
        0 < len(words) <= 6
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR_WORDS or w in "&|-" for w in words)
        and not line.rstrip().endswith((".", ":"))
        and not _known_terms(line)
        and _classify_header(line) is None
    )


def _raw_title(lines: list[str]) -> str:
    return read_title(lines)[0]


def extract_title(lines: list[str]) -> str:
    return _display_case(_clean_title(_raw_title(lines)))[:80]


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
    if raw_title.isupper():
        qualifiers = [q.title() for q in qualifiers]
    return f"{title} ({', '.join(qualifiers)})"


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
                found.append((surface.rstrip(".:;").lstrip(":;"), canonical))  # '.NET' keeps its leading dot
    return found


_MARKS = re.compile(
    r"\((?:required|preferred|a plus|nice to have|mandatory|must|essential|desired|optional)\)|"
    r"(?<!\s)\s*\b(?:(?:is|are|would be|will be)\s+)?(?:an?\s+)?"
    r"(?:plus|required|mandatory|preferred|desired|demanded|must|essential|needed|desirable|advantage|advantageous|beneficial|bonus|(?:strongly\s+)?preferred)\s*\.?\s*$",
    re.I,
)
_TRAILER = re.compile(
    r"(?<!\s)\s+(?:experience|skills?|knowledge|expertise|background|proficiency|abilities|"
    r"certification|certificate|certified|license|licence|exposure)\s*$",
    re.I,
)
_LEAD_WORDS = re.compile(
    r"^(?:(?:proven|demonstrated|strong|solid|excellent|good|working|hands[- ]on|functional|thorough|sound|"
    r"practical|advanced|basic|deep|extensive|prior|current|valid|active|must hold an?|familiarity with|"
    r"comfortable (?:with|using)|familiar with|fluent in|conversant (?:with|in)|proficient (?:in|with|at)|"
    r"skilled (?:in|at|with)|experienced (?:in|with)|competent (?:in|with)|able to|ability to|"
    r"(?:ideally|preferably|optionally|also|plus)(?: (?:with|in|using|some))?|"
    r"(?:must|should) (?:have|possess)|you (?:have|bring)|"
    r"possess(?:es)?(?: (?:skills|knowledge|experience) (?:in|of|with))?|"
    r"(?:a |an )?(?:experience|background|knowledge|proficiency|expertise|exposure|skills?|understanding|awareness|"
    r"competence|command|grasp)"
    r"\s+(?:with|in|of|using|on|to))\s+)",
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
    term = _MARKS.sub("", _NUMBERING.sub("", item)).strip(" .:-•")
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
        dotted = "." + item
        if re.match(r"\.[A-Za-z]", piece.strip(" :-•*")) and ALIAS_TO_CANONICAL.get(term_key(dotted)):
            item = dotted  # '.NET' keeps its dot (and is the known term, not an unknown 'NET')
        if _EMPLOYER_CHECK.match(_CHECK_LEAD.sub("", item)):
            continue  # 'an enhanced DBS check': the employer's to run, nothing a resume shows
        if re.match(r"(?:other|similar|related|any)\s", item, re.I):
            continue  # 'MS Excel and other office tools': the rest is not a requirement of its own
        if re.match(r"(?:or|and/or|nor)\s", item, re.I):
            continue  # 'RN license (or compact license)': an alternative to the item before, met by meeting that
        if item and item.lower() not in _STOP_ITEMS:
            items.append(item)
    return items


# the words a posting wraps a licence in: 'must hold a current', 'a valid', 'full UK' before it; 'licence',
# 'registration', 'pin' after it
_LICENCE_LEAD = re.compile(
    r"(?:\b(?:a|an)\s+)?(?:\b(?:full|valid|current|active|unrestricted|unencumbered|clean|live|UK|US|state)\s+)+$",
    re.I,
)
_LICENCE_TAIL = re.compile(
    r"^(?:\s+(?:licen[cs](?:e|ure)|registration|registered|certification|certificate|card|pin|status|qualified|"
    r"qualification))+\b",
    re.I,
)
# a licence the candidate need not hold yet: one to obtain after hire or to be studying for
_NOT_YET_HELD = re.compile(
    r"\b(?:working towards|work towards|studying (?:for|towards)|part[- ]qualified|eligib\w*|"
    r"(?:able|ability|willing(?:ness)?) to (?:obtain|gain|get|acquire|work towards)|obtain(?:ed)? (?:within|after)|"
    r"within \d+ (?:days|weeks|months)|trainee)\b",
    re.I,
)
# outside a requirements section a licence counts only when asked for ('All applicants will hold an RGN'), not when
# named as part of the work ('supervise RGNs')
_ASKED_FOR = re.compile(
    r"\b(?:must|required|requires?|requirement|essential|mandatory|need(?:ed|s)?|will (?:hold|have|need)|"
    r"holds?|holding|valid|current|active|full)\b",
    re.I,
)
_CHECK_LEAD = re.compile(
    r"^(?:(?:must|will|should)\s+)?(?:(?:be\s+)?(?:able|willing|prepared)\s+to\s+)?"
    r"(?:pass|undergo|complete|submit to|consent to|clear|obtain|hold|have|provide|be subject to)\s+",
    re.I,
)
# checks the employer runs: never a requirement the resume could show
_EMPLOYER_CHECK = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?:enhanced|basic|standard|clear|clean|satisfactory|successful|current|valid)\s+)*"
    r"(?:DBS|CRB|PVG|disclosure|background|criminal (?:record|background)|drug|alcohol|pre-employment|reference|"
    r"credit)(?:\s+(?:and\s+)?(?:background|barred list|drug|alcohol|criminal|reference))*"
    r"(?:\s+(?:checks?|screens?|screenings?|tests?|testing|certificates?|clearance|disclosure|verification))+$",
    re.I,
)


def _only_employer_checks(content: str) -> bool:
    """'Must pass a background check and drug screen': a line asking only for checks the employer runs."""
    body = _MARKS.sub("", content.strip(" •-*")).strip(" .")
    pieces = [p.strip(" .:-•*") for p in re.split(r",|;|\band\b|\s&\s", body)]
    pieces = [p for p in pieces if p]
    return bool(pieces) and all(_EMPLOYER_CHECK.match(_CHECK_LEAD.sub("", p)) for p in pieces)


@dataclass(frozen=True)
class _LicenceMention:
    licences: tuple[Licence, ...]  # more than one when the posting accepts either ('CPA or chartered accountant')
    start: int
    end: int
    label: str


# a licence asked for by where it is held, not by name ('licensed in the state of Ohio', 'current state licensure'):
# the job title's licence (see Licence.titles)
_STATE_LICENCE = re.compile(
    r"\b(?i:licensed|licen[cs]e|licensure)\s+(?:to practi[cs]e\s+)?in\s+(?:the\s+)?(?i:(?:state|commonwealth)\s+of\s+)?"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|\b(?i:current|active|valid|unrestricted)\s+(?:[A-Z][a-z]+\s+)?(?i:state)\s+"
    r"(?i:licen[cs](?:e|ure))\b|\b(?i:state licensure)\b"
)


def title_licence(title: str) -> Licence | None:
    """The licence a job title's holders need, when the lexicon knows one ('ICU Nurse' -> registered nurse)."""
    return next((licence for licence in LICENCES if licence.titles and licence.titles.search(title)), None)


def _licence_mentions(content: str, title: str = "") -> list[_LicenceMention]:
    """The licences and registrations a line names, with the posting's own words for each ('current NMC
    registration', 'valid Class A CDL'); two joined by 'or' or '/' are one requirement met by either."""
    found: list[tuple[Licence, int, int]] = []
    for licence in LICENCES:
        for hit in licence.posting.finditer(content):
            if not any(start < hit.end() and hit.start() < end for _, start, end in found):
                found.append((licence, hit.start(), hit.end()))
    by_title = title_licence(title) if title else None
    if by_title is not None:
        for hit in _STATE_LICENCE.finditer(content):
            if not any(start < hit.end() and hit.start() < end for _, start, end in found):
                found.append((by_title, hit.start(), hit.end()))
    found.sort(key=lambda f: f[1])
    mentions: list[_LicenceMention] = []
    for licence, named_start, named_end in found:
        lead = _LICENCE_LEAD.search(content[:named_start])
        tail = _LICENCE_TAIL.match(content[named_end:])
        start = named_start - (len(lead.group(0)) if lead else 0)
        end = named_end + (len(tail.group(0)) if tail else 0)
        last = mentions[-1] if mentions else None
        if last is not None and re.fullmatch(r"\s*(?:/|or|,?\s*or)\s*", content[last.end : start], re.I):
            merged = last.licences if licence in last.licences else (*last.licences, licence)
            mentions[-1] = _LicenceMention(merged, last.start, end, content[last.start : end].strip(" .,;:()"))
            continue
        label = re.sub(r"^(?:an?|the)\s+", "", content[start:end].strip(" .,;:()"), flags=re.I)
        mentions.append(_LicenceMention((licence,), start, end, label))
    return mentions


# 'CPA credentials are desired', 'MBA, CPA, CGMA or CMA preferred': a licence named as a nice-to-have
_PREFERRED_AFTER = re.compile(
    r"^(?:\s*(?:,|/|\bor\b|\band\b)\s*[\w&+-]+(?:\s+[\w&+-]+)?){0,5}\s*"
    r"(?:(?:credentials?|certification|designation|licen[cs]e|status)\s+)?(?:(?:is|are|would be|will be)\s+)?"
    r"(?:(?:an?|highly|strongly|very)\s+)?(?:preferred|desired|desirable|plus|advantage|advantageous|beneficial|"
    r"bonus|nice to have|welcome)\b",
    re.I,
)
_PREFERRED_BEFORE = re.compile(r"\b(?:ideally|preferably|desirable|nice to have|bonus)\b[^.;]*$", re.I)


_REQUIRED_AFTER = re.compile(r"^\s*(?:(?:is|are)\s+)?(?:required|mandatory|essential|a must)\b", re.I)


def _licence_required(content: str, mention: _LicenceMention, preferred: list[tuple[int, int]]) -> bool:
    """Whether the line asks for the licence as a must-have, not one to obtain later or a nice-to-have ('CPA
    required' is one, whatever else the line prefers)."""
    if _NOT_YET_HELD.search(content):
        return False
    if _REQUIRED_AFTER.match(content[mention.end :]):
        return True
    if any(start <= mention.start < end for start, end in preferred):
        return False
    return not (_PREFERRED_AFTER.match(content[mention.end :]) or _PREFERRED_BEFORE.search(content[: mention.start]))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by a list separator, so what is read from a span is not read again."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " , " + text[end:]
    return text


# 'CI/CD (Jenkins, GitHub Actions)', 'message queues (e.g. RabbitMQ or Kafka)': examples of a broad skill
_EXAMPLES = re.compile(r"(?P<broad>[^,;:()]{2,80}?)\s*\((?P<items>[^()]{2,160})\)")
_EXAMPLE_LEAD = re.compile(r"^\s*(?:e\.?\s?g\.?|for example|such as|like|incl\.?|including|i\.e\.?)[,:]?\s*", re.I)
_NOT_EXAMPLES = re.compile(
    r"\b(?:years?|yrs?|equivalent|similar|related|preferred|required|desired|desirable|plus|mandatory|essential|"
    r"optional|ideally|must|or above|minimum|degree)\b|\d",
    re.I,
)


@dataclass(frozen=True)
class _ExampleGroup:
    broad: str  # the skill as the posting names it ('CI/CD')
    examples: tuple[str, ...]
    written: str  # the examples as the posting wrote them ('PostgreSQL or MySQL'), for the label
    start: int
    end: int


def _example_groups(content: str) -> list[_ExampleGroup]:
    """Broad skills named with examples in brackets: each example is evidence for the skill, not a requirement of its
    own. Brackets that qualify rather than exemplify ('(3+ years)', '(PostgreSQL preferred)', '(or equivalent)') are
    left alone."""
    groups: list[_ExampleGroup] = []
    for found in _EXAMPLES.finditer(content):
        inside = _EXAMPLE_LEAD.sub("", found.group("items").strip())
        if _NOT_EXAMPLES.search(inside) and not _known_terms(inside):
            continue
        if re.search(r"\b(?:preferred|required|desired|desirable|plus|equivalent|years?)\b", inside, re.I):
            continue
        examples = [e.strip(" .") for e in re.split(r",|;|/|\bor\b|\band\b|\betc\b", inside, flags=re.I)]
        examples = [e for e in examples if e and e.lower() not in _STOP_ITEMS]
        if not examples or len(examples) > 8 or not all(_is_termlike(e) for e in examples):
            continue
        # examples are names ('Jenkins', 'AWS') or known terms; 'Excel (advanced level)' qualifies the skill
        if not all(e[:1].isupper() or e[:1].isdigit() or canonical(e) for e in examples):
            continue
        before = _list_items(found.group("broad"))
        broad = core_term(before[-1]) if before else ""
        if not broad or not _is_termlike(broad) or _is_fragment(broad) or education_level(broad) >= 0:
            continue
        start = found.start("broad") + max(found.group("broad").rfind(before[-1].split()[0]), 0)
        groups.append(_ExampleGroup(broad, tuple(examples), inside.strip(" ,.;"), start, found.end()))
    return groups


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
        self.licence_index: dict[tuple[str, ...], int] = {}

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
        words = re.findall(r"[A-Za-z][\w'-]*", core)
        # initials only of spelled-out words: 'Class A CDL' is not evidenced by 'CAC' (customer acquisition cost)
        spelled_out = all(len(w) > 1 and not w.isupper() for w in words)
        if not canonical and len(core.split()) >= 2 and capitalised and spelled_out and education_level(core) < 0:
            initials = "".join(w[0] for w in words if w[0].isalpha()).lower()
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

    def add_licence(self, mention: _LicenceMention, required: bool) -> None:
        """A licence the job names, once per licence: named again ('RGN' in the keywords), it is the same one."""
        names = tuple(licence.name for licence in mention.licences)
        if names in self.licence_index:
            existing = self.items[self.licence_index[names]]
            if required and not existing.required:
                existing.required, existing.weight = True, 1.0
            return
        keys = [term_key(e) for licence in mention.licences for e in licence.evidence]
        self.licence_index[names] = len(self.items)
        self.add("certification", mention.label, mention.label, terms=list(dict.fromkeys(keys)), required=required)
        self.items[-1].licence = True

    def add_examples(self, group: _ExampleGroup, required: bool) -> None:
        """A broad skill met by itself or any of its examples ('CI/CD (Jenkins, GitHub Actions)')."""
        keys: list[str] = []
        for name in (group.broad, *group.examples):
            known = ALIAS_TO_CANONICAL.get(term_key(name))
            forms = list(forms_of(known)) if known else [term_key(name)]
            keys += forms + [variant for form in forms for variant in spelled_variants(form)]
        keys = [k for k in dict.fromkeys(keys) if k]
        main = keys[0] if keys else ""
        if not main:
            return
        if main in self.skill_keys:  # named before: its examples widen what meets it
            existing = self.items[self.skill_keys[main]]
            existing.terms = list(dict.fromkeys([*existing.terms, *keys]))
            if required and not existing.required:
                existing.required, existing.weight = True, 1.0
            return
        self.skill_keys[main] = len(self.items)
        label = f"{group.broad} ({group.written})"
        self.add("skill", label if len(label) <= 80 else group.broad, label, terms=keys, required=required)

    def add_alternatives(self, label: str, names: list[str], required: bool) -> None:
        keys: list[str] = []
        for name in names:
            canonical = ALIAS_TO_CANONICAL.get(term_key(name))
            keys += list(forms_of(canonical)) if canonical else [term_key(name)]
            self.skill_keys.setdefault(keys[0] if keys else name, len(self.items))
        self.add("skill", label, label, terms=list(dict.fromkeys(keys)), required=required)


# a version after a tool's name: 'Java 8+', 'Python 3.x', 'Angular 2+', 'v14'
_VERSION = r"(?:\s*v?\d+(?:\.(?:\d+|x))*\+?)?"


def _alternatives(content: str, known: list[tuple[str, str]]) -> dict[str, list[str]]:
    """'Java or Kotlin', 'Java 8+ or Kotlin', 'Docker/Kubernetes' -> {'Java or Kotlin': ['Java', 'Kotlin']} (either one
    meets the requirement). A list of peers ending in 'or' is one choice ('AWS, Azure or GCP'); one of different kinds
    keeps its head items apart ('Python, SQL or R' asks for Python and one of SQL or R)."""
    groups: dict[str, list[str]] = {}
    surfaces = list(dict.fromkeys(s for s, _ in known))  # a surface named many times is one alternative
    for first in surfaces:
        for second in surfaces:
            if first == second:
                continue
            pattern = rf"(?<![\w+#.]){re.escape(first)}{_VERSION}\s*(?:,\s*)?(?:or|/)\s*{re.escape(second)}(?![\w+#])"
            found = re.search(pattern, content, re.I)
            if found:
                peers = _peers_before(content[: found.start()], surfaces, [first, second])
                label = f"{', '.join([*peers, first])} or {second}"
                groups[label] = [*peers, first, second]
    # each surface belongs to at most one group
    result: dict[str, list[str]] = {}
    used: set[str] = set()
    for label, names in groups.items():
        if not used & set(names):
            result[label] = names
            used |= set(names)
    return {name: result[label] for label in result for name in [label]} | {n: [] for n in used}


def _peers_before(before: str, surfaces: list[str], choice: list[str]) -> list[str]:
    """The items listed before a choice ('AWS, ' before 'Azure or GCP'), as far back as they are of the choice's kind
    (PEERS); none when the choice's own two are of different kinds."""
    kind = peer_group(choice[0])
    if kind is None or peer_group(choice[1]) != kind:
        return []
    peers: list[str] = []
    while True:
        for surface in surfaces:
            if surface in peers or surface in choice or peer_group(surface) != kind:
                continue
            item = re.search(rf"(?<![\w+#.]){re.escape(surface)}{_VERSION}\s*,\s*$", before, re.I)
            if item:
                peers.insert(0, surface)
                before = before[: item.start()]
                break
        else:
            return peers


def _drop_members(groups: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in groups.items() if v}


def _mark_separators(text: str) -> str:
    """'Acme · Leeds, UK', 'Acme – Leeds', 'Junior Chef  Glasfryn, Mold': in a posting's first lines a middle dot, an
    en dash or a run of spaces separates title, employer and place; they become ' | ' (a middle dot elsewhere is a
    bullet to clean_text, and a dash or double space would be lost)."""
    # an inline list: 'Responsibilities: - Manage the team - Prepare reports - ...'
    text = "\n".join(
        re.sub(r"\s-\s(?=[A-Z])", "\n• ", line)
        if len(line.split()) > 15 and len(re.findall(r"\s-\s[A-Z]", line)) >= 2
        else line
        for line in text.split("\n")
    )
    # a flattened posting whose list lost its bullets keeps a run of spaces between the items
    text = "\n".join(
        re.sub(r"[ \t]{2,}(?=[A-Z])", "\n", line)
        if len(line.split()) > 30 and len(re.findall(r"  +\S", line)) >= 2
        else line
        for line in text.split("\n")
    )
    head, newline, rest = text.partition("\n")
    second, newline2, rest = rest.partition("\n")
    head = re.sub(r"[ \t][\u2013\u2014][ \t]", " | ", head.strip())
    # a run of spaces after the role ('Junior Chef  Glasfryn, Mold'), not inside it ('Service Desk  Project Lead')
    head = re.sub(r"(?<=\S)[ \t]{2,}", lambda m: " | " if _ROLE_NOUN_RE.search(head[: m.start()]) else " ", head)
    second = re.sub(r"[ \t][\u2013\u2014][ \t]", " | ", second)
    return re.sub(r"[ \t]\u00b7[ \t]", " | ", head + newline + second + newline2 + rest)


def extract_requirements(text: str) -> tuple[str, list[Requirement]]:
    """The job's title and requirements; raises JobTextError when nothing usable is found."""
    # 'Acme · Leeds, UK': the middle dot is a separator here, not the bullet clean_text would make of it
    cleaned = clean_text(_restore_breaks(_mark_separators(text or "")))
    raw_lines = [line for line in cleaned.split("\n") if line.strip()]
    if not raw_lines or len(cleaned.split()) < 2:
        raise JobTextError("the job description is empty")
    raw_title, confidence = read_title(raw_lines)
    title = _display_case(_clean_title(raw_title))[:80]
    builder = _Builder()
    query = role_query(raw_title, title)
    builder.add("role", title, query, terms=[role_key(title)] if role_key(title) else [])
    builder.items[0].confidence = confidence

    lines: list[_Line] = []
    section = "intro"
    for index, line in enumerate(raw_lines):
        if index <= 4 and _is_title_block(line, raw_title):
            continue  # the title, its label and the employer/place line under it
        if index == 1 and _strip_markup(raw_lines[0]).lower().startswith(raw_title.lower()) and _is_name_line(line):
            continue  # 'Bristol', 'Acme Holdings Ltd' under the title
        # a longer plain heading ('Education, Experience And Qualifications') closes a section that is never read
        header = _classify_header(line, plain_words=7 if section == "ignore" else 4)
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
            value = field.group(2)
            sentences = [p.strip() for p in _SENTENCE_BREAK.split(value) if p.strip() and not _never_a_requirement(p)]
            if sub in ("required", "preferred", "education", "responsibilities"):
                section = sub  # the lines after 'Requirements: Python, SQL' go on with its list
            if sub in ("required", "preferred", "education") or "skill" in label:
                if len(value.split()) > 20:  # a flattened section: one line per sentence
                    lines.extend(_Line(part, sub or "required", False) for part in sentences)
                else:
                    lines.append(_Line(value, sub or "required", True))
                continue
            if sub == "responsibilities" and len(value.split()) > 3:
                lines.extend(_Line(part, sub, False) for part in sentences)
                continue
            if sub == "ignore" and len(value.split()) <= 12:
                # 'What we offer: Pension' and 'Physical requirements: Standing' open a section whose lines follow;
                # 'Location: Leeds', 'Salary: £30k' are one field each
                if not _ONE_LINE_FIELD.search(label):
                    section = "ignore"
                continue  # a longer value runs on into the posting's text
        if len(line.split()) > 20:
            # a paragraph: one requirement per sentence, and the employer's self-description left out
            for sentence in _SENTENCE_BREAK.split(line):
                if sentence.strip() and not _about_employer(sentence) and not _never_a_requirement(sentence):
                    lines.append(_Line(sentence.strip(), section, False))
            continue
        if section == "intro" and _about_employer(line):
            continue
        kept = [part for part in _SENTENCE_BREAK.split(line) if part.strip() and not _never_a_requirement(part)]
        if len(kept) < len(_SENTENCE_BREAK.split(line)):
            lines.extend(_Line(part.strip(), section, False) for part in kept)
            continue
        lines.append(_Line(line, section, line.startswith("•")))

    has_requirement_section = any(ln.section in ("required", "preferred", "education") for ln in lines)
    responsibilities = 0
    for ln in lines:
        if ln.section == "ignore":
            continue
        content = _NUMBERING.sub("", ln.text.strip(" •-*")).strip()
        if _only_employer_checks(content):
            continue
        first_new = len(builder.items)
        preferred_spans = _preferred_spans(content)
        required = ln.section != "preferred" and not _covers_line(preferred_spans, content)
        in_requirements = ln.section in ("required", "preferred", "education") or (
            not has_requirement_section and ln.section == "intro"
        )
        found_any = False

        years = next((m for m in _YEARS.finditer(content) if not _period_not_experience(content, m)), None)
        if years and in_requirements | (ln.section == "intro"):
            amount = _asked_years(years)
            duplicate = any(r.kind == "experience" and r.min_years == amount and not r.terms for r in builder.items)
            if 0 < amount <= 30 and not (duplicate and not _known_terms(content[years.end() :])):
                # the skills the years are of sit in the same clause: in 'You have: 3+ years of test automation;
                # excellent communication' they are not of communication
                subject = _years_subject(content[years.end() :])
                known = _known_terms(subject)
                # the job's own words, so the gap can be checked against the posting ('5+ years of Python')
                phrase = re.split(r"[,;()]|\.\s|\s(?:and|with|in a|including|preferably)\s", content[years.start() :])[
                    0
                ]
                phrase = re.sub(r"(?<!\s)\s+or\s+(?:a\s+)?(?:similar|related|equivalent)\b.*$", "", phrase, flags=re.I)
                if _GENERAL_EXPERIENCE.fullmatch(subject.strip()):  # '2+ years relevant experience'
                    phrase = f"{content[years.start() : years.end()]} {subject.strip()}"
                words = phrase.strip(" .:").split()
                asked = f"{years.group(1)}+ months" if years.group(2) else f"{amount:g}+ years"
                label = " ".join(words[:12]) if len(words) >= 3 else f"{asked} experience"
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
            # with no requirements section, the skills the duties name are what the posting asks for
            core_section = in_requirements or (ln.section == "responsibilities" and not has_requirement_section)
            whole = content
            read: list[tuple[int, int]] = []
            if in_requirements or _ASKED_FOR.search(content):
                for mention in _licence_mentions(content, title):
                    # the line's own mark is not the licence's: 'Masters preferred.CPA required' (see _licence_required)
                    wanted = ln.section != "preferred" and _licence_required(content, mention, preferred_spans)
                    builder.add_licence(mention, wanted)
                    read.append((mention.start, mention.end))
                    found_any = True
            if in_requirements:
                for group in _example_groups(_blank(content, read)):
                    builder.add_examples(group, required and core_section)
                    read.append((group.start, group.end))
                    found_any = True
            content = _blank(content, read) if read else content
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
                if (
                    len(inside) == 1
                    and 2 <= len(phrase.split()) <= 4
                    and phrase.lower().endswith(inside[0][0].lower())
                    and not _is_fragment(phrase)
                ):
                    phrase_of[inside[0][0]] = phrase
            held_as = _held_as(content) if years else ""
            for surface, canonical in known:
                if surface in alternatives:
                    continue
                if surface.lower() in held_as:
                    continue  # '3+ years as a data or business analyst': a role held, counted by the years above
                if len(surface.strip()) == 1 and not _listed_among_skills(surface, content, known):
                    continue  # 'the C of C matrix': a letter, not the language
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
                        # 'Docker/Kubernetes' is its two known terms, not a third term of its own
                        if _known_terms(item) and len(term_key(item).split()) > 1:
                            continue
                        if _is_fragment(requirement_label(item)) or _is_fragment(core) or _never_a_requirement(item):
                            continue
                        tool = BARE_TOOL_NAMES.get(term_key(core))
                        if tool is not None:
                            # 'Office' is MS Office, named so the gap and its check need the tool ('front office'
                            # in a resume is not it)
                            builder.add_skill(requirement_label(item), tool, required, label=tool)
                        else:
                            builder.add_skill(requirement_label(item), None, required, core)
                        found_any = True
            if (
                not found_any
                and re.search(r"\bcertifi", content, re.I)
                and not any(r.kind == "certification" for r in builder.items[-3:])
            ):
                builder.add("certification", _short(content), content, required=required)
                found_any = True

        if in_requirements or ln.section in ("responsibilities", "intro"):
            content = whole
        if required:
            _prefer_within(builder.items[first_new:], content, preferred_spans)
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


# '10-year background check', '7-year employment history verification', '4-year degree': a period that is not
# experience asked for
_NOT_EXPERIENCE_PERIOD = re.compile(
    r"^[\s-]*(?:[\w/]+\s+){0,3}?(?:background|check|history|verification|screening|degree|programme|program|"
    r"warranty|contract|lease|old|legacy|heritage|anniversary)\b",
    re.I,
)
# the employer's own years ('an industry leader for 30+ years', 'in business for over 20 years')
_EMPLOYER_YEARS = re.compile(
    r"\b(?:leaders?|in business|established|trading|operating|serving [\w ]{1,30}|around|existence|family[- ]owned)"
    r"\s+(?:for\s+)?(?:over\s+|more than\s+|nearly\s+|almost\s+)?$",
    re.I,
)
# what years of 'relevant experience' are of: the whole career ('2+ years relevant experience, advanced Excel'),
# unless the clause names it ('experience in', 'experience with', 'experience as')
_GENERAL_EXPERIENCE = re.compile(
    r"^(?:of\s+)?(?:(?:relevant|related|professional|progressive|similar|industry|previous|prior|proven|general|"
    r"practical|work|working|paid|post-qualification|hands-on)\s+){0,3}(?:work\s+)?experience\b(?!\s+(?:in|with|of|"
    r"using|as|on|at|across|within|for|doing|working|building|designing|developing|managing|leading|supporting|"
    r"providing|creating|handling|running|writing|programming|operating|maintaining)\b)",
    re.I,
)


def _listed_among_skills(surface: str, content: str, known: list[tuple[str, str]]) -> bool:
    """A one-letter name ('C', 'R') is the language only as an item of a list of other known skills
    ('Python, C and Go'), never inside a phrase ('a C grade', 'the C of C matrix')."""
    item = re.compile(r"(?:^|[,;/(:]|\band\b|\bor\b)\s*" + re.escape(surface) + r"\s*(?=$|[,;/)]|\band\b|\bor\b)")
    return item.search(content) is not None and len({c for s, c in known if s != surface}) >= 2


def _period_not_experience(content: str, years: re.Match[str]) -> bool:
    """A period named with years that asks for no experience: a check's reach, a degree's length."""
    after = content[years.end() :]
    if _EMPLOYER_YEARS.search(content[: years.start()]):
        return True
    if re.match(r"\s*(?:of\s+)?(?:\w+\s+){0,2}(?:experience|exp)\b", after, re.I):
        return False
    return bool(_NOT_EXPERIENCE_PERIOD.match(after))


def _years_subject(after: str) -> str:
    """The clause the years are of, without a preferred aside ('in graphic design, preferably in retail') and
    without what follows a general 'relevant experience' (a skill named after it is a requirement of its own)."""
    subject = re.split(
        r";|\.\s|,?\s+(?:preferably|ideally|ideal|especially|particularly)\b|"
        r",?\s+and\s+(?:advanced|strong|excellent|good|solid|proven|sound|working|expert)\b",
        after.lstrip(" .'"),
    )[0]
    general = _GENERAL_EXPERIENCE.match(subject.strip())
    return general.group(0) if general else subject


def _preferred_spans(content: str) -> list[tuple[int, int]]:
    """Where a line's 'preferably' / 'a plus' / 'ideally' applies: the whole sentence when the mark opens it
    ('Preferably 3+ years of Excel, Word and Outlook') or closes it ('Excel and Word preferred'), else only its own
    clause ('Python, ideally with Django'; 'SQL (PostgreSQL preferred)')."""
    spans: list[tuple[int, int]] = []
    for mark in _PREFERRED_MARK.finditer(content):
        start = max(content.rfind(";", 0, mark.start()), content.rfind(". ", 0, mark.start())) + 1
        ends = [i for i in (content.find(";", mark.end()), content.find(". ", mark.end())) if i >= 0]
        end = min(ends) if ends else len(content)
        before = content[start : mark.start()]
        opens = not re.search(r"[,(]", before) and len(before.split()) <= 2
        closes = not content[mark.end() : end].strip(" .)")
        if opens or closes:
            spans.append((start, end))
            continue
        clause_start = max(content.rfind(",", start, mark.start()), content.rfind("(", start, mark.start())) + 1
        stops = [i for i in (content.find(",", mark.end(), end), content.find(")", mark.end(), end)) if i >= 0]
        spans.append((max(clause_start, start), min(stops) if stops else end))
    return spans


def _covers_line(spans: list[tuple[int, int]], content: str) -> bool:
    covered = sum(end - start for start, end in spans)
    return bool(spans) and covered >= 0.8 * len(content.strip())


def _prefer_within(added: list[Requirement], content: str, spans: list[tuple[int, int]]) -> None:
    """Requirements named inside a preferred clause of a required line become preferred."""
    lowered = content.lower()
    for requirement in added:
        if requirement.kind == "responsibility" or requirement.licence:
            continue  # a licence's own clause says whether it is preferred (see _licence_required)
        needles = [requirement.label.lower(), *requirement.terms]
        position = next((p for p in (lowered.find(n) for n in needles if n) if p >= 0), -1)
        if position >= 0 and any(start <= position < end for start, end in spans):
            requirement.required, requirement.weight = False, PREFERRED_WEIGHT


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
