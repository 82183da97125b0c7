"""Sources: raw article files with their metadata records, ingested into clean text and tables."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from lib.cleaning import clean_bytes
from lib.decoding import UnreadableSourceError
from lib.html_text import html_to_text, looks_like_html
from lib.paths import SOURCES_DIR
from lib.repair_log import Repair
from lib.tables import Table, extract_tables

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
METADATA_SUFFIX = ".meta.json"
UNKNOWN = "unknown"


@dataclass
class Source:
    """One ingested article: cleaned text, repairs, tables and its metadata record."""

    source_id: str
    file: str
    sha256: str
    encoding: str
    text: str
    repairs: list[Repair]
    tables: list[Table]
    meta: dict[str, str] = field(default_factory=dict)
    raw_text: str = ""

    @property
    def title(self) -> str:
        return self.meta.get("title", UNKNOWN)


@dataclass
class Corpus:
    """Every source that could be read, and a one-line error for each that could not."""

    sources: dict[str, Source]
    errors: dict[str, str] = field(default_factory=dict)

    def texts(self) -> dict[str, str]:
        """Cleaned text by source id."""
        return {source_id: source.text for source_id, source in self.sources.items()}


def ingest_bytes(raw: bytes, name: str) -> Source:
    """Decode, repair and clean ``raw`` (named ``name``), then extract its tables.

    HTML is turned into text first, its ``<table>`` elements into pipe tables.
    Raises UnreadableSourceError with a one-line reason when ``raw`` is not text.
    """
    cleaned = clean_bytes(raw)
    raw_text = raw.decode(cleaned.encoding, errors="replace")
    if looks_like_html(name, cleaned.text):
        converted = html_to_text(cleaned.text)
        if not converted.strip():
            raise UnreadableSourceError(
                "HTML has no readable text: give the article page itself, or its text"
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
    return Source(
        source_id=stem,
        file=Path(name).name,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=cleaned.encoding,
        text=cleaned.text,
        repairs=cleaned.repairs,
        tables=extract_tables(cleaned.text),
        raw_text=raw_text,
    )


def read_metadata(path: Path) -> dict[str, str]:
    """The metadata record beside a source file, or an empty dict when there is none."""
    meta_path = path.with_name(path.stem + METADATA_SUFFIX)
    if not meta_path.exists():
        return {}
    return json.loads(meta_path.read_text(encoding="utf-8"))


def default_metadata(source: Source) -> dict[str, str]:
    """The record of a source not yet described: its first line as title, the rest unknown."""
    first_line = next((line.strip() for line in source.text.splitlines() if line.strip()), UNKNOWN)
    return {
        "source_id": source.source_id,
        "file": source.file,
        "title": first_line[:160],
        "publisher": UNKNOWN,
        "author": UNKNOWN,
        "published": UNKNOWN,
        "published_estimate": "",
        "published_basis": "No metadata record yet; title is the first line of the text.",
        "url": UNKNOWN,
        "notes": "",
        "sha256": source.sha256,
    }


def ingest_file(path: Path) -> Source:
    """Ingest one source file with its metadata record. Raises UnreadableSourceError."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UnreadableSourceError(f"cannot read the file ({err.strerror})") from None
    source = ingest_bytes(raw, path.name)
    meta = default_metadata(source) | read_metadata(path)
    if meta.get("sha256") != source.sha256:
        meta["notes"] = (
            f"{meta.get('notes', '')} The file's sha256 differs from its metadata record: "
            "the raw file changed after it was recorded."
        ).strip()
    source.meta = meta
    return source


def source_files(directory: Path = SOURCES_DIR) -> list[Path]:
    """Source files in ``directory`` (not their metadata records), sorted by name."""
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_file() and path.suffix.lower() in SOURCE_SUFFIXES
    )


def load_corpus(directory: Path = SOURCES_DIR) -> Corpus:
    """Ingest every source in ``directory``; unreadable ones are reported, not fatal."""
    corpus = Corpus({})
    for path in source_files(directory):
        try:
            source = ingest_file(path)
        except UnreadableSourceError as err:
            corpus.errors[path.stem] = f"{path.name}: {err}"
            continue
        corpus.sources[source.source_id] = source
    return corpus
