"""shortlist function (completed by a later issue)."""
