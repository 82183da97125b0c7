"""Words a case-insensitive pattern matched are looked up as re compares them.

Python's ``re.IGNORECASE`` takes "ſ" (long s) for "s", "ı" (dotless i) for "i" and "K" (Kelvin)
for "k"; a table keyed by ``word.lower()`` does not. Before ``lexicon.lookup`` an upload holding
"ſome 500 firms" or "40 billion dollarſ" raised KeyError in the figure extraction.
"""

from __future__ import annotations

import pytest

from lib.datasets.detected_metadata import MONTHS, dateline_date
from lib.extraction.document import ingest_bytes
from lib.extraction.figures import context, units
from lib.extraction.figures.lexicon import fold, lookup
from lib.extraction.figures.numbers_en import GLUED_MONEY_SCALES, SCALE_WORDS

LOOKALIKES = str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a"})
DOTTED = str.maketrans({"i": "İ"})  # lower-cases to "i" and a combining dot


def _odd(word: str, table: dict[int, str] = LOOKALIKES) -> str:
    return word.translate(table)


def _sentences(table: dict[int, str] = LOOKALIKES) -> list[str]:
    before = [w for w in context._QUALIFIER_WORDS_BEFORE if w.isascii()]
    after = [w for w in context._QUALIFIER_WORDS_AFTER if w.isascii()]
    periods = list(context._PERIOD_WORDS_AFTER)
    scales = list(SCALE_WORDS)
    surfaces = [w for w in units._BY_SURFACE if w.isascii() and w.isalpha()]
    return [
        *(f"The fund reached {_odd(w, table)} 500 firms." for w in before),
        *(f"The fund reached 500 firms {_odd(w, table)}." for w in after),
        *(f"The plan costs $5 billion {_odd(w, table)}." for w in periods),
        *(f"The plan costs $5 {_odd(w, table)}." for w in scales),
        *(f"The plan costs $5{_odd(w, table)}." for w in GLUED_MONEY_SCALES),
        *(f"The plan adds 500 {_odd(w, table)} next year." for w in surfaces),
    ]


@pytest.mark.parametrize("table", [LOOKALIKES, DOTTED], ids=["ſ-ı-K", "İ"])
def test_every_table_word_with_lookalike_letters_is_read_without_error(table):
    sentences = _sentences(table)
    assert len(sentences) > 100 and any(set("ſİ") & set(s) for s in sentences)
    for sentence in sentences:
        ingest_bytes(sentence.encode(), "a.txt")  # raised KeyError on "ſome", "dollarſ", ...


def test_a_lookalike_word_finds_the_entry_of_the_word_it_stands_for():
    assert fold("ſOME") == "some" == fold("Some")
    assert fold("MİLLİON") == "million"  # not "mi̇lli̇on": one character for one, as re reads it
    assert lookup(context._QUALIFIER_WORDS_BEFORE, "ſome") == context.APPROX
    figure = ingest_bytes("The fund reached ſome 500 firms.".encode(), "a.txt").figures[0]
    assert (figure.value, figure.qualifier) == (500, context.APPROX)


@pytest.mark.parametrize("month", sorted(MONTHS))
def test_a_dateline_month_with_lookalike_letters_is_read(month):
    found = dateline_date(f"Seoul, 1 {_odd(month).title()} 2025 — The ministry said")
    assert found is None or found.startswith("2025-")


def test_a_dotted_capital_i_month_is_read():
    assert dateline_date("SEOUL, Aprİl 5, 2024 — The ministry said") == "2024-04-05"
