"""The pipeline's version: a digest of the code and rules that turn raw bytes into text, tables
and figures. Derived data made by another version (the library's extractions, the prepared
corpus) is rebuilt."""

from __future__ import annotations

import functools
import hashlib

from lib.reference.paths import CHROME_RULES_FILE, REPO_ROOT

PIPELINE_PARTS = (
    "lib/cleaning",
    "lib/extraction",
    "lib/datasets/uploads.py",
    "lib/datasets/corpus.py",
)


@functools.cache
def pipeline_version() -> str:
    """16 hex digits of the SHA-256 of every pipeline source file and the chrome rules."""
    digest = hashlib.sha256()
    files = [CHROME_RULES_FILE]
    for part in PIPELINE_PARTS:
        path = REPO_ROOT / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    for path in files:
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
