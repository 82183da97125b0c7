"""Stage 2, clean text → records: tables and prose figures (with quotes and spans) in an article.

In: cleaned text from ``lib.cleaning``. Out: a ``Source`` document with its text, repairs, and
``Table`` and ``Figure`` records. Next: ``lib.datasets`` turns documents into DataFrames.
"""
