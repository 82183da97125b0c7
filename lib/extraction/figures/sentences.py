"""Sentence spans in English and Korean text, for quoting the sentence that holds a figure.

A sentence ends at a line break, or at ``.``, ``!`` or ``?`` (with any closing quotes) before a
space — except a full stop after an abbreviation or an initial (``U.S.``, ``No.``, ``Mr.``) or
before a lower-case word. Possible ends are found by one regex scan; only the ends next to a
figure are checked, walking forward once, so the cost stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lib.extraction.figures.lexicon import words

ABBREVIATIONS = set(
    words(
        "mr mrs ms dr prof st no nos vs etc inc co corp ltd jr sr gov sen rep "
        "approx est fig vol jan feb mar apr jun jul aug sep sept oct nov dec "
        "e.g i.e a.m p.m u.s u.k u.n e.u op cf ed"
    )
)
LEADING = " \t\n◇◆■□▶►·○●-*•"
# A "sentence" longer than this (text with no punctuation) is quoted as a window of this size
# around the figure, cut at spaces, so that quotes stay small however long the text runs.
MAX_QUOTE = 600
_POSSIBLE_END = re.compile(r"[\n.!?。！？]+[\"'”’)\]」』]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"[A-Za-z.]{1,8}$")


def _is_end(text: str, start: int, end: int) -> bool:
    """Whether the possible end ``text[start:end]`` really ends a sentence."""
    if text[start] != "." or "\n" in text[start:end]:
        return True
    word = _WORD_BEFORE.search(text, max(0, start - 8), start)
    if word:
        token = word.group().lstrip(".")
        if len(token) == 1 or token.lower() in ABBREVIATIONS or "." in token:
            return False
    following = text[end : end + 3].lstrip()[:1]
    return not ("a" <= following <= "z")


def sentence_spans(text: str, positions: Sequence[int]) -> list[tuple[int, int]]:
    """The sentence span holding each of ``positions`` (ascending), without surrounding spaces
    or bullets."""
    ends = [(m.start(), m.end()) for m in _POSSIBLE_END.finditer(text)]
    spans = []
    index, last_end = 0, 0  # ends[:index] lie at or before the current position
    next_index = -1  # index of the first real end at or after ``index``, once known
    for pos in positions:
        while index < len(ends) and ends[index][1] <= pos:
            if _is_end(text, *ends[index]):
                last_end = ends[index][1]
            index += 1
        if next_index < index:
            next_index = index
            while next_index < len(ends) and not _is_end(text, *ends[next_index]):
                next_index += 1
        start = last_end
        end = ends[next_index][1] if next_index < len(ends) else len(text)
        if end - start > MAX_QUOTE:
            start, end = _window(text, start, end, pos)
        while start < pos and text[start] in LEADING:
            start += 1
        while end > pos and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def _window(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """A ``MAX_QUOTE`` window of ``start``-``end`` around ``pos``, cut at spaces near its edges."""
    low = max(start, min(pos - MAX_QUOTE // 2, end - MAX_QUOTE))
    high = min(end, low + MAX_QUOTE)
    cut = text.find(" ", low, min(pos, low + 40))
    low = cut + 1 if low > start and cut >= 0 else low
    cut = text.rfind(" ", max(pos, high - 40), high)
    high = cut if high < end and cut >= 0 else high
    return low, high
