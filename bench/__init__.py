"""Benchmarks: each prints its figures as a ratio against a floor measured in the same run."""
