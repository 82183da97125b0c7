"""Source excerpts as safe HTML: every character escaped, cited numbers and level words marked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache

from lib.datasets.curated import NUMBER_WORDS
from lib.reference.codebook import vocabulary

CONTEXT_CHARS = 280


@cache
def _cited_pattern() -> re.Pattern[str]:
    """Numbers, number words and the codebook's level words (built once)."""
    words = sorted({*NUMBER_WORDS, *vocabulary()} - {"none", "half"}, key=len, reverse=True)
    alternatives = [r"[$₩€]?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?%|th|st|nd|rd)?"]
    alternatives += [r"\b" + re.escape(word) + r"\b" for word in words if word]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def mark_cited(text: str) -> str:
    """``text`` as escaped HTML with numbers, number words and level words in ``<mark>``."""
    pattern = _cited_pattern()
    pieces, cursor = [], 0
    for match in pattern.finditer(text):
        pieces.append(html.escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{html.escape(match.group())}</mark>")
        cursor = match.end()
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)


def mark_spans(text: str, spans: Iterable[tuple[int, int]], css_class: str = "") -> str:
    """``text`` as escaped HTML with each (start, end) span wrapped in ``<mark>``."""
    attribute = f' class="{css_class}"' if css_class else ""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces, cursor = [], 0
    for start, end in merged:
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(f"<mark{attribute}>{html.escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)


def mark_labelled_spans(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """``text`` as escaped HTML, each ``(start, end, css_class, label)`` span in a ``<mark>`` of
    that class followed by its label in a ``<sup>``; a span overlapping an earlier one is left
    unmarked. Classes are the caller's own words; text and labels are escaped."""
    pieces, cursor = [], 0
    for start, end, css_class, label in sorted(spans):
        if start < cursor or not 0 <= start < end <= len(text):
            continue
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(
            f'<mark class="{html.escape(css_class)}">{html.escape(text[start:end])}</mark>'
            + (f'<sup class="fig-number">{html.escape(label)}</sup>' if label else "")
        )
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)


def passage_in_context(
    text: str, start: int, end: int, context: int = CONTEXT_CHARS
) -> tuple[str, int, int]:
    """The passage with up to ``context`` characters around it, cut at word boundaries.

    Returns ``(snippet, start, end)`` with the passage's offsets inside the snippet.
    """
    left = max(text.rfind(" ", 0, max(start - context, 0)) + 1, 0) if start > context else 0
    right_space = text.find(" ", min(end + context, len(text)))
    right = len(text) if right_space == -1 else right_space
    return text[left:right], start - left, end - left


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of every case-insensitive occurrence of ``query`` in ``text``."""
    if not query.strip():
        return []
    return [
        (m.start(), m.end()) for m in re.finditer(re.escape(query.strip()), text, re.IGNORECASE)
    ]
