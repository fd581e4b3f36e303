"""Resume text: clean-up of real-world mess (reading documents is `skima.engine.documents`).

PDF text pasted without line breaks, mojibake from double-decoded UTF-8 ("â€™", "Ã©", "â¢"), odd bullets
and spacing are repaired here so later stages see one tidy line per statement where possible.
"""

from __future__ import annotations

import re
import unicodedata

# Mojibake: UTF-8 bytes decoded as cp1252/latin-1 (once or twice). Undo it run by run (a resume often mixes
# good and broken text), then drop what cannot be repaired ("â¢" lost a byte: it was a bullet).
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_RUN = re.compile("(?:[\u00c2-\u00f4][\u0080-\u00bf" + _CP1252_HIGH + "]{1,3})+")
_LEFTOVER = re.compile("[\u00c2\u00c3\u00e2\u00ef][\u0080-\u00bf" + _CP1252_HIGH + "]+")


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    for encoding in ("cp1252", "latin-1"):
        try:
            return run.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def _undo_mojibake(text: str) -> str:
    for _ in range(2):
        repaired = _MOJIBAKE_RUN.sub(_repair_run, text)
        if repaired == text:
            break
        text = repaired
    text = _LEFTOVER.sub(lambda m: " • " if m.group(0)[:1] in "âï" else " ", text)
    return _LONE_LEAD.sub(" ", text)


# a lead byte left alone at a word's edge ('description - â • Built ...'): never a letter there, only debris
_LONE_LEAD = re.compile("(?<![\\w\u00c0-\u024f])[\u00c2\u00c3\u00e2\u00ef](?![\\w\u00c0-\u024f])")


_BULLETS = re.compile(
    r"[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u27a2\u2794\u279c\u2713\u2714\u2605"
    r"\u25ba\u25b6\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u00b7\u2666\u2756]"
)
_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "..."}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\ufeff]")

# Section headers that PDF pastes run into the text: put them on their own line.
SECTION_WORDS = (
    "skill details",
    "company details",
    "education details",
    "professional summary",
    "career objective",
    "objective",
    "summary",
    "profile",
    "work experience",
    "professional experience",
    "employment history",
    "experience",
    "technical skills",
    "key skills",
    "core competencies",
    "skills",
    "education",
    "academic qualifications",
    "qualifications",
    "certifications",
    "certificates",
    "projects",
    "achievements",
    "awards",
    "languages",
    "interests",
    "hobbies",
    "personal details",
    "declaration",
    "responsibilities",
    "roles and responsibilities",
    "training",
    "internships",
    "strengths",
)
_INLINE_HEADERS = re.compile(
    r"(?<=\S)\s+(Skill Details|Company Details|Education Details|PROFESSIONAL SUMMARY|Professional Summary|"
    r"WORK EXPERIENCE|Work Experience|PROFESSIONAL EXPERIENCE|Professional Experience|EMPLOYMENT HISTORY|"
    r"Employment History|TECHNICAL SKILLS|Technical Skills|KEY SKILLS|Key Skills|CORE COMPETENCIES|"
    r"EDUCATION|CERTIFICATIONS|Certifications|PROJECTS|ACHIEVEMENTS|PERSONAL DETAILS|Personal Details|"
    r"CAREER OBJECTIVE|Career Objective|DECLARATION|Declaration)\b"
)
_INLINE_FIELDS = re.compile(
    r"(?<=\S)\s+(?=(?:company|description|project|role|duration|client|team size|"
    r"environment|technologies|designation)[ \t]*[-:][ \t])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]%])[.;!?]\s+(?=[A-Z(])")


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
}
_NUMBER_PERIOD = re.compile(
    r"\b(" + "|".join(_NUMBER_WORDS) + r")(\s*(?:\+|or more|plus)?\s*(?:\(\d+\)\s*)?"
    r"(?:years?|yrs?|months?))",
    re.IGNORECASE,
)


def _number_period(match: re.Match[str]) -> str:
    number = _NUMBER_WORDS[match.group(1).lower()]
    tail = match.group(2)
    unit = re.search(r"(?:years?|yrs?|months?)$", tail, re.IGNORECASE)
    plus = "+" if re.search(r"\+|more|plus", tail, re.IGNORECASE) else ""
    return f"{number}{plus} {unit.group(0) if unit else 'years'}"


def clean_text(text: str) -> str:
    """Normalise unicode, repair mojibake, one statement per line where the layout was lost."""
    text = _undo_mojibake(text)
    text = _NUMBER_PERIOD.sub(_number_period, text)
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub(" ", text)
    text = _BULLETS.sub("\n• ", text)
    text = _INLINE_HEADERS.sub(lambda m: "\n" + m.group(1) + "\n", text)
    text = _INLINE_FIELDS.sub("\n", text)
    text = re.sub(r"[^\S\n]{2,}", " ", text)  # any run of blanks (\u2028, \x85 too): later patterns see one
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip(" \u00a0-–—=_*•·|").strip()
        if raw.strip().startswith(("•", "-", "*", "–")) and line:
            line = "• " + line
        if not line:
            continue
        lines.append(line)
    return "\n".join(lines)


def split_long_line(line: str, max_words: int = 28) -> list[str]:
    """Sentences of a long line (a paragraph or a layout-less paste), each at most max_words."""
    if len(line.split()) <= max_words:
        return [line]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(line):
        tokens = sentence.split()
        while len(tokens) > max_words:
            cut = max_words
            # prefer to cut at a comma near the limit
            for i in range(max_words - 1, max_words // 2, -1):
                if tokens[i].endswith((",", ";", ":")):
                    cut = i + 1
                    break
            pieces.append(" ".join(tokens[:cut]))
            tokens = tokens[cut:]
        if tokens:
            pieces.append(" ".join(tokens))
    return pieces
