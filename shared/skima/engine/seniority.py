"""Seniority direction (issue 9): how far a candidate's recent titles sit above or below the post's.

A resume of the job's occupation reads as a strong match whatever its level: an executive chef for a line-cook post,
a finance manager for an analyst post, an intern for a 'Senior' post. This reads a level from a job title and from a
resume's dated role titles, on one ladder:

    0 entry (intern, trainee, apprentice, junior, commis)
    1 practitioner (the plain title: 'Accountant', 'Line Cook', 'Account Executive', 'Project Manager')
    2 senior (senior, lead, team leader, assistant manager, chef de partie)
    3 manager (supervisor, manager, sous chef)
    4 director (director, head of, head chef, chef manager)
    5 executive (VP, president, chief ... officer, CFO, partner, executive chef)

Words that mislead are read as the plain title they are in practice: an account executive is no executive, an
executive assistant no senior, an office, case, account or project manager no manager of people. Some titles mean
one level in one firm and the next in another ('Specialist', 'Business Development Manager', 'Staff / Senior
Accountant'): they read as a span of levels, and a gap counts only from the span's near end. A title read with doubt
(a word the ladder does not know, a 'Club Chef', an 'Art Director', a bare 'Director' or 'Owner') gives no level, and
then nothing is said or changed: the reading is conservative on purpose.

The candidate's level is read from dated roles only, never from a summary or a skills list: over the post when every
readable current role (those ending within `CURRENT_YEARS` of the latest) is at least `MIN_GAP` levels above it; under
it when no readable role of the last `RECENT_YEARS` reaches within `MIN_GAP` levels below. One step either way is a
normal career move and changes nothing. A clear gap lowers the blended value (see `read_seniority`) and is named in
the explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from skima.engine.dates import year_label
from skima.engine.lexicon import fold
from skima.engine.models import Role, SeniorityReading
from skima.engine.occupations import CLOSE_CREDIT, kinship, title_occupations
from skima.engine.resume import is_title_noun, title_phrase
from skima.engine.signals import value_for_score

ENTRY, PRACTITIONER, SENIOR, MANAGER, DIRECTOR, EXECUTIVE = range(6)
LEVEL_NAMES = ("entry", "practitioner", "senior", "manager", "director", "executive")
# a gap of this many levels is clear; one step up or down is ordinary career progression
MIN_GAP = 2
# roles ending this close to the latest role's end are the candidate's current ones
CURRENT_YEARS = 1.0
# how far back a role still says the candidate has held a level (for 'less senior than the post')
RECENT_YEARS = 5.0
# blended value taken off per level of gap beyond one step (about 2.4 points of score above 70), and the most levels
# that count. With the floor below, the tuning halves' NDCG is flat from 0.06 to 0.25; the hand-graded pairs' strong >
# near-miss ordering rises with the step (0.66 -> 0.68 at 0.06, 0.69 at 0.1, 0.70 at 0.15): 0.1 keeps it modest.
STEP_PENALTY = 0.1
MAX_PENALTY_STEPS = 2
# the blended value of a fair match (a score of 70 on the calibration): no gap takes a pair below it
FAIR_MATCH_SCORE = 70
FLOOR = value_for_score(FAIR_MATCH_SCORE)

_WORD = re.compile(r"[a-z0-9]+")

# kitchen titles, most specific first: 'chef' alone is a cook in one kitchen and the head of another, so it is not read
_KITCHEN: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern), level)
    for pattern, level in (
        (r"\b(?:executive|exec) (?:head )?chef\b|\bculinary director\b|\bdirector of culinary\b", EXECUTIVE),
        (r"\bexecutive sous chef\b", DIRECTOR),
        (r"\bjunior sous chef\b|\bjr sous chef\b", SENIOR),
        (r"\bsous chef\b", MANAGER),
        (r"\bhead chef\b|\bchef de cuisine\b|\bchef manager\b|\bkitchen manager\b|\bexecutive pastry chef\b", DIRECTOR),
        (r"\bdemi chef(?: de partie)?\b", PRACTITIONER),
        (r"\bchef de partie\b|\bcdp\b|\bpastry chef\b|\bjunior sous\b", SENIOR),
        (r"\bcommis(?: chef)?\b|\b(?:trainee|apprentice|junior|assistant) chef\b|\bkitchen assistant\b", ENTRY),
        (r"\bhead cook\b", MANAGER),
        (r"\blead (?:line )?cook\b", SENIOR),
        (r"\bassistant pastry chef\b", PRACTITIONER),
        (r"\b(?:line|prep|short order|breakfast|grill|fry|pantry|banquet|evening|kitchen)? ?cook$", PRACTITIONER),
    )
)

# 'manager' titles that manage an account, a case or a project rather than people: the plain title
_NOT_PEOPLE_MANAGER = re.compile(
    r"\b(?:account|accounts|office|case|care|project|projects|product|program|programme|property|relationship|"
    r"territory|business development|bd|portfolio|brand|category|content|community|campaign|release|client|"
    r"partnership|partnerships|social media|engagement|contract|contracts)\s+manager$"
)
# 'manager' titles that are a senior specialist in one firm and a manager of people in another: no level is read
_AMBIGUOUS_MANAGER = re.compile(r"\b(?:quality|safety|compliance|risk|change|delivery|asset|claims)\s+manager$")
# 'executive' as a job's own noun is a plain title ('Account Executive', 'Sales Executive', 'Audit Executive'), and
# before these words it is no level either
_PLAIN_EXECUTIVE = re.compile(r"\bexecutive (?:assistant|secretary|administrator|coordinator|recruiter|search)\b")
# directors by trade rather than by rank: no level is read
_TRADE_DIRECTOR = re.compile(
    r"\b(?:art|creative|funeral|music|musical|casting|film|photography|design|medical|clinical|technical|"
    r"activities|activity|program|programme|camp|choir)\s+director\b"
)
_BRIGADE = re.compile(r"\bchef de (?:partie|cuisine)\b")
_GRADE_SUFFIX = frozenset({"i", "ii", "iii", "iv", "1", "2", "3", "4"})
_SELF_EMPLOYED = frozenset({"owner", "founder", "cofounder", "proprietor", "freelancer"})
_C_SUITE = frozenset(
    {"ceo", "cfo", "coo", "cto", "cio", "cmo", "cro", "chro", "cpo", "ciso", "cxo", "vp", "svp", "evp"}
)
_ENTRY_WORDS = frozenset({"intern", "internship", "trainee", "apprentice", "junior", "jr", "graduate", "entry"})
_SENIOR_WORDS = frozenset({"senior", "sr", "lead", "principal"})
_QUALIFIERS = _ENTRY_WORDS | _SENIOR_WORDS | {"staff", "mid", "level"}


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


Level = tuple[int, int]  # the lowest and highest level a title may mean


def _part_level(part: str) -> Level | None:
    """The level of one title ('Senior Accountant'), None when it cannot be read with confidence."""
    found = _part_rung(part)
    return (found, found) if isinstance(found, int) else found


def _part_rung(part: str) -> int | Level | None:
    words = _words(part)
    while words and words[-1] in _GRADE_SUFFIX:
        words = words[:-1]  # 'Analyst I', 'Engineer 2': a firm's own grades, not read
    if not words:
        return None
    text = " ".join(words)
    for pattern, level in _KITCHEN:
        if pattern.search(text):
            return level
    if "chef" in words:
        return None  # a chef of a kind the ladder does not know ('Private Chef', 'Club Chef')
    if "avp" in words or "assistant vice president" in text:
        return None  # a bank's grade, not an officer
    if _C_SUITE & set(words) or "vice president" in text or re.search(r"\bchief \w+(?: \w+)? officer\b", text):
        return EXECUTIVE
    if re.fullmatch(r"(?:(?:managing|equity|senior|salaried) )?partner", text) or re.search(r"^president\b", text):
        return EXECUTIVE
    head = words[-1]
    if head in _SELF_EMPLOYED or words in (["director"], ["company", "director"]):
        return None  # the head of a firm of one, as often as of a large one
    if head == "director":
        if _TRADE_DIRECTOR.search(text):
            return None
        return MANAGER if {"assistant", "associate", "deputy"} & set(words[:-1]) else DIRECTOR
    if re.search(r"\bexecutive director\b", text):
        return DIRECTOR
    if re.search(r"\bhead of\b", text) or re.match(r"director of\b", text):
        return DIRECTOR
    if re.match(r"chief\b", text):
        return MANAGER  # 'Chief Accountant', 'Chief Engineer': the head of a function, not an officer
    if head in ("manager", "supervisor", "superintendent", "foreman"):
        if head == "manager" and _NOT_PEOPLE_MANAGER.search(text):
            # the plain title, though a firm may mean a senior one ('Business Development Manager')
            level = _modified(words[:-1], PRACTITIONER)
            return (level, max(level, SENIOR))
        if head == "manager" and _AMBIGUOUS_MANAGER.search(text):
            return None
        if {"assistant", "deputy", "asst"} & set(words[:-1]):
            return SENIOR
        return MANAGER
    if head == "executive" or _PLAIN_EXECUTIVE.search(text):
        return _modified(words[:-1], PRACTITIONER)
    if "executive" in words or ("partner" in words and not re.search(r"\bbusiness partner\b", text)):
        return None
    if head == "controller":
        return PRACTITIONER if "credit" in words else None  # a financial controller runs the accounts
    if head in ("lead", "leader"):
        return SENIOR
    if words == ["head"]:
        return DIRECTOR  # 'Head of Finance', its department cut off with the words after its title noun
    if head == "head" or (words[0] == "head" and len(words) > 1):
        return MANAGER  # 'Head Cashier', 'Department Head'
    if head in ("intern", "trainee", "apprentice", "internship"):
        return ENTRY
    if head == "principal" or not is_title_noun(head):
        return None  # a school's principal, or no title noun at all
    if head == "assistant" and len(words) == 1:
        return PRACTITIONER
    if head == "specialist":
        level = _modified(words[:-1], PRACTITIONER)
        return (level, max(level, SENIOR))  # a plain title in one firm, a senior one in another
    if words[0] in ("assistant", "asst", "deputy"):
        return None  # 'Assistant Accountant' is junior in one firm and a grade of its own in another
    return _modified(words[:-1], PRACTITIONER)


def _modified(qualifiers: list[str], base: int) -> int:
    """A plain title's level moved by its qualifiers: 'Junior' down to entry, 'Senior' or 'Lead' up to senior."""
    found = set(qualifiers)
    if found & _ENTRY_WORDS:
        return ENTRY
    if found & _SENIOR_WORDS:
        return SENIOR
    return base


