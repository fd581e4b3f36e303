"""Repository tools (not shipped)."""
