"""Cached loaders: the only place the app reads sources. Pages call these, never lib loaders.

``st.cache_data`` parses the sources once per version of ``data/sources`` and hands each rerun
its own copy, so no page can change what another sees. The cache key is a fingerprint of the
folder (names, sizes, modification times): a file added, changed or deleted is picked up on the
next rerun without a restart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.charts import catalog
from lib.charts.catalog import Chart, figure_from_dict
from lib.datasets.confirmed_figures import Review, confirmed_figures_frame, with_confirmed
from lib.datasets.corpus import Corpus
from lib.datasets.curated import load_figures
from lib.datasets.frames import build_datasets, sources_frame
from lib.datasets.prepared import prepared_corpus
from lib.extraction.source import Source
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
    return prepared_corpus(Path(fingerprint[0]))


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


# The charts of the bundled data, by builder name: each is drawn once per version of the sources
# and view (the filters), not on every rerun of every session.
CHART_BUILDERS: dict[str, Callable[..., Chart]] = {
    make.__name__: make
    for make in (
        catalog.key_figures_chart,
        catalog.sector_adoption_chart,
        catalog.model_counts_chart,
        catalog.developers_chart,
        catalog.growth_projections_chart,
        catalog.policy_gaps_chart,
    )
}


@st.cache_data(max_entries=256, show_spinner=False)
def _chart(
    fingerprint: Fingerprint, builder: str, args: tuple[Hashable, ...]
) -> tuple[dict[str, object], dict]:
    """The chart's fields, its figure as the dict plotly validated: a dict pickles and loads in
    a fraction of a millisecond, a plotly figure is validated again when unpickled (20-30 ms)."""
    chart = CHART_BUILDERS[builder](_datasets(fingerprint)[0], *args)
    fields = {f.name: getattr(chart, f.name) for f in dataclasses.fields(chart)}
    fields["known_quotes"] = chart.quotes()
    return fields, fields.pop("figure").to_dict()


def bundled_chart(make: Callable[..., Chart], *args: Hashable) -> Chart:
    """``make(datasets(), *args)``, drawn once per version of the sources and ``args`` (lists are
    taken as tuples); each rerun gets its own copy, as from :func:`datasets`."""
    if CHART_BUILDERS.get(make.__name__) is not make:
        raise ValueError(f"{make.__name__} is not a chart of the bundled data")
    frozen = tuple(tuple(arg) if isinstance(arg, list) else arg for arg in args)
    fields, spec = _chart(sources_fingerprint(), make.__name__, frozen)
    return Chart(figure=figure_from_dict(spec), **fields)


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


# --- what this session adds: uploads and the figures the analyst confirmed ---------------------

REVIEWS_KEY = "figure_reviews"


def session_reviews() -> dict[str, Review]:
    """The analyst's figure reviews in this session, by ``review_key`` (source id and span)."""
    return st.session_state.setdefault(REVIEWS_KEY, {})


def confirmed_count() -> int:
    """How many figures this session confirmed or edited (cheap: no frame is built)."""
    return sum(1 for review in st.session_state.get(REVIEWS_KEY, {}).values() if review.charted)


def _reviewed_team_sources(known: set[str]) -> dict[str, Source]:
    """Team-library articles this session reviewed figures of (and did not upload itself)."""
    wanted = {r.source_id for r in st.session_state.get(REVIEWS_KEY, {}).values()} - known
    if not wanted:
        return {}
    from ui.library import library_articles, library_source

    articles = {a.id: a for a in library_articles(include_retired=True) or []}
    return {aid: library_source(articles[aid]) for aid in wanted if aid in articles}


def session_sources() -> dict[str, Source]:
    """The bundled sources, this session's uploads and the team articles it reviewed, by id."""
    uploads = st.session_state.get("uploads", {})
    sources = {**corpus().sources, **{sid: upload.source for sid, upload in uploads.items()}}
    return sources | _reviewed_team_sources(set(sources))


def session_metadata() -> dict[str, dict]:
    """Metadata of the bundled sources, this session's uploads and reviewed team articles."""
    uploads = st.session_state.get("uploads", {})
    meta = {**source_metadata(), **{sid: up.source.meta for sid, up in uploads.items()}}
    return meta | {sid: s.meta for sid, s in _reviewed_team_sources(set(meta)).items()}


def confirmed_figures() -> tuple[pd.DataFrame, list[str]]:
    """The figures confirmed in this session as ``key_figures`` rows, and the flags of those
    left out (quote no longer in its source)."""
    problems: list[str] = []
    frame = confirmed_figures_frame(session_sources(), session_reviews(), problems)
    return frame, problems


def session_datasets() -> dict[str, pd.DataFrame]:
    """Every dataset, with this session's confirmed figures joined to ``key_figures`` and its
    uploads and reviewed team articles to ``sources`` (so charts can cite them)."""
    data = datasets()
    if not confirmed_count():
        return data
    bundled = corpus().sources
    extra = sources_frame(
        Corpus({sid: s for sid, s in session_sources().items() if sid not in bundled})
    )
    return with_confirmed(data, confirmed_figures()[0], extra)


def report_confirmed_problems() -> None:
    """One warning per confirmed figure left out because its quote no longer matches."""
    if not confirmed_count():
        return
    for problem in confirmed_figures()[1]:
        st.warning(
            f"Confirmed figure left out of the charts: {inert(problem, 300)}. Its source "
            "changed since you confirmed it: review the figure again on its source's page.",
            icon=":material/warning:",
        )
