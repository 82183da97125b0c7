"""Scoring extracted figures against expected ones: a gold set of sentences, or curated quotes.

A found figure matches an expected one when their spans overlap and value and unit agree;
each expected figure is matched at most once. Precision, recall and F1 follow from the counts.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lib.extraction.figures.record import EXACT, Figure


@dataclass(frozen=True)
class Expected:
    """One expected figure: its span in the sentence, value, unit and optional details."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: str = EXACT
    noun: str | None = None
    conversion: bool = False


@dataclass(frozen=True)
class GoldSentence:
    """A gold sentence, its language and the figures it states (none for a negative)."""

    lang: str
    text: str
    figures: tuple[Expected, ...]


@dataclass(frozen=True)
class Found:
    """What any extractor found, reduced to what matching needs."""

    start: int
    end: int
    value: float
    unit: str


@dataclass
class Score:
    """Counts of found, expected and matched figures, and what went wrong."""

    found: int = 0
    expected: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    qualifier_agree: int = 0
    conversions_expected: int = 0
    conversions_agree: int = 0

    @property
    def precision(self) -> float:
        """Matched over found (1.0 when nothing was found)."""
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Matched over expected (1.0 when nothing was expected)."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_gold(path: Path) -> list[GoldSentence]:
    """The gold sentences in ``path``; raises ValueError when a mention is not in its text."""
    with path.open("rb") as handle:
        records = tomllib.load(handle)["sentence"]
    sentences = []
    for record in records:
        text = record["text"]
        figures = []
        for figure in record["figures"]:
            start = _find_token(text, figure["mention"], figure.get("nth", 1))
            if start < 0:
                raise ValueError(f"mention {figure['mention']!r} not in {text!r}")
            figures.append(
                Expected(
                    start,
                    start + len(figure["mention"]),
                    figure["value"],
                    figure["unit"],
                    figure.get("qualifier", EXACT),
                    figure.get("noun"),
                    figure.get("conversion", False),
                )
            )
        sentences.append(GoldSentence(record["lang"], text, tuple(figures)))
    return sentences


def _find_token(text: str, mention: str, nth: int) -> int:
    """Start of the ``nth`` occurrence of ``mention`` not inside a longer number or word."""
    start, seen = -1, 0
    while seen < nth:
        start = text.find(mention, start + 1)
        if start < 0:
            return -1
        before = text[start - 1 : start]
        after = text[start + len(mention) : start + len(mention) + 1]
        glued_before = before.isascii() and before.isalnum()
        glued_after = (
            after.isascii() and after.isalnum() and (after.isdigit() or mention[-1].isascii())
        )
        if not glued_before and not glued_after:
            seen += 1
    return start


def same_value(a: float, b: float) -> bool:
    """Equal values, up to floating-point rounding."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def pair(found: Sequence[Found], expected: Sequence[Expected]) -> list[tuple[int, int]]:
    """(found index, expected index) for each match: overlapping span, same value and unit."""
    pairs, taken = [], set()
    for found_index, item in enumerate(found):
        for expected_index, want in enumerate(expected):
            if expected_index in taken:
                continue
            overlaps = item.start < want.end and want.start < item.end
            if overlaps and item.unit == want.unit and same_value(item.value, want.value):
                pairs.append((found_index, expected_index))
                taken.add(expected_index)
                break
    return pairs


def as_found(figures: Iterable[Figure]) -> list[Found]:
    """Figures reduced to what matching needs."""
    return [Found(f.start, f.end, f.value, f.unit) for f in figures]


def score_sentences(
    sentences: Iterable[GoldSentence],
    extract: Callable[[str], Sequence[Figure] | Sequence[Found]],
) -> Score:
    """Score ``extract`` on every sentence. When it returns ``Figure`` records, qualifiers and
    conversions of the matched figures are checked too."""
    score = Score()
    for sentence in sentences:
        result = list(extract(sentence.text))
        records = [r for r in result if isinstance(r, Figure)]
        found = as_found(records) if records else list(result)
        pairs = pair(found, sentence.figures)
        score.found += len(found)
        score.expected += len(sentence.figures)
        score.matched += len(pairs)
        matched_found = {f for f, _ in pairs}
        matched_expected = {e for _, e in pairs}
        score.misses += [
            f"{sentence.text[e.start : e.end]!r} {e.value} {e.unit} in {sentence.text!r}"
            for i, e in enumerate(sentence.figures)
            if i not in matched_expected
        ]
        score.false_alarms += [
            f"{sentence.text[f.start : f.end]!r} {f.value} {f.unit} in {sentence.text!r}"
            for i, f in enumerate(found)
            if i not in matched_found
        ]
        if records:
            _score_details(score, records, sentence.figures, pairs)
    return score


def _score_details(
    score: Score, records: list[Figure], expected: Sequence[Expected], pairs: list[tuple[int, int]]
) -> None:
    """Qualifier agreement and conversions pointing at the right original, on matched pairs."""
    starts = {e.start: i for i, e in enumerate(expected)}
    for found_index, expected_index in pairs:
        record, want = records[found_index], expected[expected_index]
        score.qualifier_agree += record.qualifier == want.qualifier
        if want.conversion:
            score.conversions_expected += 1
            original = starts.get(record.conversion_of or -1)
            if original is not None and original < expected_index:
                score.conversions_agree += 1
