"""The team library: one database of articles that every visitor of the hosted link reads.

In: raw article bytes, metadata and the analysts' edits, reviews and chart specs (with author).
Out: articles keyed by SHA-256, an append-only history, saved charts, derived tables and counts.
"""