@lru_cache(maxsize=8192)
def title_level(title: str) -> Level | None:
    """The levels a title may mean on the ladder above (lowest, highest), or None when it is not read with
    confidence. A title naming two posts ('Cook/Baker', 'Staff / Senior Accountant') spans both posts' levels; one
    naming a post the ladder cannot read ('Manager and Club Chef') has none."""
    # the title without a place or a sentence after it; a brigade title runs past its noun ('Chef de Partie')
    phrase = title if _BRIGADE.search(" ".join(_words(title))) else title_phrase(title) or title
    of_what = re.search(re.escape(phrase) + r"\s+of\s+[\w&]+", title, re.IGNORECASE) if phrase != title else None
    if of_what:
        phrase = of_what.group(0)  # 'Director of Nursing': the title's department is part of it
    parts = [p.strip() for p in re.split(r"/|\||&|\band\b|,|\s[-–—]\s", phrase) if p.strip()]
    if not parts:
        return None
    head = _words(parts[-1])[-1:]
    levels: list[Level] = []
    for part in parts:
        words = _words(part)
        if words and set(words) <= _QUALIFIERS:
            words += head  # 'Staff / Senior Accountant': 'Staff' qualifies the last part's noun
        level = _part_level(" ".join(words))
        if level is not None:
            levels.append(level)
        elif any(is_title_noun(w) for w in words):
            return None  # a post the ladder cannot read
    if not levels:
        return None
    return (min(low for low, _ in levels), max(high for _, high in levels))


