"""The `skima` command (operators and engine work): batch scoring and evaluation, `doctor`, shortlist links, the
backfill and sync health. Outside the runtime package on purpose: no function ships it (the shared layer copies
`shared/skima` only), and `skima` never imports it (an import contract in pyproject checks this)."""
