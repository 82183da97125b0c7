"""Cached loaders: the only place the app reads sources. Pages call these, never lib loaders.

``st.cache_data`` parses the sources once per version of ``data/sources`` and hands each rerun
its own copy, so no page can change what another sees. The cache key is a fingerprint of the
folder (names, sizes, modification times): a file added, changed or deleted is picked up on the
next rerun without a restart.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from lib.datasets.corpus import Corpus, load_corpus
from lib.datasets.curated import load_figures
from lib.datasets.frames import build_datasets
from lib.reference.paths import sources_dir
from ui.safe_text import inert

Fingerprint = tuple[str, tuple[tuple[str, int, int], ...]]


def sources_fingerprint() -> Fingerprint:
    """The sources folder and the names, sizes and modification times of its files."""
    directory = sources_dir()
    entries = []
    for path in sorted(directory.iterdir()):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((path.name, stat.st_size, stat.st_mtime_ns))
    return str(directory), tuple(entries)


@st.cache_data(show_spinner="Reading the sources…", max_entries=4)
def _corpus(fingerprint: Fingerprint) -> Corpus:
    return load_corpus(Path(fingerprint[0]))


@st.cache_data(show_spinner="Building the datasets…", max_entries=4)
def _datasets(fingerprint: Fingerprint) -> tuple[dict[str, pd.DataFrame], list[str]]:
    problems: list[str] = []
    frames = build_datasets(_corpus(fingerprint), load_figures(), problems)
    return frames, problems


@st.cache_data(max_entries=4)
def _status(fingerprint: Fingerprint) -> tuple[list[str], list[str]]:
    """Unreadable sources and dropped figures: small, so every page can check them cheaply."""
    return list(_corpus(fingerprint).errors.values()), _datasets(fingerprint)[1]


@st.cache_data(max_entries=4)
def _metadata(fingerprint: Fingerprint) -> dict[str, dict]:
    return {sid: source.meta for sid, source in _corpus(fingerprint).sources.items()}


def source_metadata() -> dict[str, dict]:
    """Metadata record of every bundled source, by id (small: no texts, no tables)."""
    return _metadata(sources_fingerprint())


def corpus() -> Corpus:
    """Every bundled source, cleaned, with its tables."""
    return _corpus(sources_fingerprint())


def datasets() -> dict[str, pd.DataFrame]:
    """Every dataset, without the curated figures that no longer match their source."""
    return _datasets(sources_fingerprint())[0]


def report_unreadable_sources() -> None:
    """One line per unreadable source, and one for curated figures left out because of it.

    The rest of the app keeps working.
    """
    errors, problems = _status(sources_fingerprint())
    for error in errors:
        st.warning(
            f"Source skipped: {inert(error)}. "
            "Restore the file in data/sources from the repository.",
            icon=":material/warning:",
        )
    if problems:
        st.warning(
            f"{len(problems)} curated figure(s) left out because their source is missing or "
            f"changed (first: {inert(problems[0])}). Restore data/sources from the repository.",
            icon=":material/warning:",
        )
