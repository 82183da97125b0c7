"""What the Sources page shows of an article's life in the team library: its saved charts (the
one a link names first), its append-only history, and the Retire button for those who may write."""

from __future__ import annotations

import streamlit as st

from lib.extraction.source import Source
from lib.library.store import Article, LibraryError
from ui.access import write_access
from ui.components import render_chart_with_excerpt
from ui.library import get_library, history_frame, saved_chart, saved_charts
from ui.safe_text import inert


def render_saved_charts(source: Source, requested: str | None) -> None:
    """The article's saved charts; the one the link names (``chart=<id>``) first and open."""
    charts = saved_charts(source.source_id)
    if requested and requested not in {c.id for c in charts}:
        st.info(
            f"Ignored chart={inert(requested, 40)} in the link: no such saved chart of this "
            "article. Its saved charts (if any) are below.",
            icon=":material/info:",
        )
        st.query_params.pop("chart", None)
        requested = None
    if not charts:
        return
    charts.sort(key=lambda c: c.id != requested)
    for saved in charts:
        opened = saved.id == requested
        label = f"Saved chart: {saved.title} (by {saved.created_by}, {saved.created_at:%Y-%m-%d})"
        with st.expander(inert(label, 200), expanded=opened, icon=":material/bookmark:"):
            if opened or st.toggle("Draw it", key=f"draw-{saved.id}"):
                chart = saved_chart(source, saved)
                if chart is not None:
                    render_chart_with_excerpt(chart, {source.source_id: source.meta})


def render_article_history(source_id: str, article: Article | None) -> None:
    """Who added, edited, reviewed or retired the article, and when; and the Retire button."""
    if article is None:
        st.caption(
            "A bundled article: it is in the team library as the repository has it, read-only."
        )
        return
    library = get_library()
    if library is None:
        return
    try:
        st.dataframe(history_frame(library, source_id), hide_index=True, width="stretch")
    except LibraryError as err:
        st.error(inert(str(err), 400), icon=":material/error:")
        return
    access = write_access()
    if not access.allowed:
        st.caption(inert(access.reason, 300))
        return
    with st.popover("Retire from library", icon=":material/archive:"):
        st.caption(
            "Hides the article from the library and Sources for everyone. It stays in the "
            "history and in exports."
        )
        if st.button("Retire it", key=f"retire-{source_id}"):
            try:
                library.retire(source_id, access.author, article.version)
            except LibraryError as err:
                st.error(inert(str(err), 400), icon=":material/error:")
            else:
                st.query_params.pop("source", None)
                st.rerun()
