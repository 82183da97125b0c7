"""Methodology: the pipeline in plain words, the codebook, provenance, and data-quality flags."""

import streamlit as st

from lib.charts.catalog import codebook_chart, codebook_frame
from lib.datasets.repair_summary import table_flags_frame
from ui.components import render_chart, render_excerpts
from ui.data import corpus, datasets, report_unreadable_sources

st.title("Methodology")
report_unreadable_sources()
data = datasets()

st.markdown(
    """
**From article to number, in five steps.** Every step is code, logged and reproducible; the raw
files in `data/sources/` are never edited.

1. **Decode.** The encoding is detected (UTF-8 with or without BOM, CP949/EUC-KR, Windows-1252);
   files that are empty, binary or undecodable are refused with a one-line reason.
2. **Repair mojibake.** ftfy fixes the common cases, keeping real curly quotes. One source was UTF-8
   read through the Thai code page (`Koreaโ€™s` for `Korea’s`); a dedicated repair re-encodes each
   such run and decodes it as UTF-8, and restores the closing quote whose byte was lost.
3. **Strip boilerplate.** Comment counters, subscribe boxes, share buttons, "latest stories" lists,
   copyright lines, photo credits and an unrelated trailing headline are removed, each removal logged.
4. **Extract tables.** Pipe tables, tables broken by scraping (header one cell per line, glued cells,
   rows in fragments, a paragraph bled into a cell) and tables with no separators at all.
5. **Curate prose figures.** Numbers written in prose are listed in `data/figures.toml` with their
   verbatim quote; the build fails if a quote is not in the cleaned text or the value not in the quote.
"""
)

st.subheader("Stated, derived, inferred")
counts = data["key_figures"]["provenance"].value_counts()
c1, c2, c3 = st.columns(3)
c1.metric("Stated by a source", int(counts.get("stated", 0)))
c2.metric("Derived from stated numbers", int(counts.get("derived", 0)))
c3.metric("Inferred from context", int(counts.get("inferred", 0)))
st.dataframe(
    data["key_figures"][
        ["figure_id", "label", "display", "provenance", "formula", "basis", "source_id"]
    ],
    hide_index=True,
    width="stretch",
)

st.subheader("Ordinal codebook")
st.caption("Level words map to scores within a scale; scores compare only within one scale.")
left, right = st.columns([3, 2], gap="large")
with left:
    render_chart(codebook_chart())
with right:
    st.dataframe(codebook_frame(), hide_index=True, width="stretch")

st.subheader("Known data-quality flags")
flags = table_flags_frame(corpus())
st.dataframe(flags[["source_id", "table", "flag"]], hide_index=True, width="stretch")
st.markdown("##### The flagged tables, as they start in the cleaned text")
render_excerpts(flags.drop_duplicates(["source_id", "table"]))
