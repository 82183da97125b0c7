"""Data layer of the Korea AI Policy Dashboard: raw articles in, tidy traceable DataFrames out.

One package per pipeline stage, in order: ``reference`` (vocabulary every stage reads) →
``cleaning`` → ``extraction`` → ``datasets`` → ``charts`` → ``export``. Imports flow downstream
only, and nothing here imports streamlit (``tests/test_layout.py`` checks both). The modules
at this level are the commands: ``python -m lib.ingest``, ``lib.build``, ``lib.figures``,
``lib.slides``.
"""
