"""In-process harness shared by the tests and the benchmarks (so bench/ never imports tests/): template.yaml as data
and its tables created in moto, the handlers loaded from functions/, and the Tracker-calls measurement."""
