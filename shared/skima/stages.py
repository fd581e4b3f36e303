"""Pipeline stage words: which Tracker placement statuses mean an application is over, and which are early enough
for a "Skima Shortlisted" move.

Tenants name their statuses freely ("Withdrawn", "Candidate withdrew", "Rejected - CV", "Placed elsewhere"), so a
stage is closed when a word of its name starts with one of these; a stage that is unknown or unnamed is live.

A stage move (the scorer's for a top-10 high score, the feedback's for a 👍) starts only from an early stage, so
nobody is ever moved backwards. Early is decided on the live stage, read from Tracker just before the move: a stored
stage (a score row's, a vote message's) may be old, so it can only rule a move out and spare that read.
"""

from __future__ import annotations

import re

# The one list of closed-stage words (the shortlist page leaves such applications out), matched at the start of
# a word so every form counts: "withdr" is Withdrawn, Withdrew and Withdraw; "reject" is Reject and Rejected.
CLOSED_STAGE_WORDS: tuple[str, ...] = (
    "withdr",
    "declin",
    "reject",
    "placed elsewhere",
    "not progress",
    "unsuccessful",
)

_CLOSED = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in CLOSED_STAGE_WORDS) + ")")


def is_closed_stage(stage_name: str | None) -> bool:
    """True when the placement status says the application is over; False for a live or unknown stage."""
    if not stage_name:
        return False
    return _CLOSED.search(" ".join(stage_name.lower().split())) is not None


# Early stages, by whole name: Tracker's and the simulator's "Applied", "Longlisted", "Shortlisted", and the
# spellings tenants use for the same steps.
EARLY_STAGE_NAMES = frozenset(
    {"applied", "new", "sourced", "longlisted", "long list", "longlist", "shortlisted", "short list"}
)


def _name(stage_name: str | None) -> str:
    return " ".join((stage_name or "").lower().split())


def is_early_stage(stage_name: str | None) -> bool:
    """True when the live stage is an early one a move may start from. An unnamed stage (None, blank) is not: a
    stage we cannot name may be past the early ones, and a move must never go backwards."""
    return _name(stage_name) in EARLY_STAGE_NAMES


def known_past_early(stage_name: str | None) -> bool:
    """True when a stored stage names a stage past the early ones: no move, and no live read to check. An unnamed
    stored stage rules nothing out (the live read decides)."""
    name = _name(stage_name)
    return bool(name) and name not in EARLY_STAGE_NAMES
