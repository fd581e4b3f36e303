"""What an employer offers (pay, leave, insurance, perks): never something a candidate lacks.

One pattern for the engine (a benefits sentence is never a requirement) and the shortlist page (a benefit that
slipped through as a requirement is never shown as a gap). Here, not in the engine: the shortlist function ships
without the engine.
"""

from __future__ import annotations

import re

BENEFIT_PATTERN = (
    r"health(?:care)? insurance|dental|vision (?:insurance|plan|coverage)|401\s?\(?k\)?|paid time off|pto\b|"
    r"pension|days(?:'s)? (?:annual )?(?:holiday|leave|vacation)|(?:food|meals|lunch|parking|uniform) provided|"
    r"free (?:food|meals|lunch|parking|snacks)|paid (?:vacation|sick|holidays?|leave)|"
    r"retirement (?:plan|package|savings)|(?:expense|car|travel) allowance|leave of absence|group life|"
    r"disability (?:income )?insurance|"
    r"annual leave|life insurance|employee discount|"
    r"tuition (?:reimbursement|assistance)|learning budget|parental leave|cycle to work|wellness (?:program|benefit)|"
    r"competitive (?:salary|pay|wages?|compensation|benefits)|benefits (?:include|package|are)|"
    r"annual (?:pay |salary )?reviews?|opportunit(?:y|ies) to grow|(?:discounted|free) (?:parking|meals)|"
    r"sick pay|vacation pay|holiday pay"
)

_BENEFIT = re.compile(r"\b(?:" + BENEFIT_PATTERN + r")", re.I)


def names_a_benefit(text: str) -> bool:
    """True when `text` names something the employer offers (a requirement label, a gap line)."""
    return _BENEFIT.search(text) is not None
