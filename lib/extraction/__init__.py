"""Stage 2, clean text → records: tables (and their quotes and spans) found in an article.

In: cleaned text from ``lib.cleaning``. Out: a ``Source`` document with its text, repairs and
``Table`` records. Next: ``lib.datasets`` turns documents and curated figures into DataFrames.
"""
