"""Pipeline stage words: which Tracker placement statuses mean an application is over.

Tenants name their statuses freely ("Withdrawn", "Candidate withdrew", "Rejected - CV", "Placed elsewhere"), so a
stage is closed when a word of its name starts with one of these; a stage that is unknown or unnamed is live.
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
