"""Labelled ranking sets for the match engine, their generators and baselines (see eval/README.md)."""
