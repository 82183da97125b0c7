"""Cached loaders: the only place the app reads sources. Pages call these, never lib loaders.

``st.cache_data`` parses the sources once per version of ``data/sources`` and hands each rerun
its own copy, so no page can change what another sees. The cache key is a fingerprint of the
folder (names, sizes, modification times): a file added, changed or deleted is picked up on the
next rerun without a restart.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.curated import CurationError, load_figures
from lib.datasets import build_datasets
from lib.paths import SOURCES_DIR
from lib.sources import Corpus, load_corpus


def sources_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the files in data/sources."""
    entries = []
    for path in sorted(SOURCES_DIR.iterdir()):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


@st.cache_data(show_spinner="Reading the sources…", max_entries=4)
def _corpus(fingerprint: tuple[tuple[str, int, int], ...]) -> Corpus:
    return load_corpus(SOURCES_DIR)


@st.cache_data(show_spinner="Building the datasets…", max_entries=4)
def _datasets(fingerprint: tuple[tuple[str, int, int], ...]) -> dict[str, pd.DataFrame] | str:
    try:
        return build_datasets(load_corpus(SOURCES_DIR), load_figures())
    except CurationError as err:
        return str(err)


def corpus() -> Corpus:
    """Every bundled source, cleaned, with its tables."""
    return _corpus(sources_fingerprint())


def datasets() -> dict[str, pd.DataFrame]:
    """Every dataset; a failed build stops the page with a one-line error."""
    result = _datasets(sources_fingerprint())
    if isinstance(result, str):
        st.error(
            f"The datasets could not be built from data/sources: {result}. "
            "Restore the source file from the repository, then reload."
        )
        st.stop()
    return result


def report_unreadable_sources() -> None:
    """A one-line warning per source file that could not be read; the rest of the app works."""
    for error in corpus().errors.values():
        st.warning(
            f"Source skipped: {error}. Restore or replace the file in data/sources.",
            icon=":material/warning:",
        )
