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
**From article to number, in six steps.** Every step is code, logged and reproducible; the raw
files in `data/sources/` are never edited.

1. **Decode.** A byte order mark, UTF-16/32 by its zero bytes, ISO-2022 escapes, an HTML
   `<meta charset>`, valid UTF-8 (a few stray bytes repaired and logged), then charset-normalizer
   for the legacy code pages (Korean, Chinese, Japanese, Cyrillic, Thai, European). Every reading
   must pass a plausibility check (ftfy's badness, control characters, mixed scripts); files that
   are empty, binary or undecodable are refused with a one-line reason naming the first bad byte.
2. **Repair mojibake.** ftfy fixes the common cases where it makes a line more plausible, keeping
   real curly quotes. One source was UTF-8 read through the Thai code page (`Koreaโ€™s` for
   `Korea’s`); a dedicated repair re-encodes such runs, only where they cannot be Thai as written.
3. **Read HTML.** The page's article is found by its structure (headline, body paragraphs, link
   density, class names), entities decoded once, paragraphs kept, tables kept as tables; the title,
   date and outlet the page declares are offered as its metadata.
4. **Strip chrome.** Bylines, copyright and redistribution notices, subscribe and share prompts,
   comment counters, related-story lists and photo credits, in Korean, English, German, French,
   Chinese and Japanese: 113 rules in `data/chrome_rules.toml`, each with examples it must remove
   and sentences it must keep. A line that reads as a sentence is kept unless the rule is certain.
   Every removal is logged; an article that loses more than a fifth of its text says so.
5. **Extract tables and figures.** Pipe tables, tables broken by scraping, tables with no
   separators; and the figures stated in the prose (money, shares, counts, ranks, in English and
   Korean), which the analyst confirms, edits or rejects.
6. **Curate prose figures.** Numbers written in prose are listed in `data/figures.toml` with their
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
