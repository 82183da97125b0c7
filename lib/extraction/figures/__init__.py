"""Figures stated in an article's prose, in English and Korean: ``extract_figures(text)``.

Modules, one job each: ``numbers_en`` and ``numbers_ko`` read numerals, ``units`` the unit
lexicon, ``context`` qualifiers, ranks and labels, ``masks`` spans holding no figures,
``sentences`` the quoted sentence, ``nouns`` what is counted, ``extract`` the scan,
``record`` the ``Figure`` record, ``lexicon`` word lists for the rule tables, ``evaluation``
scoring against expected figures.
"""

from __future__ import annotations

from lib.extraction.figures.record import Figure

__all__ = ["Figure", "extract_figures"]


def __getattr__(name: str) -> object:
    """``extract_figures`` is loaded on first use: its rule tables cost about 0.1 s to import,
    and a page that only reads ``Figure`` records (the prepared corpus) never needs them."""
    if name == "extract_figures":
        from lib.extraction.figures.extract import extract_figures

        return extract_figures
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
