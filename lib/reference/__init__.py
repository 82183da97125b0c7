"""Reference data every stage reads: where files live, the ordinal codebook, country names.

In: ``data/codebook.toml`` and fixed tables. Out: lookups (paths, level scores, ISO3, colours).
Imports nothing else from ``lib``; the pipeline starts at ``lib.cleaning``.
"""
