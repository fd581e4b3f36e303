"""scorer function (completed by a later issue)."""
