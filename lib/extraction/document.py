"""A document: one article's bytes cleaned into text, with the tables and prose figures in it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from lib.cleaning.clean import clean_bytes
from lib.cleaning.decoding import UnreadableSourceError
from lib.cleaning.html_text import html_to_text, looks_like_html
from lib.cleaning.repair_log import Repair
from lib.extraction.figures import Figure, extract_figures
from lib.extraction.tables import Table, extract_tables

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
METADATA_SUFFIX = ".meta.json"
UNKNOWN = "unknown"


@dataclass
class Source:
    """One ingested article: cleaned text, repairs, tables, prose figures and its metadata."""

    source_id: str
    file: str
    sha256: str
    encoding: str
    text: str
    repairs: list[Repair]
    tables: list[Table]
    meta: dict[str, str] = field(default_factory=dict)
    raw_text: str = ""
    figures: list[Figure] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.get("title", UNKNOWN)


def ingest_bytes(
    raw: bytes, name: str, *, figures: bool = True, max_lines: int | None = None
) -> Source:
    """Decode, repair and clean ``raw`` (named ``name``), then extract its tables and the
    figures stated in its prose (numbers inside tables are the tables', not figures).

    HTML is turned into text first, its ``<table>`` elements into pipe tables. ``figures=False``
    skips the figure extraction (the ingest benchmark compares the two).
    Raises UnreadableSourceError with a one-line reason when ``raw`` is not text, or when HTML
    reads as more than ``max_lines`` lines of text (one line of markup can hold thousands of
    ``<p>``: the upload budget counts the text that is cleaned next, not only the raw lines).
    """
    cleaned = clean_bytes(raw)
    raw_text = raw.decode(cleaned.encoding, errors="replace")
    if looks_like_html(name, cleaned.text):
        converted = html_to_text(cleaned.text)
        if not converted.strip():
            raise UnreadableSourceError(
                "HTML has no readable text: give the article page itself, or its text"
            )
        lines = len(converted.splitlines())
        if max_lines is not None and lines > max_lines:
            raise UnreadableSourceError(
                f"page has {lines:,} lines of text once its HTML is read, over the "
                f"{max_lines:,}-line limit for one article: trim it to the article, or split it"
            )
        cleaned.repairs.append(
            Repair(
                "html",
                "html-to-text",
                1,
                0,
                len(cleaned.text),
                f"{len(cleaned.text)} chars of HTML",
                f"{len(converted)} chars of text",
            )
        )
        again = clean_bytes(converted.encode("utf-8"))
        cleaned.text = again.text
        cleaned.repairs.extend(again.repairs)
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
        text=cleaned.text,
        repairs=cleaned.repairs,
        tables=tables,
        raw_text=raw_text,
        figures=extract_figures(cleaned.text, spans) if figures else [],
    )
