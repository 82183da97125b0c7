"""Stage 3, documents → tidy datasets: the source corpus, curated figures, uploads, DataFrames.

In: ``data/sources/`` (read through ``lib.extraction``) and ``data/figures.toml``. Out: one tidy
DataFrame per dataset, every row with source id, quote and span. Next: ``lib.charts``.
"""
