"""Sources: every article with its metadata, cleaned text, the figures its prose states (to
review), tables, search and the log of every repair."""

import pandas as pd
import streamlit as st

from lib.charts.catalog import repairs_chart
from lib.charts.citations import short_name
from lib.charts.excerpts import find_all, passage_in_context
from lib.datasets.repair_summary import repair_log_frame, repairs_by_step
from lib.datasets.uploads import table_frame
from ui.cleaning_summary import render_cleaning_summary
from ui.components import render_chart, render_source_text
from ui.data import corpus, datasets, report_unreadable_sources
from ui.figure_review import render_figure_review
from ui.library import library_articles, library_source, render_save_reviews
from ui.library_views import render_article_history, render_saved_charts
from ui.safe_text import inert

st.title("Sources")
report_unreadable_sources()
data = datasets()
all_sources = corpus()
sources = dict(all_sources.sources)
team = {a.id: a for a in (library_articles() or []) if not a.bundled}
if not sources and not team:
    st.warning(
        "No readable source in data/sources: restore it from the repository.",
        icon=":material/warning:",
    )
    st.stop()
names = {sid: short_name(source.meta, 110) for sid, source in sources.items()}
names |= {aid: f"{short_name(article.meta, 96)} (team library)" for aid, article in team.items()}
ids = list(names)
requested = st.query_params.get("source")
if requested and requested not in names:
    st.info(
        f"Ignored source={inert(requested, 80)} in the link: no such source. "
        "Showing the first one.",
        icon=":material/info:",
    )
index = ids.index(requested) if requested in names else 0
source_id = st.selectbox("Source", ids, index=index, format_func=names.__getitem__)
source = sources[source_id] if source_id in sources else library_source(team[source_id])
if source_id != requested:  # another source: the passage offsets and the chart no longer apply
    for key in ("start", "end", "chart"):
        st.query_params.pop(key, None)
st.query_params["source"] = source_id
render_saved_charts(source, st.query_params.get("chart"))

with st.container(border=True):
    st.markdown(f"**{inert(source.title)}**")
    fields = {**source.meta, "encoding": source.encoding, "repairs logged": len(source.repairs)}
    shown = [(k, v) for k, v in fields.items() if k not in ("title", "source_id") and str(v)]
    left, right = st.columns(2)
    for number, (key, value) in enumerate(shown):
        (left if number < (len(shown) + 1) // 2 else right).markdown(
            f"**{inert(key.replace('_', ' '))}**: {inert(value)}"
        )
    render_cleaning_summary(source)

# The passage a link pointed at, with its context.
try:
    start, end = int(st.query_params.get("start", "")), int(st.query_params.get("end", ""))
except ValueError:
    start = end = -1
if 0 <= start < end <= len(source.text):
    snippet, s, e = passage_in_context(source.text, start, end)
    st.markdown("##### Cited passage")
    render_source_text(snippet, [(s, e)], "cited", ellipsis=True)
elif "start" in st.query_params:
    st.info("Ignored start/end in the link: not a passage of this source.", icon=":material/info:")

cited_spans = [
    (int(row.quote_start), int(row.quote_end))
    for name, frame in data.items()
    if {"source_id", "quote_start"} <= set(frame.columns)
    for row in frame[frame["source_id"] == source_id].itertuples()
]
text_tab, figures_tab, tables_tab, search_tab, log_tab, raw_tab, history_tab = st.tabs(
    ["Cleaned text", "Figures", "Tables", "Search", "Repair log", "Raw file", "History"]
)
with text_tab:
    st.caption(f"{len(source.text):,} characters; passages cited by the dashboard are marked.")
    render_source_text(source.text, cited_spans)
with figures_tab:
    if source_id in team:
        render_save_reviews(source, team[source_id])
    render_figure_review(source)
with tables_tab:
    if not source.tables:
        st.caption("No table found in this source.")
    for number, table in enumerate(source.tables, start=1):
        st.markdown(
            f"**Table {number}** (characters {table.start}–{table.end} of the cleaned text)"
        )
        st.dataframe(table_frame(table.columns, table.rows), hide_index=True, width="stretch")
        for flag in table.flags:
            st.caption(f"Flag: {inert(flag)}")
with search_tab:
    query = st.text_input("Search every source", value=st.query_params.get("q", ""))
    if query:
        st.query_params["q"] = query
        found = False
        for sid, other in {**sources, source_id: source}.items():
            hits = find_all(other.text, query)
            if hits:
                found = True
                st.markdown(
                    f"**{inert(short_name(other.meta, 90))}**: {len(hits)} match(es)",
                    help=f"Source id {inert(sid)}",
                )
                for hit_start, hit_end in hits[:5]:
                    snippet, s, e = passage_in_context(other.text, hit_start, hit_end, 120)
                    render_source_text(snippet, [(s, e)], "hit", ellipsis=True)
        if not found:
            st.info(f"No source contains “{inert(query, 80)}”.")
    elif "q" in st.query_params:
        del st.query_params["q"]
with log_tab:
    log = repair_log_frame(all_sources)
    if source_id in sources:
        st.dataframe(
            log[log["source_id"] == source_id].drop(columns="source_id"),
            hide_index=True,
            width="stretch",
        )
    else:
        st.dataframe(
            pd.DataFrame([repair.to_dict() for repair in source.repairs]),
            hide_index=True,
            width="stretch",
        )
with raw_tab:
    st.caption("The file exactly as it reached us (shown as text, never interpreted).")
    st.code(source.raw_text, language=None, wrap_lines=True)
with history_tab:
    render_article_history(source_id, team.get(source_id))

st.divider()
render_chart(repairs_chart(data, repairs_by_step(all_sources, log)))
