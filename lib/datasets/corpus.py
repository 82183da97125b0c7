"""Sources: raw article files with their metadata records, ingested into clean text and tables."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from lib.cleaning.errors import UnreadableSourceError
from lib.extraction.source import METADATA_SUFFIX, SOURCE_SUFFIXES, UNKNOWN, Source
from lib.reference.paths import SOURCES_DIR


@dataclass
class Corpus:
    """Every source that could be read, and a one-line error for each that could not."""

    sources: dict[str, Source]
    errors: dict[str, str] = field(default_factory=dict)

    def texts(self) -> dict[str, str]:
        """Cleaned text by source id."""
        return {source_id: source.text for source_id, source in self.sources.items()}


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
    from lib.extraction.document import ingest_bytes  # the pipeline, loaded when first needed

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