def level_name(level: Level) -> str:
    low, high = level
    return LEVEL_NAMES[low] if low == high else f"{LEVEL_NAMES[low]} to {LEVEL_NAMES[high]}"


@dataclass(frozen=True)
class CandidateLevel:
    """The levels a resume's dated roles show: the lowest its current roles may mean, and the highest its roles of
    recent years may mean, each with the role that shows it."""

    current_low: int
    current_low_role: Role
    recent_high: int
    recent_high_role: Role


def _of_occupation(title: str, job_occupations: tuple[str, ...], resume_fits: bool) -> bool:
    """Whether a role's title is of the job's occupation (or a close neighbour's), so that its level says something
    about the post: a bank's 'Branch Manager' says nothing about a surveying post, whose real gap is the occupation.
    A title the taxonomy cannot read counts when the resume as a whole is of the job's occupation (`resume_fits`),
    as years do (matching._role_counts); with the job's occupation unknown every role counts."""
    if not job_occupations:
        return True
    held = title_occupations(title)
    if not held:
        return resume_fits
    return max(kinship(h, j) for h in held for j in job_occupations) >= CLOSE_CREDIT


def candidate_level(
    roles: list[Role], job_occupations: tuple[str, ...] = (), *, resume_fits: bool = False
) -> CandidateLevel | None:
    """None when no current role's title can be read. Only roles of the job's occupations count (see
    `_of_occupation`); which roles are current is still judged against all of them, so an old role of the occupation
    does not pass for a current one."""
    read = [
        (role, level)
        for role in roles
        if (level := title_level(role.title)) is not None and _of_occupation(role.title, job_occupations, resume_fits)
    ]
    if not read:
        return None
    latest = max(role.end for role in roles)
    current = [(role, level[0]) for role, level in read if role.end >= latest - CURRENT_YEARS]
    if not current:
        return None
    recent = [(role, level[1]) for role, level in read if role.end >= latest - RECENT_YEARS]
    low_role, low = min(current, key=lambda item: (item[1], -item[0].end))
    high_role, high = max(recent, key=lambda item: (item[1], item[0].end))
    return CandidateLevel(low, low_role, high, high_role)


