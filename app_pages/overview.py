"""Overview: headline figures, each with its source, the figures confirmed in this session, and a
guide to the pages."""

import streamlit as st

from lib.charts.catalog import confirmed_figures_chart, key_figures_chart
from lib.charts.citations import citation, short_name
from lib.datasets.confirmed_figures import is_confirmed
from ui.components import has_rows, render_chart_with_excerpt, render_citation_link
from ui.data import (
    bundled_chart,
    report_confirmed_problems,
    report_unreadable_sources,
    session_datasets,
    session_metadata,
    source_metadata,
)
from ui.safe_text import inert

# (short label, main figure, companion figure shown under it); the full label is on hover.
HEADLINES = [
    ("Korean AI models", "korean_models", "korea_model_rank"),
    ("AI models worldwide", "world_models", "us_china_share_pct"),
    ("Korean models passing K-AI tests", "k_ai_passing_rate_pct", None),
    (
        "National AI teams programme",
        "national_ai_team_funding_krw_bn",
        "national_ai_team_funding_usd_m",
    ),
    ("AI investment pledge", "ai_investment_pledge_krw_tn", None),
    ("China's AI investment", "china_ai_investment_usd_bn", None),
]
COMPANION_SUFFIX = {"us_china_share_pct": " from the US and China"}

st.title("Korea AI Policy Dashboard")
st.caption("The numbers behind South Korea's AI policy debate, each with the passage it came from.")
report_unreadable_sources()
data = session_datasets()  # the curated figures, and those confirmed in this session
confirmed = is_confirmed(data["key_figures"])
figures = data["key_figures"].set_index("figure_id")
metadata = source_metadata()  # the bundled sources' records (small: no texts, no tables)


def _help(figure_id: str) -> str:
    row = figures.loc[figure_id]
    meta = metadata.get(row.source_id, {})
    return inert(f"{row.label}. “{row.quote}” — {citation(meta)} ({row.provenance})")


shown = [headline for headline in HEADLINES if headline[1] in figures.index]
for first in range(0, len(shown), 3):  # rows of three cards, each as tall as its row
    row_of_cards = shown[first : first + 3]
    columns = st.columns(3)[: len(row_of_cards)]  # a short last row keeps the same widths
    for column, (short_label, main, companion) in zip(columns, row_of_cards, strict=True):
        row = figures.loc[main]
        with column, st.container(border=True, height="stretch"):
            st.metric(short_label, row.display, help=_help(main))
            if companion and companion in figures.index:
                other = figures.loc[companion]
                st.caption(inert(other.display + COMPANION_SUFFIX.get(companion, "")))
            meta = metadata.get(row.source_id, {})
            render_citation_link(
                row.source_id,
                row.quote_start,
                row.quote_end,
                inert(short_name(meta, 36)),
                help=inert(f"{citation(meta)} · source id {row.source_id}"),
            )

st.divider()
if has_rows(data["key_figures"][~confirmed], "headline figures"):
    # The curated figures only: drawn once for every session that has confirmed none.
    render_chart_with_excerpt(
        key_figures_chart(data) if confirmed.any() else bundled_chart(key_figures_chart)
    )

report_confirmed_problems()
if confirmed.any():
    st.divider()
    st.subheader("Confirmed figures")
    st.caption(
        "Figures stated in the articles' prose that were confirmed or edited (on Sources or Add a "
        "source), one chart per unit: yours in this session, and the team's saved to the library."
    )
    render_chart_with_excerpt(confirmed_figures_chart(data), session_metadata())

st.divider()
st.subheader("The pages")
st.markdown(
    """
- **Sector adoption**: how far AI is deployed in healthcare, fintech and manufacturing in South Korea,
  the United States and China.
- **Model counts**: AI models by country (South Korea 3rd with 14) and Korea's 14 models by developer.
- **Growth projections**: AI focus areas from their June 2025 status to the 2028 projection.
- **Policy gaps**: South Korea's AI policy framework against global best practice.
- **Sources**: every article, its metadata, the cleaned text with cited passages marked, the figures
  its prose states (confirm, edit or reject each to chart it here), search, and the log of every
  repair made to the raw text.
- **Methodology**: how the numbers were extracted, the ordinal codebook, and known data-quality flags.
"""
)
