"""Spans of text that hold no figures: URLs, e-mail addresses, phone numbers, dotted dates,
and spans the caller excludes (tables).

The patterns are written to be branches of the extractor's single scan: each starts with a
fixed character (``+``, ``(``, a digit) and has bounded repeats, so the scan stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

MASKS = {
    # International numbers: +82 2 2110 1234, +82-2-2110-1234, +1 (202) 555-0123.
    "phone_international": (
        r"\+[0-9]{1,3}[ .\-]?(?:\([0-9]{1,4}\)|[0-9]{1,4})(?:[ .\-][0-9]{2,4}){1,3}"
    ),
    # An area code in brackets: (02) 2110-1234.
    "phone_area_code": r"\([0-9]{2,4}\)[ .\-]?[0-9]{3,4}[ .\-][0-9]{4}",
    # Korean dotted dates with spaces: 2025. 7. 23.
    "dotted_date": r"(?:19|20)[0-9]{2}\. ?[0-9]{1,2}\. ?[0-9]{1,2}\.?",
}
MASK_PATTERN = "|".join(MASKS.values())
# Inside a URL (``://``) or an e-mail address (``@``): the whole run of non-spaces is masked.
LINK_MARKERS = r":/|@"
MAX_LINK_BACK = 300
_NON_SPACE = re.compile(r"\S*")


def link_span(text: str, pos: int) -> tuple[int, int]:
    """The run of non-spaces around ``pos`` (at most ``MAX_LINK_BACK`` characters back)."""
    start = pos
    floor = max(0, pos - MAX_LINK_BACK)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return start, _NON_SPACE.match(text, pos).end()


class Blocked:
    """Sorted, merged spans where no figure may start; ``end_at(pos)`` finds the one holding
    ``pos``."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def end_at(self, pos: int) -> int | None:
        """The end of the blocked span holding ``pos``, or None when ``pos`` is free."""
        if not self.starts:
            return None
        index = bisect_right(self.starts, pos) - 1
        if index >= 0 and pos < self.ends[index]:
            return self.ends[index]
        return None
