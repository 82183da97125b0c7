"""Articles an analyst brings: limits, ingest with one-line errors, recorded edits, saving.

Nothing here touches the disk except :func:`save_source`, which the app offers only when it
runs locally.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from lib.cleaning.decoding import UnreadableSourceError, detect_encoding
from lib.datasets.corpus import default_metadata
from lib.datasets.detected_metadata import detected_metadata
from lib.extraction.document import METADATA_SUFFIX, SOURCE_SUFFIXES, Source, ingest_bytes

MAX_FILE_MB = 2  # also server.maxUploadSize in .streamlit/config.toml
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_FILES_PER_BATCH = 20
# Lines in one upload, as uploaded and again as text once HTML is read. The bundled articles have
# 30 to 59 lines, a 10,000-word feature in short paragraphs about 500, a saved news page's HTML a
# few thousand: no article comes near 10,000. The limit bounds the work paid per line however
# short the lines are, which the byte limit does not (2 MB of one-letter lines is a million
# lines, about 10 s to clean): at most about 150 µs a line, for short lines of mojibake that ftfy
# reads twice (to fix, to confirm), so the worst accepted upload cleans in well under 2 s.
MAX_LINES = 10_000


def batch_error(count: int) -> str | None:
    """A one-line refusal when too many files come at once, else None."""
    if count > MAX_FILES_PER_BATCH:
        return (
            f"{count} files at once is more than {MAX_FILES_PER_BATCH}: "
            f"add at most {MAX_FILES_PER_BATCH} at a time. Nothing was added."
        )
    return None


def count_lines(raw: bytes) -> int:
    """Lines in ``raw`` as the cleaning steps split them (``str.splitlines`` of the decoded text).

    Counted on the text, not on ``\\n`` bytes: CR line endings, form feeds and U+2028 separate
    lines too, and UTF-16 spells a newline with two bytes. Raises UnreadableSourceError when
    ``raw`` is not text, as the ingest would.
    """
    return len(raw.decode(detect_encoding(raw), errors="replace").splitlines())


def upload_id(raw: bytes) -> str:
    """Session id of an uploaded source: the same bytes are the same source."""
    return f"upload-{hashlib.sha256(raw).hexdigest()[:12]}"


def ingest_upload(name: str, raw: bytes) -> Source:
    """Ingest an uploaded or pasted article like a bundled one.

    Raises UnreadableSourceError (one line, what to do) for a wrong type, an over-size file (more
    than MAX_FILE_BYTES or MAX_LINES), or bytes that are not text. The limits are checked here, on
    the server, before any cleaning, for files and pasted text alike.
    """
    if not name.lower().endswith(SOURCE_SUFFIXES):
        raise UnreadableSourceError(
            f"type not supported ({Path(name).suffix or 'no extension'}): "
            "give a .txt, .md or .html file"
        )
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableSourceError(
            f"file is {len(raw) / 1024 / 1024:.1f} MB, over the {MAX_FILE_MB} MB limit: "
            "trim it to the article, or split it"
        )
    lines = count_lines(raw)
    if lines > MAX_LINES:
        raise UnreadableSourceError(
            f"file has {lines:,} lines, over the {MAX_LINES:,}-line limit for one article: "
            "trim it to the article, or split it"
        )
    source = ingest_bytes(raw, name, max_lines=MAX_LINES)
    source.source_id = upload_id(raw)
    detected = detected_metadata(source.detected, source.text)
    source.meta = (
        default_metadata(source)
        | {
            "source_id": source.source_id,
            "file": Path(name).name,
            "publisher": "unknown (uploaded)",
            "published_basis": "Uploaded in this session; no metadata record yet.",
        }
        | detected
    )
    if detected:
        found = ", ".join(sorted(detected))
        source.meta["published_basis"] = f"Uploaded; {found} as the article states it (edit below)."
    return source


def table_frame(columns: Sequence[str], rows: Sequence[Sequence[str | None]]) -> pd.DataFrame:
    """An extracted table as a DataFrame of text cells (missing cells are None)."""
    unique = []
    for column in columns:
        name, n = column, 2
        while name in unique:
            name, n = f"{column} ({n})", n + 1
        unique.append(name)
    return pd.DataFrame([list(row) for row in rows], columns=unique, dtype=object)


def table_edits(original: pd.DataFrame, edited: pd.DataFrame) -> pd.DataFrame:
    """Each cell the analyst changed: row, column, the source's value and the edited one."""
    records = []
    for row in range(min(len(original), len(edited))):
        for column in original.columns:
            before, after = original.iloc[row][column], edited.iloc[row][column]
            same = (pd.isna(before) and pd.isna(after)) or before == after
            if not same:
                records.append(
                    {
                        "row": row + 1,
                        "label": original.iloc[row, 0],
                        "column": column,
                        "source_value": None if pd.isna(before) else before,
                        "edited_value": None if pd.isna(after) else after,
                    }
                )
    return pd.DataFrame.from_records(
        records, columns=["row", "label", "column", "source_value", "edited_value"]
    )


def _next_index(directory: Path) -> int:
    numbers = [int(m.group(1)) for p in directory.iterdir() if (m := re.match(r"(\d{3})_", p.name))]
    return max(numbers, default=-1) + 1


def save_source(raw: bytes, name: str, meta: dict[str, object], directory: Path) -> Path:
    """Write the raw bytes unchanged plus a metadata record into ``directory``; return the path.

    Files are named like the bundled ones: ``NNN_<first 16 hex of sha256>.<ext>``. Raises
    FileExistsError when the same bytes are already there.
    """
    sha = hashlib.sha256(raw).hexdigest()
    for existing in directory.iterdir():
        if existing.is_file() and existing.suffix in SOURCE_SUFFIXES and sha[:16] in existing.name:
            raise FileExistsError(f"already in {directory.name}/ as {existing.name}")
    suffix = Path(name).suffix.lower() or ".txt"
    stem = f"{_next_index(directory):03d}_{sha[:16]}"
    path = directory / f"{stem}{suffix}"
    path.write_bytes(raw)
    record = {**meta, "source_id": stem, "file": path.name, "sha256": sha}
    record["notes"] = (
        f"Added from the dashboard (uploaded as {Path(name).name}). "
        f"{record.get('notes', '')}".strip()
    )
    (directory / f"{stem}{METADATA_SUFFIX}").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path
