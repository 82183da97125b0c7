"""Figures stated in an article's prose, in English and Korean: ``extract_figures(text)``.

Modules, one job each: ``numbers_en`` and ``numbers_ko`` read numerals, ``units`` the unit
lexicon, ``context`` qualifiers, ranks and labels, ``masks`` spans holding no figures,
``sentences`` the quoted sentence, ``nouns`` what is counted, ``extract`` the scan,
``record`` the ``Figure`` record, ``lexicon`` word lists for the rule tables, ``evaluation``
scoring against expected figures.
"""

from lib.extraction.figures.extract import extract_figures
from lib.extraction.figures.record import Figure

__all__ = ["Figure", "extract_figures"]
