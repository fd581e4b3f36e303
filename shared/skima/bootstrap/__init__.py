"""Composition roots: one module per Lambda function, each building that function's dependencies from its typed
settings, and the `skima` command's (`backfill`, `evaluation`, `admin`: the command wires no adapter itself).

One module per function rather than one module for all: each imports only what its function ships. `shortlist`
reaches neither Tracker nor the state table; of the functions only `scorer` imports the engine (numpy, onnxruntime,
the model layer). This package's `__init__` imports nothing, so importing one root never drags another in.

Each function's root offers `build(settings)` (what tests call with settings of their own) and a cached `from_env()`
(what the handler uses when no dependencies are passed: built once per container); the command's roots offer a
builder per command, from its flags. The client factories they use, cached per container, stay in
`skima.adapters.wiring` and `skima.adapters.scorer_wiring`.
"""
