"""Growth projections: each AI focus area's status in June 2025 and its projection for 2028."""

import streamlit as st

from lib.charts.catalog import growth_projections_chart
from lib.charts.url_state import slugify
from ui.components import has_rows, linked_multiselect, render_chart_with_excerpt
from ui.data import bundled_chart, datasets, report_unreadable_sources

st.title("Growth projections")
st.caption(
    "Qualitative levels from the source's table, placed on the codebook's ordinal outlook scale."
)
report_unreadable_sources()
data = datasets()
if not has_rows(data["growth_projections"], "growth projections table"):
    st.stop()
area_codes = {slugify(a): a for a in dict.fromkeys(data["growth_projections"]["focus_area"])}
chosen = linked_multiselect("areas", "Focus areas", area_codes)

if chosen:
    render_chart_with_excerpt(bundled_chart(growth_projections_chart, chosen))
else:
    st.info("Pick at least one focus area to draw the chart.")
