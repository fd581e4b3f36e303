"""Text quoted into a Tracker note (resume evidence, titles, a hiring manager's comment), made inert as markup.

Tracker shows notes in its web UI, where a note may be rendered as HTML; a resume or a public form can carry
markup. Tags are removed (their text kept) and any remaining angle bracket becomes its typographic lookalike, so
nothing quoted can open a tag, while "<3 years" or "C# > Java" still read as written. Linear-time patterns: the
character classes exclude the brackets, so no input makes the scan backtrack.
"""

from __future__ import annotations

import re

# A start or end tag, a comment or declaration (<!...>), or a processing instruction (<?...>).
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^<>]*>|<[!?][^<>]*>")
# Tags inside a run of text ("<b>Led</b> the team"): removed without a gap; any other tag separates words.
_INLINE = frozenset({"a", "b", "i", "u", "em", "strong", "span", "font", "small", "sub", "sup", "mark", "code"})
_BRACKETS = str.maketrans({"<": "\u2039", ">": "\u203a"})


def _replacement(match: re.Match[str]) -> str:
    name = match.group(1)
    return "" if name is not None and name.lower() in _INLINE else " "


def plain_line(text: str) -> str:
    """``text`` on one line with its whitespace collapsed, markup removed and stray angle brackets neutralised."""
    stripped = _TAG.sub(_replacement, text)
    return " ".join(stripped.split()).translate(_BRACKETS)