def read_seniority(
    job_level: Level | None, found: CandidateLevel | None, as_of: float, blended: float
) -> SeniorityReading | None:
    """The pair's seniority reading, with what it takes off the blended value and the line that explains it; None
    when the post's level could not be read.

    A clear gap takes `STEP_PENALTY` per level beyond one step (at most `MAX_PENALTY_STEPS`), and never takes a pair
    below `FLOOR`: seniority tells apart candidates who match the post, it does not decide whether they match."""
    if job_level is None:
        return None
    if found is None:
        return SeniorityReading(job_level=level_name(job_level))
    job_low, job_high = job_level
    gap, level, role = 0, found.current_low, found.current_low_role
    if found.current_low - job_high >= MIN_GAP:
        gap = found.current_low - job_high
    elif job_low - found.recent_high >= MIN_GAP:
        gap, level, role = found.recent_high - job_low, found.recent_high, found.recent_high_role
    note = None
    adjustment = 0.0
    if gap:
        direction = "more" if gap > 0 else "less"
        note = f"{direction} senior than the post: {role.title} ({year_label(role.start, role.end, as_of)})"
        penalty = STEP_PENALTY * min(MAX_PENALTY_STEPS, abs(gap) - MIN_GAP + 1)
        adjustment = -round(min(penalty, max(0.0, blended - FLOOR)), 4)
    return SeniorityReading(
        job_level=level_name(job_level),
        resume_level=LEVEL_NAMES[level],
        resume_title=role.title,
        gap=gap,
        adjustment=adjustment,
        note=note,
    )
