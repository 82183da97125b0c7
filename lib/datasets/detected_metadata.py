"""Metadata an article states about itself: from its HTML (title, outlet, date, URL) or a
dateline in its text ("Seoul, 3 March 2025", "2025년 3월 3일"), as defaults the analyst edits."""

from __future__ import annotations

import re
from datetime import date

from lib.extraction.figures.lexicon import lookup

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "3 March 2025", "March 3, 2025", "2025-03-03", "2025년 3월 3일", "2025.03.03"
DATE_PATTERNS = [
    re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<m>{_MONTH})\.? (?P<y>20\d\d)\b", re.I),
    re.compile(rf"\b(?P<m>{_MONTH})\.? (?P<d>\d{{1,2}}), (?P<y>20\d\d)\b", re.I),
    re.compile(r"\b(?P<y>20\d\d)-(?P<mn>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"(?P<y>20\d\d)년 ?(?P<mn>\d{1,2})월 ?(?P<d>\d{1,2})일"),
    re.compile(r"\b(?P<y>20\d\d)\.(?P<mn>\d{1,2})\.(?P<d>\d{1,2})\b"),
]
DATELINE_CHARS = 400  # a dateline sits at the top of an article


def dateline_date(text: str) -> str | None:
    """The first valid date near the top of ``text``, as YYYY-MM-DD, or None."""
    head = text[:DATELINE_CHARS]
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(head):
            month = match.groupdict().get("mn") or lookup(MONTHS, match.group("m"))
            try:
                day = date(int(match.group("y")), int(month), int(match.group("d")))
            except ValueError:
                continue
            found.append((match.start(), day.isoformat()))
    return min(found)[1] if found else None


def detected_metadata(detected: dict[str, str], text: str) -> dict[str, str]:
    """Metadata defaults: what the HTML declares, else a dateline's date; only what is found."""
    meta = {
        key: value.strip()
        for key, value in {
            "title": detected.get("title", ""),
            "publisher": detected.get("publisher", ""),
            "author": detected.get("author", ""),
            "published": detected.get("published", ""),
            "url": detected.get("url", ""),
        }.items()
        if value and value.strip()
    }
    if "published" not in meta:
        found = dateline_date(text)
        if found:
            meta["published"] = found
    return meta
