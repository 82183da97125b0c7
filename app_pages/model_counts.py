"""Model counts: AI models by country (with share of the world total) and Korea's by developer."""

import streamlit as st

from lib.charts.catalog import all_countries, developers_chart, model_counts_chart
from lib.reference.countries import iso3
from ui.components import (
    has_rows,
    linked_checkbox,
    linked_multiselect,
    render_chart_with_excerpt,
)
from ui.data import bundled_chart, datasets, report_unreadable_sources

st.title("AI models by country")
st.caption(
    "Sovereign AI models by country of origin, 2020 to last year, and South Korea's by developer."
)
report_unreadable_sources()
data = datasets()
if not has_rows(data["model_counts"], "model counts"):
    st.stop()
country_codes = {iso3(c) or c: c for c in all_countries(data, "model_counts")}

chosen = linked_multiselect("countries", "Countries", country_codes)
# On when the page opens on every country (or as the link says); a fixed key then keeps the
# analyst's own choice while the countries change, and the link carries it.
rest = linked_checkbox(
    "rest",
    "Show the rest of the world (derived: the world total minus the countries shown)",
    default=set(chosen) == set(country_codes.values()),
    key="rest-of-world",
)

if chosen:
    render_chart_with_excerpt(bundled_chart(model_counts_chart, chosen, rest))
else:
    st.info("Pick at least one country to draw the chart.")
st.divider()
if has_rows(data["korean_models_by_developer"], "models by developer"):
    render_chart_with_excerpt(bundled_chart(developers_chart))
