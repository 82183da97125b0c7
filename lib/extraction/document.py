"""A document: one article's bytes cleaned into text, with the tables and prose figures in it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lib.cleaning.clean import CleanedText, clean_bytes, clean_text
from lib.cleaning.decoding import UnreadableSourceError
from lib.cleaning.html_text import html_to_text, looks_like_html
from lib.cleaning.main_content import extract_main_content
from lib.cleaning.repair_log import Repair
from lib.extraction.figures import extract_figures
from lib.extraction.source import (
    HTML_SUFFIXES,
    METADATA_SUFFIX,
    SOURCE_SUFFIXES,
    UNKNOWN,
    Source,
)
from lib.extraction.tables import extract_tables

__all__ = ["HTML_SUFFIXES", "METADATA_SUFFIX", "SOURCE_SUFFIXES", "UNKNOWN", "Source",
           "ingest_bytes", "read_html"]  # fmt: skip


def ingest_bytes(
    raw: bytes, name: str, *, figures: bool = True, max_lines: int | None = None
) -> Source:
    """Decode, repair and clean ``raw`` (named ``name``), then extract its tables and the
    figures stated in its prose (numbers inside tables are the tables', not figures).

    HTML is decoded and its mojibake repaired as markup; then its article is extracted as text
    (``read_html``), and the boilerplate line rules run on that text only. ``figures=False``
    skips the figure extraction (the ingest benchmark compares the two).
    Raises UnreadableSourceError with a one-line reason when ``raw`` is not text, or when HTML
    reads as more than ``max_lines`` lines of text (one line of markup can hold thousands of
    ``<p>``: the upload budget counts the text that is cleaned next, not only the raw lines).
    """
    is_html = name.lower().endswith(HTML_SUFFIXES)
    cleaned = clean_bytes(raw, boilerplate=not is_html)
    if not is_html and looks_like_html(name, cleaned.text):  # HTML in a .txt: read it again
        is_html = True
        cleaned = clean_bytes(raw, boilerplate=False)
    raw_text = raw.decode(cleaned.encoding, errors="replace")
    detected = read_html(cleaned, max_lines) if is_html else {}
    stem = Path(name).name
    for suffix in (*SOURCE_SUFFIXES, METADATA_SUFFIX):
        stem = stem.removesuffix(suffix)
    tables = extract_tables(cleaned.text)
    spans = [(table.start, table.end) for table in tables]
    return Source(
        source_id=stem,
        file=Path(name).name,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=cleaned.encoding,
        decided_by=cleaned.decided_by,
        text=cleaned.text,
        repairs=cleaned.repairs,
        tables=tables,
        raw_text=raw_text,
        figures=extract_figures(cleaned.text, spans) if figures else [],
        detected=detected,
    )


def read_html(cleaned: CleanedText, max_lines: int | None = None) -> dict[str, str]:
    """Replace the markup in ``cleaned`` by its article's text, cleaned; return the metadata
    the page declares.

    The article is the page's main content (``extract_main_content``); a page without one is
    read whole (``html_to_text``), and the repair log says so. Either way the extraction is
    one repair spanning the markup, and the repairs after it point into the extracted text.
    Raises UnreadableSourceError when the page has no text, or more than ``max_lines`` lines.
    """
    markup = cleaned.text
    content = extract_main_content(markup)
    text, rule, found = content.text, "main-content", "article"
    if not text.strip():
        text, rule, found = html_to_text(markup), "full-page", "whole page, no article found"
    if not text.strip():
        raise UnreadableSourceError(
            "HTML has no readable text: give the article page itself, or its text"
        )
    lines = len(text.splitlines())
    if max_lines is not None and lines > max_lines:
        raise UnreadableSourceError(
            f"page has {lines:,} lines of text once its HTML is read, over the "
            f"{max_lines:,}-line limit for one article: trim it to the article, or split it"
        )
    cleaned.repairs.append(
        Repair(
            "html",
            rule,
            1,
            0,
            len(markup),
            f"{len(markup)} chars of HTML",
            f"{len(text)} chars of text ({found})",
        )
    )
    cleaned.text, repairs = clean_text(text)
    cleaned.repairs.extend(repairs)
    return content.detected
