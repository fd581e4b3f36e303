"""Dates and date ranges in the many forms resumes use, turned into fractional years."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    rf"(?:{_MONTH}\.?\s*,?\s*'?(?:19|20)?\d{{2}}(?!\d)"  # Jan 2018, Sept. '19
    r"|\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}"  # 01/2018, 1.2018
    r"|(?:19|20)\d{2}\s*[/.-]\s*\d{1,2}(?!\d)"  # 2018-01
    r"|(?:19|20)\d{2})"  # 2018
)
_OPEN_END = r"(?:present|current(?:ly)?|now|till\s+date|till\s+now|to\s+date|date|ongoing|today|running)"
_SEP = r"\s*(?:-|–|—|~|to|till|until|through|thru)\s*"
RANGE_RE = re.compile(rf"(?<!\d)({_DATE}){_SEP}({_DATE}|{_OPEN_END})(?!\d)", re.IGNORECASE)
SINCE_RE = re.compile(rf"\b(?:since|from)\s+({_DATE})(?!\s*(?:-|–|to)\s*\d)", re.IGNORECASE)


def parse_date(text: str, *, end: bool = False) -> float | None:
    """Year as a float (month included) or None; open ends are handled by the caller."""
    t = text.strip().lower().replace("'", "")
    match = re.match(rf"({_MONTH})\.?\s*,?\s*(\d{{2,4}})", t)
    if match:
        month = _MONTHS[match.group(1)[:4] if match.group(1).startswith("sept") else match.group(1)[:3]]
        year = int(match.group(2))
        year += 2000 if year < 50 else (1900 if year < 100 else 0)
        return year + (month - 1) / 12
    match = re.match(r"(\d{1,2})\s*[/.-]\s*(\d{4})", t)
    if match and 1 <= int(match.group(1)) <= 12:
        return int(match.group(2)) + (int(match.group(1)) - 1) / 12
    match = re.match(r"(\d{4})\s*[/.-]\s*(\d{1,2})", t)
    if match and 1 <= int(match.group(2)) <= 12:
        return int(match.group(1)) + (int(match.group(2)) - 1) / 12
    match = re.match(r"(\d{4})", t)
    if match:
        # a bare year at the end of a range means "until the end of that year"
        return int(match.group(1)) + (1.0 if end else 0.0)
    return None


def as_year(day: date) -> float:
    return day.year + (day.month - 1) / 12


def find_ranges(text: str, as_of: float) -> list[tuple[float, float, str]]:
    """(start, end, matched text) for every plausible date range in text; open ends become as_of."""
    found: list[tuple[float, float, str]] = []
    for match in RANGE_RE.finditer(text):
        start = parse_date(match.group(1))
        raw_end = match.group(2)
        end = as_of if re.match(_OPEN_END, raw_end, re.IGNORECASE) else parse_date(raw_end, end=True)
        if start is None or end is None:
            continue
        # "2016 - 2024": bare start year counts from January, bare end year through December; but a
        # same-style pair of bare years reads as the difference (2016-2024 = 8 years), as people mean it.
        if re.fullmatch(r"\s*(?:19|20)\d{2}\s*", match.group(1)) and re.fullmatch(r"\s*(?:19|20)\d{2}\s*", raw_end):
            end -= 1.0
        if 1950 <= start <= min(end, as_of) and end <= as_of + 1 and end - start <= 50:
            found.append((start, min(end, as_of), match.group(0)))
    for match in SINCE_RE.finditer(text):
        start = parse_date(match.group(1))
        if start is not None and 1950 <= start <= as_of:
            found.append((start, as_of, match.group(0)))
    return found


def merged_years(intervals: list[tuple[float, float]]) -> float:
    """Total length of the union of intervals, in years."""
    total = 0.0
    current_start: float | None = None
    current_end = 0.0
    for start, end in sorted(intervals):
        if current_start is None or start > current_end:
            if current_start is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None:
        total += current_end - current_start
    return total


def year_label(start: float, end: float, as_of: float) -> str:
    """'2018-2024' or '2018-now' for quoting in reasons."""
    end_label = "now" if end >= as_of - 1 / 24 else str(int(end))
    return f"{int(start)}-{end_label}"
