"""The parsed corpus as a prepared artefact: cleaning and extracting the bundled sources costs
about 0.4 s, paid once per version of the sources and of the pipeline instead of by the first
visitor of every new server process.

The artefact is a pickle under ``var/cache/`` (git-ignored), written by this process only and
named by a digest of every source file's bytes and of the pipeline's code, so a changed file or
a changed rule is never served from an old artefact. A missing, unreadable or foreign file is
ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from lib.datasets.corpus import Corpus, load_corpus
from lib.datasets.pipeline import pipeline_version
from lib.reference.paths import CACHE_DIR


def corpus_key(directory: Path) -> str:
    """A digest of the folder's files (names and bytes), the pipeline and the Python version."""
    digest = hashlib.sha256(f"{pipeline_version()} {sys.version}".encode())
    for path in sorted(p for p in directory.iterdir() if p.is_file()):
        digest.update(path.name.encode() + b"\0")
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def prepared_corpus(directory: Path, cache_dir: Path = CACHE_DIR) -> Corpus:
    """The corpus of ``directory``: read from its prepared artefact when there is one for these
    exact files and this pipeline, else parsed and the artefact written (best effort)."""
    path = cache_dir / f"corpus-{corpus_key(directory)}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError,
                             ImportError, TypeError, ValueError):  # fmt: skip
        corpus = pickle.loads(path.read_bytes())
        if isinstance(corpus, Corpus):
            return corpus
    corpus = load_corpus(directory)
    _write(path, pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL))
    return corpus


def _write(path: Path, data: bytes) -> None:
    """Write ``path`` atomically (a reader never sees half a file) and drop older corpora; a
    read-only or full disk only means the next process parses again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            temporary = Path(handle.name)
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            temporary.unlink(missing_ok=True)
        return
    for old in path.parent.glob("corpus-*.pickle"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
