"""The ingested article record: what every later stage reads. Light to import (no decoders, no
extractors), so pages and the prepared corpus can use it without loading the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from lib.cleaning.repair_log import Repair
from lib.extraction.figures.record import Figure
from lib.extraction.tables import Table

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
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
    # What an HTML page's metadata declares (title, author, published, url, publisher), for the
    # UI to offer as defaults; empty for plain text.
    detected: dict[str, str] = field(default_factory=dict)
    decided_by: str = ""  # how the encoding was decided ("bom", "meta charset=euc-kr", ...)

    @property
    def title(self) -> str:
        return self.meta.get("title", UNKNOWN)
