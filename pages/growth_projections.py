"""Growth projections: each AI focus area's status in June 2025 and its projection for 2028."""

import streamlit as st

from lib.chart_catalog import growth_projections_chart
from lib.url_state import join_codes, parse_choice_list, slugify
from ui.components import has_rows, notice_ignored, render_chart_with_excerpt
from ui.data import datasets, report_unreadable_sources

st.title("Growth projections")
st.caption(
    "Qualitative levels from the source's table, placed on the codebook's ordinal outlook scale."
)
report_unreadable_sources()
data = datasets()
if not has_rows(data["growth_projections"], "growth projections table"):
    st.stop()
area_codes = {slugify(a): a for a in dict.fromkeys(data["growth_projections"]["focus_area"])}
areas, unknown = parse_choice_list(st.query_params.get("areas"), area_codes)
notice_ignored("areas", unknown, f"among {', '.join(area_codes)}")
chosen = st.multiselect(
    "Focus areas", list(area_codes.values()), default=areas or list(area_codes.values())
)
st.query_params["areas"] = join_codes(chosen, area_codes)

if chosen:
    render_chart_with_excerpt(growth_projections_chart(data, chosen))
else:
    st.info("Pick at least one focus area to draw the chart.")
